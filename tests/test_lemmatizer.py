"""kg.lemmatizer: the model's lemmatizer applied by look-ups gives exactly spaCy's lemmas."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from kg.lemmatizer import LookupLemmatizer, install
from kg.nlp import MODEL

SEED = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# invented sentences with irregular and regular inflections of every open class, comparatives,
# words the attribute ruler lemmatises itself ("'s", "n't", "ca"), proper nouns, numbers, symbols
# and spaces; the second half repeats words of the first in other forms, so memoised triples are reused
SENTENCES = [
    "The ministers went to Lima; she has flown there twice and was meeting better-known envoys.",
    "Talks were held, children ran, mice hid: the oldest leaders can't say they're happier.",
    "He doesn't think the Premier's aides were wrong about 3.5 billion dollars -- or $20.",
    "Envoys meet, the minister meets, ministers met; going, gone, goes, went.\n\n  Fly, flew, flies.",
    # one word, one part of speech, two morphologies and two lemmas: "saw" (Inf) -> "saw", "saw" (Past) -> "see"
    "The ministers will saw wood and saw the envoy.",
]


@pytest.fixture(scope="module")
def spacy_lemmatizer():
    """The model's own lemmatizer, from a separate load of the model (its tables untouched)."""
    nlp = importlib.import_module(MODEL).load()
    component = nlp.get_pipe("lemmatizer")
    assert type(component) is EnglishLemmatizer
    return component


def test_installed_in_the_pipeline(nlp):
    assert type(nlp.get_pipe("lemmatizer")) is LookupLemmatizer


@pytest.mark.parametrize("text", SENTENCES + [p.read_text(encoding="utf-8") for p in SEED])
def test_lookup_lemmas_equal_spacy_lemmas(nlp, spacy_lemmatizer, text):
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        ours = nlp(text)
    theirs = Doc(spacy_lemmatizer.vocab).from_bytes(ours.to_bytes())
    preset = sum(1 for token in ours if token.lemma)
    nlp.get_pipe("lemmatizer")(ours)
    spacy_lemmatizer(theirs)
    expected = [token.lemma_ for token in theirs]
    assert all(expected), "spaCy lemmatises every token"
    assert [token.lemma_ for token in ours] == expected
    if text in SENTENCES[1:3]:
        assert preset, "the attribute ruler set some lemmas first (kept, as spaCy keeps them)"


def test_memo_is_reused_and_still_right(nlp, spacy_lemmatizer):
    """The same words again (now answered from the memo) get the same lemmas as spaCy's."""
    component = nlp.get_pipe("lemmatizer")
    names = nlp.pipe_names
    for _ in range(2):
        with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
            ours = nlp(SENTENCES[3])
        theirs = Doc(spacy_lemmatizer.vocab).from_bytes(ours.to_bytes())
        component(ours)
        spacy_lemmatizer(theirs)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [t.lemma_ for t in ours][:5] == ["envoy", "meet", ",", "the", "minister"]


def test_lemma_depends_on_morphology(nlp):
    doc = nlp(SENTENCES[4])
    assert [(t.text, t.lemma_) for t in doc if t.lower_ == "saw"] == [("saw", "saw"), ("saw", "see")]


def test_install_leaves_other_lemmatizers_alone():
    import spacy

    blank = spacy.blank("en")
    assert install(blank) is False  # no lemmatizer
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert install(blank) is False  # not the rule mode
    assert type(blank.get_pipe("lemmatizer")) is not LookupLemmatizer
