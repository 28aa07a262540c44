"""Build: article files -> extraction -> RDF -> SHACL gate -> one named graph per article.

:func:`build` first reads every input once without keeping it (checks readability, sizes, JSON,
dates, duplicate ids, RDF syntax), so a bad input raises :class:`~kg.errors.InputError` before
anything is written. Then it streams: articles -> :func:`kg.extract.extract_many` ->
:func:`kg.mapping.to_graph` -> SHACL (:func:`kg.validate.validate_batch`: :data:`SHACL_BATCH` graphs
per pySHACL call, the same verdicts as :func:`kg.validate.validate_graph` one by one) -> if the graph
conforms, :meth:`GraphStore.replace_lines` (one transaction per article). With ``jobs`` > 1 all of
this but the store write runs in worker processes; the main process writes in input order, so the
store is the same as with ``jobs=1``. An interrupted build keeps the articles stored so far (at most
one SHACL batch of extracted articles is lost). A graph that does not conform is
kept out -- the article's previously stored graph, if any, stays as it was -- and reported in
:attr:`BuildSummary.rejected`; the other articles are still stored.

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

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from kg.articles import read_articles
from kg.errors import InputError
from kg.ids import article_graph_iri
from kg.iris import ID_BASE
from kg.derive import refresh
from kg.model import EVENT_KINDS, Article
from kg.store import GraphStore, article_lines

__all__ = ["RDF_SUFFIXES", "BuildSummary", "Rejected", "build", "file_graph_iri"]

RDF_SUFFIXES: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 1 << 20
SHACL_BATCH = 32  # article graphs per pySHACL call (kg.validate.validate_batch)

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

    @property
    def ok(self) -> bool:
        return not self.rejected

    def line(self) -> str:
        """One summary line, e.g. ``built 3 articles, 1 rejected, 120 triples; facts: visit 2, ...``."""
        facts = [f"{kind} {count}" for kind, count in self.events] + [f"positions {self.positions}"]
        rdf = f", {self.rdf_graphs} graph(s) from RDF files" if self.rdf_graphs else ""
        return (
            f"built {self.articles} article{'s' if self.articles != 1 else ''}, "
            f"{len(self.rejected)} rejected, {self.triples} triples{rdf}; "
            f"facts: {', '.join(facts)}; {self.seconds:.1f} s"
        )


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
) -> BuildSummary:
    """Build ``inputs`` into ``store`` (see the module docstring); never raises for SHACL.

    ``jobs``: 1 runs in this process; N > 1 runs extraction, mapping and SHACL in N worker
    processes and only the store writes here, in input order (the store ends up the same).
    ``shacl_batch``: article graphs per pySHACL call (default :data:`SHACL_BATCH`; 1 = one call
    per article, the same result).
    """
    started = time.monotonic()
    rdf_paths = [Path(p) for p in inputs if Path(p).is_file() and Path(p).suffix.lower() in RDF_SUFFIXES]
    text_paths = [Path(p) for p in inputs if Path(p) not in rdf_paths]
    rdf_graphs = [_read_rdf(path) for path in rdf_paths]  # parses: syntax errors raise here
    total = sum(1 for _ in read_articles(text_paths)) if text_paths else 0

    if fresh:
        store.fresh()
    store.ensure_ontology()
    tally = _Tally(started=started)
    for graphs in rdf_graphs:
        for name, triples in sorted(graphs.items()):
            store.replace_graph(name, triples)
            tally.rdf_graphs += 1
    if text_paths:  # RDF inputs alone do not load spaCy
        batch = SHACL_BATCH if shacl_batch is None else max(1, shacl_batch)
        _build_articles(text_paths, store, tally, total, jobs, batch_size, on_progress, batch)
    refresh(store)  # persons, borrowed jurisdictions, dip:sameEventAs: recomputed from the whole store
    store.flush()
    return tally.summary()


@dataclass
class _Tally:
    started: float
    stored: int = 0
    triples: int = 0
    positions: int = 0
    rdf_graphs: int = 0
    events: Counter[str] = field(default_factory=Counter)
    rejected: list[Rejected] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> BuildSummary:
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
        )


@dataclass(frozen=True)
class _Outcome:
    """What the main process needs of one article: stored lines, or the rejection, or an error."""

    article_id: str
    origin: str
    warnings: tuple[str, ...] = ()
    lines: tuple[str, ...] | None = None  # N-Triples of the conforming graph (kg.store.article_lines)
    rejected: tuple[str, ...] | None = None  # the SHACL report lines of a graph kept out
    positions: int = 0
    events: tuple[str, ...] = ()  # event kinds
    error: BaseException | None = None  # raised in the main process when this article comes up


def _build_articles(
    paths: list[Path],
    store: GraphStore,
    tally: _Tally,
    total: int,
    jobs: int,
    batch_size: int,
    on_progress: Progress | None,
    shacl_batch: int,
) -> None:
    """Articles -> outcomes (in-process, or in ``jobs`` worker processes) -> store, in input order."""
    if jobs <= 1:
        outcomes = _outcomes_in_process(read_articles(paths), batch_size, shacl_batch)
    else:
        outcomes = _outcomes_in_workers(read_articles(paths), store, jobs, batch_size, shacl_batch)
    for done, outcome in enumerate(outcomes, 1):
        _store(outcome, store, tally)
        if on_progress is not None:
            on_progress(done, total, outcome.article_id)


def _store(outcome: _Outcome, store: GraphStore, tally: _Tally) -> None:
    tally.ids.append(outcome.article_id)
    tally.warnings.extend(f"{outcome.origin}: {w}" for w in outcome.warnings)
    if outcome.error is not None:
        raise outcome.error
    if outcome.lines is not None:
        store.replace_lines(article_graph_iri(outcome.article_id), outcome.lines)
        tally.triples += len(outcome.lines)
        tally.stored += 1
        tally.positions += outcome.positions
        tally.events.update(outcome.events)
    else:
        tally.rejected.append(Rejected(outcome.article_id, outcome.origin, outcome.rejected or ()))


def _outcomes_in_process(articles: Iterable[Article], batch_size: int, shacl_batch: int) -> Iterator[_Outcome]:
    """``--jobs 1``: extract lazily, SHACL-check ``shacl_batch`` extractions at a time."""
    extract_many, to_graph, validate = _stages()
    extractions = extract_many(articles, n_process=1, batch_size=batch_size)
    pending: list[Any] = []
    while True:
        try:
            extraction = next(extractions)
        except StopIteration:
            break
        except BaseException:  # the articles extracted before the failure are still stored
            yield from _check(pending, to_graph, validate)
            raise
        pending.append(extraction)
        if len(pending) >= shacl_batch:
            yield from _check(pending, to_graph, validate)
            pending = []
    yield from _check(pending, to_graph, validate)


def _check(extractions: list[Any], to_graph: Callable[[Any], Any], validate: Callable[[Any], Any]) -> list[_Outcome]:
    """Map, SHACL-check (one union call, see :func:`kg.validate.validate_batch`) and render a batch."""
    from kg.validate import validate_batch

    graphs: list[Any] = []
    errors: dict[int, BaseException] = {}
    for i, extraction in enumerate(extractions):
        try:
            graphs.append(to_graph(extraction))
        except Exception as exc:  # noqa: BLE001 - raised in order by _store
            errors[i] = exc
            graphs.append(None)
    valid = [i for i, graph in enumerate(graphs) if graph is not None]
    reports = dict(zip(valid, validate_batch([graphs[i] for i in valid], validate)))
    outcomes = []
    for i, extraction in enumerate(extractions):
        article = extraction.article
        base = {"article_id": article.id, "origin": article.origin, "warnings": tuple(extraction.warnings)}
        if i in errors:
            outcomes.append(_Outcome(**base, error=errors[i]))
            continue
        report = reports[i]
        if not report.conforms:
            outcomes.append(_Outcome(**base, rejected=tuple(report.lines())))
            continue
        try:
            lines = tuple(article_lines(article.id, graphs[i]))
        except Exception as exc:  # noqa: BLE001 - e.g. StoreError for an invalid IRI, raised in order
            outcomes.append(_Outcome(**base, error=exc))
            continue
        outcomes.append(_Outcome(**base, lines=lines, positions=len(extraction.positions),
                                 events=tuple(event.kind for event in extraction.events)))
    return outcomes


def _outcomes_in_workers(
    articles: Iterable[Article], store: GraphStore, jobs: int, batch_size: int, shacl_batch: int
) -> Iterator[_Outcome]:
    """``--jobs N``: chunks of ``batch_size`` articles go to N worker processes (each loads spaCy
    once, extracts, maps, SHACL-checks and renders); results come back in input order, at most
    ``2 * jobs`` chunks ahead of the store writes. Workers never open the store."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # workers inherit kg's modules (and test doubles)
    chunks = _chunks(articles, batch_size)
    lock_fd = store._lock.fileno() if store._lock is not None else -1
    with context.Pool(jobs, initializer=_worker_init, initargs=(lock_fd,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_worker_chunk, (chunk, batch_size, shacl_batch)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_init(lock_fd: int) -> None:
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if lock_fd >= 0:  # the store lock is the main process's: a worker must not keep it held
        os.close(lock_fd)
    try:  # Linux: end with the main process (a SIGKILLed build leaves no workers behind)
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_chunk(chunk: list[Article], batch_size: int, shacl_batch: int) -> list[_Outcome]:
    """One chunk in a worker: its outcomes, in order; a failure becomes the next article's error."""
    outcomes: list[_Outcome] = []
    try:
        outcomes.extend(_outcomes_in_process(chunk, batch_size, shacl_batch))  # keeps those before a failure
    except Exception as exc:  # noqa: BLE001 - re-raised by the main process at this article
        article = chunk[min(len(outcomes), len(chunk) - 1)]
        outcomes.append(_Outcome(article.id, article.origin, error=exc))
    return outcomes


def _stages() -> tuple[Callable[..., Iterator[Any]], Callable[[Any], Any], Callable[[Any], Any]]:
    """The pipeline stages, imported on use (spaCy and pySHACL are slow to import)."""
    from kg.extract import extract_many
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    return extract_many, to_graph, validate_graph


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
