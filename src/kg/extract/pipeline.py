"""Temporary stub: replaced by the real extractor."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.model import Article, Extraction


def run(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Extraction]:
    for article in articles:
        yield Extraction(article=article)
