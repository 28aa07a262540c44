"""Facts that span a sentence or more around a gathering: who attends a conference named earlier,
and guests in a place as someone's guests."""

from __future__ import annotations

from kg.extract.checks import posted_to, resident_envoy
from kg.extract.context import Actor, Context, conjuncts, lead_sentences
from kg.extract.lexicon import lexicon
from kg.extract.events import reported_status
from kg.extract.status import OFF, by_remote_link
from kg.extract.syntax import Found, governing_verb, prep_objects, representations, subject_of, takes_part, tokens_with


#: how many sentences back a gathering is still the one "attended" (no object) or "represented" at means
RECENT = 4


#: the rule of a meeting of a gathering's attendees, told in several sentences: each one's trip is
#: told where its own attendance is (not inferred again from the meeting: kg.extract.inference)
ROSTER = "gathering.roster"


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


def by_agents(ctx: Context, verb) -> list[Actor]:
    """Persons of a passive verb's "by" phrase ("hosted by X")."""
    return [a for o in prep_objects(verb, {"by"}) for a in ctx.actors_of(o, persons_only=True)]


def find_attendance(ctx: Context) -> list[Found]:
    """Who attends a gathering the article has named, across sentences:

        "... before a conference in Geneva ..." (the gathering, and where)
        "Monday's conference is hosted by President A." (the same one: its host)
        "Also due to attend are B, C ..." / "B will also attend." (attend, its object left out)

    A later mention of the same noun with a determiner or possessive ("the conference", "Monday's
    conference") is the same gathering; ``attend`` without an object attends the last gathering named
    in its sentence or the two before. Host and attendees meet; attendees travel to its place.
    Gatherings attended by one side only, or by groups ("foreign ministers"), give nothing."""
    nouns = lexicon().words("gathering_nouns")
    sents = list(ctx.doc.sents)
    # {"lemma", "places", "hosts", "sents": sentence numbers naming it, "other": another instance told of,
    #  "weak": talks one holds rather than a gathering, "first": the word that names it first}
    frames: list[dict] = []
    by_token: dict[int, dict] = {}
    sent_no = ctx.sent_no
    lead = lead_sentences(ctx) if ctx.dateline is not None else set()
    for token in tokens_with(ctx.doc, nouns):
        n = sent_no[token.sent.start]
        # "talks", "negotiations" (lemma "talk"): an exchange between those who hold it, which 'also
        # attended' or 'was represented' does not refer to (``weak``), unless many gather for them
        plural = token.lemma_.lower() not in nouns
        lemma = token.lower_ if plural else token.lemma_.lower()
        weak = plural and not (token.dep_ == "pobj" and token.head.lower_ == "for"
                               and token.head.head.lemma_.lower() in lexicon().words("gather_verbs"))  # "gathered in Y for talks"
        if lemma not in nouns or not (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and any(
                c.dep_ == "det" or c.ent_type_ == "ORDINAL" for c in token.children))):
            continue  # "the summit"; "the 45th Regular Meeting of the Conference" (a gathering's name)
        if any(c.dep_ == "amod" and c.lower_ in lexicon().words("recurring_words") for c in token.children):
            continue  # "agreed to hold regular talks": a habit, no one gathering
        if by_remote_link([token]) is not None:
            continue  # "held a video conference", "a virtual summit": no one travels, no one sits together
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() not in nouns:
            continue  # "at the conference centre", "the summit venue": a place named for gatherings
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i in by_token:
            by_token[token.i] = by_token[token.head.head.i]  # "the session of the Council": one gathering
            continue
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                       for c in token.children)
        earlier = [f for f in frames if f["lemma"] == lemma]
        named_one = token.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        own = plural and any(c.dep_ == "prep" and c.lower_ in ("between", "with", "in") for c in token.children)
        if definite and not earlier and lemma in lexicon().words("generic_gathering_nouns") and not named_one and not own:
            # ("the talks between A and B in Doha": talks of their own, not the summit told before)
            # (not a gathering of a name of its own: "the fifth Joint Cabinet Retreat" is no "the meeting" told before)
            # "a NATO summit ... the two-day meeting": the gathering named last, in this sentence or the three before
            # (one many gathered for, rather than talks one held with another: "... gathered in Y for
            # talks ... X held separate talks with Z before the full session")
            earlier = [f for f in frames if any(n - 3 <= s <= n for s in f["sents"])]
            earlier = [f for f in earlier if not f["weak"]] or earlier
        other = any(t.lower_ in lexicon().words("other_instance_words") for t in ctx.doc[token.left_edge.i:token.i])
        hosts, places = setting(ctx, token)
        forum = _city_in_name(ctx, token)
        # its own place: "the Geneva talks", "(ahead of) the trade talks in Quito"
        named = {ctx.token_place[c.i].place.code for c in token.children
                 if c.dep_ in ("compound", "nmod") and c.i in ctx.token_place}
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in token.children):
            named |= {p.country for p in places}  # "(at) the summit in Y", "the summit in Y was attended by"
        if definite and named and earlier and earlier[-1]["places"] and not named & {
                p.country for p in earlier[-1]["places"]}:
            other = True  # "the talks in Munich ... the Geneva talks", "talks in Lima ... the talks in Quito": another
        frame = earlier[-1] if definite and earlier and not other else None
        if frame is None:  # "the last summit", "the next meeting": another one than the one told of
            frame = {"lemma": lemma, "places": [], "hosts": [], "sents": [], "other": other, "weak": weak,
                     "first": token}
            frames.append(frame)
        frame["sents"].append(n)
        frame["weak"] = frame["weak"] and weak  # "talks ... The session ...": a gathering after all
        by_token[token.i] = frame
        if not places and not frame["places"] and definite and token.pos_ == "NOUN" \
                and token.lemma_.lower() in lexicon().words("meeting_nouns"):
            places = _met_there_before(ctx, token, sents, n)  # "The meeting" of a verb told before
        frame["hosts"] += hosts
        frame["lead host"] = frame.get("lead host") or bool(hosts and token.sent.start in lead)
        if not frame["places"]:
            frame["places"] = places or forum
        frame["forum"] = frame.get("forum", False) or bool(forum)
    _at_the_dateline(ctx, frames)
    found: list[Found] = []
    # (frame number, trigger, attendees, travel): who attends which gathering, where it is said, and
    # whether that says they came to it (not "X held talks with leaders": X may be the host;
    # TRAVEL_ONLY: a trip given up, no meeting)
    entries: list[tuple] = []
    holds, leads = lexicon().words("hold_verbs"), lexicon().words("lead_gathering_verbs")
    for i, frame in by_token.items():
        noun = ctx.doc[i]
        attendees = _there_for(ctx, noun)
        if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() == "host":
            # "The meeting ... was hosted by A and chaired by B": B, in the chair, came to it
            entries += [(frames.index(frame), v, chairs, True) for v in conjuncts(noun.head)[1:]
                        if v.tag_ == "VBN" and v.lemma_.lower() in leads and v.lemma_.lower() != "host"
                        and (chairs := by_agents(ctx, v))]
        if not attendees and (listing := _listing_at(noun)) is not None and _lists_persons(ctx, listing):
            # "Participants in the meeting included A and B", "Present at the ceremony were A and B"
            attendees = _listed_after(ctx, listing)
        if attendees:
            entries.append((frames.index(frame), _clause_verb(noun), attendees, True))
        elif noun.dep_ == "nsubjpass" and (attended := [v for v in (noun.head, *conjuncts(noun.head)[1:])
                                                        if v.lemma_.lower() == "attend" and v.tag_ == "VBN"]) \
                and (agents := by_agents(ctx, attended[0])):
            # "the summit ... was attended by A and B", "the meeting was hosted by H and attended by A and B"
            entries.append((frames.index(frame), attended[0], agents, True))
        elif (attended := [v for v in noun.children if v.dep_ == "relcl" and v.lemma_.lower() == "attend"
                           and v.tag_ == "VBN"]) and (agents := by_agents(ctx, attended[0])):
            entries.append((frames.index(frame), attended[0], agents, True))  # "X hosted the talks, which were attended by A"
        elif noun.dep_ == "dobj" and (present := in_presence_of(ctx, noun.head)):
            entries.append((frames.index(frame), noun.head, present, True))  # "X opened the meeting in the presence of A, B"
        elif _acting_at(noun, frame, sent_no):
            # "At the closing session, X handed over the chair", "At the summit, X called for ...": X is there
            # (and the one X takes it over from or hands it over to)
            verb = noun.head.head
            handover = _people(ctx, [o for t in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                                     for o in prep_objects(t, {"from", "to"})]) \
                if any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) else []
            entries += [(number, noun, people + handover, True)
                        for number, _, people, _ in _subject_entry(ctx, frames, frame, verb)]
        else:  # "X held (two hours of) talks with Caribbean leaders": X is at the talks the next sentences tell of
            held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
            if held.dep_ == "dobj" and held.head.lemma_.lower() in holds \
                    and not _of_an_object(held.head):
                entries += _subject_entry(ctx, frames, frame, held.head, travel=False)
    verbs = lexicon().words("attend_gathering_verbs")  # "attended / addressed / joined the summit"
    cancels = lexicon().words("cancel_words")
    outs_of = {w.split()[0] for w in cancels if w.endswith(" out")}  # "pull out (of)"
    single = {w for w in cancels if " " not in w}
    for token in tokens_with(ctx.doc, verbs | {"take", "participate"} | outs_of | single) if frames else []:
        n = sent_no[token.sent.start]
        # "B and C took part": in the gathering named last
        part = token.lemma_.lower() in ("take", "participate") and takes_part(token)
        objects = [c for c in token.children if c.dep_ == "dobj"]
        inside = [o for o in prep_objects(token, {"in"}) if o.i in by_token] \
            if token.lemma_.lower() == "participate" or (token.lemma_.lower() == "take" and any(
                o.lower_ == "part" for o in objects)) else []  # "took part in the meeting", "participated in the summit"
        outs = [c for c in token.children if c.lower_ == "out" and c.dep_ in ("prt", "prep")]
        if outs and f"{token.lemma_.lower()} out" in cancels:  # "X pulled out of the summit" ("of" on "out" or on the verb)
            inside = [o for p in [*token.children, *outs[0].children] if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj" and o.i in by_token]
        # "X had been expected but cancelled his trip / his participation": in the gathering named last
        given_up = token.lemma_.lower() in single and objects and objects[0].lemma_.lower() in (
            "participation", "attendance", "trip") and any(c.dep_ == "poss" for c in objects[0].children) \
            and not any(c.dep_ == "prep" for c in objects[0].children)
        if token.pos_ != "VERB" or (token.lemma_.lower() not in verbs and not part and not inside and not given_up):
            continue
        if objects and objects[0].i in by_token:
            frame = by_token[objects[0].i]
        elif inside:
            frame = by_token[inside[0].i]
        elif given_up:  # (a gathering named in its sentence or the one before, or one the sentence says was
            # expected: "had been expected but cancelled his trip")
            expected = any(t.lemma_.lower() in ("expect", "due", "schedule", "plan") for t in token.sent)
            frame = _last_named(frames, n, lambda f: expected or max(f["sents"]) >= n - 1)
        elif part or (token.lemma_.lower() == "attend" and (not objects or objects[0].lower_ == "it")):
            frame = _last_named(frames, n)
        elif objects and objects[0].lower_ in ("which", "that") and objects[0].tag_ == "WDT":
            # "the summit in Ohrid in June, which X is also expected to attend" (the clause hung anywhere):
            # the gathering named last before the pronoun, in its sentence
            named = [i for i in by_token if token.sent.start <= i < objects[0].i]
            frame = by_token[max(named)] if named else None
        else:
            frame = None
        if frame is None:
            continue
        if token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children):
            continue  # "a conference ..., attended by A and B": its attendees are the agents (a construction's)
        subj = subject_of(token)
        attendees = ctx.actors_of(subj, persons_only=True) if subj is not None else []
        if attendees:  # "A attended the session together with her counterparts B and C"
            attendees += [a for o in prep_objects(token, {"with"}) for a in ctx.actors_of(o, persons_only=True)]
        if not attendees and subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "among" \
                and subj.head.head.lemma_ == "be":
            # "A and B were among 17 heads of state who attended": the copula's subjects
            attendees = [a for c in subj.head.head.children if c.dep_ == "nsubj"
                         for a in ctx.actors_of(c, persons_only=True)]
        if not attendees and token.dep_ == "xcomp" and token.head.head.lemma_ == "be":
            # "Also due to attend are B, C": the attendees follow the copula
            attendees = [a for c in token.head.head.children if c.dep_ in ("attr", "nsubj")
                         for a in ctx.actors_of(c, persons_only=True)]
        if not attendees and token.dep_ in ("relcl", "acl") and (token.head.lower_ == "those" or (
                token.head.tag_ == "NNS" and _lists_persons(ctx, token.head.head))) \
                and token.head.dep_ == "nsubj" and token.head.head.lemma_ in ("be", "include"):
            # "Those who attended included A, B and C", "Those attending were A and B", "Leaders
            # attending the summit included A and B"
            attendees = _listed_after(ctx, token.head.head)
        copula = token.head if token.dep_ in ("advcl", "csubj") and token.head.lemma_ == "be" else next(
            (c for c in token.children if c.dep_ == "aux" and c.lemma_ == "be" and c.i > token.i), None)
        if not attendees and token.tag_ == "VBG" and copula is not None:
            # "Taking part in the meeting were A, B and C", "Attending the talks were A and B"
            attendees = _listed_after(ctx, copula)
        if subj is not None:  # "A, who joined by video link, and B attended in person": B only
            # ("B attended virtually" as a whole: kg.extract.status gives no status, so no event)
            away = {a.key for c in conjuncts(subj)
                    if by_remote_link([k for k in c.children if k.dep_ in ("acl", "relcl")])
                    for a in ctx.actors_of(c, persons_only=True)[:1]}
            attendees = [a for a in attendees if a.key not in away]
        entries.append((frames.index(frame), token, attendees, TRAVEL_ONLY if given_up else True))
    entries += _arrivals(ctx, frames, sent_no)
    entries += _in_attendance(ctx, frames, sent_no)
    entries += _among_them(ctx, frames, sent_no)
    entries += _represented(ctx, frames, sent_no)
    entries += _welcomed_guests(ctx, frames, sent_no)
    entries += _present(ctx, frames, by_token, sent_no)
    for number, frame in enumerate(frames):
        found += _roster(ctx, frame, [entry[1:] for entry in entries if entry[0] == number])
    return found


def _at_the_dateline(ctx: Context, frames: list[dict]) -> None:
    """"CHISINAU - President X yesterday hosted the summit at a castle outside the capital": a
    gathering that a sentence of the lead says someone hosts (``lead host``), at a place the article
    does not name otherwise (or one the gazetteer does not know), is at the dateline, unless a host is
    of another state."""
    for frame in frames:
        if not frame["places"] and frame.get("lead host") and not frame["other"] \
                and all(h.country in (None, ctx.dateline.place.code) for h in frame["hosts"]):
            # (not "JERUSALEM - ... The summit, hosted by Egyptian President X": in Egypt, somewhere)
            frame["places"] = [ctx.place_actor(ctx.dateline.place)]


TRAVEL_ONLY = "travel only"  # an entry's travel field: the trip is told (given up), no meeting follows


def _city_in_name(ctx: Context, token) -> list[Actor]:
    """The city in a gathering's own name ("the Bergen Energy Forum": Bergen), a forum many come
    to (a state in it may be its topic: "the Chad Donors Conference" in Paris)."""
    if token.pos_ != "PROPN" or token.lemma_.lower() not in ("conference", "forum", "dialogue"):
        return []  # (not "the Vilnius NATO Summit": a summit's leaders meet)
    words = [d for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" for d in c.subtree
             if d.dep_ == "compound" and d.pos_ == "PROPN"]
    cities = [d for d in words if d.i in ctx.token_place and ctx.token_place[d.i].place.kind == "city"]
    if not cities or all(d.i in ctx.token_place for d in words):
        return []  # (not "the Lima Summit": a city's summit, no forum's name)
    return [ctx.place_actor(ctx.token_place[cities[0].i].place)]


def _people(ctx: Context, tokens) -> list[Actor]:
    return [a for t in tokens for a in ctx.actors_of(t, persons_only=True)]


def _acting_at(noun, frame: dict, sent_no: dict) -> bool:
    """A verb's 'at' phrase that names again a gathering told before with its place ("... gathered in
    Lima for a summit. At the closing session, X ...") or names one with whom it is held ("X said at a
    meeting with his counterparts ..."): what the verb's subject does there."""
    verb = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "at" or verb.pos_ != "VERB" or frame["weak"]:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return True  # "X denied the reports at a meeting with his counterparts"
    return bool(frame["places"]) and min(frame["sents"]) < sent_no[noun.sent.start] \
        and any(c.dep_ in ("det", "poss") for c in noun.children)


def _of_an_object(verb) -> bool:
    """An infinitive that tells of a noun rather than of the clause's subject: "welcomed the decision
    to open talks" (however the parser hangs it), not "arrived in Y to hold talks"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "acl":
        return True
    head = verb.head
    moves = lexicon().words("travel_to_verbs") | lexicon().words("arrive_verbs")
    return verb.dep_ == "advcl" and head.lemma_.lower() not in moves and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < verb.i for c in head.children)


def _met_there_before(ctx: Context, noun, sents: list, n: int) -> list[Actor]:
    """"The foreign ministers of A and B are to meet in Arusha next week. The meeting, brokered by
    ...": the place of the meeting a verb told just before the definite noun (in its sentence or the
    two before), when no one it names met there (those are the finders' own: "X and Y met in Lisbon.
    Z joined the talks later")."""
    meets = lexicon().words("meet_verbs")
    for sent in reversed(sents[max(0, n - 2):n + 1]):
        for verb in reversed([t for t in sent if t.i < noun.i and t.pos_ == "VERB" and t.lemma_.lower() in meets]):
            subj = subject_of(verb)
            if subj is not None and ctx.actors_of(subj, persons_only=True):
                return []
            places = [d for o in prep_objects(verb, {"in", "at"}) for d in ctx.places_of(o)]
            if places:
                return places
    return []


def _there_for(ctx: Context, noun) -> list[Actor]:
    """Persons a gathering noun's 'for' phrase puts at the gathering: "X flew in / arrived in Lima /
    is in Lima / joined other leaders for the summit"; "A and B, both in Ohrid for the summit, met". Not "X prepared for
    the summit" (a verb of travel or presence only)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    lex = lexicon()
    head = noun.head.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in (
            lex.words("travel_to_verbs") | lex.words("arrive_verbs") | {"be", "join"}):
        subj = subject_of(head)
        return ctx.actors_of(subj, persons_only=True) if subj is not None else []
    # "X, in Lima for the summit" / "A and B, both in Lima for the summit": the phrase hangs on the
    # person, on the place or on "both"; a place phrase ('in Lima') tells that it is presence
    if head.dep_ == "pobj" and head.pos_ == "PROPN" and head.head.lower_ in ("in", "at"):
        head = head.head.head
    elif not any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.pos_ == "PROPN" for o in c.children)
                 for t in (head, *[c for c in head.children if c.dep_ == "appos"]) for c in t.children):
        return []
    if head.dep_ == "appos" and head.pos_ == "PRON":
        head = head.head
    return ctx.actors_of(head, persons_only=True) if head.pos_ == "PROPN" else []


def _present(ctx: Context, frames: list[dict], by_token: dict, sent_no: dict) -> list[tuple]:
    """Attendees a copula lists: "At the talks were A and B", "Around the table at yesterday's retreat
    were A, B and C" (the gathering named there), "Around the table were A and B", "Among those attending
    were A, B and C" (the one named last)."""
    tables = lexicon().words("table_nouns")
    out = []
    for token in tokens_with(ctx.doc, {"be", "were", "was", "are", "is"}) if frames else []:
        if token.lemma_ != "be" or token.pos_ != "AUX" and token.pos_ != "VERB":
            continue
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "around", "round", "among")]
        frame = None
        attending = lexicon().words("attend_gathering_verbs")
        for prep in preps:
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                inner = [o for o in prep_objects(obj, {"at"}) if o.i in by_token]
                if prep.lower_ == "among":
                    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in attending for c in obj.children):
                        # "Among those attending were A, B": the gathering named last with its place (not "the
                        # opening ceremony" of it)
                        frame = _last_named(frames, sent_no[token.sent.start], lambda f: bool(f["places"]))
                elif obj.i in by_token:
                    frame = by_token[obj.i]
                elif inner:
                    frame = by_token[inner[0].i]
                elif obj.lemma_.lower() in tables and prep.lower_ != "at":
                    frame = _last_named(frames, sent_no[token.sent.start])
        attendees = _listed_after(ctx, token)
        if frame is not None and len(attendees) >= 2:
            out.append((frames.index(frame), token, attendees, True))
    return out


def _listed_after(ctx: Context, copula) -> list[Actor]:
    """Everyone a copula's (or "include"'s) list names after it ("... were A, B and C", "Those who
    attended included A and B"; the parser hangs a long list's items in many ways)."""
    return _unique([ctx.person_actor(k) for t in copula.subtree if t.i > copula.i and (k := ctx.person_at(t))])


def _lists_persons(ctx: Context, verb) -> bool:
    """Is a person the object or attribute of ``verb`` ("... included A and B", "... were A and B"),
    not "... were critical of A"?"""
    return any(c.dep_ in ("attr", "dobj") and ctx.person_at(c) for c in verb.children)


def _listing_at(noun):
    """The copula or "include" of "Participants in the meeting included ...", "Present at the
    ceremony were ...": the gathering in a phrase of the clause's plural subject or of "present"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return None
    word = prep.head
    if word.dep_ == "nsubj" and word.tag_ == "NNS" and word.head.lemma_ in ("be", "include"):
        return word.head
    if word.lower_ == "present" and word.dep_ == "acomp" and word.head.lemma_ == "be" and word.i < word.head.i:
        return word.head  # (not "Some ministers were present at the event: A, B": staff, no list of those who met)
    return None


def _clause_verb(noun):
    """The verb a 'for the summit' phrase tells of: its own head ("flew in for the summit"), else the
    verb of the clause it sits in ("A, in Lima for the summit, met B": met)."""
    head = noun.head.head
    return head if head.pos_ in ("VERB", "AUX") else governing_verb(head) or head


def _last_named(frames: list[dict], n: int, fits=lambda frame: True) -> dict | None:
    """The gathering named last up to sentence ``n``, within :data:`RECENT` sentences, that is the one
    the story tells of (not "the last summit in Abuja") and ``fits``."""
    named = [(max(s for s in f["sents"] if s <= n), i) for i, f in enumerate(frames)
             if not f["other"] and not f["weak"] and fits(f) and any(n - RECENT <= s <= n for s in f["sents"])]
    return frames[max(named)[1]] if named else None


def _represented(ctx: Context, frames: list[dict], sent_no: dict) -> list[tuple]:
    """'Bolivia was represented by X': X attends the gathering named in that sentence or the two
    before (the last one named)."""
    out = []
    for token, _, by, passive in representations(ctx.doc) if frames else []:
        if not passive or token.tag_ != "VBN":
            continue
        subj = subject_of(token)  # "Sudan was represented by X": not at a gathering in Sudan
        home = {p.country for p in ctx.places_of(subj)} if subj is not None else set()

        def abroad(frame: dict, home: set = home) -> bool:
            return not {p.country for p in frame["places"][:1]} & home

        # the one named with its place, before a session or ceremony of it ("... told the opening session")
        frame = _last_named(frames, sent_no[token.sent.start], lambda f: bool(f["places"]) and abroad(f)) \
            or _last_named(frames, sent_no[token.sent.start], abroad)
        attendees = [a for o in by for a in ctx.actors_of(o, persons_only=True)]
        if frame is not None and attendees:
            out.append((frames.index(frame), token, attendees, True))
    return out


def _roster(ctx: Context, frame: dict, entries: list[tuple]) -> list[Found]:
    """What the article says of who attends one gathering: each attendee from another state travels
    to its place (:func:`_attending`); the host and all attendees meet, in one meeting for those
    whose attendance has the same status ("A attended; B also attended": A, B and the host;
    "C will attend": apart), told where most of them are named (rule :data:`ROSTER`)."""
    out: list[Found] = []
    by_status: dict[str | None, list[tuple]] = {}
    for token, attendees, travel in entries:
        if travel:
            out += [f for f in _attending(ctx, token, frame, attendees, "gathering.attend") if f.kind == "visit"]
        if travel == TRAVEL_ONLY:
            continue  # "X cancelled his trip": X's trip is off; X meets no one there, not even in a plan called off
        status = reported_status(ctx, Found("meeting", token, {"participant": attendees}, ROSTER))
        by_status.setdefault(status, []).append((token, attendees))
    if frame["lemma"] in lexicon().words("ceremony_nouns") or frame.get("forum"):
        return out  # "A and B attended the inauguration", "the Bergen Energy Forum": they travel to
        # it, they do not meet as such
    for status, group in by_status.items():
        # the evidence: where most of them are named (the first such place); a construction's
        # meeting read from the same word is then one with it (kg.extract.events._subsumed)
        group.sort(key=lambda entry: (-len(entry[1]), entry[0].i))
        attendees = _unique([a for _, people in sorted(group, key=lambda entry: entry[0].i) for a in people])
        if status in OFF and len(attendees) < 2:
            continue  # "X pulled out of the summit": X's trip is off; the others still meet
        out += [f for f in _attending(ctx, group[0][0], frame, attendees, ROSTER) if f.kind == "meeting"]
    return out


def setting(ctx: Context, token) -> tuple[list[Actor], list[Actor]]:
    """(hosts, places) one mention of a gathering noun names: "a summit in Lima", "the Lima summit",
    "gathered in Lima for a summit", "arrived in Vilnius to attend a summit"; "a summit (on X)
    hosted by H", "the summit is hosted by H", "H hosted leaders at a summit in Y", "H hosts / chairs /
    presides over the summit"."""
    places = [d for o in prep_objects(token, {"in", "at"}) for d in ctx.places_of(o)]
    if not places and token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.pos_ in ("VERB", "AUX"):
        # "gathered in Hiroshima for a summit", "arrived in Lima for a conference", "joined other
        # leaders in Lima for a summit"
        verb = token.head.head
        places = [d for t in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                  for o in prep_objects(t, {"in", "at"}) for d in ctx.places_of(o)]
    if not places and token.dep_ == "dobj" and token.head.lemma_.lower() == "attend" \
            and token.head.dep_ in ("advcl", "xcomp") and token.head.head.lemma_.lower() in lexicon().words("arrive_verbs"):
        # "arrived in Vilnius to attend a NATO summit": the summit is where they arrived
        places = [d for o in prep_objects(token.head.head, {"in", "at"}) for d in ctx.places_of(o)]
    hosts: list[Actor] = []
    leads = lexicon().words("lead_gathering_verbs")
    verb = token.head
    topics = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "about") for o in p.children]
    for acl in [c for t in [token, *topics] for c in t.children]:
        # "a three-day summit hosted by X", "a summit on the crisis hosted by X"
        if acl.dep_ == "acl" and acl.lemma_.lower() in leads:
            hosts += by_agents(ctx, acl)
    if verb.lemma_.lower() in leads and token.dep_ == "nsubjpass":  # "the session was chaired by X"
        hosts += by_agents(ctx, verb)
    elif token.dep_ == "pobj" and token.head.lower_ in ("at", "for") and verb.head.lemma_.lower() == "host":
        subj = subject_of(verb.head)  # "X hosted African leaders at a summit in Y"
        hosts += ctx.actors_of(subj, persons_only=True) if subj is not None else []
        if not places:
            places = [d for o in prep_objects(verb.head, {"in"}) for d in ctx.places_of(o)]
    elif token.dep_ == "dobj" and verb.lemma_.lower() in leads or (
            token.dep_ == "pobj" and verb.lower_ == "over" and verb.head.lemma_.lower() == "preside"):
        verb = verb.head if verb.lower_ == "over" else verb  # "X hosted / chaired / presided over the meeting"
        if not places:  # "X chaired in Algiers the meeting of ..."
            places = [d for o in prep_objects(verb, {"in"}) for d in ctx.places_of(o)]
        subj = subject_of(verb)
        hosts += ctx.actors_of(subj, persons_only=True) if subj is not None else []
    if not places:  # "the Lima summit"
        places = [ctx.place_actor(ctx.token_place[c.i].place) for c in token.children
                  if c.dep_ in ("compound", "nmod") and c.i in ctx.token_place]
    if not places and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB":
        # "talks ended in Kinshasa", "the summit was held in Lima", "the meeting opened in Cairo"
        places = [d for o in prep_objects(token.head, {"in", "at"}) for d in ctx.places_of(o)][:1]
    if not places:  # "the leaders' meeting, which opens in Yaren on Monday" (also hung on its topic: "the
        # conference on Sudan, which opened in Addis Ababa")
        opening = lexicon().words("opening_verbs")
        places = [d for r in (c for t in [token, *topics] for c in t.children) if r.dep_ == "relcl"
                  and (r.head.i == token.i or r.lemma_.lower() in opening) and any(  # (not "a summit on the war, which began in X")
                  c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in r.children)
                  for o in prep_objects(r, {"in", "at"}) for d in ctx.places_of(o)][:1]
    if not places:  # "the summit, scheduled to be held in Amman next month", "a summit held / hosted by X in Lima"
        venue = lexicon().words("hold_verbs") | lexicon().words("plan_words") | leads
        places = [d for a in token.children if a.dep_ == "acl" and a.lemma_.lower() in venue
                  for v in (a, *(x for x in a.children if x.dep_ == "xcomp" and x.lemma_.lower() in venue))
                  for o in prep_objects(v, {"in", "at"}) for d in ctx.places_of(o)][:1]
    if not places:  # "... at the 32nd session of the Council, held yesterday in Lima": the participle the
        # parser hung on the clause's verb tells of the last gathering named before it
        venue, gatherings = lexicon().words("hold_verbs"), lexicon().words("gathering_nouns")
        held = next((t for t in token.sent if t.i > token.i and t.tag_ == "VBN" and t.dep_ == "advcl"
                     and t.lemma_.lower() in venue and not any(c.dep_.startswith("nsubj") for c in t.children)), None)
        if held is not None and not any(t.lemma_.lower() in gatherings or t.lower_ in gatherings
                                        for t in token.doc[token.i + 1:held.i]):
            places = [d for o in prep_objects(held, {"in", "at"}) for d in ctx.places_of(o)][:1]
    if not places and token.pos_ == "NOUN" and token.is_lower and token.sent.start > 0 and token.dep_ == "nsubjpass" \
            and token.head.lemma_.lower() in lexicon().words("lead_gathering_verbs") \
            and not any(c.dep_ in ("amod", "compound") for c in token.children) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):  # (not "The next summit will be ...")
        # "Foreign ministers of A, B and C met in the capital Kigali on Tuesday. The meeting was hosted
        # by X (and attended by ...)": the meeting the sentence before told of, where it was held
        before = token.doc[token.sent.start - 1].sent
        meets = lexicon().words("meet_verbs")
        places = next((found for v in before if v.pos_ == "VERB" and v.lemma_.lower() in meets
                       if (found := [d for o in prep_objects(v, {"in", "at"})
                                     for x in (o, *(a for a in o.children if a.dep_ == "appos")) for d in ctx.places_of(x)])),
                      [])[:1]  # (also "in the capital Kigali")
    if not places and token.pos_ == "PROPN":  # "the 45th Regular Meeting of the Conference ... at the Hyatt, Lima"
        # not "... on the political situation in Guinea": a place of the summit's topic is no venue
        topics = lexicon().words("topic_nouns")
        places = [d for t in token.subtree if t.dep_ == "prep" and t.lower_ in ("in", "at")
                  and t.head.lemma_.lower() not in topics
                  for o in t.children if o.dep_ == "pobj" for d in ctx.places_of(o)][:1]
    return hosts, places


def _attending(ctx: Context, token, frame: dict, attendees: list[Actor], rule: str) -> list[Found]:
    """What attending a gathering says: host and attendees meet (two persons or more); attendees
    from another state travel to its place."""
    out = []
    people = _unique(frame["hosts"] + attendees)
    if attendees and len(people) >= 2:
        roles = {"participant": people, **({"place": frame["places"][:1]} if frame["places"] else {})}
        # its date, when the sentence that lists them gives none: the one where it is first named ("at a
        # summit in Lima on Friday ... Those who attended included A and B")
        out.append(Found("meeting", token, roles, rule, date_from=frame["first"]))
    hosts = {h.key for h in frame["hosts"]}
    for place in frame["places"][:1]:  # not "its ambassador in Algiers" at a meeting in Algiers
        travelers = [a for a in attendees if a.key not in hosts and a.country != place.country
                     and not resident_envoy(ctx, a.key, place.country)]
        if travelers:
            out.append(Found("visit", token, {"traveler": travelers, "destination": [place]}, rule))
    return out


def in_presence_of(ctx: Context, verb) -> list[Actor]:
    """The persons of a verb's 'in the presence of ...' phrase (the ministers it lists after a colon too)."""
    return [a for o in prep_objects(verb, {"in"}) if o.lemma_.lower() in lexicon().words("presence_nouns")
            for w in prep_objects(o, {"of"}) for a in ctx.actors_of(w, persons_only=True)]


def _welcomed_guests(ctx: Context, frames: list[dict], sent_no: dict) -> list[tuple]:
    """'Heads of state opened a summit in Nouakchott. President X welcomed his counterparts A, B and C
    at the conference centre': right after a gathering with a place is named, those a person welcomes,
    receives or greets (lexicon ``welcome_verbs``) where no other place is said come for it, and
    the one who welcomes them is there too."""
    out: list[tuple] = []
    welcome = lexicon().words("welcome_verbs")
    for verb in tokens_with(ctx.doc, welcome) if frames else []:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in welcome \
                or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        n = sent_no[verb.sent.start]  # the gathering named in this sentence or the one before
        frame = _last_named(frames, n, lambda f: bool(f["places"]) and any(n - 1 <= k <= n for k in f["sents"]))
        if frame is None:
            continue
        named = [p for o in prep_objects(verb, {"in", "at", "to"}) for p in ctx.places_of(o)]
        if any(p.country != frame["places"][0].country for p in named):
            continue  # "welcomed A in Lima": that place's welcome, not the gathering's
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        counterparts = any(o.lemma_.lower() in lexicon().words("counterpart_nouns") for o in objects)
        # guests of another state than the gathering's ("his counterparts", "the President of Somalia X"),
        # not a local official welcomed
        # (not an envoy posted to another state than the gathering's: "welcomed the new ambassador
        # to Y", a call at his post)
        guests = [a for o in objects for a in ctx.actors_of(o, persons_only=True)
                  if (counterparts or (a.country and a.country != frame["places"][0].country))
                  and not posted_to(ctx, a.key) - {frame["places"][0].country}]
        if not guests:
            continue
        out.append((frames.index(frame), verb, guests, True))
        out += _subject_entry(ctx, frames, frame, verb, travel=False)
    return out


def _in_attendance(ctx: Context, frames: list[dict], sent_no: dict) -> list[tuple]:
    """'X was also in attendance', 'Other ministers in attendance were A, B and C': they attend the
    gathering named last (within :data:`RECENT` sentences)."""
    out: list[tuple] = []
    for token in tokens_with(ctx.doc, lexicon().words("attendance_nouns")) if frames else []:
        verb = token.head.head
        if token.dep_ != "pobj" or token.head.lower_ != "in":
            continue
        frame = _last_named(frames, sent_no[token.sent.start])
        if verb.lemma_ == "be":
            out += _subject_entry(ctx, frames, frame, verb)
        elif frame is not None and (listing := _listing_at(token)) is not None and _lists_persons(ctx, listing):
            out.append((frames.index(frame), listing, _listed_after(ctx, listing), True))
    return out


def _subject_entry(ctx: Context, frames: list[dict], frame: dict | None, verb, travel: bool = True) -> list[tuple]:
    """The entry that ``verb``'s subject attends ``frame`` (none without a frame or a person)."""
    subj = subject_of(verb)
    people = ctx.actors_of(subj, persons_only=True) if subj is not None else []
    return [(frames.index(frame), verb, people, travel)] if frame is not None and people else []


def _arrivals(ctx: Context, frames: list[dict], sent_no: dict) -> list[tuple]:
    """'X landed at the airport on Thursday morning', 'Y arrived in the course of the day': an arrival
    that names no place of its own, told within :data:`RECENT` sentences of the gathering the story
    is about, is an arrival for it (not "X arrived home", not "arrived in Lima", not "arrived for a
    three-day visit")."""
    arrive = lexicon().words("arrive_verbs")
    out: list[tuple] = []
    for token in tokens_with(ctx.doc, arrive) if frames else []:
        if token.pos_ != "VERB" or token.lemma_.lower() not in arrive or any(
                c.lower_ in lexicon().words("return_words") for c in token.children):
            continue
        if any(o.lemma_.lower() in lexicon().words("travel_nouns") for o in prep_objects(token, {"for"})):
            continue  # "who arrived on Monday for a three-day visit": a visit of its own, not the gathering's
        named = [p for o in prep_objects(token, {"in", "at", "to", "into", "on"}) for p in ctx.places_of(o)]
        frame = _last_named(frames, sent_no[token.sent.start])
        if named:  # where the arrival is, is said: a visit of its own (visit.verb.arrive); in the very city
            # of the gathering the story tells of, also an arrival for it ("X, who arrived in Addis Ababa
            # this morning" in a story of the summit there)
            if frame is not None and frame["places"] and frame["places"][0].kind == "city" \
                    and any(p.key == frame["places"][0].key for p in named):
                out += _subject_entry(ctx, frames, frame, token)
            continue
        if frame is not None and ctx.dateline is not None and not any(
                p.country == ctx.dateline.place.code for p in frame["places"][:1]):
            continue  # "TIRANA - X arrived with a delegation": at the dateline (visit.verb.arrive)
        out += _subject_entry(ctx, frames, frame, token)
    return out


def _among_them(ctx: Context, frames: list[dict], sent_no: dict) -> list[tuple]:
    """'Leaders met for a summit in Lima. Among them were A, B and C'; 'Among the leaders who arrived on
    Tuesday were A and B': the persons listed attend the gathering named last (within :data:`RECENT`
    sentences) and travel to its place. Not "among those expected are" (a plan, not read here)."""
    lex = lexicon()
    came = {"attend", "present"} | lex.words("arrive_verbs") | lex.words("travel_to_verbs")
    out: list[tuple] = []
    for token in tokens_with(ctx.doc, {"among"}) if frames else []:
        verb = token.head
        objs = [o for o in token.children if o.dep_ == "pobj"]
        if token.dep_ != "prep" or verb.lemma_ != "be" or not objs or verb.tag_ != "VBD":
            continue
        clauses = [c for c in objs[0].children if c.dep_ in ("relcl", "acl", "amod")]
        if not (objs[0].lower_ == "them" and not clauses) and not any(c.lemma_.lower() in came for c in clauses):
            continue  # "among them were", "among the leaders who arrived were"
        if any(ctx.places_of(o) for c in clauses for o in prep_objects(c, {"to", "in", "into"})):
            continue  # "Among those who travelled to Apia were A and B": where they went is said (visit.among-those)
        frame = _last_named(frames, sent_no[token.sent.start])
        attendees = _listed_after(ctx, verb)
        if frame is not None and attendees:
            out.append((frames.index(frame), verb, attendees, True))
    return out


def find_named_after(ctx: Context) -> list[Found]:
    """'The leaders of A, B and C met in Tokyo on Tuesday. X, Y and Z discussed trade.': a group of
    persons meets (its subject names no one: "leaders", "foreign ministers") and the next sentence's
    subject names two or more persons ("They were X and Y" too): those are the group. They meet;
    those from another state travel to the meeting's place."""
    lex = lexicon()
    verbs = lex.words("meet_verbs") | lex.words("gather_verbs")
    groups = lex.words("group_heads") | lex.words("leader_offices")
    sents = list(ctx.doc.sents)
    sent_no = ctx.sent_no
    found: list[Found] = []
    for token in tokens_with(ctx.doc, verbs):
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs or token.dep_ not in ("ROOT", "conj"):
            continue
        subj = subject_of(token)
        n = sent_no[token.sent.start]
        if subj is None or subj.tag_ != "NNS" or not _group_words(subj) & groups or n + 1 >= len(sents) \
                or ctx.actors_of(subj, persons_only=True) or any(c.dep_ == "prep" and c.lower_ == "with"
                                                                  for c in token.children):
            continue  # "leaders met" (not "leaders met with X": the others are named there)
        root = sents[n + 1].root
        if root.lemma_.lower() in lex.words("attend_gathering_verbs"):
            continue  # "A and B addressed the gathering": attendance reads it, with the gathering's host
        named = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]  # "A, B and C": at times two
        if [c.lower_ for c in named] == ["they"] and root.lemma_ in ("include", "be"):
            named = [c for c in root.children if c.dep_ in ("dobj", "attr")]  # "They were X and Y"
        members = _unique([a for c in named for a in ctx.actors_of(c, persons_only=True)])
        if len(members) < 2:
            continue
        gatherings = lex.words("gathering_nouns")  # "for a summit hosted by H"
        hosts = [h for o in prep_objects(token, {"for"}) if o.lemma_.lower() in gatherings for h in setting(ctx, o)[0]]
        frame = {"hosts": hosts, "places": [d for o in prep_objects(token, {"in", "at"}) for d in ctx.places_of(o)],
                 "first": token}
        found += _attending(ctx, token, frame, members, "gathering.named-after")
    return found


def _group_words(noun) -> set[str]:
    """How a plural noun names its group: "leaders" (leaders, leader); "heads of state" (also head of state)."""
    words = {noun.lower_, noun.lemma_.lower()}
    return words | {f"{noun.lemma_.lower()} of {o.lower_}" for o in prep_objects(noun, {"of"})}


def find_guests(ctx: Context) -> list[Found]:
    """'X (and Y) will be in Lima as the guests of President Z': the guests travel to the place,
    whatever their own country (being someone's guest there says they come from elsewhere), Z
    hosts them, and guests and host meet."""
    found = []
    for token in tokens_with(ctx.doc, {"guest", "guests"}):
        if token.lemma_.lower() != "guest" or token.pos_ != "NOUN":
            continue
        hosts = [a for o in prep_objects(token, {"of"}) for a in ctx.actors_of(o, persons_only=True)]
        verb = governing_verb(token)
        while verb is not None and verb.lemma_ != "be" and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        if not hosts or verb is None or verb.lemma_ != "be":
            continue
        subj = subject_of(verb)
        guests = [g for g in (ctx.actors_of(subj, persons_only=True) if subj is not None else [])
                  if g.key not in {h.key for h in hosts}]
        places = [d for o in prep_objects(verb, {"in"}) for d in ctx.places_of(o)]
        if not guests:
            continue
        found.append(Found("meeting", token, {"participant": guests + hosts}, "gathering.guests"))
        travelers = [g for g in guests if all(g.country != d.country for d in places)]
        if places and travelers:
            found.append(Found("visit", token, {"traveler": travelers, "destination": places[:1], "host": hosts[:1]},
                               "gathering.guests"))
    return found
