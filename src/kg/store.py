"""The embedded graph: an on-disk Oxigraph store, one named graph per article, and their union.

Layout: every article (and the ontology, RDF-file graphs and the derived graphs of :mod:`kg.derive`)
is a named graph, so it can be replaced or removed alone; the store's *default graph* holds the union
of all named graphs, kept exact by every write below. Queries without ``GRAPH`` run on that default
graph: on a 1.1M-quad store a user's no-``GRAPH`` query took 1.2 s there, against 75 s (and 130 times
the rows: Oxigraph's union default graph repeats a triple once per graph that holds it) with
``use_default_graph_as_union`` over the named graphs alone (bench/RESULTS.md, "store layout").
A store written by an older ``kg`` (named graphs only) gets its default graph filled the first time
it is opened for writing (:meth:`GraphStore.ensure_layout`); read-only, it is queried as the union.

Location: ``--graph PATH``, else ``$KG_GRAPH``, else ``.kg/graph`` under the current directory.

Locking: ``<path>.lock`` is ``flock``-ed, exclusively by writers (``kg build``, ``kg remove``,
``kg eval``) and shared by readers (``kg query``, ``kg export``, ``kg validate``), so a reader never
sees a store another process is writing. A busy lock is retried for ``wait`` seconds, then refused
with :class:`~kg.errors.StoreError` (``wait`` defaults to ``$KG_LOCK_WAIT`` or 10 seconds).

Atomicity: :meth:`GraphStore.replace_lines` (articles, derived graphs) is ONE SPARQL update: a new
graph is inserted and copied into the default graph; an existing one gets only its difference (the
triples it loses leave the default graph unless another named graph holds them). Oxigraph runs an
update request in a single transaction (checked: a failing later operation rolls back the earlier
ones), so readers see the old graph or the new one, never a mix. ``remove_article`` and
``ensure_ontology`` are single updates too. ``fresh()`` (``Store.clear``) is one call but builds
that fail afterwards leave the store cleared.

Memory: Oxigraph opens RocksDB with a 512 MB memtable budget *per column family*
(``OptimizeLevelStyleCompaction(512 MB)``: 128 MB write buffers, up to 6 of them) and about ten
column families (the quad indexes and the strings), so a writer's memtables grow by ~1 KB per
triple written until each reaches 128 MB: ~1.3 GB before RocksDB flushes anything by itself
(bench/NOTES.md, "flat memory"). A writable :class:`GraphStore` therefore flushes after every
:data:`FLUSH_TRIPLES` triples it writes, which keeps a long build's memory flat.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import unquote

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.ids import article_graph_iri
from kg.iris import ONTOLOGY_GRAPH

if TYPE_CHECKING:  # rdflib is imported where it is used: `kg query` and `kg export` never need it
    import rdflib

__all__ = [
    "GraphStore", "article_id_of", "article_lines", "default_graph_path", "drop_graph", "ensure_union",
    "has_default_graph", "ontology_dir", "quads_text", "replace_graph_lines", "to_ox", "to_rdflib",
]

DEFAULT_GRAPH = Path(".kg") / "graph"
ARTICLE_GRAPH_PREFIX = article_graph_iri("")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_BUILD_HINT = "run `kg build` first, or pass --graph PATH / set KG_GRAPH"
FLUSH_TRIPLES = 50_000  # triples written between two flushes of RocksDB's memtables (~50 MB of them)


def default_graph_path(option: str | os.PathLike[str] | None = None) -> Path:
    """``--graph`` if given, else ``$KG_GRAPH``, else ``.kg/graph``."""
    if option:
        return Path(option)
    env = os.environ.get("KG_GRAPH")
    return Path(env) if env else DEFAULT_GRAPH


def ontology_dir() -> Path:
    """``$KG_ONTOLOGY_DIR``, else the ontology shipped in the package (``kg.ontology``: the checkout's
    ``ontology/`` folder, mapped by pyproject.toml), wherever ``kg`` is installed."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    from importlib import resources

    return Path(str(resources.files("kg.ontology")))


class GraphStore:
    """An open store plus its lock. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, store: ox.Store, lock: IO[bytes], *, writable: bool) -> None:
        self.path = path
        self._store: ox.Store | None = store
        self._lock: IO[bytes] | None = lock
        self.writable = writable
        self._unflushed = 0  # triples written since the last flush (see FLUSH_TRIPLES)

    # -- opening and closing -------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: Path, *, create: bool = False, write: bool | None = None, wait: float | None = None
    ) -> GraphStore:
        """Open the store at ``path``; ``create`` makes it if missing (and implies ``write``).

        ``wait``: seconds to wait for a busy lock (default ``$KG_LOCK_WAIT`` or 10).
        """
        path = Path(path)
        if wait is None:
            wait = float(os.environ.get("KG_LOCK_WAIT", "10"))
        writable = create if write is None else (write or create)
        exists = path.exists()
        if not exists and not create:
            raise StoreError("no graph here", where=str(path), fix=_BUILD_HINT)
        if exists and not path.is_dir():
            raise StoreError("not a graph folder", where=str(path), fix="pass --graph with a folder path")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = open(f"{path}.lock", "a+b")  # noqa: SIM115 - held until close()
        except OSError as exc:
            raise StoreError(f"cannot create the lock file ({exc.strerror})", where=f"{path}.lock") from None
        try:
            _acquire(lock, exclusive=writable, wait=wait, path=path)
            store = ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
        except StoreError:
            lock.close()
            raise
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            lock.close()
            raise StoreError(
                f"cannot open the graph ({exc})",
                where=str(path),
                fix="it may be corrupt: delete the folder and rebuild it with `kg build`",
            ) from None
        opened = cls(path, store, lock, writable=writable)
        try:
            opened.ensure_layout()
        except StoreError:
            opened.close()
            raise
        return opened

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the graph is closed", where=str(self.path))
        return self._store

    def flush(self) -> None:
        """Write RocksDB's memtables to disk (frees their memory)."""
        if self._store is not None and self.writable:
            self._store.flush()
        self._unflushed = 0

    def wrote(self, triples: int) -> None:
        """Count ``triples`` written; flush once :data:`FLUSH_TRIPLES` have been written since the last
        flush, so the memtables stay small however long the build (see the module docstring)."""
        self._unflushed += triples
        if self._unflushed >= FLUSH_TRIPLES:
            self._guard(self.flush)

    def close(self) -> None:
        """Flush, release the store (Oxigraph closes on release) and the lock."""
        if self._store is not None:
            try:
                self.flush()
            finally:
                self._store = None
                if self.writable:  # a writer's RocksDB lock goes with the last reference
                    gc.collect()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def ensure_layout(self) -> None:
        """Fill an empty default graph with the union of the named graphs (stores of older kg)."""
        if self.writable:
            self._guard(ensure_union, self.store)

    # -- articles ----------------------------------------------------------------------------------
    def replace_article(self, article_id: str, graph: rdflib.Graph) -> int:
        """Make ``graph`` exactly the article's named graph, in one transaction; returns #triples."""
        lines = article_lines(article_id, graph)
        self.replace_lines(article_graph_iri(article_id), lines)
        return len(lines)

    def replace_graph(self, graph_iri: str, triples: Iterable[tuple[object, object, object]]) -> None:
        """Replace one named graph by ``triples`` (pyoxigraph terms) in one update."""
        self.replace_lines(graph_iri, [f"{s} {p} {o} ." for s, p, o in triples])

    def replace_lines(self, graph_iri: str, lines: Iterable[str]) -> None:
        """Replace one named graph by N-Triples ``lines`` (from :func:`article_lines`) in one update,
        keeping the default graph the union of all named graphs."""
        lines = lines if isinstance(lines, (list, tuple)) else list(lines)
        self._guard(replace_graph_lines, self._writable_store(), graph_iri, lines)
        self.wrote(len(lines))

    def drop_graph(self, graph_iri: str) -> bool:
        """Drop one named graph (and its triples from the union); False if it was not there."""
        return bool(self._guard(drop_graph, self._writable_store(), graph_iri))

    def remove_article(self, article_id: str) -> bool:
        """Drop the article's graph; False if it was not there."""
        return self.drop_graph(article_graph_iri(article_id))

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        return sorted(i for i in map(article_id_of, self.store.named_graphs()) if i is not None)

    def article_graph(self, article_id: str) -> rdflib.Graph:
        """The article's triples as an rdflib graph (for SHACL)."""
        import rdflib

        graph = rdflib.Graph()
        name = ox.NamedNode(article_graph_iri(article_id))
        for quad in self.store.quads_for_pattern(None, None, None, name):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return graph

    # -- whole store -------------------------------------------------------------------------------
    def ensure_ontology(self) -> None:
        """(Re)load ``ontology/diplomacy.ttl`` into ``id:graph/ontology`` in one transaction."""
        path = ontology_dir() / "diplomacy.ttl"
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise StoreError(
                f"cannot read the ontology ({exc.strerror})",
                where=str(path),
                fix="set KG_ONTOLOGY_DIR to the folder holding diplomacy.ttl",
            ) from None
        try:
            triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]
        except SyntaxError as exc:
            raise InputError(f"ontology is not valid Turtle ({exc.msg})", where=f"{path}:{exc.lineno}") from None
        self.replace_graph(ONTOLOGY_GRAPH, [(t.subject, t.predicate, t.object) for t in triples])

    def fresh(self) -> None:
        """Remove everything."""
        self._writable_store().clear()

    def quad_count(self) -> int:
        return len(self.store)

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of the named graphs (the default graph, their union, left out)."""
        return (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))

    def _guard(self, write: Any, *args: Any) -> Any:
        try:
            return write(*args)
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"write failed ({exc})", where=str(self.path)) from None

    def _writable_store(self) -> ox.Store:
        if not self.writable:
            raise StoreError("the graph is open read-only", where=str(self.path))
        return self.store


def has_default_graph(store: ox.Store) -> bool:
    """Whether the default graph holds any triple (then it is the union of the named graphs)."""
    return next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None


def ensure_union(store: ox.Store) -> None:
    """Make the default graph the union of the named graphs if it is empty (one update)."""
    if not has_default_graph(store) and next(store.named_graphs(), None) is not None:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def replace_graph_lines(store: ox.Store, graph_iri: str, lines: Iterable[str]) -> None:
    """Make one named graph exactly the N-Triples ``lines``, in ONE update (one transaction), keeping the
    default graph the union of all named graphs.

    Only the difference is written: triples no longer in the graph are deleted from it, and from the
    default graph unless another named graph holds them; new triples are inserted into both. An
    unchanged graph costs one read. (Blank nodes cannot be compared: such a graph is dropped and
    inserted whole.)"""
    name = ox.NamedNode(graph_iri)
    text = "\n".join(lines)
    copy = f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"  # the graph into the union
    if not store.contains_named_graph(name):  # a new graph: nothing to compare (most article writes)
        if text.strip():
            store.update(f"INSERT DATA {{ GRAPH {name} {{\n{text}\n}} }} ;\n{copy}")
        return
    new = {f"{quad.triple} .": quad.triple for quad in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)}
    if not new:  # an empty graph is no graph (Oxigraph keeps the names of emptied graphs)
        drop_graph(store, graph_iri)
        return
    old = {f"{quad.triple} .": quad.triple for quad in store.quads_for_pattern(None, None, None, name)}
    if _has_blank_node(new.values()) or _has_blank_node(old.values()):
        store.update(f"{_out_of_union(name)} ;\nDROP SILENT GRAPH {name} ;\n"
                     f"INSERT DATA {{ GRAPH {name} {{\n{text}\n}} }} ;\n{copy}")
        return
    removed = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    orphans = [line for line in removed if not _held_elsewhere(store, old[line], name)]
    operations = []
    if removed:
        operations.append(f"DELETE DATA {{ GRAPH {name} {{\n{_lines(removed)}\n}} }}")
    if orphans:
        operations.append(f"DELETE DATA {{\n{_lines(orphans)}\n}}")
    if added:
        operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{_lines(added)}\n}} }}")
        operations.append(copy)
    if operations:
        store.update(" ;\n".join(operations))


def drop_graph(store: ox.Store, graph_iri: str) -> bool:
    """Drop one named graph and its triples from the union (one update); False if it was not there."""
    name = ox.NamedNode(graph_iri)
    if not store.contains_named_graph(name):
        return False
    triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, name)]
    if _has_blank_node(triples):
        store.update(f"{_out_of_union(name)} ;\nDROP GRAPH {name}")
        return True
    orphans = sorted({f"{t} ." for t in triples if not _held_elsewhere(store, t, name)})
    store.update(f"DROP GRAPH {name}" + (f" ;\nDELETE DATA {{\n{_lines(orphans)}\n}}" if orphans else ""))
    return True


def _lines(lines: list[str]) -> str:
    return "\n".join(lines)


def _held_elsewhere(store: ox.Store, triple: ox.Triple, name: ox.NamedNode) -> bool:
    """Whether a named graph other than ``name`` holds ``triple`` (then the union keeps it)."""
    for quad in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None):
        if quad.graph_name != name and not isinstance(quad.graph_name, ox.DefaultGraph):
            return True
    return False


def _has_blank_node(triples: Iterable[ox.Triple]) -> bool:
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)


def article_id_of(graph: object) -> str | None:
    """The article id of an article graph's name (``id:graph/article/{id}``), else None."""
    if isinstance(graph, ox.NamedNode) and graph.value.startswith(ARTICLE_GRAPH_PREFIX):
        candidate = unquote(graph.value[len(ARTICLE_GRAPH_PREFIX):], errors="surrogatepass")
        if article_graph_iri(candidate) == graph.value:
            return candidate
    return None


def _out_of_union(name: ox.NamedNode) -> str:
    """The update that takes the triples of graph ``name`` out of the default graph, except those that
    another named graph also holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }}")


def _acquire(lock: IO[bytes], *, exclusive: bool, wait: float, path: Path) -> None:
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(lock.fileno(), mode)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"another kg build is using {path} (waited {wait:g} s)",
                    where=f"{path}.lock",
                    fix="wait for it to finish, or pass --graph OTHER_PATH",
                ) from None
            time.sleep(0.1)


def article_lines(article_id: str, graph: rdflib.Graph) -> list[str]:
    """The triples of an article graph as N-Triples lines, in ``graph``'s iteration order, ready for
    :meth:`GraphStore.replace_lines` (needs no store: ``kg build --jobs N`` workers render them)."""
    where = f"article {article_id}"
    return [
        f"{to_ox(s, where)} {to_ox(p, where)} {to_ox(o, where)} ." for s, p, o in graph.triples((None, None, None))
    ]


def to_ox(term: object, where: str = "graph") -> ox.NamedNode | ox.Literal:
    """rdflib term -> pyoxigraph term. Blank nodes are refused (every node has an IRI)."""
    import rdflib

    if isinstance(term, rdflib.URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as exc:
            raise StoreError(f"invalid IRI <{term}> ({exc})", where=where) from None
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, rdflib.BNode):
        raise StoreError(f"blank node _:{term} in the graph", where=where, fix="mint an IRI for it (kg.ids)")
    raise StoreError(f"unsupported RDF term {term!r}", where=where)


def to_rdflib(term: object) -> rdflib.term.Identifier:
    """pyoxigraph term -> rdflib term; ``xsd:string`` literals become plain literals."""
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype), normalize=False)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    raise TypeError(f"unsupported term {term!r}")


def quads_text(quads: Iterable[ox.Quad]) -> list[str]:
    """Sorted N-Quads lines (for comparisons in tests and exports)."""
    return sorted(f"{q} ." for q in quads)
