"""One URL normaliser, to tell whether two links name the same page (an article and its sources).

``normalise_url`` keeps what picks the document and drops what does not: the scheme and host are
lower-cased, a default port (80 for http, 443 for https), a trailing slash, the fragment and
tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) are dropped; the other query parameters
keep their order and spelling. It is for comparing, not fetching: a server may well answer
``/a/`` and ``/a`` differently, so the location registered is the link as written.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMETERS", "normalise_url", "same_page"]

# Query parameters that say where a reader came from, never which document they get.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(pair: str) -> bool:
    key = pair.split("=", 1)[0].lower()
    return key.startswith("utm_") or key in TRACKING_PARAMETERS


@lru_cache(maxsize=4096)
def normalise_url(url: str) -> str:
    """``url`` in the form two links to the same page share; anything but an http(s) URL (a local
    path, a URL whose port is not a number) is returned trimmed and otherwise as given."""
    text = url.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return text
    try:
        port = parts.port
    except ValueError:
        return text
    host = parts.hostname.rstrip(".")  # urlsplit lower-cases it; "example.org." is example.org
    if ":" in host:  # IPv6: urlsplit drops the brackets
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        host = f"{userinfo}@{host}"
    path = parts.path.rstrip("/") or "/"
    query = "&".join(p for p in parts.query.split("&") if p and not _tracking(p))
    return urlunsplit((scheme, host, path, query, ""))


def same_page(a: str, b: str) -> bool:
    """Whether two http(s) URLs name the same page once normalised (False unless both are URLs)."""
    na, nb = normalise_url(a), normalise_url(b)
    return na == nb and na.startswith(("http://", "https://"))
