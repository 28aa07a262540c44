"""The SHACL gate: one article graph against ``ontology/shapes.ttl`` -> a :class:`Report`.

pySHACL runs with ``inference="none"`` and without the ontology graph: the shapes target the concrete
classes ``kg.mapping`` writes (see the header of ``shapes.ttl``). The caller's graph is never changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.vocab import DIP, ID_BASE

__all__ = ["Report", "Violation", "load_shapes", "ontology_dir", "validate_graph"]

_SHORT_PREFIXES = (
    (ID_BASE, "id:"),
    (str(DIP._NS), "dip:"),
    ("http://www.w3.org/2006/time#", "time:"),
    ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ("http://www.w3.org/ns/shacl#", "sh:"),
)


def ontology_dir() -> Path:
    """The ``ontology/`` folder: next to ``src/`` in a checkout, else ``$KG_ONTOLOGY_DIR``."""
    here = Path(__file__).resolve().parents[2] / "ontology"
    if (here / "shapes.ttl").is_file():
        return here
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env and (Path(env) / "shapes.ttl").is_file():
        return Path(env)
    raise FileNotFoundError(
        f"ontology folder not found: {here} has no shapes.ttl and KG_ONTOLOGY_DIR is "
        f"{'unset' if not env else repr(env) + ' without shapes.ttl'}; "
        "set KG_ONTOLOGY_DIR to the folder holding diplomacy.ttl and shapes.ttl"
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
