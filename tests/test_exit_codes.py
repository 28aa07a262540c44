"""One exit code per kind of failure, across every command, as the README's table says.

One test runs every command into every kind of failure it can meet and checks the code against the
README table (parsed from README.md), exactly one ``Error:`` line, no traceback; another checks that
every error class's code is in the table. Network failures are real sockets on the loopback: a
closed port (refused) and a listener that never answers (timeout).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.errors
from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SERVICE = """# title: Remote
# description: a SERVICE call
SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } ORDER BY ?s
"""


def readme_codes() -> dict[int, str]:
    text = (ROOT / "README.md").read_text("utf-8")
    table = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", table, re.MULTILINE)}


@contextmanager
def _closed_port() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield f"http://127.0.0.1:{port}"  # nothing listens: connection refused


@contextmanager
def _silent_server() -> Iterator[str]:
    with socket.socket() as server:  # accepts connections (backlog) and never answers
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


# (command, kind of failure, arguments; {graph} {built} {rq} {service} {articles} {url} filled in, expected code)
CASES: list[tuple[str, str, list[str], int]] = [
    ("build", "ok", ["{articles}", "--graph", "{graph}"], 0),
    ("build", "usage", ["--jobs", "0", "--graph", "{graph}"], 2),
    ("build", "contradictory options", ["{articles}", "--strict", "--skip-bad", "--graph", "{graph}"], 2),
    ("build", "bad input", ["{articles}/missing.txt", "--graph", "{graph}"], 3),
    ("build", "bad --cluster", ["{articles}", "--cluster", "somewhere", "--graph", "{graph}"], 2),
    ("build", "--cluster with --jobs", ["{articles}", "--cluster", "local:2", "--jobs", "2", "--graph", "{graph}"], 2),
    ("build", "--no-union without shards", ["{articles}", "--no-union", "--graph", "{graph}"], 2),
    ("build", "shards", ["{articles}", "--out-shards", "{tmp}/shards"], 0),
    ("build", "shards, --fresh", ["{articles}", "--out-shards", "{tmp}/shards", "--fresh"], 2),
    ("build", "shards, output", ["{articles}", "--out-shards", "{rq}/shards"], 6),
    ("load", "ok", ["{tmp}/shards", "--graph", "{graph}"], 0),
    ("load", "usage", ["--graph", "{graph}"], 2),
    ("load", "folder without shards", ["{articles}", "--graph", "{graph}"], 3),
    ("load", "bad shard", ["{bad_shard}", "--graph", "{graph}"], 3),
    ("load", "store locked", ["{tmp}/shards", "--graph", "{built}"], 5),
    ("remove", "no store", ["a", "--graph", "{graph}"], 5),
    ("remove", "unknown article", ["zz", "--graph", "{built}"], 3),
    ("query", "ok", ["{rq}", "--graph", "{built}"], 0),
    ("query", "usage", ["{rq}", "--format", "xml", "--graph", "{built}"], 2),
    ("query", "no store", ["{rq}", "--graph", "{graph}"], 5),
    ("query", "bad query", ["no-such-query", "--graph", "{built}"], 4),
    ("query", "network refused", ["{service}", "--graph", "{built}"], 8),
    ("query", "server unreachable", ["{rq}", "--endpoint", "{refused}/query"], 9),
    ("query", "server silent", ["{rq}", "--endpoint", "{silent}/query", "--timeout", "0.5"], 7),
    ("query", "bad endpoint URL", ["{rq}", "--endpoint", "file:///etc/passwd"], 2),
    ("export", "ok", ["--graph", "{built}", "-o", "{tmp}/out.ttl"], 0),
    ("export", "no store", ["--graph", "{graph}"], 5),
    ("export", "output", ["--graph", "{built}", "-o", "{tmp}/no/such/folder/out.ttl"], 6),
    ("info", "ok", ["--graph", "{built}"], 0),
    ("info", "no store", ["--graph", "{graph}"], 5),
    ("validate", "ok", ["--graph", "{built}"], 0),
    ("validate", "no store", ["--graph", "{graph}"], 5),
    ("eval", "usage", ["{tmp}/no-gold"], 2),
    ("eval", "bad input", ["{tmp}", "{articles}/missing.txt"], 3),
    ("push", "no store", ["--endpoint", "{refused}", "--graph", "{graph}"], 5),
    ("push", "server unreachable", ["--endpoint", "{refused}", "--graph", "{built}"], 9),
    ("push", "server silent", ["--endpoint", "{silent}", "--graph", "{built}", "--timeout", "0.3"], 7),
    ("push", "bad endpoint URL", ["--endpoint", "ftp://h/x", "--graph", "{built}"], 2),
    ("serve", "no store", ["--graph", "{graph}"], 5),
    ("serve", "usage", ["--port", "70000", "--graph", "{built}"], 2),
    ("serve", "port in use", ["--port", "{silent_port}", "--graph", "{built}"], 2),
    ("build", "SHACL violations", ["{articles}", "--graph", "{graph}"], 1),  # from here on SHACL rejects "b"
    ("validate", "SHACL violations", ["--graph", "{built}"], 1),
]


@pytest.mark.usefixtures("no_spacy")
def test_exit_codes_every_command_every_kind_as_the_readme_says(
    runner: CliRunner, tmp_path: Path, articles_dir: Path, write: Callable[..., Path],
    reject_ids: Callable[..., None],
) -> None:
    documented = readme_codes()
    built = tmp_path / "built"
    assert runner.invoke(cli, ["build", str(articles_dir), "--graph", str(built)]).exit_code == 0
    rq = write("q/articles.rq", "# title: Articles\n# description: ids\nPREFIX dip: "
                                "<https://w3id.org/kg-diplomacy/ontology#>\nSELECT ?id WHERE { GRAPH ?g { ?a dip:articleId "
                                "?id } } ORDER BY ?id\n")
    service = write("q/service.rq", SERVICE)
    bad_shard = write("bad/x.nq", "<http://example.org/s> <http://example.org/p> .\n")
    seen = set()
    with _closed_port() as refused, _silent_server() as silent:
        for n, (command, kind, args, code) in enumerate(CASES):
            if kind == "SHACL violations":
                reject_ids("b")
            values = {"graph": tmp_path / f"g{n}", "built": built, "rq": rq, "service": service,
                      "articles": articles_dir, "refused": refused, "silent": silent, "tmp": tmp_path,
                      "silent_port": silent.rsplit(":", 1)[1], "bad_shard": bad_shard}
            with _locked(built if kind == "store locked" else None):
                result = runner.invoke(cli, [command, *(a.format(**values) for a in args)])
            where = (command, kind, result.exit_code, result.stderr)
            assert result.exit_code == code, where
            assert code in documented, where
            assert "Traceback" not in result.output and "internal error" not in result.output, where
            errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
            if code == 0:
                assert errors == [], where
            elif code != 2 or result.stderr.startswith("Error:"):  # Click's usage errors print a usage first
                assert len(errors) == 1, where
            seen.add(command)
    assert seen == set(cli.commands), set(cli.commands) - seen  # every command is covered


@contextmanager
def _locked(graph: Path | None) -> Iterator[None]:
    """Another writer holds ``graph`` (KG_LOCK_WAIT=0: refused at once)."""
    if graph is None:
        yield
        return
    import os

    from kg.store import GraphStore

    os.environ["KG_LOCK_WAIT"] = "0"
    try:
        with GraphStore.open(graph, write=True):
            yield
    finally:
        del os.environ["KG_LOCK_WAIT"]


def test_exit_codes_every_error_class_is_in_the_readme_table() -> None:
    documented = readme_codes()
    classes = [c for c in vars(kg.errors).values() if isinstance(c, type) and issubclass(c, kg.errors.KgError)]
    assert {c.exit_code for c in classes} | {kg.errors.INTERNAL_ERROR_EXIT, 0, 130} <= set(documented)
    assert set(documented) == {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 70, 130}
    assert "9" in (ROOT / "src" / "kg" / "cli.py").read_text("utf-8").split("Exit codes:")[1][:300]
