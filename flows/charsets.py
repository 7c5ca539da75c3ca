"""The charset of a fetched text body, and that body handed on as UTF-8.

The charset comes from a byte-order mark, else the Content-Type header, else a ``<meta charset>``
or XML declaration, else UTF-8. A declared charset that does not decode the body cleanly, or one
we refuse (utf-7, unicode-escape, ...), is a ``CharsetError`` with a one-line reason, never
mojibake. iso-8859-1 and ascii labels are read as windows-1252, as browsers do.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["HTML_TYPES", "CharsetError", "declared_in_document", "decode_text", "header_charset", "utf8_body"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


class CharsetError(ValueError):
    """A text body whose charset we cannot trust; ``str()`` is the one-line reason."""


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Python codecs that are not charsets of documents (or are an XSS vector, utf-7).
_REFUSED = {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "charmap"}
_META = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
_PROBE = b"<!-- Az09 =;\n -->"


def header_charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").strip().lower() or None
    return None


def declared_in_document(body: bytes, ctype: str) -> str | None:
    """The charset a document declares of itself: an XML declaration, or ``<meta charset>`` in HTML."""
    head = body[:4096]
    found = _XML_DECLARATION.match(head)
    if found is None and ctype in HTML_TYPES:
        found = _META.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def _codec(label: str) -> codecs.CodecInfo:
    try:
        info = codecs.lookup(label)
    except LookupError:
        raise CharsetError(f"declared charset {label} is unknown") from None
    if not getattr(info, "_is_text_encoding", True):
        raise CharsetError(f"declared charset {label} is unknown")
    if info.name in _REFUSED:
        raise CharsetError(f"declared charset {label} is refused")
    return info


def _ascii_compatible(name: str) -> bool:
    try:
        return _PROBE.decode(name) == _PROBE.decode("ascii")
    except (UnicodeDecodeError, ValueError):
        return False


def _utf8_not_ascii(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_text(body: bytes, ctype: str, content_type_header: str = "") -> tuple[str, str]:
    """The text of a body and the charset it was decoded from; CharsetError when it cannot be trusted.

    Order: a byte-order mark, the Content-Type charset, the document's own declaration, else UTF-8."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            try:
                return _no_nul(body[len(bom):].decode(name)), name
            except UnicodeDecodeError:
                raise CharsetError(f"the body starts with a {name} byte-order mark but does not decode as {name}") from None
    label = header_charset(content_type_header)
    from_document = False
    if label is None:
        label = declared_in_document(body, ctype)
        from_document = label is not None
    if label is None:
        try:
            return _no_nul(body.decode("utf-8")), "utf-8"
        except UnicodeDecodeError as exc:
            raise CharsetError(f"no charset declared and the body is not UTF-8 (undecodable byte at offset {exc.start})") from None
    info = _codec(label)
    name = info.name
    wide = name.startswith(("utf-16", "utf-32"))
    if from_document and wide:  # a declaration readable as ASCII is not in UTF-16 (as browsers read it)
        name, wide = "utf-8", False
    wrong = f"declared charset {label} does not decode the body"
    if not _ascii_compatible(name):
        if (b"\x00" not in body) if wide else body.isascii():
            raise CharsetError(wrong)
        if name.startswith("utf-16"):
            name = _utf16_order(body, name, wrong)
        elif name == "utf-32":
            name = "utf-32-le"
    elif name != "utf-8" and _utf8_not_ascii(body):
        raise CharsetError(f"{wrong} (it reads as UTF-8)")
    if name in ("iso8859-1", "ascii"):  # as browsers read these labels: windows-1252
        try:
            return _no_nul(body.decode("cp1252")), name
        except UnicodeDecodeError:
            return _no_nul(body.decode("latin-1")), name
    try:
        return _no_nul(body.decode(name)), name
    except UnicodeDecodeError:
        raise CharsetError(wrong) from None


def _utf16_order(body: bytes, name: str, wrong: str) -> str:
    """UTF-16 without a byte-order mark: the byte order its NUL bytes show (Latin text, markup)."""
    head = body[:8192]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    shows = "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else None
    if name == "utf-16":
        return shows or "utf-16-le"
    if shows is not None and shows != name:
        raise CharsetError(wrong)
    return name


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise CharsetError("binary data, not text")
    return text


def utf8_body(raw: bytes, text: str, charset: str, ctype: str) -> bytes:
    """The body as UTF-8; HTML with a UTF-8 byte-order mark unless it was UTF-8 throughout already."""
    if ctype not in HTML_TYPES:
        return raw if charset == "utf-8" and not raw.startswith(codecs.BOM_UTF8) else text.encode("utf-8")
    if charset == "utf-8":
        if raw.startswith(codecs.BOM_UTF8):
            return raw
        inner = declared_in_document(raw, ctype)
        try:
            consistent = inner is None or codecs.lookup(inner).name == "utf-8"
        except LookupError:
            consistent = False
        if consistent:
            return raw
    return codecs.BOM_UTF8 + text.encode("utf-8")
