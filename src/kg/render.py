"""Query results as text, byte-for-byte deterministic (same result -> same output).

Formats (values are the plain strings of :class:`kg.queries.QueryResult`; unbound is ``None``):

- ``table``: a header, a rule of dashes, then the rows, columns left-aligned and padded to the widest
  cell (wide East Asian characters count double); no trailing spaces; unbound and empty both print as
  nothing; a newline or tab inside a value prints as ``\\n`` / ``\\t``.
- ``csv``: RFC 4180 with a header row, ``\\r\\n`` line ends, as the W3C SPARQL 1.1 CSV results format
  (unbound -> empty field).
- ``tsv``: a header row, then one row per line, fields separated by tabs; tab, newline, carriage return and
  backslash inside a value are escaped as ``\\t``, ``\\n``, ``\\r``, ``\\\\`` (unbound -> empty field). Unlike
  W3C SPARQL TSV, values are plain strings, not N-Triples terms, since the result holds no term types.
- ``json``: a list of objects, one per row, keys in column order, ``null`` for unbound; indented with
  two spaces, non-ASCII kept. Chosen over the W3C SPARQL JSON shape because the result carries plain
  strings (IRI or literal is already decided by the query), so ``{"type": ..., "value": ...}`` would be noise.
- ``jsonl``: the same objects, one per line.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from typing import TextIO

from kg.queries import QueryResult

__all__ = ["FORMATS", "write_result", "render_result"]

FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl")


def write_result(result: QueryResult, fmt: str, out: TextIO) -> None:
    """Write ``result`` to ``out`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        out.write(_table(result))
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


def render_result(result: QueryResult, fmt: str) -> str:
    import io

    buffer = io.StringIO(newline="")
    write_result(result, fmt, buffer)
    return buffer.getvalue()


def _objects(result: QueryResult) -> list[dict[str, str | None]]:
    return [dict(zip(result.columns, row)) for row in result.rows]


def _tsv_escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def _cell(value: str | None) -> str:
    if value is None:
        return ""
    return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else
               0 if unicodedata.combining(ch) else 1 for ch in text)


def _table(result: QueryResult) -> str:
    header = list(result.columns)
    body = [[_cell(v) for v in row] for row in result.rows]
    widths = [_width(c) for c in header]
    for row in body:
        widths = [max(w, _width(c)) for w, c in zip(widths, row)]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths)]
        return "  ".join(padded).rstrip() + "\n"

    return "".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in body])
