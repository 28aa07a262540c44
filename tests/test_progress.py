"""The build progress line (issue #6): format, throttling, erase, off when not a terminal."""

from __future__ import annotations

import io

from kg.progress import ProgressLine, format_progress, progress_for


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_format_with_total_shows_rate_and_eta() -> None:
    assert format_progress(100, 300, 10.0) == "100/300 articles (33%), 10.0 articles/s, ETA 20s"
    assert format_progress(50, 0, 5.0) == "50 articles, 10.0 articles/s"
    assert format_progress(0, 10, 0.0).endswith("ETA ?")
    assert "ETA 1h23m" in format_progress(1, 5001, 1.0)


def test_callback_throttles_measures_from_first_article_and_erases() -> None:
    now = [100.0]  # the model loads before the first article: not in the rate
    out = io.StringIO()
    line = ProgressLine(out, interval=1.0, clock=lambda: now[0])
    line(1, 4, "a")
    now[0] += 0.5
    line(2, 4, "b")  # within the interval: not drawn
    now[0] += 0.5
    line(3, 4, "c")
    now[0] += 0.1
    line(4, 4, "d")  # the last one is always drawn
    frames = out.getvalue().split("\r")[1:]
    assert [f.split()[0] for f in frames] == ["1/4", "3/4", "4/4"]
    assert "2.0 articles/s" in frames[1] and "ETA 0s" in frames[1]
    line.close()
    assert out.getvalue().endswith("\r" + " " * len(frames[-1].rstrip()) + "\r")


def test_progress_only_on_a_terminal() -> None:
    assert progress_for(io.StringIO()) is None
    assert isinstance(progress_for(_Tty()), ProgressLine)
