"""Exports: byte-identical across builds, the right graphs per format, atomic writes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.export
from kg.build import build
from kg.errors import OutputError
from kg.export import FORMATS, export, export_bytes
from kg.store import GraphStore
from kg.vocab import ONTOLOGY_GRAPH

pytestmark = pytest.mark.usefixtures("no_spacy")


@pytest.fixture
def built(articles_dir: Path, jsonl_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "built"
    with GraphStore.open(path, create=True) as store:
        build([articles_dir, jsonl_file], store)
    return path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_is_byte_identical_across_builds(
    articles_dir: Path, jsonl_file: Path, tmp_path: Path, fmt: str
) -> None:
    outputs = []
    for n, inputs in enumerate(([articles_dir, jsonl_file], [jsonl_file, articles_dir / "b.txt", articles_dir / "a.txt"])):
        with GraphStore.open(tmp_path / f"g{n}", create=True) as store:
            build(inputs, store)
            outputs.append(export_bytes(store, fmt))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100


def test_export_formats_keep_or_union_graphs(built: Path) -> None:
    with GraphStore.open(built) as store:
        nq = export_bytes(store, "nquads").decode().splitlines()
        nt = export_bytes(store, "ntriples").decode().splitlines()
        with_onto = export_bytes(store, "nquads", ontology=True).decode()
        ttl = export_bytes(store, "turtle")
        trig = export_bytes(store, "trig")
        jsonld = export_bytes(store, "jsonld")
    assert nt == sorted(nt) and len(set(nt)) == len(nt)
    named = [line for line in nq if "/graph/article/" in line]
    assert nq == nt + sorted(named)  # the union as the default graph first, then every article graph
    assert {line.rsplit(" <", 1)[0] + " ." for line in named} == set(nt)
    assert ONTOLOGY_GRAPH in with_onto and ONTOLOGY_GRAPH not in "\n".join(nq)
    assert len(list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))) == len(nt)
    quads = set(ox.parse("\n".join(nq).encode(), format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(trig, format=ox.RdfFormat.TRIG)) == quads
    assert set(ox.parse(jsonld, format=ox.RdfFormat.JSON_LD)) == quads
    document = json.loads(jsonld)  # compact, with its own @context (never a remote one)
    assert document["@context"]["dip"] == "https://w3id.org/kg-diplomacy/ontology#"
    assert any(node.get("@type") == "dip:Article" for node in document["@graph"])


def test_export_no_union_keeps_only_the_named_graphs(built: Path) -> None:
    with GraphStore.open(built) as store:
        nq = export_bytes(store, "nquads", union=False).decode().splitlines()
        jsonld = export_bytes(store, "jsonld", union=False)
    assert nq and all("/graph/article/" in line for line in nq)
    assert all(not isinstance(q.graph_name, ox.DefaultGraph) for q in ox.parse(jsonld, format=ox.RdfFormat.JSON_LD))


def test_export_writes_file_atomically(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.ttl"
    target.parent.mkdir()
    with GraphStore.open(built) as store:
        export(store, "turtle", target)
        assert target.read_bytes() == export_bytes(store, "turtle")
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_export_stream(built: Path) -> None:
    buffer = io.BytesIO()
    with GraphStore.open(built) as store:
        export(store, "ntriples", buffer)
        assert buffer.getvalue() == export_bytes(store, "ntriples")


def test_export_unwritable_path_is_output_error(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.ttl"
    with GraphStore.open(built) as store:
        with pytest.raises(OutputError) as info:
            export(store, "turtle", target)
        with pytest.raises(OutputError, match="is a folder; give a file name"):
            export(store, "turtle", tmp_path)
    assert str(info.value) == (
        f"{target}: cannot write (No such file or directory); "
        "check that the folder exists and is writable, or write to stdout with -o -"
    )
    assert info.value.exit_code == 6
    assert not target.parent.exists()


def test_export_failed_replace_keeps_old_file_and_no_temp(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.nt"
    target.write_bytes(b"old\n")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.export.os, "replace", fail)
    with GraphStore.open(built) as store:
        with pytest.raises(OutputError, match="cannot write \\(No space left on device\\)"):
            export(store, "ntriples", target)
    assert target.read_bytes() == b"old\n"
    assert sorted(os.listdir(tmp_path)) == sorted(["graph.nt", "built", "built.lock", "articles", "more.jsonl"])
