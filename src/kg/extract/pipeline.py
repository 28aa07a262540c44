"""Doc -> Extraction: mentions, coreference, positions, events, status, dates, attribution."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from kg.extract import events as ev
from kg.extract import visits as vi
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon
from kg.extract.mentions import find_orgs, find_places, find_titles
from kg.extract.pieces import Failed
from kg.extract.persons import bind_title_mentions, cluster_persons, find_persons
from kg.extract.positions import positions as find_positions
from kg.extract.status import status_of
from kg.extract.syntax import Found, evidence_of, subject_of
from kg.extract.timex import dateline_date, resolve
from kg.model import Article, Entity, Event, Evidence, Extraction, TimeValue


def run(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64,
        keep_going: bool = False) -> Iterator[Extraction | Failed]:
    """Extract each article in input order; long ones in pieces (:mod:`kg.extract.pieces`).
    ``keep_going``: an article whose extraction raises comes out as :class:`Failed` in its place."""
    from kg.extract.pieces import extract_stream
    from kg.nlp import load

    yield from extract_stream(load(), articles, extract_doc, n_process=n_process, batch_size=batch_size,
                              keep_going=keep_going)


def extract_doc(doc: Doc, article: Article) -> Extraction:
    anchor = article.date or dateline_date(article.text[article.body_offset:])
    titles = find_titles(doc, anchor)
    headline_end = next((t.i for t in doc if t.idx >= article.body_offset), len(doc)) if article.title else 0
    persons = find_persons(doc, titles, anchor, headline_end)
    entities = cluster_persons(persons, headline_end)
    bind_title_mentions(doc, persons, entities, titles)
    ctx = Context(doc, anchor, persons, entities, titles, find_places(doc, anchor), find_orgs(doc, anchor),
                  article.body_offset)
    sents = list(doc.sents)
    found: list[tuple[Found, Span]] = []
    previous = None
    for sent in sents:
        for finder in (vi.find_visits, vi.find_presence, vi.guest_visits, vi.find_tours, vi.hosted_visits, ev.find_summons,
                       ev.find_recalls):
            found.extend((f, sent) for f in finder(ctx, sent))
        meetings = ev.find_meetings(ctx, sent) + ev.find_receptions(ctx, sent)
        found.extend((f, sent) for f in meetings)
        found.extend((f, sent) for f in vi.abroad_meetings(ctx, meetings))
        found.extend((f, sent) for f in ev.find_statements(ctx, sent, previous))
        previous = sent
    found.extend(ev.find_attendance(ctx, sents))
    events = _events(ctx, found, sents, article, anchor)
    events = _official_trips(ctx, doc, events)
    events = events + _companions(ctx, doc, events)
    positions = find_positions(ctx, doc, anchor, events)
    return Extraction(article=article, entities=_entities(ctx, doc), positions=positions, events=events)


def _sentence_date(ctx: Context, sent: Span, trigger: Token, future: bool | None):
    """The date of the trigger's own clause (not of its subject's relative clause), else the
    nearest date in the sentence."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if not dates:
        return None
    head = trigger.head if trigger.pos_ != "VERB" else trigger
    clause = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp") and child.i != trigger.i:
            clause -= {t.i for t in child.subtree if trigger.i not in {x.i for x in child.subtree}}
    ranked = sorted(dates, key=lambda e: (e.start not in clause, abs(e.start - trigger.i)))
    for ent in ranked:
        value = resolve(ent.text, ctx.date, future=future)
        if value is not None:
            return value
    return None


_FUTURE = re.compile(r"\b(next|coming|tomorrow|later this|upcoming)\b", re.I)


def _future_words(sent: Span, trigger: Token) -> str | None:
    """A date expression of the trigger's clause that points ahead ("next week") makes a
    present-tense report a plan even when the article has no date."""
    head = trigger if trigger.pos_ == "VERB" else trigger.head
    clause = {t.i for t in head.subtree}
    for ent in sent.ents:
        if ent.label_ == "DATE" and ent.start in clause and _FUTURE.search(ent.text):
            return ent.text
    return None


def _attribution(ctx: Context, trigger: Token, sent: Span) -> tuple[Actor | None, str | None]:
    lex = lexicon()
    if trigger.lemma_.lower() in lex.speech_verbs:  # a statement's source is who reports it
        return _according_to(ctx, sent)
    token = trigger
    for _ in range(10):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.speech_verbs:
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


def _events(ctx: Context, found, sents, article: Article, anchor: Date | None) -> tuple[Event, ...]:
    out: dict[tuple, Event] = {}
    headline_end = article.body_offset
    for f, sent in found:
        trigger = f.trigger
        headline = sent.start_char < headline_end
        status, cue = status_of(trigger, headline=headline)
        if f.kind == "statement" and status in ("cancelled", "postponed", None):
            status, cue = "occurred", trigger.text  # a cancel word elsewhere in the clause is what was said
        if status is None:
            continue
        future = status in ("planned", "considered")
        time = _sentence_date(ctx, sent, trigger, None if status == "cancelled" else future)
        if status == "occurred" and time and anchor and time.iso > anchor.isoformat()[: len(time.iso)]:
            status, cue = "planned", time.text
        elif status == "occurred" and _future_words(sent, trigger):
            status, cue = "planned", _future_words(sent, trigger)
        if time is None and status == "occurred" and anchor is not None and f.kind in ("visit", "meeting"):
            # reported as done, with no date of its own: it happened by the article's date;
            # say the month, not the day, so the precision is honest
            time = TimeValue(anchor.strftime("%Y-%m"), "month", "")
        source, source_cue = _attribution(ctx, trigger, sent)
        cause = ev.cause_of(trigger) if status in ("cancelled", "postponed") else None
        evidence = evidence_of(sent, trigger.idx, trigger.idx + len(trigger.text))
        common = dict(
            status=status, evidence=evidence, time=time, trigger=trigger.text, status_cue=cue or None,
            attributed_to=source.key if source else None, attribution=source_cue,
            cause=ctx.doc.text[cause[0]:cause[1]] if cause else None,
            cause_evidence=evidence_of(sent, *cause) if cause else None,
        )
        if f.kind == "visit":
            for traveler in f.roles["traveler"]:
                for dest in f.roles["destination"]:
                    country = "country:" + (dest.country or "")
                    roles = {"traveler": (traveler.key,), "destination": (country,)}
                    if dest.kind != "country":
                        roles["place"] = (dest.key,)
                    hosts = tuple(h.key for h in f.roles.get("host", ()) if h.key != traveler.key)
                    if hosts:
                        roles["host"] = hosts
                    _add(out, Event("visit", roles=_roles(roles), **common))
        else:
            roles = {name: tuple(a.key for a in actors) for name, actors in f.roles.items()}
            _add(out, Event(f.kind, roles=_roles(roles), quote=f.quote, **common))
    out = _merge_repeats(out, headline_end)
    # a cancel clause with a cause whose own object is no event ("called off the meeting after X")
    # gives its cause to the cancelled event of the same article that has none
    events = list(out.values())
    for sent in sents:
        for token in sent:
            if token.lemma_.lower() in ("call", "cancel", "scrap", "postpone") and token.pos_ == "VERB":
                cause = ev.cause_of(token)
                if not cause:
                    continue
                for i, e in enumerate(events):
                    if e.status in ("cancelled", "postponed") and e.cause is None and e.kind != "statement":
                        events[i] = _replace(e, cause=ctx.doc.text[cause[0]:cause[1]],
                                             cause_evidence=evidence_of(sent, *cause))
    return tuple(sorted(events, key=lambda e: (e.evidence.start, e.kind, e.roles)))


_PRECISION = {"year": 0, "month": 1, "day": 2}


def _merge_repeats(found: dict, headline_end: int) -> dict:
    """One event per (kind, roles, status) in an article: the first report keeps its evidence
    and takes the most precise date any report gives. A headline event is dropped when the body
    reports the same participants (headline tense is a poor guide to status)."""
    def who(event: Event) -> tuple:
        return (event.kind, tuple((k, v) for k, v in event.roles if k not in ("place", "host")))

    body_roles = {who(e) for e in found.values() if e.evidence.start >= headline_end}
    merged: dict[tuple, Event] = {}
    for event in found.values():
        if event.evidence.start < headline_end and who(event) in body_roles:
            continue
        key = (*who(event), event.status, event.quote)  # two different quotes are two statements
        if key not in merged:
            merged[key] = event
            continue
        kept = merged[key]
        if event.role("host") and not kept.role("host"):  # one report names the host, another not
            kept = merged[key] = _replace(kept, roles=_roles({**dict(kept.roles), "host": event.role("host")}))
        if event.time and (kept.time is None or _PRECISION[event.time.precision] > _PRECISION[kept.time.precision]):
            merged[key] = _replace(kept, time=event.time)
    return merged


def _official_trips(ctx: Context, doc: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """In a sports story (two or more distinct sports words) a trip is a visit, and a meeting a
    meeting, only when the people hold an office: an away game or a match is not diplomacy."""
    lex = lexicon()
    sports = lex.words("sports_words")
    if len({t.lower_ for t in doc if t.lower_ in sports}) < 2:
        return events

    def official(key: str) -> bool:
        entity = ctx.entity_by_key.get(key)
        return bool(entity and any(t.phrase not in lex.not_offices for t in entity.titles))

    def keep(event: Event) -> bool:
        if event.kind == "visit":
            return all(official(k) for k in event.role("traveler"))
        if event.kind == "meeting":
            return all(official(k) for k in event.role("participant"))
        return True

    return tuple(e for e in events if keep(e))


def _companions(ctx: Context, doc: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """'X will accompany Y' / 'Y, accompanied by X': X makes Y's trips of this article too."""
    out: list[Event] = []
    have = {(e.role("traveler"), e.role("destination"), e.status) for e in events if e.kind == "visit"}
    for token in doc:
        if token.lemma_.lower() != "accompany" or token.pos_ != "VERB":
            continue
        subj = subject_of(token)
        if any(c.dep_ == "auxpass" for c in token.children):  # "Y, (who is) accompanied by X"
            leads = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            agents = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            companions = [a for o in agents for a in ctx.actors_of(o, persons_only=True)]
        else:
            companions = ctx.actors_of(subj, persons_only=True) if subj is not None else []
            leads = [a for c in token.children if c.dep_ == "dobj" for a in ctx.actors_of(c, persons_only=True)]
        status, cue = status_of(token)
        for lead in leads:
            for visit in (e for e in events if e.kind == "visit" and e.role("traveler") == (lead.key,)):
                for companion in companions:
                    roles = tuple((k, (companion.key,)) if k == "traveler" else (k, v) for k, v in visit.roles)
                    new_status = visit.status if status == "occurred" else status or visit.status
                    key = ((companion.key,), visit.role("destination"), new_status)
                    if key in have or companion.key == lead.key:
                        continue
                    have.add(key)
                    sent = token.sent
                    out.append(_replace(visit, roles=roles, status=new_status, status_cue=cue or visit.status_cue,
                                        evidence=evidence_of(sent, token.idx, token.idx + len(token.text)),
                                        trigger=token.text))
    return tuple(out)


def _replace(event: Event, **changes) -> Event:
    from dataclasses import replace

    return replace(event, **changes)


def _roles(roles: dict[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((k, tuple(sorted(set(v)))) for k, v in roles.items() if v))


def _add(out: dict, event: Event) -> None:
    key = (event.kind, event.roles, event.status, event.evidence.start)
    out.setdefault(key, event)


def _entities(ctx: Context, doc: Doc) -> tuple[Entity, ...]:
    out = []
    first: dict[str, Evidence] = {}
    for m in ctx.persons:
        if m.key and m.key not in first:
            span = doc[m.start:m.end]
            first[m.key] = evidence_of(span.sent, span.start_char, span.end_char)
    for key, actor in sorted(ctx.actors.items()):
        aliases: tuple[str, ...] = ()
        if actor.kind == "person":
            aliases = ctx.entity_by_key[key].aliases
        out.append(Entity(key=key, kind=actor.kind, name=actor.name, aliases=aliases,
                          country=actor.country if actor.kind != "country" else actor.country,
                          geonames_id=actor.geonames_id,
                          org_type=actor.org_type if actor.kind == "organization" else None,
                          evidence=first.get(key)))
    return tuple(out)
