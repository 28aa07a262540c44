"""One exception hierarchy for everything ``kg`` refuses to do; the CLI converts it in one place.

Every message says what went wrong, where (``path:line``, ``path``, or ``article <id>``) and how to
fix it. ``kg`` prints ``Error: <message>`` on stderr, no traceback, and exits with the class's code:

====  =====================  ===============================================================
code  class                  meaning
====  =====================  ===============================================================
0                            success (``kg validate``: the graph conforms); also a closed output
                             pipe (``kg query ... | head -1``), the SIGPIPE convention
1     ValidationFailed       SHACL violations (``kg build``: some articles kept out; ``kg validate``)
2     UsageError / Click     could not run: bad option or argument (a bad ``--endpoint`` URL included)
3     InputError             bad input file or line (empty, binary, not UTF-8, bad JSON, bad date
      ArticleError           header, duplicate id, id already stored from another source, too large,
      TooLarge               unknown extension, unknown article id)
4     QueryError             missing or malformed query file, SPARQL syntax (line:column),
                             unknown ``--param`` (the message lists the declared ones)
5     StoreError             graph missing (run ``kg build`` first), corrupt, or locked by another
                             ``kg`` process
6     OutputError            output file cannot be written
7     QueryTimeout           timed out: a query ran longer than ``--timeout`` (local or remote), or
                             a server did not answer within ``--timeout`` / ``--connect-timeout``
8     NetworkRefused         the work would have fetched from the network (SERVICE, LOAD, remote
                             context); ``kg`` never does
9     RemoteError            a server (``kg query --endpoint``, ``kg push``) cannot be reached, or
                             answered with an HTTP error, a broken or malformed answer, or a count
                             that differs from what was sent
70    (internal error)       a bug: ``internal error: <type>: <message>``; ``KG_DEBUG=1`` shows the
                             traceback
130   (interrupted)          SIGINT (Ctrl-C); work finished before it is kept (``kg.cli``)
====  =====================  ===============================================================

When ``kg build`` keeps several articles out for different reasons, it exits with the code of the
gravest: 70 (an extraction bug), then 5, 3 (bad or too large input), 1 (SHACL).
"""

from __future__ import annotations

__all__ = [
    "INTERNAL_ERROR_EXIT",
    "ArticleError",
    "ArticlesNotStored",
    "InputError",
    "KgError",
    "NetworkRefused",
    "OutputError",
    "QueryError",
    "QueryTimeout",
    "RemoteError",
    "StoreError",
    "TooLarge",
    "UsageError",
    "ValidationFailed",
]

INTERNAL_ERROR_EXIT = 70  # EX_SOFTWARE from sysexits.h


class KgError(Exception):
    """Base class: ``KgError(what, where=..., fix=...)``; ``str()`` is ``where: what; fix``."""

    exit_code = 2

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        return f"{text}; {self.fix}" if self.fix else text

    def __str__(self) -> str:
        return self.message


class UsageError(KgError):
    """A bad option or argument that Click cannot check by itself (exit 2)."""

    exit_code = 2


class ValidationFailed(KgError):
    """SHACL found violations (exit 1)."""

    exit_code = 1


class ArticlesNotStored(KgError):
    """``kg build`` kept some articles out: the exit code is that of the gravest reason (see the table)."""

    def __init__(self, what: str, *, exit_code: int, where: str | None = None, fix: str | None = None) -> None:
        self.exit_code = exit_code
        super().__init__(what, where=where, fix=fix)


class InputError(KgError):
    """A bad input file or line (exit 3)."""

    exit_code = 3


class ArticleError(InputError):
    """One bad article (a ``.txt`` file or a ``.jsonl`` line): ``kg build --skip-bad`` skips it and
    stores the others. ``article_id`` is the article's id when it could be read."""

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None,
                 article_id: str | None = None) -> None:
        self.article_id = article_id
        super().__init__(what, where=where, fix=fix)


class TooLarge(ArticleError):
    """An article over the size limit: kept out (and the others stored) unless ``--strict``."""


class QueryError(KgError):
    """A missing or malformed stored query, SPARQL syntax error, or unknown parameter (exit 4)."""

    exit_code = 4


class StoreError(KgError):
    """The graph store is missing, corrupt or locked (exit 5)."""

    exit_code = 5


class OutputError(KgError):
    """An output file cannot be written (exit 6)."""

    exit_code = 6


class QueryTimeout(KgError):
    """A query, or a server it waits for, exceeded its time limit (exit 7)."""

    exit_code = 7


class NetworkRefused(KgError):
    """The operation would have used the network (exit 8)."""

    exit_code = 8


class RemoteError(KgError):
    """A server cannot be reached or answered with an error (exit 9): ``query --endpoint``, ``push``."""

    exit_code = 9
