"""``kg serve``: a read-only web workbench over the store, and a SPARQL 1.1 Protocol endpoint.

Layout: :mod:`~kg.serve.app` (routes, templates), :mod:`~kg.serve.endpoint` (``/sparql``),
:mod:`~kg.serve.pagequeries` (every SPARQL text the pages run), :mod:`~kg.serve.pages` (rows ->
what a page shows), :mod:`~kg.serve.highlight` (evidence spans in an article's text),
:mod:`~kg.serve.charts` and :mod:`~kg.serve.network` (SVG timeline and network), :mod:`~kg.serve.reader` (locking, reopening).
Templates and the style sheet are package data (``templates/``, ``static/``): nothing is fetched.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from pathlib import Path

from kg.errors import UsageError

__all__ = ["create_app", "serve"]


def create_app(graph: Path, *, timeout: float = 30.0, wait: float = 5.0):  # type: ignore[no-untyped-def]
    from kg.serve.app import create_app as make

    return make(graph, timeout=timeout, wait=wait)


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 8080, timeout: float = 30.0,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the workbench until interrupted. Binds first, so a busy port is a clear error."""
    import uvicorn

    from kg import sparql
    from kg.serve.pagequeries import PAGE_QUERIES

    app = create_app(graph, timeout=timeout)
    for query in PAGE_QUERIES.values():  # rdflib's parser checks each once (~1 s): not on the first page
        sparql.check(query.text, where=query.where, full=True)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror})", where="--host/--port",
                         fix="choose another --port (or stop what uses it)") from None
    sock.listen(128)
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    if on_ready:
        shown = f"[{host}]" if family == socket.AF_INET6 else host
        on_ready(f"http://{shown}:{bound_port}/")
    # uvicorn shuts down gracefully on SIGINT / SIGTERM, then raises the signal again with the handler that
    # was there before: for SIGTERM let that be KeyboardInterrupt too, so both end as "stopped", exit 0
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run(sockets=[sock])
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
