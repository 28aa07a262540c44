"""The header lines people write on top of a ``.txt`` article, and the dates they write.

A header block is a run of lines at the top of the file (blank lines before it allowed), each one of

``Date: 2004-09-07`` / ``date: 2004-09-07T10:30:00Z`` / ``DATE: 2004-09-07 10:30``
    the publication date: ISO 8601 ``YYYY-MM-DD``, or an ISO 8601 date-time whose date part is
    taken as written (no time-zone arithmetic: the article's own calendar day);
``date 2004-09-07``
    the older marker without a colon; text may follow on the same line;
``Title: ...``
    the headline (the article then reads ``title``, blank line, body, like a ``.jsonl`` title);
``URL: ...``
    where the article was published.

The block ends at the first other line; blank lines after it are dropped, so the body may start on
the very next line. A line that looks like a date header (``Date:`` with any value, or ``date``
followed by a digit) but does not hold a valid date is refused with the fix, never read as text:
``Date: 07/09/2004`` (day or month first?), ``Date: 2004-02-30``, ``Date: tomorrow``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime

from kg.errors import ArticleError

__all__ = ["Header", "parse_date", "split_header"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")
_KEYED = re.compile(r"(date|title|url)[ \t]*:(.*)", re.IGNORECASE)
# "date" then a token that starts with a digit: a marker (valid or not); "date palms ..." is text.
_MARKER = re.compile(r"date[ \t]+([0-9]\S*)[ \t]*", re.IGNORECASE)
DATE_FIX = ("write a real calendar date as `Date: YYYY-MM-DD` (ISO 8601; a date-time such as "
            "2004-09-07T10:30:00Z works too)")


@dataclass(frozen=True)
class Header:
    """What a header block gave, and the text after it."""

    date: Date | None
    title: str | None
    url: str | None
    body: str
    line: int  # line of the last header line (1 when there is none), for messages about the body


def parse_date(text: str) -> Date | None:
    """``YYYY-MM-DD`` or an ISO 8601 date-time (its date part as written); None if neither.

    >>> parse_date("2004-09-07"), parse_date("2004-09-07T23:30:00-05:00"), parse_date("2004-09-07 10:30")
    (datetime.date(2004, 9, 7), datetime.date(2004, 9, 7), datetime.date(2004, 9, 7))
    >>> parse_date("07/09/2004"), parse_date("2004-02-30"), parse_date("2004-09-07T25:00")
    (None, None, None)
    """
    text = text.strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return Date.fromisoformat(text)
        match = _ISO_DATETIME.fullmatch(text)
        if match:
            datetime.fromisoformat(text.replace(",", "."))  # checks the time and the offset too
            return Date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return None


def split_header(raw: str, where: str) -> Header:
    """The header block of ``raw`` (see the module docstring); ``where`` is the file path for
    messages (``path:line``). Raises :class:`ArticleError` for a bad or repeated header line."""
    lines = _lines(raw)
    line, pos, end = next(lines, (1, 0, len(raw)))
    while not raw[pos:end].strip() and end < len(raw):  # blank lines before the block
        line, pos, end = next(lines)
    values: dict[str, object] = {}
    first: dict[str, int] = {}
    body_start = 0
    while True:
        text = raw[pos:end].strip()
        keyed = _KEYED.fullmatch(text)
        marker = None if keyed else _MARKER.match(text)
        if keyed is None and marker is None:
            break
        key = keyed.group(1).lower() if keyed else "date"
        shown = text if keyed else text[: marker.end()].strip()  # type: ignore[union-attr]
        if key in first:
            raise ArticleError(f"second {key} header {shown!r} (the first is on line {first[key]})",
                               where=f"{where}:{line}", fix="keep one of them")
        first[key] = line
        value = keyed.group(2).strip() if keyed else marker.group(1)  # type: ignore[union-attr]
        values[key] = _value(key, value, shown, keyed is not None, f"{where}:{line}")
        body_start = end + 1
        if marker is not None and marker.end() < len(text):  # "date 2023-05-18 Amid ...": text follows
            body_start = pos + raw[pos:end].index(text) + marker.end()
            break
        if end >= len(raw):
            break
        line, pos, end = next(lines)
    if not values:
        return Header(None, None, None, raw, 1)
    return Header(values.get("date"), values.get("title"), values.get("url"),  # type: ignore[arg-type]
                  raw[body_start:], max(first.values()))


def _lines(raw: str):
    pos, line = 0, 1
    while pos <= len(raw):
        end = raw.find("\n", pos)
        end = len(raw) if end < 0 else end
        yield line, pos, end
        pos, line = end + 1, line + 1


def _value(key: str, value: str, shown: str, keyed: bool, where: str) -> object:
    if key == "date":
        published = parse_date(value)
        if published is None:
            what = "bad date header" if keyed else "bad date marker"
            raise ArticleError(f"{what} {shown!r}", where=where, fix=DATE_FIX)
        return published
    if not value:
        raise ArticleError(f"empty {key} header {shown!r}", where=where,
                           fix=f"write `{key.capitalize()}: ...` with a value, or remove the line")
    return value
