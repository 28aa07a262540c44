"""Answers of the stored queries against gold answers -> precision, recall, F1.

Gold files (``gold/GUIDELINES.md``) hold, per article, the visits, meetings and positions a perfect
extractor would find. The predictions are the rows of ``visits.rq``, ``meetings.rq`` and
``positions.rq`` for the same articles. Scoring rules:

- Names, titles and countries are compared folded (:func:`kg.text.fold`); a gold value ``a|b|c`` accepts
  any of its spellings. Countries also match when both sides resolve to the same code with
  :func:`kg.geo.country_code` (``US`` = ``U.S.`` = ``United States``; ``USSR`` = ``Soviet Union``),
  resolved without the article date, so ``Russia`` is not ``Soviet Union``. Statuses compare folded.
- Tuples: a visit is (traveler, destination_country, status); a meeting is every unordered pair of
  its participants plus its status (pairs are built from rows sharing the ``meeting`` value); a
  position is (person, position, country).
- Predictions are a set per article and question: identical folded tuples count once.
- Each gold tuple matches at most one prediction (maximum bipartite matching). Predictions left over
  that match an ``optional`` gold tuple are dropped: neither rewarded nor counted as false positives.
- Precision, recall and F1 are micro-averaged over tuples; a ratio with a zero denominator is ``None``.
- Date accuracy: among matched visits and meeting pairs whose gold date is not null, the share whose
  predicted date is compatible: equal, or one is a coarser prefix of the other at a component
  boundary (``2023-05`` ~ ``2023-05-08``, ``2023`` ~ ``2023-05``; not ``2023-05`` ~ ``2023-06-01``). A
  missing predicted date is not compatible.
- Halves: every gold article is in the **tune** half or the **check** half by a fixed rule on its id
  (:func:`half_of`: the first byte of ``sha256(id)`` even -> tune, odd -> check). Rules are written from
  the tune half's errors; the check half says whether they carry over to articles nobody read.
- Datasets: the id prefix before the first ``-`` (``agnews-test-1`` -> ``agnews``,
  ``reuters21578-3567`` -> ``reuters21578``, ``plover-gsr-...`` -> ``plover``); ids starting with a
  digit are the ``seed``; ids passed as ``hard_negatives`` form their own row ``hard_negatives``
  (and are not counted in their source dataset's row).
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.queries import QueryResult, load_query, queries_dir, run_query
from kg.text import fold

__all__ = ["Score", "Mistake", "EvalReport", "evaluate", "dataset_of", "dates_compatible", "half_of", "HALVES"]

QUESTIONS: tuple[str, ...] = ("visits", "meetings", "positions")
HALVES: tuple[str, ...] = ("tune", "check")
_CONTRACT = {
    "visits": ("article", "traveler", "destination_country", "status", "date"),
    "meetings": ("article", "meeting", "participant", "status", "date"),
    "positions": ("article", "person", "position", "country"),
}


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Mistake:
    question: str
    kind: str  # "FP" (predicted, not in gold) or "FN" (gold, not predicted)
    article: str
    answer: tuple[str, ...]  # as written: gold with its "a|b" alternatives, predictions as found
    date: str | None = None
    evidence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"question": self.question, "kind": self.kind, "article": self.article,
                "answer": list(self.answer), "date": self.date, "evidence": self.evidence}


@dataclass(frozen=True)
class EvalReport:
    articles: int
    questions: dict[str, Score]
    datasets: dict[str, Score]
    dataset_articles: dict[str, int]
    dated: int  # matched visits and meeting pairs with a gold date
    dates_right: int  # ... whose predicted date is compatible
    mistakes: tuple[Mistake, ...] = field(default=())
    # hard negatives (gold file or not): how many were built, and the visits and meetings found in them
    negatives: int = 0
    negative_events: dict[str, int] = field(default_factory=dict)
    halves: dict[str, Score] = field(default_factory=dict)
    half_articles: dict[str, int] = field(default_factory=dict)

    @property
    def overall(self) -> Score:
        return sum(self.questions.values(), Score())

    @property
    def date_accuracy(self) -> float | None:
        return self.dates_right / self.dated if self.dated else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "questions": {name: score.as_dict() for name, score in self.questions.items()},
            "overall": self.overall.as_dict(),
            "dates": {"with_gold_date": self.dated, "compatible": self.dates_right,
                      "accuracy": self.date_accuracy},
            "datasets": {name: {"articles": self.dataset_articles[name], **score.as_dict()}
                         for name, score in self.datasets.items()},
            "mistakes": [m.as_dict() for m in self.mistakes],
            "hard_negatives": {"articles": self.negatives, **self.negative_events},
            "halves": {name: {"articles": self.half_articles[name], **score.as_dict()}
                       for name, score in self.halves.items()},
        }

    def render(self, errors: bool = False) -> str:
        from kg.render import render_result

        head = ("tp", "fp", "fn", "precision", "recall", "f1")
        rows = [(name, *_figures(score)) for name, score in self.questions.items()]
        rows.append(("all (micro)", *_figures(self.overall)))
        parts = [f"{self.articles} articles\n\n",
                 render_result(QueryResult(("question", *head), tuple(rows)), "table")]
        accuracy = _ratio(self.date_accuracy)
        parts.append(f"\ndates: {self.dates_right}/{self.dated} compatible ({accuracy}) among matched "
                     "visits and meeting pairs with a gold date\n\n")
        rows = [(name, str(self.half_articles[name]), *_figures(score)) for name, score in self.halves.items()]
        if rows:
            parts.append(render_result(QueryResult(("half", "articles", *head), tuple(rows)), "table"))
            parts.append("\n")
        rows = [(name, str(self.dataset_articles[name]), *_figures(score))
                for name, score in self.datasets.items()]
        parts.append(render_result(QueryResult(("dataset", "articles", *head), tuple(rows)), "table"))
        if self.negatives:
            found = ", ".join(f"{n} {q}" for q, n in self.negative_events.items())
            parts.append(f"\nhard negatives: {self.negatives} articles built; found in them: {found} "
                         "(the hard_negatives row scores those with gold answers)\n")
        if errors:
            parts.append("\n")
            parts.extend(_mistake_line(m) for m in self.mistakes)
        return "".join(parts)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _figures(score: Score) -> tuple[str, ...]:
    return (str(score.tp), str(score.fp), str(score.fn), _ratio(score.precision),
            _ratio(score.recall), _ratio(score.f1))


def _mistake_line(m: Mistake) -> str:
    line = f"{m.kind} {m.question} {m.article}: ({', '.join(m.answer)})"
    if m.date:
        line += f" date {m.date}"
    if m.evidence:
        line += f' -- "{m.evidence}"'
    return line + "\n"


# ---------------------------------------------------------------------------------------- helpers

def dataset_of(article_id: str, hard_negatives: Iterable[str] = ()) -> str:
    """The source dataset of an article id (see the module docstring)."""
    if article_id in set(hard_negatives):
        return "hard_negatives"
    if re.match(r"\d", article_id):
        return "seed"
    return article_id.split("-", 1)[0]


def half_of(article_id: str) -> str:
    """The half of the gold an article belongs to, by a fixed rule on its id.

    >>> half_of("agnews-test-1550"), half_of("reuters21578-3567")
    ('tune', 'check')
    """
    import hashlib

    return HALVES[hashlib.sha256(article_id.encode("utf-8")).digest()[0] % 2]


def dates_compatible(predicted: str | None, gold: str) -> bool:
    """Equal, or one a coarser ISO prefix of the other.

    >>> dates_compatible("2023-05-08", "2023-05"), dates_compatible("2023", "2023-05-08")
    (True, True)
    >>> dates_compatible("2023-05", "2023-06-01"), dates_compatible(None, "2023")
    (False, False)
    """
    if not predicted:
        return False
    short, long = sorted((predicted, gold), key=len)
    return long.startswith(short) and (len(long) == len(short) or long[len(short)] == "-")


@functools.lru_cache(maxsize=4096)
def _code(name: str) -> str | None:
    try:
        from kg.geo import country_code
    except ImportError:  # pragma: no cover - geo is part of kg; fold alone then
        return None
    return country_code(name)


def _alternatives(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|"))


def _name_match(predicted: str, gold: str) -> bool:
    folded = fold(predicted)
    return any(folded == fold(alt) for alt in _alternatives(gold))


def _country_match(predicted: str, gold: str) -> bool:
    if _name_match(predicted, gold):
        return True
    code = _code(predicted) if predicted else None
    return code is not None and any(_code(alt) == code for alt in _alternatives(gold) if alt)


# ---------------------------------------------------------------------------------------- tuples

@dataclass(frozen=True)
class _Answer:
    values: tuple[str, ...]  # visits: traveler, country, status; meetings: a, b, status; positions
    date: str | None = None
    evidence: str | None = None


def _visit_match(p: _Answer, g: _Answer) -> bool:
    return (_name_match(p.values[0], g.values[0]) and _country_match(p.values[1], g.values[1])
            and fold(p.values[2]) == fold(g.values[2]))


def _pair_match(p: _Answer, g: _Answer) -> bool:
    if fold(p.values[2]) != fold(g.values[2]):
        return False
    a, b = p.values[0], p.values[1]
    x, y = g.values[0], g.values[1]
    return ((_name_match(a, x) and _name_match(b, y)) or (_name_match(a, y) and _name_match(b, x)))


def _position_match(p: _Answer, g: _Answer) -> bool:
    return (_name_match(p.values[0], g.values[0]) and _name_match(p.values[1], g.values[1])
            and _country_match(p.values[2], g.values[2]))


_MATCHERS: dict[str, Callable[[_Answer, _Answer], bool]] = {
    "visits": _visit_match, "meetings": _pair_match, "positions": _position_match,
}


def _gold_answers(question: str, items: Sequence[dict[str, Any]], where: str) -> list[_Answer]:
    answers: list[_Answer] = []
    try:
        for item in items:
            if question == "visits":
                answers.append(_Answer((item["traveler"], item["destination_country"], item["status"]),
                                       item.get("date")))
            elif question == "positions":
                answers.append(_Answer((item["person"], item["position"], item["country"])))
            else:
                people = list(item["participants"])
                for i, first in enumerate(people):
                    for second in people[i + 1:]:
                        answers.append(_Answer((first, second, item["status"]), item.get("date")))
    except (KeyError, TypeError) as exc:
        raise InputError(f"malformed {question} answer in gold: {exc!r}", where=where) from None
    return answers


def _predicted(question: str, result: QueryResult, articles: set[str]) -> dict[str, list[_Answer]]:
    missing = [c for c in _CONTRACT[question] if c not in result.columns]
    if missing:
        raise QueryError(f"{question}.rq does not select {', '.join(missing)}",
                         fix=f"its first columns must be {', '.join(_CONTRACT[question])}")
    index = {column: i for i, column in enumerate(result.columns)}

    def get(row: tuple[str | None, ...], column: str) -> str:
        i = index.get(column)
        return (row[i] or "") if i is not None else ""

    answers: dict[str, list[_Answer]] = defaultdict(list)
    if question == "meetings":
        meetings: dict[tuple[str, str], list[tuple[str | None, ...]]] = defaultdict(list)
        for row in result.rows:
            if get(row, "article") in articles:
                meetings[(get(row, "article"), get(row, "meeting"))].append(row)
        for (article, _), rows in sorted(meetings.items()):
            names = sorted({get(r, "participant") for r in rows if get(r, "participant")}, key=fold)
            first = rows[0]
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    if fold(a) != fold(b):
                        answers[article].append(_Answer((a, b, get(first, "status")),
                                                        get(first, "date"), get(first, "evidence")))
    else:
        keys = _CONTRACT[question][1:4]
        for row in result.rows:
            if get(row, "article") in articles:
                answers[get(row, "article")].append(_Answer(
                    tuple(get(row, k) for k in keys), get(row, "date") or None, get(row, "evidence")))
    deduped: dict[str, list[_Answer]] = {}
    for article, found in answers.items():
        seen: dict[tuple[str, ...], _Answer] = {}
        for answer in found:
            key = tuple(fold(v) for v in answer.values)
            if question == "meetings":
                key = (*sorted(key[:2]), key[2])
            seen.setdefault(key, answer)
        deduped[article] = list(seen.values())
    return deduped


def _match(gold: list[_Answer], predicted: list[_Answer],
           same: Callable[[_Answer, _Answer], bool]) -> dict[int, int]:
    """Maximum bipartite matching gold index -> predicted index (Kuhn's augmenting paths)."""
    options = [[j for j, p in enumerate(predicted) if same(p, g)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# ---------------------------------------------------------------------------------------- evaluate

def _rows_of(result: QueryResult) -> set[tuple[str | None, ...]]:
    """A visits/meetings result reduced to one row per fact: (article, traveler, destination,
    status) for visits, (article, meeting) for meetings."""
    index = {c: i for i, c in enumerate(result.columns)}
    keep = [index[c] for c in ("article", "traveler", "destination_country", "status", "meeting") if c in index]
    return {tuple(row[i] for i in keep) for row in result.rows}


def _load_gold(gold_dir: Path, article_ids: set[str]) -> list[dict[str, Any]]:
    if not gold_dir.is_dir():
        raise InputError("gold directory not found", where=str(gold_dir))
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"cannot read gold file: {exc}", where=str(path)) from None
        if not isinstance(data, dict) or "id" not in data:
            raise InputError("gold file has no 'id'", where=str(path))
        if data["id"] in article_ids:
            data["_path"] = str(path)
            golds.append(data)
    return sorted(golds, key=lambda d: d["id"])


def evaluate(
    gold_dir: Path,
    store: ox.Store | Path,
    article_ids: set[str],
    *,
    hard_negatives: Iterable[str] = (),
    timeout: float | None = None,
    half: str | None = None,
) -> EvalReport:
    """Score the stored queries' answers for the ``article_ids`` that have a gold file (only those of
    one half of the gold with ``half``: "tune" or "check")."""
    golds = _load_gold(Path(gold_dir), set(article_ids))
    if half is not None:
        golds = [g for g in golds if half_of(g["id"]) == half]
    ids = {g["id"] for g in golds}
    negatives = set(hard_negatives)
    results = {q: run_query(store, load_query(queries_dir() / f"{q}.rq"), timeout=timeout)
               for q in QUESTIONS}
    predicted = {q: _predicted(q, results[q], ids) for q in QUESTIONS}
    questions = {q: Score() for q in QUESTIONS}
    datasets: dict[str, Score] = defaultdict(Score)
    counts: dict[str, int] = defaultdict(int)
    halves: dict[str, Score] = {}
    half_counts: dict[str, int] = defaultdict(int)
    mistakes: list[Mistake] = []
    dated = right = 0
    for gold in golds:
        article = gold["id"]
        dataset = dataset_of(article, negatives)
        counts[dataset] += 1
        article_half = half_of(article)
        half_counts[article_half] += 1
        for q in QUESTIONS:
            required = _gold_answers(q, gold.get(q) or [], gold["_path"])
            optional = _gold_answers(q, (gold.get("optional") or {}).get(q) or [], gold["_path"])
            found = predicted[q].get(article, [])
            matched = _match(required, found, _MATCHERS[q])
            rest = [j for j in range(len(found)) if j not in set(matched.values())]
            excused = _match(optional, [found[j] for j in rest], _MATCHERS[q])
            excused_idx = {rest[j] for j in excused.values()}
            false_pos = [found[j] for j in rest if j not in excused_idx]
            false_neg = [required[i] for i in range(len(required)) if i not in matched]
            score = Score(len(matched), len(false_pos), len(false_neg))
            questions[q] += score
            datasets[dataset] += score
            halves[article_half] = halves.get(article_half, Score()) + score
            if q != "positions":
                for i, j in matched.items():
                    if required[i].date:
                        dated += 1
                        right += dates_compatible(found[j].date, required[i].date)
            mistakes += [Mistake(q, "FP", article, p.values, p.date, p.evidence) for p in false_pos]
            mistakes += [Mistake(q, "FN", article, g.values, g.date) for g in false_neg]
    built_negatives = negatives & set(article_ids)
    negative_events = {q: len({row for row in _rows_of(results[q]) if row[0] in built_negatives})
                       for q in ("visits", "meetings")}
    return EvalReport(
        negatives=len(built_negatives),
        negative_events=negative_events,
        articles=len(golds),
        questions=questions,
        datasets=dict(sorted(datasets.items())),
        dataset_articles=dict(sorted(counts.items())),
        dated=dated,
        dates_right=right,
        halves={h: halves[h] for h in HALVES if h in halves},
        half_articles={h: half_counts[h] for h in HALVES if h in halves},
        mistakes=tuple(sorted(mistakes, key=lambda m: (m.question, m.article, m.kind, m.answer))),
    )
