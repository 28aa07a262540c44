"""Query answers as text, byte-for-byte deterministic (same answer and width -> same output).

Rows of a SELECT (values are the strings of :class:`kg.results.QueryResult`; unbound is ``None``):

- ``table``: a header, a rule of dashes, then the rows, columns left-aligned (wide East Asian characters
  count double), no trailing spaces; unbound and empty both print as nothing; a newline or tab inside
  a value prints as ``\\n`` / ``\\t``. For reading: IRIs are shortened with the export prefixes
  (``person:jane-roe``, ``dip:Visit``) and, unless ``wide``, the widest columns are cut (ending in
  ``…``) so that a line fits ``width`` characters.
- ``csv``: RFC 4180 with a header row, ``\\r\\n`` line ends, as the W3C SPARQL 1.1 CSV results format
  (unbound -> empty field); full IRIs.
- ``tsv``: a header row, then one row per line, fields separated by tabs; tab, newline, carriage return
  and backslash inside a value are escaped as ``\\t``, ``\\n``, ``\\r``, ``\\\\`` (unbound -> empty).
  Unlike W3C SPARQL TSV, values are plain strings, not N-Triples terms.
- ``json``: a list of objects, one per row, keys in column order, ``null`` for unbound; indented with
  two spaces, non-ASCII kept. ``jsonl``: the same objects, one per line.

ASK: ``true`` / ``false`` (``json``: the W3C form ``{"head": {}, "boolean": true}``). CONSTRUCT and
DESCRIBE: the graph in any export format (:func:`kg.export.serialize_triples`).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import TextIO

from kg.formats import RESULT_FORMATS
from kg.iris import PREFIXES
from kg.results import AskResult, Cell, GraphResult, Iri, QueryResult, Result

__all__ = ["FORMATS", "render_result", "short_iri", "write_answer", "write_result"]

FORMATS = RESULT_FORMATS
_ELLIPSIS = "…"
_MIN_CUT = 8  # no column is cut narrower than this
# longest namespace first, so "person:x" wins over "id:person/x"
_SHORT = sorted(((iri, name) for name, iri in PREFIXES.items()), key=lambda item: -len(item[0]))


def write_answer(answer: Result, fmt: str, out: TextIO, binary: io.RawIOBase | None = None, *,
                 width: int | None = None) -> None:
    """Write any query answer: rows and booleans to ``out`` as text, graphs as bytes to ``binary``
    (or encoded to ``out``)."""
    if isinstance(answer, GraphResult):
        from kg.export import serialize_triples

        data = serialize_triples(answer.ntriples(), fmt)
        if binary is not None:
            binary.write(data)
        else:
            out.write(data.decode("utf-8"))
    elif isinstance(answer, AskResult):
        text = "true" if answer.value else "false"
        out.write(json.dumps({"head": {}, "boolean": answer.value}) + "\n" if fmt == "json" else text + "\n")
    else:
        write_result(answer, fmt, out, width=width)


def write_result(result: QueryResult, fmt: str, out: TextIO, *, width: int | None = None) -> None:
    """Write ``result`` to ``out`` in ``fmt`` (one of :data:`FORMATS`); ``width`` cuts tables."""
    if fmt == "table":
        out.write(_table(result, width))
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    elif fmt == "tsv":
        out.write("\t".join(_tsv_escape(c) for c in result.columns) + "\n")
        for row in result.rows:
            out.write("\t".join("" if v is None else _tsv_escape(v) for v in row) + "\n")
    elif fmt == "json":
        out.write(json.dumps(_objects(result), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for obj in _objects(result):
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def render_result(result: QueryResult, fmt: str, *, width: int | None = None) -> str:
    buffer = io.StringIO(newline="")
    write_result(result, fmt, buffer, width=width)
    return buffer.getvalue()


def short_iri(value: str) -> str:
    """An IRI with the longest matching export prefix (``person:jane-roe``), else unchanged.

    >>> short_iri("https://w3id.org/kg-diplomacy/id/person/jane-roe")
    'person:jane-roe'
    >>> short_iri("https://w3id.org/kg-diplomacy/ontology#Visit")
    'dip:Visit'
    >>> short_iri("http://example.org/x")
    'http://example.org/x'
    """
    for iri, name in _SHORT:
        if value.startswith(iri) and len(value) > len(iri):
            return f"{name}:{value[len(iri):]}"
    return value


def _objects(result: QueryResult) -> list[dict[str, str | None]]:
    return [dict(zip(result.columns, (None if v is None else str(v) for v in row))) for row in result.rows]


def _tsv_escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Iri):
        value = short_iri(value)
    return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else
               0 if unicodedata.combining(ch) else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` display columns, ending in an ellipsis when cut."""
    if _width(text) <= limit:
        return text
    kept, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + _ELLIPSIS


def _caps(widths: list[int], width: int | None) -> list[int]:
    """Column widths that fit ``width`` (two spaces between columns): the widest columns are capped
    at one common limit, never below :data:`_MIN_CUT` or their header."""
    if width is None or not widths:
        return widths
    room = width - 2 * (len(widths) - 1)
    if sum(widths) <= room:
        return widths
    cap = max(widths)
    while cap > _MIN_CUT and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def _table(result: QueryResult, width: int | None = None) -> str:
    header = list(result.columns)
    body = [[_cell(v) for v in row] for row in result.rows]
    widths = [_width(c) for c in header]
    for row in body:
        widths = [max(w, _width(c)) for w, c in zip(widths, row)]
    caps = [max(cap, min(_width(h), w)) for cap, h, w in zip(_caps(widths, width), header, widths)]
    if caps != widths:
        body = [[_cut(c, cap) for c, cap in zip(row, caps)] for row in body]
        widths = caps

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths)]
        return "  ".join(padded).rstrip() + "\n"

    return "".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in body])
