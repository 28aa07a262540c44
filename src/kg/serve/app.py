"""The web app: Starlette routes, Jinja2 templates (autoescaped), static files from the package.

Pages are plain server-rendered HTML (no script); every response carries a Content-Security-Policy
that lets a page load only from the app itself, so even a mistake in escaping could not make the
browser fetch from elsewhere. Sync endpoints run in Starlette's thread pool; each query runs in a
forked child with the time limit (:func:`kg.queries.run_query` / :func:`kg.queries.run_sparql`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.errors import KgError
from kg.queries import StoredQuery, bound_text, find_query, queries_dir, run_query
from kg.serve import endpoint, pages
from kg.serve.links import article_href, href, iri_of, local_name, name_href, sparql_href
from kg.serve.pagequeries import linked_text, page_query
from kg.serve.reader import StoreReader

__all__ = ["create_app"]

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
# columns of stored queries that hold names (linked to the page of the node with that name)
NAME_COLUMNS = {"traveler", "participant", "person", "summoner", "summoned", "speaker", "actor", "source",
                "attributed_to", "host", "destination_country", "destination", "country", "place", "recaller",
                "recalled"}
ROW_LIMIT = 2000  # rows shown in a page (CSV / JSON give them all)
MAX_BODY = 1 << 20  # bytes of a POSTed query


@dataclass(frozen=True)
class State:
    reader: StoreReader
    timeout: float
    templates: jinja2.Environment


def create_app(graph: Path, *, timeout: float = 30.0, wait: float = 5.0) -> Starlette:
    """The workbench over the store at ``graph`` (read-only). Raises StoreError if there is none."""
    templates = jinja2.Environment(loader=jinja2.PackageLoader("kg.serve", "templates"), autoescape=True,
                                   undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    templates.globals.update(href=href, name_href=name_href, article_href=article_href, local_name=local_name)
    state = State(StoreReader(graph, wait=wait), timeout, templates)
    routes = [
        Route("/", _page(_home)),
        Route("/search", _page(_search)),
        Route("/name", _page(_name)),
        Route("/queries", _page(_queries)),
        Route("/queries/{name}", _page(_stored)),
        Route("/id/{rest:path}", _page(_node)),
        Route("/pictures/visits{ext:path}", _page(_visits)),
        Route("/pictures/meetings{ext:path}", _page(_meetings)),
        Route("/sparql", _sparql, methods=["GET", "POST"]),
        Mount("/static", StaticFiles(packages=[("kg.serve", "static")]), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.kg = state
    return _Headers(app)  # type: ignore[return-value]


class _Headers:
    """Adds the security headers to every response (a plain ASGI wrapper)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.state = app.state

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer")]
            await send(message)

        await self.app(scope, receive, sending)


def _page(handler: Any) -> Any:
    def endpoint_(request: Request) -> Response:
        state: State = request.app.state.kg
        try:
            return handler(request, state)
        except KgError as exc:
            return _render(state, "error.html", {"message": exc.message, "request": request},
                           status=endpoint.status_of(exc))
    return endpoint_


def _render(state: State, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    request: Request = context["request"]
    context.setdefault("permalink", str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""))
    context.setdefault("sparql", "")
    return HTMLResponse(state.templates.get_template(template).render(**context), status_code=status)


def _runner(state: State, store: ox.Store) -> pages.Run:
    def run(which: str, /, **params: Any) -> list[dict[str, Any]]:
        result = run_query(store, page_query(which), params, timeout=state.timeout)
        return [dict(zip(result.columns, row)) for row in result.rows]
    return run


def _home(request: Request, state: State) -> Response:
    with state.reader.reading() as store:
        data = pages.home_page(_runner(state, store))
    return _render(state, "home.html", {"request": request, **data, "queries": _stored_queries(),
                                        "sparql": sparql_href(page_query("counts").text)})


def _search(request: Request, state: State) -> Response:
    q = request.query_params.get("q", "")
    with state.reader.reading() as store:
        data = pages.search_page(_runner(state, store), q)
    text = linked_text("search", {"q": q.strip()}) if q.strip() else page_query("search").text
    return _render(state, "search.html", {"request": request, **data, "sparql": sparql_href(text)})


def _name(request: Request, state: State) -> Response:
    name = request.query_params.get("n", "")
    with state.reader.reading() as store:
        rows = _runner(state, store)("name", name=name)
    nodes = sorted({(r["node"], local_name(r["type"])) for r in rows if href(r["node"])})
    if len({n for n, _ in nodes}) == 1:
        return RedirectResponse(href(nodes[0][0]) or "/", status_code=303)
    return _render(state, "search.html", {"request": request, "q": name, "found": len(nodes),
                                          "groups": [(kind, [{"label": name, "href": href(node), "articles": ""}])
                                                     for node, kind in nodes],
                                          "sparql": sparql_href(linked_text("name", {"name": name}))})


def _stored_queries() -> list[StoredQuery]:
    return [find_query(path) for path in sorted(queries_dir().glob("*.rq"))]


def _queries(request: Request, state: State) -> Response:
    return _render(state, "queries.html", {"request": request, "queries": _stored_queries()})


def _stored(request: Request, state: State) -> Response:
    from kg.render import render_result

    name, _, ext = request.path_params["name"].partition(".")
    query = find_query(name) if name in {p.stem for p in queries_dir().glob("*.rq")} else None
    if query is None or ext not in ("", "csv", "json"):
        return _render(state, "error.html", {"request": request, "message": f"no stored query {name!r}"}, 404)
    given = {k: v for k, v in request.query_params.items() if not k.startswith("_") and v != ""}
    with state.reader.reading() as store:
        result = run_query(store, query, given, timeout=state.timeout)
    result = _sorted(result, request.query_params.get("_sort", ""), request.query_params.get("_desc") == "1")
    if ext == "csv":
        return Response(render_result(result, "csv"), media_type="text/csv; charset=utf-8")
    if ext == "json":
        return Response(render_result(result, "json"), media_type="application/json")
    return _render(state, "query.html", {
        "request": request, "query": query, "given": given, "result": result, "limit": ROW_LIMIT,
        "sort": request.query_params.get("_sort", ""), "desc": request.query_params.get("_desc") == "1",
        "cell": _cell, "statuses": pages.ORDER, "sparql": sparql_href(bound_text(query, given)),
        "csv": f"/queries/{name}.csv" + (f"?{request.url.query}" if request.url.query else ""),
        "json": f"/queries/{name}.json" + (f"?{request.url.query}" if request.url.query else "")})


def _sorted(result: Any, column: str, desc: bool) -> Any:
    if column not in result.columns:
        return result
    at = result.columns.index(column)
    rows = sorted(result.rows, key=lambda row: (row[at] is None, row[at] or ""), reverse=desc)
    return type(result)(columns=result.columns, rows=tuple(rows))


def _cell(column: str, value: str | None) -> tuple[str, str | None]:
    """A table cell's text and link."""
    if value is None:
        return "", None
    if column == "article":
        return value, article_href(value)
    if href(value):
        return value.rsplit("/", 1)[-1], href(value)
    if column in NAME_COLUMNS and value:
        return value, name_href(value)
    return value, None


def _node(request: Request, state: State) -> Response:
    raw = request.scope.get("raw_path", b"").decode("ascii", "replace").split("?", 1)[0]
    iri = iri_of(raw)
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return _render(state, "error.html", {"request": request, "message": "not a valid IRI"}, 404)
    kind = raw[len("/id/"):].split("/", 1)[0]
    views = {"article": ("article.html", pages.article_page, "article_events", "a"),
             "event": ("event.html", pages.event_page, "event", "event"),
             "country": ("country.html", pages.country_page, "node_events", "node")}
    template, build, main, param = views.get(kind, ("node.html", pages.node_page, "node_events", "node"))
    if kind not in views and kind not in ("person", "org", "group", "city"):
        return RedirectResponse(sparql_href(f"DESCRIBE {node}"), status_code=303)
    with state.reader.reading() as store:
        data = build(_runner(state, store), iri)
    if data is None:
        return _render(state, "error.html", {"request": request, "message": f"nothing is known of <{iri}>"}, 404)
    return _render(state, template, {"request": request, "iri": iri, **data,
                                     "sparql": sparql_href(linked_text(main, {param: node}))})


def _visits(request: Request, state: State) -> Response:
    traveler, country = request.query_params.get("traveler", ""), request.query_params.get("country", "")
    with state.reader.reading() as store:
        data = pages.visits_picture(_runner(state, store), traveler, country)
    return _picture(request, state, data, "visits", "pictures.html")


def _meetings(request: Request, state: State) -> Response:
    person = request.query_params.get("person", "")
    with state.reader.reading() as store:
        data = pages.meetings_picture(_runner(state, store), person)
    return _picture(request, state, data, "meetings", "pictures.html")


def _picture(request: Request, state: State, data: dict[str, Any], kind: str, template: str) -> Response:
    ext = request.path_params["ext"]
    if ext == ".svg":
        return Response(data["svg"], media_type="image/svg+xml",
                        headers={"content-disposition": f'inline; filename="kg-{kind}.svg"'})
    if ext:
        return _render(state, "error.html", {"request": request, "message": "no such picture"}, 404)
    query = request.url.query
    return _render(state, template, {"request": request, "kind": kind, **data,
                                     "svg_href": f"/pictures/{kind}.svg" + (f"?{query}" if query else ""),
                                     "sparql": sparql_href(page_query(kind).text)})


async def _sparql(request: Request) -> Response:
    state: State = request.app.state.kg
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        return PlainTextResponse(f"Error: /sparql: a request body of at most {MAX_BODY:,} bytes; "
                                 "send a shorter query\n", status_code=413)
    body = await request.body() if request.method == "POST" else b""
    accept = request.headers.get("accept", "")
    try:
        asked = endpoint.parse_request(request.method, request.headers.get("content-type", ""),
                                       request.url.query, body)
    except KgError as exc:
        return PlainTextResponse(f"Error: {exc.message}\n", status_code=endpoint.status_of(exc))
    if endpoint.prefers_html(accept) and not asked.formats:
        return await run_in_threadpool(_editor, request, state, asked.query)
    if asked.query is None:
        return PlainTextResponse("Error: /sparql: no query; send query=... (SPARQL 1.1 Protocol)\n", 400)
    try:
        return await run_in_threadpool(_answer, state, asked, accept)
    except KgError as exc:
        return PlainTextResponse(f"Error: {exc.message}\n", status_code=endpoint.status_of(exc))


def _answer(state: State, asked: endpoint.SparqlRequest, accept: str) -> Response:
    from kg.queries import query_form, run_sparql

    form = query_form(asked.query or "", where="/sparql")
    fmt, media = endpoint.negotiate(accept, form, asked.formats)
    with state.reader.reading() as store:
        body = run_sparql(store, asked.query or "", fmt, timeout=state.timeout, where="/sparql")
    return Response(body, media_type=media)


def _editor(request: Request, state: State, text: str | None) -> Response:
    """The query editor: a form, and the answer as a table (SELECT), yes/no (ASK) or Turtle."""
    import json

    from kg.queries import query_form, run_sparql

    context: dict[str, Any] = {"request": request, "text": text or _EXAMPLE, "answer": None, "message": ""}
    if text:
        try:
            form = query_form(text, where="/sparql")
            fmt = ox.RdfFormat.TURTLE if form in ("CONSTRUCT", "DESCRIBE") else ox.QueryResultsFormat.JSON
            with state.reader.reading() as store:
                body = run_sparql(store, text, fmt, timeout=state.timeout, where="/sparql")
            context["form"] = form
            context["answer"] = body.decode("utf-8") if form in ("CONSTRUCT", "DESCRIBE") else json.loads(body)
        except KgError as exc:
            context["message"] = exc.message
            return _render(state, "sparql.html", context, status=endpoint.status_of(exc))
    return _render(state, "sparql.html", context)


_EXAMPLE = """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?traveler ?destination ?status WHERE {
  GRAPH ?g {
    ?visit a dip:Visit ; dip:traveler/dip:name ?traveler ; dip:destination/dip:name ?destination ;
           dip:status ?s .
  }
  BIND(STRAFTER(STR(?s), "#") AS ?status)
}
ORDER BY ?traveler ?destination
LIMIT 100
"""
