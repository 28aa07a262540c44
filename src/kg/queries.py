"""Stored SPARQL queries: load them, check them, bind their parameters, run them.

A stored query is a ``.rq`` file whose leading comment lines carry its metadata::

    # title: Visits
    # description: One row per visit ...        (may repeat; the lines are joined)
    # param: country — destination country name (default unbound: all)

Parameters are bound as RDF terms (plain string literals), never by editing the text: locally through
pyoxigraph's ``substitutions=`` (SEP-0007), remotely through a ``VALUES`` block that this module adds
at the start of the WHERE group. A value such as ``"} ; DROP ALL`` is only ever a string.

Every query is parsed with rdflib's SPARQL parser before it runs, so that syntax errors read
``path:line:column: message`` and so that ``SERVICE``, ``LOAD`` and ``FROM``/``FROM NAMED`` are refused:
Oxigraph would fetch them over the network and has no switch to stop it. Importing that parser costs
~0.3 s per process, so the texts of the stored queries shipped with kg are checked once, when they
change, and their SHA-256 digests (with their SELECT lists) are kept in ``kg/checked_queries.json``
inside the package (regenerate: ``python -m kg.queries``; a test fails when it is stale). A query whose
text is byte-identical to a checked one skips the parser; any other text is parsed. The manifest is
read from the installed package only, never from a queries directory, so a shared folder of queries
cannot vouch for itself.

Oxigraph's ``Store.query`` has no timeout and ignores signals, so a query with a time limit runs in a
forked child process that is killed at the deadline (:func:`run_query`).

:func:`run_sparql` runs any read-only query text (SELECT, ASK, CONSTRUCT, DESCRIBE) with the same
checks and the same time limit, and returns the answer serialised by Oxigraph in a W3C format: the
engine behind ``kg serve``'s ``/sparql`` endpoint.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import NetworkRefused, QueryError, QueryTimeout, RemoteError, UsageError

__all__ = [
    "Param",
    "StoredQuery",
    "QueryResult",
    "queries_dir",
    "find_query",
    "load_query",
    "parse_query",
    "query_form",
    "bound_text",
    "run_query",
    "run_remote",
    "run_sparql",
]

# A parameter value: a plain string literal, or an IRI (``pyoxigraph.NamedNode``, strictly checked)
Value = str | ox.NamedNode
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    default: str | None = None  # None: left unbound, the query then matches any value


@dataclass(frozen=True)
class StoredQuery:
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    @property
    def name(self) -> str:
        return self.path.stem

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def queries_dir() -> Path:
    """The stored queries: ``$KG_QUERIES_DIR``, else ``queries/`` at the top of the project."""
    env = os.environ.get("KG_QUERIES_DIR")
    if env:
        return Path(env)
    import kg

    return Path(kg.__file__).resolve().parents[2] / "queries"


def find_query(name_or_path: str | Path, *, allow_network: bool = False) -> StoredQuery:
    """A query by file path, or by name (``visits``) in :func:`queries_dir`."""
    path = Path(name_or_path)
    if path.suffix != ".rq" and not path.exists():
        candidate = queries_dir() / f"{name_or_path}.rq"
        if not candidate.exists():
            names = sorted(p.stem for p in queries_dir().glob("*.rq"))
            raise QueryError(
                f"no stored query named {str(name_or_path)!r}",
                fix=f"choose one of: {', '.join(names) or '(none found in ' + str(queries_dir()) + ')'}",
            )
        path = candidate
    return load_query(path, allow_network=allow_network)


# ---------------------------------------------------------------------------------------- loading

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:—|--|-|:)\s*(.*)$")
_DEFAULT = re.compile(r"\(default\s+(.*)\)\s*$")


def load_query(path: Path, *, allow_network: bool = False) -> StoredQuery:
    """Read, parse and check a stored query; :class:`QueryError` (or :class:`NetworkRefused`) if unfit."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError("query file not found", where=str(path),
                         fix="give the path of a .rq file or the name of a stored query") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file: {exc}", where=str(path),
                         fix="give a UTF-8 text file holding one SPARQL SELECT query") from None
    title, description, params = _parse_header(text, path)
    projected = _checked().get(_digest(text))
    if projected is None:
        projected = frozenset(_projection(parse_query(text, where=str(path), allow_network=allow_network)))
    for param in params:
        # Oxigraph substitutes only variables of the SELECT list (SEP-0007)
        if param.name not in projected:
            raise QueryError(f"parameter {param.name!r} is declared but ?{param.name} is not selected",
                             where=str(path), fix="select the variable or remove the '# param:' line")
    return StoredQuery(path=path, title=title, description=description, params=params, text=text)


def _parse_header(text: str, path: Path) -> tuple[str, str, tuple[Param, ...]]:
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
            params.append(_parse_param(value, f"{path}:{number}"))
    if not title:
        raise QueryError("the query has no '# title:' header line", where=str(path),
                         fix="start the file with '# title: ...' and '# description: ...'")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError("a parameter is declared twice", where=str(path))
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
    return Param(name=name, description=description, default=default)


def parse_query(text: str, *, where: str = "<query>", allow_network: bool = False,
                forms: tuple[str, ...] = ("SelectQuery",)) -> Any:
    """Parse a SPARQL query with rdflib; refuse updates, network access and forms not in ``forms``
    (rdflib's names: ``SelectQuery``, ``AskQuery``, ``ConstructQuery``, ``DescribeQuery``).

    Parsed once per text and process (rdflib's parser takes 50-300 ms)."""
    tree = _parse_query(text, where, allow_network)
    form = tree[1].name if len(tree) > 1 else ""
    if form not in forms:
        if forms == ("SelectQuery",):
            raise QueryError(f"only SELECT queries can be stored, not {FORMS.get(form, 'this')}", where=where)
        raise QueryError(f"{FORMS.get(form, 'this')} queries are not supported here", where=where,
                         fix="write a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    return tree


def query_form(text: str, *, where: str = "<query>", allow_network: bool = False) -> str:
    """The form of a read-only query (``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``), after the same
    checks as :func:`parse_query`: updates and (unless ``allow_network``) SERVICE / LOAD / FROM refused."""
    tree = parse_query(text, where=where, allow_network=allow_network, forms=tuple(FORMS))
    return FORMS[tree[1].name]


@functools.lru_cache(maxsize=256)
def _parse_query(text: str, where: str, allow_network: bool) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except ParseException:
            raise QueryError(f"SPARQL syntax error: {exc.msg}", where=f"{where}:{exc.lineno}:{exc.col}",
                             fix="correct the query at or just before that line and column") from None
        if any(name == "Load" for name in _node_names(update)) and not allow_network:
            raise NetworkRefused("LOAD would fetch a document from the network", where=where,
                                 fix="kg runs read-only queries; load data with 'kg build'") from None
        raise QueryError("updates are not allowed in stored queries", where=where,
                         fix="write a SELECT query") from None
    names = _node_names(tree)
    if not allow_network:
        if "ServiceGraphPattern" in names:
            raise NetworkRefused("SERVICE would send the query to another endpoint", where=where,
                                 fix="remove the SERVICE clause; kg queries only its own store")
        if "DatasetClause" in names:
            raise NetworkRefused("FROM / FROM NAMED would fetch a graph from the network",
                                 where=where, fix="remove the FROM clause; queries see every graph")
    return tree


def _walk(tree: Any) -> Iterator[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, CompValue):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _node_names(tree: Any) -> set[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    return {node.name for node in _walk(tree) if isinstance(node, CompValue)}


def _projection(tree: Any) -> set[str]:
    from rdflib.term import Variable

    projection = tree[1].get("projection")
    if not projection:  # SELECT *
        return {str(node) for node in _walk(tree[1].get("where")) if isinstance(node, Variable)}
    return {str(item.get("var") or item.get("evar")) for item in projection}


# ---------------------------------------------------------------------------------------- binding

def _bind(query: StoredQuery, params: Mapping[str, Value] | None) -> dict[str, Value]:
    """Declared parameter values (given, else default); unknown names are an error listing the declared."""
    given = dict(params or {})
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        declared = ", ".join(p.name for p in query.params) or "(none)"
        raise QueryError(f"unknown parameter {', '.join(unknown)} for query {query.name!r}",
                         where=str(query.path), fix=f"declared parameters: {declared}")
    values: dict[str, Value] = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            continue
        if not isinstance(value, (str, ox.NamedNode)):
            raise QueryError(f"parameter {param.name!r} must be a string or an IRI, not {type(value).__name__}")
        values[param.name] = value
    return values


def _check_text(text: str, where: str, allow_network: bool) -> None:
    parse_query(text, where=where, allow_network=allow_network)


def _check(query: StoredQuery, allow_network: bool) -> None:
    # A StoredQuery may have been built by hand: check it again (rdflib parses in ~50 ms, so cached).
    if _digest(query.text) not in _checked():
        _check_text(query.text, str(query.path), allow_network)


# ------------------------------------------------------------------------- the checked-query manifest

_MANIFEST = "checked_queries.json"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _checked() -> dict[str, frozenset[str]]:
    """SHA-256 of a checked stored-query text -> its SELECT list (from the installed package)."""
    from importlib import resources

    try:
        data = json.loads(resources.files("kg").joinpath(_MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no manifest: every query is parsed (slower, as safe)
    return {digest: frozenset(entry["projection"]) for digest, entry in data.get("queries", {}).items()}


def checked_manifest(paths: list[Path]) -> dict[str, Any]:
    """The manifest for ``paths``, each parsed and checked now (no network; refusals raise)."""
    entries = {}
    for path in sorted(paths, key=lambda p: p.name):
        text = path.read_text(encoding="utf-8")
        tree = parse_query(text, where=str(path))
        entries[_digest(text)] = {"query": path.name, "projection": sorted(_projection(tree))}
    return {"_about": "Stored queries checked by kg.queries.parse_query (rdflib): SHA-256 of the exact "
                      "text -> its SELECT list. Regenerate with `python -m kg.queries`.",
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
) -> QueryResult:
    """Run ``query`` over the union of all graphs of ``store`` (a Store, or the path of one on disk).

    With ``timeout=None`` the query runs in this process. With a timeout it runs in a forked child
    (sharing an in-memory store's memory; opening an on-disk store read-only) that is killed at the
    deadline, raising :class:`QueryTimeout`. A parameter value is a string (bound as a plain literal)
    or a ``pyoxigraph.NamedNode`` (bound as that IRI).
    """
    _check(query, allow_network)
    values = _bind(query, params)
    if timeout is None:
        return _execute(_open(store), query, values)
    if timeout <= 0:
        raise QueryError(f"timeout must be positive, not {timeout}")
    _, *payload = _in_child(_child_select, (store, query, values), timeout=timeout, name=query.name,
                            where=str(query.path))
    return QueryResult(columns=payload[0], rows=payload[1])


SparqlFormat = ox.QueryResultsFormat | ox.RdfFormat


def run_sparql(
    store: ox.Store | Path,
    text: str,
    fmt: SparqlFormat,
    *,
    timeout: float = 30.0,
    allow_network: bool = False,
    where: str = "<query>",
) -> bytes:
    """Run a read-only query text (any form) over the union of all graphs; its answer in ``fmt``.

    The same checks as stored queries (updates, and SERVICE / LOAD / FROM unless ``allow_network``,
    refused before anything runs) and the same time limit (a forked child killed at the deadline).
    ``fmt`` is a ``QueryResultsFormat`` for SELECT and ASK, an ``RdfFormat`` for CONSTRUCT and DESCRIBE
    (check the form first with :func:`query_form`); the bytes are Oxigraph's serialisation.
    """
    query_form(text, where=where, allow_network=allow_network)
    if timeout <= 0:
        raise QueryError(f"timeout must be positive, not {timeout}")
    _, body = _in_child(_child_sparql, (store, text, fmt, where), timeout=timeout, name="query", where=where)
    return body


def _open(store: ox.Store | Path | str) -> ox.Store:
    if isinstance(store, ox.Store):
        return store
    path = Path(store)
    if not path.is_dir():
        raise QueryError("no graph store here", where=str(path), fix="run 'kg build' first")
    return ox.Store.read_only(str(path))


def _term(value: Value) -> ox.NamedNode | ox.Literal:
    return value if isinstance(value, ox.NamedNode) else ox.Literal(value)


def _execute(store: ox.Store, query: StoredQuery, values: Mapping[str, Value]) -> QueryResult:
    substitutions: dict[ox.Variable, Any] = {ox.Variable(name): _term(value) for name, value in values.items()}
    try:
        solutions = store.query(query.text, use_default_graph_as_union=True,
                                substitutions=substitutions or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error (Oxigraph): {exc}", where=str(query.path)) from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries can be run", where=str(query.path))
    columns = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_term_text(term) for term in solution) for solution in solutions)
    return QueryResult(columns=columns, rows=rows)


def _serialise(store: ox.Store, text: str, fmt: SparqlFormat, where: str) -> bytes:
    try:
        answer = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error (Oxigraph): {exc}", where=where) from None
    if isinstance(answer, ox.QueryTriples):
        if not isinstance(fmt, ox.RdfFormat):
            raise QueryError("a CONSTRUCT or DESCRIBE answer is a graph, not a results table", where=where)
        return ox.serialize(answer, format=fmt) or b""
    if not isinstance(fmt, ox.QueryResultsFormat):
        raise QueryError("a SELECT or ASK answer is a results table, not a graph", where=where)
    return answer.serialize(format=fmt) or b""


def _term_text(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _child_select(store: ox.Store | Path, query: StoredQuery, values: dict[str, Value]) -> tuple[Any, ...]:
    result = _execute(_open(store), query, values)
    return ("ok", result.columns, result.rows)


def _child_sparql(store: ox.Store | Path, text: str, fmt: SparqlFormat, where: str) -> tuple[Any, ...]:
    return ("ok", _serialise(_open(store), text, fmt, where))


def _child(conn: Any, work: Any, args: tuple[Any, ...]) -> None:
    try:
        conn.send(work(*args))
    except QueryError as exc:
        conn.send(("query-error", exc.what, exc.where, exc.fix))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", f"{type(exc).__name__}: {exc}", None, None))
    finally:
        conn.close()


def _in_child(work: Any, args: tuple[Any, ...], *, timeout: float, name: str, where: str) -> tuple[Any, ...]:
    """``work(*args)`` in a forked child killed after ``timeout`` seconds; its ``("ok", ...)`` answer."""
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
        return tuple(message)
    if kind == "query-error":
        raise QueryError(message[1], where=message[2], fix=message[3])
    raise QueryError(f"the query failed: {message[1]}", where=where)


# ---------------------------------------------------------------------------------------- remote

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
    """The query's text with its parameters bound by a ``VALUES`` block at the start of its WHERE group
    (as :func:`run_remote` sends it): one self-contained query, for another endpoint or an editor."""
    return _with_values(query, _bind(query, params))


def _with_values(query: StoredQuery, values: Mapping[str, Value]) -> str:
    if not values:
        return query.text
    block = " ".join(f"VALUES ?{name} {{ {_term(value)} }}" for name, value in sorted(values.items()))
    at = _where_brace(query.text) + 1
    text = f"{query.text[:at]}\n  {block}\n{query.text[at:]}"
    parse_query(text, where=str(query.path))  # still one valid SELECT, nothing smuggled in
    return text


def run_remote(
    endpoint_url: str,
    query: StoredQuery,
    params: Mapping[str, Value] | None = None,
    *,
    timeout: float = 30.0,
    allow_network: bool = False,
) -> QueryResult:
    """Run ``query`` on a SPARQL 1.1 Protocol endpoint (POST, JSON results) within ``timeout`` seconds.

    ``allow_network`` is about what the *query* may reach (SERVICE, FROM); the endpoint itself is the
    caller's explicit choice. Parameters are bound by a VALUES block at the start of the WHERE group.
    """
    import http.client  # only remote queries need the HTTP stack (kg query stays quick to start)
    import urllib.error
    import urllib.parse
    import urllib.request

    if urllib.parse.urlsplit(endpoint_url).scheme not in ("http", "https"):
        raise UsageError(f"not an http(s) URL: {endpoint_url!r}", where="--endpoint",
                         fix="give the SPARQL endpoint as http://HOST:PORT/PATH")
    _check(query, allow_network)
    text = _with_values(query, _bind(query, params))
    request = urllib.request.Request(
        endpoint_url,
        data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
        method="POST",
        headers={"Accept": "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
    )
    deadline = time.monotonic() + timeout
    try:
        # the socket timeout bounds the connect and each read; the loop bounds the whole body
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            expected = response.headers.get("Content-Length")
            chunks: list[bytes] = []
            while chunk := response.read(65536):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise QueryTimeout(f"endpoint {endpoint_url} took longer than {timeout:g} s",
                                       where=str(query.path), fix="raise --timeout")
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise RemoteError(f"endpoint answered HTTP {exc.code}: {detail}", where=endpoint_url) from None
    except TimeoutError:
        raise QueryTimeout(f"endpoint {endpoint_url} did not answer within {timeout:g} s",
                           where=str(query.path), fix="raise --timeout") from None
    except http.client.HTTPException as exc:  # IncompleteRead: the body stopped short
        raise RemoteError(f"truncated answer from the endpoint: {exc!r}", where=endpoint_url) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise QueryTimeout(f"endpoint {endpoint_url} did not answer within {timeout:g} s",
                               where=str(query.path), fix="raise --timeout") from None
        raise RemoteError(f"cannot reach the server ({reason})", where=endpoint_url,
                          fix="is the server running?") from None
    body = b"".join(chunks)
    if expected is not None and expected.isdigit() and len(body) != int(expected):
        raise RemoteError(f"truncated answer: {len(body)} of {expected} bytes", where=endpoint_url)
    return _parse_results_json(body, endpoint_url)


def _parse_results_json(body: bytes, where: str) -> QueryResult:
    try:
        data = json.loads(body.decode("utf-8"))
        columns = tuple(data["head"]["vars"])
        rows = tuple(
            tuple(_binding_text(binding.get(column)) for column in columns)
            for binding in data["results"]["bindings"]
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise RemoteError(f"truncated or malformed SPARQL JSON results: {exc}", where=where) from None
    return QueryResult(columns=columns, rows=rows)


def _binding_text(binding: Mapping[str, str] | None) -> str | None:
    if binding is None:
        return None
    if binding.get("type") == "bnode":
        return f"_:{binding['value']}"
    return binding["value"]


if __name__ == "__main__":  # python -m kg.queries: re-check the stored queries, rewrite the manifest
    print(_write_manifest())
