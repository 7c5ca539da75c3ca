"""Fetching sources from a real HTTP server on 127.0.0.1: every failure is a recorded status."""

from __future__ import annotations

import asyncio
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.fetch import FetchPolicy, FetchRequest, fetch_all, read_local

PAGE = b"<html><body><p>NATO expelled eight members of the Russian mission.</p></body></html>"
ETAG = '"v1"'


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        route = self.path
        if route == "/robots.txt":
            return self.reply(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if route == "/page":
            if self.headers.get("If-None-Match") == ETAG:
                return self.reply(304, "text/html", b"")
            return self.reply(200, "text/html; charset=utf-8", PAGE, {"ETag": ETAG})
        if route == "/text":
            return self.reply(200, "text/plain", b"Plain text source.")
        if route == "/missing":
            return self.reply(404, "text/plain", b"no")
        if route == "/broken":
            return self.reply(500, "text/plain", b"oops")
        if route == "/flaky":
            if Handler.hits[route] < 2:
                return self.reply(503, "text/plain", b"busy")
            return self.reply(200, "text/html", PAGE)
        if route == "/slow":
            time.sleep(1.5)
            return self.reply(200, "text/html", PAGE)
        if route == "/loop":
            return self.reply(302, "text/plain", b"", {"Location": "/loop"})
        if route == "/big":
            return self.reply(200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")
        if route == "/json":
            return self.reply(200, "application/json", b"{}")
        if route == "/paper.pdf":
            return self.reply(200, "application/pdf", b"%PDF-1.4")
        if route == "/private/page":
            return self.reply(200, "text/html", PAGE)
        return self.reply(404, "text/plain", b"no")

    def reply(self, status, ctype, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


LOOPBACK = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), timeout=0.5, backoff=(0.05,), max_bytes=4096)


def fetch(url, policy=LOOPBACK, **kwargs):
    return asyncio.run(fetch_all([FetchRequest(url, **kwargs)], policy))[0]


def test_a_page_is_fetched_with_its_validators(base):
    got = fetch(f"{base}/page")
    assert got.ok and got.status == 200 and got.body == PAGE and got.etag == ETAG and got.content_hash


def test_a_known_etag_gets_304_and_keeps_the_snapshot(base):
    got = fetch(f"{base}/page", etag=ETAG)
    assert got.ok and got.status == 304 and got.not_modified and got.body is None


FAILURES = [
    pytest.param("/missing", "HTTP 404", id="404"),
    pytest.param("/broken", "server error HTTP 500", id="500"),
    pytest.param("/slow", "timed out", id="timeout"),
    pytest.param("/loop", "more than 5 redirects", id="redirect-loop"),
    pytest.param("/big", "larger than 4096 bytes", id="oversized"),
    pytest.param("/json", "not HTML or text (content-type application/json)", id="not-html"),
    pytest.param("/paper.pdf", "PDF sources are not supported", id="pdf"),
    pytest.param("/private/page", "disallowed by robots.txt", id="robots-disallowed"),
]


@pytest.mark.parametrize("path, error", FAILURES)
def test_failures_are_recorded_not_raised(base, path, error):
    got = fetch(f"{base}{path}")
    assert not got.ok and error in got.error


def test_server_errors_and_timeouts_are_retried(base):
    Handler.hits.clear()
    assert fetch(f"{base}/flaky").ok
    assert Handler.hits["/flaky"] == 2
    fetch(f"{base}/broken")
    assert Handler.hits["/broken"] == LOOPBACK.attempts


def test_client_errors_are_not_retried(base):
    Handler.hits.clear()
    fetch(f"{base}/missing")
    assert Handler.hits["/missing"] == 1


def test_loopback_is_refused_unless_allowed(base):
    got = fetch(f"{base}/page", FetchPolicy())
    assert not got.ok and "private address" in got.error


def test_robots_can_be_ignored_when_asked(base):
    policy = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), respect_robots=False)
    assert fetch(f"{base}/private/page", policy).ok


def test_many_sources_at_once_keep_their_order(base):
    urls = [f"{base}/page", f"{base}/missing", f"{base}/text"] * 4
    got = asyncio.run(fetch_all([FetchRequest(u) for u in urls], LOOPBACK))
    assert [g.url for g in got] == urls
    assert [g.ok for g in got[:3]] == [True, False, True]


LOCAL = [
    pytest.param("page.html", PAGE, None, id="html-file"),
    pytest.param("notes.txt", b"Plain notes.", None, id="text-file"),
    pytest.param("paper.pdf", b"%PDF-1.4", "PDF sources are not supported", id="pdf-file"),
    pytest.param("absent.html", None, "no such file", id="missing-file"),
]


@pytest.mark.parametrize("name, body, error", LOCAL)
def test_local_files_as_sources(tmp_path, name, body, error):
    path = tmp_path / name
    if body is not None:
        path.write_bytes(body)
    got = read_local(str(path))
    assert got.error == error if error is None else error in got.error
