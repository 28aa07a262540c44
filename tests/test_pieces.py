"""Long articles in pieces (kg.extract.pieces): where they are cut, offsets into the whole text,
the merge, one article's failure pinned on it; and the real pipeline on a cut text gives what it
gives on the whole text when the paragraphs do not refer to each other. Invented texts only."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

import kg.extract.pieces as pieces_module
from kg.extract.pieces import Failed, extract_stream, merge, pieces, shift, spans
from kg.model import Article, Entity, Event, Evidence, Extraction, Position, TimeValue


def _cuts(text: str, limit: int, floor: int = 0) -> list[str]:
    found = spans(text, limit, floor=floor)
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(found, found[1:]))  # contiguous
    return [text[start:end] for start, end in found]


def test_pieces_cut_at_paragraphs_then_sentences_then_spaces() -> None:
    paragraphs = [f"Paragraph {i} has two sentences. It ends here." for i in range(40)]
    text = "\n\n".join(paragraphs)
    cut = _cuts(text, 200)
    assert "".join(cut) == text
    assert all(len(piece.rstrip()) <= 200 for piece in cut)
    assert all(piece.endswith("here.\n\n") for piece in cut[:-1])  # at a paragraph break, kept with it
    one_paragraph = " ".join(f"Sentence {i} is about talks." for i in range(60))
    cut = _cuts(one_paragraph, 200)
    assert all(piece.endswith("talks. ") and len(piece) <= 201 for piece in cut[:-1])
    words = " ".join(f"word{i}" for i in range(200))  # no sentence at all: at a space
    assert all(piece.endswith(" ") for piece in _cuts(words, 100)[:-1])
    giant = "x" * 1000  # one word longer than the limit: cut anyway, nothing lost
    assert "".join(_cuts(giant, 100)) == giant


def test_pieces_never_cut_after_an_initial_or_abbreviation() -> None:
    text = ("Talks went on. " * 5) + "Mr. Roe met U.S. officials and J. Doe on Monday." + (" More talks." * 5)
    for limit in range(60, len(text), 7):
        for piece in _cuts(text, limit)[:-1]:
            assert not piece.rstrip().endswith(("Mr.", "U.S.", "J.")), (limit, piece)


def test_pieces_title_stays_whole_in_the_first_piece() -> None:
    title = "A long headline " * 20
    article = Article(id="t", text=f"{title}\n\n" + "Body sentence here. " * 50, title=title)
    cut = pieces(article, limit=100)
    assert len(cut) > 2 and cut[0].part.title == title and cut[0].offset == 0
    assert len(cut[0].part.text) > len(title) + 2
    assert all(p.part.title is None and p.part.text == article.text[p.offset:p.offset + len(p.part.text)]
               for p in cut[1:])
    assert [p.last for p in cut] == [False] * (len(cut) - 1) + [True]


def test_pieces_short_article_is_one_piece_holding_itself() -> None:
    article = Article(id="s", text="Jane Roe will visit Germany.")
    (piece,) = pieces(article)
    assert piece.part is article and piece.offset == 0 and piece.last


def test_pieces_later_pieces_are_dated_by_the_article_or_its_dateline() -> None:
    body = "NEW DELHI, 7 September 2004 - Talks began. " + "More talks today. " * 20
    cut = pieces(Article(id="d", text=body), limit=100)
    assert cut[0].part.date is None and {p.part.date for p in cut[1:]} == {date(2004, 9, 7)}
    dated = pieces(Article(id="d", text=body, date=date(2020, 1, 2)), limit=100)
    assert {p.part.date for p in dated} == {date(2020, 1, 2)}


# -- merge -----------------------------------------------------------------------------------------

def _ev(start: int, anchor: int, sentence: str = "s") -> Evidence:
    return Evidence(sentence, start, start + 10, anchor, anchor + 3)


def _visit(traveler: str, start: int, time: TimeValue | None = None, status: str = "occurred") -> Event:
    roles = (("destination", ("country:DE",)), ("traveler", (traveler,)))
    return Event("visit", status, roles, _ev(start, start + 2), time=time)  # type: ignore[arg-type]


def test_pieces_shift_moves_every_offset() -> None:
    x = Extraction(article=Article(id="x", text="t"),
                   entities=(Entity("person:jane roe", "person", "Jane Roe", evidence=_ev(1, 2)),),
                   positions=(Position("person:jane roe", "Minister", None, evidence=_ev(3, 4)),),
                   events=(Event("visit", "cancelled", (), _ev(5, 6), cause_evidence=_ev(7, 8)),))
    moved = shift(x, 100)
    assert moved.entities[0].evidence == _ev(101, 102) and moved.positions[0].evidence == _ev(103, 104)
    assert (moved.events[0].evidence, moved.events[0].cause_evidence) == (_ev(105, 106), _ev(107, 108))
    assert shift(x, 0) is x


def test_pieces_merge_dedupes_and_joins_a_later_surname() -> None:
    article = Article(id="m", text="whole text")
    roe = Entity("person:jane roe", "person", "Jane Roe", evidence=_ev(0, 0))
    first = Extraction(article=article, entities=(roe, Entity("country:DE", "country", "Germany", country="DE")),
                       positions=(Position("person:jane roe", "Foreign Minister", "country:FR", evidence=_ev(0, 1)),),
                       events=(_visit("person:jane roe", 0, TimeValue("2021-03", "month")),))
    later = Extraction(article=article,
                       entities=(Entity("person:roe", "person", "Roe", evidence=_ev(50, 50)),
                                 Entity("country:DE", "country", "Germany", aliases=("Deutschland",), country="DE")),
                       positions=(Position("person:roe", "Foreign Minister", "country:FR", evidence=_ev(50, 51)),),
                       events=(_visit("person:roe", 50, TimeValue("2021-03-02", "day")),))
    merged = merge(article, [first, later])
    assert [e.key for e in merged.entities] == ["country:DE", "person:jane roe"]
    assert merged.entity("person:jane roe").aliases == ("Roe",)  # type: ignore[union-attr]
    assert merged.entity("country:DE").aliases == ("Deutschland",)  # type: ignore[union-attr]
    (visit,) = merged.events  # the same trip: the first report, with the more precise date
    assert visit.evidence.start == 0 and visit.time == TimeValue("2021-03-02", "day")
    assert merged.positions == first.positions


def test_pieces_merge_keeps_a_surname_apart_when_ambiguous_or_together() -> None:
    article = Article(id="m", text="whole text")
    people = [Entity("person:jane roe", "person", "Jane Roe"), Entity("person:max roe", "person", "Max Roe")]
    short = Entity("person:roe", "person", "Roe")
    merged = merge(article, [Extraction(article, entities=tuple(people)), Extraction(article, entities=(short,))])
    assert {e.key for e in merged.entities} == {"person:jane roe", "person:max roe", "person:roe"}  # two fit
    meeting = Event("meeting", "occurred", (("participant", ("person:jane roe", "person:roe")),), _ev(60, 61))
    merged = merge(article, [Extraction(article, entities=(people[0],)),
                             Extraction(article, entities=(people[0], short), events=(meeting,))])
    assert {e.key for e in merged.entities} == {"person:jane roe", "person:roe"}  # named together: two people


def test_pieces_merge_of_one_piece_is_that_extraction() -> None:
    article = Article(id="one", text="t")
    x = Extraction(article=article, events=(_visit("person:a", 0),))
    assert merge(article, [x]) is x


# -- the stream: batches and failures ---------------------------------------------------------------

class FakeNlp:
    """``nlp(text)`` / ``nlp.pipe(texts)`` returning the text itself; raises for texts with "BOOM"."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def __call__(self, text: str) -> str:
        if "BOOM" in text:
            raise ValueError("parser bug")
        return text

    def pipe(self, texts: list[str], batch_size: int) -> Any:
        self.batches.append(sum(map(len, texts)))
        return [self(text) for text in texts]


def _fake_extract(doc: str, article: Article) -> Extraction:
    if "FAIL" in doc:
        raise RuntimeError("rule bug")
    return Extraction(article=article, events=(_visit(f"person:{article.id}-{len(doc)}-{hash(doc)}", 0),))


def test_pieces_stream_pins_each_failure_on_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces_module, "MAX_PIECE_CHARS", 50)
    texts = {"a": "Fine words here.", "b": "A long one. " * 12 + "FAIL at the end.", "c": "BOOM goes the parser.",
             "d": "Also fine."}
    articles = [Article(id=k, text=v) for k, v in texts.items()]
    nlp = FakeNlp()
    out = list(extract_stream(nlp, articles, _fake_extract, batch_size=64, keep_going=True))
    assert [type(x).__name__ for x in out] == ["Extraction", "Failed", "Failed", "Extraction"]
    assert [x.article.id for x in out] == ["a", "b", "c", "d"]
    assert isinstance(out[1], Failed) and str(out[1].error) == "rule bug"
    assert isinstance(out[2], Failed) and str(out[2].error) == "parser bug"
    with pytest.raises(RuntimeError, match="rule bug"):  # without keep_going the first error is raised
        list(extract_stream(FakeNlp(), [articles[0], articles[1], articles[3]], _fake_extract))


def test_pieces_stream_parses_bounded_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces_module, "MAX_PIECE_CHARS", 100)
    monkeypatch.setattr(pieces_module, "BATCH_CHARS", 250)
    text = " ".join(f"Sentence {i} is here." for i in range(200))
    nlp = FakeNlp()
    (extraction,) = extract_stream(nlp, [Article(id="long", text=text)], _fake_extract)
    assert max(nlp.batches) <= 250 and sum(nlp.batches) == len(text)
    starts = [e.evidence.start for e in extraction.events]
    assert len(starts) == len(spans(text, 100)) and starts == sorted(starts)


# -- the real pipeline --------------------------------------------------------------------------------

FIRST = ["Jane", "Max", "Anna", "Omar", "Lena", "Ravi"]
LAST = ["Roe", "Mustermann", "Varnek", "Ostrova", "Kellam", "Brisco", "Tanaro", "Okafor"]
TEMPLATES = [
    "French Foreign Minister {a} will visit Germany next week, the ministry said. {a_last} is expected to meet "
    "{b} in Berlin.",
    "{a} met Japanese Prime Minister {b} in Tokyo on Monday. The two sides agreed to continue the talks.",
    "Canadian Trade Minister {a} cancelled a planned trip to Egypt after protests, according to the ministry.",
]


def _independent_paragraphs(count: int) -> str:
    """Invented paragraphs, each naming its own people, so none refers to another."""
    names = iter(f"{first} {last}" for last, first in itertools.product(LAST, FIRST))
    paragraphs = []
    for i in range(count):
        a, b = next(names), next(names)
        paragraphs.append(TEMPLATES[i % 3].format(a=a, b=b, a_last=a.split()[-1]))
    return "\n\n".join(paragraphs)


@pytest.mark.slow
def test_pieces_real_pipeline_cut_equals_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import extract

    text = _independent_paragraphs(12)
    article = Article(id="long", text=text, date=date(2021, 3, 2))
    whole = extract(article)
    monkeypatch.setattr(pieces_module, "MAX_PIECE_CHARS", 400)
    assert len(pieces(article)) >= 4
    cut = extract(article)
    assert len(whole.events) >= 12
    assert sorted(cut.events, key=repr) == sorted(whole.events, key=repr)  # offsets into the whole text
    assert cut.entities == whole.entities and set(cut.positions) == set(whole.positions)
    for event in cut.events:
        ev = event.evidence
        assert text[ev.start:ev.end] == ev.sentence and ev.start <= ev.anchor_start < ev.anchor_end <= ev.end


@pytest.mark.slow
def test_pieces_real_pipeline_surname_in_a_later_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """A person named in full in the first piece and by title and surname in a later one is one
    person (without the title, the tagger does not find a bare surname in a piece of its own)."""
    from kg.extract import extract

    text = ("French Foreign Minister Jane Roe will visit Germany next week.\n\n"
            + "Markets were little changed on Tuesday. " * 8
            + "\n\nForeign Minister Roe met German Chancellor Max Mustermann in Berlin on Monday.")
    monkeypatch.setattr(pieces_module, "MAX_PIECE_CHARS", 200)
    article = Article(id="roe", text=text, date=date(2021, 3, 2))
    assert len(pieces(article)) >= 2
    x = extract(article)
    assert "person:roe" not in {e.key for e in x.entities}
    meetings = [e for e in x.events if e.kind == "meeting"]
    assert meetings and all("person:jane roe" in e.role("participant") for e in meetings)
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.sentence for e in x.events)


@pytest.mark.slow
def test_pieces_paragraph_marks_are_the_same_at_any_length() -> None:
    """kg_paragraphs (kg.nlp) writes its sentence marks in one array (linear); the marks: a line
    break starts a sentence, a name after a capitalised title does not."""
    from kg.nlp import load

    nlp = load()
    line = "Talks in Paris\nPresident Jane Roe met Minister Max Mustermann on Monday.\n\n"
    for repeat in (1, 200):
        doc = nlp(line * repeat)
        starts = [t.i for t in doc if t.is_sent_start]
        per_line = len(nlp.tokenizer(line))
        assert starts == [i for n in range(repeat) for i in (n * per_line, n * per_line + 4)]
