"""The store as the web app reads it: read-only, locked only while a request reads, reopened after a build.

The server holds no lock between requests, so ``kg build`` can write the store while ``kg serve``
runs. Each request takes the store's lock shared (the protocol of :mod:`kg.store`: writers take it
exclusively), waiting up to ``wait`` seconds for a build to finish, else :class:`StoreBusy` (the app
answers 503). The read-only Oxigraph handle is kept between requests and reopened when a writer has
been at the store since (RocksDB writes a new ``MANIFEST-*`` file each time a writer opens it), so
pages show what the last build stored. The handle is only ever used by forked query children
(:func:`kg.queries.run_query`): the server process itself never reads from it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError

__all__ = ["StoreBusy", "StoreReader"]


class StoreBusy(StoreError):
    """A writer (``kg build``) holds the store longer than a request may wait."""


class StoreReader:
    def __init__(self, path: Path, *, wait: float = 5.0) -> None:
        self.path = Path(path)
        self.wait = wait
        self._store: ox.Store | None = None
        self._stamp: tuple[tuple[str, int, int], ...] = ()
        self._guard = threading.Lock()
        if not self.path.is_dir():
            raise StoreError("no graph here", where=str(self.path),
                             fix="run `kg build` first, or pass --graph PATH / set KG_GRAPH")

    @contextmanager
    def reading(self) -> Iterator[ox.Store]:
        """The store, with the shared lock held until the block ends."""
        with open(f"{self.path}.lock", "a+b") as lock:
            self._acquire(lock)
            with self._guard:
                store = self._current()
            yield store

    def _acquire(self, lock: object) -> None:
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)  # type: ignore[attr-defined]
                return
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
            if time.monotonic() >= deadline:
                raise StoreBusy(f"the store is being written (kg build?) for more than {self.wait:g} s",
                                where=str(self.path), fix="try again when the build has finished")
            time.sleep(0.05)

    def _current(self) -> ox.Store:
        stamp = self._manifests()
        if self._store is None or stamp != self._stamp:
            try:
                self._store = ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"cannot open the graph ({exc})", where=str(self.path),
                                 fix="it may be corrupt: rebuild it with `kg build`") from None
            self._stamp = stamp
        return self._store

    def _manifests(self) -> tuple[tuple[str, int, int], ...]:
        found = []
        try:
            with os.scandir(self.path) as entries:
                for entry in entries:
                    if entry.name.startswith("MANIFEST-") or entry.name == "CURRENT":
                        info = entry.stat()
                        found.append((entry.name, info.st_size, info.st_mtime_ns))
        except OSError as exc:
            raise StoreError(f"cannot read the graph folder ({exc.strerror})", where=str(self.path)) from None
        return tuple(sorted(found))
