"""The fetch guard of issue 14, for the three fetchers: verify (``fetch_all``), ingest (``read_input``)
and feeds (``expand_entries``), against a real HTTP server on 127.0.0.1.

1. private addresses (18+ spellings of loopback, redirects, feed items) are refused by all three;
2. DNS rebinding: a name is resolved once and the connection goes to the address that was checked;
4. one deadline per fetch: a server sending a byte a second is cut off, the rest of the batch goes on;
5. the size cap holds after decompression (gzip and deflate bombs, as a page and as a feed);
6. charsets: byte-order mark, header, ``<meta charset>`` / XML declaration; wrong or refused ones are
   one-line errors, never mojibake; verify honours the charset of text/plain.

No traffic leaves loopback: ``net`` (autouse) is the only DNS (names from ``NAMES``, numeric hosts
otherwise) and refuses any TCP connect to an address that is not loopback, recording each attempt.
"""

from __future__ import annotations

import asyncio
import codecs
import errno
import gc
import hashlib
import ipaddress
import socket
import threading
import time
import tracemalloc
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

import anyio
import pytest

from flows import fetch, inputs, serve
from flows.fetch import FetchPolicy, FetchRequest, fetch_all
from flows.inputs import InputError, read_input
from tests.conftest import SEED

PUBLIC = "93.184.215.14"  # a public address; never reached: `net` refuses connects off loopback
NAMES = {  # the test's DNS: a name answers these in turn, one per lookup
    "news.example": ["127.0.0.1"],  # a public-looking name of the test server
    "loopback.example": ["127.0.0.1"],
    "rebind.example": [PUBLIC, "127.0.0.1"],  # public first, loopback second
    "localhost": ["127.0.0.1"],
}
DEADLINE = 2.0  # seconds, instead of 60, for the slow servers
DRIP_SECONDS = 6  # a slow server gives up after this long (so that a fetcher without a deadline ends)
CAP = 2 * 1024 * 1024  # the size cap of the bomb tests
BOMB_SIZE = 50 * 1024 * 1024  # what a bomb inflates to
SENTENCE = "NATO said the café in Brussels served 20 € meals to eight members of the Russian mission."
PAGE = f"<html><head><title>Mission</title></head><body><article><p>{SENTENCE}</p></article></body></html>"

_REAL_GETADDRINFO = socket.getaddrinfo
_REAL_CREATE_CONNECTION = socket.create_connection
_REAL_ANYIO_CONNECT = anyio.connect_tcp


# --- the test network -------------------------------------------------------------------------------

class Net:
    """DNS from NAMES (else numeric hosts only: no query leaves the process) and a connect guard."""

    def __init__(self) -> None:
        self.lookups: dict[str, int] = defaultdict(int)
        self.connects: list[str] = []  # every address a connect was attempted to

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        name = (host.decode() if isinstance(host, bytes) else str(host or "")).lower()
        if name.rstrip(".") in NAMES:
            answers = NAMES[name.rstrip(".")]
            address = answers[self.lookups[name.rstrip(".")] % len(answers)]
            self.lookups[name.rstrip(".")] += 1
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, int(port or 0)))]
        return _REAL_GETADDRINFO(name.rstrip(".") if name.endswith(".") else host, port, family, type, proto,
                                 flags | socket.AI_NUMERICHOST)

    def address_of(self, host: str, port) -> str:
        try:
            return str(ipaddress.ip_address(host.strip("[]")))
        except ValueError:
            return self.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4][0]

    def allow(self, address: str) -> None:
        self.connects.append(address)
        if not ipaddress.ip_address(address).is_loopback:
            raise OSError(errno.ENETUNREACH, f"test network: no route to {address}")

    @property
    def loopback_connects(self) -> list[str]:
        return [a for a in self.connects if ipaddress.ip_address(a).is_loopback]


@pytest.fixture(autouse=True)
def net(monkeypatch) -> Net:
    network = Net()

    async def connect_tcp(remote_host, remote_port, **kwargs):  # what httpx's async transport calls
        address = network.address_of(str(remote_host), remote_port)
        network.allow(address)
        return await _REAL_ANYIO_CONNECT(address, remote_port, **kwargs)

    def create_connection(address, *args, **kwargs):  # what httpx's sync transport calls
        ip = network.address_of(str(address[0]), address[1])
        network.allow(ip)
        return _REAL_CREATE_CONNECTION((ip, address[1]), *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", network.getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(anyio, "connect_tcp", connect_tcp)
    monkeypatch.setattr(fetch, "DEADLINE", DEADLINE, raising=False)
    return network


# --- the server -------------------------------------------------------------------------------------

def _compressed(kind: str, size: int) -> bytes:
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS, "raw-deflate": -zlib.MAX_WBITS}[kind]
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * (1024 * 1024)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def _pack(kind: str, data: bytes) -> bytes:
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS, "raw-deflate": -zlib.MAX_WBITS}[kind]
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


BOMBS = {"gzip": _compressed("gzip", BOMB_SIZE), "deflate": _compressed("deflate", BOMB_SIZE)}


def _rss(*links: str) -> bytes:
    items = "".join(f"<item><title>item</title><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


@dataclass
class Server:
    base: str
    port: int
    routes: dict[str, tuple[str, bytes, dict[str, str]]] = field(default_factory=dict)  # path -> answer
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hit(self, prefix: str) -> int:
        return sum(n for path, n in list(self.hits.items()) if path.startswith(prefix))


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        server: Server = self.server.state  # type: ignore[attr-defined]
        server.hits[self.path] += 1
        parts = urlsplit(self.path)
        try:
            if parts.path == "/go":  # a redirect to ?to=
                return self.answer(302, "text/plain", b"", {"Location": parse_qs(parts.query)["to"][0]})
            if parts.path.startswith("/slow-headers"):
                return self.drip(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.encode())
            if parts.path.startswith("/slow-body"):
                ctype = "application/rss+xml" if parts.path.endswith(".xml") else "text/html"
                self.wfile.write(f"HTTP/1.0 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: 100000\r\n\r\n".encode())
                return self.drip(b"<" + b"x" * 99999)
            if parts.path in server.routes:
                return self.answer(200, *server.routes[parts.path])
            return self.answer(200, "text/html; charset=utf-8", PAGE.encode(), {})
        except OSError:  # the client went away
            return None

    def drip(self, data: bytes) -> None:
        """A byte a second, for at most DRIP_SECONDS, then the connection is closed."""
        for byte in data[:DRIP_SECONDS]:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(1)
        self.close_connection = True

    def answer(self, status: int, ctype: str, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client that left early is no news
        pass


@pytest.fixture(scope="module")
def server():
    httpd = _Quiet(("127.0.0.1", 0), Handler)
    port = httpd.server_address[1]
    state = Server(f"http://127.0.0.1:{port}", port)
    state.routes.update({
        "/bomb.html": ("text/html", BOMBS["gzip"], {"Content-Encoding": "gzip"}),
        "/bomb-deflate.html": ("text/html", BOMBS["deflate"], {"Content-Encoding": "deflate"}),
        "/bomb.xml": ("application/rss+xml", BOMBS["gzip"], {"Content-Encoding": "gzip"}),
        "/bomb-br.html": ("text/html", b"\x1b" * 4096, {"Content-Encoding": "br"}),
        "/gzip.html": ("text/html; charset=utf-8", _pack("gzip", PAGE.encode()), {"Content-Encoding": "gzip"}),
        "/deflate.html": ("text/html; charset=utf-8", _pack("deflate", PAGE.encode()), {"Content-Encoding": "deflate"}),
        "/raw-deflate.html": ("text/html; charset=utf-8", _pack("raw-deflate", PAGE.encode()),
                              {"Content-Encoding": "deflate"}),
        # a feed whose items point at loopback (one spelling each) and at a local file
        "/feed.xml": ("application/rss+xml", _rss(
            f"http://127.0.0.1:{port}/internal/item-1", f"http://localhost:{port}/internal/item-2",
            f"http://[::ffff:127.0.0.1]:{port}/internal/item-3", f"http://0x7f000001:{port}/internal/item-4",
            "x-file:../../etc/passwd"), {}),
        "/internal/feed.xml": ("application/rss+xml", _rss("http://news.example/a"), {}),
    })
    state.routes.update({f"/charset/{c.values[0]}": (c.values[1], c.values[2], {}) for c in CHARSETS})
    httpd.state = state  # type: ignore[attr-defined]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield state
    httpd.shutdown()
    httpd.server_close()


# --- the three fetchers, one outcome shape: (ok, text or error) ---------------------------------------

def via_verify(url: str, allowed=(), **policy) -> tuple[bool, str]:
    got = asyncio.run(fetch_all([FetchRequest(url)], FetchPolicy(allowed_hosts=frozenset(allowed), **policy)))[0]
    if not got.ok:
        return False, got.error or ""
    from flows.verify import parse_source

    parsed = parse_source(got)
    return True, "\n".join(p.text for p in parsed.passages) if parsed else ""


def via_ingest(url: str, allowed=()) -> tuple[bool, str]:
    try:
        raw = read_input(url, allowed_hosts=set(allowed))
    except InputError as exc:
        return False, str(exc)
    return True, raw.text


def via_feeds(url: str, allowed=()) -> tuple[bool, str]:
    items, failures = serve.expand_entries.fn([url], list(allowed))
    if failures:
        return False, failures[0][1]
    return True, "\n".join(items)


FETCHERS = {"verify": via_verify, "ingest": via_ingest, "feeds": via_feeds}
VIA = [pytest.param(name, id=name) for name in FETCHERS]


def assert_one_line_failure(ok: bool, message: str, *expected: str) -> None:
    assert not ok, f"fetched: {message[:200]}"
    assert "\n" not in message and "Traceback" not in message
    if expected:
        assert any(e in message for e in expected), message


# --- 1. private addresses, every spelling, every fetcher ------------------------------------------------

LOOPBACK_SPELLINGS = [
    pytest.param("127.0.0.1", id="dotted"),
    pytest.param("localhost", id="localhost"),
    pytest.param("LOCALHOST", id="localhost-upper-case"),
    pytest.param("loopback.example", id="a-name-resolving-to-loopback"),
    pytest.param("127.1", id="short-two-parts"),
    pytest.param("127.0.1", id="short-three-parts"),
    pytest.param("0x7f000001", id="hex-int"),
    pytest.param("0x7f.0x0.0x0.0x1", id="dotted-hex"),
    pytest.param("0177.0.0.1", id="dotted-octal"),
    pytest.param("017700000001", id="octal-int"),
    pytest.param("2130706433", id="decimal-int"),
    pytest.param("127.255.255.254", id="other-loopback"),
    pytest.param("127.0.0.1.", id="trailing-dot"),
    pytest.param("0.0.0.0", id="unspecified"),
    pytest.param("0", id="zero"),
    pytest.param("[::1]", id="ipv6"),
    pytest.param("[0:0:0:0:0:0:0:1]", id="ipv6-long"),
    pytest.param("[::]", id="ipv6-unspecified"),
    pytest.param("[::ffff:127.0.0.1]", id="ipv4-mapped"),
    pytest.param("[::ffff:7f00:1]", id="ipv4-mapped-hex"),
    pytest.param("[::127.0.0.1]", id="ipv4-compatible"),
    pytest.param("[64:ff9b::7f00:1]", id="nat64"),
    pytest.param("[2002:7f00:1::]", id="6to4"),
]
OTHER_PRIVATE = [
    pytest.param("10.0.0.1", id="rfc1918-10"),
    pytest.param("192.168.1.1", id="rfc1918-192"),
    pytest.param("169.254.169.254", id="link-local-metadata"),
    pytest.param("100.64.0.1", id="shared-cgnat"),
    pytest.param("224.0.0.1", id="multicast"),
    pytest.param("240.0.0.1", id="reserved"),
    pytest.param("[fe80::1]", id="ipv6-link-local"),
    pytest.param("[fd00::1]", id="ipv6-unique-local"),
]


@pytest.mark.parametrize("via", VIA)
@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS + OTHER_PRIVATE)
def test_private_addresses_are_refused_by_every_fetcher(server, net, via, host):
    path = f"/internal/spelling-{via}-{abs(hash(host))}.xml"
    ok, message = FETCHERS[via](f"http://{host}:{server.port}{path}")
    assert_one_line_failure(ok, message, "private address", "cannot resolve", "InvalidURL")
    assert net.connects == [] and server.hit(path) == 0


@pytest.mark.parametrize("via", VIA)
def test_an_allowed_host_is_fetched(server, via):
    path = "/internal/allowed.html" if via != "feeds" else "/internal/feed.xml"
    ok, text = FETCHERS[via](server.url(path), allowed={"127.0.0.1"})
    assert ok, text
    assert ("café" in text) if via != "feeds" else text == "http://news.example/a"


REDIRECT_TARGETS = [
    pytest.param("http://127.0.0.1:{port}/internal/r", id="to-127.0.0.1"),
    pytest.param("http://localhost:{port}/internal/r", id="to-localhost"),
    pytest.param("http://0x7f000001:{port}/internal/r", id="to-hex-int"),
    pytest.param("http://[::ffff:127.0.0.1]:{port}/internal/r", id="to-ipv4-mapped"),
    pytest.param("http://loopback.example:{port}/internal/r", id="to-a-name-of-loopback"),
    pytest.param("http://169.254.169.254/latest/meta-data/", id="to-metadata"),
    pytest.param("file:///etc/passwd", id="to-file"),
]


@pytest.mark.parametrize("via", VIA)
@pytest.mark.parametrize("target", REDIRECT_TARGETS)
def test_a_redirect_from_an_allowed_host_to_a_private_one_is_refused(server, net, via, target):
    """news.example is allowed (it is the test server); where it redirects to is checked again."""
    start = f"http://news.example:{server.port}/go?to={quote(target.format(port=server.port), safe='')}"
    before = server.hit("/internal/r")
    ok, message = FETCHERS[via](start, allowed={"news.example"})
    assert_one_line_failure(ok, message)
    assert server.hit("/internal/r") == before
    assert "passwd" not in message or "root:" not in message
    assert all(a == "127.0.0.1" for a in net.connects)  # only the allowed hop connected


def test_feed_items_pointing_at_loopback_are_not_fetched(server, net):
    items, failures = serve.expand_entries.fn([server.url("/feed.xml", "news.example")], ["news.example"])
    assert failures == []
    assert len(items) == 4 and all("/internal/item-" in i for i in items)  # the x-file: item is dropped
    connected = len(net.connects)
    for item in items:
        ok, message = via_ingest(item, allowed={"news.example"})
        assert_one_line_failure(ok, message, "private address")
    assert server.hit("/internal/item-") == 0 and len(net.connects) == connected


# --- 2. DNS rebinding: one lookup, and the connection goes to its answer ---------------------------------

@pytest.mark.parametrize("via", VIA)
def test_a_rebinding_name_never_reaches_loopback(server, net, via):
    """rebind.example answers a public address first and 127.0.0.1 second: nothing may connect to
    loopback (the public address itself is refused by the test network, as it would time out)."""
    path = f"/internal/rebind-{via}.xml"
    robots = server.hit("/robots.txt")
    ok, message = FETCHERS[via](f"http://rebind.example:{server.port}{path}")
    assert_one_line_failure(ok, message)
    assert net.loopback_connects == []
    assert server.hit(path) == 0 and server.hit("/robots.txt") == robots
    assert PUBLIC in net.connects  # the address that was checked is the one connected to


# --- 4. one deadline per fetch ---------------------------------------------------------------------------

SLOW = [
    pytest.param("verify", "/slow-body/v", id="verify-slow-body"),
    pytest.param("verify", "/slow-headers/v", id="verify-slow-headers"),
    pytest.param("ingest", "/slow-body/i", id="ingest-slow-body"),
    pytest.param("ingest", "/slow-headers/i", id="ingest-slow-headers"),
    pytest.param("feeds", "/slow-body/f.xml", id="feed-slow-body"),
]


@pytest.mark.parametrize("via, path", SLOW)
def test_a_server_sending_a_byte_a_second_is_cut_off_at_the_deadline(server, via, path):
    started = time.monotonic()
    ok, message = FETCHERS[via](server.url(path), allowed={"127.0.0.1"})
    elapsed = time.monotonic() - started
    assert_one_line_failure(ok, message, f"no complete answer within {DEADLINE:g} s")
    assert elapsed < DEADLINE + 2


def test_verify_gets_the_good_source_of_a_batch_with_a_slow_one(server):
    requests = [FetchRequest(server.url("/slow-body/batch")), FetchRequest(server.url("/internal/good.html"))]
    started = time.monotonic()
    slow, good = asyncio.run(fetch_all(requests, FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}))))
    assert time.monotonic() - started < DEADLINE + 2
    assert slow.error == f"no complete answer within {DEADLINE:g} s"
    assert good.ok and SENTENCE.encode() in good.body


def test_an_ingest_batch_reads_its_file_despite_a_slow_url(server):
    started = time.monotonic()
    results = inputs.read_inputs([server.url("/slow-body/read"), str(SEED)], allowed_hosts={"127.0.0.1"})
    assert time.monotonic() - started < DEADLINE + 2
    (_, slow), (_, good) = results
    assert slow == f"{server.url('/slow-body/read')}: no complete answer within {DEADLINE:g} s"
    assert isinstance(good, inputs.RawArticle) and "NATO" in good.text


def test_the_ingest_flow_stores_the_good_file_of_a_batch_with_a_slow_url(server, prefect_harness, db):
    from flows import ingest

    started = time.monotonic()
    report = ingest.ingest_articles([server.url("/slow-body/flow"), str(SEED)], db=db, allow_hosts=["127.0.0.1"])
    assert time.monotonic() - started < DEADLINE + 20
    assert len(report.stored) == 1 and report.claims > 5
    assert report.failures == [(server.url("/slow-body/flow"),
                                f"{server.url('/slow-body/flow')}: no complete answer within {DEADLINE:g} s")]


# --- 5. the cap holds after decompression ------------------------------------------------------------

BOMB_CASES = [
    pytest.param("verify", "/bomb.html", "larger than 2 MB", id="verify-gzip-page"),
    pytest.param("verify", "/bomb-deflate.html", "larger than 2 MB", id="verify-deflate-page"),
    pytest.param("verify", "/bomb-br.html", "unsupported content-encoding br", id="verify-br-page"),
    pytest.param("ingest", "/bomb.html", "larger than 2 MB", id="ingest-gzip-page"),
    pytest.param("ingest", "/bomb-deflate.html", "larger than 2 MB", id="ingest-deflate-page"),
    pytest.param("feeds", "/bomb.xml", "larger than 2 MB", id="feed-gzip"),
]


def _peak(call):
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("via, path, error", BOMB_CASES)
def test_a_compression_bomb_stops_at_the_cap(server, monkeypatch, via, path, error):
    monkeypatch.setattr(inputs, "MAX_BYTES", CAP)
    monkeypatch.setattr(serve, "MAX_BYTES", CAP)
    extra = {"max_bytes": CAP} if via == "verify" else {}
    (ok, message), peak = _peak(lambda: FETCHERS[via](server.url(path), allowed={"127.0.0.1"}, **extra))
    assert peak < 3 * CAP, f"peak {peak / 1e6:.1f} MB for a cap of {CAP / 1e6:.1f} MB"
    assert_one_line_failure(ok, message, error)


@pytest.mark.parametrize("via", ["verify", "ingest"])
@pytest.mark.parametrize("path", ["/gzip.html", "/deflate.html", "/raw-deflate.html"])
def test_compressed_pages_are_read(server, via, path):
    ok, text = FETCHERS[via](server.url(path), allowed={"127.0.0.1"})
    assert ok and SENTENCE in text, text


# --- 6. charsets -------------------------------------------------------------------------------------

def _html(head: str = "", text: str = SENTENCE) -> str:
    return f"<html><head>{head}<title>Mission</title></head><body><article><p>{text}</p></article></body></html>"


ASCII_TEXT = b"NATO expelled eight members of the Russian mission to the alliance."  # even length
CHARSETS = [  # id, Content-Type, body, the text read or the error
    pytest.param("utf16-declared-on-ascii", "text/plain; charset=utf-16", ASCII_TEXT,
                 "declared charset utf-16 does not decode the body", id="utf16-declared-on-ascii"),
    pytest.param("utf16-declared-on-ascii-html", "text/html; charset=utf-16", _html(text="NATO expelled 8.").encode(),
                 "declared charset utf-16 does not decode the body", id="utf16-declared-on-ascii-html"),
    pytest.param("utf7", "text/plain; charset=utf-7", b"NATO +AGA- expelled eight members.",
                 "declared charset utf-7 is refused", id="utf7-header"),
    pytest.param("utf7-meta", "text/html", _html('<meta charset="utf-7">').encode("utf-8"),
                 "declared charset utf-7 is refused", id="utf7-meta"),
    pytest.param("unknown", "text/plain; charset=klingon", ASCII_TEXT,
                 "declared charset klingon is unknown", id="unknown-charset"),
    pytest.param("utf8-declared-latin1-body", "text/plain; charset=utf-8", SENTENCE.encode("cp1252"),
                 "declared charset utf-8 does not decode the body", id="utf8-declared-on-latin1"),
    pytest.param("latin1-declared-utf8-body", "text/plain; charset=iso-8859-1", SENTENCE.encode("utf-8"),
                 "declared charset iso-8859-1 does not decode the body", id="latin1-declared-on-utf8"),
    pytest.param("undeclared-latin1", "text/plain", SENTENCE.encode("cp1252"),
                 "no charset declared and the body is not UTF-8", id="undeclared-not-utf8"),
    pytest.param("latin1-text", "text/plain; charset=iso-8859-1", SENTENCE.encode("cp1252"), SENTENCE,
                 id="latin1-text-declared"),
    pytest.param("latin1-html", "text/html; charset=ISO-8859-1", _html().encode("cp1252"), SENTENCE,
                 id="latin1-html-declared"),
    pytest.param("bom-utf16", "text/plain; charset=iso-8859-1", codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
                 SENTENCE, id="utf16-bom-beats-header"),
    pytest.param("bom-utf8-html", "text/html", codecs.BOM_UTF8 + _html('<meta charset="iso-8859-1">').encode(),
                 SENTENCE, id="utf8-bom-beats-meta"),
    pytest.param("meta", "text/html", _html('<meta charset="windows-1252">').encode("cp1252"), SENTENCE,
                 id="meta-charset"),
    pytest.param("meta-http-equiv", "text/html",
                 _html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252"),
                 SENTENCE, id="meta-http-equiv"),
    pytest.param("header-beats-meta", "text/html; charset=utf-8", _html('<meta charset="iso-8859-1">').encode(),
                 SENTENCE, id="header-beats-meta"),
    pytest.param("xml-declaration", "application/xhtml+xml",
                 ('<?xml version="1.0" encoding="ISO-8859-1"?>' + _html()).encode("cp1252"), SENTENCE,
                 id="xml-declaration"),
    pytest.param("utf16-no-bom", "text/plain; charset=utf-16", SENTENCE.encode("utf-16-le"), SENTENCE,
                 id="utf16-declared-without-bom"),
    pytest.param("utf16be-no-bom", "text/plain; charset=utf-16", SENTENCE.encode("utf-16-be"), SENTENCE,
                 id="utf16-big-endian-without-bom"),
]


@pytest.mark.parametrize("via", ["verify", "ingest"])
@pytest.mark.parametrize("name, ctype, body, expected", CHARSETS)
def test_charsets_are_honoured_or_refused_in_one_line(server, via, name, ctype, body, expected):
    ok, text = FETCHERS[via](server.url(f"/charset/{name}"), allowed={"127.0.0.1"})
    if expected == SENTENCE:
        assert ok, text
        assert SENTENCE in " ".join(text.split())
    else:
        assert_one_line_failure(ok, text, expected)


def test_verify_hands_on_a_utf8_body_with_the_hash_of_the_body_served(server):
    got = asyncio.run(fetch_all([FetchRequest(server.url("/charset/latin1-text"))],
                                FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}))))[0]
    assert got.charset == "iso8859-1" and got.body == SENTENCE.encode("utf-8") and got.text == SENTENCE
    assert got.content_hash == hashlib.sha256(SENTENCE.encode("cp1252")).hexdigest()


# --- what must keep holding: entity expansion in feeds ------------------------------------------------

def test_billion_laughs_and_xxe_feeds_are_inert(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>'
            '<rss version="2.0"><channel><item><link>http://news.example/&l9;</link></item></channel></rss>')
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><item><link>http://news.example/&xxe;</link></item></channel></rss>')
    (tmp_path / "laughs.xml").write_text(bomb)
    (tmp_path / "xxe.xml").write_text(xxe)
    started = time.monotonic()
    items, _ = serve.expand_entries.fn([str(tmp_path / "laughs.xml"), str(tmp_path / "xxe.xml")])
    assert time.monotonic() - started < 5
    assert sum(len(i) for i in items) < 10_000
    assert not any("TOPSECRET" in i for i in items)
