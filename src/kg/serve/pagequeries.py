"""Every SPARQL query the workbench's pages run, in one place (adapt here when the store layout changes).

Each is a :class:`kg.queries.StoredQuery` run by :func:`kg.queries.run_query` (same checks, same time
limit in a forked child) with its parameters bound as RDF terms: IRIs as ``pyoxigraph.NamedNode``,
text as plain literals. Oxigraph binds only variables of the SELECT list, so every parameter is
selected. Patterns sit inside ``GRAPH ?g { }``: in the current store (one named graph per article,
queries over their union) that is what keeps them fast; a page's "open in SPARQL" link shows the
same text with its parameters as a ``VALUES`` block (:func:`linked_text`), put where the page's run binds
them: inside the subquery that finds the rows (a ``VALUES`` outside a subquery does not reach into it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.queries import Param, StoredQuery, Value, bound_text

__all__ = ["PAGE_QUERIES", "linked_text", "page_query"]

_PREFIXES = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
EVENT_TYPES = "dip:Visit, dip:Meeting, dip:Summons, dip:Statement, dip:Summit, dip:Recall, dip:Expulsion"
# Event types are a FILTER ... IN, not a leading VALUES: with VALUES, Oxigraph starts from every event of
# those types (30k statements at 100k articles: node_events 9.4 s); the filter lets it start from the
# bound node or article (12 ms).
ROLES = ("dip:traveler dip:destination dip:host dip:participant dip:summoner dip:summoned dip:speaker "
         "dip:recaller dip:recalled dip:expeller dip:expelled dip:place")
ROLES_IN = ", ".join(ROLES.split())

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
  { SELECT ?a ?published WHERE { GRAPH ?g { ?a dip:published ?published } }
    ORDER BY DESC(STR(?published)) LIMIT 12 }
  GRAPH ?g2 { ?a dip:articleId ?article . OPTIONAL { ?a dip:title ?title } }
}
ORDER BY DESC(STR(?published)) STR(?article)
""")

_q("undated", "The first articles by id (the home page drops those with a date)", (), """
SELECT ?a ?article ?title ?published
WHERE {
  { SELECT ?a ?article WHERE { GRAPH ?g { ?a dip:articleId ?article } } ORDER BY STR(?article) LIMIT 24 }
  OPTIONAL { GRAPH ?g2 { ?a dip:title ?title } }
  OPTIONAL { GRAPH ?g3 { ?a dip:published ?published } }
}
ORDER BY STR(?article)
""")

_q("search", "Search names of persons, places and organisations", ("q",), """
SELECT ?q ?node ?type ?label (COUNT(DISTINCT ?g) AS ?articles)
WHERE {
  { SELECT ?q ?node ?label ?g WHERE {
      GRAPH ?g { ?node dip:name|dip:alias ?label } FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q)))) } }
  GRAPH ?g { ?node a ?type }
  FILTER(?type != dip:Post)
}
GROUP BY ?q ?node ?type ?label
ORDER BY DESC(?articles) STR(?label) STR(?node)
LIMIT 200
""")

_q("search_titles", "Search article titles", ("q",), """
SELECT ?q ?node ?label
WHERE {
  { SELECT ?q ?node ?label WHERE {
      GRAPH ?g { ?node dip:title ?label } FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q)))) } }
}
ORDER BY STR(?label) STR(?node)
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

# An event's details, OPTIONAL after a subquery that finds the events (measured at 100k articles: an
# OPTIONAL inside the group that finds them made Oxigraph evaluate it over the whole store, 16 s; after
# the subquery, 30 ms). The parties of the events come from a separate query ("*_parties") for the same
# reason: one group of triple patterns, no OPTIONAL.
_DETAILS = """
  OPTIONAL {{ GRAPH ?g {{ ?event dip:hasTime ?time . ?time dip:date ?date .
                         OPTIONAL {{ ?time dip:precision ?precision_node }} }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:dateText ?date_text }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:trigger ?trigger }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:statusCue ?status_cue }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:attributedTo ?source . ?source dip:name ?source_name }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:attributionCue ?attribution_cue }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:hasCause/rdfs:label ?cause }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:quote ?quote }} }}"""
_EVIDENCE = """?ev dip:article ?a ; dip:sentence ?sentence ; dip:sentenceStart ?start ; dip:sentenceEnd ?end ;
        dip:anchorStart ?anchor_start ; dip:anchorEnd ?anchor_end ."""
_EVENT_SELECT = ("?event ?type ?status_node ?date ?precision_node ?date_text ?trigger ?status_cue ?source "
                 "?source_name ?attribution_cue ?cause ?quote ?sentence ?start ?end ?anchor_start ?anchor_end")
_PARTIES = """?event ?role_node ?actor . ?actor dip:name ?actor_name ."""

_q("article_events", "The facts of an article", ("a",), f"""
SELECT ?a {_EVENT_SELECT}
WHERE {{
  {{ SELECT ?a ?g ?event ?type ?status_node ?sentence ?start ?end ?anchor_start ?anchor_end WHERE {{
      GRAPH ?g {{ ?a a dip:Article . ?event a ?type ; dip:status ?status_node ; dip:evidence ?ev .
        {_EVIDENCE} }}
      FILTER(?type IN ({EVENT_TYPES})) }} }}{_DETAILS.format()}
}}
ORDER BY ?start ?anchor_start STR(?event)
""")

_q("article_parties", "Who and where in the facts of an article", ("a",), f"""
SELECT DISTINCT ?a ?event ?role_node ?actor ?actor_name
WHERE {{
  GRAPH ?g {{ ?a a dip:Article . ?event dip:status ?status_node ; dip:evidence/dip:article ?a . {_PARTIES} }}
  FILTER(?role_node IN ({ROLES_IN}))  # here a FILTER (17 ms at 100k); a leading VALUES took 945 ms
}}
ORDER BY STR(?event) STR(?role_node) STR(?actor_name)
""")

_q("article_offices", "The offices an article states", ("a",), """
SELECT ?a ?tenure ?person ?person_name ?position ?jurisdiction ?jurisdiction_name ?former ?basis ?sentence
       ?start ?end ?anchor_start ?anchor_end
WHERE {
  { SELECT ?a ?g ?tenure ?post ?person ?person_name ?position ?sentence ?start ?end ?anchor_start ?anchor_end
    WHERE { GRAPH ?g {
      ?a a dip:Article .
      ?tenure a dip:Tenure ; dip:holder ?person ; dip:post ?post ; dip:evidence ?ev .
      ?ev dip:article ?a ; dip:sentence ?sentence ; dip:sentenceStart ?start ; dip:sentenceEnd ?end ;
          dip:anchorStart ?anchor_start ; dip:anchorEnd ?anchor_end .
      ?person dip:name ?person_name .
      ?post dip:postTitle ?position . } } }
  OPTIONAL { GRAPH ?g { ?post dip:jurisdiction ?jurisdiction . ?jurisdiction dip:name ?jurisdiction_name } }
  OPTIONAL { GRAPH ?g { ?tenure dip:former ?former } }
  OPTIONAL { GRAPH ?g { ?tenure dip:jurisdictionBasis ?basis } }
}
ORDER BY ?start ?anchor_start STR(?person_name) STR(?position)
""")

_q("event", "An event", ("event",), f"""
SELECT ?a ?article ?title ?published {_EVENT_SELECT}
WHERE {{
  {{ SELECT ?a ?g ?event ?type ?status_node ?sentence ?start ?end ?anchor_start ?anchor_end WHERE {{
      GRAPH ?g {{ ?event a ?type ; dip:status ?status_node ; dip:evidence ?ev . {_EVIDENCE} }}
      FILTER(?type IN ({EVENT_TYPES})) }} }}{_DETAILS.format()}
  GRAPH ?g {{ ?a dip:articleId ?article }}
  OPTIONAL {{ GRAPH ?g {{ ?a dip:title ?title }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a dip:published ?published }} }}
}}
""")

_q("event_parties", "Who and where in an event", ("event",), f"""
SELECT DISTINCT ?event ?role_node ?actor ?actor_name
WHERE {{
  VALUES ?role_node {{ {ROLES} }}  # here a VALUES (11 ms at 100k); a FILTER took 807 ms
  GRAPH ?g {{ {_PARTIES} }}
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
  { SELECT ?node ?g ?tenure ?post ?position ?a ?article ?sentence WHERE { GRAPH ?g {
      ?tenure a dip:Tenure ; dip:holder ?node ; dip:post ?post ; dip:evidence ?ev .
      ?ev dip:article ?a ; dip:sentence ?sentence .
      ?a dip:articleId ?article .
      ?post dip:postTitle ?position . } } }
  OPTIONAL { GRAPH ?g { ?a dip:published ?published } }
  OPTIONAL { GRAPH ?g { ?post dip:jurisdiction ?jurisdiction . ?jurisdiction dip:name ?jurisdiction_name } }
  OPTIONAL { GRAPH ?g { ?tenure dip:former ?former } }
  OPTIONAL { GRAPH ?g { ?tenure dip:jurisdictionBasis ?basis } }
}
ORDER BY STR(?published) STR(?article) STR(?position)
""")

_q("node_events", "Events a node takes part in", ("node",), f"""
SELECT ?node ?event ?type ?role_node ?status_node ?date ?precision_node ?article ?a ?published ?sentence
WHERE {{
  {{ SELECT ?node ?g ?event ?type ?role_node ?status_node ?a ?article ?sentence WHERE {{
      VALUES ?role_node {{ {ROLES} dip:attributedTo }}
      GRAPH ?g {{ ?event ?role_node ?node ; a ?type ; dip:status ?status_node ; dip:evidence ?ev .
                 ?ev dip:article ?a ; dip:sentence ?sentence . ?a dip:articleId ?article . }}
      FILTER(?type IN ({EVENT_TYPES})) }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a dip:published ?published }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:hasTime ?time . ?time dip:date ?date .
                         OPTIONAL {{ ?time dip:precision ?precision_node }} }} }}
}}
ORDER BY STR(?date) STR(?published) STR(?article) STR(?event)
""")

_q("node_parties", "The other parties of the events a node takes part in", ("node",), f"""
SELECT DISTINCT ?node ?event ?other_role ?other ?other_name
WHERE {{
  VALUES ?role_node {{ {ROLES} dip:attributedTo }}
  GRAPH ?g {{ ?event ?role_node ?node ; ?other_role ?other . ?other dip:name ?other_name }}
  FILTER(?other != ?node && ?other_role IN ({ROLES_IN}))
}}
ORDER BY STR(?event) STR(?other_role) STR(?other_name)
""")

_PEOPLE_ROLES = ("dip:traveler dip:participant dip:summoner dip:summoned dip:recaller dip:recalled dip:expeller "
                 "dip:expelled")

_q("country_people", "Events of the people and bodies of a country", ("node",), f"""
SELECT ?node ?event ?type ?role_node ?member ?member_name ?status_node ?date ?precision_node ?article ?a
       ?published ?sentence
WHERE {{
  {{ SELECT ?node ?g ?event ?type ?role_node ?member ?member_name ?status_node ?a ?article ?sentence WHERE {{
      VALUES ?role_node {{ {_PEOPLE_ROLES} }}
      GRAPH ?g {{ ?member dip:nationality ?node ; dip:name ?member_name .
                 ?event ?role_node ?member ; a ?type ; dip:status ?status_node ; dip:evidence ?ev .
                 ?ev dip:article ?a ; dip:sentence ?sentence . ?a dip:articleId ?article . }}
      FILTER(?type IN (dip:Visit, dip:Meeting, dip:Summons, dip:Summit, dip:Recall, dip:Expulsion)) }} }}
  OPTIONAL {{ GRAPH ?g {{ ?a dip:published ?published }} }}
  OPTIONAL {{ GRAPH ?g {{ ?event dip:hasTime ?time . ?time dip:date ?date .
                         OPTIONAL {{ ?time dip:precision ?precision_node }} }} }}
}}
ORDER BY STR(?date) STR(?published) STR(?article) STR(?event)
""")

_q("country_parties", "The other parties of the events of a country's people", ("node",), f"""
SELECT DISTINCT ?node ?event ?member ?other_role ?other ?other_name
WHERE {{
  VALUES ?role_node {{ {_PEOPLE_ROLES} }}
  GRAPH ?g {{ ?member dip:nationality ?node . ?event ?role_node ?member ; ?other_role ?other .
             ?other dip:name ?other_name }}
  FILTER(?other != ?member && ?other_role IN ({ROLES_IN}))
}}
ORDER BY STR(?event) STR(?other_role) STR(?other_name)
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
  GRAPH ?g {
    ?event a ?type ; dip:status ?status_node ; dip:participant ?person ; dip:evidence/dip:article ?a .
    ?person a dip:Person ; dip:name ?person_name .
    ?a dip:articleId ?article .
  }
  FILTER(?type IN (dip:Meeting, dip:Summit))
}
ORDER BY STR(?event) STR(?person)
""")


def _make(name: str) -> StoredQuery:
    title, text, params = _TEXTS[name]
    return StoredQuery(path=Path(f"kg/serve/pagequeries/{name}.rq"), title=title, description="",
                       params=tuple(Param(name=p, description=p) for p in params), text=text, binds=True)


PAGE_QUERIES: dict[str, StoredQuery] = {name: _make(name) for name in _TEXTS}


def page_query(name: str) -> StoredQuery:
    return PAGE_QUERIES[name]


_INNER = re.compile(r"\{\s*SELECT\b[^{}]*?\bWHERE\s*\{")


def linked_text(name: str, params: Mapping[str, Value]) -> str:
    """The page query's text with ``params`` as a ``VALUES`` block inside its first subquery (or at the
    start of its WHERE group when it has none): one self-contained query that gives the page's rows,
    for the "open in SPARQL" link. Terms are written by pyoxigraph (IRIs checked, literals escaped)."""
    query = PAGE_QUERIES[name]
    inner = _INNER.search(query.text)
    if not params or inner is None:
        return bound_text(query, dict(params))
    block = " ".join(f"VALUES ?{key} {{ {value if isinstance(value, ox.NamedNode) else ox.Literal(value)} }}"
                     for key, value in sorted(params.items()))
    return f"{query.text[:inner.end()]}\n      {block}\n{query.text[inner.end():]}"

