"""Output formats: names, aliases, file extensions, and which kind of answer each one writes.

One function, :func:`resolve`, turns ``--format`` and ``-o FILE`` into one canonical format name,
checked once: an alias (``ttl``, ``nt``, ``nq``, ``json-ld``) is its format; with no ``--format``
the extension of ``-o`` decides (``-o graph.nq`` writes N-Quads); with neither, the default of the
kind of answer (a table for rows, Turtle for graphs).
"""

from __future__ import annotations

from pathlib import PurePath

from kg.errors import KgError

__all__ = ["RESULT_FORMATS", "GRAPH_FORMATS", "ALIASES", "EXTENSIONS", "canonical", "resolve"]

RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "jsonl")  # SELECT rows, ASK
GRAPH_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "trig", "jsonld")  # exports, CONSTRUCT
ALIASES: dict[str, str] = {
    "ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads", "n-quads": "nquads",
    "json-ld": "jsonld", "txt": "table", "text": "table",
}
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld",
    ".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl", ".txt": "table",
}


def canonical(name: str) -> str:
    """The format a name or alias stands for (case-insensitive); :class:`KgError` (exit 2) if none.

    >>> canonical("TTL"), canonical("nq"), canonical("csv")
    ('turtle', 'nquads', 'csv')
    """
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in RESULT_FORMATS + GRAPH_FORMATS:
        choices = ", ".join(RESULT_FORMATS + GRAPH_FORMATS + tuple(sorted(ALIASES)))
        raise KgError(f"unknown format {name!r}", where="--format", fix=f"choose one of: {choices}")
    return key


def resolve(fmt: str | None, output: str | None, *, graph: bool) -> str:
    """The format to write: ``fmt`` if given, else from ``output``'s extension, else the default.

    ``graph`` says what is written: a graph (exports, CONSTRUCT, DESCRIBE) or rows (SELECT, ASK).

    >>> resolve(None, "out.nq", graph=True), resolve("ttl", None, graph=True), resolve(None, "-", graph=False)
    ('nquads', 'turtle', 'table')
    >>> resolve(None, "rows.json", graph=False), resolve(None, "graph.json", graph=True)
    ('json', 'jsonld')
    """
    if fmt:
        name = canonical(fmt)
    elif output and output != "-" and PurePath(output).suffix.lower() in EXTENSIONS:
        name = EXTENSIONS[PurePath(output).suffix.lower()]
        if graph and name == "json":
            name = "jsonld"
    else:
        name = "turtle" if graph else "table"
    allowed = GRAPH_FORMATS if graph else RESULT_FORMATS
    if name not in allowed:
        what = "a graph (an export, CONSTRUCT or DESCRIBE)" if graph else "rows (SELECT) or a boolean (ASK)"
        raise KgError(f"format {name} cannot write {what}", where="--format" if fmt else "-o",
                      fix=f"choose one of: {', '.join(allowed)}")
    return name
