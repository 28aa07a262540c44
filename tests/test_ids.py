"""Deterministic, valid and distinct IRIs."""

from __future__ import annotations

import unicodedata

import pyoxigraph
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import ids
from kg.model import Event, Evidence
from kg.vocab import ID_BASE

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)
KINDS = st.sampled_from(["person", "org", "country", "city", "group", "other", ""])


def _valid(iri: str) -> bool:
    pyoxigraph.NamedNode(iri)
    return iri.startswith(ID_BASE)


def _event(**changes: object) -> Event:
    fields: dict[str, object] = dict(
        kind="visit",
        status="planned",
        roles=(("destination", ("country:DE",)), ("traveler", ("person:jane roe",))),
        evidence=Evidence("s", 0, 10, 2, 5),
        trigger="visit",
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_ids_entity_examples() -> None:
    assert ids.entity_iri("person:antony blinken") == ID_BASE + "person/antony-blinken"
    assert ids.entity_iri("country:US") == ID_BASE + "country/US"
    assert ids.entity_iri("city:1816670") == ID_BASE + "city/1816670"
    assert ids.entity_iri("org:chinese foreign ministry") == ID_BASE + "org/chinese-foreign-ministry"
    assert ids.entity_iri("group:us officials") == ID_BASE + "group/us-officials"


def test_ids_article_and_graph_percent_encode() -> None:
    assert ids.article_iri("000_07") == ID_BASE + "article/000_07"
    assert ids.article_graph_iri("a b/c") == ID_BASE + "graph/article/a%20b%2Fc"


def test_ids_non_latin_names_are_percent_encoded_without_hash() -> None:
    iri = ids.entity_iri("person:王毅")
    assert iri == ID_BASE + "person/%E7%8E%8B%E6%AF%85"
    assert _valid(iri)


def test_ids_lossy_slug_gets_hash_suffix() -> None:
    assert ids.entity_iri("group:u.s. officials") != ids.entity_iri("group:u s officials")
    assert "~" in ids.entity_iri("group:u.s. officials")
    assert "~" not in ids.entity_iri("group:u s officials")


def test_ids_event_iri_is_deterministic_and_content_sensitive() -> None:
    first = ids.event_iri("a1", _event())
    assert first == ids.event_iri("a1", _event())
    assert first.startswith(ID_BASE + "event/")
    assert first != ids.event_iri("a2", _event())
    assert first != ids.event_iri("a1", _event(status="cancelled"))
    assert first != ids.event_iri("a1", _event(kind="meeting"))
    assert first != ids.event_iri("a1", _event(evidence=Evidence("s", 0, 10, 3, 5)))
    assert first != ids.event_iri("a1", _event(trigger="trip"))


def test_ids_other_iris_are_deterministic() -> None:
    assert ids.tenure_iri("a", "person:x", "Minister", None) == ids.tenure_iri(
        "a", "person:x", "Minister", None
    )
    assert ids.tenure_iri("a", "person:x", "Minister", None) != ids.tenure_iri(
        "a", "person:x", "Minister", "country:FR"
    )
    assert ids.evidence_iri("a", 1, 2, 1, 2) != ids.evidence_iri("a", 1, 2, 1, 3)
    assert ids.occurrence_iri("a", "x", 1) != ids.occurrence_iri("a", "x", 2)
    assert ids.time_iri("2021-03") == ID_BASE + "time/2021-03"
    assert ids.post_iri("Foreign Minister", "country:FR") == ID_BASE + "post/foreign-minister/FR"


@settings(max_examples=300)
@given(kind=KINDS, name=ANY_TEXT)
def test_ids_entity_iri_always_valid(kind: str, name: str) -> None:
    key = f"{kind}:{name}" if kind else name
    assert _valid(ids.entity_iri(key))


@settings(max_examples=200)
@given(text=ANY_TEXT, other=ANY_TEXT)
def test_ids_all_minters_always_valid(text: str, other: str) -> None:
    assert _valid(ids.article_iri(text))
    assert _valid(ids.article_graph_iri(text))
    assert _valid(ids.post_iri(text, f"org:{other}"))
    assert _valid(ids.post_iri(text, None))
    assert _valid(ids.tenure_iri(text, other, text, None))
    assert _valid(ids.time_iri(text))
    assert _valid(ids.occurrence_iri(text, other, 3))
    assert _valid(ids.evidence_iri(text, 0, 1, 0, 1))
    assert _valid(ids.event_iri(text, _event(trigger=other)))


def _same_name(a: str, b: str) -> bool:
    """Names a slug may merge: equal up to case, diacritics and runs of spaces/hyphens."""

    def canon(text: str) -> str:
        text = unicodedata.normalize("NFC", text).lower()
        out = []
        for ch in text:
            folded = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            ).lower()
            if not ch.isascii() and ch.isalnum() and folded.isascii() and folded.isalnum():
                out.append(folded)
            else:
                out.append("-" if ch in " -" else ch)
        return "-".join(part for part in "".join(out).split("-") if part)

    return canon(a) == canon(b)


@settings(max_examples=500)
@given(a=ANY_TEXT, b=ANY_TEXT)
def test_ids_distinct_names_get_distinct_iris(a: str, b: str) -> None:
    if a != b and not _same_name(a, b):
        assert ids.entity_iri(f"person:{a}") != ids.entity_iri(f"person:{b}")
        assert ids.article_iri(a) != ids.article_iri(b)


def test_ids_distinct_examples() -> None:
    keys = ["person:a b", "person:a.b", "person:ab", "person:", "person: ", "person:~",
            "country:us", "country:US", "org:x", "group:x", "x"]
    assert len({ids.entity_iri(k) for k in keys}) == len(keys)
