"""Reading an article from a file or a URL; every failure becomes one clear ``InputError`` line.

URLs are fetched by :mod:`flows.fetch` (the fetcher verify uses): addresses checked where the
connection is made, so private and loopback addresses are refused unless their host is in
``allowed_hosts``; one deadline per fetch; the size cap applied to the decoded body while it
streams; the charset from the byte-order mark, the header or the page, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claims.html import parse_html
from flows.fetch import (
    USER_AGENT,
    Fetched,
    FetchPolicy,
    FetchRequest,
    fetch_sync,
    size_text,
)
from flows.localfiles import LocalFileRefused, check_local

__all__ = ["USER_AGENT", "InputError", "RawArticle", "read_input", "read_inputs"]

MAX_BYTES = 10 * 1024 * 1024  # size cap for a fetched page (decoded) or a file
MAX_REDIRECTS = 5
TIMEOUT = 20.0  # per read
CONNECT_TIMEOUT = 10.0
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
    final_url: str | None = None  # where a fetched page was read from, after redirects


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def policy(allowed_hosts: Iterable[str] = ()) -> FetchPolicy:
    """How ingest fetches: this module's limits (read when called), robots.txt not consulted."""
    return FetchPolicy(
        max_bytes=MAX_BYTES, timeout=TIMEOUT, connect_timeout=CONNECT_TIMEOUT, max_redirects=MAX_REDIRECTS,
        attempts=ATTEMPTS, backoff=tuple(BACKOFF_SECONDS), respect_robots=False,
        allowed_hosts=frozenset(allowed_hosts),  # deadline: flows.fetch.DEADLINE (60 s)
        accept=_HTML_TYPES + _TEXT_TYPES, accept_header="text/html,application/xhtml+xml,text/plain;q=0.8",
    )


def read_input(spec: str, *, allowed_hosts: Iterable[str] = ()) -> RawArticle:
    """Read one article; raise InputError with a one-line reason.

    ``allowed_hosts``: hosts a URL may name even if they are private or loopback addresses, e.g.
    ``{"127.0.0.1"}``; by default only public addresses are fetched."""
    outcome = read_inputs([spec], allowed_hosts=allowed_hosts)[0][1]
    if isinstance(outcome, str):
        raise InputError(outcome)
    return outcome


def read_inputs(specs: Sequence[str], *, allowed_hosts: Iterable[str] = ()) -> list[tuple[str, RawArticle | str]]:
    """Read every input, URLs concurrently (8 at once, 2 per host); a failure is its one-line reason.

    In the order of ``specs``; never raises for a bad input, so a batch keeps its good ones."""
    urls = list(dict.fromkeys(s for s in specs if is_url(s)))
    fetched = dict(zip(urls, fetch_sync([FetchRequest(u) for u in urls], policy(allowed_hosts))))
    results: list[tuple[str, RawArticle | str]] = []
    for spec in specs:
        try:
            if is_url(spec):
                results.append((spec, _article(spec, fetched[spec])))
            elif "://" in spec:
                raise InputError(f"{spec}: only http(s) URLs and local files can be read")
            else:
                results.append((spec, _read_file(spec)))
        except InputError as exc:
            results.append((spec, str(exc)))
    return results


def _read_file(spec: str) -> RawArticle:
    path = Path(spec)
    try:
        check_local(path)
    except LocalFileRefused as exc:
        raise InputError(f"{spec}: {exc}") from None
    try:
        if not path.exists():
            raise InputError(f"{spec}: no such file")
        if not path.is_file():
            raise InputError(f"{spec}: not a regular file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{spec}: larger than {size_text(MAX_BYTES)}")
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
    return RawArticle(source=spec, text=page.text, title=page.title, published=page.published, links=page.links,
                      final_url=base_url)


def _article(url: str, fetched: Fetched) -> RawArticle:
    """A fetched page as an article, or InputError with the fetch's reason."""
    if not fetched.ok:
        error = fetched.error or "failed"
        if error.startswith(("not HTML or text", "PDF sources")):
            error = f"not an HTML page (content-type {fetched.content_type or 'missing'})"
        elif error.startswith("larger than"):
            error = f"larger than {size_text(MAX_BYTES)}"
        raise InputError(f"{url}: {error}")
    text = fetched.text
    if text is None:  # not decoded: cannot happen for the types ingest accepts
        raise InputError(f"{url}: text in an unknown encoding")
    if fetched.content_type in _TEXT_TYPES:
        if not text.strip():
            raise InputError(f"{url}: empty page")
        return RawArticle(source=url, text=text)
    return _from_html(url, text, fetched.final_url)
