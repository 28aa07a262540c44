"""Files -> :class:`~kg.model.Article` records, streamed, in a deterministic order.

Inputs are files or folders. A folder is read recursively in sorted order (POSIX relative paths;
hidden files and folders skipped) and yields its ``*.txt`` and ``*.jsonl`` files; files named
explicitly are read in the order given and must have one of those extensions.

``.txt``
    One article; its id is the file stem, it has no title. An optional leading marker
    ``date YYYY-MM-DD`` (whitespace before it allowed, text may follow on the same line) gives
    the publication date.
``.jsonl``
    One JSON object per line: ``id`` (string, required), ``text`` (string, required, not blank),
    ``date`` (``YYYY-MM-DD`` or null), ``title`` and ``url`` (string or null). Any other key (such
    as ``meta``) is ignored and never reaches the graph. Blank lines are skipped.

Title and text go through :func:`kg.text.clean_text`; an article with a title has
``text = title + "\\n\\n" + body``.

Limits: an article may hold at most :data:`MAX_ARTICLE_BYTES` (2 MiB) of UTF-8 -- the whole
``.txt`` file, or one ``.jsonl`` line. Files are read in binary chunks no larger than that, so a
20 MB JSONL file is never held in memory whole. Refused, with :class:`~kg.errors.InputError` naming
``path`` or ``path:line`` and the fix: missing path, empty or whitespace-only file, binary (NUL
bytes), not UTF-8, line not JSON (or nested too deeply), missing or ill-typed keys, strings with lone
surrogate escapes (``"\\ud800"``), bad date, duplicate ids (both places named), unknown extension,
folder without articles, article too large.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import date as Date
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.text import clean_text, clean_title

__all__ = ["ARTICLE_SUFFIXES", "MAX_ARTICLE_BYTES", "article_files", "read_articles"]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "date" then a token that starts with a digit: a marker (valid or not); "date palms ..." is text.
_MARKER = re.compile(r"\A(\s*)date[ \t]+([0-9]\S*)(?:[ \t]*\n?)")
_ICONV = "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8 {path} > fixed.txt`"


def article_files(inputs: Sequence[Path]) -> list[Path]:
    """The article files ``inputs`` name, in reading order; raises InputError for bad inputs."""
    files: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found = _folder_files(path)
            if not found:
                raise InputError(
                    "folder has no articles",
                    where=str(path),
                    fix="put .txt or .jsonl files in it, or name the files to read",
                )
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise InputError(
                    f"unknown file type {path.suffix or '(no extension)'!r}",
                    where=str(path),
                    fix="articles are .txt or .jsonl (kg build also reads .nq, .trig, .ttl, .nt)",
                )
            files.append(path)
        elif not path.exists():
            raise InputError("no such file or folder", where=str(path), fix="check the path")
        else:
            raise InputError("not a regular file or folder", where=str(path))
    return files


def _folder_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            found.append((rel.as_posix(), path))
    return [path for _, path in sorted(found)]


def read_articles(inputs: Sequence[Path]) -> Iterator[Article]:
    """Yield every article of ``inputs`` lazily; ids must be unique across all of them."""
    seen: dict[str, str] = {}
    for path in article_files(inputs):
        reader = _read_txt if path.suffix.lower() == ".txt" else _read_jsonl
        for article in reader(path):
            first = seen.get(article.id)
            if first is not None:
                raise InputError(
                    f"duplicate article id {article.id!r}, first read at {first}",
                    where=article.origin,
                    fix="article ids must be unique in one build: rename one of them",
                )
            seen[article.id] = article.origin
            yield article


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file", where=str(path), fix="remove it or add the article text")


def _too_large(where: str) -> InputError:
    return InputError(
        f"article larger than the limit of {MAX_ARTICLE_BYTES:,} bytes of UTF-8",
        where=where,
        fix="split it into several articles or remove it",
    )


def _decode(data: bytes, path: Path, first_line: int = 1) -> str:
    if b"\x00" in data:
        line = first_line + data[: data.index(b"\x00")].count(b"\n")
        raise InputError(
            "binary file (contains NUL bytes)",
            where=f"{path}:{line}",
            fix="give a UTF-8 text file (.txt or .jsonl)",
        )
    try:
        return data.decode("utf-8-sig" if first_line == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data[: exc.start].count(b"\n")
        raise InputError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x})",
            where=f"{path}:{line}",
            fix=_ICONV.format(path=path),
        ) from None


def _read_txt(path: Path) -> Iterator[Article]:
    _check_size(path)
    with path.open("rb") as handle:
        data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(str(path))
    raw = _decode(data, path)
    del data
    published, body, line = _split_marker(raw, path)
    text = clean_text(body)
    if not text:
        what = "date marker but no text" if published else "file holds only whitespace"
        raise InputError(what, where=f"{path}:{line}", fix="add the article text or remove the file")
    yield Article(id=path.stem, text=text, date=published, origin=str(path))


def _split_marker(raw: str, path: Path) -> tuple[Date | None, str, int]:
    """(date, text after the marker, line of the marker or 1)."""
    match = _MARKER.match(raw)
    if not match:
        return None, raw, 1
    line = 1 + match.group(1).count("\n")
    token = match.group(2)
    published = _parse_date(token)
    if published is None:
        raise InputError(
            f"bad date marker 'date {token}'",
            where=f"{path}:{line}",
            fix="write the first line as `date YYYY-MM-DD` with a real calendar date",
        )
    return published, raw[match.end() :], line


def _parse_date(text: str) -> Date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return Date.fromisoformat(text)
    except ValueError:
        return None


def _read_jsonl(path: Path) -> Iterator[Article]:
    _check_size(path)
    any_content = False
    with path.open("rb") as handle:
        lineno = 0
        while True:
            data = handle.readline(MAX_ARTICLE_BYTES + 1)
            if not data:
                break
            lineno += 1
            where = f"{path}:{lineno}"
            if len(data) > MAX_ARTICLE_BYTES:
                raise _too_large(where)
            line = _decode(data, path, lineno)
            if not line.strip():
                continue
            any_content = True
            yield _jsonl_article(line, where)
    if not any_content:
        raise InputError("file holds only whitespace", where=str(path), fix="add one JSON object per line")


def _jsonl_article(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON ({exc.msg} at column {exc.colno})",
            where=where,
            fix='write one JSON object per line, e.g. {"id": "a1", "text": "..."}',
        ) from None
    except RecursionError:
        raise InputError(
            "JSON nested too deeply",
            where=where,
            fix='write one flat JSON object per line, e.g. {"id": "a1", "text": "..."}',
        ) from None
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got {type(record).__name__}",
            where=where,
            fix='write one JSON object per line, e.g. {"id": "a1", "text": "..."}',
        )
    article_id = _string(record, "id", where, required=True)
    raw_text = _string(record, "text", where, required=True)
    assert article_id is not None and raw_text is not None
    if not article_id.strip():
        raise InputError("empty 'id'", where=where, fix="give every article a non-empty string id")
    body = clean_text(raw_text)
    if not body:
        raise InputError("'text' is blank", where=where, fix="give the article text or drop the line")
    raw_title = _string(record, "title", where)
    title = clean_title(raw_title) if raw_title is not None else None
    raw_date = _string(record, "date", where)
    published = None
    if raw_date is not None:
        published = _parse_date(raw_date.strip())
        if published is None:
            raise InputError(
                f"bad date {raw_date!r}",
                where=where,
                fix='write "date" as "YYYY-MM-DD" (a real calendar date) or null',
            )
    url = _string(record, "url", where)
    text = f"{title}\n\n{body}" if title else body
    return Article(
        id=article_id,
        text=text,
        date=published,
        title=title or None,
        url=url.strip() if url and url.strip() else None,
        origin=where,
    )


def _string(record: dict[str, object], key: str, where: str, *, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise InputError(
                f"missing {key!r}",
                where=where,
                fix=f'every line needs "id" and "text" strings; add "{key}"',
            )
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{key!r} must be a string, got {type(value).__name__}",
            where=where,
            fix=f'quote the value of "{key}"',
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate escape such as "\\ud800"
        raise InputError(
            f"{key!r} holds a lone surrogate \\u{ord(value[exc.start]):04x} at character {exc.start + 1}",
            where=where,
            fix="escape characters outside the BMP as a surrogate pair, or drop the escape",
        ) from None
    return value
