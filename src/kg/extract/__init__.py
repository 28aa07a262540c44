"""Article -> Extraction (plain records, no RDF).

Public API: :func:`extract` for one article, :func:`extract_many` for a stream (spaCy ``nlp.pipe``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.model import Article, Extraction


def extract(article: Article) -> Extraction:
    """Extract one article (loads the pipeline on first use)."""
    return next(extract_many([article]))


def extract_many(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64
) -> Iterator[Extraction]:
    """Extract a stream of articles lazily, in input order."""
    from kg.extract.pipeline import run

    yield from run(articles, n_process=n_process, batch_size=batch_size)
