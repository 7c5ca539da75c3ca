"""Fetching documents politely and safely: the one HTTP fetcher of ingest, feeds and verify.

- every TCP connection goes to an address that was checked (:mod:`flows.addresses`: resolved once,
  refused unless public or its host allowed, connected to as that very address, each redirect
  hop checked again); proxies from the environment are not used (a proxy would resolve the name);
- one deadline per fetch (default 60 s, robots.txt and retries included) besides the per-read
  timeout, so a server that sends a byte a second is cut off: "no complete answer within 60 s";
- a size cap (default 10 MB) on the *decoded* body, enforced while streaming: gzip and deflate are
  inflated here in pieces of at most 64 KB, so a compression bomb stops at the cap; encodings we
  do not ask for (br, zstd, ...) are refused;
- the charset of a text body from its byte-order mark, header or declaration
  (:mod:`flows.charsets`); one that does not decode the body is an error, never mojibake. The body
  handed on is then UTF-8; ``content_hash`` is of the body as served;
- bounded concurrency, globally and per host; at most 5 redirects; HTML, plain text and CSV/TSV
  by default (a request or policy may accept other types, e.g. feeds);
- conditional re-fetch: a stored ETag / Last-Modified is sent, and 304 keeps the stored snapshot;
- retries with backoff on 5xx answers and read timeouts only;
- a descriptive User-Agent, and robots.txt respected by default (at most 512 KB of it is read).

Every outcome is a ``Fetched`` record: a dead source is a status, never an exception. Synchronous
callers use :func:`fetch_sync`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.addresses import AddressGuard, PinnedTransport, resolve
from flows.addresses import Refused as _Refused
from flows.charsets import HTML_TYPES, CharsetError, decode_text, utf8_body
from flows.localfiles import LocalFileRefused, check_local
from warehouse.db import utcnow

__all__ = ["DEADLINE", "USER_AGENT", "FetchPolicy", "FetchRequest", "Fetched", "fetch_all", "fetch_sync",
           "read_local", "resolve"]

USER_AGENT = "claimtrack/0.1 (+https://github.com/claimtrack/claimtrack; fact-check pipeline)"
DEADLINE = 60.0  # seconds for one whole fetch (robots.txt, redirects and retries included)
TEXT_TYPES = HTML_TYPES + ("text/plain", "text/csv", "text/tab-separated-values")  # bodies decoded here
_ACCEPTED = TEXT_TYPES
_ACCEPT_HEADER = "text/html,application/xhtml+xml,text/plain;q=0.8,text/csv;q=0.8,text/tab-separated-values;q=0.8"
# A local file's content type by its suffix (anything else is read as plain text).
_SUFFIX_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html", ".csv": "text/csv",
                 ".tsv": "text/tab-separated-values", ".tab": "text/tab-separated-values"}
_ROBOTS_AGENT = "claimtrack"
_ROBOTS_MAX_BYTES = 512 * 1024  # what Google reads of a robots.txt
_PIECE = 64 * 1024  # most bytes one inflate step may produce
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 10 * _MB  # of the decoded body
    timeout: float = 20.0  # per connect / read / write
    max_redirects: int = 5
    concurrency: int = 8
    per_host: int = 2
    attempts: int = 3  # for 5xx answers and timeouts
    backoff: tuple[float, ...] = (1.0, 3.0)
    respect_robots: bool = True
    allow_private: bool = False  # allow loopback/private addresses (tests, intranet sources)
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)  # hosts allowed even if private
    deadline: float | None = None  # for one whole fetch; None: this module's DEADLINE (60 s)
    connect_timeout: float | None = None  # default: ``timeout``
    accept: tuple[str, ...] = _ACCEPTED  # content types read; "*" any, "+xml" any ...+xml type
    accept_header: str = _ACCEPT_HEADER
    decode: bool = True  # decode text bodies (charset checked, body handed on as UTF-8)


@dataclass(frozen=True, slots=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    accept: tuple[str, ...] | None = None  # overrides the policy's accepted content types


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    final_url: str | None = None
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    content_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    fetched_at: object = None
    charset: str | None = None  # the charset a text body was decoded from (the body is then UTF-8)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def text(self) -> str | None:
        """A decoded text body as a string (``None`` when it was not decoded)."""
        if self.body is None or self.charset is None:
            return None
        return self.body.decode("utf-8-sig")


class _Retry(Exception):
    pass


def size_text(limit: int) -> str:
    return f"{limit // _MB} MB" if limit >= _MB and limit % _MB == 0 else f"{limit} bytes"


def read_local(path: str, max_bytes: int = 10 * _MB) -> Fetched:
    """A local file as a source: recorded like a fetch, without HTTP."""
    now = utcnow()
    file = Path(path)
    try:
        check_local(file)
    except LocalFileRefused as exc:
        return Fetched(url=path, error=str(exc), fetched_at=now)
    try:
        if not file.is_file():
            return Fetched(url=path, error="no such file", fetched_at=now)
        if file.stat().st_size > max_bytes:
            return Fetched(url=path, error=f"larger than {max_bytes} bytes", fetched_at=now)
        body = file.read_bytes()
    except OSError as exc:
        return Fetched(url=path, error=f"cannot read: {exc.strerror or exc}", fetched_at=now)
    ctype = _SUFFIX_TYPES.get(file.suffix.lower(), "text/plain")
    if file.suffix.lower() == ".pdf" or body.startswith(b"%PDF"):
        return Fetched(url=path, error="PDF sources are not supported (no PDF parser installed)", fetched_at=now)
    return Fetched(url=path, final_url=str(file.resolve()), body=body, content_type=ctype,
                   content_hash=hashlib.sha256(body).hexdigest(), fetched_at=now)


def make_async_client(policy: FetchPolicy) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=PinnedTransport(AddressGuard(policy.allow_private, frozenset(policy.allowed_hosts))),
        trust_env=False,
        timeout=httpx.Timeout(policy.timeout, connect=policy.connect_timeout or policy.timeout),
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": policy.accept_header, "Accept-Encoding": "gzip, deflate"},
    )


# --- fetching -----------------------------------------------------------------------------------

async def fetch_all(requests: Sequence[FetchRequest], policy: FetchPolicy = FetchPolicy()) -> list[Fetched]:
    """Fetch every request concurrently; the result list is in the order of ``requests``."""
    fetcher = _Fetcher(policy)
    async with make_async_client(policy) as client:
        fetcher.client = client
        return list(await asyncio.gather(*(fetcher.fetch(r) for r in requests)))


def fetch_sync(requests: Sequence[FetchRequest], policy: FetchPolicy = FetchPolicy()) -> list[Fetched]:
    """``fetch_all`` for synchronous code (in a thread of its own when an event loop is running here)."""
    if not requests:
        return []
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(fetch_all(requests, policy))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, fetch_all(requests, policy)).result()


def _accepts(accept: Sequence[str], ctype: str) -> bool:
    return "*" in accept or ctype in accept or ("+xml" in accept and ctype.endswith("+xml"))


class _Fetcher:
    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.client: httpx.AsyncClient | None = None
        self.overall = asyncio.Semaphore(policy.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(policy.per_host))
        self.robots: dict[str, RobotFileParser | None] = {}
        self.robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def fetch(self, request: FetchRequest) -> Fetched:
        url = request.url
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            return Fetched(url=url, error="not a valid URL", fetched_at=utcnow())
        if parts.scheme not in {"http", "https"} or not host:
            return Fetched(url=url, error="not an http(s) URL", fetched_at=utcnow())
        limit = self.policy.deadline if self.policy.deadline is not None else DEADLINE
        async with self.overall, self.hosts[host]:
            deadline = asyncio.timeout(limit)
            try:
                async with deadline:
                    if self.policy.respect_robots and not await self._robots_allow(url, limit / 2):
                        raise _Refused("disallowed by robots.txt")
                    return await self._with_retries(request)
            except _Refused as exc:
                return Fetched(url=url, error=str(exc), fetched_at=utcnow())
            except TimeoutError:
                error = f"no complete answer within {limit:g} s" if deadline.expired() else "timed out"
                return Fetched(url=url, error=error, fetched_at=utcnow())

    async def _with_retries(self, request: FetchRequest) -> Fetched:
        for attempt in range(self.policy.attempts):
            try:
                return await self._once(request)
            except _Retry as exc:
                if attempt == self.policy.attempts - 1:
                    return Fetched(url=request.url, status=getattr(exc, "status", None), error=str(exc), fetched_at=utcnow())
                await asyncio.sleep(self.policy.backoff[min(attempt, len(self.policy.backoff) - 1)])
        raise AssertionError("unreachable")

    async def _once(self, request: FetchRequest) -> Fetched:
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        accept = request.accept if request.accept is not None else self.policy.accept
        assert self.client is not None
        try:
            async with self.client.stream("GET", request.url, headers=headers) as response:
                status = response.status_code
                final_url = str(response.url)
                failed = {"url": request.url, "final_url": final_url, "status": status, "fetched_at": utcnow()}
                if status == 304:
                    return Fetched(**failed, not_modified=True, etag=request.etag, last_modified=request.last_modified)
                if status >= 500:
                    exc = _Retry(f"server error HTTP {status}")
                    exc.status = status  # type: ignore[attr-defined]
                    raise exc
                if status >= 400:
                    return Fetched(**failed, error=f"HTTP {status} {response.reason_phrase}")
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                failed["content_type"] = ctype
                if ctype == "application/pdf" and not _accepts(accept, ctype):
                    return Fetched(**failed, error="PDF sources are not supported (no PDF parser installed)")
                if not _accepts(accept, ctype):
                    return Fetched(**failed, error=f"not HTML or text (content-type {ctype or 'missing'})")
                body = await read_capped(response, self.policy.max_bytes)
                if body is None:
                    return Fetched(**failed, error=f"larger than {size_text(self.policy.max_bytes)}")
                content_hash = hashlib.sha256(body).hexdigest()
                charset = None
                if self.policy.decode and ctype in TEXT_TYPES:
                    try:
                        text, charset = decode_text(body, ctype, response.headers.get("content-type", ""))
                    except CharsetError as exc:
                        return Fetched(**failed, error=str(exc))
                    body = utf8_body(body, text, charset, ctype)
                return Fetched(
                    url=request.url, final_url=final_url, status=status, body=body, content_type=ctype,
                    content_hash=content_hash, etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"), fetched_at=utcnow(), charset=charset,
                )
        except httpx.TooManyRedirects:
            return Fetched(url=request.url, error=f"more than {self.policy.max_redirects} redirects", fetched_at=utcnow())
        except httpx.TimeoutException:
            raise _Retry("timed out") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return Fetched(url=request.url, error=_one_line(f"{type(exc).__name__}: {exc}"), fetched_at=utcnow())

    async def _robots_allow(self, url: str, limit: float) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self.robots_locks[origin]:
            if origin not in self.robots:
                try:  # a robots.txt that does not answer takes at most half of the fetch's deadline
                    async with asyncio.timeout(limit):
                        self.robots[origin] = await self._load_robots(origin)
                except TimeoutError:
                    self.robots[origin] = None
        parser = self.robots[origin]
        return True if parser is None else parser.can_fetch(_ROBOTS_AGENT, url)

    async def _load_robots(self, origin: str) -> RobotFileParser | None:
        assert self.client is not None
        try:
            async with self.client.stream("GET", f"{origin}/robots.txt") as response:
                if response.status_code in (401, 403):
                    parser = RobotFileParser()
                    parser.disallow_all = True
                    return parser
                if response.status_code >= 400:
                    return None
                body = await read_capped(response, _ROBOTS_MAX_BYTES, truncate=True)
        except (httpx.HTTPError, httpx.InvalidURL, _Refused):
            return None
        parser = RobotFileParser()
        parser.parse((body or b"").decode("utf-8", "replace").splitlines())
        return parser


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "failed"


# --- the body: content-encoding inflated within the cap -----------------------------------------

class _Inflater:
    """gzip or deflate, inflated at most ``_PIECE`` bytes at a time."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.raw_deflate = False
        self.started = False
        self.obj = self._new()

    def _new(self):
        if self.kind == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self.raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self.obj.decompress(data, _PIECE)
            except zlib.error:
                if self.kind == "deflate" and not self.started and not self.raw_deflate:
                    self.raw_deflate = True  # "deflate" without its zlib header, as some servers send it
                    self.obj = self._new()
                    continue
                raise _Refused(f"the {self.kind} body cannot be decoded") from None
            self.started = True
            if out:
                yield out
            data = self.obj.unconsumed_tail
            if self.obj.eof and self.kind == "gzip" and self.obj.unused_data.startswith(b"\x1f\x8b"):
                data = self.obj.unused_data  # another gzip member
                self.obj = self._new()
                continue
            if self.obj.eof or (not data and len(out) < _PIECE):
                return

    def finish(self) -> Iterator[bytes]:
        yield from self.feed(b"")


def _inflaters(content_encoding: str) -> list[_Inflater]:
    """The decoders of a Content-Encoding, in decoding order; _Refused for one we do not decode."""
    stages = []
    for token in reversed([t.strip().lower() for t in content_encoding.split(",") if t.strip()]):
        if token in ("gzip", "x-gzip"):
            stages.append(_Inflater("gzip"))
        elif token == "deflate":
            stages.append(_Inflater("deflate"))
        elif token != "identity":
            raise _Refused(f"unsupported content-encoding {token}")
    return stages


def _through(stages: list[_Inflater], data: bytes, finish: bool = False) -> Iterator[bytes]:
    if not stages:
        if data:
            yield data
        return
    first, rest = stages[0], stages[1:]
    for piece in first.feed(data):
        yield from _through(rest, piece)
    if finish:
        for piece in first.finish():
            yield from _through(rest, piece)
        yield from _through(rest, b"", finish=True)


async def read_capped(response: httpx.Response, limit: int, truncate: bool = False) -> bytes | None:
    """The decoded body, read as a stream; None once it exceeds ``limit`` (or cut there if ``truncate``)."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        return None
    stages = _inflaters(response.headers.get("content-encoding", ""))
    body = bytearray()

    def add(pieces: Iterator[bytes]) -> bool:
        for piece in pieces:
            if len(body) + len(piece) > limit:
                if truncate:
                    body.extend(piece[: limit - len(body)])
                return False
            body.extend(piece)
        return True

    async for raw in response.aiter_raw():
        if not add(_through(stages, raw)):
            return bytes(body) if truncate else None
    if not add(_through(stages, b"", finish=True)):
        return bytes(body) if truncate else None
    return bytes(body)
