"""Reading articles from files and from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.html import parse_html
from flows import inputs
from flows.inputs import InputError, read_input

ARTICLE_HTML = """<!doctype html><html><head>
<title>Site | NATO cuts Russian mission</title>
<meta property="og:title" content="NATO cuts Russian mission">
<meta property="article:published_time" content="2018-03-27T10:00:00Z">
<script>var x = "not text";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>NATO cuts Russian mission</h1>
<p>NATO cut the Russian mission to 20 out of 30 positions.</p>
<p>Seven staff lost their accreditation, a NATO official said.</p></article>
<footer>© Example</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, dict]] = {}
    hits: dict[str, int] = {}

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path == "/slow":
            time.sleep(1.0)
        status, ctype, body, headers = Handler.routes.get(self.path, (404, "text/plain", b"missing", {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (a size limit): expected, not a server error to print

    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.routes = {
        "/article": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode(), {}),
        "/plain": (200, "text/plain; charset=utf-8", "NATO expelled eight members.".encode(), {}),
        "/pdf": (200, "application/pdf", b"%PDF-1.4", {}),
        "/moved": (302, "text/plain", b"", {"Location": "/article"}),
        "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
        "/broken": (500, "text/plain", b"oops", {}),
        "/huge": (200, "text/html", b"<p>" + b"x" * 2048 + b"</p>", {}),
        "/empty": (200, "text/html", b"<html><body></body></html>", {}),
    }
    yield base
    httpd.shutdown()


LOOPBACK = {"127.0.0.1"}  # the test server's host, let through the private-address guard


def test_fetches_an_article_page(server):
    raw = read_input(f"{server}/article", allowed_hosts=LOOPBACK)
    assert raw.title == "NATO cuts Russian mission"
    assert raw.published == "2018-03-27T10:00:00Z"
    assert "20 out of 30 positions" in raw.text
    assert "not text" not in raw.text and "Home" not in raw.text and "©" not in raw.text


def test_follows_a_redirect(server):
    assert "20 out of 30" in read_input(f"{server}/moved", allowed_hosts=LOOPBACK).text


def test_plain_text_pages_are_read_as_text(server):
    assert read_input(f"{server}/plain", allowed_hosts=LOOPBACK).text == "NATO expelled eight members."


def test_loopback_is_refused_unless_allowed(server):
    Handler.hits.pop("/article", None)
    with pytest.raises(InputError, match="private address") as caught:
        read_input(f"{server}/article")
    assert "\n" not in str(caught.value)
    assert "/article" not in Handler.hits  # nothing was sent


URL_FAILURES = [
    pytest.param("/nothing-here", "HTTP 404", id="not-found"),
    pytest.param("/pdf", "not an HTML page (content-type application/pdf)", id="not-html"),
    pytest.param("/loop", "more than 5 redirects", id="redirect-loop"),
    pytest.param("/broken", "server error HTTP 500", id="server-error"),
    pytest.param("/empty", "no article text found", id="no-text"),
]


@pytest.mark.parametrize("path, message", URL_FAILURES)
def test_url_failures_are_one_clear_line(server, monkeypatch, path, message):
    monkeypatch.setattr(inputs, "BACKOFF_SECONDS", (0.01,))
    with pytest.raises(InputError) as caught:
        read_input(f"{server}{path}", allowed_hosts=LOOPBACK)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{server}{path}: ")
    assert "\n" not in str(caught.value)


def test_server_errors_are_retried(server, monkeypatch):
    monkeypatch.setattr(inputs, "BACKOFF_SECONDS", (0.01,))
    Handler.hits.pop("/broken", None)
    with pytest.raises(InputError):
        read_input(f"{server}/broken", allowed_hosts=LOOPBACK)
    assert Handler.hits["/broken"] == inputs.ATTEMPTS


def test_oversized_pages_are_refused(server, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 1024)
    with pytest.raises(InputError, match="larger than"):
        read_input(f"{server}/huge", allowed_hosts=LOOPBACK)


def test_timeouts_are_retried_then_reported(server, monkeypatch):
    monkeypatch.setattr(inputs, "BACKOFF_SECONDS", (0.0,))
    monkeypatch.setattr(inputs, "TIMEOUT", 0.2)
    Handler.hits.pop("/slow", None)
    with pytest.raises(InputError, match="timed out"):
        read_input(f"{server}/slow", allowed_hosts=LOOPBACK)
    assert Handler.hits["/slow"] == inputs.ATTEMPTS


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


FILE_FAILURES = [
    pytest.param("missing.txt", None, "no such file", id="missing"),
    pytest.param("empty.txt", b"", "empty file", id="empty"),
    pytest.param("blank.txt", b"  \n\t\n", "empty file", id="only-white-space"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file", id="binary"),
    pytest.param("latin1.txt", "Café".encode("latin-1"), "not UTF-8 text", id="undecodable"),
]


@pytest.mark.parametrize("name, data, message", FILE_FAILURES)
def test_file_failures_are_one_clear_line(tmp_path, name, data, message):
    spec = str(tmp_path / name) if data is None else write(tmp_path, name, data)
    with pytest.raises(InputError, match=message) as caught:
        read_input(spec)
    assert str(caught.value).startswith(spec)


def test_a_directory_is_not_an_article(tmp_path):
    with pytest.raises(InputError, match="not a regular file"):
        read_input(str(tmp_path))


def test_other_schemes_are_refused():
    with pytest.raises(InputError, match="only http"):
        read_input("ftp://example.test/a.txt")


def test_text_files_keep_their_exact_contents(tmp_path):
    text = " date 2021-10 Lavrov said…\r\n\r\nSecond paragraph.\n"
    raw = read_input(write(tmp_path, "a.txt", text.encode("utf-8")))
    assert raw.text == text


def test_a_utf8_bom_is_not_part_of_the_text(tmp_path):
    raw = read_input(write(tmp_path, "bom.txt", b"\xef\xbb\xbfHello."))
    assert raw.text == "Hello."


def test_html_files_are_parsed(tmp_path):
    raw = read_input(write(tmp_path, "a.html", ARTICLE_HTML.encode()))
    assert raw.text.startswith("NATO cuts Russian mission\n\nNATO cut the Russian mission")


PUBLISHED = [
    pytest.param('<meta property="article:published_time" content="2021-10-18">', "2021-10-18", id="meta-property"),
    pytest.param('<meta name="date" content="2021-10-18">', "2021-10-18", id="meta-name"),
    pytest.param('<script type="application/ld+json">{"@graph": [{"datePublished": "2021-10-19"}]}</script>',
                 "2021-10-19", id="json-ld"),
    pytest.param('<time datetime="2021-10-20T08:00">Oct 20</time>', "2021-10-20T08:00", id="time-element"),
    pytest.param("", None, id="none"),
]


@pytest.mark.parametrize("head, expected", PUBLISHED)
def test_publication_date_sources(head, expected):
    page = parse_html(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert page.published == expected
