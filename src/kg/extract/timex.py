"""Dates in text resolved against the article date, with their precision.

``resolve("next Tuesday", date(2023, 5, 18), future=True)`` -> ``TimeValue("2023-05-23", "day")``.
Relative expressions without an article date stay unresolved (None): never the build day.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from kg.model import TimeValue

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*(?:-|to|and|–)\s*[0-3]?\d)?(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b(?:in|during|by|since|until|early|late|mid-?|next|this|last|of)?\s*{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_YEAR}-(?P<nmonth>[01]\d)-(?P<nday>[0-3]\d)\b"),
]


def _add_months(d: Date, n: int) -> Date:
    month = d.month - 1 + n
    return Date(d.year + month // 12, month % 12 + 1, 1)


def resolve(text: str, anchor: Date | None, *, future: bool | None = None) -> TimeValue | None:
    """Resolve one date expression. ``future``: True for planned events, False for past ones."""
    lower = " ".join(text.lower().split())
    absolute = _absolute(text, anchor, future)
    if absolute is not None:
        return absolute
    if anchor is None:
        return None
    if lower in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return TimeValue(anchor.isoformat(), "day", text)
    if lower == "tomorrow":
        return TimeValue((anchor + timedelta(days=1)).isoformat(), "day", text)
    if lower == "yesterday":
        return TimeValue((anchor - timedelta(days=1)).isoformat(), "day", text)
    m = re.fullmatch(r"(?:on |last |next |this |coming |late |early )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning| afternoon| evening)?", lower)
    if m is None:  # "from Monday to Wednesday", "between Monday and Wednesday": the first day
        m = re.fullmatch(r"(?:from |between )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                         r"(?: (?:to|and|through|until|-) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))", lower)
    if m:
        target = WEEKDAYS[m.group(1)]
        delta = target - anchor.weekday()
        if lower.startswith("next"):
            delta = delta % 7 or 7
        elif future and not lower.startswith("last"):
            delta = delta % 7  # a plan "on Monday" in a Monday article is that day (news names the day)
        else:
            delta = -((-delta) % 7)
        return TimeValue((anchor + timedelta(days=delta)).isoformat(), "day", text)
    if re.search(r"\b(this|earlier this|later this|current) month\b", lower) or lower in ("this month",):
        return TimeValue(anchor.strftime("%Y-%m"), "month", text)
    if re.search(r"\bnext month\b", lower):
        return TimeValue(_add_months(anchor, 1).strftime("%Y-%m"), "month", text)
    if re.search(r"\blast month\b", lower):
        return TimeValue(_add_months(anchor, -1).strftime("%Y-%m"), "month", text)
    if re.search(r"\b(next|coming) week\b", lower):
        return TimeValue((anchor + timedelta(days=7)).strftime("%Y-%m"), "month", text)
    if re.search(r"\b(this|later this|earlier this) week\b", lower):
        return TimeValue(anchor.strftime("%Y-%m"), "month", text)
    if re.search(r"\b(this|coming|next) weekend\b", lower):
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 + (7 if "next" in lower else 0))
        return TimeValue(saturday.strftime("%Y-%m"), "month", text)  # "this weekend": the coming one
    if re.search(r"\blast weekend\b", lower):
        return TimeValue((anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)).strftime("%Y-%m"), "month", text)
    if re.search(r"\blast week\b", lower):
        return TimeValue((anchor - timedelta(days=7)).strftime("%Y-%m"), "month", text)
    if re.search(r"\b(this|later this|earlier this) year\b", lower):
        return TimeValue(str(anchor.year), "year", text)
    if re.search(r"\bnext year\b", lower):
        return TimeValue(str(anchor.year + 1), "year", text)
    if re.search(r"\blast year\b", lower):
        return TimeValue(str(anchor.year - 1), "year", text)
    return None


def _absolute(text: str, anchor: Date | None, future: bool | None) -> TimeValue | None:
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("nmonth"):
            try:
                d = Date(int(groups["year"]), int(groups["nmonth"]), int(groups["nday"]))
            except ValueError:
                continue
            return TimeValue(d.isoformat(), "day", text)
        month = MONTHS.get(groups["month"].lower().rstrip("."))
        if month is None:
            continue
        if groups["month"] == "may" and not groups.get("day") and not groups.get("year"):
            continue  # the modal verb (the month is written "May")
        year = int(groups["year"]) if groups.get("year") else None
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
            if future and month < anchor.month - 1:
                year += 1
            elif future is False and month > anchor.month:
                year -= 1  # "visited Haiti in July", written in June: last July
        day = groups.get("day")
        if day:
            try:
                return TimeValue(Date(year, month, int(day)).isoformat(), "day", text)
            except ValueError:
                continue
        return TimeValue(f"{year:04d}-{month:02d}", "month", text)
    m = re.search(r"\b(?:in |since |by )?((?:19|20)\d\d)\b", text)
    if m and not re.search(r"\d{3,}", text.replace(m.group(1), "")):
        return TimeValue(m.group(1), "year", text)
    return None


DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{2,40}},\s+(?:(?P<d1>[0-3]?\d)\s+(?i:{_MONTH.replace('(?P<month>', '(?P<m1>')})|(?i:{_MONTH.replace('(?P<month>', '(?P<m2>')})\s+(?P<d2>[0-3]?\d)),?\s+(?P<y>(?:19|20)\d\d)"
)


def dateline_date(text: str) -> Date | None:
    """The date of a dateline at the start of a text ('NEW DELHI, 7 September 2004 - ...').

    >>> dateline_date("NEW DELHI, 7 September 2004 (IANS) - India and ...")
    datetime.date(2004, 9, 7)
    """
    m = DATELINE.match(text.strip())
    if not m:
        return None
    month = MONTHS.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
    day = int(m.group("d1") or m.group("d2"))
    try:
        return Date(int(m.group("y")), month, day) if month else None
    except ValueError:
        return None
