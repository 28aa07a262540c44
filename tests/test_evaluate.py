"""Scoring against a hand-made gold directory; predictions from tests/data/queries_fixture.trig."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.evaluate import Score, dataset_of, dates_compatible, evaluate

FIXTURE = Path(__file__).parent / "data" / "queries_fixture.trig"

# what the fixture says, written as the gold guidelines ask
PERFECT: dict[str, dict[str, Any]] = {
    "art-1": {
        "id": "art-1", "date": "2023-05-18",
        "visits": [
            {"traveler": "Antony Blinken|Blinken", "destination_country": "China",
             "status": "considered", "date": None},
            {"traveler": "Antony Blinken|Blinken", "destination_country": "China",
             "status": "cancelled", "date": None},
        ],
        "meetings": [{"participants": ["Qin Gang", "Nicholas Burns|Burns"], "status": "occurred",
                      "date": "2023-05-08"}],
        "positions": [
            {"person": "Antony Blinken|Blinken", "position": "Secretary of State", "country": "U.S."},
            {"person": "Qin Gang", "position": "Foreign Minister|Minister of Foreign Affairs",
             "country": "China"},
        ],
        "optional": {"visits": [], "meetings": [], "positions": []},
    },
    "art-2": {
        "id": "art-2", "date": "2023-06-01",
        "visits": [{"traveler": "Antony Blinken|Antony J. Blinken|Blinken", "destination_country": "PRC|CN",
                    "status": "planned", "date": "2023-06-18"}],
        "meetings": [{"participants": ["Xi Jinping", "Qin Gang", "Antony Blinken|Antony J. Blinken"],
                      "status": "planned", "date": "2023-06"}],
        "positions": [],
        "optional": {"visits": [], "meetings": [], "positions": []},
    },
}


def _store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def _gold(tmp_path: Path, golds: dict[str, dict[str, Any]]) -> Path:
    for article, gold in golds.items():
        (tmp_path / f"{article}.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_evaluate_perfect_answers_score_one(tmp_path: Path) -> None:
    report = evaluate(_gold(tmp_path, PERFECT), _store(), {"art-1", "art-2"})
    assert report.questions == {"visits": Score(3, 0, 0), "meetings": Score(4, 0, 0),
                                "positions": Score(2, 0, 0)}  # 1 pair + 3 pairs of a 3-way meeting
    assert report.overall.f1 == 1.0 and report.overall.precision == 1.0
    assert (report.dated, report.dates_right) == (5, 5)  # "2023-06" is compatible with "2023-06-18"
    assert report.articles == 2 and report.mistakes == ()


def test_evaluate_wrong_status_is_one_fp_and_one_fn(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    golds["art-1"]["visits"][0]["status"] = "planned"
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.questions["visits"] == Score(2, 1, 1)
    kinds = [(m.kind, m.answer[2]) for m in report.mistakes]
    assert kinds == [("FN", "planned"), ("FP", "considered")]
    text = report.render(errors=True)
    assert 'FP visits art-1: (Antony Blinken, China, considered)' in text
    assert '"Blinken might visit Beijing, according to Sputnik."' in text
    assert "FN visits art-1: (Antony Blinken|Blinken, China, planned)" in text
    assert "FN visits" not in report.render(errors=False)


def test_evaluate_optional_answers_are_neither_rewarded_nor_penalised(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    qin = golds["art-1"]["positions"].pop(1)
    golds["art-1"]["optional"]["positions"].append(qin)
    golds["art-2"]["optional"]["visits"].append(
        {"traveler": "Xi Jinping", "destination_country": "United States", "status": "planned", "date": None})
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.questions["positions"] == Score(1, 0, 0)  # found but optional: not TP, not FP
    assert report.questions["visits"] == Score(3, 0, 0)  # missing optional visit: not FN


def test_evaluate_answer_missing_from_gold_is_a_false_positive(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    golds["art-1"]["positions"].pop(1)
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.questions["positions"] == Score(1, 1, 0)


def test_evaluate_countries_match_by_alias_and_code(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    golds["art-1"]["positions"][0]["country"] = "USA"
    golds["art-1"]["visits"][0]["destination_country"] = "CN"
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.overall == Score(9, 0, 0)
    golds["art-1"]["positions"][0]["country"] = "Britain"
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.questions["positions"] == Score(1, 1, 1)


def test_evaluate_meeting_pairs_are_unordered_and_matched_once(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    golds["art-1"]["meetings"][0]["participants"].reverse()
    golds["art-2"]["meetings"] = [{"participants": ["Qin Gang", "Xi Jinping"], "status": "planned",
                                   "date": None}] * 2  # the same pair twice in gold: one can match
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert report.questions["meetings"] == Score(2, 2, 1)


def test_evaluate_date_accuracy_counts_incompatible_dates(tmp_path: Path) -> None:
    golds = copy.deepcopy(PERFECT)
    golds["art-2"]["visits"][0]["date"] = "2023-07"
    report = evaluate(_gold(tmp_path, golds), _store(), {"art-1", "art-2"})
    assert (report.dated, report.dates_right) == (5, 4)
    assert report.overall.f1 == 1.0  # dates are scored apart from the tuple


def test_evaluate_only_requested_articles_and_datasets(tmp_path: Path) -> None:
    gold_dir = _gold(tmp_path, PERFECT)
    report = evaluate(gold_dir, _store(), {"art-1"})
    assert report.articles == 1 and report.overall == Score(5, 0, 0)
    report = evaluate(gold_dir, _store(), {"art-1", "art-2"}, hard_negatives={"art-2"})
    assert report.dataset_articles == {"art": 1, "hard_negatives": 1}
    assert report.datasets["hard_negatives"] == Score(4, 0, 0)
    data = report.as_dict()
    assert data["overall"]["f1"] == 1.0 and data["datasets"]["art"]["articles"] == 1
    json.dumps(data)


def test_evaluate_counts_every_visit_and_meeting_of_hard_negatives(tmp_path: Path) -> None:
    # art-2 as a hard negative without a gold file: still built, so its facts are counted
    report = evaluate(_gold(tmp_path, {"art-1": PERFECT["art-1"]}), _store(), {"art-1", "art-2"},
                      hard_negatives={"art-2", "not-built"})
    assert (report.negatives, report.negative_events) == (1, {"visits": 1, "meetings": 1})
    assert "hard negatives: 1 articles built; found in them: 1 visits, 1 meetings" in report.render()
    assert evaluate(_gold(tmp_path, PERFECT), _store(), {"art-1"}, hard_negatives={"art-1"}).negative_events == {
        "visits": 2, "meetings": 1}


def test_evaluate_render_table(tmp_path: Path) -> None:
    text = evaluate(_gold(tmp_path, PERFECT), _store(), {"art-1", "art-2"}).render()
    assert "all (micro)  9   0   0   1.000      1.000   1.000" in text
    assert "dates: 5/5 compatible (1.000)" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_evaluate_bad_gold_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        evaluate(tmp_path, _store(), {"art-1"})


def test_evaluate_dataset_of_ids() -> None:
    assert [dataset_of(i) for i in ("agnews-test-1", "reuters21578-3567", "bbc-politics-029",
                                    "petrarch-gigaword-GOLD_4", "plover-gsr-AGREE-0035",
                                    "rams-dev-579", "000_0782718dd1f801d9")] == [
        "agnews", "reuters21578", "bbc", "petrarch", "plover", "rams", "seed"]
    assert dataset_of("agnews-test-529", {"agnews-test-529"}) == "hard_negatives"


def test_evaluate_dates_compatible_rule() -> None:
    assert dates_compatible("2023-05-08", "2023-05-08")
    assert dates_compatible("2023-05", "2023-05-08") and dates_compatible("2023-05-08", "2023")
    assert not dates_compatible("2023-05-08", "2023-05-09")
    assert not dates_compatible("2023-1", "2023-10")  # not a component boundary
    assert not dates_compatible("", "2023")
