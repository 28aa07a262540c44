"""The bad-input matrix through the CLI: exit code, one ``Error:`` line naming the place and the fix,
no traceback, and the store unchanged (its N-Quads, or its bytes when it is corrupt).

Already covered elsewhere (not repeated here): exact messages of the article refusals
(tests/test_articles.py), a JSONL line that is not JSON through the CLI, unknown ``--param``, missing
graph, locked graph and an output folder that does not exist (tests/test_cli.py), SPARQL syntax,
missing query file and parameter injection at the library level (tests/test_queries.py), DOCTYPE and
truncated N-Quads at the library level (tests/test_build.py). Here each case goes end to end.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.store import GraphStore, quads_text

pytestmark = pytest.mark.usefixtures("no_spacy")

QUERY = """# title: Articles
# description: Stored article ids.
# param: article_id - one article id
PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?article_id WHERE {
  GRAPH ?g { ?a dip:articleId ?article_id }
} ORDER BY ?article_id
"""


def _quads(path: Path) -> list[str]:
    with GraphStore.open(path, wait=5) as store:
        return quads_text(store.quads())


def _one_error(result: Result, code: int, *parts: str) -> str:
    """Exit ``code``, stderr exactly one ``Error:`` line containing ``parts``; no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stderr, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    for part in parts:
        assert part in lines[0], (part, lines[0])
    assert "; " in lines[0]  # a fix follows the what
    return lines[0]


@functools.cache
def _template() -> tuple[Path, list[str]]:
    """A store holding articles a and b (fake extractor, real mapping and SHACL), built once."""
    from conftest import ARTICLE_A, ARTICLE_B, _fake_extract_many

    import kg.build
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    root = Path(tempfile.mkdtemp(prefix="kg-bad-input-"))
    atexit.register(shutil.rmtree, root, True)
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    path = root / "graph"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.build, "_stages", lambda: (_fake_extract_many, to_graph, validate_graph))
        with GraphStore.open(path, create=True) as store:
            kg.build.build([root / "a.txt", root / "b.txt"], store)
    return path, _quads(path)


def _built(graph_path: Path) -> tuple[Path, list[str]]:
    """A copy of the template store at ``graph_path``, and its N-Quads."""
    template, quads = _template()
    shutil.copytree(template, graph_path)
    return graph_path, quads


def _deep_json(depth: int) -> bytes:
    return b'{"id": "deep", "text": "x", "meta": ' + b"[" * depth + b"]" * depth + b"}\n"


# (file name, content, exit code, place after the path ("" = just the path), words of the message)
INPUT_CASES = [
    ("empty.txt", b"", 3, "", "empty file"),
    ("blank.txt", b"  \n\t\n", 3, ":1", "only whitespace"),
    ("blank.jsonl", b"\n \n", 3, "", "only whitespace"),
    ("binary.txt", b"Text\n\x00\x01\x02\xff", 3, ":2", "binary file"),
    ("binary.jsonl", bytes(range(256)), 3, ":1:1", "binary file"),
    ("latin1.txt", "date 2021-03-02\nMinister Ren\u00e9 said.\n".encode("latin-1"), 3, ":2", "not UTF-8 (byte 0xe9)"),
    ("notjson.jsonl", b'{"id": "x", "text": "ok"}\n{"id": "y", "text": \'single\'}\n', 3, ":2:21", "not JSON"),
    ("noid.jsonl", b'{"id": "x", "text": "ok"}\n{"text": "no id"}\n', 3, ":2:1", "missing 'id'"),
    ("notext.jsonl", b'{"id": "x"}\n', 3, ":1:1", "missing 'text'"),
    ("dup.jsonl", b'{"id": "x", "text": "one"}\n{"id": "x", "text": "two"}\n', 3, ":2:8", "duplicate article id 'x'"),
    ("date.txt", b"date 2023-13-45\nText.\n", 3, ":1", "bad date marker 'date 2023-13-45'"),
    ("date.jsonl", b'{"id": "x", "text": "T.", "date": "2023-02-30"}\n', 3, ":1:35", "bad date '2023-02-30'"),
    ("deep.jsonl", _deep_json(100_000), 3, ":1:1", "JSON nested too deeply"),
    ("surrogate.jsonl", b'{"id": "x", "text": "a \\ud800 b"}\n', 3, ":1:21", "lone surrogate \\ud800"),
    ("notes.md", b"# notes\n", 3, "", "unknown file type '.md'"),
    ("noext", b"text\n", 3, "", "unknown file type '(no extension)'"),
    ("doctype.trig", b'<!DOCTYPE x [<!ENTITY a "aaaa">]>\n', 3, "", "contains <!DOCTYPE"),
    ("entity.ttl", b'@prefix e: <http://e/> .\n# <!ENTITY lol "lol">\ne:a e:p "&lol;" .\n', 3, "", "contains <!ENTITY"),
    ("truncated.nq", b"<http://e/a> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/a> <http://e/p> <http://e/o",
     3, ":2", "not valid nq"),
    ("truncated.ttl", b'@prefix e: <http://e/> .\ne:a e:p "unterminated', 3, ":2", "not valid ttl"),
    ("garbage.nt", b"\x89PNG\r\n\x1a\n\x00\x00", 3, ":1", "not valid nt"),
    ("nothing.ttl", b"# only a comment\n", 3, "", "holds no triples"),
]


@pytest.mark.parametrize(("name", "content", "code", "place", "what"), INPUT_CASES,
                         ids=[case[0] for case in INPUT_CASES])
def test_bad_input_build_refuses_and_keeps_the_store(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path],
    name: str, content: bytes, code: int, place: str, what: str,
) -> None:
    graph, before = _built(graph_path)
    path = write(f"in/{name}", content)
    # the bad file comes after good ones and --fresh is asked: still nothing may change
    result = CliRunner().invoke(cli, ["build", str(articles_dir), str(path), "--fresh", "--graph", str(graph)])
    _one_error(result, code, f"Error: {path}{place}: ", what)
    assert _quads(graph) == before


def test_bad_input_folder_without_articles_and_missing_path(
    runner: CliRunner, graph_path: Path, tmp_path: Path
) -> None:
    graph, before = _built(graph_path)
    folder = tmp_path / "scraped"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "readme.md").write_text("nothing here")
    (folder / ".hidden.txt").write_text("hidden")
    result = runner.invoke(cli, ["build", str(folder), "--graph", str(graph)])
    _one_error(result, 3, f"Error: {folder}: folder has no articles (2 other file(s) skipped); "
                          "put .txt or .jsonl files in it")
    result = runner.invoke(cli, ["build", str(tmp_path / "gone.jsonl"), "--graph", str(graph)])
    _one_error(result, 3, f"Error: {tmp_path / 'gone.jsonl'}: no such file or folder; check the path")
    assert _quads(graph) == before


def _huge(path: Path) -> Path:
    """A 20 MB article (for .jsonl: after a good line, and followed by one)."""
    chunk = ("Minister Jane Roe will visit Germany next week. " * 1000).encode()
    with path.open("wb") as handle:
        if path.suffix == ".jsonl":
            handle.write(b'{"id": "ok", "text": "Fine."}\n{"id": "huge", "text": "')
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(chunk)
        if path.suffix == ".jsonl":
            handle.write(b'"}\n{"id": "after", "text": "Fine too."}\n')
    return path


def _measured(runner: CliRunner, args: list[str]) -> tuple[Result, int, float]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = runner.invoke(cli, args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak, time.monotonic() - started


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_bad_input_20_mb_article_strict_refused_before_any_work(
    runner: CliRunner, graph_path: Path, tmp_path: Path, suffix: str
) -> None:
    graph, before = _built(graph_path)
    path = _huge(tmp_path / f"huge{suffix}")
    result, peak, elapsed = _measured(runner, ["build", str(path), "--strict", "--graph", str(graph)])
    place = ":2" if suffix == ".jsonl" else ""
    _one_error(result, 3, f"Error: {path}{place}: article 'huge' larger than the limit of 2,097,152 bytes of UTF-8",
               "split it into several articles")
    assert peak < 8 * 1024 * 1024, f"peak {peak:,} bytes for a 20 MB file"
    assert elapsed < 5.0
    assert _quads(graph) == before


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_bad_input_20_mb_article_kept_out_the_others_stored(
    runner: CliRunner, graph_path: Path, tmp_path: Path, articles_dir: Path, suffix: str
) -> None:
    """Without --strict the article over the limit is reported with its id, before any work, and
    the others are stored: exit 3, exactly one Error line."""
    graph, before = _built(graph_path)
    path = _huge(tmp_path / f"huge{suffix}")
    result, peak, elapsed = _measured(runner, ["build", str(articles_dir), str(path), "--graph", str(graph)])
    assert result.exit_code == 3, result.stderr
    place = ":2" if suffix == ".jsonl" else ""
    stored = 4 if suffix == ".jsonl" else 2
    assert result.stderr.splitlines() == [
        *[line for line in result.stderr.splitlines()[:1] if line.startswith(f"built {stored} articles (replaced 2), "
                                                                              "0 rejected, 1 failed, ")],
        "1 article(s) not stored:",
        f"  {path}{place}: article 'huge' larger than the limit of 2,097,152 bytes of UTF-8; "
        "split it into several articles or remove it",
        "Error: 1 article(s) not stored (1 too large); see the list above; the other articles were stored",
    ]
    assert peak < 8 * 1024 * 1024 and elapsed < 10.0
    with GraphStore.open(graph) as store:
        assert store.article_ids() == (["a", "after", "b", "ok"] if suffix == ".jsonl" else ["a", "b"])


def test_bad_input_deep_nesting_in_turtle_is_read_as_data(
    runner: CliRunner, graph_path: Path, tmp_path: Path
) -> None:
    """10,000 nested ``[ ... ]`` and ``( ... )``: no RecursionError anywhere, in bounded time."""
    graph, _ = _built(graph_path)
    brackets = tmp_path / "brackets.ttl"
    brackets.write_text("<http://e/a> <http://e/p> " + "[ <http://e/p> " * 10_000 + "<http://e/o>" + " ]" * 10_000 + " .\n")
    lists = tmp_path / "lists.ttl"
    lists.write_text("<http://e/a> <http://e/p> " + "( " * 10_000 + "<http://e/o>" + " )" * 10_000 + " .\n")
    started = time.monotonic()
    result = runner.invoke(cli, ["build", str(brackets), str(lists), "--graph", str(graph)])
    assert result.exit_code == 0, result.stderr
    for fmt in ("trig", "jsonld"):
        out = tmp_path / f"out.{fmt}"
        assert runner.invoke(cli, ["export", "--format", fmt, "-o", str(out), "--graph", str(graph)]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--graph", str(graph)]).exit_code == 0
    assert time.monotonic() - started < 30
    for name in ("brackets.ttl", "lists.ttl"):
        bad = tmp_path / f"unclosed-{name}"
        bad.write_text((tmp_path / name).read_text()[:-20])
        result = runner.invoke(cli, ["build", str(bad), "--graph", str(graph)])
        _one_error(result, 3, f"Error: {bad}:1: not valid ttl")


# ---------------------------------------------------------------------------------------- queries

def test_bad_input_query_files(runner: CliRunner, graph_path: Path, write: Callable[..., Path]) -> None:
    graph, before = _built(graph_path)
    g = ["--graph", str(graph)]
    missing = write("q/exists.rq", QUERY).parent / "missing.rq"
    _one_error(runner.invoke(cli, ["query", str(missing), *g]), 4, f"Error: {missing}: query file not found")
    _one_error(runner.invoke(cli, ["query", "no-such-stored-query", *g]), 4,
               "no stored query named 'no-such-stored-query'", "choose one of: ")
    syntax = write("q/syntax.rq", "# title: T\n# description: D\nSELECT ?s\nWHERE { ?s ?p }\n")
    line = _one_error(runner.invoke(cli, ["query", str(syntax), *g]), 4, f"Error: {syntax}:4:", "SPARQL syntax error")
    assert line.split(":")[2].strip().isdigit()  # path:line:column
    latin = write("q/latin.rq", "# title: Caf\u00e9\nSELECT ?s WHERE { ?s ?p ?o }\n".encode("latin-1"))
    _one_error(runner.invoke(cli, ["query", str(latin), *g]), 4, f"Error: {latin}: cannot read query file")
    binary = write("q/binary.rq", b"\x00\x01\x02garbage")
    _one_error(runner.invoke(cli, ["query", str(binary), *g]), 4, f"Error: {binary}")
    update = write("q/drop.rq", "# title: T\nDROP ALL\n")
    _one_error(runner.invoke(cli, ["query", str(update), *g]), 4, f"Error: {update}: updates are not allowed")
    assert _quads(graph) == before


def test_bad_input_params(runner: CliRunner, graph_path: Path, write: Callable[..., Path]) -> None:
    graph, before = _built(graph_path)
    rq = write("articles.rq", QUERY)
    g = ["--graph", str(graph)]
    for evil in ('a" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o', "a> . } DROP ALL #", "?article_id", "\n}\n"):
        result = runner.invoke(cli, ["query", str(rq), "--format", "csv", "--param", f"article_id={evil}", *g])
        assert (result.exit_code, result.stdout) == (0, "article_id\n"), result.stderr
    result = runner.invoke(cli, ["query", str(rq), "--format", "csv", "--param", "article_id=a", *g])
    assert result.stdout == "article_id\na\n"
    _one_error(runner.invoke(cli, ["query", str(rq), "--param", "article=a", *g]), 4,
               f"Error: {rq}: unknown parameter article", "declared parameters: article_id")
    # bytes that are not UTF-8 in argv arrive as lone surrogates: a usage error, not a crash
    result = runner.invoke(cli, ["query", str(rq), "--param", "article_id=\udcff", *g])
    assert result.exit_code == 2 and "the value of 'article_id' is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.output
    assert _quads(graph) == before


# ---------------------------------------------------------------------------------------- store

def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("LOG")}


def test_bad_input_corrupt_store_every_command(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path]
) -> None:
    graph, _ = _built(graph_path)
    for path in graph.iterdir():
        if path.is_file():
            path.write_bytes(os.urandom(64))
    digest = _tree_digest(graph)
    rq = write("articles.rq", QUERY)
    g = ["--graph", str(graph)]
    for args in (["build", str(articles_dir)], ["build", str(articles_dir), "--fresh"], ["query", str(rq)],
                 ["export"], ["validate"], ["remove", "a"]):
        result = runner.invoke(cli, [*args, *g])
        _one_error(result, 5, f"Error: {graph}: cannot open the graph", "delete the folder and rebuild it")
    assert _tree_digest(graph) == digest
    # the advice works
    for path in sorted(graph.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    graph.rmdir()
    assert runner.invoke(cli, ["build", str(articles_dir), *g]).exit_code == 0


def test_bad_input_graph_path_is_a_file(runner: CliRunner, tmp_path: Path, articles_dir: Path) -> None:
    path = tmp_path / "graph"
    path.write_text("not a store")
    for args in (["build", str(articles_dir)], ["export"]):
        _one_error(runner.invoke(cli, [*args, "--graph", str(path)]), 5, f"Error: {path}: not a graph folder")
    assert path.read_text() == "not a store"


# ---------------------------------------------------------------------------------------- output

def test_bad_input_unwritable_output(runner: CliRunner, graph_path: Path, tmp_path: Path) -> None:
    graph, before = _built(graph_path)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    g = ["--graph", str(graph)]
    _one_error(runner.invoke(cli, ["export", "-o", str(blocker / "out.ttl"), *g]), 6,
               f"Error: {blocker / 'out.ttl'}: cannot write (Not a directory)", "write to stdout with -o -")
    _one_error(runner.invoke(cli, ["export", "-o", str(tmp_path), *g]), 6, f"Error: {tmp_path}: is a folder")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    assert _quads(graph) == before


def test_bad_input_export_file_gets_the_usual_permissions(
    runner: CliRunner, graph_path: Path, tmp_path: Path
) -> None:
    """The temporary file behind the atomic write is 0600; the result must not be (bug fixed)."""
    graph, _ = _built(graph_path)
    out = tmp_path / "graph.nq"
    old = os.umask(0o022)
    try:
        assert runner.invoke(cli, ["export", "--format", "nquads", "-o", str(out), "--graph", str(graph)]).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_bad_input_jsonl_records_of_every_json_type(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    graph, before = _built(graph_path)
    for n, value in enumerate([[], "text", 7, None, True, {"id": ["x"], "text": "t"}, {"id": "x", "text": {"a": 1}}]):
        path = write(f"types/{n}.jsonl", json.dumps(value) + "\n")
        _one_error(runner.invoke(cli, ["build", str(path), "--graph", str(graph)]), 3, f"Error: {path}:1:")
    assert _quads(graph) == before
