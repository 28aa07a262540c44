"""Options shared by several ``kg`` commands: the format type, the endpoint options (one client for
``push`` and ``query``), credentials, and writing an answer to stdout or a file."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.errors import KgError
from kg.formats import ALIASES

if TYPE_CHECKING:
    from kg.endpoint import Auth

__all__ = ["FormatType", "auth_from_options", "endpoint_options", "write_answer_to"]


class FormatType(click.ParamType):
    """``--format``: a format name or alias (``ttl``, ``nt``, ``nq``), any case; checked once here."""

    name = "format"

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "[" + "|".join(self.names) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from kg.formats import canonical

        try:
            return canonical(str(value))
        except KgError as exc:
            self.fail(exc.what + "; " + (exc.fix or ""), param, ctx)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(n) for n in self.names + tuple(ALIASES) if n.startswith(incomplete)]


def endpoint_options(timeout: float, required: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options of every command that talks to a SPARQL endpoint (``push``, ``query``): one client."""
    options = [
        click.option("--endpoint", metavar="URL", required=required, default=None,
                     help="SPARQL endpoint: http://HOST:7878 (Oxigraph; /query is added), .../sparql (Virtuoso), "
                          "Fuseki .../DATASET/query, GraphDB .../repositories/NAME."),
        click.option("--user", default=None, help="User name for HTTP authentication."),
        click.option("--auth", "auth_scheme", type=click.Choice(("basic", "digest")), default="basic",
                     show_default=True),
        click.option("--password-env", metavar="VAR", default=None,
                     help="Environment variable holding the password [default: prompt when --user is given]."),
        click.option("--timeout", type=click.FloatRange(min=0), default=timeout, show_default=True,
                     help="Seconds for the query (remote: for each request); 0 = no limit."),
        click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
                     help="Seconds to open a connection to the endpoint."),
        click.option("--ca-cert", metavar="PEM", default=None, type=click.Path(dir_okay=False),
                     help="CA certificates for an https endpoint [default: the system's, or $SSL_CERT_FILE]."),
    ]

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def auth_from_options(user: str | None, scheme: str, password_env: str | None) -> Auth | None:
    """Credentials from ``--user``: the password from ``--password-env VAR`` or a prompt, never argv."""
    from kg.endpoint import Auth

    if password_env and not user:
        raise click.BadParameter("--password-env needs --user", param_hint="--password-env")
    if not user:
        return None
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            raise click.BadParameter(f"environment variable {password_env} is not set or empty",
                                     param_hint="--password-env")
    else:
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return Auth(user=user, password=password, scheme=scheme)


def write_answer_to(answer: Any, fmt: str, output: str, *, wide: bool) -> None:
    import io
    import shutil

    from kg.render import write_answer

    if output == "-":
        # cut to the terminal; a pipe or a file gets every character (as ls and git do)
        width = None if wide or not sys.stdout.isatty() else shutil.get_terminal_size((100, 24)).columns
        write_answer(answer, fmt, sys.stdout, sys.stdout.buffer, width=width)
        return
    from kg.export import write_atomic

    text = io.StringIO(newline="")
    data = io.BytesIO()
    write_answer(answer, fmt, text, data, width=None)
    write_atomic(Path(output), data.getvalue() or text.getvalue().encode("utf-8"))
