"""Worker processes that go with their parent, quietly.

A kg killed outright (SIGKILL, the OOM killer) cannot stop its workers. Left alone, each
finished its chunk, failed to send it back to the dead parent and printed a
BrokenPipeError traceback on the terminal, and multiprocessing's resource tracker then
warned about the pool's "leaked" semaphores, which it frees anyway; the workers of a
local Dask cluster logged the closed connection with a traceback before they exited. A
kill should leave nothing on the terminal: the workers die with the parent, and
messages that name nothing a user can act on are not printed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # linux/prctl.h
TRACKER_WARNING = "ignore::UserWarning:multiprocessing.resource_tracker"
# Read by distributed when a new process imports it: the level of its "distributed" logger.
DASK_LOG_LEVEL = "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED"


def exit_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), and exit now if the
    parent is already gone."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the parent check before each chunk still applies
    if os.getppid() != parent:
        os._exit(0)


def quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, when it starts, without its warning about
    semaphores left by a killed parent. The tracker runs with the interpreter's -W
    options, which multiprocessing takes from ``sys.warnoptions``."""
    if TRACKER_WARNING not in sys.warnoptions:
        sys.warnoptions.append(TRACKER_WARNING)


@contextmanager
def quiet_dask_processes() -> Iterator[None]:
    """Dask processes started in this block log only critical messages: kg's own local
    cluster reports to the user through its tasks' results, in one line, and its workers'
    logs would otherwise reach the terminal (a closed connection after a kill, with a
    traceback). A cluster given with --scheduler is the user's, and keeps its logging."""
    before = os.environ.get(DASK_LOG_LEVEL)
    os.environ[DASK_LOG_LEVEL] = "critical"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(DASK_LOG_LEVEL, None)
        else:
            os.environ[DASK_LOG_LEVEL] = before
