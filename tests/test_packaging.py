"""A release installs like one: the wheel (no -e) carries the ontology, the shapes and the stored queries,
and kg builds, queries, exports and validates from an empty folder (issue 11, item 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_packaging_every_package_is_listed() -> None:
    """pyproject lists its packages (the data packages need a mapping): a new package under src/kg
    must be added there, or a plain `pip install .` would leave it out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(ROOT / "src").parts) for p in (ROOT / "src" / "kg").rglob("__init__.py")}
    assert found | {"kg.ontology", "kg.stored_queries"} == set(config["packages"])
    assert config["package-dir"] == {"": "src", "kg.ontology": "ontology", "kg.stored_queries": "queries"}


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result


def test_packaging_wheel_installs_and_runs_from_an_empty_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONNOUSERSITE": "1"}
    env.pop("KG_GRAPH", None)
    env.pop("PYTHONPATH", None)
    wheels = tmp_path / "dist"
    source = tmp_path / "source"
    source.mkdir()  # a copy: building writes build/ and *.egg-info beside the sources
    for part in ("pyproject.toml", "README.md", "src", "ontology", "queries"):
        copy = shutil.copytree if (ROOT / part).is_dir() else shutil.copy
        copy(ROOT / part, source / part, **({"ignore": shutil.ignore_patterns("__pycache__", "*.egg-info")}
                                          if (ROOT / part).is_dir() else {}))
    # offline: the build backend (setuptools) and pip come from the test venv, nothing is downloaded
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
          str(source)], tmp_path, env)
    (wheel,) = wheels.glob("kg_diplomacy-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside in ("kg/ontology/diplomacy.ttl", "kg/ontology/shapes.ttl", "kg/stored_queries/visits.rq",
                   "kg/stored_queries/met-with.rq", "kg/checked_queries.json", "kg/lexicons/language.json",
                   "kg/py.typed", "kg/serve/templates/base.html", "kg/serve/static/kg.css"):
        assert inside in names, inside

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
         tmp_path, env)
    # the dependencies (spaCy and its model, rdflib, ...) are those of the test venv, read-only: its
    # site-packages is put on the new venv's path (after the venv's own, where the wheel's kg is)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     tmp_path, env).stdout.strip())
    (site / "test-venv-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    work = tmp_path / "empty"
    work.mkdir()
    (work / "roe.txt").write_text("date 2021-03-02\nFrench Foreign Minister Jane Roe visited Japan on Monday.\n",
                                  encoding="utf-8")
    kg = str(venv / "bin" / "kg")
    where = _run([str(python), "-c", "import kg, kg.queries, kg.store; print(kg.__file__); "
                  "print(kg.queries.queries_dir()); print(kg.store.ontology_dir())"], work, env).stdout.split()
    assert all(line.startswith(str(venv)) for line in where), where  # the wheel's files, not the checkout's
    built = _run([kg, "build", "roe.txt"], work, env)
    assert "built 1 article" in built.stderr
    visits = _run([kg, "query", "visits", "--format", "tsv"], work, env).stdout.splitlines()
    assert visits[0].startswith("article\ttraveler\tdestination_country\tstatus\tdate")
    assert any("\tJane Roe\tJapan\toccurred\t" in line for line in visits[1:]), visits
    ask = _run([kg, "query", "ASK { ?v a dip:Visit }"], work, env)
    assert ask.stdout == "true\n"
    _run([kg, "export", "-o", "graph.ttl"], work, env)
    assert (work / "graph.ttl").read_text("utf-8").startswith("@prefix")
    assert "conform" in _run([kg, "validate"], work, env).stderr
    assert "articles       1" in _run([kg, "info"], work, env).stdout
