"""Articles of any length in linear time and bounded memory: read in pieces, extracted per piece, merged.

Why: the per-article rules grow faster than the text (measured on invented text, extraction alone:
10k characters 5 us/char, 40k 20 us/char, 80k 38 us/char), spaCy refuses texts over ``max_length``
(1,000,000 characters), and a parsed ``Doc`` of 2M characters costs gigabytes. So an article longer
than :data:`MAX_PIECE_CHARS` is cut into pieces of at most that many characters -- at a paragraph
break where one falls in the second half of the window, else after a sentence, else at a space --
each piece is parsed and extracted on its own with its character offset, and the piece extractions
are merged into one :class:`~kg.model.Extraction` of the whole article whose offsets index the
whole text. spaCy parses at most :data:`BATCH_CHARS` characters (or ``batch_size`` texts) at a
time, so memory does not grow with the article.

An article that fits in one piece (nearly every news article) goes through unchanged: the same
:class:`~kg.model.Article`, the same extraction as before pieces existed.

Merging (what crosses a piece boundary and what does not):

* entities: one per key (the first piece's name and evidence; aliases joined); a person named by
  surname only in a later piece ("Roe") joins the one person of an earlier piece whose full name
  ends with it ("Jane Roe"), as :func:`kg.extract.persons.cluster_persons` does within a text;
* events: one per kind, participants, status and quote, as within one text (the first report
  keeps its evidence and takes the most precise date; a headline report gives way to the body);
* positions: one per holder, office, jurisdiction and tense (the first keeps its evidence);
* not across pieces: "the minister said" bound to a person named in an earlier piece, a dateline
  other than the article's first one (every piece is dated by the article's date or that dateline).

Failures: with ``keep_going`` an article whose parse or extraction raises comes out as
:class:`Failed` in its place, and the others go on (a spaCy batch that raises is parsed again text
by text, so the failure is pinned on the article that causes it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from kg.model import Article, Entity, Event, Evidence, Extraction, Position

__all__ = ["BATCH_CHARS", "MAX_PIECE_CHARS", "Failed", "Piece", "extract_stream", "merge", "pieces", "spans"]

MAX_PIECE_CHARS = 20_000
BATCH_CHARS = 50_000
# a sentence ends at . ! ? (closing quotes and brackets kept with it) before a space and a capital,
# digit or opening quote; not after an initial ("J. Roe", "U.S.") or a common abbreviation
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen", "gov", "prof", "rev", "jr", "sr", "no", "vs"])
_PRECISION = {"year": 0, "month": 1, "day": 2}

ExtractDoc = Callable[[Any, Article], Extraction]


@dataclass(frozen=True)
class Failed:
    """An article that could not be extracted, and why (``extract_many(..., keep_going=True)``)."""

    article: Article
    error: Exception


@dataclass(frozen=True)
class Piece:
    """One piece of ``article``: ``part`` is an article whose text is ``article.text[offset:...]``."""

    article: Article
    part: Article
    offset: int
    last: bool
    error: Exception | None = None  # cutting the article failed (a bug): the article fails


# -- cutting ---------------------------------------------------------------------------------------

def spans(text: str, limit: int = MAX_PIECE_CHARS, *, floor: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text``: contiguous (each piece keeps the whitespace after
    it, as a sentence of the whole text does), each at most ``limit`` characters plus that
    whitespace (unless one word is longer); the first ends at or after ``floor`` (an article's
    title stays whole in the first piece).

    >>> text = "One. Two.\\n\\nThree is here. Four."
    >>> [text[a:b] for a, b in spans(text, 20)]
    ['One. Two.\\n\\n', 'Three is here. Four.']
    >>> [text[a:b] for a, b in spans(text, 15)]
    ['One. Two.\\n\\n', 'Three is here. ', 'Four.']
    """
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _skip_space(text, _cut(text, start, limit, floor if not out else 0))
        if end >= len(text):
            break
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, limit: int, floor: int) -> int:
    """Where the piece that starts at ``start`` ends: the best boundary in its window."""
    hi = min(len(text), max(start + limit, floor + limit // 2))
    for lo in (max(start + limit // 2, floor), max(start + 1, floor)):
        if lo >= hi:
            continue
        paragraph = text.rfind("\n\n", lo, hi)
        if paragraph > 0:
            return paragraph
        sentence = _last_sentence_end(text, lo, hi)
        if sentence is not None:
            return sentence
    space = max(text.rfind(" ", max(start + 1, floor), hi), text.rfind("\n", max(start + 1, floor), hi))
    if space > 0:
        return space
    end = hi  # one word longer than the limit: cut it (a surrogate pair is one str character)
    while end < len(text) and not text[end].isspace() and end - start < 4 * limit:
        end += 1
    return end


def _last_sentence_end(text: str, lo: int, hi: int) -> int | None:
    best = None
    for match in _SENTENCE_END.finditer(text, lo, hi):
        word = text[max(lo, match.start() - 5): match.start()].rsplit(None, 1)[-1:] or [""]
        bare = word[0].lower().lstrip("\"'(")
        if len(bare) <= 1 or "." in bare or bare in _ABBREVIATIONS:  # "J.", "U.S.", "Mr."
            continue
        best = match.end()
    return best


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def pieces(article: Article, limit: int | None = None) -> list[Piece]:
    """The pieces of one article; an article that fits is one piece holding the article itself."""
    cuts = spans(article.text, limit or MAX_PIECE_CHARS, floor=article.body_offset)
    if len(cuts) == 1:
        return [Piece(article, article, 0, True)]
    from kg.extract.timex import dateline_date

    first_end = cuts[0][1]
    anchor = article.date or dateline_date(article.text[article.body_offset:first_end])
    out = []
    for i, (start, end) in enumerate(cuts):
        part = Article(id=article.id, text=article.text[start:end], date=article.date if i == 0 else anchor,
                       title=article.title if i == 0 else None, url=article.url, origin=article.origin)
        out.append(Piece(article, part, start, i == len(cuts) - 1))
    return out


def _pieces(articles: Iterable[Article], keep_going: bool) -> Iterator[Piece]:
    for article in articles:
        try:
            cut = pieces(article)
        except Exception as exc:
            if not keep_going:
                raise
            cut = [Piece(article, article, 0, True, error=exc)]
        yield from cut


# -- parsing and extracting ------------------------------------------------------------------------

def extract_stream(
    nlp: Any, articles: Iterable[Article], extract_doc: ExtractDoc, *, n_process: int = 1, batch_size: int = 64,
    keep_going: bool = False,
) -> Iterator[Extraction | Failed]:
    """Extract each article (in pieces when long), in input order; see the module docstring."""
    items = _pieces(articles, keep_going)
    if n_process > 1:  # spaCy's own worker processes: a failure ends the stream
        docs: Iterable[tuple[Piece, Any]] = (
            (piece, doc) for doc, piece in
            nlp.pipe(((p.part.text, p) for p in items), as_tuples=True, n_process=n_process, batch_size=batch_size))
    else:
        docs = _parse(nlp, items, batch_size, keep_going)
    parts: list[Extraction] = []
    error: Exception | None = None
    for piece, doc in docs:
        if error is None:
            try:
                if isinstance(doc, Exception):
                    raise doc
                parts.append(shift(extract_doc(doc, piece.part), piece.offset))
            except Exception as exc:
                if not keep_going:
                    raise
                error = exc
        if piece.last:
            yield Failed(piece.article, error) if error is not None else merge(piece.article, parts)
            parts, error = [], None


def _parse(nlp: Any, items: Iterable[Piece], batch_size: int, keep_going: bool) -> Iterator[tuple[Piece, Any]]:
    """(piece, Doc) in order, parsing batches of at most ``batch_size`` texts and :data:`BATCH_CHARS`
    characters; with ``keep_going`` a batch that raises is parsed again text by text and a text
    that raises gives its exception in place of its Doc."""
    for batch in _batches(items, batch_size):
        texts = [piece.part.text for piece in batch if piece.error is None]
        try:
            parsed: list[Any] = list(nlp.pipe(texts, batch_size=max(1, len(texts))))
        except Exception:
            if not keep_going:
                raise
            parsed = [_parse_one(nlp, text) for text in texts]
        docs = iter(parsed)
        for piece in batch:
            yield piece, (piece.error if piece.error is not None else next(docs))


def _parse_one(nlp: Any, text: str) -> Any:
    try:
        return nlp(text)
    except Exception as exc:  # noqa: BLE001 - handed on in place of the Doc
        return exc


def _batches(items: Iterable[Piece], batch_size: int) -> Iterator[list[Piece]]:
    batch: list[Piece] = []
    size = 0
    for piece in items:
        if batch and (len(batch) >= batch_size or size + len(piece.part.text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece.part.text)
    if batch:
        yield batch


# -- offsets and merging ---------------------------------------------------------------------------

def _moved(evidence: Evidence, offset: int) -> Evidence:
    return Evidence(evidence.sentence, evidence.start + offset, evidence.end + offset,
                    evidence.anchor_start + offset, evidence.anchor_end + offset)


def _maybe_moved(evidence: Evidence | None, offset: int) -> Evidence | None:
    return None if evidence is None else _moved(evidence, offset)


def shift(extraction: Extraction, offset: int) -> Extraction:
    """The extraction of a piece that starts at ``offset``, with its offsets into the whole text."""
    if offset == 0:
        return extraction
    return replace(
        extraction,
        entities=tuple(replace(e, evidence=_maybe_moved(e.evidence, offset)) for e in extraction.entities),
        positions=tuple(replace(p, evidence=_maybe_moved(p.evidence, offset)) for p in extraction.positions),
        events=tuple(replace(e, evidence=_moved(e.evidence, offset),
                             cause_evidence=_maybe_moved(e.cause_evidence, offset)) for e in extraction.events),
    )


def merge(article: Article, parts: list[Extraction]) -> Extraction:
    """One extraction of ``article`` from the (shifted) extractions of its pieces, in text order."""
    if len(parts) == 1:
        return parts[0] if parts[0].article is article else replace(parts[0], article=article)
    entities, rename = _merge_entities(parts)
    events = _merge_events([_renamed_event(e, rename) for part in parts for e in part.events], article.body_offset)
    positions: dict[tuple[Any, ...], Position] = {}
    for position in (p for part in parts for p in part.positions):
        position = replace(position, holder=rename.get(position.holder, position.holder))
        positions.setdefault((position.holder, position.title, position.jurisdiction, position.former), position)
    warnings = tuple(dict.fromkeys(w for part in parts for w in part.warnings))
    return Extraction(article=article, entities=entities, positions=tuple(positions.values()),
                      events=events, warnings=warnings)


def _merge_entities(parts: list[Extraction]) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """One entity per key, and the renames of surname-only persons of later pieces."""
    merged: dict[str, Entity] = {}
    first_part: dict[str, int] = {}
    for index, part in enumerate(parts):
        for entity in part.entities:
            kept = merged.get(entity.key)
            if kept is None:
                merged[entity.key] = entity
                first_part[entity.key] = index
            else:
                merged[entity.key] = _joined(kept, entity)
    rename = _surname_renames(merged, first_part, parts)
    for short, full in rename.items():
        merged[full] = _joined(merged[full], merged.pop(short))
    return tuple(merged[key] for key in sorted(merged)), rename


def _joined(kept: Entity, other: Entity) -> Entity:
    aliases = set(kept.aliases) | set(other.aliases) | ({other.name} if other.name != kept.name else set())
    return replace(
        kept,
        aliases=tuple(sorted(aliases - {kept.name})),
        country=kept.country or other.country,
        geonames_id=kept.geonames_id if kept.geonames_id is not None else other.geonames_id,
        org_type=kept.org_type or other.org_type,
        evidence=kept.evidence or other.evidence,
    )


def _surname_renames(merged: dict[str, Entity], first_part: dict[str, int],
                     parts: list[Extraction]) -> dict[str, str]:
    """``person:roe`` first seen in a later piece -> ``person:jane roe`` when that is the only
    person of an earlier piece whose name ends with the same word, and no event of the article
    names both (which would make one person meet or host themselves)."""
    by_surname: dict[str, list[str]] = {}
    for key, entity in merged.items():
        words = key.split(":", 1)[1].split() if entity.kind == "person" else []
        if len(words) > 1:
            by_surname.setdefault(words[-1], []).append(key)
    together: dict[str, set[str]] = {}  # key -> the keys it shares an event with
    for event in (e for part in parts for e in part.events):
        keys = {k for _, ks in event.roles for k in ks} | {event.attributed_to or ""}
        for key in keys:
            together.setdefault(key, set()).update(keys)
    rename: dict[str, str] = {}
    for key, entity in merged.items():
        words = key.split(":", 1)[1].split() if entity.kind == "person" else []
        if len(words) != 1:
            continue
        earlier = [full for full in by_surname.get(words[0], ()) if first_part[full] < first_part[key]]
        if len(earlier) == 1 and earlier[0] not in together.get(key, ()):
            rename[key] = earlier[0]
    return rename


def _renamed_event(event: Event, rename: dict[str, str]) -> Event:
    if not rename:
        return event
    roles = tuple((role, tuple(sorted({rename.get(k, k) for k in keys}))) for role, keys in event.roles)
    attributed = rename.get(event.attributed_to, event.attributed_to) if event.attributed_to else None
    return replace(event, roles=roles, attributed_to=attributed)


def _merge_events(events: list[Event], headline_end: int) -> tuple[Event, ...]:
    """One event per (kind, participants, status, quote), as within one text: the first report
    keeps its evidence and takes a named host and the most precise date of the others; a headline
    report gives way to a body report of the same participants."""
    def who(event: Event) -> tuple[Any, ...]:
        return (event.kind, tuple((k, v) for k, v in event.roles if k not in ("place", "host")))

    body = {who(e) for e in events if e.evidence.start >= headline_end}
    merged: dict[tuple[Any, ...], Event] = {}
    for event in events:
        if event.evidence.start < headline_end and who(event) in body:
            continue
        key = (*who(event), event.status, event.quote)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            continue
        if event.role("host") and not kept.role("host"):
            roles = dict(kept.roles)
            roles["host"] = event.role("host")
            kept = merged[key] = replace(kept, roles=tuple(sorted(roles.items())))
        if event.time and (kept.time is None or _PRECISION[event.time.precision] > _PRECISION[kept.time.precision]):
            merged[key] = replace(kept, time=event.time)
    return tuple(sorted(merged.values(), key=lambda e: (e.evidence.start, e.kind, e.roles)))
