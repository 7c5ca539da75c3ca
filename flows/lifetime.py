"""The command line's hold on what it starts: Prefect's temporary API server dies with the command.

Without ``PREFECT_API_URL``, the first flow run in a process makes Prefect start a temporary API server
(``uvicorn`` in a child process) that it stops at exit. A command killed with SIGKILL never reaches
its exit, and one stopped with SIGTERM skips the atexit hook: the server child would stay, listening,
holding ≈ 200 MB. :func:`own_temporary_server` makes that child ask the kernel for a parent-death
signal (``prctl(PR_SET_PDEATHSIG, SIGTERM)``, Linux), so it stops however the command ends;
:func:`stop_on_signals` turns SIGTERM into an exception, so a flow run stopped that way ends as
Crashed in Prefect (not RUNNING forever) and the usual cleanup runs.

A command killed with SIGKILL cannot say anything, so its flow runs would stay RUNNING in Prefect.
Every flow run of a command carries the tag ``claimtrack-process:<host>:<pid>``
(:func:`tag_this_process`); the next command on that host marks the RUNNING runs whose process is
gone as Crashed (:func:`crash_orphaned_runs`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading

__all__ = ["PROCESS_TAG", "crash_orphaned_runs", "own_temporary_server", "skip_flow_heartbeats", "stop_on_signals",
           "tag_this_process"]

PROCESS_TAG = "claimtrack-process:"
_tagged = []  # the entered ``prefect.tags`` context, kept for the life of the process
_heartbeats_off = []  # the entered settings context without flow heartbeats, likewise

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


def _process_tag(pid: int | None = None) -> str:
    return f"{PROCESS_TAG}{socket.gethostname()}:{pid or os.getpid()}"


def tag_this_process() -> None:
    """Tag every flow run this process starts with its host and pid (once per process)."""
    if _tagged:
        return
    from prefect import tags

    context = tags(_process_tag())
    context.__enter__()
    _tagged.append(context)


def skip_flow_heartbeats() -> None:
    """Flow runs this process starts send no heartbeats (once per process).

    Prefect 3.9 gives every flow run a heartbeat thread that sleeps in one-second steps and is joined
    when the run ends, so every flow run and subflow of a command waited up to a second for it: most
    of the 1.06 s a re-ingest of 400 stored files took (``bench/ingest.py``). Heartbeats let Prefect
    notice a run whose process died; a command's runs are marked Crashed by :func:`crash_orphaned_runs`
    instead. Deployment runs started by ``claimtrack serve`` run in processes of their own and keep them.
    """
    if _heartbeats_off:
        return
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    context = temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
    context.__enter__()
    _heartbeats_off.append(context)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def crash_orphaned_runs(limit: int = 200) -> int:
    """Mark Crashed the RUNNING flow runs of claimtrack commands on this host whose process is gone
    (killed with SIGKILL, or the machine lost power); returns how many. A reused pid only errs on
    the side of leaving a run as it is."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    prefix = f"{PROCESS_TAG}{socket.gethostname()}:"
    running = FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.RUNNING])))
    crashed = 0
    with get_client(sync_client=True) as client:
        for run in client.read_flow_runs(flow_run_filter=running, limit=limit):
            pid = next((t[len(prefix):] for t in run.tags if t.startswith(prefix)), "")
            if pid.isdigit() and int(pid) != os.getpid() and _gone(int(pid)):
                client.set_flow_run_state(run.id, Crashed(message=f"the claimtrack command (pid {pid}) was killed"),
                                          force=True)
                crashed += 1
    return crashed
