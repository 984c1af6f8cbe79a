"""Telling text from binary data, and which encoding a text file is in.

UTF-8 comes first (BOMs honoured), then UTF-16: with a byte-order mark, or without one
when every other byte is a NUL the way English in UTF-16 has them (a Windows "Unicode"
export, PowerShell's default redirection). Anything else is read as Windows-1252.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.display import shown
from kg.errors import ignore

# File formats that are never text, whatever share of their first bytes looks printable.
BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"GIF8",
                     b"\xff\xd8\xff", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"\x7fELF",
                     b"II*\x00", b"MM\x00*", b"\xd0\xcf\x11\xe0")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAMPLE_BYTES = 8192
# Controls (other than tab, line and page breaks) in more than this share of the sample
# make it binary.
MAX_CONTROL_SHARE = 0.05
# English in UTF-16 has a NUL in the high byte of nearly every character; at least this
# share of NULs on one side and almost none on the other tells the byte order.
MIN_HIGH_NULS = 0.3
MAX_LOW_NULS = 0.02



def looks_binary(data: bytes) -> bool:
    """True for data no news text would contain: a known binary format's signature, or
    mostly control bytes."""
    if data.startswith(BINARY_SIGNATURES):
        return True
    sample = data[:SAMPLE_BYTES]
    if sample.startswith(UTF16_BOMS) or utf16_without_bom(data) is not None:
        return False  # UTF-16: text, whatever its NULs
    return _control_share(sample) > MAX_CONTROL_SHARE


def _control_share(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte-order mark, else None."""
    if data.startswith(UTF16_BOMS):
        return None
    sample = data[:SAMPLE_BYTES - SAMPLE_BYTES % 2]
    sample = sample[:len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    low_first, high_first = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if high_first >= MIN_HIGH_NULS and low_first <= MAX_LOW_NULS:
        encoding = "utf-16-le"
    elif low_first >= MIN_HIGH_NULS and high_first <= MAX_LOW_NULS:
        encoding = "utf-16-be"
    else:
        return None
    # A cut surrogate pair at the end of the sample is no reason to doubt the rest.
    text = sample.decode(encoding, errors="replace").rstrip("\ufffd")
    if "\ufffd" in text:
        return None
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\x0c\r")
    return encoding if controls <= len(text) * MAX_CONTROL_SHARE else None


def decode(data: bytes, path: Path, warn: Callable[[str], None] = ignore) -> str:
    """UTF-8 first (BOMs honoured), then UTF-16; anything else is read as Windows-1252,
    with a warning."""
    if data.startswith(UTF16_BOMS):
        return _utf16(data, "utf-16", path, warn)
    # Before UTF-8: English in UTF-16 is also valid UTF-8, with a NUL after each letter.
    encoding = utf16_without_bom(data)
    if encoding is not None:
        order = "little" if encoding.endswith("le") else "big"
        warn(f"{shown(path)}: no byte-order mark, read as UTF-16 ({order}-endian)")
        return _utf16(data, encoding, path, warn)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    warn(f"{shown(path)}: not UTF-8, read as Windows-1252")
    # cp1252 leaves five bytes undefined; 'replace' keeps a stray one from sinking the file.
    return data.decode("cp1252", errors="replace")


def _utf16(data: bytes, encoding: str, path: Path, warn: Callable[[str], None]) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        warn(f"{shown(path)}: broken UTF-16, undecodable bytes replaced")
        return data.decode(encoding, errors="replace")
