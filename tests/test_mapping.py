"""Extraction -> RDF on a hand-built extraction (no pipeline, no corpus)."""

from __future__ import annotations

from datetime import date

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg import ids
from kg.mapping import clean_text, country_name, to_graph
from kg.model import Article, Entity, Event, Evidence, Extraction, Position, TimeValue
from kg.validate import validate_graph
from kg.vocab import DIP, ID_BASE

TITLE = "Roe to visit Germany"
BODY = "French Foreign Minister Jane Roe plans to visit Germany in March 2021, officials said."
TEXT = f"{TITLE}\n\n{BODY}"


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words, len(TITLE) + 2)
    return start, start + len(words)


def _evidence(words: str) -> Evidence:
    start, end = _span(BODY)
    a_start, a_end = _span(words)
    return Evidence(sentence=BODY, start=start, end=end, anchor_start=a_start, anchor_end=a_end)


def jane_roe(**event_changes: object) -> Extraction:
    event: dict[str, object] = dict(
        kind="visit",
        status="planned",
        roles=(("destination", ("country:DE",)), ("traveler", ("person:jane roe",))),
        evidence=_evidence("visit"),
        time=TimeValue("2021-03", "month", "March 2021"),
        trigger="visit",
        status_cue="plans to",
        attributed_to="group:officials",
        attribution="officials said",
    )
    event.update(event_changes)
    return Extraction(
        article=Article(id="test-001", text=TEXT, date=date(2021, 2, 1), title=TITLE,
                        url="https://example.org/roe"),
        entities=(
            Entity("person:jane roe", "person", "Jane Roe", ("Roe",), "FR",
                   evidence=_evidence("Jane Roe")),
            Entity("country:DE", "country", "Germany", country="DE"),
        ),
        positions=(Position("person:jane roe", "Foreign Minister", "country:FR", False,
                            _evidence("Foreign Minister")),),
        events=(Event(**event),),  # type: ignore[arg-type]
    )


def _event_node(graph: Graph) -> URIRef:
    (node,) = graph.subjects(ns.RDF.type, DIP.Visit)
    assert isinstance(node, URIRef)
    return node


def test_mapping_has_no_blank_nodes_and_valid_iris() -> None:
    graph = to_graph(jane_roe())
    for triple in graph:
        for term in triple:
            assert not isinstance(term, BNode)
            if isinstance(term, URIRef):
                pyoxigraph.NamedNode(str(term))
            if isinstance(term, Literal):
                assert term.language is None


def test_mapping_conforms_to_shapes() -> None:
    report = validate_graph(to_graph(jane_roe()))
    assert report.conforms, report.lines()


@pytest.mark.parametrize("status", ["occurred", "planned", "considered", "cancelled", "postponed"])
def test_mapping_every_status_conforms(status: str) -> None:
    report = validate_graph(to_graph(jane_roe(status=status, cause="the talks failed")))
    assert report.conforms, report.lines()


def test_mapping_expected_triples() -> None:
    graph = to_graph(jane_roe())
    person = URIRef(ID_BASE + "person/jane-roe")
    france = URIRef(ID_BASE + "country/FR")
    germany = URIRef(ID_BASE + "country/DE")
    post = URIRef(ID_BASE + "post/foreign-minister/FR")
    article = URIRef(ID_BASE + "article/test-001")
    event = _event_node(graph)
    time = URIRef(ID_BASE + "time/2021-03")
    expected = [
        (article, ns.RDF.type, DIP.Article),
        (article, DIP.articleId, Literal("test-001")),
        (article, DIP.published, Literal("2021-02-01", datatype=ns.XSD.date)),
        (article, DIP.url, Literal("https://example.org/roe", datatype=ns.XSD.anyURI)),
        (person, ns.RDF.type, DIP.Person),
        (person, DIP.name, Literal("Jane Roe")),
        (person, DIP.alias, Literal("Roe")),
        (person, DIP.nationality, france),
        (person, DIP.holds, post),
        (france, ns.RDF.type, DIP.Country),  # only referenced: typed and named from its code
        (france, DIP.name, Literal("France")),
        (france, DIP.isoCode, Literal("FR")),
        (france, DIP.geonamesId, Literal(3017382, datatype=ns.XSD.integer)),
        (germany, DIP.name, Literal("Germany")),
        (post, ns.RDF.type, DIP.Post),
        (post, DIP.postTitle, Literal("Foreign Minister")),
        (post, DIP.jurisdiction, france),
        (event, DIP.status, DIP.planned),
        (event, DIP.traveler, person),
        (event, DIP.destination, germany),
        (event, DIP.hasTime, time),
        (event, DIP.dateText, Literal("March 2021")),
        (event, DIP.trigger, Literal("visit")),
        (event, DIP.statusCue, Literal("plans to")),
        (event, DIP.attributedTo, URIRef(ID_BASE + "group/officials")),
        (event, DIP.cameoCode, Literal("042")),
        (event, DIP.ploverCode, Literal("CONSULT")),
        (time, ns.RDF.type, ns.TIME.Instant),
        (time, DIP.date, Literal("2021-03", datatype=ns.XSD.gYearMonth)),
        (time, DIP.precision, DIP.month),
    ]
    missing = [t for t in expected if t not in graph]
    assert missing == []
    (tenure,) = graph.subjects(ns.RDF.type, DIP.Tenure)
    assert graph.value(tenure, DIP.former) == Literal(False)
    evidence = graph.value(event, DIP.evidence)
    assert graph.value(evidence, DIP.anchorText) == Literal("visit")
    assert graph.value(evidence, DIP.article) == article
    assert int(graph.value(evidence, DIP.sentenceStart)) == TEXT.index(BODY)


def test_mapping_cancelled_visit_gets_extra_codes_and_cause() -> None:
    graph = to_graph(jane_roe(status="cancelled", cause="the talks failed"))
    event = _event_node(graph)
    assert set(map(str, graph.objects(event, DIP.cameoCode))) == {"042", "043", "161"}
    assert set(map(str, graph.objects(event, DIP.ploverCode))) == {"CONSULT", "REJECT"}
    cause = graph.value(event, DIP.hasCause)
    assert (cause, ns.RDF.type, DIP.Occurrence) in graph
    assert graph.value(cause, ns.RDFS.label) == Literal("the talks failed")


def test_mapping_former_position_has_no_holds() -> None:
    x = jane_roe()
    former = Position("person:jane roe", "Foreign Minister", "country:FR", True,
                      _evidence("Foreign Minister"))
    graph = to_graph(Extraction(article=x.article, entities=x.entities, positions=(former,)))
    assert not list(graph.objects(URIRef(ID_BASE + "person/jane-roe"), DIP.holds))
    assert validate_graph(graph).conforms


def test_mapping_is_deterministic() -> None:
    first = sorted(to_graph(jane_roe()).serialize(format="nt").splitlines())
    second = sorted(to_graph(jane_roe()).serialize(format="nt").splitlines())
    assert first == second
    assert ids.event_iri("test-001", jane_roe().events[0]) == str(_event_node(to_graph(jane_roe())))


def test_mapping_historic_country_reference_is_named() -> None:
    x = jane_roe()
    soviet = Entity("person:ivan", "person", "Ivan", country="SUHH")
    graph = to_graph(Extraction(article=x.article, entities=(soviet,)))
    node = URIRef(ID_BASE + "country/SUHH")
    assert graph.value(node, DIP.name) == Literal(country_name("SUHH"))
    assert "Soviet" in country_name("SUHH") or "USSR" in country_name("SUHH")
    assert validate_graph(graph).conforms


def test_mapping_replaces_unwritable_characters_one_for_one() -> None:
    text = "bad\x01\ud800text"
    assert clean_text(text) == "bad\ufffd\ufffdtext"
    graph = to_graph(Extraction(article=Article(id="x\ud800", text=text)))
    graph.serialize(format="nt", encoding="utf-8")
    graph.serialize(format="turtle", encoding="utf-8")


def test_mapping_unknown_role_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown role 'pilot'"):
        to_graph(jane_roe(roles=(("pilot", ("person:jane roe",)),)))
