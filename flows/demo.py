"""The seed, verified: serve ``seeds/sources/`` on 127.0.0.1, ingest the seed, verify, print verdicts.

Used by ``make demo`` (``claimtrack demo``) and by the tests of the expected seed verdicts.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["DEMO_PORT", "SEED_ARTICLES", "SOURCES_DIR", "serve_directory", "run_demo"]

ROOT = Path(__file__).resolve().parents[1]
SOURCES_DIR = ROOT / "seeds" / "sources"
SEED_ARTICLES = [ROOT / "seeds" / "nato-russia-2021-10.txt", ROOT / "seeds" / "nato-russia-misstated.txt"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the demo's output is the verdicts
        pass


@contextlib.contextmanager
def serve_directory(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder over HTTP on a loopback port (0: any free one); yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


DEMO_PORT = 8765  # fixed, so a second demo run finds the same source URLs (and gets 304s)


def run_demo(db: str, port: int = DEMO_PORT):
    """Ingest the seed articles, register the local source pages by URL, verify every claim."""
    from flows.ingest import ingest_articles
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    ingest_articles([str(p) for p in SEED_ARTICLES], db=db)
    with serve_directory(SOURCES_DIR, port) as base:
        for page in sorted(SOURCES_DIR.glob("*.html")):
            add_source(f"{base}/{page.name}", label=page.stem, db=db)
        return verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
