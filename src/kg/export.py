"""Export the store as Turtle, N-Triples, N-Quads, TriG or JSON-LD, byte-for-byte deterministic.

* ``ntriples`` / ``turtle``: the union of the article graphs (and RDF-file graphs), deduplicated.
* ``nquads`` / ``trig`` / ``jsonld``: every graph kept (JSON-LD as expanded ``@graph`` objects, no
  ``@context``: nothing remote is ever referenced).
* The ontology graph is left out unless ``ontology=True``.

Determinism: statements are sorted by their N-Quads text (graph first for the dataset formats)
and written by Oxigraph's serialisers, which keep input order; no blank nodes are minted.
Everything is sorted in memory (about 300 bytes per quad).

Output is atomic: written to a temporary file in the target folder, then ``os.replace``-d; an
unwritable target raises :class:`~kg.errors.OutputError` and leaves no partial file. ``-`` writes
to standard output.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import OutputError
from kg.iris import ID_BASE, ONTOLOGY_GRAPH, ONTOLOGY_IRI
from kg.store import GraphStore

__all__ = ["FORMATS", "PREFIXES", "export", "export_bytes", "write_atomic"]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
PREFIXES: dict[str, str] = {
    "dip": ONTOLOGY_IRI + "#",
    "id": ID_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    # one prefix per kind of resource, so Turtle reads "person:jane-roe", not "id:person\/jane-roe"
    **{kind: f"{ID_BASE}{kind}/" for kind in (
        "article", "person", "group", "org", "country", "city", "post", "tenure", "event",
        "occurrence", "evidence")},
    "graph": ID_BASE + "graph/article/",
}


def export_bytes(store: GraphStore, fmt: str, *, ontology: bool = False) -> bytes:
    """The serialisation of ``store`` in ``fmt`` (one of :data:`FORMATS`)."""
    rdf_format = FORMATS[fmt]
    if rdf_format == ox.RdfFormat.N_QUADS:  # a store holds each quad once: no deduplication needed
        return b"".join(sorted(_nquad_lines(store, ontology)))
    named_only = next(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None
    if rdf_format in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE) and named_only:
        # the union: drop each line's graph name, deduplicate, sort (UTF-8 bytes sort as code points)
        triples = b"".join(sorted({_without_graph(line) for line in _nquad_lines(store, ontology)}))
        if rdf_format == ox.RdfFormat.N_TRIPLES:
            return triples
        parsed = ox.parse(triples, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(parsed, format=rdf_format, prefixes=PREFIXES)
    quads = _quads(store, ontology)
    if rdf_format == ox.RdfFormat.N_TRIPLES:
        return "".join(sorted({f"{q.triple} .\n" for q in quads})).encode("utf-8")
    prefixes = None if rdf_format == ox.RdfFormat.JSON_LD else PREFIXES
    if rdf_format.supports_datasets:
        ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.triple)))
        return ox.serialize(ordered, format=rdf_format, prefixes=prefixes)
    triples = {str(q.triple): q.triple for q in quads}
    return ox.serialize([triples[k] for k in sorted(triples)], format=rdf_format, prefixes=prefixes)


def _nquad_lines(store: GraphStore, ontology: bool) -> list[bytes]:
    """Every quad as an N-Quads line, written by Oxigraph itself (much faster than Python strings);
    the ontology graph left out unless asked for."""
    lines = store.store.dump(format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    if ontology:
        return lines
    tail = f" <{ONTOLOGY_GRAPH}> .\n".encode()
    return [line for line in lines if not line.endswith(tail)]


def _without_graph(line: bytes) -> bytes:
    """'<s> <p> <o> <g> .' -> '<s> <p> <o> .' for a quad of a named graph: an IRI holds no space,
    so the graph name starts at the last ' <' (callers check that the default graph is empty)."""
    return line[: line.rindex(b" <")] + b" .\n"


def export(store: GraphStore, fmt: str, out: str | Path | BinaryIO, *, ontology: bool = False) -> None:
    """Write the export to ``out``: a path (atomically), ``"-"`` (stdout) or a binary stream."""
    data = export_bytes(store, fmt, ontology=ontology)
    if isinstance(out, (str, Path)) and str(out) == "-":
        out = sys.stdout.buffer
    if isinstance(out, (str, Path)):
        write_atomic(Path(out), data)
    else:
        out.write(data)
        out.flush()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    if path.is_dir():
        raise OutputError("is a folder", where=str(path), fix="give a file name, e.g. -o graph.ttl")
    folder = path.parent
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp_name = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _file_mode())  # mkstemp makes 0600; give the output the usual mode
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(
            f"cannot write ({exc.strerror or exc})",
            where=str(path),
            fix="check that the folder exists and is writable, or write to stdout with -o -",
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _quads(store: GraphStore, ontology: bool) -> list[ox.Quad]:
    skip = None if ontology else ox.NamedNode(ONTOLOGY_GRAPH)
    return [q for q in _iter(store) if skip is None or q.graph_name != skip]


def _iter(store: GraphStore) -> Iterator[ox.Quad]:
    return store.quads()



