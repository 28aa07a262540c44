"""One exception hierarchy for everything ``kg`` refuses to do; the CLI converts it in one place.

Every message says what went wrong, where (``path:line``, ``path``, or ``article <id>``) and how to
fix it. ``kg`` prints ``Error: <message>`` on stderr, no traceback, and exits with the class's code:

====  =====================  ===============================================================
code  class                  meaning
====  =====================  ===============================================================
0                            success (``kg validate``: the graph conforms)
1     ValidationFailed       SHACL violations (``kg build``: some articles kept out; ``kg validate``)
2     KgError / Click usage  could not run: bad option or argument, other refusals
3     InputError             bad input file or line (empty, binary, not UTF-8, bad JSON, bad date
                             marker, duplicate id, too large, unknown extension, unknown article id)
4     QueryError             missing or malformed query file, SPARQL syntax (line:column),
                             unknown ``--param`` (the message lists the declared ones)
5     StoreError             graph missing (run ``kg build`` first), corrupt, or locked by another
                             ``kg`` process
6     OutputError            output file cannot be written
7     QueryTimeout           the query (or a request to an endpoint) ran longer than ``--timeout``
8     NetworkRefused         the work would have fetched from the network (SERVICE, LOAD, remote
                             context); ``kg`` never does
9     EndpointError          a remote endpoint (``--endpoint``) failed: unreachable, HTTP error,
                             wrong credentials, truncated or malformed answer, counts that differ
70    (internal error)       a bug: ``internal error: <type>: <message>``; ``KG_DEBUG=1`` shows the
                             traceback
130   (interrupted)          SIGINT (Ctrl-C); work finished before it is kept (``kg.cli``)
====  =====================  ===============================================================
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "ValidationFailed",
    "InputError",
    "QueryError",
    "StoreError",
    "OutputError",
    "QueryTimeout",
    "NetworkRefused",
    "EndpointError",
    "INTERNAL_ERROR_EXIT",
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


class ValidationFailed(KgError):
    """SHACL found violations (exit 1)."""

    exit_code = 1


class InputError(KgError):
    """A bad input file or line (exit 3)."""

    exit_code = 3


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
    """A query exceeded its time limit (exit 7)."""

    exit_code = 7


class NetworkRefused(KgError):
    """The operation would have used the network (exit 8)."""

    exit_code = 8


class EndpointError(KgError):
    """A remote SPARQL endpoint or Graph Store failed, for ``kg query --endpoint`` and ``kg push``
    alike (exit 9)."""

    exit_code = 9
