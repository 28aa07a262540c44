"""The model's attribute ruler, matched by look-ups instead of spaCy's ``Matcher``.

``en_core_web_sm``'s ``attribute_ruler`` maps fine tags to coarse ones and fixes exceptions with 179
token patterns. spaCy runs them through a general ``Matcher``, whose set and regular-expression
predicates call Python for every token and pattern: about 12 microseconds a token, a tenth of a
build's time (bench/NOTES.md). The patterns are all of fixed length, on four token attributes
(``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``) with exact values, ``IN``, ``NOT_IN`` or ``REGEX``, so a
token's matches are a function of those four values: :func:`install` compiles the patterns into
an index on their exact values, caches which pattern positions a token's values satisfy, and puts
the result in place of the ruler's ``match`` -- the same list of ``(pattern, match id, start,
end)`` spaCy's code then applies, so the annotations are identical (tests/test_ruler.py compares
them). A pattern outside that subset (a quantifier, another attribute or predicate) leaves the
ruler as spaCy made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc

__all__ = ["compile_patterns", "install"]

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # a token's key: these four values, in this order
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_Key = tuple[str, str, str, bool]
_Test = Callable[[_Key], bool]


class Unsupported(ValueError):
    """A pattern the look-up matcher does not compile (spaCy's Matcher is kept)."""


def _test(slot: int, value: Any) -> tuple[_Test, list[Any]]:
    """A test of one attribute value, and the exact values that can pass it ([] if not finite)."""
    if isinstance(value, dict):
        if len(value) != 1:
            raise Unsupported(f"predicate {value!r}")
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return (lambda key: key[slot] in allowed), list(arg)
        if op == "NOT_IN":
            banned = frozenset(arg)
            return (lambda key: key[slot] not in banned), []
        if op == "REGEX" and slot != 3:
            pattern = re.compile(arg)
            return (lambda key: pattern.search(key[slot]) is not None), []
        raise Unsupported(f"predicate {op}")
    if isinstance(value, bool) != (slot == 3):
        raise Unsupported(f"value {value!r}")
    return (lambda key: key[slot] == value), [value]


def _spec(token: dict[str, Any]) -> tuple[_Test, tuple[int, list[Any]] | None]:
    """One token of a pattern: a test of a token key, and an anchor (slot, exact values) or None."""
    tests, anchor = [], None
    for name, value in token.items():
        if name not in _ATTRS:
            raise Unsupported(f"attribute {name}")
        slot = _ATTRS.index(name)
        test, exact = _test(slot, value)
        tests.append(test)
        if exact and (anchor is None or len(exact) < len(anchor[1])):
            anchor = (slot, exact)
    return (lambda key: all(test(key) for test in tests)), anchor


class LookupMatcher:
    """``AttributeRuler.match`` for patterns of fixed length over the four attributes above."""

    def __init__(self, patterns: Iterable[tuple[int, int, list[dict[str, Any]]]]):
        self._patterns: list[tuple[int, int, int]] = []  # (attr id, match id, length)
        self._index: dict[tuple[int, Any], list[tuple[int, int, _Test]]] = {}
        self._always: list[tuple[int, int, _Test]] = []
        self._cache: dict[tuple[int, int, int, int], frozenset[tuple[int, int]]] = {}
        for attr_id, match_id, tokens in patterns:
            number = len(self._patterns)
            self._patterns.append((attr_id, match_id, len(tokens)))
            for position, token in enumerate(tokens):
                test, anchor = _spec(token)
                entry = (number, position, test)
                if anchor is None:
                    self._always.append(entry)
                for value in anchor[1] if anchor else ():
                    self._index.setdefault((anchor[0], value), []).append(entry)

    def _satisfied(self, key: _Key) -> frozenset[tuple[int, int]]:
        """The (pattern, position) pairs a token with these values satisfies."""
        candidates = list(self._always)
        for slot, value in enumerate(key):
            candidates += self._index.get((slot, value), ())
        return frozenset((number, position) for number, position, test in candidates if test(key))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = doc.vocab.strings
        cache = self._cache
        found: list[frozenset[tuple[int, int]]] = []
        for row in doc.to_array(_ARRAY).tolist():
            hashed = tuple(row)
            satisfied = cache.get(hashed)
            if satisfied is None:
                key = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
                satisfied = cache[hashed] = self._satisfied(key)
            found.append(satisfied)
        matches = []
        for start, pairs in enumerate(found):
            for number, position in pairs:
                if position:
                    continue
                attr_id, match_id, length = self._patterns[number]
                end = start + length
                if end <= len(found) and all((number, k) in found[start + k] for k in range(1, length)):
                    matches.append((attr_id, match_id, start, end))
        matches.sort()
        return matches


def compile_patterns(ruler: Any) -> LookupMatcher:
    """The ruler's patterns as a :class:`LookupMatcher`; :class:`Unsupported` if one is outside it."""
    entries = []
    for attr_id, pattern in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings[str(attr_id)]
        for tokens in pattern["patterns"]:
            if not tokens:
                raise Unsupported("an empty pattern")
            entries.append((attr_id, match_id, tokens))
    return LookupMatcher(entries)


def install(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Match the pipeline's attribute ruler by look-ups; False (ruler unchanged) if it cannot be."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        ruler.match = compile_patterns(ruler)
    except Unsupported:
        return False
    return True
