"""Every stored query gives the same rows on the local store and on real Oxigraph servers holding our
exports or pushes, whatever the server does with its default graph (issue 11, item 1):

(a) the local store; (b) the Turtle export loaded into the default graph of a plain ``oxigraph serve``;
(c) the TriG export (named graphs) loaded into a server whose default graph is the union of its named
graphs (``--union-default-graph``), with and without the union written as the default graph too;
(d) the TriG export loaded into a plain server (its default graph is its own: the export's union);
and ``kg push`` to both kinds of server, queried through ``kg query --endpoint``.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.derive import DERIVED_GRAPHS
from kg.endpoint import Client, resolve_endpoint
from kg.export import export_bytes
from kg.push import push, remote_count
from kg.queries import find_query, run_query, run_remote, stored_names
from kg.store import GraphStore



def _copy(graph: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "graph"
    shutil.copytree(graph, target)
    return target


def _cases() -> list[tuple[str, dict[str, str]]]:
    """Every stored query, without parameters and with the example of each parameter."""
    cases = []
    for name in stored_names():
        query = find_query(name)
        cases.append((name, {}))
        examples = {p.name: p.example for p in query.params if p.example}
        if examples:
            cases.append((name, examples))
    return cases


def _answers(run: Callable[..., object]) -> dict[str, object]:
    return {f"{name} {params}": run(find_query(name), params) for name, params in _cases()}


def _load(url: str, data: bytes, media: str, *, default: bool = False) -> None:
    """Load a file into a server over the Graph Store Protocol (``?default``: into the default graph)."""
    request = urllib.request.Request(f"{url}/store" + ("?default" if default else ""), data=data, method="POST",
                                     headers={"Content-Type": media})
    with urllib.request.urlopen(request, timeout=60):  # noqa: S310 - loopback test server
        pass


def _clear(url: str) -> None:
    request = urllib.request.Request(f"{url}/update", data=b"update=DROP%20ALL", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60):  # noqa: S310 - loopback test server
        pass


def test_remote_every_stored_query_same_rows_in_every_layout(oxigraph: Callable[..., str], remote_graph: Path) -> None:
    path = remote_graph
    plain, union = oxigraph(union=False), oxigraph(union=True)
    with GraphStore.open(path, write=False) as store:
        local = _answers(lambda q, p: run_query(store.store, q, p, timeout=60))
        turtle, trig = export_bytes(store, "turtle"), export_bytes(store, "trig")
        named_only = export_bytes(store, "nquads", union=False)
    assert local["visit-history {}"].rows and local["met-with {}"].rows  # not vacuous
    assert local["positions {'person': 'jane roe'}"].rows
    assert any(row[0] == "Jane Roe" and row[1] == "Zoë Ångström" and row[2] == "2"  # Roe and Jane Roe: one person
               for row in local["met-with {}"].rows)

    layouts = {  # (the TriG with its union default graph in a union server gives the same rows too, but that
                 # server repeats each triple per graph holding it: 40x slower here; README: export --no-union)
        "(b) Turtle in a plain server's default graph": (plain, turtle, "text/turtle", True),
        "(c) named graphs only, in a union server": (union, named_only, "application/n-quads", False),
        "(d) TriG in a plain server": (plain, trig, "application/trig", False),
    }
    for layout, (url, data, media, default) in layouts.items():
        _clear(url)
        _load(url, data, media, default=default)
        remote = _answers(lambda q, p: run_remote(url, q, p, timeout=60))
        different = [case for case in local if remote[case] != local[case]]
        assert different == [], layout


def test_remote_push_then_every_stored_query_matches(oxigraph: Callable[..., str], remote_graph: Path) -> None:
    path = remote_graph
    for union_server in (False, True):
        url = oxigraph(union=union_server)
        target = resolve_endpoint(url)
        with GraphStore.open(path, write=False) as store:
            local_counts = _graph_counts(store)
            assert set(DERIVED_GRAPHS) <= set(local_counts)  # persons, borrowed states, links: all written
            first = push(store, target, union=not union_server)  # a union server needs no union copy
            with Client(target, timeout=30.0, connect_timeout=5.0) as client:
                remote_counts = {graph: remote_count(client, graph) for graph in local_counts}
                second = push(store, target, union=not union_server)  # PUT again: nothing changes
                again = {graph: remote_count(client, graph) for graph in local_counts}
            assert remote_counts == again == local_counts
            assert first.triples == second.triples == sum(local_counts.values())
            local = _answers(lambda q, p: run_query(store.store, q, p, timeout=60))
        remote = _answers(lambda q, p: run_remote(url, q, p, timeout=60))
        assert [case for case in local if remote[case] != local[case]] == [], f"union server: {union_server}"


def test_remote_cli_push_and_query(oxigraph: Callable[..., str], tmp_path: Path, runner: CliRunner,
                                   remote_graph: Path) -> None:
    path = _copy(remote_graph, tmp_path)
    server = oxigraph(union=False)  # `oxigraph serve` started the usual way
    pushed = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", server, "--prune"])
    assert pushed.exit_code == 0, pushed.output
    assert "counts verified" in pushed.output and "as the default graph" in pushed.output
    for name in ("visit-history", "meetings", "met-with"):
        local = runner.invoke(cli, ["query", name, "--graph", str(path), "--format", "json"])
        for url in (server, f"{server}/query"):  # the base URL, as for push, or the query endpoint
            remote = runner.invoke(cli, ["query", name, "--endpoint", url, "--format", "json"])
            assert local.exit_code == remote.exit_code == 0, (local.output, remote.output)
            assert json.loads(remote.stdout) == json.loads(local.stdout) != []

    # remove an article locally; push --prune removes its graph remotely, and the derived graphs follow
    assert runner.invoke(cli, ["remove", "roe2", "--graph", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", server, "--prune"]).exit_code == 0
    with GraphStore.open(path, write=False) as store:
        local_counts = _graph_counts(store)
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    rows = run_query_remote_rows(server, text)
    assert {graph: int(n) for graph, n in rows} == local_counts
    local = runner.invoke(cli, ["query", "visit-history", "--graph", str(path), "--format", "tsv"])
    remote = runner.invoke(cli, ["query", "visit-history", "--endpoint", server, "--format", "tsv"])
    assert remote.stdout == local.stdout and "roe2" not in remote.stdout


def run_query_remote_rows(url: str, text: str) -> tuple[tuple[str | None, ...], ...]:
    from kg.queries import query_from_text

    return run_remote(url, query_from_text(text), timeout=30).rows


def test_remote_server_store_matches_the_nquads_export(oxigraph: Callable[..., str], remote_graph: Path) -> None:
    """What a plain server holds after a push is exactly our N-Quads export (ontology included): the
    named graphs, and their union as its default graph."""
    server = oxigraph(union=False)
    with GraphStore.open(remote_graph, write=False) as store:
        push(store, resolve_endpoint(server))
        expected = export_bytes(store, "nquads", ontology=True)
    request = urllib.request.Request(f"{server}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
        served = response.read()
    lines = sorted({f"{q} .\n" for q in ox.parse(served, format=ox.RdfFormat.N_QUADS)})
    assert "".join(lines).encode("utf-8") == b"".join(sorted(expected.splitlines(keepends=True)))


def _graph_counts(store: GraphStore) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in store.quads():
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_remote_query_endpoint_with_user(scheme: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                         auth_endpoint: Callable[..., object]) -> None:
    """``kg query --endpoint URL --user U`` against a loopback SPARQL server that requires auth."""
    monkeypatch.setenv("KG_TEST_PW", "s3cret")
    with auth_endpoint(scheme, "alice", "s3cret") as (url, seen):
        ok = runner.invoke(cli, ["query", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "--endpoint", url,
                                 "--user", "alice", "--auth", scheme, "--password-env", "KG_TEST_PW",
                                 "--format", "tsv"])
        assert ok.exit_code == 0, ok.output
        assert ok.stdout == "s\nhttp://example.org/a\n"
        assert "s3cret" not in ok.output and any(h and h.startswith(scheme.capitalize()) for h in seen)
        missing = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--endpoint", url])
        assert missing.exit_code == 9 and "HTTP 401" in missing.stderr and "check --user" in missing.stderr
        monkeypatch.setenv("KG_TEST_PW", "wrong")
        wrong = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--endpoint", url, "--user", "alice",
                                    "--auth", scheme, "--password-env", "KG_TEST_PW"])
        assert wrong.exit_code == 9 and "wrong" not in wrong.output
        prompted = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--endpoint", url, "--user", "alice",
                                       "--auth", scheme], input="s3cret\n")
        assert prompted.exit_code == 0 and prompted.stdout == "true\n"


def test_remote_https_endpoint_is_verified(auth_endpoint: Callable[..., object], self_signed: tuple[Path, Path],
                                           runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """TLS is verified (system certificates, $SSL_CERT_FILE, or --ca-cert), for push and query alike."""
    monkeypatch.setenv("KG_TEST_PW", "s3cret")
    cert, _ = self_signed
    with auth_endpoint("basic", "alice", "s3cret", tls=self_signed) as (url, _seen):
        assert url.startswith("https://")
        args = ["query", "ASK { ?s ?p ?o }", "--endpoint", url, "--user", "alice", "--password-env", "KG_TEST_PW"]
        refused = runner.invoke(cli, args)
        assert refused.exit_code == 9 and "CERTIFICATE_VERIFY_FAILED" in refused.stderr.replace(" ", "_").upper()
        trusted = runner.invoke(cli, [*args, "--ca-cert", str(cert)])
        assert (trusted.exit_code, trusted.stdout) == (0, "true\n")
