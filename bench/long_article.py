"""Issue 14: build time and peak RSS per character for ONE article of 10k, 100k, 1M and 2M characters.

    .venv/bin/python bench/long_article.py                       # sizes 10k,100k,1M,2M; 3 runs each
    .venv/bin/python bench/long_article.py --sizes 10000,100000 --runs 1

Each article is invented text (bench/synthetic.py: template paragraphs, invented people, real
places; nothing from a corpus), written under bench/.data/long/ with a ``Date:`` header. Per size
and run, two fresh processes:

* ``kg build FILE --fresh --graph DIR`` (the console script of this interpreter): wall time and
  the child's peak RSS (``wait4``) -- what a user waits for and pays;
* a worker (``--worker``) that loads kg and spaCy and builds a one-sentence article first, then
  times ``kg.build.build([FILE], fresh=True)`` alone: the work that grows with the text, without
  start-up, for the per-character figure ("flat" compares these).

Medians of ``--runs`` runs (min-max), sizes interleaved run by run. Writes a Markdown section to
``--out`` (default bench/.data/RESULTS-long.md) for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic

KG = str(Path(sys.executable).parent / "kg")
HEADER = "Date: 2021-03-02\n"


def run_build(path: Path, graph: Path) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS MB of the child, kg's summary line) of one ``kg build``."""
    started = time.perf_counter()
    proc = subprocess.Popen([KG, "build", str(path), "--fresh", "--graph", str(graph)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"kg build {path} exited {code}: {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err.strip().splitlines()[0]


def worker(path: str, graph: str, tiny: str) -> None:
    """In-process: warm up on ``tiny``, then time the build of ``path``; print JSON."""
    import resource

    from kg.build import build
    from kg.store import GraphStore

    with GraphStore.open(Path(graph), create=True) as store:
        build([Path(tiny)], store, fresh=True)  # imports, spaCy model, SHACL shapes
        warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started, cpu = time.perf_counter(), time.process_time()
        summary = build([Path(path)], store, fresh=True)
        work, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"work": work, "cpu": cpu, "warm": warm, "peak": peak, "line": summary.line()}))


def run_worker(path: Path, graph: Path, tiny: Path) -> dict[str, float | str]:
    out = subprocess.run([sys.executable, __file__, "--worker", str(path), str(graph), str(tiny)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def fmt(values: list[float], digits: int = 2) -> str:
    mid = statistics.median(values)
    if len(values) == 1:
        return f"{mid:.{digits}f}"
    return f"{mid:.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> None:
    if sys.argv[1:2] == ["--worker"]:
        worker(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000,2000000", help="characters, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default=str(HERE / ".data" / "long"))
    parser.add_argument("--out", default=str(HERE / ".data" / "RESULTS-long.md"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    graph = data / "graph"
    command = "python bench/long_article.py " + " ".join(sys.argv[1:])
    load_start, started = os.getloadavg(), time.time()

    tiny = data / "tiny.txt"
    tiny.write_text(HEADER + "French Foreign Minister Jane Roe will visit Germany next week.\n", encoding="utf-8")
    files = {}
    for size in sizes:
        files[size] = data / f"long_{size}.txt"
        files[size].write_text(HEADER + synthetic.article(size, seed=size) + "\n", encoding="utf-8")

    keys = ("wall", "build_cpu", "rss", "work", "cpu", "peak", "warm")
    results: dict[int, dict[str, list[float]]] = {size: {k: [] for k in keys} for size in sizes}
    lines: dict[int, str] = {}
    for run in range(args.runs):  # sizes interleaved run by run: drifting load hits all of them
        for size in sizes:
            wall, build_cpu, rss, lines[size] = run_build(files[size], graph)
            measured = run_worker(files[size], graph, tiny)
            for key, value in (("wall", wall), ("build_cpu", build_cpu), ("rss", rss), ("work", measured["work"]),
                               ("cpu", measured["cpu"]), ("peak", measured["peak"]), ("warm", measured["warm"])):
                results[size][key].append(float(value))
            print(f"[{time.strftime('%H:%M:%S')}] run {run + 1} size {size:,}: kg build {wall:.1f} s {rss:.0f} MB; "
                  f"work {measured['work']:.1f} s, CPU {measured['cpu']:.1f} s; {lines[size]}", file=sys.stderr,
                  flush=True)
    shutil.rmtree(graph, ignore_errors=True)

    rows: list[str] = []
    per_char: dict[int, float] = {}
    wall_char: dict[int, float] = {}
    for size in sizes:
        chars = len(files[size].read_text(encoding="utf-8")) - len(HEADER)
        r = results[size]
        per_char[size] = statistics.median(r["cpu"]) * 1e6 / chars
        wall_char[size] = statistics.median(r["work"]) * 1e6 / chars
        rows.append(f"| {chars:,} | {fmt(r['wall'])} | {fmt(r['build_cpu'])} | {fmt(r['rss'], 0)} | {fmt(r['work'])} | "
                    f"{fmt([w * 1e6 / chars for w in r['work']], 1)} | {fmt([c * 1e6 / chars for c in r['cpu']], 1)} | "
                    f"{fmt([(p - w) * 1024 * 1000 / chars for p, w in zip(r['peak'], r['warm'])], 0)} |")
    flat = max(per_char.values()) / min(per_char.values())
    flat_wall = max(wall_char.values()) / min(wall_char.values())
    peak = max(max(results[s]["rss"]) for s in sizes)
    warm = statistics.median(v for s in sizes for v in results[s]["warm"])
    out = [
        "## long articles (issue 14)",
        "",
        "One article of invented text (`bench/synthetic.py`) per size. `kg build`: the command in a subprocess "
        "(wall time, peak RSS of the process, start-up included). Work: the same build timed in a process that "
        f"has already loaded kg, spaCy and the shapes (peak RSS after that warm-up: {warm:.0f} MB), in wall "
        "and CPU time of that process; growth of the peak over the warm-up per 1,000 characters in the last "
        "column.",
        f"Command: `{command}` on {datetime.fromtimestamp(started, UTC):%Y-%m-%d %H:%M} UTC, "
        f"{(time.time() - started) / 60:.1f} min; {args.runs} run(s), sizes interleaved run by run; load average "
        f"at start {' '.join(f'{x:.2f}' for x in load_start)}, at end "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; Python {platform.python_version()}.",
        "",
        "| characters | kg build wall s | kg build CPU s | kg build peak RSS MB | work wall s | work wall us/char "
        "| work CPU us/char | peak growth KB/1k chars |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Work per character, largest / smallest over the sizes: **{flat:.2f}x** in CPU time ({flat_wall:.2f}x "
        f"in wall time, which other users' load on the shared cores inflates); `kg build` peak RSS at most "
        f"**{peak:.0f} MB** (goals: flat, < 1 GB).",
        "",
        "kg's summary lines:",
        "",
        *[f"- {size:,}: `{lines[size]}`" for size in sizes],
        "",
    ]
    Path(args.out).write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()
