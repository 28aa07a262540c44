"""No network unless asked: a loopback listener sees zero connections from build, validate, query and
export of hostile inputs that all point at it; ``--allow-network`` is the only way to reach it."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli


class Listener:
    """A TCP listener on 127.0.0.1 (random port) that counts and drops every connection."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted += 1
            conn.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def _listening() -> Iterator[Listener]:
    listener = Listener()
    try:
        yield listener
    finally:
        listener.close()


def _query(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.rq"
    path.write_text(f"# title: {name}\n# description: hostile\n{body}\n", encoding="utf-8")
    return path


def _hostile_inputs(folder: Path, at: Listener) -> list[Path]:
    folder.mkdir()
    ttl = folder / "hostile.ttl"
    ttl.write_text(
        f"@prefix ev: <{at.url('ns#')}> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"@base <{at.url('base/')}> .\n"
        f"<onto> owl:imports <{at.url('o')}> .\nev:a ev:seeAlso <{at.url('x.ttl')}> ; "
        f"<http://www.w3.org/2000/01/rdf-schema#seeAlso> <{at.url('more')}> .\n",
        encoding="utf-8",
    )
    trig = folder / "hostile.trig"
    trig.write_text(
        f"@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        f"<https://w3id.org/kg-diplomacy/id/graph/article/evil> {{\n"
        f"  <{at.url('s')}> owl:imports <{at.url('o')}> ; sh:shapesGraph <{at.url('shapes')}> .\n}}\n"
        f"<{at.url('g')}> {{ <{at.url('s')}> owl:imports <{at.url('o2')}> . }}\n",
        encoding="utf-8",
    )
    context = json.dumps({"@context": at.url("context.jsonld"), "@id": at.url("x"), "name": "Jane Roe"})
    jsonl = folder / "hostile.jsonl"
    jsonl.write_text(json.dumps({
        "id": "ctx", "url": at.url("article"), "title": "Roe to visit Germany",
        "text": f"Foreign Minister Jane Roe will visit Germany next week. {context} "
                f"See {at.url('more')} and <{at.url('iri')}>.",
        "date": "2021-03-02",
    }) + "\n", encoding="utf-8")
    return [ttl, trig, jsonl]


def test_network_zero_connections_across_every_command(
    runner: CliRunner, tmp_path: Path, graph_path: Path
) -> None:
    """Real pipeline (spaCy, mapping, SHACL) on an article quoting a remote JSON-LD context."""
    for at in _listening():
        g = ["--graph", str(graph_path)]
        inputs = _hostile_inputs(tmp_path / "in", at)
        result = runner.invoke(cli, ["build", *map(str, inputs), *g])
        assert result.exit_code in (0, 1), result.stderr
        assert runner.invoke(cli, ["validate", *g]).exit_code in (0, 1)
        suffixes = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}
        for fmt, suffix in suffixes.items():
            out = tmp_path / f"out.{suffix}"
            assert runner.invoke(cli, ["export", "--format", fmt, "--ontology", "-o", str(out), *g]).exit_code == 0
        # the exports read back (as content, never as a location)
        again = ["--graph", str(tmp_path / "again")]
        for suffix in ("trig", "nq", "ttl", "nt"):
            result = runner.invoke(cli, ["build", str(tmp_path / f"out.{suffix}"), *again])
            assert result.exit_code == 0, result.stderr
        for name in ("visits", "meetings", "positions"):
            assert runner.invoke(cli, ["query", name, *g]).exit_code == 0

        hostile = {
            "service": f"SELECT ?s WHERE {{ SERVICE <{at.url('sparql')}> {{ ?s ?p ?o }} }}",
            "service-silent": f"SELECT ?s WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{at.url('sparql')}> {{ ?s ?q ?r }} }} }}",
            "service-var": f"SELECT ?s WHERE {{ VALUES ?e {{ <{at.url('sparql')}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
            "from": f"SELECT ?s FROM <{at.url('g')}> WHERE {{ ?s ?p ?o }}",
            "from-named": f"SELECT ?s FROM NAMED <{at.url('g')}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            "load": f"LOAD <{at.url('x')}>",
            "load-into": f"LOAD SILENT <{at.url('x')}> INTO GRAPH <{at.url('g')}>",
        }
        for name, body in hostile.items():
            result = runner.invoke(cli, ["query", str(_query(tmp_path, name, body)), *g])
            assert result.exit_code == 8, (name, result.stderr)
            assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
        assert at.accepted == 0


def test_network_allow_network_is_the_only_way_out(runner: CliRunner, tmp_path: Path, graph_path: Path) -> None:
    """The positive control: the listener does see a SERVICE call once it is allowed."""
    rdf = tmp_path / "one.nt"
    rdf.write_text("<http://e/a> <http://e/p> <http://e/o> .\n", encoding="utf-8")
    assert runner.invoke(cli, ["build", str(rdf), "--graph", str(graph_path)]).exit_code == 0
    for at in _listening():
        rq = _query(tmp_path, "service", f"SELECT ?s WHERE {{ SERVICE <{at.url('sparql')}> {{ ?s ?p ?o }} }} ORDER BY ?s")
        refused = runner.invoke(cli, ["query", str(rq), "--graph", str(graph_path)])
        assert refused.exit_code == 8
        assert refused.stderr == (
            f"Error: {rq}: SERVICE would send the query to another endpoint; "
            "remove the SERVICE clause; kg queries only its own store\n"
        )
        assert at.accepted == 0
        allowed = runner.invoke(cli, ["query", str(rq), "--allow-network", "--timeout", "20", "--graph", str(graph_path)])
        assert allowed.exit_code == 4, allowed.stderr  # the listener hangs up: the query fails, cleanly
        assert allowed.stderr.startswith(f"Error: {rq}: the query failed")
        assert at.accepted >= 1
