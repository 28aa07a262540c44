"""Screenshots of each kind of `kg serve` page, for the README (docs/screenshots/*.png).

    .venv/bin/python docs/screenshots.py            # ~1 min: build, serve, shoot, stop

The store is built from seeds/, tests/data/serve_articles.jsonl and 40 invented articles made here (a small cast of invented people of
real countries, template sentences; nothing from a corpus), so the pictures have something to show.
Needs Debian's chromium (as the browser tests).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CAST = [("Jane Roe", "French", "France", "Paris", "Foreign Minister"),
        ("Max Mustermann", "German", "Germany", "Berlin", "Chancellor"),
        ("Amara Okafor", "Kenyan", "Kenya", "Nairobi", "President"),
        ("Kenji Sato", "Japanese", "Japan", "Tokyo", "Prime Minister"),
        ("Paulo Tavares", "Brazilian", "Brazil", "Brasilia", "President"),
        ("Ingrid Halvorsen", "Norwegian", "Norway", "Oslo", "Foreign Minister"),
        ("Omar Haddad", "Egyptian", "Egypt", "Cairo", "Foreign Minister"),
        ("Priya Raman", "Indian", "India", "New Delhi", "External Affairs Minister"),
        ("Tomasz Nowicki", "Polish", "Poland", "Warsaw", "Prime Minister"),
        ("Lucia Ferrer", "Spanish", "Spain", "Madrid", "Foreign Minister")]
TEMPLATES = [
    ("{t1} {a} to visit {c2}", "{n1} {t1} {a} will visit {c2} next week, the ministry said on {day}. {a_last} is "
     "expected to meet {n2} {t2} {b} in {city2} to discuss trade and energy."),
    ("{a} and {b} meet in {city1}", "{n2} {t2} {b} met {n1} {t1} {a} in {city1} on {day}. The two sides agreed "
     "to continue the talks, officials said."),
    ("{a} calls off {c2} trip", "{n1} {t1} {a} called off a planned trip to {c2} after protests broke out in "
     "{city2}, according to the ministry."),
    ("{b} arrives in {city1}", "{n2} {t2} {b} arrived in {c1} on {day} for a two-day visit. {b_last} met "
     "{n1} {t1} {a} in {city1}, officials said."),
    ("{a} may travel to {c2}", "{n1} {t1} {a} is considering a visit to {c2} later this year, diplomats said. "
     "No date has been set."),
    ("{a}'s visit to {c2} postponed", "{n1} {t1} {a} postponed a visit to {c2} planned for {day} because of a "
     "storm, the ministry said."),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PAGES = [("home", "/"), ("query", "/queries/visits?destination_country=Brazil"),
         ("article", "/id/article/demo-07"), ("person", "/id/person/jane-roe"),
         ("country", "/id/country/DE"), ("event", None), ("timeline", "/pictures/visits"),
         ("network", "/pictures/meetings"), ("sparql", None)]


def articles(n: int = 40) -> list[dict[str, str]]:
    rng = random.Random(12)
    out = []
    day = date(2021, 1, 11)
    for i in range(n):
        a, b = rng.sample(CAST, 2)
        title, text = TEMPLATES[i % len(TEMPLATES)] if i < 12 else rng.choice(TEMPLATES)
        fields = {"a": a[0], "a_last": a[0].split()[-1], "n1": a[1], "c1": a[2], "city1": a[3], "t1": a[4],
                  "b": b[0], "b_last": b[0].split()[-1], "n2": b[1], "c2": b[2], "city2": b[3], "t2": b[4],
                  "day": rng.choice(DAYS)}
        out.append({"id": f"demo-{i:02d}", "title": title.format(**fields), "date": day.isoformat(),
                    "text": text.format(**fields)})
        day += timedelta(days=rng.randint(4, 16))
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        feed = Path(tmp) / "demo.jsonl"
        feed.write_text("".join(json.dumps(a) + "\n" for a in articles()), encoding="utf-8")
        graph = Path(tmp) / "graph"
        subprocess.run([*kg, "build", str(ROOT / "seeds"), str(ROOT / "tests" / "data" / "serve_articles.jsonl"), str(feed),
                        "--graph", str(graph)], check=True)
        server = subprocess.Popen([*kg, "serve", "--graph", str(graph), "--port", "0"], stderr=subprocess.PIPE,
                                  text=True)
        try:
            base = server.stderr.readline().split("kg serve: ", 1)[1].split()[0].rstrip("/")
            OUT.mkdir(parents=True, exist_ok=True)
            with sync_playwright() as driver:
                context = driver.chromium.launch_persistent_context(
                    str(Path(tmp) / "profile"), executable_path="/usr/bin/chromium", headless=True,
                    viewport={"width": 1366, "height": 860}, args=["--no-sandbox", "--disable-gpu",
                                                                   "--disable-quic", "--no-first-run",
                                                                   "--disable-background-networking",
                                                                   "--disable-component-update", "--disable-sync"])
                page = context.new_page()
                for name, path in PAGES:
                    if name == "event":  # a visit reported as planned, then as done, by two articles
                        page.goto(base + "/id/article/inv-roe-plan")
                        path = page.locator("aside.facts a.kind", has_text="Visit").first.get_attribute("href")
                    if name == "sparql":
                        page.goto(base + "/queries/meetings")
                        path = page.locator("a.open-sparql").get_attribute("href")
                    page.goto(base + path)
                    page.screenshot(path=str(OUT / f"{name}.png"), full_page=name not in ("home",))
                    print(f"docs/screenshots/{name}.png  <- {path}")
                context.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
