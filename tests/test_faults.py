"""Faults: a runaway query is stopped, a build killed mid-way loses nothing and converges, two
builds on one store do not corrupt it.

The builds that get killed run ``kg`` in a subprocess through a small driver that swaps in a fake,
slowed-down extractor (real mapping, SHACL and store), so a kill lands between articles at a known
point without paying for spaCy; tests/test_build.py and tests/test_network.py cover the real pipeline.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.ids import article_graph_iri
from kg.store import GraphStore, quads_text

TESTS = Path(__file__).resolve().parent
SHACL_BATCH = 8
DRIVER = f"""
import sys, time
sys.path.insert(0, {str(TESTS)!r})
import kg.build
from conftest import _fake_extract_many
from kg.mapping import to_graph
from kg.validate import validate_graph

def slow(articles, **options):
    for extraction in _fake_extract_many(articles):
        print(extraction.article.id, flush=True)  # every article before this one is stored
        time.sleep(float(sys.argv[1]))
        yield extraction

kg.build._stages = lambda: (slow, to_graph, validate_graph)
kg.build.SHACL_BATCH = {SHACL_BATCH}  # SHACL checks (and stores) {SHACL_BATCH} extracted articles at a time
from kg.cli import main
main(sys.argv[2:])
"""
N_ARTICLES = 120


def _jsonl(path: Path, prefix: str, count: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({
                "id": f"{prefix}{i:03d}",
                "text": f"Report {i}: Foreign Minister Jane Roe will visit Germany next week.",
                "date": "2021-03-02",
            }) + "\n")
    return path


@functools.cache
def _inputs(folder: str) -> tuple[Path, Path]:
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    return _jsonl(root / "prior.jsonl", "p", 5), _jsonl(root / "many.jsonl", "n", N_ARTICLES)


@functools.cache
def _reference(folder: str) -> list[str]:
    """N-Quads of an uninterrupted build of prior + many (fake extractor, in this process)."""
    from conftest import _fake_extract_many

    import kg.build
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    prior, many = _inputs(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.build, "_stages", lambda: (_fake_extract_many, to_graph, validate_graph))
        path = Path(folder) / "reference"
        with GraphStore.open(path, create=True) as store:
            kg.build.build([prior], store)
            kg.build.build([many], store)
    return _quads(path)


def _quads(path: Path) -> list[str]:
    with GraphStore.open(path, wait=30) as store:
        return quads_text(store.quads())


def _graphs(path: Path) -> dict[str, list[str]]:
    """{article id: its N-Quads} of every stored article."""
    with GraphStore.open(path, wait=5) as store:  # opens, no lock left behind
        return {
            article_id: quads_text(store.store.quads_for_pattern(None, None, None,
                                                                 ox.NamedNode(article_graph_iri(article_id))))
            for article_id in store.article_ids()
        }


def _env(lock_wait: float) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_GRAPH", "KG_DEBUG")}
    env["KG_LOCK_WAIT"] = str(lock_wait)
    return env


def _start(tmp_path: Path, args: list[str], *, delay: float = 0.02, lock_wait: float = 0.2) -> subprocess.Popen[str]:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    # the child starts with Ctrl-C's default action, as from a shell, whatever this test process inherited or
    # set for SIGINT (an ignored SIGINT is inherited across exec, and Python then never raises KeyboardInterrupt)
    return subprocess.Popen([sys.executable, str(driver), str(delay), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env(lock_wait),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_lines(process: subprocess.Popen[str], count: int, limit: float = 60) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + limit
    while len(lines) < count and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
    assert len(lines) == count, (lines, process.poll())
    return lines


def _build_in_process(runner: CliRunner, inputs: list[Path], graph: Path) -> None:
    result = runner.invoke(cli, ["build", *map(str, inputs), "--graph", str(graph)])
    assert result.exit_code == 0, result.stderr


@pytest.mark.usefixtures("no_spacy")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_faults_killed_build_keeps_prior_articles_and_converges(
    runner: CliRunner, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, graph_path: Path, sig: int
) -> None:
    shared = str(tmp_path_factory.getbasetemp() / "faults-shared")
    prior, many = _inputs(shared)
    reference = _reference(shared)
    _build_in_process(runner, [prior], graph_path)  # a complete build first
    before = _graphs(graph_path)
    assert sorted(before) == [f"p{i:03d}" for i in range(5)]

    process = _start(tmp_path, ["build", str(many), "--graph", str(graph_path)])
    seen = _wait_for_lines(process, 30)  # n000..n023 (three SHACL batches of 8) are stored by now
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=30)
    if sig == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130, stderr
        assert stderr.splitlines() == [
            "Error: interrupted; work finished before the interrupt is kept, run the same command again to complete it"
        ]
        assert "Traceback" not in stderr

    after = _graphs(graph_path)
    assert {article_id: after.get(article_id) for article_id in before} == before
    assert {f"n{i:03d}" for i in range((len(seen) - 1) // SHACL_BATCH * SHACL_BATCH)} <= set(after)
    assert len(after) < 5 + N_ARTICLES  # it really was interrupted
    reference_lines = set(reference)
    for graph_quads in after.values():  # every stored graph is whole, as an uninterrupted build makes it
        assert graph_quads and set(graph_quads) <= reference_lines

    _build_in_process(runner, [many], graph_path)  # the same command again
    assert _quads(graph_path) == reference


def test_faults_concurrent_builds_wait_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, graph_path: Path
) -> None:
    shared = str(tmp_path_factory.getbasetemp() / "faults-shared")
    prior, many = _inputs(shared)
    reference = _reference(shared)
    first = _start(tmp_path, ["build", str(many), "--graph", str(graph_path)], delay=0.005)
    _wait_for_lines(first, 1)  # it holds the lock now
    impatient = _start(tmp_path, ["build", str(prior), "--graph", str(graph_path)], lock_wait=0.2)
    patient = _start(tmp_path, ["build", str(prior), "--graph", str(graph_path)], lock_wait=120)
    _, refused = impatient.communicate(timeout=60)
    assert impatient.returncode == 5
    assert refused == (
        f"Error: {graph_path}.lock: another kg build is using {graph_path} (waited 0.2 s); "
        "wait for it to finish, or pass --graph OTHER_PATH\n"
    )
    _, first_err = first.communicate(timeout=120)
    _, patient_err = patient.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert patient.returncode == 0, patient_err
    assert first_err.startswith(f"built {N_ARTICLES} articles, 0 rejected")
    assert patient_err.startswith("built 5 articles, 0 rejected")
    assert _quads(graph_path) == reference


def test_faults_query_timeout_stops_a_runaway_query(runner: CliRunner, tmp_path: Path, graph_path: Path) -> None:
    p = ox.NamedNode("http://e/p")
    with GraphStore.open(graph_path, create=True) as store:
        store.replace_graph("http://e/chain", [
            (ox.NamedNode(f"http://e/n{i}"), p, ox.NamedNode(f"http://e/n{i + 1}")) for i in range(3000)
        ])
    rq = tmp_path / "runaway.rq"
    rq.write_text("# title: Runaway\n# description: every pair of the chain, both ways\n"
                  "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://e/p>|^<http://e/p>)* ?b } ORDER BY ?n\n",
                  encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(cli, ["query", str(rq), "--timeout", "1", "--graph", str(graph_path)])
    elapsed = time.monotonic() - started
    assert result.exit_code == 7
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {rq}: query 'runaway' ran longer than 1 s and was stopped; raise --timeout or narrow the query\n"
    )
    assert elapsed < 8
    # the store is still usable right after: the child was killed, not left running
    short = tmp_path / "short.rq"
    short.write_text("# title: Short\nSELECT (COUNT(*) AS ?n) WHERE { ?a <http://e/p> ?b } ORDER BY ?n\n")
    result = runner.invoke(cli, ["query", str(short), "--format", "csv", "--timeout", "10", "--graph", str(graph_path)])
    assert (result.exit_code, result.stdout) == (0, "n\n3000\n")
