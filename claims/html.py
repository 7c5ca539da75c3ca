"""Main text, title and publication date of a news page, with BeautifulSoup (lxml).

The text returned is what the article's offsets index: block elements (paragraphs, headings,
list items, quotes) joined by blank lines, so sentence splitting treats each as a paragraph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from bs4.element import Tag

__all__ = ["Page", "parse_html"]

# Elements that never hold article text.
_NOISE = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
          "iframe", "svg", "button", "figure")
# Block elements whose text is a paragraph of the article.
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th", "dd", "dt")
# <meta> names and properties that carry the publication date, most specific first.
_DATE_META = ("article:published_time", "og:article:published_time", "datePublished", "pubdate",
              "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: str | None  # the raw date string found; the caller normalises it
    links: tuple[str, ...] = ()  # http(s) links cited in the article text, absolute, in order


def parse_html(html: str | bytes, base_url: str | None = None) -> Page:
    """Bytes are decoded by BeautifulSoup (meta charset, BOM, or a guess); str is used as given."""
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    published = _published(soup)
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    links = _links(root, base_url)
    paragraphs: list[str] = []
    for block in root.find_all(_BLOCKS):
        if block.find_parent(_BLOCKS) is not None:  # nested blocks: the outer one has the text
            continue
        line = _SPACE.sub(" ", block.get_text(" ")).strip()
        if line:
            paragraphs.append(line)
    if not paragraphs and isinstance(root, Tag):
        line = _SPACE.sub(" ", root.get_text(" ")).strip()
        if line:
            paragraphs.append(line)
    return Page("\n\n".join(paragraphs), title, published, links)


def _links(root, base_url: str | None) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for anchor in root.find_all("a", href=True):
        href = urljoin(base_url, anchor["href"].strip()) if base_url else anchor["href"].strip()
        href = href.split("#", 1)[0]
        if href.startswith(("http://", "https://")):
            found.setdefault(href, None)
    return tuple(found)


def _title(soup: BeautifulSoup) -> str | None:
    for attrs in ({"property": "og:title"}, {"name": "twitter:title"}):
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content", "").strip():
            return _SPACE.sub(" ", meta["content"]).strip()
    if soup.title and soup.title.string and soup.title.string.strip():
        return _SPACE.sub(" ", soup.title.string).strip()
    h1 = soup.find("h1")
    if h1:
        return _SPACE.sub(" ", h1.get_text(" ")).strip() or None
    return None


def _published(soup: BeautifulSoup) -> str | None:
    for key in _DATE_META:
        for attr in ("property", "name", "itemprop"):
            meta = soup.find("meta", attrs={attr: key})
            if meta and meta.get("content", "").strip():
                return meta["content"].strip()
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        found = _jsonld_date(script.string or "")
        if found:
            return found
    time = soup.find("time", attrs={"datetime": True})
    if time and time["datetime"].strip():
        return time["datetime"].strip()
    return None


def _jsonld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None
