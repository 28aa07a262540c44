"""What a store holds (``kg info``): articles, nodes per class, events per status, graphs, size on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.derive import DERIVED_GRAPHS
from kg.iris import ID_BASE, ONTOLOGY_IRI
from kg.store import GraphStore, has_default_graph

__all__ = ["StoreInfo", "store_info"]

_DIP = ONTOLOGY_IRI + "#"
_CLASSES = f"""SELECT ?class (COUNT(DISTINCT ?node) AS ?n)
WHERE {{ ?node a ?class FILTER(STRSTARTS(STR(?node), "{ID_BASE}")) }}
GROUP BY ?class ORDER BY ?class"""
_STATUSES = f"""SELECT ?class ?status (COUNT(DISTINCT ?event) AS ?n)
WHERE {{ ?event a ?class ; <{_DIP}status> ?status FILTER(STRSTARTS(STR(?event), "{ID_BASE}")) }}
GROUP BY ?class ?status ORDER BY ?class ?status"""


@dataclass(frozen=True)
class StoreInfo:
    path: str
    articles: int
    first_article: str | None
    last_article: str | None
    triples: int  # in the union of all graphs (the default graph)
    quads: int  # in the named graphs
    graphs: int  # named graphs
    classes: dict[str, int] = field(default_factory=dict)  # class (prefixed) -> nodes
    statuses: dict[str, dict[str, int]] = field(default_factory=dict)  # event class -> status -> events
    derived: dict[str, int] = field(default_factory=dict)  # derived graph -> triples
    bytes_on_disk: int = 0

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    def lines(self) -> list[str]:
        """A readable summary, one fact per line."""
        out = [f"store          {self.path} ({_size(self.bytes_on_disk)} on disk)",
               f"articles       {self.articles}" + (f" ({self.first_article} ... {self.last_article})"
                                                    if self.articles else ""),
               f"triples        {self.triples} in the union; {self.quads} quads in {self.graphs} named graphs"]
        out += [f"derived        {name.rsplit('/', 1)[-1]}: {count} triples" for name, count in self.derived.items()]
        width = max((len(c) for c in self.classes), default=0)
        out += ["", "nodes per class"] + [f"  {c:<{width}}  {n}" for c, n in self.classes.items()]
        if self.statuses:
            out += ["", "events per status"]
            for cls, counts in self.statuses.items():
                out.append(f"  {cls:<{width}}  " + ", ".join(f"{s} {n}" for s, n in counts.items()))
        return out


def store_info(store: GraphStore) -> StoreInfo:
    raw = store.store
    union = not has_default_graph(raw)
    ids = store.article_ids()
    classes = {_short(s["class"].value): int(s["n"].value)
               for s in raw.query(_CLASSES, use_default_graph_as_union=union)}
    statuses: dict[str, dict[str, int]] = {}
    for s in raw.query(_STATUSES, use_default_graph_as_union=union):
        statuses.setdefault(_short(s["class"].value), {})[_short(s["status"].value)] = int(s["n"].value)
    named = [g for g in raw.named_graphs() if isinstance(g, ox.NamedNode)]
    derived = {g: sum(1 for _ in raw.quads_for_pattern(None, None, None, ox.NamedNode(g))) for g in DERIVED_GRAPHS}
    default = sum(1 for _ in raw.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return StoreInfo(
        path=str(store.path), articles=len(ids), first_article=ids[0] if ids else None,
        last_article=ids[-1] if ids else None, triples=default, quads=len(raw) - default, graphs=len(named),
        classes=classes, statuses=statuses, derived={g: n for g, n in derived.items()},
        bytes_on_disk=_disk(store.path),
    )


def _short(iri: str) -> str:
    return "dip:" + iri[len(_DIP):] if iri.startswith(_DIP) else iri


def _disk(path: Path) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"

