"""The examples in docstrings are tests too (as pyoxigraph's test_doc.py does)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.text", "kg.geo", "kg.ids", "kg.extract.timex", "kg.extract.lexicon", "kg.headers", "kg.articles",
           "kg.extract.pieces", "kg.names", "kg.identity", "kg.jurisdictions", "kg.links", "kg.formats", "kg.render",
           "kg.results", "kg.endpoint", "kg.serve.highlight", "kg.serve.links"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
