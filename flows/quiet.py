"""Keep Prefect's internal noise off a person's terminal.

The temporary local API that Prefect starts for a flow run without a server logs
``CancelledError`` tracebacks and telemetry failures when it stops; users must not see them.
Real flow failures still surface: they are raised to the caller.
"""

from __future__ import annotations

import logging

__all__ = ["quiet_prefect"]

# Loggers whose records are server housekeeping, not the user's business.
_NOISY = ("uvicorn", "uvicorn.error", "uvicorn.access", "prefect.server", "prefect._internal", "asyncio",
          "prefect.server.services.telemetry", "docket")


def quiet_prefect() -> None:
    """Silence the housekeeping loggers for the rest of the process (the server stops at exit)."""
    for name in _NOISY:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
