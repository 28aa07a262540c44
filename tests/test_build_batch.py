"""Batch SHACL and ``--jobs N`` worker builds store exactly what one-article-at-a-time builds store."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns

import kg.build
from kg.cli import cli
from kg.store import GraphStore, quads_text
from kg.validate import validate_batch, validate_graph
from kg.vocab import DIP, ID_BASE

ARTICLES = [
    ("a1", "French Foreign Minister Jane Roe will visit Germany next week.", "2021-03-02"),
    ("a2", "German Chancellor Max Mustermann met Jane Roe in Berlin on Monday.", "2021-03-04"),
    ("a3", "Prime Minister John Smith arrived in Tokyo on Tuesday for talks with Japanese officials.", "2021-04-06"),
    ("a4", "China summoned the Japanese ambassador on Friday over the remarks.", "2021-04-09"),
    ("a5", "Secretary of State Ann Lee said the talks with Russia would continue.", "2021-05-01"),
    ("a6", "Stocks rose on Wall Street as oil prices fell.", None),
    ("a7", "Germany recalled its ambassador to Turkey, the foreign ministry said on Sunday.", "2021-05-09"),
    ("a8", "President Maria Costa will travel to Germany and France in June.", "2021-05-20"),
    ("a9", "Foreign Minister Jane Roe met her German counterpart in Paris on Monday.", "2021-06-07"),
]


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "articles.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, t, d in ARTICLES),
                    encoding="utf-8")
    return path


def _build(runner: CliRunner, inputs: Path, graph: Path, **options: int) -> tuple[kg.build.BuildSummary, list[str], dict[str, bytes]]:
    with GraphStore.open(graph, create=True) as store:
        summary = kg.build.build([inputs], store, **options)
        quads = quads_text(store.quads())
    exports = {}
    for fmt in ("nquads", "turtle"):
        result = runner.invoke(cli, ["export", "--format", fmt, "--graph", str(graph)])
        assert result.exit_code == 0, result.stderr
        exports[fmt] = result.stdout_bytes
    return summary, quads, exports


def _same(left: kg.build.BuildSummary, right: kg.build.BuildSummary) -> None:
    fields = ("articles", "triples", "events", "positions", "rejected", "article_ids", "warnings")
    assert {f: getattr(left, f) for f in fields} == {f: getattr(right, f) for f in fields}


VARIANTS = [
    {"jobs": 1, "shacl_batch": 4},
    {"jobs": 1},  # default SHACL batch (all nine in one call)
    {"jobs": 2, "batch_size": 2, "shacl_batch": 1},
    {"jobs": 2, "batch_size": 4},
]


def test_build_batch_and_jobs_store_and_export_identical(runner: CliRunner, tmp_path: Path) -> None:
    inputs = _corpus(tmp_path)
    reference = _build(runner, inputs, tmp_path / "ref" / "graph", jobs=1, shacl_batch=1)  # one call per article
    assert reference[0].articles == len(ARTICLES) and reference[0].triples > 0
    for n, options in enumerate(VARIANTS):
        summary, quads, exports = _build(runner, inputs, tmp_path / f"v{n}" / "graph", **options)
        _same(summary, reference[0])
        assert quads == reference[1], options
        assert exports == reference[2], options


@pytest.mark.parametrize("options", [{"jobs": 1}, {"jobs": 2, "batch_size": 2}], ids=["jobs1", "jobs2"])
def test_build_batch_rejections_same_as_single(
    runner: CliRunner, tmp_path: Path, reject_ids, options: dict[str, int]
) -> None:
    reject_ids("a2", "a7")
    inputs = _corpus(tmp_path)
    reference = _build(runner, inputs, tmp_path / "ref" / "graph", jobs=1, shacl_batch=1)
    assert [r.article_id for r in reference[0].rejected] == ["a2", "a7"]
    summary, quads, exports = _build(runner, inputs, tmp_path / "b" / "graph", **options)
    _same(summary, reference[0])
    assert (quads, exports) == reference[1:]


def _article(n: int, *, title: object = None, geonames: int = 2921044) -> Graph:
    graph = Graph()
    article = URIRef(f"{ID_BASE}article/x{n}")
    graph.add((article, rns.RDF.type, DIP.Article))
    graph.add((article, DIP.articleId, Literal(f"x{n}")))
    graph.add((article, DIP.text, Literal("text")))
    if title is not None:
        graph.add((article, DIP.title, title))
    country = URIRef(f"{ID_BASE}country/DE")
    graph.add((country, rns.RDF.type, DIP.Country))
    graph.add((country, DIP.isoCode, Literal("DE")))
    graph.add((country, DIP.name, Literal("Germany")))
    graph.add((country, DIP.geonamesId, Literal(geonames, datatype=rns.XSD.integer)))
    return graph


def test_validate_batch_matches_one_by_one() -> None:
    graphs = [_article(0), _article(1, title=Literal(3, datatype=rns.XSD.integer)), _article(2), _article(3)]
    single = [validate_graph(g) for g in graphs]
    assert [r.conforms for r in single] == [True, False, True, True]
    batch = validate_batch(graphs)
    assert [r.conforms for r in batch] == [r.conforms for r in single]
    assert batch[1] == single[1]  # the failing one: the report of validating it alone
    assert all(r.conforms for r in validate_batch([graphs[0], graphs[2], graphs[3]]))


def test_validate_batch_shared_node_that_differs_is_validated_alone() -> None:
    graphs = [_article(0), _article(1, geonames=1)]  # two dip:geonamesId of id:country/DE in the union
    assert all(validate_graph(g).conforms for g in graphs)
    calls: list[int] = []

    def counting(graph: Graph):
        calls.append(len(graph))
        return validate_graph(graph)

    assert [r.conforms for r in validate_batch(graphs, counting)] == [True, True]
    assert calls == [len(graphs[0]), len(graphs[1])]  # no union call: the union would break maxCount 1
    calls.clear()
    assert [r.conforms for r in validate_batch([_article(0), _article(1)], counting)] == [True, True]
    assert len(calls) == 1  # agreeing shared nodes: one call over the union


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_extractor_failure_fails_that_article_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """An extraction stream that dies on a5 (a bug) fails a5 alone: the stream starts again after
    it, the other eight are stored, a5 is reported with its id and exit 70 (``--strict``: nothing)."""
    from conftest import failing_extract

    from kg.mapping import to_graph

    monkeypatch.setattr(kg.build, "_stages", lambda: (failing_extract("a5", "extractor bug"), to_graph, validate_graph))
    inputs = _corpus(tmp_path)
    with GraphStore.open(tmp_path / "g", create=True) as store:
        summary = kg.build.build([inputs], store, jobs=jobs, batch_size=2, shacl_batch=8)
        assert sorted(store.article_ids()) == [f"a{i}" for i in range(1, 10) if i != 5]
    (failure,) = summary.failed
    assert (failure.article_id, failure.kind, failure.exit_code) == ("a5", "extraction error", 70)
    assert failure.line == f"a5 ({inputs}:5): extraction error: ValueError: extractor bug"
    assert "Traceback" in failure.trace and summary.exit_code == 70
    assert summary.article_ids == tuple(f"a{i}" for i in range(1, 10))
    with GraphStore.open(tmp_path / "strict", create=True) as store:
        summary = kg.build.build([inputs], store, jobs=jobs, batch_size=2, shacl_batch=8, strict=True)
        assert store.article_ids() == [] and store.quad_count() == 0
    assert summary.articles == 0 and [f.article_id for f in summary.failed] == ["a5"]


def test_build_fresh_pipeline_every_n_articles_same_store(runner: CliRunner, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that loads the spaCy pipeline afresh every 2 articles (kg.stages.FRESH_PIPELINE_EVERY;
    100,000 by default: spaCy's vocabulary grows with every new word) stores exactly the same, in one
    process and in --jobs workers (chunks of 3: the count goes on across chunks)."""
    import kg.nlp
    import kg.stages

    inputs = _corpus(tmp_path)
    reference = _build(runner, inputs, tmp_path / "ref" / "graph", jobs=1)
    loads = []
    real = kg.nlp.load.__wrapped__

    @functools.cache
    def counted():
        loads.append(1)
        return real()

    monkeypatch.setattr(kg.nlp, "load", counted)
    monkeypatch.setattr(kg.stages, "FRESH_PIPELINE_EVERY", 2)
    monkeypatch.setattr(kg.stages, "_since_fresh", 0)
    for n, options in enumerate([{"jobs": 1}, {"jobs": 2, "batch_size": 3}]):
        summary, quads, exports = _build(runner, inputs, tmp_path / f"f{n}" / "graph", **options)
        _same(summary, reference[0])
        assert (quads, exports) == reference[1:], options
    assert len(loads) >= 4  # 9 articles, a fresh pipeline every 2, in this process
