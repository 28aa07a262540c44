"""The model's rule lemmatizer, applied by look-ups over the Doc's arrays.

``en_core_web_sm``'s ``lemmatizer`` (spaCy's ``EnglishLemmatizer`` in ``rule`` mode) walks the Doc
token by token in Python, makes a ``Token`` for each and sets ``token.lemma_`` one at a time: about
1.2 ms of an AG News item's 9 ms in spaCy (bench/NOTES.md), though its answer for a token is a
function of the token's text, coarse tag and morphology alone (spaCy caches it under exactly that
key, and every path it does not cache -- a base form, a tag with no rules -- reads nothing else).
:func:`install` swaps the component's class for :class:`LookupLemmatizer`, whose ``__call__`` reads
those three values for the whole Doc as one array, asks spaCy's own ``lemmatize`` once per distinct
triple in the process (with its lists of known lemmas made sets), and writes the lemmas back as one array. Tokens whose lemma an earlier
component set (the attribute ruler's exceptions) keep it, as spaCy's own ``__call__`` does, so the
annotations are identical (tests/test_lemmatizer.py compares them), but for the "co-" words
:mod:`kg.nlp` joins into one token.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups, Table
from spacy.tokens import Doc

from kg.nlp import CO_WORD

__all__ = ["LookupLemmatizer", "install"]

_ARRAY = [ORTH, POS, MORPH, LEMMA]


class LookupLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` whose ``__call__`` works on arrays and memoises per (text, tag, morph)."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            return super().__call__(doc)  # spaCy validates its tables (and raises) on the first call
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_kg_memo", {})
        strings = doc.vocab.strings
        rows = doc.to_array(_ARRAY)
        lemmas = rows[:, 3].copy()
        overwrite = self.overwrite
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(self._lemma(doc[i]))
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc


    def _lemma(self, token: Any) -> str:
        """spaCy's lemma; for a 'co-' word joined into one token (:data:`kg.nlp.CO_WORD`: "co-chaired"),
        "co-" and the lemma of the word after it ("co-chair"), which spaCy's rules get wrong ("co-chaire")."""
        if CO_WORD.match(token.text):
            rest = Doc(token.doc.vocab, words=[token.text[3:]], pos=[token.pos_], morphs=[str(token.morph)])
            return "co-" + self.lemmatize(rest[0])[0].lower()
        return self.lemmatize(token)[0]


def install(nlp: Any, name: str = "lemmatizer") -> bool:
    """Apply the pipeline's English rule lemmatizer by look-ups; False (unchanged) if it is another kind."""
    if name not in nlp.pipe_names:
        return False
    component = nlp.get_pipe(name)
    if type(component) is not EnglishLemmatizer or component.mode != "rule":
        return False
    component.__class__ = LookupLemmatizer
    component.lookups = _indexed(component.lookups)
    return True


def _indexed(lookups: Lookups) -> Lookups:
    """The same tables, but each part of speech's list of known lemmas ("lemma_index") as a set:
    spaCy only asks whether a form is in it, and in a list of 57,000 nouns that is a scan each time."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = Table.from_dict({key: frozenset(words) for key, words in table.items()}, name=name)
        out.set_table(name, table)
    return out
