"""Posting JSON to a webhook (the morning digest's Slack-compatible message), as carefully as a fetch.

- the connection goes through the fetcher's address guard (:mod:`flows.addresses`): a host on a
  private or loopback address is refused unless it is allowed (``--allow-host``), and the address
  checked is the address connected to; proxies from the environment are not used;
- redirects are not followed (a webhook that redirects is a failure, not a new destination);
- a timeout per attempt, and one retry (after ``retry_delay`` seconds) when the first attempt could not
  connect, timed out, or got a 5xx or 429 answer; a refusal by the guard or another 4xx is not retried;
- a failure is :class:`WebhookError`, whose message is one line naming only the webhook's scheme, host
  and port: a Slack webhook URL's path is its secret, so it is never printed or logged.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpx

from flows.addresses import AddressGuard, PinnedTransport, Refused
from flows.fetch import USER_AGENT

__all__ = ["ATTEMPTS", "RETRY_DELAY", "TIMEOUT", "WebhookError", "post_json", "webhook_origin"]

TIMEOUT = 10.0  # seconds per attempt, connecting and answering included
RETRY_DELAY = 2.0  # seconds before the one retry
ATTEMPTS = 2  # the first attempt and one retry


class WebhookError(Exception):
    """A POST that did not get a 2xx answer; ``str()`` is one line without the URL's secret path."""


def webhook_origin(url: str) -> str:
    """``scheme://host[:port]`` of a webhook URL: what may be shown of it."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "(not a valid URL)"
    host = parts.hostname or "?"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def post_json(url: str, payload: dict, *, allowed_hosts: Iterable[str] = (), timeout: float = TIMEOUT,
              retry_delay: float = RETRY_DELAY, attempts: int = ATTEMPTS) -> int:
    """POST ``payload`` as JSON to ``url``; returns the HTTP status of the answer (2xx), else raises
    :class:`WebhookError`. ``allowed_hosts`` may be private or loopback addresses (e.g. 127.0.0.1)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise WebhookError("the webhook is not a valid URL") from None
    if parts.scheme not in {"http", "https"} or not host:
        raise WebhookError(f"the webhook must be an http(s) URL, not {webhook_origin(url)}")
    job = _post(url, payload, frozenset(allowed_hosts), timeout, retry_delay, max(1, attempts))
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(job)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:  # called from async code (a Prefect task)
        return pool.submit(asyncio.run, job).result()


async def _post(url: str, payload: dict, allowed: frozenset[str], timeout: float, retry_delay: float,
                attempts: int) -> int:
    where = webhook_origin(url)
    async with httpx.AsyncClient(
        transport=PinnedTransport(AddressGuard(allowed_hosts=allowed)), trust_env=False,
        timeout=httpx.Timeout(timeout), follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        for attempt in range(1, attempts + 1):
            retry = True
            try:
                async with asyncio.timeout(timeout):
                    response = await client.post(url, json=payload)
            except Refused as exc:
                raise WebhookError(f"{where}: {exc}") from None
            except (TimeoutError, httpx.TimeoutException):
                error = f"no answer within {timeout:g} s"
            except httpx.ConnectError as exc:
                error = f"cannot connect: {_reason(exc)}"
            except httpx.InvalidURL as exc:
                raise WebhookError(f"{where}: not a valid URL: {_one_line(exc)}") from None
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {_one_line(exc)}"
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return status
                error = f"answered HTTP {status} {response.reason_phrase}".rstrip()
                retry = status >= 500 or status == 429
            if not retry or attempt == attempts:
                tried = f" ({attempt} attempts)" if attempt > 1 else ""
                raise WebhookError(f"{where}: {error}{tried}")
            await asyncio.sleep(retry_delay)
    raise AssertionError("unreachable")


def _reason(exc: BaseException) -> str:
    """The OS reason of a connection failure ("Connection refused"), found in the causes and wrapped
    arguments httpx and httpcore leave, else the message itself."""
    pending, seen = [exc], set()
    while pending:
        cause = pending.pop(0)
        if id(cause) in seen:
            continue
        seen.add(id(cause))
        if isinstance(cause, OSError) and cause.strerror:
            return os.strerror(cause.errno) if cause.errno else cause.strerror
        pending += [a for a in cause.args if isinstance(a, BaseException)]
        pending += [c for c in (cause.__cause__, cause.__context__) if c is not None]
    return _one_line(exc)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
