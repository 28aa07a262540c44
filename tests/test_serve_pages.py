"""``kg serve``'s pages, in process (Starlette's TestClient): every kind of page, escaping of hostile
article text, evidence highlights that match their facts' sentences, stored-query pages whose CSV and
JSON are the rows of ``kg query``, and a store rebuilt while the app runs."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.ids import article_iri
from kg.iris import ID_BASE

HOSTILE = "inv-summons"  # its title holds <script>, its text an <img src=http://...>


def _status(response: Any, code: int = 200) -> str:
    assert response.status_code == code, response.text[:2000]
    return response.text


def test_serve_pages_home_counts_and_latest(serve_client: Any, serve_graph: Path) -> None:
    page = _status(serve_client.get("/"))
    store = ox.Store.read_only(str(serve_graph))
    persons = len({q.subject for q in store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("https://w3id.org/kg-diplomacy/ontology#Person"))})
    cards = {word: n for n, word in re.findall(r'<div class="n">(\d+)</div><div>(?:<a [^>]*>)?(\w+)', page)}
    assert cards["articles"] == "6" and cards["persons"] == str(persons)
    assert 'status-cancelled">cancelled</span></a> 2' in page  # Blinken's and Okafor's trips
    assert 'href="/id/article/inv-roe-done"' in page and 'action="/search"' in page


def test_serve_pages_escape_hostile_text(serve_client: Any) -> None:
    for url in ("/", f"/id/article/{HOSTILE}", "/search?q=Envoy", "/queries/summons"):
        page = _status(serve_client.get(url))
        assert "<script" not in page and "<img" not in page, url
    article = serve_client.get(f"/id/article/{HOSTILE}").text
    assert "&lt;script&gt;alert(" in article and "&lt;img src=&#34;http://evil.example/x.png&#34;&gt;" in article
    search = serve_client.get("/search", params={"q": '"><script>x</script>'}).text
    assert "<script>x" not in search and "&lt;script&gt;x" in search


def test_serve_pages_send_a_policy_that_keeps_the_browser_in_the_app(serve_client: Any) -> None:
    response = serve_client.get("/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r'(?:src|href|action)="(?:https?:)?//', response.text)


def _marks(page: str) -> dict[str, str]:
    """Fact IRI -> the plain text of the highlight that lists it."""
    found = {}
    for facts, inner in re.findall(r'<mark id="[^"]+" class="evidence" data-facts="([^"]*)">(.*?)</mark>', page, re.DOTALL):
        text = html.unescape(re.sub(r"<[^>]+>", "", inner))
        for fact in facts.split():
            found[fact] = text
    return found


@pytest.mark.parametrize("article", ["inv-okafor-off", "inv-roe-done", "000_0782718dd1f801d9", HOSTILE])
def test_serve_article_highlights_each_facts_sentence(serve_client: Any, serve_graph: Path, article: str) -> None:
    page = _status(serve_client.get(f"/id/article/{article}"))
    marks = _marks(page)
    store = ox.Store.read_only(str(serve_graph))
    rows = store.query("""PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
        SELECT ?a ?fact ?sentence WHERE { GRAPH ?g { ?fact dip:evidence ?ev . ?ev dip:article ?a ; dip:sentence ?sentence .
        { ?fact a dip:Tenure } UNION { ?fact dip:status ?s } } }""", use_default_graph_as_union=True,
        substitutions={ox.Variable("a"): ox.NamedNode(article_iri(article))})
    expected = {r["fact"].value: r["sentence"].value for r in rows}
    assert expected, article
    for fact, sentence in expected.items():
        assert fact in marks, f"no highlight for {fact}"
        assert sentence in marks[fact]  # the highlight is the sentence (or overlapping sentences joined)
        if marks[fact] != sentence:
            assert sum(1 for s in expected.values() if s in marks[fact]) > 1
    facts_listed = set(re.findall(r'data-fact="([^"]+)"', page))
    assert facts_listed == set(expected)


def test_serve_article_shows_status_date_source_and_cause(serve_client: Any) -> None:
    page = _status(serve_client.get("/id/article/inv-okafor-off"))
    assert "cause: protests broke out in Accra" in page
    assert 'status-postponed">postponed' in page and 'status-cancelled">cancelled' in page
    assert 'says so: <a href="/id/person/kofi-mensah">Kofi Mensah</a>' in page
    page = _status(serve_client.get("/id/article/inv-roe-plan"))
    assert "<time>2021-03-08</time>" in page and "“Monday”" in page


def test_serve_person_page_offices_events_and_who_they_met(serve_client: Any) -> None:
    page = _status(serve_client.get("/id/person/jane-roe"))
    assert "<h1>Jane Roe" in page and "Foreign Minister" in page and 'href="/id/country/FR"' in page
    assert 'href="/id/person/max-mustermann">Max Mustermann</a> <small class="muted">2 meeting(s)' in page
    assert page.count("<svg") == 2  # the timeline and the network
    assert 'href="/id/article/inv-roe-plan"' in page and 'href="/id/article/inv-roe-done"' in page


def test_serve_country_page_who_came_who_went_summons(serve_client: Any) -> None:
    page = _status(serve_client.get("/id/country/DE"))
    came = page.split("Who came", 1)[1].split("Who went", 1)[0]
    assert "Jane Roe" in came and "status-occurred" in came and "status-planned" in came
    page = _status(serve_client.get("/id/country/FR"))
    went = page.split("Who went", 1)[1].split("Summons", 1)[0]
    assert "Jane Roe" in went and "Germany" in went
    page = _status(serve_client.get("/id/country/AR"))
    tensions = page.split("Summons, recalls and expulsions", 1)[1]
    assert ">Summons</a>" in tensions and ">Recall</a>" in tensions and "Lucas Ferreyra" in tensions


def test_serve_event_page_status_across_articles(serve_client: Any, serve_graph: Path) -> None:
    store = ox.Store.read_only(str(serve_graph))
    planned = next(iter(store.query("""PREFIX dip: <https://w3id.org/kg-diplomacy/ontology#>
        SELECT ?e WHERE { GRAPH ?g { ?e a dip:Visit ; dip:status dip:planned ; dip:traveler ?p .
        ?p dip:name "Jane Roe" } }""", use_default_graph_as_union=True)))["e"].value
    page = _status(serve_client.get("/id/" + planned[len(ID_BASE):]))
    history = page.split('<ol class="history">', 1)[1].split("</ol>", 1)[0]
    assert history.index("planned") < history.index("occurred")  # by publication date
    assert 'href="/id/article/inv-roe-plan' in page and 'href="/id/article/inv-roe-done"' in page
    assert '<b class="anchor">visit</b>' in page


def test_serve_stored_query_page_form_table_and_exports(serve_client: Any, serve_graph: Path, runner: Any) -> None:
    from kg.cli import cli

    page = _status(serve_client.get("/queries/visits", params={"destination_country": "Germany"}))
    assert '<input id="p-destination_country" name="destination_country" value="Germany"' in page
    assert "Visits" in page and "One row per visit" in page  # title and description
    cells = re.findall(r'<td class="col-destination_country"><a href="[^"]+">([^<]*)</a>', page)
    assert cells and set(cells) == {"Germany"}
    csv_link = html.unescape(re.search(r'class="csv" href="([^"]+)"', page).group(1))
    local = runner.invoke(cli, ["query", "visits", "--param", "destination_country=Germany", "--format", "csv",
                                "--graph", str(serve_graph)])
    assert serve_client.get(csv_link).content == local.stdout_bytes
    json_link = html.unescape(re.search(r'class="json" href="([^"]+)"', page).group(1))
    local = runner.invoke(cli, ["query", "visits", "--param", "destination_country=Germany", "--format", "json",
                                "--graph", str(serve_graph)])
    assert json.loads(serve_client.get(json_link).text) == json.loads(local.stdout)
    assert "open-sparql" in page and "LCASE%28STR%28%3Fdestination_country%29%29" in page  # the filter, in the text


def test_serve_stored_query_sorts_by_a_column(serve_client: Any) -> None:
    rows = json.loads(serve_client.get("/queries/visits.json", params={"_sort": "traveler", "_desc": "1"}).text)
    travelers = [r["traveler"] for r in rows]
    assert travelers == sorted(travelers, reverse=True) and len(set(travelers)) > 2
    page = serve_client.get("/queries/visits", params={"_sort": "traveler"}).text
    assert 'class="sorted asc"' in page and "_sort=traveler&amp;_desc=1" in page


def test_serve_stored_query_unknown_parameter_lists_the_declared(serve_client: Any) -> None:
    page = _status(serve_client.get("/queries/visits", params={"country": "x"}), 400)
    assert "unknown parameter country" in page and "declared parameters: destination_country" in page
    _status(serve_client.get("/queries/nope"), 404)


def test_serve_name_links_lead_to_the_node(serve_client: Any) -> None:
    response = serve_client.get("/name", params={"n": "Jane Roe"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/id/person/jane-roe"
    response = serve_client.get("/name", params={"n": "Germany"}, follow_redirects=False)
    assert response.headers["location"] == "/id/country/DE"


def test_serve_search_finds_names_places_and_titles(serve_client: Any) -> None:
    page = _status(serve_client.get("/search", params={"q": "roe"}))
    assert 'href="/id/person/jane-roe">Jane Roe' in page and 'href="/id/article/inv-roe-plan">Roe to visit Berlin' in page
    page = _status(serve_client.get("/search", params={"q": "ghana"}))
    assert 'href="/id/country/GH">Ghana' in page


def test_serve_pictures_are_wellformed_svg_with_a_mark_per_visit(serve_client: Any, runner: Any,
                                                                 serve_graph: Path) -> None:
    from kg.cli import cli

    svg = serve_client.get("/pictures/visits.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(svg.text)
    links = [a for a in root.iter("{http://www.w3.org/2000/svg}a") if "/id/event/" in a.get("href", "")]
    visits = runner.invoke(cli, ["query", "visits", "--format", "json", "--graph", str(serve_graph)])
    assert len(links) == len({r["event"] for r in json.loads(visits.stdout)})
    tips = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title"))
    for status in ("occurred", "planned", "considered", "postponed", "cancelled"):
        assert status in tips
    network = ET.fromstring(serve_client.get("/pictures/meetings.svg").text)
    labels = {t.text for t in network.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Jane Roe", "Max Mustermann", "Qin Gang", "Nicholas Burns"} <= labels
    page = _status(serve_client.get("/pictures/visits", params={"traveler": "roe"}))
    total = len({r["event"] for r in json.loads(visits.stdout)})  # every visit of the store
    assert f"2 of {total} visits" in page and 'href="/pictures/visits.svg?traveler=roe"' in page


def test_serve_unknown_nodes_and_other_kinds(serve_client: Any) -> None:
    _status(serve_client.get("/id/person/nobody-at-all"), 404)
    response = serve_client.get("/id/time/2021-03-08", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/sparql?query=DESCRIBE")


def test_serve_sees_a_rebuild_and_answers_503_while_a_build_writes(tmp_path: Path, no_spacy: None,
                                                                   write: Any) -> None:
    from starlette.testclient import TestClient

    from kg.build import build
    from kg.serve import create_app
    from kg.store import GraphStore

    path = tmp_path / "graph"
    with GraphStore.open(path, create=True) as store:
        build([write("in/a.txt", "Title: First headline\n\nSome text.\n")], store)
    with TestClient(create_app(path, wait=0.2)) as client:
        assert "First headline" in client.get("/").text
        with GraphStore.open(path, write=True) as store:  # a build holds the store
            assert client.get("/").status_code == 503
            build([write("in/b.txt", "Title: Second headline\n\nMore text.\n")], store)
        assert "Second headline" in client.get("/").text  # reopened after the build


def test_serve_cli_refuses_a_missing_store_and_a_busy_port(runner: Any, tmp_path: Path, serve_graph: Path) -> None:
    import socket

    from kg.cli import cli

    result = runner.invoke(cli, ["serve", "--graph", str(tmp_path / "none")])
    assert result.exit_code == 5 and "no graph here" in result.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--graph", str(serve_graph), "--port", str(port)])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr


@pytest.mark.parametrize("path", ["/", "/queries/visits?destination_country=Germany", "/id/article/inv-roe-plan",
                                  "/id/person/jane-roe", "/id/country/DE", "/id/org/chinese-foreign-ministry",
                                  "/search?q=roe", "/pictures/visits", "/pictures/meetings"])
def test_serve_open_in_sparql_runs_the_pages_query(serve_client: Any, path: str) -> None:
    page = _status(serve_client.get(path))
    assert f'class="permalink" href="{html.escape(path)}"' in page
    link = html.unescape(re.search(r'class="open-sparql" href="([^"]+)"', page).group(1))
    assert link.startswith("/sparql?query=")
    answer = serve_client.get(link, headers={"accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    assert json.loads(answer.text)["results"]["bindings"], f"the query behind {path} finds nothing"


def test_serve_article_with_an_odd_id(tmp_path: Path, no_spacy: None, write: Any) -> None:
    from starlette.testclient import TestClient

    from kg.build import build
    from kg.serve import create_app
    from kg.store import GraphStore

    odd = 'odd/id ü<x>&"q"'
    feed = write("in/odd.jsonl", json.dumps({"id": odd, "title": "Odd <id>", "text": "Some text."}) + "\n")
    with GraphStore.open(tmp_path / "graph", create=True) as store:
        build([feed], store)
    with TestClient(create_app(tmp_path / "graph")) as client:
        home = client.get("/").text
        link = html.unescape(re.search(r'<li><a href="([^"]+)">Odd &lt;id&gt;</a>', home).group(1))
        assert link == "/id/article/odd%2Fid%20%C3%BC%3Cx%3E%26%22q%22"
        page = _status(client.get(link))
        assert "<h1>Odd &lt;id&gt;</h1>" in page and "Article <code>odd/id ü&lt;x&gt;&amp;&#34;q&#34;</code>" in page


def test_serve_package_data_ships_every_template_and_static_file() -> None:
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parents[1]
    patterns = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["kg.serve"]
    package = root / "src" / "kg" / "serve"
    files = [f.relative_to(package).as_posix() for folder in ("templates", "static")
             for f in (package / folder).rglob("*") if f.is_file()]
    assert len(files) > 10
    assert [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)] == []


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_serve_stops_on_ctrl_c_or_term_with_exit_0(serve_graph: Path, signal_name: str) -> None:
    import signal
    import subprocess
    import sys
    import urllib.request

    process = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph",  # noqa: S603
                                str(serve_graph), "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        url = process.stderr.readline().split("kg serve: ", 1)[1].split()[0]
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            assert response.status == 200
        process.send_signal(getattr(signal, signal_name))
        assert process.wait(timeout=20) == 0
        assert process.stderr.read().strip().endswith("kg serve: stopped")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
