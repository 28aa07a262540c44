"""For each SHACL shape, a minimal graph that breaks it: the gate says no, with the shape's message."""

from __future__ import annotations

import re
import time

import pytest
from rdflib import Graph

from kg.validate import Report, validate_graph

PREFIXES = """
@prefix dip: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
# Valid neighbours the failing nodes point at.
ARTICLE = 'id:article/a a dip:Article ; dip:articleId "a" ; dip:text "t" .\n'
EVIDENCE = (
    'id:evidence/e a dip:Evidence ; dip:article id:article/a ; dip:sentence "s" ; '
    "dip:sentenceStart 0 ; dip:sentenceEnd 9 ; dip:anchorStart 1 ; dip:anchorEnd 2 .\n"
)
COUNTRY = 'id:country/FR a dip:Country ; dip:name "France" ; dip:isoCode "FR" .\n'
PERSON = 'id:person/p a dip:Person ; dip:name "P" .\n'
BASE = ARTICLE + EVIDENCE + COUNTRY + PERSON
EVENT = "dip:status dip:occurred ; dip:evidence id:evidence/e"

CASES = {
    "article-id": (
        'id:article/b a dip:Article ; dip:text "t" .',
        "An article needs exactly one dip:articleId string",
    ),
    "article-text": (
        'id:article/b a dip:Article ; dip:articleId "b" .',
        "An article needs exactly one dip:text string",
    ),
    "article-published": (
        'id:article/b a dip:Article ; dip:articleId "b" ; dip:text "t" ; dip:published "May 2021" .',
        "An article has at most one dip:published xsd:date",
    ),
    "evidence-article": (
        'id:evidence/x a dip:Evidence ; dip:sentence "s" ; dip:sentenceStart 0 ; '
        "dip:sentenceEnd 9 ; dip:anchorStart 1 ; dip:anchorEnd 2 .",
        "Evidence needs exactly one dip:article that is a dip:Article",
    ),
    "evidence-order": (
        'id:evidence/x a dip:Evidence ; dip:article id:article/a ; dip:sentence "s" ; '
        "dip:sentenceStart 5 ; dip:sentenceEnd 9 ; dip:anchorStart 1 ; dip:anchorEnd 2 .",
        "Evidence needs one dip:sentenceStart integer >= 0 and <= dip:anchorStart",
    ),
    "evidence-negative": (
        'id:evidence/x a dip:Evidence ; dip:article id:article/a ; dip:sentence "s" ; '
        "dip:sentenceStart 0 ; dip:sentenceEnd -1 ; dip:anchorStart 0 ; dip:anchorEnd 0 .",
        "Evidence needs one dip:sentenceEnd integer >= 0",
    ),
    "person": ("id:person/x a dip:Person .", "A person needs a dip:name string"),
    "person-nationality": (
        'id:person/x a dip:Person ; dip:name "X" ; dip:nationality id:person/p .',
        "The dip:nationality of a person must be a dip:Country",
    ),
    "group": ("id:group/x a dip:Group .", "A group needs a dip:name string"),
    "organization": ("id:org/x a dip:Ministry .", "An organization needs a dip:name string"),
    "country": ('id:country/XX a dip:Country ; dip:name "X" .', "A country needs exactly one dip:isoCode"),
    "country-code": (
        'id:country/XX a dip:Country ; dip:name "X" ; dip:isoCode "xx" .',
        "A country needs exactly one dip:isoCode",
    ),
    "city": (
        'id:city/1 a dip:City ; dip:name "C" ; dip:inCountry id:person/p .',
        "A city is dip:inCountry at most one dip:Country",
    ),
    "city-name": ("id:city/1 a dip:City .", "A city needs a dip:name string"),
    "post": ("id:post/x a dip:Post .", "A post needs exactly one dip:postTitle string"),
    "post-jurisdiction": (
        'id:post/x a dip:Post ; dip:postTitle "Minister" ; dip:jurisdiction id:person/p .',
        "A post has at most one dip:jurisdiction, a dip:Country or an organization",
    ),
    "tenure-holder": (
        'id:post/x a dip:Post ; dip:postTitle "M" . id:tenure/t a dip:Tenure ; '
        "dip:holder id:country/FR ; dip:post id:post/x ; dip:former false ; dip:evidence id:evidence/e .",
        "A tenure needs exactly one dip:holder that is a dip:Person",
    ),
    "tenure-former": (
        'id:post/x a dip:Post ; dip:postTitle "M" . id:tenure/t a dip:Tenure ; '
        'dip:holder id:person/p ; dip:post id:post/x ; dip:former "no" ; dip:evidence id:evidence/e .',
        "A tenure needs exactly one dip:former boolean",
    ),
    "tenure-evidence": (
        'id:post/x a dip:Post ; dip:postTitle "M" . id:tenure/t a dip:Tenure ; '
        "dip:holder id:person/p ; dip:post id:post/x ; dip:former false .",
        "A tenure needs exactly one dip:evidence",
    ),
    "event-status": (
        "id:event/x a dip:Meeting ; dip:participant id:person/p ; dip:status dip:month ; "
        "dip:evidence id:evidence/e .",
        "An event needs exactly one dip:status from dip:statusScheme",
    ),
    "event-evidence": (
        "id:event/x a dip:Summit ; dip:status dip:planned .",
        "An event needs at least one dip:evidence that is a dip:Evidence",
    ),
    "event-time": (
        f"id:event/x a dip:Recall ; {EVENT} ; dip:hasTime id:time/1, id:time/2 .\n"
        'id:time/1 a time:Instant ; dip:date "2021"^^xsd:gYear ; dip:precision dip:year .\n'
        'id:time/2 a time:Instant ; dip:date "2022"^^xsd:gYear ; dip:precision dip:year .',
        "An event has at most one dip:hasTime, a time:Instant",
    ),
    "event-cameo": (
        f'id:event/x a dip:Summit ; {EVENT} ; dip:cameoCode "visit" .',
        "A dip:cameoCode is a string of 2 to 4 digits",
    ),
    "event-place": (
        f"id:event/x a dip:Summit ; {EVENT} ; dip:place id:person/p .",
        "The dip:place of an event must be a dip:City or a dip:Country",
    ),
    "visit-traveler": (
        f"id:event/x a dip:Visit ; {EVENT} ; dip:destination id:country/FR ; "
        "dip:traveler id:country/FR .",
        "A visit needs at least one dip:traveler, each a dip:Person or dip:Group",
    ),
    "visit-destination": (
        f"id:event/x a dip:Visit ; {EVENT} ; dip:traveler id:person/p .",
        "A visit needs exactly one dip:destination that is a dip:Country",
    ),
    "meeting": (
        f"id:event/x a dip:Meeting ; {EVENT} .",
        "A meeting needs at least one dip:participant",
    ),
    "summons": (f"id:event/x a dip:Summons ; {EVENT} .", "A summons needs at least one dip:summoned"),
    "statement": (
        f'id:event/x a dip:Statement ; {EVENT} ; dip:quote "a", "b" .',
        "A statement has at most one dip:quote string",
    ),
    "summit": (
        f'id:event/x a dip:Summit ; {EVENT} ; dip:participant "Biden" .',
        "The dip:participant of a summit must be an IRI",
    ),
    "recall": (
        f'id:event/x a dip:Recall ; {EVENT} ; dip:recalled "the ambassador" .',
        "The dip:recalled of a recall must be an IRI",
    ),
    "occurrence": ("id:occurrence/o a dip:Occurrence .", "An occurrence needs exactly one rdfs:label"),
    "instant-date": (
        'id:time/x a time:Instant ; dip:date "2021-03-01" ; dip:precision dip:day .',
        "A time instant needs exactly one dip:date",
    ),
    "instant-precision": (
        'id:time/x a time:Instant ; dip:date "2021"^^xsd:gYear ; dip:precision dip:planned .',
        "A time instant needs exactly one dip:precision",
    ),
}


def _parse(turtle: str) -> Graph:
    """Turtle with ``id:kind/name`` shorthands (not legal prefixed names) expanded to IRIs."""
    expanded = re.sub(r"\bid:([\w/-]+)", r"<https://w3id.org/kg-diplomacy/id/\1>", turtle)
    return Graph().parse(data=PREFIXES + expanded, format="turtle")


def _validate(turtle: str) -> Report:
    return validate_graph(_parse(BASE + turtle))


def test_shapes_base_graph_conforms() -> None:
    report = _validate("")
    assert report.conforms, report.lines()


@pytest.mark.parametrize("turtle,message", CASES.values(), ids=CASES.keys())
def test_shapes_minimal_failing_graph(turtle: str, message: str) -> None:
    report = _validate(turtle)
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.lines()
    assert all(v.severity == "Violation" for v in report.violations)


def test_shapes_every_constraint_has_a_message() -> None:
    from rdflib.namespace import SH

    from kg.validate import load_shapes

    shapes = load_shapes()
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message) is not None, prop


def test_shapes_report_lines_are_short() -> None:
    report = _validate("id:person/x a dip:Person .")
    assert report.lines() == ["id:person/x dip:name: A person needs a dip:name string"]


def test_shapes_gate_does_not_mutate_the_graph() -> None:
    graph = _parse(BASE)
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_shapes_gate_is_fast_on_an_article_sized_graph() -> None:
    people = "".join(
        f'id:person/p{i} a dip:Person ; dip:name "P{i}" ; dip:nationality id:country/FR .\n'
        for i in range(60)
    )
    graph = _parse(BASE + people)
    assert len(graph) > 180
    validate_graph(graph)
    start = time.perf_counter()
    validate_graph(graph)
    assert time.perf_counter() - start < 2.0
