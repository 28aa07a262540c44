"""Person mentions and their titles; one entity per person per article (coreference).

Persons come from NER and from names standing after a title the NER missed. A title binds to a
name right after it ("Foreign Minister X"), or by apposition ("X, the Japanese foreign minister";
"the US ambassador to China, X"; "X, Japan's prime minister"). Coreference joins surname-only and
misspelt repeats to the full name, and title-only mentions ("the minister") to the person who holds
that title in the article.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from datetime import date as Date

from spacy.tokens import Doc, Span

from kg import geo
from kg.extract.lexicon import io_name, lexicon
from kg.extract.mentions import (PersonMention, Title, clean_person, honorific_at, honorific_before,
                                 _after_travel, lone_name_place, plausible_person)
from kg.extract.syntax import hyphen_joined, says_at, tokens_with
from kg.names import similar
from kg.nlp import HYPHEN_NAME, HYPHEN_NAME_WORD, INITIAL_NAME, unknown_verb
from kg.text import fold


def find_persons(doc: Doc, titles: list[Title], on: Date | None, headline_end: int = 0) -> list[PersonMention]:
    spans: dict[tuple[int, int], PersonMention] = {}
    covered: set[int] = set()
    office_words = {i for t in titles for i in range(t.start, t.end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or honorific_at(doc, ent.start, ent.end) == len(ent):
            continue  # NER's "Air Chief Marshal": a style alone
        if geo.is_demonym(ent.text) or (len(ent) > 1 and geo.country_code(ent.text, on, codes=False)):
            continue  # NER's "Sri Lankan" ("meets Sri Lankan, Nepali counterparts"): a nationality, not "Sri" X;
            # NER's "Sri Lanka" ("President of Sri Lanka X"): a state
        if len(ent) == 1 and lone_name_place(doc, ent[0], on) is not None:
            continue  # "visited Lyon": a city NER took for a person's name
        if len(ent) > 1 and _place_gone_to(doc, ent, on):
            continue  # "flying to Siem Reap", "will tour the Angkor Park": a city or a site, no one's name
        start, end = clean_person(doc, _left_name_words(doc, ent.start, ent.end), _right_name_words(doc, ent.end, on))
        if start == ent.start + 1 and ent.start - 1 in office_words and _demonym_given_name(doc, ent.start, set()):
            start = ent.start  # NER's "German Ortega Lugo" after "Foreign Minister": the given name is a demonym's word
        while start < end - 1 and start in office_words:
            start += 1  # NER's "Expatriates Ziad Haddad" after "Minister of Foreign Affairs and": the office's word
        name = _name(doc, start, end)
        if start > 0 and doc[start - 1].lower_ in lexicon().words("weather_nouns"):
            continue  # "Tropical Storm Jeanne", "Hurricane Frances": a storm's name
        if end - start == 1 and start > 0 and (doc[start - 1].lower_ == "the" or (
                doc[start - 1].is_alpha is False and any(c.isdigit() for c in doc[start - 1].text)
                and any(c.isalpha() for c in doc[start - 1].text))):
            continue  # "the Sahel", "the G5 Sahel": one word after "the" or a code is a region or a group, not a person
        if start < end and plausible_person(name, on, ner=True):
            before = doc[start - 1] if start > 0 else None
            honorific = before is not None and fold(before.text) in lexicon().honorifics
            spans[(start, end)] = PersonMention(start, end, name, honorific=honorific)
            covered.update(range(start, end))
            if start > ent.start and honorific_at(doc, ent.start, start) > 1:
                covered.update(range(ent.start, start))  # NER's "Tan Sri X": the style is no one's name
    _particles(doc, spans, covered)
    _hyphenated(doc, spans, covered)
    _split_names(doc, spans, covered)
    # names after a title that NER missed ("Foreign Minister Nikos Dravas")
    titled: set[int] = set()
    for title in titles:
        i = title.end
        while i < len(doc) and i not in covered and (size := honorific_at(doc, i)):
            i += size  # "Minister Tengku Datuk Seri X", "Air Chief Marshal X": no part of the name's four words
        if i < len(doc) and _body_goes_on(doc, title, i):
            continue
        if i < len(doc) and (i not in covered or (i, _ner_end(spans, i)) in spans):
            j = _name_chain_end(doc, i)
            if j == i and _demonym_given_name(doc, i, covered):
                j = clean_person(doc, i + 1, _name_chain_end(doc, i + 1))[1]  # "Minister German Ortega": a given name
            else:
                i, j = clean_person(doc, i, j)
            if i in covered and not (j > _ner_end(spans, i) and (
                    _one_noun_phrase(doc, i, j) or any(unknown_verb(t) for t in doc[i:j]))):
                # (a name word the parser took for a verb, "President Omar Dileita Farah", "Vice Premier Tang
                # Shaoming" with NER's name ending before it: no parse to trust)
                j = i  # NER's name after the title stands, unless the title's name is one longer noun phrase
            if j > i and any(s <= i and j <= e and (s, e) != (i, j) for s, e in spans):
                continue  # "Sheikh X bin Y": X is already part of a longer name
            # "Abdelrahim Hassan" + NER's "Hassan al-Tayeb": one name (no office's word in it)
            j = max([j] + [e for s, e in spans if i < s < j < e and not any(k in office_words for k in range(i, e))])
            if j > i:
                for s, e in [k for k in spans if i <= k[0] and k[1] <= j and k != (i, j)]:
                    spans.pop((s, e))  # NER's "X" and "Y Z" are one name "X Y Z" after the title
                name = _name(doc, i, j)
                if plausible_person(name, on):
                    spans[(i, j)] = PersonMention(i, j, name)
                    covered.update(range(i, j))
        if title.end in {s for s, _ in spans}:
            titled.add(title.end)
    _nicknames(doc, spans, covered)
    _hyphened_given_names(doc, spans, covered, on)
    _names_after_honorifics(doc, spans, covered, on)
    shared = _names_after_plural_titles(doc, spans, covered, on, titles)
    _name_partners(doc, spans, covered, on, titles, headline_end)
    _names_in_person_slots(doc, spans, covered, on)
    _names_before_appositive_titles(doc, spans, covered, on, titles)
    _names_after_appositive_titles(doc, spans, covered, on, titles)
    _hyphen_pairs(doc, spans, covered)
    _glottal_stops(doc, spans)
    _surname_repeats(doc, spans, covered, titled)
    if headline_end:
        _trim_headline(doc, spans, headline_end)
    # (not the words of an office: "Minister of Foreign Affairs, Trade and Gabonese Abroad, X")
    persons = sorted((m for m in spans.values() if not _names_an_airport(doc, m.end) and not _state_goes_on(doc, m, on)
                      and not all(k in office_words for k in range(m.start, m.end))), key=lambda m: m.start)
    _bind_titles(doc, persons, titles)
    for person in persons:
        if person.title is None and (person.start, person.end) in shared:
            person.title = shared[(person.start, person.end)]
    return persons


def _state_goes_on(doc: Doc, mention: PersonMention, on: Date | None) -> bool:
    """NER's "St Kitts" of "St Kitts and Nevis Prime Minister X": a state's name that goes on after "and"."""
    end = mention.end
    return end + 1 < len(doc) and doc[end].lower_ == "and" and any(
        geo.country_code(doc[mention.start:k].text, on, codes=False) for k in range(end + 2, min(len(doc), end + 4) + 1))


def _body_goes_on(doc: Doc, title: Title, i: int) -> bool:
    """'General Secretary of the Cuban Communist Party's Central Committee': the word after the office's state
    goes on with the name of a body NER tagged from inside the office's words ("the Cuban ... Committee"),
    no one's name."""
    if doc[i].ent_type_ != "ORG" or doc[i].ent_iob_ != "I":
        return False
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    if ent is None or not title.start < ent.start < i or ent.end <= i + 1:
        return False
    # (not NER's "State Gregory Ashby" after "Secretary of": the body's name goes on in its own words)
    words = lexicon().words("organization_name_words")
    # (a possessive ending NER's span is a person's: "Secretary of State X Y's trip")
    return any((t.text in ("'s", "’s") and t.i + 1 < ent.end) or fold(t.text) in words for t in doc[i + 1:ent.end])


def _a_site(doc: Doc, start: int, end: int) -> bool:
    """'the Angkor Archaeological Park', 'a dinner at Jubilee House': a proper name after "the", or the
    object of a preposition of place, that ends in a word of a building or site (lexicon
    ``building_nouns``) names a place (a person's name takes no article)."""
    return fold(doc[end - 1].text) in lexicon().words("building_nouns") and start > 0 and (
        doc[start - 1].lower_ == "the" or doc[end - 1].dep_ == "pobj" and doc[end - 1].head.lower_ in lexicon().words("place_preps"))


def _place_gone_to(doc: Doc, ent, on: Date | None) -> bool:
    """A name of two words or more NER took for a person's that names a site (:func:`_a_site`), or
    a city or state as the object of a preposition of place after a word of travel ("before flying
    to Siem Reap")."""
    if _a_site(doc, ent.start, ent.end):
        return True
    root = ent[-1]  # (the last word: a parse on a long page may defeat Span.root)
    if root.dep_ != "pobj" or root.head.lower_ not in lexicon().words("place_preps") or not _after_travel(root.head):
        return False
    place = geo.resolve_place(ent.text, on)
    return place is not None and place.kind in ("city", "country")


def _demonym_given_name(doc: Doc, i: int, covered: set[int]) -> bool:
    """A demonym right after an office and before a name word is a given name ("Venezuelan Foreign
    Minister German Ortega", "Minister Germán X" written without its accent): English puts a
    nationality before the office, never between it and the name."""
    return i + 1 < len(doc) and i + 1 not in covered and doc[i].text[:1].isupper() and doc[i].text.isalpha() \
        and geo.is_demonym(doc[i].text) and _namelike(doc[i + 1]) and doc[i + 1].pos_ == "PROPN"


def _names_an_airport(doc: Doc, end: int) -> bool:
    """'King Khalid International Airport', 'Jomo Kenyatta Airport': a name an airport is named
    after, not a person of the story (lexicon ``airport_qualifiers``, ``airport_nouns``)."""
    lex = lexicon()
    while end < len(doc) and doc[end].lower_ in lex.words("airport_qualifiers"):
        end += 1
    return end < len(doc) and doc[end].lower_ in lex.words("airport_nouns")


def _names_in_person_slots(doc: Doc, spans: dict, covered: set[int], on: Date | None) -> None:
    """A two- to four-word proper name that NER called a place or nothing (an organisation only when it
    meets a person) but that
    names no place, state or organisation we know, standing where only a person can stand: the one who
    meets, visits, hosts, travels or says, or the one met or received ("Bola Tinde met Kwame Asare"), or
    the one talks are held with."""
    lex = lexicon()
    verbs = lex.words("meet_verbs") | lex.words("host_verbs") | lex.words("visit_verbs") | lex.speech_verbs \
        | lex.words("travel_to_verbs") | lex.words("arrive_verbs") | lex.words("depart_verbs")
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue
        verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "with" else token.head
        if token.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() not in verbs:
            # "X is scheduled to meet Y", "X was due to meet Y", "X plans to visit": the subject of the verb it controls
            controlled = [c for c in verb.children if c.dep_ == "xcomp"]
            controlled += [x for a in verb.children if a.dep_ == "acomp" for x in a.children if x.dep_ == "xcomp"]
            verb = next((c for c in controlled if c.lemma_.lower() in verbs), verb)
        talks = token.dep_ == "pobj" and token.head.lower_ == "with" and verb.lemma_.lower() in lex.words("meeting_nouns")
        if (verb.lemma_.lower() not in verbs and not talks) or (token.dep_ == "pobj" and token.head.lower_ != "with"):
            continue  # (the one talks are held with: "three hours of talks with Han Zhiyong")
        s, e = _name_span(doc, token)
        if any(t.ent_type_ == "ORG" for t in doc[s:e]) and not _meets_a_person(verb, token, covered):
            continue  # an organisation moves or says; only a person meets a person
        if _a_site(doc, s, e):
            continue  # "will tour the Angkor Archaeological Park": a site, visited
        _add_proper_name(doc, spans, covered, s, e, on)


def _names_after_plural_titles(doc: Doc, spans: dict, covered: set[int], on: Date | None,
                               titles: list[Title]) -> dict[tuple[int, int], Title]:
    """'Presidents X of Uganda and Y of Rwanda', 'Foreign Ministers X and Y': a capitalised plural
    office before names gives each of them the office (a title over the plural word, added to
    ``titles``). Returns the names whose office is a shared one (after the first of such a list; every
    name of a list of offices of several states, :func:`_respective_offices`)."""
    phrases = lexicon().title_phrases
    shared: dict[tuple[int, int], Title] = {}
    for token in tokens_with(doc, _title_heads()):  # looked up, not a pass over every token
        if token.tag_ not in ("NNS", "NNPS") or token.i + 1 >= len(doc):
            continue
        start = token.i
        singular = fold(token.lemma_)
        if not token.text[:1].isupper() and not (start > 0 and doc[start - 1].text[:1].isupper()):
            continue  # "Presidents X and Y", "Foreign ministers X of A and Y of B" (not "ministers X and Y")
        if start > 0 and doc[start - 1].text[:1].isupper() and f"{fold(doc[start - 1].text)} {singular}" in phrases:
            start, singular = start - 1, f"{fold(doc[start - 1].text)} {singular}"  # "Prime Ministers"
        elif singular not in phrases:
            continue
        title = Title(start, token.i + 1, singular, False, None)
        names: list[tuple[int, int]] = []
        j = token.i + 1
        while j < len(doc) and len(names) < 4 and (e := _listed_name_end(doc, j, on)) is not None:
            names.append((j, e))
            j = e
            if j + 1 < len(doc) and doc[j].lower_ == "of" and geo.country_code(doc[j + 1].text, on, codes=False):
                j += 2  # "X of Uganda"
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if j < len(doc) and doc[j].lower_ == "and":
                j += 1
            elif not (j < len(doc) and doc[j - 1].text == ","):
                break
        if len(names) < 2:
            continue
        titles.append(title)
        for n, (s, e) in enumerate(names):
            if not any(i in covered for i in range(s, e)) and plausible_person(_name(doc, s, e), on, ner=True):
                spans[(s, e)] = PersonMention(s, e, _name(doc, s, e))
                covered.update(range(s, e))
            if n:
                shared[(s, e)] = title
    shared.update(_respective_offices(doc, spans, covered, on, titles, phrases))
    titles.sort(key=lambda t: t.start)
    return shared


def _listed_name_end(doc: Doc, j: int, on: Date | None) -> int | None:
    """The end of a proper name at ``j`` in a list of names after an office (not a state's name), or None."""
    if not _namelike(doc[j], capital=True) or doc[j].pos_ != "PROPN":
        return None
    e = _name_chain_end(doc, j)
    return e if e > j and not geo.country_code(_name(doc, j, e), on, codes=False) else None


def _respective_offices(doc: Doc, spans: dict, covered: set[int], on: Date | None, titles: list[Title],
                        phrases) -> dict[tuple[int, int], Title]:
    """'the presidents of Benin and Mali, X and Y': a plural office of as many states as the names
    listed after a comma, each name holding the office of the state in the same place of its list
    (a title over the plural word for each, added to ``titles``)."""
    shared: dict[tuple[int, int], Title] = {}
    for token in tokens_with(doc, _title_heads()):
        if token.tag_ not in ("NNS", "NNPS") or fold(token.lemma_) not in phrases \
                or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        def state_end(j: int) -> int | None:
            return next((k for k in range(min(len(doc), j + 4), j, -1)
                         if not doc[k - 1].is_punct and geo.country_code(doc[j:k].text, on, codes=False)), None)

        states: list[str] = []
        j = token.i + 2
        while (end := state_end(j)) is not None and len(states) < 4:
            states.append(geo.country_code(doc[j:end].text, on, codes=False))
            j = end
            if not (j + 1 < len(doc) and doc[j].lower_ in ("and", ",") and state_end(j + 1) is not None):
                break
            j += 1
        if len(states) < 2 or j >= len(doc) or doc[j].text != ",":
            continue
        names: list[tuple[int, int]] = []
        j += 1
        while j < len(doc) and len(names) < len(states) and (e := _listed_name_end(doc, j, on)) is not None:
            names.append((j, e))
            j = e + 1 if e < len(doc) and doc[e].lower_ in ("and", ",") else e
        if len(names) != len(states):
            continue
        start, office = token.i, fold(token.lemma_)
        if start > 0 and f"{fold(doc[start - 1].text)} {office}" in phrases:
            start, office = start - 1, f"{fold(doc[start - 1].text)} {office}"  # "the prime ministers of A and B"
        # a name already found, however NER bounded it
        names = [next(((a, b) for a, b in spans if a <= s < b), (s, e)) if any(i in covered for i in range(s, e))
                 else (s, e) for s, e in names]
        if any((s, e) not in spans and any(i in covered for i in range(s, e)) for s, e in names):
            continue
        titles[:] = [t for t in titles if not t.start <= token.i < t.end]  # the plural office, one per name instead
        for (s, e), state in zip(names, states):
            title = Title(start, token.i + 1, office, False, state)
            titles.append(title)
            if (s, e) not in spans and plausible_person(_name(doc, s, e), on, ner=True):
                spans[(s, e)] = PersonMention(s, e, _name(doc, s, e))
                covered.update(range(s, e))
            shared[(s, e)] = title
    return shared


@cache
def _title_heads() -> frozenset[str]:
    """The last words of the office phrases ("president", "minister"): the head a plural office ends in."""
    return frozenset(phrase.split()[-1] for phrase in lexicon().title_phrases)


def _hyphened_given_names(doc: Doc, spans: dict, covered: set[int], on: Date | None) -> None:
    """'Lee Min-jun', 'Lin Yi-wen': a capitalised family name before a given name of two romanised
    syllables joined by a hyphen (one token, :data:`kg.nlp.HYPHEN_NAME`), which NER no longer tags."""
    given = (doc.char_span(m.start(1), m.end(1)) for m in HYPHEN_NAME.finditer(doc.text)) if "-" in doc.text else ()
    for token in (span[0] for span in given if span is not None and len(span) == 1 and span.start > 0):
        i = token.i - 1  # (found as kg.nlp found them to join: the text searched once, not every token)
        if token.i in covered \
                or (i in covered and (i, i + 1) not in spans) or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
            continue  # (NER's family name alone is taken with the given name)
        name = _name(doc, i, token.i + 1)
        if not geo.country_code(doc[i].text, on, codes=False) and plausible_person(name, on, ner=True):
            for key in [k for k in spans if k[0] <= token.i < k[1] or k[0] <= i < k[1]]:
                spans.pop(key)  # NER's "Kang" alone
            spans[(i, token.i + 1)] = PersonMention(i, token.i + 1, name)
            covered.update(range(i, token.i + 1))


def _names_after_honorifics(doc: Doc, spans: dict, covered: set[int], on: Date | None) -> None:
    """'Mr Rwakabamba arrived', 'talks with Dr Mugenzi': a proper name NER missed after a style only
    persons take (lexicon ``personal_honorifics``), one word or more."""
    styles = lexicon().words("personal_honorifics")
    for token in tokens_with(doc, styles):
        j = token.i + 1
        if fold(token.text) not in styles or j >= len(doc) or j in covered or not _namelike(doc[j], capital=True) \
                or doc[j].pos_ != "PROPN" or geo.country_code(doc[token.i:j + 1].text, on, codes=False):
            continue  # (not "President of Sri Lanka X": the style's word opens a state's name)
        e = _name_chain_end(doc, j, covered)
        name = _name(doc, j, e)
        if e > j and not geo.country_code(name, on, codes=False) and plausible_person(name, on, ner=True):
            spans[(j, e)] = PersonMention(j, e, name, honorific=True)
            covered.update(range(j, e))


def _add_proper_name(doc: Doc, spans: dict, covered: set[int], s: int, e: int, on: Date | None) -> None:
    """Add ``doc[s:e]`` as a person when it is a two- to four-word proper name (capitalised, not all
    capitals), not yet taken, naming no place or state we know, and plausible as a person's name."""
    words = doc[s:e]
    if not 2 <= e - s <= 4 or any(i in covered for i in range(s, e)) \
            or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words):
        return
    name = _name(doc, s, e)
    if geo.resolve_place(name, on) or any(geo.country_code(t.text, on, codes=False) for t in words):
        return
    if plausible_person(name, on):
        spans[(s, e)] = PersonMention(s, e, name)
        covered.update(range(s, e))


def _names_before_appositive_titles(doc: Doc, spans: dict, covered: set[int], on: Date | None,
                                    titles: list[Title]) -> None:
    """'Jean Morel, Director General of the Treasury': a two- to four-word proper name that an
    office title stands in apposition to is a person, whatever NER called it (here ORG), unless it
    names a place, state or organisation we know."""
    for title in titles:
        heads = [t for t in doc[title.start:title.end] if t.dep_ == "appos" and t.head.i < title.start]
        if not heads:
            continue
        head = heads[0].head
        if head.i in covered or head.pos_ != "PROPN" or head.i + 2 > title.start or doc[head.i + 1].text != ",":
            continue
        if not all(_title_determiner(t, title) for t in doc[head.i + 2:title.start]):
            continue
        _add_proper_name(doc, spans, covered, *_name_span(doc, head), on)


def _names_after_appositive_titles(doc: Doc, spans: dict, covered: set[int], on: Date | None,
                                   titles: list[Title]) -> None:
    """'the Dutch prime minister, Jan-Willem de Vries, who chairs ...', 'his Maltese counterpart, Carmel
    Vella Borg,': a proper name (with hyphens written without spaces and lower-case particles inside)
    that the parser puts in apposition to a definite office title or a possessed counterpart before it
    is a person, whatever NER called it, unless it names a place."""
    # offices, and counterparts ("welcomed by his Maltese counterpart, Carmel Vella Borg,")
    counterparts = lexicon().words("counterpart_nouns")
    slots = [(t.start, t.end, _definite_title(doc, t)) for t in titles]
    slots += [(t.i, t.i + 1, any(c.dep_ == "poss" for c in t.children)) for t in tokens_with(doc, counterparts)
              if t.lower_ in counterparts and t.pos_ == "NOUN"]
    possessed = {start for start, _, definite in slots[len(titles):] if definite}
    # "the Prime Minister, Head of Government, X": a second office that styles the same person (lexicon
    # ``chained_offices``), set off by commas
    styles = lexicon().words("chained_offices")
    chains = {t.start: t.end for t in titles if t.end < len(doc) and doc[t.end].text == "," and t.phrase in styles}
    for start, end, definite in slots:
        k = end  # "the speaker of Iran's parliament, X": the office's phrase runs on to the comma
        while k < len(doc) and k < end + 8 and doc[k].text != "," and (start <= doc[k].head.i < k or (
                doc[k].dep_ == "compound" and doc[k].head.i < end + 8 and doc[k].head.head.i < k)):
            k += 1  # (a compound's head comes after it: "the UN envoy in Ivory Coast, X")
        end = k
        i = end + 1
        chained = i in chains and definite
        if chained:
            end = chains[i]
            i = end + 1
        while i < len(doc) and doc[end].text == "," and (size := honorific_at(doc, i)) \
                and not (i + size < len(doc) and doc[i + size].text == "-") \
                and _name_chain_end(doc, i + size, covered) - (i + size) >= 2:
            i += size  # "Fiji's High Commissioner in Canberra, Ratu X Y": the style is no one's name
            # (a hyphenated rank stays whole, as before: "head of state, Major-General X"; and so does
            # a style before one name word: "deputy prime minister, Ratu Vaka")
        if i >= len(doc) or doc[end].text != "," or i in covered:
            continue
        heads = [t for t in doc[start:end] if any(c.dep_ == "appos" and c.i >= i for c in t.children)]
        if not definite and not any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for h in heads for c in h.children):
            continue  # "the United Nations special envoy for Yemen, X": definite over the organisation's name
        j = _name_chain_end(doc, i, covered)
        # "the Minister of External Relations, X Y, and Mr Z": a name set off by commas, which the
        # parser took for the first of the title's conjuncts
        set_off = definite and j < len(doc) and doc[j].text == ","
        last = fold(doc[j - 1].text) if j > i else ""
        if last and {last, last[:-3] + "y" if last.endswith("ies") else last.removesuffix("s")} & lexicon().title_words:
            continue  # offices listed, no name: "briefed the Foreign Minister, Cabinet Secretaries, and the Speaker"
        if (start in possessed or definite) and j - i >= 2 and j < len(doc) and doc[j].text in (".", ",", ";") \
                and doc[j - 1].dep_ in ("npadvmod", "dep", "appos", "dobj", "conj"):
            pass  # "... with his Singaporean counterpart, Goh Chee Wai.": the name set off by commas, hung anywhere
            # (also after an office: "received by the Minister of Foreign Affairs and Malians Abroad, X Y.")
        elif j - i < 2 or not (doc[j - 1].dep_ in ("appos", "conj" if chained or set_off else "appos") and (
                start <= doc[j - 1].head.i < end or _over_the_title(doc, doc[j - 1].head, start, end))):
            continue
        name = _name(doc, i, j)
        if not geo.resolve_place(name, on) and plausible_person(name, on):
            spans[(i, j)] = PersonMention(i, j, name)
            covered.update(range(i, j))
    for noun in tokens_with(doc, counterparts):
        # "talks with his Ukrainian counterpart Mykola Datsenko" (no comma) where NER saw an organisation
        i = noun.i + 1
        while i < len(doc) and (size := honorific_at(doc, i)):
            i += size  # "his Malaysian counterpart Datuk Seri X": the style is no one's name
        if noun.lower_ not in counterparts or noun.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in noun.children) \
                or i >= len(doc) or i in covered or doc[i].pos_ != "PROPN" or not _namelike(doc[i], capital=True):
            continue
        j = _name_chain_end(doc, i, covered)
        name = _name(doc, i, j)
        if j - i >= 2 and not geo.resolve_place(name, on) \
                and not any(geo.country_code(t.text, on, codes=False) for t in doc[i:j]) and plausible_person(name, on):
            spans[(i, j)] = PersonMention(i, j, name)
            covered.update(range(i, j))


def _over_the_title(doc: Doc, head, start: int, end: int) -> bool:
    """The parser hung the name in apposition on the noun the title's preposition hangs from ("paid a
    courtesy call on the President of Ecuador, X,": X on "call")."""
    top = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    return top is not None and top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head == head


def _lower_syllable(doc: Doc, j: int) -> bool:
    """A hyphen at ``j`` joins a capitalised name word to a short syllable in lower case, as
    romanised given names are written ("Mi-kyung", "Jong-un"; not "Putin-era", "Vega-led")."""
    return j + 1 < len(doc) and j > 0 and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
        and doc[j - 1].text[:1].isupper() and doc[j + 1].is_lower and doc[j + 1].is_alpha and len(doc[j + 1]) <= 5 \
        and not doc[j + 1].text.endswith("ed") and doc[j + 1].lower_ not in ("era", "style", "type", "like")


def _name_chain_end(doc: Doc, i: int, taken: set[int] = frozenset()) -> int:
    """The end of the proper name that starts at ``i`` (four name words at most, five with particles,
    none ``taken``): "Anna de Souza", "Anna van der Berg" (two particles), "Clara Ines Montoya de Rivas" (a particle inside), "Santiago Restrepo" (a capital's name in it),
    "Marija Trajkovska-Nikolovska" (a hyphen written without spaces)."""
    particles = lexicon().words("name_particles")
    j = i
    # every particle after the first is no word of the four ("Nasser bin Khalid bin Hamad Al-Kuwari")
    while j < len(doc) and j not in taken \
            and j - i - 2 * doc[i:j].text.count("-") - max(0, sum(t.lower_ in particles for t in doc[i + 1:j]) - 1) \
            < 4 + any(t.lower_ in particles for t in doc[i + 1:j]) and (
            _namelike(doc[j]) or (
            j > i and doc[j].lower_ in particles and j + 1 < len(doc) and (_namelike(doc[j + 1]) or (
                doc[j + 1].lower_ in particles and j + 2 < len(doc) and _namelike(doc[j + 2])))) or (
            j + 1 < len(doc) and _namelike(doc[j], capital=True) and _namelike(doc[j + 1])) or (
            j > i and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
            and j + 1 < len(doc) and _namelike(doc[j + 1], capital=True))):
        j += 1
    if j - i >= 2 and j + 1 not in taken and _lower_syllable(doc, j):
        j += 2  # "Han Mi-kyung"
    return j


def _title_determiner(token, title: Title) -> bool:
    """A word between an appositive comma and the title it opens: "the", "Peru's", "Peruvian"
    ("Ana Ruiz, Peru's foreign minister")."""
    if token.dep_ == "case" or token.dep_ == "det":
        return True
    on_title = token.dep_ in ("poss", "amod", "compound", "nmod") and title.start <= token.head.i < title.end
    in_possessive = token.head.dep_ == "poss" and token.dep_ in ("compound", "case")
    return on_title or in_possessive


def _meets_a_person(verb, token, covered: set[int]) -> bool:
    """``verb`` is a meeting or hosting verb (or a meeting noun) whose other side is a person already found."""
    lex = lexicon()
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in lex.words("meeting_nouns"):
        # "held three hours of talks with X, the party's top diplomat": a name set off with a description
        # (not "held talks with Lazard Freres"), the talks' verb's subject a person already found
        if not any(c.dep_ == "appos" for c in token.children):
            return False
        while verb.pos_ != "VERB" and verb.head.i != verb.i and verb.dep_ in ("pobj", "dobj", "prep", "nsubj"):
            verb = verb.head
        return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i in covered for c in verb.children)
    if verb.lemma_.lower() not in lex.words("meet_verbs") | lex.words("host_verbs"):
        return False
    others = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i != token.i]
    others += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.i != token.i]
    return any(o.i in covered for o in others)


def _right_name_words(doc: Doc, end: int, on: Date | None) -> int:
    """'the mines minister, Marcelo Quispe Flores' where NER stops at "Marcelo": the one or two
    capitalised proper nouns up to the head NER's last word is a compound of, unless they are an office's
    words or a place NER tagged as one (not "President X Lima")."""
    last = doc[end - 1]
    head = last.head
    if last.dep_ != "compound" or not end <= head.i <= end + 1:
        return end
    words = doc[end:head.i + 1]
    if all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.ent_type_  # (not another name NER gave)
           and fold(t.text) not in lexicon().title_words and geo.country_code(t.text, on, codes=False) is None
           for t in words):
        return head.i + 1
    return end


def _left_name_words(doc: Doc, start: int, end: int) -> int:
    """'his Vietnamese counterpart Dang Quoc Khanh' where NER starts at "Quoc" (also where it took the first
    word for a place it is not: "Rajendra Kumar Saxena"): the one or two capitalised
    proper nouns that open the chain of a name NER cut, a compound of a word inside it, unless it is
    a title, an honorific, a party word, a state or its demonym (not "Human Rights Louise X", where
    the chain goes on to the left, nor "High Commissioner for Refugees Ruud X", an office's field)."""
    k = start
    while k > 0 and start - k < 2:  # two words at most ("counterpart Ousmane Alassane X", the first taken for a place)
        t = doc[k - 1]
        if not (t.pos_ == "PROPN" and t.dep_ == "compound" and k <= t.head.i < end and t.text[:1].isupper()
                and t.tag_ == "NNP" and t.text.isalpha()
                and (not t.ent_type_ or (t.ent_type_ in ("GPE", "ORG") and geo.resolve_place(t.text) is None))
                and fold(t.text) not in _office_words() and geo.country_code(t.text, codes=False) is None):
            break
        k -= 1
    if k < start and (k < 1 or doc[k - 1].pos_ not in ("PROPN", "ADP")):
        return k
    return start


@cache
def _office_words() -> frozenset[str]:
    """Words that open an office or a style, never a name (titles, honorifics, prefixes, parties)."""
    lex = lexicon()
    return frozenset(lex.title_words | lex.honorifics | lex.prefixes | lex.words("party_words"))


def _particles(doc: Doc, spans: dict, covered: set[int]) -> None:
    """'Hans Van den Broek', 'Richard von Weizsaecker', 'Ahmed bin Salem': a name goes on over
    lower-case particles followed by a capitalised word that NER left out."""
    particles = lexicon().words("name_particles")
    for (start, end), mention in sorted(spans.items()):
        j = end
        if end - start >= 2 and doc[end - 1].lower_ in particles and end < len(doc) and end not in covered \
                and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end - 1].whitespace_:
            j = end + 1  # NER's "Miguel de la" before "Madrid": no name ends in a particle, whatever the word after is
        while j + 1 < len(doc) and doc[j].lower_ in particles and not doc[j].whitespace_ == "" \
                and (doc[j + 1].text[:1].isupper() or doc[j + 1].lower_ in particles) and j not in covered:
            k = j
            while k < len(doc) and doc[k].lower_ in particles:
                k += 1
            if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and k not in covered:
                j = k + 1
            elif k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha \
                    and (after := next((e for (s, e) in spans if s == k), None)) is not None:
                spans.pop((k, after))  # NER's "Pieter van" and "Linden": one name over "der"; "Maria" and
                j = after  # "Céu Amaral" over "do"
            else:
                break
        if j == end and end - start >= 2 and j + 1 not in covered and _lower_syllable(doc, j):
            j += 2  # "Han Mi-kyung", "Kim Jong-un": a given name's second syllable, in lower case
        if j > end:
            spans.pop((start, end))
            spans[(start, j)] = PersonMention(start, j, _name(doc, start, j), honorific=mention.honorific)
            covered.update(range(start, j))


def _hyphenated(doc: Doc, spans: dict, covered: set[int]) -> None:
    """'Kwabena Owusu-Ansah' when NER stops at "Owusu": a name goes on over a hyphen written
    without spaces into a capitalised word no other mention holds (not a state's name or demonym:
    "the Obama-era", "Aso-Japan"); and, after a name of two words, into a short syllable in lower case
    ("Han Mi-kyung")."""
    for (start, end), mention in sorted(spans.items()):
        j = end
        while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha and j + 1 not in covered \
                and geo.country_code(doc[j + 1].text, codes=False) is None:
            j += 2
        if j == end and end - start >= 2 and j + 1 not in covered and _lower_syllable(doc, j):
            j += 2  # "Han Mi-kyung", "Kim Jong-un": a given name's second syllable, in lower case
        if j > end:
            spans.pop((start, end))
            spans[(start, j)] = PersonMention(start, j, _name(doc, start, j), honorific=mention.honorific)
            covered.update(range(start, j))


def _glottal_stops(doc: Doc, spans: dict) -> None:
    """"Siaosi 'Ofa-ki-Vaihi Tu'ipulotu": a Polynesian name whose glottal stop, written as an
    apostrophe at the start of a word, the tokenizer split off (a space before it, none after), so NER
    saw two names; one name."""
    by_start = {start: end for start, end in spans}
    for (start, end), mention in sorted(spans.items()):
        nxt = by_start.get(end + 1)
        if nxt is None or end >= len(doc) or doc[end].text not in ("'", "\u2018") or doc[end].whitespace_ \
                or not doc[end - 1].whitespace_ or (start, end) not in spans or (end + 1, nxt) not in spans:
            continue
        spans.pop((start, end))
        spans.pop((end + 1, nxt))
        spans[(start, nxt)] = PersonMention(start, nxt, _name(doc, start, nxt), honorific=mention.honorific)


_QUOTES = frozenset({'"', "“", "”", "``", "''", "'"})


def _nicknames(doc: Doc, spans: dict, covered: set[int]) -> None:
    """'Ana "Nita" Bautista': a nickname in quotes inside a name, which NER ends at the nickname:
    one person, named without it."""
    for (s, e) in sorted(spans):
        for k in range(s + 1, min(e + 1, len(doc) - 3)):
            if doc[k].text in _QUOTES and doc[k + 2].text in _QUOTES and doc[k + 1].is_alpha \
                    and _namelike(doc[k + 3], capital=True) and doc[k + 3].pos_ == "PROPN":
                end = _name_chain_end(doc, k + 3)
                if (s, e) not in spans:
                    break
                first = spans.pop((s, e))
                for key in [key for key in spans if s <= key[0] < end]:
                    spans.pop(key)
                spans[(s, end)] = PersonMention(s, end, f"{_name(doc, s, k)} {_name(doc, k + 3, end)}",
                                                honorific=first.honorific)
                covered.update(range(s, end))
                break


def _split_names(doc: Doc, spans: dict, covered: set[int]) -> None:
    """'Jean-Paul Ndala Kabongo' when NER tags "Jean-Paul" and "Kabongo" but not "Ndala": two names
    with at most two capitalised proper nouns between them, all compounds of the last word (one flat
    noun phrase), are one name (not a state's name or an office word between them)."""
    offices = _office_words()
    particles = lexicon().words("name_particles")
    for (s1, e1) in sorted(spans):
        later = [(s2, e2) for s2, e2 in spans if e1 <= s2 <= e1 + 2]
        if (s1, e1) not in spans or not later:
            continue
        s2, e2 = min(later)
        gap = doc[e1:s2]
        head = doc[e2 - 1]
        # (or, right after the first, a family name with a particle, whatever the parse: "Maria Elena" and
        # "Soto de la Vega" are one name)
        compound = all(t.dep_ == "compound" and s1 <= t.head.i < e2 for t in doc[s1:e2 - 1] if not t.is_punct) \
            and head.dep_ != "compound"
        particled = s2 == e1 and doc[e1 - 1].whitespace_ == " " and e2 - s1 <= 6 \
            and any(t.lower_ in particles and t.is_lower for t in doc[s2 + 1:e2 - 1])
        if all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.i not in covered
               and t.lower_ not in offices and geo.country_code(t.text, codes=False) is None for t in gap) \
                and (compound or particled):
            first = spans.pop((s1, e1))
            spans.pop((s2, e2))
            spans[(s1, e2)] = PersonMention(s1, e2, _name(doc, s1, e2), honorific=first.honorific)
            covered.update(range(s1, e2))


def _name_span(doc: Doc, head) -> tuple[int, int]:
    """The proper-noun chain a name head closes: its contiguous compound children on the left."""
    lex = lexicon()
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i \
            and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and (doc[start - 1].ent_type_ in ("", "PERSON", "ORG")
                 or (doc[start - 1].ent_type_ == head.ent_type_ and doc[start].ent_iob_ == "I")) \
            and fold(doc[start - 1].text) not in lex.honorifics \
            and fold(doc[start - 1].text) not in lex.title_words \
            and fold(doc[start - 1].text) not in lex.words("organization_name_words"):  # "... Central Committee X Y"
        start -= 1
    while start > 1 and doc[start - 1].text == "-" and doc[start - 2].pos_ == "PROPN" \
            and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2  # "Jean-Yves Le Drian"
    return start, head.i + 1


def _name_partners(doc: Doc, spans: dict, covered: set[int], on: Date | None, titles: list[Title],
                   headline_end: int = 0) -> None:
    """Names coordinated with or in apposition to a person's name are persons too ("A and B",
    "his counterparts, A, B and C"), whatever NER called them; and a person's name takes in the
    proper nouns the parser puts in its chain ("Ana" of "Ana Ruiz" when only "Ruiz" was tagged)."""
    in_titles = {i for t in titles for i in range(t.start, t.end)}  # "FM X", "Chairman of the X Union X"
    for (start, end), mention in list(spans.items()):
        if (start, end) not in spans:
            continue  # taken into the name after it
        s, e = _name_span(doc, doc[end - 1])
        s = min(s, start)  # NER's "Shah Rahim" with "Qadri" after it: the chain of "Rahim" starts later
        if e >= headline_end:  # not in a title-cased headline ("X Visits Y")
            e = _name_head_after(doc, e, covered, on)
        s = max([s] + [i + 1 for i in range(s, start) if i in in_titles])  # not into "... of the African Union"
        # NER's "A B" and "C" where the parser chains A B into C: one name "A B C"
        before = next(((a, b) for (a, b) in spans if b == start and doc[b - 1].dep_ == "compound"
                       and doc[b - 1].head.i == end - 1 and "\n" not in doc[b - 1].whitespace_), None)
        if before is not None:
            s = before[0]
        if (s < start and (before or not any(i in covered for i in range(s, start)))) or e > end:
            s2, e2 = clean_person(doc, s, e)
            if (s2, e2) != (start, end) and plausible_person(_name(doc, s2, e2), on, ner=True):
                honorific = mention.honorific or (before is not None and spans.pop(before).honorific)
                spans.pop((start, end))
                for inside in [k for k in spans if s2 <= k[0] and k[1] <= e2]:
                    spans.pop(inside)  # "Omar Tarek" + "el-" + "Masri": NER's "Masri" is in the name
                spans[(s2, e2)] = PersonMention(s2, e2, _name(doc, s2, e2), honorific=honorific)
                covered.update(range(s2, e2))
    title_heads = {t.end - 1 for t in titles}
    changed = True
    while changed:
        changed = False
        heads = {doc[e - 1].i for (_, e) in spans} | title_heads
        for token in tokens_with(doc, {"<PROPN>"}):
            if token.i in covered or not token.text[:1].isupper():
                continue
            linked = (token.dep_ in ("conj", "appos") and token.head.i in heads) or any(
                c.dep_ in ("conj", "appos") and c.i in heads for c in token.children)
            if not linked:
                continue
            s, e = clean_person(doc, *_name_span(doc, token))
            if s >= e or any(i in covered for i in range(s, e)):
                continue
            name = _name(doc, s, e)
            if (len(name.split()) >= 2 or _surname_pair(doc, token, spans, on)) and plausible_person(name, on):
                spans[(s, e)] = PersonMention(s, e, name)
                covered.update(range(s, e))
                changed = True


def _name_head_after(doc: Doc, end: int, covered: set[int], on: Date | None) -> int:
    """'Vice Premier Li Wei' with only "Li" tagged: the proper noun the name's last word is a
    compound of, right after it (or two words on, with a compound of it between), closes the name
    (even a word that is a pronoun elsewhere)."""
    lex = lexicon()
    if end >= len(doc) or end in covered:
        return end
    last, nxt = doc[end - 1], doc[end]

    def closes(word, prev) -> bool:
        return word.text.isalpha() and not word.is_sent_start \
            and (word.pos_ == "PROPN" or (word.pos_ == "PRON" and word.text[1:].islower())) \
            and word.text[:1].isupper() and word.ent_type_ in ("", "PERSON", "GPE", "ORG") and "\n" not in prev.whitespace_ \
            and fold(word.text) not in lex.title_words and fold(word.text) not in lex.words("organization_name_words") \
            and fold(word.text) not in lex.honorifics and not geo.is_place_name(word.text)

    head = last.head.i
    # the head right after, or two words on with a compound of it between ("Amadou Sidi Kane"
    # with only "Amadou" tagged)
    if last.dep_ == "compound" and end <= head <= end + 1 and head < len(doc) \
            and all(closes(doc[k], doc[k - 1]) for k in range(end, head + 1)) \
            and all(doc[k].dep_ == "compound" and doc[k].head.i == head for k in range(end, head)) \
            and not any(k in covered for k in range(end, head + 1)):
        return head + 1
    # "President Omar Tarek el-Masri" with "Omar Tarek" tagged: an "el-" / "al-" surname after it
    if end + 2 < len(doc) and last.whitespace_ and nxt.lower_ in lex.words("name_particles") and not nxt.whitespace_ \
            and doc[end + 1].text == "-" and not doc[end + 1].whitespace_ and doc[end + 2].is_alpha \
            and doc[end + 2].text[:1].isupper() and not any(i in covered for i in range(end, end + 2)) \
            and not geo.is_place_name(doc[end + 2].text):
        return end + 3
    # "President Kang Jae-in" with "Kang Jae" tagged: the hyphenated given name's lower-case second half
    if nxt.text == "-" and not last.whitespace_ and not nxt.whitespace_ and end + 1 < len(doc) \
            and doc[end + 1].is_alpha and doc[end + 1].is_lower and len(doc[end + 1].text) <= 4 \
            and last.text[:1].isupper() and (end + 2 >= len(doc) or doc[end + 2].text != "-"):
        return end + 2
    # "Finance Minister Chung In-yong" with only "Chung" tagged: a hyphenated given name after it
    if last.dep_ == "compound" and last.head.i == end + 2 and end + 2 < len(doc) and last.whitespace_ \
            and nxt.pos_ == "PROPN" and nxt.text.isalpha() and nxt.text[:1].isupper() and not nxt.whitespace_ \
            and doc[end + 1].text == "-" and not doc[end + 1].whitespace_ and doc[end + 2].text.isalpha() \
            and not any(i in covered for i in range(end, end + 3)):
        return end + 3
    return end


def _surname_pair(doc: Doc, token, spans: dict, on: Date | None) -> bool:
    """'Petrov and Dravas will meet': one word joined by "and" to a one-word person name is a
    surname too, unless NER or the gazetteers call it a place or a people."""
    if token.ent_type_ in ("GPE", "LOC", "NORP", "FAC") or geo.resolve_place(token.text, on) \
            or geo.country_code(token.text, on, codes=False):
        return False
    one_word = {e - 1 for (s, e) in spans if e - s == 1}
    return (token.dep_ == "conj" and token.head.i in one_word) or any(
        c.dep_ == "conj" and c.i in one_word for c in token.children)


def _trim_headline(doc: Doc, spans: dict, headline_end: int) -> None:
    """In a title-cased headline every word looks like a name ("Clark Holds Talks"): cut a
    headline name at the first word the body uses in lower case (a common word, not a name)."""
    if not any(start < headline_end for start, _ in spans):
        return
    common = {t.lower_ for t in doc[headline_end:] if t.text.islower()}
    common |= {t.lemma_.lower() for t in doc[headline_end:] if t.text.islower()}

    def is_common(word: str) -> bool:
        w = word.lower()
        return w in common or w.rstrip("s") in common or (w.endswith("es") and w[:-2] in common)

    body_names = [fold(m.name).split() for k, m in spans.items() if k[0] >= headline_end]
    body_surnames = {name[-1] for name in body_names}
    for key in [k for k in spans if k[0] < headline_end]:
        mention = spans.pop(key)
        end = mention.start
        while end < mention.end and not is_common(doc[end].text):
            end += 1
        words = fold(_name(doc, mention.start, end)).split()
        for name in body_names:  # "Clark Holds" with "Joe Clark" in the body: "Clark"
            if words and words[0] == name[-1] and not set(words[1:]) & set(name):
                end = mention.start + 1
        words = fold(_name(doc, mention.start, end)).split()
        if not any(similar(words[-1], s) for s in body_surnames) if words else True:
            if body_surnames or doc[mention.start].ent_type_ != "PERSON":
                continue  # a headline "name" the body never names is a headline word
        if end > mention.start:
            spans[(mention.start, end)] = PersonMention(mention.start, end, _name(doc, mention.start, end))


def _hyphen_pairs(doc: Doc, spans: dict, covered: set[int]) -> None:
    """'the Petrov-Li summit', 'the Dravas-Kang meeting': two names of persons named in full elsewhere,
    joined by a hyphen, are two persons (NER may take "Petrov-Li" for one name, or miss one side)."""
    words: dict[str, set[tuple[int, int]]] = {}
    for key, m in spans.items():
        if len(m.name.split()) > 1:
            for w in m.name.split():
                words.setdefault(fold(w), set()).add(key)
    for token in tokens_with(doc, {"-"}) if words else ():
        if token.i == 0 or token.i == len(doc) - 1:
            continue
        a, b = doc[token.i - 1], doc[token.i + 1]
        if token.text != "-" or a.whitespace_ or token.whitespace_ or not (a.text[:1].isupper() and b.text[:1].isupper()):
            continue
        if not (words.get(fold(a.text)) and words.get(fold(b.text))) or words[fold(a.text)] == words[fold(b.text)]:
            continue  # "Jean-Yves": one name's own words
        for key in [k for k in spans if k[0] <= a.i and b.i < k[1]]:
            spans.pop(key)  # NER's one name "Petrov-Li"
            covered.difference_update(range(*key))
        for t in (a, b):
            if t.i not in covered:
                spans[(t.i, t.i + 1)] = PersonMention(t.i, t.i + 1, t.text)
                covered.add(t.i)


def _surname_repeats(doc: Doc, spans: dict, covered: set[int], titled: set[int] = frozenset()) -> None:
    """A capitalised token equal to the surname of a person named in full elsewhere in the
    article, or to a one-word name that stands after a title ("security minister Sukarto"), is
    that person, whatever label NER gave it ("Dravas" tagged ORG, "Sukarto" tagged GPE)."""
    surnames = {fold(m.name.split()[-1]) for m in spans.values() if len(m.name.split()) > 1}
    surnames |= {fold(m.name) for (start, _), m in spans.items() if start in titled and len(m.name.split()) == 1}
    # any word of a name of three words or more, when no other name has it ("Tavo" of "Jose Maria
    # Tavo da Costa", "Park" of "Park Min Ho")
    skip = lexicon().words("name_particles") | lexicon().honorifics
    owners: dict[str, set[str]] = {}
    for m in spans.values():
        for word in m.name.split() if len(m.name.split()) > 1 else ():  # a one-word "Tavo" is no other owner
            owners.setdefault(fold(word), set()).add(fold(m.name))
    surnames |= {fold(w) for m in spans.values() if len(m.name.split()) >= 3 for w in m.name.split()
                 if len(w) > 2 and w[:1].isupper() and fold(w) not in skip and len(owners[fold(w)]) == 1}
    # the first word of a titled two-word name, standing alone as a subject, object or owner: a
    # family name written first ("Foreign Minister Wang Lei" ... "Wang also held talks"; after a
    # rank too: "Air Chief Marshal Prasong Wattanakul" ... "Prasong had been due"), when no other name has it
    firsts = {fold(m.name.split()[0]) for (start, _), m in spans.items()
              if (start in titled or honorific_before(doc, start)) and len(m.name.split()) == 2
              and len(m.name.split()[0]) > 2 and len(owners[fold(m.name.split()[0])]) == 1} - surnames - skip
    surnames -= skip  # an honorific is nobody's surname ("Datuk" of a name NER took it into)
    # proper nouns, and the surnames themselves whatever part of speech the tagger gave them
    # ("Maltesi will meet ..." read as a plural of a nationality)
    lowered: set[str] | None = None  # the text's lower-case words, when needed: "Grace" is a name only where "grace" is no word
    # (the words as written too: a folded "guemes" finds no "Güemes" the tagger did not call a proper noun)
    written = {w.lower() for m in spans.values() for w in m.name.split() if fold(w) in surnames | firsts}
    for token in tokens_with(doc, {"<PROPN>"} | surnames | firsts | written):
        if token.i in covered or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        if fold(token.text) in firsts and token.pos_ == "NOUN" and token.dep_ == "nsubj" and lowered is None:
            lowered = {t.text for t in doc if t.text.islower()}
        first = fold(token.text) in firsts and (token.pos_ == "PROPN" or (
            token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.lower_ not in lowered)) \
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj")  # "she and Park are to ..."
        # (a subject the tagger read as a common noun: "Ahn plans to visit ..." with "plans" a noun)
        if (fold(token.text) in surnames or first) and len(token.text) > 2 \
                and not geo.country_code(token.text, codes=False):
            # a nationality is no surname to repeat (a headline read as "Visits Dutch", then "Dutch Trade Minister")
            spans[(token.i, token.i + 1)] = PersonMention(token.i, token.i + 1, token.text)
            covered.add(token.i)
    # a hyphenated surname is three tokens ("Owusu-Ansah met ...": NER may call it an organisation)
    hyphened = {tuple(fold(w) for w in m.name.split()[-1].split("-")) for m in spans.values()
                if len(m.name.split()) > 1 and m.name.split()[-1].count("-") == 1}
    for token in tokens_with(doc, {"-"}) if hyphened else ():
        i = token.i
        if 0 < i < len(doc) - 1 and not {i - 1, i, i + 1} & covered and not doc[i - 1].whitespace_ \
                and not token.whitespace_ and (fold(doc[i - 1].text), fold(doc[i + 1].text)) in hyphened:
            spans[(i - 1, i + 2)] = PersonMention(i - 1, i + 2, _name(doc, i - 1, i + 2))
            covered.update((i - 1, i, i + 1))


def _namelike(token, capital: bool = False) -> bool:
    """A word of a name standing right after a title. NER sometimes calls such names a place or
    an organisation ("UN Secretary-General X" tagged GPE, "King X" tagged ORG, "Governor X" tagged
    LOC, "his counterpart X" tagged PRODUCT, a name set off after an office a work of art): after a title a capitalised proper noun is a name unless it
    is itself a country or demonym
    (``capital``: a capital's name may be, "President Santiago Restrepo", when a name word follows it)."""
    return (
        token.text[:1].isupper()
        and (token.pos_ == "PROPN" or unknown_verb(token))
        and token.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")
        and (token.text.isalpha() or INITIAL_NAME.fullmatch(token.text) is not None  # "D.Batbayar"
             or HYPHEN_NAME_WORD.fullmatch(token.text) is not None  # "Jae-in", one token (kg.nlp)
             or token.lower_ in lexicon().words("name_abbreviations"))  # "Md. Rafiqul Islam"
        and geo.country_code(token.text, codes=False, capitals=not capital) is None
        and (token.ent_type_ != "LOC" or _unknown_place(token))
    )


def _unknown_place(token) -> bool:
    """A place NER found that names none we know, with no demonym in it ("Adrianus Siregar" after a
    title, not "Korean Peninsula")."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and geo.resolve_place(ent.text) is None \
        and not any(geo.is_demonym(t.text) or geo.country_code(t.text, codes=False) for t in ent)


def _ner_end(spans: dict, start: int) -> int:
    """The end of the name NER found starting at ``start`` (``start`` when none does)."""
    return max((e for s, e in spans if s == start), default=start)


def _one_noun_phrase(doc: Doc, start: int, end: int) -> bool:
    """``start:end`` is one proper-noun chain: every word but the last a compound inside it, the last
    its head ("President Marcelo Tavares Lins", where NER took "Marcelo" and "Lins" apart; not
    "Secretary X's Moscow talks", where "Moscow" belongs to "talks")."""
    last = doc[end - 1]
    particles = lexicon().words("name_particles")
    # ("Clara Ines Montoya de Rivas": "Ines" and "de" read as modifiers inside it)
    if all((t.dep_ in ("compound", "nmod") and start <= t.head.i < end) or (t.text == "-" and not t.whitespace_)
           or (t.lower_ in particles and start < t.i) for t in doc[start:end - 1]) \
            and not (last.dep_ == "compound" and not start <= last.head.i < end):
        return True
    # "Sheikh Ahmad Salem Al-Sabah" parsed as "Ahmad" with "Al-Sabah" in apposition: one word heads the
    # chain from outside, every other hangs inside it as a compound, an apposition or a hyphen
    outside = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    return len(outside) == 1 and outside[0].dep_ != "compound" and all(
        t.i == outside[0].i or t.dep_ in ("compound", "appos") or (t.text == "-" and not t.whitespace_)
        for t in doc[start:end])


def _name(doc: Doc, start: int, end: int) -> str:
    return " ".join(t.text for t in doc[start:end] if not t.is_space).replace(" - ", "-").replace(" '", "'")


def _bind_titles(doc: Doc, persons: list[PersonMention], titles: list[Title]) -> None:
    by_end = {t.end: t for t in titles}
    by_start = {t.start: t for t in titles}
    ranks, styles = lexicon().words("qualified_only"), lexicon().words("royal_styles")
    starts = {p.start for p in persons}
    for person in persons:
        # "Foreign Minister X" (also "State Councilor and Foreign Minister X": the nearest title;
        # "Prime Minister Datuk Seri X": styles between title and name)
        k = person.start
        while k > 0 and k not in by_end and (step := honorific_before(doc, k)):
            k -= step  # "Air Chief Marshal", "Tan Sri": a style of several words
            if k > 1 and k not in by_end and doc[k - 1].lower_ == "the" and k - 1 in by_end \
                    and not honorific_before(doc, k - 1):
                k -= 1  # "Prime Minister the Most Hon. X" (not "..., Senator the Hon. X": a rank, see _apposition)
        if k not in by_end and k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "(" and doc[k - 2].is_upper \
                and k - 3 in by_end:
            k -= 3  # "Chief of Army Staff (COAS) General X": the office's abbreviation between
        elif k not in by_end and k >= 3 and doc[k - 1].text == ")" \
                and (opening := next((j for j in range(k - 2, max(0, k - 10), -1) if doc[j].text == "("), None)) is not None \
                and opening in by_end and not any(t.text in ("(", ")") for t in doc[opening + 1:k - 1]):
            k = opening  # "Ambassador of Estonia to Kyrgyzstan (resident in Astana) Ms. X": a note between
        title = by_end.get(person.start) or by_end.get(k)
        if title is None and person.start >= 2 and doc[person.start - 1].text in ("(", ","):
            title = None
        if title is None or (title.phrase in ranks and not title.country):
            # "the army commander, General X": the rank is a style before the name; the office is the apposition's
            title = _apposition(doc, person, by_start, by_end, starts) or title
        if title is None:
            title = _predicated(doc, person, titles)
        elif (also := _predicated(doc, person, titles)) is not None and also.start > person.end \
                and (also.phrase, also.country) != (title.phrase, title.country) \
                and _who_is(doc[person.end:also.start]):
            person.more_titles.append(also)  # "President X, who is the SADC chairperson": both
        person.title = title
        while title is not None:
            if title.phrase in styles and title.start in by_end:
                title = by_end[title.start]  # "Foreign Minister Prince X": both are the person's
            elif title.phrase not in styles and title.start >= 2 and doc[title.start - 1].lower_ in ("and", "&", ","):
                title = by_end.get(title.start - 1)  # "State Councilor and Foreign Minister X" (not "the Queen and Prince X")
                if title is not None and doc[title.end].text == "," and says_at(doc, person.end):
                    title = None  # "hosted by the Peruvian minister, ministry spokeswoman X said": another's office
            else:
                break
            if title is not None:
                person.more_titles.append(title)
        first = person.title
        while first is not None and first.start > person.end and (k := _rest_of_office(doc, first.end, starts)) + 1 < len(doc) \
                and doc[k].lower_ == "and" and k + 1 in by_start:
            # "X, Kuwait's Deputy Prime Minister and Foreign Minister": the second office is X's too, of that state
            # (also after the office's words it did not take: "Deputy Chairman of the Cabinet of Ministers and ...")
            second = by_start[k + 1]
            if any(other.start in (second.end, second.end + 1) for other in persons):
                break  # "X, the foreign minister, and Defence Minister Y": the second office is Y's
            second = replace(second, country=second.country or first.country)
            person.more_titles.append(second)
            first = second
        chair = _chairing(doc, person)
        if chair is not None and not any(t.country == chair.country for t in person.all_titles):
            if person.title is None:
                person.title = chair
            else:
                person.more_titles.append(chair)


def _who_is(between: Span) -> bool:
    """', who is (also) the', ', who serves as': a relative clause of being, in the present, and nothing
    else, between a name and an office (not "X on Tuesday appointed Y as minister", "X became the first
    ...", "X, who was the chairperson last year")."""
    words = [t for t in between if not t.is_punct]
    return 2 <= len(words) <= 6 and words[0].lower_ in ("who", "that") and words[1].lemma_ in ("be", "serve", "act") \
        and words[1].tag_ in ("VBZ", "VBP") \
        and not any(t.pos_ in ("VERB", "AUX") for t in words[2:])  # (", who is the SADC| chairperson")


def _rest_of_office(doc: Doc, end: int, starts: set[int]) -> int:
    """Past the capitalised words of an office's name its title did not take ("Deputy Chairman of
    the Cabinet| of Ministers"), up to a name: where the next word after the office is."""
    k = end
    while k < len(doc) and k < end + 6 and k not in starts and (
            doc[k].lower_ in ("of", "the") or (doc[k].is_title and doc[k].pos_ in ("PROPN", "NOUN"))):
        k += 1
    return k


def _chairing(doc: Doc, person: PersonMention) -> Title | None:
    """'X, who currently chairs the African Union, said': one who chairs an international
    organisation now (a relative clause on the name, in the present) holds its chair."""
    head = doc[person.end - 1]
    for verb in head.children:
        if verb.dep_ != "relcl" or verb.lemma_.lower() != "chair" or verb.tag_ != "VBZ" \
                or not any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in verb.children):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            org = io_name(doc[obj.left_edge.i:obj.i + 1].text)
            if org:
                return Title(verb.i, obj.i + 1, "chair", False, "io:" + org)
    return None


def _predicated(doc: Doc, person: PersonMention, titles: list[Title]) -> Title | None:
    """'X is the foreign minister', 'X, who is the secretary of state', 'X, who serves as Peru's
    foreign minister': a title that is the attribute of a copula (or the object of 'as' after
    'serve' or 'act') whose subject is the person (or a relative pronoun standing for them)."""
    head = doc[person.end - 1]
    taking = lexicon().words("take_office_verbs")  # "X was sworn in as Y", "X became Y", "X was appointed Y"
    copular = frozenset({"be", "serve", "act"}) | taking  # "X is the Y", "X, who serves as Peru's foreign minister"
    copulas = []
    if (head.dep_ == "nsubj" or (head.dep_ == "nsubjpass" and head.head.lemma_ in taking)) and head.head.lemma_ in copular \
            and not any(c.dep_ == "csubj" for c in head.head.children):  # not "Accompanying X are Y and Z"
        copulas.append(head.head)
    copulas += [c for c in head.children if c.dep_ == "relcl" and c.lemma_ in copular
                and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that") for s in c.children)]
    k = person.end + (1 if person.end < len(doc) and doc[person.end].text == "," else 0)
    if k < len(doc) and doc[k].lower_ == "who" and doc[k].head.lemma_ in copular:
        copulas.append(doc[k].head)  # "X who is the Y", whatever the relative clause hangs on
    for verb in copulas:
        attrs = [c for c in verb.children if c.dep_ == "attr"] if verb.lemma_ == "be" else \
            [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        if verb.lemma_ in taking:
            attrs += [c for c in verb.children if c.dep_ in ("attr", "oprd")]
        for attr in attrs:
            for title in titles:
                if title.start <= attr.i < title.end and not any(t.dep_ == "neg" for t in verb.children):
                    if verb.lemma_ in taking:
                        return title  # "was sworn in as president": holds it since
                    if verb.tag_ == "VBD" and (verb.lemma_ != "be" or any(
                            c.dep_ == "prep" and c.lower_ in ("until", "till") for c in verb.children)):
                        # "X, who was the envoy until May", "X served as foreign minister": held then, not now
                        return replace(title, former=True)
                    return title
    return None


def _apposition(doc: Doc, person: PersonMention, by_start: dict, by_end: dict,
                starts: frozenset[int] | set[int] = frozenset()) -> Title | None:
    """'X, the US ambassador to China,' / 'the US ambassador to China, X' / 'X, Japan's premier'.

    The parser must agree that the two stand in apposition (an ``appos`` arc between the name
    and the title phrase): a comma alone also ends clauses ("as US President, X said")."""
    name_tokens = {t.i for t in doc[person.start:person.end]}

    def linked(title: Title) -> bool:
        title_tokens = set(range(title.start, title.end))
        for t in doc[person.start:person.end]:
            if t.dep_ == "appos" and (t.head.i in title_tokens or _within_np(doc, t.head, title)):
                return True
        for i in title_tokens:
            t = doc[i]
            if t.dep_ == "appos" and t.head.i in name_tokens:
                return True
            if t.head.dep_ == "appos" and t.head.head.i in name_tokens:
                return True
        return False

    j = person.start - 1
    styled = False
    while j > 0:
        step = honorific_before(doc, j + 1)
        if step:
            j -= step  # "the army commander, General X", "Deputy Prime Minister, Air Chief Marshal X"
            styled = True
        elif styled and doc[j].lower_ == "the":
            j -= 1  # "Minister of Foreign Affairs, the Hon. X"
        elif styled and j in by_end and by_end[j].start - 1 > 0 and doc[by_end[j].start - 1].text == ",":
            j = by_end[j].start - 1  # "..., Senator the Hon. X": a rank of the person's own before the style
        else:
            break
    styled_at = j
    if j >= 2 and doc[j].text == "," and j in by_end and (
            _definite_title(doc, by_end[j]) or _after_definite(doc, by_end[j], by_end) or _bare_argument(doc, by_end[j], styled)):
        title = by_end[j]
        k = title.start - 2  # "the Chief of Staff to the President, X": the office before "to the"
        if k >= 1 and doc[k].lower_ == "to" and doc[k + 1].lower_ == "the" and k in by_end:
            return by_end[k]
        return title  # "The President of France, Nicolas Sarkozy said"
    if j >= 2 and doc[j].text == ",":
        # "the Ambassador of Japan to South Africa, Mr. X": the post after the title
        k = j - 1
        while k > 0 and j - k <= 4 and (doc[k].pos_ == "PROPN" or doc[k].lower_ == "the"):
            k -= 1
        if k < j - 1 and doc[k].lower_ == "to" and k in by_end and _definite_title(doc, by_end[k]):
            return by_end[k]
    i = person.end
    if i < len(doc) and doc[i].text == ",":
        for k in range(i + 1, min(len(doc), i + 7)):
            if k in by_start:
                title = by_start[k]
                after = doc[title.end] if title.end < len(doc) else None
                if after is not None and after.pos_ == "VERB" and after.tag_ in ("VB", "VBP"):
                    return None  # a headline's "X, Djiboutian president discuss ...": two subjects of a plural verb
                if title.end in starts:
                    return None  # "a summit of X, the Chairman of the Presidency of Y Z and ...": Z's office
                return title if linked(title) else None
            if doc[k].is_punct and doc[k].text not in ("'s",):
                break
    j = styled_at  # "Fiji's High Commissioner in Canberra, Ratu X": the style is no word of the office's phrase
    if j >= 1 and doc[j].text == ",":
        for k in range(j, max(0, j - 6), -1):
            if any(t.pos_ in ("VERB", "AUX") for t in doc[k:j]):
                break  # "The Philippine president hosted his counterpart, X": another clause's office
            if k in by_end:
                return by_end[k] if linked(by_end[k]) else None
    return None


def _bare_argument(doc: Doc, title: Title, styled: bool) -> bool:
    """'chaired by Prime Minister of Barbados, the Hon. X', 'Prime Minister, the Most Hon. X, departed':
    an office with no article, then a comma and a name, is the name's when the office names its
    state or a style opens the name (the agency style), and no "as" or "like" makes it a role
    ("As prime minister, X said")."""
    k = title.start - 1
    while k >= 0 and (doc[k].text[:1].isupper() or doc[k].text in ("'s", "’s", ".")) and not doc[k].is_sent_start:
        k -= 1  # over the state before the office: "as US President, X said"
    if k >= 0 and doc[k].lower_ in ("as", "like", "unlike", "than", "former", "ex", "his", "her", "their", "its"):
        return False
    return styled or bool(title.country)


def _after_definite(doc: Doc, title: Title, by_end: dict) -> bool:
    """'the Chairman of the Authority and President of Ghana, X': the second of two offices joined
    by 'and' after 'the' (one person holding both); 'the Prime Minister, Head of Government, X', "Mali's
    Minister of State, Minister of Foreign Affairs, X": the second set off by commas, as official
    styles chain one person's offices."""
    k = title.start - 1
    chained = lexicon().words("chained_offices")
    return k >= 1 and k in by_end and _definite_title(doc, by_end[k]) and (doc[k].lower_ == "and" or (
        doc[k].text == "," and doc[title.end].text == "," and {title.phrase, by_end[k].phrase} & chained))


def _definite_title(doc: Doc, title: Title) -> bool:
    """A title phrase introduced by 'the', a possessive or a state ('the army commander',
    "China's visiting military chief", 'the Russian foreign minister')."""
    k = title.start - 1
    while k >= 0 and doc[k].lower_ != "the" and (doc[k].is_lower and doc[k].pos_ in ("ADJ", "VERB") or hyphen_joined(doc, k)):
        k -= 1  # "the visiting minister", "the 42-year-old premier"
    while k >= 0 and (doc[k].ent_type_ in ("NORP", "GPE", "ORG") or doc[k].text in ("'s", "’s")
                      or geo.is_demonym(doc[k].text)) and doc[k].lower_ != "the":  # ("Moldovan" tagged a person)
        if doc[k].text in ("'s", "’s"):
            return True  # "China's visiting military chief"
        k -= 1  # "the Chinese Defence Ministry spokesman"
    return k >= 0 and (doc[k].lower_ in ("the", "this", "that") or doc[k].dep_ == "poss" or doc[k + 1].text in ("'s", "’s"))


def _within_np(doc: Doc, head, title: Title) -> bool:
    """Is ``head`` the noun the title phrase belongs to ('ambassador' in 'the US ambassador to
    China', 'policy' in 'the minister in charge of energy policy')?"""
    if head.pos_ not in ("NOUN", "PROPN") or head.i < title.start:
        return False
    if head.i < title.end + 4:
        return True
    last = doc[title.end - 1]  # a longer phrase of the office's own, with no comma in it
    return head.i < title.end + 8 and any(t.i == head.i for t in last.subtree) \
        and not any(t.is_punct for t in doc[title.end:head.i])
