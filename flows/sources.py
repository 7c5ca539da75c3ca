"""Where sources come from: locations in config files resolved against the file, and sources files read.

A relative path in a sources file (``verify --sources-file``, ``serve --sources``) or a feeds config
means a file next to that config, not in whatever folder the command happens to run from:
:func:`resolve_location` is the one rule for both (URLs and absolute paths are kept as written).
"""

from __future__ import annotations

import os
from pathlib import Path

from flows.inputs import is_url
from flows.localfiles import LocalFileRefused, check_local
from warehouse import WarehouseError

__all__ = ["read_sources_file", "resolve_location"]


def resolve_location(location: str, base: str | os.PathLike[str]) -> str:
    """``location`` as a path that does not depend on the working directory: a URL or an absolute
    path as given, a relative path joined to the folder ``base`` and resolved."""
    if is_url(location) or Path(location).is_absolute():
        return location
    return str((Path(base) / location).resolve())


def read_sources_file(path: str | os.PathLike[str]) -> list[dict]:
    """``[[sources]]`` entries of a TOML file: location (required), label, article; each relative
    location resolved against the file's folder (:func:`resolve_location`)."""
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
    return [{**entry, "location": resolve_location(entry["location"], base)} for entry in entries]
