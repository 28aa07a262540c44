"""What each page shows, as plain data for its template: the page queries' rows grouped into facts.

Every function takes ``run(name, **params) -> list[dict]`` (a page query of :mod:`kg.serve.pagequeries`
run with its parameters bound) and returns a dict for the template; none knows HTTP or HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from kg.serve import charts
from kg.serve.highlight import Evidence, cut
from kg.serve.links import article_href, href, local_name

__all__ = [
    "article_page",
    "country_page",
    "event_page",
    "home_page",
    "meetings_picture",
    "node_page",
    "search_page",
    "visits_picture",
]

Run = Callable[..., list[dict[str, Any]]]
ORDER = ("occurred", "planned", "considered", "postponed", "cancelled")


def _when(row: dict[str, Any]) -> dict[str, str]:
    precision = local_name(row.get("precision_node"))
    return {"date": row.get("date") or "", "precision": precision}


def home_page(run: Run) -> dict[str, Any]:
    counts = {row["what"]: int(row["n"]) for row in run("counts")}
    visits = [(status, counts.get(f"visit {status}", 0)) for status in ORDER]
    rows = run("latest")
    if len(rows) < 12:  # fewer dated articles than the list holds: then the undated ones, by id
        rows += [r for r in run("undated") if not r.get("published")][: 12 - len(rows)]
    latest = [{"href": article_href(r["article"]), "id": r["article"], "title": r.get("title") or "",
               "published": r.get("published") or ""} for r in rows]
    return {"counts": counts, "visits": visits, "visit_total": sum(n for _, n in visits), "latest": latest}


def search_page(run: Run, q: str) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    if q.strip():
        for row in run("search", q=q.strip()):
            kind = local_name(row["type"])
            groups.setdefault(kind, []).append({"label": row["label"], "href": href(row["node"]),
                                                "articles": int(row["articles"])})
        for row in run("search_titles", q=q.strip()):
            groups.setdefault("Article", []).append({"label": row["label"], "href": href(row["node"]), "articles": 0})
    return {"q": q, "groups": sorted(groups.items()), "found": sum(len(v) for v in groups.values())}


def _facts(rows: list[dict[str, Any]], parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a page query over events and of its parties query -> one fact per event, in order."""
    facts: dict[str, dict[str, Any]] = {}
    for row in rows:
        fact = facts.get(row["event"])
        if fact is None:
            fact = facts[row["event"]] = {
                "iri": row["event"], "href": href(row["event"]), "type": local_name(row["type"]),
                "status": local_name(row["status_node"]), **_when(row), "date_text": row.get("date_text") or "",
                "trigger": row.get("trigger") or "", "status_cue": row.get("status_cue") or "",
                "source": row.get("source_name") or "", "source_href": href(row.get("source")),
                "attribution_cue": row.get("attribution_cue") or "", "cause": row.get("cause") or "",
                "quote": row.get("quote") or "", "sentence": row["sentence"], "roles": [],
                "span": (int(row["start"]), int(row["end"]), int(row["anchor_start"]), int(row["anchor_end"])),
            }
    for row in parties:
        fact = facts.get(row["event"])
        role = (local_name(row["role_node"]), row["actor_name"], href(row["actor"]))
        if fact is not None and role not in fact["roles"]:
            fact["roles"].append(role)
    for fact in facts.values():
        fact["headline"] = headline(fact["type"], fact["roles"])
    return list(facts.values())


_HEADLINES = {"Visit": ("traveler", "to", "destination"), "Summons": ("summoner", "summons", "summoned"),
              "Recall": ("recaller", "recalls", "recalled"), "Expulsion": ("expeller", "expels", "expelled"),
              "Meeting": ("participant", "", ""), "Summit": ("participant", "", ""), "Statement": ("speaker", "", "")}


def headline(kind: str, roles: list[tuple[str, str, str | None]]) -> str:
    """Who did what to whom in a few words: "Jane Roe to Germany", "A and B", "X summons Y"."""
    first, verb, second = _HEADLINES.get(kind, ("", "", ""))
    lead = " and ".join(name for role, name, _ in roles if role == first)
    rest = " and ".join(name for role, name, _ in roles if role == second) if second else ""
    return " ".join(part for part in (lead, verb if rest else "", rest) if part)


def article_page(run: Run, iri: str) -> dict[str, Any] | None:
    node = ox.NamedNode(iri)
    found = run("article", a=node)
    if not found:
        return None
    article = found[0]
    facts = _facts(run("article_events", a=node), run("article_parties", a=node))
    offices = []
    for row in run("article_offices", a=node):
        offices.append({"iri": row["tenure"], "person": row["person_name"], "person_href": href(row["person"]),
                        "position": row["position"], "of": row.get("jurisdiction_name") or "",
                        "of_href": href(row.get("jurisdiction")), "former": row.get("former") == "true",
                        "basis": row.get("basis") or "", "sentence": row["sentence"],
                        "span": (int(row["start"]), int(row["end"]), int(row["anchor_start"]),
                                 int(row["anchor_end"]))})
    evidence = [Evidence(start=item["span"][0], end=item["span"][1], anchor_start=item["span"][2],
                         anchor_end=item["span"][3], fact=item["iri"]) for item in facts + offices]
    blocks = cut(article["text"], evidence)
    mark_of = {fact: block.ident for block in blocks for fact in block.facts}
    for item in facts + offices:
        item["mark"] = mark_of.get(item["iri"], "")
    return {"article": article, "blocks": blocks, "facts": facts, "offices": offices}


def event_page(run: Run, iri: str) -> dict[str, Any] | None:
    node = ox.NamedNode(iri)
    rows = run("event", event=node)
    if not rows:
        return None
    fact = _facts(rows, run("event_parties", event=node))[0]
    head = rows[0]
    start, end, a_start, a_end = fact["span"]
    blocks = cut(head["sentence"], [Evidence(0, end - start, a_start - start, a_end - start, iri)])
    linked = []
    for row in run("event_links", event=node):
        linked.append({"href": href(row["linked"]), "this": row["linked"] == iri, "type": local_name(row["type"]),
                       "status": local_name(row["status_node"]), **_when(row), "article": row["article"],
                       "article_href": article_href(row["article"]), "title": row.get("title") or "",
                       "published": row.get("published") or "", "source": row.get("source_name") or "",
                       "source_href": href(row.get("source")), "sentence": row["sentence"]})
    return {"fact": fact, "article": head["article"], "article_href": article_href(head["article"]),
            "title": head.get("title") or "", "published": head.get("published") or "",
            "sentence_blocks": blocks, "linked": linked}


def _events(rows: list[dict[str, Any]], parties: list[dict[str, Any]],
            member_key: str | None = None) -> list[dict[str, Any]]:
    """Event rows (one per event and member) and their other parties -> one entry per event and member."""
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        member = row.get(member_key) if member_key else None
        key = (row["event"], member or "")
        event = events.get(key)
        if event is None:
            event = events[key] = {
                "iri": row["event"], "href": href(row["event"]), "type": local_name(row["type"]),
                "role": local_name(row["role_node"]), "status": local_name(row["status_node"]), **_when(row),
                "article": row["article"], "article_href": article_href(row["article"]),
                "published": row.get("published") or "", "sentence": row["sentence"], "others": [],
                "member": row.get("member_name") or "", "member_href": href(member)}
    for row in parties:
        event = events.get((row["event"], str(row.get(member_key) or "") if member_key else ""))
        other = (local_name(row["other_role"]), row["other_name"], href(row["other"]))
        if event is not None and other not in event["others"]:
            event["others"].append(other)
    return sorted(events.values(), key=lambda e: (e["date"] or e["published"] or "~", e["article"], e["iri"]))


def _node(run: Run, iri: str) -> dict[str, Any] | None:
    rows = run("node", node=ox.NamedNode(iri))
    if not rows:
        return None
    first = rows[0]
    return {"iri": iri, "name": first["name"], "kind": local_name(first["type"]),
            "aliases": sorted({r["alias"] for r in rows if r.get("alias") and r["alias"] != first["name"]}),
            "names": sorted({r["name"] for r in rows}),
            "nationality": first.get("nationality_name") or "", "nationality_href": href(first.get("nationality")),
            "iso": first.get("iso") or "", "in_country": first.get("in_country_name") or "",
            "in_country_href": href(first.get("in_country")), "articles": max(int(r["articles"]) for r in rows)}


def _with(event: dict[str, Any], *roles: str) -> list[tuple[str, str, str | None]]:
    return [o for o in event["others"] if o[0] in roles]


def node_page(run: Run, iri: str) -> dict[str, Any] | None:
    """A person, organisation, group or city: offices, events, who they met."""
    info = _node(run, iri)
    if info is None:
        return None
    offices = [{"position": r["position"], "of": r.get("jurisdiction_name") or "",
                "of_href": href(r.get("jurisdiction")), "former": r.get("former") == "true",
                "basis": r.get("basis") or "", "article": r["article"], "article_href": article_href(r["article"]),
                "published": r.get("published") or "", "sentence": r["sentence"]}
               for r in run("node_offices", node=ox.NamedNode(iri))]
    node = ox.NamedNode(iri)
    events = _events(run("node_events", node=node), run("node_parties", node=node))
    met: dict[str, dict[str, Any]] = {}
    meetings = []
    for event in events:
        if event["type"] in ("Meeting", "Summit") and event["role"] == "participant":
            people = [(n, h) for r, n, h in event["others"] if r == "participant" and h]
            meetings.append(charts.Meeting(event["href"] or "", event["status"], ((info["name"], href(iri) or ""),
                                                                                  *[(n, h or "") for n, h in people])))
            for name, link in people:
                entry = met.setdefault(link or name, {"name": name, "href": link, "count": 0, "statuses": set()})
                entry["count"] += 1
                entry["statuses"].add(event["status"])
    marks = [charts.Visit(e["href"] or "", _row_label(e), "", _mark_label(e), e["status"], e["date"])
             for e in events if e["role"] in ("traveler", "participant", "summoner", "summoned", "host")]
    timeline = charts.timeline_svg(marks, title=f"{info['name']}: trips and meetings by date", max_rows=8)[0] \
        if marks else ""
    network = charts.network_svg(meetings, title=f"Who {info['name']} met", focus=href(iri), height=520)[0] \
        if meetings else ""
    return {"node": info, "offices": offices, "events": events, "timeline": timeline, "network": network,
            "met": sorted(met.values(), key=lambda m: (-m["count"], m["name"]))}


def _row_label(event: dict[str, Any]) -> str:
    return {"traveler": "trips", "host": "hosted", "participant": "meetings"}.get(event["role"], event["type"].lower())


def _mark_label(event: dict[str, Any]) -> str:
    names = [n for r, n, _ in event["others"] if r in ("destination", "participant", "traveler", "summoned",
                                                          "summoner")]
    return ", ".join(names[:2]) + (" …" if len(names) > 2 else "")


def country_page(run: Run, iri: str) -> dict[str, Any] | None:
    info = _node(run, iri)
    if info is None:
        return None
    node = ox.NamedNode(iri)
    own = _events(run("node_events", node=node), run("node_parties", node=node))
    people = _events(run("country_people", node=node), run("country_parties", node=node), member_key="member")
    came = [e for e in own if e["type"] == "Visit" and e["role"] == "destination"]
    went = [e for e in people if e["type"] == "Visit" and e["role"] == "traveler"]
    tensions = [e for e in own + people if e["type"] in ("Summons", "Recall", "Expulsion")]
    meetings = [e for e in people if e["type"] in ("Meeting", "Summit")]
    hosted = [e for e in own if e["role"] == "place"]
    marks = [charts.Visit(e["href"] or "", "came", "", ", ".join(n for _, n, _ in _with(e, "traveler")),
                          e["status"], e["date"]) for e in came]
    marks += [charts.Visit(e["href"] or "", "went", "", f"{e['member']} to "
                           + ", ".join(n for _, n, _ in _with(e, "destination")), e["status"], e["date"])
              for e in went]
    timeline = charts.timeline_svg(marks, title=f"Visits to and from {info['name']}", max_rows=2)[0] if marks else ""
    key = lambda e: (e["date"] or e["published"] or "~", e["article"], e["iri"])
    return {"node": info, "came": came, "went": went, "tensions": sorted(tensions, key=key),
            "meetings": meetings, "hosted": hosted, "timeline": timeline}


def visits_picture(run: Run, traveler: str = "", country: str = "", max_rows: int = 40) -> dict[str, Any]:
    rows = run("visits")
    wanted = [r for r in rows if (not traveler or traveler.lower() in r["traveler_name"].lower())
              and (not country or country.lower() in r["destination_name"].lower())]
    marks = [charts.Visit(href(r["event"]) or "", r["traveler_name"], href(r["traveler"]) or "",
                          r["destination_name"], local_name(r["status_node"]), r.get("date") or "") for r in wanted]
    svg, left_out = charts.timeline_svg(marks, max_rows=max_rows)
    return {"svg": svg, "left_out": left_out, "shown": len(marks), "total": len(rows),
            "traveler": traveler, "country": country}


def meetings_picture(run: Run, person: str = "", max_nodes: int = 50) -> dict[str, Any]:
    by_event: dict[str, dict[str, Any]] = {}
    for r in run("meetings"):
        entry = by_event.setdefault(r["event"], {"status": local_name(r["status_node"]), "people": []})
        entry["people"].append((r["person_name"], href(r["person"]) or ""))
    meetings = [charts.Meeting(href(e) or "", v["status"], tuple(v["people"])) for e, v in sorted(by_event.items())
                if len(set(v["people"])) > 1]
    if person:
        meetings = [m for m in meetings if any(person.lower() in n.lower() for n, _ in m.people)]
    svg, left_out = charts.network_svg(meetings, max_nodes=max_nodes)
    return {"svg": svg, "left_out": left_out, "meetings": len(meetings), "person": person}
