"""Doc -> Extraction, in steps that each say what they read and add:

1. mentions: titles, persons (with coreference), places, organisations (:mod:`mentions`, :mod:`persons`);
2. nationality: each person's own state as the article states it (:mod:`nationality`);
3. finders: every registered finder reads the context and returns :class:`~kg.extract.syntax.Found`
   facts (:data:`FINDERS`: the constructions of ``lexicons/constructions.jsonl`` first);
4. inference: facts that follow from facts (a meeting abroad is a trip) (:mod:`inference`);
5. events: status, date, attribution and cause of each fact, one event per fact (:mod:`events`);
6. positions: offices and their states (:mod:`positions`);
7. entities: exactly the persons, places and organisations the events and positions reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from kg import geo
from kg.extract import constructions, gatherings, inference, nationality, statements
from kg.extract.context import Context, header_end, header_lines, verbless_header_tokens
from kg.extract.events import to_events
from kg.extract.mentions import find_orgs, find_places, find_titles
from kg.extract.coreference import bind_title_mentions, cluster_persons, counterparts, plural_titles
from kg.extract.persons import find_persons
from kg.extract.pieces import Failed
from kg.extract.positions import positions as find_positions
from kg.extract.syntax import Found, evidence_of
from kg.extract.lexicon import lexicon
from kg.extract.timex import dateline_date
from kg.extract.titles import folded
from kg.model import Article, Entity, Evidence, Extraction

Finder = Callable[[Context], list[Found]]

#: every finder, in order; each reads the whole article's context and returns facts
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("constructions", constructions.find),
    ("attendance", gatherings.find_attendance),
    ("guests", gatherings.find_guests),
    ("named after", gatherings.find_named_after),
    ("statements", statements.find),
)


def run(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 64,
        keep_going: bool = False) -> Iterator[Extraction | Failed]:
    """Extract each article in input order; long ones in pieces (:mod:`kg.extract.pieces`).
    ``keep_going``: an article whose extraction raises comes out as :class:`Failed` in its place."""
    from kg.extract.pieces import extract_stream
    from kg.nlp import load

    yield from extract_stream(load(), articles, extract_doc, n_process=n_process, batch_size=batch_size,
                              keep_going=keep_going)


def context_of(doc: Doc, article: Article) -> Context:
    """Steps 1 and 2: the article's mentions, entities and nationalities."""
    anchor = article.date or dateline_date(article.text[article.body_offset:])
    titles = find_titles(doc, anchor)
    headline_end = next((t.i for t in doc if t.idx >= article.body_offset), len(doc)) if article.title else 0
    persons = find_persons(doc, titles, anchor, headline_end)
    entities = cluster_persons(persons, headline_end, header_end(doc, article.body_offset))
    counterparts(doc, entities, titles, anchor)  # "his Afghan counterpart X": X's office, before "the Afghan president" is bound
    bind_title_mentions(doc, persons, entities, titles, verbless_header_tokens(doc, article.body_offset))
    plural_titles(doc, entities, titles, anchor)
    words = {e.key: len(e.name.split()) for e in entities}
    places = [p for p in find_places(doc, anchor) if not any(  # not "Villanueva" of "Alberto Cáceres Villanueva",
        m.start <= p.start and p.end <= m.end and (m.end - m.start > p.end - p.start or m.end - m.start < words.get(m.key, 0))
        for m in persons)]  # nor "Villanueva" alone, a shorter form of a name given in full
    _shared_names(doc, places, titles)
    ctx = Context(doc, anchor, persons, entities, titles, places, find_orgs(doc, anchor), article.body_offset)
    nationality.assign(ctx)
    return ctx


def _shared_names(doc: Doc, places: list, titles: list) -> None:
    """A bare name two states share (lexicon ``shared_state_names``: "Congo") is the one of them the
    article names otherwise ("the Democratic Republic of Congo", "Kinshasa", "Congolese" of one
    only), in its place mentions and in the offices it qualifies ("Congo's foreign minister")."""
    words = folded(doc)
    for name, codes in lexicon().table("shared_state_names").items():
        bare = [m for m in places if m.place.kind == "country" and " ".join(words[m.start:m.end]) == name]
        told = {m.place.code for m in places if m.place.code in codes and not any(m is b for b in bare)}
        if not bare or len(told) != 1:
            continue
        code = told.pop()
        for m in bare:
            m.place = geo.Place("country", code, geo.short_name(code))
        for t in titles:
            if t.country in codes and name in words[max(0, t.start - 3):t.start]:
                t.country = code


def extract_doc(doc: Doc, article: Article) -> Extraction:
    ctx = context_of(doc, article)
    found: list[Found] = []
    for _, finder in FINDERS:
        found.extend(finder(ctx))
    repeated = _repeated_title(doc, article)
    found = [f for f in found if f.trigger.i not in repeated]  # the title's facts are read from the title
    found.extend(inference.anaphoric_events(ctx, found))
    found.extend(inference.joiners(ctx, found))
    found.extend(inference.mediators(ctx, found))
    found.extend(inference.delegations(ctx, found))
    found.extend(inference.summons_meetings(ctx, found))
    found.extend(inference.meetings_abroad(ctx, found))
    found = inference.hosts_away(ctx, found)
    found.extend(inference.stand_in_trips(ctx, found))
    found = inference.during_a_trip(ctx, found)
    found = inference.plans_of_an_off_trip(ctx, found)
    events = to_events(ctx, found, ctx.date)
    events = inference.official_trips(ctx, events)
    events = inference.interviews(ctx, events)
    events = inference.legs_of_a_trip(ctx, events)  # before companions: they join the legs as the lead makes them
    events = inference.companions(ctx, events)
    positions = find_positions(ctx, doc, ctx.date, events)
    return Extraction(article=article, entities=_entities(ctx, events, positions), positions=positions,
                      events=events)


def _repeated_title(doc: Doc, article: Article) -> set[int]:
    """The tokens of a web page's header line that repeats the title word for word ("Last updated ...
    / X defends Y trip / ..."): a headline, though it stands in the body."""
    if not article.title:
        return set()
    title = " ".join(article.title.split())
    out: set[int] = set()
    for first, _ in header_lines(doc, article.body_offset):
        end = next((t.i for t in doc[first:] if "\n" in t.text_with_ws), len(doc))
        if " ".join(doc[first:end + 1].text.split()) == title:
            out.update(range(first, end + 1))
    return out


def _entities(ctx: Context, events, positions) -> tuple[Entity, ...]:
    """The entities the facts reference, each with its first mention as evidence (persons)."""
    keys: set[str] = set()
    for event in events:
        for _, values in event.roles:
            keys.update(values)
        if event.attributed_to:
            keys.add(event.attributed_to)
    for position in positions:
        keys.add(position.holder)
        if position.jurisdiction:
            keys.add(position.jurisdiction)
    for key in list(keys):
        if key.startswith("person:") and key not in ctx.known:
            ctx.person_actor(key)
        actor = ctx.known.get(key)
        if actor is not None and actor.kind == "city" and actor.country:
            keys.add("country:" + actor.country)
            ctx.country_actor(actor.country)
    first: dict[str, Evidence] = {}
    for m in ctx.persons:
        if m.key and m.key not in first:
            span = ctx.doc[m.start:m.end]
            first[m.key] = evidence_of(span.sent, span.start_char, span.end_char)
    out = []
    for key in sorted(keys):
        actor = ctx.known[key]
        aliases = ctx.entity_by_key[key].aliases if actor.kind == "person" else ()
        out.append(Entity(key=key, kind=actor.kind, name=actor.name, aliases=aliases, country=actor.country,
                          geonames_id=actor.geonames_id,
                          org_type=actor.org_type if actor.kind == "organization" else None,
                          evidence=first.get(key)))
    return tuple(out)
