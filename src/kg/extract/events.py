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
