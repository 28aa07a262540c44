"""The SHACL gate: one article graph against ``ontology/shapes.ttl`` -> a :class:`Report`.

pySHACL runs with ``inference="none"`` and without the ontology graph: the shapes target the concrete
classes ``kg.mapping`` writes (see the header of ``shapes.ttl``). The caller's graph is never changed.

:func:`validate_batch` validates many article graphs in one pySHACL call over their union (pySHACL's
fixed cost per call dominates small graphs) and re-validates one by one only when the union fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.store import ontology_dir
from kg.vocab import DIP, ID_BASE  # one definition: $KG_ONTOLOGY_DIR, else the checkout's ontology/

__all__ = ["Report", "Violation", "load_shapes", "ontology_dir", "validate_batch", "validate_graph"]

_SHORT_PREFIXES = (
    (ID_BASE, "id:"),
    (str(DIP._NS), "dip:"),
    ("http://www.w3.org/2006/time#", "time:"),
    ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ("http://www.w3.org/ns/shacl#", "sh:"),
)


def short(term: Node | str | None) -> str:
    """A compact form of an IRI for messages.

    >>> short(URIRef(ID_BASE + "person/jane-roe"))
    'id:person/jane-roe'
    >>> short(DIP.traveler)
    'dip:traveler'
    """
    if term is None:
        return "-"
    text = str(term)
    for base, prefix in _SHORT_PREFIXES:
        if text.startswith(base):
            return prefix + text[len(base):]
    return text


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None

    def line(self) -> str:
        return f"{short(self.focus)} {short(self.path)}: {self.message}"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...] = ()

    def lines(self) -> list[str]:
        """One readable line per violation: ``<focus> <path>: <message>``, sorted."""
        return [v.line() for v in self.violations]


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The shapes graph, parsed once per process."""
    shapes = Graph()
    shapes.parse(data=(ontology_dir() / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return shapes


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _violations(results: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        path = results.value(result, SH.resultPath)
        found.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=str(path) if isinstance(path, URIRef) else _text(path),
                message="; ".join(messages) or "constraint not met",
                severity=short(severity).removeprefix("sh:") if severity else "Violation",
                value=_text(results.value(result, SH.value)),
            )
        )
    return tuple(sorted(set(found), key=lambda v: (v.focus, v.path or "", v.message, v.value or "")))


def validate_graph(graph: Graph) -> Report:
    """Validate one article graph; the graph is not modified."""
    from pyshacl import validate

    conforms, results, _ = validate(
        graph,
        shacl_graph=load_shapes(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        inplace=False,
    )
    assert isinstance(results, Graph)
    return Report(conforms=bool(conforms), violations=_violations(results))


def validate_batch(
    graphs: Sequence[Graph], validate: Callable[[Graph], Report] | None = None
) -> list[Report]:
    """Reports for ``graphs`` (same order), conforming exactly when ``validate(graph)`` would.

    The graphs whose shared nodes agree (see :func:`_union_safe`) are validated in ONE call over
    their union; if it conforms, each gets ``Report(conforms=True)`` (no per-article warnings).
    Otherwise -- and for the graphs that are not union-safe -- every graph is validated alone, so
    rejections and their messages are those of ``validate(graph)``.
    """
    check = validate or validate_graph
    reports: list[Report | None] = [None] * len(graphs)
    safe = _union_safe(graphs) if len(graphs) > 1 else []
    if len(safe) > 1:
        union = Graph()
        for i in safe:
            union += graphs[i]
        if check(union).conforms:
            for i in safe:
                reports[i] = Report(conforms=True)
    return [report if report is not None else check(graph) for report, graph in zip(reports, graphs)]


def _union_safe(graphs: Sequence[Graph]) -> list[int]:
    """Indexes of the graphs whose validation is unchanged inside the union of all of them.

    The shapes select focus nodes by ``sh:targetClass`` and follow only forward paths of one
    predicate (values, their ``rdf:type``, nested ``sh:or``/``sh:node`` on value nodes). So a graph's
    results are the same in the union as alone when every node it mentions (subject or object) has
    the same outgoing triples in every graph mentioning it: then everything reachable from its
    nodes is identical in the union. Shared nodes (countries, classes) normally satisfy this; a
    graph mentioning a node whose triples differ elsewhere is left out (validated alone).
    """
    mentions: dict[Node, list[int]] = {}
    for i, graph in enumerate(graphs):
        nodes: set[Node] = set()
        for s, _, o in graph:
            nodes.add(s)
            if not isinstance(o, Literal):
                nodes.add(o)
        for node in nodes:
            mentions.setdefault(node, []).append(i)
    unsafe: set[int] = set()
    for node, where in mentions.items():
        if len(where) > 1:
            outs = {frozenset(graphs[i].predicate_objects(node)) for i in where}
            if len(outs) > 1:
                unsafe.update(where)
    return [i for i in range(len(graphs)) if i not in unsafe]
