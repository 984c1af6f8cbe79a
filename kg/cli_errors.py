"""How every kg command reports: a KgError as one line on stderr and its exit code,
warnings as ``kg: warning:`` lines. Shared by the command modules."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg.display import one_line
from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


def warn(message: str) -> None:
    click.echo(f"kg: warning: {one_line(message)}", err=True)


def reports_errors(command: F) -> F:
    """Turn KgError into one line and its exit code; keep tracebacks for real bugs."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KgError as error:
            click.echo(f"kg: error: {one_line(str(error))}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; outputs already in place were left as they were",
                       err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]
