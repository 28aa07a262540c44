"""The language operations constructions name: role finders (``"find"``) and checks (``"post"``).

A finder takes the trigger token and returns the tokens (or ready actors) that fill a role; the
construction's ``take`` then resolves tokens to persons, actors or places. A post check takes a
:class:`Found` and returns the facts to keep (none, the same, a narrowed or a split one). These are
operations on English grammar and on the article's entities, never on particular words of an
article: which words trigger what is in ``lexicons/constructions.jsonl`` and ``language.json``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.context import Actor, Context, conjuncts
from kg.extract.lexicon import lexicon
from kg.extract.syntax import Found, governing_verb, prep_objects, reported_by, subject_of

Finder = Callable[[Context, Token, dict], list]  # (context, trigger, roles filled so far) -> fillers
Post = Callable[[Context, Found], list[Found]]


# -- finders ---------------------------------------------------------------------------------
def _subject(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The subject of the trigger's clause; for a group ("a delegation", "the officials") the
    persons who lead it or whom the sentence lists as its members."""
    subj = subject_of(trigger)
    if subj is None:
        return []
    if ctx.actors_of(subj, persons_only=True):
        # "A and B signed" parsed as two subjects of one verb: both
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            return [subj]
        return [c for c in subj.head.children if c.dep_ == subj.dep_ and ctx.actors_of(c, persons_only=True)]
    return _led_by(ctx, subj) or _members(ctx, subj) or [subj]


def _members(ctx: Context, group: Token) -> list[Token]:
    """'the list of officials who might visit X will include A, B and C' -> A, B, C: persons in
    the object of a verb of inclusion whose subject contains the group."""
    include = lexicon().words("include_verbs")
    for token in group.sent:
        if token.lemma_.lower() not in include or token.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or group.i not in {t.i for t in subj.subtree}:
            continue
        out = [t for obj in token.children if obj.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "npadvmod")
               for t in obj.subtree if ctx.person_at(t) and (t.i + 1 >= len(t.doc) or ctx.person_at(t.doc[t.i + 1]) != ctx.person_at(t))]
        if out:
            return out
    return []


def _led_by(ctx: Context, group: Token) -> list[Token]:
    """'the delegation, led by X' / 'a delegation headed by X': the leader is the one named."""
    if ctx.person_at(group):
        return []
    lead = lexicon().words("lead_verbs")
    for child in group.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lead:
            objs = prep_objects(child, {"by"})
            if objs:
                return objs
    return []


def _clause_subject(ctx: Context, trigger: Token, roles: dict | None = None, depth: int = 0) -> list:
    """The subject of the verb a noun depends on ("X paid a visit to Y", "X held talks"), unless
    that verb only reports the noun's clause ("X said the visit ..."). When that subject is itself
    an event ("X arrived for a visit that includes talks with Y"), the one who makes that event."""
    verb = governing_verb(trigger)
    if verb is None:
        return []
    if verb.lemma_.lower() in lexicon().words("speech_verbs") and reported_by(trigger, verb):
        return []
    found = _subject(ctx, verb)
    if depth < 2 and found and not ctx.actors_of(found[0]) and found[0].pos_ == "NOUN" \
            and found[0].lemma_.lower() in lexicon().words("travel_nouns") | lexicon().words("meeting_nouns"):
        return _possessor(ctx, found[0]) or _clause_subject(ctx, found[0], None, depth + 1)
    return found


def _possessor(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'his visit', "X's trip", 'the Vega visit' (a person as compound)."""
    return [c for c in trigger.children if c.dep_ == "poss" or (c.dep_ == "compound" and ctx.person_at(c))]


def _np_owner(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X, on the first day of an official visit to Y, said': a noun inside prepositional
    modifiers of a person's name belongs to that person."""
    token = trigger
    for _ in range(8):
        if token.dep_ not in ("pobj", "prep") or token.head.i == token.i:
            break
        token = token.head
        if ctx.person_at(token):
            return [token]
    return []


def _head_noun(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The noun a participle modifies: 'the visiting minister', 'officials attending'."""
    if trigger.dep_ not in ("amod", "acl", "compound"):
        return []
    head = trigger.head
    while head.dep_ == "compound" and head.head.i != head.i:  # "visiting Finance Minister Ana Ruiz"
        head = head.head
    return [head]


def _host_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """The state of the one who receives: 'X received Y' -> X's country (Y goes there)."""
    subj = subject_of(trigger)
    if subj is None or any(c.dep_ == "auxpass" for c in trigger.children):
        objs = prep_objects(trigger, {"by"})
        subj = objs[0] if objs else None
    if subj is None:
        return []
    for actor in ctx.actors_of(subj):
        if actor.country:
            return [ctx.country_actor(actor.country)]
    return []


def _clause_place(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """Where the clause of the trigger happens: 'in/at X' on its verb, on the trigger, or hung
    by the parser on the one met ('met X in Paris', 'talks with X in Paris')."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    out = []
    for token in (trigger, verb):
        if token is None:
            continue
        out += prep_objects(token, {"in", "at"})
        for obj in [c for c in token.children if c.dep_ == "dobj"] + prep_objects(token, {"with"}):
            if ctx.person_at(obj) or obj.i in ctx.token_title:
                out += prep_objects(obj, {"in", "at"})
    return out


def _object_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X visited Y' (a person): Y's state, where X went."""
    out = []
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        for actor in ctx.actors_of(obj, persons_only=True):
            if actor.country:
                out.append(ctx.country_actor(actor.country))
    return out[:1]


def _counterpart_country(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'met visiting minister X': X came to the state of the one who met them."""
    verb = governing_verb(trigger)
    if verb is None:
        return []
    subj = subject_of(verb)
    if subj is None:
        return []
    return [ctx.country_actor(a.country) for a in ctx.actors_of(subj, persons_only=True) if a.country][:1]


def _met_state(ctx: Context, trigger: Token, roles: dict | None = None) -> list:
    """'X met Y ... on the first day of X's visit': a visit with no place named goes to the state of
    the one the traveler meets in the same sentence (one state, not the traveler's own)."""
    travelers = (roles or {}).get("traveler", [])
    if not travelers:
        return []
    lex = lexicon()
    meets = lex.words("meet_verbs") | lex.words("host_verbs") | lex.words("meeting_nouns")
    sent = trigger.sent
    if not any(t.lemma_.lower() in meets for t in sent):
        return []
    own = {t.country for t in travelers}
    states = {ctx.person_actor(m.key).country for m in ctx.persons
              if sent.start <= m.start < sent.end and m.key not in {t.key for t in travelers}}
    states -= own | {None}
    return [ctx.country_actor(states.pop())] if len(states) == 1 and None not in own else []


FINDERS: dict[str, Finder] = {
    "met_state": _met_state,
    "subject": _subject,
    "clause_subject": _clause_subject,
    "possessor": _possessor,
    "np_owner": _np_owner,
    "head_noun": _head_noun,
    "host_country": _host_country,
    "clause_place": _clause_place,
    "counterpart_country": _counterpart_country,
    "object_country": _object_country,
}


# -- checks ------------------------------------------------------------------------------------
def _named_persons(ctx: Context, found: Found) -> list[Found]:
    """Participants must be persons the article names as persons: a full name, or a name it
    gives a title ("will visit Auschwitz": a one-word name with no title is likely no person)."""
    def named(actor: Actor) -> bool:
        entity = ctx.entity_by_key.get(actor.key)
        return entity is not None and (len(entity.name.split()) > 1 or bool(entity.titles))

    kept = {role: [a for a in actors if a.kind != "person" or named(a)] for role, actors in found.roles.items()}
    return [Found(found.kind, found.trigger, kept, found.rule, found.status)]


def _not_a_person_visited(ctx: Context, found: Found) -> list[Found]:
    """'X visited Y' where Y is a person is a meeting, not a trip to a place."""
    if any(ctx.person_at(c) for c in found.trigger.children if c.dep_ == "dobj"):
        return []
    return [found]


def _persons_travel(ctx: Context, found: Found) -> list[Found]:
    """Only persons travel here (a whole state or an unnamed group does not, by the guidelines),
    but a group led by or listing persons was resolved to them before."""
    travelers = [a for a in found.roles.get("traveler", []) if a.kind in ("person", "group")]
    if not travelers:
        return []
    found.roles["traveler"] = travelers
    return [found]


def _abroad(ctx: Context, found: Found) -> list[Found]:
    """The traveler's own state is known and is not the destination ('X is in Lima')."""
    dests = found.roles.get("destination", [])
    travelers = [t for t in found.roles.get("traveler", [])
                 if t.country and any(d.country != t.country for d in dests)]
    if not travelers:
        return []
    found.roles["traveler"] = travelers
    return [found]


def _not_home(ctx: Context, found: Found) -> list[Found]:
    """Going to one's own state is going home, not a visit; an official going to a named city or
    region of it makes a (domestic) trip. Travelers of unknown state are kept."""
    dests = found.roles.get("destination", [])

    def abroad_or_official(t: Actor) -> bool:
        if not t.country or any(d.country != t.country for d in dests):
            return True
        entity = ctx.entity_by_key.get(t.key)
        return any(d.kind != "country" for d in dests) and entity is not None and bool(entity.titles)

    travelers = [t for t in found.roles.get("traveler", []) if abroad_or_official(t)]
    if not travelers:
        return []
    found.roles["traveler"] = travelers
    return [found]


def _not_remote(ctx: Context, found: Found) -> list[Found]:
    """A phone call, a letter or a video link is no face-to-face meeting."""
    remote = lexicon().words("remote_words")
    trigger = found.trigger
    near = list(trigger.subtree) + list(trigger.head.children) + [trigger.head]
    if any(t.lower_ in remote or t.lemma_.lower() in remote for t in near):
        return []
    return [found]


def _meeting(found: Found, hosts: list[Actor], guests: list[Actor]) -> list[Found]:
    people = _unique([a for a in hosts + guests if a.kind == "person"])
    if len(people) < 2:
        return []
    place = {"place": found.roles["place"][:1]} if found.roles.get("place") else {}
    if hosts and len(guests) >= 2 and not _one_gathering(found.trigger):
        # "talks with A, B and C", "meetings with A and B": the subject met each of them; that A and
        # B met each other is not said
        return [Found(found.kind, found.trigger, {"participant": _unique([*hosts, g]), **place}, found.rule, found.status)
                for g in guests if g.key not in {h.key for h in hosts}]
    separate = found.trigger.tag_ == "NNS" and found.trigger.lemma_.lower() == "meeting" or any(
        c.lower_ in lexicon().words("separate_words") for c in found.trigger.children)
    if separate and hosts and guests:
        return [Found(found.kind, found.trigger, {"participant": [hosts[0], g], **place}, found.rule, found.status)
                for g in guests if g.key != hosts[0].key]
    return [Found(found.kind, found.trigger, {"participant": people, **place}, found.rule, found.status)]


def _one_gathering(trigger: Token) -> bool:
    """'a summit with A and B', 'welcomed A and B to a summit': one gathering of all of them."""
    lex = lexicon()
    multi = lex.words("multilateral_nouns")
    if trigger.lemma_.lower() in multi or any(c.lower_ in lex.words("joint_words") for c in trigger.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("to", "for", "at") and
               any(o.dep_ == "pobj" and (o.lemma_.lower() in multi or any(x.lemma_.lower() in multi for x in o.children))
                   for o in c.children)
               for c in trigger.children)


def _sides(ctx: Context, found: Found) -> list[Found]:
    """A meeting between two sides: someone who meets (subject, possessor) and someone met (object,
    'with' phrase), or both listed by 'between A and B'. 'Groups eager to meet with A and B' gives
    nothing: A and B are not said to meet each other."""
    hosts, guests = found.roles.get("host", []), found.roles.get("guest", [])
    between = found.roles.get("between", [])
    if between:
        return _meeting(found, hosts, between)
    if hosts and guests:
        return _meeting(found, hosts, guests)
    return []


def _sides_or_together(ctx: Context, found: Found) -> list[Found]:
    """As ``sides``, or two or more persons who meet together ('A and B met', 'A, B and C gathered
    in Cairo', 'A and B held talks')."""
    kept = _sides(ctx, found)
    if kept:
        return kept
    hosts = [a for a in found.roles.get("host", []) if a.kind == "person"]
    if len(hosts) >= 2 and not found.roles.get("guest") and _together(found.trigger):
        return _meeting(found, hosts, [])
    return []


def _all_together(ctx: Context, found: Found) -> list[Found]:
    """Two or more persons who take part in one gathering together meet there."""
    hosts = [a for a in found.roles.get("host", []) if a.kind == "person"]
    return _meeting(found, hosts, []) if len(hosts) >= 2 else []


def _together(trigger: Token) -> bool:
    """A verb with no object, or a meeting noun held by the subject ('A and B held talks')."""
    if trigger.pos_ == "VERB":
        if trigger.lemma_.lower() in lexicon().words("sign_verbs"):
            return True  # "A and B signed the agreement": they signed it together
        # "A and B met": together; "A and B talked to officials": with the officials, not each other
        return not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "to")) for c in trigger.children)
    if trigger.dep_ in ("dobj", "attr") and trigger.head.lemma_.lower() in lexicon().words("hold_verbs"):
        return True
    # "A and B agreed ... during talks in Beijing": the talks they were both at
    return trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "after", "following")


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


POSTS: dict[str, Post] = {
    "not_a_person_visited": _not_a_person_visited,
    "named_persons": _named_persons,
    "persons_travel": _persons_travel,
    "abroad": _abroad,
    "not_home": _not_home,
    "not_remote": _not_remote,
    "sides": _sides,
    "sides_or_together": _sides_or_together,
    "together": _all_together,
}


# -- resolving fillers ---------------------------------------------------------------------------
def take(ctx: Context, how: str, fillers: list) -> list[Actor]:
    """Tokens (or actors) -> actors of the kind a role takes."""
    out: dict[str, Actor] = {}
    for filler in fillers:
        if isinstance(filler, Actor):
            found = [filler]
        elif how == "places":
            found = ctx.places_of(filler)
        else:
            found = ctx.actors_of(filler, persons_only=how == "persons")
        for actor in found:
            out.setdefault(actor.key, actor)
    return list(out.values())


def conjoined_fillers(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.extend(conjuncts(t))
    return out
