"""The ``kg`` command line: Click commands only; each parses, calls one library function, renders.

Errors: :class:`kg.errors.KgError` becomes ``Error: <message>`` on stderr and its exit code (table in
:mod:`kg.errors`); any other exception is a bug: ``internal error: ...``, exit 70 (``KG_DEBUG=1``
re-raises it with its traceback). A closed output pipe (``kg query ... | head -1``) ends the
command quietly with exit 0. Heavy libraries are imported inside the commands, so ``kg --help``
stays instant.
"""

from __future__ import annotations

import os
import select
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.errors import INTERNAL_ERROR_EXIT, ArticlesNotStored, InputError, KgError, ValidationFailed

INTERRUPTED_EXIT = 130  # 128 + SIGINT, the shell convention

if TYPE_CHECKING:
    from kg.store import GraphStore

EXPORT_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "jsonl")


class KgGroup(click.Group):
    """The one place that turns exceptions into messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return self._invoke(ctx)
        except BrokenPipeError:  # the pipe closed while an error was being reported
            if not _closed_pipe():
                raise
            _quiet_exit(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except KgError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:  # SIGINT: each stored article is one transaction, so nothing is half-written
            click.echo("Error: interrupted; work finished before the interrupt is kept, "
                       "run the same command again to complete it", err=True)
            ctx.exit(INTERRUPTED_EXIT)
        except Exception as exc:
            if isinstance(exc, BrokenPipeError) and _closed_pipe():
                _quiet_exit(ctx)
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            ctx.exit(INTERNAL_ERROR_EXIT)


def _closed_pipe() -> bool:
    """Is stdout or stderr a pipe whose reader has gone (``kg query ... | head -1``)?"""
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (AttributeError, ValueError, OSError):  # not a real file (CliRunner)
            continue
        poller = select.poll()
        poller.register(fd, 0)  # POLLERR is always reported: a pipe's write end with no reader
        if any(events & select.POLLERR for _, events in poller.poll(0)):
            return True
    return False


def _quiet_exit(ctx: click.Context) -> None:
    """Exit 0 without a word, the SIGPIPE convention: the reader has what it wanted. Later writes
    (Python flushes stdout at exit) go to /dev/null instead of raising again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (AttributeError, ValueError, OSError):
            pass
    ctx.exit(0)


graph_option = click.option(
    "--graph",
    "graph_path",
    type=click.Path(path_type=Path),
    envvar="KG_GRAPH",
    default=None,
    help="Graph store folder [env KG_GRAPH; default .kg/graph].",
)


def _open(graph_path: Path | None, *, write: bool, create: bool | None = None) -> GraphStore:
    from kg.store import GraphStore, default_graph_path

    create = write if create is None else create
    return GraphStore.open(default_graph_path(graph_path), create=create, write=write)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of diplomacy news and query it.

    Exit codes: 0 ok, 1 SHACL violations, 2 usage, 3 bad input, 4 bad query, 5 graph store,
    6 output, 7 timed out, 8 network refused, 9 remote server failed, 70 internal error.
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fresh", is_flag=True, help="Empty the graph first.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes (extraction, mapping, SHACL; the store is written by the main process).")
@click.option("--strict", is_flag=True,
              help="All or nothing: if any article cannot be stored (bad or too large input, extraction "
                   "error, SHACL), store none.")
@click.option("--skip-bad", is_flag=True,
              help="Store the good articles when some input lines or files are bad, and list each bad one "
                   "(default: refuse the build).")
@click.option("--replace", is_flag=True,
              help="Replace a stored article whose id comes again from another file with other text "
                   "(default: refuse).")
@click.option("-v", "--verbose", is_flag=True, help="List the skipped files and the replaced articles.")
@graph_option
def build(inputs: tuple[Path, ...], fresh: bool, jobs: int, strict: bool, skip_bad: bool, replace: bool,
          verbose: bool, graph_path: Path | None) -> None:
    """Read articles (.txt, .jsonl; default seeds/) or kg exports (.nq, .trig, .ttl, .nt) into the graph.

    Each article's graph is checked by SHACL. An article that cannot be stored (SHACL, too large,
    extraction error) is listed and kept out, the others are stored, and the command exits with
    the code of the gravest reason (1 SHACL, 3 input, 70 bug); --strict stores nothing then.
    """
    from kg.build import build as run_build
    from kg.progress import progress_for

    progress = progress_for(sys.stderr)  # a progress line on a terminal only
    try:
        with _open(graph_path, write=True) as store:
            summary = run_build(list(inputs) or [Path("seeds")], store, fresh=fresh, jobs=jobs, on_progress=progress,
                                strict=strict, skip_bad=skip_bad, replace=replace)
    finally:
        if progress is not None:
            progress.close()
    _report_build(summary, verbose)


def _report_build(summary: Any, verbose: bool = False) -> None:
    lines = [summary.line(), *(f"warning: {warning}" for warning in summary.warnings)]
    skipped = summary.skipped_line()
    if skipped:
        lines.append(skipped if verbose else f"{skipped} (-v lists them)")
        lines.extend(f"  {path}" for path in (summary.ignored if verbose else ()))
    if verbose and summary.replaced:
        lines.append(f"replaced {len(summary.replaced)}: {', '.join(summary.replaced)}")
    if summary.rejected:
        lines.append(f"{len(summary.rejected)} article(s) kept out of the graph by SHACL:")
        for rejected in summary.rejected:
            lines.append(f"  {rejected.article_id} ({rejected.origin})")
            lines.extend(f"    {line}" for line in rejected.lines)
    if summary.failed:
        lines.append(f"{len(summary.failed)} article(s) not stored:")
        for failure in summary.failed:
            lines.append(f"  {failure.line}")
            if failure.trace and os.environ.get("KG_DEBUG"):
                lines.extend(f"    {line}" for line in failure.trace.rstrip().splitlines())
    click.echo("\n".join(lines), err=True)
    if not summary.ok:
        raise _not_stored(summary)


def _not_stored(summary: Any) -> ArticlesNotStored:
    others = ("nothing was stored (--strict): fix them, or build without --strict to store the others"
              if summary.strict else "the other articles were stored")
    if not summary.failed:
        return ArticlesNotStored(f"{len(summary.rejected)} article(s) rejected", exit_code=summary.exit_code,
                                 fix=f"see the violations above; {others}")
    kinds: dict[str, int] = {}
    if summary.rejected:
        kinds["rejected by SHACL"] = len(summary.rejected)
    for failure in summary.failed:
        kinds[failure.kind] = kinds.get(failure.kind, 0) + 1
    count = len(summary.rejected) + len(summary.failed)
    parts = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
    return ArticlesNotStored(f"{count} article(s) not stored ({parts})", exit_code=summary.exit_code,
                             fix=f"see the list above; {others}")


@cli.command()
@click.argument("article_id")
@graph_option
def remove(article_id: str, graph_path: Path | None) -> None:
    """Remove one article's graph."""
    from kg.links import update_links
    from kg.sources import SourceBook

    with _open(graph_path, write=True, create=False) as store:
        removed = store.remove_article(article_id)
        if removed:
            update_links(store)  # links to the removed article's events go with it
            book = SourceBook.of(store.path)
            book.remove(article_id)
            book.save()
        if not removed:
            known = store.article_ids()
            shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
            raise InputError(
                "no such article in the graph",
                where=f"article {article_id}",
                fix=f"stored articles: {shown}" if known else "the graph holds no articles",
            )
    click.echo(f"removed article {article_id}", err=True)


def _parse_params(values: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r} is not NAME=VALUE", param_hint="--param")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # undecodable bytes in argv arrive as lone surrogates
            raise click.BadParameter(f"the value of {name!r} is not valid UTF-8", param_hint="--param") from None
        params[name] = text
    return params


@cli.command()
@click.argument("query_file")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a declared parameter.")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, help="Seconds; 0 = no limit."
)
@click.option("--endpoint", metavar="URL", default=None,
              help="Run it on this SPARQL 1.1 endpoint instead of the local graph.")
@click.option("--allow-network", is_flag=True,
              help="Let the query use SERVICE / FROM <IRI> (refused by default: exit 8).")
@graph_option
def query(
    query_file: str, params: tuple[str, ...], fmt: str, timeout: float, endpoint: str | None,
    allow_network: bool, graph_path: Path | None
) -> None:
    """Run a stored SPARQL query over the graph: a .rq file, or the name of one in queries/.

    With --endpoint URL the query runs remotely (SPARQL 1.1 Protocol; the endpoint's default graph
    must be the union of its graphs: `oxigraph serve --union-default-graph`, Virtuoso by default).
    """
    from kg.queries import find_query, run_query, run_remote
    from kg.render import write_result

    bound = _parse_params(params)
    stored = find_query(query_file, allow_network=allow_network)
    if endpoint:
        result = run_remote(endpoint, stored, bound, timeout=timeout or 86400.0, allow_network=allow_network)
    else:
        with _open(graph_path, write=False) as store:
            result = run_query(store.store, stored, bound, timeout=timeout or None, allow_network=allow_network)
    write_result(result, fmt, sys.stdout)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (no authentication: keep it on loopback unless you mean to share).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run (pages and /sparql).")
@graph_option
def serve(host: str, port: int, timeout: float, graph_path: Path | None) -> None:
    """Serve a read-only web workbench over the graph, with a SPARQL endpoint at /sparql.

    Pages: the counts, every stored query as a form and a table (CSV/JSON), articles with their
    evidence highlighted, persons, countries, events, a timeline of visits and a meeting network.
    Stop with Ctrl-C.
    """
    from kg.serve import serve as run_serve
    from kg.store import default_graph_path

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the graph", err=True)

    def ready(url: str) -> None:
        click.echo(f"kg serve: {url} (SPARQL endpoint: {url}sparql); Ctrl-C stops", err=True)

    try:
        run_serve(default_graph_path(graph_path), host=host, port=port, timeout=timeout, on_ready=ready)
    except KeyboardInterrupt:  # Ctrl-C is how a server is stopped: not an error
        pass
    click.echo("kg serve: stopped", err=True)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL query endpoint (Oxigraph: http://HOST:PORT or .../query; Virtuoso: .../sparql).")
@click.option("--gsp", metavar="URL|/PATH", default=None,
              help="Graph Store Protocol URL or path [derived: Oxigraph /store, Virtuoso /sparql-graph-crud(-auth)].")
@click.option("--graph-param", default="graph", show_default=True, help="GSP parameter naming the graph.")
@click.option("--user", default=None, help="User name for HTTP authentication.")
@click.option("--auth", "auth_scheme", type=click.Choice(("basic", "digest")), default="basic", show_default=True)
@click.option("--password-env", metavar="VAR", default=None,
              help="Environment variable holding the password [default: prompt when --user is given].")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Read timeout, seconds.")
@click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True)
@click.option("--prune", is_flag=True, help="Delete remote kg graphs the local graph no longer has.")
@graph_option
def push(endpoint: str, gsp: str | None, graph_param: str, user: str | None, auth_scheme: str,
         password_env: str | None, timeout: float, connect_timeout: float, prune: bool,
         graph_path: Path | None) -> None:
    """PUT every graph (articles, ontology, links) to a triple store and verify each triple count.

    SPARQL 1.1 Graph Store HTTP Protocol, one PUT per named graph: pushing twice changes nothing.
    """
    from kg.push import Auth, resolve_target
    from kg.push import push as run_push

    auth = None
    if password_env and not user:
        raise click.BadParameter("--password-env needs --user", param_hint="--password-env")
    if user:
        if password_env:
            password = os.environ.get(password_env)
            if not password:
                raise click.BadParameter(f"environment variable {password_env} is not set or empty",
                                         param_hint="--password-env")
        else:
            password = click.prompt(f"Password for {user}", hide_input=True, err=True)
        auth = Auth(user=user, password=password, scheme=auth_scheme)
    target = resolve_target(endpoint, gsp, graph_param=graph_param, user=user)
    with _open(graph_path, write=False) as store:
        summary = run_push(store, target, auth=auth, timeout=timeout, connect_timeout=connect_timeout,
                           prune=prune)
    click.echo(summary.line(), err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE|-", help="Output file.")
@click.option("--ontology", is_flag=True, help="Include the ontology graph.")
@graph_option
def export(fmt: str, output: str, ontology: bool, graph_path: Path | None) -> None:
    """Write the graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD (deterministic bytes)."""
    from kg.export import export as run_export

    with _open(graph_path, write=False) as store:
        target = sys.stdout.buffer if output == "-" else Path(output)
        run_export(store, fmt, target, ontology=ontology)


@cli.command()
@graph_option
def validate(graph_path: Path | None) -> None:
    """Check every article graph in the store with SHACL (exit 0 conforms, 1 violations)."""
    from kg.build import SHACL_BATCH
    from kg.validate import validate_batch

    failed = 0
    with _open(graph_path, write=False) as store:
        ids = store.article_ids()
        reports = (report for start in range(0, len(ids), SHACL_BATCH)  # one pySHACL call per batch
                   for report in validate_batch([store.article_graph(i) for i in ids[start:start + SHACL_BATCH]]))
        for article_id, report in zip(ids, reports):
            if not report.conforms:
                failed += 1
                click.echo(f"article {article_id}:")
                for line in report.lines():
                    click.echo(f"  {line}")
    if failed:
        raise ValidationFailed(f"{failed} of {len(ids)} article graphs do not conform")
    click.echo(f"{len(ids)} article graphs conform", err=True)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--errors", is_flag=True, help="List each false positive and false negative.")
@click.option("--hard-negatives", "negative_files", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="An input file of hard negatives (repeatable; built too): its articles get their own "
                   "row, and every visit or meeting found in them is counted.")
@click.option("--half", type=click.Choice(["tune", "check"]), default=None,
              help="Score only one half of the gold (a fixed rule on the article id: kg.evaluate.half_of).")
@click.option("--skip-bad", is_flag=True, help="Build the good articles when some input lines are bad (as kg build).")
@graph_option
def eval_(gold_dir: Path, inputs: tuple[Path, ...], errors: bool, negative_files: tuple[Path, ...],
          half: str | None, skip_bad: bool, graph_path: Path | None) -> None:
    """Build INPUTs (default seeds/) and score the graph against the gold answers in GOLD_DIR.

    Without --graph the build goes to a temporary store that is deleted afterwards.
    """
    from kg.articles import read_articles
    from kg.build import build as run_build
    from kg.evaluate import evaluate

    negatives = {article.id for article in read_articles(list(negative_files))} if negative_files else set()
    sources = list(inputs) or [Path("seeds")]
    sources += [f for f in negative_files if f.resolve() not in {s.resolve() for s in sources}]
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        path = graph_path or Path(tmp) / "graph"
        with _open(path, write=True) as store:
            summary = run_build(sources, store, skip_bad=skip_bad)
            click.echo(summary.line(), err=True)
            report = evaluate(gold_dir, store.store, set(summary.article_ids), hard_negatives=negatives,
                              half=half)
    click.echo(report.render(errors))


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else sys.argv[1:], prog_name="kg")
