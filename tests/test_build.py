"""build(): incremental and idempotent, SHACL gate, input errors before any write, RDF inputs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build, file_graph_iri
from kg.errors import InputError
from kg.export import export_bytes
from kg.store import GraphStore, quads_text
from kg.vocab import ONTOLOGY_GRAPH


def _quads(path: Path) -> list[str]:
    with GraphStore.open(path) as store:
        return quads_text(store.quads())


def _data_quads(path: Path) -> list[str]:
    onto = f"<{ONTOLOGY_GRAPH}> ."
    return [q for q in _quads(path) if not q.endswith(onto)]


@pytest.mark.usefixtures("no_spacy")
def test_build_incremental_then_idempotent_then_remove(articles_dir: Path, graph_path: Path) -> None:
    a, b = articles_dir / "a.txt", articles_dir / "b.txt"
    with GraphStore.open(graph_path, create=True) as store:
        summary = build([a], store)
        assert (summary.articles, summary.rejected, summary.article_ids) == (1, (), ("a",))
    only_a = _data_quads(graph_path)
    with GraphStore.open(graph_path, create=True) as store:
        build([b], store)
        assert store.article_ids() == ["a", "b"]
    both = _quads(graph_path)
    assert set(only_a) < set(both)
    with GraphStore.open(graph_path, create=True) as store:
        build([a], store)
    assert _quads(graph_path) == both
    with GraphStore.open(graph_path, create=True) as store:
        store.remove_article("b")
    assert _data_quads(graph_path) == only_a


@pytest.mark.usefixtures("no_spacy")
def test_build_fresh_drops_other_articles(articles_dir: Path, jsonl_file: Path, graph_path: Path) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        build([articles_dir], store)
        summary = build([jsonl_file], store, fresh=True)
        assert store.article_ids() == ["c1", "c2"]
    assert summary.line().startswith("built 2 articles, 0 rejected, ")
    assert summary.triples == len(_data_quads(graph_path))


def test_build_rejected_article_is_kept_out(articles_dir: Path, graph_path: Path, reject_ids) -> None:
    reject_ids("b")
    with GraphStore.open(graph_path, create=True) as store:
        summary = build([articles_dir], store)
        assert store.article_ids() == ["a"]
    assert summary.articles == 1 and not summary.ok
    (rejected,) = summary.rejected
    assert (rejected.article_id, rejected.origin) == ("b", str(articles_dir / "b.txt"))
    assert rejected.lines == ("id:article/x: dip:title: fake violation",)
    assert summary.article_ids == ("a", "b")


@pytest.mark.usefixtures("no_spacy")
def test_build_input_error_leaves_store_unchanged(articles_dir: Path, graph_path: Path, write) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        build([articles_dir / "a.txt"], store)
    before = _quads(graph_path)
    bad = write("z.jsonl", '{"id": "z1", "text": "Fine."}\n{"id": "z2"}\n')
    with GraphStore.open(graph_path, create=True) as store:
        with pytest.raises(InputError, match=r"z\.jsonl:2:1: missing 'text'; .* \(or pass --skip-bad"):
            build([articles_dir, bad], store, fresh=True)
    assert _quads(graph_path) == before


@pytest.mark.usefixtures("no_spacy")
def test_build_progress_callback(articles_dir: Path, graph_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    with GraphStore.open(graph_path, create=True) as store:
        build([articles_dir], store, on_progress=lambda *args: seen.append(args))
    assert seen == [(1, 2, "a"), (2, 2, "b")]


@pytest.mark.usefixtures("no_spacy")
@pytest.mark.parametrize("fmt,suffix", [("nquads", ".nq"), ("trig", ".trig")])
def test_build_round_trip_of_dataset_exports(
    articles_dir: Path, jsonl_file: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    first = tmp_path / "one"
    with GraphStore.open(first, create=True) as store:
        build([articles_dir, jsonl_file], store)
        dump = tmp_path / f"dump{suffix}"
        dump.write_bytes(export_bytes(store, fmt))
    second = tmp_path / "two"
    with GraphStore.open(second, create=True) as store:
        summary = build([dump], store)
        assert store.article_ids() == ["a", "b", "c1", "c2"]
    assert summary.rdf_graphs == 4 and summary.articles == 0
    assert _quads(second) == _quads(first)
    with GraphStore.open(second, create=True) as store:  # again: graphs replaced, not doubled
        build([dump], store)
    assert _quads(second) == _quads(first)


@pytest.mark.usefixtures("no_spacy")
def test_build_turtle_goes_to_the_file_graph(articles_dir: Path, tmp_path: Path, graph_path: Path) -> None:
    with GraphStore.open(tmp_path / "src", create=True) as store:
        build([articles_dir], store)
        ttl = tmp_path / "union.ttl"
        ttl.write_bytes(export_bytes(store, "turtle"))
    with GraphStore.open(graph_path, create=True) as store:
        build([ttl], store)
        names = {g.value for g in store.store.named_graphs()}
        assert store.article_ids() == []
    assert names == {ONTOLOGY_GRAPH, file_graph_iri(ttl)}
    assert file_graph_iri(ttl).endswith("/graph/file/union")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "evil.ttl",
            b'<!DOCTYPE x [<!ENTITY a "aaaa">]>\n',
            "{path}: contains <!DOCTYPE (XML entity declarations are refused); "
            "give Turtle, N-Triples, N-Quads or TriG without DTDs",
        ),
        (
            "broken.nq",
            b"<http://e/a> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/a> <http://e/p> .\n",
            "{path}:2: not valid nq (",
        ),
    ],
)
def test_build_refuses_bad_rdf_before_writing(write, graph_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(name, content)
    with GraphStore.open(graph_path, create=True) as store:
        with pytest.raises(InputError) as info:
            build([path], store)
        assert store.quad_count() == 0
    assert str(info.value).startswith(message.format(path=path))


@pytest.mark.slow
def test_build_with_the_real_pipeline(spacy_build: Path) -> None:
    with GraphStore.open(spacy_build) as store:
        assert set(store.article_ids()) <= {"a", "b"}
        assert ox.NamedNode(ONTOLOGY_GRAPH) in set(store.store.named_graphs())
