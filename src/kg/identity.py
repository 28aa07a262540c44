"""One person across articles (issue 10, item 4): the graph ``id:graph/persons``.

An article names a person once in full and then by surname ("Amara Okafor ... Okafor said"), and the
extractor joins the two inside the article. Across articles, a story that only says "President
Okafor" gives the person ``id:person/okafor``, another IRI than ``id:person/amara-okafor``.
:func:`person_links` links such a shorter name to the ONE fuller-named person of the store it can mean
(:func:`kg.names.can_be`, the extractor's own rules): ``okafor`` -> ``amara-okafor`` when no other
fuller name in the store ends in Okafor; two people sharing a surname (``amara-okafor`` and
``lena-okafor``) make ``okafor`` ambiguous, and it is linked to neither. Fuller names are resolved
first, so ``a-okafor`` -> ``amara-okafor`` and then ``okafor`` -> ``amara-okafor`` too.

Written, deterministically, for every link::

    id:person/okafor dip:samePersonAs id:person/amara-okafor .
    id:personlink/{sha1} a dip:PersonLink ; dip:linkedPerson id:person/okafor ;
        dip:canonicalPerson id:person/amara-okafor ; dip:inferenceBasis "surname" ;
        prov:wasDerivedFrom id:article/{first article naming okafor}, id:article/{first naming amara-okafor} .

The basis says which rule matched: "surname", "similar surname" (a close spelling), "first name and
surname", "initial and surname" or "end of the name". Stored queries that count people follow
``dip:samePersonAs`` (``COALESCE`` of the link and the person itself).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from kg.ids import digest
from kg.iris import ID_BASE, ONTOLOGY_IRI
from kg.names import can_be
from kg.text import fold

__all__ = ["PERSONS_GRAPH", "PersonLink", "link_lines", "person_links"]

PERSONS_GRAPH = ID_BASE + "graph/persons"
_DIP = ONTOLOGY_IRI + "#"
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class PersonLink:
    person: str  # IRI of the person with the shorter name
    canonical: str  # IRI of the one fuller-named person it can mean
    basis: str


def person_links(names: Mapping[str, str]) -> list[PersonLink]:
    """Links from shorter-named persons to the one fuller-named person each can mean.

    ``names``: person IRI -> a name of that person (all names of one IRI fold alike).

    >>> people = {"p/okafor": "Okafor", "p/amara-okafor": "Amara Okafor", "p/roe": "Roe",
    ...           "p/jane-roe": "Jane Roe", "p/john-roe": "John Roe"}
    >>> [(l.person, l.canonical, l.basis) for l in person_links(people)]
    [('p/okafor', 'p/amara-okafor', 'surname')]
    """
    words = {iri: tuple(fold(name).split()) for iri, name in names.items()}
    words = {iri: w for iri, w in words.items() if w}
    by_last: dict[str, list[str]] = defaultdict(list)
    for iri, w in words.items():
        by_last[w[-1]].append(iri)
    matcher = _LastWords(sorted(by_last))
    canonical: dict[str, str] = {}
    links = []
    for iri in sorted(words, key=lambda i: (-len(words[i]), i)):  # fuller names are resolved first
        short = words[iri]
        candidates = {other for last in matcher.similar_to(short[-1]) for other in by_last[last]
                      if len(words[other]) > len(short) and can_be(short, words[other])}
        targets = {canonical.get(other, other) for other in candidates}
        if len(targets) == 1:
            target = targets.pop()
            canonical[iri] = target
            links.append(PersonLink(iri, target, _basis(short, words[target])))
    return sorted(links, key=lambda link: (link.person, link.canonical))


def _basis(short: tuple[str, ...], full: tuple[str, ...]) -> str:
    if len(short) == 1:
        return "surname" if short[0] == full[-1] else "similar surname"
    if short[0] == full[0]:
        return "first name and surname"
    if short[0][:1] == full[0][:1]:
        return "initial and surname"
    return "end of the name"


class _LastWords:
    """The last words that :func:`kg.names.similar` accepts for a word, without comparing every pair:
    a close spelling has the same first letter and a length within the ratio's bound."""

    def __init__(self, words: Iterable[str]) -> None:
        self.exact = set(words)
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in sorted(self.exact):
            if len(word) >= 5:
                self.buckets[(word[0], len(word))].append(word)

    def similar_to(self, word: str) -> list[str]:
        found = [word] if word in self.exact else []
        if len(word) < 5:
            return found
        for length in range(5, 2 * len(word) + 1):
            if 2 * min(length, len(word)) / (length + len(word)) < 0.83:  # ratio <= 2*min/(sum)
                continue
            for other in self.buckets.get((word[0], length), ()):
                if other != word and SequenceMatcher(None, word, other).ratio() >= 0.83:
                    found.append(other)
        return found


def link_lines(links: Iterable[PersonLink], first_article: Mapping[str, str]) -> list[str]:
    """The N-Triples of the links; ``first_article``: person IRI -> IRI of the first article naming it."""
    lines = []
    for link in links:
        node = f"<{ID_BASE}personlink/{digest([link.person, link.canonical])}>"
        lines.append(f"<{link.person}> <{_DIP}samePersonAs> <{link.canonical}> .")
        lines.append(f"{node} <{_RDF_TYPE}> <{_DIP}PersonLink> .")
        lines.append(f"{node} <{_DIP}linkedPerson> <{link.person}> .")
        lines.append(f"{node} <{_DIP}canonicalPerson> <{link.canonical}> .")
        lines.append(f'{node} <{_DIP}inferenceBasis> "{link.basis}" .')
        for person in (link.person, link.canonical):
            if person in first_article:
                lines.append(f"{node} <{_PROV_DERIVED}> <{first_article[person]}> .")
    return sorted(set(lines))
