"""Extraction behaviour, one short invented sentence per test (names are fictional)."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from kg.extract import extract
from kg.model import Article, Event, Extraction

DAY = date(2021, 3, 4)  # a Thursday


@functools.cache
def run(text: str, day: date | None = DAY) -> Extraction:
    """The extraction of ``text`` (cached: the spaCy model loads once per module)."""
    return extract(Article(id="t", text=text, date=day))


def events(text: str, kind: str, day: date | None = DAY) -> list[Event]:
    return [event for event in run(text, day).events if event.kind == kind]


def positions(text: str) -> set[tuple[str, str, str | None]]:
    return {(p.holder, p.title, p.jurisdiction) for p in run(text).positions}


def test_extract_title_before_name() -> None:
    text = "French Foreign Minister Jane Roe will visit Germany next week."
    [visit] = events(text, "visit")
    assert visit.role("traveler") == ("person:jane roe",)
    assert visit.role("destination") == ("country:DE",)
    assert visit.status == "planned"
    assert ("person:jane roe", "Foreign Minister", "country:FR") in positions(text)


def test_extract_apposition() -> None:
    text = "Pedro Alvarez, the Spanish prime minister, arrived in Tokyo on Monday."
    [visit] = events(text, "visit")
    assert visit.role("traveler") == ("person:pedro alvarez",)
    assert visit.role("destination") == ("country:JP",)
    assert visit.status == "occurred"
    assert ("person:pedro alvarez", "Prime Minister", "country:ES") in positions(text)


def test_extract_cancelled_with_cause() -> None:
    text = "Pedro Alvarez called off his trip to Beijing after a dispute over tariffs."
    [visit] = events(text, "visit")
    assert visit.status == "cancelled"
    assert visit.role("destination") == ("country:CN",)
    assert visit.cause and "tariffs" in visit.cause


def test_extract_postponed() -> None:
    [visit] = events("Italian Foreign Minister Marco Bellini postponed his visit to Brazil.", "visit")
    assert visit.status == "postponed"
    assert visit.role("traveler") == ("person:marco bellini",)
    assert visit.role("destination") == ("country:BR",)


def test_extract_considered_may_visit() -> None:
    [visit] = events("Canadian Prime Minister Anna Berg may visit India next month.", "visit")
    assert visit.status == "considered"
    assert visit.role("destination") == ("country:IN",)


def test_extract_meeting_two_persons_date_resolved() -> None:
    [meeting] = events("Jane Roe met Pedro Alvarez in Paris on Tuesday.", "meeting")
    assert meeting.status == "occurred"
    assert meeting.role("participant") == ("person:jane roe", "person:pedro alvarez")
    assert meeting.time is not None and meeting.time.iso == "2021-03-02"


def test_extract_summons_ambassador_apposition() -> None:
    text = "The foreign ministry summoned the Italian ambassador, Lena Kovacs."
    [summons] = events(text, "summons")
    assert summons.role("summoned") == ("person:lena kovacs",)
    assert ("person:lena kovacs", "Ambassador", "country:IT") in positions(text)


def test_extract_surname_coreference() -> None:
    text = "Jane Roe met Pedro Alvarez in Paris on Tuesday. On Wednesday, Alvarez visited Germany."
    people = [e.key for e in run(text).entities if e.kind == "person"]
    assert people == ["person:jane roe", "person:pedro alvarez"]
    [visit] = events(text, "visit")
    assert visit.role("traveler") == ("person:pedro alvarez",)


def test_extract_surname_coreference_after_title() -> None:
    text = "Greek Foreign Minister Nikos Dravas will visit Egypt. Dravas said the trip was important."
    assert [e.key for e in run(text).entities if e.kind in ("person", "organization")] == [
        "person:nikos dravas"
    ]
    [statement] = events(text, "statement")
    assert statement.role("speaker") == ("person:nikos dravas",)


def test_extract_negation_no_visit() -> None:
    assert events("Jane Roe did not visit Germany.", "visit") == []


def test_extract_hard_negative_tourists() -> None:
    assert run("Tourists visit the museum every day.").events == ()


def test_extract_quote_with_speaker() -> None:
    text = "Lena Kovacs criticised the decision. “We will not accept this,” she said."
    [statement] = events(text, "statement")
    assert statement.role("speaker") == ("person:lena kovacs",)
    assert statement.quote == "We will not accept this"


def test_extract_undated_article_keeps_relative_date_unresolved() -> None:
    [meeting] = events("Jane Roe met Pedro Alvarez in Paris on Tuesday.", "meeting", None)
    assert meeting.status == "occurred"
    assert meeting.time is None


@pytest.mark.parametrize("text", [
    "Foreign Minister Jane Roe will visit Peru next week. Trade Minister Pedro Alvarez will accompany Roe.",
    "Foreign Minister Jane Roe, who is accompanied by Trade Minister Pedro Alvarez, will visit Peru next week.",
])
def test_extract_companion_shares_the_trip(text: str) -> None:
    visits = {(e.role("traveler"), e.role("destination"), e.status) for e in events(text, "visit")}
    assert (("person:pedro alvarez",), ("country:PE",), "planned") in visits
    assert (("person:jane roe",), ("country:PE",), "planned") in visits


def test_extract_headline_verb_is_not_a_name() -> None:
    from kg.text import clean_title

    title = clean_title("FOREIGN MINISTER CALLS OFF TRIP TO PERU")
    body = "Foreign Minister Jane Roe has called off a trip to Peru planned for next week."
    extraction = extract(Article("t", f"{title}\n\n{body}", DAY, title))
    people = {e.key for e in extraction.entities if e.kind == "person"}
    assert people == {"person:jane roe"}


@pytest.mark.parametrize("text", [
    "Jane Roe and Pedro Alvarez each received total compensation of 900,000 dollars.",
    "Groups Eager to Meet With Jane Roe, Pedro Alvarez.",
    "Jane Roe and Pedro Alvarez spoke at the annual meeting of the company.",
    "Striker Jane Roe met defender Pedro Alvarez before the cup match; the coach said the team and the "
    "fans wanted a win in the league.",
])
def test_extract_no_meeting_without_two_sides(text: str) -> None:
    assert events(text, "meeting") == []


def test_extract_meeting_between_subjects_and_host_with_guest() -> None:
    [met] = events("Jane Roe and Pedro Alvarez met in Lima on Monday.", "meeting")
    assert met.role("participant") == ("person:jane roe", "person:pedro alvarez")
    [hosted] = events("Jane Roe hosted Pedro Alvarez at her residence.", "meeting")
    assert hosted.role("participant") == ("person:jane roe", "person:pedro alvarez")


def test_extract_sports_trip_is_not_a_visit() -> None:
    text = ("Striker Pedro Alvarez flew to Italy with the team on Monday for the cup match against the "
            "league leaders, the coach said.")
    assert events(text, "visit") == []
