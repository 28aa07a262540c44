"""Issue 4, "must show": seed, then other articles, then the seed again == one fresh build of the same inputs.

The articles are hand-written with invented people (no corpus in tests). The same person across two
articles and one trip at two stages in visit-history are covered in tests/test_links.py.
"""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.export import export_bytes
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
HAND_WRITTEN = {
    "roe1.txt": "date 2021-03-01\nFrench Foreign Minister Jane Roe may visit Japan next month.\n",
    "roe2.txt": "date 2021-04-02\nFrench Foreign Minister Jane Roe arrived in Tokyo on Friday.\n",
    "doe.txt": "date 2021-05-03\nGerman Chancellor Max Mustermann met Jane Roe in Berlin on Monday.\n",
}


def _graphs(store: GraphStore) -> set[str]:
    return {q.graph_name.value for q in store.quads()}


def test_store_seed_articles_seed_again_equals_one_fresh_build(tmp_path: Path, write) -> None:
    folder = [write(f"in/{name}", text) for name, text in HAND_WRITTEN.items()][0].parent
    seeds = ROOT / "seeds"

    stepwise = tmp_path / "stepwise"
    with GraphStore.open(stepwise, create=True) as store:
        build([seeds], store)
        seed_only = _graphs(store)
        build([folder], store)
        with_articles = _graphs(store)
        build([seeds], store)  # again: replaces the seed graphs exactly, keeps the others
        graphs = _graphs(store)
        step_nq = export_bytes(store, "nquads", ontology=True)
        step_trig = export_bytes(store, "trig")

    fresh = tmp_path / "fresh"
    with GraphStore.open(fresh, create=True) as store:
        build([seeds, folder], store, fresh=True)
        fresh_nq = export_bytes(store, "nquads", ontology=True)
        fresh_trig = export_bytes(store, "trig")

    assert seed_only < with_articles == graphs  # the union: the articles kept, nothing else added
    assert {g.rsplit("/", 1)[-1] for g in graphs - seed_only} >= {"roe1", "roe2", "doe"}
    assert step_nq == fresh_nq  # byte-identical, ontology and links graph included
    assert step_trig == fresh_trig
    lines = step_nq.decode("utf-8").splitlines()
    assert len(lines) == len(set(lines))  # no duplicates
    assert "_:" not in step_nq.decode("utf-8")  # no blank nodes
