""":func:`load_shards` (``kg load``): shards into the embedded store with Oxigraph's bulk loader.

It leaves the store a normal build would (``tests/test_shards.py`` compares the exports byte for
byte): the graphs the shards hold replace stored graphs of the same name (dropped first, keeping
the union exact), each named quad also goes into the default graph (the store's union of the named
graphs), the ontology graph is (re)loaded and :func:`kg.derive.refresh` recomputes the derived graphs.
The shards are parsed once before anything is written: a syntax error, an article graph found in two
shards, blank nodes, or default-graph triples that no named graph of the shard holds refuse the load
(exit 3) before it starts. The bulk loader is not transactional: a load killed midway leaves part of
the shards in the store, and running it again converges (the graphs found are dropped and loaded again).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.derive import refresh
from kg.errors import InputError, StoreError, UsageError
from kg.shards import SHARD_SUFFIX
from kg.store import GraphStore

__all__ = ["LoadSummary", "load_shards", "shard_files"]


@dataclass(frozen=True)
class LoadSummary:
    shards: int
    graphs: int  # named graphs loaded
    replaced: int  # of which were stored before (dropped first)
    quads: int  # named-graph quads read from the shards
    seconds: float

    def line(self) -> str:
        replaced = f" (replaced {self.replaced})" if self.replaced else ""
        return (f"loaded {self.graphs} graph(s){replaced}, {self.quads} quads from {self.shards} shard(s); "
                f"{self.seconds:.1f} s")


def shard_files(inputs: Sequence[Path]) -> list[Path]:
    """The ``.nq`` files of ``inputs`` (folders: their non-hidden ``*.nq``, sorted by name)."""
    files: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix == SHARD_SUFFIX and not p.name.startswith("."))
            if not found:
                raise InputError("folder has no shards (*.nq)", where=str(path),
                                 fix="give the folder of `kg build --out-shards DIR`")
            files.extend(found)
        elif path.is_file() and path.suffix.lower() == SHARD_SUFFIX:
            files.append(path)
        elif not path.exists():
            raise InputError("no such file or folder", where=str(path), fix="check the path")
        else:
            raise InputError("not a shard", where=str(path), fix="shards are N-Quads files (.nq)")
    return files


def _scan(path: Path, owner: dict[str, Path]) -> int:
    """Check one shard (syntax, no blank nodes, default graph within its named graphs); record which
    shard holds each named graph. Returns its count of named-graph quads."""
    named: set[ox.Triple] = set()
    default: list[ox.Triple] = []
    count = 0
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                raise InputError("holds blank nodes (not a kg shard)", where=str(path),
                                 fix="load it with `kg build FILE` instead")
            if isinstance(quad.graph_name, ox.DefaultGraph):
                default.append(quad.triple)
                continue
            named.add(quad.triple)
            count += 1
            name = quad.graph_name.value
            other = owner.setdefault(name, path)
            if other != path:
                raise InputError(f"graph <{name}> is in two shards ({other.name} and {path.name})",
                                 where=str(path), fix="remove the older shard (two builds into one folder?)")
    except SyntaxError as exc:
        raise InputError(f"not valid N-Quads ({exc.msg})", where=f"{path}:{exc.lineno}" if exc.lineno else str(path),
                         fix="write the shards again with `kg build --out-shards`") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", where=str(path)) from None
    if any(triple not in named for triple in default):
        raise InputError("default-graph triples that none of its graphs holds (not a kg shard)", where=str(path),
                         fix="load it with `kg build FILE` instead")
    return count


def _with_union(files: Sequence[Path]) -> Iterator[ox.Quad]:
    """Every named-graph quad of the shards, and the same triple in the default graph (the union)."""
    default = ox.DefaultGraph()
    for path in files:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad
                yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def load_shards(inputs: Sequence[Path], store: GraphStore) -> LoadSummary:
    """Bulk-load shards into ``store`` (see the module docstring)."""
    if not inputs:
        raise UsageError("no shards given", fix="kg load DIR (the folder of `kg build --out-shards DIR`)")
    started = time.monotonic()
    files = shard_files(inputs)
    owner: dict[str, Path] = {}
    quads = sum(_scan(path, owner) for path in files)  # every refusal before anything is written
    stored = [name for name in owner if store.store.contains_named_graph(ox.NamedNode(name))]
    for name in stored:
        store.drop_graph(name)
    store.ensure_ontology()
    try:
        store.store.bulk_extend(_with_union(files))
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"bulk load failed ({exc})", where=str(store.path),
                         fix="run the same command again (a load converges)") from None
    refresh(store)
    store.flush()
    return LoadSummary(shards=len(files), graphs=len(owner), replaced=len(stored), quads=quads,
                       seconds=time.monotonic() - started)
