"""Per-article resolution: which entity a token stands for.

Built once per Doc from the mentions. Finders ask it who a subject or object is, with pronouns
("he", "his"), title-only mentions ("the US ambassador"), appositions, coordinations and metonyms
("Beijing", "the White House") resolved inside the article.

Resolution is pure: asking who a token is never adds anything to the extraction. The entities of an
article are the ones its facts reference (:func:`kg.extract.pipeline.extract_doc` collects them).
Each mention's token also carries ``token._.kg`` ("person", "place", "org" or "title") so that
construction patterns can ask for it (``{"_": {"kg": "person"}}``).
"""

from __future__ import annotations

from collections.abc import Iterator
import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date as Date

from spacy.tokens import Doc, Token

from kg import geo
from kg.extract.lexicon import lexicon
from kg.extract.mentions import BYLINE_BARS, DATELINE_STOPS, OrgMention, PersonMention, PlaceMention, Title, titled_dateline
from kg.extract.coreference import PersonEntity, singular
from kg.extract.gender import FEMININE, MASCULINE, gender_of
from kg.extract.syntax import hyphen_joined, prep_objects, says_at, subject_of, tokens_with
from kg.text import fold

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "both"})  # "when both attended"

if not Token.has_extension("kg"):
    Token.set_extension("kg", default="")


HEADER_LINES = 4  # short paragraphs a web page may put before its dateline (see Context.dateline)
HEADER_WORDS = 30  # tokens of the longest of them (a standfirst); a longer paragraph is the story


@dataclass(frozen=True)
class Actor:
    key: str
    kind: str  # person | country | city | organization | group
    name: str
    country: str | None = None  # a person's state (when known), a place's country
    org_type: str | None = None
    geonames_id: int | None = None


@dataclass
class Context:
    doc: Doc
    date: Date | None
    persons: list[PersonMention]
    entities: list[PersonEntity]
    titles: list[Title]
    places: list[PlaceMention]
    orgs: list[OrgMention]
    body_start: int  # char offset where the body starts (0 without a title)
    token_person: dict[int, PersonMention] = field(default_factory=dict)
    token_place: dict[int, PlaceMention] = field(default_factory=dict)
    token_org: dict[int, OrgMention] = field(default_factory=dict)
    token_title: dict[int, Title] = field(default_factory=dict)
    nationality: dict[str, tuple[str, str]] = field(default_factory=dict)  # person key -> (code, basis)
    known: dict[str, Actor] = field(default_factory=dict)  # every actor resolved so far, by key
    genders: dict[str, str | None] = field(default_factory=dict)  # person key -> gender, read on first need
    headline_offices: dict[str, str] = field(default_factory=dict)  # title phrase -> state the headline gives it
    # places where a broadcast was heard ("the radio, monitored in Nicosia"), kept out of ``places``
    heard_at: list[PlaceMention] = field(default_factory=list)

    def __post_init__(self) -> None:
        verbs = lexicon().words("listening_verbs")
        self.heard_at = [p for p in self.places if (obj := self.doc[p.end - 1]).dep_ == "pobj"
                         and obj.head.lower_ == "in" and obj.head.head.lemma_ in verbs]
        if self.heard_at:
            self.places = [p for p in self.places if p not in self.heard_at]
        if self.doc.user_data.get("kg_marked"):  # read before: clear its marks (a fresh Doc has none)
            for token in self.doc:
                token._.kg = ""
        self.doc.user_data["kg_marked"] = True
        for kind, mentions, index in (("title", self.titles, self.token_title),
                                      ("org", self.orgs, self.token_org),
                                      ("place", self.places, self.token_place),
                                      ("person", self.persons, self.token_person)):
            for m in mentions:
                for i in range(m.start, m.end):
                    index[i] = m
                    self.doc[i]._.kg = kind
        self.entity_by_key = {e.key: e for e in self.entities}

    # -- actors (pure: the same key always gives the same actor) -------------------------
    def _keep(self, actor: Actor) -> Actor:
        return self.known.setdefault(actor.key, actor)

    def person_actor(self, key: str) -> Actor:
        entity = self.entity_by_key[key]
        country = self.nationality.get(key, (None, ""))[0]
        known = self.known.get(key)
        if known is not None and known.country != country:  # made before the person's state was known
            del self.known[key]
        return self._keep(Actor(key, "person", entity.name, country))

    def country_actor(self, code: str) -> Actor:
        return self._keep(Actor("country:" + code, "country", geo.short_name(code), code))

    def place_actor(self, place: geo.Place) -> Actor:
        country = self.country_actor(place.code)
        if place.kind == "country":
            return country
        # a region without a GeoNames id (countryinfo's provinces) is keyed by its country and name
        ident = place.geonames_id if place.geonames_id is not None else f"{place.code}-{fold(place.name)}"
        return self._keep(Actor(f"city:{ident}", "city", place.name, place.code,
                                geonames_id=place.geonames_id))

    def org_actor(self, org: OrgMention) -> Actor:
        key = "org:" + fold(org.name)
        if org.country and org.org_type in ("ministry", "government", "military") \
                and not any(geo.country_code(w, self.date, codes=False) for w in org.name.split()):
            key += " " + org.country.lower()  # "Pakistan's Foreign Ministry" is not China's
        return self._keep(Actor(key, "organization", org.name, org.country, org.org_type))

    def io_actor(self, name: str) -> Actor:
        return self._keep(Actor("org:" + fold(name), "organization", name, None, "international"))

    def group_actor(self, token: Token) -> Actor | None:
        lex = lexicon()
        heads = lex.words("group_heads")
        if token.lemma_.lower() not in heads and token.lower_ not in heads:
            return None
        owned = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}  # "President X's"
        words = [t for t in token.subtree if t.i <= token.i and t.i not in owned and t.dep_ not in ("det", "punct")
                 and t.lower_ not in ("anonymous", "unnamed", "other")]
        named = [k for k, t in enumerate(words) if t.i in self.token_person or (t.i != token.i and t.dep_ in ("nsubj", "nsubjpass"))]
        if named:  # "made X the highest-ranking official": X is another noun phrase the parser hung here
            words = words[named[-1] + 1:]
        words = words[-6:]
        name = " ".join(t.text for t in words)
        country = next((c for t in words if (c := geo.country_code(t.text, self.date, codes=False))), None)
        if country is None:  # "Chile's ambassador", "the ambassador of Chile"
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            country = next((self.token_place[o.i].place.code for o in owners if o.i in self.token_place), None)
            if country is not None:
                name = f"{name} ({geo.short_name(country)})"
        return self._keep(Actor("group:" + fold(name), "group", name, country))

    def _names_of(self, key: str) -> set[str]:
        entity = self.entity_by_key.get(key)
        return {fold(n) for n in (entity.name, *entity.aliases)} if entity is not None else set()

    # -- resolving tokens ----------------------------------------------------------------
    def person_at(self, token: Token) -> str | None:
        m = self.token_person.get(token.i)
        return m.key if m else None

    def previous_person(self, token: Token) -> str | None:
        """The person a pronoun refers to: the subject (else the latest person) before it in its
        sentence, else the subject (else the first person) of the last sentence naming one."""
        antecedent = self._relative_antecedent(token) or self._fronted_for(token)
        if antecedent is not None:
            return antecedent
        carried = self._subject_pronoun_before(token)
        if carried is not None:
            return self.previous_person(carried)
        above = self._governing_pronoun(token)
        if above is not None:
            return self.previous_person(above)
        before = [(m.start, m.end, m.key) for m in self.persons if m.end <= token.i and m.key]
        before += self._title_subjects(token.i)  # "The Iranian minister arrived ... He will meet Y"
        if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "dative"):
            # "Premier Y also received him": an object pronoun is not its own verb's subject
            subjects = {self.person_at(c) for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")}
            before = [m for m in before if m[2] not in subjects]
        before.sort()
        want = "female" if token.lower_ in FEMININE else "male" if token.lower_ in MASCULINE else None
        if want and len({m[2] for m in before}) > 1:
            # "she" is not a man named last (nor "he" a woman); of those the article does not
            # tell, "she" takes one the article shows to be a woman if there is one
            before = [m for m in before if self.gender(m[2]) in (want, None)]
            picked = self._pick(before, token) if before else None
            # the subject of a clause the pronoun's own clause hangs on: "X leaves for Y, where she ..."
            governing = picked is not None and any(
                m[2] == picked and m[0] >= token.sent.start and self.doc[m[1] - 1].dep_ in ("nsubj", "nsubjpass")
                and self.doc[m[1] - 1].head in token.ancestors for m in before)
            if want == "female" and before and self.gender(picked) is None and not governing:
                # (not "X leaves for Y, where she is to meet Z": the sentence's own subject)
                known = [m for m in before if self.gender(m[2]) == "female"]
                before = known or before
            elif want == "female" and before and self.gender(picked) is None:
                # but a woman named in the very clause it hangs on is "she": "X last met Ana Ruiz in
                # May, when she led Peru's delegation"
                here = [m for m in before if self.gender(m[2]) == "female" and m[0] >= token.sent.start]
                before = here or before
        if not before:
            return None
        return self._pick(before, token)

    def _fronted_for(self, token: Token) -> str | None:
        """'During his stay in Hanoi, X will meet Y': a possessive in a phrase put before its clause's
        subject, with no one named before it in the sentence, is that subject's (a person named)."""
        if token.dep_ != "poss" or token.lower_ not in ("his", "her") or token.head.dep_ != "pobj":
            return None
        prep = token.head.head
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or any(
                m.key and token.sent.start <= m.start < token.i for m in self.persons):
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > prep.i]
        key = self.person_at(subjects[0]) if subjects else None
        want = "female" if token.lower_ in FEMININE else "male"
        return key if key is not None and self.gender(key) in (want, None) else None
        # (not "During her stay in Kenya, King X will host ...": "her" is someone told before)

    def _governing_pronoun(self, token: Token) -> Token | None:
        """'He travels to Y for talks with Z, and then to W, where he is due to meet V': a subject
        pronoun in a clause that hangs on a clause whose subject is a pronoun of the same gender
        before it is that pronoun's person (not Z, named last)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in PRONOUNS:
            return None
        ancestors = {a.i for a in token.head.ancestors}
        same = token.lower_ in FEMININE
        return next((t for t in token.sent if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")
                     and t.lower_ in PRONOUNS
                     and (t.lower_ in FEMININE) == same and t.head.i in ancestors), None)

    def _subject_pronoun_before(self, token: Token) -> Token | None:
        """'He later had lunch with President Y. On Saturday he is expected to meet Z': a subject
        pronoun with no person before it in its sentence goes on from the subject pronoun of the
        sentence before (of the same gender), which refers to the same person."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in PRONOUNS:
            return None
        sent = token.sent
        if sent.start == 0 or any(m.start >= sent.start and m.end <= token.i for m in self.persons):
            return None
        last = self.doc[sent.start - 1].sent
        subjects = [t for t in last if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        if len(subjects) != 1 or subjects[0].lower_ not in PRONOUNS:
            return None
        same = (subjects[0].lower_ in FEMININE) == (token.lower_ in FEMININE)
        return subjects[0] if same else None

    def _relative_antecedent(self, token: Token) -> str | None:
        """'X met Y, who is in Cairo on a tour that will take him to Z': a pronoun inside a relative
        clause on a person is that person, unless it is an object of the clause's own verb ("Y, who
        met him") or of another gender."""
        t = token
        while t.head.i != t.i:
            if t.dep_ == "relcl":
                key = self.person_at(t.head)
                if key is not None:
                    verb = token.head.head if token.dep_ == "pobj" else token.head
                    if verb.i == t.i and token.dep_ in ("dobj", "dative", "pobj"):
                        return None
                    want = "female" if token.lower_ in FEMININE else "male" if token.lower_ in MASCULINE else None
                    return key if want is None or self.gender(key) in (want, None) else None
            t = t.head
        return None

    def _pick(self, before: list[tuple[int, int, str]], token: Token) -> str:
        """The subject (else the latest person) before ``token`` in its sentence, else the subject
        (else the first person) of the last sentence naming one."""
        sent = token.sent
        same = [m for m in before if m[0] >= sent.start]
        if same:
            subjects = [m for m in same if _subject_word(self.doc[m[1] - 1])]
            return (subjects or same)[-1][2]
        last_sent = self.doc[before[-1][0]].sent
        in_last = [m for m in before if m[0] >= last_sent.start]
        subjects = [m for m in in_last if _subject_word(self.doc[m[1] - 1])]
        return (subjects or in_last)[0][2]

    def gender(self, key: str) -> str | None:
        """"female", "male" or None for a person of the article (:mod:`kg.extract.gender`)."""
        if key not in self.genders:
            entity = self.entity_by_key.get(key)
            self.genders[key] = gender_of(self.doc, entity) if entity is not None else None
        return self.genders[key]

    def _title_subjects(self, end: int) -> list[tuple[int, int, str]]:
        """Definite offices standing alone as subjects before ``end`` ("The Iranian minister
        arrived"), as the persons they name."""
        out = []
        for title in self.titles:
            head = self.doc[title.end - 1]
            # (not one with a name in apposition; "the minister landed ..., the first visit by ...", hung there, is none)
            if title.end > end or head.dep_ not in ("nsubj", "nsubjpass") or head.i in self.token_person \
                    or any(c.dep_ == "appos" and c.pos_ != "NOUN" for c in head.children) or not _definite(title, self.doc):
                continue
            key = self.person_by_title(title)
            if key:
                out.append((title.start, title.end, key))
        return out

    def person_by_title(self, title: Title) -> str | None:
        """'the US ambassador' -> the one person who holds that title (same jurisdiction) here;
        'the minister' -> the one holder of a title with that head ('foreign minister', 'minister
        for foreign affairs'); of several, the story's own."""
        deputies = lexicon().words("deputy_prefixes") - lexicon().words("in_office_prefixes")
        bound = [e.key for e in self.entities if any(t is title for t in e.titles)]
        if len(bound) == 1:
            return bound[0]  # the title's own holder, bound by coreference (not any holder of that office)

        def fits(t: Title, exact: bool) -> bool:
            same = t.phrase == title.phrase if exact else (t.phrase.endswith(" " + title.phrase) or t.head == title.phrase)
            if same and not exact and set(t.phrase.split()[:-1]) & deputies and not title.deputy:
                return False  # "the President" is not the Vice-President, "the minister" not the deputy minister
            return same and (title.country is None or t.country in (None, title.country))

        for exact in (True, False):
            holders = {e.key for e in self.entities for t in e.titles if fits(t, exact)}
            if len(holders) == 1:
                return next(iter(holders))
            if holders:  # several: the story's own (named most often before it), else the one named last
                # ("the foreign minister") or, for a bare head word ("the minister"), the one named first
                before = [m for m in self.persons if m.key in holders and m.end <= title.start]
                if not before:
                    return None
                counts = {key: sum(1 for m in before if m.key == key) for key in holders}
                top = max(counts.values())
                return [m for m in before if counts[m.key] == top][-1 if exact else 0].key
        if title.phrase in ("leader", "monarch", "ruler") and title.country:
            # "the Saudi leader": the one person the article gives a state's leading office
            offices = lexicon().words("leader_offices")
            deputies = lexicon().words("deputy_prefixes") - lexicon().words("in_office_prefixes")
            holders = {e.key for e in self.entities for t in e.titles if not t.former and not t.deputy
                       and (t.country or self.nationality.get(e.key, (None, ""))[0]) == title.country
                       and (t.phrase in offices or any(
                           t.phrase.endswith(" " + o) for o in offices))
                       and not set(t.phrase.split()) & deputies}  # not a "deputy prime minister"
            return next(iter(holders)) if len(holders) == 1 else None
        return None

    @cached_property
    def sent_no(self) -> dict[int, int]:
        """Each sentence's first token -> the sentence's number in the article (computed once)."""
        return {s.start: n for n, s in enumerate(self.doc.sents)}

    @cached_property
    def dateline(self) -> PlaceMention | None:
        """The place of a dateline that opens the body ("NAIROBI -", "ABUJA, May 3 (Reuters) -"), or
        the first paragraph after a web page's header lines (a repeated headline, a standfirst, a
        byline, a time stamp: short paragraphs, at most :data:`HEADER_LINES` of them)."""
        mention = self._dateline()
        return None if mention is None or self._listening_post(mention) else mention

    def _dateline(self) -> PlaceMention | None:
        doc = self.doc
        for first, _ in header_lines(doc, self.body_start):
            mention = self.token_place.get(first)
            if mention is not None and mention.start == first and mention.end < len(doc) \
                    and doc[first].text.isupper() and {doc[mention.end - 1].text, doc[mention.end].text} & DATELINE_STOPS:
                return mention  # NER may take the dash into the place
            if mention is not None and mention.start == first and titled_dateline(doc, mention.end):
                return mention  # "Kathmandu — ...", "Accra, March 14, GNA - ..."
            if (mention := self._barred_place(first)) is not None:
                return mention
        return self._dateline_line()

    def _barred_place(self, first: int) -> PlaceMention | None:
        """'By A B | Lusaka | Tuesday, July 5, 2022': a byline's field that is nothing but a place, set
        off by bars (or bullets), in a web page's header line starting at ``first`` that is a byline (it
        opens with "By") or dates the page (not a section's path: "World | Chile | Trade")."""
        doc = self.doc
        end = next((t.i for t in doc[first:] if "\n" in t.text), len(doc))  # the line's break (or the text's end)
        if doc[first].lower_ != "by" and not any(t.ent_type_ == "DATE" for t in doc[first:end]):
            return None
        for mention in self.places:
            if first < mention.start and mention.end <= end and doc[mention.start - 1].text in BYLINE_BARS \
                    and (mention.end == end or doc[mention.end].text in BYLINE_BARS):
                return mention
        return None

    def _listening_post(self, dateline: PlaceMention) -> bool:
        """The dateline is where a broadcast was heard, not where the story happens ("NICOSIA - X
        arrived in Tehran, Tehran Radio reported. The radio, monitored in Nicosia, said ..."): its
        place is named again after a verb of lexicon ``listening_verbs`` (:attr:`heard_at`)."""
        return any(p.place.code == dateline.place.code for p in self.heard_at)

    def _dateline_line(self) -> PlaceMention | None:
        """A line of its own that is nothing but a place in capitals, among the body's first
        paragraphs ("ANKARA" between a byline and the story, as news agencies' pages set it)."""
        doc = self.doc
        first = next((t.i for t in doc if t.idx >= self.body_start and not t.is_space), None)
        for _ in range(HEADER_LINES + 3):
            if first is None:
                return None
            end = next((t.i for t in doc[first:] if "\n" in t.text_with_ws), len(doc))
            mention = self.token_place.get(first)
            if mention is not None and mention.start == first and doc[first:end].text.strip().isupper() \
                    and all(t.is_space for t in doc[mention.end:end + 1]):
                return mention
            first = next((t.i for t in doc[end + 1:] if not t.is_space), None)
        return None

    def title_state(self, phrase: str, *, visitor: bool = False, story: str | None = None) -> str | None:
        """The usual state of an office (lexicon ``title_states``: "foreign secretary" -> GB), unless a
        dateline puts the story in another state and the article never names the usual one ("NEW
        DELHI: ... Foreign Secretary X told a briefing" is India's) -- and the holder is no
        ``visitor`` there ("BERLIN - Secretary of State X arrived ... met the Chancellor"). With no
        dateline, an office other states name alike (lexicon ``shared_title_states``) has no usual
        state in a story clearly of another ``story`` state that never names the usual one ("Foreign
        Secretary X" in a Canadian story), nor in one naming two of the states that name it alike
        (lexicon ``title_other_states``) and never the usual one (a story of Pakistan and India)."""
        lex = lexicon()
        table = lex.table("title_states")
        code = table.get(phrase)  # "vice premier" (CN) before "premier"; "deputy secretary of state" as its office
        if code is None:
            prefix = next((p for p in lex.words("deputy_prefixes") if phrase.startswith(p + " ")), None)
            if prefix is not None:
                phrase = phrase[len(prefix) + 1:]
                code = table.get(phrase)
        mention = self.dateline
        if code is None or code.startswith("io:") or visitor:
            return code
        if mention is None:
            if story is None and code not in self._states_named \
                    and len(set(lex.table("title_other_states").get(phrase, ())) & self._states_named) >= 2:
                return None  # "Foreign Secretary X" in a story of Pakistan and India that never names Britain
                # (not one of India alone: a British Foreign Secretary's visit to Delhi)
            if story is None or story == code or phrase not in lex.words("shared_title_states"):
                return code
            return code if code in self._states_named else None
        if mention.place.code == code:
            return code
        return code if code in self._states_named else None

    @cached_property
    def _states_named(self) -> frozenset[str]:
        """States the article names: places, nationality words, the states titles give."""
        codes = {m.place.code for m in self.places} | {t.country for t in self.titles if t.country}
        codes |= {c for ent in self.doc.ents if ent.label_ == "NORP"
                  if (c := geo.country_code(ent.text, self.date, codes=False))}
        return frozenset(codes)

    def person_named_after(self, title: Title) -> str | None:
        """'received a special envoy ... . The envoy, Foreign Minister X, ...': an office introduced
        with 'a' is the one person the next two sentences name with that office, if only one."""
        sents = [s for s in self.doc.sents if s.end > title.start][:3]
        if len(sents) < 2:
            return None
        lower, upper = sents[0].end, sents[-1].end
        head = title.phrase.split()[-1]
        keys = {m.key for m in self.persons if m.key and lower <= m.start < upper
                and any(t.phrase.split()[-1] == head and lower <= t.start < upper
                        and (title.country is None or t.country in (None, title.country)) for t in m.all_titles)}
        return next(iter(keys)) if len(keys) == 1 else None

    def previous_persons(self, token: Token) -> list[str]:
        """The persons 'they' refers to: the last subject before it (in its sentence or the three
        before) that names two or more persons ("A and B visited X. ... They met Y"); a 'they'
        subject in between refers to the same persons."""
        return self.previous_group(token)[0]

    def previous_group(self, token: Token) -> tuple[list[str], Token | None]:
        """:meth:`previous_persons` and the subject that names them (None when none does)."""
        sents = [s for s in self.doc.sents if s.start <= token.i][-4:]
        for sent in reversed(sents):
            for head in reversed([t for t in sent if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")]):
                if head.lower_ in PLURAL_PRONOUNS:
                    continue
                held = self.holders(head) if head.tag_ in ("NNS", "NNPS") else []
                if len(held) >= 2:
                    return held, head  # "The two leaders rode together. They are to hold talks"
                keys = []
                for t in noun_group(head):
                    key = self.person_at(t)
                    if key and key not in keys:
                        keys.append(key)
                if len(keys) >= 2:
                    return keys, head
                if keys or self.token_org.get(head.i) or self.token_place.get(head.i):
                    return [], None  # the last subject names something else
        return [], None

    def holders(self, token: Token) -> list[str]:
        """The persons a definite plural of an office stands for: 'the two prime ministers',
        'both leaders', 'the foreign ministers' -> those named before it who hold that office
        (the last two for 'two'; all of them, two to six, when no number is given). 'leaders'
        stands for holders of a leading office (president, prime minister, king ...), 'the two men'
        for any two persons; 'the two ministers' written without an office the titles read, two named
        together who hold one (:meth:`_coordinated_pair`)."""
        pair = token.lemma_.lower() in lexicon().words("pair_nouns")  # "the pair", "the duo": two persons
        if (token.tag_ not in ("NNS", "NNPS") and not pair) or any(
                self.person_at(c) for c in token.children if c.dep_ == "appos"):
            return []
        words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod")}
        if not words & {"the", "both", "these"}:
            return []
        counts = {**lexicon().table("number_words"), "both": 2}
        count = 2 if pair else next((counts[w] for w in words if w in counts), None)
        title = self.token_title.get(token.i)
        lemma = token.lemma_.lower()
        if title is not None and title.phrase.endswith("s"):
            office = singular(title.phrase)  # "secretaries": secretary
            country = title.country
            same = lexicon().table("office_equivalents") if office in lexicon().words("leader_offices") else {}

            def fits(entity) -> bool:  # (not a vice minister for "the foreign ministers"; "the taoiseach" a prime minister)
                return any((same.get(t.phrase, t.phrase) == office or t.phrase.endswith(" " + office)) and t.deputy == title.deputy
                           and (country is None or t.country in (None, country)) for t in entity.titles)
        elif lemma == "leader" or any(f"{lemma} of {o.lower_}" in lexicon().words("leader_offices")
                                      for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                                      for o in p.children if o.dep_ == "pobj"):  # "the two heads of government"
            kinds = lexicon().table("leader_kinds")
            named = [f"{lemma} of {c.lower_}" for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)]  # ("heads of state and government": both)
            offices = frozenset(w for k in named for w in kinds[k]) if named and all(k in kinds for k in named) \
                else lexicon().words("leader_offices")

            def fits(entity) -> bool:
                return any(not t.deputy and not t.former and (t.phrase in offices or any(
                    t.phrase.endswith(" " + o) for o in offices)) for t in entity.titles)
        elif title is None and (count or 0) >= 2 and lemma in lexicon().words("title_heads"):
            return self._coordinated_pair(token, lemma, count)
        elif (lemma in ("man", "woman") or pair) and count:
            def fits(entity) -> bool:
                return True
        else:
            return self._named_group(token, count if count else (2 if "both" in words else None))
        last: dict[str, int] = {}
        doer = self._doer(token)
        for m in self.persons:
            if m.key and m.end <= token.i and m.key not in doer and fits(self.entity_by_key[m.key]):
                last[m.key] = m.start
        ordered = sorted(last, key=last.get)
        if count:
            return ordered[-count:] if len(ordered) >= count else []
        return ordered if 2 <= len(ordered) <= 6 else []

    def _coordinated_pair(self, token: Token, office: str, count: int = 2) -> list[str]:
        """'A and his counterpart B ... the two ministers': two persons named as conjuncts before
        ``token`` who both hold an office of that word (of such pairs, the one both of whose members
        were named most recently) (not a deputy's: "the two presidents"
        are not a president and a vice president); without such a pair, the only two named who do, when
        no one whose office is unknown is named after them ("the three ministers": the only three)."""
        lex = lexicon()
        equivalents, leaders = lex.raw["office_equivalents"], lex.words("leader_offices")

        def holds(phrase: str) -> bool:  # "minister of foreign affairs", "foreign secretary": a minister;
            return any(_holds(p) for p in {phrase, equivalents.get(phrase, phrase)})  # and a secretary

        def _holds(phrase: str) -> bool:  # not "prime minister" (a leader, "the two leaders")
            base = re.split(r" (?:of|for) ", phrase)[0]
            return (base == office or base.endswith(" " + office)) and (phrase == office or phrase not in leaders) \
                and phrase.split()[0] not in ("vice", "deputy")

        def fits(key: str) -> bool:
            return any(holds(t.phrase) and not t.deputy and not t.former for t in self.entity_by_key[key].titles)

        pair: list[str] = []
        pairs: list[list[str]] = []
        last: dict[str, int] = {}
        for m in self.persons:
            if not m.key or m.end > token.i or not fits(m.key):
                continue
            last[m.key] = m.start
            for c in self.doc[m.end - 1].children:
                if c.dep_ != "conj" or c.i >= token.i:
                    continue
                # ("A and his counterpart B": the name in apposition, or right after the noun however parsed)
                other = self.person_at(c) or next((self.person_at(a) for a in c.children if a.dep_ == "appos"
                                                   and self.person_at(a)), None) \
                    or (self.person_at(self.doc[c.i + 1]) if c.i + 1 < token.i else None)
                if other and other != m.key and fits(other):
                    pairs.append([m.key, other])
        doer = self._doer(token) | self._hosts_of_visitors(token)  # ("X welcomed the two ministers": not X)
        pairs = [p for p in pairs if not set(p) & doer] if count == 2 else []
        if pairs:  # the pair whose both members were named most recently
            pair = max(pairs, key=lambda p: min(last[p[0]], last.get(p[1], -1)))
        named = [k for k in sorted(last, key=last.get) if k not in doer]
        if pair or len(named) != count:
            return pair
        # the only ``count`` named, unless someone whose office is not known is named after them (who may be one)
        unknown = any(m.key and not self.entity_by_key[m.key].titles and last[named[-1]] < m.start and m.end <= token.i
                      for m in self.persons)
        return [] if unknown else named

    def _hosts_of_visitors(self, token: Token) -> set[str]:
        """"ACCRA - ... the two visiting ministers": not those of the dateline's state (lexicon
        ``visitor_modifiers`` on the plural)."""
        mention = self.dateline
        if mention is None or not any(c.dep_ == "amod" and c.lower_ in lexicon().words("visitor_modifiers")
                                      for c in token.children):
            return set()
        return {e.key for e in self.entities if self.nationality.get(e.key, (None, ""))[0] == mention.place.code}

    def _doer(self, token: Token) -> set[str]:
        """The persons who are the subject of the verb an object depends on ("X welcomed both
        leaders", "X met with the two ministers"): an object is not its verb's subject."""
        verb = token.head if token.dep_ in ("dobj", "dative") else \
            token.head.head if token.dep_ == "pobj" and token.head.head.pos_ == "VERB" else None
        subj = subject_of(verb) if verb is not None and verb.pos_ == "VERB" else None
        if subj is None or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in PLURAL_PRONOUNS:
            return set()
        return {a.key for a in self.actors_of(subj, persons_only=True)}

    def _named_group(self, token: Token, count: int | None) -> list[str]:
        """'the two students' -> the persons an earlier 'students' listed ('two Chilean
        students, A and B'): the same plural noun, with as many named persons as the count says.
        Without a count nothing is guessed."""
        if count is None:
            return []
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[:token.i]):
            if earlier.tag_ in ("NNS", "NNPS") and earlier.lemma_.lower() == lemma:
                group = [a.key for a in self.actors_of(earlier, persons_only=True) if a.kind == "person"]
                if len(group) == count:
                    return group
                listed = self.listed_after(earlier)
                if len(listed) == count:
                    return listed
        return []

    def listed_after(self, noun: Token) -> list[str]:
        """'two journalists in Ruritania, A and B, ...': the persons listed right after the noun's
        phrase and a comma (however the parser hung them), up to the list's end."""
        doc = self.doc
        end = noun.i + 1
        while end < noun.sent.end and doc[end].text != "," and (doc[end].dep_ in ("prep", "pobj", "compound", "det", "amod")
                                                                 or doc[end].i in self.token_place):
            end += 1  # "journalists in North Korea"
        if end >= noun.sent.end or doc[end].text != ",":
            return []
        keys: list[str] = []
        i = end + 1
        while i < noun.sent.end:
            mention = self.token_person.get(i)
            if mention is None or not mention.key:
                break
            if mention.key not in keys:
                keys.append(mention.key)
            i = mention.end
            if i < noun.sent.end and doc[i].lower_ in (",", "and") and i + 1 < noun.sent.end and doc[i + 1].i in self.token_person:
                i += 1
            elif i + 1 < noun.sent.end and doc[i].text == "," and doc[i + 1].lower_ == "and":
                i += 2
            else:
                break
        return keys

    def actors_of(self, token: Token, *, persons_only: bool = False) -> list[Actor]:
        """Entities a noun-phrase head stands for, with its conjuncts, its appositions and the
        members it lists ("officials, including X and Y")."""
        out: dict[str, Actor] = {}
        if token.lower_ in PLURAL_PRONOUNS:
            return [self.person_actor(k) for k in self.previous_persons(token)]
        if (leaders := self.delegation_leaders(token)):
            return leaders
        if (described := self.described_person(token)) is not None:
            return [described]
        if (token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in lexicon().words("pair_nouns")) \
                and (keys := self.holders(token)):
            more = [a for t in _repeated_preposition(token) if (a := self.actor_of(t, persons_only=persons_only))]
            return [self.person_actor(k) for k in keys] + [a for a in more if a.key not in keys]
        for t in noun_group(token):
            if t.i != token.i and t.tag_ in ("NNS", "NNPS") and (keys := self.holders(t) or self.listed_after_states(t)):
                for key in keys:  # "met the leader and the two journalists", "..., B and the presidents of Benin and Mali, C and D"
                    out.setdefault(key, self.person_actor(key))
                continue
            if self._sender_of_an_envoy(t):
                continue  # "received a Special Envoy of President X, Mr Y" parsed with X the object: Y is
            actor = self.actor_of(t, persons_only=persons_only)
            if actor is not None:
                out.setdefault(actor.key, actor)
        if not out and token.tag_ in ("NNS", "NNPS"):
            keys = self.dash_listed(token) or self.listed_after_states(token) or self.comma_listed(token)
            return [self.person_actor(k) for k in keys]
        return list(out.values())

    def delegation_leaders(self, token: Token) -> list[Actor]:
        """"A delegation of senators led by X arrived ... The group met Z; the delegation will fly on
        to Y": a bare "the delegation" / "the group" (lexicon ``led_group_nouns``) stands for the
        person who leads the one told last before it, in the article ("led by X", "X leads / heads a
        delegation"); an indefinite one not led in its own phrase, for the leader the next sentence names
        (:meth:`_led_next`); the guidelines' traveller of a delegation is its leader."""
        nouns = lexicon().words("led_group_nouns")
        if token.lemma_.lower() not in nouns or token.tag_ != "NN":
            return []
        if not bare_definite(token):
            return self._led_next(token, nouns)
        leads = lexicon().words("lead_verbs")
        for verb in reversed([v for v in tokens_with(self.doc, leads) if v.i < token.i]):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in leads:
                continue
            group = verb.head.head.head if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of" else verb.head
            if verb.dep_ == "acl" and (verb.head.lemma_.lower() in nouns or group.lemma_.lower() in nouns):
                # "a delegation led by X", "a delegation of senators led by X" (hung on "senators")
                people = [a for o in prep_objects(verb, {"by"}) for a in self.actors_of(o, persons_only=True)]
                if not people:  # "by" with no object, the name taken for the clause's subject
                    people = [self.person_actor(m.key) for c in verb.children if c.dep_ == "agent"
                              and not any(o.dep_ == "pobj" for o in c.children)
                              and (m := next((self.token_person[k] for k in range(c.i + 1, c.i + 4)
                                              if k in self.token_person), None)) is not None and m.key]
            elif any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children) \
                    and (subj := subject_of(verb)) is not None:  # "X leads a delegation"
                people = self.actors_of(subj, persons_only=True)
            else:
                continue
            return [a for a in people if a.kind == "person"]
        return []

    def _led_next(self, token: Token, nouns: frozenset[str]) -> list[Actor]:
        """'A trade delegation arrived on Monday. It is headed by X' (or 'The delegation is led by
        X'): an indefinite group led by no one in its own phrase, whose leader the next sentence names
        as the agent of a verb of leading with the group as its subject."""
        leads = lexicon().words("lead_verbs")
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) \
                or any(t.lemma_.lower() in leads for t in token.subtree):
            return []
        if token.sent.end >= len(self.doc):
            return []
        root = self.doc[token.sent.end].sent.root
        if root.lemma_.lower() not in leads:  # "The delegation will be headed by X, he added": what is said
            root = next((c for c in root.children if c.dep_ == "ccomp" and c.lemma_.lower() in leads), root)
        subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
        if root.lemma_.lower() not in leads or subject is None or not (
                subject.lower_ == "it" or (subject.lemma_.lower() in nouns and definite(subject))):  # ("The 14-member delegation")
            return []
        return [a for o in prep_objects(root, {"by"}) for a in self.actors_of(o, persons_only=True) if a.kind == "person"]

    def described_person(self, token: Token) -> Actor | None:
        """"Qatar's Minister of State X arrived in Beirut ... The Qatari official is to meet Y": a
        definite "the <demonym> official" (lexicon ``person_description_nouns``) stands for the one
        person of that state named before it, or, when none is, for the person named last if no state
        of theirs is known."""
        if token.tag_ != "NN" or token.lemma_.lower() not in lexicon().words("person_description_nouns") \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or token.dep_ in ("attr", "oprd", "appos") or any(c.dep_ in ("acl", "relcl") for c in token.children) \
                or any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "only", "last", "most")
                       for t in token.subtree if t.i < token.i):
            return None  # not "him the most senior American official to visit China": a description, no one named
        codes = demonym_states(token, self.date)
        if len(codes) != 1:
            return None
        code = next(iter(codes))
        keys = [e.key for e in self.entities if min(m.start for m in e.mentions) < token.i and (
            self.nationality.get(e.key, (None, ""))[0] == code or any(t.country == code and not t.former for t in e.titles))]
        if not keys:
            # "The UN mediator X said ... Next week, the Czech diplomat will fly to ...": no one of that
            # state is named, so the person named last, if no state of theirs is known
            before = [(max(m.start for m in e.mentions if m.start < token.i), e) for e in self.entities
                      if any(m.start < token.i for m in e.mentions)]
            if any(token.sent.start <= m.start < token.i for _, e in before for m in e.mentions):
                before = []  # "X said the senior Czech diplomat would arrive": someone else than X
            if before:
                at, last = max(before, key=lambda pair: pair[0])
                mention = next(m for m in last.mentions if m.start == at)
                if self.nationality.get(last.key, (None, ""))[0] is None and not any(
                        t.country and not t.country.startswith("io:") for t in last.titles) \
                        and ((head := self.doc[mention.end - 1]).dep_ in ("nsubj", "nsubjpass")
                             or (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"))):
                    keys = [last.key]  # (the subject where last named: not "A met B. ... the Czech official")
        return self.person_actor(keys[0]) if len(keys) == 1 else None

    def _sender_of_an_envoy(self, token: Token) -> bool:
        """Is ``token`` a name the parser made the head of "an envoy of President X" (X sent the envoy)?"""
        sending = lexicon().words("sending_state_titles")
        return any(c.dep_ in ("nmod", "compound") and c.i in self.token_title and c.i < token.i
                   and self.token_title[c.i].phrase in sending
                   and any(p.dep_ == "prep" and p.lower_ == "of" and any(
                       o.dep_ == "pobj" and o.i in self.token_title and self.token_title[o.i] is not self.token_title[c.i]
                       for o in p.children) for p in c.children)
                   for c in token.children)

    def listed_after_states(self, noun: Token) -> list[str]:
        """'his counterparts from Mali and Niger, A and B', 'the foreign ministers of Egypt and Sudan, A and
        B' with the names parsed as more conjuncts of the states: the persons among the conjuncts of the
        plural noun's 'from' or 'of' phrase (two or more)."""
        keys: list[str] = []
        for obj in (o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                    for o in p.children if o.dep_ == "pobj"):
            for head in conjuncts(obj):
                key = self.person_at(head)
                if key and key not in keys:
                    keys.append(key)
        return keys if len(keys) >= 2 else []

    def comma_listed(self, noun: Token) -> list[str]:
        """'met her Polish and Czech counterparts, A and B, at ...' with the names parsed as no
        apposition of the plural office or counterpart noun: the names right after its comma, up to
        the comma or the end that closes them (two persons or more)."""
        doc = noun.doc
        if noun.lemma_.lower() not in lexicon().words("counterpart_nouns") and noun.i not in self.token_title:
            return []
        if noun.i + 1 >= noun.sent.end or doc[noun.i + 1].text != ",":
            return []
        keys: list[str] = []
        for t in doc[noun.i + 2:noun.sent.end]:
            key = self.person_at(t)
            if key is None and t.text == "," and keys and not (t.i + 1 < noun.sent.end and (
                    self.person_at(doc[t.i + 1]) or doc[t.i + 1].lower_ == "and")):
                break  # the comma that closes the list
            if key is None and not (t.pos_ in ("PROPN", "CCONJ") or t.text in (",", ".")):
                break
            if key and key not in keys:
                keys.append(key)
        return keys if len(keys) >= 2 else []

    def dash_listed(self, noun: Token) -> list[str]:
        """'welcomed his counterparts from A, B and C - X, Y and Z - at the palace', 'the ministers of the
        three countries: X, Y and Z': the persons a plural noun's phrase lists between dashes or after a
        colon, after the states it names (two persons or more)."""
        from kg.nlp import DASHES

        sent, doc = noun.sent, noun.doc
        i = noun.i + 1
        openers, kinds = DASHES | {":"}, lexicon().words("place_nouns")
        while i < sent.end and doc[i].text not in openers and (
                doc[i].i in self.token_place or doc[i].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "NUM")
                or doc[i].lemma_.lower() in kinds):
            i += 1  # "from Guatemala, El Salvador and Costa Rica", "of the three countries"
        if i >= sent.end or doc[i].text not in openers or i - noun.i > 12:
            return []
        keys: list[str] = []
        for t in doc[i + 1:sent.end]:
            key = self.person_at(t)
            if t.text in DASHES and key is None:
                break  # the closing dash (not the hyphen in "El-Deeb")
            if key is None and t.tag_ in ("WP", "WDT"):
                break  # "..., and C, who led his delegation": the list ends
            if key is None and not (t.pos_ in ("PUNCT", "CCONJ", "PROPN", "PART") or t.i in self.token_title
                                    or t.i in self.token_place or t.lower_ in ("of", "for")):
                return []  # not a list of names only ("Egypt's Foreign Minister A and ...")
            if key and key not in keys:
                keys.append(key)
        return keys if len(keys) >= 2 else []

    def _speaks_next(self, token: Token) -> bool:
        """Is the name at ``token`` followed right away by a verb of saying with no subject of its own
        ("..., ministry spokeswoman X told a briefing"): X says the sentence?"""
        mention = self.token_person.get(token.i)
        return mention is not None and says_at(self.doc, mention.end)

    def _apposed_after(self, noun: Token) -> str | None:
        """'welcomed by his host, President X, before ...' with X hung elsewhere by the parser: the
        person named (with or without a title) right after the noun's phrase and a comma."""
        k = noun.right_edge.i + 1
        if k + 1 >= len(self.doc) or self.doc[k].text != ",":
            return None
        i = k + 1
        doc = self.doc
        if i + 2 < len(doc) and i in self.token_place and self.token_place[i].end == i + 1 and doc[i + 1].text in ("'s", "’s"):
            i += 2  # "talks with the host, Guyana's President X"
        if i in self.token_title and self.token_title[i].start == i:
            i = self.token_title[i].end
        mention = self.token_person.get(i)
        if mention is None or not mention.key:
            return None
        head = doc[mention.end - 1]
        if self._speaks_next(head):
            return None  # "... hosted by the Peruvian minister, ministry spokeswoman X told a briefing": X speaks
        # hung as a second object of the verb ("hold talks with the host, ... X" read "hold X") is misparsed too
        if head.dep_ not in ("npadvmod", "appos", "dep") and not (
                head.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != head.i for c in head.head.children)):
            return None
        return mention.key

    def _antecedent(self, token: Token) -> str | None:
        """'X, whose visit to Y is scheduled for May': the person the relative clause hangs on, or
        (the parser hanging the clause elsewhere) the person named right before its comma."""
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return self.person_at(clause.head)
        before = token.i - 1
        while before >= 0 and self.doc[before].is_punct and self.doc[before].text in (",", "(", "--", "—", "–"):
            before -= 1
        return self.person_at(self.doc[before]) if 0 <= before < token.i - 1 else None

    def actor_of(self, token: Token, *, persons_only: bool = False) -> Actor | None:
        key = self.person_at(token)
        if key is None:
            for child in token.children:  # "the French ambassador to Chile, Jane Roe"
                if child.dep_ == "appos" and self.person_at(child) and not self._speaks_next(child):
                    key = self.person_at(child)
                    break
        if key is None and token.tag_ == "NN":
            key = self._apposed_after(token)
        if key is None and token.tag_ == "NN" and (token.i in self.token_title or token.lower_ == "head"):
            # "met the head of the upper house, Vice President X": the name hung on the body
            key = next((self.person_at(a) for o in prep_objects(token, {"of"}) for a in o.children
                        if a.dep_ == "appos" and self.person_at(a) and not self._speaks_next(a)), None)
        if key is None and token.pos_ == "PROPN" and token.i + 1 < len(self.doc) and fold(token.text) in lexicon().honorifics \
                and token.i + 1 in self.token_person and self.token_person[token.i + 1].start == token.i + 1:
            key = self.token_person[token.i + 1].key  # "talks with General X Y Z" parsed with the style as the head
        if key is None and token.lower_ in PRONOUNS:
            key = self.previous_person(token)
        if key is None and token.tag_ == "WP$":
            key = self._antecedent(token)
        if key is None and token.i in self.token_title and (token.pos_ == "PROPN" or any(
                c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children)):
            # "with President of France Jean Morel", "special envoy for Iran Ana Ruiz met ..." parsed
            # with the title as the head: the person the title is bound to, named right after it
            title = self.token_title[token.i]
            # (further on inside its phrase when a second office of the same person comes between: "President
            # of Laos and Secretary General of the Party's Central Committee X returned")
            key = next((m.key for m in self.persons if m.key and title in m.all_titles
                        and (title.end <= m.start <= title.end + 4 or any(
                            title.end < t.start and t.end <= m.start <= t.end + 4 for t in m.all_titles))
                        and (token.pos_ == "PROPN" or token.left_edge.i <= m.start <= token.right_edge.i)), None)
        if key is None and token.i in self.token_title and _definite(self.token_title[token.i], self.doc):
            key = self.person_by_title(self.token_title[token.i])
            owners = [c for c in token.children if c.dep_ == "poss"]
            if key is not None and any(self.person_at(o) == key or fold(_owner_name(o)) in self._names_of(key)
                                       for o in owners):
                key = None  # "President Roe's special envoy" is someone else than Roe
        if key is None and token.i in self.token_title and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and not _first_by(token):
            key = self.person_named_after(self.token_title[token.i])
        if key is not None:
            return self.person_actor(key)
        if persons_only:
            return None
        if token.i in self.token_org:
            return self.org_actor(self.token_org[token.i])
        if token.i in self.token_place:
            return self.country_actor(self.token_place[token.i].place.code)
        return self.group_actor(token)

    def places_of(self, token: Token) -> list[Actor]:
        """Places a noun phrase names: the head itself ("Beijing", "the United States"), or a
        place-type noun with a place modifier ("the Chinese capital", "a southern Russian region",
        "the city of X"); never a modifier of another noun ("US troops", "an American base")."""
        place_nouns = lexicon().words("place_nouns")
        out: dict[str, Actor] = {}
        for t in conjuncts(token):
            mention = self.token_place.get(t.i)
            if mention is None and t.lemma_.lower() in place_nouns and not any(
                    c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in t.children):
                # (not "the former Yugoslav republics": what they were part of)
                for child in t.children:
                    if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in self.token_place:
                        mention = self.token_place[child.i]
                    elif child.dep_ == "compound" and child.ent_type_ == "ORG" and mention is None \
                            and (code := geo.country_code(child.text, self.date)):
                        # "the US Congress": NER took the state into the institution's name
                        actor = self.country_actor(code)
                        out.setdefault(actor.key, actor)
                    if child.dep_ == "prep" and child.lower_ == "of":  # "the city of Hiroshima"
                        for obj in child.children:
                            if obj.dep_ == "pobj" and obj.i in self.token_place:
                                mention = self.token_place[obj.i]
            if mention is None and t.lemma_.lower() in lexicon().words("country_nouns") and bare_definite(t):
                mention = self.last_country(t)  # "the nation": the state named last before it
            if mention is None and (t.pos_ == "PROPN" or t.lemma_.lower() in place_nouns):
                # "Russia's Far East", "Russia's north": a part of the state its possessive names
                mention = next((self.token_place[c.i] for c in t.children
                                if c.dep_ == "poss" and c.i in self.token_place
                                and self.token_place[c.i].place.kind == "country"), None)
            if mention is None and t.pos_ == "PROPN":
                # "New Delhi, India" with the city missed (tagged as part of an organisation): the state after it
                mention = next((self.token_place[c.i] for c in t.children
                                if c.dep_ == "appos" and c.i in self.token_place
                                and self.token_place[c.i].place.kind == "country"), None)
            if mention is not None:
                actor = self.place_actor(mention.place)
                out.setdefault(actor.key, actor)
        return list(out.values())

    def last_country(self, token: Token) -> PlaceMention | None:
        """The last state named before ``token`` in its sentence or the two before (a quote may
        stand between: "... met the Ruritanian leader. "..." said the agency. X travelled to the
        nation")."""
        return self.last_place(token, 3, lambda m: m.place.kind == "country")

    def last_place(self, token: Token, sentences: int, fits=lambda mention: True) -> PlaceMention | None:
        """The last place mention before ``token`` that ``fits``, in its sentence or the
        ``sentences`` - 1 before."""
        sents = [s for s in self.doc.sents if s.start <= token.i][-sentences:]
        lower = sents[0].start if sents else 0
        before = [m for m in self.places if lower <= m.start < token.i and fits(m)]
        return before[-1] if before else None


def _subject_word(token: Token) -> bool:
    """A subject, or a name in apposition to one ("Iraq's interim prime minister, X, has held talks")."""
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"))


def _definite(title: Title, doc: Doc) -> bool:
    """'the minister', "Japan's minister", 'the US ambassador', 'the visiting chancellor', 'the newly
    appointed envoy' (not 'a minister', 'ministers')."""
    if doc[title.end - 1].tag_ in ("NNS", "NNPS"):
        return False
    k = title.start - 1
    while k >= 0 and (doc[k].pos_ in ("ADJ", "PROPN") or doc[k].ent_type_ in ("NORP", "GPE")
                      or (doc[k].is_lower and doc[k].tag_ in ("VBG", "VBN", "RB")) or hyphen_joined(doc, k)) \
            and doc[k].lower_ != "the":  # "the 42-year-old premier"
        k -= 1
    return k >= 0 and (doc[k].lower_ in ("the", "this", "that") or doc[k].text in ("'s", "’s") or doc[k].dep_ == "poss")


def nationality_only(doc: Doc, mention: PlaceMention) -> bool:
    """A place mention that is a nationality word naming no place ("Finnish officials"; not "the
    Finnish capital", whose noun is a place's: lexicon ``place_nouns``)."""
    return geo.is_demonym(doc[mention.start:mention.end].text) \
        and doc[mention.end - 1].head.lemma_.lower() not in lexicon().words("place_nouns")


def demonym_states(token: Token, on: Date | None, deps: tuple[str, ...] = ("amod", "compound")) -> set[str]:
    """The states the nationality words before a noun name ("the Czech official", "the two Mexican
    secretaries")."""
    return {code for c in token.children if c.dep_ in deps and geo.is_demonym(c.text)
            and (code := geo.country_code(c.text, on, codes=False))}


def definite(token: Token) -> bool:
    """A noun with "the" ("the delegation", "The 14-member delegation")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def bare_definite(token: Token) -> bool:
    """'the nation', 'the country': a definite noun with no other modifier than a clause set off by
    commas ("the delegation, which arrived on Saturday, ...")."""
    doc = token.doc
    children = [c for c in token.children if not (c.dep_ == "punct" and c.text == ",") and not (
        c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")]
    return any(c.dep_ == "det" for c in children) and all(c.dep_ == "det" and c.lower_ == "the" for c in children)


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def header_lines(doc: Doc, body_start: int) -> Iterator[tuple[int, bool]]:
    """(first token, is the story's) of the body's opening paragraphs: a web page's header lines
    (a repeated headline, a standfirst, a byline, a time stamp: short paragraphs, at most
    :data:`HEADER_LINES` of them), then the first paragraph of the story (``True``), if it comes
    within them. A paragraph's end is looked for within a header line's length only."""
    first = next((t.i for t in doc if t.idx >= body_start and not t.is_space), None)
    for _ in range(HEADER_LINES + 1):
        if first is None:
            return
        end = next((t.i for t in doc[first:first + HEADER_WORDS + 1] if "\n" in t.text_with_ws), len(doc))
        story = end - first > HEADER_WORDS
        yield first, story
        if story:
            return
        first = next((t.i for t in doc[end:] if not t.is_space), None)


def verbless_header_tokens(doc: Doc, body_start: int) -> set[int]:
    """The tokens of a web page's header lines that have no verb: a byline ("By A B", "A B, Political
    Editor"), a time stamp, a photo credit -- names there are no one the story is about."""
    out: set[int] = set()
    for first, story in header_lines(doc, body_start):
        if story:
            break
        end = next((t.i for t in doc[first:] if "\n" in t.text_with_ws), len(doc))
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[first:end]):
            out.update(range(first, end))
    return out


def header_end(doc: Doc, body_start: int) -> int:
    """The first token of the story after a web page's header lines (0: no header lines found)."""
    return next((first for first, story in header_lines(doc, body_start) if story), 0)


def _unhung_speaker(token: Token) -> bool:
    """'..., where he is to hold talks with President A, Ghana's Foreign Minister B said': a name the
    parser put beside another, right before a verb of saying that has no subject of its own, is
    who says the sentence."""
    return token.pos_ == "PROPN" and says_at(token.doc, token.right_edge.i + 1)


def noun_group(token: Token) -> list[Token]:
    """The heads a noun phrase stands for: its conjuncts ("A, B and C"), a coordination the parser
    hung under it as a modifier ("(Okafor and Jane) -nmod-> Okafor"), appositions listing names
    ("his counterparts, A, B and C"), and "including" lists ("officials, including A and B")."""
    out: list[Token] = _hung_coordination(token)
    for head in conjuncts(token):
        out.append(head)
        for child in head.children:
            if child.dep_ == "appos" and _unhung_speaker(child):
                continue  # "talks with President A, Ghana's Foreign Minister B said": B speaks
            if child.dep_ == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.i < head.head.i < child.i:
                continue  # "X will travel to Y for talks with his counterparts, A and B": the parser hung the
                # names after the verb on its subject
            if child.dep_ == "appos":
                # "following A, B and C" parsed A -appos-> C, "(B and) -nmod-> C"
                out.extend(_hung_coordination(child) if child.pos_ == "PROPN" else [])
                for conj in conjuncts(child):  # "Minister X and his counterpart, Y": Y too
                    out.append(conj)
                    if conj.i != child.i:
                        out.extend(a for a in conj.children if a.dep_ == "appos" and a.pos_ == "PROPN")
                # "Foreign ministers X of Kenya and Y of Uganda": Y hung on the state as its conjunct
                out.extend(c for p in child.children if p.dep_ == "prep" and p.lower_ == "of" and child.pos_ == "PROPN"
                           for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)[1:] if c.pos_ == "PROPN")
            elif child.dep_ == "prep" and child.lower_ in ("including", "like"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(conjuncts(obj))
            elif child.dep_ == "prep" and child.lower_ == "of" and head.i != token.i and head.pos_ == "PROPN":
                # "A, President B of Peru and Chile's President C": C hung on the state as its conjunct
                out.extend(c for o in child.children if o.dep_ == "pobj" for c in conjuncts(o)[1:]
                           if c.ent_type_ == "PERSON" and c.pos_ == "PROPN")
            elif child.dep_ == "prep" and child.lower_ == "of" and head.tag_ == "NNS":
                # "leaders of the 21 economies, including A and B": the list hung on the "of" phrase
                out.extend(c for o in child.children if o.dep_ == "pobj" for p in o.children
                           if p.dep_ == "prep" and p.lower_ == "including"
                           for obj in p.children if obj.dep_ == "pobj" for c in conjuncts(obj))
    out.extend(_stray_conjunct(token, out))
    out.extend(_stray_including(token))
    out.extend(_repeated_preposition(token))
    out.extend(_stray_apposition(token))
    out.extend(_stray_list_before(token, out))
    seen: set[int] = set()
    return [t for t in out if not (t.i in seen or seen.add(t.i))]


def _first_by(token: Token) -> bool:
    """'the first visit to Israel by an Egyptian foreign minister in three years': an office introduced
    with 'a' after a first or last of its kind is any holder, no one named later."""
    noun = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("by", "of") else None
    while noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.pos_ != "NOUN":
        noun = noun.head.head  # "the first visit to Israel by ...": "by" hung on the place
    return noun is not None and any(c.ent_type_ == "ORDINAL" or c.lower_ in ("first", "last") for c in noun.children)


def _hung_coordination(token: Token) -> list[Token]:
    """A coordination the parser hung under a noun as a modifier: "(Okafor and Jane) -nmod-> Okafor";
    also one level down, "(A and President B) -nmod-> der -> Leyen", "(Minister A and Trade) -preconj->
    Minister -> B"."""
    out: list[Token] = []
    for child in [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i]:
        for hung in [child, *(g for g in child.children if (g.dep_ in ("nmod", "compound") and g.i < child.i)
                              or (g.dep_ == "preconj" and g.i < token.i))]:
            if any(c.dep_ == "cc" for c in hung.children):
                out.extend(conjuncts(hung))
    return out


def _stray_list_before(token: Token, heads: list[Token]) -> list[Token]:
    """'On Saturday, A, B, Minister C and Secretary D held a meeting' parsed with D alone as the subject
    and the others hung on the comma: the last word of each name (or office) listed right before
    it (past the words of its own office the parser hung elsewhere), separated by commas and 'and',
    back to the first word that is neither."""
    doc = token.doc
    if token.dep_ != "nsubj" or len(heads) > 1 or token.head.pos_ not in ("VERB", "AUX"):
        return []
    k = token.left_edge.i - 1
    while k > token.sent.start and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("DATE", "TIME"):
        k -= 1  # "and Peruvian Defence Minister| Ana Ruiz"
    if k < 1 or doc[k].lower_ != "and":
        return []
    out = []
    while k > token.sent.start and (doc[k].lower_ == "and" or doc[k].text == ","):
        k -= 1
        if doc[k].pos_ != "PROPN" or doc[k].ent_type_ in ("DATE", "TIME") or doc[k].head.i == token.head.i:
            break  # (a word the verb governs itself: the parser's own reading)
        out.append(doc[k])
        while k > token.sent.start and doc[k - 1].pos_ == "PROPN" and doc[k - 1].ent_type_ not in ("DATE", "TIME"):
            k -= 1
        k -= 1
    return out


def _stray_including(token: Token) -> list[Token]:
    """'Leaders gathered in Y for a summit hosted by President A, including B, C and D' with the list
    hung by the parser on a person's name (no one person includes others): the list belongs to the
    plural noun of persons (lexicon ``group_heads``) that is the subject before it, when no other
    such noun comes between."""
    heads = lexicon().words("group_heads")
    if token.tag_ != "NNS" or token.lower_ not in heads or token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    doc = token.doc
    for t in doc[token.right_edge.i + 1:token.sent.end]:
        if t.tag_ == "NNS" and t.lower_ in heads:
            return []
        if t.lower_ == "including" and t.dep_ == "prep" and t.head.ent_type_ == "PERSON" and t.head.pos_ == "PROPN":
            return [c for o in t.children if o.dep_ == "pobj" for c in conjuncts(o)]
    return []


def _stray_apposition(token: Token) -> list[Token]:
    """'hosted his counterparts, A and B, at the palace' with A hung by the parser on the verb: the
    names that open right after a plural noun's phrase and a comma are its apposition."""
    doc = token.doc
    k = token.right_edge.i + 1
    if token.tag_ != "NNS" or k + 1 >= len(doc) or doc[k].text != "," or any(c.dep_ == "appos" for c in token.children):
        return []
    head = next((t for t in doc[k + 1:token.sent.end] if t.left_edge.i == k + 1 and t.pos_ == "PROPN"
                 and t.dep_ in ("npadvmod", "dep", "appos") and t.head.i != token.i), None)
    return conjuncts(head) if head is not None else []


def _stray_conjunct(token: Token, heads: list[Token]) -> list[Token]:
    """'talks with the President, A, and Prime Minister B' with B hung by the parser as a conjunct
    of the verb: the noun right after 'and' that follows the phrase belongs to it."""
    doc = token.doc
    k = max(h.right_edge.i for h in heads) + 1 if heads else token.right_edge.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ != "and":
        return []
    inside = {t.i for h in heads for t in h.subtree} | {t.i for t in token.subtree}
    stray = [t for t in doc[k + 1:token.sent.end] if t.dep_ == "conj" and t.pos_ == "PROPN"
             and t.left_edge.i == k + 1 and t.head.i not in inside and t.head.pos_ in ("VERB", "AUX")][:1]
    return conjuncts(stray[0]) if stray else []  # (with its own: "..., and B and envoy C in July")


def _repeated_preposition(token: Token) -> list[Token]:
    """'accompanied by A, and by B', 'attended by A as well as by B': the agent's "by" said again
    after "and" / "as well as" (the parser hangs it anywhere) brings another agent of the same verb."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.lower_ != "by":
        return []  # (not "talks with A in X and with B in Y": two meetings, each with its own place)
    doc = token.doc
    out: list[Token] = []
    for t in doc[token.i + 1:token.sent.end]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl"):
            break
        before = doc[t.i - 3:t.i] if t.i >= 3 else doc[0:t.i]
        if t.lower_ == prep.lower_ and (t.dep_ == "conj" or t.dep_ in ("agent", "prep") and t.head.i != prep.head.i) \
                and (doc[t.i - 1].lower_ == "and" or [w.lower_ for w in before] == ["as", "well", "as"]):
            out.extend(c for o in t.children if o.dep_ == "pobj" for c in conjuncts(o))
    return out


def _owner_name(owner: Token) -> str:
    """The words of a possessor without its determiner and "'s" ("The President's" -> "President")."""
    return " ".join(t.text for t in owner.subtree if t.dep_ not in ("det", "case", "punct"))


def lead_sentences(ctx: Context) -> set[int]:
    """Starts of the body's first two sentences (a dateline's lead), not counting a dateline the
    parser split off as a sentence of its own ("LIMA, May 3 -")."""
    body = [s for s in ctx.doc.sents if s.end_char > ctx.body_start and s.text.strip()]
    mention = ctx.dateline
    if body and mention is not None and body[0].start <= mention.start and body[0].end <= mention.end + 8 \
            and not any(t.pos_ in ("VERB", "AUX") for t in body[0]):
        body = body[1:]
    return {s.start for s in body[:2]}
