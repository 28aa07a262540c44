"""The checks constructions name (``"post"``): each takes a :class:`Found` and returns the facts to
keep (none, the same, a narrowed or a split one). Operations on English grammar and on the article's
entities: travelers who are abroad or not at home, the two sides of a meeting, one gathering of many,
remote contacts that are no meeting.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg import geo
from kg.nlp import DASHES
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon
from kg.extract.status import calls_off
from kg.extract.syntax import Found

Post = Callable[[Context, Found], list[Found]]


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


def _not_a_body(ctx: Context, found: Found) -> list[Found]:
    """'the chief of the UN peacekeeping mission in Mali', 'a member of the EU Monitoring Mission in
    Georgia': a mission that is a standing body (an office's, or a name NER read as an organisation),
    nobody's trip; 'a mission to Y' stays one."""
    trigger = found.trigger
    if trigger.lemma_.lower() not in lexicon().words("led_group_nouns") \
            or any(c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children):
        return [found]  # (a visit, a trip: no body's name)
    office = trigger.head.head
    held = trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and (
        office.i in ctx.token_title or office.lemma_.lower() in lexicon().words("title_heads") | {"head"})
    named = trigger.ent_type_ == "ORG" and trigger.text[:1].isupper() and trigger.i != trigger.sent.start \
        and trigger.idx >= ctx.body_start
    return [] if held or named else [found]


def _not_called_off(ctx: Context, found: Found) -> list[Found]:
    """A presence the clause calls off is not known ("cancelled a meeting with X in Laos": the
    meeting is off; whether X is in Laos, the text does not say)."""
    from kg.extract.status import OFF, found_status

    return [] if found_status(found) in OFF else [found]


def _abroad(ctx: Context, found: Found) -> list[Found]:
    """The traveler's own state is known and is not the destination ('X is in Lima'), and the
    traveler is not posted there ('the Peruvian ambassador to Chile X in Santiago' is at work)."""
    dests = found.roles.get("destination", [])
    travelers = [t for t in found.roles.get("traveler", [])
                 if t.country and any(d.country != t.country and d.country not in posted_to(ctx, t.key)
                                      for d in dests)]
    if found.trigger.lemma_.lower() in lexicon().words("host_verbs"):
        # "X received the Ghanaian High Commissioner, Y": an envoy received is at the post, no visitor
        travelers = [t for t in travelers if not any(resident_envoy(ctx, t.key, d.country) for d in dests)]
    if not travelers:
        return []
    if _travelling_party(ctx, found.trigger):
        # "A and B visited X. This week they sought support in Y": the party that travelled
        # together is still together; its members of unknown state go where it goes
        travelers += [t for t in found.roles["traveler"] if not t.country and t not in travelers]
    found.roles["traveler"] = [t for t in found.roles["traveler"] if t in travelers]
    return [found]


def _travelling_party(ctx: Context, trigger: Token) -> bool:
    """The trigger's subject is 'they' standing for persons who were the subject of a verb of
    travel before ("A and B flew to X. ... They ...")."""
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ != "they":
        return False
    _, head = ctx.previous_group(subj)
    if head is None:
        return False
    lex = lexicon()
    travel = lex.words("visit_verbs") | lex.words("travel_to_verbs") | lex.words("arrive_verbs")
    return head.head.lemma_.lower() in travel and head.head.pos_ == "VERB"


def posted_to(ctx: Context, key: str) -> set[str]:
    """The receiving states of a person's envoy titles ('ambassador to China' -> CN, 'High
    Commissioner in Port Moresby' -> PG)."""
    entity = ctx.entity_by_key.get(key)
    if entity is None:
        return set()
    sending = lexicon().words("sending_state_titles")
    out = set()
    for title in entity.titles:
        if title.phrase not in sending and not any(w in sending for w in title.phrase.split()):
            continue
        words = ctx.doc[title.start:title.end]
        for tok in words:
            if tok.lower_ == "to":
                rest = ctx.doc[tok.i + 1:title.end].text
                rest = rest[4:] if rest.lower().startswith("the ") else rest
                code = geo.country_code(rest, ctx.date, codes=False)
                if code:
                    out.add(code)
        after = title.end
        if after + 1 < len(ctx.doc) and ctx.doc[after].lower_ == "in" and after + 1 in ctx.token_place:
            out.add(ctx.token_place[after + 1].place.code)  # "Australia's High Commissioner in Port Moresby"
    return out


def resident_envoy(ctx: Context, key: str, code: str | None) -> bool:
    """'Y met U.S. Ambassador X in Beijing': an ambassador, consul or charge d'affaires (not a
    travelling envoy) met in a state, and not said to be posted to another, lives there."""
    entity = ctx.entity_by_key.get(key)
    if entity is None:
        return False
    resident = {w for w in lexicon().words("sending_state_titles") if not w.endswith("envoy")}
    if not any(not t.former and not (t.country or "").startswith("io:") and any(r in t.phrase for r in resident)
               for t in entity.titles):  # not the UN High Commissioner for Refugees
        return False
    posted = posted_to(ctx, key)
    if not posted and any(t.lower_ == "to" for title in entity.titles for t in ctx.doc[title.start:title.end]):
        return False  # "ambassador to the United Nations": posted to a body, not to a state
    return not posted or code in posted


def _not_home(ctx: Context, found: Found) -> list[Found]:
    """Going to one's own state is going home, not a visit; an official going to a named city or
    region of it makes a (domestic) trip. Travelers of unknown state are kept, unless they go back
    ("will return to X") or open or host a gathering there (its host, at home)."""
    dests = found.roles.get("destination", [])
    # "returned from the summit in Y": Y is where the trip went, not the way back
    # ("returned to the capital from his home district": back, to the place of the "to" phrase)
    dest_keys = {d.key for d in dests}
    back = going_back(found.trigger) and not any(
        c.dep_ == "prep" and c.lower_ == "from" and any(
            t.i in ctx.token_place and ctx.place_actor(ctx.token_place[t.i].place).key in dest_keys for t in c.subtree)
        for c in found.trigger.children)

    convening = found.trigger.lemma_.lower() in lexicon().words("host_at_home_verbs")  # not "chaired a meeting in Y"

    def abroad_or_official(t: Actor) -> bool:
        if not t.country:  # "X will return to Abuja": home, unless X is known to be from elsewhere;
            return not back and not convening  # "X opened a conference in London": its host, at home
        if any(d.country != t.country for d in dests):
            return True
        if back:
            return False
        entity = ctx.entity_by_key.get(t.key)
        # a city or region of their own state, but not its capital, where its officials are at home
        places = [d for d in dests if d.kind != "country"]
        return bool(places) and entity is not None and bool(entity.titles) and not any(
            d.kind == "city" and geo.is_capital(d.geonames_id) for d in places)

    travelers = [t for t in found.roles.get("traveler", []) if abroad_or_official(t)]
    if not travelers:
        return []
    found.roles["traveler"] = travelers
    return [found]


def going_back(trigger: Token) -> bool:
    """'return to', 'fly back to', 'head home': a trip back where one came from."""
    words = lexicon().words("return_words")
    return trigger.lemma_.lower() in words or any(
        c.dep_ in ("prt", "advmod") and c.lower_ in words for c in trigger.children)


def _not_remote(ctx: Context, found: Found) -> list[Found]:
    """A phone call, a letter or a video link is no face-to-face meeting."""
    remote = lexicon().words("remote_words")
    trigger = found.trigger
    # not what a verb joined to it says ("is due to meet A and to call on B", "met A and phoned B")
    joined = {t.i for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
    near = [t for t in [*trigger.subtree, *trigger.head.children, trigger.head] if t.i not in joined]
    handed, in_person = lexicon().words("hand_over_verbs"), lexicon().words("in_person_call_words")
    # "called off a meeting with Y" is no call; "a meeting with Y, to whom he delivered a letter": in person;
    # "received a courtesy call from A and met B": a call paid in person
    if any((t.lower_ in remote or t.lemma_.lower() in remote) and not calls_off(t) and not _calls_on(t)
           and not _called_to(t) and not (t.dep_ == "dobj" and t.head.lemma_.lower() in handed)
           and not any(c.dep_ in ("amod", "compound") and c.lower_ in in_person for c in t.children) for t in near):
        return []
    return [found]


def _called_to(token: Token) -> bool:
    """'X was called to the ministry and met Y', 'called in to the foreign office': summoned there, in
    person (a place to go to, not "called to congratulate him")."""
    return token.pos_ == "VERB" and token.lemma_.lower() == "call" and any(
        c.dep_ == "prep" and c.lower_ in ("to", "into") and any(o.dep_ == "pobj" for o in c.children)
        for c in token.children)


def _calls_on(token: Token) -> bool:
    """'will call on the president and meet with Y': a formal visit, no telephone call."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "VERB" and after is not None and after.lower_ == "on" and after.head.i == token.i  # not "called Y on Tuesday"


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
    if trigger.lemma_.lower() in multi | lex.words("together_verbs") | lex.words("social_nouns") \
            or any(c.lower_ in lex.words("joint_words") for c in trigger.children) \
            or any(g.lower_ in lex.words("joint_words") for c in trigger.children if c.dep_ in ("poss", "compound")
                   for g in c.children):  # ("had dinner with A and B": one table; "a trilateral ministers' meeting")
        return True  # "X hosted the talks. He was joined by A, B and C": all at one table
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in ("host", "co-host") and not any(
            c.lower_ in lex.words("separate_words") for c in trigger.subtree):
        return True  # "X hosted his Azerbaijani and Turkish counterparts, A and B": one table (not "separately")
    # the phrase on the verb, or on its object ("hosted A, B and C at the summit", parsed on A)
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("to", "for", "at") and
               any(o.dep_ == "pobj" and (o.lemma_.lower() in multi or any(x.lemma_.lower() in multi for x in o.children))
                   for o in c.children)
               for h in heads for c in h.children)


def _sides(ctx: Context, found: Found) -> list[Found]:
    """A meeting between two sides: someone who meets (subject, possessor) and someone met (object,
    'with' phrase), or both listed by 'between A and B'. 'Groups eager to meet with A and B' gives
    nothing: A and B are not said to meet each other."""
    hosts, guests = found.roles.get("host", []), found.roles.get("guest", [])
    between = found.roles.get("between", [])
    if len([a for a in between if a.kind == "person"]) >= 2:
        return _meeting(found, [], between)  # "X said talks between A and B went well": A and B meet
    if between:
        return _meeting(found, hosts, between)
    if hosts and guests:
        pairs = _meeting(found, hosts, guests)
        hedged = _hedged(ctx, found.trigger)
        for pair in pairs:
            if hedged & {a.key for a in pair.roles["participant"]}:
                pair.status = "considered"  # "set to meet A and possibly B": B only may be met
        return pairs
    return []


def _hedged(ctx: Context, trigger: Token) -> set[str]:
    """Persons the trigger's phrase adds with a hedge ("A and possibly B", "perhaps B too")."""
    hedges = lexicon().words("hedge_adverbs")
    return {key for t in trigger.subtree if t.dep_ == "conj"
            and any(c.dep_ == "advmod" and c.lower_ in hedges and c.i < t.i for c in t.subtree)
            and (key := ctx.person_at(t))}


def _sides_or_together(ctx: Context, found: Found) -> list[Found]:
    """As ``sides``, or two or more persons who meet together ('A and B met', 'A, B and C gathered
    in Cairo', 'A and B held talks')."""
    convenors = found.roles.get("convenor", [])
    if convenors:  # "A and B met at talks hosted by C and D", "a meeting between A and B hosted by C": all at one table
        between = found.roles.get("between", [])
        sides = between if len([a for a in between if a.kind == "person"]) >= 2 \
            else [*found.roles.get("host", []), *found.roles.get("guest", [])]
        return _meeting(found, [], [*sides, *convenors])
    kept = _sides(ctx, found)
    if kept:
        return kept
    hosts = [a for a in found.roles.get("host", []) if a.kind == "person"]
    if len(hosts) >= 2 and not found.roles.get("guest") and _together(found.trigger):
        return _meeting(found, hosts, [])
    return []


def _real_object(verb: Token, obj: Token) -> bool:
    """Is ``obj`` someone or something the verb acts on? Not "hands" ("A and B shook hands"), not a
    meeting noun ("A and B met ... their first encounter") and not a phrase after a dash, which
    sums up the clause ("A and B met for an hour - their first talks since May")."""
    if obj.lemma_.lower() == "hand" or obj.lemma_.lower() in lexicon().words("meeting_nouns"):
        return False
    return not any(t.dep_ == "punct" and t.text in DASHES for t in verb.doc[verb.i + 1:obj.left_edge.i])


def _all_together(ctx: Context, found: Found) -> list[Found]:
    """Two or more persons who take part in one gathering together meet there."""
    hosts = [a for a in found.roles.get("host", []) if a.kind == "person"]
    return _meeting(found, hosts, []) if len(hosts) >= 2 else []


def _together(trigger: Token) -> bool:
    """A verb with no object, or a meeting noun held by the subject ('A and B held talks')."""
    if trigger.pos_ == "VERB" or trigger.dep_ == "advcl":  # "Meeting in Lima, A and B said"
        if trigger.lemma_.lower() in lexicon().words("sign_verbs"):
            return True  # "A and B signed the agreement": they signed it together
        # "A and B met": together; "A and B talked to officials": with the officials, not each other
        return not any((c.dep_ == "dobj" and _real_object(trigger, c)) or (c.dep_ == "prep" and c.lower_ in ("with", "to"))
                       for c in trigger.children)
    held = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in (
            lexicon().words("time_units") | {"round"}):
        held = trigger.head.head  # "A and B held two days / a second round of talks"
    if any(c.dep_ == "prep" and c.lower_ == "with" and not any(o.lower_ in ("other", "another") for o in c.subtree)
           for t in (trigger, held, held.head if held.dep_ == "dobj" else held) for c in t.children):
        # "A and B held talks with officials", "held two rounds of talks with officials", "... to open
        return False  # negotiations with Y": with others (not "with each other", "with one another")
    if held.dep_ in ("dobj", "attr") and held.head.lemma_.lower() in lexicon().words("hold_verbs"):
        return True
    if any(c.dep_ == "amod" and c.lower_ in lexicon().words("joint_words") for c in trigger.children):
        return True  # "A and B told a joint news conference": they stood side by side
    noun = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "on") \
            and noun.head.head.lemma_.lower() in ("agree", "decide", "consent"):
        return True  # "A and B agreed to a (round of) meeting(s) in Lima": theirs, together
    # "A and B agreed ... during talks in Beijing": the talks they were both at
    return trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "after", "following")


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


def _officials(ctx: Context, found: Found) -> list[Found]:
    """Every person of the fact holds an office the article names: "spent ten hours with Y" tells of
    talks between officials, not of a father's night with his son."""
    people = [a for role in ("host", "guest", "participant", "traveler") for a in found.roles.get(role, [])
              if a.kind == "person"]
    if all((entity := ctx.entity_by_key.get(a.key)) is not None and entity.titles for a in people):
        return [found]
    return []


def _not_ahead_of(ctx: Context, found: Found) -> list[Found]:
    """"talks aimed at a statement before the COP28 conference in Dubai", "ahead of the summit in Y": a
    gathering named as a time to come is nobody's place (but "before their talks in Moscow": theirs)."""
    trigger = found.trigger
    bound = trigger.head if trigger.dep_ == "pobj" else None
    if bound is not None and bound.lower_ == "of" and bound.head.lower_ == "ahead":
        bound = bound.head
    if bound is not None and bound.lower_ in ("before", "ahead", "until", "till") \
            and not any(c.dep_ == "poss" for c in trigger.children):
        return []
    return [found]


POSTS: dict[str, Post] = {
    "officials": _officials,
    "not_ahead_of": _not_ahead_of,
    "not_a_person_visited": _not_a_person_visited,
    "named_persons": _named_persons,
    "persons_travel": _persons_travel,
    "not_a_body": _not_a_body,
    "abroad": _abroad,
    "not_called_off": _not_called_off,
    "not_home": _not_home,
    "not_remote": _not_remote,
    "sides": _sides,
    "sides_or_together": _sides_or_together,
    "together": _all_together,
}
