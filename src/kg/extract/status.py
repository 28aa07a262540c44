"""Event status from tense, modals and cue words around the trigger.

Reads the trigger token and the chain of heads above it up to the clause that reports it; the
first matching class wins in this order: cancelled, postponed, (negated -> no event), considered,
planned, occurred.
"""

from __future__ import annotations

from datetime import date as Date

from spacy.tokens import Token

from kg.extract.lexicon import lexicon

# Above these the words belong to another clause (the reporting one, the main one of an
# "after ..." clause, the noun a relative clause describes).
_STOP_DEPS = {"ccomp", "parataxis", "advcl", "pcomp", "relcl"}
_DONE = {"complete", "end", "conclude", "finish", "wrap", "cut"}


def _chain(trigger: Token) -> list[Token]:
    chain = [trigger]
    token = trigger
    while token.head.i != token.i and token.dep_ not in _STOP_DEPS and len(chain) < 8:
        token = token.head
        chain.append(token)
    return chain


def _phrase(token: Token) -> str:
    particles = [c.lower_ for c in token.children if c.dep_ in ("prt",)]
    return " ".join([token.lemma_.lower(), *particles])


def status_of(trigger: Token, *, headline: bool = False, event_date: str | None = None,
              article_date: Date | None = None) -> tuple[str | None, str]:
    """(status, cue words); status None means the event is negated and must not be reported."""
    lex = lexicon()
    cancel = lex.words("cancel_words")
    postpone = lex.words("postpone_words")
    consider = lex.words("consider_words")
    plan = lex.words("plan_words")
    negation = lex.words("negation_words")
    chain = _chain(trigger)
    around: list[Token] = []
    for token in chain:
        around.append(token)
        around.extend(c for c in token.children if c.dep_ in (
            "aux", "auxpass", "neg", "advmod", "amod", "acomp", "prt", "mark", "relcl", "acl", "det"))
        for prep in token.children:  # "was under consideration", "is under discussion"
            if prep.dep_ == "prep" and prep.lower_ == "under":
                around.extend(c for c in prep.children if c.dep_ == "pobj")
    for token in around:
        if _phrase(token) in cancel or token.lower_ in cancel:
            return "cancelled", token.text
    for token in around:
        if _phrase(token) in postpone or token.lower_ in postpone:
            return "postponed", token.text
    for token in chain:
        if token.lemma_.lower() in _DONE and token.i != trigger.i:
            return "occurred", token.text
    for token in around:
        if token.dep_ == "neg" or (token.lower_ in negation and token.dep_ in ("det", "neg")):
            if token.head in chain[:3]:
                return None, token.text
    for token in around:
        lemma = token.lemma_.lower()
        if token.lower_ in ("may", "might", "could") or lemma in consider or token.lower_ in consider:
            if token.lower_ == "may" and token.pos_ == "PROPN":
                continue
            return "considered", token.text
    for token in around:
        lemma = token.lemma_.lower()
        if token.lower_ in plan or lemma in plan:
            if lemma == "set" and token.tag_ == "VBD" and not any(c.dep_ in ("auxpass",) for c in token.children):
                continue
            if lemma == "announce" and token.i != trigger.i and token.tag_ in ("VBD", "VBN"):
                return "planned", token.text
            return "planned", token.text
        if lemma == "be" and any(c.lower_ == "to" and c.dep_ == "aux" for c in chain[0].children):
            return "planned", "is to"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children) and trigger.head.i == trigger.i:
        return "planned", "to"  # headline infinitive: "X to visit Y"
    if headline and trigger.tag_ in ("TO",):
        return "planned", "to"
    if event_date and article_date and event_date > article_date.isoformat()[: len(event_date)]:
        return "planned", "future date"
    top = chain[-1]
    if top.dep_ == "advcl" and top.tag_ in ("VBZ", "VBP", "VBG") and top.head.i != top.i:
        # "... will top the agenda when X welcomes Y": a present-tense time clause takes the
        # status of the clause it hangs on
        inherited, cue = status_of(top.head, headline=headline)
        if inherited in ("planned", "considered"):
            return inherited, cue
    return "occurred", _tense_cue(chain)


def _tense_cue(chain: list[Token]) -> str:
    for token in chain:
        if token.tag_ in ("VBD", "VBN", "VBZ", "VBG", "VBP"):
            return token.text
    return ""
