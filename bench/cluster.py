"""Issue 13: `kg build --cluster` throughput, the costs it is made of, and a model for 10 and 100 workers.

    .venv/bin/python bench/cluster.py --size 7600          # the AG News items (research-only, not committed)
    .venv/bin/python bench/cluster.py --size 1000 --runs 1 # a quicker look

1. Throughput, one run = the four builds back to back on the same items (subprocess wall time, model
   load and cluster start included): `kg build --fresh --jobs 1`, `--jobs 2`, `--cluster local:1`,
   `--cluster local:2`; ratios are within a run.
2. Per-article costs, measured in this process on the first ``--cost-size`` items (after a warm-up):
   the worker's task (:func:`kg.stages.run_chunk`: extract, map, SHACL, render), the client's store
   write (:meth:`GraphStore.replace_lines`), a shard write (:class:`kg.shards.ShardWriter`), and
   ``kg load`` of those shards (bulk load + derived graphs).
3. Scheduler overhead per batch: on a LocalCluster of 2 workers, tasks that carry a real batch of 64
   articles and return as many bytes as its outcomes, but do no work: wall time per batch with the
   same window of batches in flight as ``kg build`` (``2 * workers + 2``), and the round trip of one.
4. The model: articles/s = min(W / worker, 1 / (overhead / B + client)): W workers each take
   ``worker`` CPU seconds per article (CPU, not wall: what a core of its own would take), and the one
   client process pays, per article, its share of the per-batch overhead (B articles per batch) and
   its write: the store (``kg build --cluster``) or a shard (``--out-shards``; then ``kg load`` at its
   own rate). The overhead was measured with client, scheduler and workers on the same 2 cores, so it
   is an upper bound. Checked against the measured local:1 / local:2.

Prints a Markdown report (copy it into bench/RESULTS.md) and writes bench/.data/cluster.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

PY = sys.executable
KG = str(Path(PY).parent / "kg")
BATCH = 64
MODES = (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
         ("--cluster local:1", ["--cluster", "local:1"]), ("--cluster local:2", ["--cluster", "local:2"]))


def throughput(path: Path, size: int, runs: int, data: Path) -> dict[str, list[float]]:
    rates: dict[str, list[float]] = {name: [] for name, _ in MODES}
    for run in range(runs):
        for name, options in MODES:
            graph = data / "store-cluster"
            started = time.perf_counter()
            done = subprocess.run([KG, "build", "--fresh", "--graph", str(graph), str(path), *options],
                                  capture_output=True, text=True)
            wall = time.perf_counter() - started
            if done.returncode not in (0, 1):
                raise RuntimeError(f"{name}: exit {done.returncode}: {done.stderr[-2000:]}")
            rates[name].append(size / wall)
            print(f"run {run + 1} {name}: {wall:.1f} s, {size / wall:.1f} articles/s; load {os.getloadavg()[0]:.2f}",
                  file=sys.stderr, flush=True)
    return rates


def costs(path: Path, size: int, data: Path) -> dict[str, float]:
    """Seconds per article of each part, in this process (spaCy loaded once, before timing)."""
    from kg.articles import read_articles
    from kg.build import _stages
    from kg.load import load_shards
    from kg.shards import ShardWriter
    from kg.stages import chunks, run_chunk
    from kg.store import GraphStore
    from kg.ids import article_graph_iri

    articles = list(read_articles([path]))[:size]
    stages = _stages()
    run_chunk(articles[:BATCH], stages, BATCH, 32)  # warm-up: model, shapes, place index
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = [o for chunk in chunks(articles, BATCH) for o in run_chunk(chunk, stages, BATCH, 32)]
    worker, worker_cpu = (time.perf_counter() - started) / size, (time.process_time() - cpu) / size
    stored = [o for o in outcomes if o.lines is not None]
    result_bytes = sum(len(line) + 1 for o in stored for line in o.lines or ()) / size
    graph = data / "store-costs"
    shutil.rmtree(graph, ignore_errors=True)
    with GraphStore.open(graph, create=True) as store:
        started = time.perf_counter()
        for o in stored:
            store.replace_lines(article_graph_iri(o.article_id), o.lines or ())
        store.flush()
        client_store = (time.perf_counter() - started) / size
    shards = data / "shards-costs"
    shutil.rmtree(shards, ignore_errors=True)
    started = time.perf_counter()
    writer = ShardWriter(shards, size=BATCH, union=True)
    for o in stored:
        writer.add(o)
    writer.close()
    client_shards = (time.perf_counter() - started) / size
    shutil.rmtree(graph, ignore_errors=True)
    with GraphStore.open(graph, create=True) as store:
        started = time.perf_counter()
        load_shards([shards], store)
        load = (time.perf_counter() - started) / size
    return {"worker": worker, "worker_cpu": worker_cpu, "client_store": client_store,
            "client_shards": client_shards, "load": load, "result_bytes": result_bytes}


def _echo(chunk: list, size: int) -> bytes:
    return b"x" * size


def overhead(path: Path, result_bytes: float, batches: int) -> dict[str, float]:
    """Seconds per batch of the scheduler, transfers and (de)serialisation, with no work in the task."""
    import distributed

    from kg.articles import read_articles
    from kg.stages import chunks

    chunk = next(chunks(read_articles([path]), BATCH))
    payload = int(result_bytes * BATCH)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster) as client:
        client.submit(_echo, chunk, payload, pure=False).result()  # warm-up
        window = 2 * 2 + 2
        started = time.perf_counter()
        pending = []
        for _ in range(batches):
            pending.append(client.submit(_echo, chunk, payload, pure=False))
            if len(pending) >= window:
                pending.pop(0).result()
        for future in pending:
            future.result()
        per_batch = (time.perf_counter() - started) / batches
        trips = []
        for _ in range(20):
            started = time.perf_counter()
            client.submit(_echo, chunk, payload, pure=False).result()
            trips.append(time.perf_counter() - started)
    return {"per_batch": per_batch, "round_trip": statistics.median(trips), "payload_bytes": payload}


def model(workers: int, c: dict[str, float], o: dict[str, float], client: str) -> float:
    return min(workers / c["worker_cpu"], 1 / (o["per_batch"] / BATCH + c[client]))


def report(args: argparse.Namespace, rates: dict[str, list[float]], c: dict[str, float], o: dict[str, float]) -> str:
    med = {name: statistics.median(values) for name, values in rates.items()}
    base = med["--jobs 1"]
    out = [f"`python bench/cluster.py --size {args.size} --runs {args.runs} --cost-size {args.cost_size}` on "
           f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, load {os.getloadavg()[0]:.2f} at the end.", "",
           "| build | articles/s (median of runs) | runs | vs --jobs 1 |", "|---|---|---|---|"]
    for name, values in rates.items():
        runs = ", ".join(f"{v:.1f}" for v in values)
        out.append(f"| `kg build {name}` | {med[name]:.1f} | {runs} | {med[name] / base:.2f}x |")
    out += ["", "Per-article costs (in-process, first "
            f"{args.cost_size} items): worker task {c['worker'] * 1000:.1f} ms ({c['worker_cpu'] * 1000:.1f} ms CPU); "
            f"client store write {c['client_store'] * 1000:.2f} ms; client shard write {c['client_shards'] * 1000:.3f} ms; "
            f"`kg load` of the shards {c['load'] * 1000:.2f} ms; result {c['result_bytes']:.0f} bytes.",
            f"Scheduler overhead per batch of {BATCH} (no-op tasks carrying the articles, returning "
            f"{o['payload_bytes']:,} bytes, {2 * 2 + 2} in flight on 2 workers): {o['per_batch'] * 1000:.1f} ms; "
            f"one round trip {o['round_trip'] * 1000:.1f} ms.", "",
            f"Model (articles/s; compute = W / {c['worker_cpu'] * 1000:.1f} ms, client limit "
            f"{1 / (o['per_batch'] / BATCH + c['client_store']):.0f}/s writing the store, "
            f"{1 / (o['per_batch'] / BATCH + c['client_shards']):.0f}/s writing shards):", "",
            "| workers | model, store written by the client | model, shards written by the client | measured |",
            "|---|---|---|---|"]
    for workers in (1, 2, 10, 100):
        measured = {1: med["--cluster local:1"], 2: med["--cluster local:2"]}.get(workers)
        out.append(f"| {workers} | {model(workers, c, o, 'client_store'):.0f} | {model(workers, c, o, 'client_shards'):.0f}"
                   f" | {f'{measured:.1f}' if measured else '-'} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=7600)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--cost-size", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=200, help="no-op batches for the overhead")
    parser.add_argument("--data", default=str(corpus.DATA))
    args = parser.parse_args()
    data = Path(args.data)
    full = corpus.make_ag(data=data)
    path = full if args.size >= 7600 else corpus.split(full, args.size, data / f"ag_news_{args.size}.jsonl")
    rates = throughput(path, args.size, args.runs, data)
    c = costs(path, min(args.cost_size, args.size), data)
    o = overhead(path, c["result_bytes"], args.batches)
    text = report(args, rates, c, o)
    (data / "cluster.json").write_text(json.dumps({"rates": rates, "costs": c, "overhead": o}, indent=1))
    print(text)


if __name__ == "__main__":
    main()
