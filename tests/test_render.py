"""Result rendering: every format, byte for byte."""

from __future__ import annotations

import io
import json

import pytest

from kg.queries import QueryResult
from kg.render import FORMATS, render_result, write_result

RESULT = QueryResult(
    columns=("article", "person", "note"),
    rows=(("a-1", "Qin Gang", None), ("a-22", "José, \"Pepe\"", "two\tcells\nlines")),
)


def test_render_table_is_aligned_without_trailing_spaces() -> None:
    assert render_result(RESULT, "table") == (
        "article  person        note\n"
        "-------  ------------  -----------------\n"
        "a-1      Qin Gang\n"
        'a-22     José, "Pepe"  two\\tcells\\nlines\n'
    )


def test_render_table_counts_wide_characters_double() -> None:
    text = render_result(QueryResult(("name", "x"), (("习近平", "1"), ("Xi", "2"))), "table")
    assert text.splitlines()[2:] == ["习近平  1", "Xi      2"]


def test_render_csv() -> None:
    assert render_result(RESULT, "csv") == (
        'article,person,note\r\na-1,Qin Gang,\r\na-22,"José, ""Pepe""","two\tcells\nlines"\r\n')


def test_render_tsv_escapes_tabs_and_newlines() -> None:
    assert render_result(RESULT, "tsv") == (
        "article\tperson\tnote\na-1\tQin Gang\t\na-22\tJosé, \"Pepe\"\ttwo\\tcells\\nlines\n")


def test_render_json_is_a_list_of_objects() -> None:
    text = render_result(RESULT, "json")
    assert json.loads(text) == [
        {"article": "a-1", "person": "Qin Gang", "note": None},
        {"article": "a-22", "person": 'José, "Pepe"', "note": "two\tcells\nlines"},
    ]
    assert list(json.loads(text)[0]) == ["article", "person", "note"]  # column order kept
    assert "José" in text


def test_render_jsonl_one_object_per_line() -> None:
    lines = render_result(RESULT, "jsonl").splitlines()
    assert [json.loads(line)["article"] for line in lines] == ["a-1", "a-22"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_is_deterministic_and_handles_no_rows(fmt: str) -> None:
    assert render_result(RESULT, fmt) == render_result(RESULT, fmt)
    empty = QueryResult(("a", "b"), ())
    out = io.StringIO()
    write_result(empty, fmt, out)
    assert out.getvalue() == {"table": "a  b\n-  -\n", "csv": "a,b\r\n", "tsv": "a\tb\n",
                              "json": "[]\n", "jsonl": ""}[fmt]


def test_render_unknown_format_lists_choices() -> None:
    with pytest.raises(ValueError, match="table, csv, tsv, json, jsonl"):
        write_result(RESULT, "xml", io.StringIO())


def test_render_table_shortens_iris_and_cuts_to_the_width() -> None:
    from kg.results import Iri

    base = "https://w3id.org/kg-diplomacy/id/"
    result = QueryResult(("who", "event", "said"), (
        (Iri(base + "person/jane-roe"), Iri(base + "event/0123456789abcdef"), "x" * 200),
        ("https://w3id.org/kg-diplomacy/id/person/plain-literal", None, "short")))
    lines = render_result(result, "table", width=60).splitlines()
    assert lines[2].startswith("person:jane-roe ") and "  event:0123" in lines[2]  # IRIs shortened
    assert lines[3].startswith("https://w3id.org/")  # a literal that looks like an IRI stays as it is
    assert all(len(line) <= 60 for line in lines) and lines[2].endswith("…") and lines[3].count("…") == 1
    assert render_result(result, "table", width=200).splitlines()[2].startswith(
        "person:jane-roe                                        event:0123456789abcdef  xxx")
    assert "x" * 200 in render_result(result, "table")  # no width: nothing cut (--wide)
    assert render_result(result, "csv").splitlines()[1].startswith(base + "person/jane-roe,")  # full IRIs


def test_render_ask_and_graph_answers() -> None:
    from kg.render import write_answer
    from kg.results import AskResult, GraphResult

    for fmt, expected in (("table", "true\n"), ("json", '{"head": {}, "boolean": true}\n')):
        out = io.StringIO()
        write_answer(AskResult(True), fmt, out)
        assert out.getvalue() == expected
    graph = GraphResult(('<https://w3id.org/kg-diplomacy/id/person/x> '
                         '<https://w3id.org/kg-diplomacy/ontology#name> "X" .',))
    out, data = io.StringIO(), io.BytesIO()
    write_answer(graph, "turtle", out, data)
    assert b'person:x dip:name "X" .' in data.getvalue() and out.getvalue() == ""
    write_answer(graph, "jsonld", out, data := io.BytesIO())
    assert json.loads(data.getvalue())["@graph"] == [{"@id": "person:x", "dip:name": "X"}]
