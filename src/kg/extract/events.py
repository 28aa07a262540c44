"""Meetings, summons, recalls and statements with their roles, and the causes of cancellations.

Each finder reads one trigger (a verb or noun from the lexicon) and its dependency neighbourhood;
roles come from subjects, objects and prepositions, resolved through :class:`Context`.
Visits are in :mod:`kg.extract.visits`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon
from kg.extract.syntax import Found, governing_verb, prep_objects, subject_of


def _unique(actors: list[Actor]) -> list[Actor]:
    """The actors in order, each once (its first mention)."""
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


def _agents(ctx: Context, verb: Token) -> list[Actor]:
    """Persons of a passive verb's "by" phrase ("hosted by X", "held for him by X")."""
    return [a for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
            for o in c.children if o.dep_ == "pobj" for a in ctx.actors_of(o, persons_only=True)]


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
            hosts = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            guests = [a for c in token.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
            guests += [a for o in prep_objects(token, {"with", "between"}) for a in ctx.actors_of(o, persons_only=True)]
            if lemma in ("receive", "host", "greet", "welcome") and not guests:
                continue  # "received compensation", "hosted a dinner"
            if not hosts and len(guests) > 1 and not prep_objects(token, {"between"}):
                continue  # "groups eager to meet with A, B": A and B do not meet each other
            if hosts and not guests and (len(hosts) < 2 or any(c.dep_ == "dobj" for c in token.children)):
                continue  # one side only
            participants = hosts + guests
        elif token.pos_ in ("NOUN", "PROPN") and (lemma in lex.meeting_nouns or token.lower_ in lex.meeting_nouns):
            for obj in prep_objects(token, {"with", "between", "of"}):
                participants += ctx.actors_of(obj, persons_only=True)
            for child in token.children:
                if child.dep_ == "poss":
                    participants += ctx.actors_of(child, persons_only=True)
            verb = governing_verb(token)
            own = bool(participants) or (verb is not None and token.dep_ in ("dobj", "attr")
                                         and bool(prep_objects(verb, {"with"})))
            if not own:
                continue  # "A and B spoke at the annual meeting": a meeting, not one between them
            if verb is not None:
                subj = subject_of(verb)
                if subj is not None:
                    participants += ctx.actors_of(subj, persons_only=True)
                if token.dep_ in ("dobj", "attr"):  # "held talks in X with Y"
                    for obj in prep_objects(verb, {"with"}):
                        participants += ctx.actors_of(obj, persons_only=True)
            if token.tag_ == "NNS" and lemma == "meeting" and verb is not None:
                found.extend(_separate_meetings(ctx, token, verb))
                continue
        else:
            continue
        if any(t.lower_ in ("phone", "telephone", "call", "letter", "videoconference") for t in token.subtree):
            continue
        unique = _unique(participants)
        if token.pos_ in ("NOUN", "PROPN"):
            here = [d for c in token.children if c.dep_ == "compound" for d in ctx.places_of(c)]
            owners = [a for c in token.children if c.dep_ == "poss" for a in ctx.actors_of(c, persons_only=True)]
            owners = [o for o in owners if o.country and all(d.country != o.country for d in here)]
            if here and owners:
                found.append(Found("visit", token, {"traveler": owners, "destination": here[:1]}))
        if len(unique) >= 2:
            f = Found("meeting", token, {"participant": unique})
            places = []
            for obj in prep_objects(token, {"in", "at"}):
                places += ctx.places_of(obj)
            for obj in prep_objects(token, {"with", "between"}) + [
                    c for c in token.children if c.dep_ == "dobj"]:  # "met X in Paris"
                for inner in prep_objects(obj, {"in", "at"}):
                    places += ctx.places_of(inner)
            if places:
                f.roles["place"] = places[:1]
            found.append(f)
    return found


_SOCIAL = {"reception", "dinner", "banquet", "lunch", "luncheon", "breakfast"}
_GIVE = {"hold", "give", "host", "throw", "offer"}


def find_receptions(ctx: Context, sent: Span) -> list[Found]:
    """'a reception given for her by President X', 'X gave a dinner for Y': host and guest of
    honour meet (persons only; 'a dinner for reporters' is no meeting)."""
    found = []
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _SOCIAL:
            continue
        hosts: list[Actor] = []
        guests = [a for o in prep_objects(token, {"for"}) for a in ctx.actors_of(o, persons_only=True)]
        for verb in token.children:  # "a reception held for X by Y"
            if verb.dep_ == "acl" and verb.lemma_.lower() in _GIVE:
                guests += [a for o in prep_objects(verb, {"for"}) for a in ctx.actors_of(o, persons_only=True)]
                hosts += _agents(ctx, verb)
        if token.dep_ == "dobj" and token.head.lemma_.lower() in _GIVE:  # "X gave a dinner for Y"
            verb = token.head
            guests += [a for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "for"
                       for o in c.children if o.dep_ == "pobj" for a in ctx.actors_of(o, persons_only=True)]
            subj = subject_of(verb)
            hosts += ctx.actors_of(subj, persons_only=True) if subj is not None else []
        people = _unique(hosts + guests)
        if hosts and guests and len(people) >= 2:
            found.append(Found("meeting", token, {"participant": people}))
    return found


_GATHERINGS = {"conference"}  # with the lexicon's meeting nouns: what one attends


def find_attendance(ctx: Context, sents: list[Span]) -> list[tuple[Found, Span]]:
    """Who attends a gathering the article has named, across sentences:

        "... before a conference in Geneva ..." (the gathering, and where)
        "Monday's conference is hosted by President A." (the same one: its host)
        "Also due to attend are B, C ..." / "B will also attend." (attend, its object left out)

    A later mention of the same noun with a determiner or possessive ("the conference", "Monday's
    conference") is the same gathering; ``attend`` without an object attends the last gathering named
    in its sentence or the two before. Host and attendees meet; attendees travel to its place.
    Gatherings attended by one side only, or by groups ("foreign ministers"), give nothing."""
    lex = lexicon()
    nouns = lex.meeting_nouns | _GATHERINGS
    frames: list[dict] = []  # {"lemma", "places", "hosts", "sents": sentence numbers naming it}
    by_token: dict[int, dict] = {}
    for n, sent in enumerate(sents):
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or lemma not in nouns:
                continue
            definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                           for c in token.children)
            earlier = [f for f in frames if f["lemma"] == lemma]
            frame = earlier[-1] if definite and earlier else None
            if frame is None:
                frame = {"lemma": lemma, "places": [], "hosts": [], "sents": []}
                frames.append(frame)
            frame["sents"].append(n)
            by_token[token.i] = frame
            if not frame["places"]:
                frame["places"] = [d for o in prep_objects(token, {"in", "at"}) for d in ctx.places_of(o)]
            verb = token.head
            if verb.lemma_.lower() == "host" and token.dep_ == "nsubjpass":
                frame["hosts"] += _agents(ctx, verb)
            elif verb.lemma_.lower() == "host" and token.dep_ == "dobj":
                subj = subject_of(verb)
                frame["hosts"] += ctx.actors_of(subj, persons_only=True) if subj is not None else []
    found: list[tuple[Found, Span]] = []
    for n, sent in enumerate(sents):
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() != "attend":
                continue
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects and objects[0].i in by_token:
                frame = by_token[objects[0].i]
            elif not objects or objects[0].lower_ == "it":
                named = [(max(s for s in f["sents"] if s <= n), i) for i, f in enumerate(frames)
                         if any(n - 2 <= s <= n for s in f["sents"])]
                frame = frames[max(named)[1]] if named else None  # the last one named up to here
            else:
                frame = None
            if frame is None:
                continue
            subj = subject_of(token)
            attendees = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            if not attendees and token.dep_ == "xcomp" and token.head.head.lemma_ == "be":
                # "Also due to attend are B, C": the attendees follow the copula
                attendees = [a for c in token.head.head.children if c.dep_ in ("attr", "nsubj")
                             for a in ctx.actors_of(c, persons_only=True)]
            people = _unique(frame["hosts"] + attendees)
            if attendees and len(people) >= 2:
                roles = {"participant": people}
                if frame["places"]:
                    roles["place"] = frame["places"][:1]
                found.append((Found("meeting", token, roles), sent))
            hosts = {h.key for h in frame["hosts"]}
            for place in frame["places"][:1]:
                travelers = [a for a in attendees if a.key not in hosts and a.country != place.country]
                if travelers:
                    found.append((Found("visit", token, {"traveler": travelers, "destination": [place]}), sent))
    return found


def _separate_meetings(ctx: Context, token: Token, verb: Token) -> list[Found]:
    """'meetings with A, B and C': the subject met each of them, not A with B."""
    subj = subject_of(verb)
    hosts = ctx.actors_of(subj, persons_only=True) if subj is not None else []
    others = [a for obj in prep_objects(token, {"with"}) for a in ctx.actors_of(obj, persons_only=True)]
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
