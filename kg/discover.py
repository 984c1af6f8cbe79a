"""Which files a run reads: the files given and those under the folders given, each file
once, and never kg's own outputs.

A file reached twice (given twice, given with the folder it is in, or through a second
link) is read once. A folder that cannot be listed is named and skipped like a file that
cannot be read. kg's output folders are recognised by their hidden marker files: inside
a folder given, one is skipped (with a warning only when it holds other files than
kg's), and in an output folder given directly kg's own output files are left out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kg.display import shown
from kg.errors import InputError, Warn, ignore, problem
from kg.export.neo4j_import import DEFAULT_FOLDER as IMPORT_FOLDER
from kg.lock import is_output_folder
from kg.output import OUTPUTS

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
ROW_SUFFIXES = {".csv", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES
KINDS = ".txt, .md, .html, .csv or .jsonl"




def find_files(paths: Iterable[str | Path], *, warn: Warn = ignore,
               strict: bool = False) -> list[Path]:
    """Expand files and folders (recursively) into the readable-looking files they hold:
    each folder's sorted, each file once. Missing paths fail here, before any reading."""
    found: list[Path] = []
    seen: set[object] = set()
    for raw in paths:
        path = Path(raw)
        try:
            is_folder = path.is_dir()
        except OSError:
            is_folder = False  # reading it will say what is wrong
        if not is_folder and not os.path.lexists(path):
            raise InputError(f"{shown(path)}: no such file or folder")
        for file in _folder_files(path, warn, strict) if is_folder else [path]:
            identity = _identity(file)
            if identity not in seen:
                seen.add(identity)
                found.append(file)
    return found


def _identity(path: Path) -> object:
    """The file itself, whatever the name it was reached by."""
    try:
        status = path.stat()
    except OSError:
        return os.path.abspath(path)
    return (status.st_dev, status.st_ino)


def _folder_files(folder: Path, warn: Warn, strict: bool) -> list[Path]:
    """Readable-looking files under a folder given to kg. Symbolic links to folders are not
    followed, so a link pointing back up the tree cannot loop."""
    unreadable: list[str] = []

    def failed(error: OSError) -> None:
        where = error.filename or folder
        unreadable.append(str(where))
        problem(f"{shown(where)}: cannot be read ({error.strerror or error})", warn, strict)

    own = is_output_folder(folder)
    files: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=failed, followlinks=False):
        here = Path(root)
        at_top = here == folder
        kept = []
        for name in sorted(folders):
            if name.startswith("."):
                continue
            if is_output_folder(here / name) or (own and at_top and name == IMPORT_FOLDER):
                _skip_output_folder(here / name, warn, strict)
                continue
            kept.append(name)
        folders[:] = kept
        files.extend(here / name for name in names
                     if _looks_readable(name) and not (own and at_top and name in OUTPUTS))
    if not files and not unreadable:
        besides = " besides kg's outputs" if own else ""
        raise InputError(f"{shown(folder)}: no {KINDS} files in this folder{besides}")
    return sorted(files)


def _looks_readable(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES


def _skip_output_folder(folder: Path, warn: Warn, strict: bool) -> None:
    """kg's outputs are never read as articles; anything else in the folder is named, so
    that articles kept there are not passed over in silence."""
    others = _other_files(folder)
    if others:
        problem(f"{shown(folder)}: a kg output folder ({others:,} other "
                f"{'file' if others == 1 else 'files'} in it not read)", warn, strict)


def _other_files(folder: Path) -> int:
    count = 0
    for root, folders, names in os.walk(folder, followlinks=False):
        at_top = Path(root) == folder
        folders[:] = [name for name in folders if not name.startswith(".")
                      and not (at_top and name == IMPORT_FOLDER)]
        count += sum(1 for name in names
                     if _looks_readable(name) and not (at_top and name in OUTPUTS))
    return count
