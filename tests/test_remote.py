"""Against a real Oxigraph server: kg push, then every stored query gives the same rows remotely and locally."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.links import LINKS_GRAPH
from kg.push import (
    _Client,  # noqa: PLC2701 - the same client push uses, for read-back checks
    push,
    remote_count,
    resolve_target,
)
from kg.queries import find_query, queries_dir, run_query, run_remote
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
HAND_WRITTEN = {
    "roe1.txt": "date 2021-03-01\nFrench Foreign Minister Jane Roe may visit Japan next month.\n",
    "roe2.txt": "date 2021-04-02\nFrench Foreign Minister Jane Roe arrived in Tokyo on Friday.\n",
    "roe3.txt": "date 2021-04-20\nJane Roe's planned visit to Japan was cancelled, the ministry said.\n",
    "zoe.txt": ('date 2021-05-03\nGerman Chancellor Zoë Ångström met Jane Roe in Berlin on Monday. '
                '"We agree on “most” things," Ångström said.\n'),
}


def _build(tmp_path: Path, write) -> Path:
    folder = [write(f"in/{name}", text) for name, text in HAND_WRITTEN.items()][0].parent
    path = tmp_path / "graph"
    with GraphStore.open(path, create=True) as store:
        summary = build([ROOT / "seeds", folder], store)
    assert summary.articles >= 4, summary.line()
    return path


def _graph_counts(store: GraphStore) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in store.quads():
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def test_remote_push_then_every_stored_query_matches(oxigraph_server: str, tmp_path: Path, write) -> None:
    path = _build(tmp_path, write)
    target = resolve_target(oxigraph_server)
    with GraphStore.open(path, write=False) as store:
        local_counts = _graph_counts(store)
        assert LINKS_GRAPH in local_counts  # the Roe trip is linked across articles
        first = push(store, target)
        client = _Client(target, None, 30.0, 5.0)
        remote_counts = {graph: remote_count(client, graph) for graph in local_counts}
        second = push(store, target)  # PUT again: nothing changes
        again = {graph: remote_count(client, graph) for graph in local_counts}
        assert remote_counts == again == local_counts
        assert first.triples == second.triples == sum(local_counts.values())
        assert first.graphs == len(local_counts)

        names = sorted(p.stem for p in queries_dir().glob("*.rq"))
        assert len(names) >= 9
        for name in names:
            query = find_query(name)
            local = run_query(store.store, query, timeout=60)
            remote = run_remote(target.query_url, query, timeout=60)
            assert remote.columns == local.columns, name
            assert remote.rows == local.rows, name
        assert run_query(store.store, find_query("visit-history"), timeout=60).rows  # not vacuous

        for params in ({"destination_country": "Japan"}, {"destination_country": 'x"} ; DROP ALL'}):
            query = find_query("visits")
            assert run_remote(target.query_url, query, params).rows == run_query(store.store, query, params).rows


def test_remote_cli_push_and_query(oxigraph_server: str, tmp_path: Path, runner: CliRunner, write) -> None:
    path = _build(tmp_path, write)
    pushed = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", oxigraph_server, "--prune"])
    assert pushed.exit_code == 0, pushed.output
    assert "counts verified" in pushed.output
    for name in ("visit-history", "meetings"):
        local = runner.invoke(cli, ["query", name, "--graph", str(path), "--format", "json"])
        remote = runner.invoke(cli, ["query", name, "--endpoint", f"{oxigraph_server}/query", "--format", "json"])
        assert local.exit_code == remote.exit_code == 0, (local.output, remote.output)
        assert json.loads(remote.stdout) == json.loads(local.stdout)

    # remove an article locally; push --prune removes its graph remotely, and the links follow
    assert runner.invoke(cli, ["remove", "roe2", "--graph", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", oxigraph_server,
                               "--prune"]).exit_code == 0
    with GraphStore.open(path, write=False) as store:
        local_counts = _graph_counts(store)
    rows = run_remote(f"{oxigraph_server}/query", _count_query(tmp_path)).rows
    assert {graph: int(n) for graph, n in rows} == local_counts


def _count_query(tmp_path: Path):  # noqa: ANN202 - a StoredQuery
    from kg.queries import load_query

    path = tmp_path / "graphs.rq"
    path.write_text("# title: Graphs\n# description: triples per graph\n"
                    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g\n",
                    encoding="utf-8")
    return load_query(path)


def test_remote_server_store_matches_the_nquads_export(oxigraph_server: str, tmp_path: Path, write) -> None:
    """What the server holds after a push is exactly our N-Quads export (ontology included)."""
    from kg.export import export_bytes

    path = _build(tmp_path, write)
    with GraphStore.open(path, write=False) as store:
        push(store, resolve_target(oxigraph_server))
        expected = export_bytes(store, "nquads", ontology=True)
    import urllib.request

    request = urllib.request.Request(f"{oxigraph_server}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
        served = response.read()
    lines = sorted({f"{q} .\n" for q in ox.parse(served, format=ox.RdfFormat.N_QUADS) if q.graph_name != ox.DefaultGraph()})
    assert "".join(lines).encode("utf-8") == expected
