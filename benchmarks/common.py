"""What every benchmark records next to its figures: the command, commit and machine."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"


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


def record(title: str, command: str, body: str, notes: str = "") -> Path:
    """Append one section to BENCHMARKS.md."""
    if not BENCHMARKS.exists():
        BENCHMARKS.write_text("# Benchmarks\n\nFigures appended by the scripts in "
                              "benchmarks/; newest last.\n", encoding="utf-8")
    section = (f"\n## {title} ({date.today().isoformat()})\n\n- command: `{command}`\n"
               f"- commit: {commit()}\n- machine: {machine()}\n"
               + (f"- {notes}\n" if notes else "") + f"\n{body.rstrip()}\n")
    with BENCHMARKS.open("a", encoding="utf-8") as handle:
        handle.write(section)
    return BENCHMARKS
