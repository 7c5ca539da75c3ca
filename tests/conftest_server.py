"""A real Prefect server and a real headless Chromium for the UI tests (loaded with ``pytest_plugins``).

- ``prefect_server``: one ``prefect server start`` per session on a free 127.0.0.1 port, with its
  own PREFECT_HOME under tmp; killed by PID (its process group) at the end, pass or fail.
  ``running_server(home)`` is the same as a context manager, for a module's server of its own
  (it and the other process helpers live in ``tools/localstack.py``, shared with ``bench/scale.py``).
- ``prefect_api``: point this process's Prefect client at that server for one test (a settings
  context, so the lead's ``prefect_harness`` and other tests are unaffected).
- ``served``: ``claimtrack serve`` against that server, for tests of the deployments.
- ``chromium``: headless Chromium driven over the DevTools protocol (no Playwright needed).
  Without the ``chromium`` binary the browser tests skip locally and fail when ``CI`` is set.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tools.localstack import (  # noqa: F401  (shared with the benches; re-exported for the tests)
    SERVER_START_SECONDS,
    PrefectServer,
    free_port,
    prefect_env,
    running_server,
    stop_process,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-dev-shm-usage", "--window-size=1400,1000", "--remote-debugging-port=0",
)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory) -> Iterator[PrefectServer]:
    with running_server(tmp_path_factory.mktemp("prefect-server-home")) as server:
        yield server


@pytest.fixture
def prefect_api(prefect_server) -> Iterator[PrefectServer]:
    """This test's flows and clients talk to the real server."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api}):
        yield prefect_server


@dataclass(frozen=True)
class Served:
    server: PrefectServer
    db: str  # the database the deployments default to (tests pass their own)
    feeds: str
    log: Path


@pytest.fixture(scope="session")
def served(prefect_server, tmp_path_factory) -> Iterator[Served]:
    """``claimtrack serve`` registered against the session's server, with test schedules."""
    work = tmp_path_factory.mktemp("served")
    feeds = work / "feeds.txt"
    feeds.write_text("# no entries: scheduled runs during the tests find nothing to do\n")
    db = work / "scheduled.duckdb"
    log = work / "serve.log"
    # The tests' databases live in their own temporary folders: let the runs read those and the
    # project (config/sources.toml, seeds/), and nothing else (a test of the roots themselves uses
    # a folder under /tmp outside pytest's).
    env = {**prefect_env(prefect_server.home, prefect_server.api),
           "CLAIMTRACK_LOCAL_ROOTS": os.pathsep.join([str(tmp_path_factory.getbasetemp()), str(ROOT)])}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--db", str(db), "--feeds", str(feeds),
             "--ingest-cron", "0 * * * *", "--verify-cron", "*/15 * * * *", "--recheck-cron", "30 3 * * *"],
            stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True, cwd=ROOT,
        )

    def registered() -> bool:
        try:
            r = httpx.post(f"{prefect_server.api}/deployments/count", json={}, timeout=5)
            return r.status_code == 200 and int(r.text) >= 6
        except httpx.HTTPError:
            return False

    try:
        wait_until(registered, 120, "claimtrack serve", 0.5, process)
        yield Served(prefect_server, str(db), str(feeds), log)
    except BaseException:
        print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        stop_process(process)


# --- Chromium over the DevTools protocol -------------------------------------------------------

def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class Browser:
    """One page of a headless Chromium, driven with DevTools protocol commands over a websocket."""

    def __init__(self, process: subprocess.Popen, ws) -> None:
        self.process = process
        self.ws = ws
        self._ids = itertools.count(1)

    def send(self, method: str, **params):
        msg_id = next(self._ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == msg_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def goto(self, url: str) -> None:
        self.send("Page.navigate", url=url)

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def text(self) -> str:
        return self.evaluate("document.body ? document.body.innerText : ''") or ""

    def wait_for_text(self, needle: str, timeout: float = 90, reload_every: float | None = 30) -> str:
        """The page's text once it holds ``needle``. The Prefect UI is a single-page app that, on a loaded
        machine, can stay on an empty view when one of its API calls is slow (it does not try again): as a
        user would, the page is reloaded every ``reload_every`` seconds until ``timeout`` (None: never, for
        a page whose state a reload would lose, such as an open form)."""
        if reload_every is None:
            wait_until(lambda: needle in self.text(), timeout, f"page text {needle!r}", 0.5)
            return self.text()
        deadline = time.monotonic() + timeout
        while True:
            try:
                wait_until(lambda: needle in self.text(), max(0.5, min(reload_every, deadline - time.monotonic())),
                           f"page text {needle!r}", 0.5)
                return self.text()
            except TimeoutError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"page text {needle!r}: not within {timeout:g} s") from None
                self.send("Page.reload", ignoreCache=True)

    def screenshot(self, path: Path, scale: float = 1.0) -> Path:
        """The viewport as a PNG; ``scale`` < 1 gives a smaller image (for docs/)."""
        size = self.evaluate("[window.innerWidth, window.innerHeight]")
        clip = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": scale}
        data = self.send("Page.captureScreenshot", format="png", clip=clip)["data"]
        path.write_bytes(base64.b64decode(data))
        return path


@pytest.fixture
def chromium(tmp_path) -> Iterator[Browser]:
    from websockets.sync.client import connect

    binary = chromium_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install -y chromium); required when CI is set")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    process = subprocess.Popen(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"

        def devtools_port() -> int | None:  # the file appears before its contents are written
            lines = port_file.read_text().split() if port_file.exists() else []
            return int(lines[0]) if len(lines) >= 2 else None

        port = wait_until(devtools_port, 60, "chromium DevTools port", 0.1, process)
        targets = wait_until(
            lambda: [t for t in httpx.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json()
                     if t.get("type") == "page"],
            30, "chromium page target",
        )
        with connect(targets[0]["webSocketDebuggerUrl"], max_size=2**26, open_timeout=30) as ws:
            browser = Browser(process, ws)
            browser.send("Page.enable")
            browser.send("Runtime.enable")
            yield browser
    finally:
        stop_process(process, grace=5)
