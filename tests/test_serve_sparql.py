"""``kg serve``'s /sparql: the SPARQL 1.1 Protocol, checked with real clients (SPARQLWrapper, rdflib's
SPARQLStore, ``kg query --endpoint``) against a real ``kg serve`` process, and its refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from kg.queries import find_query, queries_dir, run_query, run_remote

DIP = "PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>\n"
SELECT = DIP + "SELECT ?name WHERE { GRAPH ?g { ?p a dip:Person ; dip:name ?name } } ORDER BY ?name"


def _local_names(graph: Path) -> list[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(graph))
    return sorted({s["name"].value for s in store.query(SELECT, use_default_graph_as_union=True)})


def test_serve_sparqlwrapper_select_in_every_results_format(serve_url: str, serve_graph: Path) -> None:
    from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

    expected = _local_names(serve_graph)
    assert "Jane Roe" in expected
    client = SPARQLWrapper(serve_url + "sparql")
    client.setQuery(SELECT)
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    assert sorted({b["name"]["value"] for b in data["results"]["bindings"]}) == expected
    client.setReturnFormat(XML)
    document = client.queryAndConvert()  # xml.dom.minidom Document
    values = sorted({n.firstChild.data for n in document.getElementsByTagName("literal")})
    assert values == expected
    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.queryAndConvert().decode("utf-8"))))
    assert rows[0] == ["name"] and sorted({r[0] for r in rows[1:]}) == expected
    client.setReturnFormat(TSV)
    lines = client.queryAndConvert().decode("utf-8").splitlines()
    assert lines[0] == "?name" and sorted({line.strip('"') for line in lines[1:]}) == expected


def test_serve_sparqlwrapper_post_ask_construct_describe(serve_url: str) -> None:
    from SPARQLWrapper import JSON, JSONLD, N3, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(serve_url + "sparql")
    client.setMethod(POST)  # urlencoded form
    client.setQuery(DIP + 'ASK { GRAPH ?g { ?p dip:name "Jane Roe" } }')
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setRequestMethod(POSTDIRECTLY)  # application/sparql-query
    client.setQuery(DIP + 'ASK { GRAPH ?g { ?p dip:name "Nobody Atall" } }')
    assert client.queryAndConvert()["boolean"] is False
    client.setQuery(DIP + "CONSTRUCT { ?p dip:name ?n } WHERE { GRAPH ?g { ?p a dip:Person ; dip:name ?n } }")
    for fmt in (TURTLE, N3, JSONLD):
        client.setReturnFormat(fmt)
        names = {str(o) for o in _graph(client).objects()}
        assert "Jane Roe" in names and "Max Mustermann" in names, fmt
    client.setQuery("DESCRIBE <https://w3id.org/kg-diplomacy/id/person/jane-roe>")
    client.setReturnFormat(TURTLE)
    assert "Jane Roe" in {str(o) for o in _graph(client).objects()}


def _graph(client: Any) -> Any:
    """The answer parsed by rdflib in the format the server says it sent."""
    import rdflib

    answer = client.query()
    media = answer.info()["content-type"].split(";")[0]
    formats = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld"}
    return rdflib.Graph().parse(data=answer.response.read(), format=formats[media])


def test_serve_rdflib_sparqlstore(serve_url: str, serve_graph: Path) -> None:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(serve_url + "sparql", returnFormat="json"))
    names = sorted({str(row[0]) for row in graph.query(SELECT)})
    assert names == _local_names(serve_graph)


def _rows(result: Any) -> list[tuple[str | None, ...]]:
    return [tuple(row) for row in result.rows]


@pytest.mark.parametrize("name", sorted(p.stem for p in queries_dir().glob("*.rq")))
def test_serve_answers_each_stored_query_with_the_rows_of_kg_query(name: str, serve_url: str,
                                                                   serve_graph: Path) -> None:
    query = find_query(name)
    local = run_query(serve_graph, query, timeout=30)
    remote = run_remote(serve_url + "sparql", query, timeout=30)  # what `kg query --endpoint` runs
    assert remote.columns == local.columns
    assert _rows(remote) == _rows(local)
    assert local.rows or name in ("sources",), f"{name} has no rows on the test store"


def test_serve_kg_query_endpoint_cli_matches_local(serve_url: str, serve_graph: Path, runner: Any) -> None:
    from kg.cli import cli

    for args in (["visits"], ["visits", "--param", "destination_country=Germany"], ["positions"]):
        local = runner.invoke(cli, ["query", *args, "--format", "tsv", "--graph", str(serve_graph)])
        remote = runner.invoke(cli, ["query", *args, "--format", "tsv", "--endpoint", serve_url + "sparql"])
        assert local.exit_code == 0 and remote.exit_code == 0, remote.stderr
        assert remote.stdout == local.stdout and local.stdout.count("\n") > 1


@pytest.mark.parametrize(("method", "kwargs", "status", "words"), [
    ("GET", {"params": {"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}},
     403, "SERVICE"),
    ("GET", {"params": {"query": "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }"}}, 403, "FROM"),
    ("POST", {"data": {"update": "LOAD <http://example.org/x.ttl>"}}, 403, "read-only"),
    ("POST", {"content": "INSERT DATA { <a:b> <a:c> <a:d> }",
              "headers": {"content-type": "application/sparql-update"}}, 403, "read-only"),
    ("POST", {"content": "LOAD <http://example.org/x.ttl>",
              "headers": {"content-type": "application/sparql-query"}}, 403, "LOAD"),
    ("POST", {"content": "DROP ALL", "headers": {"content-type": "application/sparql-query"}}, 400, "updates"),
    ("GET", {"params": {"query": "SELECT ?s WHERE { ?s ?p }"}}, 400, "syntax error"),
    ("GET", {"params": {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "http://e/g"}}, 400,
     "default-graph-uri"),
    ("GET", {"params": {}}, 400, "no query"),
    ("GET", {"params": {"query": "ASK {}"}, "headers": {"accept": "image/png"}}, 406, "cannot answer"),
    ("PUT", {"content": "x"}, 405, ""),
    ("POST", {"content": "#" * (1 << 20) + "\nASK {}", "headers": {"content-type": "application/sparql-query"}},
     413, "at most 1,048,576 bytes"),
])
def test_serve_sparql_refusals(serve_client: Any, method: str, kwargs: dict[str, Any], status: int,
                               words: str) -> None:
    response = serve_client.request(method, "/sparql", **kwargs)
    assert response.status_code == status, response.text
    assert words in response.text


def test_serve_sparql_syntax_error_gives_line_and_column(serve_client: Any) -> None:
    response = serve_client.get("/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "/sparql:2:" in response.text


def test_serve_sparql_times_out(serve_graph: Path) -> None:
    from starlette.testclient import TestClient

    from kg.serve import create_app

    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    with TestClient(create_app(serve_graph, timeout=0.3)) as client:
        response = client.get("/sparql", params={"query": slow})
    assert response.status_code == 503
    assert "ran longer than 0.3 s" in response.text


def test_serve_sparql_negotiates_by_accept(serve_client: Any) -> None:
    query = {"query": "SELECT ?x WHERE { VALUES ?x { 1 } }"}
    cases = {"application/sparql-results+json": "application/sparql-results+json",
             "text/csv;q=0.5, application/sparql-results+xml": "application/sparql-results+xml",
             "text/tab-separated-values": "text/tab-separated-values", "*/*": "application/sparql-results+json"}
    for accept, media in cases.items():
        response = serve_client.get("/sparql", params=query, headers={"accept": accept})
        assert response.headers["content-type"].startswith(media), accept
    response = serve_client.get("/sparql", params={"query": "CONSTRUCT { <a:x> <a:y> 1 } WHERE {}"},
                                headers={"accept": "application/ld+json"})
    assert json.loads(response.text)[0]["@id"] == "a:x"
    response = serve_client.get("/sparql", params={**query, "format": "csv"})
    assert response.text.splitlines() == ["x", "1"]


def test_serve_sparql_in_a_browser_is_the_editor(serve_client: Any) -> None:
    response = serve_client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/html"})
    assert response.status_code == 200 and "<textarea" in response.text
    assert "Jane Roe" in response.text and "<table" in response.text
