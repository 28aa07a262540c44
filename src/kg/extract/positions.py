"""Offices: who holds which title, and the state or organisation each belongs to.

The state comes, in this order, from the title itself ("US Secretary of State", "China's UN
ambassador"), "King X of Y", the person's stated nationality (:mod:`kg.extract.nationality`), a
holderless office of the same title in the headline ("Peru Foreign Minister Cancels Visit"), the
stated state of the one whose aide they are ("President X's spokesman") -- all "stated" --; the
country of the visits the person hosts, or where a visitor meets them ("host"); the state of a leader
they accompany ("article"); the usual state of the title (lexicon ``title_states``, "title"); or a
clear nationality of the whole article, or a domestic story's one state ("article"); otherwise the
office is kept without a jurisdiction rather than guessed. The basis is kept (``Position.basis``,
``dip:jurisdictionBasis``) so that queries carry only stated states from article to article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date as Date

from spacy.tokens import Doc

from kg import geo
from kg.extract.context import Context, bare_definite, demonym_states, nationality_only
from kg.extract.coreference import reporter_state
from kg.extract.mentions import DATELINE_MARKS, spans_preposition
from kg.extract.gatherings import setting
from kg.extract.checks import going_back, posted_to, resident_envoy
from kg.extract.inference import accompanying, delegation_members, travelling_with
from kg.extract.nationality import of_organisation, of_place
from kg.extract.lexicon import lexicon, title_case
from kg.extract.syntax import evidence_of, governing_verb, prep_objects, subject_of, tokens_with
from kg.model import Event, Position
from kg.text import fold


def _nationality_weight(doc: Doc, mention) -> float:
    """How much a place mention says about who the people of the story are: demonyms,
    metonyms, possessives and modifiers of people ("Japanese", "the White House", "Japan's",
    "U.S. officials") say much; a place after a preposition, visited, or naming an event
    ("the Venice summit") says little (it is where things happen)."""
    lex = lexicon()
    head = doc[mention.end - 1]
    first = doc[mention.start]
    if (first.ent_type_ in ("ORG", "FAC") and not spans_preposition(doc, first)) or head.dep_ == "poss":
        return 3.0  # (not NER's "Abuja for Nairobi" organisation)
    if head.dep_ in ("compound", "amod", "nmod") or first.ent_type_ == "NORP":
        if head.dep_ not in ("compound", "amod", "nmod"):
            return 3.0  # "the Soviets said"
        noun = head.head.lemma_.lower()
        if noun in lex.words("group_heads") or noun in lex.title_words or noun in lex.raw["government_body_words"]:
            return 3.0
        return 0.3
    if head.dep_ == "pobj" or (head.dep_ == "dobj" and head.head.lemma_ in ("visit", "tour")):
        return 0.3
    return 1.0


def _title_places(ctx: Context) -> set[int]:
    """Place mentions that already name the state of a title ("Soviet" in "Soviet Foreign
    Minister"): they say nothing about anyone else in the sentence."""
    starts = {t.start for t in ctx.titles}
    doc = ctx.doc
    # right before the title, or with a possessive or a word between ("Peru's President", "Soviet
    # Deputy ..."), never across a verb ("travelling to Rome to meet Pope X")
    return {p.start for p in ctx.places if any(p.end <= s <= p.end + 2 and not any(
        t.pos_ in ("VERB", "AUX", "PART", "ADP") and t.tag_ != "POS" for t in doc[p.end:s]) for s in starts)}


def _strong_article_country(ctx: Context, doc: Doc) -> str | None:
    """The article's own country when its demonyms, metonyms and possessives point at one state
    clearly (at least two such mentions, and three times the weight of any other state);
    otherwise None: a wrong state is worse than no answer."""
    counts: Counter[str] = Counter()
    named: Counter[str] = Counter()  # every mention, strong or not
    taken = _title_places(ctx)
    for p in ctx.places:
        weight = _nationality_weight(doc, p) if p.start not in taken else 0
        named[p.place.code] += 1
        if weight >= 3:
            counts[p.place.code] += weight
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 6 or (len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]):
        return _only_state(ctx)
    if 2 * named[ranked[0][0]] < max(named.values()):
        # "A's foreign ministry summoned B's envoy ... the B embassy ... B intelligence", with A's
        # capital and cities named throughout: the other side's strong words, in a story that names
        # another state's places more than twice as often, do not make it the story's state
        return None
    return ranked[0][0]


def _only_state(ctx: Context) -> str | None:
    """The one state every place of the article lies in, when it names places at least three
    times, or opens with a dateline there ("SANTIAGO - President X said"), or names it twice with
    one of its officials stated as such, and names none of another state ("a blast in
    Springfield, a city in the north of X; the regional governor said"): a domestic story, whose
    officials are that state's."""
    codes = {p.place.code for p in ctx.places}
    codes |= {t.country for t in ctx.titles if t.country and not t.country.startswith("io:")}
    codes |= {code for code, _ in ctx.nationality.values()}  # "Brazilian President X" in Shanghai: not domestic
    if len(codes) == 1 and (len(ctx.places) >= 3 or ctx.dateline is not None):
        return next(iter(codes))
    if len(codes) == 1 and len(ctx.places) >= 2 and any(
            basis == "stated" for _, basis in ctx.nationality.values()):
        # "Ruritanian cabinet survives a row. Ruritanian President X ...": named twice, and one of
        # its officials stated as such, the one state is the story's
        return next(iter(codes))
    return None


def _dateline_state(ctx: Context) -> str | None:
    """The state of the dateline, when the story names it again ("MANILA - ... Philippine President
    X"); a state named only in the dateline is where a correspondent files from ("SAO PAULO, Brazil
    (Reuters) - The United States said it will seek better ties with Venezuela")."""
    mention = ctx.dateline
    if mention is None:
        return None
    home = mention.place.code
    doc = ctx.doc
    # the dateline ends at its dash or bracket ("SAO PAULO, Brazil (Reuters) -")
    end = next((t.i for t in doc[mention.end:mention.end + 8] if t.text in DATELINE_MARKS - {","}), mention.end)
    again = any(p.place.code == home and p.start > end for p in ctx.places) \
        or any(t.country == home for t in ctx.titles) or any(code == home for code, _ in ctx.nationality.values())
    return home if again else None


def _states_beside(ctx: Context, entity, home: str, not_from: set[str]) -> set[str]:
    """The states other than ``home`` a sentence naming the person also names ("Secretary Hale will
    meet Prime Minister X and members of the Israeli government"; "In Papua New Guinea, Y will co-host
    a summit with Prime Minister X"). A state the person travels to or whose side they meet
    (``not_from``) says nothing of theirs ("X, who is in Copenhagen for talks", "X met Thai Commerce
    Minister Y"); nor what a relation is towards ("ties with China", "a visit to the Chinese
    capital"), nor the state of the person's own counterpart ("X met his Azerbaijani counterpart": the
    other side). Counted: a state said of someone or something ("Iraqi officials", "Kenya's
    delegation") anywhere in the sentence; a place named for itself only in the person's own clause."""
    doc = ctx.doc
    sents = {doc[m.start].sent.start for m in entity.mentions}
    clauses = {_clause_of(doc[m.end - 1]) for m in entity.mentions}
    # "from Riyadh, where he had met King X": the relative clause's own place is in it
    clauses |= {_clause_of(doc[i].head) for i in clauses if doc[i].dep_ == "relcl"}
    counterparts = lexicon().words("counterpart_nouns")
    subject_at = {m.start for m in entity.mentions if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")}

    def owned_counterpart(i: int) -> bool:  # "X discussed it with his Azerbaijani counterpart": the other side's
        return doc[i].lower_ in counterparts and any(s < i and doc[s].sent.start == doc[i].sent.start for s in subject_at)

    # what the person reports of one of ``home`` ("TOKYO - spokesman X said A would meet B's premier") says
    # nothing of X's state
    speech = lexicon().speech_verbs
    reported = {t.i for m in entity.mentions if (verb := _subject_head(doc[m.end - 1])) is not None
                and verb.lemma_.lower() in speech for c in verb.children if c.dep_ == "ccomp"
                and any(g.dep_ in ("nsubj", "nsubjpass") and (key := ctx.person_at(g))
                        and ctx.nationality.get(key, (None, ""))[0] == home for g in c.children) for t in c.subtree}
    titles = [t for t in ctx.titles if doc[t.start].sent.start in sents and t.start not in reported]
    across = [t for t in titles if _across(doc, t, entity)]
    return {p.place.code for p in ctx.places if doc[p.start].sent.start in sents and p.place.code not in {home} | not_from
            and p.start not in reported
            and not _relation_target(ctx, p) and not owned_counterpart(doc[p.end - 1].head.i)
            and not any(t.start <= p.start < t.end for t in across)
            and p.start not in ctx.token_person  # "Mendoza and Condori spoke": a surname, not the town
            and (doc[p.end - 1].dep_ in MODIFIER_DEPS or _clause_of(doc[p.end - 1]) in clauses)} \
        | {t.country for t in titles if t.country and t not in across
           and t.country not in {home} | not_from and not t.country.startswith("io:")  # an organisation is no state
           and not owned_counterpart(t.start)}


def _across(doc: Doc, title, entity) -> bool:
    """The title's holder is across a relation from the person ("X held a video conference with the
    Minister for Foreign Affairs of Albania, Y"; "a letter to the Turkish Prime Minister"): the object
    of a preposition of lexicon ``relation_preps`` that governs none of the person's mentions there, so
    the other side, not a state the person shares."""
    span = doc[title.start:title.end]
    root = next((t for t in span if not title.start <= t.head.i < title.end or t.head.i == t.i), None)
    if root is None:
        return False
    preps = lexicon().words("relation_preps")
    owned = [doc[m.end - 1] for m in entity.mentions if doc[m.start].sent.start == root.sent.start]
    for above in root.ancestors:
        if above.dep_ in ("prep", "dative") and above.lower_ in preps:
            # the person is the subject of what the relation hangs on (not another object of it:
            # "would hold talks with Sri Lankan Foreign Minister Y and call on President X")
            subject = any((verb := _subject_head(t)) is not None and verb in above.ancestors for t in owned)
            return subject and not any(above in t.ancestors or t == above for t in owned)
    return False


def _subject_head(token):
    """The verb a name is the subject of, through its title and apposition words."""
    while token.dep_ in ("compound", "appos", "flat") and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ in ("nsubj", "nsubjpass") else None


def _office_held_beside(ctx: Context, entity, title, states: set[str]) -> bool:
    """Each of ``states`` has its own holder of the person's leading office or cabinet portfolio named
    here ("Prime Minister X ... a letter to Turkish Prime Minister Y"; "Minister of Foreign Affairs X
    ... with the Minister for Europe and Foreign Affairs of Albania, Y"): a state has one at a time, so
    X's is another's."""
    lex = lexicon()
    kind = office_kind(title.phrase)
    if title.deputy or title.former or not states or (
            kind not in lex.words("leader_offices") and kind not in lex.table("office_equivalents").values()):
        return False
    held = {t.country or ctx.nationality.get(e.key, (None, ""))[0] for e in ctx.entities if e.key != entity.key
            for t in e.titles if office_kind(t.phrase) == kind and not t.deputy and not t.former}
    return states <= held


def office_kind(phrase: str) -> str:
    """The office a title names, whatever a state calls it (lexicon ``office_equivalents``: "minister of
    foreign affairs" -> "foreign minister"); a compound portfolio by the portfolio the lexicon knows
    ("minister for europe and foreign affairs", "minister of foreign affairs and trade")."""
    equivalents = lexicon().table("office_equivalents")
    if phrase in equivalents:
        return equivalents[phrase]
    head, link, fields = phrase.partition(" of ") if " of " in phrase else phrase.partition(" for ")
    if link and " and " in fields:
        for field in fields.split(" and "):
            office = f"{head}{link}{field}"
            if office in equivalents:
                return equivalents[office]
    return phrase


MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})  # a word said of a noun ("Iraqi officials")


def _office_of_a_body(ctx: Context, title) -> bool:
    """The office is one of a named body, not of a state: the body named right before it ("IGAD
    Executive Secretary X", :func:`_named_body_before`), or a body outside government after "of"
    ("president of the U.S.-China Business Council": a word of lexicon ``civil_body_words``)."""
    doc = ctx.doc
    if title.start > 0 and _named_body_before(ctx, title.start):
        return True
    of = next((t for t in doc[title.start + 1:min(len(doc), title.end + 1)] if t.lower_ == "of"), None)
    if of is None:  # the title may hold its complement ("president of the ... Council")
        return False
    words = lexicon().words("civil_body_words")
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ == "ORG" and any(
        t.ent_type_ == "ORG" and t.lower_ in words for t in obj.subtree)


def _named_body_before(ctx: Context, start: int) -> bool:
    """An organisation's name right before an office ("IGAD Executive Secretary X"), neither a state,
    a government's body nor a ministry (lexicon ``government_body_words``): the body's office."""
    doc = ctx.doc
    k = start - 1
    acronym = doc[k].is_upper and doc[k].is_alpha and len(doc[k].text) >= 3 and not geo.country_code(doc[k].text)
    if not (doc[k].ent_type_ == "ORG" or acronym) or k in ctx.token_place or not doc[k].text[:1].isupper():
        return False
    first = k
    while first > 0 and doc[first - 1].ent_iob_ == "I" and doc[first].ent_iob_ == "I":
        first -= 1
    name = fold(doc[first:k + 1].text)
    lex = lexicon()
    # "Bundesbank President X": a body of the state (a government's word, also inside one word)
    return not any(w in name.split() or (len(w) > 3 and w in name) for w in lex.raw["government_body_words"]) \
        and not any(w in name for w in lex.words("ministry_nouns")) \
        and not any(i in ctx.token_place for i in range(first, k + 1))


def _plural_described(ctx: Context) -> dict[str, str]:
    """Person -> the state a plural office with a nationality says they hold their offices of: "the two
    Mexican secretaries", "the three Peruvian ministers" standing for persons named before it."""
    heads, out, clash = lexicon().words("title_heads"), {}, set()
    for token in tokens_with(ctx.doc, heads):  # looked up, not a pass over every token
        if token.tag_ != "NNS" or token.lemma_.lower() not in heads:
            continue
        codes = demonym_states(token, ctx.date, ("amod",))
        if len(codes) != 1:
            continue
        code = codes.pop()
        for key in ctx.holders(token):
            clash |= {key} if out.get(key, code) != code else set()
            out[key] = code
    return {key: code for key, code in out.items() if key not in clash}


def _leader_served(ctx: Context, title, holder: str) -> str | None:
    """An office named for a leader's ("presidential spokesman", "prime ministerial adviser"; lexicon
    ``leader_adjectives``) serves the one leader of that office its sentence names with a stated state."""
    adjectives = lexicon().table("leader_adjectives")
    office = next((adjectives[w] for w in title.phrase.split() if w in adjectives), None)
    if office is None:
        return None
    sent = ctx.doc[title.start].sent
    states = {ctx.nationality[e.key][0] for e in ctx.entities if e.key != holder and e.key in ctx.nationality
              and ctx.nationality[e.key][1] == "stated"
              and any(sent.start <= m.start < sent.end for m in e.mentions)
              and any(t.phrase == office for t in e.titles)}
    return next(iter(states)) if len(states) == 1 else None


def _ministries(ctx: Context) -> dict[str, set[str]]:
    """The portfolio -> states of the ministries the article names with their state ("the Chilean
    foreign ministry", "Chile's Defence Ministry", "the Japanese Foreign Ministry spokesman", "the
    foreign ministry in Santiago")."""
    out: dict[str, set[str]] = {}
    for token in tokens_with(ctx.doc, lexicon().words("ministry_nouns")):
        words, states = _ministry_of(ctx, token)
        if states:
            out.setdefault(words, set()).update(states)
    return out


def _ministry_of(ctx: Context, token) -> tuple[str, set[str]]:
    """(portfolio, states) of one mention of a ministry."""
    words, states = [], set()
    for c in [*token.children, *(g for c in token.children if c.dep_ == "compound" for g in c.children)]:
        if c.dep_ not in ("amod", "compound", "poss") or c.i > token.i:
            continue
        place = ctx.token_place.get(c.i)
        # "The Japanese Foreign Ministry" may be one ORG to NER, its "Japanese" no place mention
        code = place.place.code if place is not None and place.place.kind == "country" else \
            geo.country_code(c.text, ctx.date, codes=False, capitals=False) if place is None and c.text[:1].isupper() else None
        if code is not None:
            states.add(code)
        elif place is None and c.is_alpha:
            words.append((c.i, c.lower_))
    for at in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
        # "summoned to the foreign ministry in Islamabad": the ministry of the capital's state
        for obj in (o for o in at.children if o.dep_ == "pobj" and o.i in ctx.token_place):
            place = ctx.token_place[obj.i].place
            if place.kind == "city" and geo.is_capital(place.geonames_id):
                states.add(place.code)
    for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        # "Latvia's Ministry of Foreign Affairs": the portfolio after "of"
        words += [(t.i, t.lower_) for obj in of.children if obj.dep_ == "pobj"
                  for t in obj.subtree if t.is_alpha and t.dep_ != "cc"
                  and t.lower_ not in lexicon().words("portfolio_fillers")]  # "of (the) Foreign Affairs": "foreign"
    return " ".join(w for _, w in sorted(words)), states


def _owning_ministry_state(ctx: Context, title) -> str | None:
    """"The ministry's spokesman": the state of the ministry named last before it, if that names one."""
    doc = ctx.doc
    k = title.start
    nouns = lexicon().words("ministry_nouns")
    if k < 2 or doc[k - 1].text not in ("'s", "’s") or doc[k - 2].lower_ not in nouns:
        return None
    before = [t for t in tokens_with(doc, nouns) if t.i < k - 2 and t.lower_ in nouns]
    if not before:
        return None
    states = _ministry_of(ctx, before[-1])[1]
    return next(iter(states)) if len(states) == 1 else None


def _other_side_ministry(ctx: Context, title, code: str) -> bool:
    """'ACCRA - Foreign Minister X read out the decision at a press conference in Accra ... In Lome,
    the Togolese foreign ministry said': one who speaks in the dateline's capital is not of the other
    state whose ministry the article names only after them (the other side's answer)."""
    home = ctx.dateline.place.code if ctx.dateline is not None else None
    if home is None or home == code or _told_in_capital(ctx, title) != home:
        return False
    return not any(t.i < title.start and code in _ministry_of(ctx, t)[1]
                   for t in tokens_with(ctx.doc, lexicon().words("ministry_nouns")))


def _ministry_state(ministries: dict[str, set[str]], phrase: str) -> str | None:
    """The one state whose ministry of the office's portfolio the article names ("foreign minister",
    "foreign ministry spokesman": the foreign ministry's)."""
    words = phrase.split()
    lex = lexicon()
    for i, word in enumerate(words):
        if word in lex.words("minister_nouns") and i > 0 or word in lex.words("ministry_nouns"):
            # "Ministry spokeswoman X": the ministry named before, whatever its portfolio
            states = ministries.get(" ".join(words[:i]), set()) if i > 0 else set().union(*ministries.values())
            return next(iter(states)) if len(states) == 1 else None
    return None


def _seat_state(ctx: Context, title) -> str | None:
    """The state whose capital a government office speaks from: a ministry's office in a sentence
    that opens in a capital ("In Minsk, Foreign Ministry spokesman X called the decision
    unfriendly"), a spokesperson who speaks in one ("spokesman X told reporters in Jakarta"), a
    minister with no state's word before the office who speaks in a sentence that opens in a capital
    ("In Lome, Information Minister X said"; not "In Lome, Ghanaian Trade Minister X said")."""
    doc = ctx.doc
    words = set(title.phrase.split())
    if title.phrase in lexicon().words("leader_offices") and (opening := _opening_capital(ctx, doc[title.start].sent.start)) \
            and (told := _told_by_a_spokesperson(doc, title)) is not None \
            and sum(t.phrase in lexicon().words("leader_offices") for t in ctx.titles if told.left_edge.i <= t.start <= told.right_edge.i) == 1:
        return opening  # "In Bangkok, government spokesman X said Prime Minister Y's visit ... was put off" (the one
        # leader the report names: not "said Prime Minister A would meet Prime Minister B")
    if "minister" in words and (verb := _holder_verb(doc, title)) is not None \
            and verb.lemma_.lower() in lexicon().words("speech_verbs") \
            and (opening := _opening_capital(ctx, doc[title.start].sent.start)) \
            and not any(t.i in ctx.token_place or t.lower_ in lexicon().words("group_heads")
                        for t in doc[max(0, title.start - 3):title.start] if t.i > _opening_end(doc, title.start)):
        return opening  # "In Lome, Information Minister X said": a minister of no other state named, speaking there
    if not words & lexicon().words("ministry_nouns"):
        if words & lexicon().words("spokes_nouns") and (told := _told_in_capital(ctx, title)):
            return told  # "spokesman X told reporters in Jakarta": the government's there
        if not words & lexicon().words("spokes_nouns"):
            return None
        # "In Lome, the foreign ministry said ... Government spokesman X said": the paragraph's capital
        return _opening_capital(ctx, _paragraph_start(doc, title.start))
    return _opening_capital(ctx, doc[title.start].sent.start)


def _told_by_a_spokesperson(doc: Doc, title):
    """The clause a spokesperson reports that names the office ("spokesman X told reporters that ..."), or None."""
    token = doc[title.start]
    while token.dep_ not in ("ccomp", "ROOT") and token.head.i != token.i:
        token = token.head
    verb = token.head
    if token.dep_ != "ccomp" or verb.lemma_.lower() not in lexicon().speech_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    spokes = lexicon().words("spokes_nouns")
    return token if subject is not None and any(t.lower_ in spokes for t in subject.subtree) else None


def _opening_end(doc: Doc, i: int) -> int:
    """The comma that closes the opening phrase of token ``i``'s sentence ("In Lome, ..."), or its start."""
    sent = doc[i].sent
    return next((t.i for t in sent if t.text == "," and t.i < i), sent.start)


def _opening_capital(ctx: Context, start: int) -> str | None:
    """The state of the capital a sentence opens in: "In Minsk, ..."."""
    doc = ctx.doc
    if doc[start].lower_ != "in" or start + 2 >= len(doc):
        return None
    place = ctx.token_place.get(start + 1)
    if place is None or place.start != start + 1 or place.end >= len(doc) or doc[place.end].text != "," \
            or place.place.kind != "city" or not geo.is_capital(place.place.geonames_id):
        return None
    return place.place.code


def _paragraph_start(doc: Doc, i: int) -> int:
    """The first token of the paragraph of token ``i`` (after the last line break before it)."""
    k = doc[i].sent.start
    while k > 0 and "\n" not in doc[k - 1].text_with_ws:
        k = doc[k - 1].sent.start
    return k


def _holder_verb(doc: Doc, title):
    """The verb whose subject the title's holder is ("spokesman X told reporters": told), or None."""
    head = doc[title.end - 1]
    while head.dep_ in ("compound", "appos") and head.head.i != head.i:
        head = head.head
    for token in doc[title.end:min(len(doc), title.end + 5)]:  # the name after the title
        if token.dep_ in ("nsubj", "nsubjpass"):
            head = token
            break
    return head.head if head.dep_ in ("nsubj", "nsubjpass") else None


def _told_in_capital(ctx: Context, title) -> str | None:
    """The state of the capital a spokesperson speaks in ("spokesman X told reporters in Jakarta"):
    an 'in' phrase on the verb the title's holder is the subject of."""
    doc = ctx.doc
    before = doc[max(0, title.start - 3):title.start]
    if any(t.i in ctx.token_place or t.lower_ in lexicon().words("group_heads") for t in before):
        return None  # "Chinese embassy spokesman X said in Washington": a mission's, or a state's said
    verb = _holder_verb(doc, title)
    if verb is None:
        return None
    # "told reporters in X"; "told a press conference in X", "said at a briefing in X": on the audience
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # ("read out the decision at a press conference in X": the conference hung on the object)
    audiences = [verb] + objects + [o for h in [verb, *objects] for p in h.children
                                    if p.dep_ == "prep" and p.lower_ in ("at", "to")
                                    for o in p.children if o.dep_ == "pobj"]
    for obj in (o for a in audiences for p in a.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children):
        place = ctx.token_place.get(obj.i)
        if place is not None and place.place.kind == "city" and geo.is_capital(place.place.geonames_id):
            return place.place.code
    return None


def _clause_of(token) -> int:
    """The verb of the clause a word stands in (its nearest verbal head), by index."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def _relation_target(ctx: Context, place) -> bool:
    """A state named as what a relation or an act is towards ("ties with China", "a softer approach
    to Beijing", "a visit to the Chinese capital"): the object of such a preposition (lexicon
    ``relation_preps``), said of no one's nationality."""
    doc = ctx.doc
    head = doc[place.end - 1]
    while head.dep_ in MODIFIER_DEPS and head.head.i != head.i:
        head = head.head  # "the Chinese capital": the phrase's noun
    if head.i >= place.end and (head.lower_ in lexicon().words("counterpart_nouns")
                                or any(t.start <= head.i < t.end for t in ctx.titles)):
        return False  # "talks with his Chinese counterpart": a person of that state is at the table
    return head.dep_ == "pobj" and head.head.lower_ in lexicon().words("relation_preps")


def _short_body(ctx: Context, doc: Doc, title) -> str | None:
    """"Council spokesperson X" after "the European Council": a body's last word before an
    office stands for the one international body of that name the article names in full."""
    from kg.extract.lexicon import io_name

    k = title.start - 1
    if k < 0 or not doc[k].text[:1].isupper() or doc[k].dep_ != "compound" or k in ctx.token_place:
        return None
    word = doc[k].lower_
    named = {t.country[3:] for t in ctx.titles if t.country and t.country.startswith("io:")}
    named |= {name for o in ctx.orgs if (name := io_name(o.name))}
    fits = {name for name in named if len(name.split()) > 1 and name.split()[-1].lower() == word}
    return "io:" + fits.pop() if len(fits) == 1 else None


def _sentence_organisation(ctx: Context, doc: Doc, title) -> str | None:
    """"a visit to NATO headquarters, where he was welcomed by Secretary General X": an office of an
    organisation (lexicon ``organisation_offices``) belongs to the one international organisation
    its sentence names."""
    from kg.extract.lexicon import io_name

    if title.phrase not in lexicon().words("organisation_offices"):
        return None
    sent = doc[title.start].sent
    named = {name for o in ctx.orgs if sent.start <= o.start < sent.end and (name := io_name(o.name))}
    named |= {t.country[3:] for t in ctx.titles
              if sent.start <= t.start < sent.end and t.country and t.country.startswith("io:")}
    return "io:" + named.pop() if len(named) == 1 else None


def _possessor_state(ctx: Context, doc: Doc, title, holder: str) -> str | None:
    """"President X's spokesman, Y", "X's chief of staff", "X spokesperson Y", "his spokesman Y": an aide serves the
    state of the person whose office it is, when that person's state is stated."""
    counterparts = lexicon().words("counterpart_nouns")
    if any(t.lemma_.lower() in counterparts for t in doc[title.start:title.end]):
        return None  # "his counterpart Y": the other side's
    for token in doc[title.start:title.end]:
        for child in token.children:
            if child.i < title.start and (child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN")):
                key = ctx.person_at(child)
                if key is None and child.lower_ in ("his", "her") and token.dep_ == "conj":
                    key = ctx.person_at(token.head)  # "met President X and his foreign minister, Y": X's
                if key is None and child.lower_ in ("his", "her"):  # "..., his spokesman Y said"
                    key = ctx.previous_person(child)
                known = ctx.nationality.get(key) if key and key != holder else None
                if known and known[1] == "stated":
                    return known[0]
    return None


def _host_states(ctx: Context, events: tuple[Event, ...], homes: dict[str, str]) -> dict[str, str]:
    """Person -> the country of the visits they host ("the guests of President X" in Lima): a host
    receives at home. Also the one a visitor meets while in the one state the visitor's trips of
    that status go to (an envoy in Lima "also met Premier Vega"), when nothing says that person is of
    another state. Persons with hosts' states in different countries are left out."""
    seen: dict[str, set[str]] = {}
    trips: dict[tuple[str, str], set[str]] = {}  # (traveler, status) -> destination countries
    for event in events:
        if event.kind == "visit":
            for traveler in event.role("traveler"):
                trips.setdefault((traveler, event.status), set()).update(
                    d.split(":", 1)[1] for d in event.role("destination"))
        if event.kind == "visit" and event.role("host"):
            for host in event.role("host"):
                seen.setdefault(host, set()).update(d.split(":", 1)[1] for d in event.role("destination"))
    for event in events:  # an ambassador met in the place of their post is there, as a visitor is
        if event.kind == "meeting" and event.role("place"):
            code = ctx.known[event.role("place")[0]].country
            for person in event.role("participant"):
                if ctx.person_actor(person).country not in (None, code) and resident_envoy(ctx, person, code):
                    trips.setdefault((person, event.status), set()).add(code)
    taken = _title_places(ctx) if any(e.kind == "meeting" for e in events) else set()
    # the places someone is going to ("X would leave for New York", where "X might meet Y in New York")
    bound_for: dict[str, set[str]] = {}
    for event in events:
        if event.kind == "visit" and event.status == "planned":
            for traveler in event.role("traveler"):
                bound_for.setdefault(traveler, set()).update(event.role("place"))
    for event in events:
        people = event.role("participant")
        if event.kind != "meeting" or not 2 <= len(people) <= 3 or event.rule.startswith("meeting.co-attend"):
            continue  # a pair, or a visitor greeted by two ("greeted by Prime Minister A and President B");
            # not those at a gathering together ("attended a meeting in Vienna, chaired by X": X of anywhere)
        anchor = ctx.doc.char_span(event.evidence.anchor_start, event.evidence.anchor_end, alignment_mode="expand")
        clause = _clause_verb(anchor.root) if anchor is not None and len(anchor) else None
        if clause is not None and _at_a_gathering(anchor.root, clause):
            continue  # "held talks with Y on the margins of the summit": both are guests there
        named = {p.place.code for p in ctx.places
                 if event.evidence.start <= ctx.doc[p.start].idx < event.evidence.end and p.start not in taken
                 and not nationality_only(ctx.doc, p)  # places named, not nationalities ("the Finnish capital" names one),
                 and not _names_a_gathering(ctx.doc[p.end - 1])  # nor "ahead of the Venice summit",
                 and not _other_clause(ctx.doc[p.end - 1], clause)  # nor "met A, and travelled to Y to meet B",
                 and ctx.doc[p.end - 1].head.lower_ not in ("on", "about", "over")}  # nor "talks with Y on Iraq"
        own = {p.place.code for p in ctx.places if clause is not None and p.place.code in named
               and (verb := _clause_verb(ctx.doc[p.end - 1])) is not None
               and (verb.i == clause.i or (clause.dep_ == "conj" and clause.head.i == verb.i))}  # "flew to Y and met Z"
        if clause is not None and clause.dep_ == "relcl" and clause.head.i in ctx.token_place \
                and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
            own = own or {ctx.token_place[clause.head.i].place.code}  # "a visit to Beijing, where he was received by Y"
        if own:  # the places of the meeting's own clause: "arrived in Egypt from Saudi Arabia, where he had
            named = own  # held talks with King X in Riyadh"
        for visitor, other in ((v, o) for v in people for o in people if o != v):
            if len(people) == 3 and not trips.get((visitor, "occurred")):
                continue
            places = trips.get((visitor, event.status), set())
            if event.status in ("planned", "considered"):  # "landed in X ... she will meet Y": the visit under way, or the next leg
                places = places | trips.get((visitor, "occurred"), set())
                if event.status == "considered":  # "will fly to X to meet A and possibly B": B there too
                    places = places | trips.get((visitor, "planned"), set())
                # "... go on to Y, where he is to meet King Z. The Y stop was scrapped": the leg called off
                places = places | trips.get((visitor, "cancelled"), set()) | trips.get((visitor, "postponed"), set())
            # the visitor's own state named there says nothing of where ("praised Zambia's role")
            named_here = named - {ctx.person_actor(visitor).country}
            if len(places) > 1 and len(named_here) == 1 and named_here <= places:
                places = named_here  # "In London, X ... met King Y" on a trip to London and Paris
            elif len(places) > 1 and not named_here & places and (leg := _leg_at(events, visitor, event, places)) != places:
                places = leg  # (a place named that no leg goes to says nothing of which: "U.S. senators")
            elif len(places) > 1 and not named_here & places and ctx.dateline is not None and ctx.dateline.place.code in places \
                    and homes.get(visitor) != ctx.dateline.place.code:
                places = {ctx.dateline.place.code}  # "MADRID - ... X was received by King Y": at the dateline
                # (not when the visitor set out from there: "ISLAMABAD - X left for Beijing ... will call on Y")
            # not one who travels there too (a trip elsewhere, another time, says nothing of home)
            if len(places) == 1 and not any(places & trips.get((other, s), set()) for s in ("occurred", event.status)) \
                    and not set(event.role("place")) & bound_for.get(other, set()) \
                    and other not in ctx.nationality and not _exiled(ctx, other) \
                    and (event.status == "occurred" or named <= places | {ctx.person_actor(visitor).country}) \
                    and not _met_where_else(ctx, event, places):
                # a plan may belong to a leg not read: "... will travel to Amman, where he will meet King X";
                # "arrived in Y from Riyadh, where he had met King X": where names another state's place
                seen.setdefault(other, set()).update(places)
    for host, code in _gathering_hosts(ctx) + _inviters(ctx, events):
        if host not in ctx.nationality:
            seen.setdefault(host, set()).add(code)
    return {host: next(iter(codes)) for host, codes in seen.items() if len(codes) == 1}


def _exiled(ctx: Context, key: str) -> bool:
    """'met exiled President X in Riyadh': one the text calls exiled (lexicon ``exile_words``, within
    the three words before a mention of theirs or its office: "exiled former Prime Minister X") is
    not of the state where they are met."""
    words = lexicon().words("exile_words")
    return any(t.lower_ in words for m in ctx.persons if m.key == key
               for start in [min([m.start] + [t.start for t in m.all_titles if t.start < m.start])]
               for t in ctx.doc[max(0, start - 3):start])


def _leg_at(events: tuple[Event, ...], visitor: str, meeting: Event, places: set[str]) -> set[str]:
    """Of a visitor's trips to several states, the leg a meeting falls in: the last trip that begins
    on or before the meeting's day ("arrives in Wellington on Sunday ... will meet Y on Monday ... will
    travel on to Sydney on Thursday"); a meeting of no day, the last trip told before it."""
    legs = sorted((e for e in events if e.kind == "visit" and visitor in e.role("traveler")
                   and e.status in ("occurred", "planned")), key=lambda e: e.evidence.start)
    if meeting.time is not None and len(meeting.time.iso) == 10:
        dated = [e for e in legs if e.time is not None and len(e.time.iso) == 10]
        before = [e for e in dated if e.time.iso <= meeting.time.iso]
        if dated and len(before) < len(dated) and before:  # a later leg begins after the meeting's day
            last = max(before, key=lambda e: e.time.iso)
            codes = {d.split(":", 1)[1] for d in last.role("destination")}
            return codes if codes <= places else places
        return places
    told = [e for e in legs if e.evidence.start < meeting.evidence.start]
    later = [e for e in legs if e.evidence.start > meeting.evidence.start]
    if told and later and meeting.status == told[-1].status:
        codes = {d.split(":", 1)[1] for d in told[-1].role("destination")}
        return codes if codes <= places else places
    return places


def _apart(out: dict[tuple, Position], sharing: dict[tuple[int, int], set[tuple]]) -> None:
    """"The two countries' foreign ministers, X and Y": one plural office, two holders of two states.
    A state the story or the office's usual state gave both (not one stated for each) is neither's."""
    for keys in sharing.values():
        guessed = [k for k in keys if k in out and out[k].basis in ("article", "title") and out[k].jurisdiction]
        if len(guessed) >= 2 and len({out[k].jurisdiction for k in guessed}) == 1:
            for k in guessed:
                out[k] = replace(out[k], jurisdiction=None, basis=None)


def _one_holder(out: dict[tuple, Position]) -> None:
    """A state has one head of its government (lexicon ``leader_offices``) at a time: an office
    given a state by the story or the office's usual state alone is left stateless when another
    person holds that office of that state by a stated or hosting basis ("interim Prime Minister X"
    of Iraq hosts the visit; "Prime Minister Y spoke to X by telephone" is another state's)."""
    lex = lexicon()
    leaders, acting = lex.words("leader_offices"), lex.words("in_office_prefixes")

    def office(p: Position) -> str:
        words = p.title.lower().split()
        while words and words[0] in acting:
            words = words[1:]
        return " ".join(words)

    held: dict[tuple[str, str], set[str]] = {}
    for p in out.values():
        if p.basis in ("stated", "host") and p.jurisdiction and not p.former and office(p) in leaders:
            held.setdefault((office(p), p.jurisdiction), set()).add(p.holder)
    for key, p in list(out.items()):
        if p.basis in ("article", "title") and held.get((office(p), p.jurisdiction or ""), set()) - {p.holder}:
            out[key] = replace(p, jurisdiction=None, basis=None)


def _one_name_per_office(out: dict[tuple, Position]) -> None:
    """One office told by two of its names ("Peru's Minister of Foreign Affairs, X" and a caption's
    "Foreign Minister X"; lexicon ``office_equivalents``) is one position: the name told first is
    kept, with the state either names. So is an office's bare head word beside its one fuller name."""
    same = lexicon().table("office_equivalents")

    def office(p: Position) -> str:
        return same.get(p.title.lower(), p.title.lower())

    def told(p: Position) -> int:
        return p.evidence.anchor_start if p.evidence else 0

    kept: dict[tuple[str, str], tuple] = {}
    for key, p in sorted(out.items(), key=lambda kv: (told(kv[1]), kv[0])):
        if p.former:
            continue
        first = kept.get((p.holder, office(p)))
        if first is None:
            kept[(p.holder, office(p))] = key
            continue
        q = out[first]
        if q.jurisdiction and p.jurisdiction and q.jurisdiction != p.jurisdiction:
            continue
        if q.jurisdiction is None and p.jurisdiction:
            out[first] = replace(q, jurisdiction=p.jurisdiction, basis=p.basis)
        del out[key]
    # "Minister for Europe and Foreign Affairs X ... Minister X": the bare head word is the same office said short
    for key, p in list(out.items()):
        word = p.title.lower()
        if p.former or " " in word:
            continue
        fuller = [k for k, q in out.items() if k != key and q.holder == p.holder and not q.former
                  and " " in q.title and word in (q.title.lower().split()[0], q.title.lower().split()[-1])
                  and (q.jurisdiction is None or p.jurisdiction is None or q.jurisdiction == p.jurisdiction)]
        if len(fuller) == 1:
            q = out[fuller[0]]
            if q.jurisdiction is None and p.jurisdiction:
                out[fuller[0]] = replace(q, jurisdiction=p.jurisdiction, basis=p.basis)
            del out[key]


def _represented(ctx: Context, out: dict[tuple, Position]) -> None:
    """"Vice President A departed for Nairobi to represent President B": the one represented holds an
    office of the representative's state, when A's is known and B's is not."""
    states: dict[str, set[str]] = {}
    for p in out.values():
        if p.jurisdiction and p.jurisdiction.startswith("country:"):
            states.setdefault(p.holder, set()).add(p.jurisdiction)
    for verb in tokens_with(ctx.doc, {"represent"}):
        if verb.pos_ != "VERB":
            continue
        deputy = subject_of(verb)
        own = {j for a in (ctx.actors_of(deputy, persons_only=True) if deputy is not None else [])
               for j in states.get(a.key, ())}
        if len(own) != 1:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for principal in ctx.actors_of(obj, persons_only=True):
                for key, p in list(out.items()):
                    if p.holder == principal.key and p.jurisdiction is None and not p.former:
                        out[key] = replace(p, jurisdiction=next(iter(own)), basis="article")


def _clause_verb(token):
    """The verb of the clause a token is in (itself if it is one)."""
    return token if token.pos_ in ("VERB", "AUX") else governing_verb(token)


def _other_clause(token, verb) -> bool:
    """``token`` is in a clause joined to ``verb``'s as its conjunct ("met A, and travelled to Y"),
    or the place of another trip the sentence tells ("will call on A before leaving for Y"), not in
    ``verb``'s own."""
    own = _clause_verb(token)
    if verb is None or own is None or own.i == verb.i:
        return False
    lex = lexicon()
    return (own.dep_ == "conj" and own.head.i == verb.i) or (
        own.lemma_.lower() in lex.words("depart_verbs") | lex.words("travel_to_verbs")
        and own.dep_ in ("pcomp", "advcl", "xcomp", "conj")
        and not own.left_edge.i <= verb.i <= own.right_edge.i)  # not "travelling to Rome to meet Pope X"


def _at_a_gathering(trigger, clause) -> bool:
    """The meeting is a multilateral gathering ("the summit") or its clause puts it at one ("on the
    margins / sidelines of the summit", "at the conference"), where neither side need be at home."""
    lex = lexicon()
    fringe, gatherings = lex.words("fringe_nouns"), lex.words("multilateral_nouns")

    def gathering(t) -> bool:  # not "a news conference", "a press conference" (a lower-case kind)
        return t.lemma_.lower() in gatherings and not any(
            c.dep_ == "compound" and c.text[:1].islower() for c in t.children)

    return gathering(trigger) or any(t.lemma_.lower() in fringe or (
        gathering(t) and t.dep_ == "pobj" and t.head.lower_ in ("at", "during")) for t in clause.subtree)


def _names_a_gathering(token) -> bool:
    """A place word that names a gathering ("the Venice summit", "the Vilnius NATO summit"), not
    where anything else happens."""
    return token.dep_ in ("compound", "nmod") and token.head.lemma_.lower() in lexicon().words("gathering_nouns")


def _met_where_else(ctx: Context, event: Event, places: set[str]) -> bool:
    """Is the meeting told in a 'where' clause on a place of another state than ``places``
    ("flying from Riyadh, where he had met King X")?"""
    anchor = ctx.doc.char_span(event.evidence.anchor_start, event.evidence.anchor_end, alignment_mode="expand")
    if anchor is None or not len(anchor):
        return False
    token = anchor[0]
    while token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "relcl" or not any(c.lower_ == "where" for c in token.children):
        return False
    place = ctx.token_place.get(token.head.i)
    return place is not None and place.place.code not in places


def _inviters(ctx: Context, events: tuple[Event, ...]) -> list[tuple[str, str]]:
    """(person, state) for "X will visit China at the invitation of Premier Y", "Y invited X to
    visit China", "X, invited by Y, visits China": one invites to one's own state."""
    out = []
    for token in tokens_with(ctx.doc, {"invitation", "invite", "invited", "invites", "inviting"}):
        if token.lemma_.lower() == "invitation":
            inviters = [a for o in prep_objects(token, {"of"}) for a in ctx.actors_of(o, persons_only=True)]
        elif token.pos_ == "VERB" and token.lemma_.lower() == "invite":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            inviters = [a for o in prep_objects(token, {"by"}) for a in ctx.actors_of(o, persons_only=True)]
            inviters += ctx.actors_of(subject, persons_only=True) if subject is not None else []
        else:
            continue
        start = token.idx
        codes = {d.split(":", 1)[1] for e in events if e.kind == "visit"
                 and e.evidence.start <= start < e.evidence.end for d in e.role("destination")}
        travelers = {t for e in events if e.kind == "visit" and e.evidence.start <= start < e.evidence.end
                     for t in e.role("traveler")}
        if len(codes) == 1:
            out += [(a.key, next(iter(codes))) for a in inviters if a.key not in travelers]
    return out


def _gathering_hosts(ctx: Context) -> list[tuple[str, str]]:
    """(person, state) for "a summit in Y hosted by X", "leaders are in Y for a summit hosted by X",
    "the Y summit hosted by X", "X hosted leaders at a summit in Y" (:func:`gatherings.setting`):
    the host of a gathering holds it at home."""
    nouns = lexicon().words("gathering_nouns")
    out = []
    for token in tokens_with(ctx.doc, nouns):
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        hosts, places = setting(ctx, token)
        codes = {p.country for p in places if p.country}
        if hosts and len(codes) == 1:
            out += [(h.key, next(iter(codes))) for h in hosts]
    return out


def _summoner_states(ctx: Context, events: tuple[Event, ...]) -> dict[str, str]:
    """Person -> the state where the envoy they summon is posted: "ambassador to Y" if said, else the
    dateline's state when the envoy is not of it ("BAMAKO - France's ambassador X was summoned by
    Foreign Minister Y"): a government summons the foreign envoys posted to it."""
    out: dict[str, set[str]] = {}
    home = ctx.dateline.place.code if ctx.dateline is not None else None
    for event in events:
        if event.kind != "summons":
            continue
        for envoy in event.role("summoned"):
            posted = posted_to(ctx, envoy)
            own = ctx.nationality.get(envoy, (None, None))[0]
            if not posted and home and own != home:
                posted = {home}
            for summoner in event.role("summoner"):
                if posted and summoner not in ctx.nationality:
                    out.setdefault(summoner, set()).update(posted)
    return {key: next(iter(codes)) for key, codes in out.items() if len(codes) == 1}


def _home_travelers(ctx: Context, events: tuple[Event, ...]) -> dict[str, str]:
    """Person -> the dateline's state, for one whose office the article names without a state and
    who travels from there to other states only and whom the lead names ("NEW DELHI - Prime Minister X
    will travel to Lima"): a desk reports its own leaders' trips abroad by title alone."""
    if ctx.dateline is None:
        return {}
    home = ctx.dateline.place.code
    lead = next((s for s in ctx.doc.sents if s.end_char > ctx.body_start  # not "NEW DELHI, Sept 14 (PTI) -" alone
                 and any(t.pos_ in ("VERB", "AUX") for t in s)), None)
    dateline_city = f"city:{ctx.dateline.place.geonames_id}"
    trips: dict[str, set[str]] = {}
    for event in events:
        if event.kind == "visit":
            codes = {d.split(":", 1)[1] for d in event.role("destination")}
            # (a visit to the dateline's state with no place of it named is a visit from abroad: "X, who
            # is on a two-day working visit to Indonesia", under "JAKARTA -")
            if home in codes and event.role("place") and dateline_city not in event.role("place") and not (
                    lead is not None and lead.start_char <= event.evidence.start < lead.end_char):
                codes.discard(home)  # a tour of a province later in the story: at home, not a visit to the dateline
            for traveler in event.role("traveler"):
                trips.setdefault(traveler, set()).update(codes)
    if not trips:
        return {}
    named_first = {e.key for e in ctx.entities for m in e.mentions if lead is not None and lead.start <= m.start < lead.end}
    return {key: home for key, codes in trips.items()
            if codes and home not in codes and key not in ctx.nationality and key in named_first}


def _other_side(ctx: Context, events: tuple[Event, ...], sides: dict[str, set[str]] | None = None) -> dict[str, str]:
    """Person -> the other state of a story of two states (the only ones named twice or more), for
    one who travels to the one and to no other state (or on a tour: to all the others), and in whose
    sentences the other is named
    ("Prime Minister X sets out on a mission to Washington aimed at defusing U.S.-Japanese trade
    tension": Japan's)."""
    counts = Counter(m.place.code for m in ctx.places)
    states = {code for code, n in counts.items() if n >= 2}
    if len(states) < 2:
        return {}
    doc = ctx.doc
    out = {}
    for key, codes in _trip_destinations(events).items():
        entity = ctx.entity_by_key.get(key)
        others = states - codes - (sides or {}).get(key, set())  # nor the states of those met there
        if entity is None or not codes & states or len(others) != 1:
            continue  # (a tour: "opens a four-nation African tour in Nairobi ... 'Kenya is a gateway for
            # Indonesia'": the one state named twice or more that none of the trips goes to)
        other = next(iter(others))
        sents = {doc[m.start].sent.start for m in entity.mentions}
        if any(p.place.code == other and doc[p.start].sent.start in sents for p in ctx.places):
            out[key] = other
    return out


def _trip_destinations(events: tuple[Event, ...], statuses: tuple[str, ...] | None = None) -> dict[str, set[str]]:
    """Traveler -> the states of their visits in the article (of those ``statuses`` only, if given)."""
    trips: dict[str, set[str]] = {}
    for event in events:
        if event.kind == "visit" and (statuses is None or event.status in statuses):
            for traveler in event.role("traveler"):
                trips.setdefault(traveler, set()).update(d.split(":", 1)[1] for d in event.role("destination"))
    return trips


def _leaving_capital(ctx: Context, events: tuple[Event, ...]) -> dict[str, str]:
    """Person -> the state whose capital they leave for a trip abroad ("President X will depart Abuja
    for Accra", "left Hanoi on Friday for Bangkok"), when the article does not state theirs and that
    state is none of their trips' destinations: officials set out from their own capital."""
    trips = _trip_destinations(events)
    seen: dict[str, set[str]] = {}
    for verb in tokens_with(ctx.doc, lexicon().words("depart_verbs")):
        if verb.pos_ not in ("VERB", "NOUN") or (subj := subject_of(verb)) is None:
            continue
        # the city named as the object, also where NER took it for part of an organisation
        left = {geo.resolve_place(" ".join(t.text for t in o.subtree if t.pos_ == "PROPN"), ctx.date)
                for o in verb.children if o.dep_ == "dobj" and o.pos_ == "PROPN"}
        codes = {p.code for p in left if p is not None and p.kind == "city" and geo.is_capital(p.geonames_id)}
        for person in ctx.actors_of(subj, persons_only=True):
            if len(codes) == 1 and person.key not in ctx.nationality and trips.get(person.key) \
                    and not codes & trips[person.key]:
                seen.setdefault(person.key, set()).update(codes)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def _returning_home(ctx: Context, events: tuple[Event, ...]) -> dict[str, str]:
    """Person -> the state they go back to after a trip abroad ("X arrived in Tokyo ... before
    returning to Seoul", "flying back to Addis Ababa"), when it is none of their trips' destinations
    ("will return to Y in July" after a visit to Y goes there again) and the article does not
    state theirs."""
    trips = _trip_destinations(events, ("occurred", "planned"))
    seen: dict[str, set[str]] = {}
    for verb in tokens_with(ctx.doc, lexicon().words("return_words") | lexicon().words("travel_to_verbs")):
        if verb.pos_ != "VERB" or not going_back(verb):
            continue
        subj = subject_of(verb)
        backs = [c for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ in lexicon().words("return_words")]
        objects = prep_objects(verb, {"to"}) + [o for c in backs for o in prep_objects(c, {"to"})]  # "fly back to London"
        places = {p.country for o in objects for p in ctx.places_of(o) if p.country}
        if subj is None or len(places) != 1:
            continue
        for person in ctx.actors_of(subj, persons_only=True):
            if person.key not in ctx.nationality and trips.get(person.key) and not places & trips[person.key]:
                seen.setdefault(person.key, set()).update(places)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def _stand_in_states(ctx: Context, stand_ins: list[tuple]) -> dict[str, str]:
    """Person -> the state of the one who stands in for them ("U.S. Vice President A attended in
    place of President B", "Premier A, standing in for President B"): a deputy of the same state."""
    seen: dict[str, set[str]] = {}
    for deputy, principals in stand_ins:
        states = {a.country for a in (ctx.actors_of(deputy, persons_only=True) if deputy is not None else []) if a.country}
        if len(states) != 1:
            continue
        for principal in (a for o in principals for a in ctx.actors_of(o, persons_only=True)):
            if principal.key not in ctx.nationality:
                seen.setdefault(principal.key, set()).update(states)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def _stand_ins(ctx: Context) -> list[tuple]:
    """(deputy token or None, principal tokens) of each 'A attended in place of B' / 'A, standing in
    for B'."""
    out = []
    for token in tokens_with(ctx.doc, {"place", "stand"}):
        if token.lower_ == "place" and token.dep_ == "pobj" and token.head.lower_ == "in":
            principals = prep_objects(token, {"of"})
            # "attended in place of B", "led the delegation to the summit in place of B"
            verb = governing_verb(token.head)
            deputy = subject_of(verb) if verb is not None else None
        elif token.lemma_.lower() == "stand" and token.pos_ == "VERB" and any(c.lower_ == "in" for c in token.children):
            # "standing in for B": "for" on the verb, or on its "in" when parsed as a preposition
            principals = prep_objects(token, {"for"}) + [o for c in token.children if c.lower_ == "in"
                                                          for o in prep_objects(c, {"for"})]
            deputy = subject_of(token)
        else:
            continue
        out.append((deputy, principals))
    return out


def _escort_states(ctx: Context, homes: dict[str, str]) -> dict[str, str]:
    """Person -> the state of the one leader they accompany ("the foreign minister accompanied the
    prime minister", "X landed with a delegation including Y", "X flew to Y with Z"), when that leader's state is known
    (stated, or from the leader's trip: ``homes``)."""
    seen: dict[str, set[str]] = {}
    lex = lexicon()
    journeys = lex.words("travel_to_verbs") | lex.words("arrive_verbs")  # (not "toured the site with the host")
    along = [t for t in travelling_with(ctx) if t[0].lemma_.lower() in journeys]
    for _, leads, companions in accompanying(ctx) + delegation_members(ctx) + along:
        states = {lead.country or homes.get(lead.key) for lead in leads} - {None}
        for companion in companions:
            seen.setdefault(companion.key, set()).update(states)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def _led_group_states(ctx: Context) -> dict[str, str]:
    """Person -> the state the group they lead is named for ("a Burundian delegation led by X", "X
    heads the Kenyan team"; "A Burundian delegation arrived ... The delegation is led by X": the
    group told before with the same noun), when one state is named."""
    lex = lexicon()
    nouns, leads = lex.words("led_group_nouns"), lex.words("lead_verbs")
    seen: dict[str, set[str]] = {}
    for verb in tokens_with(ctx.doc, leads):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in leads:
            continue
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in nouns:
            group, leaders = verb.head, prep_objects(verb, {"by"})
        elif passive is not None and passive.lemma_.lower() in nouns:
            group, leaders = passive, prep_objects(verb, {"by"})
        elif (group := next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)) is not None \
                and (subject := subject_of(verb)) is not None:
            leaders = [subject]
        else:
            continue
        if bare_definite(group):
            group = next((t for t in reversed(ctx.doc[:group.i]) if t.lemma_.lower() == group.lemma_.lower()), group)
        # (the nationality word may hang on a compound: "a Burundian government delegation")
        states = {code for t in [group, *(c for c in group.children if c.dep_ == "compound")]
                  for code in demonym_states(t, ctx.date)}
        if len(states) != 1:
            continue
        for leader in leaders:
            for actor in ctx.actors_of(leader, persons_only=True):
                if actor.kind == "person":
                    seen.setdefault(actor.key, set()).update(states)
    return {key: next(iter(codes)) for key, codes in seen.items() if len(codes) == 1}


def _provincial(ctx: Context, event: Event) -> bool:
    """A trip to a city (or region) that is no capital, nor the dateline's city ("Prime Minister X
    visited Daegu to inspect ..."): a trip at home as often as abroad ("JOHANNESBURG - X arrived
    here to attend the summit" is a visitor's)."""
    places = [ctx.known.get(key) for key in event.role("place")]
    here = ctx.dateline.place.geonames_id if ctx.dateline is not None else None
    return bool(places) and len(event.role("destination")) == 1 and all(
        p is not None and p.kind == "city" and (p.geonames_id is None or p.geonames_id != here)
        and not geo.is_capital(p.geonames_id) for p in places)


def _not_from(ctx: Context, events: tuple[Event, ...], *, meetings: bool = True,
              visits: bool = True) -> dict[str, set[str]]:
    """Person -> states the article's events say they are not from: (``visits``) the countries they
    travel to, and (``meetings``) the stated states of the persons they meet (a meeting reported in
    the news is, as a rule, between sides). Only used to veto the article-wide guess, never to assign a state."""
    out: dict[str, set[str]] = {}
    for event in events:
        if event.kind == "visit" and visits:
            if _provincial(ctx, event):
                continue  # "SEOUL - ... Prime Minister X visited Daegu to inspect ...": no sign of being foreign
            for traveler in event.role("traveler"):
                out.setdefault(traveler, set()).update(d.split(":", 1)[1] for d in event.role("destination"))
        elif event.kind == "meeting" and meetings:
            people = event.role("participant")
            for person in people:
                sides = {country for p in people
                         if p != person and p in ctx.entity_by_key and (country := ctx.person_actor(p).country)}
                if len(sides) == 1:  # with both sides at the table, one could be of either
                    out.setdefault(person, set()).update(sides)
    return out


def positions(ctx: Context, doc: Doc, anchor: Date | None, events: tuple[Event, ...] = ()) -> tuple[Position, ...]:
    """Offices of the article's persons (``events``: the article's events, whose roles say who hosts
    visits where and who cannot be of which state)."""
    lex = lexicon()
    not_offices = lex.words("not_offices")
    qualified_only = lex.words("qualified_only")
    company_offices = lex.words("company_offices")
    envoys = {w for w in lex.words("sending_state_titles") if not w.endswith("envoy")}  # envoys go out from the story's state
    organisations_offices = lex.words("organisation_offices")
    usual_states = lex.table("title_states")
    out: dict[tuple, Position] = {}
    headline = ctx.headline_offices
    homes = _home_travelers(ctx, events)
    hosts = _host_states(ctx, events, homes)
    travelled = _not_from(ctx, events, meetings=False)
    sides = _not_from(ctx, events, visits=False)
    not_from = {key: travelled.get(key, set()) | sides.get(key, set()) for key in travelled.keys() | sides.keys()}
    # the trips were weighed by _home_travelers itself
    departing = {key: code for key, code in homes.items() if code not in sides.get(key, ())}
    returning = _returning_home(ctx, events)
    leaving = _leaving_capital(ctx, events)
    other_side = _other_side(ctx, events, sides)
    escorts = _escort_states(ctx, {**hosts, **other_side, **returning, **leaving, **departing})
    stand_ins = _stand_ins(ctx)
    standing_in = _stand_in_states(ctx, stand_ins)
    # one whose place a deputy takes at a gathering is away from it: not the dateline's own
    stood_in_for = {a.key for _, principals in stand_ins for o in principals for a in ctx.actors_of(o, persons_only=True)}
    summoners = _summoner_states(ctx, events)
    described = _plural_described(ctx)
    led = _led_group_states(ctx)
    ministries = _ministries(ctx)
    cache: list[str | None] = []
    sharing: dict[tuple[int, int], set[tuple]] = {}  # one title's words -> the positions read from them
    only_cache: list[str | None] = []
    dateline_cache: list[str | None] = []

    def only_state() -> str | None:  # computed once, on first need
        if not only_cache:
            only_cache.append(_only_state(ctx))
        return only_cache[0]

    def dateline_state() -> str | None:  # computed once, on first need
        if not dateline_cache:
            dateline_cache.append(_dateline_state(ctx))
        return dateline_cache[0]

    def article_country() -> str | None:  # computed once, on first need
        if not cache:
            cache.append(_strong_article_country(ctx, doc))
        return cache[0]

    for entity in ctx.entities:
        known = ctx.nationality.get(entity.key)
        for mention, title in [(m, t) for m in entity.mentions for t in m.all_titles]:
            if title.alias or title.phrase in not_offices or (title.phrase in qualified_only and not title.country
                                                and not of_place(ctx, mention.end)):
                continue  # "a secretary at the school", "the leader": no office of a state
            country = title.country
            if country is None:
                country = of_place(ctx, mention.end) or of_organisation(ctx, mention.end) \
                    or (known[0] if known and known[1] == "stated" else None) \
                    or headline.get(title.phrase) or _possessor_state(ctx, doc, title, entity.key) \
                    or _short_body(ctx, doc, title) or _sentence_organisation(ctx, doc, title)
            basis = "stated" if country else None
            if country is None and entity.key in hosts:
                country, basis = hosts[entity.key], "host"
            if country is None and entity.key in escorts:
                country, basis = escorts[entity.key], "article"  # in the delegation of a leader of that state
            if country is None and entity.key in summoners:
                country, basis = summoners[entity.key], "article"  # "BAMAKO - envoy X was summoned by Foreign Minister Y"
            if country is None and entity.key in departing:
                country, basis = departing[entity.key], "article"  # "NEW DELHI - Prime Minister X will travel to Y"
            if country is None and entity.key in returning:
                country, basis = returning[entity.key], "article"  # "X, in Tokyo, will return to Seoul on Friday"
            if country is None and entity.key in leaving:
                country, basis = leaving[entity.key], "article"  # "President X will depart Abuja for Accra"
            if country is None and entity.key in standing_in:
                country, basis = standing_in[entity.key], "article"  # "U.S. Vice President A attended in place of President B"
            if country is None and entity.key in described:
                country, basis = described[entity.key], "article"  # "... will receive the two Mexican secretaries"
            if country is None and entity.key in led:
                country, basis = led[entity.key], "article"  # "a Burundian delegation led by X"
            if country is None and (reporter := reporter_state(doc, title, ctx.titles)) \
                    and reporter not in not_from.get(entity.key, set()):
                country, basis = reporter, "article"  # "President X received Y, the Elysee said"
            if country is None and (capital := _seat_state(ctx, title)) \
                    and capital not in not_from.get(entity.key, set()):
                country, basis = capital, "article"  # "In Minsk, Foreign Ministry spokesman X said"
            if country is None and (served := _leader_served(ctx, title, entity.key)):
                country, basis = served, "article"  # "Argentine President X ..., presidential spokesman Y said"
            if country is None and (ministry := _owning_ministry_state(ctx, title)
                                    or _ministry_state(ministries, title.phrase)) \
                    and ministry not in not_from.get(entity.key, set()) \
                    and not _other_side_ministry(ctx, title, ministry):
                country, basis = ministry, "article"  # "the Chilean foreign ministry said ... Foreign Minister X"
            if country is None and _office_of_a_body(ctx, title):
                basis = None  # "X, president of the U.S.-China Business Council": no state's office
            elif country is None:
                visitor = ctx.dateline is not None and ctx.dateline.place.code in not_from.get(entity.key, ())
                country, basis = ctx.title_state(title.deputy + title.phrase, visitor=visitor, story=article_country()), "title"
                if country is None and entity.key in other_side and title.phrase not in usual_states:
                    country, basis = other_side[entity.key], "article"  # a story of two states: the traveler's is the other
                if country is None and title.phrase not in company_offices \
                        and not {title.phrase, title.phrase.split()[-1]} & envoys:
                    # not a company's office, nor an ambassador's (of the story's state, or posted to it?)
                    country, basis = article_country(), "article"
                    # in a story naming no other state, meeting its officials is no sign of being foreign
                    exclude = (travelled if country and country == only_state() else not_from).get(entity.key, set())
                    if country and {country, geo.historic(country, anchor)} & exclude:
                        country = None  # the article's state, but the person travels there or meets its side
                    # an office other states name alike whose usual state the dateline's story refused
                    # ("ISLAMABAD - Foreign Secretary X had been due to travel") is the dateline state's too
                    shared = title.phrase in lex.words("shared_title_states")
                    if country is None and (title.phrase not in usual_states or shared) and (home := dateline_state()):
                        # "TOKYO - Foreign Minister X said": the state the story is filed from, unless
                        # the person travels there or meets its side, or is named beside another state
                        # (an office with a usual state is left to it: "LOURDES - Pope X celebrated Mass")
                        beside = _states_beside(ctx, entity, home, not_from.get(entity.key, set()))
                        if not {home, geo.historic(home, anchor)} & not_from.get(entity.key, set()) \
                                and (not beside or _office_held_beside(ctx, entity, title, beside)) \
                                and entity.key not in stood_in_for:
                            country = home
                if country and not country.startswith("io:"):
                    country = geo.historic(country, anchor)
            if basis != "stated" and title.phrase in organisations_offices | company_offices:
                country = None  # "welcomed by Secretary General X": an organisation's office, not the host's
                # state; "FRANKFURT - Siemens chief executive X will fly to Beijing": a company's, not Germany's
            if country is None:
                basis = None
            name = title_case((title.deputy + title.phrase).strip())
            jurisdiction = None
            if country:
                if country.startswith("io:"):
                    jurisdiction = ctx.io_actor(country[3:]).key
                else:
                    jurisdiction = ctx.country_actor(country).key
            span = doc[min(title.start, mention.start):max(title.end, mention.end)]
            if doc[title.start].sent.start != doc[mention.start].sent.start:
                span = doc[title.start:title.end]  # "the minister said": the title's sentence
            evidence = evidence_of(span.sent, span.start_char, span.end_char)
            key = (entity.key, name)
            if key not in out or (out[key].jurisdiction is None and jurisdiction):
                out[key] = Position(entity.key, name, jurisdiction, title.former, evidence, basis)
                sharing.setdefault((title.start, title.end), set()).add(key)
    _apart(out, sharing)
    _represented(ctx, out)
    _one_holder(out)
    _one_name_per_office(out)
    # "X, the first Indian leader to visit ...": a generic word for an office (lexicon
    # ``generic_offices``) says nothing more when the article names the person's office
    generic = lex.words("generic_offices")
    named = {p.holder for p in out.values() if p.title.lower() not in generic}
    return tuple(sorted((p for p in out.values() if p.holder not in named or p.title.lower() not in generic),
                        key=lambda p: (p.holder, p.title)))
