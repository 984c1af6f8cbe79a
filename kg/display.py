"""Names and text as they may appear in kg's one-line messages.

File names, ids and mention texts come from the user's disk and from articles; a name
holding a newline, a carriage return or a terminal escape sequence would otherwise forge
a line of its own (``kg: error: ...``) or repaint the terminal.
"""

from __future__ import annotations

from pathlib import Path


def shown(name: str | Path) -> str:
    """A file name or id for a message: as it is when it is plain printable text, else
    quoted, with its control characters escaped ("'news/a\\nb.txt'")."""
    text = str(name)
    if text.isprintable() and text == text.strip():
        return text
    return repr(text)


def one_line(message: str) -> str:
    """``message`` with every non-printable character escaped: whatever it quotes, it
    stays one line and cannot send the terminal escape sequences."""
    if message.isprintable():
        return message
    return "".join(char if char.isprintable() else _escape(char) for char in message)


def _escape(char: str) -> str:
    code = ord(char)
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"
