"""Where sources come from: locations in config files resolved against the file, and sources files read.

A relative path in a sources file (``verify --sources-file``, ``serve --sources``) or a feeds config
means a file next to that config, not in whatever folder the command happens to run from:
:func:`resolve_location` is the one rule for both (URLs and absolute paths are kept as written).
A local source must be a readable file when it is registered (:func:`checked_location`), by
``source add`` or from a sources file, so a typo is one line then, not a dead source later.

An article is never a source for itself: ``ingest --register-links`` leaves out the links to the
article's own page (``href="#"``, ``href="#share"``, its URL with tracking parameters, ...;
:func:`cited_sources`), and verify skips, per claim, a source at the article's own location
(:func:`same_location`) or whose content is the article's (:func:`article_key`: the article id
ingest would give the page, compared with the claim's article id).
"""

from __future__ import annotations

import os
from pathlib import Path

from claims.urls import normalise_url, same_page
from flows.charsets import HTML_TYPES
from flows.inputs import RawArticle, is_url
from flows.localfiles import LocalFileRefused, check_local
from warehouse import WarehouseError

__all__ = ["article_key", "checked_location", "cited_sources", "read_sources_file", "resolve_location",
           "same_location"]


def resolve_location(location: str, base: str | os.PathLike[str]) -> str:
    """``location`` as a path that does not depend on the working directory: a URL or an absolute
    path as given, a relative path joined to the folder ``base`` and resolved."""
    if is_url(location) or Path(location).is_absolute():
        return location
    return str((Path(base) / location).resolve())


def read_listing(path: str | os.PathLike[str], *, kind: str, hint: str, error: type[Exception]) -> list[str]:
    """The entries of a text file that lists one path or URL a line (a feeds config, an input list):
    ``#`` starts a comment at the start of a line or after a blank (a URL may hold '#'), relative paths
    are relative to the file's folder. A file that cannot be read raises ``error`` with one line naming
    it: ``kind`` names what it is ("feeds config"), ``hint`` what it should hold."""
    listing = Path(path)
    try:
        check_local(listing)
        lines = listing.read_text(encoding="utf-8").splitlines()
    except LocalFileRefused as exc:
        raise error(f"{listing}: {exc}") from None
    except FileNotFoundError:
        raise error(f"{listing}: no such {kind} ({hint})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{listing}: cannot read the {kind}: {exc}") from None
    entries = (line.split(" #", 1)[0].strip() for line in lines)
    return [resolve_location(e, listing.parent) for e in entries if e and not e.startswith("#")]


def checked_location(location: str, base: str | os.PathLike[str]) -> str:
    """A location fit to register: an http(s) URL as given, or a readable local file as an absolute
    path (relative to ``base``); WarehouseError with one line naming it otherwise."""
    if is_url(location):
        return location
    if not location.strip():
        raise WarehouseError("a source needs a location: an http(s) URL or a local file")
    if "://" in location:
        raise WarehouseError(f"{location}: only http(s) URLs and local files can be sources")
    path = resolve_location(location, base)
    try:
        check_local(path)
    except LocalFileRefused as exc:
        raise WarehouseError(f"{location}: {exc}") from None
    file = Path(path)
    if not file.exists():
        raise WarehouseError(f"{location}: no such file")
    if not file.is_file():
        raise WarehouseError(f"{location}: not a regular file")
    try:
        with file.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise WarehouseError(f"{location}: cannot read: {exc.strerror or exc}") from None
    return path


def read_sources_file(path: str | os.PathLike[str]) -> list[dict]:
    """``[[sources]]`` entries of a TOML file: location (required), label, article; each relative
    location resolved against the file's folder, and each local one a readable file
    (:func:`checked_location`): one bad entry refuses the whole file, so nothing of it is registered."""
    import tomllib

    try:
        check_local(path)
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except LocalFileRefused as exc:
        raise WarehouseError(f"{path}: {exc}") from None
    except OSError as exc:
        raise WarehouseError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("sources", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("location"), str) for e in entries):
        raise WarehouseError(f"{path}: expected [[sources]] tables, each with a location")
    base = Path(path).resolve().parent
    checked = []
    for entry in entries:
        try:
            checked.append({**entry, "location": checked_location(entry["location"], base)})
        except WarehouseError as exc:
            raise WarehouseError(f"{path}: source {exc}") from None
    return checked


def same_location(a: str, b: str | None) -> bool:
    """Whether two locations name one document: URLs once normalised (``claims.urls``), paths when
    written alike (a relative path's meaning depends on the folder it was given in; a copy of the
    article elsewhere is caught by its content, :func:`article_key`)."""
    if b is None:
        return False
    if is_url(a) or is_url(b):
        return same_page(a, b)
    return os.path.normpath(a) == os.path.normpath(b)


def cited_sources(raw: RawArticle) -> tuple[str, ...]:
    """The links of an article to register as its sources: each page once (by its normalised URL),
    none to the article's own page (where it was asked for or, after redirects, read from)."""
    own = {normalise_url(u) for u in (raw.source, raw.final_url) if u and is_url(u)}
    found: dict[str, str] = {}
    for link in raw.links:
        key = normalise_url(link)
        if is_url(link) and key not in own:
            found.setdefault(key, link)
    return tuple(found.values())


def article_key(fetched) -> str | None:
    """The article id (``claims.extract.article_id``) ingest would give a fetched page or file, read as
    ingest reads it (an HTML page's main text, a text file as it is); None for other content (a
    table) or when nothing was read. ``fetched``: a ``flows.fetch.Fetched``."""
    if not fetched.ok or fetched.body is None or fetched.not_modified:
        return None
    from claims.extract import article_id
    from claims.html import parse_html

    if fetched.content_type in HTML_TYPES:
        text = parse_html(fetched.text if fetched.text is not None else fetched.body, fetched.final_url).text
    elif fetched.content_type == "text/plain":
        text = fetched.text if fetched.text is not None else fetched.body.decode("utf-8-sig", errors="replace")
    else:
        return None
    return article_id(text) if text.strip() else None
