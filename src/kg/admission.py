"""Which articles a build takes, decided in its first reading of the inputs, before any work.

* a bad input article (:class:`~kg.errors.ArticleError`: a ``.jsonl`` line that is not JSON, a bad date
  or header, a duplicate id, ...) refuses the build, the message saying ``--skip-bad``; with
  ``skip_bad`` it is recorded as a :class:`~kg.stages.Failure` and left out;
* an article over the size limit (:class:`~kg.errors.TooLarge`) is recorded and left out, unless
  ``strict`` (then it refuses the build);
* an id already stored from another source (:func:`kg.sources.verdict`) refuses the build (or is
  recorded and left out with ``skip_bad``), unless ``replace``; an id stored before is remembered, so
  the summary can say "replaced N".

The second reading (:meth:`Gate.admitted`) yields exactly the articles the first one let through.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.articles import read_articles, source_file
from kg.errors import ArticleError, TooLarge
from kg.model import Article
from kg.sources import SourceBook, source_of, verdict
from kg.stages import Failure
from kg.store import GraphStore

__all__ = ["Gate"]


class Gate:
    """Which articles go in, decided in the first reading, before any work: bad inputs by the skip
    policy, ids already stored from another source (:func:`kg.sources.verdict`), sizes."""

    def __init__(self, store: GraphStore | None, book: SourceBook | None, *, fresh: bool, strict: bool,
                 skip_bad: bool, replace: bool) -> None:
        """``store`` and ``book`` may be None with ``fresh`` (no store to compare with: shards)."""
        if (store is None or book is None) and not fresh:
            raise ValueError("a Gate without a store must be fresh")
        self.store, self.book = store, book
        self.fresh, self.strict, self.skip_bad, self.replace = fresh, strict, skip_bad, replace
        self.failures: list[Failure] = []
        self.refused: set[str] = set()  # origins of articles read fine but kept out (id collisions)
        self.stored_before: set[str] = set()  # ids that were stored before this build

    def skip(self, error: ArticleError) -> bool:
        """The first reading's policy for a bad article: record it and go on, or refuse the build."""
        if isinstance(error, TooLarge) and not self.strict:
            kind = "too large"
        elif self.skip_bad:
            kind = "bad input"
        elif self.strict:
            return False
        else:
            hint = "pass --skip-bad to store the other articles and list the bad ones"
            raise ArticleError(error.what, where=error.where, article_id=error.article_id,
                               fix=f"{error.fix} (or {hint})" if error.fix else hint)
        self.failures.append(Failure(error.article_id, error.where or "", error.message, error.exit_code, kind))
        return True

    def admit(self, paths: Sequence[Path]) -> Iterator[Article]:
        """The first reading: every article that will be built; records or raises the others."""
        for article in read_articles(paths, skip=self.skip):
            if self.fresh:
                yield article
                continue
            assert self.store is not None and self.book is not None
            source = source_of(source_file(article.origin))
            judged = verdict(article, source, self.store, self.book)
            if judged == "collision" and not self.replace:
                if not self.skip(self._collision(article)):
                    raise self._collision(article)
                self.refused.add(article.origin)
                continue
            if judged != "new":
                self.stored_before.add(article.id)
            yield article

    def admitted(self, paths: Sequence[Path]) -> Iterator[Article]:
        """The second reading: the articles :meth:`admit` let through (its refusals are recorded)."""
        return (a for a in read_articles(paths, skip=lambda _: True) if a.origin not in self.refused)

    def _collision(self, article: Article) -> ArticleError:
        recorded = self.book.get(article.id) if self.book is not None else None
        rename = ("rename the file (its name is the id)" if Path(article.origin).suffix.lower() == ".txt"
                  else "give the line another id")
        return ArticleError(
            f"article id {article.id!r} is already stored from {recorded}, with other text",
            where=article.origin,
            fix=f"{rename}, remove the stored one first (`kg remove {article.id}`), or pass --replace",
            article_id=article.id,
        )
