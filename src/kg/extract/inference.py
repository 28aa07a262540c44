"""Facts that follow from other facts of the same article.

- a meeting held in a named place: participants of another state travel there;
- 'X joined the talks': X takes part in the last meeting reported before;
- 'X will accompany Y' / 'Y, accompanied by X': X makes Y's trips too;
- in a sports story, trips and meetings count only for office holders (an away game is no diplomacy);
- a journalist talking with someone is an interview, not a meeting.
"""

from __future__ import annotations

import calendar
from datetime import date as Date

from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kg.extract import gatherings
from kg.extract.checks import posted_to, resident_envoy
from kg.extract.context import Context, definite, demonym_states, lead_sentences
from kg.extract.lexicon import lexicon
from kg.extract.roles import venue_phrases
from kg.extract.status import OFF, found_status, plan_told_past, status_of
from kg.extract.syntax import LEG_OF_TOUR, TRIP_MADE_TOO, Found, evidence_of, governing_verb, prep_objects, subject_of, takes_part, tokens_with
from kg.model import Event
from kg.text import fold


def meetings_abroad(ctx: Context, found: list[Found]) -> list[Found]:
    """A meeting held in a named place: participants from another country travel there."""
    out = []
    lead = lead_sentences(ctx) if ctx.dateline is not None else set()
    for meeting in found:
        if meeting.kind != "meeting" or meeting.rule == gatherings.ROSTER:
            continue  # a gathering's attendees: each one's trip is told where their attendance is
        places = meeting.roles.get("place", [])[:1]
        people = meeting.roles.get("participant", [])
        status = found_status(meeting)
        if not places and ctx.dateline is not None and meeting.trigger.sent.start in lead \
                and not _elsewhere(ctx, meeting.trigger.sent) and not _gathering_told_elsewhere(ctx, meeting.trigger.sent) \
                and status == "occurred":
            # "NEW DELHI - Saudi Crown Prince X held talks with Prime Minister Y": the lead's meeting,
            # of one foreign visitor and someone the wire names without a state (its own) or of the
            # dateline's state, is at the dateline
            foreign = [p for p in people if p.country and p.country != ctx.dateline.place.code
                       and not resident_envoy(ctx, p.key, ctx.dateline.place.code)]
            if meeting.rule.startswith("summons."):
                foreign = []  # "NAIROBI - X summoned the Ugandan High Commissioner Y": an envoy at post
            if len(foreign) == 1 and len(people) == 2 and all(p.country in (None, ctx.dateline.place.code)
                                                              for p in people if p not in foreign) \
                    and not _gone_abroad(ctx, found, meeting, [p for p in people if p not in foreign]):
                out.append(Found("visit", meeting.trigger, {"traveler": foreign, "destination": [ctx.place_actor(ctx.dateline.place)]},
                                 meeting.rule + "+dateline", meeting.status, date_from=meeting.date_from))
        if status in OFF:
            continue  # "cancelled a planned meeting with Y in Laos": the meeting is off, not the trip
        for place in places:
            travelers = [p for p in people if p.country and p.country != place.country
                         and not resident_envoy(ctx, p.key, place.country)]
            if travelers:
                out.append(Found("visit", meeting.trigger, {"traveler": travelers, "destination": [place]},
                                 meeting.rule + "+abroad", meeting.status, date_from=meeting.date_from))
    return out


def hosts_away(ctx: Context, found: list[Found]) -> list[Found]:
    """'X concluded a state visit to Mongolia ... X also received a courtesy call from the Mongolian prime
    minister': one who receives while on a trip abroad (told in the four sentences before, with the same
    status) may receive there; a caller of that state made no trip to the host's (others keep theirs:
    the host may be back home)."""
    sent_no = ctx.sent_no
    visits = [f for f in found if f.kind == "visit" and f.roles.get("traveler") and f.roles.get("destination")]
    out = []
    for f in found:
        hosts = {a.key for a in f.roles.get("host", []) if a.kind == "person"}
        if f.kind != "visit" or not hosts:
            out.append(f)
            continue
        here, status = sent_no[f.trigger.sent.start], found_status(f)
        home = {d.country for d in f.roles.get("destination", [])}
        if any(p.place.code in home for p in ctx.places if f.trigger.sent.start <= p.start < f.trigger.sent.end):
            out.append(f)  # "she will host her counterpart in London": the place said, not the host's state
            continue
        away = [v for v in visits if v is not f and hosts & {a.key for a in v.roles["traveler"]}
                and 0 <= here - sent_no[v.trigger.sent.start] <= 4 and v.trigger.i < f.trigger.i
                and found_status(v) == status and not {d.country for d in v.roles["destination"]} & home]
        if not away:
            out.append(f)
            continue
        there = {d.country for v in away for d in v.roles["destination"]}
        travelers = [t for t in f.roles["traveler"] if t.country not in there]
        if travelers:
            out.append(replace(f, roles={**f.roles, "traveler": travelers}))
    return out


def _gathering_told_elsewhere(ctx: Context, sent) -> bool:
    """'ASUNCION - X took part in the summit in the Argentine city of Y. ... Z also attended the
    summit': a gathering named again ("the summit") where an earlier sentence put one elsewhere."""
    gatherings = lexicon().words("gathering_nouns")
    if not any(t.lemma_.lower() in gatherings and any(c.lower_ == "the" for c in t.children) for t in sent):
        return False
    code = ctx.dateline.place.code
    for before in (s for s in ctx.doc.sents if s.end <= sent.start):
        # where a gathering of that sentence is held: "took part in a summit ..., in the Argentine city of Y"
        venue = {t.i for noun in before if noun.lemma_.lower() in gatherings
                 for o in venue_phrases(noun) + (prep_objects(noun.head.head, {"in", "at"}) if noun.dep_ == "pobj" else [])
                 for t in o.subtree}
        if any(p.start in venue and p.place.code != code for p in ctx.places):
            return True
    return False


def _gone_abroad(ctx: Context, found: list[Found], meeting: Found, hosts: list) -> bool:
    """"RIGA - X arrived in Vilnius on Monday ... On Tuesday the minister was received by Y": the
    dateline's side of the meeting was reported, before it, to have travelled to another state."""
    keys = {a.key for a in hosts}
    return any(f.kind == "visit" and f.trigger.i < meeting.trigger.i and found_status(f) == "occurred"
               and keys & {a.key for a in f.roles.get("traveler", [])}
               and any(d.country and d.country != ctx.dateline.place.code for d in f.roles.get("destination", []))
               for f in found)


def _elsewhere(ctx: Context, sent) -> bool:
    """The sentence says where, and not at the dateline: "ISLAMABAD - X called on Y in Moscow"; "LIMA -
    X returned from Quito after a visit, during which he and Y signed ..." (lexicon ``return_words``);
    "LIMA - X returned from a visit to Ecuador, during which he met Y"."""
    returns, trips = lexicon().words("return_words"), lexicon().words("travel_nouns")

    def where(head) -> bool:  # "in Y", "returned from Y", "a visit to Y"
        return head.lower_ in ("in", "at") or (head.lower_ == "from" and head.head.lemma_.lower() in returns) \
            or (head.lower_ == "to" and head.head.lemma_.lower() in trips)

    return any(sent.start <= p.start < sent.end and p.place.code != ctx.dateline.place.code
               and where(ctx.doc[p.end - 1].head) for p in ctx.places)


def anaphoric_events(ctx: Context, found: list[Found]) -> list[Found]:
    """'The trip had been planned for February but was postponed', 'the meeting was called off':
    a definite trip or meeting noun that names nobody and nowhere is the last trip (or meeting)
    reported before it, within six sentences ("X's visit ... was delayed": X's last trip). Only what calls it off or puts it off makes a
    report of its own (:func:`kg.extract.events.to_events` drops the rest: "the trip was a
    success" adds nothing)."""
    lex = lexicon()
    nouns = {"visit": lex.words("travel_nouns"), "meeting": lex.words("meeting_nouns")}
    triggers = {f.trigger.i for f in found}
    sent_no = ctx.sent_no
    out = []
    for kind, words in nouns.items():
        earlier = sorted((f for f in found if f.kind == kind), key=lambda f: f.trigger.i)
        for token in tokens_with(ctx.doc, words):
            if token.i in triggers or token.pos_ != "NOUN" or token.tag_ == "NNS":
                continue
            if token.dep_ == "pobj" and (token.head.lower_ in ("from", "off") or (
                    token.head.lower_ == "for" and token.head.head.pos_ == "VERB")):
                # "has been dropped from the itinerary", "a stopover, proposed for the return leg, was
                # dropped": something taken out of the trip, or planned for it, not the trip
                continue
            dets = [c for c in token.children if c.dep_ in ("det", "poss")]
            if kind == "visit" and token.lemma_.lower() in lex.words("leg_nouns") and not any(
                    d.dep_ == "poss" for d in dets) and (leg := _leg_of_the_tour(ctx, token, earlier, sent_no)):
                out.append(leg)  # "A planned stop in Eritrea was dropped": a leg of the tour told before
                continue
            owner = ctx.person_at(dets[0]) if dets and dets[0].dep_ == "poss" and kind == "visit" else None
            if owner is None and dets and dets[0].dep_ == "poss" and kind == "visit" and dets[0].lower_ in ("his", "her"):
                owner = ctx.previous_person(dets[0])  # "Y had called off his trip": Y's trip, not X's told before
            if not dets or (dets[0].lower_ not in ("the", "this", "that", "his", "her", "their") and owner is None):
                continue
            leg = _named_leg(ctx, token, earlier) if kind == "visit" else None
            if leg is not None:  # "X will go on to Ruritania ... The Ruritania stop was later scrapped"
                out.append(leg)
                continue
            if any(c.dep_ in ("prep", "compound", "amod", "nmod") and (c.i in ctx.token_place or ctx.person_at(c))
                   for c in token.children) or any(c.dep_ == "prep" and c.lower_ in ("to", "with", "between", "in")
                                                  for c in token.children):
                continue  # it names its own place or people: a fact of its own
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                continue  # "if the parliament's session ran late": a body's own gathering, not the talks reported
            if kind == "meeting" and token.dep_ == "pobj" and token.head.head.lemma_.lower() in nouns["visit"]:
                continue  # "called off his trip to the summit": the trip is called off, not talks told before
            here = sent_no[token.sent.start]
            before = [f for f in earlier if f.trigger.i < token.i and here - sent_no[f.trigger.sent.start] <= 6
                      and (owner is None or owner in {a.key for a in f.roles.get("traveler", [])})]
            if not before:
                continue
            last = before[-1]
            if kind == "meeting":  # "The summit, hosted by Z, ... She will not attend the summit": that summit
                same = [f for f in before if f.trigger.lemma_ == token.lemma_]
                # (a gathering's own name, "the conference", as far back as the article's start:
                # "on the sidelines of the Bergen Energy Forum")
                start = 0 if _named_gathering(token.lemma_.lower()) else before[0].trigger.sent.start
                named = any(t.lemma_ == token.lemma_ and t.pos_ in ("NOUN", "PROPN") for t in ctx.doc[start:token.i])
                if named and not same:
                    continue  # the gathering named before, which no meeting found so far stands for
                last = same[-1] if same else last
            verb = governing_verb(token)
            subj = subject_of(verb) if verb is not None else None
            joining = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            subjects = {a.key for a in joining}
            if kind == "meeting" and subjects and not subjects & {a.key for a in last.roles.get("participant", [])}:
                continue  # "X pulled out of the meeting": X's own withdrawal, not the meeting called off
                # (also "Peru's Foreign Minister, X, had been expected at the meeting but cancelled")
            roles = {k: list(v) for k, v in last.roles.items()}
            rule = last.rule + "+anaphor"
            others = kind == "visit" and subjects and not subjects & {a.key for a in last.roles.get("traveler", [])}
            if others and verb.lemma_.lower() in ("join", "accompany"):
                roles["traveler"] = joining  # "Y had been expected to join the visit but pulled out": Y's trip
            elif others and token.dep_ == "dobj" and verb.lemma_.lower() in lex.words("trip_make_verbs") \
                    and dets and dets[0].lower_ == "the" and all(a.kind == "person" and a.country for a in joining) \
                    and not {a.country for a in joining} & {d.country for d in last.roles.get("destination", [])}:
                # "A is due in Y next month, and B could make the trip before the end of the year": B's trip there
                roles = {"traveler": joining, "destination": list(last.roles.get("destination", []))}
                rule = TRIP_MADE_TOO
            if owner is not None:  # "X's visit ... was delayed": X's last trip, X's alone
                roles["traveler"] = [a for a in roles["traveler"] if a.key == owner]
            elif kind == "visit" and (planner := _planner(ctx, token)) is not None \
                    and planner.key not in {a.key for a in roles.get("traveler", [])}:
                roles["traveler"] = [planner]  # "X had been expected to co-chair the meeting ..., and the
                # trip was cancelled": X's trip there, not the one told before it
            out.append(Found(kind, token, roles, rule))
    return out


def _planner(ctx: Context, token):
    """The person a plan word before ``token`` in its sentence tells of ("X had been expected to
    attend"): the subject of the plan's clause, when it is one named person."""
    plans = lexicon().words("plan_words")
    for t in token.sent:
        if t.i >= token.i:
            break
        if (t.lower_ in plans or t.lemma_.lower() in plans) and t.pos_ in ("VERB", "ADJ") \
                and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for c in t.children):  # "was expected to attend", not "announced that the trip ..."
            subj = subject_of(t if t.pos_ == "VERB" else t.head)
            people = [a for a in ctx.actors_of(subj, persons_only=True) if a.kind == "person"] if subj is not None else []
            if len(people) == 1:
                return people[0]
    return None


def _leg_of_the_tour(ctx: Context, token, earlier: list[Found], sent_no: dict) -> Found | None:
    """'a planned stop in Eritrea (was dropped)', 'the Kenya leg' naming a place no trip before went to
    and no person (but those it is for: "a stopover in Doha for talks with X", "a stop in La Paz, where
    the tour's traveler was to meet X"): a leg of the last tour
    reported before it (within six sentences), by its travelers; a report of its own when it is
    called off or put off (as every anaphor), or when its own clause plans or weighs it ("a stop in Y
    is under consideration", "the trip will include a stop in Y": a new place, so a new fact), not
    when told otherwise ("a stop in Y had been part of an earlier plan")."""
    purposes = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "with") for t in c.subtree}
    # "a stop in La Paz, where X was to meet Y": a clause of what the leg was for, X one of the tour's travelers
    clauses = [c for t in (token, *prep_objects(token, {"in", "to"})) for c in t.children if c.dep_ == "relcl"]
    purposes |= {t.i for c in clauses for t in c.subtree}
    if any(ctx.person_at(c) for c in token.subtree if c.i not in purposes) or any(
            token.left_edge.i <= t.start and t.end <= token.right_edge.i + 1 and t.start not in purposes
            for t in ctx.titles):
        return None  # "a stopover that the Ivorian president had planned": that person's own
    # ("a stop in the Ecuadorean capital, Quito": the place in apposition)
    places = [ctx.token_place[k.i] for o in prep_objects(token, {"in", "to"})
              for k in (o, *(a for a in o.children if a.dep_ == "appos" and o.i not in ctx.token_place))
              if k.i in ctx.token_place]
    places += [ctx.token_place[c.i] for c in token.children if c.dep_ == "compound" and c.i in ctx.token_place]
    if len(places) != 1:
        return None
    code = places[0].place.code
    here = sent_no[token.sent.start]
    before = [f for f in earlier if f.trigger.i < token.i and f.roles.get("traveler")
              and here - sent_no[f.trigger.sent.start] <= 6]
    if not before or any(d.country == code for f in before for d in f.roles.get("destination", [])):
        return None  # a trip there already told: the named-leg reading's (or that trip's own)
    # "... was dropped from the prime minister's programme": the tour of the one whose programme it was
    owners = {key for t in ctx.titles if token.sent.start <= t.start < token.sent.end and t.end < len(ctx.doc)
              and ctx.doc[t.end].text in ("'s", "’s") and (key := ctx.person_by_title(t))}
    tour = next((f for f in reversed(before) if owners & {a.key for a in f.roles["traveler"]}), before[-1])
    doers: set[str] = set()
    for clause in clauses:
        subj = subject_of(clause)
        if subj is None or subj.i == clause.head.i:
            continue  # "a stop in Y, which was dropped": the clause tells of the place
        people = {a.key for a in ctx.actors_of(subj, persons_only=True)}
        if not people and any(t.start <= subj.i < t.end for t in ctx.titles):
            return None  # "a stopover where the Ivorian president was to meet X": someone's own, unnamed
            # (not "a stop in Y, which officials had proposed": the tour's)
        doers |= people
    if doers - {a.key for a in tour.roles["traveler"]}:
        return None  # "a stopover where President Y was to meet X": that person's own
    plans = lexicon().words("plan_for_verbs")
    # (no date of its own, the tour's; "a stop in Y that had been pencilled in for Friday": the date it was
    # planned for, not "a stop in Y, which officials announced on Monday")
    own = next((c for c in clauses if c.lemma_.lower() in plans and any(t.ent_type_ == "DATE" for t in c.subtree)), None)
    return Found("visit", token, {"traveler": list(tour.roles["traveler"]),
                                  "destination": [ctx.place_actor(places[0].place)]}, LEG_OF_TOUR,
                 date_from=own or tour.trigger)


def _named_leg(ctx: Context, token, earlier: list[Found]) -> Found | None:
    """'the Jordan stop', 'the Paris leg': a definite trip noun naming only a state or city (no
    person) is the last trip reported before it that goes there, that traveler's trip there."""
    if any(ctx.person_at(c) for c in token.children):
        return None
    places = [ctx.token_place[c.i] for c in token.children if c.dep_ == "compound" and c.i in ctx.token_place]
    if len(places) != 1:
        return None
    code = places[0].place.code  # the country a place is in, or is
    for f in reversed([f for f in earlier if f.trigger.i < token.i]):
        dests = [d for d in f.roles.get("destination", []) if d.country == code]
        if dests and f.roles.get("traveler"):
            return Found("visit", token, {"traveler": list(f.roles["traveler"]), "destination": dests[:1]},
                         f.rule + "+anaphor")
    return None


def joiners(ctx: Context, found: list[Found]) -> list[Found]:
    """'The Italian minister, X, joined the talks as an observer', "Y also attended the meeting":
    the subject of ``join`` or ``attend`` whose object is a definite meeting noun naming nobody
    ("the talks", "the meeting") takes part in the last meeting reported before it, within three
    sentences, at its place; so does one who "also took part" (within two sentences), and one by whom "the
    meeting was also attended" (without "also": a reception told in the sentence before, or before
    sentences that go on telling of "the meeting", :func:`_still_the_meeting`); those by whom "a
    meeting, which was also attended by A" was attended join the sentence's meeting (or, "the talks",
    the one of the sentence before); "C is to join them for a summit in Y" (:func:`_joining_them`);
    so do those "in the presence of" whom it was held (:func:`_in_presence`) and those "also present during
    the meeting" (:func:`_also_present`)."""
    nouns = lexicon().words("meeting_nouns")
    sent_no = ctx.sent_no
    meetings = sorted((f for f in found if f.kind == "meeting"), key=lambda f: f.trigger.i)
    out = []
    for verb in tokens_with(ctx.doc, {"join", "attend", "take", "participate"}):
        if verb.lemma_.lower() not in ("join", "attend", "take", "participate") or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "join" and any(c.dep_ == "dobj" and c.lower_ == "them" for c in verb.children):
            out += _joining_them(ctx, verb, meetings, sent_no)
            continue
        if verb.lemma_.lower() == "join" and verb.dep_ == "acl":
            out += _joined_by(ctx, verb, meetings)
            continue
        if verb.lemma_.lower() == "join" and any(c.dep_ == "nsubjpass" for c in verb.children):
            out += _were_joined(ctx, verb, sorted(meetings + out, key=lambda f: f.trigger.i), sent_no)
            continue
        if verb.lemma_.lower() == "attend" and verb.dep_ == "relcl" and verb.tag_ == "VBN" \
                and verb.head.lemma_.lower() in nouns and any(c.lower_ == "also" for c in verb.children):
            # "The two leaders held a tete-a-tete before a delegation-level meeting, which was also
            # attended by A and B": those of the sentence's meeting, and A and B
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in verb.head.children)
            last = _last_meeting(verb, [f for f in meetings if f.trigger.i < verb.head.i], sent_no, int(definite))
            # ("A and B met on Friday. A flew in for the talks, which were also attended by C": the one before)
            out += _joined(verb, gatherings.by_agents(ctx, verb), last)
            continue
        if verb.lemma_.lower() == "attend" and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns
                and any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in c.children) for c in verb.children):
            # "The meeting was also attended by Ambassador X": X takes part in the meeting just reported;
            # without "also", only a reception told in this sentence or the one before, or before
            # sentences that go on telling of "the meeting" ("X received Y. During the meeting, ...
            # The meeting was attended by A and B"): else the gathering's roster (see gatherings)
            agents = gatherings.by_agents(ctx, verb)
            last = _last_meeting(verb, meetings, sent_no, 3) if agents else None
            if not any(c.lower_ == "also" for c in verb.children) and last is not None:
                told = _last_meeting(verb, [f for f in meetings if not f.rule.endswith("+anaphor")], sent_no,
                                     1 + _still_the_meeting(ctx, verb, sent_no))
                noun = next(c for c in verb.children if c.dep_ == "nsubjpass")
                last = told if told is not None and told.rule.startswith("meeting.host") \
                    and found_status(told) == "occurred" and not any(
                        c.dep_ in ("prep", "compound", "amod") for c in noun.children) else None
                # (not "is to be received by Y on Friday", not "the meeting of the cabinet")
            out += _joined(verb, agents, last)
            continue
        if taking_part_also(verb):
            window = 2  # "A and B also took part": in the meeting just reported
        else:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in nouns]
            if not objects or not any(d.dep_ == "det" and d.lower_ in ("the", "these", "those")
                                      for d in objects[0].children):
                continue
            if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "on", "in", "at") for c in objects[0].children):
                continue  # "joined the talks with X / in Paris": a meeting of its own, if any
            window = 3
        joining, last = _joining_last(ctx, verb, meetings, sent_no, window)
        named = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in nouns]
        if last is not None and named and named[0].lemma_.lower() in lexicon().words("talk_nouns") \
                and last.rule.startswith("meeting.host"):
            # "A is due to meet B and will be received by C. D could join the talks": A and B's, not the reception
            last = next((f for f in reversed(meetings) if f.trigger.sent == last.trigger.sent
                         and not f.rule.startswith("meeting.host") and f.trigger.i < verb.i), last)
        if last is not None and named and _another_gathering(named[0], last):
            continue
        if last is not None and not named and verb.lemma_.lower() == "attend" and _gathering_before(ctx, verb) \
                and last.trigger.lemma_.lower() not in lexicon().words("gathering_nouns"):
            continue  # "X arrived for the summit and was welcomed by Y. A and B are also attending": the summit
        out += _joined(verb, joining, last)
    return out + _in_presence(ctx, meetings) + _also_present(ctx, meetings, sent_no)


def _beside(sent, noun) -> bool:
    """Does ``sent`` tell of a meeting held "on the sidelines / margins of" the gathering ``noun`` names
    (its noun again), one apart from it?"""
    lemma = noun.lemma_.lower()
    return any(t.lemma_.lower() == lemma and t.dep_ == "pobj" and t.head.lower_ == "of"
               and t.head.head.lemma_.lower() in lexicon().words("fringe_nouns") for t in sent)


def _named_gathering(lemma: str) -> bool:
    """A gathering's own word ("summit", "conference"; lexicon ``gathering_nouns``), not a generic
    "meeting" or "talks" (``generic_gathering_nouns``)?"""
    lex = lexicon()
    return lemma in lex.words("gathering_nouns") and lemma not in lex.words("generic_gathering_nouns")


def _gathering_before(ctx: Context, verb) -> bool:
    """Is a gathering of its own word (:func:`_named_gathering`) named before ``verb``?"""
    return any(t.pos_ in ("NOUN", "PROPN") and _named_gathering(t.lemma_.lower()) for t in ctx.doc[:verb.i])


def _another_gathering(noun, last: Found) -> bool:
    """'A and B met on the sidelines of the conference ... C met D in Moscow. E also attended the
    conference': a gathering's own name (not a generic 'the meeting', 'the talks') that the sentence of
    the last meeting does not name is another event than that meeting."""
    lemma = noun.lemma_.lower()
    if not _named_gathering(lemma):
        return False
    # (a meeting "on the sidelines of the conference" is one apart from it: who attends the
    # conference does not join it)
    return not any(t.lemma_.lower() == lemma for t in last.trigger.sent) or _beside(last.trigger.sent, noun)


def _joined(verb, joining: list, last: Found | None) -> list[Found]:
    """The meeting ``last`` with ``joining`` taking part too, told at ``verb`` (nothing when no one new
    joins). A meeting named again ("their talks", +anaphor) is the meeting it names: joined, it is reported."""
    if last is None:
        return []
    roles = {k: list(v) for k, v in last.roles.items()}
    roles["participant"] = _with(roles.get("participant", []), joining)
    if len(roles["participant"]) <= len(last.roles.get("participant", [])):
        return []
    return [Found("meeting", verb, roles, last.rule.replace("+anaphor", "") + "+join", date_from=last.trigger)]


def _also_present(ctx: Context, meetings: list[Found], sent_no: dict) -> list[Found]:
    """'A, B and senior officials were also present during the meeting': those present at the meeting
    just reported ("the meeting", "the talks", within two sentences) take part in it."""
    nouns = lexicon().words("meeting_nouns")
    out = []
    for word in tokens_with(ctx.doc, {"present"}):
        verb = word.head
        if word.lower_ != "present" or word.dep_ != "acomp" or verb.lemma_ != "be":
            continue
        objects = [o for t in (word, verb) for o in prep_objects(t, {"at", "during", "in"})
                   if o.lemma_.lower() in nouns and any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in o.children)]
        if objects:
            out += _joined(verb, *_joining_last(ctx, verb, meetings, sent_no, 2))
    return out


def _in_presence(ctx: Context, meetings: list[Found]) -> list[Found]:
    """'X received Y in the presence of A and B', 'X held talks with Y in the presence of A': those
    present at a meeting take part in it (the phrase on the meeting's verb, or on the verb of its noun)."""
    out = []
    for meeting in meetings:
        trigger = meeting.trigger
        verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
        present = gatherings.in_presence_of(ctx, verb)
        people = meeting.roles.get("participant", [])
        if not present or len(people) < 2:
            continue
        roles = {k: list(v) for k, v in meeting.roles.items()}
        roles["participant"] = _with(people, present)
        if len(roles["participant"]) > len(people):
            out.append(Found("meeting", trigger, roles, meeting.rule + "+presence", date_from=trigger))
    return out


def stand_in_trips(ctx: Context, found: list[Found]) -> list[Found]:
    """'X has canceled his trip to A and B. A delegation led by Y will make the trip instead': one who
    goes in the place of a traveler whose trip is called off ("instead" on a verb of travel, of making
    a trip or of leading a delegation, naming no place of its own) goes where that trip was to go."""
    lex = lexicon()
    verbs = lex.words("travel_to_verbs") | lex.words("visit_verbs")
    undertake, lead, trips = lex.words("undertake_verbs"), lex.words("lead_verbs"), lex.words("travel_nouns")
    visits = sorted((f for f in found if f.kind == "visit" and f.roles.get("traveler")), key=lambda f: f.trigger.i)
    had = {f.trigger.i for f in found if f.kind == "visit"}
    out = []
    for adverb in tokens_with(ctx.doc, {"instead"}):
        verb = adverb.head
        if adverb.dep_ != "advmod" or verb.pos_ != "VERB" or verb.i in had or prep_objects(verb, {"to", "in", "for"}):
            continue
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not (lemma in verbs or (lemma in undertake and objects and objects[0].lemma_.lower() in trips)
                or (lemma in lead and objects and objects[0].lemma_.lower() in lex.words("delegation_nouns"))):
            continue
        subj = subject_of(verb)
        if subj is None:
            continue
        travelers = ctx.actors_of(subj, persons_only=True) or [
            a for c in subj.children if c.dep_ == "acl" and c.lemma_.lower() in lead
            for o in prep_objects(c, {"by"}) for a in ctx.actors_of(o, persons_only=True)]  # "a delegation led by Y"
        off = [f for f in visits if f.trigger.i < verb.i and found_status(f) in OFF]
        if not travelers or not off:
            continue
        gone = {a.key for a in off[-1].roles["traveler"]}
        places = {d.key: d for f in off if {a.key for a in f.roles["traveler"]} == gone for d in f.roles.get("destination", [])}
        if gone & {a.key for a in travelers} or not places:
            continue
        out.append(Found("visit", verb, {"traveler": travelers, "destination": list(places.values())},
                         "visit.stand-in+instead", date_from=off[-1].trigger))
    return out


def during_a_trip(ctx: Context, found: list[Found]) -> list[Found]:
    """'The visit to Y has been called off. During the visit X was to meet Z': a meeting told as part of
    "the visit" (a definite trip noun after "during") is part of the last trip of one of its people
    reported before it: it takes that trip's date when it has none of its own, and is called off or put
    off with it."""
    nouns = lexicon().words("travel_nouns")
    visits = sorted((f for f in found if f.kind == "visit" and f.roles.get("traveler")), key=lambda f: f.trigger.i)
    out = []
    for f in found:
        if f.kind != "meeting" or f.status is not None:
            out.append(f)
            continue
        verb = governing_verb(f.trigger) or f.trigger
        trip = next((o for v in dict.fromkeys((f.trigger, verb)) for o in prep_objects(v, {"during"})
                     if o.lemma_.lower() in nouns and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in o.children)
                     and not any(c.dep_ == "prep" for c in o.children)), None)
        people = {a.key for a in f.roles.get("participant", [])}
        before = [v for v in visits if v.trigger.i < f.trigger.i and v.trigger.i != getattr(trip, "i", -1)
                  and people & {a.key for a in v.roles["traveler"]}]
        if trip is None or not before:
            out.append(f)
            continue
        last = before[-1]
        where = {a.key for a in last.roles.get("destination", [])}
        # the trip and its other mentions ("The visit will not take place"): the one that calls it off
        same = [v for v in before if {a.key for a in v.roles.get("destination", [])} == where]
        off = next((v for v in reversed(same) if found_status(v) in OFF), None)
        status = found_status(off) if off is not None else None
        out.append(replace(f, status=status, date_from=f.date_from or (off or last).trigger))
    return out


def plans_of_an_off_trip(ctx: Context, found: list[Found]) -> list[Found]:
    """'The visit of X to Y has been postponed. ... X was due to hold talks with Z in W on Friday': a
    plan told in the simple past (:func:`kg.extract.status.plan_told_past`) of one whose trip to that
    state the article called off or put off before is part of that trip, and shares its fate."""
    visits = [f for f in found if f.kind == "visit" and f.roles.get("traveler") and found_status(f) in OFF]
    if not visits:
        return found
    out = []
    for f in found:
        people = {a.key for a in f.roles.get("participant", []) + f.roles.get("traveler", [])}
        where = {a.country for a in f.roles.get("destination", [])}
        here = where | {a.country for a in f.roles.get("place", [])}
        if f.kind == "meeting":  # the states of those met, when known: "due to meet Beninese President Y"
            here |= {c for a in f.roles.get("participant", []) if (c := ctx.person_actor(a.key).country)} - {
                c for v in visits for t in v.roles["traveler"] if t.key in people and (c := ctx.person_actor(t.key).country)}
        off = max((v for v in visits if v.trigger.i < f.trigger.i
                   and people & {a.key for a in v.roles["traveler"]}
                   and (f.kind == "meeting" or here) and here <= {a.country for a in v.roles.get("destination", [])}),
                  key=lambda v: v.trigger.i, default=None) if f.status is None and f.kind in ("visit", "meeting") else None
        # (a meeting with no place of its own is that trip's; one elsewhere is not)
        if off is not None and status_of(f.trigger)[0] == "planned" and plan_told_past(f.trigger):
            f = replace(f, status=found_status(off))
        out.append(f)
    return out


def _joined_by(ctx: Context, verb, meetings: list[Found]) -> list[Found]:
    """'X, joined by Ambassador Y, held talks with Z': Y takes part in X's meetings of that sentence."""
    joining = [a for agent in verb.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"
               for a in ctx.actors_of(o, persons_only=True)]
    lead = ctx.person_at(verb.head)
    out = []
    for meeting in meetings:
        people = meeting.roles.get("participant", [])
        if joining and lead and meeting.trigger.sent.start == verb.sent.start and lead in {a.key for a in people}:
            roles = {k: list(v) for k, v in meeting.roles.items()}
            roles["participant"] = _with(people, joining)
            if len(roles["participant"]) > len(people):
                out.append(Found("meeting", meeting.trigger, roles, meeting.rule + "+join", date_from=meeting.trigger))
    return out


def _were_joined(ctx: Context, verb, meetings: list[Found], sent_no: dict) -> list[Found]:
    """'A hosted B and C. They were joined by D and by E': D and E take part in the meeting reported
    just before (in the sentence before or this one), with its people; 'The two leaders met. X was
    joined by A and B': A and B take part in the meeting of the sentence before that X took part in
    (not "joined by A on the trip": travel, told by the travel rules). A meeting joined before is
    joined again with its new people ("..., while Y was joined by C")."""
    agents = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "conj" and c.lower_ == "by")]
    joining = [a for agent in agents for o in agent.children if o.dep_ == "pobj" for a in ctx.actors_of(o, persons_only=True)]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    here = sent_no[verb.sent.start]
    if subjects[0].lower_ in ("they", "them"):
        before = [f for f in meetings if f.trigger.i < verb.i and here - sent_no[f.trigger.sent.start] <= 1]
        if not joining or not before:
            return []
        last = before[-1]
        people = [a for f in before if f.trigger.sent.start == last.trigger.sent.start for a in f.roles.get("participant", [])]
        roles = {k: list(v) for k, v in last.roles.items()}
        roles["participant"] = _with(_with([], people), joining)
        return [Found("meeting", verb, roles, last.rule + "+join", date_from=last.trigger)]
    hosts = {a.key for c in subjects for a in ctx.actors_of(c, persons_only=True)}
    if not hosts or not joining or any(c.dep_ == "prep" and c.lower_ in ("on", "to", "for") for c in verb.children):
        return []
    last = _last_meeting(verb, [f for f in meetings if found_status(f) == "occurred"
                                and (f.trigger.sent != verb.sent or f.rule.endswith("+join"))
                                and hosts <= {a.key for a in f.roles.get("participant", [])}], sent_no, 1)
    return _joined(verb, joining, last)


def taking_part_also(verb) -> bool:
    """'B also took part', 'C attended too', 'D also participated', 'E and F are also expected to
    attend': taking part with nothing said of in what, and an 'also' or 'too' (on the verb or on the
    verb it completes) that points back to the event just told."""
    carriers = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return takes_part(verb) and any(c.dep_ == "advmod" and c.lower_ in ("also", "too")
                                    for carrier in carriers for c in carrier.children)


def _joining_last(ctx: Context, verb, meetings: list[Found], sent_no: dict, window: int) -> tuple[list, Found | None]:
    """(the persons ``verb``'s subject names, the last meeting reported before it within
    ``window`` sentences); no meeting when no person joins."""
    subj = subject_of(verb)
    # "A, X's minister, and B took part" parsed as two subjects of one verb: both
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if subj is not None and subj.head.i == verb.i else []
    joining = [a for s in (subjects or ([subj] if subj is not None else [])) for a in ctx.actors_of(s, persons_only=True)]
    return joining, (_last_meeting(verb, meetings, sent_no, window) if joining else None)


def _still_the_meeting(ctx: Context, verb, sent_no: dict) -> int:
    """How many sentences right before ``verb``'s go on telling of "the meeting" ("X received Y. At the
    outset of the meeting, ... During the meeting, they reviewed ... The meeting was attended by A")."""
    nouns, sents = lexicon().words("meeting_nouns"), list(ctx.doc.sents)
    n = sent_no[verb.sent.start]
    while n > 0 and any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sents[n - 1]):
        n -= 1
    return sent_no[verb.sent.start] - n


def _last_meeting(verb, meetings: list[Found], sent_no: dict, window: int) -> Found | None:
    """The last meeting reported before ``verb``, within ``window`` sentences."""
    here = sent_no[verb.sent.start]
    before = [f for f in meetings if f.trigger.i < verb.i and here - sent_no[f.trigger.sent.start] <= window]
    return before[-1] if before else None


def _with(people: list, joining: list) -> list:
    """``people`` and those of ``joining`` not among them yet."""
    known = {a.key for a in people}
    return list(people) + [a for a in joining if a.key not in known]


def _joining_them(ctx: Context, verb, meetings: list[Found], sent_no: dict) -> list[Found]:
    """"C is to join them for a three-way summit in Madrid next month": C and the last pair that
    met (in this sentence or the one before) meet at that gathering, a meeting of its own."""
    nouns = lexicon().words("meeting_nouns") | lexicon().words("gathering_nouns")
    purpose = [o for o in prep_objects(verb, {"for", "at"}) if o.lemma_.lower() in nouns]
    joining, last = _joining_last(ctx, verb, meetings, sent_no, 1)
    if not purpose or last is None:
        return []
    people = _with(last.roles.get("participant", []), joining)
    places = [d for o in prep_objects(purpose[0], {"in", "at"}) for d in ctx.places_of(o)]
    roles = {"participant": people, **({"place": places[:1]} if places else {})}
    return [Found("meeting", verb, roles, "meeting.join-them")] if len(people) > 2 else []


def mediators(ctx: Context, found: list[Found]) -> list[Found]:
    """'talks mediated by A and B', 'A brokered the talks': the mediators sit at the talks, with
    the participants of that meeting (the one the noun names, else the nearest meeting reported
    within two sentences, before or after)."""
    lex = lexicon()
    verbs, nouns = lex.words("mediate_verbs"), lex.words("meeting_nouns")
    sent_no = ctx.sent_no
    meetings = [f for f in found if f.kind == "meeting" and len(f.roles.get("participant", [])) >= 2]
    out = []
    for verb in tokens_with(ctx.doc, verbs):
        if verb.lemma_.lower() not in verbs or verb.pos_ != "VERB":
            continue
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns), None)
        if passive is not None or (verb.dep_ == "acl" and verb.head.lemma_.lower() in nouns):
            noun = passive if passive is not None else verb.head  # "talks mediated by A", "the talks were ..."
            agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        else:  # "A mediated the talks"
            noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
            subj = subject_of(verb)
            agents = [subj] if subj is not None else []
        if noun is None or not agents:
            continue
        mediating = [a for o in agents for a in ctx.actors_of(o, persons_only=True)]
        here = sent_no[noun.sent.start]
        named = [f for f in meetings if f.trigger.i == noun.i]
        near = sorted((f for f in meetings if abs(sent_no[f.trigger.sent.start] - here) <= 2
                       and not _beside(f.trigger.sent, noun)),
                      key=lambda f: (abs(sent_no[f.trigger.sent.start] - here), f.trigger.i > noun.i))
        target = (named or near or [None])[0]
        if target is None or not mediating:
            continue
        roles = {k: list(v) for k, v in target.roles.items()}
        known = {a.key for a in roles["participant"]}
        roles["participant"] = roles["participant"] + [a for a in mediating if a.key not in known]
        if len(roles["participant"]) > len(known):
            out.append(Found("meeting", noun, roles, "meeting.mediated", date_from=target.trigger))
    return out


def delegations(ctx: Context, found: list[Found]) -> list[Found]:
    """'A will represent Peru, while B will represent Chile', 'Bolivia is represented by C',
    'the Peruvian side will be headed by D, while the Chilean delegation will include E': the persons
    who represent, head or make up the sides sit at the talks named before them (a meeting noun
    within four sentences back that names nobody, or a meeting already found there): one meeting
    of all of them, when they are two or more (not the members of one side: "the delegation is led by
    A and includes B"), or they join a meeting found there (one is enough: "The summit brought together A and B.
    Bolivia was represented by C")."""
    lex = lexicon()
    nouns, side_nouns = lex.words("meeting_nouns"), lex.words("delegation_nouns")
    sent_no = ctx.sent_no
    delegates: dict[int, list] = {}  # sentence number -> actors
    sides: dict[int, set[int]] = {}  # sentence number -> the side nouns that named them (-1: not a side noun)

    def add(token, carriers, side: int = -1) -> None:
        people = [a for c in carriers for a in ctx.actors_of(c, persons_only=True)]
        delegates.setdefault(sent_no[token.sent.start], []).extend(people)
        if people:  # (a represent verb may list two sides: "Bolivia is represented by C and Chile by D")
            sides.setdefault(sent_no[token.sent.start], set()).add(side)

    for verb in tokens_with(ctx.doc, lex.words("represent_verbs")):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words("represent_verbs"):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        subject = subject_of(verb)
        lemma = verb.lemma_.lower()
        if lemma == "represent":
            add(verb, agents if passive else [subject] if subject is not None else [])
        elif subject is not None and subject.lemma_.lower() in side_nouns:  # "the side will be headed by D"
            if passive:
                add(verb, agents, subject.i)
            elif lemma == "include":  # "the delegation will include E"
                add(verb, [c for c in verb.children if c.dep_ == "dobj"], subject.i)
    # "the talks were chaired by F", "G attended as an observer": at the table of the sides too
    attend = lex.words("attend_gathering_verbs")
    for verb in tokens_with(ctx.doc, lex.words("lead_gathering_verbs") | attend):
        if verb.pos_ != "VERB":
            continue
        subject = subject_of(verb)
        if verb.lemma_.lower() in attend:
            if subject is not None and not any(c.dep_ == "dobj" for c in verb.children) \
                    and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                add(verb, [subject])  # "G attended as an observer"
        elif any(c.dep_ == "auxpass" for c in verb.children) and subject is not None \
                and subject.lemma_.lower() in nouns:
            add(verb, [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"])
    out = []
    taken: set[int] = set()
    for here in sorted(delegates):
        if here in taken:
            continue
        window = [here]
        while window[-1] + 1 in delegates:  # the sides told sentence after sentence
            window.append(window[-1] + 1)
        people = {a.key: a for n in window for a in delegates[n]}
        if not people or any(f.kind == "meeting" and set(people) <= {a.key for a in f.roles.get("participant", [])}
                             for f in found):
            continue  # (all of them already at one meeting: "Namibia was represented by A" in a summit's roster)
        talks = [t for t in tokens_with(ctx.doc, nouns) if t.pos_ in ("NOUN", "PROPN")
                 and 0 <= here - sent_no[t.sent.start] <= 4]
        if not talks:
            continue
        nearest = max(sent_no[t.sent.start] for t in talks)
        noun = next(t for t in talks if sent_no[t.sent.start] == nearest)  # its first: "talks", not "a first session"
        # (or told by the verb the noun is the subject of: "The meeting ... brought together A and B")
        earlier = sorted((f for f in found if f.kind == "meeting" and (
            f.trigger.i == noun.i or (noun.dep_ == "nsubj" and f.trigger.i == noun.head.i))),
            key=lambda f: -len(f.roles.get("participant", [])))
        named_by = {v for n in window for v in sides.get(n, ())}
        if len(people) < 2 and not any(f.trigger.i != noun.i for f in earlier):
            continue  # one joins only a meeting its noun's verb told ("The summit brought together A and B")
        if len(named_by) == 1 and -1 not in named_by:
            continue  # "The Kazakh delegation is led by A and includes B": one side, who do not meet each other
            # (nor sit at the talks told before: "The two leaders held a summit. The delegation included A and B")
        roles = {k: list(v) for k, v in earlier[0].roles.items()} if earlier else {}
        known = {a.key for a in roles.get("participant", [])}
        roles["participant"] = roles.get("participant", []) + [a for k, a in people.items() if k not in known]
        taken.update(window)
        out.append(Found("meeting", noun, roles, "meeting.delegations"))
    return out


def summons_meetings(ctx: Context, found: list[Found]) -> list[Found]:
    """A summoned envoy meets the named official who summoned them (the guidelines' rule), or the one
    who receives them where they were summoned to (:func:`_received_there`)."""
    out = []
    for f in found:
        if f.kind != "summons":
            continue
        people = [a for a in f.roles.get("summoner", []) + f.roles.get("summoned", []) if a.kind == "person"]
        if len({a.key for a in people}) >= 2 and any(a.kind == "person" for a in f.roles.get("summoner", [])):
            out.append(Found("meeting", f.trigger, {"participant": people}, f.rule + "+meeting", f.status))
            continue
        summoned = [a for a in f.roles.get("summoned", []) if a.kind == "person"]
        there = _received_there(ctx, f.trigger)
        if summoned and there and not {a.key for a in there} & {a.key for a in summoned}:
            out.append(Found("meeting", f.trigger, {"participant": summoned + there}, f.rule + "+where", f.status))
        elif summoned and (told := _told_after(ctx, f.trigger, {a.key for a in summoned})):
            f.roles["summoner"] = f.roles.get("summoner", []) + told  # the official who summoned them, named
            out.append(Found("meeting", f.trigger, {"participant": summoned + told}, f.rule + "+told", f.status))
    return out


def _told_after(ctx: Context, trigger, summoned: set[str]) -> list:
    """'Japan summoned Ambassador X ... Vice Foreign Minister Y told X that his remarks were
    inappropriate': the named official who speaks to the summoned envoy (lexicon ``tell_to_verbs``:
    told X, conveyed to X, handed X a note), in the summons' sentence or the next."""
    verbs = lexicon().words("tell_to_verbs")
    sent = trigger.sent
    spans = [sent] + ([ctx.doc[sent.end].sent] if sent.end < len(ctx.doc) else [])
    for span in spans:
        for verb in (t for t in span if t.pos_ == "VERB" and t.lemma_.lower() in verbs):
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] \
                + [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
            if not any(a.key in summoned for o in objects for a in ctx.actors_of(o, persons_only=True)):
                continue
            subj = subject_of(verb)
            told = [a for a in (ctx.actors_of(subj, persons_only=True) if subj is not None else []) if a.key not in summoned]
            if told:
                return told
    return []


def _received_there(ctx: Context, trigger) -> list:
    """'X was summoned to the foreign ministry, where Deputy Minister Y handed him a note': the person
    who acts on the summoned one in the 'where' clause of the summons."""
    clauses = [c for t in trigger.subtree if t.dep_ == "pobj" or t.i == trigger.i for c in t.children
               if c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children)]
    out = []
    for clause in clauses:
        if not any(g.dep_ in ("dobj", "dative") and g.lower_ in ("him", "her") for g in clause.children):
            continue
        subj = subject_of(clause)
        out += ctx.actors_of(subj, persons_only=True) if subj is not None else []
    return out


def official_trips(ctx: Context, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """In a sports story (two or more distinct sports words, or one that means nothing but sport:
    "cricket", "hat-trick", "innings") a trip is a visit, and a meeting a meeting, only when the
    people hold an office: an away game or a match is not diplomacy. Words with other senses
    ("league", "camp", "match", "season") count once each."""
    lex = lexicon()
    sports, only_sport = lex.words("sports_words"), lex.words("sports_words_unambiguous")
    tokens = tokens_with(ctx.doc, sports | only_sport)
    phrases = _phrases_in(ctx.doc, _sport_phrases())
    seen = {t.lower_ for t in tokens} | phrases
    if sum(2 if w in only_sport else 1 for w in seen) < 2:
        return events
    if len(tokens) + len(phrases) < 2:  # said once: a sports story says it in its lead ("Soccer legend X
        # departed"), not in passing further down ("'We talked about golf,' X said")
        # the title and the body's first sentence
        lead_end = next((sent.end for sent in ctx.doc.sents if sent.start_char >= ctx.body_start), len(ctx.doc))
        lead_text = ctx.doc[:lead_end].text.lower().replace("-", " ")
        if not (any(t.i < lead_end for t in tokens) or any(p.replace("-", " ") in lead_text for p in phrases)):
            return events
    not_offices = lex.words("not_offices")

    def official(key: str) -> bool:
        entity = ctx.entity_by_key.get(key)
        return bool(entity and any(t.phrase not in not_offices for t in entity.titles))

    def keep(event: Event) -> bool:
        if event.kind == "visit":
            return all(official(k) for k in event.role("traveler"))
        if event.kind == "meeting":
            return all(official(k) for k in event.role("participant"))
        return True

    return tuple(e for e in events if keep(e))


def legs_of_a_trip(ctx: Context, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """A traveler the article has in a country (a visit there that occurred or is under way) who
    "will travel to" a city of it, or "is set to meet" someone there, goes on within that visit:
    a planned trip to the same country with no date, or one within 14 days after the visit's (or
    in its month), is no second trip ("began a visit to India ... will travel to Bengaluru on
    Sunday"). A considered, cancelled or postponed trip there is another trip and stays.

    A tour of several countries under way is no visit to each of them made: a later leg the
    article tells as ahead ("has begun a tour of A, B and C ... will travel to a city of B on
    Thursday") is planned, and the tour's own report of B gives way to it."""
    made: dict[tuple, list[Event]] = {}
    for e in events:
        if e.kind == "visit" and e.status == "occurred":
            made.setdefault((e.role("traveler"), e.role("destination")), []).append(e)
    tours: dict[tuple, set] = {}  # (traveler, anchor of a travel noun) -> the countries it names
    nouns = lexicon().words("travel_nouns")
    for e in events:
        if e.kind == "visit" and e.status == "occurred" and e.trigger.lower() in nouns:
            tours.setdefault((e.role("traveler"), e.evidence.anchor_start), set()).add(e.role("destination"))
    legs = {(e.role("traveler"), e.role("destination"), e.evidence.anchor_start) for e in events
            if e.kind == "visit" and e.status == "planned" and e.time is not None}
    ahead = {(traveler, dest) for traveler, dest, at in legs
             if (traveler, dest) in made and all(
                 len(tours.get((traveler, v.evidence.anchor_start), ())) > 1 and v.evidence.anchor_start < at
                 for v in made[(traveler, dest)])}
    if ahead:
        events = tuple(e for e in events if not (e.kind == "visit" and e.status == "occurred"
                                                 and (e.role("traveler"), e.role("destination")) in ahead))
        for key in ahead:
            made.pop(key, None)

    def within(leg: Event, visit: Event) -> bool:  # no date says they are apart
        if visit.time is not None and ctx.date is not None and leg.time is None \
                and (ctx.date - _last_day(visit.time.iso)).days > 14:
            return False  # a trip ahead begins after the article's day: not within one that ended weeks before
        if leg.time is None or visit.time is None:
            return True
        a, b = leg.time.iso, visit.time.iso
        if len(a) >= 10 and len(b) >= 10:
            return 0 <= (Date.fromisoformat(a[:10]) - Date.fromisoformat(b[:10])).days <= 14
        return a[:7] == b[:7] or a[:4] == b[:4] and (len(a) == 4 or len(b) == 4)

    return tuple(e for e in events if not (
        e.kind == "visit" and e.status == "planned"
        and any(within(e, v) for v in made.get((e.role("traveler"), e.role("destination")), ()))))


def _last_day(iso: str) -> Date:
    """The last day of a date, month or year written in ISO form ("2021-03" -> 2021-03-31)."""
    if len(iso) >= 10:
        return Date.fromisoformat(iso[:10])
    if len(iso) >= 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return Date(year, month, calendar.monthrange(year, month)[1])
    return Date(int(iso[:4]), 12, 31)


@cache
def _sport_phrases() -> tuple[str, ...]:
    """The sports words of more than one token ("grand prix", "hat-trick"), listed once."""
    lex = lexicon()
    return tuple(sorted(w for w in lex.words("sports_words") | lex.words("sports_words_unambiguous") if " " in w or "-" in w))


def _phrases_in(doc, phrases) -> set[str]:
    """The phrases of more than one token ("grand prix", "hat-trick") that the doc holds, looked up
    from their first word (``Doc.text`` would rebuild the whole text)."""
    found = set()
    for phrase in phrases:
        first = phrase.replace("-", " ").split()[0]
        for token in tokens_with(doc, {first}):
            span = doc[token.i:min(len(doc), token.i + 2 * phrase.count(" ") + 2 * phrase.count("-") + 1)]
            if span.text.lower().startswith(phrase):
                found.add(phrase)
    return found


def media_person(ctx: Context, key: str) -> bool:
    """Is the person a journalist by the article's words: a media role next to the name ("sports
    columnist X", "X, a reporter") or a news outlet as possessor ("NPR's X", "USA Today's X")?"""
    lex = lexicon()
    roles = lex.words("media_roles")
    entity = ctx.entity_by_key.get(key)
    for mention in entity.mentions if entity else ():
        head = ctx.doc[mention.end - 1]
        near = [c for c in head.children if c.dep_ in ("compound", "amod", "appos", "poss")]
        before = mention.start  # the words just before the name in its own noun phrase ("sports columnist X"),
        while before > max(0, mention.start - 3) and ctx.doc[before - 1].pos_ in ("NOUN", "PROPN", "ADJ", "PART") \
                and before - 1 < ctx.doc[before - 1].head.i < mention.end:
            before -= 1  # not "Speaking to reporters afterwards, X said", "told reporters X would"
        near += [t for t in ctx.doc[before:mention.start]]
        for token in near:
            if (token.lemma_.lower() in roles or token.lower_ in roles) and token.tag_ != "NNS":
                return True  # (not "told reporters X would ...", the plural parsed into the name's phrase)
            if token.dep_ == "poss" or token.text in ("'s", "’s"):
                owner = token if token.dep_ == "poss" else token.head
                if fold(ctx.doc[owner.left_edge.i:owner.i + 1].text) in lex.media:
                    return True
    return False


def interviews(ctx: Context, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """A meeting with a journalist ('X talks with USA Today columnist Y') is an interview: dropped."""
    return tuple(e for e in events if e.kind != "meeting" or not any(media_person(ctx, k) for k in e.role("participant")))


def accompanying(ctx: Context) -> list[tuple]:
    """(verb, leads, companions) of each 'X will accompany Y' / 'Y, accompanied by X', and of 'Y will
    be joined (later in the week) by X' / 'X will join him there' (a person joined, not talks)."""
    out = []
    for token in tokens_with(ctx.doc, {"accompany", "join"}):
        if token.lemma_.lower() not in ("accompany", "join") or token.pos_ != "VERB":
            continue
        if token.lemma_.lower() == "join" and not _joins_a_traveler(ctx, token):
            continue
        if (inverted := _inverted_escort(ctx, token)) is not None:
            out.append((token, *inverted))
            continue
        if any(o.i not in ctx.token_place and o.pos_ in ("NOUN", "PROPN") for o in prep_objects(token, {"to"})):
            continue  # "X, who was accompanied to the Jubilee House by Y": an escort to a venue there, no fellow traveler
        subj = token.head if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "PROPN" \
            else subject_of(token)  # "X, accompanied by Y," (not "arrived for a visit, accompanied by Y": the subject's)
        while token.dep_ == "relcl" and subj is not None and subj.dep_ == "conj" and subj.head.i != subj.i:
            subj = subj.head  # "A and B, who accompanied X": the clause hung on the last of them is all of theirs
        passive = any(c.dep_ == "auxpass" for c in token.children) or (
            token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children))
        if passive:  # "Y, (who is) accompanied by X"; "Y began a visit, accompanied by X"
            leads = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            # "accompanied on the trip by X": the parser hangs the agent on the trip
            # ("throughout the visit by X", "during the trip by X" likewise)
            bys = prep_objects(token, {"by"}) + [b for o in prep_objects(token, {"on", "throughout", "during", "for"})
                                                 for b in prep_objects(o, {"by"})]
            companions_ = [a for o in bys for a in ctx.actors_of(o, persons_only=True)]
            companions_ += [ctx.person_actor(k) for o in bys[:1] for k in _semicolon_listed(ctx, o.head)
                            if k not in {a.key for a in companions_}]
        else:
            companions_ = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            leads = [a for c in token.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
        taken = {a.key for a in companions_}  # "Kolo, Mr A; ... will be accompanied by": none accompanies themself
        out.append((token, [a for a in leads if a.key not in taken], companions_))
    return out


def _inverted_escort(ctx: Context, token) -> tuple[list, list] | None:
    """'Accompanying him are A and B', 'Also accompanying the president were A and B': (leads,
    companions), the object before "be" and the persons after it (the parser reads these anyhow)."""
    doc, sent = ctx.doc, token.sent
    if token.tag_ != "VBG" or token.lemma_.lower() != "accompany" \
            or any(t.pos_ != "ADV" for t in doc[sent.start:token.i] if not t.is_space):
        return None
    be = next((t for t in doc[token.i + 1:sent.end] if t.lemma_ == "be"), None)
    if be is None or be.i == token.i + 1:
        return None
    leads = ctx.actors_of(doc[token.i + 1:be.i].root, persons_only=True)
    # the list after "be", up to a clause of its own ("..., who will meet Z": not Z)
    stop = next((t.i for t in doc[be.i + 1:sent.end] if t.tag_ in ("VBZ", "VBP", "VBD", "MD", "WP", "WDT")), sent.end)
    # (not "including": the list goes on)
    keys = list(dict.fromkeys(m.key for i in range(be.i + 1, stop) if (m := ctx.token_person.get(i)) and m.key))
    taken = {a.key for a in leads}
    return leads, [ctx.person_actor(k) for k in keys if k not in taken]


def _joins_a_traveler(ctx: Context, token) -> bool:
    """'Y will be joined by X', 'X will join him (in Suva)': one person joined on a trip; not "joined
    the talks" (no one person), "joined X at the meeting" or "will be joined by Y for a three-way
    meeting" (at the table only), "joined him in condemning the attack" (in an act)."""
    lex = lexicon()
    if any(c.dep_ == "auxpass" for c in token.children):
        if not prep_objects(token, {"by"}):
            return False
    elif not any(c.dep_ == "dobj" and ctx.person_at(c) or c.lower_ in ("him", "her") for c in token.children):
        return False
    tables = lex.words("meeting_nouns") | lex.words("gathering_nouns") | lex.words("social_nouns")
    return not any(o.lemma_.lower() in tables for o in prep_objects(token, {"at", "for", "in"})) and not any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.tag_ == "VBG" for g in c.children) for c in token.children)


def _semicolon_listed(ctx: Context, start) -> list[str]:
    """'accompanied by the Minister of Foreign Affairs, Mr A; the Chief of Staff, Prof. B; and C': the
    persons of a list whose items, each an office with its holder, are set off by semicolons (the
    parser hangs them anywhere); up to the next verb of the sentence."""
    sent, keys = start.sent, []
    items = [t for t in ctx.doc[start.i + 1:sent.end]]
    stop = next((t.i for t in items if t.pos_ in ("VERB", "AUX") or t.tag_ in ("WP", "WDT")), sent.end)
    if not any(t.text == ";" for t in items if t.i < stop):
        return []
    for t in items:
        if t.i >= stop:
            break
        if (key := ctx.person_at(t)) and key not in keys:
            keys.append(key)
    return keys


def _travel_verbs(ctx: Context) -> Iterator[tuple[Token, Token]]:
    """(verb, its subject) of each verb of visiting, travel or arrival that has a subject."""
    lex = lexicon()
    verbs = lex.words("visit_verbs") | lex.words("travel_to_verbs") | lex.words("arrive_verbs")
    for token in tokens_with(ctx.doc, verbs):
        if token.lemma_.lower() in verbs and token.pos_ == "VERB" and (subj := subject_of(token)) is not None:
            yield token, subj


def travelling_with(ctx: Context) -> list[tuple]:
    """(verb, leads, companions) of each 'X visited Y with Z' / 'X flew to Y with Z' (Z a person)."""
    out = []
    for token, subj in _travel_verbs(ctx):
        with_ = [a for o in prep_objects(token, {"with"}) for a in ctx.actors_of(o, persons_only=True)]
        if with_:
            out.append((token, ctx.actors_of(subj, persons_only=True), with_))
    return out


def with_the_delegation(ctx: Context) -> list[tuple]:
    """(verb, leads, companions) of each 'Z, who will travel with the delegation' (Z a person): Z
    joins the trips of whoever the article says leads the delegation ("X is to lead a delegation
    to Y", "a delegation led by X")."""
    lex = lexicon()
    verbs = lex.words("travel_to_verbs") | lex.words("visit_verbs")
    nouns = lex.words("delegation_nouns")
    out = []
    for token in tokens_with(ctx.doc, verbs):
        if token.lemma_.lower() not in verbs or token.pos_ != "VERB":
            continue
        groups = [o for o in prep_objects(token, {"with"}) if o.lemma_.lower() in nouns
                  and any(d.dep_ == "det" and d.lower_ == "the" for d in o.children)]
        subj = subject_of(token)
        travelers = ctx.actors_of(subj, persons_only=True) if subj is not None and groups else []
        leads = _delegation_leads(ctx, groups[0]) if travelers else []
        if leads:
            out.append((token, leads, travelers))
    return out


def _delegation_leads(ctx: Context, group: Token) -> list:
    """Who leads a delegation of the same noun told before ``group``: the subject of "lead" or
    "head" with it as object, or the agent of "led by"."""
    lead_verbs = lexicon().words("lead_verbs")
    for verb in tokens_with(ctx.doc, lead_verbs):
        if verb.i > group.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in lead_verbs:
            continue
        if any(c.dep_ == "dobj" and c.lemma_ == group.lemma_ for c in verb.children) and (subj := subject_of(verb)) is not None:
            return ctx.actors_of(subj, persons_only=True)
        if verb.dep_ == "acl" and verb.head.lemma_ == group.lemma_:
            return [a for o in prep_objects(verb, {"by"}) for a in ctx.actors_of(o, persons_only=True)]
    return []


def delegation_members(ctx: Context) -> list[tuple]:
    """(verb, leads, members) of each 'X arrived with a delegation including A and B', 'X arrived at
    the head of a delegation that included A'."""
    out = []
    for token, subj in _travel_verbs(ctx):
        # "with a delegation including A", "at the head of a delegation that included A"
        groups = prep_objects(token, {"with"}) + [g for h in prep_objects(token, {"at"}) if h.lower_ == "head"
                                                  for g in prep_objects(h, {"of"})]
        members = [a for o in groups for a in _members(ctx, o)]
        if members:
            out.append((token, ctx.actors_of(subj, persons_only=True), members))
    return out


def _delegation_listed(ctx: Context, events: tuple[Event, ...]) -> list[tuple]:
    """(verb, leads, members) of 'The Kazakh delegation included A and B' told after a trip: the
    members go with the one person of that state (of any state, when the noun names none) whose
    trip the article told before."""
    lex = lexicon()
    includes, nouns = lex.words("include_verbs"), lex.words("delegation_nouns")
    out = []
    for verb in tokens_with(ctx.doc, includes):
        subject = subject_of(verb) if verb.pos_ == "VERB" and verb.lemma_.lower() in includes else None
        if subject is None or subject.lemma_.lower() not in nouns or not definite(subject):
            continue
        members = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
        states = demonym_states(subject, ctx.date)
        leads = {k for e in events if e.kind == "visit" and e.evidence.start < verb.idx and e.status in ("occurred", "planned")
                 for k in e.role("traveler") if k in ctx.entity_by_key
                 and (not states or ctx.nationality.get(k, (None, ""))[0] in states)}
        if len(leads) == 1 and members:
            out.append((verb, [ctx.person_actor(next(iter(leads)))], members))
    return out


def _members(ctx: Context, noun: Token) -> list:
    """'a delegation including A and B': the persons a delegation's phrase lists (lexicon
    ``delegation_nouns`` and ``side_nouns``; the listing is :func:`kg.extract.context.noun_group`'s)."""
    lex = lexicon()
    if noun.lemma_.lower() not in lex.words("delegation_nouns") | lex.words("side_nouns"):
        return []
    # (and "a delegation that included A and B")
    listed = [o for r in noun.children if r.dep_ == "relcl" and r.lemma_.lower() in lex.words("include_verbs")
              for o in r.children if o.dep_ == "dobj"]
    return ctx.actors_of(noun, persons_only=True) + [a for o in listed for a in ctx.actors_of(o, persons_only=True)]


def _names_destination(ctx: Context, verb, codes: set[str]) -> bool:
    """Does the verb's phrase name a place in one of the visit's countries ``codes``?"""
    return any(t.i in ctx.token_place and ctx.token_place[t.i].place.code in codes for t in verb.subtree)


def _of_state(ctx: Context, key: str, codes: set[str]) -> bool:
    """Is the person of (or posted to) one of ``codes``: a host met there, not a companion?"""
    entity = ctx.entity_by_key.get(key)
    own = {ctx.nationality.get(key, (None, ""))[0]} | {t.country for t in (entity.titles if entity else [])}
    return bool(own & codes) or bool(posted_to(ctx, key) & codes)


def _made(verb: Token, status: str | None) -> bool:
    """'accompanied', 'has accompanied', 'was / is accompanied', 'is accompanying', 'held': an act
    told (``status``: its words' status) as done or under way."""
    return status == "occurred" and (
        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        or any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" and c.tag_ in ("VBD", "VBZ", "VBP")
               for c in verb.children))


def companions(ctx: Context, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """'X will accompany Y' / 'Y, accompanied by X': X makes Y's trips of this article too; 'Y
    visited A with X' (X of another state than A's): X makes that trip."""
    out: list[Event] = []
    have = {(e.role("traveler"), e.role("destination"), e.status) for e in events if e.kind == "visit"}
    along = [(t, leads, c, False) for t, leads, c in accompanying(ctx)]
    with_ = travelling_with(ctx)
    along += [(t, leads, c, True) for t, leads, c in with_]
    # "X, who travelled with the prime minister, signed ...": no place of its own, so X makes the other's trips
    along += [(t, c, leads, False) for t, leads, c in with_ if not any(d.i in ctx.token_place for d in t.subtree)]
    along += [(t, leads, c, False) for t, leads, c in with_the_delegation(ctx)]
    # "arrived at the head of a delegation that included Z" ("with a delegation including Z" is travelling_with's)
    along += [(t, leads, c, True) for t, leads, c in delegation_members(ctx)
              if not any(o.lemma_.lower() in lexicon().words("delegation_nouns") for o in prep_objects(t, {"with"}))]
    along += [(t, leads, c, False) for t, leads, c in _delegation_listed(ctx, events)]
    for token, leads, companions_, same_sentence in along:
        status, cue = status_of(token)
        # "X accompanied him", "he was / is accompanied by X", "X, who is accompanying him" tell of the
        # trips made or under way, not of those planned or put off
        # ("Roe, who is accompanied by X, will visit Peru": the main clause's time)
        main = governing_verb(token.head) if token.dep_ == "relcl" else None
        told = _made(token, status) and (main is None or _made(main, status_of(main)[0]))
        # "X, who had been due to accompany him, has pulled out": the clause the relative hangs in calls it off
        relative = next((a for a in [token, *token.ancestors] if a.dep_ == "relcl"), None)
        outer = governing_verb(relative.head) if relative is not None else None
        if outer is not None and (withdrawn := status_of(outer))[0] in ("cancelled", "postponed"):
            status, cue = withdrawn
        # "X will accompany the prime minister to Hanoi", "X could join him in Suva": that leg only, not the
        # rest of the tour
        legs = ("to", "in") if token.lemma_.lower() == "join" else ("to",)
        to_place = token.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ in legs and any(t.i in ctx.token_place for t in c.subtree)
            for c in token.children)
        # "... will fly to Y, where he will be joined by Z": the place the where-clause hangs on
        where = next((a.head for a in (token, *token.ancestors) if a.dep_ == "relcl"
                      and any(c.lower_ == "where" for c in a.children)), None)
        # (hung on a gathering: the place named last before it, "fly to Y for the talks, where ...")
        where_code = None if where is None else next(
            (p.place.code for p in sorted(ctx.places, key=lambda p: -p.start)
             if where.sent.start <= p.start <= where.i and p.place.kind in ("city", "country")
             and ctx.doc[p.end - 1].dep_ not in ("compound", "amod", "nmod")), None)  # (not "the China-Pakistan talks")
        to_place = to_place or where_code is not None
        for lead in leads:
            for visit in (e for e in events if e.kind == "visit" and e.role("traveler") == (lead.key,)):
                if told and visit.status != "occurred":
                    continue
                if visit.evidence.start >= token.sent.end_char:
                    continue  # a trip told only after the companions are named is not the one they join
                codes = {d.split(":", 1)[1] for d in visit.role("destination")}
                own = visit.evidence.anchor_start == token.idx  # the verb is the trip's own ("landed ... with")
                if (same_sentence or to_place) and not own and not _names_destination(ctx, token, codes) \
                        and where_code not in codes:
                    continue  # the trip the verb itself names
                for companion in companions_:
                    if _of_state(ctx, companion.key, codes):
                        continue  # "accompanied by the ambassador to Y": already there, at the post; by its own PM: at home
                    roles = tuple((k, (companion.key,)) if k == "traveler" else (k, v) for k, v in visit.roles)
                    # a trip called off is off for all on it ("A, who had planned to travel to Y with B, cancelled the trip")
                    new_status = visit.status if status == "occurred" or visit.status in ("cancelled", "postponed") \
                        else status or visit.status
                    key = ((companion.key,), visit.role("destination"), new_status)
                    if key in have or companion.key == lead.key:
                        continue
                    have.add(key)
                    out.append(replace(visit, roles=roles, status=new_status, status_cue=cue or visit.status_cue,
                                       evidence=evidence_of(token.sent, token.idx, token.idx + len(token.text)),
                                       trigger=token.text))
    return _at_the_talks_too(ctx, events + tuple(out), along)


def _at_the_talks_too(ctx: Context, events: tuple[Event, ...], along: list[tuple]) -> tuple[Event, ...]:
    """'X flew to Lome with Z for talks with Y', 'X flew to Y, accompanied by Z, for talks
    with W': the talks the trip is for are Z's too."""
    nouns = lexicon().words("meeting_nouns")
    joined: dict[int, list] = {}
    for token, leads, companions_, _ in along:
        verb = token if token.dep_ != "acl" and not any(c.dep_ in ("auxpass", "agent") for c in token.children) \
            else token.head if token.head.pos_ == "VERB" else None  # "flew to Y, accompanied by Z, for talks"
        if verb is None:
            continue
        purposes = {o.idx for v in (verb, token) for o in prep_objects(v, {"for"}) if o.lemma_.lower() in nouns}
        for n, event in enumerate(events):
            if event.kind == "meeting" and event.evidence.anchor_start in purposes \
                    and {a.key for a in leads} & set(event.role("participant")):
                joined.setdefault(n, []).extend(c.key for c in companions_)
    if not joined:
        return events
    out = list(events)
    for n, keys in joined.items():
        people = tuple(sorted(set(out[n].role("participant")) | set(keys)))
        out[n] = replace(out[n], roles=tuple((k, people) if k == "participant" else (k, v) for k, v in out[n].roles))
    return tuple(out)
