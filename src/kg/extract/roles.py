"""The language operations constructions name: role finders (``"find"``) and checks (``"post"``).

(The checks constructions name, ``"post"``, are in :mod:`kg.extract.checks`.)

A finder takes the trigger token and returns the tokens (or ready actors) that fill a role; the
construction's ``take`` then resolves tokens to persons, actors or places. A post check takes a
:class:`Found` and returns the facts to keep (none, the same, a narrowed or a split one). These are
operations on English grammar and on the article's entities, never on particular words of an
article: which words trigger what is in ``lexicons/constructions.jsonl`` and ``language.json``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg import geo
from kg.extract.context import Actor, Context, lead_sentences, nationality_only
from kg.extract.lexicon import lexicon
from kg.extract.syntax import governing_verb, prep_objects, reported_by, subject_of
from kg.nlp import DASHES

Finder = Callable[[Context, Token, dict], list]  # (context, trigger, roles filled so far) -> fillers


# -- finders ---------------------------------------------------------------------------------
def _subject(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The subject of the trigger's clause; for a group ("a delegation", "the officials") the
    persons who lead it or whom the sentence lists as its members."""
    subj = subject_of(trigger)
    if subj is None:
        return []
    if ctx.actors_of(subj, persons_only=True):
        likewise = _as_did(trigger)
        if likewise:
            return [subj, *likewise]  # "A attended the ceremony, as did B and C"
        # "A and B signed" parsed as two subjects of one verb: both
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            # "A and B, who met in Lima": a relative clause of meeting describes both (not "A and B,
            # who arrived on Wednesday": B arrived)
            collective = trigger.lemma_.lower() in lexicon().words("meet_verbs")
            return sorted([subj, *(c for c in subj.conjuncts if ctx.actors_of(c, persons_only=True))], key=lambda t: t.i) \
                if collective and any(c.dep_ == "relcl" and c.i > subj.i for c in subj.children) else [subj]
        out = []
        for c in (c for c in subj.head.children if c.dep_ == subj.dep_):
            # "The leaders of the bloc - A, B, C and D - met" with D left as a second subject
            out += [c] if ctx.actors_of(c, persons_only=True) else _dash_listed(ctx, c)
        return sorted(out, key=lambda t: t.i)
    return _led_by(ctx, subj) or _members(ctx, subj) or _dash_listed(ctx, subj) or [subj]


def _as_did(verb: Token) -> list[Token]:
    """'A attended the ceremony, as did B and C': the subjects of an "as did" clause on ``verb``,
    who did the same."""
    if verb.pos_ != "VERB":
        return []
    return [s for a in verb.children if a.dep_ == "advcl" and a.lemma_ == "do"
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in a.children)
            for s in a.children if s.dep_ in ("nsubj", "nsubjpass")]


def _dash_listed(ctx: Context, group: Token) -> list[Token]:
    """'The leaders of the bloc - A, B and C - met': the persons a plural group's "of" lists after a
    dash, or after a comma that ends a list of states ("the presidents of Poland and Peru, A and B");
    not "the wives of A and B" (no dash, not the group's own members)."""
    if group.tag_ not in ("NNS", "NNPS"):
        return []
    out = []
    for prep in (p for p in group.children if p.dep_ == "prep" and p.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and ctx.actors_of(o, persons_only=True)):
            first = min((m.start for m in ctx.persons if obj.left_edge.i <= m.start <= obj.right_edge.i), default=obj.i)
            between = ctx.doc[prep.i + 1:first]
            if any(t.text in DASHES for t in between) or (
                    first > prep.i + 1 and ctx.doc[first - 1].text == "," and all(
                        t.i in ctx.token_place for t in between if t.pos_ == "PROPN")):
                out.append(obj)  # "the presidents of A and B, X and Y": the states' list, then theirs
    return out


def _members(ctx: Context, group: Token) -> list[Token]:
    """'the list of officials who might visit X will include A, B and C' -> A, B, C: persons in
    the object of a verb of inclusion whose subject contains the group."""
    include = lexicon().words("include_verbs")
    for token in group.sent:
        if token.lemma_.lower() not in include or token.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or group.i not in {t.i for t in subj.subtree}:
            continue
        out = [t for obj in token.children if obj.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "npadvmod")
               for t in obj.subtree if ctx.person_at(t) and (t.i + 1 >= len(t.doc) or ctx.person_at(t.doc[t.i + 1]) != ctx.person_at(t))]
        if out:
            return out
    return []


def _led_by(ctx: Context, group: Token) -> list[Token]:
    """'the delegation, led by X' / 'a delegation headed by X': the leader is the one named."""
    if ctx.person_at(group):
        return []
    lead = lexicon().words("lead_verbs")
    holders = [group]
    if group.lemma_.lower() in lexicon().words("delegation_nouns"):
        # "a delegation from Niger's government led by X", the "from" phrase hung on the delegation
        # or on the verb that has the delegation as its object
        owners = [group] + ([group.head] if group.dep_ == "dobj" else [])
        holders += [o for h in owners for o in prep_objects(h, {"from"})]
        holders += prep_objects(group, {"of"})  # "a team of senior officials led by X"
    for child in (c for h in holders for c in h.children):
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lead:
            objs = prep_objects(child, {"by"})
            if objs:
                return objs
    return []


def _clause_subject(ctx: Context, trigger: Token, roles: dict | None = None, depth: int = 0) -> list:
    """The subject of the verb a noun depends on ("X paid a visit to Y", "X held talks"), unless
    that verb only reports the noun's clause ("X said the visit ..."). When that subject is itself
    an event ("X arrived for a visit that includes talks with Y"), the one who makes that event."""
    verb = governing_verb(trigger)
    if verb is None:
        return []
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i == verb.i \
            and trigger.lemma_.lower() in lexicon().words("travel_nouns"):
        return []  # "the prime minister's trip will include talks with Y": the trip is the subject, Y no traveler
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.pos_ == "PROPN"
                                                  and c.ent_type_ not in ("DATE", "TIME") for c in trigger.children):
        # "during Y's visit, X gave him a tour": a named owner's, even one not read as a person
        # (a date is no owner: "Thursday's meeting")
        return []
    if trigger.dep_ == "pobj" and (trigger.head.lower_ in lexicon().words("cause_words") or (
            trigger.head.lower_ in ("of", "to") and trigger.head.head.lower_ in lexicon().words("cause_words"))):
        return []  # "X postponed a visit because of the summit in Y": a cause, not X's doing
    if verb.lemma_.lower() in lexicon().words("speech_verbs") and reported_by(trigger, verb):
        return []
    dispatch = lexicon().words("dispatch_words")
    if any(t.lemma_.lower() in dispatch for t in [trigger.head, trigger.head.head][: 2 if trigger.dep_ == "pobj" else 1]):
        return []  # "X directed the deployment of a mission to Y", "X deployed a mission": others go
    if verb.lemma_.lower() in lexicon().words("host_verbs") and trigger.lemma_.lower() in lexicon().words("travel_nouns") \
            and trigger.dep_ == "pobj" and trigger.head.head.i == verb.i:
        # "X will host Y for a state visit": the guest makes the visit
        guests = [c for c in verb.children if c.dep_ == "dobj"]
        if guests:
            return guests
    raw = subject_of(verb)
    if depth < 2 and raw is not None and raw.pos_ == "NOUN" and raw.i != trigger.i \
            and raw.lemma_.lower() in lexicon().words("travel_nouns") and not ctx.actors_of(raw, persons_only=True):
        # "X's Washington trip will include talks with Y", "arrived for a visit that includes talks with Y":
        # the trip's maker holds the talks
        return _possessor(ctx, raw) or _clause_subject(ctx, raw, None, depth + 1)
    found = _subject(ctx, verb)
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "on") and verb.dep_ == "ccomp" \
            and verb.head.lemma_.lower() in lexicon().words("speech_verbs") \
            and not (found and ctx.actors_of(found[0], persons_only=True)):
        # "X declared that America was winning the war during a visit to Iraq": no person's clause
        # inside, so the one who spoke there made the visit
        speaker = _subject(ctx, verb.head)
        if speaker and ctx.actors_of(speaker[0], persons_only=True):
            return speaker
    if depth < 2 and found and not ctx.actors_of(found[0]) and found[0].pos_ == "NOUN" \
            and found[0].lemma_.lower() in lexicon().words("travel_nouns") | lexicon().words("meeting_nouns"):
        return _possessor(ctx, found[0]) or _clause_subject(ctx, found[0], None, depth + 1)
    return found


def _possessor(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'his visit', "X's trip", 'the Vega visit' (a person as compound)."""
    return [c for c in trigger.children if c.dep_ == "poss" or (c.dep_ == "compound" and ctx.person_at(c))]


def _np_owner(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X, on the first day of an official visit to Y, said': a noun inside prepositional
    modifiers of a person's name belongs to that person."""
    token = trigger
    for _ in range(8):
        if token.dep_ not in ("pobj", "prep") or token.head.i == token.i:
            break
        token = token.head
        if ctx.person_at(token):
            return [token]
    return []


def _head_noun(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The noun a participle modifies: 'the visiting minister', 'officials attending'."""
    if trigger.dep_ not in ("amod", "acl", "compound"):
        return []
    head = trigger.head
    while head.dep_ == "compound" and head.head.i != head.i:  # "visiting Finance Minister Ana Ruiz"
        head = head.head
    return [head]


def _host_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The state of the one who receives: 'X received Y' -> X's country (Y goes there), or the
    state of an office that names no one as the subject ("the Philippine president received Y"; not
    "Y may be received by the Saudi king", a question of the trip told before)."""
    subj = subject_of(trigger)
    active = subj is not None and not any(c.dep_ == "auxpass" for c in trigger.children)
    if not active:
        objs = prep_objects(trigger, {"by"})
        subj = objs[0] if objs else None
    if subj is None:
        return []
    for actor in ctx.actors_of(subj):
        if actor.country:
            return [ctx.country_actor(actor.country)]
    title = ctx.token_title.get(subj.i)
    if active and title is not None and title.country and not title.country.startswith("io:"):
        return [ctx.country_actor(title.country)]  # "The Philippine president hosted X": no name, a state
    return []


_MODIFIERS = ("amod", "compound", "nmod")  # "the visiting minister": a participle inside a noun phrase


def _clause_place(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """Where the clause of the trigger happens: 'in/at X' on its verb, on the trigger, or hung
    by the parser on the one met ('met X in Paris', 'talks with X in Paris', 'called on X in Paris'),
    or the place a where-clause hangs on ('from Kigali, where he held talks with X')."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ not in _MODIFIERS else governing_verb(trigger)
    wheres = []
    for token in (trigger, verb):
        if token is None:
            continue
        here = prep_objects(token, {"in", "at"})
        if token is verb and (any(c.dep_ == "conj" and c.pos_ == "ADP" for c in token.children) or len(
                {ctx.token_place[w.i].place.code for w in here if w.i in ctx.token_place}) > 1):
            continue  # "in A he will meet X, and in B with Y" (two states): each has its own part of the clause
        wheres += here
        heads = [token]
        for obj in [c for c in token.children if c.dep_ == "dobj"] + prep_objects(token, {"with", "on"}):
            if ctx.person_at(obj) or obj.i in ctx.token_title:
                wheres += prep_objects(obj, {"in", "at"})
                heads.append(obj)
        # "discussed it with Y during a meeting in London": the place of the meeting it was said at
        wheres += [w for h in heads for o in prep_objects(h, {"during", "at"})
                   if o.lemma_.lower() in lexicon().words("meeting_nouns") for w in prep_objects(o, {"in"})]
    if verb is not None and verb.dep_ == "relcl" and verb.head.i in ctx.token_place \
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        wheres.append(verb.head)  # "flew in from Kigali, where he had held talks with Y"
    if not wheres:
        # "co-chaired the fifth meeting of the Joint Commission on Bilateral Cooperation in Hanoi": the
        # place hung on the last word of the gathering's name
        events = lexicon().words("meeting_nouns") | lexicon().words("gathering_nouns")
        heads = [trigger] if trigger.pos_ == "NOUN" else []
        heads += [c for c in (verb.children if verb is not None else ()) if c.dep_ in ("dobj", "nsubjpass")
                  and c.lemma_.lower() in events]
        wheres += [w for head in heads for w in _name_chain_places(ctx, head)]
    if not wheres and verb is not None:
        wheres += _sidelines_place(ctx, verb)
    out = []
    for where in wheres:
        out.append(where)
        if where.i not in ctx.token_place:  # "at the headquarters in New York", "at a hotel in Lima"
            out += prep_objects(where, {"in"})
    return out


def _name_chain_places(ctx: Context, noun: Token) -> list:
    """Places 'in' the words of a gathering's name after it: "the meeting of the Commission (on
    Bilateral Cooperation) in X"; not a topic ("a meeting on the situation in X": 'on' a common noun)."""
    out, current = [], noun
    for _ in range(4):
        nexts = [o for p in current.children if p.dep_ == "prep" and (p.lower_ == "of" or (
                 p.lower_ == "on" and current.pos_ == "PROPN")) for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if not nexts:
            break
        current = nexts[0]
        out += [w for w in prep_objects(current, {"in"}) if w.i in ctx.token_place]
    return out


def _sidelines_place(ctx: Context, verb: Token) -> list:
    """'On the sidelines, X met Y' after 'leaders opened a two-day summit in Warsaw': a meeting on
    the fringes of the gathering the story tells of, at its place (the gathering named in that
    phrase, else the last one named with a city or state in its sentence, up to three sentences
    back)."""
    fringe = lexicon().words("fringe_nouns")
    sides = [o for o in prep_objects(verb, {"on", "at"}) if o.lemma_.lower() in fringe]
    return _gathering_place(ctx, verb) if sides else []


def _gathering_place(ctx: Context, verb: Token, roles: dict | None = None) -> list:
    """The place of the gathering the story tells of: the last one named with a city or state in its
    sentence (before ``verb`` in its own), up to three sentences back ('leaders opened a two-day
    summit in Warsaw ... Greece sent its foreign minister, X, in his place')."""
    gatherings = lexicon().words("multilateral_nouns")
    sents = [s for s in ctx.doc.sents if s.start <= verb.i][-4:]
    for sent in reversed(sents):
        tokens = [t for t in sent if t.i < verb.i] if sent.start <= verb.i < sent.end else list(sent)
        nouns = [t for t in tokens if t.lemma_.lower() in gatherings and t.pos_ == "NOUN"]
        if not nouns:
            continue
        kinds = lexicon().words("place_nouns")  # "in the Ghanaian capital": the state's word names it
        own = [t for noun in reversed(nouns) for o in venue_phrases(noun) for t in o.subtree
               if t.i in ctx.token_place and (t.ent_type_ != "NORP" or t.head.lemma_.lower() in kinds)]
        if own:  # "met in the city of Santa Fe for the Mercosur summit": where the gathering is
            return own[:1]
        # not a state that acts ("Kenya is represented at the summit by X"): where it is held
        places = [t for t in tokens if t.i in ctx.token_place and not t.ent_type_ == "NORP"
                  and t.dep_ not in ("nsubj", "nsubjpass", "poss")]
        if places:
            return places[-1:]
    return []


def _gathering_chair(ctx: Context, verb: Token, roles: dict | None = None) -> list:
    """'... an emergency summit in Abidjan on Thursday, chaired by X. The summit, also attended by A
    and B, ...': the one who chaired or hosted (lexicon ``lead_gathering_verbs``, a participle on the
    gathering's noun or on the verb whose subject or object it is, or whose preposition's: "met at a
    summit ..., chaired by X") the gathering named before by the same noun,
    up to two sentences back, when the noun ``verb`` describes names it again ("the summit")."""
    noun = verb.head
    if noun.lemma_.lower() not in lexicon().words("gathering_nouns") \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return []
    leads = lexicon().words("lead_gathering_verbs")
    for sent in reversed([s for s in ctx.doc.sents if s.end <= noun.sent.start][-2:]):
        for named in (t for t in sent if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN"):
            verb = named.head.head if named.dep_ == "pobj" else named.head if named.dep_ in ("dobj", "nsubj") else None
            carriers = [named] + ([verb] if verb is not None else [])
            for led in (c for carrier in carriers for c in carrier.children if c.dep_ in ("acl", "advcl")
                        and c.tag_ == "VBN" and c.lemma_.lower() in leads):
                return [o for a in led.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return []


def venue_phrases(noun: Token) -> list[Token]:
    """The 'in'/'at' objects that say where a gathering is: on its noun ("a summit in Lima"), or on
    the verb it is the purpose of ("met in the city of Santa Fe for the summit")."""
    out = prep_objects(noun, {"in", "at"})
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ in ("VERB", "AUX"):
        out += prep_objects(noun.head.head, {"in", "at"})
    return out


def _object_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X visited Y' (a person): Y's state, where X went."""
    out = []
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        for actor in ctx.actors_of(obj, persons_only=True):
            if actor.country:
                out.append(ctx.country_actor(actor.country))
    return out[:1]


def _counterpart_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'met visiting minister X': X came to the state of the one who met them."""
    verb = governing_verb(trigger)
    if verb is None:
        return []
    subj = subject_of(verb)
    if subj is None or subj.i == trigger.head.i:
        return []  # ("the two visiting ministers paid a call on Y": the visitors are the subject)
    return [ctx.country_actor(a.country) for a in ctx.actors_of(subj, persons_only=True) if a.country][:1]


def _met_state(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X met Y ... on the first day of X's visit': a visit with no place named goes to the state of
    the one the traveler meets in the same sentence (one state, not the traveler's own)."""
    travelers = (roles or {}).get("traveler", [])
    if not travelers or prep_objects(trigger, {"to"}):
        return []  # "on his first visit to the region, X met Y": the visit says where it goes
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "about", "over", "regarding"):
        return []  # "X held talks with Y on a possible security mission": the talks' topic, not X's trip
    if not _owned(trigger) and ctx.dateline is not None \
            and any(t.country == ctx.dateline.place.code for t in travelers):
        return []  # "BEIJING - X met Y, capping a two-day trip": X at home; the trip is Y's
    lex = lexicon()
    meets = lex.words("meet_verbs") | lex.words("host_verbs") | lex.words("meeting_nouns")
    sent = trigger.sent
    keys = {t.key for t in travelers}
    met: set[str] = set()
    calls_on = [t for t in sent if t.lemma_.lower() == "call" and t.pos_ == "NOUN"
                and any(c.lower_ == "on" for c in t.children)]  # "paid a courtesy call on Y"
    for word in [t for t in sent if t.lemma_.lower() in meets] + calls_on:
        # the ones the traveler meets: in the phrase of a meeting word whose clause is the traveler's
        # (not "... the same day X was in Moscow for talks with Y")
        verb = word if word.pos_ in ("VERB", "AUX") else governing_verb(word)
        subj = subject_of(verb) if verb is not None else None
        people = {a.key for a in ctx.actors_of(subj, persons_only=True)} if subj is not None else set()
        if people and not people & keys:
            continue  # somebody else's meeting
        met |= {m.key for m in ctx.persons if word.left_edge.i <= m.start <= word.right_edge.i and m.key not in keys}
    if not met:
        return []
    own = {t.country for t in travelers}
    states = {ctx.person_actor(key).country for key in met}
    states -= own | {None}
    return [ctx.country_actor(states.pop())] if len(states) == 1 and None not in own else []


def _owned(noun: Token) -> bool:
    """'his visit', "X's trip", 'a visit by X': the noun says whose it is."""
    return any(c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of")) for c in noun.children)


def _dateline(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'NUSA DUA - ... X, who arrived on Wednesday': an arrival with no place of its own is at the
    dateline's place, for a traveler known to be from another state, or of a state not known who
    "arrived here" (the dateline's place named by the adverb) or came from a place of another state."""
    mention = ctx.dateline
    travelers = (roles or {}).get("traveler", [])
    if mention is None or not travelers:
        return []
    here = any(c.dep_ == "advmod" and c.lower_ == "here" for c in trigger.children) or any(
        o.i in ctx.token_place and ctx.token_place[o.i].place.code != mention.place.code
        for o in prep_objects(trigger, {"from"}))  # "arrived from Accra": from another state
    if any((t.country is None and not here) or t.country == mention.place.code for t in travelers):
        return []
    return [ctx.place_actor(mention.place)]


def _object_agent(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'The talks follow a visit to Y last month by X', 'Z follows a tour of A and B by X' with 'by'
    hung on the verb (as a preposition or as its agent): X, whose trip is the verb's object (not a
    travel noun that is the verb's subject: "the French tour follows ... by X"; not a passive verb's
    doer: 'the Paris trip was arranged by X')."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
            for o in c.children if o.dep_ == "pobj"]


def _there(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'... a meeting in Luxembourg on Sunday, and X will travel there': the place "there" stands for,
    the last city or state named before the verb in its sentence or the one before (not a
    nationality, not one inside the verb's subject phrase: "X of Peru will travel there")."""
    if not any(c.dep_ == "advmod" and c.lower_ == "there" for c in trigger.children):
        return []
    subject = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # ("the Chinese capital" names one)
    mention = ctx.last_place(trigger, 2, lambda m: m.start not in subject and not nationality_only(ctx.doc, m))
    return [ctx.place_actor(mention.place)] if mention is not None else []


def _dateline_visit(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'NDJAMENA - X said ... as he began a visit to address the crisis': a visit noun of the lead
    that names no place is at the dateline's place (as :func:`_dateline`), not one the traveler is
    back from ("returned from a visit", "back from a visit"), and not when another sentence tells of
    the traveler moving with a place other than the dateline's (the visit may be that one)."""
    if ctx.dateline is None or trigger.sent.start not in lead_sentences(ctx) \
            or any(c.dep_ == "prep" and c.lower_ in ("to", "of", "in", "into") for c in trigger.children):
        return []
    head = trigger.head if trigger.dep_ == "pobj" else None
    if head is not None and head.lower_ == "from":
        return []
    keys = {t.key for t in (roles or {}).get("traveler", [])}
    lex = lexicon()
    moves = lex.words("travel_nouns") | lex.words("travel_to_verbs") | lex.words("arrive_verbs")
    here = ctx.dateline.place.code
    for sent in {ctx.doc[m.start].sent for m in ctx.persons if m.key in keys} - {trigger.sent}:
        if any(t.lemma_.lower() in moves for t in sent) and any(
                sent.start <= p.start < sent.end and p.place.code != here for p in ctx.places):
            return []  # the traveler's trip told elsewhere with its place: the visit may be that one
    return _dateline(ctx, trigger, roles)


def _for_clause_subject(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X left Hanoi for Bangkok to attend the summit', parsed as 'for [Bangkok to attend ...]': the
    subject of the for-clause is where X goes."""
    return [s for clause in trigger.children if clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
            for s in clause.children if s.dep_ == "nsubj"]


def _dangling_with(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'He held talks yesterday with Cambodian Prime Minister X at the palace, the ministry said' with
    the parser leaving "with" (on the noun or on its verb) with no object and X hung elsewhere: the
    person named right after it, past the office words and the state's adjective."""
    doc = ctx.doc
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    for prep in [c for t in (trigger, verb) if t is not None for c in t.children]:
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "alongside") or any(c.dep_ == "pobj" for c in prep.children):
            continue
        k = prep.i + 1
        while k < len(doc) and k < prep.i + 6 and (k in ctx.token_title or doc[k].ent_type_ == "NORP"
                                                    or doc[k].lower_ in ("the", "his", "her")):
            k += 1
        return [doc[m.end - 1] for m in ctx.persons if m.start == k and m.key][:1]
    return []


def _counterpart_owner(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'(after) talks with his Afghan counterpart Y': the one 'his' stands for is at the talks too."""
    counterparts = lexicon().words("counterpart_nouns")
    return [c for o in prep_objects(trigger, {"with"}) if o.lemma_.lower() in counterparts
            for c in o.children if c.dep_ == "poss" and c.pos_ == "PRON"][:1]


def _met_at_the_fringe(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X met Y on the sidelines of the summit in Z', 'held talks with Y on the margins of the forum':
    the one met at the fringe of the gathering attends it too (the verb's object, or the one its
    meeting noun is with)."""
    fringe = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if fringe is None or fringe.lemma_.lower() not in lexicon().words("fringe_nouns") or fringe.dep_ != "pobj":
        return []
    verb, nouns = fringe.head.head, lexicon().words("meeting_nouns")
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in nouns:
        return prep_objects(verb, {"with"})  # "(held) talks with Y on the sidelines of ..." hung on the noun
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().words("meet_verbs") | lexicon().words("hold_verbs"):
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns)]
    met = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in nouns]
    return met + [o for h in heads for o in prep_objects(h, {"with"})]


def _previous_meeter(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X held talks with A on Monday. A meeting with B is planned for Friday': a meeting noun
    that is its own clause's subject, with someone it is with and no owner, is the one who met in
    the sentence before (that sentence's subject, the only one who meets there), when its own clause
    plans, weighs, calls off or puts off the meeting."""
    lex = lexicon()
    if trigger.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "poss" for c in trigger.children) \
            or not prep_objects(trigger, {"with"}) or trigger.sent.start == 0:
        return []
    # its clause plans, weighs, calls off or puts off the meeting ("is planned", "is possible", "was called
    # off"), not "a meeting with Y would be premature", "was among the topics"
    verb = trigger.head
    told = {verb.lemma_.lower(), *(c.lemma_.lower() for c in verb.children if c.dep_ == "acomp"),
            *(f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ == "prt")}  # ("call off")
    if not told & (lex.words("plan_words") | lex.words("consider_words") | lex.words("cancel_words")
                   | lex.words("postpone_words") | {"possible", "likely"}):
        return []
    before = ctx.doc[trigger.sent.start - 1].sent
    meets = lex.words("meet_verbs") | lex.words("meeting_nouns")
    verbs = [t for t in before if t.lemma_.lower() in meets and t.pos_ in ("VERB", "NOUN")]
    # (one person, not "A and B met"; requiring that the one met there be a named person was measured
    # worse on unread news)
    subjects = {s.i: s for t in verbs if (s := subject_of(t if t.pos_ == "VERB" else governing_verb(t) or t)) is not None
                and ctx.person_at(s) and not any(c.dep_ == "conj" for c in s.children)}
    return list(subjects.values()) if len(subjects) == 1 else []


FINDERS: dict[str, Finder] = {
    "previous_meeter": _previous_meeter,
    "met_at_the_fringe": _met_at_the_fringe,
    "counterpart_owner": _counterpart_owner,
    "for_clause_subject": _for_clause_subject,
    "dateline": _dateline,
    "dateline_visit": _dateline_visit,
    "there": _there,
    "object_agent": _object_agent,
    "met_state": _met_state,
    "subject": _subject,
    "clause_subject": _clause_subject,
    "dangling_with": _dangling_with,
    "possessor": _possessor,
    "np_owner": _np_owner,
    "head_noun": _head_noun,
    "host_country": _host_country,
    "clause_place": _clause_place,
    "gathering_place": _gathering_place,
    "gathering_chair": _gathering_chair,
    "counterpart_country": _counterpart_country,
    "object_country": _object_country,
}


# -- resolving fillers ---------------------------------------------------------------------------
def take(ctx: Context, how: str, fillers: list) -> list[Actor]:
    """Tokens (or actors) -> actors of the kind a role takes."""
    out: dict[str, Actor] = {}
    for filler in fillers:
        if isinstance(filler, Actor):
            found = [filler]
        elif how == "places":
            found = ctx.places_of(filler)
        else:
            found = ctx.actors_of(filler, persons_only=how == "persons")
            if not any(a.kind == "person" for a in found):  # "received a delegation led by X": X
                found = [a for leader in _led_by(ctx, filler) for a in ctx.actors_of(leader, persons_only=True)] or found
        for actor in found:
            out.setdefault(actor.key, actor)
    return list(out.values())
