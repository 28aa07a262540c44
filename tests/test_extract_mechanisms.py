"""One small test per extraction mechanism, on short invented sentences (names are fictional).

Cases the extractor gets wrong are ``xfail(strict=True)`` with the reason: each documents a gap.
"""

from __future__ import annotations

import functools
from datetime import date

import pytest

from kg import geo
from kg.extract import extract
from kg.model import Article, Event, Extraction
from kg.text import clean_text, clean_title

DAY = date(2021, 3, 4)  # a Thursday
GREEK_FM = "Greek Foreign Minister Nikos Dravas"


@functools.cache
def run(text: str, day: date | None = DAY, title: str | None = None) -> Extraction:
    """The extraction of ``text`` (cached: the spaCy model loads once per module). With a raw
    ``title``, the article is built as :mod:`kg.articles` builds it: clean title, blank line, body."""
    if title is not None:
        title = clean_title(title)
        text = title + "\n\n" + text
    return extract(Article(id="t", text=text, date=day, title=title))


def events(text: str, kind: str, day: date | None = DAY, title: str | None = None) -> list[Event]:
    return [event for event in run(text, day, title).events if event.kind == kind]


def visits(text: str, day: date | None = DAY) -> set[tuple[str, str]]:
    """(traveler, destination country) of every visit."""
    return {(e.role("traveler")[0], e.role("destination")[0]) for e in events(text, "visit", day)}


def [visit] -> None:  # placeholder replaced below
    pass
