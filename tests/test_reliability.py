"""Issue 14 through the CLI, point by point: any length; one bad article never sinks the others;
identity of articles; headers people write; Unix manners. Each case checks the exit code, exactly
one ``Error:`` line (when it fails), and the store: unchanged, or exactly the good part stored.

spaCy is replaced where the point is the plumbing (tests/test_pieces.py and bench/long_article.py run
the real pipeline on long texts); the header case runs the real pipeline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

import kg.extract.pieces as pieces_module
from kg.cli import cli
from kg.model import Article, Entity, Evidence, Extraction
from kg.store import GraphStore, quads_text

DIP = "https://w3id.org/kg-diplomacy/ontology#"
KG = str(Path(sys.executable).with_name("kg"))


def _errors(result: Result) -> list[str]:
    assert "Traceback" not in result.output, result.output
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def _one_error(result: Result, code: int, *parts: str) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    (line,) = _errors(result)
    for part in parts:
        assert part in line, (part, line)
    return line


def _ids(graph: Path) -> list[str]:
    with GraphStore.open(graph) as store:
        return store.article_ids()


def _quads(graph: Path) -> list[str]:
    with GraphStore.open(graph) as store:
        return quads_text(store.quads())


def _build(runner: CliRunner, graph: Path, *args: str | Path) -> Result:
    return runner.invoke(cli, ["build", *map(str, args), "--graph", str(graph)])


# -- 1. any length ---------------------------------------------------------------------------------

class PieceNlp:
    """Stands in for spaCy: the "Doc" is the text; records the longest text it was given."""

    longest = 0

    def __call__(self, text: str) -> str:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: list[str], batch_size: int = 1) -> list[str]:
        PieceNlp.longest = max([PieceNlp.longest, *map(len, texts)])
        return list(texts)


def _first_sentence(doc: str, article: Article) -> Extraction:
    """One person per piece, its evidence the piece's first sentence (offsets within the piece);
    a text with "FAIL" in it raises, like a bug in a rule."""
    if "FAIL" in doc:
        raise RuntimeError("rule bug")
    end = doc.index(".") + 1
    name = doc[:end - 1]  # "Paragraph 12 says ...": unique in the text
    evidence = Evidence(doc[:end], 0, end, 0, 5)
    return Extraction(article=article, entities=(Entity(f"person:{name.lower()}", "person", name, evidence=evidence),))


@pytest.fixture
def stand_in_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real kg.extract plumbing (pieces, merge, keep_going) with spaCy and the rules replaced."""
    import kg.extract.pipeline
    import kg.nlp

    PieceNlp.longest = 0
    monkeypatch.setattr(kg.nlp, "load", lambda: PieceNlp())
    monkeypatch.setattr(kg.extract.pipeline, "extract_doc", _first_sentence)


def _paragraphs(chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        parts.append(f"Paragraph {i} says the talks went on. Officials met again in the capital on day {i}.")
        size += len(parts[-1]) + 2
        i += 1
    text = "\n\n".join(parts)[:chars]
    return text[:-2] + "".join("x" if c.isspace() else c for c in text[-2:])  # cleaning strips no end


@pytest.mark.usefixtures("stand_in_pipeline")
def test_reliability_article_longer_than_spacy_limit_is_read_in_pieces(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    """The issue's 1,049,671-character article (spaCy's max_length is 1,000,000; it died with E088,
    exit 70): stored whole, every piece at most MAX_PIECE_CHARS, offsets into the whole text."""
    text = _paragraphs(1_049_671)
    assert len(text) == 1_049_671
    path = write("long.txt", "Date: 2021-03-02\n" + text)
    result = _build(runner, graph_path, path)
    assert result.exit_code == 0 and _errors(result) == [] and result.stderr.startswith("built 1 article, 0 rejected")
    assert 0 < PieceNlp.longest <= pieces_module.MAX_PIECE_CHARS + 2
    with GraphStore.open(graph_path) as store:
        (stored,) = {q.object.value for q in store.store.quads_for_pattern(None, ox.NamedNode(DIP + "text"), None)}
        rows = list(store.store.query(
            f"SELECT ?s ?a ?b WHERE {{ GRAPH ?g {{ ?e <{DIP}sentence> ?s ; <{DIP}sentenceStart> ?a ; "
            f"<{DIP}sentenceEnd> ?b }} }}"))
    assert stored == text
    assert len(rows) == len(pieces_module.spans(text)) > 50
    for sentence, start, end in rows:
        assert text[int(start.value):int(end.value)] == sentence.value


@pytest.mark.usefixtures("stand_in_pipeline")
def test_reliability_folder_with_a_long_jsonl_article_stores_all(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path]
) -> None:
    """Issue: two small articles and one 1.5 MB .jsonl article stored nothing at all."""
    write("articles/big.jsonl", json.dumps({"id": "big", "text": _paragraphs(1_500_000)}) + "\n")
    result = _build(runner, graph_path, articles_dir)
    assert (result.exit_code, _errors(result)) == (0, [])
    assert _ids(graph_path) == ["a", "b", "big"]


# -- 2. one bad article never sinks the others -----------------------------------------------------------

@pytest.mark.usefixtures("stand_in_pipeline")
def test_reliability_extraction_error_fails_that_article_only(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path]
) -> None:
    bad = write("articles/c.txt", "Date: 2021-03-05\nThis one makes the rules FAIL.\n")
    result = _build(runner, graph_path, articles_dir)
    assert result.stderr.splitlines()[1:] == [
        "1 article(s) not stored:",
        f"  c ({bad}): extraction error: RuntimeError: rule bug",
        "Error: 1 article(s) not stored (1 extraction error); see the list above; the other articles were stored",
    ]
    _one_error(result, 70)
    assert _ids(graph_path) == ["a", "b"]


@pytest.mark.usefixtures("stand_in_pipeline")
def test_reliability_strict_is_all_or_nothing(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path]
) -> None:
    assert _build(runner, graph_path, articles_dir / "a.txt").exit_code == 0
    before = _quads(graph_path)
    write("articles/c.txt", "Date: 2021-03-05\nThis one makes the rules FAIL.\n")
    result = _build(runner, graph_path, articles_dir, "--strict", "--fresh")
    _one_error(result, 70, "1 article(s) not stored (1 extraction error)", "nothing was stored (--strict)")
    assert result.stderr.startswith("built 0 articles, 0 rejected, 1 failed")
    assert _quads(graph_path) == before  # --fresh included: nothing touched
    (articles_dir / "c.txt").unlink()
    result = _build(runner, graph_path, articles_dir, "--strict", "--fresh")
    assert (result.exit_code, _errors(result), _ids(graph_path)) == (0, [], ["a", "b"])


def test_reliability_strict_shacl_rejection_stores_nothing(
    runner: CliRunner, graph_path: Path, articles_dir: Path, reject_ids: Callable[..., None]
) -> None:
    reject_ids("b")
    result = _build(runner, graph_path, articles_dir, "--strict")
    _one_error(result, 1, "1 article(s) rejected", "nothing was stored (--strict)")
    assert not graph_path.exists() or _ids(graph_path) == []
    result = _build(runner, graph_path, articles_dir)  # without --strict: a stored, b listed
    _one_error(result, 1, "1 article(s) rejected", "the other articles were stored")
    assert _ids(graph_path) == ["a"]


@pytest.mark.usefixtures("no_spacy")
def test_reliability_skip_bad_stores_the_good_lines_and_lists_each_bad_one(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    feed = write("feed.jsonl", "\n".join([
        '{"id": "g1", "text": "Jane Roe will visit Germany."}',
        '{"id": "x", "text": \'single quotes\'}',
        '{"id": "g2", "text": "Max Mustermann met Jane Roe."}',
        '{"id": "y"}',
        '{"id": "g3", "text": "Talks went on.", "date": "2021-03-02T10:00:00Z"}',
        '{"id": "z", "text": "Bad date.", "date": "02/03/2021"}',
        '{"id": "g1", "text": "Jane Roe again."}',
    ]) + "\n")
    result = _build(runner, graph_path, feed)  # default: strict about input, with the hint
    _one_error(result, 3, f"Error: {feed}:2:21: not JSON", "pass --skip-bad to store the other articles")
    assert not graph_path.exists() or _ids(graph_path) == []
    result = _build(runner, graph_path, feed, "--skip-bad")
    lines = result.stderr.splitlines()
    assert lines[0].startswith("built 3 articles, 0 rejected, 4 failed, ")
    assert lines[1:-1] == [
        "4 article(s) not stored:",
        f'  {feed}:2:21: not JSON (Expecting value); write one JSON object per line, e.g. {{"id": "a1", "text": "..."}}',
        f'  {feed}:4:1: missing \'text\'; every line needs "id" and "text" strings; add "text"',
        f"  {feed}:6:42: bad date '02/03/2021'; write \"date\" as \"YYYY-MM-DD\" (or an ISO 8601 date-time, such as "
        '"2004-09-07T10:30:00Z"; a real calendar date) or null',
        f"  {feed}:7:8: duplicate article id 'g1', first read at {feed}:1; article ids must be unique in one build: "
        "rename one of them",
    ]
    _one_error(result, 3, "4 article(s) not stored (4 bad input)", "the other articles were stored")
    assert _ids(graph_path) == ["g1", "g2", "g3"]
    result = _build(runner, graph_path, feed, "--skip-bad", "--strict")
    assert result.exit_code == 2 and _errors(result) == [
        "Error: --strict and --skip-bad contradict each other; choose one of them"]


def test_reliability_mixed_failures_exit_with_the_gravest(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path],
    reject_ids: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.articles

    monkeypatch.setattr(kg.articles, "MAX_ARTICLE_BYTES", 200)
    write("articles/huge.txt", "Jane Roe said the talks went on. " * 10)
    reject_ids("b")
    result = _build(runner, graph_path, articles_dir)
    _one_error(result, 3, "2 article(s) not stored (1 rejected by SHACL, 1 too large)")
    assert _ids(graph_path) == ["a"]


# -- 3. identity of articles --------------------------------------------------------------------------

@pytest.mark.usefixtures("no_spacy")
def test_reliability_same_name_other_folder_is_refused_not_replaced(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    day1 = write("day1/report.txt", "Date: 2021-03-02\nFrench Foreign Minister Jane Roe will visit Germany.\n")
    day2 = write("day2/report.txt", "Date: 2021-03-04\nGerman Chancellor Max Mustermann met Jane Roe.\n")
    assert _build(runner, graph_path, day1).exit_code == 0
    before = _quads(graph_path)
    result = _build(runner, graph_path, day2)
    _one_error(result, 3, f"Error: {day2}: article id 'report' is already stored from {day1.resolve()}, with other "
               "text; rename the file (its name is the id), remove the stored one first (`kg remove report`), or "
               "pass --replace")
    assert _quads(graph_path) == before  # day 1's facts are still there
    result = _build(runner, graph_path, day2, "--replace")
    assert result.exit_code == 0 and result.stderr.startswith("built 1 article (replaced 1), 0 rejected")
    assert "Mustermann" in "".join(_quads(graph_path))


@pytest.mark.usefixtures("no_spacy")
def test_reliability_same_file_moved_or_edited_is_replaced_and_said_so(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path], tmp_path: Path
) -> None:
    first = write("in/a.txt", "Date: 2021-03-02\nJane Roe will visit Germany.\n")
    assert _build(runner, graph_path, first).stderr.startswith("built 1 article, 0 rejected")
    write("in/a.txt", "Date: 2021-03-02\nJane Roe will visit Germany and France.\n")  # edited in place
    result = _build(runner, graph_path, first, "-v")
    assert result.exit_code == 0 and result.stderr.splitlines()[0].startswith("built 1 article (replaced 1), ")
    assert result.stderr.splitlines()[1] == "replaced 1: a"
    moved = tmp_path / "elsewhere" / "a.txt"  # the same text from another folder: the same article
    moved.parent.mkdir()
    shutil.copy(first, moved)
    result = _build(runner, graph_path, moved)
    assert result.exit_code == 0 and "(replaced 1)" in result.stderr
    assert runner.invoke(cli, ["remove", "a", "--graph", str(graph_path)]).exit_code == 0
    other = write("other/a.txt", "Max Mustermann met Jane Roe.\n")  # after a removal: no collision
    result = _build(runner, graph_path, other)
    assert result.exit_code == 0 and "replaced" not in result.stderr


@pytest.mark.usefixtures("no_spacy")
def test_reliability_jsonl_ids_from_two_feeds(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    feed1 = write("feed1.jsonl", '{"id": "1", "text": "Jane Roe will visit Germany."}\n')
    feed2 = write("feed2.jsonl", '{"id": "1", "text": "Max Mustermann met Jane Roe."}\n'
                                 '{"id": "2", "text": "Talks went on."}\n')
    assert _build(runner, graph_path, feed1).exit_code == 0
    before = _quads(graph_path)
    _one_error(_build(runner, graph_path, feed2), 3, f"Error: {feed2}:1: article id '1' is already stored from",
               "give the line another id")
    assert _quads(graph_path) == before
    result = _build(runner, graph_path, feed2, "--skip-bad")  # the colliding line listed, the other stored
    _one_error(result, 3, "1 article(s) not stored (1 bad input)")
    assert _ids(graph_path) == ["1", "2"] and "Mustermann" not in "".join(_quads(graph_path))
    result = _build(runner, graph_path, feed2, "--fresh")  # a fresh build has nothing to collide with
    assert (result.exit_code, _ids(graph_path)) == (0, ["1", "2"])


# -- 4. headers people write ----------------------------------------------------------------------------

@pytest.mark.slow
def test_reliability_date_header_without_blank_line_keeps_the_facts(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    """Issue: `Date: 2004-09-07` was read as text, and the visit and meeting of the next line were lost."""
    path = write("h.txt", "Date: 2004-09-07\nFrench Foreign Minister Jane Roe met German Chancellor Max Mustermann "
                          "in Berlin on Monday.\n")
    assert (result := _build(runner, graph_path, path)).exit_code == 0, result.stderr
    with GraphStore.open(graph_path) as store:
        rows = {(str(kind.value).rsplit("#", 1)[1], date.value) for kind, date in store.store.query(
            f"SELECT ?k ?d WHERE {{ GRAPH ?g {{ ?e a ?k ; <{DIP}hasTime>/<{DIP}date> ?d }} }}")}
        published = {q.object.value for q in store.store.quads_for_pattern(None, ox.NamedNode(DIP + "published"), None)}
        (text,) = {q.object.value for q in store.store.quads_for_pattern(None, ox.NamedNode(DIP + "text"), None)}
    assert published == {"2004-09-07"} and text.startswith("French Foreign Minister")
    assert ("Meeting", "2004-09-06") in rows and ("Visit", "2004-09-06") in rows


@pytest.mark.usefixtures("no_spacy")
def test_reliability_bad_date_header_is_an_error_with_the_fix(
    runner: CliRunner, graph_path: Path, articles_dir: Path, write: Callable[..., Path]
) -> None:
    assert _build(runner, graph_path, articles_dir).exit_code == 0
    before = _quads(graph_path)
    bad = write("articles/c.txt", "Date: 07/09/2004\nJane Roe met Max Mustermann.\n")
    _one_error(_build(runner, graph_path, articles_dir), 3, f"Error: {bad}:1: bad date header 'Date: 07/09/2004'; "
               "write a real calendar date as `Date: YYYY-MM-DD`")
    assert _quads(graph_path) == before


# -- 5. Unix manners --------------------------------------------------------------------------------------

@pytest.mark.usefixtures("no_spacy")
def test_reliability_skipped_files_are_counted_and_listed(
    runner: CliRunner, graph_path: Path, articles_dir: Path
) -> None:
    for name in ("notes.md", "data.csv", "page.html", ".DS_Store", "sub/more.md"):
        (articles_dir / name).parent.mkdir(exist_ok=True)
        (articles_dir / name).write_text("not an article")
    (articles_dir / ".git").mkdir()
    (articles_dir / ".git" / "config").write_text("hidden folder: not descended")
    result = _build(runner, graph_path, articles_dir)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == "skipped 6 files: .md, .DS_Store, .csv, .git/, .html (-v lists them)"
    result = _build(runner, graph_path, articles_dir, "-v")
    assert result.stderr.splitlines()[1:8] == [
        "skipped 6 files: .md, .DS_Store, .csv, .git/, .html",
        *(f"  {articles_dir / name}" for name in (".DS_Store", ".git", "data.csv", "notes.md", "page.html",
                                                  "sub/more.md")),
    ]


ALL_TRIPLES = """# title: Every triple
# description: every triple of every graph, for the closed-pipe test
SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o
"""


@pytest.mark.usefixtures("no_spacy")
def test_reliability_closed_pipe_ends_quietly_with_exit_0(
    runner: CliRunner, graph_path: Path, write: Callable[..., Path]
) -> None:
    """`kg query ... | head -1` was `internal error: BrokenPipeError`, exit 70. A real pipe, real processes,
    for every result format and for export."""
    rq = write("all.rq", ALL_TRIPLES)
    feed = write("many.jsonl", "".join(json.dumps({"id": f"n{i}", "text": f"Report {i}: " + "talks went on. " * 40})
                                       + "\n" for i in range(300)))
    assert _build(runner, graph_path, feed).exit_code == 0
    commands = [["query", str(rq), "--format", fmt] for fmt in ("csv", "tsv", "jsonl", "json")]
    commands += [["query", str(rq), "--format", "table", "--wide"],
                 ["export", "--format", "nquads"], ["export", "--format", "turtle"]]
    for args in commands:
        command = [KG, *args, "--graph", str(graph_path)]
        full = subprocess.run(command, capture_output=True, check=True).stdout
        assert len(full) > 200_000, args  # more than a pipe holds: the writer meets the closed end
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `head -1` does
        err = process.stderr.read()
        assert (process.wait(timeout=60), err, first) == (0, b"", full.splitlines(keepends=True)[0]), args


def _shell(graph: Path, rq: Path, tail: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", f'"{KG}" query "{rq}" --format csv --graph "{graph}" {tail}'],
                          capture_output=True, text=True, check=False)


@pytest.mark.usefixtures("no_spacy")
def test_reliability_head_in_a_shell_pipeline(runner: CliRunner, graph_path: Path, write: Callable[..., Any]) -> None:
    rq = write("all.rq", ALL_TRIPLES)
    feed = write("many.jsonl", "".join(json.dumps({"id": f"n{i}", "text": f"Report {i}: " + "talks went on. " * 40})
                                       + "\n" for i in range(300)))
    assert _build(runner, graph_path, feed).exit_code == 0
    done = _shell(graph_path, rq, '| head -1; echo "status ${PIPESTATUS[0]}"')
    assert done.stdout.splitlines() == ["s,p,o", "status 0"] and done.stderr == ""


def test_reliability_shacl_run_that_raises_fails_that_article_only(
    runner: CliRunner, graph_path: Path, articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pySHACL raising on one graph (a batch call raises): the batch is validated graph by graph."""
    from conftest import _fake_extract_many

    import kg.build
    from kg.mapping import to_graph
    from kg.validate import validate_graph
    from kg.vocab import DIP

    def validate(graph: Any) -> Any:
        if "b" in {str(o) for o in graph.objects(None, DIP.articleId)}:
            raise RecursionError("maximum recursion depth exceeded")
        return validate_graph(graph)

    monkeypatch.setattr(kg.build, "_stages", lambda: (_fake_extract_many, to_graph, validate))
    result = _build(runner, graph_path, articles_dir)
    _one_error(result, 70, "1 article(s) not stored (1 SHACL error)")
    assert f"  b ({articles_dir / 'b.txt'}): SHACL error: RecursionError: maximum recursion depth exceeded" in (
        result.stderr.splitlines())
    assert _ids(graph_path) == ["a"]


@pytest.mark.usefixtures("no_spacy")
def test_reliability_large_graphs_are_written_in_chunks_with_the_same_result(
    runner: CliRunner, tmp_path: Path, articles_dir: Path, jsonl_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.build

    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    assert _build(runner, whole, articles_dir, jsonl_file).exit_code == 0
    monkeypatch.setattr(kg.build, "WRITE_CHUNK", 3)  # every article graph now takes several transactions
    assert _build(runner, chunked, articles_dir, jsonl_file).exit_code == 0
    assert _build(runner, chunked, articles_dir, jsonl_file).exit_code == 0  # and replacing them
    assert _quads(chunked) == _quads(whole)
    sources = json.loads((chunked / "kg-sources.json").read_text("utf-8"))
    assert "pending" not in sources and sorted(sources["articles"]) == ["a", "b", "c1", "c2"]


@pytest.mark.usefixtures("no_spacy")
def test_reliability_article_left_half_written_is_removed_by_the_next_build(
    runner: CliRunner, graph_path: Path, articles_dir: Path, jsonl_file: Path
) -> None:
    """A build killed while writing a graph in chunks leaves it marked pending: the next build
    removes it and says so."""
    assert _build(runner, graph_path, articles_dir).exit_code == 0
    book = graph_path / "kg-sources.json"
    data = json.loads(book.read_text("utf-8"))
    book.write_text(json.dumps({**data, "pending": ["b"]}), encoding="utf-8")  # as a kill would leave it
    result = _build(runner, graph_path, jsonl_file)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == (
        "warning: article b: left incomplete by an interrupted build, removed; build it again")
    assert _ids(graph_path) == ["a", "c1", "c2"]
    assert "pending" not in json.loads(book.read_text("utf-8"))
