"""Files -> :class:`~kg.model.Article` records, streamed, in a deterministic order.

Inputs are files or folders. A folder is read recursively in sorted order (POSIX relative paths)
and yields its ``*.txt`` and ``*.jsonl`` files; its other files, hidden files and hidden folders are
skipped and listed by :func:`ignored_files` (``kg build`` counts them in its summary). Files named
explicitly are read in the order given and must have one of those extensions.

``.txt``
    One article; its id is the file stem. An optional header block (:mod:`kg.headers`: ``Date:``,
    ``Title:``, ``URL:`` lines, or the older ``date YYYY-MM-DD`` marker) gives the publication date,
    the title and the URL.
``.jsonl``
    One JSON object per line: ``id`` (string, required), ``text`` (string, required, not blank),
    ``date`` (``YYYY-MM-DD``, an ISO 8601 date-time, or null), ``title`` and ``url`` (string or null).
    Any other key (such as ``meta``) is ignored and never reaches the graph. Blank lines are skipped.

Title and text go through :func:`kg.text.clean_text`; an article with a title has
``text = title + "\\n\\n" + body``.

Limits: an article may hold at most :data:`MAX_ARTICLE_BYTES` (2 MiB) of UTF-8 -- the whole
``.txt`` file, or one ``.jsonl`` line. Files are read in binary chunks no larger than that, so a
20 MB JSONL file (or line) is never held in memory whole.

Refusals name ``path``, ``path:line`` (``.txt``) or ``path:line:column`` (``.jsonl``) and the fix.
Missing path, unknown extension of a file named explicitly and folder without articles are
:class:`~kg.errors.InputError`. Everything wrong with one article is an
:class:`~kg.errors.ArticleError` (:class:`~kg.errors.TooLarge` for the size limit): empty or
whitespace-only file, binary (NUL bytes), not UTF-8, line not JSON (or nested too deeply), missing or
ill-typed keys, strings with lone surrogate escapes (``"\\ud800"``), bad date or header, duplicate ids
(both places named), article too large. ``read_articles(..., skip=...)`` lets the caller skip such an
article and go on (``kg build --skip-bad``); by default it is raised.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kg.errors import ArticleError, InputError, TooLarge
from kg.headers import parse_date, split_header
from kg.model import Article
from kg.text import clean_text, clean_title

__all__ = ["ARTICLE_SUFFIXES", "MAX_ARTICLE_BYTES", "Skip", "article_files", "ignored_files", "jsonl_article",
           "read_articles", "source_file"]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
Skip = Callable[[ArticleError], bool]  # True: skip this article and go on; False: raise the error
_ICONV = "re-encode it as UTF-8, e.g. `iconv -f latin1 -t utf-8 {path} > fixed.txt`"


def article_files(inputs: Sequence[Path]) -> list[Path]:
    """The article files ``inputs`` name, in reading order; raises InputError for bad inputs."""
    return _scan(inputs)[0]


def ignored_files(inputs: Sequence[Path]) -> list[Path]:
    """Files (and hidden folders) inside the input folders that are not read: other extensions,
    hidden files such as ``.DS_Store``, hidden folders such as ``.git`` (not descended)."""
    return _scan(inputs)[1]


def _scan(inputs: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    files: list[Path] = []
    ignored: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found, skipped = _folder_files(path)
            if not found:
                kinds = f" ({len(skipped)} other file(s) skipped)" if skipped else ""
                raise InputError(
                    f"folder has no articles{kinds}",
                    where=str(path),
                    fix="put .txt or .jsonl files in it, or name the files to read",
                )
            files.extend(found)
            ignored.extend(skipped)
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
    return files, ignored


def _folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(article files, skipped files and hidden folders), each sorted by relative POSIX path."""
    found, skipped = [], []
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in list(dirs):
            if name.startswith("."):
                dirs.remove(name)  # not descended: .git, .kg, ...
                skipped.append(base / name)
        for name in names:
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
                skipped.append(path)
            else:
                found.append(path)

    def key(path: Path) -> str:
        return path.relative_to(folder).as_posix()

    return sorted(found, key=key), sorted(skipped, key=key)


def source_file(origin: str) -> Path:
    """The file an article was read from: its ``origin`` without the ``.jsonl`` line number.

    >>> source_file("in/a.txt"), source_file("feeds/day:1.jsonl:12")
    (PosixPath('in/a.txt'), PosixPath('feeds/day:1.jsonl'))
    """
    if Path(origin).suffix.lower() == ".txt" or ":" not in origin:
        return Path(origin)
    return Path(origin.rsplit(":", 1)[0])


def read_articles(inputs: Sequence[Path], *, skip: Skip | None = None) -> Iterator[Article]:
    """Yield every article of ``inputs`` lazily; ids must be unique across all of them.

    ``skip``: called with each :class:`~kg.errors.ArticleError`; when it returns True the article
    is left out and reading goes on with the next one, otherwise the error is raised.
    """
    seen: dict[str, str] = {}
    for path in article_files(inputs):
        reader = _read_txt if path.suffix.lower() == ".txt" else _read_jsonl
        for article in reader(path, seen):
            if isinstance(article, ArticleError):
                if skip is not None and skip(article):
                    continue
                raise article
            seen[article.id] = article.origin
            yield article


def _duplicate(article_id: str, where: str, seen: dict[str, str]) -> ArticleError | None:
    first = seen.get(article_id)
    if first is None:
        return None
    return ArticleError(
        f"duplicate article id {article_id!r}, first read at {first}",
        where=where,
        fix="article ids must be unique in one build: rename one of them",
        article_id=article_id,
    )


def _too_large(where: str, article_id: str | None) -> TooLarge:
    named = f"article {article_id!r} " if article_id else "article "
    return TooLarge(
        f"{named}larger than the limit of {MAX_ARTICLE_BYTES:,} bytes of UTF-8",
        where=where,
        fix="split it into several articles or remove it",
        article_id=article_id,
    )


def _decode(data: bytes, where: str, fix_path: Path, *, first: bool, column: bool) -> str:
    """``data`` as text; NUL bytes or bad UTF-8 raise :class:`ArticleError` at ``where:line``
    (``.txt``, line within the file) or ``where:column`` (``.jsonl``, ``where`` already names the line)."""
    def place(index: int) -> str:
        if column:
            return f"{where}:{len(data[:index].decode('utf-8', 'replace')) + 1}"
        line = 1 + data.count(b"\n", 0, index)
        return f"{where}:{line}"

    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes)", where=place(data.index(b"\x00")),
                           fix="give a UTF-8 text file (.txt or .jsonl)")
    try:
        return data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"not UTF-8 (byte 0x{data[exc.start]:02x})", where=place(exc.start),
                           fix=_ICONV.format(path=fix_path)) from None


def _read_txt(path: Path, seen: dict[str, str]) -> Iterator[Article | ArticleError]:
    """One article, or the error that keeps it out."""
    try:
        article = _txt_article(path)
    except ArticleError as error:
        yield error
        return
    yield _duplicate(article.id, str(path), seen) or article


def _txt_article(path: Path) -> Article:
    if path.stat().st_size == 0:
        raise ArticleError("empty file", where=str(path), fix="remove it or add the article text", article_id=path.stem)
    with path.open("rb") as handle:
        data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_large(str(path), path.stem)
    raw = _decode(data, str(path), path, first=True, column=False)
    del data
    header = split_header(raw, str(path))
    body = clean_text(header.body)
    if not body:
        if header.title is not None or header.url is not None:
            what = "header but no text"
        else:
            what = "date marker but no text" if header.date is not None else "file holds only whitespace"
        raise ArticleError(what, where=f"{path}:{header.line}", fix="add the article text or remove the file",
                           article_id=path.stem)
    title = clean_title(header.title) if header.title else None
    text = f"{title}\n\n{body}" if title else body
    url = header.url.strip() if header.url else None
    return Article(id=path.stem, text=text, date=header.date, title=title or None, url=url, origin=str(path))


def _read_jsonl(path: Path, seen: dict[str, str]) -> Iterator[Article | ArticleError]:
    """Each line's article, or the error that keeps that line out."""
    if path.stat().st_size == 0:
        yield ArticleError("empty file", where=str(path), fix="remove it or add one JSON object per line")
        return
    any_content = False
    with path.open("rb") as handle:
        lineno = 0
        while True:
            data = handle.readline(MAX_ARTICLE_BYTES + 1)
            if not data:
                break
            lineno += 1
            where = f"{path}:{lineno}"
            if len(data) > MAX_ARTICLE_BYTES and not data.endswith(b"\n"):
                any_content = True
                yield _too_large(where, _peek_id(data))
                while data and not data.endswith(b"\n"):  # the rest of the line, in bounded pieces
                    data = handle.readline(MAX_ARTICLE_BYTES)
                continue
            try:
                line = _decode(data, where, path, first=lineno == 1, column=True)
            except ArticleError as error:
                any_content = True
                yield error
                continue
            if not line.strip():
                continue
            any_content = True
            try:
                article = _jsonl_article(line, where)
            except ArticleError as error:
                yield error
                continue
            yield _duplicate(article.id, f"{where}:{_column(line, 'id')}", seen) or article
    if not any_content:
        yield ArticleError("file holds only whitespace", where=str(path), fix="add one JSON object per line")


_KEY_COLUMN = {key: re.compile(rf'"{key}"\s*:\s*') for key in ("id", "text", "date", "title", "url")}


def _column(line: str, key: str | None = None) -> int:
    """1-based column of ``key``'s value on a JSONL line (best effort: the first ``"key":``), else
    of the line's first non-blank character."""
    if key is not None:
        match = _KEY_COLUMN[key].search(line)
        if match:
            return match.end() + 1
    return len(line) - len(line.lstrip()) + 1


def _peek_id(data: bytes) -> str | None:
    """The ``id`` of a JSONL line cut short (too large to read whole), when it comes before the cut."""
    text = data.decode("utf-8", "replace")
    decoder = json.JSONDecoder()
    match = re.match(r"\s*\{\s*", text)
    pos = match.end() if match else len(text)
    try:
        while pos < len(text) and text[pos] == '"':
            key, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
            pos = re.compile(r"\s*:\s*").match(text, pos).end()  # type: ignore[union-attr]
            value, pos = decoder.raw_decode(text, pos)
            if key == "id":
                return value if isinstance(value, str) else None
            pos = re.compile(r"\s*,\s*").match(text, pos).end()  # type: ignore[union-attr]
    except (ValueError, AttributeError, IndexError):
        return None
    return None


def jsonl_article(line: str, where: str = "<line>") -> Article:
    """One ``.jsonl`` line -> its Article, as :func:`read_articles` reads it (for engines that read the
    lines themselves, e.g. Spark); raises :class:`~kg.errors.ArticleError` naming ``where``."""
    return _jsonl_article(line, where)


def _jsonl_article(line: str, where: str) -> Article:
    example = 'write one JSON object per line, e.g. {"id": "a1", "text": "..."}'
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"not JSON ({exc.msg})", where=f"{where}:{exc.colno}", fix=example) from None
    except RecursionError:
        raise ArticleError("JSON nested too deeply", where=f"{where}:{_column(line)}",
                           fix='write one flat JSON object per line, e.g. {"id": "a1", "text": "..."}') from None
    if not isinstance(record, dict):
        raise ArticleError(f"expected a JSON object, got {type(record).__name__}", where=f"{where}:{_column(line)}",
                           fix=example)
    article_id = _string(record, "id", line, where, required=True)
    ident = article_id if article_id and article_id.strip() else None
    raw_text = _string(record, "text", line, where, required=True, article_id=ident)
    assert article_id is not None and raw_text is not None
    if ident is None:
        raise ArticleError("empty 'id'", where=f"{where}:{_column(line, 'id')}",
                           fix="give every article a non-empty string id")
    body = clean_text(raw_text)
    if not body:
        raise ArticleError("'text' is blank", where=f"{where}:{_column(line, 'text')}",
                           fix="give the article text or drop the line", article_id=ident)
    raw_title = _string(record, "title", line, where, article_id=ident)
    title = clean_title(raw_title) if raw_title is not None else None
    raw_date = _string(record, "date", line, where, article_id=ident)
    published = None
    if raw_date is not None:
        published = parse_date(raw_date)
        if published is None:
            raise ArticleError(
                f"bad date {raw_date!r}",
                where=f"{where}:{_column(line, 'date')}",
                fix='write "date" as "YYYY-MM-DD" (or an ISO 8601 date-time, such as "2004-09-07T10:30:00Z"; '
                    "a real calendar date) or null",
                article_id=ident,
            )
    url = _string(record, "url", line, where, article_id=ident)
    text = f"{title}\n\n{body}" if title else body
    return Article(
        id=article_id,
        text=text,
        date=published,
        title=title or None,
        url=url.strip() if url and url.strip() else None,
        origin=where,
    )


def _string(record: dict[str, object], key: str, line: str, where: str, *, required: bool = False,
            article_id: str | None = None) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise ArticleError(
                f"missing {key!r}",
                where=f"{where}:{_column(line)}",
                fix=f'every line needs "id" and "text" strings; add "{key}"',
                article_id=article_id,
            )
        return None
    column = f"{where}:{_column(line, key)}"
    if not isinstance(value, str):
        raise ArticleError(
            f"{key!r} must be a string, got {type(value).__name__}",
            where=column,
            fix=f'quote the value of "{key}"',
            article_id=article_id,
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate escape such as "\\ud800"
        raise ArticleError(
            f"{key!r} holds a lone surrogate \\u{ord(value[exc.start]):04x} at character {exc.start + 1}",
            where=column,
            fix="escape characters outside the BMP as a surrogate pair, or drop the escape",
            article_id=article_id,
        ) from None
    return value
