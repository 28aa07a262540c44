"""Corpora for the benchmarks, made at run time under bench/.data/ (git-ignored, never committed).

* ``ag_news.jsonl``: the 7,600 AG News test items (research-only text) as ``{"id", "title", "text"}``.
* ``scaled_N.jsonl``: N articles made from them, streamed to disk: item ``i`` of round ``r`` keeps its
  title and gets the description of item ``i`` followed by that of item ``(i * 7 + r) % 7600``; ids are
  suffixed ``-r{round}`` so every id is unique. Never holds the corpus in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

RAW = Path("/work/shared/corpus/raw/suuuch__TransformerClassification/data/ag_news_csv/test.csv")
DATA = Path(__file__).resolve().parent / ".data"


def _clean(text: str) -> str:
    # AG News escapes: "\" for line breaks, " #36;" for "$", "&lt;" etc.
    text = text.replace("\\", " ").replace(" #36;", " $").replace("#39;", "'").replace("&lt;", "<")
    text = text.replace("&gt;", ">").replace("&amp;", "&").replace("quot;", '"')
    return " ".join(text.split())


def ag_items(raw: Path = RAW) -> Iterator[dict[str, str]]:
    with raw.open(newline="", encoding="utf-8") as handle:
        for n, row in enumerate(csv.reader(handle), 1):
            if len(row) < 3:
                continue
            title, text = _clean(row[1]), _clean(row[2])
            if text:
                yield {"id": f"ag{n:05d}", "title": title, "text": text}


def make_ag(limit: int | None = None, data: Path = DATA) -> Path:
    """The AG News items (the first ``limit``) as JSONL; reuses the file if it is there."""
    data.mkdir(parents=True, exist_ok=True)
    path = data / ("ag_news.jsonl" if limit is None else f"ag_news_{limit}.jsonl")
    if not path.exists():
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as out:
            for n, item in enumerate(ag_items()):
                if limit is not None and n >= limit:
                    break
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        tmp.replace(path)
    return path


def make_scaled(size: int, data: Path = DATA) -> Path:
    """``size`` articles recombined from the AG items, streamed to disk."""
    data.mkdir(parents=True, exist_ok=True)
    path = data / f"scaled_{size}.jsonl"
    if path.exists():
        return path
    base = [(i["id"], i["title"], i["text"]) for i in ag_items()]  # 7,600 short items: ~2 MB
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as out:
        for n in range(size):
            rnd, i = divmod(n, len(base))
            ident, title, text = base[i]
            if rnd:
                text = f"{text} {base[(i * 7 + rnd) % len(base)][2]}"
            out.write(json.dumps({"id": f"{ident}-r{rnd}", "title": title, "text": text}) + "\n")
    tmp.replace(path)
    return path


def split(path: Path, head: int, out: Path) -> Path:
    """The first ``head`` lines of ``path`` in ``out`` (streamed)."""
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= head:
                break
            dst.write(line)
    return out
