"""Inference at build time: the graphs kg derives from the whole store, recomputed whenever it changes.

:func:`refresh` runs after every ``kg build`` and ``kg remove`` (and ``kg eval``'s build). It reads
the store's default graph (the union of the article graphs) and replaces three named graphs, each in
one transaction, each a set of triples computed from the store alone -- so they are exact after any
sequence of builds and removals, and the same bytes for the same articles:

* ``id:graph/persons`` -- one person across articles (:mod:`kg.identity`);
* ``id:graph/jurisdictions`` -- offices whose state another article states (:mod:`kg.jurisdictions`);
* ``id:graph/links`` -- the same event reported by several articles (:mod:`kg.links`).

Queries read the results as plain triples (no inference in SPARQL), so every store holding our export
answers alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg import identity, jurisdictions, links
from kg.errors import StoreError
from kg.ids import article_iri
from kg.iris import ONTOLOGY_IRI
from kg.store import GraphStore, article_id_of, ensure_union, has_default_graph, replace_graph_lines

__all__ = ["DERIVED_GRAPHS", "Derived", "refresh"]

DERIVED_GRAPHS = (identity.PERSONS_GRAPH, jurisdictions.JURISDICTIONS_GRAPH, links.LINKS_GRAPH)
_PERSON = ox.NamedNode(ONTOLOGY_IRI + "#Person")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_NAMES = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?person (MIN(STR(?name)) AS ?text) WHERE { ?person a dip:Person ; dip:name ?name } GROUP BY ?person"""


@dataclass(frozen=True)
class Derived:
    person_links: int
    borrowed: int
    event_links: int  # linked pairs (each written both ways)


def refresh(store: GraphStore | ox.Store) -> Derived:
    """Recompute the derived graphs of ``store`` (see the module docstring)."""
    raw = store.store if isinstance(store, GraphStore) else store
    try:
        ensure_union(raw)
        found = identity.person_links({row[0]: row[1] for row in _select(raw, _NAMES)})
        canonical = {link.person: link.canonical for link in found}
        first = _first_articles(raw, {p for link in found for p in (link.person, link.canonical)})
        _write(store, identity.PERSONS_GRAPH, identity.link_lines(found, first))

        tenures = [jurisdictions.Tenure(iri=t, holder=h, jurisdiction=j, title=title or "", basis=b, article=a or "")
                   for t, h, j, title, b, a in _select(raw, jurisdictions.TENURES_QUERY)]
        borrowed = jurisdictions.borrow(tenures, canonical)
        _write(store, jurisdictions.JURISDICTIONS_GRAPH, jurisdictions.borrowed_lines(borrowed))

        reports = links.visit_reports(_select(raw, links.VISITS_QUERY), canonical)
        reports += links.meeting_reports(_select(raw, links.MEETINGS_QUERY), canonical)
        pairs = links.event_links(reports)
        _write(store, links.LINKS_GRAPH, links.link_lines(pairs))
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"cannot update the derived graphs ({exc})") from None
    return Derived(person_links=len(found), borrowed=len(borrowed), event_links=len(pairs))


def _select(raw: ox.Store, text: str) -> list[tuple[Any, ...]]:
    """Rows of plain strings (IRIs, literal values; None for unbound)."""
    solutions = raw.query(text, use_default_graph_as_union=not has_default_graph(raw))
    columns = [v.value for v in solutions.variables]
    return [tuple(None if s[c] is None else s[c].value for c in columns) for s in solutions]


def _first_articles(raw: ox.Store, persons: set[str]) -> dict[str, str]:
    """Person IRI -> IRI of the first article (by id) whose graph names the person."""
    first = {}
    for person in persons:
        ids = [article_id_of(q.graph_name) for q in raw.quads_for_pattern(ox.NamedNode(person), _TYPE, _PERSON, None)]
        ids = [i for i in ids if i is not None]
        if ids:
            first[person] = article_iri(min(ids))
    return first


def _write(store: GraphStore | ox.Store, graph: str, lines: list[str]) -> None:
    if isinstance(store, GraphStore):
        store.replace_lines(graph, lines)
    else:
        replace_graph_lines(store, graph, lines)
