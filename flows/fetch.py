"""Fetching source documents politely and safely, many at once, with one shared AsyncClient.

- bounded concurrency, globally and per host; timeouts; at most 5 redirects;
- a size cap (default 10 MB), streamed and aborted past it; HTML, plain text and CSV/TSV only;
- conditional re-fetch: a stored ETag / Last-Modified is sent, and 304 keeps the stored snapshot;
- retries with backoff on 5xx answers and timeouts only;
- a descriptive User-Agent, and robots.txt respected by default;
- addresses in private, loopback and link-local ranges refused unless allowed (tests allow 127.0.0.1).

Every outcome is a ``Fetched`` record — a dead source is a status, never an exception.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import socket
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.inputs import USER_AGENT
from warehouse.db import utcnow

__all__ = ["FetchPolicy", "FetchRequest", "Fetched", "fetch_all"]

_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/csv", "text/tab-separated-values")
# A local file's content type by its suffix (anything else is read as plain text).
_SUFFIX_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html", ".csv": "text/csv",
                 ".tsv": "text/tab-separated-values", ".tab": "text/tab-separated-values"}
_ROBOTS_AGENT = "claimtrack"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0
    max_redirects: int = 5
    concurrency: int = 8
    per_host: int = 2
    attempts: int = 3  # for 5xx answers and timeouts
    backoff: tuple[float, ...] = (1.0, 3.0)
    respect_robots: bool = True
    allow_private: bool = False  # allow loopback/private addresses (tests, intranet sources)
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)  # hosts allowed even if private


@dataclass(frozen=True, slots=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None


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

    @property
    def ok(self) -> bool:
        return self.error is None


class _Refused(Exception):
    """A fetch we decided not to make or to abandon; the message is the recorded error."""


class _Retry(Exception):
    pass


def read_local(path: str, max_bytes: int = 10 * 1024 * 1024) -> Fetched:
    """A local file as a source: recorded like a fetch, without HTTP."""
    now = utcnow()
    file = Path(path)
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


async def fetch_all(requests: Sequence[FetchRequest], policy: FetchPolicy = FetchPolicy()) -> list[Fetched]:
    """Fetch every request concurrently; the result list is in the order of ``requests``."""
    fetcher = _Fetcher(policy)
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(policy.timeout),
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,text/csv;q=0.8,text/tab-separated-values;q=0.8"},
        event_hooks={"request": [fetcher.check_address]},
    ) as client:
        fetcher.client = client
        return list(await asyncio.gather(*(fetcher.fetch(r) for r in requests)))


class _Fetcher:
    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.client: httpx.AsyncClient | None = None
        self.overall = asyncio.Semaphore(policy.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(policy.per_host))
        self.robots: dict[str, RobotFileParser | None] = {}
        self.robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def check_address(self, request: httpx.Request) -> None:
        """Refuse private, loopback and link-local addresses (also after a redirect)."""
        host = request.url.host
        if self.policy.allow_private or host in self.policy.allowed_hosts:
            return
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise _Refused(f"cannot resolve {host}: {exc.strerror}") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
                raise _Refused(f"refused: {host} resolves to a private address ({address})")

    async def fetch(self, request: FetchRequest) -> Fetched:
        url = request.url
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            return Fetched(url=url, error="not an http(s) URL", fetched_at=utcnow())
        async with self.overall, self.hosts[parts.hostname]:
            try:
                if self.policy.respect_robots and not await self._robots_allow(url):
                    raise _Refused("disallowed by robots.txt")
                return await self._with_retries(request)
            except _Refused as exc:
                return Fetched(url=url, error=str(exc), fetched_at=utcnow())

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
        assert self.client is not None
        try:
            async with self.client.stream("GET", request.url, headers=headers) as response:
                status = response.status_code
                final_url = str(response.url)
                if status == 304:
                    return Fetched(url=request.url, final_url=final_url, status=304, not_modified=True,
                                   etag=request.etag, last_modified=request.last_modified, fetched_at=utcnow())
                if status >= 500:
                    exc = _Retry(f"server error HTTP {status}")
                    exc.status = status  # type: ignore[attr-defined]
                    raise exc
                if status >= 400:
                    return Fetched(url=request.url, final_url=final_url, status=status,
                                   error=f"HTTP {status} {response.reason_phrase}", fetched_at=utcnow())
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype == "application/pdf":
                    return Fetched(url=request.url, final_url=final_url, status=status, content_type=ctype,
                                   error="PDF sources are not supported (no PDF parser installed)", fetched_at=utcnow())
                if ctype not in _ACCEPTED:
                    return Fetched(url=request.url, final_url=final_url, status=status, content_type=ctype,
                                   error=f"not HTML or text (content-type {ctype or 'missing'})", fetched_at=utcnow())
                body = await self._read_capped(response)
                if body is None:
                    return Fetched(url=request.url, final_url=final_url, status=status, content_type=ctype,
                                   error=f"larger than {self.policy.max_bytes} bytes", fetched_at=utcnow())
                return Fetched(
                    url=request.url, final_url=final_url, status=status, body=body, content_type=ctype,
                    content_hash=hashlib.sha256(body).hexdigest(), etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"), fetched_at=utcnow(),
                )
        except httpx.TooManyRedirects:
            return Fetched(url=request.url, error=f"more than {self.policy.max_redirects} redirects", fetched_at=utcnow())
        except httpx.TimeoutException:
            raise _Retry("timed out") from None
        except httpx.HTTPError as exc:
            return Fetched(url=request.url, error=f"{type(exc).__name__}: {exc}".splitlines()[0], fetched_at=utcnow())

    async def _read_capped(self, response: httpx.Response) -> bytes | None:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            return None
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self.robots_locks[origin]:
            if origin not in self.robots:
                self.robots[origin] = await self._load_robots(origin)
        parser = self.robots[origin]
        return True if parser is None else parser.can_fetch(_ROBOTS_AGENT, url)

    async def _load_robots(self, origin: str) -> RobotFileParser | None:
        assert self.client is not None
        try:
            response = await self.client.get(f"{origin}/robots.txt")
        except (httpx.HTTPError, _Refused):
            return None
        parser = RobotFileParser()
        if response.status_code in (401, 403):
            parser.disallow_all = True
            return parser
        if response.status_code >= 400:
            return None
        parser.parse(response.text.splitlines())
        return parser
