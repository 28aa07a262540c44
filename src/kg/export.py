"""Export the store as Turtle, N-Triples, N-Quads, TriG or JSON-LD, byte-for-byte deterministic.

* ``ntriples`` / ``turtle``: the union of all graphs, deduplicated: load it into any store's default
  graph and every stored query answers as on the local store.
* ``nquads`` / ``trig`` / ``jsonld``: every named graph (one per article, the links, the derived
  graphs) AND, unless ``union=False``, their union as the default graph -- the store's own layout.
  Loaded into a store whose default graph is the union of its named graphs (Oxigraph
  ``--union-default-graph``, Virtuoso, GraphDB) the union adds nothing; loaded into one whose default
  graph is its own (Oxigraph, Fuseki/TDB2 by default) it is what the stored queries read.
  JSON-LD carries a compact ``@context`` of the prefixes, embedded (never a remote context).
* The ontology graph is left out unless ``ontology=True``.

Determinism: statements are sorted by their N-Quads text (default graph first for the dataset
formats) and written by Oxigraph's serialisers, which keep input order (JSON-LD: nodes, properties
and values sorted); no blank nodes are minted. Everything is sorted in memory (~300 bytes a quad).

Output is atomic: written to a temporary file in the target folder, then ``os.replace``-d; an
unwritable target raises :class:`~kg.errors.OutputError` and leaves no partial file. ``-`` writes
to standard output.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.errors import OutputError
from kg.iris import ONTOLOGY_GRAPH, PREFIXES
from kg.store import GraphStore

__all__ = [
    "FORMATS", "PREFIXES", "export", "export_bytes", "export_chunks", "jsonld_bytes", "serialize_triples", "write_atomic",
]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def export_bytes(store: GraphStore, fmt: str, *, ontology: bool = False, union: bool = True) -> bytes:
    """The serialisation of ``store`` in ``fmt`` (one of :data:`FORMATS`)."""
    return b"".join(export_chunks(store, fmt, ontology=ontology, union=union))


def export_chunks(store: GraphStore, fmt: str, *, ontology: bool = False, union: bool = True) -> list[bytes]:
    """:func:`export_bytes` in pieces (N-Triples and N-Quads: one per line, not joined in memory)."""
    named, default = _lines(store, ontology)
    if fmt == "ntriples":
        return default
    if fmt == "turtle":
        return [serialize_triples(b"".join(default), fmt)]
    lines = (default if union else []) + named
    if fmt == "nquads":
        return lines
    quads = ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS)
    if fmt == "jsonld":
        return [jsonld_bytes(quads)]
    return [ox.serialize(quads, format=FORMATS[fmt], prefixes=PREFIXES)]


def serialize_triples(ntriples: bytes, fmt: str) -> bytes:
    """Sorted N-Triples in ``fmt`` (any export format; the triples are the default graph)."""
    if fmt in ("ntriples", "nquads"):
        return ntriples
    quads = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    if fmt == "jsonld":
        return jsonld_bytes(quads)
    return ox.serialize(quads, format=FORMATS[fmt], prefixes=PREFIXES)


def _lines(store: GraphStore, ontology: bool) -> tuple[list[bytes], list[bytes]]:
    """(the quads of the named graphs as N-Quads lines, the triples of their union as N-Triples lines),
    each sorted, written by Oxigraph itself (much faster than Python strings); unless ``ontology``, the
    ontology graph and the triples only it holds are left out.

    Oxigraph dumps the default graph first, then the named graphs: the boundary is found by parsing
    ~20 lines (a binary search) and checked on 64 lines of each side; should the order ever differ, the
    lines are told apart against a dump of the default graph. For stores of an older kg the union is
    computed from the named graphs."""
    raw = store.store
    lines = raw.dump(format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    cut = _first_named(lines)
    default, named = lines[:cut], lines[cut:]
    if any(map(_is_named, default[:: max(1, len(default) // 64)])) or \
            not all(map(_is_named, named[:: max(1, len(named) // 64)])):  # pragma: no cover - Oxigraph's order
        own = raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines(keepends=True)
        members = set(own)
        default, named = own, [line for line in lines if line not in members]
    if not ontology:
        tail = f" <{ONTOLOGY_GRAPH}> .\n".encode()
        named = [line for line in named if not line.endswith(tail)]
        only = _ontology_only(raw)
        default = [line for line in default if line not in only]
    if not default and named:  # a store of an older kg: no default graph
        default = list({_without_graph(line) for line in named})
    return sorted(named), sorted(default)


def _is_named(line: bytes) -> bool:
    """Whether an N-Quads line has a graph name (parsed: an IRI or a literal can hold anything)."""
    (quad,) = ox.parse(line, format=ox.RdfFormat.N_QUADS)
    return not isinstance(quad.graph_name, ox.DefaultGraph)


def _first_named(lines: list[bytes]) -> int:
    """The index of the first line of a named graph in a dump whose default-graph lines come first."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high) // 2
        if _is_named(lines[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def _ontology_only(raw: ox.Store) -> set[bytes]:
    """N-Triples lines of the triples that the ontology graph holds and no other named graph does."""
    name = ox.NamedNode(ONTOLOGY_GRAPH)
    only = set()
    for quad in raw.quads_for_pattern(None, None, None, name):
        graphs = {q.graph_name for q in raw.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)}
        if not any(isinstance(g, ox.NamedNode) and g != name for g in graphs):
            only.add(f"{quad.triple} .\n".encode())
    return only


def _without_graph(line: bytes) -> bytes:
    """'<s> <p> <o> <g> .' -> '<s> <p> <o> .' for a quad of a named graph: an IRI holds no space,
    so the graph name starts at the last ' <'."""
    return line[: line.rindex(b" <")] + b" .\n"


# -- JSON-LD ------------------------------------------------------------------------------------

def jsonld_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """Compact JSON-LD: an embedded ``@context`` of :data:`PREFIXES`, IRIs written ``prefix:local``,
    one node object per subject (``@type`` for ``rdf:type``), named graphs as ``{"@id", "@graph"}``
    objects; nodes, properties and values sorted."""
    graphs: dict[str, dict[str, dict[str, list[Any]]]] = {}
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        node = graphs.setdefault(graph, {}).setdefault(_subject(quad.subject), {})
        if isinstance(quad.predicate, ox.NamedNode) and quad.predicate.value == _RDF_TYPE \
                and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(quad.object.value))
        else:
            node.setdefault(_compact(quad.predicate.value), []).append(_value(quad.object))
    top = _nodes(graphs.pop("", {}))
    top += [{"@id": _compact(name), "@graph": _nodes(graphs[name])} for name in sorted(graphs)]
    document = {"@context": dict(PREFIXES), "@graph": top}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _nodes(subjects: dict[str, dict[str, list[Any]]]) -> list[dict[str, Any]]:
    out = []
    for subject in sorted(subjects):
        props = subjects[subject]
        node: dict[str, Any] = {"@id": subject}
        for key in sorted(props, key=lambda k: (k != "@type", k)):
            values = sorted(props[key], key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            node[key] = values[0] if len(values) == 1 else values
        out.append(node)
    return out


def _subject(term: Any) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else _compact(term.value)


def _compact(iri: str) -> str:
    """``prefix:local`` for the longest matching prefix (a JSON-LD compact IRI), else the IRI."""
    best = ""
    for name, base in PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base) and len(base) > len(PREFIXES.get(best, "")):
            best = name
    local = iri[len(PREFIXES[best]):] if best else ""
    return f"{best}:{local}" if best and not local.startswith("//") else iri


def _value(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return {"@id": _compact(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": _compact(term.datatype.value)}
    raise OutputError(f"cannot write {term!r} as JSON-LD")


def export(store: GraphStore, fmt: str, out: str | Path | BinaryIO, *, ontology: bool = False,
           union: bool = True) -> None:
    """Write the export to ``out``: a path (atomically), ``"-"`` (stdout) or a binary stream."""
    chunks = export_chunks(store, fmt, ontology=ontology, union=union)
    if isinstance(out, (str, Path)) and str(out) == "-":
        out = sys.stdout.buffer
    if isinstance(out, (str, Path)):
        write_atomic(Path(out), chunks)
    else:
        out.writelines(chunks)
        out.flush()


def write_atomic(path: Path, data: bytes | list[bytes]) -> None:
    """Write ``data`` (bytes, or a list of pieces) to ``path`` through a temporary file in the same
    folder and ``os.replace``."""
    if path.is_dir():
        raise OutputError("is a folder", where=str(path), fix="give a file name, e.g. -o graph.ttl")
    folder = path.parent
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp_name = handle.name
            handle.writelines([data] if isinstance(data, bytes) else data)
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
