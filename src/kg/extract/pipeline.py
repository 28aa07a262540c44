"""Doc -> Extraction: mentions, coreference, positions, events, status, dates, attribution."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from kg import geo
from kg.extract import events as ev
from kg.extract.context import Actor, Context
from kg.extract.lexicon import lexicon, title_case
from kg.extract.mentions import find_orgs, find_places, find_titles
from kg.extract.persons import bind_title_mentions, cluster_persons, find_persons
from kg.extract.status import status_of
from kg.extract.timex import dateline_date, resolve
from kg.model import Article, Entity, Event, Evidence, Extraction, Position, TimeValue


def run(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Extraction]:
    from kg.nlp import load

    nlp = load()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield extract_doc(doc, article)


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
    found: list[tuple[ev.Found, Span]] = []
    previous = None
    for sent in sents:
        for finder in (ev.find_visits, ev.find_presence, ev.find_tours, ev.hosted_visits, ev.find_summons,
                       ev.find_recalls):
            found.extend((f, sent) for f in finder(ctx, sent))
        meetings = ev.find_meetings(ctx, sent)
        found.extend((f, sent) for f in meetings)
        found.extend((f, sent) for f in ev.abroad_meetings(ctx, meetings))
        found.extend((f, sent) for f in ev.find_statements(ctx, sent, previous))
        previous = sent
    events = _events(ctx, found, sents, article, anchor)
    events = events + _companions(ctx, doc, events)
    positions = _positions(ctx, doc, anchor)
    return Extraction(article=article, entities=_entities(ctx, doc), positions=positions, events=events)


def _evidence(sent: Span, start: int, end: int) -> Evidence:
    return Evidence(sent.text, sent.start_char, sent.end_char, start, end)


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
            subj = ev.subject_of(token)
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
    last_cancelled: list[Event] = []
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
        evidence = _evidence(sent, trigger.idx, trigger.idx + len(trigger.text))
        common = dict(
            status=status, evidence=evidence, time=time, trigger=trigger.text, status_cue=cue or None,
            attributed_to=source.key if source else None, attribution=source_cue,
            cause=ctx.doc.text[cause[0]:cause[1]] if cause else None,
            cause_evidence=_evidence(sent, *cause) if cause else None,
        )
        if f.kind == "visit":
            for traveler in f.roles["traveler"]:
                for dest in f.roles["destination"]:
                    country = "country:" + (dest.country or "")
                    roles = {"traveler": (traveler.key,), "destination": (country,)}
                    if dest.kind != "country":
                        roles["place"] = (dest.key,)
                    _add(out, Event("visit", roles=_roles(roles), **common))
        else:
            roles = {name: tuple(a.key for a in actors) for name, actors in f.roles.items()}
            _add(out, Event(f.kind, roles=_roles(roles), quote=f.quote, **common))
        if status == "cancelled":
            last_cancelled = [e for e in out.values() if e.status == "cancelled"]
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
                                             cause_evidence=_evidence(sent, *cause))
    return tuple(sorted(events, key=lambda e: (e.evidence.start, e.kind, e.roles)))


_PRECISION = {"year": 0, "month": 1, "day": 2}


def _merge_repeats(found: dict, headline_end: int) -> dict:
    """One event per (kind, roles, status) in an article: the first report keeps its evidence
    and takes the most precise date any report gives. A headline event is dropped when the body
    reports the same participants (headline tense is a poor guide to status)."""
    def who(event: Event) -> tuple:
        return (event.kind, tuple((k, v) for k, v in event.roles if k != "place"))

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
        if event.time and (kept.time is None or _PRECISION[event.time.precision] > _PRECISION[kept.time.precision]):
            merged[key] = _replace(kept, time=event.time)
    return merged


def _companions(ctx: Context, doc: Doc, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """'X will accompany Y' / 'Y, accompanied by X': X makes Y's trips of this article too."""
    out: list[Event] = []
    have = {(e.role("traveler"), e.role("destination"), e.status) for e in events if e.kind == "visit"}
    for token in doc:
        if token.lemma_.lower() != "accompany" or token.pos_ != "VERB":
            continue
        subj = ev.subject_of(token)
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
                                        evidence=_evidence(sent, token.idx, token.idx + len(token.text)),
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


def _nationality_weight(doc: Doc, mention) -> float:
    """How much a place mention says about who the people of the story are: demonyms,
    metonyms, possessives and modifiers of people ("Japanese", "the White House", "Japan's",
    "U.S. officials") say much; a place after a preposition, visited, or naming an event
    ("the Venice summit") says little (it is where things happen)."""
    lex = lexicon()
    head = doc[mention.end - 1]
    first = doc[mention.start]
    if first.ent_type_ in ("ORG", "FAC") or head.dep_ == "poss":
        return 3.0
    if head.dep_ in ("compound", "amod", "nmod") or first.ent_type_ == "NORP":
        if head.dep_ not in ("compound", "amod", "nmod"):
            return 3.0  # "the Soviets said"
        noun = head.head.lemma_.lower()
        if noun in lex.group_heads or noun in lex.title_words or noun in lex.raw["government_body_words"]:
            return 3.0
        return 0.3
    if head.dep_ == "pobj" or (head.dep_ == "dobj" and head.head.lemma_ in ("visit", "tour")):
        return 0.3
    return 1.0


def _title_places(ctx: Context) -> set[int]:
    """Place mentions that already name the state of a title ("Soviet" in "Soviet Foreign
    Minister"): they say nothing about anyone else in the sentence."""
    starts = {t.start for t in ctx.titles}
    return {p.start for p in ctx.places if any(p.end <= s <= p.end + 2 for s in starts)}


def _strong_article_country(ctx: Context, doc: Doc) -> str | None:
    """The article's own country when its demonyms, metonyms and possessives point at one state
    clearly (at least two such mentions, and three times the weight of any other state);
    otherwise None: a wrong state is worse than no answer."""
    counts: Counter[str] = Counter()
    taken = _title_places(ctx)
    for p in ctx.places:
        weight = _nationality_weight(doc, p) if p.start not in taken else 0
        if weight >= 3:
            counts[p.place.code] += weight
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 6 or (len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]):
        return None
    return ranked[0][0]


def _positions(ctx: Context, doc: Doc, anchor: Date | None) -> tuple[Position, ...]:
    lex = lexicon()
    out: dict[tuple, Position] = {}
    for entity in ctx.entities:
        known = next((t.country for t in entity.titles if t.country), None)
        for mention, title in [(m, t) for m in entity.mentions for t in m.all_titles]:
            if title.phrase in lex.not_offices:
                continue
            country = title.country
            if country is None:
                country = _of_place(ctx, doc, mention.end) or known
            if country is None:
                country = lex.raw["title_states"].get(title.phrase) or _strong_article_country(ctx, doc)
                if country and not country.startswith("io:"):
                    country = geo.historic(country, anchor)
            name = title_case((title.deputy + title.phrase).strip())
            jurisdiction = None
            if country:
                jurisdiction = "org:" + country[3:].lower() if country.startswith("io:") else "country:" + country
                if country.startswith("io:"):
                    ctx.actors.setdefault(jurisdiction, Actor(jurisdiction, "organization", country[3:],
                                                              None, "international"))
                else:
                    ctx.place_actor(geo.Place("country", country, geo.short_name(country)))
            ctx.person_actor(entity.key)
            span = doc[min(title.start, mention.start):max(title.end, mention.end)]
            if doc[title.start].sent.start != doc[mention.start].sent.start:
                span = doc[title.start:title.end]  # "the minister said": the title's sentence
            evidence = _evidence(span.sent, span.start_char, span.end_char)
            key = (entity.key, name)
            if key not in out or (out[key].jurisdiction is None and jurisdiction):
                out[key] = Position(entity.key, name, jurisdiction, title.former, evidence)
    return tuple(sorted(out.values(), key=lambda p: (p.holder, p.title)))


def _of_place(ctx: Context, doc: Doc, i: int) -> str | None:
    """'King X of Jordan' -> JO."""
    if i + 1 < len(doc) and doc[i].lower_ == "of" and (i + 1) in ctx.token_place:
        return ctx.token_place[i + 1].place.code
    return None


def _entities(ctx: Context, doc: Doc) -> tuple[Entity, ...]:
    out = []
    first: dict[str, Evidence] = {}
    for m in ctx.persons:
        if m.key and m.key not in first:
            span = doc[m.start:m.end]
            first[m.key] = _evidence(span.sent, span.start_char, span.end_char)
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
