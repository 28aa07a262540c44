"""Safe terms and fuzzing (hypothesis, bounded): hostile literals round-trip through every export
format; random JSONL, dates and texts never give a traceback, and what is stored passes SHACL.

Minted IRIs for any unicode name (lone surrogates included) are checked in tests/test_ids.py.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.build import build, file_graph_iri
from kg.cli import cli
from kg.export import FORMATS, export_bytes
from kg.store import GraphStore, quads_text

FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HOSTILE = [
    'say "hi" \\ \'there\'', "line one\nline two\r\nthree\rfour", "\x00\x01\x07\x1b\x7f\u0085\u2028\u2029 ctl",
    "emoji \U0001F600\U0001F1E9\U0001F1EA \u200d\ufeff", "中文 日本語 한국어 العربية עברית", "x" * 100_000,
    '"""', "'''", "\\u0041 \\n", "<http://e/not-an-iri>", "_:b0", "@context", "}\n} ; DROP ALL",
]
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
P = ox.NamedNode("http://e/p")
GRAPH = ox.NamedNode("https://w3id.org/kg-diplomacy/id/graph/article/fuzz")


def _literals(value: str) -> list[ox.Literal]:
    return [
        ox.Literal(value),
        ox.Literal(value, language="zh-Hant-TW"),
        ox.Literal(value, datatype=ox.NamedNode("http://e/custom-type")),
    ]


@settings(max_examples=10, deadline=None)
@given(values=st.lists(st.one_of(st.sampled_from(HOSTILE), TEXT), min_size=1, max_size=4))
@example(values=HOSTILE)
def test_fuzz_literals_round_trip_every_export_format(values: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        triples = [(ox.NamedNode(f"http://e/s{i}"), P, literal)
                   for i, value in enumerate(values) for literal in _literals(value)]
        with GraphStore.open(root / "source", create=True) as store:
            store.replace_graph(GRAPH.value, triples)
            expected = quads_text(store.quads())
            dumps = {fmt: export_bytes(store, fmt) for fmt in FORMATS}
        expected_triples = sorted(f"{ox.Triple(*t)} ." for t in triples)
        assert len(expected) == len(set(expected_triples))

        files = {}
        for fmt, suffix in (("nquads", "nq"), ("trig", "trig"), ("turtle", "ttl"), ("ntriples", "nt")):
            files[fmt] = root / f"dump-{fmt}.{suffix}"
            files[fmt].write_bytes(dumps[fmt])
        with GraphStore.open(root / "again", create=True) as store:
            for fmt in ("nquads", "trig"):  # each replaces the graph of the same name
                build([files[fmt]], store)
                got = quads_text(q for q in store.quads() if q.graph_name == GRAPH)
                assert got == expected, fmt
            build([files["turtle"], files["ntriples"]], store)
            for fmt in ("turtle", "ntriples"):
                name = ox.NamedNode(file_graph_iri(files[fmt]))
                got = sorted(f"{q.triple} ." for q in store.store.quads_for_pattern(None, None, None, name))
                assert got == sorted(set(expected_triples)), fmt
        jsonld = sorted(f"{q} ." for q in ox.parse(dumps["jsonld"], format=ox.RdfFormat.JSON_LD))
        assert jsonld == sorted(expected + sorted(set(expected_triples)))  # the graph and the union


# ---------------------------------------------------------------------------------------- JSONL fuzz

DATES = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    st.text(max_size=12),
    st.integers(),
)
IDS = st.one_of(st.text(max_size=20), st.sampled_from(["a", "a", "b", " ", "../x", "a/b c", "\u0000", "id\n2"]))
RECORDS = st.fixed_dictionaries(
    {"id": IDS, "text": st.one_of(TEXT, st.sampled_from(HOSTILE[:5]))},
    optional={"date": DATES, "title": st.one_of(st.none(), TEXT), "url": st.one_of(st.none(), TEXT),
              "meta": st.recursive(st.none() | st.integers() | TEXT, lambda c: st.lists(c, max_size=3), max_leaves=5)},
)
LINES = st.one_of(
    RECORDS.map(json.dumps),
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False)),
    st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s),
    st.sampled_from(["", "[]", "null", "{}", '{"id": 1}', '{"id": "x", "text": "\\ud800"}', "{" * 50]),
)


def _check_outcome(result, path_text: str) -> None:  # noqa: ANN001
    assert result.exit_code in (0, 1, 3), (result.exit_code, result.output)
    assert "Traceback" not in result.output and "internal error" not in result.output
    if result.exit_code == 3:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {path_text}"), result.stderr


def _stored_graphs_conform(graph: Path) -> list[str]:
    from kg.validate import validate_graph

    with GraphStore.open(graph) as store:
        ids = store.article_ids()
        for article_id in ids[:3]:
            assert validate_graph(store.article_graph(article_id)).conforms, article_id
    return ids


@pytest.mark.usefixtures("no_spacy")
@FUZZ
@given(lines=st.lists(LINES, min_size=1, max_size=5))
def test_fuzz_random_jsonl_never_a_traceback(runner: CliRunner, lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scraped.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        graph = Path(tmp) / "graph"
        result = runner.invoke(cli, ["build", str(path), "--graph", str(graph)])
        _check_outcome(result, str(path))
        if result.exit_code in (0, 1):
            stored = _stored_graphs_conform(graph)
            read = [json.loads(line)["id"] for line in lines if line.strip()]
            rejected = result.stderr if result.exit_code == 1 else ""
            for article_id in read:  # stored, or reported as kept out
                assert article_id in stored or f"  {article_id} (" in rejected


@pytest.mark.usefixtures("no_spacy")
@FUZZ
@given(marker=st.one_of(DATES.filter(lambda d: isinstance(d, str)), st.text(max_size=8)),
       lead=st.sampled_from(["", " ", "\n", "\ufeff"]), body=TEXT)
def test_fuzz_txt_date_markers(runner: CliRunner, marker: str, lead: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(f"{lead}date {marker}\n{body}", encoding="utf-8", errors="surrogatepass")
        result = runner.invoke(cli, ["build", str(path), "--graph", str(Path(tmp) / "graph")])
        _check_outcome(result, str(path))


WORDS = st.sampled_from([
    "Foreign", "Minister", "Jane", "Roe", "will", "visit", "Germany", "met", "Chancellor", "in", "Berlin",
    "on", "Monday", "next", "week", "summoned", "the", "ambassador", "said", "talks", "cancelled", "trip",
    "to", "Beijing", "President", "Xi", "Jinping", "Paris", ",", ".", "\n\n", "Reuter", "&#3;", "quot;",
])
REAL_TEXTS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=40).map(" ".join),
    st.tuples(st.lists(WORDS, max_size=15).map(" ".join), TEXT).map(" ".join),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(REAL_TEXTS, min_size=1, max_size=2), date=st.one_of(st.none(), st.dates().map(str)))
def test_fuzz_real_pipeline(runner: CliRunner, texts: list[str], date: str | None) -> None:
    """spaCy, extraction, mapping and SHACL on random texts: stored and conforming, or reported."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.jsonl"
        path.write_text("".join(json.dumps({"id": f"r{i}", "text": text, "date": date}) + "\n"
                                for i, text in enumerate(texts)), encoding="utf-8")
        graph = Path(tmp) / "graph"
        result = runner.invoke(cli, ["build", str(path), "--graph", str(graph)])
        _check_outcome(result, str(path))
        if result.exit_code == 3:  # only a blank text may be refused
            assert "'text' is blank" in result.stderr
            return
        stored = _stored_graphs_conform(graph)
        for i in range(len(texts)):
            assert f"r{i}" in stored or f"  r{i} (" in result.stderr


# ---------------------------------------------------------------------------------- headers (issue 14)

HEADER_KEYS = st.sampled_from(["Date", "date", "DATE", "Title", "title", "URL", "Dated", "Date palms", "Note"])
HEADER_SEPS = st.sampled_from([": ", ":", " : ", " ", "\t", ""])
HEADER_VALUES = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat(sep=" ", timespec="minutes")),
    st.sampled_from(["07/09/2004", "2004-02-30", "2004-09-07T25:00", "2004-9-7", "tomorrow", "", "  ", "2004-09-07Z",
                     "Talks in Paris", "https://example.org/a"]),
    TEXT.filter(lambda s: "\n" not in s and "\r" not in s),
)
HEADER_LINES = st.tuples(HEADER_KEYS, HEADER_SEPS, HEADER_VALUES).map("".join)


@pytest.mark.usefixtures("no_spacy")
@FUZZ
@given(lines=st.lists(HEADER_LINES, min_size=1, max_size=4), blank=st.sampled_from(["", "\n", "\n\n"]),
       lead=st.sampled_from(["", "\n", "  ", "\ufeff"]), body=st.one_of(TEXT, st.just("Jane Roe met Max Mustermann.")))
def test_fuzz_txt_headers(runner: CliRunner, lines: list[str], blank: str, lead: str, body: str) -> None:
    """Any header block: stored, or refused with one line naming path:line and the fix; a first line
    that reads `Date:` is never stored as text: it gives the date or it is refused."""
    import re

    from kg.headers import parse_date

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(lead + "\n".join(lines) + "\n" + blank + body, encoding="utf-8", errors="surrogatepass")
        graph = Path(tmp) / "graph"
        result = runner.invoke(cli, ["build", str(path), "--graph", str(graph)])
        _check_outcome(result, f"{path}")
        first = re.match(r"\s*date\s*:(.*)", lines[0], re.IGNORECASE | re.DOTALL)
        if result.exit_code == 3:
            assert re.match(rf"Error: {re.escape(str(path))}(:\d+)?: ", result.stderr)
            return
        with GraphStore.open(graph) as store:
            published = {q.object.value for q in store.store.quads_for_pattern(
                None, ox.NamedNode("https://w3id.org/kg-diplomacy/ontology#published"), None)}
        if first:
            assert published == {parse_date(first.group(1)).isoformat()}  # type: ignore[union-attr]


# ------------------------------------------------------------------------------ long inputs (issue 14)

PIECE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["Talks went on.", "Mr. Roe met U.S. officials.", "J. Doe said \"no.\"", "Why?", "\n\n", "\n",
                         " ", "x" * 300, "Jane Roe will visit Germany next week.", "(See above.) Then more."]),
        TEXT,
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text=PIECE_TEXT, limit=st.integers(min_value=20, max_value=400), floor=st.integers(min_value=0, max_value=500))
def test_fuzz_pieces_cover_the_text_in_bounded_pieces(text: str, limit: int, floor: int) -> None:
    from kg.extract.pieces import spans

    floor = min(floor, len(text))
    cut = spans(text, limit, floor=floor)
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(a < b for a, b in cut) or cut == [(0, 0)]
    assert all(b == c for (_, b), (c, _) in zip(cut, cut[1:]))  # contiguous: nothing lost, nothing twice
    if len(cut) > 1:
        assert cut[0][1] >= floor  # a title stays whole
    for n, (start, end) in enumerate(cut[:-1]):  # at most the limit plus the whitespace kept after it,
        piece = text[start:end].rstrip()        # unless a word runs past it (cut at 4 x the limit at most)
        bound = max(limit, floor + limit // 2) if n == 0 else limit
        assert len(piece) <= 4 * bound and (len(piece) <= bound or not {" ", "\n"} & set(piece[bound:]))


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(REAL_TEXTS, min_size=3, max_size=12).map("\n\n".join), limit=st.integers(60, 300))
def test_fuzz_real_pipeline_in_pieces_keeps_offsets(monkeypatch: pytest.MonkeyPatch, texts: str, limit: int) -> None:
    """spaCy and the rules on random texts cut into small pieces: every fact's sentence is found at
    its offsets in the whole text, and its anchor lies inside its sentence."""
    import kg.extract.pieces as pieces_module
    from kg.extract import extract
    from kg.model import Article
    from kg.text import clean_text

    monkeypatch.setattr(pieces_module, "MAX_PIECE_CHARS", limit)
    text = clean_text(texts)
    if not text:
        return
    extraction = extract(Article(id="fuzz", text=text))
    found = [e.evidence for e in extraction.events] + [e.evidence for e in extraction.entities if e.evidence]
    found += [p.evidence for p in extraction.positions if p.evidence]
    for ev in found:
        assert text[ev.start:ev.end] == ev.sentence and ev.start <= ev.anchor_start <= ev.anchor_end <= ev.end
