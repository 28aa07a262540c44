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
