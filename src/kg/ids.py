"""Deterministic IRIs from content: the same content gives the same IRI in every run and every article.

No counters, clocks or blank nodes. Entity IRIs are readable slugs of the entity key
(``person:jane roe`` -> ``id:person/jane-roe``); everything that has no name (events,
tenures, evidence, occurrences) is ``sha1`` over canonical JSON of what identifies it.

Slugs: ASCII letters and digits are kept (lowercased), letters with diacritics are folded to ASCII
(NFKD), other letters and digits (CJK, Arabic, ...) are percent-encoded as UTF-8, spaces and hyphens
become ``-``. Anything else (punctuation, symbols, control characters, lone surrogates) is lossy: it
becomes ``-`` and ``~`` plus a short sha1 of the exact input is appended, so names that differ in
more than case, diacritics or spacing never share an IRI. ``~`` never occurs in a lossless slug.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote

from kg.iris import ID_BASE

if TYPE_CHECKING:  # kg.model (dataclasses) is not needed to mint IRIs at run time
    from kg.model import Event

_HASH_CHARS = 10
_EVENT_HASH_CHARS = 16
_COUNTRY_CODE = re.compile(r"[A-Z]{2}(?:[A-Z]{2})?")
_KIND_PATHS = {"person": "person", "org": "org", "country": "country", "city": "city", "group": "group"}


def digest(value: object, length: int = _EVENT_HASH_CHARS) -> str:
    """Hex sha1 of the canonical JSON of ``value`` (sorted keys, ASCII escapes), truncated.

    >>> digest(["a", 1], 8)
    '69ba4b1f'
    >>> digest({"b": 1, "a": 2}) == digest({"a": 2, "b": 1})
    True
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha1(text.encode("ascii")).hexdigest()[:length]


def _fold_char(ch: str) -> tuple[str, bool]:
    """One lowercased character -> (slug text, lossless)."""
    if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
        return ch, True
    if ch in " -":
        return "-", True
    if ch.isascii() or not ch.isalnum():
        return "-", False
    folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    folded = folded.lower()
    if folded and all(("a" <= c <= "z") or ("0" <= c <= "9") for c in folded):
        return folded, True
    return quote(unicodedata.normalize("NFC", ch), safe="", errors="surrogatepass"), True


def slug(text: str) -> str:
    """A path segment for ``text``: readable where possible, never empty, always a valid IRI part.

    >>> slug("Jane Roe")
    'jane-roe'
    >>> slug("Jean-Yves Le Drian")
    'jean-yves-le-drian'
    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slug("王毅")
    '%E7%8E%8B%E6%AF%85'
    >>> slug("U.S. officials")
    'u-s-officials~52b9867c7b'
    >>> slug("")
    '~da39a3ee5e'
    """
    parts: list[str] = []
    lossless = True
    for ch in unicodedata.normalize("NFC", text).lower():
        piece, ok = _fold_char(ch)
        parts.append(piece)
        lossless = lossless and ok
    joined = "".join(parts)
    collapsed = re.sub(r"-{2,}", "-", joined).strip("-")
    if not collapsed or not lossless:
        raw = text.encode("utf-8", errors="surrogatepass")
        suffix = hashlib.sha1(raw).hexdigest()[:_HASH_CHARS]
        return f"{collapsed}~{suffix}" if collapsed else f"~{suffix}"
    return collapsed


def _pct(text: str) -> str:
    """Percent-encode everything except unreserved ASCII.

    >>> _pct("000_0782718dd1f801d9")
    '000_0782718dd1f801d9'
    >>> _pct("a b/ü")
    'a%20b%2F%C3%BC'
    """
    return quote(text, safe="", errors="surrogatepass")


def article_iri(article_id: str) -> str:
    """``id:article/{article id, percent-encoded}``."""
    return f"{ID_BASE}article/{_pct(article_id)}"


def article_graph_iri(article_id: str) -> str:
    """The named graph that holds one article's triples: ``id:graph/article/{id}``."""
    return f"{ID_BASE}graph/article/{_pct(article_id)}"


def _entity_path(key: str) -> str:
    kind, sep, name = key.partition(":")
    path = _KIND_PATHS.get(kind) if sep else None
    if path is None:
        return "entity/" + slug(key)
    if path == "country" and _COUNTRY_CODE.fullmatch(name):
        return f"country/{name}"
    return f"{path}/{slug(name)}"


def entity_iri(key: str) -> str:
    """IRI of an entity from its cross-article key.

    >>> entity_iri("person:jane roe")[len(ID_BASE):]
    'person/jane-roe'
    >>> entity_iri("country:US")[len(ID_BASE):]
    'country/US'
    >>> entity_iri("city:1816670")[len(ID_BASE):]
    'city/1816670'
    >>> entity_iri("org:chinese foreign ministry")[len(ID_BASE):]
    'org/chinese-foreign-ministry'
    """
    return ID_BASE + _entity_path(key)


def post_iri(title: str, jurisdiction_key: str | None) -> str:
    """``id:post/{title}/{CC}`` for a country, ``id:post/{title}/{kind}/{name}`` otherwise.

    >>> post_iri("Secretary of State", "country:US")[len(ID_BASE):]
    'post/secretary-of-state/US'
    >>> post_iri("Secretary-General", "org:united nations")[len(ID_BASE):]
    'post/secretary-general/org/united-nations'
    """
    base = f"{ID_BASE}post/{slug(title)}"
    if jurisdiction_key is None:
        return base
    path = _entity_path(jurisdiction_key)
    if path.startswith("country/"):
        path = path[len("country/"):]
    return f"{base}/{path}"


def tenure_iri(article_id: str, holder_key: str, title: str, jurisdiction_key: str | None) -> str:
    """One tenure per article, holder and post: ``id:tenure/{sha1}``."""
    return f"{ID_BASE}tenure/{digest([article_id, holder_key, title, jurisdiction_key])}"


def event_iri(article_id: str, event: Event) -> str:
    """``id:event/{sha1}`` over article id, kind, roles, status, evidence span and trigger."""
    ev = event.evidence
    content = {
        "article": article_id,
        "kind": event.kind,
        "roles": [[role, list(keys)] for role, keys in sorted(event.roles)],
        "status": event.status,
        "span": [ev.start, ev.end, ev.anchor_start, ev.anchor_end],
        "trigger": event.trigger,
    }
    return f"{ID_BASE}event/{digest(content)}"


def time_iri(iso: str) -> str:
    """``id:time/{iso}``: one node per date value, shared by all articles.

    >>> time_iri("2023-05-08")[len(ID_BASE):]
    'time/2023-05-08'
    """
    return f"{ID_BASE}time/{quote(iso, safe='-', errors='surrogatepass')}"


def evidence_iri(article_id: str, start: int, end: int, anchor_start: int, anchor_end: int) -> str:
    """``id:evidence/{sha1}`` of the article and the sentence and anchor offsets."""
    return f"{ID_BASE}evidence/{digest([article_id, start, end, anchor_start, anchor_end])}"


def occurrence_iri(article_id: str, text: str, start: int) -> str:
    """``id:occurrence/{sha1}`` of the article, the cause text and where it starts."""
    return f"{ID_BASE}occurrence/{digest([article_id, text, start])}"
