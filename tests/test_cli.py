"""Each command through CliRunner: exit codes and exact messages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import GraphStore, quads_text

QUERY = """# title: Articles
# description: Stored article ids and dates.
# param: article_id - one article id
PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
SELECT ?article_id ?published WHERE {
  GRAPH ?g { ?a dip:articleId ?article_id ; dip:published ?published }
} ORDER BY ?article_id
"""
SUMMARY = re.compile(r"^built (\d+) articles?, (\d+) rejected, (\d+) triples; facts: .*positions \d+; [\d.]+ s$")


def _quads(path: Path) -> list[str]:
    with GraphStore.open(path) as store:
        return quads_text(store.quads())


def test_cli_help_is_light() -> None:
    code = "import sys, kg.cli; print(sorted(m for m in ('spacy', 'pyoxigraph', 'rdflib', 'pyshacl') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_every_command_has_help(runner: CliRunner) -> None:
    for name in ("build", "remove", "query", "export", "validate", "eval"):
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage: cli " + name in result.output


@pytest.mark.usefixtures("no_spacy")
def test_cli_build_default_seeds_prints_one_summary_line(
    runner: CliRunner, articles_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles_dir.rename(tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and SUMMARY.match(lines[0]) and lines[0].startswith("built 2 articles, 0 rejected")
    assert (tmp_path / ".kg" / "graph").is_dir()


@pytest.mark.usefixtures("no_spacy")
def test_cli_build_input_error_exit_3_store_unchanged(
    runner: CliRunner, articles_dir: Path, graph_path: Path, write
) -> None:
    assert runner.invoke(cli, ["build", str(articles_dir / "a.txt"), "--graph", str(graph_path)]).exit_code == 0
    before = _quads(graph_path)
    bad = write("bad.jsonl", '{"id": "x", "text": "ok"}\nnot json\n')
    result = runner.invoke(cli, ["build", str(articles_dir), str(bad), "--fresh", "--graph", str(graph_path)])
    assert result.exit_code == 3
    assert result.stderr == (
        f"Error: {bad}:2:1: not JSON (Expecting value); "
        'write one JSON object per line, e.g. {"id": "a1", "text": "..."} '
        "(or pass --skip-bad to store the other articles and list the bad ones)\n"
    )
    assert _quads(graph_path) == before


def test_cli_build_rejected_exit_1_lists_them(
    runner: CliRunner, articles_dir: Path, graph_path: Path, reject_ids
) -> None:
    reject_ids("b")
    result = runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert SUMMARY.match(lines[0]) and lines[0].startswith("built 1 article, 1 rejected")
    assert lines[1:] == [
        "1 article(s) kept out of the graph by SHACL:",
        f"  b ({articles_dir / 'b.txt'})",
        "    id:article/x: dip:title: fake violation",
        "Error: 1 article(s) rejected; see the violations above; the other articles were stored",
    ]
    with GraphStore.open(graph_path) as store:
        assert store.article_ids() == ["a"]


@pytest.mark.usefixtures("no_spacy")
def test_cli_remove(runner: CliRunner, articles_dir: Path, graph_path: Path) -> None:
    runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    result = runner.invoke(cli, ["remove", "a", "--graph", str(graph_path)])
    assert (result.exit_code, result.stderr) == (0, "removed article a\n")
    result = runner.invoke(cli, ["remove", "a", "--graph", str(graph_path)])
    assert result.exit_code == 3
    assert result.stderr == "Error: article a: no such article in the graph; stored articles: b\n"


def test_cli_missing_graph_exit_5(runner: CliRunner, graph_path: Path) -> None:
    for args in (["export"], ["validate"], ["remove", "a"]):
        result = runner.invoke(cli, [*args, "--graph", str(graph_path)])
        assert result.exit_code == 5
        assert result.stderr == (
            f"Error: {graph_path}: no graph here; run `kg build` first, or pass --graph PATH / set KG_GRAPH\n"
        )
    assert not graph_path.exists()


@pytest.mark.usefixtures("no_spacy")
def test_cli_locked_graph_exit_5(runner: CliRunner, articles_dir: Path, graph_path: Path) -> None:
    with GraphStore.open(graph_path, create=True):
        result = runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    assert result.exit_code == 5
    assert result.stderr == (
        f"Error: {graph_path}.lock: another kg build is using {graph_path} (waited 0.2 s); "
        "wait for it to finish, or pass --graph OTHER_PATH\n"
    )


@pytest.mark.usefixtures("no_spacy")
def test_cli_export_stdout_file_and_unwritable(
    runner: CliRunner, articles_dir: Path, graph_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_GRAPH", str(graph_path))
    runner.invoke(cli, ["build", str(articles_dir)])
    to_stdout = runner.invoke(cli, ["export", "--format", "nquads"])
    assert to_stdout.exit_code == 0 and to_stdout.stdout.count(" .\n") == len(to_stdout.stdout.splitlines())
    out = tmp_path / "g.nq"
    assert runner.invoke(cli, ["export", "--format", "nquads", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    bad = tmp_path / "nope" / "g.nq"
    result = runner.invoke(cli, ["export", "-o", str(bad)])
    assert result.exit_code == 6
    assert result.stderr == (
        f"Error: {bad}: cannot write (No such file or directory); "
        "check that the folder exists and is writable, or write to stdout with -o -\n"
    )
    assert not bad.parent.exists()
    result = runner.invoke(cli, ["export", "--format", "rdfxml"])
    assert result.exit_code == 2 and "Invalid value for '--format'" in result.stderr


@pytest.mark.usefixtures("no_spacy")
def test_cli_query_params_and_errors(runner: CliRunner, articles_dir: Path, graph_path: Path, write) -> None:
    runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    rq = write("articles.rq", QUERY)
    result = runner.invoke(cli, ["query", str(rq), "--format", "csv", "--param", "article_id=b", "--graph", str(graph_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["article_id,published", "b,2021-03-04"]
    result = runner.invoke(cli, ["query", str(rq), "--param", "country=FR", "--graph", str(graph_path)])
    assert result.exit_code == 4
    assert result.stderr.startswith(f"Error: {rq}: unknown parameter country")
    assert result.stderr.endswith("declared parameters: article_id\n")
    result = runner.invoke(cli, ["query", str(rq), "--param", "novalue", "--graph", str(graph_path)])
    assert result.exit_code == 2 and "'novalue' is not NAME=VALUE" in result.stderr


@pytest.mark.usefixtures("no_spacy")
def test_cli_validate(runner: CliRunner, articles_dir: Path, graph_path: Path, reject_ids) -> None:
    runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    result = runner.invoke(cli, ["validate", "--graph", str(graph_path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "2 article graphs conform\n")
    reject_ids("a")
    result = runner.invoke(cli, ["validate", "--graph", str(graph_path)])
    assert result.exit_code == 1
    assert result.stdout == "article a:\n  id:article/x: dip:title: fake violation\n"
    assert result.stderr == "Error: 1 of 2 article graphs do not conform\n"


@pytest.mark.usefixtures("no_spacy")
def test_cli_eval_builds_a_temporary_store(
    runner: CliRunner, articles_dir: Path, tmp_path: Path, fake_evaluate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    gold = tmp_path / "gold"
    gold.mkdir()
    result = runner.invoke(cli, ["eval", str(gold), str(articles_dir), "--errors"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "F1 1.000 (errors=True)\n"
    assert fake_evaluate == [(gold, {"a", "b"})]
    assert not (tmp_path / ".kg").exists()


@pytest.mark.usefixtures("no_spacy")
def test_cli_eval_hard_negatives_file_is_built_and_named(
    runner: CliRunner, articles_dir: Path, jsonl_file: Path, tmp_path: Path, fake_evaluate
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    result = runner.invoke(cli, ["eval", str(gold), str(articles_dir), "--hard-negatives", str(jsonl_file)])
    assert result.exit_code == 0, result.stderr
    assert fake_evaluate == [(gold, {"a", "b", "c1", "c2"}, {"c1", "c2"})]


def test_cli_eval_fails_when_an_article_could_not_be_read(
    runner: CliRunner, articles_dir: Path, tmp_path: Path, fake_evaluate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scores are printed, but an article whose extraction raised was scored as empty: exit 70, named."""
    from conftest import failing_extract

    import kg.build
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    monkeypatch.setattr(kg.build, "_stages", lambda: (failing_extract("b", "rule bug"), to_graph, validate_graph))
    gold = tmp_path / "gold"
    gold.mkdir()
    result = runner.invoke(cli, ["eval", str(gold), str(articles_dir)])
    assert result.exit_code == 70
    assert result.stdout == "F1 1.000 (errors=False)\n"
    assert "extraction error: ValueError: rule bug" in result.stderr and " b (" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("Error: 1 article(s) not stored (1 extraction error)")


def test_cli_internal_error_exit_70(runner: CliRunner, articles_dir: Path, graph_path: Path, monkeypatch) -> None:
    import kg.build

    def boom():
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(kg.build, "_stages", boom)
    result = runner.invoke(cli, ["build", str(articles_dir), "--graph", str(graph_path)])
    assert (result.exit_code, result.stderr) == (70, "internal error: ZeroDivisionError: division by zero\n")


def test_cli_validate_real_shapes_names_only_the_broken_article(
    runner: CliRunner, articles_dir: Path, jsonl_file: Path, graph_path: Path
) -> None:
    """Batched SHACL in `kg validate` (one pySHACL call per batch) still names exactly the article
    whose graph breaks a shape, with the shape's message."""
    import pyoxigraph as ox

    from kg.ids import article_graph_iri
    from kg.store import GraphStore

    assert runner.invoke(cli, ["build", str(articles_dir), str(jsonl_file), "--graph", str(graph_path)]).exit_code == 0
    with GraphStore.open(graph_path, write=True) as store:
        name = ox.NamedNode(article_graph_iri("b"))
        former = ox.NamedNode("https://w3id.org/kg-diplomacy/ontology#former")
        [quad, *_] = list(store.store.quads_for_pattern(None, former, None, name))
        store.store.remove(quad)
    result = runner.invoke(cli, ["validate", "--graph", str(graph_path)])
    assert result.exit_code == 1
    assert result.stdout.startswith("article b:\n") and "A tenure needs exactly one dip:former boolean" in result.stdout
    assert result.stderr == "Error: 1 of 4 article graphs do not conform\n"


@pytest.mark.usefixtures("no_spacy")
def test_cli_query_adhoc_text_stdin_forms_limit_and_output(
    runner: CliRunner, articles_dir: Path, graph_path: Path, tmp_path: Path
) -> None:
    g = ["--graph", str(graph_path)]
    runner.invoke(cli, ["build", str(articles_dir), *g])
    text = "SELECT ?id WHERE { ?a dip:articleId ?id } ORDER BY ?id"
    inline = runner.invoke(cli, ["query", text, "--format", "csv", *g])
    assert (inline.exit_code, inline.stdout_bytes) == (0, b"id\r\na\r\nb\r\n")
    limited = runner.invoke(cli, ["query", "-", "--format", "tsv", "--limit", "1", *g], input=text)
    assert (limited.exit_code, limited.stdout) == (0, "id\na\n")
    assert runner.invoke(cli, ["query", "ASK { ?a dip:articleId \"b\" }", *g]).stdout == "true\n"
    described = runner.invoke(cli, ["query", "DESCRIBE article:a", "--format", "nt", *g])
    assert described.exit_code == 0 and '<https://w3id.org/kg-diplomacy/id/article/a> ' in described.stdout
    out = tmp_path / "a.ttl"
    constructed = runner.invoke(cli, ["query", "CONSTRUCT { ?a dip:articleId ?id } WHERE { ?a dip:articleId ?id }",
                                      "-o", str(out), *g])
    assert constructed.exit_code == 0 and 'article:a dip:articleId "a" .' in out.read_text("utf-8")  # from -o
    rows = tmp_path / "rows.json"
    assert runner.invoke(cli, ["query", text, "-o", str(rows), *g]).exit_code == 0
    assert rows.read_text("utf-8").startswith('[\n  {\n    "id": "a"')

    typo = runner.invoke(cli, ["query", "SELECT ?p WHERE { ?p a dip:Persn }", *g])
    assert typo.exit_code == 0 and typo.stderr == (
        "Warning: <query>:1:24: dip:Persn is not a term of the ontology (it matches nothing); "
        "did you mean dip:Person?\n")
    broken = runner.invoke(cli, ["query", "-", *g], input="SELECT ?s\nWHERE { ?s ?p }\n")
    assert broken.exit_code == 4 and broken.stderr.startswith("Error: <stdin>:") and broken.stderr.count("\n") == 1
    assert "SPARQL syntax error" in broken.stderr and int(broken.stderr.split(":")[2]) in (2, 3)  # at or after ?p
    wrong = runner.invoke(cli, ["query", "ASK { ?s ?p ?o }", "--format", "turtle", *g])
    assert wrong.exit_code == 2 and "format turtle cannot write rows" in wrong.stderr


@pytest.mark.usefixtures("no_spacy")
def test_cli_export_aliases_extension_and_info(runner: CliRunner, articles_dir: Path, graph_path: Path,
                                              tmp_path: Path) -> None:
    g = ["--graph", str(graph_path)]
    runner.invoke(cli, ["build", str(articles_dir), *g])
    assert runner.invoke(cli, ["export", "--format", "ttl", *g]).stdout == runner.invoke(
        cli, ["export", "--format", "turtle", *g]).stdout
    out = tmp_path / "graph.nq"
    assert runner.invoke(cli, ["export", "-o", str(out), *g]).exit_code == 0  # the format from the extension
    assert out.read_bytes() == runner.invoke(cli, ["export", "--format", "nq", *g]).stdout_bytes
    info = runner.invoke(cli, ["info", *g])
    assert info.exit_code == 0 and "articles       2 (a ... b)" in info.stdout and "dip:Article" in info.stdout
    assert runner.invoke(cli, ["info", "--articles", *g]).stdout == "a\nb\n"
    import json

    facts = json.loads(runner.invoke(cli, ["info", "--json", *g]).stdout)
    assert facts["articles"] == 2 and facts["classes"]["dip:Article"] == 2 and facts["bytes_on_disk"] > 0


def test_cli_every_command_help_has_examples(runner: CliRunner) -> None:
    for name in cli.commands:
        text = runner.invoke(cli, [name, "--help"]).output
        assert "Examples:" in text and f"kg {name}" in text.split("Examples:", 1)[1], name
