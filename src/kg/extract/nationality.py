"""Each person's own state, as the article states it, before any event is read.

In order: a state named with one of the person's titles ("Peruvian Foreign Minister X", "X, Japan's
prime minister"); "King X of Jordan"; a state's possessive before the name ("Peru's Ana Ruiz"); a
demonym on the nouns describing the person ("Liberian legend X") or listing them ("two American
journalists, A and B"); a headline office of one state ("Ghanaian president in Davos"); the usual
state of a title (lexicon ``title_states``: "Secretary of State" -> US); the leader of a state's
delegation, the one a leader sends. Events use it to tell a trip abroad from a trip home and the
host's state from the guest's; positions report it.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from kg import geo
from kg.extract.context import Context, conjuncts
from kg.extract.lexicon import lexicon
from kg.nlp import DASHES
from kg.extract.syntax import governing_verb, representations, tokens_with
from kg.extract.titles import state_form


def assign(ctx: Context) -> None:
    """Fill ``ctx.nationality``: person key -> (ISO code, basis)."""
    for entity in ctx.entities:
        found: tuple[str, str] | None = None
        for title in entity.titles:
            if title.country and not title.country.startswith("io:"):
                found = (title.country, "stated")
                break
        if found is None:
            for mention in entity.mentions:
                code = of_place(ctx, mention.end) or _possessive_place(ctx, mention.start) \
                    or _demonym_described(ctx, mention.start) or _party_tag(ctx, mention.end)
                if code:
                    found = (code, "stated")
                    break
        if found is None:
            code = next(filter(None, (_country_noun_owner(ctx, t.start) for t in entity.titles
                                      if _beside_name(t, entity))), None)
            found = (code, "stated") if code else None
        if found is None:
            for title in entity.titles:
                code = ctx.title_state(title.deputy + title.phrase)
                if code and not code.startswith("io:"):
                    found = (geo.historic(code, ctx.date), "title")
                    break
        if found is not None:
            ctx.nationality[entity.key] = found
    headline = ctx.headline_offices = headline_states(ctx, ctx.doc)  # "Ghanaian president in Davos"
    for entity in ctx.entities:
        if entity.key not in ctx.nationality:
            codes = {headline[t.phrase] for t in entity.titles if t.phrase in headline and not headline[t.phrase].startswith("io:")}
            if len(codes) == 1:
                ctx.nationality[entity.key] = (codes.pop(), "stated")
    # what the text says of whom a person serves wins over the office's usual state ("title"), not
    # over a state found before
    for said in (_respectively, _representing, _on_the_side, _group_members, _sent_by, _listed_nationals,
                 _described_after):
        for key, code in said(ctx).items():
            if ctx.nationality.get(key, (None, "title"))[1] == "title":
                ctx.nationality[key] = (code, "stated")
    for key, code in _coordinated_offices(ctx).items():
        ctx.nationality.setdefault(key, (code, "stated"))  # (weaker than the office's usual state)


def _subject_of_meeting(token, meet: frozenset[str]) -> bool:
    """Is the name (up the coordination and the parser's modifiers) the subject of a verb of meeting,
    or of one whose object is a meeting ("A and B held talks")?"""
    while token.dep_ in ("conj", "nmod", "compound", "appos") and token.head.i != token.i:
        token = token.head
    verb = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and (
        verb.lemma_.lower() in meet or any(c.lemma_.lower() in meet for c in verb.children))


def _coordinated_offices(ctx: Context) -> dict[str, str]:
    """'Philippine Trade Secretary A and Agriculture Secretary B': the state's adjective before the
    first office holds for the second, named right after 'and' with no state of its own (not
    "talks between U.S. Secretary of State A and Foreign Minister B" nor "A and B held talks" as
    subjects: two sides; "X met A and B" is one side met)."""
    doc = ctx.doc
    by_end = {m.end: m for m in ctx.persons}
    stated = {k for k, (_, basis) in ctx.nationality.items() if basis == "stated"}
    meet = lexicon().words("meet_verbs") | lexicon().words("meeting_nouns")
    out: dict[str, str] = {}
    for mention in ctx.persons:
        title = mention.title
        if title is None or title.country or title.end > mention.start or mention.key in stated \
                or title.start < 2 or doc[title.start - 1].lower_ != "and":
            continue
        first = by_end.get(title.start - 1)
        if first is None or first.title is None or first.title.end > first.start or not first.title.country \
                or first.title.country.startswith("io:") or first.key == mention.key:
            continue
        if any(t.lower_ == "between" for t in doc[first.end - 1].ancestors) or any(
                _subject_of_meeting(doc[m.end - 1], meet) for m in (first, mention)):
            continue  # "talks between U.S. Secretary of State A and Foreign Minister B", "A and B met / held talks": two sides
        k = first.title.start - 1
        k -= 1 if k > 0 and doc[k].text in ("'s", "’s") else 0
        if k in ctx.token_place or first.title.start in ctx.token_place:
            out.setdefault(mention.key, first.title.country)  # (its state named by a word before it)
    return out


def _described_after(ctx: Context) -> dict[str, str]:
    """'X arrived in Hanoi, the third U.S. president to visit Vietnam', 'X is the first Peruvian
    leader to ...': a noun phrase that describes the subject (a phrase set off after its clause, or
    the predicate of 'be') with a state's word on its office or leader noun is the subject's state."""
    lex = lexicon()
    heads = lex.title_words | lex.words("group_heads") | {"leader", "official", "head"}
    out: dict[str, set[str]] = {}
    for noun in tokens_with(ctx.doc, heads):
        if noun.lemma_.lower() not in heads or noun.pos_ != "NOUN" or not (
                noun.dep_ in ("npadvmod", "appos") and noun.head.pos_ in ("VERB", "AUX")
                or noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become")):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            continue
        codes = {ctx.token_place[c.i].place.code for c in noun.children
                 if c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.token_place
                 and ctx.token_place[c.i].place.kind == "country"}
        subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if len(codes) != 1 or subj is None:
            continue
        for person in ctx.actors_of(subj, persons_only=True):
            out.setdefault(person.key, set()).update(codes)
    return {key: next(iter(codes)) for key, codes in out.items() if len(codes) == 1}


def headline_states(ctx: Context, doc: Doc) -> dict[str, str]:
    """Offices the headline names with their state but without a holder ("Peru Foreign Minister
    Cancels Visit"), by title phrase, when exactly one person of the article holds that office
    without a stated state: the headline speaks about that person."""
    bound = {id(t) for e in ctx.entities for m in e.mentions for t in m.all_titles}
    stated: dict[str, set[str]] = {}
    for title in ctx.titles:
        if doc[title.start].idx < ctx.body_start and id(title) not in bound and title.country:
            stated.setdefault(title.phrase, set()).add(title.country)
    holders: Counter[str] = Counter()
    for entity in ctx.entities:
        phrases = {t.phrase for m in entity.mentions for t in m.all_titles if doc[t.start].idx >= ctx.body_start}
        holders.update(phrases)
    return {phrase: next(iter(states)) for phrase, states in stated.items()
            if len(states) == 1 and holders[phrase] == 1}


def _respectively(ctx: Context) -> dict[str, str]:
    """'his counterparts from Mali, Niger and Chad - A, B and C -': as many states as persons, in
    the same order, one each."""
    out: dict[str, str] = {}
    sents = {t.sent.start: t.sent for t in tokens_with(ctx.doc, DASHES | {":"})}  # only where a list can open
    for noun in (t for sent in sents.values() for t in sent if t.tag_ in ("NNS", "NNPS")):
        keys = ctx.dash_listed(noun)
        if not keys:
            continue
        first = next(t.i for t in ctx.doc[noun.i:] if ctx.person_at(t))
        codes: list[str] = []
        for m in ctx.places:
            if noun.i < m.start < first and m.place.kind == "country" and m.place.code not in codes:
                codes.append(m.place.code)
        if len(codes) == len(keys):
            for key, code in zip(keys, codes):
                out.setdefault(key, code)
    return out


def _representing(ctx: Context) -> dict[str, str]:
    """'Panama was represented by Vice President X', 'X represented Panama at the summit': X serves
    that state (a state, not a region or a city); 'President Y was represented by X': Y's state."""
    out: dict[str, str] = {}
    for _, states, people, passive in representations(ctx.doc):
        codes = {m.place.code for t in states if (m := ctx.token_place.get(t.i)) is not None and m.place.kind == "country"}
        if not codes and passive:  # "He was represented by Foreign Minister X": the leader's state
            codes = {ctx.nationality[a.key][0] for t in states for a in ctx.actors_of(t, persons_only=True)
                     if a.key in ctx.nationality}
        if len(codes) == 1:
            code = codes.pop()
            for person in people:
                for actor in ctx.actors_of(person, persons_only=True):
                    out.setdefault(actor.key, code)
    return out


def _on_the_side(ctx: Context) -> dict[str, str]:
    """'(the talks were) attended on the Iraqi side by A and B, and on the Kuwaiti side by C', 'On
    the Chinese side, A and B attended': the persons a state's side names serve that state."""
    out: dict[str, str] = {}
    doc = ctx.doc
    for side in tokens_with(doc, {"side"}):
        if side.lower_ != "side" or side.dep_ != "pobj" or side.head.lower_ != "on":
            continue
        codes = {m.place.code for c in side.children if c.dep_ in ("amod", "compound", "poss")
                 if (m := ctx.token_place.get(c.i)) is not None}
        if len(codes) != 1:
            continue
        by = next((t for t in doc[side.i + 1:min(side.i + 3, side.sent.end)] if t.lower_ == "by"), None)
        if by is not None:
            people = [o for c in by.children if c.dep_ == "pobj" for o in conjuncts(c)]
        elif side.i + 1 < len(doc) and doc[side.i + 1].text == "," and side.head.head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in side.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            people = conjuncts(subj) if subj is not None else []
        else:
            continue
        code = codes.pop()
        # "..., and, on the Chinese side, by C": the next side's people are not this one's
        bound = next((t.i for t in doc[side.i + 1:side.sent.end] if t.lower_ == "side" and t.dep_ == "pobj"
                      and t.head.lower_ == "on"), side.sent.end)
        for person in (p for p in people if p.i < bound):
            for actor in ctx.actors_of(person, persons_only=True):
                if any(side.i < m.start < bound for m in ctx.entity_by_key[actor.key].mentions):
                    out.setdefault(actor.key, code)
    return out


def _sent_by(ctx: Context) -> dict[str, str]:
    """'President X sent Foreign Minister Y instead': the one a leader sends serves the leader's state."""
    out: dict[str, str] = {}
    for verb in tokens_with(ctx.doc, lexicon().words("send_verbs")):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().words("send_verbs"):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        senders = ctx.actors_of(subj, persons_only=True) if subj is not None else []
        codes = {ctx.nationality[a.key][0] for a in senders if a.key in ctx.nationality}
        if len(codes) != 1:
            continue
        code = codes.pop()
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for actor in ctx.actors_of(obj, persons_only=True):
                if actor.key not in {a.key for a in senders}:
                    out.setdefault(actor.key, code)
    return out


def _listed_nationals(ctx: Context) -> dict[str, str]:
    """'two American journalists, A and B', 'Russian officials including X': persons a plural noun of
    one nationality lists."""
    out: dict[str, str] = {}
    doc = ctx.doc
    nouns = {doc[p.start].head.i for p in ctx.places  # from the demonyms, not a scan of every token
             if doc[p.start].dep_ == "amod" and doc[p.start].head.tag_ == "NNS"}
    for token in (doc[i] for i in sorted(nouns)):
        if token.i in ctx.token_title:
            continue
        codes = {ctx.token_place[c.i].place.code for c in token.children
                 if c.dep_ == "amod" and c.i in ctx.token_place and geo.is_demonym(c.text)}
        if len(codes) == 1:
            code = codes.pop()
            for key in ctx.listed_after(token):
                out.setdefault(key, code)
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("including", "like")]
            after = _word_after(doc, token.right_edge.i)
            if not preps and after is not None and after.lower_ in ("including", "like"):
                preps = [after]  # "with Chinese officials, possibly including X": the parser hung it on the verb
            for prep in preps:
                # "greeted by Russian officials including Far East envoy X"
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    for actor in ctx.actors_of(obj, persons_only=True):
                        out.setdefault(actor.key, code)
    return out


def _word_after(doc: Doc, i: int):
    """The word after token ``i``, past a comma and adverbs ("officials, possibly including")."""
    j = i + 1
    while j < len(doc) and j <= i + 3 and (doc[j].text == "," or doc[j].tag_ == "RB"):
        j += 1
    return doc[j] if j < len(doc) and j <= i + 3 else None


def of_place(ctx: Context, i: int) -> str | None:
    """'King X of Jordan' -> JO (the token at ``i`` is the word after the name)."""
    doc = ctx.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        if j in ctx.token_place:  # a state, or a city or region of one ("Senator X of Ohio")
            return ctx.token_place[j].place.code
        formal = state_form(doc, j, ctx.date)  # "King X of the Hashemite Kingdom of Jordan", split by NER
        return formal[0] if formal else None
    return None


def of_organisation(ctx: Context, i: int) -> str | None:
    """'Secretary-General X of the United Nations' -> "io:United Nations"."""
    from kg.extract.lexicon import io_name

    doc = ctx.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        for k in range(min(len(doc), j + 6), j, -1):
            name = io_name(doc[j:k].text)
            if name:
                return "io:" + name
    return None


def _party_tag(ctx: Context, end: int) -> str | None:
    """"Sen. X, D-Mass., said", "Rep. Y (R-Texas)": a party initial and a home-state abbreviation
    after the name (lexicon ``party_tag_states``)."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].text not in (",", "("):
        return None
    after = doc.text[doc[end].idx + 1:doc[end].idx + 24]
    match = _PARTY_TAG.match(after)
    return lexicon().table("party_tag_states").get(match.group(1)) if match else None


_PARTY_TAG = re.compile(r"\s*([A-Z])\s?-\s?[A-Z][A-Za-z.]{1,14}[,).]")


def _possessive_place(ctx: Context, start: int) -> str | None:
    """"Peru's Ana Ruiz" -> PE."""
    doc = ctx.doc
    if start >= 2 and doc[start - 1].text in ("'s", "’s") and (start - 2) in ctx.token_place:
        place = ctx.token_place[start - 2].place
        return place.code if place.kind == "country" else None
    return None


def _beside_name(title, entity) -> bool:
    """The title stands next to one of the person's names ("its prime minister, X"), not alone as
    a reference resolved to them."""
    return any(0 <= m.start - title.end <= 2 or 0 <= title.start - m.end <= 2 for m in entity.mentions)


def _country_noun_owner(ctx: Context, start: int) -> str | None:
    """"Thailand's army said ... The country's prime minister, X, said": "the country's" (lexicon
    ``country_nouns``) before a title is the state named last before it; "its" the state its clause
    is about."""
    doc = ctx.doc
    j = start - 1
    while j >= 0 and doc[j].is_lower and doc[j].tag_ == "JJ":
        j -= 1  # "the nation's new prime minister"
    if j >= 2 and doc[j].text in ("'s", "’s") and doc[j - 2].lower_ == "the" \
            and doc[j - 1].lower_ in lexicon().words("country_nouns"):
        mention = ctx.last_country(doc[j - 1])
        return mention.place.code if mention is not None else None
    if j >= 0 and doc[j].lower_ == "its" and (verb := governing_verb(doc[j])) is not None:
        # "Peru was represented by its prime minister, X": "its" is the state that is the subject
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            place = ctx.token_place.get(subject.i)
            if place is not None and place.place.kind == "country":
                return place.place.code
    return None


def _demonym_described(ctx: Context, start: int) -> str | None:
    """"Liberian legend Amos Kollie", "the Kenyan runner Ann Kip": a demonym on the common nouns
    that describe the person right before the name."""
    doc = ctx.doc
    k = start - 1
    nouns = 0
    while k >= 0 and nouns < 2 and doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[k].head.i >= start:
        k -= 1
        nouns += 1
    if nouns and k >= 0 and k in ctx.token_place and geo.is_demonym(doc[k].text) and doc[k].head.i > k:
        place = ctx.token_place[k].place
        return place.code if place.kind == "country" else None
    return None


def _group_members(ctx: Context) -> dict[str, str]:
    """'The Peruvian side will be headed by X', 'the Chilean delegation will include Y', 'a Peruvian
    team led by Z', 'a delegation from Peru, headed by X': persons who lead or make up a group of a named state belong to that state."""
    lex = lexicon()
    verbs = lex.words("lead_verbs") | lex.words("include_verbs")
    heads = lex.words("group_heads") | lex.words("side_nouns")
    out: dict[str, str] = {}
    for verb in tokens_with(ctx.doc, verbs):
        if verb.lemma_.lower() not in verbs or verb.pos_ not in ("VERB", "AUX"):
            continue
        owner = verb.head
        if owner.dep_ == "pobj" and owner.head.lower_ in ("from", "of") and owner.head.head.lemma_.lower() in heads \
                and owner.lemma_.lower() not in heads:
            owner = owner.head.head  # "a delegation from Y, headed by X": the parse hangs it on Y
        if verb.dep_ == "acl" and owner.lemma_.lower() in heads and verb.lemma_.lower() in lex.words("lead_verbs"):
            group, members = owner, [o for p in verb.children if p.dep_ == "agent" for o in p.children]
        elif verb.dep_ in ("prep", "acl") and owner.lemma_.lower() in heads:
            # "a Vietnamese delegation, including Deputy Prime Minister X and ...", "a delegation from Peru, including X"
            group, members = owner, [c for c in verb.children if c.dep_ in ("pobj", "dobj")]
        else:
            group = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if group is not None and group.tag_ == "WDT" and verb.dep_ == "relcl":
                group = verb.head  # "the Chinese team, which includes X"
            members = [o for p in verb.children if p.dep_ == "agent" for o in p.children]
            members += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            led = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in heads), None)
            if verb.lemma_.lower() in lex.words("lead_verbs") and led is not None and group is not None:
                group, members = led, [group]  # "X will lead Mexico's delegation"
        if group is None or group.lemma_.lower() not in heads:
            continue
        states = {ctx.token_place[c.i].place.code for c in group.children
                  if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in ctx.token_place}
        states |= {ctx.token_place[o.i].place.code for c in group.children  # "a delegation from Y"
                   if c.dep_ == "prep" and c.lower_ in ("from", "of") for o in c.children
                   if o.dep_ == "pobj" and o.i in ctx.token_place and ctx.token_place[o.i].place.kind == "country"}
        if len(states) != 1:
            continue
        code = states.pop()
        for member in members + [c for m in members for c in m.conjuncts]:
            for actor in ctx.actors_of(member, persons_only=True):
                out.setdefault(actor.key, code)
    return out
