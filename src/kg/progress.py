"""A one-line progress display for long builds (``kg build`` on a terminal).

:class:`ProgressLine` is a :data:`kg.build.Progress` callback: ``(done, total, article id)``. It
redraws one line on its stream (``\\r``), at most every ``interval`` seconds, with the count,
articles/s (measured from the first article, so model loading does not count) and, when the total
is known, the percentage and ETA. :meth:`ProgressLine.close` erases it, so the build's summary
line starts on a clean line. :func:`progress_for` returns ``None`` when
the stream is not a terminal (pipes, CI logs): no progress output there.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["ProgressLine", "format_progress", "progress_for"]


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def format_progress(done: int, total: int, elapsed: float, base: int = 0) -> str:
    """``'120/7600 articles (2%), 18.4 articles/s, ETA 6m46s'`` (total 0: unknown, no ETA).

    The rate is ``(done - base) / elapsed``: articles done in the ``elapsed`` seconds measured."""
    rate = (done - base) / elapsed if elapsed > 0 and done > base else 0.0
    if total > 0:
        percent = 100 * done // total
        eta = _duration((total - done) / rate) if rate > 0 else "?"
        return f"{done}/{total} articles ({percent}%), {rate:.1f} articles/s, ETA {eta}"
    return f"{done} articles, {rate:.1f} articles/s"


class ProgressLine:
    def __init__(self, stream: TextIO, *, interval: float = 0.25,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self._first: tuple[int, float] | None = None  # (done, time) at the first call
        self._last = float("-inf")
        self._width = 0

    def __call__(self, done: int, total: int, article_id: str) -> None:
        now = self.clock()
        if self._first is None:
            self._first = (done, now)
        if now - self._last < self.interval and done != total:
            return
        self._last = now
        base, since = self._first
        text = format_progress(done, total, now - since, base)
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def progress_for(stream: TextIO | None = None) -> ProgressLine | None:
    """A :class:`ProgressLine` on ``stream`` (default stderr) if it is a terminal, else None."""
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return ProgressLine(stream) if tty else None
