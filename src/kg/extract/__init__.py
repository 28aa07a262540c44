"""Article -> Extraction (plain records, no RDF).

Public API: :func:`extract` for one article, :func:`extract_many` for a stream (spaCy ``nlp.pipe``).
Articles of any length: long ones are read in pieces and merged (:mod:`kg.extract.pieces`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.pieces import Failed
from kg.model import Article, Extraction

__all__ = ["Failed", "extract", "extract_many"]


def extract(article: Article) -> Extraction:
    """Extract one article (loads the pipeline on first use)."""
    extraction = next(extract_many([article]))
    assert isinstance(extraction, Extraction)
    return extraction


def extract_many(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64, keep_going: bool = False
) -> Iterator[Extraction | Failed]:
    """Extract a stream of articles lazily, in input order. Without ``keep_going`` the first error
    is raised; with it, an article that fails comes out as :class:`Failed` and the rest go on."""
    from kg.extract.pipeline import run

    yield from run(articles, n_process=n_process, batch_size=batch_size, keep_going=keep_going)
