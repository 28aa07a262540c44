"""The language lexicon (``lexicons/language.json``) as ready-made sets and a title matcher."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.text import fold


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    honorifics: frozenset[str]
    prefixes: frozenset[str]
    former: frozenset[str]
    not_offices: frozenset[str]
    title_phrases: frozenset[str]  # folded title phrases, longest match wins
    title_words: frozenset[str]  # every word that can be part of a title
    title_first_words: frozenset[str]  # first words of title phrases (folded)
    io_alias: dict[str, str]  # folded alias -> organisation name
    media: frozenset[str]  # folded media outlet names
    speech_verbs: frozenset[str]

    def words(self, key: str) -> frozenset[str]:
        """The word list ``key`` of ``language.json`` (KeyError for an undeclared key)."""
        return _words(self, key)

    def table(self, key: str) -> Mapping:
        """The mapping ``key`` of ``language.json`` without its ``_about`` note (read once, read-only)."""
        cached = _TABLES.get((id(self), key))
        if cached is None:
            cached = _TABLES[(id(self), key)] = MappingProxyType(
                {k: v for k, v in self.raw[key].items() if not k.startswith("_")})
        return cached


_WORDS: dict[tuple[int, str], frozenset[str]] = {}
_TABLES: dict[tuple[int, str], Mapping] = {}


def _words(lex: Lexicon, key: str) -> frozenset[str]:
    cached = _WORDS.get((id(lex), key))
    if cached is None:
        cached = _WORDS[(id(lex), key)] = frozenset(lex.raw[key])
    return cached


def _title_phrases(raw: dict) -> set[str]:
    phrases = {fold(h) for h in raw["title_heads"]}
    adjectives = set(raw["adjective_fields"])  # "Foreign Minister", never "Minister of Foreign"
    for field in raw["minister_fields"]:
        for head in ("minister", "secretary", "ministry"):
            phrases.add(fold(f"{field} {head}"))
            for link in ("of", "for", "of the") if field not in adjectives else ():
                phrases.add(fold(f"{head} {link} {field}"))
    phrases.discard("state secretary")
    return {p for p in phrases if not p.endswith("ministry")}


@cache
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("kg.lexicons").joinpath("language.json").read_text("utf-8"))
    phrases = _title_phrases(raw)
    io_alias = {}
    for name, aliases in raw["international_organizations"].items():
        for alias in aliases:
            io_alias[fold(alias) if not alias.isupper() else alias] = name
    return Lexicon(
        raw=raw,
        honorifics=frozenset(fold(h) for h in raw["honorifics"]),
        prefixes=frozenset(fold(p) for p in raw["title_prefixes"]),
        former=frozenset(fold(p) for p in raw["former_prefixes"]),
        not_offices=frozenset(raw["not_offices"]),
        title_phrases=frozenset(phrases),
        title_words=frozenset(w for p in phrases for w in p.split()),
        title_first_words=frozenset(p.split()[0] for p in phrases),
        io_alias=io_alias,
        media=frozenset(fold(m) for m in raw["media_outlets"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
    )


def forms(token) -> set[str]:
    """A token's lower-case form, its lemma, and the stems a regular inflection would give (the
    small model's lemmatizer now and then misses one: "hoped" -> "hop").

    >>> sorted(forms(type("T", (), {"lower_": "hoped", "lemma_": "hop"})()))
    ['hop', 'hope', 'hoped']
    """
    lower = token.lower_
    out = {lower, token.lemma_.lower()}
    if lower.endswith("ied"):
        out.add(lower[:-3] + "y")
    elif lower.endswith("ed"):
        out |= {lower[:-1], lower[:-2]}
    elif lower.endswith("ing"):
        out |= {lower[:-3], lower[:-3] + "e"}
    elif lower.endswith("es"):
        out |= {lower[:-1], lower[:-2]}
    elif lower.endswith("s"):
        out.add(lower[:-1])
    return out


def io_name(text: str) -> str | None:
    """International organisation for a name or acronym ("UN" -> "United Nations")."""
    lex = lexicon()
    stripped = text[4:] if text.lower().startswith("the ") else text
    return lex.io_alias.get(stripped) or lex.io_alias.get(fold(stripped))


def title_case(phrase: str) -> str:
    """Office title as printed: 'foreign minister' -> 'Foreign Minister', 'secretary of state' ->
    'Secretary of State'.

    >>> title_case("secretary of the treasury"), title_case("SECRETARY-GENERAL")
    ('Secretary of the Treasury', 'Secretary-General')
    """
    small = {"of", "for", "the", "and", "to"}
    words = phrase.lower().split()
    out = []
    for i, word in enumerate(words):
        if i and word in small:
            out.append(word)
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)
