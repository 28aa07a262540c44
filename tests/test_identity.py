"""One person across articles (kg.identity, issue 10.4) and borrowed jurisdictions (kg.jurisdictions,
issue 11.5): written at build time into their own graphs, exact after every build and remove."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.derive import DERIVED_GRAPHS
from kg.identity import PersonLink, person_links
from kg.jurisdictions import Borrowed, Tenure, borrow
from kg.names import can_be
from kg.store import GraphStore

# invented people: a president named in full and by surname, and later a second person of that surname
FULL = "date 2021-03-02\nKenyan President Amara Okafor met German Chancellor Max Mustermann in Berlin on Monday.\n"
SHORT = "date 2021-05-10\nPresident Okafor met Chancellor Max Mustermann in Nairobi on Friday.\n"
NAMESAKE = "date 2021-06-01\nForeign Minister Lena Okafor of Ghana visited Japan on Tuesday.\n"


def _links(names: dict[str, str]) -> set[tuple[str, str, str]]:
    return {(link.person, link.canonical, link.basis) for link in person_links(names)}


def test_identity_links_a_shorter_name_to_the_one_fuller_name() -> None:
    assert _links({"okafor": "Okafor", "amara-okafor": "Amara Okafor", "max": "Max Mustermann"}) == {
        ("okafor", "amara-okafor", "surname")}
    assert _links({"okafur": "Okafur", "amara-okafor": "Amara Okafor"}) == {
        ("okafur", "amara-okafor", "similar surname")}
    assert _links({"a-okafor": "A. Okafor", "amara-n-okafor": "Amara N. Okafor"}) == {
        ("a-okafor", "amara-n-okafor", "initial and surname")}
    assert _links({"a-okafor": "A. Okafor", "amara-okafor": "Amara Okafor"}) == set()  # as long: not shorter
    assert _links({"amara-okafor": "Amara Okafor", "amara-n-okafor": "Amara N. Okafor"}) == {
        ("amara-okafor", "amara-n-okafor", "first name and surname")}


def test_identity_two_people_sharing_a_surname_are_not_merged() -> None:
    people = {"okafor": "Okafor", "amara-okafor": "Amara Okafor", "lena-okafor": "Lena Okafor"}
    assert _links(people) == set()  # "Okafor" can be either: linked to neither, and they stay two people
    assert _links({"amara-okafor": "Amara Okafor", "lena-okafor": "Lena Okafor"}) == set()
    # a short name that is a fuller name's shorter form goes where that one goes, not to a third person
    chain = {"okafor": "Okafor", "a-okafor": "A. Okafor", "amara-n-okafor": "Amara N. Okafor"}
    assert _links(chain) == {("a-okafor", "amara-n-okafor", "initial and surname"),
                             ("okafor", "amara-n-okafor", "surname")}
    assert _links({**chain, "ada-b-okafor": "Ada B. Okafor"}) == set()  # "A. Okafor" is Amara or Ada


def test_identity_is_deterministic_and_order_free() -> None:
    people = {f"p{i}": name for i, name in enumerate(
        ["Okafor", "Amara Okafor", "Roe", "Jane Roe", "John Roe", "J. Doe", "Jon Doe", "Mustermann", "Max Mustermann"])}
    first = person_links(people)
    assert first == person_links(dict(reversed(list(people.items()))))
    assert first == sorted(first, key=lambda link: (link.person, link.canonical))
    assert {(link.person, link.canonical) for link in first} == {("p0", "p1"), ("p7", "p8")}  # Roe: two Roes
    assert all(isinstance(link, PersonLink) for link in first)


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("okafor", "amara okafor", True), ("okafur", "amara okafor", True), ("akafor", "amara okafor", False),
    ("roe", "jane roe", True), ("rae", "jane roe", False), ("a okafor", "amara n okafor", True),
    ("b okafor", "amara n okafor", False), ("amara okafor", "amara n okafor", True),
    ("n okafor", "amara n okafor", True), ("jon doe", "john doe", False), ("muster", "max mustermann", False),
])
def test_identity_name_rule_cases(short: str, full: str, expected: bool) -> None:
    """The one name rule (kg.names.can_be), used by the extractor within an article and by the store
    across articles: a surname, its close spelling, an initial; never a different given name."""
    assert can_be(tuple(short.split()), tuple(full.split())) is expected


def test_jurisdictions_borrow_only_agreed_stated_states() -> None:
    canonical = {"p/okafor": "p/amara-okafor"}
    stated = [Tenure("t1", "p/amara-okafor", "President", "a1", "c/KE", "stated"),
              Tenure("t2", "p/amara-okafor", "President", "a3", "c/KE", "stated")]
    assert borrow(stated + [Tenure("t9", "p/okafor", "PRESIDENT", "a2")], canonical) == [
        Borrowed("t9", "c/KE", "linked person", "a1")]  # the first article that states it
    assert borrow(stated + [Tenure("t9", "p/amara-okafor", "President", "a2")], canonical) == [
        Borrowed("t9", "c/KE", "same person", "a1")]
    inferred = [Tenure("t1", "p/amara-okafor", "President", "a1", "c/KE", "article")]
    assert borrow(inferred + [Tenure("t9", "p/okafor", "President", "a2")], canonical) == []  # never an inference
    disagree = stated + [Tenure("t3", "p/amara-okafor", "President", "a4", "c/GH", "stated")]
    assert borrow(disagree + [Tenure("t9", "p/okafor", "President", "a2")], canonical) == []
    other_office = [Tenure("t9", "p/okafor", "Foreign Minister", "a2")]
    assert borrow(stated + other_office, canonical) == []
    assert borrow(stated + [Tenure("t9", "p/okafor", "President", "a2")], {}) == []  # not linked: no state


def _derived(store: GraphStore) -> list[str]:
    return sorted(f"{q}" for g in DERIVED_GRAPHS for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))


def _rows(runner: CliRunner, graph: Path, *args: str) -> list[list[str]]:
    result = runner.invoke(cli, ["query", *args, "--graph", str(graph), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.stdout.splitlines()[1:]]


def test_identity_real_articles_one_person_until_a_namesake_arrives(tmp_path: Path, write, runner: CliRunner) -> None:
    full, short, namesake = write("in/a.txt", FULL), write("in/b.txt", SHORT), write("in/c.txt", NAMESAKE)
    graph = tmp_path / "graph"
    with GraphStore.open(graph, create=True) as store:
        assert build([full, short], store).ok
    met = {(r[0], r[1]): r[2] for r in _rows(runner, graph, "met-with")}
    assert met[("Amara Okafor", "Max Mustermann")] == "2"  # "President Okafor" is Amara Okafor: met twice
    positions = {(r[0], r[1], r[2]): (r[3], r[5], r[6]) for r in _rows(runner, graph, "positions")}
    assert positions[("b", "Okafor", "President")] == ("Kenya", "a", "linked person")  # borrowed at build time
    links = _rows(runner, graph, "SELECT ?p ?q ?basis ?from WHERE { ?l dip:linkedPerson ?p ; dip:canonicalPerson ?q ;"
                                 " dip:inferenceBasis ?basis ; prov:wasDerivedFrom ?from } ORDER BY ?from")
    base = "https://w3id.org/kg-diplomacy/id/"
    assert links == [[f"{base}person/okafor", f"{base}person/amara-okafor", "surname", f"{base}article/{a}"]
                     for a in ("a", "b")]  # the evidence: the articles that name each person
    with GraphStore.open(graph, write=False) as store:
        two = _derived(store)

    with GraphStore.open(graph, write=True) as store:  # a second Okafor: "Okafor" may be either person
        assert build([namesake], store).ok
    met = {(r[0], r[1]): r[2] for r in _rows(runner, graph, "met-with")}
    assert met[("Amara Okafor", "Max Mustermann")] == "1" and met[("Okafor", "Max Mustermann")] == "1"
    assert not [r for r in _rows(runner, graph, "positions") if r[1] == "Okafor"]  # no state to borrow
    assert runner.invoke(cli, ["query", "ASK { ?p dip:samePersonAs ?q }", "--graph", str(graph)]).stdout == "false\n"

    assert runner.invoke(cli, ["remove", "c", "--graph", str(graph)]).exit_code == 0
    with GraphStore.open(graph, write=False) as store:
        assert _derived(store) == two  # exact again: the derived graphs follow the store
