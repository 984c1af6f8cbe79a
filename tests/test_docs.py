"""Every command has help text and is named in the README."""

from __future__ import annotations

from collections.abc import Iterator

import click
from conftest import ROOT

from kg.cli import main


def _commands(group: click.Group, prefix: str = "kg") -> Iterator[tuple[str, click.Command]]:
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


def test_every_command_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = dict(_commands(main))
    assert {"kg export table", "kg export timeline", "kg export style", "kg neo4j start",
            "kg neo4j stop", "kg neo4j status"} <= set(commands)
    for path, command in commands.items():
        assert (command.help or "").strip(), f"{path} has no help text"
        named = path in readme or (path.startswith("kg neo4j ")
                                   and "kg neo4j start|stop|status" in readme)
        assert named, f"{path} is not in the README"
