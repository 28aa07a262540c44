"""Which persons a gendered pronoun can stand for: "she" is not the foreign minister named last when
his given name, style or office says he is a man.

A person's gender is read, in this order, from what the article says of them and from data:

1. a style or office that says it ("Mrs", "Sir", "Queen", "Chairwoman"; lexicon keys
   ``female_words`` and ``male_words``, matched on the word before a mention and on the last word
   of the person's offices);
2. the given name, when it is a name that public records give to one sex almost always: the name
   table of the ``nomquamgender`` package (MIT; 720,000 names from 36 sources, each with the share of
   women among its bearers), names with three or more sources and a share at most 0.1 (male) or at
   least 0.9 (female), the package's own default threshold. Only the first word of a name of two
   words or more is looked up, so a surname said alone, or said first as in Chinese and Korean
   names (whose surnames the table gives to both sexes), tells nothing.

Unknown is the common answer and the safe one: it never rules a candidate out. The table is read
once per process, on the first pronoun that needs it (0.15 s); an article without "she" or
"he" between two candidates never reads it. The package is only located, not imported (its code
imports pandas): the table is a data file inside it.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from kg.extract.lexicon import lexicon
from kg.text import fold

__all__ = ["FEMININE", "MASCULINE", "gender_of", "given_name_gender"]

FEMININE = frozenset({"she", "her", "hers", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})

_SHARE = 0.1  # a share of women at most this (male) or at least 1 - this (female); _ENTRY says the same


# an entry of the table whose name is plain letters, with three or more sources and a share of women
# at most 0.1 or at least 0.9 ("john": [33, 5737119, 0.001, 3]); matched on the file's text, which is
# ten times faster than loading all 720,000 entries as JSON (0.15 s instead of 1.3 s)
_ENTRY = re.compile(r'"([a-z]+)": \[(?:[3-9]|[1-9][0-9]+), [0-9]+, (0|0\.0[0-9]*|0\.1|0\.9[0-9]*|1|1\.0)[,\]]')


@cache
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(female names, male names) of the package's table (see the module)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset()
    text = (Path(next(iter(spec.submodule_search_locations))) / "name_data.json").read_text("utf-8")
    female, male = set(), set()
    for match in _ENTRY.finditer(text):
        share = float(match.group(2))
        (female if share >= 1 - _SHARE else male).add(match.group(1))
    return frozenset(female - male), frozenset(male - female)


def given_name_gender(name: str) -> str | None:
    """"female", "male" or None for a person's full name, from its first word (see the module)."""
    words = name.split()
    if len(words) < 2:
        return None
    first = fold(words[0])
    female, male = _given_names()
    return "female" if first in female else "male" if first in male else None


def gender_of(doc, entity) -> str | None:
    """"female", "male" or None (not known) for a :class:`PersonEntity` of ``doc``."""
    lex = lexicon()
    female, male = lex.words("female_words"), lex.words("male_words")
    said: set[str] = set()
    for mention in entity.mentions:
        if mention.start > 0:
            before = fold(doc[mention.start - 1].text)
            said |= {"female"} if before in female else {"male"} if before in male else set()
    for title in entity.titles:
        last = title.phrase.split()[-1] if title.phrase else ""
        said |= {"female"} if last in female else {"male"} if last in male else set()
    if len(said) == 1:
        return next(iter(said))
    if said:
        return None  # contradictory: say nothing
    return given_name_gender(entity.name)
