"""``kg build --out-shards`` and ``kg load``: a bulk-loaded store is the store a normal build leaves."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.shards import build_shards
from kg.store import GraphStore

# invented news
ARTICLES = {
    "s1": ("French Foreign Minister Jane Roe will visit Germany next week.", "2021-03-02"),
    "s2": ("German Chancellor Max Mustermann met Jane Roe in Berlin on Monday.", "2021-03-04"),
    "s3": ("China summoned the Japanese ambassador on Friday over the remarks.", "2021-04-09"),
    "s4": ("Foreign Minister Roe met her German counterpart in Paris on Monday.", "2021-06-07"),
    "s5": ("President Maria Costa will travel to Germany and France in June.", "2021-05-20"),
}
EDITED_S2 = ("German Chancellor Max Mustermann met Jane Roe in Madrid on Tuesday.", "2021-03-04")


def _jsonl(path: Path, items: dict[str, tuple[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, (t, d) in items.items()),
                    encoding="utf-8")
    return path


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stderr


def _exports(runner: CliRunner, graph: Path) -> dict[str, bytes]:
    return {fmt: runner.invoke(cli, ["export", "--format", fmt, "--graph", str(graph)]).stdout_bytes
            for fmt in ("nquads", "trig", "turtle")}


def _union_is_exact(graph: Path) -> None:
    with GraphStore.open(graph, write=False) as store:
        default = {q.triple for q in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        named = {q.triple for q in store.quads()}
    assert default == named


@pytest.mark.parametrize("union, jobs", [("--union", "1"), ("--no-union", "2")])
def test_shards_build_then_load_equals_normal_build(runner: CliRunner, tmp_path: Path, union: str, jobs: str) -> None:
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", ARTICLES)
    _ok(runner, "build", str(inputs), "--graph", str(tmp_path / "normal"))
    shards = tmp_path / "shards"
    err = _ok(runner, "build", str(inputs), "--out-shards", str(shards), union, "--jobs", jobs)
    assert "built 5 articles into 1 shard(s)" in err
    assert not (tmp_path / ".kg").exists()  # no store was written
    assert "loaded 5 graph(s)" in _ok(runner, "load", str(shards), "--graph", str(tmp_path / "loaded"))
    normal = _exports(runner, tmp_path / "normal")
    assert normal["nquads"].count(b"\n") > 100
    assert _exports(runner, tmp_path / "loaded") == normal
    _union_is_exact(tmp_path / "loaded")


def test_shards_sorted_content_named_and_deterministic(runner: CliRunner, tmp_path: Path) -> None:
    """One shard per batch; lines sorted as bytes; the name is the content's hash; the same again."""
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", ARTICLES)
    first = build_shards([inputs], tmp_path / "a", batch_size=2)
    again = build_shards([inputs], tmp_path / "b", batch_size=2)
    names = sorted(Path(p).name for p in first.shards)
    assert len(names) == 3 and names == sorted(Path(p).name for p in again.shards)
    per_shard = []
    for path in map(Path, first.shards):
        data = path.read_bytes()
        assert path.name == hashlib.sha256(data).hexdigest()[:32] + ".nq"
        lines = data.splitlines()
        assert lines == sorted(lines) and len(lines) == len(set(lines))
        graphs = {q.graph_name for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)}
        assert ox.DefaultGraph() in graphs  # the union of the shard's article graphs
        per_shard.append(len(graphs) - 1)
    assert per_shard == [2, 2, 1]  # in input order, two articles per batch
    assert not list((tmp_path / "a").glob(".*"))  # no temporary files left


def test_shards_load_replaces_stored_articles_like_a_build(runner: CliRunner, tmp_path: Path) -> None:
    """A store holding s1, s2 (old text) and s3 takes shards of s2 (edited), s4, s5: the same as
    building s2 (edited), s4, s5 into it."""
    old = _jsonl(tmp_path / "in" / "old.jsonl", {k: ARTICLES[k] for k in ("s1", "s2", "s3")})
    new = _jsonl(tmp_path / "in" / "new.jsonl", {"s2": EDITED_S2, "s4": ARTICLES["s4"], "s5": ARTICLES["s5"]})
    for graph in ("built", "loaded"):
        _ok(runner, "build", str(old), "--graph", str(tmp_path / graph))
    _ok(runner, "build", str(new), "--graph", str(tmp_path / "built"), "--replace")
    _ok(runner, "build", str(new), "--out-shards", str(tmp_path / "shards"))
    assert "(replaced 1)" in _ok(runner, "load", str(tmp_path / "shards"), "--graph", str(tmp_path / "loaded"))
    built = _exports(runner, tmp_path / "built")
    assert b"Madrid" in built["turtle"] and b"Berlin" not in built["turtle"]
    assert _exports(runner, tmp_path / "loaded") == built
    _union_is_exact(tmp_path / "loaded")


def test_shards_kg_build_of_the_shard_files_gives_the_same_store(runner: CliRunner, tmp_path: Path) -> None:
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", ARTICLES)
    _ok(runner, "build", str(inputs), "--graph", str(tmp_path / "normal"))
    _ok(runner, "build", str(inputs), "--out-shards", str(tmp_path / "shards"))
    _ok(runner, "build", *map(str, sorted((tmp_path / "shards").glob("*.nq"))), "--graph", str(tmp_path / "rdf"))
    assert _exports(runner, tmp_path / "rdf") == _exports(runner, tmp_path / "normal")


@pytest.mark.parametrize("problem, text, message", [
    ("syntax", "<http://example.org/s> <http://example.org/p> .\n", "not valid N-Quads"),
    ("blank node", "_:b <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n", "blank nodes"),
    ("stray default triple", "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n",
     "default-graph triples that none of its graphs holds"),
])
def test_shards_load_refuses_bad_shards_before_writing(runner: CliRunner, tmp_path: Path, problem: str, text: str,
                                                       message: str) -> None:
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", {"s1": ARTICLES["s1"]})
    _ok(runner, "build", str(inputs), "--out-shards", str(tmp_path / "shards"))
    (tmp_path / "shards" / "zz-bad.nq").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["load", str(tmp_path / "shards"), "--graph", str(tmp_path / "g")])
    assert result.exit_code == 3, result.stderr
    assert result.stderr.startswith("Error: ") and message in result.stderr and "zz-bad.nq" in result.stderr
    with GraphStore.open(tmp_path / "g", write=False) as store:
        assert store.quad_count() == 0  # refused before anything was written


def test_shards_load_refuses_an_article_in_two_shards(runner: CliRunner, tmp_path: Path) -> None:
    _ok(runner, "build", str(_jsonl(tmp_path / "a.jsonl", {"s2": ARTICLES["s2"]})), "--out-shards",
        str(tmp_path / "shards"))
    _ok(runner, "build", str(_jsonl(tmp_path / "b.jsonl", {"s2": EDITED_S2})), "--out-shards", str(tmp_path / "shards"))
    result = runner.invoke(cli, ["load", str(tmp_path / "shards"), "--graph", str(tmp_path / "g")])
    assert result.exit_code == 3
    assert "is in two shards" in result.stderr and "remove the older shard" in result.stderr


def test_shards_strict_writes_nothing_when_an_article_fails(runner: CliRunner, tmp_path: Path,
                                                           reject_ids) -> None:
    reject_ids("s3")
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", ARTICLES)
    strict = runner.invoke(cli, ["build", str(inputs), "--out-shards", str(tmp_path / "strict"), "--strict"])
    assert strict.exit_code == 1 and "nothing was stored (--strict)" in strict.stderr
    assert list((tmp_path / "strict").iterdir()) == []
    lenient = runner.invoke(cli, ["build", str(inputs), "--out-shards", str(tmp_path / "lenient")])
    assert lenient.exit_code == 1 and "s3 (" in lenient.stderr
    loaded = tmp_path / "g"
    _ok(runner, "load", str(tmp_path / "lenient"), "--graph", str(loaded))
    with GraphStore.open(loaded, write=False) as store:
        assert store.article_ids() == ["s1", "s2", "s4", "s5"]


def test_shards_oxigraph_load_gives_the_article_graphs_and_their_union(runner: CliRunner, tmp_path: Path) -> None:
    """The README's path into an Oxigraph server: `oxigraph load` of the shards holds exactly kg's
    article graphs and, as its default graph, their union."""
    import subprocess

    from conftest import _oxigraph_binary

    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` binary is not installed (pip install oxigraph; in test.lock)")
    inputs = _jsonl(tmp_path / "in" / "news.jsonl", ARTICLES)
    _ok(runner, "build", str(inputs), "--graph", str(tmp_path / "normal"))
    shards = build_shards([inputs], tmp_path / "shards", batch_size=2).shards
    subprocess.run([binary, "load", "--location", str(tmp_path / "server"), "--file", *shards], check=True,
                   capture_output=True, timeout=120)
    with GraphStore.open(tmp_path / "normal", write=False) as store:
        articles = {q for q in store.quads() if "/graph/article/" in q.graph_name.value}
    expected = articles | {ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in articles}
    assert len(articles) > 100
    assert set(ox.Store.read_only(str(tmp_path / "server"))) == expected
