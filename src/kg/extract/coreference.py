"""One entity per person per article, and the offices the article gives each entity.

Reads the person mentions of :mod:`kg.extract.persons` (with the titles bound to them there);
adds :class:`PersonEntity` records: a shorter form ("Dravas", "Dravaz", "Wang") joins the full name it
stands for (:func:`kg.names.can_be`, the rule the store also uses across articles); then offices
named without a name are given to a person: "the prime minister said" (a nearby or the only
holder), "his French counterpart Y" (the owner's office, the adjective's state), "the foreign
ministers of A and B, X and Y" (one office, distributed in order).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from kg import geo
from kg.nlp import DASHES
from kg.extract.lexicon import lexicon
from kg.extract.mentions import PersonMention, Title, honorific_at
from kg.extract.persons import _definite_title
from kg.extract.syntax import tokens_with
from kg.names import PATRONYMIC, can_be, similar
from kg.text import fold

def plural_titles(doc: Doc, entities: list[PersonEntity], titles: list[Title], on: Date | None) -> None:
    """'the foreign ministers of Egypt and Greece, A and B': one office, as many states as names,
    given in order; 'the two presidents, A and B' (no states): the office alone."""
    by_start = {m.start: m for e in entities for m in e.mentions}
    by_key = {e.key: e for e in entities}
    for title in list(titles):
        head = doc[title.end - 1] if title.end - 1 < len(doc) else None
        heads = [t for t in doc[title.start:title.end] if t.tag_ in ("NNS", "NNPS")]
        if not heads:
            continue
        states = [title.country] if title.country and not title.country.startswith("io:") else []
        k = title.end
        for prep in (c for c in heads[-1].children if c.dep_ == "prep" and c.lower_ == "of"):
            named_states = [(t.i, code) for o in prep.children if o.dep_ == "pobj"
                            for t in [o, *(c for c in o.subtree if c.dep_ == "conj")]
                            if (code := geo.country_code(t.text, on, codes=False))]
            if named_states:
                states = [code for _, code in named_states]
                k = max(i for i, _ in named_states) + 1
                while k + 1 < len(doc) and doc[k].text in (",", "and") \
                        and (code := geo.country_code(doc[k + 1].text, on, codes=False)) and code not in states:
                    states.append(code)  # "of A, B and C - X, Y, Z": the last state the parser hung on a name
                    k += 2
            elif prep.i == k and not any(t.i in by_start for t in prep.subtree):
                k = prep.right_edge.i + 1  # "the foreign ministers of the two countries, A of X and B of Y"
        named, own_states = [], []
        while k < len(doc) and k < title.end + 30:
            if k in by_start and all(t is title for t in by_start[k].all_titles):  # (the plural bound by apposition)
                named.append(by_start[k])
                k = by_start[k].end
                if k + 1 < len(doc) and doc[k].lower_ == "of" and (code := geo.country_code(doc[k + 1].text, on, codes=False)):
                    own_states.append(code)  # "..., A of Paraguay and B of Brazil": each name's own state
                    k += 2
            elif doc[k].text in (",", "and") or (doc[k].text in DASHES and not named):
                k += 1  # "the foreign ministers of A, B and C - X, Y and Z -"
            else:
                break
        if len(named) >= 2 and len(own_states) == len(named):
            states = own_states
        if len(named) < 2 and len(states) > 1:
            named, states = _possessed_members(doc, title, by_start, states, on)
        if len(named) < 2 or (states and len(states) != len(named)):
            continue
        del head
        for n, mention in enumerate(named):
            single = Title(title.start, title.end, singular(title.phrase), title.former,
                           states[n] if states else None, title.deputy)
            mention.title = single
            mention.more_titles = [t for t in mention.more_titles if t is not title]
            entity = by_key[mention.key]
            entity.titles = [t for t in entity.titles if t is not title] + [single]
            titles.append(single)

def _possessed_members(doc: Doc, title: Title, by_start: dict, states: list[str],
                       on: Date | None) -> tuple[list, list[str]]:
    """'Talks between the foreign ministers of Egypt, Libya and Chad ... Egypt's A, Chad's B and Libya's
    C agreed': the persons of the title's sentence or the next one named after a possessive of one of
    its states, each with that state."""
    sent = doc[title.start].sent
    end = sent.end if sent.end >= len(doc) else doc[sent.end].sent.end
    named, found = [], []
    for k in range(title.end, end):
        mention = by_start.get(k)
        if mention is None or mention.all_titles or k < 2 or doc[k - 1].lower_ not in ("'s", "\u2019s"):
            continue
        code = geo.country_code(doc[k - 2].text, on, codes=False)
        if code in states and code not in found:
            named.append(mention)
            found.append(code)
    return named, found


def _plural(doc: Doc, title: Title) -> bool:
    """'the prime ministers', 'the prime ministers of A, B and C': the office's head word is plural."""
    last = title.phrase.split()[-1]
    return any(t.tag_ in ("NNS", "NNPS") and t.lower_ == last for t in doc[title.start:title.end])


def singular(phrase: str) -> str:
    """'foreign ministers' -> 'foreign minister' (the last word's plural s)."""
    words = phrase.split()
    last = words[-1]
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])

def counterparts(doc: Doc, entities: list[PersonEntity], titles: list[Title], on: Date | None) -> None:
    """'X met his French counterpart Y', 'X and his Greek and French counterparts, Y and Z,
    respectively', 'his southern counterpart Y': Y holds X's office, for the state the adjective
    names (if it names one). X is the person with an office named last before the noun in its
    sentence. The new titles are bound to Y, Z and added to ``titles``."""
    lex = lexicon()
    persons = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    by_start = {m.start: m for m in persons}
    by_key = {e.key: e for e in entities}
    styles = lex.words("royal_styles")
    style_ends = {t.start: t.end for t in titles if t.phrase in styles}  # "Prince", "Sheikh" before a name
    office_ends = {t.start: t.end for t in titles if t.phrase not in styles}
    for token in tokens_with(doc, lex.words("counterpart_nouns")):
        if token.lemma_.lower() not in lex.words("counterpart_nouns") or token.pos_ != "NOUN":
            continue
        sent = token.sent
        owners = [m for m in persons if sent.start <= m.start < token.i and by_key[m.key].titles]
        if not owners and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            # "Speaking ... with his counterpart Y, X said": the subject after it; else the subject of
            # the sentence before ("X landed ... . No talks with his counterpart Y are planned")
            later = [m for m in persons if token.i < m.start < sent.end and by_key[m.key].titles
                     and not (m.start <= token.i + 3 or (doc[m.end - 1].dep_ == "appos" and doc[m.end - 1].head.i == token.i))]
            # (not the counterpart named right after it or in apposition: "his Malian counterpart, Minister X, ...")
            owners = [m for m in later if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")][:1] \
                or ([] if later else _office_subject(doc, token, persons, by_key, titles)
                    or _previous_subjects(doc, persons, by_key, sent))
        unnamed = None if owners else _unnamed_owner(doc, token, titles)
        if not owners and unnamed is None:
            continue
        if owners and (office := _office_subject(doc, token, persons, by_key, titles)) and office[0] in owners:
            owners = office  # "..., spokesman X said, adding that the prime minister will meet his counterpart Y"
        subjects = [m for m in owners if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        if subjects and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            owners = subjects  # "X ... meeting President A and his counterpart B": X's counterpart
        owner_title = unnamed or next((t for t in by_key[owners[-1].key].titles if not t.former), None)
        if owner_title is None:
            continue  # "X, a former foreign minister, met his counterpart Y": X's office now is not said
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        modifiers = [t for m in modifiers for t in [m, *(c for c in m.subtree if c.dep_ == "conj")]]
        states = [code for t in sorted(modifiers, key=lambda t: t.i)
                  if (code := geo.country_code(_with_left_words(t).text, on, codes=False)
                      or geo.country_code(t.text, on, codes=False))]
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if not states and owner is not None and owner.i + 1 < token.i:
            # "his Democratic Republic of Congo counterpart": a state's name of several words
            code = geo.country_code(doc[owner.i + 1:token.i].text, on, codes=False)
            states = [code] if code else []

        named: list[PersonMention] = []
        k = token.i + 1
        if k + 1 < sent.end and doc[k].lower_ in ("from", "of"):  # "his counterpart from Ghana, X"
            code = geo.country_code(doc[k + 1].text, on, codes=False)
            listed, j = _state_list(doc, k + 1, sent.end, on)
            if len(listed) > 1 and j < sent.end and doc[j].text in DASHES:
                states += listed  # "his counterparts from Mali, Niger and Chad - A, B and C -"
                k = j + 1
            elif code:
                states.append(code)
                k += 2
        while k < sent.end and len(named) < max(len(states), 1) + 1:
            if k in style_ends and style_ends[k] in by_start:
                k = style_ends[k]  # "his Saudi counterpart Prince X": the style before the name
            if (size := honorific_at(doc, k)) and k + size in by_start:
                k += size  # "his Malaysian counterpart Datuk Seri X"
            if k in by_start and by_start[k].key in {m.key for m in owners}:
                break  # "with his counterpart Y, X said": X is the owner
            if k in by_start and all(t.phrase in styles for t in by_start[k].all_titles):
                named.append(by_start[k])
                k = by_start[k].end
            elif office_ends.get(k) in by_start and not named and len(states) == 1 \
                    and by_start[office_ends[k]].title is not None and by_start[office_ends[k]].title.country is None:
                # "her Chinese counterpart, Commerce Minister X": X's own office, of the state the adjective names
                mention = by_start[office_ends[k]]
                own = replace(mention.title, country=states[0])
                entity_titles = by_key[mention.key].titles
                entity_titles[:] = [own if t is mention.title else t for t in entity_titles]
                titles[:] = [own if t is mention.title else t for t in titles]
                mention.title = own
                break
            elif doc[k].text in (",", "and") or doc[k].lower_ in ("respectively",):
                k += 1
            elif not named and k > 0 and doc[k - 1].lower_ == "and" and doc[k].lower_ in lex.words("counterpart_roles"):
                k += 1  # "his Paraguayan counterpart and host, X"
            else:
                break
        if not named:
            continue
        if len(named) == len(states):
            pairs = list(zip(named, states))
        elif len(states) <= 1:
            pairs = [(m, states[0] if states else None) for m in named]
        else:
            continue
        equivalents = lex.table("office_equivalents")
        phrase = owner_title.phrase
        if phrase not in equivalents and " and " in phrase:
            # "Minister for Foreign Affairs and Regional Integration", "Minister of Foreign Affairs, Trade and
            # Gabonese Abroad": the other state's counterpart holds the office's first portfolio, not its own
            # compound (the longest opening words that name an office)
            words = phrase.split(" and ")[0].split()
            phrase = next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                           if " ".join(words[:n]) in equivalents or " ".join(words[:n]) in lex.title_phrases), phrase)
        home = lex.table("title_states").get(phrase)
        if not (home and owner_title.country and owner_title.country != home):
            # (India's "Foreign Secretary" is no foreign minister: an office named after another state's
            # minister keeps its own name there, and so does the counterpart's)
            phrase = equivalents.get(phrase, phrase)
            if "defense" in owner_title.phrase:
                phrase = phrase.replace("defence", "defense")  # the owner's spelling ("Defense Minister X ...")
        for mention, code in pairs:
            title = Title(token.i, token.i + 1, phrase, owner_title.former, code, owner_title.deputy)
            mention.title = title
            by_key[mention.key].titles.append(title)
            titles.append(title)

def _unnamed_owner(doc: Doc, token: Token, titles: list[Title]) -> Title | None:
    """'The Philippine president hosted his Indonesian counterpart, X': the office (named by no one)
    that is the subject of the verb whose object is "his ... counterpart"."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) or token.dep_ != "dobj":
        return None
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return next((t for t in titles if subject is not None and t.end - 1 == subject.i and not t.former
                 and _definite_title(doc, t)), None)


def _state_list(doc: Doc, i: int, end: int, on: Date | None) -> tuple[list[str], int]:
    """The states a list from ``i`` names ("Mali, Niger and Burkina Faso") and where it stops."""
    codes: list[str] = []
    while i < end:
        if doc[i].text == "," or doc[i].lower_ == "and":
            i += 1
            continue
        for size in (3, 2, 1):
            words = doc[i:i + size]
            code = geo.country_code(words.text, on, codes=False) \
                if i + size <= end and not any(t.is_punct for t in words) else None
            if code:
                codes.append(code)
                i += size
                break
        else:
            break
    return codes, i


def _office_subject(doc: Doc, token: Token, persons: list, by_key: dict, titles: list[Title]) -> list:
    """'The Prime Minister will then go to Bangkok at the invitation of his Thai counterpart, X': a
    subject that is an office alone ("the prime minister") stands for the one person named before
    the noun who holds it (none when two do), the subject of the noun's own clause."""
    verb = token
    while verb.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "the prime minister is scheduled to meet his counterpart": the subject of "scheduled"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
    bare = [t for t in titles if subjects and t.start <= subjects[0].i < t.end and not t.deputy
            and t.end == subjects[0].i + 1 and _definite_title(doc, t)]
    if not bare:
        return []

    same = lexicon().table("office_equivalents")

    def holds(t: Title) -> bool:  # "the Djiboutian (foreign) minister": the one of that state with that office
        if bare[0].country is None:
            return t.phrase == bare[0].phrase
        return t.country == bare[0].country and (bare[0].phrase in t.phrase.split()
                                                 or same.get(t.phrase, t.phrase) == same.get(bare[0].phrase, bare[0].phrase))
    holders = {m.key: m for m in persons if m.start < token.i and any(
        holds(t) and not t.former for t in by_key[m.key].titles)}
    return list(holders.values()) if len(holders) == 1 else []


def _previous_subjects(doc: Doc, persons: list, by_key: dict, sent: Span) -> list:
    """The persons with an office who are subjects of the sentence before ``sent``, or of the one
    before it when that sentence names no one as its subject ("X arrived in Y. The talks went
    well. He later met his counterpart W": X)."""
    for _ in range(2):
        k = sent.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0:
            return []
        sent = doc[k].sent
        subjects = [m for m in persons if sent.start <= m.start < sent.end and (
            doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")  # (or in apposition to one: "Ghana's Foreign Minister X was ...")
            or (doc[m.end - 1].dep_ == "appos" and doc[m.end - 1].head.dep_ in ("nsubj", "nsubjpass")))]
        if subjects:
            return [m for m in subjects if by_key[m.key].titles]
    return []


def _with_left_words(token: Token) -> Span:
    """The capitalised modifiers right before ``token`` that hang on it, with it: "North Korean"."""
    start = token.i
    while start > token.sent.start and token.doc[start - 1].head.i == token.i \
            and token.doc[start - 1].dep_ in ("amod", "compound") and token.doc[start - 1].text[:1].isupper():
        start -= 1
    return token.doc[start:token.i + 1]


def _possessed_by_person(doc: Doc, title: Title, persons: list[PersonMention]) -> bool:
    """"Mr Roe's spokesman", "Roe spokesperson X": the office is someone else's aide."""
    starts = {i for m in persons for i in range(m.start, m.end)}
    k = title.start - 1
    if k >= 0 and doc[k].text in ("'s", "’s"):
        k -= 1
    return k >= 0 and k in starts

@dataclass
class PersonEntity:
    key: str
    name: str
    mentions: list[PersonMention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(sorted({m.name for m in self.mentions} - {self.name}))

def _similar(a: str, b: str) -> bool:
    return similar(a, b)


def _beside_namesake(persons: list[PersonMention], words: tuple[str, ...], full: PersonMention) -> bool:
    """The surname alone is said right beside the full name ("Okafor and Grace Okafor will stay in
    Lisbon"): two people of one family name, so the surname is not the full name's."""
    return any(tuple(fold(m.name).split()) == words and abs(m.start - full.start) <= 8 for m in persons)


def cluster_persons(persons: list[PersonMention], headline_end: int = 0, header_end: int = 0) -> list[PersonEntity]:
    """One entity per person. A shorter form ("Dravas", "Dravaz") joins the latest full name
    of the same surname mentioned before it (news names a person in full first); mentions in the
    headline, or in a web page's header lines before the story (``header_end``: a repeated
    headline, a standfirst), may join a full name that comes later. Otherwise it is a person of
    its own."""
    headline_end = max(headline_end, header_end)
    entities: list[PersonEntity] = []
    by_full: dict[tuple[str, ...], PersonEntity] = {}
    ordered = sorted(persons, key=lambda m: (m.start < headline_end, m.start))  # body first
    fullest = sorted(persons, key=lambda m: (-len(m.name.split()), m.start))
    for mention in ordered:
        words = tuple(fold(mention.name).split())
        target = by_full.get(words)
        if target is None:
            in_headline = mention.start < headline_end
            candidates = [
                m for m in fullest
                if len(fold(m.name).split()) > len(words) and (in_headline or m.start < mention.start)
                and _joins(words, tuple(fold(m.name).split()))
            ]
            if not candidates and len(words) == 1:
                # family name first ("Wang Lei" ... "Wang"): the one full name it begins, when no
                # full name ends with it
                firsts = {fold(m.name) for m in fullest if len(fold(m.name).split()) > 1
                          and fold(m.name).split()[0] == words[0] and (in_headline or m.start < mention.start)}
                lasts = [m for m in fullest if len(fold(m.name).split()) > 1 and fold(m.name).split()[-1] == words[0]]
                if len(firsts) == 1 and not lasts:
                    candidates = [m for m in fullest if fold(m.name) in firsts]
            if not candidates and len(words) == 1:
                # a word inside a long name ("Tavo" of "Jose Maria Tavo da Costa"), when one name has it
                inside = {fold(m.name) for m in fullest if len(fold(m.name).split()) >= 3
                          and _inside(words[0], fold(m.name).split()) and (in_headline or m.start < mention.start)}
                if len(inside) == 1:
                    candidates = [m for m in fullest if fold(m.name) in inside]
            if not candidates and len(words) >= 2:
                # the leading words of a longer name ("Sharif Zaid" of "Sharif Zaid al-Hmoud"), when one
                # full name told before begins with them
                leading = {fold(m.name) for m in fullest if len(fold(m.name).split()) > len(words)
                           and tuple(fold(m.name).split()[:len(words)]) == words and (in_headline or m.start < mention.start)}
                if len(leading) == 1:
                    candidates = [m for m in fullest if fold(m.name) in leading]
            if not candidates and (mention.honorific or (len(words) == 1 and mention.all_titles)):
                # "Mr. Roe ... Jane Roe", "President Roe ... President Jane Roe": a surname may
                # join the one later full name (with a title, only one holding the same title, or
                # an office of its head word, or a bare head word before a full name with no office told
                # there: "Minister Roe ... his counterpart Jane Roe")
                phrases = {t.phrase for t in mention.all_titles}
                bare = {t.phrase for t in mention.all_titles if " " not in t.phrase}
                later = {fold(m.name) for m in fullest
                         if len(fold(m.name).split()) > len(words) and _joins(words, tuple(fold(m.name).split()))
                         and (mention.honorific or phrases & {t.phrase for t in m.all_titles}
                              or bare & {t.head for t in m.all_titles}
                              or (bare and not m.all_titles and not _beside_namesake(persons, words, m)))}
                if len(later) == 1:
                    candidates = [m for m in fullest if fold(m.name) in later]
            if candidates:
                best = max(candidates, key=lambda m: (len(m.name.split()), m.start if not in_headline else -m.start))
                target = by_full.get(tuple(fold(best.name).split()))
                if target is None:
                    target = PersonEntity("person:" + fold(best.name), best.name)
                    entities.append(target)
                    by_full[tuple(fold(best.name).split())] = target
        if target is None:
            target = PersonEntity("person:" + " ".join(words), mention.name)
            entities.append(target)
        by_full.setdefault(words, target)
        target.mentions.append(mention)
        mention.key = target.key
        target.titles.extend(mention.all_titles)
    return entities

def _inside(word: str, full: list[str]) -> bool:
    """``word`` is one of the words of ``full``, not the parent's name after "bin" / "ibn" / "bint"
    ("King Rashid" is not "Khalid bin Rashid bin Saeed")."""
    return any(w == word and not (k and full[k - 1] in PATRONYMIC) for k, w in enumerate(full))


def _joins(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The shared rule of :func:`kg.names.can_be` (the store applies it across articles)."""
    return can_be(short, full)

def bind_title_mentions(doc: Doc, persons: list[PersonMention], entities: list[PersonEntity],
                        titles: list[Title], byline: frozenset[int] | set[int] = frozenset()) -> None:
    """Definite titles with no name ("the prime minister said", "the UK chancellor", "The Russian
    foreign minister ... Ivan Petrov will") belong to a person the article names nearby:

    - when exactly one person already holds that office here, to that person (the title may add
      its state: "the UK chancellor");
    - "the minister", "the head of state" as a subject: the subject of the last main clause before (in
      the two sentences before), when an office of that head word (a leader's) is theirs;
    - else to the last person named before it (within two sentences) who has no title, preferring
      subjects; failing that, to the subject of the next sentence, for an office of a named state.

    - "The Kuwaiti minister is due in Doha" as a subject, when no one holds an office of that head word
      of that state: the last subject named before who holds one of no known state (the only one)
      (:func:`_stateless_head_holder`).

    Only definite, singular mentions ("the ...", "X's ..."), never "a minister"; and never bound to
    a name in a web page's header line that has no verb (``byline``: a byline names the writer,
    who is no antecedent)."""
    bound = {id(t) for p in persons for t in p.all_titles}
    every = entities
    same, usual = lexicon().table("office_equivalents"), lexicon().table("title_states")
    generic, leader_offices = lexicon().words("generic_offices"), lexicon().words("leader_offices")
    kinds = lexicon().table("leader_kinds")
    sents = list(doc.sents)
    sent_of = {}
    for n, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    for title in titles:
        if id(title) in bound or title.start == 0 or _plural(doc, title):
            continue
        if not _definite_title(doc, title) or _possessed_by_person(doc, title, persons):
            continue
        entities = every
        if title.country is None and (reporter := reporter_state(doc, title, titles)):
            # "the president will fly on, the Kremlin said": not a president of another state
            entities = [e for e in every if not any(t.country and t.country != reporter for t in e.titles
                                                    if same.get(t.phrase, t.phrase) == same.get(title.phrase, title.phrase))]
        holders = [e for e in entities if any((t.phrase, t.deputy) == (title.phrase, title.deputy) for t in e.titles)
                   and (title.country is None or all(t.country in (None, title.country) for t in e.titles))]
        if holders and all(t.alias for e in holders for t in e.titles
                           if (t.phrase, t.deputy) == (title.phrase, title.deputy)):
            title.alias = True  # "the Sri Lankan minister ... the visiting minister": the alias again
        if title.country and not title.deputy and not any(t.country == title.country for e in holders for t in e.titles):
            # "Cypriot Foreign Minister X ... The Cypriot minister ... Minister Y": the one named before with
            # an office of that state and head word, over one of no state named after
            office = same.get(title.phrase, title.phrase)  # ("Norway's foreign minister ... Norwegian Minister of
            # Foreign Affairs X ... Foreign Minister Y": X, the same office, named before or after: a headline's comes first)
            stated = [e for e in entities if any(
                same.get(t.phrase, t.phrase) == office and t.country == title.country and not t.deputy for t in e.titles)]
            if len(stated) != 1:
                stated = _state_head_holders(entities, title)
            if len(stated) == 1:
                holders = stated
                title.alias = True
        if title.country and title.phrase in generic:
            # "the Chinese leader": the one person holding a leader's office of that state named before
            # (not "Conservative leader X", who holds the same word of no state)
            leaders = [e for e in entities if any(t.country == title.country and t.phrase in leader_offices
                                                  for t in e.titles) and min(m.start for m in e.mentions) < title.start]
            if not leaders:  # "President X said ... the Moldovan head of state held talks": X, of no stated state
                leaders = _stateless_head_holder(doc, persons, entities, titles, title, bound, leader=True)
            if len(leaders) == 1:
                holders = leaders
        if not holders and not title.country and not title.deputy and title.phrase != "head" \
                and (" " not in title.phrase or title.phrase in generic) \
                and doc[title.start:title.end].root.dep_ in ("nsubj", "nsubjpass"):
            # "Peru's Minister of Foreign Affairs X was in Quito ... the minister met Y", "President X held
            # talks with President Y. Later, the Head of State took part in ...": the subject of the last
            # main clause before, if an office of that head word (a leader's, for "the head of state") is theirs
            main = _main_subject(doc, title.start)
            if main is not None and sent_of[main] < sent_of[title.start] - 2:
                main = None  # (within the two sentences before)
            # (the subject's head may be the office before the name: "Peru's Minister of Foreign Affairs X")
            holder = None if main is None else next((m.key for m in persons if m.start <= main < m.end or any(
                t.start <= main < t.end for t in m.all_titles)), None)
            holders = [e for e in entities if e.key == holder and any(
                (t.phrase in leader_offices if title.phrase in generic else t.head == title.phrase)
                and not t.deputy and not t.former for t in e.titles)]
            title.alias = title.alias or bool(holders)
        target = None
        if not holders:  # "Prime Minister X ... The premier, who is on a visit": the same office by another name
            office = same.get(title.phrase, title.phrase)
            holders = [e for e in entities if not title.deputy and any(
                t.phrase != title.phrase and same.get(t.phrase, t.phrase) == office and not t.deputy
                and (title.country is None or (t.country or usual.get(t.phrase)) == title.country) for t in e.titles)]
            if len(holders) == 1:
                title.alias = True  # "Ivorian Prime Minister X ... the Ivorian premier"
            else:
                holders = []
        if not holders and not title.country and title.phrase in generic and title.phrase in kinds:
            # "PRESIDENT X leaves for Y ... hosted by his counterpart, President Z ... The Head of State will then
            # proceed to W": of the holders named before of an office of that kind (not one named as someone's
            # counterpart), the only one, else the only one of no stated state (the story's own)
            counterpart = lexicon().words("counterpart_nouns")
            named = [e for e in entities if min(m.start for m in e.mentions) < title.start
                     and any(t.phrase in kinds[title.phrase] and not t.deputy and not t.former for t in e.titles)
                     and not any(t.lemma_.lower() in counterpart for m in e.mentions
                                 for t in doc[max(doc[m.start].sent.start, m.start - 4):m.start])]
            own = named if len(named) == 1 else [e for e in named if not any(t.country for t in e.titles)]
            if len(own) == 1:
                holders = own
                title.alias = True
        if not holders and title.country:
            # "Ghana's Foreign Minister X ... The Ghanaian minister will fly on": the one office of
            # that state with that head word, named before
            holders = _state_head_holders(entities, title)
            if len(holders) == 1:
                title.alias = True
            else:
                holders = _stateless_head_holder(doc, persons, entities, titles, title, bound) if not holders else []
        if not holders and _visiting(doc, title):
            # "X held talks with the visiting minister": the one other holder of an office of that
            # head word named before, who is not the one holding the talks
            holders = [e for e in entities if any(t.head == title.head for t in e.titles)
                       and min(m.start for m in e.mentions) < title.start and not _subject_of_its_verb(doc, title, e)]
            if len(holders) > 1:  # the one said to travel ("X, who is visiting the country", "X arrived")
                holders = [e for e in holders if any(_travels(doc, m) for m in e.mentions if m.start < title.start)]
            if len(holders) == 1:
                title.alias = True
            else:
                holders = []
        if len(holders) == 1:
            target = holders[0]
        elif not holders and not _pronoun_possessed(doc, title):
            target = _nearby_untitled(doc, title, [m for m in persons if m.start not in byline], every, sent_of)
        if target is None or _subject_of_its_verb(doc, title, target):
            continue  # "President X met the Peruvian president": someone X met, not X
        mention = min(target.mentions, key=lambda m: abs(m.start - title.start))
        mention.more_titles.append(title)
        target.titles.append(title)
        bound.add(id(title))

def reporter_state(doc: Doc, title: Title, titles: list[Title]) -> str | None:
    """The state of the one who reports the clause a leader's office is named in, as its subject:
    the seat of a state's leader (lexicon ``leader_seats``: "the Kremlin said the president ...",
    "President X spoke to Y, a Downing Street spokesman said"), or, for a leader who receives or hosts
    ("Prime Minister X will host Y on Friday, Japanese officials said": what a government announces of
    its own leader), a state, its officials or its media; not "Beijing said President X broke her
    pledge" (a state speaks of others' leaders too)."""
    lex = lexicon()
    if title.phrase not in lex.words("leader_offices"):
        return None
    head = doc[title.end - 1]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "President X received": the name the title is a compound of
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None  # the one the reported clause is about ("Beijing criticised President X": no report of X)
    clause = head.head  # reported ("said the prime minister remained") or reporting after it ("X met Y, Z said")
    verb = clause.head if clause.dep_ == "ccomp" else next(
        (c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i > head.i), None)
    if verb is None or verb.lemma_.lower() not in lex.speech_verbs or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i <= title.start <= subject.right_edge.i:
        return None
    words = doc[subject.left_edge.i:subject.right_edge.i + 1]
    seats = {code for k in range(len(words)) for n in (2, 1) if k + n <= len(words)
             and fold(words[k:k + n].text) in lex.words("leader_seats")
             and (code := geo.country_code(words[k:k + n].text, None, codes=False))}
    if seats:
        return next(iter(seats)) if len(seats) == 1 else None
    # the leader's receptions at home, which that leader's government announces (a wider reading, any
    # trip or meeting, was measured worse on unread news: others' leaders' trips are reported too)
    acts = lex.words("host_verbs")
    verbs = [head.head, *(x for x in head.head.children if x.dep_ == "xcomp")]
    if not any(v.pos_ == "VERB" and v.lemma_.lower() in acts for v in verbs) or (
            head.dep_ == "nsubjpass" and head.head.lemma_.lower() in lex.words("host_verbs")):
        return None  # (not "President X was received by Y": the one received is the visitor)
    states = {t.country for t in titles if subject.left_edge.i <= t.start and t.end - 1 <= subject.right_edge.i
              and t.country and not t.country.startswith("io:")}
    if not states:
        code = geo.country_code(" ".join(t.text for t in words if t.dep_ != "det"), None, codes=False)
        # ("Japanese officials said", "state media reported": the state of the reporter's word)
        states = {code} if code else {c for t in subject.children if t.dep_ in ("amod", "compound", "poss")
                                      and (c := geo.country_code(t.text, None, codes=False))}
    return next(iter(states)) if len(states) == 1 else None


def _pronoun_possessed(doc: Doc, title: Title) -> bool:
    """"..., Abdoulaye Kone, to talks, his spokesman said": an office someone's pronoun owns is held by
    another person, never by the one named just before (whom the pronoun stands for)."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doc[title.end - 1].children)


def _state_head_holders(entities: list[PersonEntity], title: Title) -> list[PersonEntity]:
    """Persons named before ``title`` ("the Ghanaian minister", "the Thai deputy minister") who hold
    another office of its state whose head word it is ("Ghana's Foreign Minister X", "Thai Deputy
    Minister of Foreign Affairs Y"), deputy or not as the title is."""
    return [e for e in entities if any(
        t.country == title.country and t.phrase != title.phrase and title.phrase in (t.phrase.split()[-1], t.head)
        and t.deputy == title.deputy for t in e.titles) and min(m.start for m in e.mentions) < title.start]


def _stateless_head_holder(doc: Doc, persons: list[PersonMention], entities: list[PersonEntity], titles: list[Title],
                           title: Title, bound: set[int], leader: bool = False) -> list[PersonEntity]:
    """'Foreign Minister X conveyed ... The Kuwaiti minister is scheduled to travel': the one person
    named before ``title`` who holds an office of its head word (deputy or not as it is; with
    ``leader``, any leader's office, for "the Moldovan head of state") and no office of a
    known state, when every other such holder named before has an office of another known state, none of
    the title's. That person's offices
    of that head word are of the title's state (the title is their alias)."""
    offices = lexicon().words("leader_offices")

    def fits(t: Title) -> bool:
        return (t.phrase in offices and not t.deputy) if leader else (t.head == title.head and t.deputy == title.deputy)
    before = [e for e in entities if min(m.start for m in e.mentions) < title.start]
    holding = [e for e in before if any(fits(t) and not t.former for t in e.titles)]
    stateless = [e for e in holding if not any(t.country for t in e.titles)]  # (no state for any office of theirs)
    # every other holder is of another known state (an office of theirs names it), none of the title's
    # (of leaders, several may be of no stated state: the subject tells which)
    if not stateless or (len(stateless) > 1 and not leader) \
            or any(title.country in {t.country for t in e.titles} for e in holding):
        return []
    # as a pronoun would: the subject of its clause standing for the last person who was one
    subjects = [m for m in persons if m.start < title.start and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
    if doc[title.start:title.end].root.dep_ not in ("nsubj", "nsubjpass") or not subjects \
            or subjects[-1].key not in {e.key for e in stateless}:
        return []
    target = next(e for e in stateless if e.key == subjects[-1].key)
    sent = doc[subjects[-1].start].sent
    if leader and (any(m.key != target.key and m.key in {e.key for e in stateless}
                       for m in persons if sent.start <= m.start < sent.end)
                   or _main_subject(doc, title.start) != subjects[-1].end - 1):
        return []  # "X held talks with President Y. The Senegalese leader invited him": either; "He
        # reiterated the invitation for President Y to visit. The Vietnamese leader ...": "He"
    new = {id(t): replace(t, country=title.country) for t in target.titles if fits(t)}
    for mention in (m for m in persons if m.key == target.key):
        if mention.title is not None and id(mention.title) in new:
            mention.title = new[id(mention.title)]
        mention.more_titles = [new.get(id(t), t) for t in mention.more_titles]
    titles[:] = [new.get(id(t), t) for t in titles]
    target.titles[:] = [new.get(id(t), t) for t in target.titles]
    bound |= {id(t) for t in new.values()}  # (bound to their names as the old ones were)
    title.alias = True
    return [target]


def _main_subject(doc: Doc, i: int) -> int | None:
    """Where the subject of the last main clause (its sentence's root, or a verb joined to it) before
    the sentence of ``i`` is."""
    for t in reversed(doc[:doc[i].sent.start]):
        if t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ == "ROOT" or (
                t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")):
            return t.i
    return None


def _visiting(doc: Doc, title: Title) -> bool:
    """'the visiting minister' (lexicon ``visitor_modifiers``)."""
    return any(t.lower_ in lexicon().words("visitor_modifiers") for t in doc[max(0, title.start - 2):title.start])


def _travels(doc: Doc, mention: PersonMention) -> bool:
    """Is the person the subject of a verb of travel or arrival, or of a relative clause of one?"""
    lex = lexicon()
    verbs = lex.words("visit_verbs") | lex.words("arrive_verbs") | lex.words("travel_to_verbs")
    token = doc[mention.end - 1]
    clauses = []
    for _ in range(4):  # up the name's phrase: "Minister of Foreign Affairs X, who is visiting the country"
        clauses += [c for c in token.children if c.dep_ == "relcl"]
        if token.dep_ in ("nsubj", "nsubjpass"):
            clauses.append(token.head)
        if token.dep_ not in ("appos", "compound", "pobj", "prep") or token.head.i == token.i:
            break
        token = token.head
    return any(v.lemma_.lower() in verbs for v in clauses)


def _subject_of_its_verb(doc: Doc, title: Title, target: PersonEntity) -> bool:
    """Is ``target`` the subject of the verb the title is the object of ("X met the president",
    "X held talks with the president")?"""
    head = doc[title.end - 1]
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
    elif head.dep_ not in ("dobj", "dative"):
        return False
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    return any(m.start <= i < m.end for m in target.mentions for i in subjects)


def _nearby_untitled(doc: Doc, title: Title, persons: list[PersonMention], entities: list[PersonEntity],
                     sent_of: dict[int, int]) -> PersonEntity | None:
    by_key = {e.key: e for e in entities}
    here = sent_of[title.start]

    nationality = {}
    for e in entities:
        nationality[e.key] = next((t.country for t in e.titles if t.country), None)

    def free(m: PersonMention) -> bool:
        entity = by_key.get(m.key)
        return entity is not None and not entity.titles and len(entity.name.split()) > 1

    head = doc[title.end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"):
        return None  # "the president's office": the office, not a person named nearby
    if head.dep_ == "appos" and any(m.start <= head.head.i < m.end for m in persons):
        return None  # "... met former president X, the regional mediator": X's, who is titled already

    # an earlier sentence only when this one names no one before the title ("X issued an order of the
    # chairman": X, or someone else, but not a person of two sentences back)
    named_here = any(m.key and sent_of[m.start] == here and m.end <= title.start for m in persons)
    lowest = here if named_here else here - 2
    before = [m for m in persons if m.key and lowest <= sent_of[m.start] <= here and m.end <= title.start and free(m)
              and title.country is None  # "the President of South Korea" after Jan Kato: someone else
              and not (doc[m.end - 1].dep_ == "pobj" and doc[m.end - 1].head.lower_ in ("at", "in"))]
    # (a name where something happens, after "at" or "in", is seldom the one an office told next stands for)
    subjects = [m for m in before if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
    if subjects or before:
        return by_key[(subjects or before)[-1].key]
    # "Chile's foreign minister has denied the reports ... . X told reporters ...": the subject of
    # the next sentence (not one it names otherwise: "... . The minister will meet Y")
    after = [m for m in persons if m.key and sent_of[m.start] == here + 1 and free(m)
             and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
    return by_key[after[0].key] if after and title.country else None
