"""Build: article files -> extraction -> RDF -> SHACL gate -> one named graph per article.

:func:`build` first reads every input once without keeping it (checks readability, sizes, JSON,
dates, duplicate ids, ids already stored from another source: :mod:`kg.admission`, RDF syntax),
so a bad input raises :class:`~kg.errors.InputError` before anything is written. Then it streams
(:mod:`kg.stages`): articles -> :func:`kg.extract.extract_many` -> :func:`kg.mapping.to_graph` ->
SHACL (:func:`kg.validate.validate_batch`: :data:`SHACL_BATCH` graphs per pySHACL call) -> if the
graph conforms, :meth:`GraphStore.replace_lines` (one transaction per article). With ``jobs`` > 1
all of this but the store write runs in worker processes; the main process writes in input order,
so the store is the same as with ``jobs=1``; with ``cluster`` the same runs on the workers of a Dask
cluster (:mod:`kg.cluster`). :func:`kg.shards.build_shards` takes the same outcomes to N-Quads shards
instead of the store. An interrupted build keeps the articles stored so far (at most one SHACL batch of
extracted articles is lost).

One bad article never sinks the others. Kept out, reported, and the rest stored:

* a graph that does not conform to the shapes (:attr:`BuildSummary.rejected`; the article's
  previously stored graph, if any, stays as it was);
* an article over the size limit (:class:`~kg.errors.TooLarge`, found in the first reading, before
  any work), an article whose extraction, mapping or SHACL run raises
  (:attr:`BuildSummary.failed`);
* with ``skip_bad``, every bad input article (a ``.jsonl`` line that is not JSON, a bad date, a
  duplicate or colliding id, ...). Without it such an input refuses the whole build, before any
  work, and the message says ``--skip-bad``.

``strict`` is all or nothing: a bad or too large input refuses the build before any work, and an
article that fails or is rejected later keeps *every* article out: the finished articles wait in a
temporary spool file, and the store (``fresh`` included) is only touched when all of them passed.

Afterwards the derived graphs (one person across articles, borrowed jurisdictions, ``dip:sameEventAs``
links between reports of one event) are recomputed from the whole store: :func:`kg.derive.refresh`.

RDF inputs (issue #4, round trip of ``kg export``), only when named explicitly:

``.nq`` / ``.trig``
    every named graph replaces the graph of the same name as-is (no SHACL: these are exports of
    graphs that passed it); default-graph triples go to ``id:graph/file/{file stem}``, except those
    that a named graph of the file holds too (an export's default graph is the union of its graphs).
``.ttl`` / ``.nt``
    all triples replace the graph ``id:graph/file/{file stem}`` (Turtle and N-Triples exports are
    the union of all graphs, so the article split is not recoverable from them).

Files containing ``<!DOCTYPE`` or ``<!ENTITY`` are refused (entity expansion). RDF files are
written before the articles, so an article also given as text wins.
"""

from __future__ import annotations

import functools
import pickle
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import pyoxigraph as ox

from kg.admission import Gate
from kg.articles import ignored_files, source_file
from kg.errors import InputError, StoreError, UsageError
from kg.ids import article_graph_iri
from kg.iris import ID_BASE
from kg.derive import refresh
from kg.model import EVENT_KINDS
from kg.sources import SourceBook, source_of
from kg.stages import Failure, Outcome, outcomes_in_process, outcomes_in_workers
from kg.store import GraphStore

__all__ = ["RDF_SUFFIXES", "BuildSummary", "Failure", "Rejected", "build", "file_graph_iri"]

RDF_SUFFIXES: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 1 << 20
SHACL_BATCH = 32  # article graphs per pySHACL call (kg.validate.validate_batch)
WRITE_CHUNK = 50_000  # triples per store transaction when an article's graph is larger (kg.build._write)
_GRAVITY = (70, 5, 3)  # the exit code of a build with several kinds of failure: the first present, else 1

Progress = Callable[[int, int, str], None]  # (done, total, article id)


@dataclass(frozen=True)
class Rejected:
    article_id: str
    origin: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class BuildSummary:
    articles: int  # stored in this build
    triples: int  # triples of the stored article graphs
    events: tuple[tuple[str, int], ...]  # (event kind, count), in EVENT_KINDS order, non-zero only
    positions: int
    rejected: tuple[Rejected, ...]
    article_ids: tuple[str, ...]  # every article read, stored or rejected, in input order
    rdf_graphs: int = 0  # graphs replaced from RDF inputs
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default=())
    failed: tuple[Failure, ...] = ()  # kept out for another reason than SHACL
    replaced: tuple[str, ...] = ()  # ids that were stored before and were stored again
    ignored: tuple[str, ...] = ()  # files in the input folders that are not articles
    strict: bool = False  # and therefore nothing stored if anything failed
    shards: tuple[str, ...] = ()  # --out-shards: the shard files written (kg.shards), instead of the store
    shard_dir: str = ""

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed

    @property
    def exit_code(self) -> int:
        """0, or the gravest failure's code: 70 (a bug), 5, 3 (input), then 1 (SHACL)."""
        if self.ok:
            return 0
        codes = {failure.exit_code for failure in self.failed}
        return next((code for code in _GRAVITY if code in codes), max(codes, default=1))

    def line(self) -> str:
        """One summary line, e.g. ``built 3 articles, 1 rejected, 120 triples; facts: visit 2, ...``."""
        facts = [f"{kind} {count}" for kind, count in self.events] + [f"positions {self.positions}"]
        rdf = f", {self.rdf_graphs} graph(s) from RDF files" if self.rdf_graphs else ""
        replaced = f" (replaced {len(self.replaced)})" if self.replaced else ""
        failed = f", {len(self.failed)} failed" if self.failed else ""
        shards = f" into {len(self.shards)} shard(s) in {self.shard_dir}" if self.shard_dir else ""
        return (
            f"built {self.articles} article{'s' if self.articles != 1 else ''}{replaced}{shards}, "
            f"{len(self.rejected)} rejected{failed}, {self.triples} triples{rdf}; "
            f"facts: {', '.join(facts)}; {self.seconds:.1f} s"
        )

    def skipped_line(self) -> str | None:
        """``skipped 4 files: .md, .csv, .html, .DS_Store`` (kinds by count), or None."""
        if not self.ignored:
            return None
        kinds = Counter(_kind(Path(path)) for path in self.ignored)
        shown = [kind for kind, _ in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))]
        more = ", ..." if len(shown) > 6 else ""
        count = len(self.ignored)
        return f"skipped {count} file{'s' if count != 1 else ''}: {', '.join(shown[:6])}{more}"


def _kind(path: Path) -> str:
    if path.name.startswith("."):
        return path.name + ("/" if path.is_dir() else "")
    return path.suffix.lower() or "(no extension)"


def file_graph_iri(path: Path) -> str:
    """``id:graph/file/{stem}``: where triples of a Turtle/N-Triples input go."""
    return f"{ID_BASE}graph/file/{quote(path.stem, safe='')}"


def build(
    inputs: Sequence[Path],
    store: GraphStore,
    *,
    fresh: bool = False,
    jobs: int = 1,
    batch_size: int = 64,
    on_progress: Progress | None = None,
    shacl_batch: int | None = None,
    strict: bool = False,
    skip_bad: bool = False,
    replace: bool = False,
    cluster: str | None = None,
) -> BuildSummary:
    """Build ``inputs`` into ``store`` (see the module docstring); articles kept out are in the
    summary, not raised. Raises :class:`~kg.errors.InputError` for a bad input before any work.

    ``jobs``: 1 runs in this process; N > 1 runs extraction, mapping and SHACL in N worker
    processes and only the store writes here, in input order (the store ends up the same).
    ``cluster``: the same on a Dask cluster (``tcp://HOST:PORT`` or ``local:N``; :mod:`kg.cluster`).
    ``shacl_batch``: article graphs per pySHACL call (default :data:`SHACL_BATCH`; 1 = one call
    per article, the same result). ``strict``, ``skip_bad``: see the module docstring.
    ``replace``: an id already stored from another file with other text is replaced, not refused.
    """
    check_options(strict=strict, skip_bad=skip_bad, jobs=jobs, cluster=cluster)
    started = time.monotonic()
    rdf_paths = [Path(p) for p in inputs if Path(p).is_file() and Path(p).suffix.lower() in RDF_SUFFIXES]
    text_paths = [Path(p) for p in inputs if Path(p) not in rdf_paths]
    rdf_graphs = [_read_rdf(path) for path in rdf_paths]  # parses: syntax errors raise here
    book = SourceBook.of(store.path)
    gate = Gate(store, book, fresh=fresh, strict=strict, skip_bad=skip_bad, replace=replace)
    total = sum(1 for _ in gate.admit(text_paths)) if text_paths else 0  # every refusal before any work
    tally = Tally(started=started, failed=list(gate.failures))
    tally.ignored = [str(path) for path in ignored_files(text_paths)] if text_paths else []
    batch = SHACL_BATCH if shacl_batch is None else max(1, shacl_batch)
    lock_fd = store._lock.fileno() if store._lock is not None else -1
    process = functools.partial(outcomes, text_paths, gate, jobs=jobs, cluster=cluster, batch_size=batch_size,
                                shacl_batch=batch, lock_fd=lock_fd)
    try:
        if strict:
            _build_strict(process, store, book, tally, rdf_graphs, total, on_progress, gate.stored_before,
                          fresh=fresh)
        else:
            _prepare(store, book, tally, rdf_graphs, fresh=fresh)
            for done, outcome in enumerate(process(), 1):
                _store(outcome, store, book, tally, gate.stored_before)
                if on_progress is not None:
                    on_progress(done, total, outcome.article_id)
            refresh(store)  # cross-article dip:sameEventAs, recomputed from the whole store
            store.flush()
    finally:
        book.save()
    return tally.summary(strict=strict)


def _prepare(store: GraphStore, book: SourceBook, tally: Tally, rdf_graphs: list[Any], *, fresh: bool) -> None:
    """Before the articles: empty the store (``fresh``), the ontology, the graphs of RDF inputs."""
    _drop_pending(store, book, tally)
    if fresh:
        store.fresh()
        book.clear()
    store.ensure_ontology()
    for graphs in rdf_graphs:
        for name, triples in sorted(graphs.items()):
            store.replace_graph(name, triples)
            tally.rdf_graphs += 1


def check_options(*, strict: bool, skip_bad: bool, jobs: int, cluster: str | None) -> None:
    if strict and skip_bad:
        raise UsageError("--strict and --skip-bad contradict each other", fix="choose one of them")
    if cluster is not None:
        from kg.cluster import parse_cluster

        parse_cluster(cluster)  # a bad address is a usage error before any work
    if cluster is not None and jobs > 1:
        raise UsageError("--cluster and --jobs contradict each other",
                         fix="give the cluster's workers (--cluster local:N), or --jobs N alone")


def outcomes(paths: list[Path], gate: Gate, *, jobs: int, cluster: str | None, batch_size: int, shacl_batch: int,
             lock_fd: int = -1) -> Iterator[Outcome]:
    """Articles -> outcomes (in this process, in ``jobs`` worker processes, or on a Dask ``cluster``),
    in input order."""
    if not paths:  # RDF inputs alone do not load spaCy
        return iter(())
    articles = gate.admitted(paths)
    if cluster is not None:
        return _on_cluster(articles, cluster, batch_size, shacl_batch)
    if jobs <= 1:
        return outcomes_in_process(articles, _stages(), batch_size, shacl_batch)
    return outcomes_in_workers(articles, lock_fd, jobs, batch_size, shacl_batch)


def _on_cluster(articles: Iterator[Any], cluster: str, batch_size: int, shacl_batch: int) -> Iterator[Outcome]:
    from kg.cluster import connect, outcomes_on_cluster, parse_cluster

    stages = _stages  # looked up now: tests swap it (the workers get it by reference)
    with connect(parse_cluster(cluster), stages) as client:
        yield from outcomes_on_cluster(articles, client, stages, batch_size=batch_size, shacl_batch=shacl_batch)


def _build_strict(process: Callable[[], Iterator[Outcome]], store: GraphStore, book: SourceBook, tally: Tally,
                  rdf_graphs: list[Any], total: int, on_progress: Progress | None, stored_before: set[str], *,
                  fresh: bool) -> None:
    """All or nothing: outcomes wait in a spool file; the store is touched only if all passed."""
    with tempfile.TemporaryFile(prefix="kg-build-") as spool:
        passed = 0
        for done, outcome in enumerate(process(), 1):
            tally.ids.append(outcome.article_id)
            if outcome.lines is None:
                record_failure(outcome, tally)
            else:
                pickle.dump(outcome, spool, protocol=pickle.HIGHEST_PROTOCOL)
                passed += 1
            if on_progress is not None:
                on_progress(done, total, outcome.article_id)
        if tally.rejected or tally.failed:
            return
        tally.ids.clear()
        _prepare(store, book, tally, rdf_graphs, fresh=fresh)
        for outcome in _unspool(spool, passed):
            _store(outcome, store, book, tally, stored_before)
        refresh(store)
        store.flush()


def _unspool(spool: IO[bytes], count: int) -> Iterator[Outcome]:
    spool.seek(0)
    for _ in range(count):
        yield pickle.load(spool)


@dataclass
class Tally:
    started: float
    stored: int = 0
    triples: int = 0
    positions: int = 0
    rdf_graphs: int = 0
    events: Counter[str] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    _sources: dict[Path, str] = field(default_factory=dict)

    def source(self, origin: str) -> str:
        """The sources-book record of an article's file, one string per file (not one per article:
        a million articles of one file keep one copy of its path)."""
        file = source_file(origin)
        found = self._sources.get(file)
        if found is None:
            found = self._sources[file] = source_of(file)
        return found

    def take(self, outcome: Outcome) -> bool:
        """Count one outcome; True if its graph is to be written (else its failure is recorded)."""
        self.ids.append(outcome.article_id)
        self.warnings.extend(f"{outcome.origin}: {w}" for w in outcome.warnings)
        if outcome.lines is None:
            record_failure(outcome, self)
            return False
        self.triples += len(outcome.lines)
        self.stored += 1
        self.positions += outcome.positions
        self.events.update(outcome.events)
        return True

    def summary(self, *, strict: bool = False) -> BuildSummary:
        return BuildSummary(
            articles=self.stored,
            triples=self.triples,
            events=tuple((kind, self.events[kind]) for kind in EVENT_KINDS if self.events[kind]),
            positions=self.positions,
            rejected=tuple(self.rejected),
            article_ids=tuple(self.ids),
            rdf_graphs=self.rdf_graphs,
            seconds=time.monotonic() - self.started,
            warnings=tuple(self.warnings),
            failed=tuple(self.failed),
            replaced=tuple(self.replaced),
            ignored=tuple(self.ignored),
            strict=strict,
        )


def _store(outcome: Outcome, store: GraphStore, book: SourceBook, tally: Tally, stored_before: set[str]) -> None:
    if not tally.take(outcome):
        return
    _write(store, book, outcome.article_id, outcome.lines or ())
    book.set(outcome.article_id, tally.source(outcome.origin))
    if outcome.article_id in stored_before:
        tally.replaced.append(outcome.article_id)


def _write(store: GraphStore, book: SourceBook, article_id: str, lines: Sequence[str]) -> None:
    """Replace the article's graph: one transaction, or for a graph of more than
    :data:`WRITE_CHUNK` triples one per chunk (Oxigraph holds a whole transaction in memory: ~1.3 GB
    for 370,000 triples in one SPARQL update). Until the last chunk is in, the sources book marks the
    article pending, so a build killed meanwhile is noticed by the next one (:func:`_drop_pending`)."""
    graph = article_graph_iri(article_id)
    if len(lines) <= WRITE_CHUNK:
        store.replace_lines(graph, lines)
        return
    book.set_pending(article_id, True)
    book.save()
    store.replace_lines(graph, [])
    for start in range(0, len(lines), WRITE_CHUNK):
        data = "".join(f"{line}\n" for line in lines[start:start + WRITE_CHUNK]).encode("utf-8")
        try:  # one transaction per call; parses the N-Triples as it reads them; flushing each chunk
            store.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
            store.flush()  # keeps RocksDB's memtables from growing with the graph (~1 KB per triple)
        except (OSError, RuntimeError, SyntaxError) as exc:
            raise StoreError(f"write failed ({exc})", where=str(store.path)) from None
    book.set_pending(article_id, False)
    book.save()


def _drop_pending(store: GraphStore, book: SourceBook, tally: Tally) -> None:
    """Articles a killed build left half-written (see :func:`_write`) are removed, with a warning."""
    for article_id in sorted(book.pending):
        if store.remove_article(article_id):
            tally.warnings.append(f"article {article_id}: left incomplete by an interrupted build, removed; "
                                  "build it again")
        book.set_pending(article_id, False)


def record_failure(outcome: Outcome, tally: Tally) -> None:
    if outcome.failure is not None:
        tally.failed.append(outcome.failure)
    else:
        tally.rejected.append(Rejected(outcome.article_id, outcome.origin, outcome.rejected or ()))


def _stages() -> tuple[Callable[..., Iterator[Any]], Callable[[Any], Any], Callable[[Any], Any]]:
    """The pipeline stages, imported on use (spaCy and pySHACL are slow to import)."""
    from kg.extract import extract_many
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    return functools.partial(extract_many, keep_going=True), to_graph, validate_graph


def _read_rdf(path: Path) -> dict[str, list[tuple[Any, Any, Any]]]:
    """Parse an RDF input into {graph IRI: triples}; refuses DOCTYPE/ENTITY and bad syntax."""
    _refuse_entities(path)
    default = file_graph_iri(path)
    graphs: dict[str, list[tuple[Any, Any, Any]]] = {}
    try:
        for quad in ox.parse(path=str(path), format=RDF_SUFFIXES[path.suffix.lower()]):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else default
            graphs.setdefault(name, []).append((quad.subject, quad.predicate, quad.object))
    except SyntaxError as exc:
        raise InputError(
            f"not valid {path.suffix[1:]} ({exc.msg})",
            where=f"{path}:{exc.lineno}" if exc.lineno else str(path),
            fix="fix the file or re-export it with `kg export`",
        ) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read ({exc})", where=str(path)) from None
    if default in graphs and len(graphs) > 1:  # an export's default graph: the union of its named graphs
        named = {triple for name, triples in graphs.items() if name != default for triple in triples}
        rest = [triple for triple in graphs.pop(default) if triple not in named]
        if rest:
            graphs[default] = rest
    if not graphs:
        raise InputError("holds no triples", where=str(path), fix="remove it from the inputs")
    return graphs


def _refuse_entities(path: Path) -> None:
    overlap = max(len(marker) for marker in _FORBIDDEN)
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            window = tail + chunk
            for marker in _FORBIDDEN:
                if marker in window:
                    raise InputError(
                        f"contains {marker.decode()} (XML entity declarations are refused)",
                        where=str(path),
                        fix="give Turtle, N-Triples, N-Quads or TriG without DTDs",
                    )
            tail = window[-overlap:]
