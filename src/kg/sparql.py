"""SPARQL text as kg reads it: predeclared prefixes, a parse that refuses the network, one-line errors
with line and column, and warnings for terms the closed vocabulary does not have.

* :data:`PREFIXES` are declared for every query (``dip:``, ``id:``, ``person:``, ``rdf:``, ``prov:``,
  ...; ``org:`` is ``id:org/`` as in the exports, not W3C ORG): :func:`with_prefixes` puts them on one
  line before the query, and errors give the line of the text as written. (Not on the query's own first
  line: rdflib's parser then misreads a SERVICE clause after a ``#`` in a prefix IRI.)
* :func:`check` parses with rdflib's SPARQL parser (~0.3 s to import, so stored queries are vouched for
  by a manifest, see :mod:`kg.queries`) and refuses ``SERVICE``, ``LOAD`` and ``FROM`` / ``FROM NAMED``
  (Oxigraph would fetch them and has no switch to stop it) unless ``allow_network``; updates are
  refused always. It returns the query form and, for SELECT, the projected variables.
* An unknown prefix is an error naming it; a ``dip:`` term (prefixed or full IRI) that the ontology
  does not declare is a warning naming the nearest declared term (``dip:Persn`` -> ``dip:Person``).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import NetworkRefused, QueryError
from kg.iris import ONTOLOGY_IRI
from kg.iris import PREFIXES as BASE_PREFIXES

__all__ = ["PREFIXES", "Checked", "check", "locate", "oxigraph_error", "prefix_line", "with_prefixes"]

DIP_NS = ONTOLOGY_IRI + "#"
PREFIXES: dict[str, str] = {
    **BASE_PREFIXES,
    "owl": "http://www.w3.org/2002/07/owl#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "http://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
}
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class Checked:
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    projection: frozenset[str]  # SELECT: the projected variables (SELECT *: every variable)
    warnings: tuple[str, ...] = ()


@functools.cache
def prefix_line() -> str:
    """The predeclared prefixes as one line of SPARQL (ending in a space)."""
    return "".join(f"PREFIX {name}: <{iri}> " for name, iri in PREFIXES.items())


def with_prefixes(text: str) -> str:
    """``text`` after one line declaring :data:`PREFIXES` (a query's own PREFIX and BASE lines still
    apply: a later declaration of a prefix wins)."""
    return prefix_line() + "\n" + text


def check(text: str, *, where: str, allow_network: bool = False, full: bool = False) -> Checked:
    """Parse and check ``text`` (as written, without the predeclared prefixes); see the module doc.

    Importing rdflib's parser costs ~0.2 s, most of an ad-hoc ``kg query``. A text in which none of the
    words SERVICE, LOAD, FROM, INSERT, DELETE, CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH, USING appears
    outside its comment lines (strings included) and that has no ``\\u`` escape cannot reach the network or change
    anything, so unless ``full`` (needed for the SELECT list of a query with parameters) it is checked
    lightly: its form from its first keyword, ``dip:`` terms against the ontology; its syntax is then
    Oxigraph's to check when it runs (errors are one line with line and column all the same).
    """
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))  # comment lines
    if not full and not _NEEDS_PARSER.search(code):
        form = _FORM.search(_strip_prologue(text))
        if form:
            return _light(text, where, form.group(1).upper())
    return _check(text, where, allow_network)


_NEEDS_PARSER = re.compile(
    r"\\[uU]|\b(?:SERVICE|LOAD|FROM|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH|USING)\b", re.I)
_FORM = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_PROLOGUE = re.compile(r"^(?:\s+|#[^\n]*|(?:PREFIX\s+[\w.-]*:\s*|BASE\s+)<[^>]*>)", re.I)
_DIP_WORD = re.compile(r"(?<![\w:/#.-])(dip:([A-Za-z_][\w-]*)|<" + re.escape(ONTOLOGY_IRI) + r"#([^>\s]*)>)")


def _strip_prologue(text: str) -> str:
    """The text after its comments, PREFIX and BASE declarations."""
    while True:
        found = _PROLOGUE.match(text)
        if not found or not found.group(0):
            return text
        text = text[found.end():]


def _light(text: str, where: str, form: str) -> Checked:
    declared = {m.group(1): m.group(2) for m in re.finditer(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", text, re.I)}
    terms = []
    for found in _DIP_WORD.finditer(text):
        if found.group(2) is not None and declared.get("dip", DIP_NS) != DIP_NS:
            continue  # dip: declared as another namespace
        local = found.group(2) if found.group(2) is not None else found.group(3)
        terms.append((found.group(1), local))
    warnings = [w for w in (_vocabulary_warning(text, where, term) for term in dict.fromkeys(terms)) if w]
    return Checked(form=form, projection=frozenset(), warnings=tuple(warnings))


@functools.lru_cache(maxsize=256)
def _check(text: str, where: str, allow_network: bool) -> Checked:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    full = with_prefixes(text)
    try:
        tree = parseQuery(full)
    except ParseException as exc:
        try:
            update = parseUpdate(full)
        except ParseException:
            raise QueryError(f"SPARQL syntax error: {_one_line(exc.msg)}", where=_at(where, exc.lineno, exc.col),
                             fix="correct the query at or just before that line and column") from None
        if "Load" in _names(update) and not allow_network:
            raise NetworkRefused("LOAD would fetch a document from the network", where=where,
                                 fix="kg runs read-only queries; load data with 'kg build'") from None
        raise QueryError("updates are not allowed", where=where,
                         fix="write a SELECT, ASK, CONSTRUCT or DESCRIBE query") from None
    names = _names(tree)
    if not allow_network:
        if "ServiceGraphPattern" in names:
            raise NetworkRefused("SERVICE would send the query to another endpoint", where=where,
                                 fix="remove the SERVICE clause; kg queries only its own store")
        if "DatasetClause" in names:
            raise NetworkRefused("FROM / FROM NAMED would fetch a graph from the network",
                                 where=where, fix="remove the FROM clause; queries see every graph")
    form = FORMS.get(tree[1].name if len(tree) > 1 else "", "")
    if not form:
        raise QueryError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query", where=where)
    declared = dict(PREFIXES)  # the query's own declarations win
    for decl in (d for d in tree[0] if d.name == "PrefixDecl"):
        declared[str(decl["prefix"]) if "prefix" in decl else ""] = str(decl["iri"])
    for prefix, local in _prefixed_names(tree):
        if prefix not in declared:
            raise QueryError(f"unknown prefix '{prefix}:'", where=locate(text, where, f"{prefix}:{local}"),
                             fix=f"declare it (PREFIX {prefix}: <...>) or use one of: {', '.join(sorted(PREFIXES))}")
    terms = sorted(_dip_terms(tree, declared), key=lambda term: (text.find(term[0]), term))  # in text order
    warnings = [w for w in (_vocabulary_warning(text, where, term) for term in terms) if w]
    projection = frozenset(_projection(tree)) if form == "SELECT" else frozenset()
    return Checked(form=form, projection=projection, warnings=tuple(dict.fromkeys(warnings)))


def locate(text: str, where: str, needle: str) -> str:
    """``where:line:column`` of the first ``needle`` in ``text`` (``where`` alone if not found)."""
    found = re.search(r"(?<![\w:])" + re.escape(needle) + r"(?![\w-])", text)
    if not found:
        return where
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return f"{where}:{line}:{column}"


def oxigraph_error(exc: SyntaxError, where: str, text: str | None = None) -> QueryError:
    """Oxigraph's parse error ("error at 3:7: expected one of ...", many lines) as one line; an error at
    the end of ``text`` points at the end of its last line."""
    message = str(exc)
    found = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not found:
        return QueryError(f"SPARQL error (Oxigraph): {_one_line(message)}", where=where)
    line, column, what = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = (text or "").splitlines() or [""]
    if text is not None and line - 1 > len(lines):  # past the last line (after its newline): end of input
        line, column = len(lines) + 1, len(lines[-1]) + 1
    if "Prefix not found" in what:
        what = "unknown prefix"
    return QueryError(f"SPARQL syntax error: {_one_line(what)}", where=_at(where, line, column),
                      fix="correct the query at or just before that line and column")


def _at(where: str, line: int, column: int) -> str:
    """Position in the text as written: the predeclared prefixes are one line before it."""
    return f"{where}:{max(1, line - 1)}:{column}"


def _one_line(message: str, limit: int = 160) -> str:
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


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


def _names(tree: Any) -> set[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    return {node.name for node in _walk(tree) if isinstance(node, CompValue)}


def _prefixed_names(tree: Any) -> list[tuple[str, str]]:
    from rdflib.plugins.sparql.parserutils import CompValue

    found = [(str(n["prefix"]) if "prefix" in n else "", str(n["localname"]) if "localname" in n else "")
             for n in _walk(tree) if isinstance(n, CompValue) and n.name == "pname"]
    return sorted(set(found))


def _dip_terms(tree: Any, prefixes: dict[str, str]) -> list[tuple[str, str]]:
    """(as written, local name) of every term in the ontology's namespace, prefixed or a full IRI."""
    from rdflib.term import URIRef

    terms = {(f"{prefix}:{local}", local) for prefix, local in _prefixed_names(tree)
             if prefixes.get(prefix) == DIP_NS and local}
    terms |= {(f"<{node}>", str(node)[len(DIP_NS):]) for node in _walk(tree)
              if isinstance(node, URIRef) and str(node).startswith(DIP_NS) and str(node) != DIP_NS}
    return sorted(terms)


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """The ontology's terms (read from the shipped ontology with pyoxigraph: importing rdflib for
    kg.vocab.DIP would cost an ad-hoc query 0.1 s; tests/test_ontology.py checks both agree)."""
    import pyoxigraph as ox

    from kg.store import ontology_dir

    data = (ontology_dir() / "diplomacy.ttl").read_bytes()
    return tuple(sorted({q.subject.value[len(DIP_NS):] for q in ox.parse(data, format=ox.RdfFormat.TURTLE)
                         if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(DIP_NS)}))


def _vocabulary_warning(text: str, where: str, term: tuple[str, str]) -> str | None:
    written, local = term
    if local in _vocabulary():
        return None
    near = difflib.get_close_matches(local, _vocabulary(), n=1, cutoff=0.6)
    if not near:
        near = [t for t in _vocabulary() if t.lower() == local.lower()]
    hint = f"did you mean dip:{near[0]}?" if near else "the terms are listed in ontology/README.md"
    return f"{locate(text, where, written)}: {written} is not a term of the ontology (it matches nothing); {hint}"


def _projection(tree: Any) -> set[str]:
    from rdflib.term import Variable

    query = tree[1]  # CompValue.get(key) answers the key itself when it is missing: test membership
    if "projection" not in query:  # SELECT *
        return {str(node) for node in _walk(query["where"]) if isinstance(node, Variable)}
    projection = query["projection"]
    return {str(item["var"] if "var" in item else item["evar"]) for item in projection}
