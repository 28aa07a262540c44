"""The README's Quickstart is what CI runs, and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quickstart_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Quickstart", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block, "Quickstart has no fenced block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_quickstart_has_two_commands():
    commands = quickstart_commands()
    assert len(commands) == 2
    assert "kg build" in commands[0] and "queries/visits.rq" in commands[0]
    assert "pytest" in commands[1]


def test_readme_ci_runs_the_second_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert quickstart_commands()[1] in ci.splitlines()


def test_readme_documents_every_command():
    from kg.cli import cli as main

    text = (ROOT / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"kg {name}" in text, f"kg {name} is not in the README"
