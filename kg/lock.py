"""One writing run at a time per output folder, and how kg recognises its own folders.

Two builds into one folder would each publish complete files, but interleaved: events of
one run beside the graph or documents of the other. A run that writes an output folder
holds an exclusive lock on ``FOLDER/.kg-lock`` for as long as it writes; a second run
waits for it, saying so once. The kernel drops the lock with the process, so a killed
run leaves none behind. The lock file also marks the folder as kg's, so that a later
``kg build .`` does not read kg's outputs as articles.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.display import shown
from kg.errors import OutputError, ignore

try:
    import fcntl
except ImportError:  # not on a POSIX system: no locking, the rest works
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".kg-lock"
# Any of these marks a folder kg has written outputs to: the lock file of this version,
# the extraction cache and the map's stamp of earlier ones.
MARKERS = (LOCK_FILE, ".kg-cache.sqlite", ".kg-graph-stamp.json")

# Folders this process holds, with how many nested holders: build holds its folder across
# extract and the graph outputs, which each take the lock too.
_held: dict[Path, int] = {}



def is_output_folder(folder: Path) -> bool:
    """Whether kg has written outputs to ``folder`` (False where it cannot be looked into:
    listing it will say why)."""
    return any(os.path.exists(folder / marker) for marker in MARKERS)


@contextmanager
def output_lock(folder: Path, notify: Callable[[str], None] = ignore, *,
                shared: bool = False) -> Iterator[None]:
    """Hold ``folder`` for one run; wait while another run holds it, telling ``notify``
    once. A writer (the default) creates the folder and holds it alone; ``shared``
    readers (loads, exports) only keep writers out while they read, and read unguarded
    where they may not create the lock file (someone else's folder, read-only media)."""
    key = folder.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    descriptor = _open_shared(folder) if shared else _open(folder)
    if descriptor is None:
        yield
        return
    try:
        _acquire(descriptor, folder, notify, shared)
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(descriptor)  # closing drops the lock


def _open(folder: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise OutputError(f"{shown(folder)}: cannot write here "
                          f"({error.strerror or error})") from error


def _open_shared(folder: Path) -> int | None:
    if not folder.is_dir():
        return None  # reading it will say what is wrong
    # Only a folder kg wrote gets a lock file: one left in a folder of articles would
    # mark it as kg's outputs, never to be read again.
    tries = (os.O_RDWR | os.O_CREAT, os.O_RDONLY) if is_output_folder(folder) else (os.O_RDONLY,)
    for flags in tries:
        try:
            return os.open(folder / LOCK_FILE, flags, 0o666)
        except OSError:
            continue
    return None


def _acquire(descriptor: int, folder: Path, notify: Callable[[str], None],
             shared: bool) -> None:
    if fcntl is None:
        return
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    try:
        fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(descriptor)
        notify(f"{shown(folder)}: another kg run{f' (pid {holder})' if holder else ''} "
               "is using this folder; waiting for it to finish")
        fcntl.flock(descriptor, mode)
    except OSError as error:
        if shared or error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
            return  # a file system without locks (some network mounts): run unguarded
        raise OutputError(f"{shown(folder)}: cannot write here "
                          f"({error.strerror or error})") from error
    if not shared:
        _record_holder(descriptor)


def _holder(descriptor: int) -> str:
    """The pid of the last writer, when that process still runs (readers record none)."""
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    if not text.isdigit():
        return ""
    try:
        os.kill(int(text), 0)
    except ProcessLookupError:
        return ""
    except OSError:
        pass  # alive, another user's
    return text


def _record_holder(descriptor: int) -> None:
    # Only for the message a waiting run prints: a full disk must not fail the run here.
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
    except OSError:
        pass
