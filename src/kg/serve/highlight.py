"""An article's text cut into plain runs and highlighted evidence, for the article page.

Every fact's evidence is a sentence span (``dip:sentenceStart``/``dip:sentenceEnd``) holding an anchor
span (``dip:anchorStart``/``dip:anchorEnd``), offsets into ``dip:text``. Overlapping sentence spans
become one highlight that lists all their facts; anchors inside it are marked too. Pieces are plain
strings: the template escapes them.

>>> blocks = cut("Roe met Doe. Then rain.", [Evidence(0, 12, 4, 7, "f1"), Evidence(0, 12, 0, 3, "f2")])
>>> [(b.text, b.facts) for b in blocks]
[('Roe met Doe.', ('f1', 'f2')), (' Then rain.', ())]
>>> blocks[0].pieces
(('Roe', True), (' ', False), ('met', True), (' Doe.', False))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Block", "Evidence", "cut"]


@dataclass(frozen=True, order=True)
class Evidence:
    start: int
    end: int
    anchor_start: int
    anchor_end: int
    fact: str  # the fact's key (its IRI)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    pieces: tuple[tuple[str, bool], ...]  # (text, is an anchor)
    facts: tuple[str, ...] = ()  # empty: plain text

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.pieces)

    @property
    def ident(self) -> str:
        return f"s{self.start}-{self.end}"


def cut(text: str, evidence: Iterable[Evidence]) -> list[Block]:
    """``text`` as consecutive blocks: plain runs and one highlight per group of overlapping sentences."""
    spans = sorted((max(0, e.start), min(len(text), e.end), e) for e in evidence if e.start < e.end <= len(text))
    groups: list[tuple[int, int, list[Evidence]]] = []
    for start, end, item in spans:
        if groups and start < groups[-1][1]:
            first, last, items = groups[-1]
            groups[-1] = (first, max(last, end), items + [item])
        else:
            groups.append((start, end, [item]))
    blocks: list[Block] = []
    at = 0
    for start, end, items in groups:
        if at < start:
            blocks.append(Block(at, start, ((text[at:start], False),)))
        anchors = [(max(start, i.anchor_start), min(end, i.anchor_end)) for i in items]
        facts = tuple(sorted({i.fact for i in items}))
        blocks.append(Block(start, end, _pieces(text, start, end, anchors), facts))
        at = end
    if at < len(text):
        blocks.append(Block(at, len(text), ((text[at:], False),)))
    return blocks


def _pieces(text: str, start: int, end: int, anchors: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
    merged: list[list[int]] = []
    for a, b in sorted(x for x in anchors if x[0] < x[1]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces: list[tuple[str, bool]] = []
    at = start
    for a, b in merged:
        if at < a:
            pieces.append((text[at:a], False))
        pieces.append((text[a:b], True))
        at = b
    if at < end:
        pieces.append((text[at:end], False))
    return tuple(pieces)
