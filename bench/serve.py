"""``kg serve`` against ``oxigraph serve-read-only`` on the same store (issue 12), ratios in one run.

    .venv/bin/python bench/serve.py --graph bench/.data/serve-100k/graph --runs 5 --requests 40

Both servers open the same on-disk store read-only (an Oxigraph RocksDB folder; oxigraph with
``--union-default-graph``, as ``kg query`` reads the union). Measured, kg and oxigraph interleaved
run by run so drifting load from other users hits both:

* first byte: the time from sending ``GET /`` (the home page) and ``GET /queries/visits`` (a stored
  query page, all rows) to the first byte of the answer (Starlette sends the headers once the page is
  rendered, so this is the whole server-side time). Baseline: oxigraph answering the SPARQL those pages
  run (the home page's page queries one after the other; ``visits.rq``), first byte of each.
  The first request of each server is reported apart (cold caches).
* throughput: ``visits.rq`` POSTed to ``/sparql`` (kg) and to ``/query`` (oxigraph), SPARQL JSON,
  ``--requests`` requests from 1 and from ``--clients`` concurrent clients; requests per second.

Writes a Markdown report (``--out``, default ``bench/.data/RESULTS-serve.md``; the figures are copied
into ``bench/RESULTS.md`` by hand).
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def first_byte(port: int, method: str, path: str, body: bytes | None = None,
               headers: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Seconds to the first byte of the answer (its status line), the status, and the body size."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    elapsed = time.perf_counter() - start
    size = len(response.read())
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{method} {path} -> {response.status}")
    return elapsed, response.status, size


def sparql(port: int, path: str, text: str) -> tuple[float, int, int]:
    body = urllib.parse.urlencode({"query": text}).encode()
    return first_byte(port, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                                 "Accept": "application/sparql-results+json"})


def wait_ready(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def throughput(call, requests: int, clients: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(lambda _: call(), range(requests)))
    return requests / (time.perf_counter() - start)


def fmt(values: list[float], digits: int = 3) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / ".data" / "RESULTS-serve.md")
    args = parser.parse_args()

    from kg.queries import find_query
    from kg.serve.pagequeries import page_query

    bindir = Path(sys.executable).parent
    kg_port, ox_port = free_port(), free_port()
    kg = subprocess.Popen([str(bindir / "kg"), "serve", "--graph", str(args.graph), "--port", str(kg_port),
                           "--timeout", "600"], stderr=subprocess.DEVNULL)
    ox = subprocess.Popen([str(bindir / "oxigraph"), "serve-read-only", "--location", str(args.graph),
                           "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.time()
    load_start = os.getloadavg()
    try:
        wait_ready(kg_port, "/", kg)
        wait_ready(ox_port, "/", ox)
        visits = find_query("visits").text
        # the queries the home page runs (the first articles by id too: the bench store has no dates)
        home_queries = [page_query("counts").text, page_query("latest").text, page_query("undated").text]
        cold = {"kg /": first_byte(kg_port, "GET", "/")[0],
                "oxigraph home queries": sum(sparql(ox_port, "/query", q)[0] for q in home_queries),
                "kg /queries/visits": first_byte(kg_port, "GET", "/queries/visits")[0],
                "oxigraph visits.rq": sparql(ox_port, "/query", visits)[0]}
        rows = first_byte(kg_port, "GET", "/queries/visits.csv")[2]
        warm: dict[str, list[float]] = {k: [] for k in cold}
        for _ in range(args.runs):
            warm["kg /"].append(first_byte(kg_port, "GET", "/")[0])
            warm["oxigraph home queries"].append(sum(sparql(ox_port, "/query", q)[0] for q in home_queries))
            warm["kg /queries/visits"].append(first_byte(kg_port, "GET", "/queries/visits")[0])
            warm["oxigraph visits.rq"].append(sparql(ox_port, "/query", visits)[0])
        rates: dict[str, list[float]] = {}
        for clients in (1, args.clients):
            for _ in range(max(1, args.runs // 2)):
                for name, port, path in (("kg /sparql", kg_port, "/sparql"), ("oxigraph /query", ox_port, "/query")):
                    rate = throughput(lambda p=port, q=path: sparql(p, q, visits), args.requests, clients)
                    rates.setdefault(f"{name}, {clients} client(s)", []).append(rate)
    finally:
        for process in (kg, ox):
            process.terminate()
            process.wait(timeout=30)
    write(args, cold, warm, rates, started, load_start, rows)


def write(args: argparse.Namespace, cold: dict[str, float], warm: dict[str, list[float]],
          rates: dict[str, list[float]], started: float, load_start: tuple[float, ...], rows: int) -> None:
    from kg.store import GraphStore

    with GraphStore.open(args.graph, write=False) as store:
        articles, quads = len(store.article_ids()), store.quad_count()
    med = {k: statistics.median(v) for k, v in warm.items()}
    lines = [
        "## kg serve vs oxigraph serve-read-only (issue 12)", "",
        f"`{' '.join([Path(sys.executable).name, *sys.argv])}` on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}, {time.time() - started:.0f} s; store: "
        f"{articles:,} articles, {quads:,} quads; load average at start {' '.join(f'{x:.2f}' for x in load_start)}, "
        f"at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {platform.python_version()}, "
        f"{os.cpu_count()} cores. Medians of {args.runs} runs (min-max); the first request of each apart.", "",
        "| first byte | kg serve | oxigraph (the same SPARQL) | ratio kg/oxigraph |", "|---|---|---|---|",
        f"| home page `/`, first request | {cold['kg /']:.3f} s | {cold['oxigraph home queries']:.3f} s | "
        f"{cold['kg /'] / cold['oxigraph home queries']:.2f}x |",
        f"| home page `/` | {fmt(warm['kg /'])} s | {fmt(warm['oxigraph home queries'])} s | "
        f"**{med['kg /'] / med['oxigraph home queries']:.2f}x** |",
        f"| `/queries/visits` ({rows:,} bytes of CSV), first request | {cold['kg /queries/visits']:.3f} s | "
        f"{cold['oxigraph visits.rq']:.3f} s | {cold['kg /queries/visits'] / cold['oxigraph visits.rq']:.2f}x |",
        f"| `/queries/visits` | {fmt(warm['kg /queries/visits'])} s | {fmt(warm['oxigraph visits.rq'])} s | "
        f"**{med['kg /queries/visits'] / med['oxigraph visits.rq']:.2f}x** |", "",
        "| `visits.rq` throughput (SPARQL JSON) | kg `/sparql` | oxigraph `/query` | ratio kg/oxigraph |",
        "|---|---|---|---|",
    ]
    for clients in (1, args.clients):
        k, o = rates[f"kg /sparql, {clients} client(s)"], rates[f"oxigraph /query, {clients} client(s)"]
        lines.append(f"| {clients} client(s), {args.requests} requests | {fmt(k, 2)} req/s | {fmt(o, 2)} req/s | "
                     f"**{statistics.median(k) / statistics.median(o):.2f}x** |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
