"""Every SPARQL query the workbench's pages run, in one place (adapt here when the store layout changes).

Each is a :class:`kg.queries.StoredQuery` run by :func:`kg.queries.run_query` (same checks, same time
limit in a forked child) with its parameters bound as RDF terms: IRIs as ``pyoxigraph.NamedNode``,
text as plain literals. Oxigraph binds only variables of the SELECT list, so every parameter is
selected. Patterns sit inside ``GRAPH ?g { }``: in the current store (one named graph per article,
queries over their union) that is what keeps them fast; a page's "open in SPARQL" link shows the
same text with its parameters as a ``VALUES`` block (:func:`kg.queries.bound_text`).
"""

from __future__ import annotations

from pathlib import Path

from kg.queries import Param, StoredQuery

__all__ = ["PAGE_QUERIES", "page_query"]

_PREFIXES = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
EVENT_TYPES = "dip:Visit dip:Meeting dip:Summons dip:Statement dip:Summit dip:Recall dip:Expulsion"
ROLES = ("dip:traveler dip:destination dip:host dip:participant dip:summoner dip:summoned dip:speaker "
         "dip:recaller dip:recalled dip:expeller dip:expelled dip:place")

_TEXTS: dict[str, tuple[str, str, tuple[str, ...]]] = {}


def _q(name: str, title: str, params: tuple[str, ...], body: str) -> None:
    _TEXTS[name] = (title, _PREFIXES + body, params)


_q("counts", "What the graph holds", (), """
SELECT ?what (COUNT(DISTINCT ?x) AS ?n)
WHERE {
  { GRAPH ?g { ?x a dip:Article } BIND("articles" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Person } BIND("persons" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Visit ; dip:status ?s } BIND(CONCAT("visit ", STRAFTER(STR(?s), "#")) AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Meeting } BIND("meetings" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Summit } BIND("summits" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Summons } BIND("summons" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Recall } BIND("recalls" AS ?what) }
  UNION { GRAPH ?g { ?x a dip:Statement } BIND("statements" AS ?what) }
}
GROUP BY ?what
ORDER BY ?what
""")

_q("latest", "Latest articles", (), """
SELECT ?a ?article ?title ?published
WHERE {
  GRAPH ?g {
    ?a a dip:Article ; dip:articleId ?article .
    OPTIONAL { ?a dip:title ?title }
    OPTIONAL { ?a dip:published ?published }
  }
}
ORDER BY DESC(STR(?published)) STR(?article)
LIMIT 12
""")

_q("search", "Search names, places and article titles", ("q",), """
SELECT ?q ?node ?type ?label (COUNT(DISTINCT ?g) AS ?articles)
WHERE {
  {
    GRAPH ?g { ?node dip:name|dip:alias ?label ; a ?type }
    FILTER(?type != dip:Post && CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))
  } UNION {
    GRAPH ?g { ?node a dip:Article ; a ?type ; dip:title ?label }
    FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))
  }
}
GROUP BY ?q ?node ?type ?label
ORDER BY DESC(?articles) STR(?label) STR(?node)
LIMIT 200
""")

_q("name", "Nodes with a name", ("name",), """
SELECT DISTINCT ?name ?node ?type
WHERE { GRAPH ?g { ?node dip:name ?name ; a ?type } }
ORDER BY STR(?type) STR(?node)
""")

_q("article", "An article", ("a",), """
SELECT ?a ?article ?title ?published ?url ?text
WHERE {
  GRAPH ?g {
    ?a a dip:Article ; dip:articleId ?article ; dip:text ?text .
    OPTIONAL { ?a dip:title ?title }
    OPTIONAL { ?a dip:published ?published }
    OPTIONAL { ?a dip:url ?url }
  }
}
""")

_EVENT_ROWS = f"""
    ?event a ?type ; dip:status ?status_node ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence ; dip:sentenceStart ?start ; dip:sentenceEnd ?end ;
        dip:anchorStart ?anchor_start ; dip:anchorEnd ?anchor_end .
    OPTIONAL {{ ?event dip:hasTime ?time . ?time dip:date ?date .
               OPTIONAL {{ ?time dip:precision ?precision_node }} }}
    OPTIONAL {{ ?event dip:dateText ?date_text }}
    OPTIONAL {{ ?event dip:trigger ?trigger }}
    OPTIONAL {{ ?event dip:statusCue ?status_cue }}
    OPTIONAL {{ ?event dip:attributedTo ?source . ?source dip:name ?source_name }}
    OPTIONAL {{ ?event dip:attributionCue ?attribution_cue }}
    OPTIONAL {{ ?event dip:hasCause/rdfs:label ?cause }}
    OPTIONAL {{ ?event dip:quote ?quote }}
    OPTIONAL {{ VALUES ?role_node {{ {ROLES} }}
               ?event ?role_node ?actor . ?actor dip:name ?actor_name }}"""
_EVENT_SELECT = ("?event ?type ?status_node ?date ?precision_node ?date_text ?trigger ?status_cue ?source "
                 "?source_name ?attribution_cue ?cause ?quote ?role_node ?actor ?actor_name ?sentence ?start ?end "
                 "?anchor_start ?anchor_end")

_q("article_events", "The facts of an article", ("a",), f"""
SELECT ?a {_EVENT_SELECT}
WHERE {{
  VALUES ?type {{ {EVENT_TYPES} }}
  GRAPH ?g {{ ?a a dip:Article .{_EVENT_ROWS}
  }}
}}
ORDER BY ?start ?anchor_start STR(?event) STR(?role_node) STR(?actor_name)
""")

_q("article_offices", "The offices an article states", ("a",), """
SELECT ?a ?tenure ?person ?person_name ?position ?jurisdiction ?jurisdiction_name ?former ?basis ?sentence
       ?start ?end ?anchor_start ?anchor_end
WHERE {
  GRAPH ?g {
    ?a a dip:Article .
    ?tenure a dip:Tenure ; dip:holder ?person ; dip:post ?post ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence ; dip:sentenceStart ?start ; dip:sentenceEnd ?end ;
        dip:anchorStart ?anchor_start ; dip:anchorEnd ?anchor_end .
    ?person dip:name ?person_name .
    ?post dip:postTitle ?position .
    OPTIONAL { ?post dip:jurisdiction ?jurisdiction . ?jurisdiction dip:name ?jurisdiction_name }
    OPTIONAL { ?tenure dip:former ?former }
    OPTIONAL { ?tenure dip:jurisdictionBasis ?basis }
  }
}
ORDER BY ?start ?anchor_start STR(?person_name) STR(?position)
""")

_q("event", "An event", ("event",), f"""
SELECT ?a ?article ?title ?published {_EVENT_SELECT}
WHERE {{
  VALUES ?type {{ {EVENT_TYPES} }}
  GRAPH ?g {{{_EVENT_ROWS}
    ?a dip:articleId ?article .
    OPTIONAL {{ ?a dip:title ?title }}
    OPTIONAL {{ ?a dip:published ?published }}
  }}
}}
ORDER BY STR(?role_node) STR(?actor_name)
""")

_q("event_links", "The same event in other articles (dip:sameEventAs)", ("event",), """
SELECT DISTINCT ?event ?linked ?type ?status_node ?date ?precision_node ?article ?a ?title ?published
       ?source ?source_name ?sentence
WHERE {
  ?event (dip:sameEventAs|^dip:sameEventAs)* ?linked .
  GRAPH ?g {
    ?linked a ?type ; dip:status ?status_node ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence .
    ?a dip:articleId ?article .
    OPTIONAL { ?a dip:title ?title }
    OPTIONAL { ?a dip:published ?published }
    OPTIONAL { ?linked dip:hasTime ?time . ?time dip:date ?date . OPTIONAL { ?time dip:precision ?precision_node } }
    OPTIONAL { ?linked dip:attributedTo ?source . ?source dip:name ?source_name }
  }
}
ORDER BY STR(?published) STR(?article) STR(?linked)
""")

_q("node", "A person, country, organisation or place", ("node",), """
SELECT ?node ?type ?name ?alias ?nationality ?nationality_name ?iso ?in_country ?in_country_name
       (COUNT(DISTINCT ?g) AS ?articles)
WHERE {
  GRAPH ?g {
    ?node a ?type ; dip:name ?name .
    OPTIONAL { ?node dip:alias ?alias }
    OPTIONAL { ?node dip:nationality ?nationality . ?nationality dip:name ?nationality_name }
    OPTIONAL { ?node dip:isoCode ?iso }
    OPTIONAL { ?node dip:inCountry ?in_country . ?in_country dip:name ?in_country_name }
  }
}
GROUP BY ?node ?type ?name ?alias ?nationality ?nationality_name ?iso ?in_country ?in_country_name
ORDER BY DESC(?articles) STR(?name) STR(?alias)
""")

_q("node_offices", "Offices held, by article", ("node",), """
SELECT ?node ?position ?jurisdiction ?jurisdiction_name ?former ?basis ?article ?a ?published ?sentence
WHERE {
  GRAPH ?g {
    ?tenure a dip:Tenure ; dip:holder ?node ; dip:post ?post ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence .
    ?a dip:articleId ?article .
    OPTIONAL { ?a dip:published ?published }
    ?post dip:postTitle ?position .
    OPTIONAL { ?post dip:jurisdiction ?jurisdiction . ?jurisdiction dip:name ?jurisdiction_name }
    OPTIONAL { ?tenure dip:former ?former }
    OPTIONAL { ?tenure dip:jurisdictionBasis ?basis }
  }
}
ORDER BY STR(?published) STR(?article) STR(?position)
""")

_q("node_events", "Events a node takes part in, with the other parties", ("node",), f"""
SELECT ?node ?event ?type ?role_node ?status_node ?date ?precision_node ?article ?a ?published ?sentence
       ?other_role ?other ?other_name
WHERE {{
  VALUES ?type {{ {EVENT_TYPES} }}
  VALUES ?role_node {{ {ROLES} dip:attributedTo }}
  GRAPH ?g {{
    ?event ?role_node ?node ; a ?type ; dip:status ?status_node ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence .
    ?a dip:articleId ?article .
    OPTIONAL {{ ?a dip:published ?published }}
    OPTIONAL {{ ?event dip:hasTime ?time . ?time dip:date ?date . OPTIONAL {{ ?time dip:precision ?precision_node }} }}
    OPTIONAL {{ VALUES ?other_role {{ {ROLES} }}
               ?event ?other_role ?other . ?other dip:name ?other_name FILTER(?other != ?node) }}
  }}
}}
ORDER BY STR(?date) STR(?published) STR(?article) STR(?event) STR(?other_role) STR(?other_name)
""")

_q("country_people", "Events of the people and bodies of a country", ("node",), f"""
SELECT ?node ?event ?type ?role_node ?member ?member_name ?status_node ?date ?precision_node ?article ?a
       ?published ?sentence ?other_role ?other ?other_name
WHERE {{
  VALUES ?type {{ dip:Visit dip:Meeting dip:Summons dip:Summit dip:Recall dip:Expulsion }}
  VALUES ?role_node {{ dip:traveler dip:participant dip:summoner dip:summoned dip:recaller dip:recalled
                      dip:expeller dip:expelled }}
  GRAPH ?g {{
    ?member dip:nationality ?node ; dip:name ?member_name .
    ?event ?role_node ?member ; a ?type ; dip:status ?status_node ; dip:evidence ?ev .
    ?ev dip:article ?a ; dip:sentence ?sentence .
    ?a dip:articleId ?article .
    OPTIONAL {{ ?a dip:published ?published }}
    OPTIONAL {{ ?event dip:hasTime ?time . ?time dip:date ?date . OPTIONAL {{ ?time dip:precision ?precision_node }} }}
    OPTIONAL {{ VALUES ?other_role {{ {ROLES} }}
               ?event ?other_role ?other . ?other dip:name ?other_name FILTER(?other != ?member) }}
  }}
}}
ORDER BY STR(?date) STR(?published) STR(?article) STR(?event) STR(?other_role) STR(?other_name)
""")

_q("visits", "Visits (for the timeline)", (), """
SELECT ?event ?traveler ?traveler_name ?destination ?destination_name ?status_node ?date ?precision_node
       ?article ?published
WHERE {
  GRAPH ?g {
    ?event a dip:Visit ; dip:status ?status_node ; dip:traveler ?traveler ; dip:destination ?destination ;
           dip:evidence/dip:article ?a .
    ?traveler a dip:Person ; dip:name ?traveler_name .
    ?destination dip:name ?destination_name .
    ?a dip:articleId ?article .
    OPTIONAL { ?a dip:published ?published }
    OPTIONAL { ?event dip:hasTime ?time . ?time dip:date ?date . OPTIONAL { ?time dip:precision ?precision_node } }
  }
}
ORDER BY STR(?date) STR(?traveler_name) STR(?destination_name) STR(?event)
""")

_q("meetings", "Meetings (for the network)", (), """
SELECT ?event ?person ?person_name ?status_node ?article
WHERE {
  VALUES ?type { dip:Meeting dip:Summit }
  GRAPH ?g {
    ?event a ?type ; dip:status ?status_node ; dip:participant ?person ; dip:evidence/dip:article ?a .
    ?person a dip:Person ; dip:name ?person_name .
    ?a dip:articleId ?article .
  }
}
ORDER BY STR(?event) STR(?person)
""")


def _make(name: str) -> StoredQuery:
    title, text, params = _TEXTS[name]
    return StoredQuery(path=Path(f"kg/serve/pagequeries/{name}.rq"), title=title, description="",
                       params=tuple(Param(name=p, description=p) for p in params), text=text)


PAGE_QUERIES: dict[str, StoredQuery] = {name: _make(name) for name in _TEXTS}


def page_query(name: str) -> StoredQuery:
    return PAGE_QUERIES[name]
