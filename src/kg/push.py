"""Push the store to an external triple store: SPARQL 1.1 Graph Store HTTP Protocol, one PUT per graph.

Every named graph of the store (each article, the ontology, the links, RDF-file graphs) is sent as
sorted N-Triples with ``PUT <gsp>?graph=<IRI>``: a PUT replaces the graph, so pushing twice changes
nothing (a POST would append, and duplicate blank nodes where a store has them). After each PUT the
graph's triple count is read back with ``SELECT (COUNT(*) AS ?n) WHERE { GRAPH <IRI> { ?s ?p ?o } }``
on the SPARQL endpoint and compared with the local count; a difference stops the push with
:class:`~kg.errors.RemoteError` naming the graph.

Endpoints (:func:`resolve_target`): ``endpoint`` is the SPARQL query endpoint (the same URL that
``kg query --endpoint`` takes). The Graph Store URL is ``gsp`` if given (a full URL, or a path on the
endpoint's host), else derived:

* ``http://host:7878`` or ``http://host:7878/query`` (Oxigraph server) -> ``/query`` and ``/store``;
* ``http://host:8890/sparql`` (Virtuoso) -> ``/sparql-graph-crud-auth`` with a user, else
  ``/sparql-graph-crud``.

Credentials: ``basic`` (sent with the first request) or ``digest`` (answers the server's challenge);
the password comes from the caller (the CLI reads an environment variable or prompts), never from a
URL, and is never part of a message. Timeouts: ``connect_timeout`` bounds opening the connection,
``timeout`` every read after it. Only :mod:`urllib` is used.
"""

from __future__ import annotations

import functools
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryTimeout, RemoteError, UsageError
from kg.iris import ID_BASE
from kg.store import GraphStore

__all__ = ["Auth", "Target", "PushSummary", "resolve_target", "push", "graph_ntriples", "remote_count"]

GRAPH_PREFIX = ID_BASE + "graph/"

Progress = Callable[[int, int, str, int], None]  # (done, total, graph IRI, triples)


@dataclass(frozen=True)
class Auth:
    user: str
    password: str
    scheme: str = "basic"  # or "digest"

    def __repr__(self) -> str:  # never show the password
        return f"Auth(user={self.user!r}, scheme={self.scheme!r})"


@dataclass(frozen=True)
class Target:
    query_url: str  # SPARQL 1.1 Protocol endpoint
    gsp_url: str  # SPARQL 1.1 Graph Store HTTP Protocol endpoint
    graph_param: str = "graph"  # the query parameter naming the graph (Virtuoso also takes graph-uri)


@dataclass(frozen=True)
class PushSummary:
    graphs: int
    triples: int
    deleted: tuple[str, ...]
    seconds: float

    def line(self) -> str:
        pruned = f", deleted {len(self.deleted)} stale graph(s)" if self.deleted else ""
        return (f"pushed {self.graphs} graph{'s' if self.graphs != 1 else ''}, {self.triples} triples, "
                f"counts verified{pruned}; {self.seconds:.1f} s")


def resolve_target(endpoint: str, gsp: str | None = None, *, graph_param: str | None = None,
                   user: str | None = None) -> Target:
    """The query and Graph Store URLs for ``endpoint`` (see the module docstring)."""
    parts = _check_url(endpoint, "--endpoint")
    path = parts.path.rstrip("/")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    query_url = endpoint
    derived: str | None = None
    if path in ("", "/"):
        query_url, derived = f"{base}/query", f"{base}/store"
    elif path.endswith("/query"):
        derived = f"{base}{path[: -len('/query')]}/store"
    elif path.endswith("/sparql"):
        derived = f"{base}{path[: -len('/sparql')]}/sparql-graph-crud{'-auth' if user else ''}"
    if gsp:
        gsp_url = f"{base}{gsp}" if gsp.startswith("/") else gsp
        _check_url(gsp_url, "--gsp")
    elif derived:
        gsp_url = derived
    else:
        raise UsageError(f"cannot tell the Graph Store URL of {endpoint}", where="--endpoint",
                          fix="pass --gsp URL or --gsp /PATH (Oxigraph: /store; Virtuoso: "
                              "/sparql-graph-crud-auth)")
    return Target(query_url=query_url, gsp_url=gsp_url, graph_param=graph_param or "graph")


def _check_url(url: str, option: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"not an http(s) URL: {url!r}", where=option,
                         fix="give the SPARQL endpoint as http://HOST:PORT/PATH")
    if parts.username is not None or parts.password is not None:
        raise UsageError("credentials in the URL are refused (they would show in logs and shell history)",
                          where=option, fix="pass --user NAME and --password-env VAR")
    return parts


# ------------------------------------------------------------------------------------------ HTTP

class _SplitTimeout:
    """Mix-in for http.client connections: one timeout to connect, another for every read."""

    def __init__(self, *args: Any, connect_timeout: float, read_timeout: float, **kwargs: Any) -> None:
        kwargs["timeout"] = connect_timeout
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._read_timeout = read_timeout

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.sock.settimeout(self._read_timeout)  # type: ignore[attr-defined]


class _HTTPConnection(_SplitTimeout, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_SplitTimeout, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, connect_timeout: float, read_timeout: float) -> None:
        super().__init__()
        self._conn = functools.partial(_HTTPConnection, connect_timeout=connect_timeout,
                                       read_timeout=read_timeout)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._conn, req)  # type: ignore[arg-type]


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, connect_timeout: float, read_timeout: float) -> None:
        super().__init__()
        self._conn = functools.partial(_HTTPSConnection, connect_timeout=connect_timeout,
                                       read_timeout=read_timeout)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._conn, req, context=self._context)  # type: ignore[arg-type,attr-defined]


class _Client:
    def __init__(self, target: Target, auth: Auth | None, timeout: float, connect_timeout: float) -> None:
        self.target = target
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = [_HTTPHandler(connect_timeout, timeout),
                                                      _HTTPSHandler(connect_timeout, timeout)]
        if auth is not None:
            urls = [target.gsp_url, target.query_url]
            if auth.scheme == "basic":
                prior = urllib.request.HTTPPasswordMgrWithPriorAuth()
                for url in urls:
                    prior.add_password(None, url, auth.user, auth.password, is_authenticated=True)
                handlers.append(urllib.request.HTTPBasicAuthHandler(prior))
            elif auth.scheme == "digest":
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                for url in urls:
                    manager.add_password(None, url, auth.user, auth.password)
                handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
            else:
                raise UsageError(f"unknown auth scheme {auth.scheme!r}", fix="choose basic or digest")
        self.opener = urllib.request.build_opener(*handlers)

    def send(self, request: urllib.request.Request, what: str) -> bytes:
        """The response body of ``request``; a failure is a :class:`RemoteError` (exit 9) about ``what``,
        or a :class:`QueryTimeout` (exit 7) when the server does not answer in time."""
        started = time.monotonic()
        try:
            with self.opener.open(request) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
            hint = "check --user, --auth and the password" if exc.code in (401, 403) else None
            raise RemoteError(f"{what}: HTTP {exc.code} {exc.reason}: {detail}",
                              where=request.full_url.split("?")[0], fix=hint) from None
        except (TimeoutError, socket.timeout):
            raise QueryTimeout(f"{what}: no answer after {time.monotonic() - started:.1f} s",
                              where=request.full_url.split("?")[0],
                              fix="raise --timeout / --connect-timeout") from None
        except http.client.HTTPException as exc:
            raise RemoteError(f"{what}: broken HTTP answer ({exc!r})",
                              where=request.full_url.split("?")[0]) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise QueryTimeout(f"{what}: no connection after {time.monotonic() - started:.1f} s",
                                   where=request.full_url.split("?")[0], fix="raise --connect-timeout") from None
            raise RemoteError(f"{what}: cannot reach the server ({reason})",
                              where=request.full_url.split("?")[0], fix="is the server running?") from None

    def graph_url(self, graph: str) -> str:
        sep = "&" if "?" in self.target.gsp_url else "?"
        return f"{self.target.gsp_url}{sep}{urllib.parse.urlencode({self.target.graph_param: graph})}"

    def put(self, graph: str, body: bytes) -> None:
        request = urllib.request.Request(self.graph_url(graph), data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        self.send(request, f"PUT of graph <{graph}>")

    def delete(self, graph: str) -> None:
        self.send(urllib.request.Request(self.graph_url(graph), method="DELETE"), f"DELETE of graph <{graph}>")

    def select(self, text: str, what: str) -> list[dict[str, Any]]:
        request = urllib.request.Request(
            self.target.query_url, data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
            method="POST", headers={"Accept": "application/sparql-results+json",
                                    "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})
        body = self.send(request, what)
        try:
            return list(json.loads(body.decode("utf-8"))["results"]["bindings"])
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RemoteError(f"{what}: malformed SPARQL JSON results ({exc})",
                              where=self.target.query_url) from None


# ------------------------------------------------------------------------------------------ push

def graph_ntriples(store: GraphStore, graph: str) -> tuple[bytes, int]:
    """The graph's triples as sorted N-Triples bytes, and their number."""
    lines = sorted(f"{q.triple} .\n" for q in store.store.quads_for_pattern(None, None, None,
                                                                           ox.NamedNode(graph)))
    return "".join(lines).encode("utf-8"), len(lines)


def remote_count(client: _Client, graph: str) -> int:
    rows = client.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}",
                         f"count of graph <{graph}>")
    try:
        return int(rows[0]["n"]["value"]) if rows else 0
    except (KeyError, ValueError, TypeError, IndexError):
        raise RemoteError(f"count of graph <{graph}>: not a number: {rows!r}",
                          where=client.target.query_url) from None


def _remote_graphs(client: _Client) -> set[str]:
    text = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(STRSTARTS(STR(?g), {ox.Literal(GRAPH_PREFIX)})) }}")
    return {row["g"]["value"] for row in client.select(text, "listing the remote graphs") if "g" in row}


def push(
    store: GraphStore,
    target: Target,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
    connect_timeout: float = 10.0,
    prune: bool = False,
    on_graph: Progress | None = None,
) -> PushSummary:
    """PUT every named graph of ``store`` to ``target`` and verify each graph's triple count.

    ``prune``: afterwards DELETE remote graphs under ``id:graph/`` that the store no longer has
    (articles removed locally). Raises :class:`RemoteError` (or :class:`QueryTimeout`) on the first failure; graphs already
    pushed stay pushed (pushing again is safe).
    """
    started = time.monotonic()
    client = _Client(target, auth, timeout, connect_timeout)
    graphs = sorted(g.value for g in store.store.named_graphs() if isinstance(g, ox.NamedNode))
    total_triples = 0
    for done, graph in enumerate(graphs, 1):
        body, count = graph_ntriples(store, graph)
        client.put(graph, body)
        remote = remote_count(client, graph)
        if remote != count:
            raise RemoteError(
                f"graph <{graph}> holds {remote} triples on the server after the PUT, {count} here",
                where=target.gsp_url,
                fix="the server changed or refused some triples; check its log, then push again")
        total_triples += count
        if on_graph is not None:
            on_graph(done, len(graphs), graph, count)
    deleted: list[str] = []
    if prune:
        for graph in sorted(_remote_graphs(client) - set(graphs)):
            client.delete(graph)
            deleted.append(graph)
    return PushSummary(graphs=len(graphs), triples=total_triples, deleted=tuple(deleted),
                       seconds=time.monotonic() - started)
