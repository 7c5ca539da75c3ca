"""Which local files the pipeline may read: what a flow run started from the Prefect UI can reach.

A person running ``claimtrack`` in a shell may name any file they can read. A flow run of
``claimtrack serve`` is different: anyone with the Prefect UI can start one with their own
parameters (a feeds config, a sources file), and what the run reads ends up in artifacts everyone
sees. So ``claimtrack serve`` sets ``CLAIMTRACK_LOCAL_ROOTS`` (folders separated by ``os.pathsep``)
to the folders of its feeds config, its sources file and its database, unless it is set already;
its flow runs are its subprocesses and inherit it. While it is set, a local file outside those
folders (after symbolic links are resolved) is refused with one line, wherever it is read: a feeds
config, a local feed, an article file, a sources file, a local source.

Set ``CLAIMTRACK_LOCAL_ROOTS`` yourself to restrict (or widen) what any command may read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["ROOTS_ENV", "LocalFileRefused", "check_database", "check_local", "local_roots", "roots_value"]

ROOTS_ENV = "CLAIMTRACK_LOCAL_ROOTS"


class LocalFileRefused(ValueError):
    """A local file outside the folders this process may read; ``str()`` is the one-line reason."""


def local_roots() -> tuple[Path, ...] | None:
    """The folders local files may be read from, or None when any readable file may be."""
    value = os.environ.get(ROOTS_ENV, "").strip()
    if not value:
        return None
    return tuple(Path(p).expanduser().resolve() for p in value.split(os.pathsep) if p.strip())


def roots_value(paths: Iterable[str | os.PathLike[str] | None]) -> str:
    """The ``CLAIMTRACK_LOCAL_ROOTS`` value for these files: their folders, each once (a folder
    contains itself and everything below it)."""
    folders = [str(Path(p).expanduser().resolve().parent) for p in paths if p]
    return os.pathsep.join(dict.fromkeys(folders))


def check_local(path: str | os.PathLike[str]) -> Path:
    """``path`` resolved; LocalFileRefused when the roots are set and it lies outside all of them."""
    resolved = Path(path).expanduser().resolve()
    roots = local_roots()
    if roots is not None and not any(resolved == root or resolved.is_relative_to(root) for root in roots):
        where = ", ".join(str(r) for r in roots)
        raise LocalFileRefused(f"outside the folders local files may be read from ({where}; set by {ROOTS_ENV})")
    return resolved


def check_database(db: str | os.PathLike[str]) -> None:
    """A flow's ``db`` parameter (a UI user may type any path): LocalFileRefused outside the roots.
    A DuckLake URL (``ducklake:postgres:...``) names no local file: not checked here."""
    if isinstance(db, str) and db.strip().startswith("ducklake:"):
        return
    try:
        check_local(db)
    except LocalFileRefused as exc:
        raise LocalFileRefused(f"database {db}: {exc}") from None
