"""Stored queries on a hand-written TriG fixture (tests/data/queries_fixture.trig)."""

from __future__ import annotations

import http.server
import json
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import RemoteError, NetworkRefused, QueryError, QueryTimeout
from kg.queries import Param, find_query, load_query, queries_dir, run_query, run_remote

FIXTURE = Path(__file__).parent / "data" / "queries_fixture.trig"
EV = "https://w3id.org/kg-diplomacy/id/event/"


def _store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def _rows(name: str, params: dict[str, str] | None = None, width: int | None = None) -> list[tuple]:
    result = run_query(_store(), find_query(name), params, timeout=None)
    return [row[:width] for row in result.rows]


def _write(tmp_path: Path, body: str, header: str = "# title: T\n# description: D\n") -> Path:
    path = tmp_path / "q.rq"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_queries_every_stored_query_loads_with_title_and_order_by() -> None:
    paths = sorted(queries_dir().glob("*.rq"))
    assert {p.stem for p in paths} >= {"visits", "meetings", "positions", "summons", "statements",
                                       "sources", "cancellations", "timeline", "visit-history"}
    for path in paths:
        query = load_query(path)
        assert query.title and query.description
        assert "ORDER BY" in query.text


def test_queries_visits_rows() -> None:
    result = run_query(_store(), find_query("visits"), timeout=None)
    assert result.columns[:5] == ("article", "traveler", "destination_country", "status", "date")
    assert "evidence" in result.columns
    assert [r[:5] for r in result.rows] == [
        ("art-1", "Antony Blinken", "China", "cancelled", ""),  # group traveler v3 left out
        ("art-1", "Antony Blinken", "China", "considered", ""),
        ("art-2", "Antony Blinken", "China", "planned", "2023-06"),  # one name per person: the smallest
    ]
    considered = dict(zip(result.columns, result.rows[1]))
    assert considered["place"] == "Beijing" and considered["attributed_to"] == "Sputnik"
    assert considered["evidence"] == "Blinken might visit Beijing, according to Sputnik."


def test_queries_meetings_rows() -> None:
    assert _rows("meetings", width=5) == [
        ("art-1", EV + "m1", "Nicholas Burns", "occurred", "2023-05-08"),
        ("art-1", EV + "m1", "Qin Gang", "occurred", "2023-05-08"),
        ("art-2", EV + "m2", "Antony Blinken", "planned", "2023-06"),
        ("art-2", EV + "m2", "Qin Gang", "planned", "2023-06"),
        ("art-2", EV + "m2", "Xi Jinping", "planned", "2023-06"),
    ]


def test_queries_positions_rows_skip_former() -> None:
    assert _rows("positions", width=4) == [
        ("art-1", "Antony Blinken", "Secretary of State", "United States"),
        ("art-1", "Qin Gang", "Foreign Minister", "China"),
    ]


def test_queries_other_queries_rows() -> None:
    assert _rows("summons", width=5) == [
        ("art-1", "Chinese Foreign Ministry", "Nicholas Burns", "occurred", "2023-05-08")]
    assert _rows("statements", width=3) == [("art-1", "Chinese Foreign Ministry", "The US must stop")]
    assert _rows("sources", width=5) == [("art-1", EV + "v1", "Visit", "Sputnik", "according to")]
    assert _rows("cancellations", width=7) == [
        ("art-1", EV + "v2", "Visit", "Antony Blinken", "China", "cancelled",
         "the Pentagon detected a balloon")]
    assert _rows("visit-history", width=7) == [  # only linked visits (v1 dip:sameEventAs v5): one trip
        ("Antony Blinken", "China", "art-1", "considered", "", "1", EV + "v1"),
        ("Antony Blinken", "China", "art-2", "planned", "2023-06", "2", EV + "v1"),
    ]
    timeline = _rows("timeline")
    assert timeline == sorted(timeline)  # by date, undated first
    assert ("2023-06", "art-2", "Visit", "planned", EV + "v5", "traveler", "Antony Blinken") in timeline


def test_queries_order_is_stable_across_load_orders() -> None:
    quads = sorted(_store(), key=str)
    shuffled = ox.Store()
    shuffled.extend(reversed(quads))
    for name in ("visits", "meetings", "positions", "timeline", "cancellations"):
        query = find_query(name)
        assert run_query(shuffled, query, timeout=None) == run_query(_store(), query, timeout=None)


def test_queries_parameter_binds_a_value() -> None:
    assert [r[1] for r in _rows("positions", {"person": "Qin Gang"})] == ["Qin Gang"]
    assert _rows("visits", {"destination_country": "Japan"}) == []
    assert len(_rows("visits", {"destination_country": "China"})) == 3


def test_queries_header_parsing(tmp_path: Path) -> None:
    path = _write(tmp_path, 'SELECT ?a ?b WHERE { ?a <http://e/p> ?b } ORDER BY ?a ?b\n',
                  "# title: Pairs\n# description: first line\n# description: second line\n"
                  "# param: a — the subject (default unbound)\n"
                  '# param: b -- the object (default "x y")\n')
    query = load_query(path)
    assert (query.title, query.description) == ("Pairs", "first line second line")
    assert query.params == (Param("a", "the subject", None), Param("b", "the object", "x y"))
    assert query.name == "q"


def test_queries_default_parameter_is_bound(tmp_path: Path) -> None:
    path = _write(tmp_path, 'SELECT ?article WHERE { ?a <https://w3id.org/kg-diplomacy/ontology#articleId> '
                  '?article } ORDER BY ?article\n', '# title: T\n# param: article — id (default "art-2")\n')
    assert run_query(_store(), load_query(path), timeout=None).rows == (("art-2",),)
    assert run_query(_store(), load_query(path), {"article": "art-1"}, timeout=None).rows == (("art-1",),)


def test_queries_unknown_parameter_lists_declared() -> None:
    with pytest.raises(QueryError) as info:
        run_query(_store(), find_query("visits"), {"contry": "China"})
    assert "contry" in str(info.value) and "declared parameters: destination_country" in str(info.value)
    assert info.value.exit_code == 4


def test_queries_injection_attempt_is_a_plain_string() -> None:
    evil = 'China" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o'
    store = _store()
    before = len(store)
    assert run_query(store, find_query("visits"), {"destination_country": evil}).rows == ()
    assert len(store) == before


def test_queries_declared_parameter_must_be_selected(tmp_path: Path) -> None:
    path = _write(tmp_path, "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a\n", "# title: T\n# param: b — x\n")
    with pytest.raises(QueryError, match="'b' is declared but"):
        load_query(path)


@pytest.mark.parametrize("body", [
    "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } ORDER BY ?s\n",
    "SELECT ?s WHERE { ?s ?p ?o . OPTIONAL { SERVICE SILENT <http://x/> { ?s ?q ?r } } } ORDER BY ?s\n",
    "SELECT ?s FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o } ORDER BY ?s\n",
    "SELECT ?s FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s\n",
    "LOAD <http://example.org/data.ttl>\n",
])
def test_queries_network_access_is_refused(tmp_path: Path, body: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(NetworkRefused) as info:
        load_query(path)
    assert info.value.exit_code == 8
    if not body.startswith("LOAD"):  # an explicit opt-in lets the query through
        assert load_query(path, allow_network=True).title == "T"


def test_queries_update_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="updates are not allowed"):
        load_query(_write(tmp_path, "DELETE WHERE { ?s ?p ?o }\n"))


def test_queries_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "SELECT ?s\nWHERE { ?s ?p . }\n")
    with pytest.raises(QueryError) as info:  # checked by Oxigraph when it runs (no rdflib: nothing to refuse)
        run_query(_store(), load_query(path), timeout=None)
    assert str(info.value).startswith(f"{path}:4:")  # two header lines, then the error on line 4
    assert "SPARQL syntax error" in str(info.value) and "\n" not in str(info.value)
    param = _write(tmp_path, "SELECT ?s\nWHERE { ?s ?p }\n", "# title: T\n# param: s — x\n")
    with pytest.raises(QueryError) as info:  # with parameters: parsed by rdflib when loaded
        load_query(param)
    assert str(info.value).startswith(f"{param}:4:") and "SPARQL syntax error" in str(info.value)


def test_queries_missing_file_is_query_error(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="not found") as info:
        load_query(tmp_path / "nope.rq")
    assert info.value.exit_code == 4
    with pytest.raises(QueryError, match="visits"):
        find_query("no-such-query")


def test_queries_timeout_stops_a_runaway_query(tmp_path: Path) -> None:
    store = ox.Store()
    g = ox.NamedNode("http://e/g")
    p = ox.NamedNode("http://e/p")
    store.extend(ox.Quad(ox.NamedNode(f"http://e/n{i}"), p, ox.NamedNode(f"http://e/n{i + 1}"), g)
                 for i in range(2000))
    path = _write(tmp_path, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
                  " ORDER BY ?n\n")
    start = time.monotonic()
    with pytest.raises(QueryTimeout) as info:
        run_query(store, load_query(path), timeout=1.0)
    assert time.monotonic() - start < 5.0
    assert info.value.exit_code == 7


def test_queries_timeout_path_gives_same_rows_as_in_process() -> None:
    store = _store()
    query = find_query("meetings")
    assert run_query(store, query, timeout=10.0) == run_query(store, query, timeout=None)


def test_queries_store_on_disk_by_path(tmp_path: Path) -> None:
    location = tmp_path / "store"
    store = ox.Store(str(location))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    expected = run_query(_store(), find_query("positions"), timeout=None)
    assert run_query(location, find_query("positions"), timeout=10.0) == expected
    assert run_query(location, find_query("positions"), timeout=None) == expected


class _Endpoint(http.server.BaseHTTPRequestHandler):
    answer = b""
    length: int | None = None
    received: list[str] = []

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        _Endpoint.received.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(self.length or len(self.answer)))
        self.end_headers()
        self.wfile.write(self.answer)

    def log_message(self, *args: object) -> None:
        pass


def _serve(answer: bytes, length: int | None = None) -> tuple[http.server.HTTPServer, str]:
    _Endpoint.answer, _Endpoint.length, _Endpoint.received = answer, length, []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/query"


def test_queries_remote_reads_w3c_json_and_filters_parameters_here() -> None:
    import urllib.parse

    answer = json.dumps({"head": {"vars": ["article", "person"]}, "results": {"bindings": [
        {"article": {"type": "literal", "value": "a1"}, "person": {"type": "literal", "value": "Qin Gang"}},
        {"article": {"type": "literal", "value": "a2"}, "person": {"type": "literal", "value": "QÍN  gang"}},
        {"article": {"type": "literal", "value": "a3"}, "person": {"type": "literal", "value": "Xi Jinping"}},
        {"article": {"type": "uri", "value": "http://e/a4"}}]}}).encode()
    server, url = _serve(answer)
    try:
        query = find_query("positions")
        everything = run_remote(url, query, timeout=5)
        result = run_remote(url, query, {"person": 'qin-gang"} DROP'}, timeout=5)
        kept = run_remote(url, query, {"person": "qin gang"}, timeout=5)
    finally:
        server.shutdown()
    assert everything.columns == ("article", "person")
    assert everything.rows == (("a1", "Qin Gang"), ("a2", "QÍN  gang"), ("a3", "Xi Jinping"), ("http://e/a4", None))
    assert result.rows == ()  # the value is compared with the rows, never put into the query
    assert kept.rows == (("a1", "Qin Gang"), ("a2", "QÍN  gang"))  # case, accents, spacing ignored
    sent = [urllib.parse.parse_qs(body)["query"][0] for body in _Endpoint.received]
    assert sent == [query.full_text] * 3  # the same text each time: parameters never edit the query


def test_queries_remote_truncated_body_is_an_error() -> None:
    server, url = _serve(b'{"head": {"vars": ["a"]}, "results": {"bind', length=500)
    try:
        with pytest.raises(RemoteError, match="truncated") as info:
            run_remote(url, find_query("positions"), timeout=5)
    finally:
        server.shutdown()
    assert info.value.exit_code == 9


def test_queries_any_parameter_value_is_only_compared(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.text import fold

    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://e/s{i}"), ox.NamedNode("http://e/p"), ox.Literal(v), ox.DefaultGraph())
                 for i, v in enumerate(["China", "china", "Chína", '"} ; DROP ALL', "Japan"]))
    query = load_query(_write(tmp_path, "SELECT ?v WHERE { ?s <http://e/p> ?v } ORDER BY ?v\n",
                              "# title: T\n# param: v — any value\n"))
    before = len(store)

    @settings(max_examples=40, deadline=None)
    @given(st.one_of(st.text(max_size=30), st.sampled_from(["CHINA", '"} ; DROP ALL', "japan", ""])))
    def check(value: str) -> None:
        rows = run_query(store, query, {"v": value}, timeout=None).rows
        assert all(fold(row[0]) == fold(value) for row in rows)
        assert len(rows) == sum(1 for v in ["China", "china", "Chína", '"} ; DROP ALL', "Japan"] if fold(v) == fold(value))

    check()
    assert len(store) == before


def test_queries_use_only_declared_dip_terms() -> None:
    import re

    from kg.vocab import DIP

    for path in sorted(queries_dir().glob("*.rq")):
        used = set(re.findall(r"\bdip:([A-Za-z]\w*)", path.read_text(encoding="utf-8")))
        assert sorted(used - set(DIP.__annotations__)) == [], path.name


def test_queries_timeout_path_works_on_an_open_disk_store(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    query = find_query("visits")
    assert run_query(store, query, timeout=10.0) == run_query(_store(), query, timeout=None)


_FILL = """
PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
PREFIX id: <https://w3id.org/kg-diplomacy/id/>
id:graph\\/article\\/a1 {
    id:article\\/a1 dip:articleId "a1" .
    id:person\\/ronald-okafor a dip:Person ; dip:name "Ronald Okafor" .
    id:country\\/US a dip:Country ; dip:name "United States" .
    id:post\\/president\\/US a dip:Post ; dip:postTitle "President" ; dip:jurisdiction id:country\\/US .
    id:tenure\\/f1 a dip:Tenure ; dip:holder id:person\\/ronald-okafor ; dip:post id:post\\/president\\/US ;
        dip:former false ; dip:jurisdictionBasis "stated" ; dip:evidence id:evidence\\/f1 .
    id:evidence\\/f1 dip:article id:article\\/a1 ; dip:sentence "U.S. President Ronald Okafor spoke." .
}
id:graph\\/article\\/a2 {
    id:article\\/a2 dip:articleId "a2" .
    id:person\\/okafor a dip:Person ; dip:name "Okafor" .
    id:post\\/president a dip:Post ; dip:postTitle "President" .
    id:tenure\\/f2 a dip:Tenure ; dip:holder id:person\\/okafor ; dip:post id:post\\/president ;
        dip:former false ; dip:evidence id:evidence\\/f2 .
    id:evidence\\/f2 dip:article id:article\\/a2 ; dip:sentence "President Okafor will visit Peru." .
    id:person\\/lena-kovacs a dip:Person ; dip:name "Lena Kovacs" .
    id:tenure\\/f4 a dip:Tenure ; dip:holder id:person\\/lena-kovacs ; dip:post id:post\\/president ;
        dip:former false ; dip:evidence id:evidence\\/f2 .
}
id:graph\\/article\\/a3 {
    id:article\\/a3 dip:articleId "a3" .
    id:person\\/okafor a dip:Person ; dip:name "Okafor" .
    id:person\\/lena-kovacs a dip:Person ; dip:name "Lena Kovacs" .
    id:country\\/JP a dip:Country ; dip:name "Japan" .
    id:post\\/president\\/JP a dip:Post ; dip:postTitle "President" ; dip:jurisdiction id:country\\/JP .
    id:tenure\\/f3 a dip:Tenure ; dip:holder id:person\\/okafor ; dip:post id:post\\/president\\/JP ;
        dip:former false ; dip:jurisdictionBasis "article" ; dip:evidence id:evidence\\/f3 .
    id:tenure\\/f5 a dip:Tenure ; dip:holder id:person\\/lena-kovacs ; dip:post id:post\\/president\\/JP ;
        dip:former false ; dip:jurisdictionBasis "article" ; dip:evidence id:evidence\\/f3 .
    id:evidence\\/f3 dip:article id:article\\/a3 ; dip:sentence "President Okafor imposed tariffs on Japan." .
}
"""


def test_queries_positions_fill_state_from_stated_offices_elsewhere() -> None:
    from kg.derive import refresh

    store = ox.Store()
    store.load(_FILL.encode(), format=ox.RdfFormat.TRIG)
    refresh(store)  # kg build writes the borrowed states (id:graph/jurisdictions); the query only reads them
    result = run_query(store, find_query("positions"), timeout=None)
    rows = {(r["article"], r["person"]): (r["country"], r["country_from"], r["country_basis"])
            for r in (dict(zip(result.columns, row)) for row in result.rows)}
    assert rows == {
        ("a1", "Ronald Okafor"): ("United States", "", "stated"),
        # "Okafor" is not the IRI of a1's holder, but the one full-named person it can mean (kg.identity),
        # in the same office, as a1 states it; a3's Japan was inferred from a3's context: not carried over
        ("a2", "Okafor"): ("United States", "a1", "linked person"),
        ("a3", "Okafor"): ("Japan", "", "article"),
        # Lena Kovacs: no article states her office's state (a3 only infers it): not filled in a2
        ("a3", "Lena Kovacs"): ("Japan", "", "article"),
    }


def test_queries_checked_manifest_is_current() -> None:
    """kg/checked_queries.json vouches for exactly the stored queries as they are now (each re-checked
    here with rdflib); when this fails, run `python -m kg.queries` and commit the file."""
    import importlib.resources

    from kg.queries import checked_manifest

    shipped = json.loads(importlib.resources.files("kg").joinpath("checked_queries.json").read_text("utf-8"))
    assert shipped == checked_manifest(sorted(queries_dir().glob("*.rq")))


def test_queries_checked_text_skips_the_parser_other_texts_do_not(tmp_path: Path) -> None:
    from kg import sparql

    sparql._check.cache_clear()
    stored = load_query(queries_dir() / "visits.rq")
    run_query(_store(), stored, timeout=None)
    assert sparql._check.cache_info().misses == 0  # vouched for by the manifest
    edited = _write(tmp_path, "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } ORDER BY ?s\n")
    with pytest.raises(NetworkRefused):  # one byte of difference and the text is parsed and checked
        load_query(edited)
    assert sparql._check.cache_info().misses == 1
