"""The SVG pictures on their own: deterministic, escaped, every visit a mark, limits said."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kg.serve.charts import Meeting, Visit, network_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def _visits() -> list[Visit]:
    return [Visit("/id/event/1", "Jane Roe", "/id/person/jane-roe", "Germany", "planned", "2021-03-08"),
            Visit("/id/event/2", "Jane Roe", "/id/person/jane-roe", "Germany", "occurred", "2021-03-08"),
            Visit("/id/event/3", "<b>Max</b> & co", "/id/person/max", "Peru\"", "cancelled", ""),
            Visit("/id/event/4", "Kofi Mensah", "/id/person/kofi", "Chile", "considered", "2022"),
            Visit("/id/event/5", "Kofi Mensah", "/id/person/kofi", "Chile", "postponed", "2021-11")]


def test_serve_charts_timeline_is_deterministic_escaped_and_complete() -> None:
    svg, left_out = timeline_svg(_visits())
    assert svg == timeline_svg(list(reversed(_visits())))[0] and left_out == 0
    root = ET.fromstring(svg)  # well-formed: the hostile name is escaped
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<b>Max</b> & co" in texts
    links = [a.get("href") for a in root.iter(f"{SVG}a") if a.get("href", "").startswith("/id/event/")]
    assert sorted(links) == [f"/id/event/{n}" for n in range(1, 6)]
    tips = [t.text for t in root.iter(f"{SVG}title")]
    assert any("cancelled, no date" in (t or "") for t in tips)
    # two visits on the same day are drawn side by side, not on top of each other
    marks = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    xs = [float(next(marks[f"/id/event/{n}"].iter(f"{SVG}circle")).get("cx")) for n in (1, 2)]
    assert abs(xs[0] - xs[1]) >= 14


def test_serve_charts_timeline_keeps_the_busiest_rows() -> None:
    svg, left_out = timeline_svg(_visits(), max_rows=1)
    assert left_out == 2
    assert "Jane Roe" in svg and "Kofi Mensah" not in svg


def test_serve_charts_network_edges_nodes_and_focus() -> None:
    meetings = [Meeting("/id/event/m1", "occurred", (("A Aa", "/a"), ("B Bb", "/b"))),
                Meeting("/id/event/m2", "planned", (("A Aa", "/a"), ("C <Cc>", "/c"), ("B Bb", "/b"))),
                Meeting("/id/event/m3", "occurred", (("D Dd", "/d"), ("E Ee", "/e")))]
    svg, left_out = network_svg(meetings, focus="/a")
    assert svg == network_svg(list(reversed(meetings)), focus="/a")[0] and left_out == 0
    root = ET.fromstring(svg)
    assert len(list(root.iter(f"{SVG}line"))) - 2 == 4  # legend has two lines; edges A-B, A-C, B-C, D-E
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"A Aa", "B Bb", "C <Cc>", "D Dd", "E Ee"} <= labels
    tips = [t.text or "" for t in root.iter(f"{SVG}title")]
    assert "A Aa and B Bb: 2 meeting(s): occurred, planned" in tips
    assert network_svg(meetings, max_nodes=3)[1] == 2
