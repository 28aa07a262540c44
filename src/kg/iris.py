"""The IRI bases of the ontology and of minted nodes, without importing rdflib (``kg query`` and
``kg export`` start faster without it; :mod:`kg.vocab` re-exports them with the rdflib namespaces)."""

ONTOLOGY_IRI = "https://w3id.org/kg-diplomacy/ontology"
ID_BASE = "https://w3id.org/kg-diplomacy/id/"
ONTOLOGY_GRAPH = ID_BASE + "graph/ontology"
