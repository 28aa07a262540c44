"""Memory of one long build: RSS per window of articles (issue 13, "flat memory").

    .venv/bin/python bench/memory.py --size 120000                 # the scaled corpus, one process
    .venv/bin/python bench/memory.py --size 20000 --window 2000    # a quicker look
    .venv/bin/python bench/memory.py --size 20000 --no-flush       # as before the fix (no periodic flush)
    .venv/bin/python bench/memory.py --store-only --size 100000 [--no-flush]   # the store's writes alone
    .venv/bin/python bench/memory.py --new-words --size 6000 --fresh-every 2000  # spaCy's vocabulary

One in-process ``kg.build.build`` of the first ``--size`` articles of ``bench/.data/scaled_N.jsonl``
(made by bench/corpus.py) into a fresh store. Every ``--sample`` articles it records the process's RSS
(``VmRSS``), the strings in spaCy's StringStore and the seconds so far; at the end it prints, per
``--window`` articles, the RSS at the window's end, and the slope of RSS per 10k articles after the
first window (least squares over the samples after warm-up), and writes everything as JSON to
``--out`` (default bench/.data/memory.json). ``--no-flush`` sets ``kg.store.FLUSH_TRIPLES`` so high
that the store never flushes on its own: the build as it was before issue 13. ``--store-only``
writes invented article graphs (14 triples each, unique nodes, a person shared by every 3,000th
article) with :meth:`GraphStore.replace_lines`, as a build writes them, without spaCy: the store's
part of the memory alone, in a minute or two. ``--new-words`` runs only the per-article work
(:func:`kg.stages.build_articles`, no store) on invented articles that each bring 20 never-seen words,
to show spaCy's vocabulary (StringStore) growth and what ``--fresh-every`` (``FRESH_PIPELINE_EVERY``)
does to it: the scaled corpus repeats its texts, so there the vocabulary stops growing after 7,600.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def slope_per_10k(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of (articles, MB), in MB per 10,000 articles."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return 10_000 * sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def store_only(args: argparse.Namespace, data: Path) -> None:
    from kg.ids import article_graph_iri
    from kg.store import GraphStore

    base = "https://w3id.org/kg-diplomacy/id/"
    graph = data / "store-memory-only"
    shutil.rmtree(graph, ignore_errors=True)
    started = time.monotonic()
    samples = []
    with GraphStore.open(graph, create=True) as store:
        for i in range(args.size):
            lines = [f'<{base}evidence/a{i}-{k}> <{base}p{k % 5}> "sentence {k} of article {i}, long enough to be '
                     f'like a quote in the news" .' for k in range(12)]
            lines += [f"<{base}article/a{i}> <{base}mentions> <{base}person/p{i % 3000}> .",
                      f'<{base}person/p{i % 3000}> <{base}name> "Person {i % 3000}" .']
            store.replace_lines(article_graph_iri(f"a{i}"), lines)
            if (i + 1) % args.sample == 0:
                samples.append({"articles": i + 1, "rss_mb": rss_mb(), "seconds": time.monotonic() - started})
    warm = [(s["articles"], s["rss_mb"]) for s in samples if s["articles"] > args.window]
    print(f"store only, {'no flush' if args.no_flush else 'flush every FLUSH_TRIPLES'}:")
    print("| articles | RSS MB | s |\n|---|---|---|")
    for s in samples:
        if s["articles"] % args.window == 0:
            print(f"| {s['articles']:,} | {s['rss_mb']:.0f} | {s['seconds']:.0f} |")
    print(f"slope after the first window {slope_per_10k(warm):+.1f} MB per 10k articles")


def new_words(args: argparse.Namespace) -> None:
    import random
    import string

    from kg.model import Article
    from kg.nlp import load
    from kg.stages import build_articles

    rng = random.Random(13)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(8)).capitalize()

    def articles():
        for n in range(args.size):
            names = " and ".join(f"{word()} {word()}" for _ in range(10))
            yield Article(id=f"w{n}", text=f"Foreign Minister {names} met in Paris on Monday.", origin=f"w:{n}")

    started = time.monotonic()
    print(f"new words, fresh pipeline every {args.fresh_every or 'FRESH_PIPELINE_EVERY'} articles:")
    print("| articles | RSS MB | spaCy strings | s |\n|---|---|---|---|")
    for done, _ in enumerate(build_articles(articles()), 1):
        if done % args.window == 0:
            print(f"| {done:,} | {rss_mb():.0f} | {len(load().vocab.strings):,} | {time.monotonic() - started:.0f} |",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=120_000)
    parser.add_argument("--window", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=1_000)
    parser.add_argument("--no-flush", action="store_true", help="the store never flushes by itself (old build)")
    parser.add_argument("--store-only", action="store_true", help="only the store writes, invented graphs")
    parser.add_argument("--new-words", action="store_true", help="only the extraction, articles of new words")
    parser.add_argument("--fresh-every", type=int, default=None, help="kg.stages.FRESH_PIPELINE_EVERY")
    parser.add_argument("--data", default=str(corpus.DATA))
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    import kg.store

    if args.no_flush:
        kg.store.FLUSH_TRIPLES = 1 << 62
    data = Path(args.data)
    if args.fresh_every:
        import kg.stages

        kg.stages.FRESH_PIPELINE_EVERY = args.fresh_every
    if args.store_only:
        store_only(args, data)
        return
    if args.new_words:
        new_words(args)
        return
    if args.size >= 100_000:
        path = corpus.make_scaled(args.size, data=data)
    else:
        path = corpus.split(corpus.make_scaled(100_000, data=data), args.size,
                            data / f"scaled_head_{args.size}.jsonl")
    from kg.build import build
    from kg.nlp import load
    from kg.store import GraphStore

    graph = data / "store-memory"
    samples: list[dict[str, float]] = []
    started = time.monotonic()

    def tick(done: int, total: int, article_id: str) -> None:
        if done % args.sample == 0 or done == total:
            samples.append({"articles": done, "rss_mb": rss_mb(), "strings": len(load().vocab.strings),
                            "seconds": time.monotonic() - started})
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)

    with GraphStore.open(graph, create=True) as store:
        summary = build([path], store, fresh=True, on_progress=tick)
    result = {"size": args.size, "no_flush": args.no_flush, "line": summary.line(), "samples": samples,
              "peak_rss_mb": max(s["rss_mb"] for s in samples)}
    warm = [(s["articles"], s["rss_mb"]) for s in samples if s["articles"] > args.window]
    result["slope_mb_per_10k_after_first_window"] = slope_per_10k(warm)
    out = Path(args.out) if args.out else data / "memory.json"
    out.write_text(json.dumps(result, indent=1))
    print(summary.line())
    print("| articles | RSS MB | spaCy strings | s |\n|---|---|---|---|")
    for s in samples:
        if s["articles"] % args.window == 0 or s is samples[-1]:
            print(f"| {s['articles']:,} | {s['rss_mb']:.0f} | {s['strings']:,} | {s['seconds']:.0f} |")
    print(f"peak RSS {result['peak_rss_mb']:.0f} MB; slope after the first window "
          f"{result['slope_mb_per_10k_after_first_window']:+.1f} MB per 10k articles")


if __name__ == "__main__":
    main()
