"""Where each stored article came from, so an id that collides is refused instead of silently replaced.

An article id comes from the file name (``.txt``) or the data (``.jsonl``), so two files named alike in
two folders, or two feeds that number their items alike, give the same id. When ``kg build`` reads
an article whose id is already stored, it is

* the same article -- replaced (and counted: "replaced N") -- if it comes from the same file as the
  stored one, or holds the same text and date (the file was moved or copied), or the store does not
  know where the stored one came from (stores built before these records, graphs loaded from RDF);
* a collision otherwise: refused before any work (:class:`~kg.errors.ArticleError`, exit 3) with the
  fix, unless ``--replace`` is given.

The records are a small JSON file inside the store folder, ``<graph>/kg-sources.json`` (RocksDB
ignores files it did not make), so they go wherever the store goes:
``{"version": 1, "articles": {id: resolved file path}, "pending": [id, ...]}``, written atomically
when a build or a removal ends ("pending": articles too large for one transaction while they are
written, see :func:`kg.build._write`). They are bookkeeping, not data: exports and queries never see them. A record whose
article is not stored any more (``kg remove``) is never consulted.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyoxigraph as ox

from kg.ids import article_graph_iri, article_iri
from kg.iris import ONTOLOGY_IRI

if TYPE_CHECKING:
    from kg.model import Article
    from kg.store import GraphStore

__all__ = ["SourceBook", "Verdict", "verdict"]

Verdict = Literal["new", "same", "collision"]
FILE_NAME = "kg-sources.json"
_TEXT = ox.NamedNode(ONTOLOGY_IRI + "#text")
_PUBLISHED = ox.NamedNode(ONTOLOGY_IRI + "#published")


@dataclass
class SourceBook:
    """The records of one store (see the module docstring)."""

    path: Path
    records: dict[str, str] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)  # articles being written in several transactions
    changed: bool = False

    @classmethod
    def of(cls, graph_path: Path) -> SourceBook:
        """The records of the store at ``graph_path`` (empty when there are none or they are unreadable:
        every stored article then counts as of unknown source)."""
        path = graph_path / FILE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records = {str(k): str(v) for k, v in data["articles"].items()}
            pending = {str(k) for k in data.get("pending", ())}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            records, pending = {}, set()
        return cls(path, records, pending)

    def get(self, article_id: str) -> str | None:
        return self.records.get(article_id)

    def set(self, article_id: str, source: str) -> None:
        if self.records.get(article_id) != source:
            self.records[article_id] = source
            self.changed = True

    def remove(self, article_id: str) -> None:
        if self.records.pop(article_id, None) is not None:
            self.changed = True

    def set_pending(self, article_id: str, pending: bool) -> None:
        if (article_id in self.pending) != pending:
            (self.pending.add if pending else self.pending.discard)(article_id)
            self.changed = True

    def clear(self) -> None:
        if self.records:
            self.records.clear()
            self.changed = True

    def save(self) -> None:
        """Write the records atomically if they changed; a failure to write them is not fatal (the
        articles are stored; their sources are then unknown)."""
        if not self.changed:
            return
        data: dict[str, object] = {"version": 1, "articles": dict(sorted(self.records.items()))}
        if self.pending:
            data["pending"] = sorted(self.pending)
        text = json.dumps(data, ensure_ascii=False, indent=0)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
            self.changed = False
        except OSError:
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass


def source_of(path: Path) -> str:
    """The record of a file: its resolved path."""
    return str(Path(path).resolve())


def verdict(article: Article, source: str, store: GraphStore, book: SourceBook) -> Verdict:
    """Is ``article`` (read from ``source``) new, the stored article of that id, or a collision?"""
    graph = ox.NamedNode(article_graph_iri(article.id))
    if not store.store.contains_named_graph(graph):
        return "new"
    recorded = book.get(article.id)
    if recorded is None or recorded == source:
        return "same"
    node = ox.NamedNode(article_iri(article.id))
    texts = [q.object.value for q in store.store.quads_for_pattern(node, _TEXT, None, graph)]
    dates = [q.object.value for q in store.store.quads_for_pattern(node, _PUBLISHED, None, graph)]
    published = [article.date.isoformat()] if article.date else []
    from kg.mapping import clean_text  # the text as the graph stores it

    if texts == [clean_text(article.text)] and dates == published:
        return "same"
    return "collision"
