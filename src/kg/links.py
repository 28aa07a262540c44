"""Cross-article event identity: ``dip:sameEventAs`` links in the graph ``id:graph/links``.

Each article keeps its own events (IRIs minted from article id + span), so the same real-world trip
reported by three articles is three events. After every ``kg build`` / ``kg remove`` the links graph is
recomputed from the whole store by :func:`update_links`: ONE SPARQL update run inside Oxigraph
(``DROP SILENT GRAPH <links> ; INSERT { GRAPH <links> { ... } } WHERE { ... }``), so it is one
transaction, deterministic (a set of triples computed from the store alone) and fast on big stores
(hash joins in Oxigraph, no Python loop over events).

Two events in two *different* graphs are linked, both ways, when

* visits: both ``dip:Visit``, the same traveler IRI (a ``dip:Person``: a group such as "US officials"
  has no identity across articles) and the same destination country IRI;
* meetings: both ``dip:Meeting`` or ``dip:Summit``, with the same set of participant IRIs (2+);

and their dates are compatible: equal, one a prefix of the other at a coarser precision
(``2021`` ~ ``2021-04`` ~ ``2021-04-02``), or one or both missing. Compatibility is not transitive
(an undated report matches two dated trips); ``queries/visit-history.rq`` groups linked events into
trips by following the links (``dip:sameEventAs*``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError
from kg.iris import ID_BASE

if TYPE_CHECKING:
    from kg.store import GraphStore

__all__ = ["LINKS_GRAPH", "LINKS_UPDATE", "update_links", "link_count"]

LINKS_GRAPH = ID_BASE + "graph/links"

_COMPATIBLE_DATES = """
  FILTER(!BOUND(?d1) || !BOUND(?d2)
         || STRSTARTS(STR(?d1), STR(?d2)) || STRSTARTS(STR(?d2), STR(?d1)))"""

LINKS_UPDATE = f"""PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
DROP SILENT GRAPH <{LINKS_GRAPH}> ;
INSERT {{ GRAPH <{LINKS_GRAPH}> {{ ?e1 dip:sameEventAs ?e2 . ?e2 dip:sameEventAs ?e1 }} }}
WHERE {{
  {{
    GRAPH ?g1 {{ ?e1 a dip:Visit ; dip:traveler ?who ; dip:destination ?where .
                ?who a dip:Person .
                OPTIONAL {{ ?e1 dip:hasTime/dip:date ?d1 }} }}
    GRAPH ?g2 {{ ?e2 a dip:Visit ; dip:traveler ?who ; dip:destination ?where .
                OPTIONAL {{ ?e2 dip:hasTime/dip:date ?d2 }} }}
    FILTER(?g1 != ?g2 && STR(?e1) < STR(?e2))
  }}
  UNION
  {{
    VALUES ?t1 {{ dip:Meeting dip:Summit }}
    VALUES ?t2 {{ dip:Meeting dip:Summit }}
    GRAPH ?g1 {{ ?e1 a ?t1 ; dip:participant ?someone .
                OPTIONAL {{ ?e1 dip:hasTime/dip:date ?d1 }} }}
    GRAPH ?g2 {{ ?e2 a ?t2 ; dip:participant ?someone .
                OPTIONAL {{ ?e2 dip:hasTime/dip:date ?d2 }} }}
    FILTER(?g1 != ?g2 && STR(?e1) < STR(?e2))
    FILTER NOT EXISTS {{ GRAPH ?g1 {{ ?e1 dip:participant ?p1 }}
                        FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?e2 dip:participant ?p1 }} }} }}
    FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?e2 dip:participant ?p2 }}
                        FILTER NOT EXISTS {{ GRAPH ?g1 {{ ?e1 dip:participant ?p2 }} }} }}
  }}{_COMPATIBLE_DATES}
}}"""


def update_links(store: GraphStore | ox.Store) -> int:
    """Recompute ``id:graph/links`` from ``store`` in one update; returns the number of links (triples)."""
    raw = store if isinstance(store, ox.Store) else store.store
    try:
        raw.update(LINKS_UPDATE)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"cannot update the links graph ({exc})", where=LINKS_GRAPH) from None
    return link_count(raw)


def link_count(store: GraphStore | ox.Store) -> int:
    """Triples in the links graph."""
    raw = store if isinstance(store, ox.Store) else store.store
    return sum(1 for _ in raw.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH)))
