"""``kg serve`` in a real headless Chromium (Debian's ``chromium``, driven by Playwright): each kind of
page loads with no script error and no blocked or outside request, a stored-query form is submitted
with a parameter, a name link is followed, and each fact's "evidence" link lands on a highlight whose
text is the fact's sentence. Every request the browser makes is recorded; any request to another
origin is aborted and fails the test.

Skipped only when no chromium binary exists (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (Debian: apt-get install chromium; "
                                                         ".ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Browser:
    """A page plus everything the browser asked for, was refused, or complained about."""

    def __init__(self, context: Any, base: str) -> None:
        self.base = base.rstrip("/")
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.problems: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url == self.base or url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def check_clean(self) -> None:
        assert self.outside == [], f"requests left the app: {self.outside}"
        assert all(u.startswith(self.base + "/") for u in self.requests), self.requests
        assert self.problems == [], self.problems


@pytest.fixture(scope="module")
def browser(serve_url: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver, tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1366, "height": 900})
        try:
            yield Browser(context, serve_url)
        finally:
            context.close()


PAGES = {  # path -> text the page must show
    "/": "Diplomacy news graph",
    "/queries": "Stored queries",
    "/queries/visits": "Visits",
    "/id/article/inv-okafor-off": "Okafor calls off trip to Ghana",
    "/id/article/inv-summons": "<script>alert('title')</script> Envoy summoned",
    "/id/person/jane-roe": "Jane Roe",
    "/id/country/DE": "Germany",
    "/id/org/chinese-foreign-ministry": "Chinese Foreign Ministry",
    "/pictures/visits": "Visits by date, coloured by status",
    "/pictures/meetings": "Who met whom",
    "/search?q=roe": "Search",
    "/sparql": "SPARQL",
}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_browser_loads_each_kind_of_page(browser: Browser, path: str) -> None:
    browser.open(path)
    assert PAGES[path] in browser.page.inner_text("h1")
    assert browser.page.locator("a.permalink").count() == 1
    browser.page.wait_for_load_state("load")
    browser.check_clean()


def test_browser_loads_an_event_page_from_an_article(browser: Browser) -> None:
    browser.open("/id/article/inv-roe-plan")
    browser.page.locator("aside.facts a.kind", has_text="Visit").first.click()
    browser.page.wait_for_url("**/id/event/**")
    assert "Status across articles" in browser.page.inner_text("main")
    assert browser.page.locator("ol.history li").count() == 2
    browser.check_clean()


def test_browser_submits_a_stored_query_form_with_a_parameter(browser: Browser, serve_graph: Path) -> None:
    from kg.queries import find_query, run_query

    browser.open("/queries/visits")
    browser.page.fill("#p-destination_country", "Germany")
    browser.page.click("form.params button[type=submit]")
    browser.page.wait_for_url("**destination_country=Germany**")
    cells = browser.page.locator("td.col-destination_country").all_inner_texts()
    expected = run_query(serve_graph, find_query("visits"), {"destination_country": "Germany"}, timeout=30)
    assert cells == ["Germany"] * len(expected.rows) and len(cells) == 2
    browser.page.click("th a:text-is('traveler')")  # sort by a column (a link: no script needed)
    browser.page.wait_for_url("**_sort=traveler**")
    browser.check_clean()


def test_browser_follows_a_name_link(browser: Browser) -> None:
    browser.open("/id/article/inv-roe-done")
    browser.page.locator("aside.facts a", has_text="Max Mustermann").first.click()
    browser.page.wait_for_url("**/id/person/max-mustermann")
    assert browser.page.inner_text("h1").startswith("Max Mustermann")
    browser.page.locator("table.results a", has_text="Germany").first.click()  # his office: on to a country
    browser.page.wait_for_url("**/id/country/DE")
    browser.open("/queries/meetings")  # a name in a stored query's table
    browser.page.locator("td.col-participant a", has_text="Qin Gang").first.click()
    browser.page.wait_for_url("**/id/person/qin-gang")
    browser.check_clean()


@pytest.mark.parametrize("article", ["inv-okafor-off", "000_0782718dd1f801d9"])
def test_browser_evidence_highlight_is_the_facts_sentence(browser: Browser, serve_graph: Path,
                                                          article: str) -> None:
    from kg.ids import article_iri

    store = ox.Store.read_only(str(serve_graph))
    sentences = {r["fact"].value: r["sentence"].value for r in store.query(
        """PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
        SELECT ?a ?fact ?sentence WHERE { GRAPH ?g { ?fact dip:status ?s ; dip:evidence ?ev .
        ?ev dip:article ?a ; dip:sentence ?sentence } }""", use_default_graph_as_union=True,
        substitutions={ox.Variable("a"): ox.NamedNode(article_iri(article))})}
    browser.open(f"/id/article/{article}")
    facts = browser.page.locator("aside.facts div.fact:not(.office)")
    assert facts.count() == len(sentences) > 0
    for n in range(facts.count()):
        fact = facts.nth(n)
        fact.locator("a.to-evidence").click()
        target = browser.page.locator("mark.evidence:target")
        assert target.count() == 1
        # the highlight's text as the browser renders it is the sentence of the fact
        assert target.text_content() == sentences[fact.get_attribute("data-fact")]
        assert fact.get_attribute("data-fact") in target.get_attribute("data-facts").split()
    browser.check_clean()


def test_browser_hostile_article_runs_nothing_and_fetches_nothing(browser: Browser) -> None:
    browser.open("/id/article/inv-summons")
    text = browser.page.inner_text("article.text")
    assert '<img src="http://evil.example/x.png">' in text  # shown as text
    assert browser.page.locator("article.text img").count() == 0
    browser.check_clean()
