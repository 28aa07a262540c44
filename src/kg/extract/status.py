"""Every status decision, in one place.

:func:`status_of` reads the trigger and the chain of heads above it up to the clause that reports it;
the first matching class wins in this order: cancelled, postponed, done (occurred), refused or negated
(no event), considered, planned, occurred. :func:`settle` then corrects it with what the date and the
sentence say: a report of something done dated after the article is a plan; a present-tense travel
verb with a time expression ("X arrives in Seoul today", "X leaves on Wednesday") is a plan; a plan
the same sentence calls off ("was meant to travel, but the plans were called off") is cancelled.
"""

from __future__ import annotations

import calendar
import re
from datetime import date as Date
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.gender import FEMININE, MASCULINE
from kg.extract.lexicon import forms, lexicon
from kg.extract.syntax import of_predicate_noun, prep_objects
from kg.model import TimeValue

# Above these the words belong to another clause (the reporting one, the main one of an
# "after ..." clause, the noun a relative clause describes).
_STOP_DEPS = {"ccomp", "parataxis", "advcl", "pcomp", "relcl", "amod"}
_FUTURE = re.compile(r"\b(next|coming|tomorrow|later this|upcoming|later)\b", re.I)
_PAST = re.compile(r"\b(last|yesterday|ago|earlier|previous|past)\b", re.I)
_THAT = re.compile(r"\b(that|the same)\b", re.I)  # "later that day": a narrative's own time


def free_participle(token: Token) -> bool:
    """"begins a tour next week, taking in A and B": a participle after a clause about a trip (its
    object a trip noun), with no subject, auxiliary or conjunction of its own, tells more of that trip
    and shares the clause's time and fate (not "cancelled his trip, sending X in his place": another act)."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i < token.head.i \
            or any(c.dep_ in ("mark", "nsubj", "aux") for c in token.children):
        return False
    trips = lexicon().words("travel_nouns")
    head = token.head
    objects = [c for c in head.children if c.dep_ == "dobj"] + prep_objects(head, {"on"})
    return any(o.lemma_.lower() in trips for o in objects) and not calls_off(head)


def chain_of(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the clause that reports or frames it; the complement of a
    control verb belongs to that verb's clause ("will allow X to visit", "invited X to come")."""
    control = lexicon().words("object_control_verbs")
    chain = [trigger]
    token = trigger
    while token.head.i != token.i and len(chain) < 8 and (
            token.dep_ not in _STOP_DEPS or (token.dep_ == "ccomp" and token.head.lemma_.lower() in control)
            or (token.dep_ == "advcl" and token.head.lemma_.lower() in control  # "was invited on Monday to visit"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
            or of_predicate_noun(token)  # "X will be the first minister to visit Y": the copula's tense
            or (token.dep_ == "advcl" and token.tag_ == "VBN" and token.lemma_.lower() in ("follow", "precede")
                and any(c.dep_ == "agent" for c in token.children))  # "was due to ..., followed by a meeting"
            or (token.i == trigger.i and free_participle(token))):  # "begins a tour next week, taking in A"
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.i != trigger.i:
            break  # "..., coupled with the announcement of his visit": a participle phrase says no more of another noun
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in token.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # "(said) that X's trip had been called off, and that Y would lead the delegation": a clause of its own
        if token.dep_ == "conj" and token.pos_ == "VERB" and any(_instead(c) for c in token.children):
            break  # "called off plans to attend and will send Y in his place": what is done instead is its own
        if token.dep_ == "conj" and token.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children) \
                and any(c.dep_ == "neg" for c in token.head.children):
            break  # "X will not attend and will be represented by Y": the second verb's own modal, not the negation
        if token.dep_ == "acl" and token.i != trigger.i and calls_off(token.head) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            break  # "did not expect the delay to affect plans for X to visit Y": the delay is another's
        token = token.head
        chain.append(token)
    return chain


def _phrase(token: Token) -> str:
    """The verb with its particles: "call off", "pull out" (tagged a preposition before "of"),
    "push back" (tagged an adverb), "put on hold"."""
    particles = [c.lower_ for c in token.children if c.dep_ == "prt" or (
        c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ == "of" for g in c.children))
        or (c.dep_ == "advmod" and c.i == token.i + 1 and c.tag_ == "RB")]  # "pushed back" read as an adverb
    particles += [f"on {o.lower_}" for c in token.children if c.dep_ == "prep" and c.lower_ == "on"
                  for o in c.children if o.dep_ == "pobj" and o.lower_ == "hold"]
    return " ".join([token.lemma_.lower(), *particles])


def _around(chain: list[Token]) -> list[Token]:
    around: list[Token] = []
    for token in chain:
        around.append(token)
        around.extend(c for c in token.children if c.dep_ in (
            "aux", "auxpass", "neg", "advmod", "amod", "acomp", "prt", "mark", "relcl", "acl", "det"))
        if token.pos_ == "NOUN":
            # "the visit to Y, which had been planned for November but was postponed": the clause goes on past "but"
            clauses = noun_clauses(token)
            around.extend(c for c in clauses if c not in around)
            around.extend(g for c in clauses for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB")
        for prep in token.children:  # "was under consideration", "is under discussion"
            if prep.dep_ == "prep" and prep.lower_ == "under":
                around.extend(c for c in prep.children if c.dep_ == "pobj")
    return around


def noun_clauses(noun: Token) -> list[Token]:
    """The relative clauses that tell of an event noun: hung on it, or by the parser on its place or
    partner ("the visit to Y, which had been scheduled for May": a place is not scheduled)."""
    return [c for c in noun.children if c.dep_ == "relcl"] + [
        c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "with")
        for o in p.children if o.dep_ == "pobj" for c in _relatives(o) if c.pos_ == "VERB"
        and not any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)]  # "with X, who said he would": X's own


def _relatives(noun: Token) -> list[Token]:
    """The relative clauses on a noun and on a name in apposition to it ("with the envoy, X, who ...")."""
    return [c for t in [noun, *(a for a in noun.children if a.dep_ == "appos")] for c in t.children if c.dep_ == "relcl"]


def _unhung_predicate(trigger: Token) -> list[Token]:
    """A verb phrase the parser left with no subject right after the trigger's noun phrase, of which
    the noun is the subject: "Y said a visit to Moscow by X, planned for May, had been postponed" (the
    visit the object of "said", "postponed" a clause of its own), "The talks come after a trip by X to Y,
    planned for May, was called off" (the trip hung on "after", "called" a clause of "come")."""
    head = trigger.head
    if trigger.pos_ != "NOUN":
        return []
    if trigger.dep_ == "dobj" and head.lemma_.lower() in lexicon().words("speech_verbs"):
        return [c for c in head.children if c.dep_ == "ccomp" and c.i > trigger.right_edge.i
                and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)][:1]
    if trigger.dep_ != "pobj":
        return []
    doc = trigger.doc
    return [v for v in trigger.sent if v.pos_ == "VERB" and v.i > trigger.right_edge.i
            and all(t.is_punct for t in doc[trigger.right_edge.i + 1:v.left_edge.i])
            and any(c.dep_ == "auxpass" for c in v.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in v.children)][:1]


def _is(token: Token, key: str) -> bool:
    words = lexicon().words(key)
    # with a modal of its own: "would like (to travel)"
    return _phrase(token) in words or bool(forms(token) & words) or bool(_modal_phrases(token) & words)


def _modal_phrases(token: Token) -> set[str]:
    """The word with each modal of its own ("would like", "would welcome")."""
    return {f"{c.lower_} {token.lemma_.lower()}" for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"}


def calls_off(token: Token) -> bool:
    """A word or phrasal verb that cancels or puts off ("called off", "put off", "scrapped")."""
    return _is(token, "cancel_words") or _is(token, "postpone_words")


def status_of(trigger: Token, *, headline: bool = False) -> tuple[str | None, str]:
    """(status, cue words) from the words around the trigger; None: negated or refused."""
    head = trigger.head
    if trigger.dep_ == "attr" and head.lemma_ == "be" and head.dep_ == "pcomp" and head.head.head.pos_ == "VERB" \
            and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in head.children):
        # "he may attend the opening in January, in what would be his first visit to Y": the act it names
        return status_of(head.head.head, headline=headline)
    held = next((c for c in trigger.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < trigger.i
                 and c.lemma_.lower() in lexicon().words("hold_verbs")), None)
    if held is not None and trigger.pos_ == "NOUN":
        # "X held talks with Y ... and agreed to ..." parsed with "held" an adjective of "talks" and "talks"
        # the subject of "agreed": the past verb says the talks took place
        return "occurred", held.text
    chain = chain_of(trigger)
    around = _around(chain)
    around += _unhung_predicate(trigger)
    if _carried_out(trigger):  # "kicking off a long-delayed visit": the visit now made
        around = [t for t in around if not (t.dep_ == "amod" and t.head.i == trigger.i)]
    around_off = [t for t in around if not any(c.dep_ == "neg" for c in t.children)]  # "was not called off"
    for token in around_off:
        if _is(token, "cancel_words"):
            return ("planned" if _weighed(token) else None if _may_be(token) else "cancelled"), token.text
    for token in around_off:
        if _is(token, "postpone_words"):
            return ("planned" if _weighed(token) else None if _may_be(token) else "postponed"), token.text
    for token in around:
        if token.pos_ == "VERB" and any(f"{token.lemma_.lower()} {c.lower_}" in lexicon().words("advance_words")
                                        for c in token.children if c.dep_ in ("prt", "advmod")):
            return "planned", token.text  # "the visit has been brought forward to this week": still ahead
    pending = next((t for t in chain[1:3] if t.lemma_ in ("have", "be") and any(
        c.dep_ == "advmod" and c.lower_ in lexicon().words("pending_adverbs") for c in t.children)
        and any(c.dep_ == "xcomp" for c in t.children)), None)
    if pending is not None:
        return "considered", f"{pending.text} yet to"  # "X has yet to meet Y", "a meeting ... has yet to take place"
    if _went_before(trigger):
        return "occurred", head.text
    past = lexicon().words("past_instance_words")
    recent = next((c for c in trigger.children if c.dep_ == "amod" and c.i < trigger.i and c.lower_ in past), None) \
        if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" else None
    if recent is not None:
        return "occurred", recent.text  # "(would pay a price for) the recent visit to Y": one made already
        # (only a phrase's object: "a previous meeting never took place", "wants a recent ..." are told by their verbs)
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return None, "no"  # "ended her trip with talks but no meeting with Z": none took place
    for token in chain[1:]:
        if token.lemma_.lower() in lexicon().words("done_verbs") and not _last_leg_ahead(token):
            return "occurred", token.text
    head = trigger.head
    if trigger.dep_ in ("advcl", "xcomp") and head.lemma_ == "be" and any(c.dep_ == "neg" for c in head.children) \
            and any(c.dep_ == "acomp" and c.lower_ in lexicon().words("feasible_words") for c in head.children):
        return None, head.text  # "conditions were not right for him to travel to Y", "it is not possible to visit"
    meeting = trigger.lemma_.lower() in lexicon().words("meet_verbs") | lexicon().words("meeting_nouns")
    own = next((chain[:k + 1] for k, t in enumerate(chain[:3]) if t.dep_ == "conj" and (t.pos_ == "AUX" or any(
        c.dep_ in ("aux", "auxpass") for c in t.children))), chain[:3]) if not meeting else chain[:3]
    # (a trip is not told by a verb it is joined to with a tense of its own: "spoke by phone with Y and is
    # due in Z"; a meeting joined to a call may be what the call was about)
    link = by_remote_link(own)
    if link is not None:
        return None, link.text  # "addressed the summit in Y by video link", "will attend virtually": not there
    given_up = _given_up(chain, around)
    if given_up:
        return "cancelled", given_up
    if _plan_in_the_past(trigger) and (instead := _plan_replaced(trigger.sent, trigger)) is not None:
        if (off := _called_off(trigger.sent, trigger, targets=False)) is not None and _is(off, "postpone_words"):
            return "postponed", off.text  # "X, who had been due to join them, postponed his trip and will instead ..."
        return "cancelled", instead.text  # "X, who had been due to accompany him, will now stay in Brasilia"
    if _plan_in_the_past(trigger) and (off := _given_up_by_its_subject(trigger)):
        return "cancelled", off  # "X, who had been expected to join them in Y, will no longer attend"
    for token in around:
        if token.dep_ == "neg" or (token.lower_ in lexicon().words("negation_words") and token.dep_ in ("det", "neg")):
            if token.head in chain[:3]:
                if calls_off(token.head):
                    return "planned", token.head.text  # "the visit has not been postponed": still on
                if _trip_off(token.head):
                    return "cancelled", token.text  # "X will not travel to Y next week": the trip is off
                return None, token.text
    unable = lexicon().words("unable_words")  # "was unable to receive Y", "failed to meet Y" (not "talks failed")
    if (cue := next((t for k, t in enumerate(chain[1:3], 1) if t.lemma_.lower() in unable
                     and (t.pos_ == "ADJ" or chain[k - 1].dep_ == "xcomp")), None)) is not None:
        return None, cue.text
    for n, token in enumerate(chain[1:], 1):
        if token.pos_ == "VERB" and _is(token, "refuse_verbs"):
            if chain[n - 1].dep_ == "prep" and chain[n - 1].lower_ in ("at", "during") \
                    and any(c.dep_ == "dobj" for c in token.children):
                continue  # "X denied the reports at a meeting with Y": what was denied there
            return None, token.text
        if token.tag_ == "VBN" and _is(token, "wish_verbs") and any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in token.children):
            off = _called_off_nearby(trigger)
            if off is not None:  # "X has called off a planned visit to Y. The delegation had hoped to fly to Y"
                return ("cancelled" if _is(off, "cancel_words") or _never_happened(off) else "postponed"), off.text
            return None, token.text  # "X had hoped to meet the president": a wish that was not met
    top = chain[-1]
    if _prevented(top):
        return None, top.head.text  # "X was denied a visa to attend", "X was barred from travelling to Y"
    if top.dep_ == "ccomp" and top.head.pos_ == "VERB" and _is(top.head, "refuse_verbs"):
        return None, top.head.text  # "X denied he would visit Y"
    if top.dep_ in ("advcl", "acl") and top.head.pos_ == "NOUN" and top.head.dep_ == "dobj" \
            and top.head.head.pos_ == "VERB" and _is(top.head.head, "refuse_verbs"):
        return None, top.head.head.text  # "Y turned down an invitation for the two ministers to meet"
    if top.dep_ in ("ccomp", "relcl", "acl") and top.tag_ != "VBN" and top.head.pos_ == "NOUN" \
            and _is(top.head, "consider_words"):
        return "considered", top.head.text  # "speculation (that) X will visit Y", "the possibility that X visits"
    asked = next((c for t in chain[:2] if t.dep_ == "ccomp" for c in t.children
                  if c.dep_ == "mark" and c.lower_ in lexicon().words("question_marks")), None)
    if asked is not None:  # "asked whether X would visit Y": a question raises the possibility; "whether
        # X met Y" asks about the past, and tells nothing
        return (None if any(t.tag_ == "VBD" for t in chain[:2]) else "considered"), asked.text
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lexicon().words("state_verbs") and any(
            c.dep_ == "prep" and " ".join(t.lower_ for t in c.subtree) in lexicon().words("pending_phrases") for c in head.children):
        return "considered", head.text  # "a trip to Y was under consideration", "a visit remains on the table"
    if top.dep_ == "ccomp" and top.head.pos_ == "VERB" and _is(top.head, "confirm_verbs") and _unconfirmed(top.head):
        return "considered", top.head.text  # "Beijing has yet to confirm that X will attend": not settled
    if top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" or c.dep_ == "aux" and c.lower_ == "to"
                                   for c in top.children):
        # (or "conveyed an invitation from Y to X to visit Z", the infinitive parsed on the verb)
        offer = next((c for c in [top.head, *top.head.children] if c.pos_ == "NOUN" and (c is top.head or c.dep_ == "dobj")
                      and _is(c, "consider_words")), None)
        if offer is not None:
            return "considered", offer.text  # "conveyed an invitation for X to visit Y"
    if trigger.pos_ == "NOUN" and not any(t.lower_ in ("may", "might", "could") for t in around) \
            and any(c.dep_ == "prep" and c.lower_ == "en" and any(g.lower_ == "route" for g in c.children)
                    for c in trigger.children):
        return "planned", "en route"  # "a stopover en route to A and B": A and B are still ahead
    if _on_a_visit(trigger):
        return "occurred", trigger.head.text  # "X, on a visit to Y, will meet Z": the visit is under way
    if trigger.tag_ in ("VB", "VBP") and trigger.dep_ == "ccomp" and head.pos_ == "VERB" and _is(head, "consider_words") \
            and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return "considered", head.text  # "X proposed that the two ministers meet": a subjunctive proposal
    if _counterfactual(trigger):
        return None, "if"  # "if the president were serious, he would be flying to Y": contrary to fact
    lex = lexicon()
    condition = next((m for t in chain[:3] if t.pos_ in ("VERB", "AUX") for c in t.children if c.dep_ == "advcl"
                      for m in c.children if (m.dep_ == "mark" and m.lower_ in lex.words("condition_marks")) or (
                          m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "once")
                          and c.lemma_.lower() in lex.words("permit_verbs"))), None)
    if condition is not None and condition.nbor(-1).lower_ != "even" and not any(t.tag_ == "VBD" for t in chain[:3]):
        return "considered", condition.text  # "X would visit Y if he wins", "when conditions allow": on a condition
    if _modal_phrases(trigger) & lexicon().words("willing_modals") and not clause_dates(trigger.sent, trigger):
        return "considered", trigger.text  # "Beijing would welcome X": a willingness, no plan (not "said
        # she would welcome him on Monday": a schedule told in the past)
    framing, spoken_of = _framing(trigger), _spoken_of(trigger)  # once per trigger, not per word
    for token in around:
        if token.lower_ in ("may", "might", "could") and token.pos_ == "PROPN":
            continue
        if (framing or spoken_of) and token.i != trigger.i and token.head.i != trigger.i \
                and token.lower_ not in ("may", "might", "could"):
            continue
        if token.i == trigger.i or (token.dep_ in ("acl", "relcl") and token not in chain):
            continue  # the event's own word, or what it is for ("a meeting to discuss X"), is no modality
        if "open" in forms(token) and not any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children) and (
                token.pos_ != "VERB" or (trigger.head.i == token.i and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"))
                or any(c.dep_ == "dobj" and (c.lemma_.lower() in _trips() or not any(
                    p.dep_ == "prep" and p.lower_ in ("to", "for") for p in c.children)) for c in token.children)):
            continue  # "talks will open on Thursday", "opening a swing through the region", "the opening
            # dinner", "opens a tour with talks with Y", "opened the fair after welcoming Y": they begin;
            # only "open to a visit", "opened the door to talks" considers one
        if token.lower_ in ("may", "might", "could") or _is(token, "consider_words"):
            if token.pos_ == "VERB" and token.tag_ == "VBD" and trigger.dep_ == "conj" and trigger.head.i == token.i \
                    and trigger.tag_ == "VBD":
                continue  # "discussed the visit ... and signed a memorandum": a past act beside the discussion
            return "considered", token.text
    plan = lexicon().words("plan_words")
    # "flew in to try to broker talks": an attempt still to be made is a plan (not "had tried to" in 2019)
    plan = plan | {t.lemma_.lower() for t in around if t.lemma_.lower() in lexicon().words("attempt_words")
                   and t.tag_ not in ("VBD", "VBN")}
    # "agreed ... during talks", "to be announced during the visit": the event frames the clause,
    # so only the clause's time (not its plans or agreements) tells its status
    framed = frozenset() if spoken_of else lexicon().words("future_words") if framing else plan
    for token in around:
        lemma = token.lemma_.lower()
        words = plan if token.head.i == trigger.i else framed
        if token.i != trigger.i and (token.lower_ in words or lemma in words):
            if lemma == "set" and token.tag_ == "VBD" and not any(c.dep_ == "auxpass" for c in token.children):
                continue
            if token.tag_ == "VB" and any(t.dep_ == "conj" and t.tag_ == "VBD" and t.head.i == token.i for t in chain):
                continue  # "arrived yesterday to prepare the ground and held talks with Y": a past verb hung on the purpose
            if token.pos_ == "ADV" and _past(token.head) and (token.head.i == trigger.i or token.head in chain) \
                    and not (token in chain and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)):
                continue  # "X joined the talks later", "was later hosted by Y": a past verb's adverb of time
                # (not "arrived ahead of talks with Y": the talks are still to come)
            if token.dep_ == "acl" and lemma in lexicon().words("purpose_participles"):
                continue  # "a visit aimed at easing tensions": its purpose, not a plan
            if token.dep_ == "relcl" and token.tag_ == "VBD" and token not in chain:
                continue  # "held talks with X, with whom he agreed to ...": what the talks gave, told in the past
            return "planned", token.text
        if lemma == "be" and token in chain and any(
                c.lower_ == "to" and c.dep_ == "aux" for t in chain[:chain.index(token)] if not of_predicate_noun(t)
                for c in t.children) \
                and not any(t.pos_ == "ADJ" for t in chain[:chain.index(token)]):
            # "X is to visit Y", "is to address ... as well as meeting Y"; not "was delighted to visit"
            return "planned", "is to"
    if trigger.lemma_ == "be" and trigger.i + 1 < len(trigger.doc) and trigger.doc[trigger.i + 1].lower_ == "to" \
            and trigger.doc[trigger.i + 1].head.head.i == trigger.i:
        return "planned", "is to"  # "In Y, X is to meet Z": the "be" of the place is the "be to" of a plan
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children) and (trigger.head.i == trigger.i or (
            headline and trigger.dep_ in ("relcl", "acl") and trigger.head.dep_ == "ROOT")):
        return "planned", "to"  # headline infinitive: "X to visit Y" (also parsed as a clause on the name)
    if headline and trigger.tag_ == "TO":
        return "planned", "to"
    top = chain[-1]
    if top.dep_ == "pcomp" and top.tag_ == "VBG" and top.head.lower_ == "before" and _present(top.head.head):
        return "planned", "before"  # "X is meeting Y before flying to Z": after now
    if top.dep_ in ("advcl", "pcomp", "xcomp") and not spoken_of and top.tag_ in ("VBZ", "VBP", "VBG", "VB") and top.head.i != top.i:
        # "... will top the agenda when X welcomes Y", "X will visit A before chairing a meeting
        # in B": a present-tense or non-finite time clause takes the status of its main clause
        inherited, cue = status_of(top.head, headline=headline)
        if inherited in ("planned", "considered"):
            return inherited, cue
    if trigger.dep_ == "relcl" and trigger.tag_ in ("VBZ", "VBP") and trigger.head.pos_ == "NOUN" \
            and trigger.head.lemma_.lower() in lexicon().words("travel_nouns"):
        # "will leave on a tour that takes in A and B": the present tells what the tour is; the
        # tour's own clause tells when
        inherited, cue = status_of(trigger.head, headline=headline)
        if inherited in ("planned", "considered", "cancelled", "postponed"):
            return inherited, cue
    return "occurred", _tense_cue(chain)


def found_status(found) -> str | None:
    """The status of a finder's fact before dates settle it: the construction's own, else the words'."""
    return found.status or status_of(found.trigger)[0]


OFF = ("cancelled", "postponed")  # statuses that say the event will not happen as planned


def by_remote_link(chain: list[Token]) -> Token | None:
    """A manner of taking part from afar on the event's words: "virtually", "remotely" (adverbs)
    or "by / via / over video link, phone, satellite" (lexicon ``remote_link_words``); a meeting
    noun of that manner ("a video conference", "a virtual summit")."""
    words = lexicon().words("remote_link_words")
    if chain and chain[0].pos_ == "NOUN":  # "held a video conference", "a virtual meeting"
        manner = next((c for c in chain[0].children if c.dep_ in ("compound", "amod")
                       and c.lower_ in words | lexicon().words("remote_words")), None)
        if manner is not None:
            return manner
    for k, token in enumerate(chain):
        # the phrase may hang on the verb's object ("will attend the summit by video link")
        objects = [c for c in token.children if c.dep_ == "dobj"] if k == 0 else []
        for child in [c for t in (token, *objects) for c in t.children]:
            if child.dep_ == "advmod" and child.lower_ in words:
                return child
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "via", "over", "through"):
                if any(t.lower_ in words for t in child.subtree):
                    return child
    return None


def _last_leg_ahead(verb: Token) -> bool:
    """'(will travel to A) before ending the tour in B', 'will end the tour in B': the trip is under
    way, but the place it ends in is still ahead (a verb of ending not in the past, with no "be" of its
    own, with a named place of its own or of its object)."""
    if verb.tag_ not in ("VB", "VBG") or any(c.lemma_ == "be" for c in verb.children if c.dep_ == "aux"):
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "ending the tour in B" either way
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
               for h in heads for c in h.children)


def _on_a_visit(trigger: Token) -> bool:
    """'X, on a three-day visit to Y, will meet Z': a trip noun in an 'on' phrase set off by commas
    says where X is now, whatever the tense of the clause (not "will leave on a visit")."""
    on = trigger.head
    if trigger.dep_ != "pobj" or on.lower_ != "on" or on.i == 0 or on.doc[on.i - 1].text != ",":
        return False
    lex = lexicon()
    verb = on.head
    moves = lex.words("travel_to_verbs") | lex.words("depart_verbs") | {"be", "embark", "go"}
    return trigger.lemma_.lower() in lex.words("travel_nouns") and verb.lemma_.lower() not in moves


def _past(verb: Token) -> bool:
    """'joined', 'was hosted', 'had met': a verb told in the past."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


def _unconfirmed(verb: Token) -> bool:
    """'did not confirm', 'has yet to confirm', 'is still to confirm', 'declined to confirm'."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    governor = verb.head if verb.dep_ == "xcomp" else None
    lex = lexicon()
    return governor is not None and (any(c.dep_ in ("advmod", "neg") and (
        c.lower_ in lex.words("pending_adverbs") or c.lower_ in lex.words("negation_words")) for c in governor.children)
        or _is(governor, "refuse_verbs"))


def _may_be(verb: Token) -> bool:
    """'the trip could be cancelled if ...', 'may be postponed': a possibility, no call-off (and no
    new report of the trip: it stays as other sentences tell it); 'the trip should be put off' (lexicon
    ``demand_modals``): what someone asks for, no call-off either."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    condition = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                    for c in verb.children)
    return bool(auxes & {"may", "might", "could"} or auxes & lexicon().words("demand_modals")) \
        or ("would" in auxes and condition)


def _weighed(verb: Token) -> bool:
    """'is considering calling off the trip', 'threatened to cancel it': a trip still on, that
    someone thinks of calling off."""
    return verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.pos_ == "VERB" and _is(verb.head, "consider_words")


def _prevented(top: Token) -> bool:
    """The event is what its subject was kept from: a passive verb of preventing governs it ("was
    denied a visa to attend", "was barred from travelling")."""
    head = top.head
    if top.dep_ == "pcomp" and head.lower_ == "from":
        head = head.head
    elif not (top.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)):
        return False
    return head.pos_ == "VERB" and _is(head, "prevent_verbs") and any(c.dep_ == "auxpass" for c in head.children)


def _carried_out(trigger: Token) -> bool:
    """An event noun that a verb of doing, beginning or ending takes as its object ("began a
    long-delayed visit", "held the postponed talks"): what the adjective says of the noun is its
    past, the verb its status."""
    verb = trigger.head
    return trigger.dep_ == "dobj" and verb.pos_ == "VERB" and (
        _is(verb, "hold_verbs") or _is(verb, "trip_verbs")) and not any(
        _is(verb, k) for k in ("cancel_words", "postpone_words", "plan_words"))  # not "announced a postponed visit"


def _trip_off(verb: Token) -> bool:
    """'X will not travel to Y next week', 'X would not attend the summit': a negated future of a
    travel verb with a day or a definite gathering of its own is a trip called off; with 'until'
    or 'unless' ("would not travel until the dispute is resolved") it is a condition, no trip."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall")
                                      for c in verb.children):
        return False
    if not any(_is(verb, k) for k in ("travel_to_verbs", "visit_verbs", "travel_attend_verbs", "attend_verbs")):
        return False
    if any(t.lower_ in ("until", "unless", "till") for t in verb.subtree):
        return False
    dated = any(t.ent_type_ == "DATE" for t in verb.subtree)
    gathering = any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon().words("gathering_nouns")
                    and any(d.lower_ == "the" for d in c.children) for c in verb.children)
    return dated or gathering


def _given_up(chain: list[Token], around: list[Token]) -> str | None:
    """The cue of a plan given up: "will no longer visit", "will not travel as planned" (a plan
    negated is called off, where a bare negation, "did not visit", is no event)."""
    lex = lexicon()
    for token in around:
        if token.lower_ in lex.words("given_up_words") and any(c.lower_ in lex.words("negation_words") for c in token.children):
            return " ".join(c.text for c in token.children if c.dep_ == "neg") + " " + token.text
    if any(t.dep_ == "neg" and t.head in chain[:3] for t in around):
        for token in chain[:3]:
            for clause in token.children:
                if clause.dep_ == "advcl" and clause.lower_ in lex.words("plan_words") \
                        and any(c.lower_ == "as" for c in clause.children):
                    return "as " + clause.text
    return None


def _present(verb: Token) -> bool:
    """A verb in the present: "meets", "is meeting" (not "met", "has met", "will meet")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not aux
    return verb.tag_ == "VBG" and len(aux) == 1 and aux[0].tag_ in ("VBZ", "VBP")


def _framing(trigger: Token) -> bool:
    """The event frames another clause: 'during talks', 'after the visit', also through a
    measure or part of it ('after hours of talks', 'on the first day of the visit') or another
    event held at it ('during a meeting on the sidelines of the summit'); 'at' a meeting of a past
    verb ('agreed at a meeting in March')."""
    token = trigger
    for _ in range(4):
        if token.dep_ != "pobj":
            return False
        if token.head.lower_ in ("during", "after", "following", "amid", "throughout"):
            return True
        if token.head.lower_ == "at" and token.head.head.tag_ == "VBD":
            return True  # "agreed at a meeting in March to speed up plans": what was said there, in the past
        if token.head.lower_ not in ("of", "on", "at") or token.head.head.pos_ != "NOUN" \
                or token.head.head.dep_ != "pobj":
            return False
        token = token.head.head
    return False


def _spoken_of(trigger: Token) -> bool:
    """A trip someone has, spoken of ("to build on her Chinese trip", "attack her over her
    visit"): the clause's modality and tense are about the speaking, not the trip, so only the
    trip's own words tell its status. Verbs that make, take or plan the trip ("make his trip",
    "prepare her visit") pass theirs on."""
    if trigger.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in trigger.children):
        return False
    if trigger.lemma_.lower() in lexicon().words("under_way_nouns"):
        return False  # "stops in A on his way to B": the clause's tense is the trip's
    verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "about", "over") \
        else trigger.head if trigger.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB":
        return False
    lex = lexicon()
    passing = lex.words("hold_verbs") | lex.words("plan_words") | lex.words("trip_verbs")
    return verb.lemma_.lower() not in passing and verb.lower_ not in passing


def _tense_cue(chain: list[Token]) -> str:
    for token in chain:
        if token.tag_ in ("VBD", "VBN", "VBZ", "VBG", "VBP"):
            return token.text
    return ""


def clause_dates(sent: Span, trigger: Token, labels: tuple[str, ...] = ("DATE",)) -> list[Span]:
    """DATE entities of the trigger's own clause (its verb's subtree, without the subject's and
    other clauses' subtrees)."""
    head = trigger if trigger.pos_ in ("VERB", "AUX") else (trigger.head if trigger.head.pos_ in ("VERB", "AUX") else trigger)
    if free_participle(head) and not any(e.label_ in labels and e.root.i in {t.i for t in head.subtree} for e in sent.ents):
        head = head.head  # "begins a tour next week, taking in A": the clause's time (the participle's own first)
    clause = {t.i for t in head.subtree}
    for child in head.children:  # not the subject's relative clause, not another clause
        if child.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp", "relcl", "conj", "parataxis") \
                and trigger.i not in {t.i for t in child.subtree}:
            inner = [t for t in child.subtree if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj")] \
                if child.dep_ in ("nsubj", "nsubjpass") else [child]
            for sub in inner:
                clause -= {t.i for t in sub.subtree}
    own = {c.i for c in noun_clauses(trigger)} if trigger.pos_ == "NOUN" else set()
    for relative in [t for t in head.subtree if t.dep_ == "relcl" and t.i not in own]:
        if trigger.i not in {t.i for t in relative.subtree}:
            # "talks on the swing, the overdraft facility in trade which is due to be renegotiated next
            # year": a relative clause deep in the phrase tells of its own noun (not the event noun's own)
            clause -= {t.i for t in relative.subtree}
    clause -= _other_events(head, trigger)
    clause -= reporting_time(head)
    purpose = lexicon().words("purpose_participles")
    for child in trigger.children:  # "talks aimed at preparing a summit next month": the aim's time
        if child.dep_ == "acl" and child.lemma_.lower() in purpose:
            clause -= {t.i for t in child.subtree}
    return [e for e in sent.ents if (e.label_ in labels or is_day_time(e)) and e.start in clause]


_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)


def is_day_time(ent: Span) -> bool:
    """A TIME entity that names its day ("Tuesday evening", "late on Wednesday night"): a date."""
    return ent.label_ == "TIME" and any(t.lower_ in _WEEKDAYS for t in ent)


def reporting_time(head: Token) -> set[int]:
    """"X said on Thursday he would visit Y": words between a verb of speech and the subject of
    the clause it reports (the parser may hang "on Thursday" on "visit") are the saying's."""
    verb = head
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().words("speech_verbs"):
        return set()
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not verb.head.i < subj.left_edge.i:
        return set()
    return set(range(verb.head.i + 1, subj.left_edge.i))


def _other_events(head: Token, trigger: Token) -> set[int]:
    """Words of event nouns that a clause below ``head`` names ("talks aimed at laying the
    groundwork for a meeting next month"): their dates are theirs, not the trigger's. An event
    noun right in the trigger's clause ("travel to Y for talks next week", "a news conference
    following their meeting on May 3") is not another one's."""
    lex = lexicon()
    nouns = lex.words("meeting_nouns") | lex.words("travel_nouns")
    out: set[int] = set()
    for token in head.subtree:
        if token.i == trigger.i or token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in nouns:
            continue
        if token.left_edge.i <= trigger.i <= token.right_edge.i:
            continue
        up, verbs = token.head, 0
        while up.i != head.i and up.head.i != up.i:
            verbs += up.pos_ == "VERB" and up.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp", "pcomp")
            up = up.head
        if up.i == head.i and verbs:
            out |= {t.i for t in token.subtree}
    return out


@cache
def _trips() -> frozenset[str]:
    """Nouns of a trip one starts or makes ("opens a tour"), not "the way" ("open the way for talks")."""
    return lexicon().words("travel_nouns") - lexicon().words("under_way_nouns")


def _futurate(trigger: Token, sent: Span) -> str | None:
    """'X arrives in Seoul today', 'X leaves for Tokyo on Wednesday', 'X is leaving for Beijing on
    Tuesday', 'X meets Y on Friday', 'X begins a tour in Paris on Wednesday': a simple present (or
    present progressive) of a verb of motion or meeting, or of one that starts or holds the trip or
    talks (lexicon ``schedule_verbs``), with a time expression of its own clause is a schedule, not a
    report."""
    verb = trigger if trigger.pos_ == "VERB" or _verb_as_noun(trigger) else None
    noun = verb is None and trigger.pos_ in ("NOUN", "PROPN")
    if noun:  # "X leaves on a visit to Y on Wednesday"
        head = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
        verb = head if head.pos_ == "VERB" else None
    if verb is None or (verb.tag_ not in ("VBZ", "VBP") and not _verb_as_noun(verb) and not _present(verb)):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not (verb.tag_ == "VBG" and _present(verb)):
        return None  # "is leaving for Beijing on Tuesday": the present progressive tells a schedule too
    lex = lexicon()
    motion = lex.words("travel_to_verbs") | lex.words("arrive_verbs") | lex.words("depart_verbs") | lex.words("visit_verbs")
    progressive = verb.tag_ == "VBG"  # "is visiting China this week": under way; "is leaving on Tuesday": ahead
    lemma = verb.lemma_.lower()
    if lemma not in motion and lemma not in lex.words("meet_verbs") \
            and not (lemma in lex.words("schedule_verbs") and (noun or any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.words("meeting_nouns") | _trips()
                for c in verb.children))):
        return None  # (and "meets Y in Tokyo on Friday", "begins a tour in Paris on Wednesday with talks with Y")
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                and any(a.lower_ == "to" for a in c.children)]  # "travels to Y to attend a forum next week"
    dates = clause_dates(sent, verb, ("DATE", "TIME")) + [e for c in purposes for e in clause_dates(sent, c, ("DATE", "TIME"))]
    for ent in dates:  # "leaves on Friday", "travels to Y this evening"
        if not _PAST.search(ent.text) and (not progressive or _FUTURE.search(ent.text)
                                           or any(t.lower_ in _WEEKDAYS for t in ent)):
            return ent.text
    then = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in lex.words("sequence_adverbs")), None)
    if then is not None:
        return then.text  # "arrived in A on Monday and then goes on to B": the next leg is ahead
    return None


#: a photo caption's marks: who stands where ("(L)", "(2nd R)"), or its credit after the text
#: ("— Reuters", "(Photo: AFP)", "Photo: AP")
_CAPTION_MARK = re.compile(r"\((?:\d\w* )?(?:L|R|C|left|right|centre|center)\)")
_CREDIT = re.compile(r"^\s*(?:[—–-]\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|\(?\s*(?:photo|picture|image)\b[^\n]*)\s*$", re.I)


def _caption(sent: Span) -> bool:
    """Is the sentence a photo caption, whose present tense tells what the photo shows ("X (R) meets Y
    in Z on Sunday. (Photo: AFP)")?"""
    text = sent.doc.text
    stop = text.find("\n", sent.end_char)
    rest = text[sent.end_char:stop if stop >= 0 else len(text)]  # what follows it in its paragraph
    return bool(_CAPTION_MARK.search(sent.text)) or bool(rest.strip() and _CREDIT.match(rest))


def _verb_as_noun(token: Token) -> bool:
    """'Dan Whit heads to Kuwait on Thursday' parsed as the plural noun 'heads' with the name as its
    compound: a simple present verb all the same."""
    return token.tag_ == "NNS" and token.dep_ in ("ROOT", "conj") and any(c.dep_ == "compound" for c in token.children) \
        and any(c.dep_ == "prep" for c in token.children)


def _called_off(sent: Span, trigger: Token, *, targets: bool = True) -> Token | None:
    """A cancel or postpone word elsewhere in the sentence whose clause is about plans, trips or
    meetings ('but the plans were called off', 'but it was cancelled'); with ``targets``, not one
    that names a place or person the trigger's clause does not (:func:`_another_target`)."""
    lex = lexicon()
    topics = lex.words("plan_nouns") | lex.words("travel_nouns") | lex.words("meeting_nouns") \
        | lex.words("attendance_nouns") | {"it", "this", "that"}  # ("cancelled his attendance at the summit")
    chain = {t.i for t in chain_of(trigger)}
    if any(_instead(c) for t in chain_of(trigger) for c in t.children):
        # "X's trip was called off, and Y would lead the delegation instead", "X called off plans to
        # attend and will send Y in his place": what takes its place
        return None
    for token in sent:
        if token.i in chain or token.pos_ != "VERB":
            continue
        if token.tag_ == "VBG" and token.dep_ == "advcl":
            continue  # "X will travel to Y, rescheduling a trip scrapped in May": another act of X's
        if _never_happened(token):
            pass  # "X had been due to come to Y, but that trip never took place": called off
        elif not (_is(token, "cancel_words") or _is(token, "postpone_words")):
            continue
        elif any(c.dep_ == "neg" for c in token.children):
            continue  # "officials said the trip had not been called off": still on
        args = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and not _plans_of_another_act(c)]
        if any(c.dep_ == "mark" and c.lower_ in ("since", "after", "before") for c in token.children):
            # "the first summit of A and B since a meeting set for March was scrapped":
            # another meeting, one the clause brings in as a time
            args = [a for a in args if not any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in a.children)]
        # "an election that has been delayed twice": the relative pronoun stands for the noun the clause tells of
        args = [token.head if a.lower_ in ("that", "which") and token.dep_ == "relcl" else a for a in args]
        # "A meeting ... planned for Saturday has been postponed" parsed with "planned" as the clausal subject
        args += [g for c in token.children if c.dep_ in ("csubj", "csubjpass") for g in c.children if g.dep_ == "nsubj"]
        if any((a.lemma_.lower() in topics or a.lower_ in topics) and not (targets and _another_target(a, trigger))
               for a in args):
            return token
        if any(a.lemma_.lower() in topics for a in args) and _when_clause_of(trigger, token):
            return token  # "postponed a trip to Y next week, when he was to have met Z": that trip's meeting
        if not targets and any(_names_the_place_of(a, trigger) for a in args):
            return token  # "The summit, which was to bring the leaders together in Y, has been postponed. X had been due to travel to Y"
        if token.dep_ == "conj" and token.head.i in chain and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token  # "the trip was planned for May but was postponed": the same subject
    return None


def _instead(token: Token) -> bool:
    """'instead', 'in his place', 'in her stead': what is done in place of a plan called off."""
    if token.dep_ == "advmod" and token.lower_ == "instead":
        return True
    return token.dep_ == "prep" and token.lower_ == "in" and any(
        o.lower_ in ("place", "stead") and any(c.dep_ == "poss" for c in o.children) for o in token.children)


def _names_the_place_of(noun: Token, trigger: Token) -> bool:
    """Does the noun's phrase name the place the trigger goes to ("... to Y")?"""
    places = {g.lower_ for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to"
              for g in c.subtree if g.pos_ == "PROPN"}
    return bool(places) and any(t.pos_ == "PROPN" and t.lower_ in places for t in noun.subtree)


def _plans_of_another_act(noun: Token) -> bool:
    """'(to abandon) plans to pull out of the institutions': plans said to be of an act that is no
    trip or meeting ("plans to visit Y" are)."""
    lex = lexicon()
    acts = lex.words("travel_to_verbs") | lex.words("meet_verbs") | lex.words("visit_verbs") | lex.words("arrive_verbs")
    return noun.lemma_.lower() in lex.words("plan_nouns") and any(
        c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() not in acts
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in noun.children)


def _never_happened(verb: Token) -> bool:
    """'the trip never took place', 'the visit did not happen' (lexicon ``happen_verbs``, negated)."""
    words = lexicon().words("happen_verbs")
    happened = verb.lemma_.lower() in words or (verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))
    return happened and any(c.dep_ == "neg" for c in verb.children)


def _when_clause_of(trigger: Token, verb: Token) -> bool:
    """Is the trigger inside a 'when' clause hung on ``verb``?"""
    for t in [trigger, *trigger.ancestors]:
        if t.head.i == verb.i and t.i != verb.i:
            return t.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in t.children)
    return False


def _another_target(noun: Token, trigger: Token) -> bool:
    """'X will travel to Berlin, but a visit to London has been postponed': the called-off trip or
    meeting names a place or person ("to", "with", "in", "at": "a planned stop in Quito was scrapped")
    the trigger's own clause does not."""
    if noun in trigger.ancestors and trigger.lemma_.lower() not in lexicon().words("travel_nouns"):
        return False  # "a stop in Lima, where he was to meet X, has been postponed": the meeting's own stop
    own = {t.lower_ for c in trigger.children if c.dep_ not in ("conj", "cc") for t in c.subtree}
    # "plans to visit Pristina": the plan's own act names its target
    acts = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    return any(obj.dep_ == "pobj" and obj.lower_ not in own for head in (noun, *acts) for prep in head.children
               if prep.dep_ == "prep" and prep.lower_ in ("to", "with", "in", "at") for obj in prep.children) \
        or any(obj.dep_ == "dobj" and obj.pos_ == "PROPN" and obj.lower_ not in own for act in acts for obj in act.children)


def settle(status: str, cue: str, *, trigger: Token, sent: Span, time: TimeValue | None,
           anchor: Date | None) -> tuple[str, str]:
    """Correct a first status with what the date and the rest of the sentence say."""
    if status == "occurred" and _went_before(trigger):
        return status, cue
    if status == "occurred":
        past = any(t.tag_ == "VBD" for t in chain_of(trigger)[:3])
        if time and anchor and time.iso > anchor.isoformat()[: len(time.iso)] and not past:
            return "planned", time.text
        ahead = next((e.text for e in clause_dates(sent, trigger) if _FUTURE.search(e.text)), None)
        if ahead and not (past and _THAT.search(ahead)):
            return "planned", ahead  # not "received X later that day": a past narrative's own later
        # a caption's present: "X arrives ... on June 2, 2023", "X meets Y in Jakarta on March 2" (a date
        # of the calendar up to the article's own, in the month before it if no year is given; a
        # schedule names a later one: "returns to Tokyo on May 5" read as last year's is not one)
        before = time is not None and anchor is not None and time.precision == "day" and time.iso <= anchor.isoformat() \
            and re.search(r"\d", time.text) is not None \
            and (re.search(r"\b\d{4}\b", time.text) is not None or (anchor - Date.fromisoformat(time.iso)).days <= 31)
        futurate = None if before else _futurate(trigger, sent)
        if futurate and _caption(sent):
            futurate = None
        if futurate and trigger.tag_ == "VBG" and time is not None and anchor is not None \
                and time.precision == "day" and time.iso == anchor.isoformat():
            futurate = None  # "is visiting Beijing on Sunday and Monday" written on the Sunday: under way
        if futurate:
            return "planned", futurate
    if status == "occurred" and trigger.pos_ in ("NOUN", "PROPN"):
        verb = trigger.head
        if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in lexicon().words("agenda_verbs"):
            return "planned", verb.text  # "a visit that includes talks with X": the programme
    if status in ("planned", "considered"):
        off = _called_off(sent, trigger)
        if off is None and _plan_in_the_past(trigger):
            # "A meeting ... has been postponed. X and Y had been due to travel to Geneva for talks": the
            # plan told in the past perfect is the one the next or last sentence calls off
            off = _called_off_nearby(trigger)
        if off is not None:
            return ("cancelled" if _is(off, "cancel_words") or _never_happened(off) else "postponed"), off.text
        trip = _trip_of_clause(trigger)
        if trip is not None:
            inherited, trip_cue = status_of(trip)
            if inherited in OFF:
                return inherited, trip_cue  # "cancelled a visit to Y, during which he was due to meet Z"
    return status, cue


def _went_before(trigger: Token) -> bool:
    """'The visit comes (a month) after X's trip to Y': the news idiom of what went before the event
    the story is about (not "after the planned trip")."""
    head = trigger.head
    later = head.head.head if head.head.dep_ == "npadvmod" else head.head
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and head.lower_ == "after" \
        and later.lemma_.lower() in ("come", "follow") and later.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("det", "amod", "compound") and (_is(c, "plan_words") or _is(c, "cancel_words")
                                                             or _is(c, "postpone_words") or c.lower_ in ("upcoming", "expected"))
                    for c in trigger.children)


def _called_off_nearby(trigger: Token) -> Token | None:
    """The word of the sentence before or after the trigger's that calls off or puts off a plan,
    trip or meeting (:func:`_called_off`, any target)."""
    sent, doc = trigger.sent, trigger.doc
    near = [doc[sent.start - 1].sent] if sent.start > 0 else []
    near += [doc[sent.end].sent] if sent.end < len(doc) else []
    return next((o for s in near if (o := _called_off(s, trigger, targets=False)) is not None), None)


def _trip_of_clause(trigger: Token) -> Token | None:
    """The trip noun a relative clause around the trigger hangs on ('a visit to Brussels, during which
    he was due to meet Z')."""
    for t in [trigger, *trigger.ancestors]:
        if t.dep_ == "relcl":
            head = t.head
            return head if head.lemma_.lower() in lexicon().words("travel_nouns") else None
    return None


def _counterfactual(trigger: Token) -> bool:
    """A condition contrary to fact around the trigger: the 'if' clause in the past subjunctive ('if X
    were serious', 'if X had gone') or, in a direct quote, the simple past ('"If the prime minister
    went to Moscow as often as ..., nobody would complain"'), and 'would' / 'could' / 'might' on the
    main verb. Reported speech shifts tenses back ('X said he would visit Y if he was invited'), so
    there the simple past is a real condition."""
    path = [trigger, *trigger.ancestors]
    for t in path[:6]:
        pairs = [(t, t.head)] if t.dep_ == "advcl" else []
        pairs += [(c, t) for c in t.children if c.dep_ == "advcl"]
        for clause, main in pairs:
            if not any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children):
                continue
            if not any(c.dep_ == "aux" and c.lower_ in lexicon().words("conditional_modals") for c in main.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            singular = subject is not None and (subject.tag_ in ("NN", "NNP") or subject.lower_ in MASCULINE | FEMININE)
            if (clause.lower_ == "were" and singular) or any(
                    c.dep_ == "aux" and c.lower_ == "had" for c in clause.children):
                return True
            if clause.tag_ == "VBD" and _quoted(clause):
                return True
    return False


def _quoted(token: Token) -> bool:
    """The token stands between quotation marks of its sentence (an odd number of them before it)."""
    sent = token.sent
    marks = sum(1 for t in sent if t.i < token.i and t.text in ('"', "\u201c", "\u201d", "``", "''"))
    return marks % 2 == 1


def _plan_replaced(sent: Span, trigger: Token) -> Token | None:
    """A plan told in the past perfect that another act of the sentence replaces ("X, who had been due
    to accompany the minister, will now stay in Brasilia"; "had been expected to attend but will
    instead send a deputy"): the adverb that says so (lexicon ``instead_words``) on a verb outside
    the plan's own chain."""
    chain = {t.i for t in chain_of(trigger)}
    words, additions = lexicon().words("instead_words"), lexicon().words("addition_words")
    adverb = next((t for t in sent if t.lower_ in words and t.dep_ == "advmod" and t.head.i not in chain
                   and t.head.pos_ in ("VERB", "AUX") and t.head.i > trigger.i and t.head.lemma_ != "be"  # "was now under review"
                   and not any(c.lower_ in additions for c in t.head.children)), None)
    if adverb is not None:
        return adverb
    # "had intended to attend but decided to stay in the country": a stay at home "but" joins to the plan
    stays = lexicon().words("stay_home_verbs")
    for token in chain_of(trigger):
        for conj in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > trigger.i):
            if any(c.dep_ == "cc" and c.lower_ == "but" for c in token.children) and (
                    conj.lemma_.lower() in stays or any(x.dep_ == "xcomp" and x.lemma_.lower() in stays for x in conj.children)):
                return conj
    return None


def _given_up_by_its_subject(trigger: Token) -> str | None:
    """The cue of the main clause given up by the person a relative clause of a plan tells of: "X,
    who had been expected to join the leaders, will no longer attend"."""
    relative = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "relcl"), None)
    if relative is None or relative.head.dep_ not in ("nsubj", "nsubjpass") or relative.head.head.pos_ != "VERB":
        return None
    outer = chain_of(relative.head.head)
    return _given_up(outer, _around(outer))


def plan_told_past(trigger: Token) -> bool:
    """'was due to hold talks', 'were scheduled to meet', 'was to travel': a plan told in the simple
    past (not "was expected to", which reports as often what then happened: lexicon ``expectation_words``)."""
    plans = lexicon().words("plan_words") - lexicon().words("expectation_words")
    for t in chain_of(trigger)[:5]:
        if t.lemma_ == "be" and t.tag_ == "VBD" and any(c.dep_ in ("xcomp", "acomp") and (
                c.lower_ in plans or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in t.children):
            return True  # "was due to", "was to travel"
        if t.lower_ in plans and t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in t.children):
            return True  # "was scheduled to meet"
    return False


def _plan_in_the_past(trigger: Token) -> bool:
    """'had been due / scheduled / expected to travel', 'had planned to meet', 'was to have met': a
    plan told in the past perfect, which news writes when the plan has since changed."""
    chain = chain_of(trigger)
    plans = lexicon().words("plan_words")
    if any(t.head.lemma_ == "be" and t.head.tag_ == "VBD" and {"to", "have"} <= {c.lower_ for c in t.children if c.dep_ == "aux"}
           for t in chain[:2]):
        return True  # "X was to have met Y": a plan that was not kept
    return any(t.lower_ in plans or t.lemma_.lower() in plans for t in chain) and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for t in chain for c in t.children)
