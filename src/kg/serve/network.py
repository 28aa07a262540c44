"""The meeting network as standalone SVG: who met whom, edges by meeting count and status, each connected
component laid out on its own (Fruchterman-Reingold from a circle, deterministic), labels kept apart."""

from __future__ import annotations

import math
from collections.abc import Sequence

from kg.serve.charts import Meeting, esc, shorten, svg_document

__all__ = ["network_svg"]


def network_svg(meetings: Sequence[Meeting], *, title: str = "Who met whom", width: int = 1100,
                height: int = 700, max_nodes: int = 50, focus: str | None = None) -> tuple[str, int]:
    """The meeting network SVG and how many persons were left out (the least connected)."""
    pairs: dict[tuple[str, str], list[str]] = {}
    names: dict[str, str] = {}
    for meeting in meetings:
        people = sorted(set(meeting.people), key=lambda p: p[1])
        for name, href in people:
            names.setdefault(href, name)
        for i, (_, a) in enumerate(people):
            for _, b in people[i + 1:]:
                pairs.setdefault((a, b), []).append(meeting.status)
    degree: dict[str, int] = {}
    for a, b in pairs:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    nodes = sorted(degree, key=lambda h: (h != focus, -degree[h], names[h], h))[:max_nodes]
    keep = set(nodes)
    edges = {k: v for k, v in pairs.items() if k[0] in keep and k[1] in keep}
    height = min(height, 220 + 30 * len(nodes))
    pos = _declutter(_layout(sorted(nodes, key=lambda h: (names[h], h)), list(edges), width, height - 80),
                     names, height - 80)
    body = [f'<text x="20" y="28" font-size="18" font-weight="600" fill="#111">{esc(title)}</text>',
            '<line x1="24" y1="50" x2="60" y2="50" stroke="#009E73" stroke-width="3"/>',
            '<text x="66" y="54" font-size="13" fill="#222">met (occurred)</text>',
            '<line x1="190" y1="50" x2="226" y2="50" stroke="#0072B2" stroke-width="3" stroke-dasharray="6 4"/>',
            '<text x="232" y="54" font-size="13" fill="#222">only planned, considered, postponed or cancelled</text>']
    for (a, b), statuses in sorted(edges.items()):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        met = "occurred" in statuses
        tip = f"{names[a]} and {names[b]}: {len(statuses)} meeting(s): {', '.join(sorted(set(statuses)))}"
        dash = "" if met else ' stroke-dasharray="6 4"'
        body.append(f'<line x1="{xa:.1f}" y1="{ya + 70:.1f}" x2="{xb:.1f}" y2="{yb + 70:.1f}" '
                    f'stroke="{"#009E73" if met else "#0072B2"}" stroke-width="{min(8, 1.5 + len(statuses)):.1f}" '
                    f'stroke-opacity="0.7"{dash}><title>{esc(tip)}</title></line>')
    for href in sorted(nodes):
        x, y = pos[href]
        r = 5 + min(9, 2 * math.sqrt(degree[href]))
        fill = "#111" if href == focus else "#1a4d8f"
        body.append(f'<a href="{esc(href)}"><title>{esc(names[href])}: met {degree[href]} person(s)</title>'
                    f'<circle cx="{x:.1f}" cy="{y + 70:.1f}" r="{r:.1f}" fill="{fill}" stroke="#fff" stroke-width="2"/>'
                    f'<text x="{x:.1f}" y="{y + 70 + r + 14:.1f}" font-size="13" fill="#111" text-anchor="middle" '
                    f'stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">'
                    f'{esc(shorten(names[href], 28))}</text></a>')
    return svg_document(width, height, title, body), len(degree) - len(nodes)


def _components(nodes: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """Connected components, largest first (ties by their smallest node)."""
    links: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        links[a].add(b)
        links[b].add(a)
    seen: set[str] = set()
    parts = []
    for node in nodes:
        if node in seen:
            continue
        part, stack = [], [node]
        seen.add(node)
        while stack:
            current = stack.pop()
            part.append(current)
            for other in sorted(links[current] - seen):
                seen.add(other)
                stack.append(other)
        parts.append(sorted(part))
    return sorted(parts, key=lambda p: (-len(p), p[0]))


def _layout(nodes: list[str], edges: list[tuple[str, str]], width: int, height: int) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own (Fruchterman-Reingold, deterministic) in its own box:
    the components of three or more share the left of the picture in proportion to their size, the
    pairs are stacked in a column on the right, so a few isolated pairs do not squash the rest."""
    parts = _components(nodes, edges)
    big = [p for p in parts if len(p) > 2]
    pairs = [p for p in parts if len(p) <= 2]
    pair_w = 300 if pairs and big else 0
    pos: dict[str, tuple[float, float]] = {}
    total = sum(len(p) for p in big) or 1
    x = 0.0
    for part in big:
        w = (width - pair_w) * len(part) / total
        pos.update(_fit(_force(part, [e for e in edges if e[0] in part]), x, 0, w, height))
        x += w
    columns = 1 if big else max(1, min(4, round(math.sqrt(len(pairs) / 3))))
    rows = max(1, math.ceil(len(pairs) / columns))
    row_h = min(70.0, height / rows)
    col_w = (pair_w or width) / columns
    for i, part in enumerate(pairs):
        cx, cy = (width - pair_w if big else 0) + col_w * (i // rows), row_h * (i % rows) + row_h / 2
        if len(part) == 1:
            pos[part[0]] = (cx + col_w / 2, cy)
        else:
            pos[part[0]], pos[part[1]] = (cx + col_w * 0.28, cy), (cx + col_w * 0.72, cy)
    return pos


def _force(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Fruchterman-Reingold from a circle: positions in about [-1, 1]."""
    n = len(nodes)
    pos = {h: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i, h in enumerate(nodes)}
    k = math.sqrt(4.0 / n)
    temperature = 0.2
    for _ in range(200 if n < 80 else 80):
        shift = {h: [0.0, 0.0] for h in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d2 = max(1e-4, dx * dx + dy * dy)
                f = k * k / d2
                shift[a][0] += dx * f
                shift[a][1] += dy * f
                shift[b][0] -= dx * f
                shift[b][1] -= dy * f
        for a, b in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(1e-3, math.hypot(dx, dy))
            f = d / k
            shift[a][0] -= dx * f
            shift[a][1] -= dy * f
            shift[b][0] += dx * f
            shift[b][1] += dy * f
        for h in nodes:
            sx, sy = shift[h][0] - 0.05 * pos[h][0], shift[h][1] - 0.05 * pos[h][1]  # gravity
            d = max(1e-9, math.hypot(sx, sy))
            step = min(d, temperature)
            pos[h][0] += sx / d * step
            pos[h][1] += sy / d * step
        temperature *= 0.98
    return pos


def _fit(pos: dict[str, list[float]], x: float, y: float, w: float, h: float) -> dict[str, tuple[float, float]]:
    """Positions turned so their long axis lies along the box's long side, scaled into the box (same scale on
    both axes, centred, room for labels)."""
    keys = sorted(pos)
    mx_, my_ = sum(pos[k][0] for k in keys) / len(keys), sum(pos[k][1] for k in keys) / len(keys)
    sxx = sum((pos[k][0] - mx_) ** 2 for k in keys)
    syy = sum((pos[k][1] - my_) ** 2 for k in keys)
    sxy = sum((pos[k][0] - mx_) * (pos[k][1] - my_) for k in keys)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy) - (0 if w >= h else math.pi / 2)
    c, s = math.cos(-angle), math.sin(-angle)
    turned = {k: ((pos[k][0] - mx_) * c - (pos[k][1] - my_) * s, (pos[k][0] - mx_) * s + (pos[k][1] - my_) * c)
              for k in keys}
    xs, ys = [p[0] for p in turned.values()], [p[1] for p in turned.values()]
    mx, my = 90.0, 30.0
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min((w - 2 * mx) / span_x if span_x > 1e-9 else 1e9, (h - 2 * my) / span_y if span_y > 1e-9 else 1e9)
    scale = 1.0 if scale >= 1e9 else scale
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {k: (x + w / 2 + (p[0] - cx) * scale, y + h / 2 + (p[1] - cy) * scale) for k, p in turned.items()}


def _declutter(pos: dict[str, tuple[float, float]], names: dict[str, str], height: float) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose labels would overlap (vertically, a few rounds), keeping them in the box."""
    out = {k: list(v) for k, v in pos.items()}
    keys = sorted(out)
    for _ in range(40):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                wa, wb = 7.5 * len(names[a]) + 10, 7.5 * len(names[b]) + 10
                dx, dy = out[a][0] - out[b][0], out[a][1] - out[b][1]
                if abs(dx) < (wa + wb) / 2 and abs(dy) < 34:
                    push = (34 - abs(dy)) / 2 + 0.5
                    sign = 1 if (dy, a) > (0, b) else -1
                    out[a][1] += sign * push
                    out[b][1] -= sign * push
                    moved = True
        for k in keys:
            out[k][1] = min(max(out[k][1], 20.0), height - 30.0)
        if not moved:
            break
    return {k: (v[0], v[1]) for k, v in out.items()}
