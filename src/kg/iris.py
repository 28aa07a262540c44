"""The IRI bases of the ontology and of minted nodes, without importing rdflib (``kg query`` and
``kg export`` start faster without it; :mod:`kg.vocab` re-exports them with the rdflib namespaces)."""

ONTOLOGY_IRI = "https://w3id.org/kg-diplomacy/ontology"
ID_BASE = "https://w3id.org/kg-diplomacy/id/"
ONTOLOGY_GRAPH = ID_BASE + "graph/ontology"

# The prefixes of exports (Turtle, TriG, JSON-LD @context) and of queries (kg.sparql declares them for
# every query, with a few more): one prefix per kind of resource, so Turtle reads "person:jane-roe".
PREFIXES: dict[str, str] = {
    "dip": ONTOLOGY_IRI + "#",
    "id": ID_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "prov": "http://www.w3.org/ns/prov#",
    **{kind: f"{ID_BASE}{kind}/" for kind in (
        "article", "person", "group", "org", "country", "city", "post", "tenure", "event",
        "occurrence", "evidence", "inference", "personlink")},
    "graph": ID_BASE + "graph/article/",
}
