"""Push the store to an external triple store: SPARQL 1.1 Graph Store HTTP Protocol, one PUT per graph.

Every named graph of the store (each article, the ontology, the derived graphs, RDF-file graphs) is
sent as sorted N-Triples with ``PUT <gsp>?graph=<IRI>``: a PUT replaces the graph, so pushing twice
changes nothing (a POST would append, and duplicate blank nodes where a store has them). After each
PUT the graph's triple count is read back with ``SELECT (COUNT(*) AS ?n) WHERE { GRAPH <IRI> { ?s ?p
?o } }`` on the SPARQL endpoint and compared with the local count; a difference stops the push with
:class:`~kg.errors.RemoteError` naming the graph.

With ``union`` (the default) the union of all graphs is then PUT as the server's default graph
(``PUT <gsp>?default``), as in ``kg export``'s dataset formats: a server whose default graph is its
own (``oxigraph serve`` without ``--union-default-graph``, Fuseki) then answers the stored queries like
the local store; on one whose default graph is already the union (Virtuoso, ``--union-default-graph``)
it changes no answer. Its count is not checked (on such servers a count of the default graph counts
every graph).

HTTP, URLs, credentials, TLS, timeouts and errors are those of :mod:`kg.endpoint`, shared with
``kg query --endpoint``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.endpoint import Auth, Client, Endpoint, resolve_endpoint
from kg.errors import RemoteError
from kg.iris import ID_BASE
from kg.store import GraphStore, has_default_graph

__all__ = ["Auth", "Endpoint", "PushSummary", "graph_ntriples", "push", "remote_count", "resolve_endpoint"]

GRAPH_PREFIX = ID_BASE + "graph/"

Progress = Callable[[int, int, str, int], None]  # (done, total, graph IRI, triples)


@dataclass(frozen=True)
class PushSummary:
    graphs: int
    triples: int
    deleted: tuple[str, ...]
    seconds: float
    union: int | None = None  # triples PUT as the default graph

    def line(self) -> str:
        pruned = f", deleted {len(self.deleted)} stale graph(s)" if self.deleted else ""
        union = f"; the union ({self.union} triples) as the default graph" if self.union is not None else ""
        return (f"pushed {self.graphs} graph{'s' if self.graphs != 1 else ''}, {self.triples} triples, "
                f"counts verified{pruned}{union}; {self.seconds:.1f} s")


def graph_ntriples(store: GraphStore, graph: str | None) -> tuple[bytes, int]:
    """A named graph's triples (``None``: the default graph, the union) as sorted N-Triples bytes, and
    their number."""
    raw = store.store
    if graph is None and not has_default_graph(raw):  # a store of an older kg: the union of its graphs
        lines = sorted({f"{quad.triple} .\n".encode() for quad in store.quads()})
    else:
        name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        lines = sorted(raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name).splitlines(keepends=True))
    return b"".join(lines), len(lines)


def remote_count(client: Client, graph: str) -> int:
    columns, rows = client.select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}", f"count of graph <{graph}>")
    try:
        return int(rows[0]["n"].value) if rows else 0
    except (KeyError, ValueError, TypeError, AttributeError):
        raise RemoteError(f"count of graph <{graph}>: not a number: {rows!r}",
                            where=client.endpoint.query_url) from None


def _remote_graphs(client: Client) -> set[str]:
    text = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(STRSTARTS(STR(?g), {ox.Literal(GRAPH_PREFIX)})) }}")
    _, rows = client.select(text, "listing the remote graphs")
    return {row["g"].value for row in rows if row["g"] is not None}


def push(
    store: GraphStore,
    target: Endpoint | Client,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
    connect_timeout: float = 10.0,
    prune: bool = False,
    union: bool = True,
    ca_cert: str | None = None,
    on_graph: Progress | None = None,
) -> PushSummary:
    """PUT every named graph of ``store`` to ``target`` and verify each graph's triple count.

    ``prune``: afterwards DELETE remote graphs under ``id:graph/`` that the store no longer has
    (articles removed locally). ``union``: then PUT the union as the default graph (module docstring).
    Raises :class:`RemoteError` on the first failure; graphs already pushed stay pushed (pushing
    again is safe).
    """
    started = time.monotonic()
    client = target if isinstance(target, Client) else Client(
        target, auth=auth, timeout=timeout, connect_timeout=connect_timeout, ca_cert=ca_cert)
    try:
        graphs = sorted(g.value for g in store.store.named_graphs() if isinstance(g, ox.NamedNode))
        total_triples = 0
        for done, graph in enumerate(graphs, 1):
            body, count = graph_ntriples(store, graph)
            client.put(graph, body)
            remote = remote_count(client, graph)
            if remote != count:
                raise RemoteError(
                    f"graph <{graph}> holds {remote} triples on the server after the PUT, {count} here",
                    where=client.endpoint.gsp_url,
                    fix="the server changed or refused some triples; check its log, then push again")
            total_triples += count
            if on_graph is not None:
                on_graph(done, len(graphs), graph, count)
        deleted: list[str] = []
        if prune:
            for graph in sorted(_remote_graphs(client) - set(graphs)):
                client.delete(graph)
                deleted.append(graph)
        pushed_union = None
        if union:
            body, pushed_union = graph_ntriples(store, None)
            client.put(None, body)
    finally:
        if client is not target:
            client.close()
    return PushSummary(graphs=len(graphs), triples=total_triples, deleted=tuple(deleted),
                       seconds=time.monotonic() - started, union=pushed_union)
