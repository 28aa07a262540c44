"""The ontology's terms as closed namespaces: a typo is an AttributeError, not a silent new IRI.

``ontology/diplomacy.ttl`` declares every term listed here (a test checks both directions).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.iris import ID_BASE, ONTOLOGY_GRAPH, ONTOLOGY_IRI

__all__ = ["ONTOLOGY_IRI", "ID_BASE", "ONTOLOGY_GRAPH", "ID", "SCHEMA", "SEM", "ORG", "TIME", "CAMEO", "PLOVER", "DIP"]

ID = Namespace(ID_BASE)
SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
CAMEO = Namespace(ID_BASE + "cameo/")
PLOVER = Namespace(ID_BASE + "plover/")


class DIP(DefinedNamespace):
    """Diplomacy ontology terms."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes: sources and agents
    Article: URIRef
    Agent: URIRef
    Person: URIRef
    Group: URIRef  # unnamed group of people ("US officials")
    Organization: URIRef
    GovernmentBody: URIRef
    Ministry: URIRef
    MediaOutlet: URIRef
    InternationalOrganization: URIRef
    MilitaryBody: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Post: URIRef
    Tenure: URIRef
    Evidence: URIRef
    # classes: events
    DiplomaticEvent: URIRef
    Visit: URIRef
    Meeting: URIRef
    Summons: URIRef
    Statement: URIRef
    Summit: URIRef
    Recall: URIRef
    Expulsion: URIRef
    Occurrence: URIRef  # any other happening named as a cause
    EventStatus: URIRef
    DatePrecision: URIRef
    # status scheme and its concepts
    statusScheme: URIRef
    occurred: URIRef
    planned: URIRef
    considered: URIRef
    cancelled: URIRef
    postponed: URIRef
    # article
    articleId: URIRef
    title: URIRef
    text: URIRef
    published: URIRef
    url: URIRef
    # agents and places
    name: URIRef
    alias: URIRef
    isoCode: URIRef
    geonamesId: URIRef
    nationality: URIRef  # agent -> country
    inCountry: URIRef  # city -> country
    # posts
    postTitle: URIRef
    jurisdiction: URIRef
    holds: URIRef  # person -> post (shortcut of a tenure)
    holder: URIRef
    post: URIRef
    former: URIRef
    jurisdictionBasis: URIRef  # tenure -> "stated" | "title" | "article"
    # events
    status: URIRef
    statusCue: URIRef
    trigger: URIRef
    traveler: URIRef
    destination: URIRef
    host: URIRef
    participant: URIRef
    place: URIRef
    summoner: URIRef
    summoned: URIRef
    speaker: URIRef
    recaller: URIRef
    recalled: URIRef
    expeller: URIRef
    expelled: URIRef
    quote: URIRef
    hasCause: URIRef
    attributedTo: URIRef
    attributionCue: URIRef
    sameEventAs: URIRef
    cameoCode: URIRef
    ploverCode: URIRef
    # time
    hasTime: URIRef
    date: URIRef
    precision: URIRef
    dateText: URIRef
    day: URIRef
    month: URIRef
    year: URIRef
    # provenance
    evidence: URIRef
    article: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    anchorStart: URIRef
    anchorEnd: URIRef
    anchorText: URIRef
    # derived at build time (kg.derive)
    PersonLink: URIRef
    JurisdictionInference: URIRef
    samePersonAs: URIRef
    linkedPerson: URIRef
    canonicalPerson: URIRef
    inferenceBasis: URIRef
    inferredFor: URIRef
    inferredJurisdiction: URIRef
