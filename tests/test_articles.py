"""Files -> Article records: formats, order, and every refusal with its place and fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import kg.articles
from kg.articles import read_articles
from kg.errors import InputError, TooLarge


def test_articles_txt_marker_and_text(articles_dir: Path) -> None:
    got = list(read_articles([articles_dir]))
    assert [a.id for a in got] == ["a", "b"]
    first = got[0]
    assert first.date == date(2021, 3, 2)
    assert first.text == "French Foreign Minister Jane Roe will visit Germany next week."
    assert first.title is None
    assert first.origin == str(articles_dir / "a.txt")


def test_articles_txt_marker_on_text_line_like_the_seed(write) -> None:
    path = write("seed.txt", " date 2023-05-18 Amid the declining relations, talks resumed.\n")
    (got,) = read_articles([path])
    assert got.date == date(2023, 5, 18)
    assert got.text == "Amid the declining relations, talks resumed."


def test_articles_txt_without_marker(write) -> None:
    path = write("x.txt", "Date palms grow in Iraq.\n")
    (got,) = read_articles([path])
    assert got.date is None and got.text == "Date palms grow in Iraq."


def test_articles_jsonl_title_and_meta_ignored(jsonl_file: Path) -> None:
    c1, c2 = read_articles([jsonl_file])
    assert c1.id == "c1" and c1.title == "Roe in Paris"
    assert c1.text == "Roe in Paris\n\nJane Roe returned to Paris."
    assert c1.body_offset == len("Roe in Paris") + 2
    assert c1.url == "https://example.org/c1" and c1.date == date(2021, 3, 5)
    assert c1.origin == f"{jsonl_file}:1"
    assert "wire" not in repr(c1)
    assert c2.title is None and c2.date is None and c2.origin == f"{jsonl_file}:2"


def test_articles_folder_sorted_recursive_hidden_skipped(write, tmp_path: Path) -> None:
    write("in/z.txt", "Z text.")
    write("in/sub/m.txt", "M text.")
    write("in/b.jsonl", '{"id": "b1", "text": "B text."}\n')
    write("in/.hidden/h.txt", "hidden")
    write("in/notes.md", "ignored in folders")
    assert [a.id for a in read_articles([tmp_path / "in"])] == ["b1", "m", "z"]


def test_articles_files_in_given_order(write) -> None:
    second = write("b.txt", "B.")
    first = write("a.txt", "A.")
    assert [a.id for a in read_articles([second, first])] == ["b", "a"]


def test_articles_are_read_lazily(write) -> None:
    good = write("a.jsonl", '{"id": "a", "text": "A."}\nnot json\n')
    stream = read_articles([good])
    assert next(stream).id == "a"
    with pytest.raises(InputError):
        next(stream)


ICONV = "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8 {path} > fixed.txt`"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("e.txt", b"", "{path}: empty file; remove it or add the article text"),
        ("w.txt", b"  \n\t\n", "{path}:1: file holds only whitespace; add the article text or remove the file"),
        ("w.jsonl", b"\n  \n", "{path}: file holds only whitespace; add one JSON object per line"),
        ("bin.txt", b"abc\n\x00\x01", "{path}:2: binary file (contains NUL bytes); give a UTF-8 text file (.txt or .jsonl)"),
        ("l1.txt", "line one\ncaf\u00e9\n".encode("latin-1"), "{path}:2: not UTF-8 (byte 0xe9); " + ICONV),
        (
            "bad.jsonl",
            b'{"id": "a", "text": "A."}\n{"id": "b", "text": }\n',
            '{path}:2:21: not JSON (Expecting value); write one JSON object per line, e.g. {{"id": "a1", "text": "..."}}',
        ),
        ("noid.jsonl", b'{"text": "A."}\n', '{path}:1:1: missing \'id\'; every line needs "id" and "text" strings; add "id"'),
        ("notext.jsonl", b'{"id": "a"}\n', '{path}:1:1: missing \'text\'; every line needs "id" and "text" strings; add "text"'),
        ("intid.jsonl", b'{"id": 7, "text": "A."}\n', "{path}:1:8: 'id' must be a string, got int; quote the value of \"id\""),
        ("blank.jsonl", b'{"id": "a", "text": "  "}\n', "{path}:1:21: 'text' is blank; give the article text or drop the line"),
        (
            "date.jsonl",
            b'{"id": "a", "text": "A.", "date": "18/05/2023"}\n',
            "{path}:1:35: bad date '18/05/2023'; write \"date\" as \"YYYY-MM-DD\" (or an ISO 8601 date-time, such as "
            "\"2004-09-07T10:30:00Z\"; a real calendar date) or null",
        ),
        (
            "d.txt",
            b"\ndate 2023-13-45\nText.",
            "{path}:2: bad date marker 'date 2023-13-45'; write a real calendar date as `Date: YYYY-MM-DD` (ISO 8601; "
            "a date-time such as 2004-09-07T10:30:00Z works too)",
        ),
        ("m.txt", b"date 2023-05-18\n", "{path}:1: date marker but no text; add the article text or remove the file"),
        (
            "a.csv",
            b"id,text\n",
            "{path}: unknown file type '.csv'; articles are .txt or .jsonl (kg build also reads .nq, .trig, .ttl, .nt)",
        ),
    ],
)
def test_articles_refusals_name_place_and_fix(write, name: str, content: bytes, message: str) -> None:
    path = write(name, content)
    with pytest.raises(InputError) as info:
        list(read_articles([path]))
    assert str(info.value) == message.format(path=path)
    assert info.value.exit_code == 3


def test_articles_duplicate_ids_name_both_places(write) -> None:
    txt = write("in/a.txt", "A.")
    jsonl = write("more.jsonl", '{"id": "x", "text": "X."}\n{"id": "a", "text": "A again."}\n')
    with pytest.raises(InputError) as info:
        list(read_articles([txt, jsonl]))
    assert str(info.value) == (
        f"{jsonl}:2:8: duplicate article id 'a', first read at {txt}; "
        "article ids must be unique in one build: rename one of them"
    )


def test_articles_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file or folder; check the path$"):
        list(read_articles([tmp_path / "nope.txt"]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as info:
        list(read_articles([tmp_path / "empty"]))
    assert str(info.value) == (
        f"{tmp_path / 'empty'}: folder has no articles; put .txt or .jsonl files in it, or name the files to read"
    )


def test_articles_size_limit(write, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.articles, "MAX_ARTICLE_BYTES", 100)
    big = write("big.txt", "word " * 30)
    with pytest.raises(InputError) as info:
        list(read_articles([big]))
    assert str(info.value) == (
        f"{big}: article 'big' larger than the limit of 100 bytes of UTF-8; split it into several articles or remove it")
    assert isinstance(info.value, TooLarge) and info.value.article_id == "big"
    lines = write("big.jsonl", '{"id": "a", "text": "ok"}\n' + '{"id": "b", "text": "' + "x" * 200 + '"}\n'
                  + '{"text": "' + "x" * 200 + '", "id": "late"}\n{"id": "c", "text": "ok"}\n')
    with pytest.raises(InputError, match=r"big\.jsonl:2: article 'b' larger than"):
        list(read_articles([lines]))
    # skipped: the id is read from the start of the line when it comes before the cut; reading goes on
    skipped: list[InputError] = []
    assert [a.id for a in read_articles([lines], skip=lambda e: skipped.append(e) or True)] == ["a", "c"]
    assert [(e.where, e.article_id) for e in skipped] == [(f"{lines}:2", "b"), (f"{lines}:3", None)]
    assert str(skipped[1]).startswith(f"{lines}:3: article larger than the limit")


def test_articles_limit_is_two_mib() -> None:
    assert kg.articles.MAX_ARTICLE_BYTES == 2 * 1024 * 1024


# -- headers people write (issue 14) -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Date: 2004-09-07", date(2004, 9, 7)),
        ("date: 2004-09-07", date(2004, 9, 7)),
        ("DATE:2004-09-07", date(2004, 9, 7)),
        ("Date: 2004-09-07T10:30:00Z", date(2004, 9, 7)),
        ("Date: 2004-09-07T23:30:00-05:00", date(2004, 9, 7)),  # the day as written, no time-zone arithmetic
        ("Date: 2004-09-07 10:30", date(2004, 9, 7)),
        ("date 2004-09-07T10:30:00.5+02:00", date(2004, 9, 7)),
        ("Date 2004-09-07", date(2004, 9, 7)),
    ],
)
def test_articles_date_headers_without_a_blank_line(write, head: str, published: date) -> None:
    path = write("h.txt", f"{head}\nJane Roe met Max Mustermann in Berlin.\n")
    (got,) = read_articles([path])
    assert (got.date, got.text, got.title) == (published, "Jane Roe met Max Mustermann in Berlin.", None)


def test_articles_title_date_and_url_headers(write) -> None:
    path = write("t.txt", "\nTitle: MUSTERMANN TO VISIT BERLIN\nDate: 2004-09-07\nURL: https://example.org/t\n\n"
                          "Jane Roe will visit Berlin.\n")
    (got,) = read_articles([path])
    assert got.title == "Mustermann to Visit Berlin" and got.text == "Mustermann to Visit Berlin\n\nJane Roe will visit Berlin."
    assert got.body_offset == len(got.title) + 2
    assert (got.date, got.url) == (date(2004, 9, 7), "https://example.org/t")


def test_articles_date_header_in_jsonl_may_be_a_date_time(write) -> None:
    path = write("d.jsonl", '{"id": "a", "text": "A.", "date": "2004-09-07T10:30:00Z"}\n')
    assert next(read_articles([path])).date == date(2004, 9, 7)


def test_articles_lines_that_are_not_headers_stay_text(write) -> None:
    for text in ("Date palms grow in Iraq.", "Dates: a history of the fruit.", "Titled talks began.",
                 "Jane Roe said.\nDate: 2004-09-07"):
        (got,) = read_articles([write("n.txt", text)])
        assert got.text == text.replace("\n", " ") and got.date is None and got.title is None


DATE_FIX = ("write a real calendar date as `Date: YYYY-MM-DD` (ISO 8601; a date-time such as 2004-09-07T10:30:00Z "
            "works too)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Date: 07/09/2004\nText.", "{path}:1: bad date header 'Date: 07/09/2004'; " + DATE_FIX),
        ("Date: 2004-02-30\nText.", "{path}:1: bad date header 'Date: 2004-02-30'; " + DATE_FIX),
        ("date: tomorrow\nText.", "{path}:1: bad date header 'date: tomorrow'; " + DATE_FIX),
        ("Date: 2004-09-07T25:00\nText.", "{path}:1: bad date header 'Date: 2004-09-07T25:00'; " + DATE_FIX),
        ("Date:\nText.", "{path}:1: bad date header 'Date:'; " + DATE_FIX),
        ("Title: T\nDate 7 September 2004\nText.", "{path}:2: bad date marker 'Date 7'; " + DATE_FIX),
        ("Date: 2004-09-07\nDate: 2004-09-08\nText.",
         "{path}:2: second date header 'Date: 2004-09-08' (the first is on line 1); keep one of them"),
        ("Title:\nText.", "{path}:1: empty title header 'Title:'; write `Title: ...` with a value, or remove the line"),
        ("Title: Only a title\n\n", "{path}:1: header but no text; add the article text or remove the file"),
    ],
)
def test_articles_bad_headers_are_errors_with_the_fix(write, content: str, message: str) -> None:
    path = write("bad.txt", content)
    with pytest.raises(InputError) as info:
        list(read_articles([path]))
    assert str(info.value) == message.format(path=path)
