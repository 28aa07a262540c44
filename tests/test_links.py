"""Cross-article event identity: dip:sameEventAs in id:graph/links (kg.links via kg.derive), visit-history.rq."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.derive import refresh
from kg.links import LINKS_GRAPH
from kg.queries import find_query, run_query
from kg.store import GraphStore

PREFIXES = """
@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix id: <https://w3id.org/kg-diplomacy/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
SAME = "https://w3id.org/kg-diplomacy/ontology#sameEventAs"
EV = "https://w3id.org/kg-diplomacy/id/event/"

ROE_CONSIDERED = "date 2021-03-01\nFrench Foreign Minister Jane Roe may visit Japan next month.\n"
ROE_OCCURRED = "date 2021-04-02\nFrench Foreign Minister Jane Roe arrived in Tokyo on Friday.\n"


def _visit(graph: str, event: str, traveler: str = "person/jane-roe", country: str = "JP",
           date: str | None = None, kind: str = "dip:Person") -> str:
    time = f"id:event\\/{event} dip:evidence id:evidence\\/{event} . id:evidence\\/{event} dip:article id:article\\/{graph} ."
    if date is not None:
        datatype = {4: "xsd:gYear", 7: "xsd:gYearMonth"}.get(len(date), "xsd:date")
        time += f' id:event\\/{event} dip:hasTime id:time\\/{date} . id:time\\/{date} dip:date "{date}"^^{datatype} .'
    return (f"id:graph\\/article\\/{graph} {{ id:{traveler.replace('/', chr(92) + '/')} a {kind} . "
            f"id:event\\/{event} a dip:Visit ; dip:traveler id:{traveler.replace('/', chr(92) + '/')} ; "
            f"dip:destination id:country\\/{country} . {time} }}\n")


def _meeting(graph: str, event: str, people: list[str], date: str | None = None) -> str:
    who = " , ".join(f"id:person\\/{p}" for p in people)
    time = f"id:event\\/{event} dip:evidence id:evidence\\/{event} . id:evidence\\/{event} dip:article id:article\\/{graph} ."
    if date is not None:
        time += f' id:event\\/{event} dip:hasTime id:time\\/{date} . id:time\\/{date} dip:date "{date}"^^xsd:date .'
    return f"id:graph\\/article\\/{graph} {{ id:event\\/{event} a dip:Meeting ; dip:participant {who} . {time} }}\n"


def _links(trig: str) -> set[tuple[str, str]]:
    store = ox.Store()
    store.load(PREFIXES + trig, format=ox.RdfFormat.TRIG)
    count = refresh(store).event_links
    pairs = {(q.subject.value[len(EV):], q.object.value[len(EV):])
             for q in store.quads_for_pattern(None, ox.NamedNode(SAME), None, ox.NamedNode(LINKS_GRAPH))}
    assert 2 * count == len(pairs)
    assert all((b, a) in pairs for a, b in pairs)  # both ways
    return {(a, b) for a, b in pairs if a < b}


def test_links_dates_equal_coarser_prefix_or_missing() -> None:
    trig = (_visit("a", "a1", date="2021-04") + _visit("b", "b1", date="2021-04-02")
            + _visit("c", "c1") + _visit("d", "d1", date="2021"))
    assert _links(trig) == {("a1", "b1"), ("a1", "c1"), ("a1", "d1"), ("b1", "c1"), ("b1", "d1"),
                            ("c1", "d1")}


def test_links_need_same_traveler_destination_different_articles_compatible_dates() -> None:
    trig = (_visit("a", "a1", date="2021-03") + _visit("b", "b1", date="2021-04")  # other month
            + _visit("a", "a2", country="CN") + _visit("b", "b2", country="KR")  # other country
            + _visit("c", "c1", traveler="person/john-doe", country="FR")
            + _visit("d", "d1", traveler="person/max-muster", country="FR")  # other person
            + _visit("e", "e1", country="DE") + _visit("e", "e2", country="DE")  # same article
            + _visit("f", "f1", traveler="group/officials", country="IT", kind="dip:Group")
            + _visit("g", "g1", traveler="group/officials", country="IT", kind="dip:Group"))  # groups
    assert _links(trig) == set()


def test_links_meetings_need_the_same_participant_set() -> None:
    trig = (_meeting("a", "m1", ["jane-roe", "max-muster"], "2021-03-02")
            + _meeting("b", "m2", ["max-muster", "jane-roe"])
            + _meeting("c", "m3", ["jane-roe", "max-muster", "john-doe"], "2021-03-02")
            + _meeting("d", "m4", ["jane-roe", "max-muster"], "2021-03-05"))
    assert _links(trig) == {("m1", "m2"), ("m2", "m4")}


def test_links_update_replaces_the_graph() -> None:
    from kg.store import drop_graph

    store = ox.Store()
    store.load(PREFIXES + _visit("a", "a1") + _visit("b", "b1"), format=ox.RdfFormat.TRIG)
    assert refresh(store).event_links == 1
    assert drop_graph(store, "https://w3id.org/kg-diplomacy/id/graph/article/b")
    assert refresh(store).event_links == 0
    assert ox.NamedNode(LINKS_GRAPH) not in set(store.named_graphs())
    assert not list(store.quads_for_pattern(None, ox.NamedNode(SAME), None, None))  # the union forgets them too


def test_links_two_articles_one_person_one_trip(tmp_path: Path) -> None:
    """The real pipeline: the same trip at two stages, in two articles, is one trip in visit-history."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "roe1.txt").write_text(ROE_CONSIDERED, encoding="utf-8")
    (folder / "roe2.txt").write_text(ROE_OCCURRED, encoding="utf-8")
    path = tmp_path / "graph"
    with GraphStore.open(path, create=True) as store:
        summary = build([folder], store)
        assert summary.ok and summary.articles == 2
        persons = {r[0] for r in store.store.query(
            'PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#> SELECT DISTINCT ?p WHERE '
            '{ GRAPH ?g { ?p a dip:Person ; dip:name "Jane Roe" } }')}
        assert len(persons) == 1  # one IRI across both articles
        history = run_query(store.store, find_query("visit-history"), timeout=None)
    assert history.columns[:6] == ("traveler", "destination_country", "article", "status", "date", "ordered")
    rows = [dict(zip(history.columns, row)) for row in history.rows]
    assert [(r["traveler"], r["destination_country"], r["article"], r["status"], r["ordered"]) for r in rows] == [
        ("Jane Roe", "Japan", "roe1", "considered", "1"),
        ("Jane Roe", "Japan", "roe2", "occurred", "4"),
    ]
    assert rows[0]["trip"] == rows[1]["trip"]  # one trip
    assert rows[1]["date"] == "2021-04-02" and rows[0]["date"] in ("", "2021-04")

    # kg remove drops the links of the removed article's events; building it again restores them
    result = CliRunner().invoke(cli, ["remove", "roe2", "--graph", str(path)])
    assert result.exit_code == 0, result.output
    with GraphStore.open(path, write=False) as store:
        assert not list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))
    with GraphStore.open(path, write=True) as store:
        build([folder / "roe2.txt"], store)
        assert len(list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))) == 2
