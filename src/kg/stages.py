"""The per-article work of ``kg build``: extract -> map -> SHACL -> N-Triples lines, as outcomes.

One article's failure is that article's :class:`Outcome` (a :class:`Failure`), never the end of the
stream: the extractor marks the article it fails on (``extract_many(..., keep_going=True)``), and
if the extraction stream itself dies, it is started again after the article it was working on
(:func:`extractions`); a mapping or store error and a SHACL run that raises are caught per article.
With ``jobs`` > 1 the same runs in worker processes (``fork``) that never open the store; the main
process gets the outcomes back in input order.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from kg.errors import INTERNAL_ERROR_EXIT, KgError
from kg.model import Article
from kg.store import article_lines

__all__ = ["Failure", "Outcome", "build_articles", "chunks", "extractions", "failure_of", "outcomes_in_process",
           "outcomes_in_workers", "run_chunk"]

FRESH_PIPELINE_EVERY = 100_000  # articles extracted with one spaCy pipeline (see _fresh_pipeline)
_since_fresh = 0  # articles this process has extracted with its current pipeline
Stages = tuple[Callable[..., Iterator[Any]], Callable[[Any], Any], Callable[[Any], Any]]


@dataclass(frozen=True)
class Failure:
    """An article that is not stored, and why (SHACL rejections are :class:`kg.build.Rejected`).

    ``kind``: ``too large``, ``bad input``, ``id collision`` (exit 3), ``extraction error`` (exit 70),
    or the kind of a :class:`~kg.errors.KgError` raised for it (its exit code)."""

    article_id: str | None
    origin: str
    line: str  # one line for the report: "where: what; fix"
    exit_code: int
    kind: str
    trace: str = ""  # the traceback of an unexpected exception (shown with KG_DEBUG=1)


@dataclass(frozen=True)
class Outcome:
    """What the main process needs of one article: stored lines, or the rejection, or the failure."""

    article_id: str
    origin: str
    warnings: tuple[str, ...] = ()
    lines: tuple[str, ...] | None = None  # N-Triples of the conforming graph (kg.store.article_lines)
    rejected: tuple[str, ...] | None = None  # the SHACL report lines of a graph kept out
    positions: int = 0
    events: tuple[str, ...] = ()  # event kinds
    failure: Failure | None = None

    def quads(self) -> list[str]:
        """The stored graph as N-Quads lines in the article's named graph (empty if not stored)."""
        from kg.ids import article_graph_iri

        graph = f"<{article_graph_iri(self.article_id)}>"
        return [f"{line[:-2]} {graph} ." for line in self.lines or ()]  # "s p o ." -> "s p o <g> ."

    def problem(self) -> str | None:
        """Why the article is not stored (its failure line, or its first SHACL violation), else None."""
        if self.failure is not None:
            return self.failure.line
        if self.rejected is not None:
            return f"{self.article_id} ({self.origin}): rejected by SHACL: " + "; ".join(self.rejected[:1])
        return None


def failure_of(article: Article, exc: BaseException, kind: str = "extraction error") -> Failure:
    """The failure record of ``article`` for ``exc`` (a :class:`KgError` keeps its code and message)."""
    if isinstance(exc, KgError):
        return Failure(article.id, article.origin, f"{article.id} ({article.origin}): {exc.message}",
                       exc.exit_code, type(exc).__name__)
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    what = f"{kind}: {type(exc).__name__}: {exc}".replace("\n", " ")
    return Failure(article.id, article.origin, f"{article.id} ({article.origin}): {what}",
                   INTERNAL_ERROR_EXIT, kind, trace)


class _Feed:
    """The articles handed to an extraction stream, remembered until their extraction comes out,
    so a stream that dies can be started again after the article it was working on."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._source = iter(articles)
        self._again: deque[Article] = deque()
        self.taken: deque[Article] = deque()

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> Article:
        article = self._again.popleft() if self._again else next(self._source)
        self.taken.append(article)
        return article

    def restart(self) -> None:
        self._again = self.taken + self._again
        self.taken = deque()


def extractions(articles: Iterable[Article], extract_many: Callable[..., Iterator[Any]],
                batch_size: int) -> Iterator[tuple[Article, Any]]:
    """(article, its Extraction or its :class:`Failure`), in input order, whatever fails."""
    from kg.extract import Failed

    feed = _Feed(articles)
    while True:
        try:
            for item in extract_many(feed, n_process=1, batch_size=batch_size):
                article = feed.taken.popleft()
                yield article, failure_of(article, item.error) if isinstance(item, Failed) else item
            return
        except Exception as exc:
            if not feed.taken:  # before any article (loading the model ...): not an article's fault
                raise
            article = feed.taken.popleft()
            yield article, failure_of(article, exc)
            feed.restart()


def build_articles(articles: Iterable[Article], *, batch_size: int = 64, shacl_batch: int = 32) -> Iterator[Outcome]:
    """The per-article work of ``kg build`` as a pure function of a stream of articles, for any engine
    (Dask: :mod:`kg.cluster`; Spark: ``mapPartitions``, README): outcomes in input order."""
    from kg.build import _stages

    return outcomes_in_process(articles, _stages(), batch_size, shacl_batch)


def outcomes_in_process(articles: Iterable[Article], stages: Stages, batch_size: int,
                        shacl_batch: int) -> Iterator[Outcome]:
    """Extract lazily, SHACL-check ``shacl_batch`` extractions at a time; outcomes in input order.
    After every :data:`FRESH_PIPELINE_EVERY` articles a process has extracted (over all its calls: a
    worker gets one chunk per call) the spaCy pipeline is loaded afresh (:func:`_fresh_pipeline`)."""
    global _since_fresh
    source = iter(articles)
    while (first := next(source, None)) is not None:
        if _since_fresh >= FRESH_PIPELINE_EVERY:
            _fresh_pipeline()
        segment = chain([first], islice(source, max(0, FRESH_PIPELINE_EVERY - _since_fresh - 1)))
        for outcome in _outcomes_of(segment, stages, batch_size, shacl_batch):
            _since_fresh += 1
            yield outcome


def _fresh_pipeline() -> None:
    """Drop the loaded spaCy pipeline, so the next articles get a fresh one. spaCy's vocabulary keeps
    every string it has seen (~410 bytes per new string, ~1.8 new strings per article of unseen news:
    bench/NOTES.md), so one pipeline for a million articles would grow by hundreds of MB; the same
    articles give the same graphs with a fresh pipeline (every process of --jobs and --cluster has its
    own). The constructions engine is cached per vocabulary: dropped too, or it would keep the old one."""
    global _since_fresh
    from kg import nlp

    _since_fresh = 0
    nlp.load.cache_clear()
    engine = getattr(sys.modules.get("kg.extract.constructions"), "engine", None)
    if engine is not None and hasattr(engine, "cache_clear"):
        engine.cache_clear()


def _outcomes_of(articles: Iterable[Article], stages: Stages, batch_size: int,
                 shacl_batch: int) -> Iterator[Outcome]:
    extract_many, to_graph, validate = stages
    pending: list[tuple[Article, Any]] = []
    for article, item in extractions(articles, extract_many, batch_size):
        pending.append((article, item))
        if len(pending) >= shacl_batch:
            yield from _check(pending, to_graph, validate)
            pending = []
    yield from _check(pending, to_graph, validate)


def _check(items: list[tuple[Article, Any]], to_graph: Callable[[Any], Any],
           validate: Callable[[Any], Any]) -> list[Outcome]:
    """Map, SHACL-check (one union call, see :func:`kg.validate.validate_batch`) and render a batch."""
    from kg.validate import validate_batch

    graphs: dict[int, Any] = {}
    failed: dict[int, Failure] = {}
    for i, (article, item) in enumerate(items):
        if isinstance(item, Failure):
            failed[i] = item
            continue
        try:
            graphs[i] = to_graph(item)
        except Exception as exc:  # noqa: BLE001 - this article fails, the batch goes on
            failed[i] = failure_of(article, exc, "mapping error")
    try:
        reports = dict(zip(graphs, validate_batch(list(graphs.values()), validate)))
    except Exception:  # noqa: BLE001 - one graph breaks the SHACL run: find it, validate the others
        reports = {}
        for i, graph in graphs.items():
            try:
                reports[i] = validate_batch([graph], validate)[0]
            except Exception as exc:  # noqa: BLE001
                failed[i] = failure_of(items[i][0], exc, "SHACL error")
    return [_outcome(article, item, graphs.get(i), reports.get(i), failed.get(i))
            for i, (article, item) in enumerate(items)]


def _outcome(article: Article, extraction: Any, graph: Any, report: Any, failure: Failure | None) -> Outcome:
    base = Outcome(article.id, article.origin,
                   warnings=tuple(getattr(extraction, "warnings", ())))
    if failure is not None:
        return Outcome(base.article_id, base.origin, base.warnings, failure=failure)
    if not report.conforms:
        return Outcome(base.article_id, base.origin, base.warnings, rejected=tuple(report.lines()))
    try:
        lines = tuple(article_lines(article.id, graph))
    except Exception as exc:  # noqa: BLE001 - e.g. StoreError for an invalid IRI
        return Outcome(base.article_id, base.origin, base.warnings, failure=failure_of(article, exc, "store error"))
    return Outcome(base.article_id, base.origin, base.warnings, lines=lines, positions=len(extraction.positions),
                   events=tuple(event.kind for event in extraction.events))


# -- worker processes ------------------------------------------------------------------------------

def outcomes_in_workers(articles: Iterable[Article], lock_fd: int, jobs: int, batch_size: int,
                        shacl_batch: int) -> Iterator[Outcome]:
    """``--jobs N``: chunks of ``batch_size`` articles go to N worker processes (each loads spaCy
    once, extracts, maps, SHACL-checks and renders); results come back in input order, at most
    ``2 * jobs`` chunks ahead of the store writes. Workers never open the store."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # workers inherit kg's modules (and test doubles)
    with context.Pool(jobs, initializer=_worker_init, initargs=(lock_fd,)) as pool:
        pending: deque[Any] = deque()
        for chunk in chunks(articles, batch_size):
            pending.append(pool.apply_async(_worker_chunk, (chunk, batch_size, shacl_batch)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last one shorter), taken lazily from ``articles``."""
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_init(lock_fd: int) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if lock_fd >= 0:  # the store lock is the main process's: a worker must not keep it held
        os.close(lock_fd)
    try:  # Linux: end with the main process (a SIGKILLed build leaves no workers behind)
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_chunk(chunk: list[Article], batch_size: int, shacl_batch: int) -> list[Outcome]:
    from kg.build import _stages  # looked up now: tests swap it before forking

    return run_chunk(chunk, _stages(), batch_size, shacl_batch)


def run_chunk(chunk: list[Article], stages: Stages, batch_size: int, shacl_batch: int) -> list[Outcome]:
    """One chunk in a worker (``--jobs`` or ``--cluster``): its outcomes, in order; an unexpected
    error fails the article it came up at, and the chunk goes on after it. A pure function of the
    articles: the same outcomes wherever it runs."""
    outcomes: list[Outcome] = []
    rest = chunk
    while rest:
        done = len(outcomes)
        try:
            outcomes.extend(outcomes_in_process(rest, stages, batch_size, shacl_batch))
            break
        except Exception as exc:  # noqa: BLE001 - reported by the main process as this article's
            article = rest[len(outcomes) - done]
            outcomes.append(Outcome(article.id, article.origin, failure=failure_of(article, exc)))
            rest = rest[len(outcomes) - done:]
    return outcomes
