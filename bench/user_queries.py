"""User-style queries (bench/user_queries/*.rq: no GRAPH, written as a user would) on a big store.

    python bench/user_queries.py --graph bench/.data/store-100k [--old bench/.data/store-100k-named]
                                 [--runs 3] [--timeout 30] [--out FILE]

For each query, in one run, interleaved run by run (so drifting load hits both alike):

* ``kg query FILE --format tsv`` (the CLI: start-up, the 30 s timeout's child process, every row
  rendered) against a Python subprocess that opens the same store read-only and runs the same text
  with pyoxigraph on the same layout (the store's default graph), reading every row: the ratio;
* in-process, ``kg.queries.run_query(timeout=None)`` against ``Store.query``: the engine's share;
* ``--old``: the same text on a store in the old layout (named graphs only, read as their union with
  ``use_default_graph_as_union``), in a subprocess killed at ``--timeout``.

Prints a Markdown table (and writes it to ``--out``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
KG = str(Path(PY).parent / "kg")


def worker(graph: str, path: str, union: str) -> None:
    import pyoxigraph as ox

    from kg.sparql import with_prefixes

    store = ox.Store.read_only(graph)
    text = with_prefixes(Path(path).read_text(encoding="utf-8"))
    rows = sum(1 for _ in store.query(text, use_default_graph_as_union=union == "1"))
    print(rows)


def timed(command: list[str], timeout: float | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired:
        return float("inf"), ""
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {done.stderr[-500:]}")
    return time.perf_counter() - started, done.stdout


def in_process(graph: str, path: Path, runs: int) -> tuple[float, float]:
    import pyoxigraph as ox

    from kg.queries import load_query, run_query
    from kg.sparql import with_prefixes

    store = ox.Store.read_only(graph)
    query = load_query(path)
    kg_t, ox_t = [], []
    for _ in range(runs):
        started = time.perf_counter()
        run_query(store, query, timeout=None)
        kg_t.append(time.perf_counter() - started)
        started = time.perf_counter()
        sum(1 for _ in store.query(with_prefixes(query.text)))
        ox_t.append(time.perf_counter() - started)
    return statistics.median(kg_t), statistics.median(ox_t)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--old", default=None, help="the same articles in the old layout (named graphs only)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    lines = [
        f"Store `{args.graph}`; {args.runs} runs each, medians (min-max); load average at start "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        "| query | rows | kg query (CLI) | pyoxigraph, same store (subprocess) | ratio | in-process run_query / Store.query"
        + (f" | old layout (named graphs as union), killed at {args.timeout:g} s |" if args.old else " |"),
        "|---|---|---|---|---|---|" + ("---|" if args.old else ""),
    ]
    worst = 0.0
    for path in sorted((HERE / "user_queries").glob("*.rq")):
        kg_t, ox_t = [], []
        rows = "?"
        for _ in range(args.runs):
            seconds, out = timed([PY, __file__, "--worker", args.graph, str(path), "0"])
            ox_t.append(seconds)
            rows = out.strip()
            seconds, out = timed([KG, "query", str(path), "--graph", args.graph, "--format", "tsv",
                                  "--timeout", f"{args.timeout:g}"])
            kg_t.append(seconds)
            assert str(len(out.splitlines()) - 1) == rows, (path.name, rows)
        ratio = [k / o for k, o in zip(kg_t, ox_t)]
        worst = max(worst, statistics.median(ratio))
        engine_kg, engine_ox = in_process(args.graph, path, args.runs)
        cells = [path.stem, rows, _fmt(kg_t), _fmt(ox_t), _fmt(ratio, "x"),
                 f"{engine_kg:.2f} s / {engine_ox:.2f} s = {engine_kg / max(engine_ox, 1e-9):.2f}x"]
        if args.old:
            seconds, out = timed([PY, __file__, "--worker", args.old, str(path), "1"], timeout=args.timeout)
            cells.append(f"> {args.timeout:g} s (killed)" if seconds == float("inf")
                         else f"{seconds:.2f} s, {out.strip()} rows")
        lines.append("| " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    lines += ["", f"Worst CLI ratio: {worst:.2f}x; every kg query finished within its {args.timeout:g} s timeout."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


def _fmt(values: list[float], unit: str = "s") -> str:
    return f"{statistics.median(values):.2f} {unit} ({min(values):.2f}-{max(values):.2f})"


if __name__ == "__main__":
    main()
