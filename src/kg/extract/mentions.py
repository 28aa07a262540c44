"""Mentions in one spaCy Doc: persons (with titles), places, organisations, groups.

Reads: a parsed ``Doc`` (NER, parser). Adds: :class:`Mentions` with every person mention bound to a
title where one stands beside it, places resolved to ISO codes, organisations typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from datetime import date as Date

from spacy.tokens import Doc, Token

from kg import geo
from kg.extract.lexicon import io_name, lexicon
from kg.extract.syntax import tokens_with
from kg.extract.timex import MONTHS, WEEKDAYS
from kg.extract.titles import Title, find_titles  # noqa: F401 (re-exported)
from kg.text import fold


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    title: Title | None = None
    more_titles: list[Title] = field(default_factory=list)  # "State Councilor and Foreign Minister X"
    key: str = ""  # filled by coreference
    honorific: bool = False  # "Mr Roe": a surname that stands for someone named in full elsewhere

    @property
    def all_titles(self) -> list[Title]:
        return ([self.title] if self.title else []) + self.more_titles


@dataclass
class PlaceMention:
    start: int
    end: int
    place: geo.Place


@dataclass
class OrgMention:
    start: int
    end: int
    name: str
    org_type: str
    country: str | None


@dataclass
class Mentions:
    persons: list[PersonMention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    by_token: dict[int, object] = field(default_factory=dict)  # token index -> mention covering it

    def at(self, token: Token) -> object | None:
        return self.by_token.get(token.i)


def find_places(doc: Doc, on: Date | None) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    buildings: list[PlaceMention] = []
    airports: list[PlaceMention] = []
    ents = list(doc.ents)
    joined: set[int] = set()  # starts of NER entities read as the second half of a state's name
    for n, ent in enumerate(ents):
        if ent.start in joined:
            continue
        after = ents[n + 1] if n + 1 < len(ents) else None
        if after is not None and ent.end < len(doc) and doc[ent.end].lower_ == "and" and (
                after.start == ent.end + 1 or (after.start == ent.end + 2 and doc[ent.end + 1].lower_ == "the")):
            both = doc[ent.start:after.end].text
            both = both[:-2].strip() if both.endswith(("'s", "’s")) else both
            if (code := geo.country_code(both, on, codes=False)) and not geo.country_code(ent.text, on, codes=False):
                # "Trinidad and Tobago", "Saint Vincent and the Grenadines" split in two by NER (the first
                # half a town in Bolivia, a person's name)
                out.append(PlaceMention(ent.start, after.end, geo.Place("country", code, geo.short_name(code))))
                joined.add(after.start)
                continue
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.root.dep_ in ("pobj", "dobj") \
                and geo.country_code(ent.text, on, codes=False):
            # "to visit Santiago" tagged PERSON: a one-word capital or state name as an object
            code = geo.country_code(ent.text, on, codes=False)
            place = geo.resolve_place(ent.text, on) or geo.Place("country", code, geo.short_name(code))
            out.append(PlaceMention(ent.start, ent.end, place))
            continue
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.root.dep_ in ("amod", "compound") \
                and ent.root.head.pos_ == "NOUN" and geo.is_demonym(ent.text) \
                and (code := geo.country_code(ent.text, on, codes=False)):
            # "The Kazakh delegation" with the adjective tagged a person: no one's name before a common noun
            out.append(PlaceMention(ent.start, ent.end, geo.Place("country", code, geo.short_name(code))))
            continue
        if ent.label_ not in ("GPE", "LOC", "NORP", "FAC", "ORG"):
            continue
        text = ent.text.strip()
        if text.endswith(("'s", "’s")):
            text = text[:-2].strip()
        if ent.label_ in ("ORG", "FAC"):
            code = geo.country_code(text, on, codes=False)  # metonyms: the White House, the Kremlin
            place = geo.Place("country", code, geo.short_name(code)) if code else None
            airport = _airport_city(doc, ent, on)
            if place is None and airport is None and ent.label_ == "FAC" \
                    and (city := geo.resolve_place(text, on)) is not None and geo.is_major_city(city.geonames_id):
                airport = PlaceMention(ent.start, ent.end, city)  # "to visit La Paz" taken for a building
            if place is None and airport is None and ent[-1].lower_ in lexicon().words("building_nouns"):
                if (building := _city_facility(doc, ent, on)) is not None:
                    buildings.append(building)  # "at Helsinki Cathedral": in Helsinki (kept below if named)
                    continue
            if place is None and airport is not None:
                airports.append(airport)  # "Maputo International Airport": the city it serves (kept below)
                continue
            if place is None and ent.root.lemma_.lower() in lexicon().words("gathering_nouns") \
                    and (host := _gathering_city(doc, ent, on)) is not None:
                out.append(host)  # "the Halifax International Security Forum": Halifax, where it meets
                continue
            if place is None:
                pair = _city_comma_state(doc, ent, on)
                if pair:
                    out.extend(pair)  # "for Bridgetown, Barbados" tagged as an organisation
                    continue
        else:
            place = geo.resolve_place(text, on)
            if place is None and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
                place = geo.resolve_place("the " + text, on)  # "in the Hague"
            if place is not None and place.kind == "region" and place.geonames_id is None \
                    and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
                place = None  # "the Gulf": a kind of place, not the province of that name
        start = ent.start
        if place is not None and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text[:1].isupper():
            longer = geo.resolve_place(doc[start - 2:ent.end].text, on)  # "Port of Spain", "Isle of Man"
            if longer is not None and longer.kind in ("city", "country"):
                place, start = longer, start - 2
        if place is not None:
            out.append(PlaceMention(start, ent.end, place))
    # a building named for a city is in it when the article names that city by itself too (not
    # "Lancaster House" in London, nor the "Shangri-La Hotel" in Singapore)
    named = {m.place.geonames_id for m in out if m.place.geonames_id is not None}
    out.extend(b for b in buildings if b.place.geonames_id in named)
    _named_by_kind(doc, on, out)
    _datelines(doc, on, out)
    _untagged(doc, on, out)
    _conjoined(doc, on, out)
    # an airport named for a major city is in it; one whose name is a town's elsewhere only when the
    # article names that town's state too (not an airport named for a town of another state the story never names)
    states = {m.place.code for m in out}
    out.extend(a for a in airports if geo.is_major_city(a.place.geonames_id) or a.place.code in states)
    out.sort(key=lambda m: m.start)  # the finders after NER's add in their own order
    qualified = _qualified_by_state(doc, out) | _of_a_state_by_kind(doc, on, out)
    if qualified:
        _one_place_of_a_name(doc, out, qualified)
    return out


def _one_place_of_a_name(doc: Doc, out: list[PlaceMention], qualified: dict[str, geo.Place]) -> None:
    """One place of a name in an article: once "the Ecuadorian city of Cuenca" (or "Cuenca,
    Ecuador") is told, "travel to Cuenca" is that city too, whatever the gazetteer's first of the
    name or NER's label (an organisation, nothing) would make of it."""
    taken = {i for m in out for i in range(m.start, m.end)}
    for k, mention in enumerate(out):
        place = qualified.get(fold(doc[mention.start:mention.end].text))
        if place is not None and mention.place.kind != "country":
            out[k] = PlaceMention(mention.start, mention.end, place)
    lengths = {len(name.split()) for name in qualified}
    for token in tokens_with(doc, {"<PROPN>"}):
        for n in lengths:
            end = token.i + n
            if end <= len(doc) and not taken & set(range(token.i, end)) and (
                    place := qualified.get(fold(doc[token.i:end].text))) is not None \
                    and (end == len(doc) or doc[end].pos_ != "PROPN") and (token.i == 0 or doc[token.i - 1].pos_ != "PROPN"):
                out.append(PlaceMention(token.i, end, place))
                taken.update(range(token.i, end))
    out.sort(key=lambda m: m.start)


def _airport_city(doc: Doc, ent, on: Date | None) -> PlaceMention | None:
    """The city an airport's name begins with ("Maputo International Airport", "Lima airport"),
    when the words before the airport word name a city we know."""
    lex = lexicon()
    words = [t.lower_ for t in ent]
    airport = next((w for w in words if w in lex.words("airport_nouns")), None)
    if airport is None:
        return None
    end = ent.start + words.index(airport)
    while end > ent.start and doc[end - 1].lower_ in lex.words("airport_qualifiers"):
        end -= 1
    if end == ent.start:
        return None
    place = geo.resolve_place(doc[ent.start:end].text, on)
    return PlaceMention(ent.start, end, place) if place is not None and place.kind == "city" else None


def _city_facility(doc: Doc, ent, on: Date | None) -> PlaceMention | None:
    """The city a building's name begins with ("Helsinki Cathedral", "the Kigali Convention Centre";
    a facility to NER, or a name ending in a building's word, lexicon ``building_nouns``):
    the longest run of its first words that names a city of 100,000 people, before at least one more."""
    for end in range(ent.end - 1, ent.start, -1):
        place = geo.resolve_place(doc[ent.start:end].text, on)
        if place is not None and place.kind == "city" and geo.population(place.geonames_id) >= 100_000:
            return PlaceMention(ent.start, ent.end, place)  # the whole name: "at Helsinki Cathedral" is in Helsinki
    return None


def _gathering_city(doc: Doc, ent, on: Date | None) -> PlaceMention | None:
    """The city or state a gathering's name begins with ("the Halifax International Security Forum", "the Bled
    Strategic Forum", an organisation to NER; lexicon ``gathering_nouns``): its first words (after
    "the") naming a city of 100,000 people or a state, before at least one more word of the name."""
    start = ent.start + (doc[ent.start].lower_ == "the")
    for end in range(ent.end - 1, start, -1):
        place = geo.resolve_place(doc[start:end].text, on)
        if place is not None and (place.kind == "country" or (
                place.kind == "city" and geo.population(place.geonames_id) >= 100_000)):
            return PlaceMention(start, end, place)
    return None


def _city_comma_state(doc: Doc, ent, on: Date | None) -> list[PlaceMention]:
    """"Bridgetown, Barbados" in one entity NER took for an organisation: the city, then its state,
    when the words before the comma name a city of the state after it."""
    commas = [t.i for t in ent if t.text == ","]
    if len(commas) != 1 or commas[0] in (ent.start, ent.end - 1):
        return []
    city = geo.resolve_place(doc[ent.start:commas[0]].text, on)
    code = geo.country_code(doc[commas[0] + 1:ent.end].text, on, codes=False)
    if city is None or city.kind != "city" or code is None or city.code != code:
        return []
    return [PlaceMention(ent.start, commas[0], city),
            PlaceMention(commas[0] + 1, ent.end, geo.Place("country", code, geo.short_name(code)))]


_PARAGRAPH_START = re.compile(r"(?:\A|\n)\s*([A-Z][A-Za-z])")  # a paragraph opening in capitals or title case
DATELINE_MARKS = frozenset({"-", "--", "—", "–", ",", "(", ":"})  # what follows a dateline's place
DATELINE_STOPS = DATELINE_MARKS | {"."}  # and a full stop after an upper-case place: "ASTANA. KAZINFORM -"
BYLINE_BARS = frozenset({"|", "•", "·"})  # what sets off a web page's byline fields: "By A B | Lusaka | May 3"


DASH_MARKS = frozenset({"-", "--", "—", "–"})
_SLASHED_AGENCY = re.compile(r"/[A-Z][A-Z-]+/")


def titled_dateline(doc: Doc, end: int) -> bool:
    """A place written in title case opens the paragraph as a dateline: a dash right after it
    ("Kathmandu — Prime Minister X"), or a date after a comma and then a dash or an agency's
    bracket within a few words ("Accra, March 14, GNA - ", "Addis Ababa, February 15/2022 (ENA) –"),
    or a full stop right after a date with its year ("Lima, 19 October 2023. The ...")."""
    if end >= len(doc):
        return False
    if doc[end].text in DASH_MARKS or _SLASHED_AGENCY.fullmatch(doc[end].text):
        return True  # (or an agency's name between slashes: "Ulaanbaatar /MONTSAME/ On June 11, ...")
    if doc[end].text != "," or end + 1 >= len(doc) or doc[end + 1].ent_type_ != "DATE":
        return False
    line = doc[end + 1:min(len(doc), end + 10)]
    if any(t.text in DASH_MARKS | {"("} and "\n" not in doc[end:t.i].text for t in line):
        return True
    # "Asunción, 2 May 2021. The President ...": the date ends a sentence of its own
    k = end + 1
    while k < len(doc) and doc[k].ent_type_ == "DATE" and doc[k].ent_iob_ != "B" or k == end + 1:
        k += 1
    after = next((t for t in doc[k + 1:k + 4] if not (t.is_space or t.is_quote)), None)
    return k < len(doc) and doc[k].text == "." and after is not None and after.text[:1].isupper() \
        and any(t.like_num and len(t.text) == 4 for t in doc[end + 1:k])


def _datelines(doc: Doc, on: Date | None, out: list[PlaceMention]) -> None:
    """'SANTIAGO - ...', 'NEW DELHI, May 3 (Reuters) -': an upper-case place that opens a paragraph
    before a dash, comma or bracket, often left untagged by NER."""
    taken = {i for m in out for i in range(m.start, m.end)}
    starts = []
    for match in _PARAGRAPH_START.finditer(doc.text):  # the text, not every token: paragraphs opening in capitals
        span = doc.char_span(match.start(1), match.start(1) + 1, alignment_mode="expand")
        if span is not None:
            starts.append(span.start)
    titled = [start for start in starts if not doc.text[doc[start].idx + 1:doc[start].idx + 2].isupper()]
    for start in (start for start in starts if start not in titled):
        end = start
        while end < len(doc) and end - start < 7 and (doc[end].is_upper and doc[end].is_alpha or (
                doc[end].text == "-" and end > start and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                and end + 1 < len(doc) and doc[end + 1].is_upper and doc[end + 1].is_alpha)):
            end += 1  # "ADDIS-ABEBA": the hyphens inside the name (not "LIMA-(Reuters)")
        alone = end < len(doc) and doc[end].is_space and "\n" in doc[end].text  # "ANKARA" a line of its own
        if end == start or end >= len(doc) or (doc[end].text not in DATELINE_STOPS and not alone) \
                or any(i in taken for i in range(start, end)):
            continue
        place = geo.resolve_place(doc[start:end].text.title(), on)
        if place is not None and not (place.kind == "country" or geo.is_major_city(place.geonames_id)
                                      or (place.kind == "city" and titled_dateline(doc, end))):
            place = None  # a smaller city only with the date and the agency after it ("PUTRAJAYA, Jan 9 (Bernama) --")
        if place is None and doc[end].text == "," and end + 1 < len(doc):
            # "VILLA ROSALES, Paraguay May 3 -": a town no gazetteer knows, with its state (or
            # its province: "PALM BEACH, Florida -") after the comma
            after = next((m for m in out if m.start == end + 1 and m.place.kind in ("country", "region")), None)
            marked = after is not None and any(t.text in DATELINE_MARKS - {","} for t in doc[after.end:after.end + 6])
            if marked:
                out.append(PlaceMention(start, end, after.place))
            continue
        if place is not None:
            out.append(PlaceMention(start, end, place))
    _titled_datelines(doc, on, out, taken, titled)


def _titled_datelines(doc: Doc, on: Date | None, out: list[PlaceMention], taken: set[int], starts: list[int]) -> None:
    """'Accra, March 14, GNA - ...' with the place left untagged by NER: a paragraph that opens (at one of
    ``starts``) with a title-case state or major city in dateline form (:func:`titled_dateline`)."""
    for start in starts:
        if start in taken:
            continue
        end = start
        while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end == start or not titled_dateline(doc, end):
            continue
        place = geo.resolve_place(doc[start:end].text, on)
        if place is not None and (place.kind == "country" or geo.is_major_city(place.geonames_id) or (
                place.kind == "region" and geo.country_code(doc[start:end].text, on) == place.code)):
            # (a capital the gazetteer knows as a province by this spelling: "Ulaanbaatar")
            out.append(PlaceMention(start, end, place))


def _conjoined(doc: Doc, on: Date | None, out: list[PlaceMention]) -> None:
    """'to Lima, Santiago and Buenos Aires' with the later names tagged an organisation or a person:
    a proper noun conjoined to a place, that names a state or a major city, is a place too."""
    ends = {m.end - 1 for m in out}  # a place's head (its last word)
    taken = {i for m in out for i in range(m.start, m.end)}
    for token in tokens_with(doc, {"<PROPN>"}) if out else ():
        if token.dep_ != "conj" or token.i in taken or token.head.i not in ends:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].head.i == token.i and start - 1 not in taken:
            start -= 1
        place = geo.resolve_place(doc[start:token.i + 1].text, on)
        if place is not None and (place.kind == "country" or geo.is_major_city(place.geonames_id)):
            mention = PlaceMention(start, token.i + 1, place)
            out.append(mention)
            ends.add(token.i)  # the next conjunct hangs on this one ("Lima, Santiago and Buenos Aires")
            taken.update(range(start, token.i + 1))


_THING_LABELS = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})  # NER labels no place has
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _untagged(doc: Doc, on: Date | None, out: list[PlaceMention]) -> None:
    """'a visit to Kyiv' with the name untagged (a spelling newer than the model) or tagged a thing
    ("heading to Montevideo" as a product): a proper noun standing after a preposition of place,
    that names a state or a major city."""
    taken = {i for m in out for i in range(m.start, m.end)}
    preps = lexicon().words("place_preps")
    departs = lexicon().words("depart_verbs")
    visits = lexicon().words("visit_verbs")
    # (and a capitalised word the parser read as an infinitive: "will proceed to Windhoek")
    infinitives = [t.head for t in tokens_with(doc, {"to"}) if t.dep_ == "aux" and t.head.pos_ == "VERB"
                   and t.head.text[:1].isupper() and not t.head.is_sent_start]
    for token in sorted({t.i: t for t in [*tokens_with(doc, {"<PROPN>"}), *infinitives]}.values(), key=lambda t: t.i):
        if token.i in taken:
            continue
        visited = token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in visits
        if (lone := lone_name_place(doc, token, on)) is not None:
            # "visited Lyon", "the Abuja summit" read as a person's name
            out.append(PlaceMention(token.i, token.i + 1, lone))
            continue
        if token.dep_ != "pobj" and not visited:
            continue  # "visited Amman" with the name untagged: the object of a verb of visiting
        prep = token.head
        leaving = prep.lower_ == "for" and prep.head.lemma_.lower() in departs  # "departed Abuja for Nairobi"
        if prep.lower_ not in preps and not leaving and not visited:
            continue
        lone_org = token.ent_type_ == "ORG" and token.ent_iob_ == "B" and (
            token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
        # "invited to Buenos Aires" read as a person's two names: a city of two words or more is no one's
        named_city = token.ent_type_ == "PERSON" and token.ent_iob_ == "I"
        # "met in Montevideo on Tuesday" with the city taken into the date
        dated = token.ent_type_ in ("DATE", "TIME") and token.lower_ not in _CALENDAR_WORDS
        if token.ent_type_ not in _THING_LABELS and not (token.ent_type_ == "ORG" and spans_preposition(doc, token)) \
                and not lone_org and not named_city and not dated:
            continue  # NER's "Abuja for Nairobi" as one organisation, "fly to Lubumbashi" as one: a place after all
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and (not doc[start - 1].ent_type_ or (named_city and doc[start].ent_iob_ == "I")) \
                and doc[start - 1].head.i == token.i:
            start -= 1
        if named_city and (start == token.i or doc[start].ent_iob_ != "B"):
            continue  # the whole of the two names, or nothing
        place = geo.resolve_place(doc[start:token.i + 1].text, on)
        if place is not None and (place.kind == "country" or geo.is_major_city(place.geonames_id) or (
                (visited or _after_travel(prep)) and geo.population(place.geonames_id) >= 100_000)):
            out.append(PlaceMention(start, token.i + 1, place))


def lone_name_place(doc: Doc, token, on: Date | None) -> geo.Place | None:
    """"visited Lyon", "flew to Klaipeda", "the Abuja summit" with the place taken for a person's one
    name: a one-word name NER calls a person, the object of a verb of visiting or of a preposition after a
    word of travel, or the modifier of a gathering named for its city, that is no one's surname in the article and names a city of 100,000 people (or, visited,
    a province)."""
    if token.ent_type_ != "PERSON" or token.ent_iob_ != "B" or (
            token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return None
    visited = token.dep_ == "dobj" and token.head.pos_ == "VERB" \
        and token.head.lemma_.lower() in lexicon().words("visit_verbs")
    travel = token.dep_ == "pobj" and token.head.lower_ in lexicon().words("place_preps") and _after_travel(token.head)
    # "will proceed to Windhoek" parsed as an infinitive: the city taken for a verb after a verb of travel
    travel = travel or (token.pos_ == "VERB" and token.dep_ in ("advcl", "xcomp") and token.text[:1].isupper()
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
                        and token.head.lemma_.lower() in lexicon().words("travel_to_verbs"))
    gatherings = lexicon().words("gathering_nouns") | lexicon().words("meeting_nouns")
    # "the Abuja summit", "the Lima talks": a gathering named for its city
    named_for = token.dep_ == "compound" and token.head.tag_.startswith("NN") and token.head.text[:1].islower() \
        and (token.head.lemma_.lower() in gatherings or token.head.lower_ in gatherings)
    if not (visited or travel or named_for) or token.text in surnames(doc):
        return None
    place = geo.resolve_place(token.text, on)
    if place is None or place.kind == "country" or geo.population(place.geonames_id) >= 100_000 \
            or (visited and place.kind == "region"):
        return place
    return None


def surnames(doc: Doc) -> set[str]:
    """The last words of the names of two words or more NER found in ``doc`` (computed once)."""
    found = doc.user_data.get("kg_surnames")
    if found is None:
        found = doc.user_data["kg_surnames"] = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    return found


def _after_travel(prep) -> bool:
    """'a visit to X', 'flew to X': the preposition hangs on a word of travel, where a city of
    100,000 people that NER took for an organisation or nothing is the place gone to."""
    return prep.head.lemma_.lower() in _travel_words()


@cache
def _travel_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.words("travel_nouns") | lex.words("travel_to_verbs") | lex.words("visit_verbs")
                     | lex.words("arrive_verbs"))


def spans_preposition(doc: Doc, token) -> bool:
    """The entity ``token`` is in takes in a preposition of the sentence ("Abuja for Nairobi")."""
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.dep_ == "prep" for t in doc[start:end])


def _qualified_by_state(doc: Doc, out: list[PlaceMention]) -> dict[str, geo.Place]:
    """'Bali, Indonesia', 'Paris, Texas': a place followed by a comma and the state (or US state)
    it lies in is that state's place of the name, not the gazetteer's first of the name. Returns
    the folded names so qualified -> their places."""
    by_start = {m.start: m for m in out}
    qualified = {}
    for k, mention in enumerate(out):
        if mention.place.kind == "country" or mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
            continue
        after = by_start.get(mention.end + 1)
        if after is None or after.place.code == mention.place.code:
            continue
        words = doc[after.start:after.end]
        if geo.is_demonym(words.text) or words[-1].dep_ in ("compound", "amod", "poss", "nmod") \
                or words[0].pos_ != "PROPN":
            continue  # "Meeting in Moscow, Italian Prime Minister X": a modifier of what follows
        if after.place.kind == "country" or (after.place.kind == "region" and after.place.code == "US"):
            name = doc[mention.start:mention.end].text
            place = geo.resolve_place_in(name, after.place.code)
            if place is None or (after.place.kind == "region" and place.kind != "city"):
                place = geo.Place("region", after.place.code, name, None)
            out[k] = PlaceMention(mention.start, mention.end, place)
            qualified[fold(name)] = place
    return qualified


def _of_a_state_by_kind(doc: Doc, on: Date | None, out: list[PlaceMention]) -> dict[str, geo.Place]:
    """'the Ecuadorian city of Cuenca', 'the Chinese port city of X': a place the noun of a kind of
    place introduces, with a state's word before the noun, is that state's place of the name (not
    the gazetteer's first of the name, a Spanish province). Returns the folded names so qualified."""
    kinds = lexicon().words("place_nouns")
    qualified = {}
    for k, mention in enumerate(out):
        of = doc[mention.start].head if doc[mention.start].dep_ == "pobj" else doc[mention.end - 1].head
        if mention.place.kind == "country" or of.lower_ != "of" or of.head.lemma_.lower() not in kinds:
            continue
        code = next((geo.country_code(c.text, on, codes=False) for c in of.head.children
                     if c.dep_ in ("amod", "compound") and c.i < of.head.i and geo.country_code(c.text, on, codes=False)), None)
        if code is None or code == mention.place.code:
            continue
        place = geo.resolve_place_in(doc[mention.start:mention.end].text, code)
        if place is not None:
            out[k] = PlaceMention(mention.start, mention.end, place)
            qualified[fold(doc[mention.start:mention.end].text)] = place
    return qualified


def _named_by_kind(doc: Doc, on: Date | None, out: list[PlaceMention]) -> None:
    """'the town of Pandeglang', 'the city of X': a proper name the noun of a kind of place
    introduces is that place when the gazetteer knows it, whatever NER called it."""
    kinds = lexicon().words("place_nouns")
    taken = {i for m in out for i in range(m.start, m.end)}
    for token in tokens_with(doc, {"of"}):
        if token.lower_ != "of" or token.head.lemma_.lower() not in kinds or token.head.pos_ != "NOUN":
            continue
        for obj in token.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN" or obj.i in taken:
                continue
            start = min(t.i for t in obj.subtree if t.pos_ == "PROPN" and t.i <= obj.i)
            start = max(start, token.i + 1)
            place = geo.resolve_place(doc[start:obj.i + 1].text, on)
            if place is not None:
                out.append(PlaceMention(start, obj.i + 1, place))
                taken.update(range(start, obj.i + 1))


def org_type(name: str) -> str:
    lex = lexicon()
    folded = fold(name)
    if folded in lex.media or any(folded.endswith(" " + m) for m in lex.media):
        return "media"
    if io_name(name):
        return "international"
    if "ministry" in folded or "ministries" in folded or folded.startswith("minister"):
        return "ministry"
    if any(w in folded for w in lex.raw["military_words"]):
        return "military"
    if any(w in folded.split() or w in folded for w in lex.raw["government_body_words"]):
        return "government"
    return "other"


def find_orgs(doc: Doc, on: Date | None) -> list[OrgMention]:
    out: list[OrgMention] = []
    lex = lexicon()
    for ent in doc.ents:
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if text.endswith(("'s", "’s")):
            text = text[:-2].strip()
        if not text:
            continue
        is_media = fold(text) in lex.media
        if ent.label_ != "ORG" and not is_media:
            continue
        if geo.resolve_place(text, on) and not is_media and org_type(text) == "other":
            continue
        country = None
        back = 2 if ent.start >= 2 and doc[ent.start - 1].text in ("'s", "’s") else 1  # "Pakistan's Foreign Ministry"
        for token in doc[max(0, ent.start - back) : ent.end]:
            code = geo.country_code(token.text, on, codes=False) if token.pos_ in ("PROPN", "ADJ") else None
            if code:
                country = code
                break
        name = io_name(text) or text
        out.append(OrgMention(ent.start, ent.end, name, org_type(text), country))
    return out


def _is_style(words) -> bool:
    """Are these words one style ("Air Chief Marshal", "Tan Sri", "Dr")? Punctuation between them
    is no part of a style (", Prof." folds like "prof.")."""
    return not any(t.is_punct for t in words) and fold(words.text) in lexicon().honorifics


def honorific_at(doc: Doc, i: int, end: int | None = None) -> int:
    """How many words of a style start at ``i`` ("Air Chief Marshal": 3, "Dr": 1, none: 0); a style
    of several words counts only whole ("Tan Sri X", but "Tan Wei" is a name)."""
    end = len(doc) if end is None else end
    if (size := next((n for n in (3, 4) if i + n <= end and _retired_mark(doc[i:i + n])), 0)):
        return size  # "Major General (retd) X", "(Retd.)": the rank's mark
    return next((size for size in (3, 2, 1) if i + size <= end and _is_style(doc[i:i + size])), 0)


def honorific_before(doc: Doc, k: int) -> int:
    """How many words of a style end right before ``k`` ("Air Chief Marshal X": 3 before X), 0 if none."""
    if (size := next((n for n in (3, 4) if k >= n and _retired_mark(doc[k - n:k])), 0)):
        return size
    return next((size for size in (3, 2, 1) if k >= size and _is_style(doc[k - size:k])), 0)


def _retired_mark(words) -> bool:
    """'(retd)', '(Retd.)' after a rank (lexicon ``retired_marks``)."""
    inner = [t for t in words[1:-1] if t.text != "."]
    return words[0].text == "(" and words[-1].text == ")" and len(inner) == 1 and len(words) - len(inner) - 2 <= 1 \
        and inner[0].lower_.rstrip(".") in lexicon().words("retired_marks")


def _given_name_title(doc: Doc, start: int, end: int) -> bool:
    """'Foreign Minister Amir Khan': a word that can be an office (lexicon ``given_name_titles``) right
    after an office's last word (not after a royal style: "Prince Sultan" is read as before), with a
    name after it, is a given name."""
    lex = lexicon()
    return end - start > 1 and start > 0 and fold(doc[start].text) in lex.words("given_name_titles") \
        and fold(doc[start - 1].text) in lex.title_words and fold(doc[start - 1].text) not in lex.words("royal_styles")


def clean_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim honorifics, title words (also abbreviated: "FM X") and punctuation from a person span."""
    lex = lexicon()
    abbreviations = lex.table("title_abbreviations")
    inner = [i for i in range(start + 1, end - 1) if fold(doc[i].text) in lex.words("personal_honorifics")
             and geo.is_place_name(doc[start:i].text)]
    if inner:
        start = inner[-1]  # NER's "Honiara Ms Hartnell" ("From Honiara Ms Hartnell will travel"): the name opens there
    while start < end - 1 and (size := honorific_at(doc, start, end - 1)) > 1:
        start += size  # "Air Chief Marshal X"
    while start < end and (
        fold(doc[start].text) in lex.honorifics
        or (end - start > 1 and (doc[start].text if doc[start].text.isupper() else doc[start].lower_) in abbreviations)
        or (fold(doc[start].text) in lex.title_words and not _given_name_title(doc, start, end))
        or fold(doc[start].text) in lex.prefixes
        or doc[start].is_punct
        or doc[start].lower_ in ("the", "a", "an")
        or geo.is_demonym(doc[start].text)
        or (fold(doc[start].text) in lex.words("party_words") and end - start > 2)  # "Conservative Alan Wetherby"
        or (doc[start].lower_ in WEEKDAYS and end - start > 1)  # NER's "Wednesday Salas" ("On Wednesday Salas will")
    ):
        start += 1
    if start > 0 and doc[start - 1].lower_ == "of" and end - start >= 3:
        # NER's "Peru Luis Vega" after "President of": the state is the title's, not the name's
        n = next((n for n in (2, 1) if end - start - n >= 2 and geo.country_code(doc[start:start + n].text, codes=False)), 0)
        start += n
    elif start > 2 and doc[start - 1].lower_ in ("and", "&") and end - start >= 3 \
            and geo.country_code(doc[start - 2:start + 1].text, codes=False) and doc[start].text[:1].isupper():
        start += 1  # "of Bosnia and Herzegovina Nermin X": NER's name began inside the state's name
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_space
                           or (doc[end - 1].is_lower and doc[end - 1].pos_ in ("VERB", "AUX"))):
        end -= 1  # NER's "Luis Mora - met": no name ends in a verb
    return start, end


def plausible_person(name: str, on: Date | None, *, ner: bool = False) -> bool:
    """Could ``name`` be a person? ``ner``: spaCy said PERSON, so a small town of the same name
    (a surname that is also a small town's name, as Fukui is) does not veto it; a country, demonym or capital still does."""
    lex = lexicon()
    words = name.split()
    particles = lex.words("name_particles")  # "Nasser bin Khalid bin Hamad Al-Kuwari": four names
    if not words or len(words) - max(0, sum(w.lower() in particles for w in words[1:]) - 1) > 5 or not name[:1].isupper():
        return False
    if not all(any(c.isalpha() for c in w) for w in words):
        return False
    folded = fold(name)
    if folded in lex.media or io_name(name) or folded in lex.title_phrases:
        return False
    if any(fold(w) in lex.title_words and w[:1].isupper() for w in words[-1:]):
        return False
    if (len(words) > 2 or not ner) and fold(words[-1]) in lex.words("organization_name_words"):
        return False  # "Manchester United", "Hamas Political Bureau", "Premier League" (unless NER, for two words,
        # said a person's: a given name and a surname may end in such a word, "George Hall"): an organisation
    if geo.country_code(name, on, codes=False, capitals=not ner) or (ner and geo.capital_state(name)) \
            or (len(words) == 1 and not ner and geo.is_place_name(name)):
        return False
    if name.isupper() and len(name) <= 4:  # acronyms
        return False
    if fold(words[0]) in lex.words("weather_nouns"):
        return False  # "Storm Jeanne", "Hurricane Frances", "Typhoon Haiyan"
    if any(fold(w) in lex.words("page_words") for w in words):
        return False  # a web page's "Hide Caption", "Photo Gallery"
    return True
