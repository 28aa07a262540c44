"""kg.ruler: the model's attribute ruler matched by look-ups gives exactly spaCy's matches."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from kg.ruler import Unsupported, compile_patterns, install

SEED = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# invented sentences that reach the ruler's rarer patterns: two-token ones ("gon na", "let 's",
# "ai n't", "y' all"), set and regular-expression predicates, pronouns as objects and subjects,
# auxiliaries, "there is", determiners used as pronouns, runs of spaces and line breaks
SENTENCES = [
    "I told you it was gonna rain, but you didn't listen.",
    "Let's go: y'all ain't seen nothin' yet, the minister said.",
    "There were talks in Lima  and  there is hope.\n\nThat is what she gets for it.",
    "Had he known, he would have gone; does it matter?  It does.",
    "Whether or not the envoy got there, that which was agreed stands; I'm sure they'd come.",
]


def _spacy_matches(ruler, doc):
    return AttributeRuler.match(ruler, doc)  # the class's own method: spaCy's Matcher


def test_model_patterns_compile_and_are_installed(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler), "kg.nlp.load() installs the look-up matcher"
    assert len(ruler.patterns) > 100


@pytest.mark.parametrize("text", SENTENCES + [p.read_text(encoding="utf-8") for p in SEED])
def test_lookup_matches_equal_spacy_matcher(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("attribute_ruler")]):
        doc = nlp(text)
    expected = _spacy_matches(ruler, doc)
    assert expected, "the ruler matches every tagged token"
    assert ruler.match(doc) == expected


def test_lookup_matcher_on_hand_written_patterns():
    """Every pattern shape it compiles, on a blank pipeline (TAG and DEP unset)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["alpha", "beta"]}}]], {"LEMMA": "greek"})
    ruler.add([[{"LOWER": {"REGEX": "^ga+mma$"}}, {"LOWER": "ray"}]], {"LEMMA": "ray"}, index=1)
    ruler.add([[{"LOWER": {"NOT_IN": ["alpha"]}, "IS_SPACE": False}]], {"NORM": "x"})
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "space"})
    ruler.add([[{"LOWER": "delta"}, {"LOWER": "delta"}]], {"LEMMA": "dd"})
    doc = nlp.make_doc("Alpha gaaamma ray  delta delta delta beta")
    expected = _spacy_matches(ruler, doc)
    got = compile_patterns(ruler)(doc)
    assert got == expected
    assert (1, ruler.vocab.strings["1"], 1, 3) in got  # the two-token regular-expression pattern
    assert sum(1 for m in got if m[0] == 4) == 2  # "delta delta" twice, overlapping


def test_unsupported_pattern_leaves_spacy_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "alpha", "OP": "+"}]], {"LEMMA": "a"})
    with pytest.raises(Unsupported):
        compile_patterns(ruler)
    assert install(nlp) is False
    assert "match" not in vars(ruler)
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LENGTH": {">=": 3}}]], {"LEMMA": "long"})
    with pytest.raises(Unsupported):
        compile_patterns(ruler2)
