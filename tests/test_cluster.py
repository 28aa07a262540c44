"""``kg build --cluster`` on a real dask.distributed scheduler with two worker processes, and shards.

The reference is the one-machine build (``kg build``, in this process, the same real pipeline); a
cluster build must give the same export byte for byte, also when a worker is killed in the middle,
and a bad article (an extractor that raises; a worker that dies on it every time) is reported with
its id while every other article is stored.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.build
import kg.cluster
from conftest import cluster_stages, slow_stages
from kg.cli import cli

# invented news (names, offices and events are made up)
ARTICLES = [
    ("c01", "French Foreign Minister Jane Roe will visit Germany next week.", "2021-03-02"),
    ("c02", "German Chancellor Max Mustermann met Jane Roe in Berlin on Monday.", "2021-03-04"),
    ("c03", "Prime Minister John Smith arrived in Tokyo on Tuesday for talks with Japanese officials.", "2021-04-06"),
    ("c04", "China summoned the Japanese ambassador on Friday over the remarks.", "2021-04-09"),
    ("c05", "Secretary of State Ann Lee said the talks with Russia would continue.", "2021-05-01"),
    ("c06", "Stocks rose on Wall Street as oil prices fell.", None),
    ("c07", "Germany recalled its ambassador to Turkey, the foreign ministry said on Sunday.", "2021-05-09"),
    ("c08", "President Maria Costa will travel to Germany and France in June.", "2021-05-20"),
    ("c09", "Foreign Minister Jane Roe met her German counterpart in Paris on Monday.", "2021-06-07"),
    ("c10", "Italian Prime Minister Marco Bianchi postponed his visit to Egypt after the floods.", "2021-06-10"),
]


def _inputs(tmp_path: Path, skip: str | None = None) -> Path:
    path = tmp_path / "in" / f"news{'-' + skip if skip else ''}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, t, d in ARTICLES if i != skip),
                    encoding="utf-8")
    return path


def _export(runner: CliRunner, graph: Path) -> dict[str, bytes]:
    out = {}
    for fmt in ("nquads", "turtle"):
        result = runner.invoke(cli, ["export", "--format", fmt, "--graph", str(graph)])
        assert result.exit_code == 0, result.stderr
        out[fmt] = result.stdout_bytes
    return out


def _difference(got: dict[str, bytes], want: dict[str, bytes]) -> str:
    """The N-Quads lines only one side has (for the failure message)."""
    a, b = set(got["nquads"].splitlines()), set(want["nquads"].splitlines())
    return "cluster only:\n" + b"\n".join(sorted(a - b)).decode() + "\none machine only:\n" + b"\n".join(sorted(b - a)).decode()


def _build(runner: CliRunner, inputs: Path, graph: Path, *options: str) -> tuple[int, str, dict[str, bytes]]:
    result = runner.invoke(cli, ["build", str(inputs), "--graph", str(graph), *options])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stderr, _export(runner, graph)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """One-machine exports: all ten articles, and all but c07."""
    runner = CliRunner()
    tmp = tmp_path_factory.mktemp("reference")
    out = {}
    for skip in (None, "c07"):
        code, err, exports = _build(runner, _inputs(tmp, skip), tmp / f"graph-{skip}")
        assert code == 0, err
        out[skip or "all"] = exports
    assert b"c07" in out["all"]["nquads"] and b"Jane Roe" in out["all"]["turtle"]
    return out


def test_cluster_two_worker_processes(dask_scheduler: str) -> None:
    import distributed

    with distributed.Client(dask_scheduler) as client:
        pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()  # processes, not threads


def test_cluster_refused_when_the_scheduler_cannot_run_the_tasks(
    runner: CliRunner, tmp_path: Path, dask_scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stages the cluster cannot unpickle (a module only this process has): one Error line, exit 9,
    before any article is tried -- not 10 articles reported as failed."""
    import sys
    import types

    module = types.ModuleType("only_here")
    exec("def stages():\n    raise AssertionError('never called')\n", module.__dict__)  # noqa: S102
    monkeypatch.setitem(sys.modules, "only_here", module)
    monkeypatch.setattr(kg.build, "_stages", module.stages)
    result = runner.invoke(cli, ["build", str(_inputs(tmp_path)), "--graph", str(tmp_path / "g"),
                                 "--cluster", dask_scheduler])
    assert result.exit_code == 9, result.stderr
    assert result.stderr.startswith(f"Error: {dask_scheduler}: the cluster cannot run kg (")
    assert "not stored" not in result.stderr


def test_cluster_build_export_equals_one_machine(runner: CliRunner, tmp_path: Path, dask_scheduler: str,
                                                 reference: dict[str, dict[str, bytes]]) -> None:
    code, err, exports = _build(runner, _inputs(tmp_path), tmp_path / "g", "--cluster", dask_scheduler)
    assert code == 0, err
    assert "built 10 articles, 0 rejected" in err
    assert exports == reference["all"], _difference(exports, reference["all"])


def test_cluster_worker_killed_mid_build_gives_whole_graph(
    runner: CliRunner, tmp_path: Path, dask_scheduler: str, reference: dict[str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    marker = tmp_path / "killed"
    monkeypatch.setattr(kg.build, "_stages", functools.partial(cluster_stages, kill_once="c05", marker=str(marker)))
    code, err, exports = _build(runner, _inputs(tmp_path), tmp_path / "g", "--cluster", dask_scheduler)
    assert marker.exists()  # a worker process did die while building c05
    assert code == 0, err
    assert exports == reference["all"], _difference(exports, reference["all"])


def test_cluster_bad_article_reported_with_its_id(
    runner: CliRunner, tmp_path: Path, dask_scheduler: str, reference: dict[str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kg.build, "_stages", functools.partial(cluster_stages, fail="c07"))
    code, err, exports = _build(runner, _inputs(tmp_path), tmp_path / "g", "--cluster", dask_scheduler)
    assert code == 70, err
    assert "1 article(s) not stored:" in err and "c07 (" in err and "extractor bug" in err
    assert exports == reference["c07"], _difference(exports, reference["c07"])  # the nine others, as a build without c07 stores them


def test_cluster_article_that_kills_its_workers_reported_with_its_id(
    runner: CliRunner, tmp_path: Path, dask_scheduler: str, reference: dict[str, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kg.build, "_stages", functools.partial(cluster_stages, kill_always="c07"))
    code, err, exports = _build(runner, _inputs(tmp_path), tmp_path / "g", "--cluster", dask_scheduler)
    assert code == 70, err
    lines = [line for line in err.splitlines() if "c07" in line]
    assert len(lines) == 1 and "Dask workers building it died each time" in lines[0], err
    assert exports == reference["c07"], _difference(exports, reference["c07"])


def test_cluster_local_shards_then_load_equal_one_machine(runner: CliRunner, tmp_path: Path,
                                                          reference: dict[str, dict[str, bytes]]) -> None:
    """--cluster local:2 (its own LocalCluster) writing shards, then kg load: the same export."""
    shards = tmp_path / "shards"
    result = runner.invoke(cli, ["build", str(_inputs(tmp_path)), "--cluster", "local:2", "--out-shards", str(shards)])
    assert result.exit_code == 0, result.stderr
    assert "built 10 articles into 1 shard(s)" in result.stderr
    loaded = runner.invoke(cli, ["load", str(shards), "--graph", str(tmp_path / "g")])
    assert loaded.exit_code == 0, loaded.stderr
    assert _export(runner, tmp_path / "g") == reference["all"]


def test_cluster_unreachable_scheduler_exit_9(runner: CliRunner, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", 1.0)
    result = runner.invoke(cli, ["build", str(_inputs(tmp_path)), "--graph", str(tmp_path / "g"),
                                 "--cluster", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 9, result.stderr
    assert result.stderr.startswith(f"Error: tcp://127.0.0.1:{port}: cannot reach the Dask scheduler")


def test_cluster_reads_articles_lazily(dask_scheduler: str) -> None:
    """A stream of articles is pulled a window of batches at a time, not read into a list."""
    import distributed

    from conftest import fake_stages
    from kg.cluster import outcomes_on_cluster
    from kg.model import Article

    pulled: list[str] = []

    def stream():
        for n in range(40):
            pulled.append(f"z{n:02d}")
            yield Article(id=f"z{n:02d}", text=f"Text number {n}.", origin=f"in.jsonl:{n + 1}")

    with distributed.Client(dask_scheduler) as client:
        outcomes = outcomes_on_cluster(stream(), client, fake_stages, batch_size=2, shacl_batch=2, in_flight=3)
        first = next(outcomes)
        assert first.article_id == "z00" and len(pulled) == 6  # three batches of two in flight
        rest = list(outcomes)
    assert [o.article_id for o in [first, *rest]] == [f"z{n:02d}" for n in range(40)]  # input order
    assert all(o.lines for o in rest)


def test_cluster_lost_scheduler_exit_9_and_stored_articles_kept(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scheduler dies in the middle of a build: one Error line, exit 9, and the store holds the
    articles written before, in input order (running the same command again completes it)."""
    import signal
    import subprocess
    import sys
    import threading
    import time

    from kg.store import GraphStore

    bin_dir = Path(sys.executable).parent
    info = tmp_path / "scheduler.json"
    started = tmp_path / "started"  # touched by the worker once it builds articles
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent),  # the stages below live in conftest
           "KG_TEST_STARTED": str(started)}
    scheduler = subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--no-dashboard", "--scheduler-file", str(info)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        worker = subprocess.Popen([str(bin_dir / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        monkeypatch.setattr(kg.build, "_stages", functools.partial(slow_stages, 0.05))
        monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", 3.0)  # also how long the client tries to reconnect
        inputs = tmp_path / "in.jsonl"
        inputs.write_text("".join(json.dumps({"id": f"k{n:03d}", "text": f"Text {n}."}) + "\n" for n in range(400)),
                          encoding="utf-8")
        graph = tmp_path / "g"

        def kill_when_building() -> None:  # a few seconds after the worker starts building (400 x 0.05 s =
            while not started.exists():   # 20 s of work); not a fixed time after the store appears: on a loaded
                time.sleep(0.2)           # machine the client may still be setting the cluster up by then
            time.sleep(3)
            scheduler.send_signal(signal.SIGKILL)

        killer = threading.Thread(target=kill_when_building, daemon=True)
        killer.start()
        result = runner.invoke(cli, ["build", str(inputs), "--graph", str(graph), "--cluster", address])
        killer.join(timeout=30)
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.kill()
                process.wait(timeout=30)
    assert result.exit_code == 9, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "lost the Dask cluster" in errors[0], result.stderr
    with GraphStore.open(graph, write=False) as store:
        stored = store.article_ids()
    assert len(stored) < 400 and stored == [f"k{n:03d}" for n in range(len(stored))]
