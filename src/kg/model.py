"""Plain records that flow from files to extraction to RDF.

Nothing here knows spaCy or RDF: ``articles`` produces :class:`Article`, ``extract`` produces
:class:`Extraction`, ``mapping`` turns an :class:`Extraction` into triples.

Identity: every :class:`Entity` carries a ``key`` that is its identity *across articles*
(``person:jane roe``, ``country:CN``, ``city:1816670``, ``org:chinese foreign ministry``);
``mapping`` mints IRIs from keys, so the same key in two articles is one IRI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Literal

EntityKind = Literal["person", "organization", "country", "city", "group"]
OrgType = Literal["government", "ministry", "media", "international", "military", "other"]
EventKind = Literal["visit", "meeting", "summons", "statement", "summit", "recall", "expulsion"]
Status = Literal["occurred", "planned", "considered", "cancelled", "postponed"]
Precision = Literal["day", "month", "year"]

STATUSES: tuple[str, ...] = ("occurred", "planned", "considered", "cancelled", "postponed")
EVENT_KINDS: tuple[str, ...] = ("visit", "meeting", "summons", "statement", "summit", "recall", "expulsion")


@dataclass(frozen=True)
class Article:
    """One source document. ``text`` is the full article text as read: title, blank line, body."""

    id: str
    text: str
    date: Date | None = None
    title: str | None = None
    url: str | None = None
    origin: str = ""  # "path" or "path:line" for messages

    @property
    def body_offset(self) -> int:
        """Offset in ``text`` where the body starts (after the title and its blank line)."""
        return len(self.title) + 2 if self.title else 0


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: the sentence and the character span in ``Article.text``.

    ``start``/``end`` delimit the sentence; ``anchor_start``/``anchor_end`` the words that triggered
    the fact (a verb, a title), inside the sentence.
    """

    sentence: str
    start: int
    end: int
    anchor_start: int
    anchor_end: int


@dataclass(frozen=True)
class TimeValue:
    """A date as precise as the text allows. ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    iso: str
    precision: Precision
    text: str = ""  # the words it was read from ("Earlier this month", "May 8, 2023")


@dataclass(frozen=True)
class Entity:
    key: str
    kind: EntityKind
    name: str  # fullest form the article gives
    aliases: tuple[str, ...] = ()  # other surface forms in this article, sorted
    country: str | None = None  # ISO 3166 alpha-2 (or historic alpha-4): own state, or the country itself
    geonames_id: int | None = None  # cities
    org_type: OrgType | None = None
    evidence: Evidence | None = None  # first mention


@dataclass(frozen=True)
class Position:
    """``holder`` holds the office ``title`` (no country word) of ``jurisdiction`` (a country or
    organisation entity key)."""

    holder: str
    title: str
    jurisdiction: str | None
    former: bool = False
    evidence: Evidence | None = None
    # how the jurisdiction was found: "stated" (the text names it with the office: "US Secretary of
    # State", "King X of Y", the headline's "Peru Foreign Minister"), "title" (the office's usual
    # state, e.g. "Chancellor of the Exchequer"), "host" (hosts a visit to that country), "article"
    # (the article's clear nationality)
    basis: str | None = None


@dataclass(frozen=True)
class Event:
    """One event as one article reports it.

    ``roles`` maps a role name to entity keys, sorted: ``traveler``, ``destination`` (countries or
    cities), ``host``, ``participant``, ``place``, ``summoner``, ``summoned``, ``speaker``,
    ``recaller``, ``recalled``, ``expeller``, ``expelled``. A visit has exactly one destination country (a tour gives one
    event per country; a city destination is in ``place``).
    """

    kind: EventKind
    status: Status
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    evidence: Evidence
    time: TimeValue | None = None
    trigger: str = ""  # the words that name the event ("called off his trip", "met")
    quote: str | None = None  # statements: the quoted words
    cause: str | None = None  # "called off ... after/because <cause>": the cause clause text
    cause_evidence: Evidence | None = None
    attributed_to: str | None = None  # entity key of the source that reports it
    attribution: str | None = None  # the cue words ("according to", "told media")
    status_cue: str | None = None  # the words that set the status ("considering", "called off")
    rule: str = ""  # the construction or finder that found it ("visit.noun", "gathering.attend")

    def role(self, name: str) -> tuple[str, ...]:
        for key, values in self.roles:
            if key == name:
                return values
        return ()


@dataclass(frozen=True)
class Extraction:
    article: Article
    entities: tuple[Entity, ...] = ()
    positions: tuple[Position, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity | None:
        for entity in self.entities:
            if entity.key == key:
                return entity
        return None
