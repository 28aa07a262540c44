"""Every article of the committed invented sets (``bench/accuracy``) extracts, and what it yields keeps the
model's contract.

``kg build`` and ``kg eval`` keep going past an article whose extraction raises: it is reported as failed and
scored empty. A bug in a rule then shows as one line in a build's output and as a small drop in an accuracy
figure; this test makes it fail loudly, on ~550 articles of many styles that nobody wrote a unit test for.
No answer is pinned here (the gold is scored by ``kg eval``): only what must hold of every extraction.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import read_articles
from kg.extract import pipeline
from kg.extract.pieces import Failed

ACCURACY = Path(__file__).resolve().parent.parent / "bench" / "accuracy"
FILES = sorted(ACCURACY.glob("*/*.jsonl"))


@pytest.mark.slow
@pytest.mark.skipif(not FILES, reason="bench/accuracy is not in this checkout (an installed package)")
def test_every_invented_article_extracts_and_keeps_the_contract() -> None:
    articles = list(read_articles(FILES))
    assert len(articles) >= 100  # the sets are there, not an empty glob
    problems: list[str] = []
    done = 0
    for out in pipeline.run(articles, keep_going=True):
        done += 1
        if isinstance(out, Failed):
            problems.append(f"{out.article.id}: extraction raised {type(out.error).__name__}: {out.error}")
            continue
        text = out.article.text
        keys = {entity.key for entity in out.entities}
        evidences = [event.evidence for event in out.events]
        evidences += [entity.evidence for entity in out.entities if entity.evidence]
        evidences += [position.evidence for position in out.positions if position.evidence]
        for ev in evidences:
            if text[ev.start:ev.end] != ev.sentence or not ev.start <= ev.anchor_start <= ev.anchor_end <= ev.end:
                problems.append(f"{out.article.id}: evidence {ev.start}-{ev.end} is not the sentence at its offsets")
        for event in out.events:
            missing = {key for _, values in event.roles for key in values} - keys
            if event.attributed_to:
                missing |= {event.attributed_to} - keys
            if missing:
                problems.append(f"{out.article.id}: {event.kind} references {sorted(missing)}, not among its entities")
            if event.kind == "visit":
                countries = [key for key in event.role("destination") if key.startswith("country:")]
                if len(countries) != 1:
                    problems.append(f"{out.article.id}: a visit with destination countries {countries}")
        for position in out.positions:
            if position.holder not in keys or (position.jurisdiction and position.jurisdiction not in keys):
                problems.append(f"{out.article.id}: position {position.holder} references an unknown entity")
    assert done == len(articles)
    assert not problems, "\n".join(problems[:20])
