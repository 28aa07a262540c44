"""Borrowed jurisdictions (issue 11, item 5): the graph ``id:graph/jurisdictions``, written at build time.

An article may name an office without its state ("President Okafor said"); another article may state
it ("Kenyan President Amara Okafor"). :func:`borrow` completes the first tenure from the others, as
``positions.rq`` used to do inside the query (so external stores answered differently):

1. **same person**: tenures of the same person IRI, for the same office (titles equal when folded),
   whose state the article *states* with the office (``dip:jurisdictionBasis "stated"``, never a
   state another article only inferred); if they all agree on one state, it is borrowed;
2. failing that, **linked person**: the same, over the persons :mod:`kg.identity` links to one
   person (``id:person/okafor`` and ``id:person/amara-okafor``), so two different people who only
   share a surname never lend each other a state.

Each borrowed state is one node, with its basis and the article it comes from (the first, by id,
among those that state it)::

    id:inference/{sha1} a dip:JurisdictionInference ; dip:inferredFor id:tenure/... ;
        dip:inferredJurisdiction id:country/KE ; dip:inferenceBasis "linked person" ;
        prov:wasDerivedFrom id:article/{id} .
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.ids import article_iri, digest
from kg.iris import ID_BASE, ONTOLOGY_IRI
from kg.text import fold

__all__ = ["JURISDICTIONS_GRAPH", "TENURES_QUERY", "Borrowed", "Tenure", "borrow", "borrowed_lines"]

JURISDICTIONS_GRAPH = ID_BASE + "graph/jurisdictions"
_DIP = ONTOLOGY_IRI + "#"

TENURES_QUERY = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?tenure ?holder ?jurisdiction (MIN(STR(?title_text)) AS ?title) (MIN(STR(?basis_text)) AS ?basis)
       (MIN(STR(?id)) AS ?article)
WHERE {
  ?tenure a dip:Tenure ; dip:holder ?holder ; dip:post ?post ; dip:evidence/dip:article/dip:articleId ?id .
  ?post dip:postTitle ?title_text .
  OPTIONAL { ?post dip:jurisdiction ?jurisdiction }
  OPTIONAL { ?tenure dip:jurisdictionBasis ?basis_text }
}
GROUP BY ?tenure ?holder ?jurisdiction"""


@dataclass(frozen=True)
class Tenure:
    iri: str
    holder: str
    title: str
    article: str  # article id
    jurisdiction: str | None = None
    basis: str | None = None


@dataclass(frozen=True)
class Borrowed:
    tenure: str
    jurisdiction: str
    basis: str  # "same person" or "linked person"
    article: str  # id of the article the state is taken from


def borrow(tenures: Iterable[Tenure], canonical: Mapping[str, str]) -> list[Borrowed]:
    """The states borrowed for tenures without one; ``canonical``: person -> the person it is linked to
    (:func:`kg.identity.person_links`), persons not linked are their own.

    >>> t = [Tenure("t1", "p/amara-okafor", "President", "a1", "c/KE", "stated"),
    ...      Tenure("t2", "p/okafor", "president", "a2")]
    >>> borrow(t, {"p/okafor": "p/amara-okafor"})
    [Borrowed(tenure='t2', jurisdiction='c/KE', basis='linked person', article='a1')]
    """
    tenures = list(tenures)
    stated: dict[tuple[str, str], list[Tenure]] = defaultdict(list)  # (holder, folded title) -> tenures
    group: dict[str, set[str]] = defaultdict(set)  # canonical person -> every person linked to it
    for tenure in tenures:
        if tenure.jurisdiction is not None and tenure.basis == "stated":
            stated[(tenure.holder, fold(tenure.title))].append(tenure)
    for person, target in canonical.items():
        group[target].update((person, target))
    out = []
    for tenure in tenures:
        if tenure.jurisdiction is not None:
            continue
        title = fold(tenure.title)
        same = stated.get((tenure.holder, title), [])
        found = _agreed(same)
        basis = "same person"
        if found is None:
            others = group.get(canonical.get(tenure.holder, tenure.holder), set()) - {tenure.holder}
            found = _agreed([t for person in sorted(others) for t in stated.get((person, title), [])])
            basis = "linked person"
        if found is not None:
            out.append(Borrowed(tenure.iri, found[0], basis, found[1]))
    return sorted(out, key=lambda b: b.tenure)


def _agreed(sources: list[Tenure]) -> tuple[str, str] | None:
    """(state, first article) when the sources agree on one state, else None."""
    states = {t.jurisdiction for t in sources}
    if len(states) != 1:
        return None
    return sources[0].jurisdiction or "", min(t.article for t in sources)


def borrowed_lines(borrowed: Iterable[Borrowed]) -> list[str]:
    lines = []
    for item in borrowed:
        node = f"<{ID_BASE}inference/{digest([item.tenure, item.jurisdiction])}>"
        lines += [
            f"{node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{_DIP}JurisdictionInference> .",
            f"{node} <{_DIP}inferredFor> <{item.tenure}> .",
            f"{node} <{_DIP}inferredJurisdiction> <{item.jurisdiction}> .",
            f'{node} <{_DIP}inferenceBasis> "{item.basis}" .',
            f"{node} <http://www.w3.org/ns/prov#wasDerivedFrom> <{article_iri(item.article)}> .",
        ]
    return sorted(lines)
