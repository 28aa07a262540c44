"""``/sparql``: the SPARQL 1.1 Protocol over the store, read-only, run by :func:`kg.queries.run_sparql`.

* ``GET /sparql?query=...``; ``POST`` with ``application/x-www-form-urlencoded`` (``query=...``) or
  with ``application/sparql-query`` (the body is the query).
* Answers by ``Accept`` (or a ``format=`` / ``output=`` parameter, as some clients send): SELECT and
  ASK as SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (default),
  N-Triples or JSON-LD. Nothing acceptable: 406.
* Refused: updates (``update=``, ``application/sparql-update``: 403), ``SERVICE`` / ``LOAD`` /
  ``FROM`` (403, as ``kg query``: exit 8), ``default-graph-uri`` / ``named-graph-uri`` (400: the
  default graph is always the union of the article graphs). Syntax errors: 400 with line and column.
  A query over the time limit: 503 (the child running it is killed).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox

from kg.errors import KgError, NetworkRefused, QueryError, QueryTimeout, StoreError

__all__ = ["ProtocolError", "SparqlRequest", "negotiate", "parse_request", "status_of"]

RESULTS = {  # media type -> (format, media type answered)
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPHS = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/x-turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/plain": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "application/json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
SHORT = {  # format= / output= values
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "json-ld": "application/ld+json", "n3": "text/turtle",
}
_DEFAULT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
            "CONSTRUCT": "text/turtle", "DESCRIBE": "text/turtle"}


class ProtocolError(KgError):
    """A request the protocol refuses; ``status`` is the HTTP status."""

    def __init__(self, what: str, *, status: int, fix: str | None = None) -> None:
        self.status = status
        super().__init__(what, where="/sparql", fix=fix)


@dataclass(frozen=True)
class SparqlRequest:
    query: str | None  # None: no query given (a browser gets the editor)
    formats: tuple[str, ...] = ()  # the format= / output= parameters, if any (hints: unknown ones are ignored)


def parse_request(method: str, content_type: str, query_string: str, body: bytes) -> SparqlRequest:
    """The query of a GET or POST request, as the SPARQL 1.1 Protocol defines them."""
    params = parse_qsl(query_string, keep_blank_values=True)
    media = content_type.split(";", 1)[0].strip().lower()
    if method == "POST":
        if media == "application/sparql-update":
            raise ProtocolError("updates are refused: this endpoint is read-only", status=403,
                                fix="change the data with `kg build` / `kg remove`")
        if media == "application/sparql-query":
            try:
                text: str | None = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError("the query is not UTF-8", status=400) from None
            return _checked(text, params)
        if media in ("application/x-www-form-urlencoded", ""):
            try:
                params += parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise ProtocolError("the form is not UTF-8", status=400) from None
        else:
            raise ProtocolError(f"cannot read a POST body of type {media!r}", status=415,
                                fix="send application/sparql-query or application/x-www-form-urlencoded")
    elif method != "GET":
        raise ProtocolError(f"method {method} is not allowed", status=405)
    names = {name for name, _ in params}
    if "update" in names:
        raise ProtocolError("updates are refused: this endpoint is read-only", status=403,
                            fix="change the data with `kg build` / `kg remove`")
    queries = [value for name, value in params if name == "query"]
    if len(queries) > 1:
        raise ProtocolError("more than one query parameter", status=400)
    return _checked(queries[0] if queries else None, params)


def _checked(text: str | None, params: list[tuple[str, str]]) -> SparqlRequest:
    names = {name for name, _ in params}
    if names & {"default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"}:
        raise ProtocolError("default-graph-uri / named-graph-uri are not supported", status=400,
                            fix="leave them out: the default graph is the union of all article graphs")
    return SparqlRequest(query=text, formats=tuple(v for n, v in params if n in ("format", "output") and v))


def negotiate(accept: str, form: str, formats: tuple[str, ...] = ()) -> tuple[ox.QueryResultsFormat | ox.RdfFormat, str]:
    """The answer's format and media type for a query of ``form``: the first ``format=`` value that fits
    the form (clients such as SPARQLWrapper send several, some for other servers), else ``Accept``."""
    table = GRAPHS if form in ("CONSTRUCT", "DESCRIBE") else RESULTS
    for fmt in formats:
        media = SHORT.get(fmt.lower(), fmt.lower().split(";")[0].strip())
        if form in ("CONSTRUCT", "DESCRIBE") and media == "application/sparql-results+json":
            media = "application/ld+json"
        if media in table:
            return table[media]
    for media in _ranked(accept or "*/*"):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            default = _DEFAULT[form]
            if media == "*/*" or default.startswith(media[:-1]):
                return table[default]
    raise ProtocolError(f"cannot answer a {form} query in any of: {accept}", status=406,
                        fix=f"accept one of: {', '.join(sorted(table))}")


def _ranked(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values; ties keep their order)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, quality = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media))
    return [media for _, _, media in sorted(ranked)]


def prefers_html(accept: str) -> bool:
    """Does a browser ask (text/html ranked above every SPARQL type)?"""
    for media in _ranked(accept or ""):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media in RESULTS or media in GRAPHS:
            return False
    return False


def status_of(exc: KgError) -> int:
    """The HTTP status for a refusal or failure."""
    if isinstance(exc, ProtocolError):
        return exc.status
    if isinstance(exc, NetworkRefused):
        return 403
    if isinstance(exc, QueryTimeout):
        return 503
    if isinstance(exc, QueryError):
        return 400
    if isinstance(exc, StoreError):
        return 503 if type(exc).__name__ == "StoreBusy" else 500
    return 500
