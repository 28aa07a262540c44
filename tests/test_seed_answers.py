"""The seed article, built through the CLI, answers the shipped queries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).parents[1]
QUERIES = ROOT / "queries"
SEEDS = ROOT / "seeds"
FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")


def _build(graph: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--graph", str(graph)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two graphs, each built once from the seeds."""
    root = tmp_path_factory.mktemp("seed")
    first, second = root / "g1", root / "g2"
    _build(first)
    _build(second)
    return first, second


def query(graph: Path, name: str) -> list[dict[str, Any]]:
    args = ["query", str(QUERIES / name), "--format", "json", "--graph", str(graph)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_seed_summons(graphs: tuple[Path, Path]) -> None:
    rows = query(graphs[0], "summons.rq")
    assert any(
        r["summoner"] == "Chinese Foreign Ministry" and r["summoned"] == "Nicholas Burns" for r in rows
    )


def test_seed_statements(graphs: tuple[Path, Path]) -> None:
    rows = query(graphs[0], "statements.rq")
    assert any(r["speaker"] == "Qin Gang" and "cold ice" in (r["quote"] or "") for r in rows)


def test_seed_sources(graphs: tuple[Path, Path]) -> None:
    sources = {r["source"] for r in query(graphs[0], "sources.rq")}
    assert "Sputnik" in sources
    assert any("official" in s for s in sources)


def test_seed_cancellations(graphs: tuple[Path, Path]) -> None:
    rows = query(graphs[0], "cancellations.rq")
    assert any(
        r["event_type"] == "Visit"
        and r["actor"] == "Antony Blinken"
        and r["destination"] == "China"
        and r["status"] == "cancelled"
        and "Pentagon" in (r["cause"] or "")
        for r in rows
    )


def test_seed_visits(graphs: tuple[Path, Path]) -> None:
    rows = query(graphs[0], "visits.rq")
    got = [(r["traveler"], r["destination_country"], r["status"]) for r in rows]
    assert sorted(got) == sorted(
        [
            ("Antony Blinken", "China", "considered"),
            ("Janet Yellen", "China", "considered"),
            ("Gina Raimondo", "China", "considered"),
            ("John Kerry", "China", "considered"),
            ("Antony Blinken", "China", "cancelled"),
        ]
    )


def test_seed_positions(graphs: tuple[Path, Path]) -> None:
    got = {(r["person"], r["position"], r["country"]) for r in query(graphs[0], "positions.rq")}
    assert ("Qin Gang", "Foreign Minister", "China") in got
    assert ("Nicholas Burns", "Ambassador", "United States") in got


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_export_deterministic(graphs: tuple[Path, Path], tmp_path: Path, fmt: str) -> None:
    outputs = []
    for index, graph in enumerate(graphs):
        out = tmp_path / f"{index}.{fmt}"
        args = ["export", "--format", fmt, "-o", str(out), "--graph", str(graph)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] and outputs[0] == outputs[1]
