"""What every benchmark records next to its figures: the command, commit and machine.

BENCHMARKS.md holds one current table per measure, the newest run of its benchmark;
recording a measure again moves the table it replaces to the History at the end of the
file, newest first, so that a reader never meets two tables that disagree.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
PREAMBLE = """# Benchmarks

One current table per measure: the newest run of its benchmark (`python3 benchmarks/run.py`,
`python3 benchmarks/html_map.py`). When a benchmark runs again, the table it replaces moves
to the History at the end, newest first. Speed is measured here, never asserted in tests;
the machine is shared and noisy, so compare ratios taken within one run.
"""
HISTORY = "## History"
_HEADING = re.compile(r"^#{2,3} (.+) \((\d{4}-\d{2}-\d{2})\)$")


@dataclass
class Section:
    """One run of one measure: its title, date and everything under its heading."""

    title: str
    day: str
    body: str

    def render(self, level: str) -> str:
        return f"{level} {self.title} ({self.day})\n\n{self.body.strip()}\n"


def parse(text: str) -> tuple[list[Section], list[Section]]:
    """(current sections, history sections) of a BENCHMARKS.md text."""
    current: list[Section] = []
    history: list[Section] = []
    target = current
    section: Section | None = None
    for line in text.splitlines():
        if line.strip() == HISTORY:
            target, section = history, None
            continue
        heading = _HEADING.match(line)
        if heading:
            section = Section(heading.group(1), heading.group(2), "")
            target.append(section)
        elif section is not None:
            section.body += line + "\n"
    return current, history


def render(current: list[Section], history: list[Section]) -> str:
    parts = [PREAMBLE] + [section.render("##") for section in current]
    if history:
        parts.append(f"{HISTORY}\n")
        parts += [section.render("###") for section in history]
    return "\n".join(parts)


def add(current: list[Section], history: list[Section], section: Section) -> None:
    """Make ``section`` the current table of its measure; the one it replaces goes to the
    top of the history."""
    for index, old in enumerate(current):
        if old.title == section.title:
            current[index] = section
            history.insert(0, old)
            return
    current.append(section)


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                              check=False).stdout.strip()

    short = git("rev-parse", "--short", "HEAD") or "no commit yet"
    return short + (" + uncommitted changes" if git("status", "--porcelain") else "")


def machine() -> str:
    cpu = platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    except (ValueError, OSError):
        memory = "unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, nproc {cores}, RAM {memory}, Python {platform.python_version()}"


def record(title: str, command: str, body: str, notes: str = "",
           path: Path = BENCHMARKS) -> Path:
    """Make these figures the current table of ``title`` in BENCHMARKS.md."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    current, history = parse(text)
    add(current, history, Section(
        title, date.today().isoformat(),
        f"- command: `{command}`\n- commit: {commit()}\n- machine: {machine()}\n"
        + (f"- {notes}\n" if notes else "") + f"\n{body.rstrip()}\n"))
    path.write_text(render(current, history), encoding="utf-8")
    return path
