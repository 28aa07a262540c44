"""Per-article resolution: which entity a token stands for.

Built once per Doc from the mentions; events and positions ask it who a subject or object is,
with pronouns ("he", "his"), title-only mentions ("the US ambassador") and metonyms
("Beijing", "the White House") resolved inside the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Doc, Token

from kg import geo
from kg.extract.lexicon import lexicon
from kg.extract.mentions import OrgMention, PersonMention, PlaceMention, Title
from kg.extract.persons import PersonEntity
from kg.text import fold

_PLACE_NOUNS = {"city", "capital", "town", "province", "region", "state", "island", "port", "village",
                "republic", "kingdom", "country", "nation"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


@dataclass
class Actor:
    key: str
    kind: str  # person | country | city | organization | group
    name: str
    country: str | None = None
    org_type: str | None = None
    geonames_id: int | None = None


@dataclass
class Context:
    doc: Doc
    date: Date | None
    persons: list[PersonMention]
    entities: list[PersonEntity]
    titles: list[Title]
    places: list[PlaceMention]
    orgs: list[OrgMention]
    body_start: int  # char offset where the body starts (0 without a title)
    token_person: dict[int, PersonMention] = field(default_factory=dict)
    token_place: dict[int, PlaceMention] = field(default_factory=dict)
    token_org: dict[int, OrgMention] = field(default_factory=dict)
    token_title: dict[int, Title] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.persons:
            for i in range(m.start, m.end):
                self.token_person[i] = m
        for p in self.places:
            for i in range(p.start, p.end):
                self.token_place[i] = p
        for o in self.orgs:
            for i in range(o.start, o.end):
                self.token_org[i] = o
        for t in self.titles:
            for i in range(t.start, t.end):
                self.token_title[i] = t
        self.entity_by_key = {e.key: e for e in self.entities}

    # -- registering actors -------------------------------------------------------------
    def person_actor(self, key: str) -> Actor:
        entity = self.entity_by_key[key]
        country = next((t.country for t in entity.titles if t.country and not t.country.startswith("io:")), None)
        actor = Actor(key, "person", entity.name, country)
        self.actors.setdefault(key, actor)
        return actor

    def place_actor(self, place: geo.Place) -> Actor:
        country = Actor("country:" + place.code, "country", geo.short_name(place.code), place.code)
        self.actors.setdefault(country.key, country)
        if place.kind == "country":
            return country
        city = Actor(f"city:{place.geonames_id}", "city", place.name, place.code, geonames_id=place.geonames_id)
        self.actors.setdefault(city.key, city)
        return city

    def org_actor(self, org: OrgMention) -> Actor:
        actor = Actor("org:" + fold(org.name), "organization", org.name, org.country, org.org_type)
        self.actors.setdefault(actor.key, actor)
        return actor

    def group_actor(self, token: Token) -> Actor | None:
        lex = lexicon()
        if token.lemma_.lower() not in lex.group_heads and token.lower_ not in lex.group_heads:
            return None
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct", "poss")
                 and t.lower_ not in ("anonymous", "unnamed", "other")]
        if len(words) > 6:
            words = words[-6:]
        name = " ".join(t.text for t in words)
        country = None
        for t in words:
            country = country or geo.country_code(t.text, self.date, codes=False)
        actor = Actor("group:" + fold(name), "group", name, country)
        self.actors.setdefault(actor.key, actor)
        return actor

    # -- resolving tokens ----------------------------------------------------------------
    def person_at(self, token: Token) -> str | None:
        m = self.token_person.get(token.i)
        return m.key if m else None

    def previous_person(self, token: Token) -> str | None:
        """The person a pronoun refers to: the latest person mention before it (same sentence
        first, then earlier sentences)."""
        before = [m for m in self.persons if m.end <= token.i and m.key]
        if not before:
            return None
        sent = token.sent
        same = [m for m in before if m.start >= sent.start]
        if same:  # the subject of the sentence first ("X will meet Y when he visits Z")
            subjects = [m for m in same if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            return (subjects or same)[-1].key
        last_sent = self.doc[before[-1].start].sent
        in_last = [m for m in before if m.start >= last_sent.start]
        subjects = [m for m in in_last if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        return (subjects or in_last)[0].key

    def person_by_title(self, title: Title) -> str | None:
        """'the US ambassador' -> the person who holds that title (same jurisdiction) here."""
        for entity in self.entities:
            for t in entity.titles:
                if t.phrase == title.phrase and (title.country is None or t.country in (None, title.country)):
                    return entity.key
        return None

    def actors_of(self, token: Token, *, persons_only: bool = False) -> list[Actor]:
        """Entities a noun-phrase head (and its conjuncts) stands for."""
        out: list[Actor] = []
        for t in _coordinated(token):
            actor = self.actor_of(t, persons_only=persons_only)
            if actor and actor.key not in {a.key for a in out}:
                out.append(actor)
        return out

    def actor_of(self, token: Token, *, persons_only: bool = False) -> Actor | None:
        key = self.person_at(token)
        if key is None:
            for child in token.children:  # "the French ambassador to Chile, Jane Roe"
                if child.dep_ == "appos" and self.person_at(child):
                    key = self.person_at(child)
                    break
        if key is None and token.lower_ in PRONOUNS:
            key = self.previous_person(token)
        if key is None and token.i in self.token_title:
            key = self.person_by_title(self.token_title[token.i])
        if key is None:
            for child in token.children:  # compound names inside a noun phrase
                if child.dep_ == "compound" and self.person_at(child):
                    key = self.person_at(child)
        if key is not None:
            return self.person_actor(key)
        if persons_only:
            return None
        if token.i in self.token_org:
            return self.org_actor(self.token_org[token.i])
        if token.i in self.token_place:
            place = self.token_place[token.i].place
            return self.place_actor(geo.Place("country", place.code, geo.short_name(place.code)))
        return self.group_actor(token)

    def places_of(self, token: Token) -> list[Actor]:
        """Places a noun phrase names: the head itself ("Beijing", "the United States"), or a
        place-type noun with a place modifier ("the Chinese capital", "the city of X" is a
        pobj); never a modifier of another noun ("US troops", "an American base")."""
        out = []
        for t in _conjuncts(token):
            mention = self.token_place.get(t.i)
            if mention is None and t.lemma_.lower() in _PLACE_NOUNS:
                for child in t.children:
                    if child.dep_ in ("compound", "amod") and child.i in self.token_place:
                        mention = self.token_place[child.i]
                for inner in t.children:  # "the city of Hiroshima"
                    if inner.dep_ == "prep" and inner.lower_ == "of":
                        for obj in inner.children:
                            if obj.dep_ == "pobj" and obj.i in self.token_place:
                                mention = self.token_place[obj.i]
            if mention is not None:
                out.append(self.place_actor(mention.place))
        return out


def _coordinated(token: Token) -> list[Token]:
    """The conjuncts of a noun-phrase head, and those of a coordination the parser hung under it
    as a modifier: "Okafor and Jane Okafor" parsed as (Okafor and Jane) -nmod-> Okafor."""
    out = []
    for child in token.children:
        if child.dep_ in ("nmod", "compound") and child.i < token.i and any(c.dep_ == "cc" for c in child.children):
            out.extend(_conjuncts(child))
    return out + _conjuncts(token)


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out
