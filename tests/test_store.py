"""The on-disk store: open/lock, exact per-article replacement, removal, term conversion."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

from kg.errors import StoreError
from kg.ids import article_graph_iri
from kg.store import GraphStore, default_graph_path, quads_text, to_ox, to_rdflib
from kg.vocab import ONTOLOGY_GRAPH


def _graph_quads(store: GraphStore, article_id: str) -> list[str]:
    name = ox.NamedNode(article_graph_iri(article_id))
    return quads_text(store.store.quads_for_pattern(None, None, None, name))


def test_store_missing_graph_for_read_says_build_first(graph_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        GraphStore.open(graph_path)
    assert str(info.value) == (
        f"{graph_path}: no graph here; run `kg build` first, or pass --graph PATH / set KG_GRAPH"
    )
    assert info.value.exit_code == 5
    assert not graph_path.exists()


def test_store_replace_is_exact_and_incremental(graph_path: Path, article_graph) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        store.replace_article("a", article_graph("a", "Long text about Jane Roe."))
        store.replace_article("b", article_graph("b"))
        first_b = _graph_quads(store, "b")
        store.replace_article("a", article_graph("a", "Short."))
        assert store.article_ids() == ["a", "b"]
        assert _graph_quads(store, "b") == first_b
        texts = [q for q in _graph_quads(store, "a") if "#text>" in q]
        assert len(texts) == 1 and '"Short."' in texts[0]
        expected = quads_text(
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(article_graph_iri("a")))
            for s, p, o in article_graph("a", "Short.")
        )
        assert _graph_quads(store, "a") == expected


def test_store_survives_reopen_and_remove(graph_path: Path, article_graph) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        store.replace_article("a/ü 1", article_graph("a/ü 1"))
        store.replace_article("b", article_graph("b"))
    with GraphStore.open(graph_path, write=True) as store:
        assert store.article_ids() == ["a/ü 1", "b"]
        assert store.remove_article("a/ü 1") is True
        assert store.remove_article("a/ü 1") is False
        assert store.article_ids() == ["b"]


def test_store_refuses_blank_nodes(graph_path: Path, article_graph) -> None:
    graph = article_graph("a")
    graph.add((rdflib.BNode("x"), rdflib.RDF.type, rdflib.URIRef("http://example.org/C")))
    with GraphStore.open(graph_path, create=True) as store:
        with pytest.raises(StoreError, match=r"^article a: blank node _:x in the graph; mint an IRI"):
            store.replace_article("a", graph)
        assert store.article_ids() == []


def test_store_lock_refuses_second_writer(graph_path: Path) -> None:
    with GraphStore.open(graph_path, create=True):
        with pytest.raises(StoreError) as info:
            GraphStore.open(graph_path, write=True, wait=0.2)
    assert str(info.value) == (
        f"{graph_path}.lock: another kg build is using {graph_path} (waited 0.2 s); "
        "wait for it to finish, or pass --graph OTHER_PATH"
    )


def test_store_readers_share_the_lock(graph_path: Path, article_graph) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        store.replace_article("a", article_graph("a"))
    with GraphStore.open(graph_path, wait=0.2) as one, GraphStore.open(graph_path, wait=0.2) as two:
        assert one.article_ids() == two.article_ids() == ["a"]
        with pytest.raises(StoreError, match="another kg build"):
            GraphStore.open(graph_path, write=True, wait=0.2)
        with pytest.raises(StoreError, match="read-only"):
            one.remove_article("a")


def test_store_corrupt_folder_is_store_error(graph_path: Path) -> None:
    graph_path.mkdir(parents=True)
    (graph_path / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match=r"cannot open the graph .*delete the folder and rebuild it with `kg build`$"):
        GraphStore.open(graph_path, write=True)


def test_store_ontology_and_fresh(graph_path: Path, article_graph) -> None:
    with GraphStore.open(graph_path, create=True) as store:
        store.ensure_ontology()
        store.ensure_ontology()  # replaced, not doubled
        onto = ox.NamedNode(ONTOLOGY_GRAPH)
        count = len(list(store.store.quads_for_pattern(None, None, None, onto)))
        assert count > 100
        store.ensure_ontology()
        assert len(list(store.store.quads_for_pattern(None, None, None, onto))) == count
        store.replace_article("a", article_graph("a"))
        store.fresh()
        assert store.quad_count() == 0


def test_store_missing_ontology_names_the_fix(graph_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path / "none"))
    with GraphStore.open(graph_path, create=True) as store:
        with pytest.raises(StoreError, match="set KG_ONTOLOGY_DIR to the folder holding diplomacy.ttl$"):
            store.ensure_ontology()


def test_store_default_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_GRAPH", raising=False)
    assert default_graph_path(None) == Path(".kg/graph")
    monkeypatch.setenv("KG_GRAPH", "/x/g")
    assert default_graph_path(None) == Path("/x/g")
    assert default_graph_path("other") == Path("other")


@pytest.mark.parametrize(
    "term",
    [
        rdflib.URIRef("http://example.org/a"),
        rdflib.Literal("plain \"quoted\"\nline"),
        rdflib.Literal("hallo", lang="de"),
        rdflib.Literal("2023-05-18", datatype=rdflib.XSD.date),
        rdflib.Literal("7", datatype=rdflib.XSD.integer),
    ],
)
def test_store_term_round_trip(term: rdflib.term.Identifier) -> None:
    assert to_rdflib(to_ox(term)) == term


def test_store_article_graph_reads_back_what_was_stored(graph_path: Path, article_graph) -> None:
    graph = article_graph("a")
    with GraphStore.open(graph_path, create=True) as store:
        store.replace_article("a", graph)
        assert rdflib.compare.isomorphic(store.article_graph("a"), graph)


def _union_invariant(raw: ox.Store) -> None:
    default = {q.triple for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {q.triple for q in raw if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert default == named


def test_store_default_graph_stays_the_union_of_the_named_graphs() -> None:
    """Whatever sequence of replacements and drops, the default graph is exactly the union."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.store import drop_graph, replace_graph_lines

    triple = st.tuples(st.sampled_from("abc"), st.sampled_from("pq"), st.sampled_from(["x", "y", "z"]))
    step = st.tuples(st.sampled_from(["g1", "g2", "g3"]), st.one_of(st.none(), st.lists(triple, max_size=5)))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(step, min_size=1, max_size=12))
    def check(steps: list[tuple[str, list[tuple[str, str, str]] | None]]) -> None:
        raw = ox.Store()
        for graph, triples in steps:
            name = f"http://e/{graph}"
            if triples is None:
                drop_graph(raw, name)
            else:
                replace_graph_lines(raw, name, [f'<http://e/{s}> <http://e/{p}> "{o}" .' for s, p, o in triples])
                got = sorted(str(q.triple) for q in raw.quads_for_pattern(None, None, None, ox.NamedNode(name)))
                assert got == sorted({f'<http://e/{s}> <http://e/{p}> "{o}"' for s, p, o in triples})
            _union_invariant(raw)

    check()


def test_store_of_an_older_kg_is_read_as_the_union_then_upgraded(graph_path: Path, article_graph) -> None:
    from kg.queries import find_query, run_query

    graph_path.parent.mkdir(parents=True)
    older = ox.Store(str(graph_path))  # named graphs only, as kg wrote them before
    for article_id in ("a", "b"):
        name = ox.NamedNode(article_graph_iri(article_id))
        older.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in article_graph(article_id))
    older.flush()
    del older
    with GraphStore.open(graph_path, write=False) as store:  # read-only: no upgrade, read as the union
        assert next(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None
        before = run_query(store.store, find_query("SELECT ?id WHERE { ?a dip:articleId ?id } ORDER BY ?id"),
                           timeout=None)
    assert before.rows == (("a",), ("b",))
    with GraphStore.open(graph_path, write=True) as store:  # a writer fills the default graph
        _union_invariant(store.store)
        assert run_query(store.store, find_query("SELECT ?id WHERE { ?a dip:articleId ?id } ORDER BY ?id"),
                         timeout=None) == before
