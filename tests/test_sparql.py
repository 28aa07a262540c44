"""SPARQL text as kg reads it: predeclared prefixes, one-line errors with line:column, vocabulary
warnings, query forms, query specs (name, file, inline text), output formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError, NetworkRefused, QueryError
from kg.formats import canonical, resolve
from kg.queries import find_query, query_from_text
from kg.sparql import check


def test_sparql_prefixes_are_predeclared_and_forms_detected() -> None:
    assert check("SELECT ?p WHERE { ?p a dip:Person ; dip:name ?n }", where="q").form == "SELECT"
    assert check("ASK { person:jane-roe dip:holds ?post }", where="q").form == "ASK"
    assert check("CONSTRUCT WHERE { ?e a dip:Visit }", where="q").form == "CONSTRUCT"
    assert check("DESCRIBE country:FR", where="q").form == "DESCRIBE"
    assert check("PREFIX dip: <http://example.org/mine#> SELECT * WHERE { ?s dip:x ?o }", where="q").warnings == ()


def test_sparql_unknown_prefix_and_syntax_errors_are_one_line_with_position() -> None:
    with pytest.raises(QueryError) as info:
        check("SELECT ?s\nWHERE { ?s foo:bar ?o }", where="q.rq", full=True)
    assert str(info.value).startswith("q.rq:2:12: unknown prefix 'foo:'; declare it (PREFIX foo: <...>)")
    with pytest.raises(QueryError) as info:
        check("SELECT ?s WHERE { ?s ?p }", where="<query>", full=True)
    message = str(info.value)
    assert message.startswith("<query>:1:") and "SPARQL syntax error" in message and "\n" not in message
    assert info.value.exit_code == 4
    column = int(message.split(":")[2])
    assert 1 <= column <= len("SELECT ?s WHERE { ?s ?p }") + 1  # a column of the text as written


def test_sparql_light_check_leaves_syntax_to_oxigraph_in_one_line() -> None:
    """A text that cannot reach the network or write is not parsed by rdflib (0.2 s to import): its
    errors come from Oxigraph when it runs, as one line with the position in the text as written."""
    import pyoxigraph as ox

    from kg.queries import run_query

    assert check("SELECT ?s WHERE { ?s ?p }", where="<query>").form == "SELECT"  # not parsed here
    for text, position in (("SELECT ?s\nWHERE { ?s foo:bar ?o }", "<query>:2:"), ("ASK {\n ?s ?p }", "<query>:2:")):
        with pytest.raises(QueryError) as info:
            run_query(ox.Store(), query_from_text(text), timeout=None)
        assert str(info.value).startswith(position) and "\n" not in str(info.value), str(info.value)
    with pytest.raises(QueryError, match="unknown prefix"):
        run_query(ox.Store(), query_from_text("SELECT ?s WHERE { ?s foo:bar ?o }"), timeout=None)


def test_sparql_closed_vocabulary_warns_with_the_nearest_term() -> None:
    text = "SELECT ?p WHERE {\n  ?p a dip:Persn ;\n     <https://w3id.org/kg-diplomacy/ontology#nam> ?n }"
    warnings = check(text, where="q").warnings
    assert warnings == check(text, where="q", full=True).warnings == (
        "q:2:8: dip:Persn is not a term of the ontology (it matches nothing); did you mean dip:Person?",
        "q:3:6: <https://w3id.org/kg-diplomacy/ontology#nam> is not a term of the ontology (it matches nothing); "
        "did you mean dip:name?",
    )


def test_sparql_updates_and_network_are_refused() -> None:
    with pytest.raises(QueryError, match="updates are not allowed"):
        check("INSERT DATA { <http://e/a> <http://e/b> 1 }", where="q")
    with pytest.raises(NetworkRefused):
        check("SELECT ?s WHERE { SERVICE <http://e/sparql> { ?s ?p ?o } }", where="q")
    with pytest.raises(NetworkRefused):
        check("DESCRIBE <http://e/x> FROM <http://e/data.ttl>", where="q")


def test_queries_spec_is_a_name_a_file_or_text(tmp_path: Path) -> None:
    assert find_query("visits").name == "visits" and find_query("visits").title == "Visits"
    path = tmp_path / "mine.rq"
    path.write_text("SELECT ?s WHERE { ?s a dip:Visit }\n", encoding="utf-8")  # no '# title:' needed
    assert find_query(str(path)).title == "mine"
    inline = find_query("SELECT ?s WHERE { ?s a dip:Visit }")
    assert (inline.path, inline.where, inline.form) == (None, "<query>", "SELECT")
    with pytest.raises(QueryError, match="no stored query named 'visit'; choose one of: cancellations, "):
        find_query("visit")
    with pytest.raises(QueryError, match="query file not found"):
        find_query(str(tmp_path / "missing.rq"))
    with pytest.raises(QueryError, match="the query is empty"):
        query_from_text("  \n", source="<stdin>")
    with pytest.raises(QueryError, match="parameters filter the rows of a SELECT"):
        query_from_text("# param: x — a value\nASK { ?x ?p ?o }")


def test_formats_aliases_and_extensions() -> None:
    assert [canonical(n) for n in ("ttl", "NT", "nq", "json-ld", "csv")] == [
        "turtle", "ntriples", "nquads", "jsonld", "csv"]
    assert resolve(None, "graph.trig", graph=True) == "trig"
    assert resolve(None, "rows.tsv", graph=False) == "tsv"
    assert resolve(None, "-", graph=True) == "turtle"
    with pytest.raises(KgError, match="format csv cannot write a graph"):
        resolve("csv", None, graph=True)
    with pytest.raises(KgError, match="unknown format 'rdfxml'"):
        canonical("rdfxml")
