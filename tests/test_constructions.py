"""The construction file and the lexicons: every construction parses and gives what its own examples
say; every lexicon key is read by some code or construction, and every key read exists."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from kg.extract import constructions as cx
from kg.extract.lexicon import lexicon
from kg.model import Article

SRC = Path(cx.__file__).resolve().parents[1]
ITEMS = cx.constructions()


def _names(actors) -> set[str]:
    out = set()
    for actor in actors:
        out.add(actor.name)
        if actor.kind in ("city", "group") and actor.country:
            from kg import geo

            out.add(geo.short_name(actor.country))
    return out


@pytest.mark.parametrize(
    ("item", "example"),
    [(item, example) for item in ITEMS for example in item.examples],
    ids=[f"{item.id}:{n}" for item in ITEMS for n, _ in enumerate(item.examples)],
)
def test_constructions_example_gives_its_roles(nlp, item: cx.Construction, example: dict) -> None:
    from kg.extract.pipeline import context_of

    title = example.get("title")  # a headline example: the article as kg.articles builds it
    text = f"{title}\n\n{example['text']}" if title else example["text"]
    ctx = context_of(nlp(text), Article(id="example", text=text, date=date(2024, 3, 4), title=title))
    found = [f for f in cx.find(ctx) if f.rule == item.id]
    assert found, f"{item.id} found nothing in {text!r}"
    for role, expected in example["expect"].items():
        got = set().union(*(_names(f.roles.get(role, [])) for f in found))
        assert set(expected) <= got, f"{item.id}: {role} {sorted(got)} lacks {expected} in {text!r}"


def test_constructions_every_one_has_an_example() -> None:
    assert [item.id for item in ITEMS if not item.examples] == []


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x", "event": "party", "trigger": {}, "roles": []}, "event must be one of"),
        ({"id": "x", "event": "visit", "trigger": {}, "roles": [{"role": "a", "take": "cats", "find": "subject"}]},
         "take must be one of"),
        ({"id": "x", "event": "visit", "trigger": {}, "roles": [{"role": "a", "take": "persons", "find": "nope"}]},
         "unknown find 'nope'"),
        ({"id": "x", "event": "visit", "trigger": {}, "roles": [], "post": ["nope"]}, "unknown post 'nope'"),
        ({"id": "x", "event": "visit", "trigger": {}, "roles": [], "colour": 1}, "unknown keys"),
        ({"id": "x", "event": "visit", "trigger": {}, "roles": [{"role": "a", "take": "places", "path": [{"DEP": "x"}]}]},
         "REL_OP and RIGHT_ATTRS"),
    ],
)
def test_constructions_malformed_record_names_the_place(record: dict, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as info:
        cx.parse(record, "constructions.jsonl:7")
    assert str(info.value).startswith("constructions.jsonl:7")


def _code_text() -> str:
    parts = [p.read_text("utf-8") for p in sorted(SRC.rglob("*.py"))]
    parts.append(_constructions_text())
    return "\n".join(parts)


def _constructions_text() -> str:
    return resources.files("kg.lexicons").joinpath("constructions.jsonl").read_text("utf-8")


def test_lexicon_every_key_is_read() -> None:
    raw = json.loads(resources.files("kg.lexicons").joinpath("language.json").read_text("utf-8"))
    code = _code_text()
    unread = [key for key in raw if not key.startswith("_")
              and f'"{key}"' not in code and f'"${key}"' not in code]
    assert unread == []


def test_lexicon_every_key_read_exists() -> None:
    raw = json.loads(resources.files("kg.lexicons").joinpath("language.json").read_text("utf-8"))
    code = _code_text()
    read = set(re.findall(r'(?:words|table)\("([a-z_]+)"\)', code))
    read |= set(re.findall(r'raw\["([a-z_]+)"\]', code))
    read |= set(re.findall(r'"\$([a-z_]+)"', _constructions_text()))
    assert sorted(read - set(raw)) == []


def test_lexicon_undeclared_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        lexicon().words("no_such_list")


def test_constructions_walker_finds_what_spacy_dependency_matcher_finds(nlp) -> None:
    """The fast evaluator (Walker) and spaCy's DependencyMatcher (Engine) agree on every hit."""
    from kg.extract.pipeline import context_of

    seed = next(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt")).read_text("utf-8")
    texts = [seed] + [example["text"] for item in ITEMS for example in item.examples]
    for text in texts:
        ctx = context_of(nlp(text), Article(id="w", text=text, date=date(2024, 3, 4)))

        def keyed(hits):
            return sorted((h.construction.id, h.trigger.i, tuple(sorted((k, tuple(t.i for t in v))
                                                                         for k, v in h.fillers.items())))
                          for h in hits)

        assert keyed(cx.walker().hits(ctx.doc)) == keyed(cx.engine(ctx.doc.vocab).hits(ctx.doc)), text[:60]


def test_constructions_readme_example_is_a_working_construction(nlp) -> None:
    """The README's "Adding a construction" example parses and finds what its example says."""
    from kg.extract.pipeline import context_of
    from kg.extract.roles import take
    from kg.extract.roles import FINDERS

    readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text("utf-8")
    block = readme.split("### Adding a construction", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    item = cx.parse(json.loads(block), "README.md")
    [example] = item.examples
    ctx = context_of(nlp(example["text"]), Article(id="r", text=example["text"], date=date(2024, 3, 4)))
    [hit] = cx.Walker((item,)).hits(ctx.doc)
    roles: dict[str, set[str]] = {}
    for k, spec in enumerate(item.roles):
        fillers = hit.fillers.get(k, []) if spec.path else FINDERS[spec.find](ctx, hit.trigger, {})
        roles.setdefault(spec.role, set()).update(_names(take(ctx, spec.take, fillers)))
    for role, expected in example["expect"].items():
        assert set(expected) <= roles[role]
