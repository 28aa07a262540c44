"""Every fixture of the test suite (no fixtures in test modules)."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.model import Article, Extraction

ARTICLE_A = "date 2021-03-02\nFrench Foreign Minister Jane Roe will visit Germany next week.\n"
ARTICLE_B = "date 2021-03-04\nGerman Chancellor Max Mustermann met Jane Roe in Berlin on Monday.\n"
ARTICLE_C = (
    '{"id": "c1", "title": "Roe in Paris", "text": "Jane Roe returned to Paris.", '
    '"date": "2021-03-05", "url": "https://example.org/c1", "meta": {"source": "wire"}}\n'
    '{"id": "c2", "text": "Max Mustermann said talks would continue.", "date": null}\n'
)


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (loaded once per test session)."""
    from kg.nlp import load

    return load()


# invented: one person named in full and by surname, a trip at three stages, meetings in two articles
REMOTE_ARTICLES = {
    "roe1.txt": "date 2021-03-01\nFrench Foreign Minister Jane Roe may visit Japan next month.\n",
    "roe2.txt": "date 2021-04-02\nFrench Foreign Minister Jane Roe arrived in Tokyo on Friday.\n",
    "roe3.txt": "date 2021-04-20\nJane Roe's planned visit to Japan was cancelled, the ministry said.\n",
    "roe4.txt": "date 2021-05-11\nForeign Minister Roe met German Chancellor Zoë Ångström on Monday.\n",
    "zoe.txt": ('date 2021-05-03\nGerman Chancellor Zoë Ångström met Jane Roe in Berlin on Monday. '
                '"We agree on “most” things," Ångström said.\n'),
}


@pytest.fixture(scope="module")
def remote_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and :data:`REMOTE_ARTICLES` built once per module with the real pipeline (read-only:
    copy it before changing it)."""
    from kg.build import build
    from kg.store import GraphStore

    folder = tmp_path_factory.mktemp("remote-in")
    for name, text in REMOTE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("remote-store") / "graph"
    with GraphStore.open(path, create=True) as store:
        summary = build([Path(__file__).resolve().parents[1] / "seeds", folder], store)
    assert summary.articles == len(REMOTE_ARTICLES) + 1, summary.line()
    return path


@pytest.fixture
def graph_path(tmp_path: Path) -> Path:
    """Where a test's store lives (not created)."""
    return tmp_path / "store" / "graph"


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """``write("in/a.txt", "text")`` -> the path, under the test's tmp folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A folder with two short .txt articles, ``a`` and ``b``."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


@pytest.fixture
def jsonl_file(tmp_path: Path) -> Path:
    """Two JSONL articles, ``c1`` (title, url, an ignored ``meta`` key) and ``c2``."""
    path = tmp_path / "more.jsonl"
    path.write_text(ARTICLE_C, encoding="utf-8")
    return path


class FakeReport:
    def __init__(self, conforms: bool, lines: list[str]) -> None:
        self.conforms = conforms
        self._lines = lines

    @property
    def violations(self) -> tuple[str, ...]:
        return tuple(self._lines)

    def lines(self) -> list[str]:
        return list(self._lines)


def _fake_extract_many(articles: Any, *, n_process: int = 1, batch_size: int = 64) -> Iterator[Extraction]:
    for article in articles:
        yield Extraction(article=article)


def failing_extract(bad_id: str, message: str) -> Callable[..., Iterator[Extraction]]:
    """An extraction stream (as :func:`_fake_extract_many`) that raises ``ValueError(message)`` on ``bad_id``: a bug."""
    def failing(articles: Any, **options: Any) -> Iterator[Extraction]:
        for extraction in _fake_extract_many(articles):
            if extraction.article.id == bad_id:
                raise ValueError(message)
            yield extraction

    return failing


@pytest.fixture
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build with an extractor that finds nothing (real mapping and SHACL, no spaCy)."""
    import kg.build
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    monkeypatch.setattr(kg.build, "_stages", lambda: (_fake_extract_many, to_graph, validate_graph))


@pytest.fixture
def reject_ids(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``reject_ids("b")``: SHACL (faked) rejects those articles, accepts the others."""
    import kg.build
    import kg.validate
    from kg.mapping import to_graph
    from kg.vocab import DIP

    real = kg.validate.validate_graph

    def install(*ids: str) -> None:
        def validate(graph: Any) -> Any:
            article_ids = {str(o) for o in graph.objects(None, DIP.articleId)}
            if article_ids & set(ids):
                return FakeReport(False, ["id:article/x: dip:title: fake violation"])
            return real(graph)

        monkeypatch.setattr(kg.build, "_stages", lambda: (_fake_extract_many, to_graph, validate))
        monkeypatch.setattr(kg.validate, "validate_graph", validate)

    return install


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner with stderr kept apart; KG_GRAPH unset and a short lock wait."""
    monkeypatch.delenv("KG_GRAPH", raising=False)
    monkeypatch.delenv("KG_DEBUG", raising=False)
    monkeypatch.setenv("KG_LOCK_WAIT", "0.2")
    return CliRunner()


@pytest.fixture
def fake_evaluate(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, set[str]]]:
    """Replace kg.evaluate with a recorder (the real module is tested on its own)."""
    calls: list[tuple[Path, set[str]]] = []

    class Report:
        def render(self, errors: bool) -> str:
            return f"F1 1.000 (errors={errors})"

    def evaluate(gold_dir: Path, store: Any, article_ids: set[str], hard_negatives: set[str] = frozenset(),
                 half: str | None = None) -> Report:
        calls.append((gold_dir, set(article_ids)) + ((set(hard_negatives),) if hard_negatives else ()))
        return Report()

    module = types.ModuleType("kg.evaluate")
    module.evaluate = evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kg.evaluate", module)
    return calls


@pytest.fixture(scope="session")
def spacy_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of a tiny folder with the real pipeline (spaCy loads once per session)."""
    from kg.build import build
    from kg.store import GraphStore

    folder = tmp_path_factory.mktemp("spacy-in")
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    path = tmp_path_factory.mktemp("spacy-store") / "graph"
    with GraphStore.open(path, create=True) as store:
        summary = build([folder], store)
    assert summary.articles + len(summary.rejected) == 2
    return path


@pytest.fixture
def article_graph() -> Callable[..., Any]:
    """``article_graph("a", "text")`` -> the rdflib graph kg.mapping makes of an empty extraction."""
    from kg.mapping import to_graph

    def make(article_id: str, text: str = "Jane Roe will visit Germany.") -> Any:
        return to_graph(Extraction(article=Article(id=article_id, text=text)))

    return make


def _oxigraph_binary() -> str | None:
    import shutil

    found = shutil.which("oxigraph")
    if found:
        return found
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else None


def _start_oxigraph(binary: str, location: Path, union: bool) -> tuple[Any, str, Any]:
    """Start ``oxigraph serve`` on a free loopback port; (process, base URL, log file)."""
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (location.parent / f"{location.name}.log").open("wb")
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command + (["--union-default-graph"] if union else []),  # noqa: S603
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {process.returncode}; log: {log.name}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):  # noqa: S310
                return process, url, log
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"oxigraph serve did not answer on {url} within 15 s; log: {log.name}")
            time.sleep(0.05)


def _stop(process: Any, log: Any) -> None:
    import subprocess

    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """``oxigraph(union=False)`` starts a real Oxigraph server (``oxigraph serve``) on a free loopback
    port and returns its base URL; ``union=True`` makes its default graph the union of its named graphs
    (``--union-default-graph``). Every server is stopped by its PID at teardown. Skipped only if the
    ``oxigraph`` binary is absent (it is in requirements/test.lock)."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph; in test.lock)")
    started: list[tuple[Any, Any]] = []

    def start(union: bool = False) -> str:
        process, url, log = _start_oxigraph(binary, tmp_path_factory.mktemp("oxigraph-server"), union)
        started.append((process, log))
        return url

    try:
        yield start
    finally:
        for process, log in started:
            _stop(process, log)


@pytest.fixture(scope="module")
def oxigraph_server(oxigraph: Callable[..., str]) -> str:
    """One Oxigraph server whose default graph is the union of its named graphs; its base URL."""
    return oxigraph(union=True)


@pytest.fixture
def auth_endpoint() -> Callable[..., Any]:
    """``with auth_endpoint("digest", "alice", "pw") as (url, seen):`` a loopback SPARQL endpoint (POST
    ``/query``, answered by pyoxigraph over one triple) that refuses every request whose Basic or
    Digest (RFC 7616, MD5, qop=auth) credentials are not exactly these; ``seen`` collects the
    Authorization headers it received. ``tls=(certificate, key)`` serves https."""
    import base64
    import hashlib
    import http.server
    import re
    import threading
    import urllib.parse
    from contextlib import contextmanager

    import pyoxigraph as ox

    data = ox.Store()
    data.update("INSERT DATA { <http://example.org/a> <http://example.org/p> \"x\" }")

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - the digest scheme's hash

    @contextmanager
    def serve(scheme: str, user: str, password: str,
              tls: tuple[Path, Path] | None = None) -> Iterator[tuple[str, list[str | None]]]:
        seen: list[str | None] = []
        nonce, realm = "kg-test-nonce", "kg"

        def authorised(header: str | None, method: str, uri: str) -> bool:
            if not header:
                return False
            if scheme == "basic":
                return header == "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
            fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest "):])) if header.startswith("Digest ") else {}
            if fields.get("username") != user or fields.get("nonce") != nonce or fields.get("uri") != uri:
                return False
            ha1, ha2 = md5(f"{user}:{realm}:{password}"), md5(f"{method}:{uri}")
            expected = md5(f"{ha1}:{nonce}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
            return fields.get("response") == expected

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                header = self.headers.get("Authorization")
                seen.append(header)
                if not authorised(header, "POST", self.path):
                    self.send_response(401)
                    challenge = (f'Basic realm="{realm}"' if scheme == "basic" else
                                 f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm=MD5')
                    self.send_header("WWW-Authenticate", challenge)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                text = urllib.parse.parse_qs(body.decode())["query"][0]
                answer = data.query(text).serialize(format=ox.QueryResultsFormat.JSON)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        if tls is not None:  # (certificate, key): https
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            server.socket = context.wrap_socket(server.socket, server_side=True)
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        try:
            yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}/query", seen
        finally:
            server.shutdown()
            server.server_close()

    return serve


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (made with the openssl command)."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),  # noqa: S603, S607
                    "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True, timeout=60)
    return cert, key


# ------------------------------------------------------------------------------------ kg serve

SERVE_ARTICLES = Path(__file__).parent / "data" / "serve_articles.jsonl"


@pytest.fixture(scope="session")
def serve_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built with the real pipeline from ``seeds/`` and the invented articles of
    ``tests/data/serve_articles.jsonl`` (several articles, one with a hostile title and text)."""
    from kg.build import build
    from kg.store import GraphStore

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    path = tmp_path_factory.mktemp("serve-store") / "graph"
    with GraphStore.open(path, create=True) as store:
        summary = build([seeds, SERVE_ARTICLES], store)
    assert summary.ok and summary.articles == 6, summary.line()
    return path


@pytest.fixture(scope="session")
def serve_client(serve_graph: Path) -> Iterator[Any]:
    """Starlette's TestClient (httpx, in process) over the workbench on ``serve_graph``."""
    from starlette.testclient import TestClient

    from kg.serve import create_app

    with TestClient(create_app(serve_graph, timeout=30.0)) as client:
        yield client


@pytest.fixture(scope="session")
def serve_url(serve_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``kg serve --port 0`` in a child process; yields its base URL (``http://127.0.0.1:N/``).
    Stopped by its PID at teardown."""
    import subprocess
    import time

    log_path = tmp_path_factory.mktemp("serve-log") / "serve.log"
    log = log_path.open("w+b")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph", str(serve_graph),
         "--port", "0", "--timeout", "20"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        url = None
        while url is None:
            if process.poll() is not None:
                pytest.fail(f"kg serve exited with {process.returncode}: {log_path.read_text()}")
            text = log_path.read_text()
            if "kg serve: " in text:
                url = text.split("kg serve: ", 1)[1].split()[0]
            elif time.monotonic() > deadline:
                pytest.fail(f"kg serve did not start within 30 s: {text}")
            else:
                time.sleep(0.05)
        yield url
    finally:
        _stop(process, log)

# -- Dask cluster (tests/test_cluster.py) ----------------------------------------------------------

def cluster_stages(*, kill_once: str | None = None, kill_always: str | None = None,
                   fail: str | None = None, marker: str | None = None) -> tuple[Any, Any, Any]:
    """The real pipeline stages, run on Dask workers (pickled by reference: conftest is importable
    there), with faults: the worker process SIGKILLs itself when the extraction of ``kill_once``
    comes out and ``marker`` does not exist yet (it creates it first: the task run again elsewhere
    goes through), or every time for ``kill_always``; the extractor raises for ``fail`` (a bug)."""
    import os
    import signal

    from kg.extract import extract_many
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    def watched(articles: Any, **options: Any) -> Iterator[Any]:
        for item in extract_many(articles, keep_going=True, **options):
            article_id = item.article.id
            if article_id == kill_always:
                os.kill(os.getpid(), signal.SIGKILL)
            if article_id == kill_once and marker is not None and not os.path.exists(marker):
                Path(marker).write_text(str(os.getpid()), encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
            if article_id == fail:
                raise ValueError("extractor bug")
            yield item

    return watched, to_graph, validate_graph


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A real dask.distributed scheduler on the loopback with two worker processes (nannies: a killed
    worker is restarted), one thread each; yields its tcp:// address. A task whose workers die twice
    is given up (allowed-failures 1, the default is 3), so a poison article costs six restarts (its batch
    twice, then twice alone, twice)."""
    import dask
    import distributed

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                           dashboard_address="127.0.0.1:0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def fake_stages() -> tuple[Any, Any, Any]:
    """Stages with an extractor that finds nothing (real mapping and SHACL): picklable by reference."""
    from kg.mapping import to_graph
    from kg.validate import validate_graph

    return _fake_extract_many, to_graph, validate_graph


def slow_stages(delay: float) -> tuple[Any, Any, Any]:
    """:func:`fake_stages` taking ``delay`` seconds per article (a build that lasts)."""
    import time

    extract, to_graph, validate = fake_stages()

    def slow(articles: Any, **options: Any) -> Iterator[Any]:
        started = os.environ.get("KG_TEST_STARTED")  # a file to touch once work is under way (a worker's env)
        for item in extract(articles, **options):
            time.sleep(delay)
            if started:
                Path(started).touch()
            yield item

    return slow, to_graph, validate
