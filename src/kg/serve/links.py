"""Where things live in the web app: every node minted under ``id:`` has a page at ``/id/...`` (the
IRI's own path, so a page's permalink mirrors its IRI), and a few helpers for labels.

>>> href("https://w3id.org/kg-diplomacy/id/person/jane-roe")
'/id/person/jane-roe'
>>> href("http://example.org/x") is None
True
>>> article_href("a b")
'/id/article/a%20b'
>>> local_name("https://w3id.org/kg-diplomacy/ontology#cancelled")
'cancelled'
"""

from __future__ import annotations

from urllib.parse import urlencode

from kg.ids import article_iri
from kg.iris import ID_BASE

__all__ = ["article_href", "href", "iri_of", "local_name", "name_href", "sparql_href"]


def href(iri: str | None) -> str | None:
    """The page of a node minted under ``id:``, else None."""
    if iri and iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE):]
    return None


def iri_of(raw_path: str) -> str:
    """``/id/person/x`` (the raw, still percent-encoded request path) -> the node's IRI."""
    return ID_BASE + raw_path[len("/id/"):]


def article_href(article_id: str) -> str:
    return href(article_iri(article_id)) or ""


def name_href(name: str) -> str:
    """A page that finds the node(s) with this name (for tables that hold names, not IRIs)."""
    return "/name?" + urlencode({"n": name})


def sparql_href(text: str) -> str:
    return "/sparql?" + urlencode({"query": text})


def local_name(iri: str | None) -> str:
    if not iri:
        return ""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]
