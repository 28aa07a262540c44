"""Events with their roles: visits, meetings, summons, recalls, statements.

Each finder reads one trigger (a verb or noun from the lexicon) and its dependency neighbourhood;
roles come from subjects, objects and prepositions, resolved through :class:`Context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg import geo
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon

PLACE_PREPS = {"to", "in", "for", "at", "into", "toward", "towards"}


@dataclass
class Found:
    kind: str
    trigger: Token
    roles: dict[str, list[Actor]] = field(default_factory=dict)
    quote: str | None = None
    quote_span: tuple[int, int] | None = None
    cause: tuple[int, int] | None = None  # char span of the cause clause
    status_token: Token | None = None  # token whose context decides the status (default: trigger)


def subject_of(verb: Token) -> Token | None:
    token = verb
    for _ in range(5):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                    return token.head
                return child
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "pobj" or token.dep_ == "prep":
            token = token.head
            continue
        break
    return None


def _governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(7):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        token = head
    return None


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def find_visits(ctx: Context, sent: Span) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lex.travel_verbs:
            dest_tokens = [c for c in token.children if c.dep_ == "dobj"] if lemma in ("visit", "tour", "reach") else []
            dest_tokens += _prep_objects(token, PLACE_PREPS)
            for comp in token.children:  # "visits neighbouring Canada" (parsed as a participle)
                if comp.dep_ == "xcomp":
                    dest_tokens += [c for c in comp.children if c.dep_ == "dobj"]
            for adv in token.children:  # "fly home"? no: only named places
                if adv.dep_ == "npadvmod" and adv.i in ctx.token_place:
                    dest_tokens.append(adv)
            subj = subject_of(token)
            if subj is None and token.head.lemma_.lower() in ("invitation", "invite", "offer"):
                objs = _prep_objects(token.head, {"to"})  # "an invitation to X to visit Y"
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
            dest_tokens = _prep_objects(token, {"to", "in", "of"}) + [
                c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.token_place
            ]
            if token.dep_ == "dobj":  # "called off his trip to Beijing": the verb holds the place
                dest_tokens += _prep_objects(token.head, {"to"})
            travelers: list[Actor] = []
            for child in token.children:
                if child.dep_ == "poss":
                    travelers = ctx.actors_of(child, persons_only=True)
                elif child.dep_ == "compound" and ctx.person_at(child):
                    travelers = ctx.actors_of(child, persons_only=True)
            agents = _prep_objects(token, {"by"})
            if not travelers:
                for obj in agents + _prep_objects(token, {"of"}):
                    travelers = ctx.actors_of(obj, persons_only=True)
                    if travelers:
                        break
            if not travelers:
                travelers = _np_owner(ctx, token)
            if not travelers and not agents:  # "a visit by Nordic leaders": not the host's trip
                verb = _governing_verb(token)
                if verb is not None and not (verb.lemma_.lower() in lex.speech_verbs and _reported_by(token, verb)):
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
            dests = [d for o in _prep_objects(token, {"to"}) for d in ctx.places_of(o)]
            if travelers and dests:
                found.append(Found("visit", token, {"traveler": travelers, "destination": dests}))
        elif lemma == "attend":
            subj = subject_of(token)
            travelers = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            dests: list[Actor] = []
            for obj in token.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in lex.meeting_nouns | {"conference", "ceremony", "funeral", "inauguration", "forum"}:
                    dests += [d for o in _prep_objects(obj, {"in", "at"}) for d in ctx.places_of(o)]
                    dests += [d for c in obj.children if c.dep_ == "compound" for d in ctx.places_of(c)]
            dests += [d for o in _prep_objects(token, {"in"}) for d in ctx.places_of(o)]
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


def _reported_by(token: Token, verb: Token) -> bool:
    """Is ``token`` inside what ``verb`` reports (its object clause), not a circumstance of it?"""
    while token.i != verb.i and token.head.i != token.i:
        if token.head.i == verb.i:
            return token.dep_ in ("ccomp", "dobj", "nsubj", "nsubjpass", "xcomp", "parataxis")
        token = token.head
    return True


def find_presence(ctx: Context, sent: Span) -> list[Found]:
    """'X is in Brussels for talks', 'X, who is at a summit in Y': a person abroad (their own
    country known and different from the place) is visiting it."""
    found = []
    for token in sent:
        if token.lemma_ != "be" or token.pos_ not in ("AUX", "VERB"):
            continue
        subj = subject_of(token)
        if subj is None:
            continue
        travelers = [a for a in ctx.actors_of(subj, persons_only=True) if a.country]
        dests: list[Actor] = []
        for obj in _prep_objects(token, {"in", "at"}):
            dests += ctx.places_of(obj)
            if obj.lemma_.lower() in lexicon().meeting_nouns:
                for inner in _prep_objects(obj, {"in"}):
                    dests += ctx.places_of(inner)
        travelers = [t for t in travelers if any(d.country != t.country for d in dests)]
        if travelers and dests:
            found.append(Found("visit", token, {"traveler": travelers, "destination": dests}))
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


def find_meetings(ctx: Context, sent: Span) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    for token in sent:
        lemma = token.lemma_.lower()
        participants: list[Actor] = []
        if token.pos_ == "VERB" and lemma in lex.meeting_verbs:
            if lemma == "hold":
                continue  # "held talks": the noun is the trigger
            subj = subject_of(token)
            if subj is not None:
                participants += ctx.actors_of(subj, persons_only=True)
            for child in token.children:
                if child.dep_ in ("dobj",):
                    participants += ctx.actors_of(child, persons_only=True)
            for obj in _prep_objects(token, {"with", "between"}):
                participants += ctx.actors_of(obj, persons_only=True)
            if lemma in ("receive", "host", "greet", "welcome") and len(participants) < 2:
                continue
        elif token.pos_ in ("NOUN", "PROPN") and (lemma in lex.meeting_nouns or token.lower_ in lex.meeting_nouns):
            for obj in _prep_objects(token, {"with", "between", "of"}):
                participants += ctx.actors_of(obj, persons_only=True)
            for child in token.children:
                if child.dep_ == "poss":
                    participants += ctx.actors_of(child, persons_only=True)
            verb = _governing_verb(token)
            if verb is not None:
                subj = subject_of(verb)
                if subj is not None:
                    participants += ctx.actors_of(subj, persons_only=True)
                if token.dep_ in ("dobj", "attr"):  # "held talks in X with Y"
                    for obj in _prep_objects(verb, {"with"}):
                        participants += ctx.actors_of(obj, persons_only=True)
            if token.tag_ == "NNS" and lemma == "meeting" and verb is not None:
                found.extend(_separate_meetings(ctx, token, verb))
                continue
        else:
            continue
        if any(t.lower_ in ("phone", "telephone", "call", "letter", "videoconference") for t in token.subtree):
            continue
        unique: list[Actor] = []
        for a in participants:
            if a.key not in {u.key for u in unique}:
                unique.append(a)
        if token.pos_ in ("NOUN", "PROPN"):
            here = [d for c in token.children if c.dep_ == "compound" for d in ctx.places_of(c)]
            owners = [a for c in token.children if c.dep_ == "poss" for a in ctx.actors_of(c, persons_only=True)]
            owners = [o for o in owners if o.country and all(d.country != o.country for d in here)]
            if here and owners:
                found.append(Found("visit", token, {"traveler": owners, "destination": here[:1]}))
        if len(unique) >= 2:
            f = Found("meeting", token, {"participant": unique})
            places = []
            for obj in _prep_objects(token, {"in", "at"}):
                places += ctx.places_of(obj)
            for obj in _prep_objects(token, {"with", "between"}) + [
                    c for c in token.children if c.dep_ == "dobj"]:  # "met X in Paris"
                for inner in _prep_objects(obj, {"in", "at"}):
                    places += ctx.places_of(inner)
            if places:
                f.roles["place"] = places[:1]
            found.append(f)
    return found


def _separate_meetings(ctx: Context, token: Token, verb: Token) -> list[Found]:
    """'meetings with A, B and C': the subject met each of them, not A with B."""
    subj = subject_of(verb)
    hosts = ctx.actors_of(subj, persons_only=True) if subj is not None else []
    others = [a for obj in _prep_objects(token, {"with"}) for a in ctx.actors_of(obj, persons_only=True)]
    return [Found("meeting", token, {"participant": [h, o]}) for h in hosts[:1] for o in others if o.key != h.key]


def find_summons(ctx: Context, sent: Span) -> list[Found]:
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        is_call_in = lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children)
        if token.pos_ == "VERB" and (lemma == "summon" or is_call_in):
            subj = subject_of(token)
            summoner = ctx.actors_of(subj) if subj is not None else []
            summoned: list[Actor] = []
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    summoned += ctx.actors_of(child)
            if summoned:
                roles = {"summoned": summoned}
                if summoner:
                    roles["summoner"] = summoner
                found.append(Found("summons", token, roles))
    return found


_DIPLOMATS = {"ambassador", "envoy", "diplomat", "diplomats", "charge", "chargé", "staff", "embassy", "consul"}


def find_recalls(ctx: Context, sent: Span) -> list[Found]:
    found = []
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in ("recall", "withdraw"):
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if not any(t.lower_ in _DIPLOMATS for o in objects for t in o.subtree):
                continue
            subj = subject_of(token)
            recaller = ctx.actors_of(subj) if subj is not None else []
            recalled = [a for o in objects for a in ctx.actors_of(o)]
            if recaller:
                roles = {"recaller": recaller}
                if recalled:
                    roles["recalled"] = recalled
                found.append(Found("recall", token, roles))
    return found


_QUOTE = re.compile(r"[\"“”]([^\"“”]{20,})[\"“”]")


def find_statements(ctx: Context, sent: Span, prev: Span | None) -> list[Found]:
    lex = lexicon()
    found = []
    m = _QUOTE.search(sent.text)
    if not m:
        return _reported(ctx, sent)
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.speech_verbs:
            quote_start = sent.start_char + m.start(1)
            if token.idx >= quote_start and token.idx < sent.start_char + m.end(1):
                continue  # the verb is inside the quote
            subj = subject_of(token)
            speaker = ctx.actors_of(subj) if subj is not None else []
            if speaker:
                f = Found("statement", token, {"speaker": speaker[:1]}, quote=m.group(1).strip(" ,"))
                f.quote_span = (quote_start, sent.start_char + m.end(1))
                found.append(f)
                break
    return found


def _reported(ctx: Context, sent: Span) -> list[Found]:
    """Reported speech without quotes: 'X told reporters that ...' (one per sentence)."""
    lex = lexicon()
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.speech_verbs:
            if not any(c.dep_ == "ccomp" for c in token.children):
                continue
            subj = subject_of(token)
            speaker = ctx.actors_of(subj) if subj is not None else []
            if speaker and speaker[0].kind != "country":
                return [Found("statement", token, {"speaker": speaker[:1]})]
    return []


def cause_of(token: Token) -> tuple[int, int] | None:
    """The clause after 'after/because/as/since/due to/amid/over/following' on a cancel verb."""
    verb = token
    for _ in range(3):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ("call", "cancel", "postpone", "scrap", "delay",
                                                           "put", "drop", "abandon", "defer", "shelve"):
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "advcl":
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in ("after", "because", "as", "since")]
            if marks:
                tokens = [t for t in child.subtree if t.i > marks[0].i]
                if tokens:
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if child.dep_ == "prep" and child.lower_ in ("after", "because", "amid", "over", "following", "due"):
            tokens = [t for t in child.subtree if t is not child and t.lower_ not in ("of", "to")]
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None
