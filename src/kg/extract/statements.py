"""Statements: quoted words with their speaker, and reported speech ('X told reporters that ...')."""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.lexicon import lexicon
from kg.extract.syntax import Found, subject_of

_QUOTE = re.compile(r"[\"“”]([^\"“”]{20,})[\"“”]")


def find(ctx: Context) -> list[Found]:
    """One statement per sentence: its quote and the speaker of the verb outside it, or (without
    quotes) the first speech verb with an object clause and a speaker who is not a whole state."""
    speech = lexicon().words("speech_verbs")
    found = []
    for sent in ctx.doc.sents:
        m = _QUOTE.search(sent.text)
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in speech:
                continue
            if m is None:
                if not any(c.dep_ == "ccomp" for c in token.children):
                    continue
            elif sent.start_char + m.start(1) <= token.idx < sent.start_char + m.end(1):
                continue  # the verb is inside the quote
            subj = subject_of(token)
            speaker = ctx.actors_of(subj) if subj is not None else []
            if not speaker or (m is None and speaker[0].kind == "country"):
                continue
            f = Found("statement", token, {"speaker": speaker[:1]}, "statement.quote" if m else "statement.reported")
            if m is not None:
                f.quote = m.group(1).strip(" ,")
                f.quote_span = (sent.start_char + m.start(1), sent.start_char + m.end(1))
            found.append(f)
            break
    return found
