"""Dependency helpers shared by the event finders: subjects, governing verbs, prepositional
objects, and the :class:`Found` record a finder returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.context import Actor
from kg.model import Evidence


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


def governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(7):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        token = head
    return None


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def reported_by(token: Token, verb: Token) -> bool:
    """Is ``token`` inside what ``verb`` reports (its object clause), not a circumstance of it?"""
    while token.i != verb.i and token.head.i != token.i:
        if token.head.i == verb.i:
            return token.dep_ in ("ccomp", "dobj", "nsubj", "nsubjpass", "xcomp", "parataxis")
        token = token.head
    return True


def evidence_of(sent: Span, start: int, end: int) -> Evidence:
    return Evidence(sent.text, sent.start_char, sent.end_char, start, end)
