"""Visits: travel verbs and nouns, hosting, tours, presence abroad, delegations, invitations.

Each finder reads one trigger and its dependency neighbourhood and returns :class:`Found` records
with ``traveler`` and ``destination`` roles resolved through :class:`Context`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg import geo
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon
from kg.extract.syntax import Found, governing_verb, prep_objects, reported_by, subject_of


def find_visits(ctx: Context, sent: Span) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lex.travel_verbs:
            dest_tokens = [c for c in token.children if c.dep_ == "dobj"] if lemma in ("visit", "tour", "reach") else []
            dest_tokens += prep_objects(token, set(lex.travel_verbs[lemma]))
            for comp in token.children:  # "visits neighbouring Canada" (parsed as a participle)
                if comp.dep_ == "xcomp":
                    dest_tokens += [c for c in comp.children if c.dep_ == "dobj"]
            for adv in token.children:  # "fly home"? no: only named places
                if adv.dep_ == "npadvmod" and adv.i in ctx.token_place:
                    dest_tokens.append(adv)
            subj = subject_of(token)
            if subj is None and token.head.lemma_.lower() in ("invitation", "invite", "offer"):
                objs = prep_objects(token.head, {"to"})  # "an invitation to X to visit Y"
                subj = objs[0] if objs else None
            travelers = ctx.actors_of(subj) if subj is not None else []
            if subj is not None and not any(a.kind == "person" for a in travelers):
                travelers = _led_by(ctx, subj) or _enumerated_persons(ctx, subj, sent) or travelers
            if lemma == "visit" and any(ctx.person_at(c) for c in token.children if c.dep_ == "dobj"):
                continue  # visiting a person is not a trip to a place
            f = _visit(ctx, token, travelers, dest_tokens)
            if f:
                found.append(f)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in lex.travel_nouns and token.lower_ not in ("visitor",):
            dest_tokens = prep_objects(token, {"to", "in", "of"}) + [
                c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.token_place
            ]
            if token.dep_ == "dobj":  # "called off his trip to Beijing": the verb holds the place
                dest_tokens += prep_objects(token.head, {"to"})
            travelers: list[Actor] = []
            for child in token.children:
                if child.dep_ == "poss":
                    travelers = ctx.actors_of(child, persons_only=True)
                elif child.dep_ == "compound" and ctx.person_at(child):
                    travelers = ctx.actors_of(child, persons_only=True)
            agents = prep_objects(token, {"by"})
            if not travelers:
                for obj in agents + prep_objects(token, {"of"}):
                    travelers = ctx.actors_of(obj, persons_only=True)
                    if travelers:
                        break
            if not travelers:
                travelers = _np_owner(ctx, token)
            if not travelers and not agents:  # "a visit by Nordic leaders": not the host's trip
                verb = governing_verb(token)
                if verb is not None and not (verb.lemma_.lower() in lex.speech_verbs and reported_by(token, verb)):
                    subj = subject_of(verb)
                    travelers = ctx.actors_of(subj) if subj is not None else []
                    if subj is not None and not any(a.kind == "person" for a in travelers):
                        travelers = _led_by(ctx, subj) or travelers
            f = _visit(ctx, token, travelers, dest_tokens)
            if f:
                found.append(f)
    return found


def _np_owner(ctx: Context, noun: Token) -> list[Actor]:
    """'X, in a speech on the first day of an official visit to Y, said': a travel noun inside
    prepositional modifiers of a person's name belongs to that person."""
    token = noun
    for _ in range(8):
        if token.dep_ not in ("pobj", "prep") or token.head.i == token.i:
            break
        token = token.head
        if ctx.person_at(token):
            return ctx.actors_of(token, persons_only=True)[:1]
    return []


def _led_by(ctx: Context, group: Token) -> list[Actor]:
    """'the Commissioners, led by President X' / 'a delegation headed by X': the leader travels."""
    for child in group.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in ("lead", "head"):
            for agent in child.children:
                if agent.dep_ in ("agent", "prep") and agent.lower_ == "by":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return ctx.actors_of(obj, persons_only=True)
    return []


def find_tours(ctx: Context, sent: Span) -> list[Found]:
    """'a tour that has taken X to A, B and C', 'X attended a summit in Y'."""
    lex = lexicon()
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB":
            continue
        if lemma in ("take", "bring") :
            subj = subject_of(token)
            if subj is None or subj.lemma_.lower() not in lex.travel_nouns:
                continue
            travelers = [a for c in token.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
            dests = [d for o in prep_objects(token, {"to"}) for d in ctx.places_of(o)]
            if travelers and dests:
                found.append(Found("visit", token, {"traveler": travelers, "destination": dests}))
        elif lemma == "attend":
            subj = subject_of(token)
            travelers = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            dests: list[Actor] = []
            for obj in token.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in lex.meeting_nouns | {"conference", "ceremony", "funeral", "inauguration", "forum"}:
                    dests += [d for o in prep_objects(obj, {"in", "at"}) for d in ctx.places_of(o)]
                    dests += [d for c in obj.children if c.dep_ == "compound" for d in ctx.places_of(c)]
            dests += [d for o in prep_objects(token, {"in"}) for d in ctx.places_of(o)]
            travelers = [t for t in travelers if not t.country or any(d.country != t.country for d in dests)]
            if travelers and dests:
                found.append(Found("visit", token, {"traveler": travelers, "destination": dests}))
    return found


def hosted_visits(ctx: Context, sent: Span) -> list[Found]:
    """'X hosted / received / welcomed Y': a foreign Y visits X's country."""
    found = []
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in ("host", "receive", "welcome", "greet"):
            continue
        subj = subject_of(token)
        hosts = ctx.actors_of(subj) if subj is not None else []
        host_country = next((h.country for h in hosts if h.country), None)
        if host_country is None:
            continue
        guests = [a for c in token.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
        guests = [g for g in guests if g.country and g.country != host_country]
        if guests:
            country = ctx.place_actor(geo.Place("country", host_country, geo.short_name(host_country)))
            found.append(Found("visit", token, {"traveler": guests, "destination": [country], "host": hosts[:1]}))
    return found


def find_presence(ctx: Context, sent: Span) -> list[Found]:
    """'X is in Brussels', 'X, who is at a summit in Y': a person abroad (their own country known
    and different from the place) is visiting it. Being at a meeting in a named place ('at a
    summit in Y') is a trip whatever the person's country, unless it is known to be Y's; merely
    being in Y ('in Brussels for talks') needs the person's own country, which may be Y."""
    meeting_nouns = lexicon().meeting_nouns
    found = []
    for token in sent:
        if token.lemma_ != "be" or token.pos_ not in ("AUX", "VERB"):
            continue
        subj = subject_of(token)
        if subj is None:
            continue
        dests: list[Actor] = []
        for_meeting = False
        for obj in prep_objects(token, {"in", "at"}):
            dests += ctx.places_of(obj)
            if obj.lemma_.lower() in meeting_nouns:
                for inner in prep_objects(obj, {"in"}):
                    meeting_places = ctx.places_of(inner)
                    dests += meeting_places
                    for_meeting = for_meeting or bool(meeting_places)
        travelers = [a for a in ctx.actors_of(subj, persons_only=True) if a.country or for_meeting]
        travelers = [t for t in travelers if any(d.country != t.country for d in dests)]
        if travelers and dests:
            found.append(Found("visit", token, {"traveler": travelers, "destination": dests}))
    return found


def guest_visits(ctx: Context, sent: Span) -> list[Found]:
    """'X (and Y) will be in Lima as the guests of President Z': the guests travel to the place,
    whatever their own country (being someone's guest there says they come from elsewhere), Z
    hosts them, and guests and host meet."""
    found = []
    for token in sent:
        if token.lemma_.lower() != "guest" or token.pos_ != "NOUN":
            continue
        hosts = [a for o in prep_objects(token, {"of"}) for a in ctx.actors_of(o, persons_only=True)]
        verb = governing_verb(token)
        while verb is not None and verb.lemma_ != "be" and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        if not hosts or verb is None or verb.lemma_ != "be":
            continue
        subj = subject_of(verb)
        guests = [g for g in (ctx.actors_of(subj, persons_only=True) if subj is not None else [])
                  if g.key not in {h.key for h in hosts}]
        places = [d for o in prep_objects(verb, {"in"}) for d in ctx.places_of(o)]
        if not guests:
            continue
        found.append(Found("meeting", token, {"participant": guests + hosts}))
        travelers = [g for g in guests if all(g.country != d.country for d in places)]
        if places and travelers:
            found.append(Found("visit", token, {"traveler": travelers, "destination": places[:1], "host": hosts[:1]}))
    return found


def abroad_meetings(ctx: Context, meetings: list[Found]) -> list[Found]:
    """A meeting held in a named place: participants from another country travel there."""
    out = []
    for meeting in meetings:
        for place in meeting.roles.get("place", []):
            travelers = [p for p in meeting.roles["participant"] if p.country and p.country != place.country]
            if travelers:
                out.append(Found("visit", meeting.trigger, {"traveler": travelers, "destination": [place]}))
    return out


def _enumerated_persons(ctx: Context, group: Token, sent: Span) -> list[Actor]:
    """'the list of officials who might visit X will include A, B and C' -> A, B, C."""
    for token in sent:
        if token.lemma_.lower() in ("include", "comprise", "be") and token.pos_ in ("VERB", "AUX"):
            subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or group not in list(subj.subtree):
                continue
            out: list[Actor] = []
            for obj in token.children:
                if obj.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "npadvmod"):
                    for t in obj.subtree:
                        key = ctx.person_at(t)
                        if key and key not in {a.key for a in out}:
                            out.append(ctx.person_actor(key))
            if len(out) >= 1:
                return out
    return []


def _visit(ctx: Context, trigger: Token, travelers: list[Actor], dest_tokens: list[Token]) -> Found | None:
    destinations: list[Actor] = []
    for t in dest_tokens:
        for place in ctx.places_of(t):
            if place.key not in {d.key for d in destinations}:
                destinations.append(place)
    travelers = [t for t in travelers if t.kind in ("person", "group")]
    if not travelers or not destinations:
        return None
    return Found("visit", trigger, {"traveler": travelers, "destination": destinations})
