"""Queries: stored ones (``queries/*.rq``, shipped in the package), files, inline text or stdin; run on
the local store or on a SPARQL endpoint, with the same rows either way.

A ``.rq`` file may start with comment lines that carry metadata (all optional)::

    # title: Visits
    # description: One row per visit ...        (may repeat; the lines are joined)
    # param: destination_country — keep the visits to this country, e.g. "china" (default: all)

A parameter names a column of a SELECT: ``--param destination_country=china`` keeps the rows whose
``destination_country`` equals the value compared without case, accents and punctuation
(:func:`kg.text.fold`: ``china`` = ``China``, ``jose barroso`` = ``José Barroso``). The filter is
applied to the rows the engine returns, locally and remotely alike, so the query text is never
edited and a value such as ``"} ; DROP ALL`` is only ever compared with strings.

Every text is checked by :mod:`kg.sparql` (syntax with line and column, no network, prefixes,
vocabulary warnings) before it runs. Importing rdflib's parser costs ~0.3 s per process, so the
stored queries shipped with kg are checked once, when they change: their SHA-256 digests (with
their form and SELECT list) are kept in ``kg/checked_queries.json`` inside the package (regenerate:
``python -m kg.queries``; a test fails when it is stale). Only a byte-identical text skips the parser.

Oxigraph's ``Store.query`` has no timeout and ignores signals, so a query with a time limit runs in a
forked child process that is killed at the deadline (:func:`run_query`).

A query built in code with ``binds=True`` (the pages of ``kg serve``) takes its parameters as RDF
terms substituted for its variables (IRIs as ``pyoxigraph.NamedNode``, text as plain literals) instead
of filtering rows: a page about one person starts from that person's node.

:func:`run_sparql` runs any read-only query text (SELECT, ASK, CONSTRUCT, DESCRIBE) with the same
checks and the same time limit, and returns the answer serialised by Oxigraph in a W3C format: the
engine behind ``kg serve``'s ``/sparql`` endpoint. :func:`bound_text` writes a query with its
parameters inside it, one self-contained text for an editor or another endpoint.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import sparql
from kg.errors import QueryError, QueryTimeout
from kg.results import AskResult, Cell, GraphResult, QueryResult, Result, graph_result, rows_of

__all__ = [
    "AskResult", "GraphResult", "Param", "QueryResult", "StoredQuery", "Value", "bound_text", "find_query",
    "load_query", "queries_dir", "query_form", "query_from_text", "result_of", "run_query", "run_remote",
    "run_sparql", "stored_names",
]

# A parameter value: a string, or (for a query with ``binds``) an IRI (``pyoxigraph.NamedNode``)
Value = str | ox.NamedNode


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    default: str | None = None  # None: no filter unless given
    example: str | None = None  # the description's e.g. "VALUE" (tests and bench/external_stores.sh use it)


@dataclass(frozen=True)
class StoredQuery:
    path: Path | None
    title: str
    description: str
    params: tuple[Param, ...]
    text: str  # as written (the predeclared prefixes are added when it runs)
    form: str = "SELECT"  # SELECT, ASK, CONSTRUCT or DESCRIBE
    warnings: tuple[str, ...] = ()  # terms outside the closed vocabulary, with the nearest term
    source: str = ""  # "<stdin>", "<query>" for texts without a file
    binds: bool = False  # parameters are substituted for variables (as RDF terms), not row filters

    @property
    def name(self) -> str:
        return self.path.stem if self.path is not None else "query"

    @property
    def where(self) -> str:
        return str(self.path) if self.path is not None else (self.source or "<query>")

    @property
    def full_text(self) -> str:
        return sparql.with_prefixes(self.text)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def queries_dir() -> Path:
    """The stored queries: ``$KG_QUERIES_DIR``, else those shipped in the package (``kg.stored_queries``:
    the checkout's ``queries/`` folder, mapped by pyproject.toml), wherever ``kg`` is installed."""
    env = os.environ.get("KG_QUERIES_DIR")
    if env:
        return Path(env)
    from importlib import resources

    return Path(str(resources.files("kg.stored_queries")))


def stored_names() -> list[str]:
    return sorted(p.stem for p in queries_dir().glob("*.rq"))


_SPARQL_TEXT = re.compile(r"[\s{}?*<>]")


def find_query(spec: str | Path, *, allow_network: bool = False) -> StoredQuery:
    """A query from ``spec``: SPARQL text (it has a space, brace or variable), a file path, or the name
    of a stored query (``visits``)."""
    text = str(spec)
    if not isinstance(spec, Path) and _SPARQL_TEXT.search(text) and not Path(text).is_file():
        return query_from_text(text, source="<query>", allow_network=allow_network)
    path = Path(spec)
    if path.exists() or path.suffix or os.sep in text:
        return load_query(path, allow_network=allow_network)
    candidate = queries_dir() / f"{text}.rq"
    if not candidate.exists():
        names = stored_names()
        raise QueryError(f"no stored query named {text!r}",
                         fix=f"choose one of: {', '.join(names) or '(none in ' + str(queries_dir()) + ')'}; "
                             "or give a .rq file, SPARQL text, or - for stdin")
    return load_query(candidate, allow_network=allow_network)


def load_query(path: Path, *, allow_network: bool = False) -> StoredQuery:
    """Read and check a query file; :class:`QueryError` (or :class:`NetworkRefused`) if unfit."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError("query file not found", where=str(path),
                         fix=f"give a .rq file, SPARQL text, or a stored query: {', '.join(stored_names())}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file: {exc}", where=str(path),
                         fix="give a UTF-8 text file holding one SPARQL query") from None
    return _make(text, path=path, source=str(path), allow_network=allow_network)


def query_from_text(text: str, *, source: str = "<query>", allow_network: bool = False) -> StoredQuery:
    """A query given as text (inline or from stdin); ``source`` names it in messages."""
    if not text.strip():
        raise QueryError("the query is empty", where=source, fix="give SPARQL text, a .rq file or a stored query name")
    return _make(text, path=None, source=source, allow_network=allow_network)


def _make(text: str, *, path: Path | None, source: str, allow_network: bool) -> StoredQuery:
    title, description, params = _parse_header(text, source)
    checked = _vouched(text) or sparql.check(text, where=source, allow_network=allow_network, full=bool(params))
    for param in params:
        if checked.form != "SELECT":
            raise QueryError(f"parameters filter the rows of a SELECT; this is a {checked.form} query", where=source,
                             fix="remove the '# param:' lines")
        if param.name not in checked.projection:
            raise QueryError(f"parameter {param.name!r} is declared but ?{param.name} is not selected",
                             where=source, fix="select the variable or remove the '# param:' line")
    return StoredQuery(path=path, title=title or (path.stem if path else ""), description=description,
                       params=params, text=text, form=checked.form, warnings=checked.warnings,
                       source=source)


# ---------------------------------------------------------------------------------------- header

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:—|--|-|:)\s*(.*)$")
_DEFAULT = re.compile(r"\(default\s+(.*)\)\s*$")
_EXAMPLE = re.compile(r'e\.g\. "([^"]*)"')


def _parse_header(text: str, where: str) -> tuple[str, str, tuple[Param, ...]]:
    title = ""
    description: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER.match(stripped)
        if not match:
            continue
        key, value = match.groups()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, f"{where}:{number}"))
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError("a parameter is declared twice", where=where)
    return title, " ".join(description), tuple(params)


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryError(f"malformed parameter line {value!r}", where=where,
                         fix="write '# param: NAME — description (default VALUE)'")
    name, description = match.groups()
    default: str | None = None
    found = _DEFAULT.search(description)
    if found:
        description = description[: found.start()].rstrip()
        raw = found.group(1).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            default = raw[1:-1]
        elif not raw.lower().startswith(("unbound", "none", "all")):
            default = raw
    example = _EXAMPLE.search(description)
    return Param(name=name, description=description, default=default, example=example.group(1) if example else None)


# ---------------------------------------------------------------------------------------- parameters

def _bind(query: StoredQuery, params: Mapping[str, Value] | None) -> dict[str, Value]:
    """Declared parameter values (given, else default); unknown names are an error listing the declared."""
    given = dict(params or {})
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        declared = ", ".join(p.name for p in query.params) or "(none)"
        raise QueryError(f"unknown parameter {', '.join(unknown)} for query {query.name!r}",
                         where=query.where, fix=f"declared parameters: {declared}")
    values: dict[str, Value] = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            continue
        if not isinstance(value, str) and not (query.binds and isinstance(value, ox.NamedNode)):
            raise QueryError(f"parameter {param.name!r} must be a string, not {type(value).__name__}")
        values[param.name] = value
    return values


def _matching(rows: Iterable[tuple[Cell, ...]], columns: tuple[str, ...], values: Mapping[str, Value],
              limit: int | None) -> tuple[tuple[Cell, ...], ...]:
    """The rows whose parameter columns equal the values, folded (kg.text.fold); the first ``limit``."""
    from kg.text import fold

    wanted = [(columns.index(name), fold(str(value))) for name, value in sorted(values.items())]
    kept: list[tuple[Cell, ...]] = []
    for row in rows:
        if limit is not None and len(kept) >= limit:
            break
        if all(row[i] is not None and fold(row[i]) == value for i, value in wanted):
            kept.append(row)
    return tuple(kept)


def result_of(query: StoredQuery, params: Mapping[str, str] | None, columns: tuple[str, ...],
              solutions: Iterable[Any], limit: int | None = None) -> QueryResult:
    """The result of ``query`` from pyoxigraph solutions obtained elsewhere (e.g. W3C results a tool
    such as Jena's ``tdbquery`` wrote), with the parameters applied exactly as :func:`run_query` does."""
    return QueryResult(columns, _matching(rows_of(solutions, columns), columns, _bind(query, params), limit))


# ------------------------------------------------------------------------- the checked-query manifest

_MANIFEST = "checked_queries.json"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _vouched(text: str) -> sparql.Checked | None:
    entry = _manifest().get(_digest(text))
    return None if entry is None else sparql.Checked(form=entry["form"], projection=frozenset(entry["projection"]))


@functools.cache
def _manifest() -> dict[str, dict[str, Any]]:
    """SHA-256 of a checked stored-query text -> its form and SELECT list (from the installed package)."""
    from importlib import resources

    try:
        data = json.loads(resources.files("kg").joinpath(_MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no manifest: every query is parsed (slower, as safe)
    return dict(data.get("queries", {}))


def checked_manifest(paths: list[Path]) -> dict[str, Any]:
    """The manifest for ``paths``, each parsed and checked now (no network; refusals raise)."""
    entries = {}
    for path in sorted(paths, key=lambda p: p.name):
        text = path.read_text(encoding="utf-8")
        checked = sparql.check(text, where=str(path), full=True)
        if checked.warnings:
            raise QueryError("; ".join(checked.warnings), where=str(path))
        entries[_digest(text)] = {"query": path.name, "form": checked.form, "projection": sorted(checked.projection)}
    return {"_about": "Stored queries checked by kg.sparql.check (rdflib): SHA-256 of the exact text -> its "
                      "form and SELECT list. Regenerate with `python -m kg.queries`.",
            "queries": entries}


def _write_manifest() -> Path:
    import kg

    target = Path(kg.__file__).with_name(_MANIFEST)
    body = json.dumps(checked_manifest(sorted(queries_dir().glob("*.rq"))), indent=1, sort_keys=True) + "\n"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(target)
    return target


# ---------------------------------------------------------------------------------------- running

def run_query(
    store: ox.Store | Path,
    query: StoredQuery,
    params: Mapping[str, Value] | None = None,
    *,
    timeout: float | None = 30.0,
    allow_network: bool = False,
    limit: int | None = None,
) -> Result:
    """Run ``query`` on ``store`` (a Store, or the path of one on disk): its default graph, which holds
    the union of the article graphs (a store without one -- older kg, hand-made -- is read as the union
    of its named graphs). SELECT gives a :class:`QueryResult`, ASK an :class:`AskResult`, CONSTRUCT
    and DESCRIBE a :class:`GraphResult`.

    With ``timeout=None`` the query runs in this process. With a timeout it runs in a forked child
    (sharing an in-memory store's memory; opening an on-disk store read-only) that is killed at the
    deadline, raising :class:`QueryTimeout`.
    """
    _recheck(query, allow_network)
    values = _bind(query, params)
    if limit is not None and limit < 0:
        raise QueryError(f"--limit must be 0 or more, not {limit}")
    if timeout is None:
        return _execute(_open(store), query, values, limit)
    if timeout <= 0:
        raise QueryError(f"timeout must be positive, not {timeout}")
    return _execute_in_child(store, query, values, timeout, limit)


def run_remote(
    endpoint: Any,
    query: StoredQuery,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float = 30.0,
    allow_network: bool = False,
    limit: int | None = None,
    auth: Any = None,
    connect_timeout: float = 10.0,
    ca_cert: str | None = None,
) -> Result:
    """Run ``query`` on a SPARQL endpoint (a URL as :func:`kg.endpoint.resolve_endpoint` reads it, or
    a :class:`kg.endpoint.Client`); the same result types and rows as :func:`run_query`.

    ``allow_network`` is about what the *query* may reach (SERVICE, FROM); the endpoint itself is the
    caller's explicit choice.
    """
    from kg.endpoint import Client, resolve_endpoint

    _recheck(query, allow_network)
    values = _bind(query, params)
    client = endpoint if isinstance(endpoint, Client) else Client(
        resolve_endpoint(endpoint), auth=auth, timeout=timeout, connect_timeout=connect_timeout, ca_cert=ca_cert)
    try:
        if query.form == "SELECT":
            columns, solutions = client.select(query.full_text)
            return QueryResult(columns, _matching(rows_of(solutions, columns), columns, values, limit))
        if query.form == "ASK":
            return AskResult(client.ask(query.full_text))
        return graph_result(client.construct(query.full_text), limit)
    finally:
        if client is not endpoint:
            client.close()


def _recheck(query: StoredQuery, allow_network: bool) -> None:
    # a StoredQuery may have been built by hand: check it again (cached per text)
    if _vouched(query.text) is None:
        sparql.check(query.text, where=query.where, allow_network=allow_network)


def _open(store: ox.Store | Path | str) -> ox.Store:
    if isinstance(store, ox.Store):
        return store
    path = Path(store)
    if not path.is_dir():
        raise QueryError("no graph store here", where=str(path), fix="run 'kg build' first")
    return ox.Store.read_only(str(path))


def _term(value: Value) -> ox.NamedNode | ox.Literal:
    return value if isinstance(value, ox.NamedNode) else ox.Literal(value)


def _execute(store: ox.Store, query: StoredQuery, values: Mapping[str, Value], limit: int | None) -> Result:
    from kg.store import has_default_graph

    substitutions = {ox.Variable(name): _term(value) for name, value in values.items()} if query.binds else {}
    try:
        answer = store.query(query.full_text, use_default_graph_as_union=not has_default_graph(store),
                             substitutions=substitutions or None)
    except SyntaxError as exc:
        raise sparql.oxigraph_error(exc, query.where, query.text) from None
    if isinstance(answer, ox.QuerySolutions):
        columns = tuple(v.value for v in answer.variables)
        filters = {} if query.binds else values
        return QueryResult(columns, _matching(rows_of(answer, columns), columns, filters, limit))
    if isinstance(answer, ox.QueryBoolean):
        return AskResult(bool(answer))
    return graph_result(answer, limit)


def _child(conn: Any, work: Any, args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", work(*args)))
    except QueryError as exc:
        conn.send(("query-error", exc.what, exc.where, exc.fix))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", f"{type(exc).__name__}: {exc}", None, None))
    finally:
        conn.close()


def _in_child(work: Any, args: tuple[Any, ...], *, timeout: float, name: str, where: str) -> Any:
    """``work(*args)`` in a forked child (sharing an in-memory store; opening one on disk read-only)
    that is killed after ``timeout`` seconds; its answer, or its error raised here."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, work, args), daemon=True)
    deadline = time.monotonic() + timeout
    process.start()
    sender.close()
    try:
        if not receiver.poll(max(0.0, deadline - time.monotonic())):
            raise QueryTimeout(f"query {name!r} ran longer than {timeout:g} s and was stopped",
                               where=where, fix="raise --timeout or narrow the query")
        try:
            message = receiver.recv()
        except EOFError:
            process.join(1.0)
            raise QueryError(f"the query process died (exit code {process.exitcode})", where=where) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    kind = message[0]
    if kind == "ok":
        return message[1]
    if kind == "query-error":
        raise QueryError(message[1], where=message[2], fix=message[3])
    raise QueryError(f"the query failed: {message[1]}", where=where)


def _execute_on(store: ox.Store | Path, query: StoredQuery, values: dict[str, Value], limit: int | None) -> Result:
    return _execute(_open(store), query, values, limit)


def _execute_in_child(store: ox.Store | Path, query: StoredQuery, values: dict[str, Value],
                      timeout: float, limit: int | None) -> Result:
    return _in_child(_execute_on, (store, query, values, limit), timeout=timeout, name=query.name, where=query.where)


# ------------------------------------------------------------------------- any query text, serialised

SparqlFormat = ox.QueryResultsFormat | ox.RdfFormat


def query_form(text: str, *, where: str = "<query>", allow_network: bool = False) -> str:
    """The form of a read-only query text (``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``) after the
    checks of :func:`kg.sparql.check`: updates and (unless ``allow_network``) SERVICE / LOAD / FROM
    refused with a :class:`QueryError` naming ``where``."""
    if not text.strip():
        raise QueryError("the query is empty", where=where, fix="give a SPARQL query")
    return sparql.check(text, where=where, allow_network=allow_network).form


def run_sparql(store: ox.Store | Path, text: str, fmt: SparqlFormat, *, timeout: float = 30.0,
               allow_network: bool = False, where: str = "<query>") -> bytes:
    """Run a read-only query text (any form) on ``store`` as :func:`run_query` reads it (the predeclared
    prefixes added, the same checks, the same time limit in a forked child); its answer in ``fmt``: a
    ``QueryResultsFormat`` for SELECT and ASK, an ``RdfFormat`` for CONSTRUCT and DESCRIBE (check the
    form first with :func:`query_form`). The bytes are Oxigraph's serialisation."""
    query_form(text, where=where, allow_network=allow_network)
    if timeout <= 0:
        raise QueryError(f"timeout must be positive, not {timeout}")
    return _in_child(_serialise, (store, text, fmt, where), timeout=timeout, name="query", where=where)


def _serialise(store: ox.Store | Path, text: str, fmt: SparqlFormat, where: str) -> bytes:
    from kg.store import has_default_graph

    opened = _open(store)
    try:
        answer = opened.query(sparql.with_prefixes(text), use_default_graph_as_union=not has_default_graph(opened))
    except SyntaxError as exc:
        raise sparql.oxigraph_error(exc, where, text) from None
    if isinstance(answer, ox.QueryTriples):
        if not isinstance(fmt, ox.RdfFormat):
            raise QueryError("a CONSTRUCT or DESCRIBE answer is a graph, not a results table", where=where)
        return ox.serialize(answer, format=fmt) or b""
    if not isinstance(fmt, ox.QueryResultsFormat):
        raise QueryError("a SELECT or ASK answer is a results table, not a graph", where=where)
    return answer.serialize(format=fmt) or b""


# ------------------------------------------------------------------------- one self-contained text

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the top-level WHERE group, skipping comments, strings and IRIs."""
    i, depth, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<":
            match = _IRIREF.match(text, i)
            i = match.end() if match else i + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "{" and depth == 0:
            return i
        i += 1
    raise QueryError("cannot find the WHERE group of the query")


def bound_text(query: StoredQuery, params: Mapping[str, Value] | None = None) -> str:
    """The query's text (with the predeclared prefixes) and its parameters inside it, at the start of its
    WHERE group: for a query with ``binds`` a ``VALUES`` block per parameter; for a stored query, whose
    parameters filter rows, a ``FILTER`` comparing without case (kg's own comparison also ignores
    accents and punctuation). Terms are written by pyoxigraph (IRIs checked, literals escaped)."""
    values = _bind(query, params)
    text = query.text
    if values:
        if query.binds:
            block = " ".join(f"VALUES ?{name} {{ {_term(value)} }}" for name, value in sorted(values.items()))
        else:
            block = " ".join(f"FILTER(LCASE(STR(?{name})) = LCASE({_term(str(value))}))"
                             for name, value in sorted(values.items()))
        at = _where_brace(text) + 1
        text = f"{text[:at]}\n  {block}\n{text[at:]}"
        sparql.check(text, where=query.where, full=True)  # still one valid query, nothing smuggled in
    return sparql.with_prefixes(text)


if __name__ == "__main__":  # python -m kg.queries: re-check the stored queries, rewrite the manifest
    print(_write_manifest())
