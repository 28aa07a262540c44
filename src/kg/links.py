"""Cross-article event identity: ``dip:sameEventAs`` links in the graph ``id:graph/links``.

Each article keeps its own events (IRIs minted from article id + span), so the same real-world trip
reported by three articles is three events. Whenever the store changes, :func:`kg.derive.refresh`
recomputes the links from the whole store (a set of triples computed from the store alone, so the
graph is exact after any build or remove, and deterministic).

Two events reported by *different* articles are linked, both ways, when

* visits: both ``dip:Visit``, the same traveler -- a ``dip:Person``, one person across articles
  (:mod:`kg.identity`: ``id:person/okafor`` is ``id:person/amara-okafor`` when linked; a group such as
  "US officials" has no identity across articles) -- and the same destination country IRI;
* meetings: both ``dip:Meeting`` or ``dip:Summit``, with the same set of participants (persons taken
  as above);

and their dates are compatible: equal, one a prefix of the other at a coarser precision
(``2021`` ~ ``2021-04`` ~ ``2021-04-02``), or one or both missing. Compatibility is not transitive
(an undated report matches two dated trips); ``queries/visit-history.rq`` groups linked events into
trips by following the links (``dip:sameEventAs*``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from kg.iris import ID_BASE, ONTOLOGY_IRI

__all__ = [
    "LINKS_GRAPH", "MEETINGS_QUERY", "VISITS_QUERY", "Report", "compatible", "event_links", "link_lines",
    "meeting_reports", "visit_reports",
]

LINKS_GRAPH = ID_BASE + "graph/links"
_SAME = f"<{ONTOLOGY_IRI}#sameEventAs>"

VISITS_QUERY = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?event ?who ?where ?article (MIN(STR(?date_value)) AS ?date)
WHERE {
  ?event a dip:Visit ; dip:traveler ?who ; dip:destination ?where ; dip:evidence/dip:article ?article .
  ?who a dip:Person .
  OPTIONAL { ?event dip:hasTime/dip:date ?date_value }
}
GROUP BY ?event ?who ?where ?article"""

MEETINGS_QUERY = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?event ?who ?article (MIN(STR(?date_value)) AS ?date)
WHERE {
  VALUES ?type { dip:Meeting dip:Summit }
  ?event a ?type ; dip:participant ?who ; dip:evidence/dip:article ?article .
  OPTIONAL { ?event dip:hasTime/dip:date ?date_value }
}
GROUP BY ?event ?who ?article"""


@dataclass(frozen=True)
class Report:
    """One event as a cross-article report: its article, date and what identifies the happening."""

    event: str
    article: str
    date: str | None
    key: tuple[object, ...]  # visits: (person, country); meetings: the participant set


def compatible(a: str | None, b: str | None) -> bool:
    """Dates that can be the same day: equal, one a coarser prefix of the other, or one missing.

    >>> compatible("2021-04", "2021-04-02"), compatible("2021-03", "2021-04"), compatible(None, "2021")
    (True, False, True)
    """
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def visit_reports(rows: Iterable[tuple[str, str, str, str, str | None]], canonical: Mapping[str, str]) -> list[Report]:
    """(event, traveler, destination, article, date) rows -> reports keyed by (person, country)."""
    return [Report(event, article, date, ("visit", canonical.get(who, who), where))
            for event, who, where, article, date in rows]


def meeting_reports(rows: Iterable[tuple[str, str, str, str | None]], canonical: Mapping[str, str]) -> list[Report]:
    """(event, participant, article, date) rows -> one report per meeting keyed by its participants."""
    people: dict[str, set[str]] = defaultdict(set)
    about: dict[str, tuple[str, str | None]] = {}
    for event, who, article, date in rows:
        people[event].add(canonical.get(who, who))
        about[event] = (article, date)
    return [Report(event, about[event][0], about[event][1], ("meeting", frozenset(people[event])))
            for event in sorted(people)]


def event_links(reports: Iterable[Report]) -> set[tuple[str, str]]:
    """Pairs (a, b), a < b, of reports of one happening by different articles with compatible dates."""
    groups: dict[tuple[object, ...], list[Report]] = defaultdict(list)
    for report in reports:
        groups[report.key].append(report)
    pairs = set()
    for group in groups.values():
        for one, other in combinations(sorted(group, key=lambda r: r.event), 2):
            if one.article != other.article and one.event != other.event and compatible(one.date, other.date):
                pairs.add((one.event, other.event))
    return pairs


def link_lines(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Both directions of every link, as sorted N-Triples."""
    return sorted({f"<{a}> {_SAME} <{b}> ." for pair in pairs for a, b in (pair, pair[::-1])})
