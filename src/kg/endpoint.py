"""The one SPARQL client of kg: ``kg query --endpoint`` and ``kg push`` both talk through it.

HTTP is httpx (pinned with hashes in the lock files); W3C SPARQL results (JSON, XML, TSV) are parsed
by ``pyoxigraph.parse_query_results`` and graphs by ``pyoxigraph.parse``: no hand-written lexer.

URLs (:func:`resolve_endpoint`, the same for both commands): ``endpoint`` is the SPARQL query endpoint,
or the base URL of an Oxigraph server:

* ``http://host:7878`` or ``http://host:7878/query`` (Oxigraph) -> query ``/query``, Graph Store ``/store``;
* ``http://host:8890/sparql`` (Virtuoso) -> Graph Store ``/sparql-graph-crud-auth`` with a user, else
  ``/sparql-graph-crud``;
* anything else (Fuseki ``http://h:3030/ds/query``, GraphDB ``http://h:7200/repositories/r``) is used
  as given; ``push`` then needs ``--gsp URL|/PATH``.

Credentials: ``basic`` or ``digest`` (:class:`Auth`); the password comes from the caller (an
environment variable or a prompt), never from a URL, and never appears in a message. TLS: https URLs
are verified against the system's certificates (``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` if set) or the
``ca_cert`` file given. ``timeout`` bounds each request as a whole (connect, send, read the answer);
``connect_timeout`` bounds opening the connection.

Failures: :class:`~kg.errors.RemoteError` (exit 9: unreachable, refused, HTTP error, wrong
password, truncated or malformed answer) and :class:`~kg.errors.QueryTimeout` (exit 7).
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryTimeout, RemoteError, UsageError

__all__ = ["Auth", "Client", "Endpoint", "resolve_endpoint", "RESULT_TYPES", "GRAPH_TYPES"]

RESULT_TYPES = {  # media type -> pyoxigraph parser, in the order we ask for them
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": None,  # refused: entity expansion (see RDF-STACK.md)
}
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Auth:
    user: str
    password: str
    scheme: str = "basic"  # or "digest"

    def __repr__(self) -> str:  # never show the password
        return f"Auth(user={self.user!r}, scheme={self.scheme!r})"


@dataclass(frozen=True)
class Endpoint:
    query_url: str  # SPARQL 1.1 Protocol endpoint
    gsp_url: str | None  # SPARQL 1.1 Graph Store HTTP Protocol endpoint, when known
    graph_param: str = "graph"  # the query parameter naming the graph (Virtuoso also takes graph-uri)


def resolve_endpoint(endpoint: str, gsp: str | None = None, *, graph_param: str | None = None,
                     user: str | None = None) -> Endpoint:
    """The query and Graph Store URLs for ``endpoint`` (see the module docstring)."""
    parts = _check_url(endpoint, "--endpoint")
    path = parts.path.rstrip("/")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    query_url, derived = endpoint, None
    if path == "":
        query_url, derived = f"{base}/query", f"{base}/store"
    elif path.endswith("/query"):
        derived = f"{base}{path[: -len('/query')]}/store"
    elif path.endswith("/sparql"):
        derived = f"{base}{path[: -len('/sparql')]}/sparql-graph-crud{'-auth' if user else ''}"
    gsp_url = derived
    if gsp:
        gsp_url = f"{base}{gsp}" if gsp.startswith("/") else gsp
        _check_url(gsp_url, "--gsp")
    return Endpoint(query_url=query_url, gsp_url=gsp_url, graph_param=graph_param or "graph")


def _check_url(url: str, option: str) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"not an http(s) URL: {url!r}", where=option,
                            fix="give e.g. http://127.0.0.1:7878 or https://host/sparql")
    if parts.username is not None or parts.password is not None:
        raise RemoteError("credentials in the URL are refused (they would show in logs and shell history)",
                            where=option, fix="pass --user NAME and --password-env VAR")
    return parts


class Client:
    """A SPARQL 1.1 Protocol + Graph Store Protocol client for one :class:`Endpoint`."""

    def __init__(self, endpoint: Endpoint, *, auth: Auth | None = None, timeout: float = 60.0,
                 connect_timeout: float = 10.0, ca_cert: str | None = None) -> None:
        import httpx  # only remote commands pay for it

        self.endpoint = endpoint
        self.timeout = timeout
        verify: Any = True
        if ca_cert:
            import ssl

            try:
                verify = ssl.create_default_context(cafile=ca_cert)
            except (OSError, ssl.SSLError) as exc:
                raise RemoteError(f"cannot read the CA certificates ({exc})", where=ca_cert,
                                    fix="give a PEM file with --ca-cert") from None
        credentials: Any = None
        if auth is not None:
            if auth.scheme not in ("basic", "digest"):
                raise RemoteError(f"unknown auth scheme {auth.scheme!r}", fix="choose basic or digest")
            kind = httpx.BasicAuth if auth.scheme == "basic" else httpx.DigestAuth
            credentials = kind(auth.user, auth.password)
        self._http = httpx.Client(auth=credentials, verify=verify, follow_redirects=True,
                                  timeout=httpx.Timeout(timeout, connect=min(connect_timeout, timeout)))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- SPARQL protocol ----------------------------------------------------------------------------
    def select(self, text: str, what: str = "query") -> tuple[tuple[str, ...], list[Any]]:
        """Run a SELECT: (column names, pyoxigraph solutions)."""
        solutions = self._results(text, what)
        if not isinstance(solutions, ox.QuerySolutions):
            raise RemoteError(f"{what}: the endpoint answered a boolean to a SELECT", where=self.endpoint.query_url)
        return tuple(v.value for v in solutions.variables), list(solutions)

    def ask(self, text: str, what: str = "query") -> bool:
        answer = self._results(text, what)
        if not isinstance(answer, ox.QueryBoolean):
            raise RemoteError(f"{what}: the endpoint answered rows to an ASK", where=self.endpoint.query_url)
        return bool(answer)

    def construct(self, text: str, what: str = "query") -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE: its triples (N-Triples or Turtle answers)."""
        body, media = self._post_query(text, _accept(["application/n-triples", "text/turtle"]), what)
        fmt = GRAPH_TYPES.get(media)
        if fmt is None:
            raise RemoteError(f"{what}: the endpoint answered {media or 'no content type'}, not N-Triples or Turtle",
                                where=self.endpoint.query_url)
        try:
            return [quad.triple for quad in ox.parse(body, format=fmt)]
        except SyntaxError as exc:
            raise RemoteError(f"{what}: truncated or malformed answer ({_first_line(str(exc))})",
                                where=self.endpoint.query_url) from None

    def _results(self, text: str, what: str) -> Any:
        body, media = self._post_query(text, _accept(list(RESULT_TYPES)), what)
        fmt = RESULT_TYPES.get(media)
        if fmt is None:
            raise RemoteError(f"{what}: the endpoint answered {media or 'no content type'}, not SPARQL results",
                                where=self.endpoint.query_url)
        try:
            return ox.parse_query_results(body, fmt)
        except SyntaxError as exc:
            raise RemoteError(f"{what}: truncated or malformed SPARQL results ({_first_line(str(exc))})",
                                where=self.endpoint.query_url) from None

    def _post_query(self, text: str, accept: str, what: str) -> tuple[bytes, str]:
        return self._send("POST", self.endpoint.query_url, what, content=urllib.parse.urlencode({"query": text}),
                          headers={"Accept": accept,
                                   "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"})

    # -- Graph Store protocol ---------------------------------------------------------------------
    def graph_url(self, graph: str | None) -> str:
        """The GSP URL of a named graph, or of the default graph (``graph=None``: ``?default``)."""
        if self.endpoint.gsp_url is None:
            raise RemoteError(f"cannot tell the Graph Store URL of {self.endpoint.query_url}", where="--endpoint",
                                fix="pass --gsp URL or --gsp /PATH (Oxigraph: /store; Virtuoso: "
                                    "/sparql-graph-crud-auth; Fuseki: /DATASET/data)")
        query = "default" if graph is None else urllib.parse.urlencode({self.endpoint.graph_param: graph})
        sep = "&" if "?" in self.endpoint.gsp_url else "?"
        return f"{self.endpoint.gsp_url}{sep}{query}"

    def put(self, graph: str | None, body: bytes) -> None:
        name = "the default graph" if graph is None else f"graph <{graph}>"
        self._send("PUT", self.graph_url(graph), f"PUT of {name}", content=body,
                   headers={"Content-Type": "application/n-triples"})

    def delete(self, graph: str) -> None:
        self._send("DELETE", self.graph_url(graph), f"DELETE of graph <{graph}>")

    # -- HTTP -------------------------------------------------------------------------------------
    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> tuple[bytes, str]:
        """The body and media type of the answer; every failure is an RemoteError or QueryTimeout."""
        import httpx

        where = url.split("?")[0]
        started = time.monotonic()
        try:
            with self._http.stream(method, url, **kwargs) as response:
                chunks = []
                for chunk in response.iter_bytes(_CHUNK):
                    chunks.append(chunk)
                    if time.monotonic() - started > self.timeout:
                        raise httpx.ReadTimeout("the whole answer took too long")
                body = b"".join(chunks)
        except httpx.TimeoutException:
            raise QueryTimeout(f"{what}: no complete answer within {self.timeout:g} s", where=where,
                               fix="raise --timeout (or --connect-timeout)") from None
        except httpx.RemoteProtocolError as exc:  # the connection closed before the body was complete
            raise RemoteError(f"{what}: truncated answer ({exc})", where=where) from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"{what}: cannot reach the server ({_first_line(str(exc)) or type(exc).__name__})",
                                where=where, fix="is the server running? check the URL") from None
        if response.status_code >= 400:
            detail = _first_line(body[:300].decode("utf-8", "replace"))
            hint = "check --user, --auth and the password" if response.status_code in (401, 403) else None
            raise RemoteError(f"{what}: HTTP {response.status_code} {response.reason_phrase}: {detail}",
                                where=where, fix=hint)
        return body, response.headers.get("content-type", "").split(";")[0].strip().lower()


def _accept(media_types: list[str]) -> str:
    """An Accept header preferring the media types in order.

    >>> _accept(["application/n-triples", "text/turtle"])
    'application/n-triples;q=1.0, text/turtle;q=0.9'
    """
    return ", ".join(f"{media};q={1 - i / 10:.1f}" for i, media in enumerate(media_types))


def _first_line(text: str) -> str:
    return " ".join(text.split())[:200]
