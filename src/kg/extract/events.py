"""Found facts -> :class:`~kg.model.Event` records: status, date, attribution, cause, evidence, and
one event per (kind, roles, status) in an article.

Reads the :class:`~kg.extract.syntax.Found` records of the finders; adds nothing to the context.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date, timedelta

from spacy.tokens import Span, Token

from kg import geo
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon
from kg.extract.status import chain_of, clause_dates, is_day_time, noun_clauses, reporting_time, settle, status_of
from kg.extract.syntax import LEG_OF_TOUR, TRIP_MADE_TOO, Found, evidence_of, of_predicate_noun, subject_of, tokens_with
from kg.extract.timex import WEEKDAYS, resolve
from kg.model import Event, TimeValue

_PRECISION = {"year": 0, "month": 1, "day": 2}


def to_events(ctx: Context, found: list[Found], anchor: Date | None) -> tuple[Event, ...]:
    out: dict[tuple, Event] = {}
    bare_nouns: set[tuple[int, int]] = set()  # evidence anchors of nouns with no status word of their own
    former_plans: set[tuple[int, int]] = set()  # "had been scheduled to visit": a plan made before
    was_to: set[tuple[int, int]] = set()  # "Y was to hold talks with X"
    described: list[Event] = []  # "X is the first minister to visit Y": a report only when no other is
    for f in found:
        event = _event(ctx, f, anchor)
        if event is not None:
            if _is_the_first_to(f.trigger) or _first_of_its_kind(f.trigger):
                described.extend(_split_visits(ctx, f, event))
                continue
            if f.trigger.pos_ in ("NOUN", "PROPN") and event.status == "occurred" and not (event.time and event.time.text):
                bare_nouns.add((event.evidence.anchor_start, event.evidence.anchor_end))
            if event.status == "planned" and _had(f.trigger):
                former_plans.add((event.evidence.anchor_start, event.evidence.anchor_end))
            if event.status == "planned" and event.kind == "meeting" and _was_to(f.trigger):
                was_to.add((event.evidence.anchor_start, event.evidence.anchor_end))
            for e in _split_visits(ctx, f, event):
                out.setdefault((e.kind, e.roles, e.status, e.evidence.start), e)
    told = {(e.kind, e.role("traveler"), e.role("destination")) for e in out.values()}
    for e in described:
        if (e.kind, e.role("traveler"), e.role("destination")) not in told:
            out.setdefault((e.kind, e.roles, e.status, e.evidence.start), e)
    merged = _merge_repeats(out, ctx.body_start, bare_nouns)
    merged = _subsumed(merged, ctx.body_start)
    merged = _superseded(merged, former_plans, was_to)
    events = _causes_elsewhere(ctx, list(merged.values()))
    return tuple(sorted(events, key=lambda e: (e.evidence.start, e.kind, e.roles)))


def _is_the_first_to(trigger: Token) -> bool:
    """"X is the first minister to visit Y": a present copula describes a trip the article reports
    (made or ahead), it does not report one of its own."""
    return of_predicate_noun(trigger) and trigger.head.head.tag_ in ("VBZ", "VBP")


def _first_of_its_kind(trigger: Token) -> bool:
    """'..., which would make him the first foreign minister to travel to Y': an infinitive whose doer
    is "the first / last / only" of a kind describes a trip the article tells elsewhere, if it does."""
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    doers = [c for c in trigger.children if c.dep_ == "nsubj"]
    doers += [trigger.head] if trigger.dep_ in ("acl", "relcl") else []
    return any(a.dep_ == "amod" and a.lower_ in ("first", "last", "only") for d in doers for a in d.children)


def _own_time(token: Token, bounds: frozenset[str]) -> bool:
    """Does ``token``, on the way up from an event to a dated word, open a clause or phrase with a
    time of its own: "weeks after X travelled" (advcl), "after a visit to China" (prep), "a visit,
    during which he is to meet X" (relcl)?"""
    if token.dep_ == "relcl":
        return True
    if token.dep_ == "prep":
        return token.lower_ in bounds
    return token.dep_ in ("advcl", "pcomp") and any(m.dep_ == "mark" and m.lower_ in bounds for m in token.children)


def _in_other_relative(token: Token, trigger: Token) -> bool:
    """Is ``token`` inside a relative clause that does not hold ``trigger``?"""
    t = token
    while t.head.i != t.i:
        if t.dep_ == "relcl":
            return not (t.left_edge.i <= trigger.i <= t.right_edge.i)
        t = t.head
    return False


def _in_other_bound(token: Token, trigger: Token, bounds: frozenset[str]) -> bool:
    """Is ``token`` inside a 'since / after / until ...' clause that does not hold ``trigger``?"""
    t = token
    while t.head.i != t.i:
        if _own_time(t, bounds) and t.dep_ != "relcl":
            return not (t.left_edge.i <= trigger.i <= t.right_edge.i)
        t = t.head
    return False


def _during_stay(trigger: Token) -> bool:
    """Is the trigger's clause set 'during his stay / visit / trip' (a visit under way)?"""
    nouns = lexicon().words("travel_nouns") | {"stay"}
    return any(c.dep_ == "prep" and c.lower_ == "during" and any(
        o.lemma_.lower() in nouns and any(d.dep_ == "poss" for d in o.children) for o in c.children)
        for t in chain_of(trigger)[:4] for c in t.children)


def _made_then(trigger: Token, status: str, time: TimeValue | None) -> bool:
    """'He eventually made the trip last June': the trip told of before, made at a time of its own
    (lexicon ``undertake_verbs``): a report that it took place then."""
    return status == "occurred" and time is not None and bool(time.text) and trigger.dep_ == "dobj" \
        and trigger.head.lemma_.lower() in lexicon().words("undertake_verbs")


def _had(trigger: Token) -> bool:
    """A past perfect over the trigger ("had been scheduled to leave ... for a visit"), or over the
    trip its relative clause tells of ("had been scheduled to leave for a trip, during which he was to
    hold talks")."""
    chain = chain_of(trigger)
    tokens = chain[:5]
    if chain[-1].dep_ == "relcl" and chain[-1].head.pos_ == "NOUN" and \
            chain[-1].head.lemma_.lower() in lexicon().words("travel_nouns"):
        tokens += chain_of(chain[-1].head)[:5]
    return any(c.lower_ == "had" and c.dep_ == "aux" for t in tokens for c in t.children)


def _was_to(trigger: Token) -> bool:
    """'Y was to hold talks with X': a plan told in the past tense of 'be to'."""
    tokens = chain_of(trigger)[:5]
    return any(t.lemma_ == "be" and t.tag_ == "VBD" and k > 0
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in tokens[k - 1].children) for k, t in enumerate(tokens))


def _superseded(merged: dict, former_plans: set[tuple[int, int]], was_to: set[tuple[int, int]] = frozenset()) -> dict:
    """A plan told in the past perfect ("had been scheduled to visit") of a trip or meeting the
    article reports called off or put off is that trip's old plan, not a second event; so is a
    plan a later sentence calls off by referring back to it ("the trip", "the Y stop"); and talks
    one "was to hold" right after that one's trip is told called off went with the trip ("X's visit
    has been postponed. X was to hold talks with Y")."""
    def who(event: Event) -> tuple:
        return (event.kind, tuple((k, v) for k, v in event.roles if k not in ("place", "host")))

    off = {who(e) for e in merged.values() if e.status in ("cancelled", "postponed")}
    # "X will go on to Y. The Y stop was later scrapped": the plan the anaphor calls off
    off_later = {who(e): e.evidence.start for e in merged.values()
                 if e.status in ("cancelled", "postponed") and "+anaphor" in e.rule}
    trips_off = {t: e.status for e in merged.values() if e.kind == "visit" and e.status in ("cancelled", "postponed")
                 for t in e.role("traveler")}
    just_off = {(t, e.evidence.end) for e in merged.values() if e.kind == "visit" and e.status in ("cancelled", "postponed")
                for t in e.role("traveler")}
    out = {}
    for key, e in merged.items():
        former = e.status == "planned" and (e.evidence.anchor_start, e.evidence.anchor_end) in former_plans
        if former and who(e) in off:
            continue
        if e.status == "planned" and off_later.get(who(e), -1) > e.evidence.start:
            continue
        travelers = [p for p in e.role("participant") if p in trips_off] if former and e.kind == "meeting" else []
        if not travelers and e.kind == "meeting" and e.status == "planned" \
                and (e.evidence.anchor_start, e.evidence.anchor_end) in was_to:
            travelers = [p for p in e.role("participant") for t, end in just_off
                         if t == p and (end == e.evidence.end or 0 <= e.evidence.start - end <= 3)]
        if travelers:  # "X had been expected in Y for talks with Z": the talks went with the trip
            e = replace(e, status=trips_off[travelers[0]])
        out[key] = e
    return out


def reported_status(ctx: Context, f: Found) -> str | None:
    """The status the event of ``f`` would have (None: it gives no event)."""
    event = _event(ctx, f, ctx.date)
    return event.status if event is not None else None


def _event(ctx: Context, f: Found, anchor: Date | None) -> Event | None:
    trigger = f.trigger
    sent = trigger.sent
    headline = sent.start_char < ctx.body_start
    if f.status is not None:
        status, cue = f.status, trigger.text
        first, _ = status_of(trigger, headline=headline)
        if first in ("cancelled", "postponed", None):
            status, cue = first, cue
    else:
        status, cue = status_of(trigger, headline=headline)
    if f.kind == "statement" and status in ("cancelled", "postponed", None):
        status, cue = "occurred", trigger.text  # a cancel word elsewhere in the clause is what was said
    if status is None:
        return None
    ahead = None if status in ("cancelled", "postponed") else status in ("planned", "considered")
    if _had(trigger):
        ahead = False  # "had been planned for February", "had been scheduled to leave Friday for a visit": before
        # (a weekday of a trip then called off or put off is read either side: _nearest_weekday)
    time = _date(ctx, sent, trigger, ahead)
    if time is None and f.date_from is not None:
        time = _date(ctx, f.date_from.sent, f.date_from, ahead)
    first = status
    status, cue = settle(status, cue, trigger=trigger, sent=sent, time=time, anchor=anchor)
    if first == "occurred" and status in ("planned", "considered"):
        time = _date(ctx, sent, trigger, True)  # read again, now as a date ahead
    elif ahead and status in ("cancelled", "postponed"):
        time = _date(ctx, sent, trigger, None) or time  # "a trip planned for late August was called off": either side
    if status in ("cancelled", "postponed") and time is not None and anchor is not None:
        time = _nearest_weekday(time, anchor)
    if "+anaphor" in f.rule and status not in ("cancelled", "postponed") and not _made_then(trigger, status, time) \
            and not (f.rule == LEG_OF_TOUR and status in ("planned", "considered")) and f.rule != TRIP_MADE_TOO:
        return None  # "the trip": a new report only when it says the trip was called off or put off
        # (or, for a leg to a new place, that it is planned or weighed; or that someone else makes it)
    if time is None and status == "planned" and anchor is not None and f.kind == "meeting" and _during_stay(trigger):
        # "during his stay in Washington, he was also scheduled to meet Y": the visit under way
        time = TimeValue(anchor.strftime("%Y-%m"), "month", "")
    if time is None and status == "occurred" and anchor is not None and f.kind in ("visit", "meeting"):
        # reported as done, with no date of its own: it happened by the article's date;
        # say the month, not the day, so the precision is honest
        time = TimeValue(anchor.strftime("%Y-%m"), "month", "")
    source, source_cue = _attribution(ctx, trigger, sent)
    cause = cause_of(trigger) if status in ("cancelled", "postponed") else None
    roles = {name: tuple(a.key for a in actors) for name, actors in f.roles.items()
             if name in _ROLE_NAMES.get(f.kind, ())}
    return Event(
        f.kind, status, _roles(roles), evidence_of(sent, trigger.idx, trigger.idx + len(trigger.text)),
        time=time, trigger=trigger.text, quote=f.quote, status_cue=cue or None,
        attributed_to=source.key if source else None, attribution=source_cue,
        cause=ctx.doc.text[cause[0]:cause[1]] if cause else None,
        cause_evidence=evidence_of(sent, *cause) if cause else None, rule=f.rule,
    )


_ROLE_NAMES = {
    "visit": ("traveler", "destination", "host"),
    "meeting": ("participant", "place"),
    "summit": ("participant", "place"),
    "summons": ("summoner", "summoned"),
    "recall": ("recaller", "recalled"),
    "expulsion": ("expeller", "expelled"),
    "statement": ("speaker",),
}


def _split_visits(ctx: Context, f: Found, event: Event) -> list[Event]:
    """A visit has one traveler and one destination country (a tour gives one per country); a
    city destination is kept as the ``place``."""
    if f.kind != "visit":
        return [event]
    out = []
    for traveler in f.roles.get("traveler", []):
        for dest in f.roles.get("destination", []):
            roles = {"traveler": (traveler.key,), "destination": ("country:" + (dest.country or ""),)}
            if dest.kind != "country":
                roles["place"] = (dest.key,)
            hosts = tuple(h.key for h in f.roles.get("host", []) if h.key != traveler.key)
            if hosts:
                roles["host"] = hosts
            out.append(replace(event, roles=_roles(roles)))
    return out


def _nearest_weekday(time: TimeValue, anchor: Date) -> TimeValue:
    """A weekday of a trip called off or put off ("had been due to travel on to Y on Tuesday, but
    the leg was postponed"): the plan may have been for either side of the article's date, so the
    nearer one (the later on a tie)."""
    words = time.text.lower().split()
    if time.precision != "day" or not any(w in WEEKDAYS for w in words) or any(w[:1].isdigit() for w in words):
        return time  # (not "Tuesday, June 14": a day of its own)
    ahead, before = resolve(time.text, anchor, future=True), resolve(time.text, anchor, future=False)
    if ahead is None or before is None:
        return time
    gap = lambda t: abs((Date.fromisoformat(t.iso) - anchor).days)  # noqa: E731
    return ahead if gap(ahead) <= gap(before) else before


def _date(ctx: Context, sent: Span, trigger: Token, future: bool | None) -> TimeValue | None:
    """The date of the trigger's own clause, else one the sentence attaches to a word that governs
    the trigger ("arrived on Monday for a visit"), but never a date of a verb that reports or
    frames it ("said on Monday", "invited on Monday ... to visit") or one that names another
    thing ("a June election")."""
    own = {e.start for e in clause_dates(sent, trigger)}
    said = reporting_time(trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head)
    chain = _ancestors(trigger)
    lex = lexicon()
    framing = lex.words("speech_verbs") | lex.words("object_control_verbs")
    bounds = lex.words("span_preps") | {"after", "before"}
    events_nouns = lex.words("meeting_nouns") | lex.words("travel_nouns") | lex.words("gathering_nouns")
    ranked = []
    planned_for = _planned_for(trigger)
    for ent in (e for e in sent.ents if e.label_ == "DATE" or is_day_time(e)):
        root = ent.root
        if ent.start in planned_for:
            # "the visit to Y, which had been scheduled for October 20": a plan made before, for a day
            # that may be past ("had been planned for November", told in March)
            value = resolve(ent.text, ctx.date, future=False if planned_for[ent.start] else future)
            if value is not None:
                return value
        if root.dep_ in ("compound", "amod", "nmod") and root.head.i != trigger.i and root.head.pos_ in ("NOUN", "PROPN") \
                and root.head.lemma_.lower() not in lex.words("day_parts"):
            continue  # "a June election", "the 2004 vote" (not "on Tuesday evening")
        if root.dep_ == "poss" and root.head.i != trigger.i and root.head.lemma_.lower() not in events_nouns:
            continue  # "if he wins Sunday's election" (not "will attend Monday's summit")
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
            continue  # "go for a June or a May election": a kind of thing, not a day
        whole = root.head if root.dep_ == "compound" else root  # ("since Tuesday evening")
        if whole.dep_ == "pobj" and whole.head.lower_ == "since" and whole.head.head.i == trigger.i \
                and trigger.lemma_ in lex.words("state_verbs") and any(c.lemma_ == "have" for c in trigger.children):
            ranked.append((0, abs(ent.start - trigger.i), ent))  # "has been in Lima since Monday": the stay
            continue  # began that day
        if root.dep_ == "pobj" and root.head.lower_ in lex.words("span_preps"):
            continue  # "his first visit since 2015", "in office until May": the bound of a span, not the event's day
        if _in_other_relative(root, trigger):
            continue  # "X, who arrived on Sunday, held talks": the relative clause's day is its own
        if _in_other_bound(root, trigger, lex.words("span_preps")):
            continue  # "his first visit since he took office in June 1982": that clause's day
        if ent.start in said:
            continue  # "said on Thursday he would visit": the day it was said
        if ent.start in own:
            ranked.append((0, abs(ent.start - trigger.i), ent))
            continue
        host = _attached_to(root, chain)
        if host is None:
            continue
        if _under_modal_conjunct(root, host):
            continue  # "was met at the airport by Y and will hold talks with Z tomorrow": the talks' day
        between = chain[: chain.index(host) + 1]
        if len(between) > 1 and between[-2].dep_ == "relcl" and host.lemma_.lower() in events_nouns:
            ranked.append((1, abs(ent.start - trigger.i), ent))  # "the summit, due next month, which X is
            continue  # expected to attend": the gathering's own day is the day of the clause about it
        if any(t.lemma_.lower() in framing and t.i != trigger.i and (t.pos_ != "VERB" or any(
                c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "advcl" and c in between)
                for c in t.children)) for t in between):
            continue  # (not "is expected in Warsaw on Tuesday for talks": the stay the talks are for)
        if any(_own_time(t, bounds) for t in between[:-1]):
            continue  # the date of the word above is not the event's
        ranked.append((1, abs(ent.start - trigger.i), ent))
    for _, _, ent in sorted(ranked, key=lambda r: (r[0], r[1])):
        value = resolve(ent.text, ctx.date, future=future)
        if value is not None:
            return _first_day(trigger, value)
    return None


def _first_day(trigger: Token, value: TimeValue) -> TimeValue:
    """'ended a three-day visit to Y on Friday': the trip began the days before the day told."""
    if len(value.iso) != 10 or trigger.pos_ != "NOUN" or trigger.dep_ != "dobj" \
            or trigger.head.lemma_.lower() not in lexicon().words("done_verbs"):
        return value
    days = next((c for c in trigger.children if c.lower_ == "day" and c.dep_ in ("compound", "amod", "nmod")), None)
    count = next((g for g in days.children if g.dep_ == "nummod"), None) if days is not None else None
    n = None if count is None else int(count.text) if count.text.isdigit() \
        else lexicon().table("number_words").get(count.lower_)
    if not n or n > 14:
        return value
    return replace(value, iso=(Date.fromisoformat(value.iso) - timedelta(days=n - 1)).isoformat())


def _planned_for(trigger: Token) -> dict[int, bool]:
    """The words of a relative clause that tells when a trip or meeting noun was planned for ("the visit
    to Y, which had been scheduled for October 20", hung on the noun or on its place), each with whether
    the plan is told in the past perfect ("had been planned": its day may be past)."""
    if trigger.pos_ != "NOUN":
        return {}
    plans = lexicon().words("plan_words")
    clauses = [c for c in noun_clauses(trigger) if c.lemma_.lower() in plans
               and any(g.dep_ == "nsubjpass" and g.lower_ in ("which", "that") for g in c.children)]
    return {t.i: any(g.dep_ == "aux" and g.lower_ == "had" for g in c.children) for c in clauses for t in c.subtree}


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while token.head.i != token.i and len(out) < 10:
        token = token.head
        out.append(token)
    return out


def _under_modal_conjunct(root: Token, host: Token) -> bool:
    """On the way up from a date to ``host``, a verb conjoined to it with a modal of its own ("and
    will hold talks ... tomorrow"): the date is that verb's."""
    token = root
    while token.i != host.i and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.i == host.i \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            return True
        token = token.head
    return False


def _attached_to(root: Token, chain: list[Token]) -> Token | None:
    """The first word of ``chain`` (the trigger and its heads) that the date hangs on."""
    ids = {t.i: t for t in chain}
    token = root
    for _ in range(6):
        if token.i in ids and token.i != root.i:
            return ids[token.i]
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _attribution(ctx: Context, trigger: Token, sent: Span) -> tuple[Actor | None, str | None]:
    speech = lexicon().words("speech_verbs")
    if trigger.lemma_.lower() in speech:  # a statement's source is who reports it
        return _according_to(ctx, sent)
    token = trigger
    for _ in range(10):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in speech:
            subj = subject_of(token)
            actor = ctx.actor_of(subj) if subj is not None else None
            if actor is not None:
                cue = token.text
                for child in token.children:
                    if child.dep_ in ("dobj", "dative") and child.lower_ in ("media", "reporters", "journalists"):
                        cue = f"{token.text} {' '.join(t.text for t in child.subtree)}"
                return actor, cue
    return _according_to(ctx, sent)


def _according_to(ctx: Context, sent: Span) -> tuple[Actor | None, str | None]:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for obj in t.doc[t.i + 1].children:
                if obj.dep_ == "pobj":
                    actor = ctx.actor_of(obj)
                    if actor is not None:
                        return actor, "according to"
        if t.lower_ == "per" and t.i > 0 and t.doc[t.i - 1].lower_ == "as":
            for obj in t.children:
                for x in obj.subtree:
                    if x.i in ctx.token_org:
                        return ctx.org_actor(ctx.token_org[x.i]), "as per"
    return None, None


def cause_of(token: Token) -> tuple[int, int] | None:
    """The clause after 'after/because/as/since/due to/amid/over/following' on a cancel verb."""
    lex = lexicon()
    stops = lex.words("cancel_words") | lex.words("postpone_words")
    verb = token
    for _ in range(3):
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in stops or _phrase(verb) in stops):
            break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "advcl":
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in lex.words("cause_markers")]
            if marks:
                tokens = [t for t in child.subtree if t.i > marks[0].i]
                if tokens:
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if child.dep_ == "prep" and child.lower_ in lex.words("cause_markers"):
            tokens = [t for t in child.subtree if t is not child and t.lower_ not in ("of", "to")]
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def _phrase(token: Token) -> str:
    return " ".join([token.lemma_.lower(), *(c.lower_ for c in token.children if c.dep_ == "prt")])


def _causes_elsewhere(ctx: Context, events: list[Event]) -> list[Event]:
    """A cancel clause with a cause whose own object is no event ("called off the meeting after X")
    gives its cause to the cancelled event of the same article that has none."""
    lex = lexicon()
    stops = lex.words("cancel_words") | lex.words("postpone_words")
    for token in tokens_with(ctx.doc, {w.split()[0] for w in stops}):
        if token.pos_ != "VERB" or not (token.lemma_.lower() in stops or _phrase(token) in stops):
            continue
        cause = cause_of(token)
        if not cause:
            continue
        for i, e in enumerate(events):
            if e.status in ("cancelled", "postponed") and e.cause is None and e.kind != "statement":
                events[i] = replace(e, cause=ctx.doc.text[cause[0]:cause[1]],
                                    cause_evidence=evidence_of(token.sent, *cause))
    return events


def _merge_repeats(found: dict, headline_end: int, bare_nouns: set[tuple[int, int]] = frozenset()) -> dict:
    """One event per (kind, roles, status) in an article: the first report keeps its evidence
    and takes the most precise date any report gives. A headline event is dropped when the body
    reports the same participants (headline tense is a poor guide to status). A bare noun ("the
    talks between the two leaders", "avoided questions on the Y trip": no tense, date or status word
    of its own) after a planned, considered, cancelled or postponed report of the same people is that
    plan named again, not a second event."""
    def who(event: Event) -> tuple:
        return (event.kind, tuple((k, v) for k, v in event.roles if k not in ("place", "host")))

    body_roles = {who(e) for e in found.values() if e.evidence.start >= headline_end}
    merged: dict[tuple, Event] = {}
    ahead: dict[tuple, set] = {}  # who of the reports of plans so far -> their places
    for event in sorted(found.values(), key=lambda e: (e.evidence.start, e.evidence.anchor_start)):
        if event.evidence.start < headline_end and who(event) in body_roles:
            continue
        if event.status in ("planned", "considered", "cancelled", "postponed"):
            ahead.setdefault(who(event), set()).add(_leg(event))
        elif (event.evidence.anchor_start, event.evidence.anchor_end) in bare_nouns \
                and ahead.get(who(event), set()) & {(), event.role("place")}:
            continue  # (a plan's leg to a provincial city is not the whole visit: "will travel to Jaffna ... the visit")
        key = (*who(event), event.status, event.quote)  # two different quotes are two statements
        if key not in merged:
            merged[key] = event
            continue
        kept = merged[key]
        if event.role("host") and not kept.role("host"):  # one report names the host, another not
            kept = merged[key] = replace(kept, roles=_roles({**dict(kept.roles), "host": event.role("host")}))
        if event.role("place") and not kept.role("place"):
            kept = merged[key] = replace(kept, roles=_roles({**dict(kept.roles), "place": event.role("place")}))
        if event.time and (kept.time is None or _PRECISION[event.time.precision] > _PRECISION[kept.time.precision]):
            merged[key] = replace(kept, time=event.time)
    return merged


def _leg(event: Event) -> tuple[str, ...]:
    """The provincial cities a visit goes to (a leg within a country), () for none or for its capital
    ("will hold talks in Beijing": the visit to China itself)."""
    return tuple(p for p in event.role("place")
                 if not (p.startswith("city:") and p[5:].isdigit() and geo.is_capital(int(p[5:]))))


def _subsumed(merged: dict, headline_end: int) -> dict:
    """Two meetings read from the same word, one with a part of the other's participants ("A, B
    and C addressed the summit", with and without its host): one meeting, the larger. Likewise a
    headline's meeting ("A and B meet in Paris") that the body reports with more at the table."""
    def at(e: Event) -> tuple:
        return (e.status, e.evidence.anchor_start, e.evidence.anchor_end)

    meetings = [e for e in merged.values() if e.kind in ("meeting", "summit")]
    drop = {id(e) for e in meetings for o in meetings if o is not e and set(e.role("participant")) < set(o.role("participant"))
            and (at(o) == at(e) or (e.evidence.start < headline_end <= o.evidence.start and e.status == o.status))}
    return {k: e for k, e in merged.items() if id(e) not in drop}


def _roles(roles: dict[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((k, tuple(sorted(set(v)))) for k, v in roles.items() if v))
