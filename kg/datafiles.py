"""Reading kg's CSV data files: the built-in ones in the package and users' additions."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from kg.errors import DataError


def builtin_path(name: str) -> Path:
    return Path(str(resources.files("kg") / "data" / name))


def read_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a CSV data file, checking its header first."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot be read as a UTF-8 CSV file ({error})") from error
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [column for column in required if column not in header]
    if missing:
        raise DataError(f"{path}: missing column(s) {', '.join(missing)} "
                        f"(header: {', '.join(header) or 'none'})")
    try:
        for row in reader:
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items()
                                    if key is not None and isinstance(value, str)}
    except csv.Error as error:
        raise DataError(f"{path}:{reader.line_num}: malformed CSV ({error})") from error


def fingerprint(paths: Sequence[Path]) -> str:
    """A short hash of data files' content, to key caches and record what coded an event."""
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
