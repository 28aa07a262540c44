"""The ontology file parses everywhere and matches the closed vocabulary kg.vocab.DIP both ways."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.validate import ontology_dir
from kg.vocab import DIP, ONTOLOGY_IRI

ONTOLOGY = ontology_dir() / "diplomacy.ttl"
SHAPES = ontology_dir() / "shapes.ttl"
NS = str(DIP._NS)
DECLARED = {URIRef(NS + name) for name in DIP.__annotations__}


def _graph(path: Path) -> Graph:
    return Graph().parse(data=path.read_text(encoding="utf-8"), format="turtle")


def _dip_terms(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and t.startswith(NS)}


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["ontology", "shapes"])
def test_ontology_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    assert len(_graph(path)) > 50
    quads = list(pyoxigraph.parse(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) > 50


def test_ontology_declares_ontology_iri() -> None:
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in _graph(ONTOLOGY)


def test_ontology_declares_every_vocab_term_with_label_and_comment() -> None:
    graph = _graph(ONTOLOGY)
    missing = sorted(
        t for t in DECLARED
        if graph.value(t, RDFS.label) is None or graph.value(t, RDFS.comment) is None
        or graph.value(t, RDF.type) is None
    )
    assert missing == []


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["ontology", "shapes"])
def test_ontology_uses_only_vocab_terms(path: Path) -> None:
    assert sorted(_dip_terms(_graph(path)) - DECLARED) == []


def test_ontology_status_scheme_notations_are_local_names() -> None:
    graph = _graph(ONTOLOGY)
    concepts = sorted(graph.subjects(SKOS.inScheme, DIP.statusScheme))
    assert [c[len(NS):] for c in concepts] == sorted(
        ["occurred", "planned", "considered", "cancelled", "postponed"]
    )
    for concept in concepts:
        assert str(graph.value(concept, SKOS.notation)) == concept[len(NS):]
        assert str(graph.value(concept, SKOS.prefLabel)) == concept[len(NS):]
        assert (concept, RDF.type, DIP.EventStatus) in graph


def test_ontology_event_classes_carry_codes_used_by_mapping() -> None:
    from kg.mapping import EVENT_CODES

    graph = _graph(ONTOLOGY)
    for kind, (cameo, plover) in EVENT_CODES.items():
        cls = URIRef(NS + kind.capitalize())
        assert sorted(map(str, graph.objects(cls, DIP.cameoCode))) == sorted(cameo)
        assert sorted(map(str, graph.objects(cls, DIP.ploverCode))) == sorted(plover)


def test_ontology_uses_http_schema_org() -> None:
    text = ONTOLOGY.read_text(encoding="utf-8")
    assert "https://schema.org/" not in text
    assert "<http://schema.org/>" in text
