"""Person-name matching across articles: when a shorter name can be a fuller one.

One rule for joining a surname-only or title+surname mention to a full name, used by the extractor
inside one article (:mod:`kg.extract.persons`) and by store-level identity across articles
(:mod:`kg.identity`), as pure functions of folded words (:func:`kg.text.fold`), so that the store needs
neither spaCy nor the extractor:

* one word ("Okafor") can be a fuller name whose last word is the same or a close spelling
  ("Amara Okafor"; "Okafur" ~ "Okafor": same first letter, 5+ letters, difflib ratio >= 0.83), unless
  that word follows "bin" / "ibn" / "bint" (a father's name: "King Rashid" is not "Khalid bin Rashid");
* several words ("A. Okafor", "Amara Okafor") can be a fuller name whose last word is the same or close
  and whose first word is the same, has the same initial, or which ends with all of them.
"""

from __future__ import annotations

from difflib import SequenceMatcher

__all__ = ["PATRONYMIC", "can_be", "similar"]

PATRONYMIC = frozenset({"bin", "ibn", "bint"})  # "son / daughter of": what follows is the parent's name


def similar(a: str, b: str) -> bool:
    """Two folded words that are the same name, allowing a close spelling of a long one.

    >>> similar("okafor", "okafur"), similar("roe", "rae"), similar("okafor", "akafor")
    (True, False, False)
    """
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.83


def can_be(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the folded words ``short`` can name the person ``full`` (which has more words).

    >>> can_be(("okafor",), ("amara", "okafor")), can_be(("a", "okafor"), ("amara", "n", "okafor"))
    (True, True)
    >>> can_be(("lena", "okafor"), ("amara", "okafor")), can_be(("okafor",), ("okafor",))
    (False, False)
    >>> can_be(("rashid",), ("khalid", "bin", "rashid")), can_be(("bin", "rashid"), ("khalid", "bin", "rashid"))
    (False, True)
    """
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1:
        # "Mohammed bin Salman": the word after "bin" / "ibn" names the father ("King Salman" is
        # another person)
        return similar(short[0], full[-1]) and full[-2] not in PATRONYMIC
    return similar(short[-1], full[-1]) and (short[0] == full[0] or short[0][:1] == full[0][:1]
                                             or short == full[-len(short):])
