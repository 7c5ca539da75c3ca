"""Reading an article from a file or a URL; every failure becomes one clear ``InputError`` line."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from claims.html import parse_html

__all__ = ["InputError", "RawArticle", "USER_AGENT", "read_input"]

USER_AGENT = "claimtrack/0.1 (+https://github.com/claimtrack/claimtrack; fact-check pipeline)"
MAX_BYTES = 10 * 1024 * 1024  # size cap for a fetched page or a file
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
ATTEMPTS = 3  # for timeouts and 5xx answers only
BACKOFF_SECONDS = (0.5, 2.0)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class InputError(Exception):
    """An input that cannot be read as an article; ``str()`` is one line naming the input."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    links: tuple[str, ...] = ()  # links the article cites (HTML only)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def read_input(spec: str, *, client: httpx.Client | None = None) -> RawArticle:
    """Read one article; raise InputError with a one-line reason."""
    if is_url(spec):
        return _fetch(spec, client)
    if "://" in spec:
        raise InputError(f"{spec}: only http(s) URLs and local files can be read")
    return _read_file(spec)


def _read_file(spec: str) -> RawArticle:
    path = Path(spec)
    try:
        if not path.exists():
            raise InputError(f"{spec}: no such file")
        if not path.is_file():
            raise InputError(f"{spec}: not a regular file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{spec}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{spec}: cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() in _HTML_SUFFIXES:
        return _from_html(spec, data)
    return RawArticle(source=spec, text=_decode_text(spec, data), title=_text_title(spec))


def _decode_text(spec: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(f"{spec}: empty file")
    if b"\x00" in data:
        raise InputError(f"{spec}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{spec}: not UTF-8 text (undecodable byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{spec}: empty file")
    return text


def _text_title(spec: str) -> str:
    return Path(spec).stem


def _from_html(spec: str, data: bytes | str, base_url: str | None = None) -> RawArticle:
    if isinstance(data, bytes) and b"\x00" in data:
        raise InputError(f"{spec}: binary file, not HTML")
    page = parse_html(data, base_url)
    if not page.text.strip():
        raise InputError(f"{spec}: no article text found in the page")
    return RawArticle(source=spec, text=page.text, title=page.title, published=page.published, links=page.links)


def _fetch(url: str, client: httpx.Client | None) -> RawArticle:
    own = client is None
    if own:
        client = make_client()
    try:
        for attempt in range(ATTEMPTS):
            try:
                return _fetch_once(url, client)
            except _Retryable as exc:
                if attempt == ATTEMPTS - 1:
                    raise InputError(f"{url}: {exc}") from None
                time.sleep(BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)])
        raise AssertionError("unreachable")
    finally:
        if own:
            client.close()


def make_client() -> httpx.Client:
    return httpx.Client(
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
    )


class _Retryable(Exception):
    pass


def _fetch_once(url: str, client: httpx.Client) -> RawArticle:
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 500:
                raise _Retryable(f"server error HTTP {response.status_code}")
            if response.status_code >= 400:
                raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype not in _HTML_TYPES + _TEXT_TYPES:
                raise InputError(f"{url}: not an HTML page (content-type {ctype or 'missing'})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_BYTES:
                raise InputError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InputError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
                chunks.append(chunk)
            data = b"".join(chunks)
            final_url = str(response.url)
            encoding = response.charset_encoding
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise _Retryable("timed out") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    if ctype in _TEXT_TYPES:
        try:
            text = data.decode(encoding or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise InputError(f"{url}: text in an unknown or wrong encoding") from None
        if not text.strip():
            raise InputError(f"{url}: empty page")
        return RawArticle(source=url, text=text)
    return _from_html(url, data, final_url)
