"""Constructions as data: ``lexicons/constructions.jsonl`` -> spaCy ``DependencyMatcher`` -> facts.

One line of the file is one construction of English news language, for example::

    {"id": "visit.verb.to", "event": "visit",
     "trigger": {"POS": "VERB", "LEMMA": {"IN": "$travel_to_verbs"}},
     "roles": [{"role": "traveler", "find": "subject", "take": "actors"},
               {"role": "destination", "take": "places",
                "path": [{"REL_OP": ">", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["to", "into"]}}},
                         {"REL_OP": ">", "RIGHT_ATTRS": {"DEP": "pobj"}}]}],
     "needs": ["traveler", "destination"],
     "examples": [{"text": "The minister flew to Lima.", "expect": {"traveler": ["minister"], ...}}]}

- ``trigger``: the ``RIGHT_ATTRS`` of the word that names the event (spaCy Matcher token syntax);
  ``"$key"`` anywhere in a pattern stands for the list ``key`` of ``lexicons/language.json``
  (``"$a+$b"``: both lists).
- ``roles``: who and where, each either a dependency ``path`` from the trigger (DependencyMatcher
  nodes without ids: they are chained trigger -> first -> ... -> last, and the last node fills the
  role) or a named ``find`` (a language operation of :mod:`kg.extract.roles`, e.g. ``subject``:
  the subject of the trigger's clause, through auxiliaries, conjoined verbs and control verbs).
  ``take`` says what the filler may stand for: ``persons``, ``actors`` (persons, groups,
  organisations, states) or ``places``. Several entries for one role are alternatives tried in order;
  the first that finds someone wins (``"add": true`` adds to the earlier ones instead).
- ``require`` / ``forbid``: paths that must / must not match from the trigger.
- ``needs``: roles that must be filled for the construction to give a fact.
- ``post``: named checks of :mod:`kg.extract.checks` applied to the filled roles, in order.
- ``status``: a status the construction itself implies (``"considered"`` for "invited X to visit"),
  else :mod:`kg.extract.status` decides from the words around the trigger.
- ``examples``: sentences with the roles they must give (``title``: a headline before them);
  ``tests/test_constructions.py`` runs them.

Everything here is generic: which words and structures make which fact is in the data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.extract.lexicon import lexicon

__all__ = ["Construction", "RoleSpec", "constructions", "Engine", "Hit"]

EVENTS = ("visit", "meeting", "summons", "recall", "expulsion")
TAKES = ("persons", "actors", "places")


@dataclass(frozen=True)
class RoleSpec:
    role: str
    take: str
    path: tuple[dict[str, Any], ...] = ()
    find: str | None = None
    add: bool = False


@dataclass(frozen=True)
class Construction:
    id: str
    event: str
    trigger: dict[str, Any]
    roles: tuple[RoleSpec, ...]
    needs: tuple[str, ...] = ()
    require: tuple[tuple[dict[str, Any], ...], ...] = ()
    forbid: tuple[tuple[dict[str, Any], ...], ...] = ()
    post: tuple[str, ...] = ()
    status: str | None = None
    examples: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    @cached_property
    def path_only_needs(self) -> tuple[str, ...]:
        """The needed roles that only paths fill (no ``find`` operation): a hit that reached none of
        them gives no fact, and its other roles need not be resolved."""
        return tuple(role for role in self.needs if all(spec.path for spec in self.roles if spec.role == role))


@dataclass
class Hit:
    """One construction matched at one trigger: the tokens each path role reached."""

    construction: Construction
    trigger: Token
    fillers: dict[int, list[Token]]  # index into construction.roles -> tokens


def _expand(value: Any, where: str) -> Any:
    """Replace ``"$key"`` by the lexicon list ``key``, ``"$a+$b"`` by the union of two (recursively)."""
    if isinstance(value, str) and value.startswith("$"):
        words = set().union(*(lexicon().words(key.removeprefix("$")) for key in value.split("+")))
        return sorted(words)
    if isinstance(value, dict):
        return {k: _expand(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, where) for v in value]
    return value


def _nodes(raw: list[dict[str, Any]], where: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where}: a path is a non-empty list of nodes")
    out = []
    for node in raw:
        if not isinstance(node, dict) or "RIGHT_ATTRS" not in node or "REL_OP" not in node:
            raise ValueError(f"{where}: every path node needs REL_OP and RIGHT_ATTRS")
        out.append(_expand(node, where))
    return tuple(out)


def parse(record: dict[str, Any], where: str) -> Construction:
    """One JSON record -> :class:`Construction` (ValueError naming ``where`` when malformed)."""
    from kg.extract.checks import POSTS
    from kg.extract.roles import FINDERS

    known = {"id", "event", "trigger", "roles", "needs", "require", "forbid", "post", "status",
             "examples", "doc"}
    unknown = set(record) - known
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    if record.get("event") not in EVENTS:
        raise ValueError(f"{where}: event must be one of {', '.join(EVENTS)}")
    roles = []
    for k, spec in enumerate(record.get("roles", [])):
        take = spec.get("take")
        if take not in TAKES:
            raise ValueError(f"{where}: role {k}: take must be one of {', '.join(TAKES)}")
        if ("path" in spec) == ("find" in spec):
            raise ValueError(f"{where}: role {k}: give exactly one of path, find")
        if "find" in spec and spec["find"] not in FINDERS:
            raise ValueError(f"{where}: role {k}: unknown find {spec['find']!r}; known: {', '.join(sorted(FINDERS))}")
        path = _nodes(spec["path"], f"{where}: role {k}") if "path" in spec else ()
        roles.append(RoleSpec(spec["role"], take, path, spec.get("find"), bool(spec.get("add"))))
    for name in record.get("post", []):
        if name not in POSTS:
            raise ValueError(f"{where}: unknown post {name!r}; known: {', '.join(sorted(POSTS))}")
    status = record.get("status")
    if status is not None and status not in ("occurred", "planned", "considered", "cancelled", "postponed"):
        raise ValueError(f"{where}: bad status {status!r}")
    return Construction(
        id=record["id"], event=record["event"], trigger=_expand(record["trigger"], where),
        roles=tuple(roles), needs=tuple(record.get("needs", [])),
        require=tuple(_nodes(p, f"{where}: require") for p in record.get("require", [])),
        forbid=tuple(_nodes(p, f"{where}: forbid") for p in record.get("forbid", [])),
        post=tuple(record.get("post", [])), status=status, examples=tuple(record.get("examples", [])),
    )


@cache
def constructions() -> tuple[Construction, ...]:
    """Every construction of ``lexicons/constructions.jsonl``, in file order."""
    text = resources.files("kg.lexicons").joinpath("constructions.jsonl").read_text("utf-8")
    out = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"constructions.jsonl:{n}"
        construction = parse(json.loads(line), where)
        if construction.id in seen:
            raise ValueError(f"{where}: duplicate id {construction.id!r}")
        seen.add(construction.id)
        out.append(construction)
    return tuple(out)


def _chain(trigger: dict[str, Any], path: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    pattern: list[dict[str, Any]] = [{"RIGHT_ID": "n0", "RIGHT_ATTRS": trigger}]
    for i, node in enumerate(path, 1):
        pattern.append({"LEFT_ID": f"n{i - 1}", "REL_OP": node["REL_OP"], "RIGHT_ID": f"n{i}",
                        "RIGHT_ATTRS": node["RIGHT_ATTRS"]})
    return pattern


class Engine:
    """All constructions compiled into one spaCy ``DependencyMatcher`` (built once per vocabulary).

    Kept as the reference semantics of the pattern syntax: :class:`Walker` evaluates the same
    patterns faster and ``tests/test_constructions.py`` checks that both find the same hits."""

    def __init__(self, vocab: Vocab, items: tuple[Construction, ...] | None = None) -> None:
        self.items = constructions() if items is None else items
        self.matcher = DependencyMatcher(vocab)
        self.keys: dict[int, tuple[int, str, int]] = {}  # match id -> (construction, part, index)
        for c, item in enumerate(self.items):
            parts: list[tuple[str, int, tuple[dict[str, Any], ...]]] = [("trigger", 0, ())]
            parts += [("role", k, spec.path) for k, spec in enumerate(item.roles) if spec.path]
            parts += [("require", k, p) for k, p in enumerate(item.require)]
            parts += [("forbid", k, p) for k, p in enumerate(item.forbid)]
            for part, k, path in parts:
                name = f"{item.id}|{part}|{k}"
                self.matcher.add(name, [_chain(item.trigger, path)])
                self.keys[vocab.strings[name]] = (c, part, k)

    def hits(self, doc: Doc) -> list[Hit]:
        """Every construction whose trigger, required paths and no forbidden path match, with
        the tokens its path roles reach (in document order)."""
        found: dict[tuple[int, int], dict[str, Any]] = {}
        for match_id, tokens in self.matcher(doc):
            c, part, k = self.keys[match_id]
            slot = found.setdefault((c, tokens[0]), {"require": set(), "forbid": False, "roles": {}})
            if part == "require":
                slot["require"].add(k)
            elif part == "forbid":
                slot["forbid"] = True
            elif part == "role":
                slot["roles"].setdefault(k, set()).add(tokens[-1])
        out = []
        for (c, i), slot in sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            item = self.items[c]
            if slot["forbid"] or len(slot["require"]) < len(item.require):
                continue
            fillers = {k: [doc[j] for j in sorted(v)] for k, v in slot["roles"].items()}
            out.append(Hit(item, doc[i], fillers))
        return out


_ATTRS = {
    "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text, "TEXT": lambda t: t.text,
    "ENT_TYPE": lambda t: t.ent_type_,
}


def _fits(token: Token, attrs: dict[str, Any]) -> bool:
    """spaCy's token-pattern test for the attributes the constructions use (values, IN, NOT_IN,
    custom ``_`` attributes)."""
    for key, want in attrs.items():
        if key == "_":
            if not all(_fits_value(getattr(token._, ext), value) for ext, value in want.items()):
                return False
        elif key not in _ATTRS:
            raise ValueError(f"pattern attribute {key} is not supported; use one of {', '.join(_ATTRS)}")
        elif not _fits_value(_ATTRS[key](token), want):
            return False
    return True


def _fits_value(value: Any, want: Any) -> bool:
    if isinstance(want, dict):
        if "IN" in want and value not in want["IN"]:
            return False
        return not ("NOT_IN" in want and value in want["NOT_IN"])
    return value == want


def _step(token: Token, op: str) -> list[Token]:
    if op == ">":
        return list(token.children)
    if op == "<":
        return [token.head] if token.head.i != token.i else []
    if op == ">>":
        return [t for t in token.subtree if t.i != token.i]
    if op == "<<":
        return list(token.ancestors)
    if op == ".":  # the word right after (spaCy: "A . B", A immediately precedes B)
        return [token.doc[token.i + 1]] if token.i + 1 < len(token.doc) else []
    if op == ";":  # the word right before ("A ; B", A immediately follows B)
        return [token.doc[token.i - 1]] if token.i > 0 else []
    raise ValueError(f"REL_OP {op!r} is not supported; use one of >, <, >>, <<, ., ;")


def _reach(trigger: Token, path: tuple[dict[str, Any], ...]) -> list[Token]:
    """The tokens the last node of ``path`` can be, walking from ``trigger``."""
    frontier = [trigger]
    for node in path:
        frontier = [t for f in frontier for t in _step(f, node["REL_OP"]) if _fits(t, node["RIGHT_ATTRS"])]
        if not frontier:
            return []
    return frontier


class Walker:
    """The constructions evaluated by walking the parse from each trigger: the same semantics as
    :class:`Engine` (checked by the tests), about ten times faster, because triggers are looked
    up by their word (an index on ``LEMMA`` / ``LOWER``) instead of testing every pattern on every
    token."""

    def __init__(self, items: tuple[Construction, ...] | None = None) -> None:
        self.items = constructions() if items is None else items
        self.by_word: dict[tuple[str, str], list[int]] = {}
        self.any_word: list[int] = []
        for c, item in enumerate(self.items):
            keyed = False
            for attr in ("LEMMA", "LOWER"):
                want = item.trigger.get(attr)
                words = want.get("IN") if isinstance(want, dict) else ([want] if isinstance(want, str) else None)
                if words:
                    for word in words:
                        self.by_word.setdefault((attr, word), []).append(c)
                    keyed = True
                    break
            if not keyed:
                self.any_word.append(c)

    def hits(self, doc: Doc) -> list[Hit]:
        out = []
        for token in doc:
            candidates = set(self.any_word)
            candidates.update(self.by_word.get(("LEMMA", token.lemma_), ()))
            candidates.update(self.by_word.get(("LOWER", token.lower_), ()))
            for c in sorted(candidates):
                item = self.items[c]
                if not _fits(token, item.trigger):
                    continue
                if any(not _reach(token, p) for p in item.require) or any(_reach(token, p) for p in item.forbid):
                    continue
                fillers = {}
                for k, spec in enumerate(item.roles):
                    if spec.path:
                        reached = _reach(token, spec.path)
                        if reached:
                            fillers[k] = sorted({t.i: t for t in reached}.values(), key=lambda t: t.i)
                out.append(Hit(item, token, fillers))
        return out


@cache
def engine(vocab: Vocab) -> Engine:
    return Engine(vocab)


@cache
def walker() -> Walker:
    return Walker()


def find(ctx) -> list:
    """Every fact the constructions give in ``ctx.doc`` (:class:`~kg.extract.syntax.Found`)."""
    from kg.extract.checks import POSTS
    from kg.extract.roles import FINDERS, take
    from kg.extract.syntax import Found

    out = []
    for hit in walker().hits(ctx.doc):
        item = hit.construction
        filled = {item.roles[k].role for k in hit.fillers}
        if any(role not in filled for role in item.path_only_needs):
            continue  # a needed role only paths can fill, and none did: no fact ("in" not on a person)
        roles: dict[str, list] = {}
        for k, spec in enumerate(item.roles):
            if spec.role in roles and roles[spec.role] and not spec.add:
                continue
            fillers = hit.fillers.get(k, []) if spec.path else FINDERS[spec.find](ctx, hit.trigger, roles)
            actors = take(ctx, spec.take, fillers)
            if actors or spec.role not in roles:
                roles[spec.role] = roles.get(spec.role, []) + [a for a in actors if a not in roles.get(spec.role, [])]
        if any(not roles.get(need) for need in item.needs):
            continue
        facts = [Found(item.event, hit.trigger, roles, item.id, item.status)]
        for name in item.post:
            facts = [kept for fact in facts for kept in POSTS[name](ctx, fact)]
        out.extend(facts)
    return out
