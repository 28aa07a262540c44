"""The ``kg`` command line: Click commands only; each parses, calls one library function, renders.

Errors: :class:`kg.errors.KgError` becomes ``Error: <message>`` on stderr and its exit code (table in
:mod:`kg.errors`); any other exception is a bug: ``internal error: ...``, exit 70 (``KG_DEBUG=1``
re-raises it with its traceback). A closed output pipe (``kg query ... | head -1``) ends the
command quietly with exit 0. Heavy libraries are imported inside the commands, so ``kg --help``
stays instant. Shell completion: ``eval "$(_KG_COMPLETE=bash_source kg)"`` (README).
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
from kg.cli_options import FormatType, auth_from_options, endpoint_options, write_answer_to
from kg.errors import INTERNAL_ERROR_EXIT, ArticlesNotStored, InputError, KgError, ValidationFailed
from kg.formats import GRAPH_FORMATS, RESULT_FORMATS

INTERRUPTED_EXIT = 130  # 128 + SIGINT, the shell convention

if TYPE_CHECKING:
    from kg.store import GraphStore

EXPORT_FORMATS = GRAPH_FORMATS


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


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of diplomacy news and query it.

    Exit codes: 0 ok, 1 SHACL violations, 2 usage, 3 bad input, 4 bad query, 5 graph store,
    6 output, 7 timed out, 8 network refused, 9 remote server failed, 70 internal error.

    \b
    Examples:
      kg build seeds/ news.jsonl
      kg query visits --param destination_country=china
      kg query 'SELECT ?name WHERE { ?p a dip:Person ; dip:name ?name } ORDER BY ?name' --limit 5
      kg export -o graph.ttl
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
@click.option("--cluster", metavar="tcp://HOST:PORT|local:N", default=None,
              help="Extract, map and SHACL-check on a Dask cluster (a scheduler's address, or local:N worker "
                   "processes on this machine); the store is written here, in input order. Needs the cluster "
                   "extra (requirements/cluster.lock).")
@click.option("--out-shards", type=click.Path(path_type=Path, file_okay=False), default=None, metavar="DIR",
              help="Write sorted N-Quads shards (one per batch of 64 articles, named by content) to DIR instead "
                   "of the store, for bulk loaders (`kg load DIR`, oxigraph load, Virtuoso, Jena).")
@click.option("--union/--no-union", default=True, show_default=True,
              help="With --out-shards: also write each shard's union as default-graph triples.")
@click.option("-v", "--verbose", is_flag=True, help="List the skipped files and the replaced articles.")
@graph_option
def build(inputs: tuple[Path, ...], fresh: bool, jobs: int, strict: bool, skip_bad: bool, replace: bool,
          cluster: str | None, out_shards: Path | None, union: bool, verbose: bool, graph_path: Path | None) -> None:
    """Read articles (.txt, .jsonl; default seeds/) or kg exports (.nq, .trig, .ttl, .nt) into the graph.

    Each article's graph is checked by SHACL. An article that cannot be stored (SHACL, too large,
    extraction error) is listed and kept out, the others are stored, and the command exits with
    the code of the gravest reason (1 SHACL, 3 input, 70 bug); --strict stores nothing then.
    Then the derived graphs (one person across articles, borrowed jurisdictions, the same event
    in several articles) are recomputed.

    \b
    Examples:
      kg build                                  # seeds/
      kg build articles/ more.jsonl --jobs 2
      kg build --fresh --graph /tmp/g graph.trig
      kg build news/ --cluster tcp://scheduler:8786
      kg build news/ --cluster local:2 --out-shards shards/ && kg load shards/
    """
    from kg.build import build as run_build
    from kg.progress import progress_for

    sources = list(inputs) or [Path("seeds")]
    _check_shard_options(out_shards, union=union, fresh=fresh, replace=replace)
    progress = progress_for(sys.stderr)  # a progress line on a terminal only
    try:
        if out_shards is not None:
            from kg.shards import build_shards

            summary = build_shards(sources, out_shards, jobs=jobs, cluster=cluster, strict=strict, skip_bad=skip_bad,
                                   union=union, on_progress=progress)
        else:
            with _open(graph_path, write=True) as store:
                summary = run_build(sources, store, fresh=fresh, jobs=jobs, on_progress=progress, strict=strict,
                                    skip_bad=skip_bad, replace=replace, cluster=cluster)
    finally:
        if progress is not None:
            progress.close()
    _report_build(summary, verbose)


def _check_shard_options(out_shards: Path | None, *, union: bool, fresh: bool, replace: bool) -> None:
    from kg.errors import UsageError

    if out_shards is None and not union:
        raise UsageError("--no-union is for --out-shards", fix="add --out-shards DIR, or drop --no-union")
    if out_shards is not None and (fresh or replace):
        raise UsageError(f"{'--fresh' if fresh else '--replace'} is about the store, and --out-shards writes none",
                         fix="drop it (`kg load --graph G DIR` replaces the articles the shards hold)")


def _report_build(summary: Any, verbose: bool = False) -> None:
    lines = [summary.line(), *(f"warning: {warning}" for warning in summary.warnings)]
    skipped = summary.skipped_line()
    if skipped:
        lines.append(skipped if verbose else f"{skipped} (-v lists them)")
        lines.extend(f"  {path}" for path in (summary.ignored if verbose else ()))
    if verbose and summary.replaced:
        lines.append(f"replaced {len(summary.replaced)}: {', '.join(summary.replaced)}")
    click.echo("\n".join(lines + _not_stored_lines(summary)), err=True)
    if not summary.ok:
        raise _not_stored(summary)


def _not_stored_lines(summary: Any) -> list[str]:
    """The articles SHACL kept out and those whose reading failed, each with why."""
    lines = []
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
    return lines


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
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path))
@graph_option
def load(shards: tuple[Path, ...], graph_path: Path | None) -> None:
    """Bulk-load shards (from `kg build --out-shards DIR`) into the graph, then recompute the derived graphs.

    SHARDS are folders of .nq shards or shard files. The store ends up as `kg build` of the same
    articles leaves it: an article the shards hold replaces the stored one, the default graph stays
    the union of the graphs. Uses Oxigraph's bulk loader (not one transaction: a load killed midway
    is completed by running it again).

    \b
    Examples:
      kg load shards/
      kg load --graph /data/g shards/ more-shards/
    """
    from kg.load import load_shards

    with _open(graph_path, write=True) as store:
        summary = load_shards(list(shards), store)
    click.echo(summary.line(), err=True)


@cli.command()
@click.argument("article_id")
@graph_option
def remove(article_id: str, graph_path: Path | None) -> None:
    """Remove one article's graph (the derived graphs are recomputed).

    \b
    Examples:
      kg remove reuters21578-3567
    """
    from kg.derive import refresh
    from kg.sources import SourceBook

    with _open(graph_path, write=True, create=False) as store:
        removed = store.remove_article(article_id)
        if removed:
            refresh(store)  # links, persons and borrowed states of the removed article go with it
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
@click.argument("query_spec", metavar="QUERY")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Keep the rows whose column NAME equals VALUE (case and accents ignored).")
@click.option("--format", "fmt", type=FormatType(RESULT_FORMATS + GRAPH_FORMATS), default=None,
              help="Rows: table (default), csv, tsv, json, jsonl. Graphs (CONSTRUCT, DESCRIBE): turtle "
                   "(default), ntriples, nquads, trig, jsonld. Aliases: ttl, nt, nq. [default: from -o]")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE|-", help="Output file.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows (or triples).")
@click.option("--wide", is_flag=True, help="Table: show every value in full (default: cut to the terminal).")
@click.option("--allow-network", is_flag=True,
              help="Let the query use SERVICE / FROM <IRI> (refused by default: exit 8).")
@endpoint_options(timeout=30.0, required=False)
@graph_option
def query(query_spec: str, params: tuple[str, ...], fmt: str | None, output: str, limit: int | None, wide: bool,
          allow_network: bool, endpoint: str | None, user: str | None, auth_scheme: str, password_env: str | None,
          timeout: float, connect_timeout: float, ca_cert: str | None, graph_path: Path | None) -> None:
    """Run a SPARQL query: a stored query's name, a .rq file, the text itself, or - (stdin).

    SELECT, ASK, CONSTRUCT and DESCRIBE; the prefixes dip:, id:, person:, country:, event:, rdf:,
    rdfs:, xsd:, skos:, prov:, owl:, ... are declared for you. A dip: term the ontology does not
    have is reported with the nearest one. Stored queries: cancellations, meetings, met-with,
    positions, sources, statements, summons, timeline, visit-history, visits.

    With --endpoint the query runs on that SPARQL endpoint (same rows, same formats).

    \b
    Examples:
      kg query visits
      kg query visits --param destination_country=china --format csv
      kg query queries/positions.rq --param person="jane roe"
      kg query 'SELECT ?e ?who WHERE { ?e a dip:Visit ; dip:traveler/dip:name ?who }' --limit 10
      kg query 'ASK { ?e a dip:Summons }'
      echo 'DESCRIBE person:jane-roe' | kg query - --format ttl
      kg query visit-history --endpoint http://127.0.0.1:7878 --user alice --password-env PW
    """
    from kg.formats import resolve
    from kg.queries import find_query, query_from_text, run_query, run_remote

    bound = _parse_params(params)
    if query_spec == "-":
        stored = query_from_text(sys.stdin.read(), source="<stdin>", allow_network=allow_network)
    else:
        stored = find_query(query_spec, allow_network=allow_network)
    for warning in stored.warnings:
        click.echo(f"Warning: {warning}", err=True)
    fmt = resolve(fmt, output, graph=stored.form in ("CONSTRUCT", "DESCRIBE"))
    if endpoint:
        answer = run_remote(endpoint, stored, bound, timeout=timeout or 86400.0, allow_network=allow_network,
                            limit=limit, auth=auth_from_options(user, auth_scheme, password_env),
                            connect_timeout=connect_timeout, ca_cert=ca_cert)
    else:
        with _open(graph_path, write=False) as store:
            answer = run_query(store.store, stored, bound, timeout=timeout or None, allow_network=allow_network,
                               limit=limit)
    write_answer_to(answer, fmt, output, wide=wide)


@cli.command()
@graph_option
@click.option("--articles", "list_articles", is_flag=True, help="List every stored article id instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def info(graph_path: Path | None, list_articles: bool, as_json: bool) -> None:
    """What the store holds: articles, nodes per class, events per status, graphs, size on disk.

    \b
    Examples:
      kg info
      kg info --articles | head
      kg info --json
    """
    import json

    from kg.info import store_info

    with _open(graph_path, write=False) as store:
        if list_articles:
            for article_id in store.article_ids():
                click.echo(article_id)
            return
        facts = store_info(store)
    click.echo(json.dumps(facts.as_dict(), indent=2, ensure_ascii=False) if as_json else "\n".join(facts.lines()))


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

    \b
    Examples:
      kg serve                      # http://127.0.0.1:8080/
      kg serve --port 0             # any free port (printed)
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:8080/sparql
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
@endpoint_options(timeout=60.0, required=True)
@click.option("--gsp", metavar="URL|/PATH", default=None,
              help="Graph Store Protocol URL or path [derived: Oxigraph /store, Virtuoso /sparql-graph-crud(-auth)].")
@click.option("--graph-param", default="graph", show_default=True, help="GSP parameter naming the graph.")
@click.option("--union/--no-union", default=True, show_default=True,
              help="Also PUT the union of all graphs as the server's default graph (needed when the server's "
                   "default graph is not the union: plain `oxigraph serve`, Fuseki).")
@click.option("--prune", is_flag=True, help="Delete remote kg graphs the local graph no longer has.")
@graph_option
def push(endpoint: str, user: str | None, auth_scheme: str, password_env: str | None, timeout: float,
         connect_timeout: float, ca_cert: str | None, gsp: str | None, graph_param: str, union: bool, prune: bool,
         graph_path: Path | None) -> None:
    """PUT every graph (articles, ontology, derived graphs) to a triple store and verify each triple count.

    SPARQL 1.1 Graph Store HTTP Protocol, one PUT per named graph: pushing twice changes nothing.

    \b
    Examples:
      kg push --endpoint http://127.0.0.1:7878
      kg push --endpoint http://127.0.0.1:8890/sparql --user dba --auth digest --password-env VIRTUOSO_PW
      kg push --endpoint http://127.0.0.1:3030/ds/query --gsp /ds/data --prune
    """
    from kg.push import push as run_push
    from kg.push import resolve_endpoint

    target = resolve_endpoint(endpoint, gsp, graph_param=graph_param, user=user)
    auth = auth_from_options(user, auth_scheme, password_env)
    with _open(graph_path, write=False) as store:
        summary = run_push(store, target, auth=auth, timeout=timeout or 86400.0, connect_timeout=connect_timeout,
                           prune=prune, union=union, ca_cert=ca_cert)
    click.echo(summary.line(), err=True)


@cli.command()
@click.option("--format", "fmt", type=FormatType(GRAPH_FORMATS), default=None,
              help="turtle, ntriples, nquads, trig, jsonld (aliases ttl, nt, nq, json-ld) [default: from -o's "
                   "extension, else turtle].")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE|-", help="Output file.")
@click.option("--ontology", is_flag=True, help="Include the ontology graph.")
@click.option("--union/--no-union", default=True, show_default=True,
              help="N-Quads, TriG, JSON-LD: also write the union of all graphs as the default graph.")
@graph_option
def export(fmt: str | None, output: str, ontology: bool, union: bool, graph_path: Path | None) -> None:
    """Write the graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD (deterministic bytes).

    Turtle and N-Triples hold the union of all graphs; N-Quads, TriG and JSON-LD keep one named
    graph per article (and the derived graphs) plus their union as the default graph.

    \b
    Examples:
      kg export -o graph.ttl
      kg export -o graph.trig --ontology
      kg export --format nq | gzip > graph.nq.gz
    """
    from kg.export import export as run_export
    from kg.formats import resolve

    fmt = resolve(fmt, output, graph=True)
    with _open(graph_path, write=False) as store:
        target = sys.stdout.buffer if output == "-" else Path(output)
        run_export(store, fmt, target, ontology=ontology, union=union)


@cli.command()
@graph_option
def validate(graph_path: Path | None) -> None:
    """Check every article graph in the store with SHACL (exit 0 conforms, 1 violations).

    \b
    Examples:
      kg validate
      kg validate --graph /tmp/g || echo "some articles do not conform"
    """
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

    \b
    Examples:
      kg eval ../shared/corpus/gold/dev seeds/ ../shared/corpus/*.jsonl --errors
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
    if not summary.ok:
        click.echo("\n".join(_not_stored_lines(summary)), err=True)
    # an article SHACL kept out, or whose reading raised (a bug), is scored as if it said nothing:
    # the figures above are then not the extractor's, so the command fails (bad lines --skip-bad
    # skipped, exit 3, were asked for and do not)
    if summary.rejected or any(failure.exit_code != 3 for failure in summary.failed):
        raise _not_stored(summary)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else sys.argv[1:], prog_name="kg")
