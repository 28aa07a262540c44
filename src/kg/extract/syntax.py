"""Dependency helpers shared by the finders: subjects, governing verbs, prepositional objects,
and the :class:`Found` record every finder returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import lexicon
from kg.model import Evidence

LEG_OF_TOUR = "visit.leg-of-tour+anaphor"  # the rule of a tour's leg to a new place (kg.extract.inference)
TRIP_MADE_TOO = "visit.trip-made-too+anaphor"  # another traveler "could make the trip" told before (kg.extract.inference)


@dataclass
class Found:
    """A fact as a finder reads it: its kind, the word that names it and who fills which role
    (:class:`kg.extract.context.Actor` lists). ``status`` is set when the construction itself
    implies one; otherwise :mod:`kg.extract.status` decides from the words around ``trigger``."""

    kind: str
    trigger: Token
    roles: dict = field(default_factory=dict)
    rule: str = ""  # the construction or finder that found it
    status: str | None = None
    quote: str | None = None
    quote_span: tuple[int, int] | None = None
    date_from: Token | None = None  # an inferred fact with no date of its own takes this trigger's


_CLIMB = {"xcomp", "conj", "advcl", "acl", "pcomp", "acomp", "ccomp"}


def says_at(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` a verb of saying with no subject of its own ("..., Foreign Minister B said", "...,
    ministry spokeswoman X told a briefing"): the name right before it says the sentence?"""
    verb = doc[i] if i < len(doc) else None
    return verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon().speech_verbs \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def of_predicate_noun(token: Token) -> bool:
    """Is ``token`` an infinitive on the predicate noun of 'be' ("X is / will be / became the first
    minister to visit Y")? Its subject and its tense are the copula's."""
    head = token.head
    return token.dep_ in ("acl", "relcl") and token.tag_ == "VB" and head.dep_ == "attr" \
        and head.head.lemma_ in ("be", "become")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause: its own (nsubj, nsubjpass), the noun a relative clause
    describes ("the minister who visited"), the object of a control verb ("invited X to visit"),
    else the subject of the verb it is conjoined with or depends on ("arrived and met",
    "plans to visit")."""
    lex = lexicon()
    control = lex.words("object_control_verbs")
    token = verb
    for _ in range(8):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects and token.dep_ == "ccomp" and token is not verb and _set_off_time(verb, token) \
                and token.head.lemma_.lower() in lex.words("speech_verbs"):
            # "X said Y would not ..., a day after meeting Z": the time phrase set off by a comma
            # tells of the one who speaks, though the parser hung it on what was said
            token = token.head
            continue
        if subjects:
            # two subjects (a dateline "BEIJING, June 18 - X arrived", or "A and B" split): the
            # one next to the verb
            before = [c for c in subjects if c.i < token.i]
            child = before[-1] if before else subjects[0]
            if child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                return token.head
            return child
        subject = _as_phrase_subject(token) if token is verb else None
        if subject is not None:
            return subject
        if token is verb and verb.tag_ in ("VBZ", "VBD") and verb.dep_ in ("pobj", "dobj", "appos", "compound") \
                and verb.lemma_.lower() in lex.words("travel_to_verbs") | lex.words("arrive_verbs") \
                and verb.i > 0 and (name := verb.doc[verb.i - 1]).pos_ == "PROPN" and name.head.i == verb.i \
                and name.ent_type_ == "PERSON":
            return name  # "Minister in charge of Affairs X heads to Y": a finite verb the parser took for a noun
            # of the phrase before it, its subject hung on it as a modifier
        head = token.head
        if of_predicate_noun(token):
            token = head.head  # "X is the first minister to visit Y": X visits
            continue
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in ("VBG", "VBD") and token.head.pos_ == "PROPN") \
                or (token.dep_ == "acl" and token.tag_ == "VBD" and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN") \
                or (token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "PROPN" and token.head.dep_ == "ROOT"
                    and not any(c.dep_ in ("agent", "auxpass") for c in token.children)):
            # "the minister who visited", "Okafor, speaking at ...", and the main verb the parser hung
            # on its subject ("X, who is on a visit to Y, called on Z" with "called" a past-tense acl;
            # "X, accompanied by Y, called on Z" with the name left the root and "called" a participle on it;
            # "Japan's ambassador, X, called on Z" with the office left the root)
            if token.dep_ == "acl" and head.dep_ == "appos" and head.head.dep_ == "ROOT" and head.head.pos_ == "PROPN":
                return head.head  # "X, accompanied by the ambassador, Y, called on Z": the name the sentence is left on
            return token.head
        if head.i == token.i:
            break
        if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in control:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i != token.i]
            if objs:
                # "invited PM Hung to visit" parsed with two objects, "PM" and "Hung": the one next to the verb
                before = [c for c in objs if c.i < token.i]
                obj = before[-1] if before else objs[0]
                if obj.lower_ in ("him", "her") and head.dep_ == "acl" and head.head.dep_ == "dobj":
                    # "handed X a letter from Y inviting him to visit": the one handed the letter
                    given = prep_objects(head.head.head, {"to"}) + [c for c in head.head.head.children if c.dep_ == "dative"]
                    given = [o for o in given if o.pos_ == "PROPN"]
                    if given:
                        return given[0]
                return obj
        if token.dep_ in ("acl", "relcl") and head.lemma_.lower() in lex.words("control_nouns"):
            # "an invitation to X to visit Y", "a call for X to visit"
            objs = prep_objects(head, {"to", "for"})
            if not objs and head.dep_ == "dobj":
                # "conveyed to X an invitation from Y to visit", "handed X an invitation to visit": the
                # one the verb hands it to
                objs = prep_objects(head.head, {"to"}) + [c for c in head.head.children if c.dep_ == "dative"]
                objs = [o for o in objs if o.pos_ in ("PROPN", "NOUN", "PRON")]
            if objs:
                return objs[0]
        if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.words("control_nouns") for c in head.children):
            # "conveyed an invitation from Y to President X to visit Z" parsed with the infinitive on the
            # verb: the one the verb hands the invitation to
            objs = [o for o in prep_objects(head, {"to"}) + [c for c in head.children if c.dep_ == "dative"]
                    if o.pos_ in ("PROPN", "NOUN", "PRON") and o.i < token.i]
            if objs:
                return objs[-1]
        if token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # "plans for X to visit Y", "arrangements for X to meet Y": the 'for' phrase before the infinitive
            objs = [o for o in prep_objects(head, {"for"}) if o.i < token.i]
            if objs:
                return objs[-1]
        if token.dep_ == "acl" and token.tag_ == "VB" and head.dep_ in ("dobj", "attr") and head.head.pos_ == "VERB":
            token = head.head  # "X accepted an invitation to visit Y", "X has a chance to meet Y"
            continue
        if token.dep_ == "ccomp" and head.pos_ == "VERB":
            return None  # "X said (that) Y would visit": the clause has its own subject or none
        if token.dep_ in _CLIMB or token.dep_ in ("pobj", "prep") or (
                token.dep_ in ("appos", "npadvmod") and token.lower_ in lex.words("time_units")):
            # "X addressed parliament on Wednesday, a day after holding talks with Y": the time phrase's clause
            token = head
            continue
        break
    return _left_of(verb)


def _as_phrase_subject(verb: Token) -> Token | None:
    """'Bombs killed 18 people as the defence secretary, X, arrived in Y': the parser reads "as" as a
    preposition and leaves the finite verb after it without a subject (conjoined to the main verb);
    the object of that "as" (or "while", "when"), ending right before the verb and naming a person,
    is its subject, when the main clause's subject is no actor ("bombs", "crowds")."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    main = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not main or any(t.pos_ == "PRON" or t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") for t in main[0].subtree):
        return None  # "X arrived in Lima as the guest of Y, held talks": X's clause goes on
    for prep in verb.sent:
        if prep.i >= verb.i or prep.dep_ != "prep" or prep.lower_ not in ("as", "while", "when") \
                or doc[prep.i - 1].lower_ == "such":
            continue
        for obj in prep.children:
            end = obj.right_edge.i
            while end > obj.i and doc[end].is_punct:
                end -= 1
            if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and end >= obj.i and (all(
                    doc[k].is_punct for k in range(end + 1, verb.i)) or _set_off(doc, end + 1, verb.i)) and any(
                    doc[k].ent_type_ == "PERSON" for k in range(obj.left_edge.i, end + 1)):
                return obj
    return None


def _set_off(doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` a phrase set off by commas that names no person (", on a three-day
    visit to Y that began on Wednesday,")?"""
    return end - start >= 3 and doc[start].text == "," and doc[end - 1].text == "," \
        and not any(doc[k].ent_type_ == "PERSON" or doc[k].text in (";", ".") for k in range(start + 1, end - 1))


def _set_off_time(verb: Token, clause: Token) -> bool:
    """Did the walk from ``verb`` up to ``clause`` pass a time phrase set off by a comma ("..., a day
    after meeting Z")?"""
    units = lexicon().words("time_units")
    token = verb
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ == "npadvmod" and token.lower_ in units \
                and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ",":
            return True
        token = token.head
    return False


def _left_of(verb: Token) -> Token | None:
    """A finite main verb the parser left without a subject ("At the invitation of X, Y will pay
    a visit", Y hung under X): the name right before its auxiliaries is its subject."""
    if verb.dep_ != "ROOT" or not (verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)):
        return None
    k = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i]) - 1
    if k >= verb.sent.start and verb.doc[k].pos_ in ("PROPN", "PRON") and verb.doc[k].dep_ != "poss":
        return verb.doc[k]
    return None


def governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(7):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        token = head
    return None


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def reported_by(token: Token, verb: Token) -> bool:
    """Is ``token`` inside what ``verb`` reports (its object clause), not a circumstance of it?"""
    while token.i != verb.i and token.head.i != token.i:
        if token.head.i == verb.i:
            if token.dep_ in ("dobj", "dative") and any(c.dep_ == "ccomp" for c in verb.children):
                return False  # "A and B told a joint news conference that ...": the hearers, not what is told
            return token.dep_ in ("ccomp", "dobj", "nsubj", "nsubjpass", "xcomp", "parataxis")
        token = token.head
    return True


def tokens_with(doc, words) -> list[Token]:
    """The tokens whose lemma or lower-case form is one of ``words`` ("<PROPN>": every proper
    noun), in document order, from an index built once per Doc (so finders look words up instead
    of scanning the whole text)."""
    index = doc.user_data.get("kg_words")
    if index is None:
        # token indices from one array read (a Token object per token costs more than the lookup)
        index = {}
        strings = doc.vocab.strings
        for i, (lower_id, lemma_id, pos) in enumerate(doc.to_array([LOWER, LEMMA, POS]).tolist()):
            lower = strings[lower_id]
            index.setdefault(lower, []).append(i)
            if pos == PROPN:
                index.setdefault("<PROPN>", []).append(i)
            if lemma_id != lower_id:
                lemma = strings[lemma_id].lower()
                if lemma != lower:
                    index.setdefault(lemma, []).append(i)
        doc.user_data["kg_words"] = index
    if len(words) <= len(index):
        found = {i for w in words for i in index.get(w, ())}
    else:  # a long word list on a short text: walk the text's words (``words`` is a set)
        found = {i for w, where in index.items() if w in words for i in where}
    return [doc[i] for i in sorted(found)]


def evidence_of(sent: Span, start: int, end: int) -> Evidence:
    """The evidence of a fact anchored on ``start:end`` in ``sent``; an anchor running past the
    sentence (a span the parser's sentence split cut) is kept to the sentence, so the evidence
    always passes the shapes."""
    start = min(max(start, sent.start_char), sent.end_char)
    end = min(max(end, start), sent.end_char)
    return Evidence(sent.text, sent.start_char, sent.end_char, start, end)


def takes_part(verb: Token) -> bool:
    """'took part', 'participated', 'attended', 'joined' with nothing said of in what (no object
    but "part", no preposition): taking part in an event told before."""
    lemma = verb.lemma_.lower()
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
        return False
    if lemma not in ("take", "attend", "join", "participate"):
        return False
    return not any(c.dep_ in ("prep", "dative") or (c.dep_ == "dobj" and c.lower_ != "part") for c in verb.children)


def representations(doc) -> list[tuple[Token, list[Token], list[Token], bool]]:
    """Each 'A represented B' / 'B was represented by A' (lexicon ``stand_for_verbs``): the verb, the
    ones represented, the ones who represent them, and whether it is passive."""
    represent = lexicon().words("stand_for_verbs")
    out = []
    for verb in tokens_with(doc, represent):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in represent:
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        represented = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        by = [o for p in verb.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"] if passive \
            else [c for c in verb.children if c.dep_ == "nsubj"]
        if passive and not by:  # "was represented at the summit by X": the parser hangs 'by' on the summit
            by = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "in")
                  for n in p.children if n.dep_ == "pobj"
                  for b in n.children if b.dep_ == "prep" and b.lower_ == "by"
                  for o in b.children if o.dep_ == "pobj"]
        out.append((verb, represented, by, passive))
    return out


def hyphen_joined(doc: Doc, k: int) -> bool:
    """Token ``k`` is a hyphen, or a lower-case word or number a hyphen joins to the next word, inside
    a compound modifier ("42-year-old", "long-serving")."""
    token = doc[k]
    if token.text == "-":
        return not token.whitespace_ and k > 0 and not doc[k - 1].whitespace_
    return (token.is_lower or token.like_num) and not token.whitespace_ and k + 1 < len(doc) and doc[k + 1].text == "-"
