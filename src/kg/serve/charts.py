"""Pictures drawn from the graph as standalone SVG (no script, no style sheet, no font file): a timeline
of visits coloured by status and a network of who met whom. The same bytes are shown inline in the
pages and offered as ``.svg`` files to save into a report; the layout is deterministic (same data,
same picture). Every mark is a link to its page and has a ``<title>`` (the browser's tooltip).

Status colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies),
and each status also has its own shape, so a greyscale print still tells them apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

__all__ = ["STATUS_STYLE", "Meeting", "Visit", "esc", "network_svg", "shorten", "svg_document", "timeline_svg"]


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
STATUS_STYLE = {  # status -> (colour, shape)
    "occurred": ("#009E73", "dot"),
    "planned": ("#0072B2", "ring"),
    "considered": ("#CC79A7", "dashed"),
    "postponed": ("#E69F00", "diamond"),
    "cancelled": ("#D55E00", "cross"),
}
_OTHER = ("#555555", "dot")
CLUSTER = 4  # marks drawn side by side at one date before a "+N"


@dataclass(frozen=True)
class Visit:
    event: str  # link target of the mark
    traveler: str
    traveler_href: str
    destination: str
    status: str
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY or ""


@dataclass(frozen=True)
class Meeting:
    event: str
    status: str
    people: tuple[tuple[str, str], ...]  # (name, link), two or more


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def _span(value: str) -> tuple[int, int] | None:
    """A date of any precision as an interval of ordinal days, or None."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts).toordinal()
            return day, day + 1
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first.toordinal(), following.toordinal()
        if len(parts) == 1:
            return date(parts[0], 1, 1).toordinal(), date(parts[0] + 1, 1, 1).toordinal()
    except (ValueError, OverflowError):
        return None
    return None


def _marker(shape: str, colour: str, x: float, y: float, r: float = 6.0) -> str:
    if shape == "ring":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 1:.1f}" fill="#fff" stroke="{colour}" stroke-width="3"/>'
    if shape == "dashed":
        return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 1:.1f}" fill="#fff" stroke="{colour}" '
                f'stroke-width="2.5" stroke-dasharray="3 2"/>')
    if shape == "diamond":
        return (f'<path d="M{x:.1f} {y - r - 1:.1f}L{x + r + 1:.1f} {y:.1f}L{x:.1f} {y + r + 1:.1f}'
                f'L{x - r - 1:.1f} {y:.1f}Z" fill="{colour}"/>')
    if shape == "cross":
        d = r - 1
        return (f'<path d="M{x - d:.1f} {y - d:.1f}L{x + d:.1f} {y + d:.1f}M{x - d:.1f} {y + d:.1f}'
                f'L{x + d:.1f} {y - d:.1f}" stroke="{colour}" stroke-width="3.5" stroke-linecap="round"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'


def _legend(x: float, y: float) -> list[str]:
    out = []
    for status, (colour, shape) in STATUS_STYLE.items():
        out.append(_marker(shape, colour, x + 7, y - 4))
        out.append(f'<text x="{x + 18:.0f}" y="{y:.0f}" font-size="13" fill="#222">{status}</text>')
        x += 30 + 7.5 * len(status)
    return out


def svg_document(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" font-family="{esc(FONT)}" role="img" aria-label="{esc(title)}">'
            f'<title>{esc(title)}</title><rect width="{width}" height="{height}" fill="#fff"/>'
            + "".join(body) + "</svg>\n")


def _ticks(low: int, high: int) -> list[tuple[int, str]]:
    """Tick positions (ordinal days) and labels: years, or months for spans under ~3 years."""
    first, last = date.fromordinal(low), date.fromordinal(high)
    if (high - low) > 3 * 366:
        step = max(1, math.ceil((last.year - first.year + 1) / 12))
        return [(date(y, 1, 1).toordinal(), str(y)) for y in range(first.year, last.year + 2, step)
                if low <= date(y, 1, 1).toordinal() <= high]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / 12))
    out = []
    for n in range(0, months + 1, step):
        y, m = first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1
        day = date(y, m, 1).toordinal()
        if low <= day <= high:
            out.append((day, date(y, m, 1).strftime("%b %Y")))
    return out


def timeline_svg(visits: Sequence[Visit], *, title: str = "Visits by date", width: int = 1100,
                 max_rows: int = 40) -> tuple[str, int]:
    """The timeline SVG and how many travelers were left out (those with the fewest visits)."""
    rows: dict[tuple[str, str], list[Visit]] = {}
    for visit in visits:
        rows.setdefault((visit.traveler, visit.traveler_href), []).append(visit)
    chosen = sorted(rows, key=lambda k: (-len(rows[k]), k))[:max_rows]
    left_out = len(rows) - len(chosen)
    spans = [s for k in chosen for v in rows[k] if (s := _span(v.date))]
    order = sorted(chosen, key=lambda k: (min((s[0] for v in rows[k] if (s := _span(v.date))), default=10**9), k))
    label_w, undated_w, row_h, top = 190, 90, 30, 92
    height = top + row_h * max(1, len(order)) + 40
    x0, x1 = label_w + undated_w + 20, width - 30
    low = min((s[0] for s in spans), default=date(2000, 1, 1).toordinal()) - 15  # no clock: same bytes every day
    high = max((s[1] for s in spans), default=low + 30) + 15
    scale = (x1 - x0) / max(1, high - low)
    body = [f'<text x="20" y="28" font-size="18" font-weight="600" fill="#111">{esc(title)}</text>',
            *_legend(20, 54),
            (f'<text x="{label_w + undated_w / 2 + 10:.0f}" y="{top - 6}" font-size="12" fill="#555" '
             f'text-anchor="middle">no date</text>')]
    for day, text in _ticks(low, high) if spans else []:
        x = x0 + (day - low) * scale
        body.append(f'<line x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{height - 34}" stroke="#e3e3e3"/>'
                    f'<text x="{x:.1f}" y="{height - 16}" font-size="12" fill="#555" text-anchor="middle">'
                    f'{esc(text)}</text>')
    for n, key in enumerate(order):
        y = top + row_h * n + row_h / 2
        if n % 2 == 0:
            body.append(f'<rect x="10" y="{y - row_h / 2:.1f}" width="{width - 20}" height="{row_h}" fill="#f6f7f9"/>')
        name, href = key
        body.append(f'<a href="{esc(href)}"><text x="{label_w}" y="{y + 4.5:.1f}" font-size="14" fill="#1a4d8f" '
                    f'text-anchor="end">{esc(shorten(name, 26))}</text></a>')
        body.extend(_row_marks(rows[key], y, x0, low, scale, label_w + 20, undated_w))
    return svg_document(width, height, title, body), left_out


def _row_marks(visits: list[Visit], y: float, x0: float, low: int, scale: float, ux: float,
               uw: float) -> list[str]:
    """One row's marks. Marks at the same or close dates are drawn side by side, at most
    :data:`CLUSTER` of them; the rest of such a cluster (and of the undated column) is a "+N" whose
    tooltip lists them, so the marks never drift far from their dates."""
    out: list[str] = []
    placed: list[tuple[float, Visit, tuple[int, int] | None]] = []
    hidden: list[tuple[float, list[Visit]]] = []  # (x of the last mark shown, visits not drawn)
    undated_slots = max(1, int((uw - 40) // 16))
    anchor, shown = -1e9, 0
    for visit in sorted(visits, key=lambda v: (v.date, v.destination, v.event)):
        span = _span(visit.date)
        if span is None:
            n = sum(1 for _, _, s in placed if s is None)
            if n < undated_slots:
                placed.append((ux + 12 + 16 * n, visit, None))
            else:
                _hide(hidden, ux + 12 + 16 * (undated_slots - 1), visit)
            continue
        x = x0 + ((span[0] + span[1]) / 2 - low) * scale
        if x - anchor < 14 * max(1, shown):  # close to the cluster being drawn
            if shown >= CLUSTER:
                _hide(hidden, anchor + 14 * (shown - 1), visit)
                continue
            x, shown = anchor + 14 * shown, shown + 1
        else:
            anchor, shown = x, 1
        placed.append((x, visit, span))
    for i, (x, visit, span) in enumerate(placed):
        colour, shape = STATUS_STYLE.get(visit.status, _OTHER)
        tip = f"{visit.traveler} to {visit.destination}: {visit.status}, {visit.date or 'no date'}"
        mark = [f'<a href="{esc(visit.event)}"><title>{esc(tip)}</title>']
        if span and span[1] - span[0] > 1:  # month or year: a bar as wide as the period
            w = max(8.0, (span[1] - span[0]) * scale)
            thin = span[1] - span[0] > 40  # a year: thinner and fainter than a month
            mark.append(f'<rect x="{x - w / 2:.1f}" y="{y - (2 if thin else 3):.1f}" width="{w:.1f}" '
                        f'height="{4 if thin else 6}" rx="2" fill="{colour}" fill-opacity="{0.2 if thin else 0.35}"/>')
        mark.append(_marker(shape, colour, x, y))
        following = [q for q, _, s in placed[i + 1:] if s] + [q for q, _ in hidden if q >= x]
        room = min(following, default=1e9) - x
        if span and room > 12 + 7 * len(visit.destination) and not any(q == x for q, _ in hidden):
            mark.append(f'<text x="{x + 10:.1f}" y="{y + 4:.1f}" font-size="12" fill="#333">'
                        f'{esc(visit.destination)}</text>')
        out.append("".join(mark) + "</a>")
    for x, more in hidden:
        tip = "; ".join(f"{v.destination}: {v.status}, {v.date or 'no date'}" for v in more[:30])
        out.append(f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" font-size="12" font-weight="600" fill="#333">'
                   f'<title>{esc(tip + (" …" if len(more) > 30 else ""))}</title>+{len(more)}</text>')
    return out


def _hide(hidden: list[tuple[float, list[Visit]]], x: float, visit: Visit) -> None:
    for at, more in hidden:
        if at == x:
            more.append(visit)
            return
    hidden.append((x, [visit]))


def shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def network_svg(meetings: Sequence[Meeting], **options: Any) -> tuple[str, int]:
    """The meeting network (see :mod:`kg.serve.network`)."""
    from kg.serve.network import network_svg as draw

    return draw(meetings, **options)
