"""kg push against a small in-process Graph Store + SPARQL server: URLs, auth, counts, timeouts, the union."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import QueryTimeout, RemoteError, UsageError
from kg.push import Auth, push, resolve_endpoint
from kg.store import GraphStore

SECRET = "s3cret-Pa55"  # noqa: S105 - a test password
FIXTURE = Path(__file__).parent / "data" / "queries_fixture.trig"


class _FakeStore(http.server.BaseHTTPRequestHandler):
    """PUT/DELETE /store?graph=IRI; POST /query answers COUNT queries from what was PUT."""

    server: Any

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization")
        self.server.auth_headers.append(header)
        mode = self.server.auth
        if mode is None:
            return True
        if mode == "basic" and header and header.startswith("Basic "):
            return True
        if mode == "digest" and header and header.startswith("Digest ") and 'username="alice"' in header:
            return True
        self.send_response(401)
        if mode == "digest":
            self.send_header("WWW-Authenticate", 'Digest realm="kg", nonce="abc123", qop="auth", algorithm=MD5')
        else:
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def _graph(self) -> str | None:
        query = urllib.parse.urlsplit(self.path).query
        return None if query == "default" else urllib.parse.parse_qs(query)["graph"][0]

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_PUT(self) -> None:  # noqa: N802
        body = self._body()
        if not self._authorised():
            return
        time.sleep(self.server.delay)
        lines = [line for line in body.decode("utf-8").splitlines() if line]
        self.server.graphs[self._graph()] = lines[: len(lines) - self.server.drop]
        self.server.content_types.append(self.headers.get("Content-Type"))
        self.send_response(204)
        self.end_headers()

    def do_DELETE(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        self.server.graphs.pop(self._graph(), None)
        self.send_response(204)
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802
        query = urllib.parse.parse_qs(self._body().decode("utf-8"))["query"][0]
        found = re.search(r"GRAPH <([^>]*)>", query)
        if found:
            rows = [{"n": {"type": "literal", "value": str(len(self.server.graphs.get(found.group(1), [])))}}]
            names = ["n"]
        else:
            rows = [{"g": {"type": "uri", "value": g}} for g in sorted(g for g in self.server.graphs if g)]
            names = ["g"]
        body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def _server(auth: str | None = None, drop: int = 0, delay: float = 0.0) -> Iterator[Any]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeStore)
    server.graphs, server.auth, server.drop, server.delay = {}, auth, drop, delay  # type: ignore[attr-defined]
    server.auth_headers, server.content_types = [], []  # type: ignore[attr-defined]
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        server.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "graph"
    with GraphStore.open(path, create=True) as store:
        store.store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return path


def _local(path: Path) -> dict[str | None, list[str]]:
    """Sorted N-Triples lines per named graph, and the union under ``None`` (the default graph)."""
    graphs: dict[str | None, list[str]] = {}
    with GraphStore.open(path, write=False) as store:
        for quad in store.quads():
            graphs.setdefault(quad.graph_name.value, []).append(f"{quad.triple} .")
            graphs.setdefault(None, []).append(f"{quad.triple} .")
    return {name: sorted(set(lines)) for name, lines in graphs.items()}


def test_push_resolve_endpoint(tmp_path: Path) -> None:
    assert resolve_endpoint("http://h:7878") == resolve_endpoint("http://h:7878/query").__class__(
        "http://h:7878/query", "http://h:7878/store")
    assert resolve_endpoint("http://h:7878/").query_url == "http://h:7878/query"
    assert resolve_endpoint("http://h:7878/query").gsp_url == "http://h:7878/store"
    assert resolve_endpoint("http://h:8890/sparql").gsp_url == "http://h:8890/sparql-graph-crud"
    assert resolve_endpoint("http://h:8890/sparql", user="dba").gsp_url == "http://h:8890/sparql-graph-crud-auth"
    assert resolve_endpoint("http://h/ds/sparql", "/ds/data").gsp_url == "http://h/ds/data"
    assert resolve_endpoint("http://h/x", "https://other/gsp").gsp_url == "https://other/gsp"
    assert resolve_endpoint("http://h/repositories/r").gsp_url is None  # queries fine; push needs --gsp
    with pytest.raises(RemoteError, match="credentials in the URL"):
        resolve_endpoint(f"http://alice:{SECRET}@h/query")
    with pytest.raises(UsageError, match="http"):  # a bad URL is a usage error (exit 2)
        resolve_endpoint("file:///etc/passwd")
    assert SECRET not in repr(Auth("alice", SECRET))
    with GraphStore.open(_store(tmp_path), write=False) as store, pytest.raises(RemoteError, match="--gsp") as info:
        push(store, resolve_endpoint("http://127.0.0.1:9/somewhere"))
    assert info.value.exit_code == 9


def test_push_puts_every_graph_and_twice_is_the_same(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with _server() as server, GraphStore.open(path, write=False) as store:
        summary = push(store, resolve_endpoint(server.url))
        first = dict(server.graphs)
        again = push(store, resolve_endpoint(server.url))
    assert first == _local(path) == server.graphs  # sorted N-Triples lines, one PUT per graph, the union
    assert summary.graphs == again.graphs == len(first) - 1 and summary.triples == again.triples
    assert summary.union == len(first[None]) and "as the default graph" in summary.line()
    assert set(server.content_types) == {"application/n-triples"}


def test_push_prune_deletes_graphs_no_longer_local(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with _server() as server, GraphStore.open(path, write=False) as store:
        server.graphs["https://w3id.org/kg-diplomacy/id/graph/article/gone"] = ["x"]
        summary = push(store, resolve_endpoint(server.url), prune=True, union=False)
    assert summary.deleted == ("https://w3id.org/kg-diplomacy/id/graph/article/gone",)
    assert set(server.graphs) == set(_local(path)) - {None}  # --no-union: the default graph left alone


def test_push_count_mismatch_fails_naming_the_graph(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with _server(drop=1) as server, GraphStore.open(path, write=False) as store:
        with pytest.raises(RemoteError, match=r"graph <https://w3id.org/kg-diplomacy/id/graph/.*> holds \d+ "
                                                r"triples on the server after the PUT, \d+ here"):
            push(store, resolve_endpoint(server.url))


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_push_auth(tmp_path: Path, scheme: str) -> None:
    path = _store(tmp_path)
    with _server(auth=scheme) as server, GraphStore.open(path, write=False) as store:
        push(store, resolve_endpoint(server.url), auth=Auth("alice", SECRET, scheme))
        assert server.graphs == _local(path)
        headers = [h for h in server.auth_headers if h]
        assert headers and all(h.startswith(scheme.capitalize()) for h in headers)
        if scheme == "digest":
            assert all(SECRET not in h for h in headers)  # digest never sends the password
        with pytest.raises(RemoteError, match="HTTP 401.*check --user"):
            push(store, resolve_endpoint(server.url))  # no credentials


def test_push_read_timeout(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with _server(delay=2.0) as server, GraphStore.open(path, write=False) as store:
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="no complete answer within 0.3 s"):
            push(store, resolve_endpoint(server.url), timeout=0.3)
        assert time.monotonic() - started < 2.0


def test_push_unreachable_server(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with _server() as server:
        url = server.url
    with GraphStore.open(path, write=False) as store, pytest.raises(RemoteError, match="cannot reach"):
        push(store, resolve_endpoint(url), connect_timeout=1.0)


def test_push_cli_password_from_env_never_printed(tmp_path: Path, runner: CliRunner,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path)
    monkeypatch.setenv("KG_TEST_PW", SECRET)
    with _server(auth="digest") as server:
        result = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", server.url, "--user", "alice",
                                     "--auth", "digest", "--password-env", "KG_TEST_PW"])
        assert result.exit_code == 0, result.output
        assert "counts verified" in result.output and SECRET not in result.output
        monkeypatch.setenv("KG_TEST_PW", "wrong")
        server.auth = "basic-never"  # refuses everything
        failed = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", server.url, "--user", "alice",
                                     "--auth", "digest", "--password-env", "KG_TEST_PW"])
        assert failed.exit_code == 9 and "wrong" not in failed.output and "HTTP 401" in failed.output
        prompted = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", server.url, "--user", "alice"],
                                 input=f"{SECRET}\n")
        assert SECRET not in prompted.output
    unset = runner.invoke(cli, ["push", "--graph", str(path), "--endpoint", "http://127.0.0.1:9/query",
                                "--user", "alice", "--password-env", "KG_NOT_SET_ANYWHERE"])
    assert unset.exit_code == 2 and "KG_NOT_SET_ANYWHERE is not set" in unset.output
