"""What a query gives back, the same whether it ran on the local store or on a remote endpoint.

* SELECT -> :class:`QueryResult`: column names and rows of plain strings; an IRI is an :class:`Iri`
  (a ``str`` that remembers it is an IRI, so tables can shorten it), a literal its lexical form, a
  blank node ``_:label``, unbound ``None``.
* ASK -> :class:`AskResult`.
* CONSTRUCT / DESCRIBE -> :class:`GraphResult`: sorted, deduplicated N-Triples lines.

Local solutions (pyoxigraph) and remote ones (W3C SPARQL results parsed by
``pyoxigraph.parse_query_results``) go through the same :func:`term_text`, so both give equal rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Union

import pyoxigraph as ox

__all__ = ["AskResult", "GraphResult", "Iri", "QueryResult", "Result", "graph_result", "rows_of", "term_text"]


class Iri(str):
    """An IRI in a result row: equal to (and serialised as) its plain string.

    >>> Iri("http://e/x") == "http://e/x"
    True
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:  # pickles as Iri (results cross a process boundary)
        return (Iri, (str(self),))


Cell = Union[str, None]


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class AskResult:
    value: bool


@dataclass(frozen=True)
class GraphResult:
    lines: tuple[str, ...]  # N-Triples statements, sorted, each ending in " ."

    def ntriples(self) -> bytes:
        return "".join(f"{line}\n" for line in self.lines).encode("utf-8")


Result = Union[QueryResult, AskResult, GraphResult]


def term_text(term: Any) -> Cell:
    """A solution's term as a cell: :class:`Iri` for IRIs, the lexical form for literals."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Iri(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)  # an RDF-star triple term


def rows_of(solutions: Iterable[Any], columns: tuple[str, ...]) -> Iterator[tuple[Cell, ...]]:
    """Rows of pyoxigraph solutions (local or parsed remote results), cells in ``columns`` order."""
    for solution in solutions:
        yield tuple(term_text(solution[name]) for name in columns)


def graph_result(triples: Iterable[Any], limit: int | None = None) -> GraphResult:
    """Sorted, deduplicated N-Triples of CONSTRUCT / DESCRIBE triples (the first ``limit`` of them)."""
    lines = sorted({f"{triple} ." for triple in triples})
    return GraphResult(tuple(lines if limit is None else lines[:limit]))
