"""Shards: ``kg build --out-shards DIR`` writes N-Quads files for bulk loaders; ``kg load`` reads them.

A shard is one batch of stored articles (``batch_size``, 64 by default): each article's named graph
``id:graph/article/{id}`` as N-Quads, plus (unless ``union=False``) the union of those graphs as
default-graph triples -- the store's own layout, so a store that loads every shard holds the named
graphs *and* their union as its default graph. Lines are sorted (as UTF-8 bytes); the file is named
by the sha256 of its bytes (``{hash}.nq``) and written atomically (a temporary file, fsync, rename),
so the same inputs give the same files and a killed build never leaves half a shard. Articles that
fail or are rejected are reported as by ``kg build`` and written nowhere. The derived graphs
(:mod:`kg.derive`) need the whole graph: :func:`load_shards` recomputes them.

:func:`kg.load.load_shards` (``kg load``) bulk-loads them into the embedded store.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.articles import ignored_files
from kg.errors import OutputError, UsageError
from kg.stages import Outcome

if TYPE_CHECKING:
    from kg.build import BuildSummary, Progress

__all__ = ["SHARD_SUFFIX", "ShardWriter", "StagedShards", "build_shards", "shard_lines", "write_shard"]

SHARD_SUFFIX = ".nq"


def shard_lines(outcomes: Iterable[Outcome], *, union: bool = True) -> list[str]:
    """The sorted N-Quads lines of the stored outcomes' graphs (and their union, unless ``union`` is False)."""
    lines: set[str] = set()
    for outcome in outcomes:
        lines.update(outcome.quads())
        if union:
            lines.update(outcome.lines or ())
    return sorted(lines, key=lambda line: line.encode("utf-8"))


class ShardWriter:
    """Collects stored outcomes and writes one shard per ``size`` of them into ``folder``."""

    def __init__(self, folder: Path, *, size: int, union: bool) -> None:
        self.folder, self.size, self.union = folder, max(1, size), union
        self.pending: list[Outcome] = []
        self.written: list[Path] = []

    def add(self, outcome: Outcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= self.size:
            self.close()

    def close(self) -> None:
        """Write what is pending (nothing if nothing is)."""
        if self.pending:
            self.written.append(write_shard(self.folder, shard_lines(self.pending, union=self.union)))
            self.pending = []


def write_shard(folder: Path, lines: Sequence[str]) -> Path:
    """Write ``lines`` to ``folder/{sha256}.nq`` atomically; returns the path."""
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    path = folder / f"{hashlib.sha256(data).hexdigest()[:32]}{SHARD_SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".shard-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write a shard ({exc.strerror or exc})", where=str(folder),
                          fix="check the folder's permissions and free space") from None
    return path


class StagedShards:
    """``--strict``: shards go to a hidden folder inside ``folder`` and are moved in only if every
    article passed (:meth:`commit`); otherwise :meth:`discard` removes them."""

    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(prefix=".staged-", dir=folder))
        except OSError as exc:
            raise OutputError(f"cannot create the shard folder ({exc.strerror or exc})", where=str(folder)) from None
        self.folder = folder

    def commit(self, written: list[Path]) -> list[Path]:
        moved = []
        for path in written:
            target = self.folder / path.name
            os.replace(path, target)
            moved.append(target)
        self.discard()
        return moved

    def discard(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)


def build_shards(
    inputs: Sequence[Path],
    folder: Path,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    batch_size: int = 64,
    shacl_batch: int | None = None,
    strict: bool = False,
    skip_bad: bool = False,
    union: bool = True,
    on_progress: Progress | None = None,
) -> BuildSummary:
    """``kg build --out-shards``: the articles of ``inputs`` as shards in ``folder`` (no store is
    opened). The same outcomes as :func:`kg.build.build` (same reading, gate, failures and exit
    codes); ``strict``: shards appear only if every article passed."""
    from kg.admission import Gate
    from kg.build import RDF_SUFFIXES, SHACL_BATCH, Tally, check_options, outcomes

    check_options(strict=strict, skip_bad=skip_bad, jobs=jobs, cluster=cluster)
    rdf = [str(p) for p in inputs if Path(p).is_file() and Path(p).suffix.lower() in RDF_SUFFIXES]
    if rdf:
        raise UsageError(f"--out-shards reads articles, not RDF files ({rdf[0]})",
                         fix="build RDF files into a store with `kg build` (or load shards with `kg load`)")
    started = time.monotonic()
    paths = [Path(p) for p in inputs]
    gate = Gate(None, None, fresh=True, strict=strict, skip_bad=skip_bad, replace=True)
    total = sum(1 for _ in gate.admit(paths))  # every refusal before any work
    tally = Tally(started=started, failed=list(gate.failures))
    tally.ignored = [str(path) for path in ignored_files(paths)]
    staged = StagedShards(folder) if strict else None
    writer = ShardWriter(staged.stage if staged else folder, size=batch_size, union=union)
    try:
        stream = outcomes(paths, gate, jobs=jobs, cluster=cluster, batch_size=batch_size,
                          shacl_batch=SHACL_BATCH if shacl_batch is None else max(1, shacl_batch))
        for done, outcome in enumerate(stream, 1):
            if tally.take(outcome):
                writer.add(outcome)
            if on_progress is not None:
                on_progress(done, total, outcome.article_id)
        writer.close()
        written = writer.written
        if staged is not None:
            written = staged.commit(written) if not (tally.failed or tally.rejected) else []
    finally:
        if staged is not None:
            staged.discard()
    summary = tally.summary(strict=strict)
    return replace(summary, shards=tuple(str(p) for p in written), shard_dir=str(folder),
                   articles=summary.articles if written or not strict else 0)
