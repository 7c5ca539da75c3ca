"""The command line's hold on what it starts: Prefect's temporary API server dies with the command.

Without ``PREFECT_API_URL``, the first flow run in a process makes Prefect start a temporary API server
(``uvicorn`` in a child process) that it stops at exit. A command killed with SIGKILL never reaches
its exit, and one stopped with SIGTERM skips the atexit hook: the server child would stay, listening,
holding ≈ 200 MB. :func:`own_temporary_server` makes that child ask the kernel for a parent-death
signal (``prctl(PR_SET_PDEATHSIG, SIGTERM)``, Linux), so it stops however the command ends;
:func:`stop_on_signals` turns SIGTERM into an exception, so a flow run stopped that way ends as
Crashed in Prefect (not RUNNING forever) and the usual cleanup runs.
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import threading

__all__ = ["own_temporary_server", "stop_on_signals"]

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # not Linux: the server stops at a normal exit as before


def own_temporary_server() -> None:
    """Start Prefect's temporary server (when it is started) as a child that dies with this process."""
    if not sys.platform.startswith("linux"):
        return
    from prefect.server.api import server

    cls = server.SubprocessASGIServer
    if getattr(cls, "_claimtrack_owned", False):
        return
    original = cls._run_uvicorn_command

    def run_uvicorn_command(self):
        popen = subprocess.Popen

        def with_parent_death_signal(*args, **kwargs):
            kwargs.setdefault("preexec_fn", _die_with_parent)
            return popen(*args, **kwargs)

        subprocess.Popen = with_parent_death_signal
        try:
            return original(self)
        finally:
            subprocess.Popen = popen

    cls._run_uvicorn_command = run_uvicorn_command
    cls._claimtrack_owned = True


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is: its flow run ends as Crashed and the exit hooks run."""


def stop_on_signals() -> None:
    """SIGTERM raises :class:`Terminated` in the main thread (a no-op when called from another thread)."""
    def terminate(signum, frame):
        raise Terminated()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminate)
