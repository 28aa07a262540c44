"""Office titles in running text, by a small grammar of English titles:

    TITLE := PREFIX* STATE? FIELD* HEAD COMPLEMENT?
    "former" "Deputy"  "Peruvian" "Emergency Situations" "Minister"
    "the"  "UN"  "High Commissioner" "for Human Rights"
    "President" "of Brazil" (a state or organisation after "of" is the jurisdiction, not the title)

HEAD is an office noun of the lexicon (``title_heads``, and the ``minister_fields`` compounds);
FIELD words before it are the lexicon's field words, or, before a capitalised head, any capitalised
word that is not a place, a demonym or an organisation ("Science and Technology Minister"); the
COMPLEMENT is "of/for" + capitalised words ("Minister of Foreign Affairs", "Commissioner for Trade and
Industry"); an ambassador's "to X" names the receiving state and is left out of the title.
The state before the title is its jurisdiction ("US", "Chinese", "Japan's", "UN").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from datetime import date as Date

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from kg import geo
from kg.extract.lexicon import io_name, lexicon
from kg.text import fold


@dataclass
class Title:
    start: int  # token span of the title words (with prefixes), doc indices
    end: int
    phrase: str  # folded office words without prefixes and state ("foreign minister")
    former: bool
    country: str | None  # jurisdiction: ISO code, or "io:<name>" for an international organisation
    deputy: str = ""  # "deputy " / "vice " kept as part of the title
    alias: bool = False  # another name of an office its holder is named with ("the premier" of a prime minister)

    @property
    def head(self) -> str:
        """The office's head noun ("minister" of "foreign minister" and of "minister of foreign affairs")."""
        return self.phrase.split(" of ")[0].split(" for ")[0].split()[-1]


_LINKS = ("of", "for")
_SMALL = {"and", "&", "the"}


def folded(doc: Doc) -> list[str]:
    """Each token's folded text (:func:`kg.text.fold`), computed once per Doc; the folded text of
    a span is the non-empty ones joined by spaces."""
    words = doc.user_data.get("kg_fold")
    if words is None:
        strings = doc.vocab.strings  # from one array read: a Token object per token costs more than the fold
        words = doc.user_data["kg_fold"] = [fold(strings[orth]) for orth in doc.to_array([ORTH]).tolist()]
    return words


def _folded_span(words: list[str], i: int, j: int) -> str:
    return " ".join(w for w in words[i:j] if w)


def find_titles(doc: Doc, on: Date | None) -> list[Title]:
    lex = lexicon()
    words = folded(doc)
    heads = lex.title_phrases
    first_words = lex.title_first_words
    titles: list[Title] = []
    n = len(doc)
    i = 0
    abbreviations = lex.table("title_abbreviations")
    abbreviated = _abbreviation_folds()
    defined: dict[str, str] = {}  # "Chief of Army Staff (COAS)": the article's own short form of an office
    while i < n:
        if doc[i].text in defined and not (i > 0 and doc[i - 1].text == "("):
            start, deputy, former = _prefixes(doc, i)
            titles.append(Title(start, i + 1, defined[doc[i].text], former, _title_country(doc, start, on), deputy))
            i += 1
            continue
        short = _abbreviation(doc, i, abbreviations) if words[i] in abbreviated else None
        if short is not None and titles and titles[-1].end == i and words[i] in lex.honorifics:
            i = short[0]  # "Cabinet Secretary for Foreign Affairs Amb. X": a style after an office
            continue
        if short is not None:
            end, phrase = short
            start, deputy, former = _prefixes(doc, i)
            country = _title_country(doc, start, on, sending=phrase in lex.words("sending_state_titles"),
                                     envoy=phrase.endswith("envoy"))
            titles.append(Title(start, end, phrase, former, country, deputy))
            i = end
            continue
        if not words[i] or words[i].split()[0] not in first_words or (
                i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
                and (doc[i - 2].lower_ in lex.words("place_name_particles")
                     or doc[i - 2].text[:1].isupper() and doc[i - 2].ent_type_ == "GPE" and doc[i].ent_type_ == "GPE")):
            i += 1  # (not the end of a hyphenated place name: "Port-au-Prince", "Nur-Sultan")
            continue
        if i + 2 < n and f"{words[i]} {words[i + 2]}" in heads and doc[i + 1].ent_type_ in ("NORP", "GPE") \
                and (code := geo.country_code(doc[i + 1].text, on, codes=False)):
            # "the top Iranian diplomat", "the top U.S. diplomat": the state inside the office's words
            titles.append(Title(i, i + 3, f"{words[i]} {words[i + 2]}", False, code))
            i += 3
            continue
        end = _head_end(doc, i, heads, words)
        if end == i + 1 and titles and titles[-1].end == i and words[i] in lex.words("given_name_titles") \
                and words[i - 1] not in lex.words("royal_styles") and end < n and doc[end].text[:1].isupper() \
                and doc[end].is_alpha:
            i += 1  # "Foreign Minister Amir Khan": right after an office, a given name, not a second office
            continue
        if not end:
            i += 1
            continue
        cased = doc[end - 1].text[:1].isupper()
        start = _fields_start(doc, i, cased, on)
        if titles and start < titles[-1].end <= i:
            start = titles[-1].end  # "Foreign Minister Prince X": the style is no field of the office before it
            joints = [k for k in range(start, i) if doc[k].lower_ in ("and", "&", ",")]
            if joints:  # "Secretary of State A B and Foreign Minister C": A B is the first one's holder
                start = joints[0] + 1
            while start < i and doc[start].lower_ in _SMALL:
                start += 1  # "the Queen and Prince X"
        employer = _employer(doc, start, i, on)
        if employer is not None and _fields_read_as_employer(doc, start, employer, on):
            employer = None
        if employer is not None:  # "a United States Department of State spokesperson"
            start = max(start, employer[0])
            fields = lex.words("field_words")
            if doc[start].lower_ in ("and", "&") and start > 0 and fold(doc[start - 1].text) in fields:
                # "Venezuelan Energy and Mines Minister" (NER's organisation "Venezuelan Energy"): the
                # organisation's last words are the office's first fields
                start -= 1
                while start > 0 and fold(doc[start - 1].text) in fields and doc[start - 1].ent_iob_ == "I":
                    start -= 1
        comp_end, comp_country, span_end = _complement(doc, end, on)
        if comp_country is None and end < comp_end == span_end < len(doc) and doc[comp_end].lower_ in ("and", "&") \
                and (more := _complement(doc, comp_end, on))[0] > comp_end and more[1] is None:
            comp_end, span_end = more[0], more[2]  # "Secretary for Foreign and Diaspora Affairs": NER's name cut the field short
        if comp_country is None and (end < comp_end or end < span_end) and comp_end <= span_end < len(doc) \
                and doc[span_end].lower_ == "of":
            # "Minister of External Relations of Angola": the state after the office's field; "Chairman of
            # the Standing Committee of the National People's Congress": after the body's name
            state_end, state, state_span = _complement(doc, span_end, on)
            formal = state_form(doc, _after_the(doc, span_end + 1), on)  # "... of the Republic of Serbia X": a formal name ends there
            if state is not None and not state.startswith("io:") and state_end == span_end \
                    and not geo.is_demonym(doc[span_end + 1:state_span].text) and not (
                        state_span < len(doc) and doc[state_span].text[:1].isupper() and doc[state_span].ent_type_ != "PERSON"
                        and fold(doc[state_span].text) not in lex.honorifics
                        and (formal is None or formal[1] != state_span)):  # ("... of Finland Ms. X": a style)
                # (not "Chairperson of the Economic Community of Central African States": a body's name goes on)
                comp_country, span_end = state, state_span
        phrase = fold(" ".join(t.text for t in doc[start:comp_end] if not t.is_space)).replace(" - ", "-")
        if comp_end > end and doc[end].lower_ == "for" and doc[end + 1].is_lower and doc[end - 1].lower_ in lex.words("remit_titles"):
            phrase = fold(doc[end + 1:comp_end].text) + " " + doc[end - 1].lower_  # "... envoy for climate": "climate envoy"
        phrase = lex.table("title_aliases").get(phrase, phrase)
        prefix_start, deputy, former = _prefixes(doc, start)
        if start > prefix_start and doc[start - 1].text == "Special" and " for " in phrase and not phrase.startswith("special "):
            phrase = "special " + phrase  # "Special Presidential Envoy for Climate": the office's own word
        sending = any(w in lex.words("sending_state_titles") for w in (phrase, phrase.split()[-1]))
        if sending and comp_country and span_end < len(doc) and doc[span_end].lower_ == "to":
            span_end = _receiving(doc, span_end, on)[2]  # "Ambassador of Iran to Qatar X": the posting too
        country = _title_country(doc, prefix_start, on, sending=sending, envoy=phrase.endswith("envoy")) \
            or comp_country \
            or (employer[1] if employer and not (sending and (employer[1] or "").startswith("io:")) else None)
        # ("UN Ambassador X": a state's ambassador to the body, not the body's)
        if (listed := _portfolio_list_end(doc, span_end)) > span_end:
            span_end = listed  # the office's name is the whole list: "Minister of Industry, Commerce and Tourism"
            phrase = fold(" ".join(t.text for t in doc[start:span_end] if not t.is_space)).replace(" - ", "-")
        if country is None:
            country = _diaspora_state(doc, start, span_end, on)
        titles.append(Title(prefix_start, span_end, phrase, former, country, deputy))
        if (short_form := _defined_short_form(doc, start, span_end)) is not None:
            defined[short_form] = phrase
        i = span_end
    return titles


def _diaspora_state(doc: Doc, start: int, end: int, on: Date | None) -> str | None:
    """"Minister of Foreign Affairs and Malians Abroad": an office for its citizens abroad (lexicon
    ``diaspora_words``) is their state's."""
    away = lexicon().words("diaspora_words")
    for k in range(start + 1, end - 1):
        if doc[k + 1].lower_ in away and doc[k].text[:1].isupper() and (demonym := _people_of(doc[k].text)):
            return geo.country_code(demonym, on, codes=False)
    return None


def _people_of(word: str) -> str | None:
    """The demonym a word is, in the singular or the plural ("Senegalese", "Malians")."""
    return next((w for w in (word, word.removesuffix("s")) if geo.is_demonym(w)), None)


def _defined_short_form(doc: Doc, start: int, end: int) -> str | None:
    """'Chief of Army Staff (COAS)': the capitals in brackets right after an office that are its
    words' initials (all of them, or the capitalised ones)."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    short, words = doc[end + 1].text, [t.text for t in doc[start:end] if t.is_alpha]
    if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 6) or len(words) < 2:
        return None
    every = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return short if short in (every, capitals) else None


def _fields_read_as_employer(doc: Doc, start: int, employer: tuple[int, str | None], on: Date | None) -> bool:
    """Is the organisation NER read before a title only the office's field words ("International Trade
    and Industry Minister"; after a state's word, a list or two words or more: "Japanese Agriculture,
    Forestry and Fisheries Minister", "Soviet Foreign Economic Relations Minister"; not "the Vietnamese
    Government leader", nor "the Chinese Defence Ministry spokesman": a ministry's own office)?"""
    end, country = employer
    words = doc[start:end]
    if start >= end or not all(fold(t.text) in lexicon().words("field_words") or t.lower_ in ("and", "&", ",")
                               for t in words):
        return False
    if country is None:
        return True
    return start > 0 and geo.country_code(doc[start - 1].text, on, codes=False) is not None \
        and (end - start >= 2 or any(t.lower_ in ("and", "&", ",") for t in words)) \
        and fold(doc[end - 1].text) != "ministry"


def _portfolio_list_end(doc: Doc, end: int) -> int:
    """'Minister of Foreign Affairs, Trade and Gabonese Abroad, X Y': the office's other
    portfolios, listed after a comma in capitalised field words and demonyms with one "and" (lexicon
    ``field_words``), belong to it: the title ends at the comma before the name, or at the name."""
    n = len(doc)
    if end + 4 >= n or doc[end].text != "," or doc[end - 1].is_lower:
        return end
    fields = lexicon().words("field_words")
    k, joined = end + 1, False
    while k < n and k - end <= 8:
        word = doc[k]
        if word.lower_ in ("and", "&") and not joined:
            joined = True
        elif word.text[:1].isupper() and (size := next((s for s in (3, 2) if k + s <= n and io_name(doc[k:k + s].text)), 0)):
            k += size  # "Minister of Foreign Affairs, European Union and Cooperation": a body the office deals with
            continue
        elif not (word.text[:1].isupper() and word.is_alpha and (
                fold(word.text) in fields or _people_of(word.text)
                or (k + 1 < n and doc[k + 1].text[:1].isupper() and fold(doc[k + 1].text) in fields))):
            break  # (a word qualifying the field after it is the field's: "African Integration")
        k += 1
    if joined and k > end + 3 and doc[k - 1].lower_ not in ("and", "&") and k + 1 < n and fold(doc[k - 1].text) in fields \
            and ((doc[k].text == "," and doc[k + 1].text[:1].isupper() and doc[k + 1].pos_ == "PROPN")
                 or (doc[k].pos_ == "PROPN" and doc[k].ent_type_ in ("PERSON", "") and doc[k].ent_iob_ != "I")
                 or (doc[k].pos_ == "PROPN" and doc[k].ent_type_ == "ORG" and doc[end - 1].ent_type_ == "ORG")):
        # (NER's one organisation over the office and the name: "Minister of Trade, Industry and Energy X Y")
        return k  # (the name right after the list: "Minister of Agriculture, Forestry and Fisheries X Y")
    return end


@cache
def _title_styles() -> frozenset[str]:
    """Folded styles that stand before an office (lexicon ``title_styles``: "H.E.", "Hon.")."""
    return frozenset(fold(w) for w in lexicon().words("title_styles"))


@cache
def _abbreviation_folds() -> frozenset[str]:
    """The folded forms of the title abbreviations: a token whose fold is not one is none."""
    return frozenset(fold(key) for key in lexicon().table("title_abbreviations"))


def _abbreviation(doc: Doc, i: int, table: dict[str, str]) -> tuple[int, str] | None:
    """'PM Vega', 'Pres. Vega', 'Sen. Roe' -> (end, full title); only right before a name."""
    token = doc[i]
    key = token.text if token.text.isupper() else token.text.lower()
    if key not in table or not token.text[:1].isupper():
        return None
    end = i + 1
    if end < len(doc) and doc[end].text == "." and not key.endswith("."):
        end += 1
    stated = i > 0 and token.text.isupper() and geo.country_code(doc[i - 1].text, codes=False) is not None
    if not stated and (end >= len(doc) or doc[end].pos_ != "PROPN" or not doc[end].text[:1].isupper()):
        return None  # "PM Vega"; or "Pakistan PM meets ...", a state's upper-case abbreviation
    return end, table[key]


def _head_end(doc: Doc, i: int, heads: frozenset[str], words: list[str]) -> int:
    """End of the longest office head starting at token ``i`` (0: none)."""
    if doc[i].is_punct:
        return 0
    for j in range(min(len(doc), i + 6), i, -1):
        if doc[j - 1].is_punct or any("\n" in t.text or "\n" in t.whitespace_ for t in doc[i:j - 1]):
            continue
        text = _folded_span(words, i, j)
        if text.endswith("s") and text not in heads and doc[j - 1].tag_ in ("NNS", "NNPS"):
            text = text[:-1]  # "foreign ministers": a plural office (kg.extract.persons.plural_titles)
        if text in heads and doc[j - 1].lower_ not in _LINKS + ("the",) \
                and doc[j - 1].pos_ in ("NOUN", "PROPN"):
            if not (doc[i].text[:1].isupper() or doc[i].pos_ == "NOUN" or doc[i].is_lower):
                return 0
            return j
    return 0


def _field(token: Token, cased: bool, on: Date | None) -> bool:
    """Can ``token`` be a field word of a title (before its head)?"""
    lex = lexicon()
    word = fold(token.text)
    if token.is_punct or token.is_space or "\n" in token.whitespace_ or token.like_num:
        return False
    if geo.country_code(token.text, on, codes=False) or io_name(token.text) or fold(token.text) in lex.media:
        return False
    if word in lex.words("field_words"):
        return token.is_lower or token.text[:1].isupper()
    if token.tag_ in ("JJR", "JJS", "RB", "RBR", "RBS"):
        return False  # "Earlier Interior Minister X said", "Later ...": a sentence's first word, no field
    if cased and token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ") \
            and token.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE", "ORG", "LOC", "FAC") and word not in lex.prefixes:
        return True
    return False


def _fields_start(doc: Doc, head_start: int, cased: bool, on: Date | None) -> int:
    """Extend a head leftwards over field words ("Emergency Situations" + "Minister")."""
    start = head_start
    while start > 0:
        prev = doc[start - 1]
        if any(geo.country_code(doc[k:start].text, on, codes=False) or io_name(doc[k:start].text)
               for k in range(max(0, start - 5), start - 1)):
            break  # "State Department Spokesman", "United Nations Secretary-General", "St Kitts and Nevis Prime
            # Minister": a state or body ends the fields
        if fold(prev.text) in _title_styles() or prev.text == "HE":
            break  # "H.E. President X", "HE Minister Y", "Hon. Minister Y": a style, no field of the office
        if fold(prev.text) in lexicon().words("page_words"):
            break  # a web page's "Photo Prime Minister X of Serbia, left, ...": the caption's label
        if _field(prev, cased, on):
            start -= 1
        elif prev.lower_ in ("and", "&") and start >= 2 and _field(doc[start - 2], cased, on) and cased \
                and fold(doc[start - 2].text) in lexicon().words("field_words"):
            start -= 1  # "Science and Technology Minister" (not "President X Khoa and Prime Minister Y")
        elif prev.text == "," and start >= 2 and cased and any(t.lower_ in ("and", "&") for t in doc[start:head_start]) \
                and fold(doc[start - 2].text) in lexicon().words("field_words") and _field(doc[start - 2], cased, on):
            start -= 1  # "Investment, Trade and Industry Minister": a list of fields
        else:
            break
    while start < head_start and doc[start].lower_ in _SMALL:
        start += 1
    return start


def _employer(doc: Doc, start: int, head: int, on: Date | None) -> tuple[int, str | None] | None:
    """An organisation named right before the title words ("United States Department of State
    spokesperson", "Foreign Ministry spokesman"): (end of its name, the state it names, if any)."""
    k = start - 1
    while k >= 0 and doc[k].ent_type_ in ("ORG", "GPE", "FAC") and not doc[k].is_punct:
        if doc[k].ent_iob_ == "B":
            break
        k -= 1
    if k < 0 or k >= start or doc[k].ent_type_ not in ("ORG", "GPE", "FAC") or doc[start - 1].ent_type_ != doc[k].ent_type_:
        return None
    ent_end = start
    while ent_end < head and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    name = doc[k:ent_end]
    for width in range(len(name), 0, -1):
        code = geo.country_code(name[:width].text, on, codes=False)
        if code:
            return ent_end, code
        org = io_name(name[:width].text)
        if org:  # "African Union Commission Chairperson": the body's
            return ent_end, "io:" + org
    return ent_end, None


def state_form(doc: Doc, j: int, on: Date | None) -> tuple[str, int] | None:
    """(state, end) for a state's formal name at ``j``: a form of state (lexicon ``state_form_nouns``),
    up to three capitalised words before it, "of" and the state ("the Republic of Uzbekistan", "the
    Hashemite Kingdom of Jordan", "the Plurinational State of Bolivia"), whatever NER made of it."""
    n, forms = len(doc), lexicon().words("state_form_nouns")
    c = next((c for c in range(j, min(n, j + 4)) if doc[c].lower_ in forms), None)
    if c is None or c + 2 >= n or doc[c + 1].lower_ != "of" or any(
            not (t.text[:1].isupper() or t.text in ("'s", "’s")) or t.ent_type_ == "PERSON" for t in doc[j:c + 1]):
        return None
    for k in range(min(n, c + 6), c + 2, -1):
        # the whole formal name first: "the People's Republic of China" is not "the Republic of China"
        code = not doc[k - 1].is_punct and (geo.country_code(doc[j:k].text, on, codes=False, capitals=False)
                                             or geo.country_code(doc[c + 2:k].text, on, codes=False, capitals=False))
        if code:
            return code, k
    return None


def _office_follows(doc: Doc, i: int) -> bool:
    """Does a new office start at ``i`` ("Minister of Trade and Foreign Minister X"), not a field
    going on ("Minister of International Trade and Industry X")? An office head within its
    capitalised words says so."""
    heads = _office_heads()
    for t in doc[i:i + 4]:
        if not t.text[:1].isupper():
            return False
        if fold(t.text) in heads:
            return True
    return False


@cache
def _office_heads() -> frozenset[str]:
    """The words offices end in ("minister", "secretary", "governor"), from the lexicon's heads."""
    return frozenset(h.split()[-1] for h in lexicon().raw["title_heads"] if " of " not in h)


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """``doc[i]`` is a hyphen written between two capitalised words ("Colombia-Peru", "Guinea-Bissau")."""
    return doc[i].text in ("-", "\u2013") and i > 0 and i + 1 < len(doc) and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i + 1].text[:1].isupper()


def _lower_tail(doc: Doc, i: int) -> bool:
    """``doc[i]`` is a hyphen written between a capitalised word and one in small letters: the
    field word goes on ("Opening-up", "Follow-up")."""
    return i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].text[:1].isupper() and doc[i + 1].is_lower and doc[i + 1].is_alpha


def _complement(doc: Doc, end: int, on: Date | None) -> tuple[int, str | None, int]:
    """(end of the title words, jurisdiction, end of the whole title): 'of Foreign Affairs',
    'for Trade and Industry' are title words; 'of Brazil', 'of the United Nations' name the
    jurisdiction ("President of Brazil Luis Vega": the name follows the whole)."""
    n = len(doc)
    if end + 3 < n and [t.lower_ for t in doc[end:end + 3]] == ["in", "charge", "of"]:
        fields, k = lexicon().words("field_words"), end + 3  # "Deputy Prime Minister in charge of European Affairs"
        while k < n and (doc[k].text[:1].isupper() and fold(doc[k].text) in fields
                         or doc[k].lower_ in ("and", "&") and k + 1 < n and fold(doc[k + 1].text) in fields):
            k += 1
        if k > end + 3:
            return k, None, k
    if end + 4 < n and doc[end].lower_ in ("in", "at") and doc[end + 1].lower_ == "the" and doc[end + 3].lower_ == "of" \
            and doc[end + 2].lower_ in lexicon().words("government_body_words") and doc[end + 2].text[:1].isupper():
        # "Secretary of State in the Office of Finance", "State Secretary at the Ministry of Energy": the
        # department the office heads or serves in, then its fields
        words_end, country, span_end = _complement(doc, end + 3, on)
        if words_end > end + 3 and country is None:
            return words_end, None, span_end
    if end + 2 < n and doc[end].lower_ in ("and", "&") and any(t.lower_ in _LINKS for t in doc[max(0, end - 4):end]) \
            and not _office_follows(doc, end + 1):  # not "Minister of Trade and Foreign Minister X"
        # "Minister of Economy and Sustainable Development X": the field after "and" is the office's too
        lex = lexicon()
        k = run = end + 1
        fields = lex.words("field_words")
        while run < n and doc[run].text[:1].isupper() and fold(doc[run].text) not in lex.honorifics \
                and (doc[run].is_alpha or fold(doc[run].text.replace("-", "")) in fields) \
                and (doc[run].ent_type_ != "PERSON" or fold(doc[run].text) in fields):
            run += 1
            if fold(doc[run - 1].text.replace("-", "")) in fields:
                k = run  # the office's words end at its last field word ("Co-operation"); a name may follow untagged
        if k > end + 1 and k < n and (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() or doc[k].text == ","
                                      or k == run and doc[k].lower_ == "of"):
            return k, None, k  # the name right after, or in apposition ("..., Sheikh X,"), or the state
            # after the whole field ("Minister of Foreign Affairs and Trade of Hungary": see find_titles)
    if end < n and doc[end].lower_ == "to" and doc[end - 1].lower_ in lexicon().words("sending_state_titles"):
        return _receiving(doc, end, on)
    if end + 1 < n and doc[end].lower_ in lexicon().words("office_link_adjectives") and doc[end + 1].lower_ in _LINKS:
        words_end, country, span_end = _complement(doc, end + 1, on)  # "Minister Responsible for Foreign Affairs"
        return (words_end, country, span_end) if span_end > end + 1 else (end, None, end)
    if end + 1 < n and doc[end].lower_ == "for" and doc[end - 1].lower_ in lexicon().words("remit_titles"):
        k = end + 1  # "special presidential envoy for climate (change)": the envoy's remit, in common nouns
        events = lexicon().words("meeting_nouns") | lexicon().words("gathering_nouns") | lexicon().words("travel_nouns")
        while k < n and k - end <= 3 and doc[k].is_lower and doc[k].tag_ == "NN" and doc[k].lemma_ not in events:
            k += 1  # not "an envoy for talks", "an envoy for the summit"
        if k > end + 1 and k < n and doc[k].text in (",", ".", ";", ")"):  # a whole phrase: not "for peace (talks)"
            return k, None, k
        j = _after_the(doc, end + 1)
        for k in range(min(n, j + 5), j, -1):  # "the Secretary-General's special envoy for Sudan": the state
            if geo.country_code(doc[j:k].text, on, codes=False):  # is the envoy's remit, not who sends them
                return end, None, k
    if end + 2 < n and doc[end].lower_ in ("for", "of") and doc[end + 1].is_lower:
        fields, k = lexicon().words("field_words"), end + 1
        while k < n and k - end <= 4 and doc[k].is_lower and (fold(doc[k].text) in fields or doc[k].lower_ == "and"):
            k += 1
        if k > end + 1 and doc[k - 1].lower_ != "and" and k < n and doc[k].text == ",":
            return k, None, k  # "the EU's deputy secretary general for political affairs, X": the field in lower case
    if end >= n or doc[end].lower_ not in _LINKS:
        return end, None, end
    j = _after_the(doc, end + 1)
    if j < n and doc[j].ent_type_ == "PERSON":  # "President of Peru Luis Vega" with NER's name "Peru Luis Vega"
        k = next((k for k in (j + 2, j + 1) if k + 1 < n and doc[k].ent_type_ == "PERSON" and doc[k - 1].ent_iob_ != "O"
                  and geo.country_code(doc[j:k].text, on, codes=False)), None)
        if k is not None:
            return end, geo.country_code(doc[j:k].text, on, codes=False), k
        if (j + 1 >= n or doc[j + 1].ent_iob_ != "I") and (code := geo.country_code(doc[j].text, on, codes=False)):
            return end, code, j + 1  # "the Prime Minister of Mali, X" with NER's person "Mali"
    words_end = j
    if j < n and doc[j].text[:1].isupper() and _head_end(doc, j, lexicon().title_phrases, folded(doc)) \
            and doc[end - 1].lower_ in lexicon().words("sending_state_titles") | lexicon().words("spokes_nouns") | {
                "adviser", "advisor", "aide"}:
        # "a Special Envoy of President X of Guinea-Bissau, Mr Y": X sent the envoy; "a spokesperson for
        # Senator X": X's, not X
        return end, None, end
    formal = state_form(doc, j, on)
    if formal is not None:  # "Foreign Minister of the Republic of Uzbekistan X"
        return end, formal[0], formal[1]
    while words_end < n and doc[words_end].ent_type_ != "PERSON" and not (
            words_end > j and doc[words_end - 1].lower_ in ("and", "&") and _office_follows(doc, words_end)) \
            and (doc[words_end].text[:1].isupper() and (doc[words_end].is_alpha or "-" in doc[words_end].text)
                             or (doc[words_end].text in ("'s", "’s") and words_end > j and words_end + 1 < n
                                 and doc[words_end + 1].text[:1].isupper()  # "the National People's Congress"
                                 and geo.country_code(doc[j:words_end].text, on, codes=False) is None
                                 and geo.country_code(doc[words_end - 1].text, on, codes=False) is None)
                             or (doc[words_end].lower_ in ("and", "&") and words_end + 1 < n
                                 and doc[words_end + 1].text[:1].isupper())
                             or _joining_hyphen(doc, words_end)
                             and geo.country_code(doc[words_end - 1].text, on, codes=False)):  # "Colombia-Peru"
        words_end += 3 if _lower_tail(doc, words_end + 1) else 1
    while words_end > j and doc[words_end - 1].lower_ in ("and", "&"):
        words_end -= 1  # "Minister for Trade and Minister of Industry X": the "and" joins two offices
    if words_end == j:
        return end, None, end
    if _body_goes_on_with_of(doc, words_end, j, on):
        # "Speaker of the House of Representatives X", "Chairman of the Council of Ministers, X": the
        # office of a body named with "of", the body's whole name in the title
        lex = lexicon()
        known = _body_words() | lex.title_words | lex.words("field_words") | lex.words("department_words")
        k = _after_the(doc, words_end + 1) + 1  # the word after "of" (and "the"), and more only of a body's or
        # a field's words ("of Foreign
        while k < n and doc[k].text[:1].isupper() and fold(doc[k].text) in known:  # Affairs"): a name may follow,
            k += 1  # NER's one body with it
        return k, None, k
    if (named := _name_after_body(doc, j, words_end)) is not None:
        return end, None, named  # "Speaker of the House of Representatives Ana Ruiz", tagged as one body
    body = _body_of_a_state(doc, j, words_end, on)
    if body is not None:
        return end, body[0], body[1]
    words_end = _body_name_end(doc, j, words_end)
    joined = None
    for k in range(words_end, j, -1):  # "of France Jean Morel": the state, then a name
        org = io_name(doc[j:k].text) or io_name(doc[end + 1:k].text)
        if org:
            return end, "io:" + org, _body_words_after(doc, k, words_end)
        code = geo.country_code(doc[j:k].text, on, codes=False)
        if code and (k < n and _joining_hyphen(doc, k) or _joining_hyphen(doc, k - 1)):
            joined = k  # "president of the Colombia-Peru Business Council", "envoy for the Belgrade-Pristina
            continue  # dialogue": a body or a relation named for two places, no one state's
        if code:
            return end, code, _body_words_after(doc, k, words_end)
    if joined is not None:
        return end, None, _body_words_after(doc, joined, words_end)
    if all(fold(t.text) in lexicon().words("department_words") for t in doc[j:words_end]):
        return words_end, None, words_end  # "Director General of the Treasury", "Secretary of the Navy"
    # "Minister for Europe and Foreign Affairs": a continent is the remit of an office "for" it
    remit = doc[end].lower_ == "for"
    if any(t.ent_type_ in ("GPE", "LOC") and not (remit and geo.is_world_region(t.text)) for t in doc[j:words_end]):
        # "Governor of Texas", "Party Secretary of Yunnan Province X": a place, not the office's field; an
        # office of a place called a province (a region) is its state's (the place noun ends the title, a name may follow)
        for k in range(min(words_end, j + 3), j, -1):
            place = geo.resolve_place(doc[j:k].text, on)
            if place is not None and place.kind == "region" and doc[k - 1].ent_type_ in ("GPE", "LOC") \
                    and k < n and doc[k].lower_ in lexicon().words("place_nouns"):
                return end, place.code, k + 1
        return end, None, end
    lex = lexicon()
    fields = lex.title_words | lex.words("field_words") | lex.words("department_words")
    k = j  # the field words the run opens with ("of Foreign Relations"; "Ana Ruiz" after them, untagged)
    while k < words_end and (fold(doc[k].text) in fields or doc[k].lower_ in ("and", "&")
                             or remit and geo.is_world_region(doc[k].text)) \
            and not (k > j and fold(doc[k].text) in lex.honorifics):  # "... Defence Staff General X": a rank
        k += 1
    while k > j and doc[k - 1].lower_ in ("and", "&"):
        k -= 1
    if j < k < words_end and all(doc[t].text[:1].isupper() for t in range(k, words_end)) \
            and doc[words_end - 1].lower_ not in _body_words() and not _name_after_note(doc, words_end):
        # "Secretary of Foreign Relations Ana Ruiz": the name follows the field (not "chairman of
        # the National Transitional Council": a body's name)
        return k, None, k
    named = [t for t in doc[end + 1:words_end] if geo.country_code(t.text, on, codes=False)]
    # (not "the South American bloc": a demonym inside a region's adjective names no state)
    demonyms = [geo.country_code(t.text, on, codes=False) for t in named
                if not (t.i > end + 1 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].is_alpha
                        and geo.country_code(doc[t.i - 1].text, on, codes=False) is None
                        and geo.country_code(doc[t.i - 1:t.i + 1].text, on, codes=False) is None)]
    if k < words_end and (named or any(t.ent_type_ == "ORG" for t in doc[j:words_end])):
        # "spokesperson for the Indonesian National Police": an organisation, not the office's
        # field; its demonym says whose ("of International Trade and Industry", all field words
        # though NER calls them an organisation, is a field)
        # (two states: "of the Colombia-Peru Business Council", a body of both, no one state's)
        return end, (demonyms[0] if len(set(demonyms)) == 1 else None), words_end
    return words_end, None, words_end


def _name_after_note(doc: Doc, i: int) -> bool:
    """'Chairman of the State Great Khural (Parliament) X': a note in brackets at ``i``, then a name NER
    tagged: the capitalised words before the note are the body's, not a person's."""
    close = next((t.i for t in doc[i:i + 6] if t.text == ")"), None) if i < len(doc) and doc[i].text == "(" else None
    return close is not None and close + 1 < len(doc) and doc[close + 1].ent_type_ == "PERSON"


def _body_goes_on_with_of(doc: Doc, i: int, j: int, on: Date | None) -> bool:
    """'(Speaker of) the House of Representatives', 'the Council of Ministers': an "of" after a body
    word, before a capitalised word that names no state and no person, is inside the body's name
    (not "of the National Assembly of Vietnam": the state's, read on its own)."""
    k = _after_the(doc, i + 1)  # "the Office of the Central ... Commission"
    if not (k < len(doc) and doc[i].lower_ == "of" and i > j and fold(doc[i - 1].text) in _body_words()
            and doc[k].text[:1].isupper() and doc[k].is_alpha and doc[k].ent_type_ != "PERSON"
            and geo.country_code(doc[k].text, on, codes=False) is None):
        return False
    if k == i + 1:
        return True
    # after "the", not a state's own name or body ("of the Republic of X", "of the National People's Congress")
    end = _capitalised_run(doc, k)
    return not state_form(doc, k, on) and not any(geo.country_code(doc[k:e].text, on, codes=False)
                                                   for e in range(k + 1, end + 1))


def _name_after_body(doc: Doc, j: int, i: int) -> int | None:
    """Where a body's name ends when it goes on with "of" ("the House of Representatives", "the
    Council of Ministers") and NER took a person's name after it for more of the body (one
    organisation from ``j`` to past the name): the end of its last body word, before two or more
    words that are not body words (None when there is no such name)."""
    if not (doc[j].ent_type_ == "ORG" and i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i].ent_iob_ == "I"):
        return None
    ent = next((e for e in doc.ents if e.start <= j < e.end), None)
    if ent is None or ent.end <= i + 1:
        return None
    end = _body_name_end(doc, j, ent.end)
    return end if i < end < ent.end else None


@cache
def _body_words() -> frozenset[str]:
    """Words that end a body's name ("council", "commission", "guard", "ministry")."""
    lex = lexicon()
    return lex.words("organization_name_words") | frozenset(lex.raw["government_body_words"])


def _body_name_end(doc: Doc, j: int, words_end: int) -> int:
    """Where a body's name ends inside a run of capitalised words that a person's name may close
    ("Commander of the National Guard Ana Ruiz", "Chairperson of the Union Commission Ana Ruiz",
    tagged as one organisation by NER): after its last name word ('guard', 'commission', 'council'),
    when two or more words that are neither body nor office words follow it."""
    lex = lexicon()
    bodies = _body_words()
    last = max((t for t in range(j, words_end) if fold(doc[t].text) in bodies), default=None)
    if last is None or words_end - last - 1 < 2:
        return words_end
    rest = doc[last + 1:words_end]
    others = bodies | lex.title_words | lex.words("field_words") | lex.words("department_words")
    if any(fold(t.text) in others or not t.is_alpha for t in rest):
        return words_end
    return last + 1


def _body_of_a_state(doc: Doc, j: int, words_end: int, on: Date | None) -> tuple[str, int] | None:
    """'(governor) of the People's Bank of China', 'of the Bank of England': a body named "...
    <body word> of <state>" is that state's; (its state, the end of its name)."""
    k = _past_possessive(doc, words_end)  # "People 's Bank"
    if k >= len(doc) or fold(doc[k - 1].text) not in _body_words() or doc[k].lower_ != "of" or k - j > 6:
        return None
    for end in (k + 3, k + 2):  # "of England", "of South Africa"
        code = geo.country_code(doc[k + 1:end].text, on, codes=False) if end <= len(doc) else None
        if code and doc[k + 1].text[:1].isupper() and doc[end - 1].is_alpha:
            return code, end
    return None


def _past_possessive(doc: Doc, k: int) -> int:
    """Where a run of capitalised words that stopped at a possessive at ``k`` ends when it goes on after
    it ("the People's Bank", "the Lao People's Revolutionary Party"): the run's end, else ``k``."""
    if k + 2 < len(doc) and doc[k].text in ("'s", "’s") and doc[k + 1].text[:1].isupper():
        return _capitalised_run(doc, k + 1)
    return k


def _capitalised_run(doc: Doc, k: int) -> int:
    """The end of the run of capitalised words from ``k``, possessives inside it ("National People's Congress")."""
    while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text in ("'s", "’s")):
        k += 1
    return k


def _after_the(doc: Doc, i: int) -> int:
    """The word at ``i``, or the one after it when it is "the" ("of the Republic of X", "of the Office")."""
    return i + 1 if i + 1 < len(doc) and doc[i].lower_ == "the" else i


def _body_words_after(doc: Doc, k: int, words_end: int) -> int:
    """"of the Union Commission X": the body's own name words after the organisation or state
    belong to the title, not to the name that follows."""
    bodies = _body_words()
    words_end = _past_possessive(doc, words_end)  # "of the Lao People's Revolutionary Party Central Committee X"
    last = max((t for t in range(k, words_end) if fold(doc[t].text) in bodies), default=None)
    if last is not None and last - k <= 5 and all(doc[t].is_alpha and doc[t].ent_type_ != "PERSON" or doc[t].text in ("'s", "’s")
                                                  for t in range(k, last)) \
            and last + 1 < len(doc) and (doc[last + 1].ent_type_ == "PERSON" or fold(doc[last + 1].text) in lexicon().honorifics):
        return last + 1  # "of the UAE Armed Forces Sheikh X": the body's words up to its last body word, a name after
    while k < words_end and fold(doc[k].text) in bodies:
        k += 1
    return k


def _receiving(doc: Doc, end: int, on: Date | None) -> tuple[int, str | None, int]:
    """'Ambassador to the United Nations David Pressman', 'ambassador to China, X': the
    receiving state or organisation is part of the title span, not of its words or state."""
    j = _after_the(doc, end + 1)
    for k in range(min(len(doc), j + 5), j, -1):
        if any(t.is_sent_start for t in doc[j + 1:k]) or doc[k - 1].is_punct:
            continue  # 'ambassador to China. "The point ...': the state's name ends in its own sentence
        if io_name(doc[j:k].text) or geo.country_code(doc[j:k].text, on, codes=False):
            return end, None, k
    return end, None, end


def _prefixes(doc: Doc, start: int) -> tuple[int, str, bool]:
    lex = lexicon()
    deputy = ""
    former = False
    while start > 0 and fold(doc[start - 1].text) in lex.prefixes and not (
            doc[start - 1].is_lower and doc[start - 1].lower_ in lex.words("capitalised_prefixes")):
        # ("Second Minister of Foreign Affairs X", not "the second minister to visit")
        word = fold(doc[start - 1].text)
        if word in lex.former:
            former = True
        elif word in lex.words("deputy_prefixes"):
            deputy = word + " " + deputy
        start -= 1
    if start > 1 and doc[start - 1].text == "-" and fold(doc[start - 2].text) == "ex":
        former, start = True, start - 2
    elif start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and fold(doc[start - 2].text) in lex.words("deputy_prefixes"):
        deputy, start = fold(doc[start - 2].text) + " " + deputy, start - 2  # "Vice-Premier X"
    return start, deputy, former or _former_before_state(doc, start)


def _former_before_state(doc: Doc, start: int) -> bool:
    """'Former U.S. Secretary of State X', 'the ex-British prime minister': 'former' before the
    state that precedes the office still makes it a past one (the span keeps the state out)."""
    j = start - 1
    if j >= 0 and doc[j].text in ("'s", "’s"):
        return False  # "Britain's former prime minister" is read by the prefixes themselves
    for width in (3, 2, 1):
        k = j - width + 1
        if k < 1 or any(t.is_punct and t.text != "." for t in doc[k:j + 1]):
            continue
        if geo.country_code(doc[k:j + 1].text, None, codes=False):
            before = fold(doc[k - 1].text)
            if before in lexicon().former:
                return True
            return k >= 2 and doc[k - 1].text == "-" and fold(doc[k - 2].text) == "ex"
    return False


def _name_word(token: Token) -> bool:
    """A capitalised word that can go on a proper name leftwards ("Foreign Affairs", "Chinese", "ECOWAS")."""
    if not token.text[:1].isupper() or "\n" in token.whitespace_:
        return False
    return token.pos_ == "PROPN" or (token.pos_ in ("NOUN", "ADJ") and not token.is_sent_start)


def _title_country(doc: Doc, start: int, on: Date | None, sending: bool = False, envoy: bool = False) -> str | None:
    """Country or organisation named right before a title ('US', 'Chinese', "Japan's", 'UN'),
    never across a line break ("... to the U.S.\\n\\nPresident X")."""
    j = start - 1
    skipped = 0
    lex = lexicon()
    while j >= 0 and skipped < 2 and ((doc[j].is_lower and doc[j].tag_ in ("JJ", "VBG", "VBN", "RB")
                                        and doc[j].pos_ in ("ADJ", "VERB", "ADV")) or doc[j].ent_type_ == "ORDINAL"
                                       or doc[j].lower_ in lex.words("office_qualifiers")):
        j -= 1  # "Jordan's visiting King", "Russia's new Prime Minister", "its newly appointed envoy",
        skipped += 1  # "Kuwait's First Deputy Prime Minister", "Lebanon's caretaker Prime Minister"
    if j >= 1 and doc[j].is_lower and doc[j].tag_ == "NN" \
            and doc[j].lower_ in lex.words("delegation_nouns"):
        j -= 1  # "U.S. delegation spokesman X", "the Soviet team leader X": the state of its party
    if j >= 1 and doc[j].pos_ == "PROPN" and geo.is_world_region(doc[j].text) and doc[j - 1].text in ("'s", "’s"):
        j -= 1  # "Britain's Europe Director": the region is the office's field, the state is before it
    sender_org = None
    if sending:  # "China's UN Ambassador": the organisation receives; the state sends
        while j >= 0 and io_name(doc[j].text):
            sender_org = sender_org or io_name(doc[j].text)
            j -= 1
    if j >= 0 and doc[j].text in ("'s", "’s", "'"):
        j -= 1
        if j >= 1 and doc[j].is_lower and doc[j].lower_ in lex.words("government_body_words"):
            j -= 1  # "the Chinese embassy's charge d'affaires": the state of the body whose office it is
        k = j
        while envoy and k >= 0 and j - k < 5 and (doc[k].text[:1].isupper() or doc[k].text in ("-", ".")):
            if k < j and io_name(doc[k].text) and fold(doc[j].text) in lex.title_words:
                return "io:" + io_name(doc[k].text)  # "the UN Secretary-General's envoy": the organisation's
            k -= 1
    # "... travel to South Africa. Foreign Minister X": a state that ends the sentence before is not the title's
    boundary = j >= 0 and doc[j].is_punct and j + 1 < len(doc) and doc[j + 1].is_sent_start
    for width in () if boundary else (5, 4, 3, 2, 1):  # up to "Saint Vincent and the Grenadines"
        if j - width + 1 < 0:
            continue
        span = doc[j - width + 1: j + 1]
        if any((t.is_punct and t.text not in (".",) and not _joining_hyphen(doc, t.i))  # ("Timor-Leste")
               or t.is_space or "\n" in t.whitespace_ for t in span):
            continue
        inside = j - width >= 0 and _name_word(doc[j - width])
        org = io_name(span.text)
        if org and not inside:  # "the Commission", not "the Chinese Foreign Affairs Commission"
            return "io:" + org
        code = geo.country_code(span.text, on, codes=False)
        if code:
            return code
        if org:  # the last word of a longer name: the state that opens the name, if any
            k = j - width
            while k >= 0 and j - k < 6 and _name_word(doc[k]):
                k -= 1
            if k + 1 > j - width:
                return None
            opener = doc[k + 1].text
            body_of = io_name(opener)  # "ECOWAS Commission president": a body of the organisation named first
            return "io:" + body_of if body_of else geo.country_code(opener, on, codes=False)
    if envoy and sender_org is not None and not (j >= 0 and _name_word(doc[j])):
        return "io:" + sender_org  # "U.N. envoy X": the organisation's own envoy ("UN Ambassador X" is a state's)
    if j >= 0 and doc[j].lower_ == "its" and doc[j].tag_ == "PRP$":
        return _its_state(doc[j], on)
    return None


def _its_state(pronoun: Token, on: Date | None) -> str | None:
    """'Togo was represented by its foreign minister': "its" before an office is the state that is
    the subject of the clause the office is in (a state's name, not a body's)."""
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].i > pronoun.i:
        return None
    subject = subjects[0]
    return geo.country_code(pronoun.doc[subject.left_edge.i:subject.i + 1].text, on, codes=False) \
        if subject.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in subject.children) else None
