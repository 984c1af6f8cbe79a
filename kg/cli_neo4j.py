"""``kg neo4j start|stop|status``: a Neo4j server for the analyst's own data, without
Docker (kg.store.server does the work)."""

from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli_errors import F, reports_errors

if TYPE_CHECKING:
    from kg.store.server import Status as ServerStatus


def _data_option(command: F) -> F:
    return click.option(
        "--data", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="The server's data folder (databases, logs, configuration).  [default: "
        "$KG_NEO4J_DATA, else ~/.local/share/kg/neo4j]")(command)


@click.group("neo4j")
def neo4j_group() -> None:
    """Run a Neo4j server for your own data, without Docker.

    The Community server from Maven Central jars (Java 17 or 21 and Maven needed on the
    first start), on Bolt 7687 and HTTP 7474 (Browser) of this machine, keeping its
    data between runs. The first start sets the password of user neo4j from
    NEO4J_PASSWORD.
    """


def _print_server(status: ServerStatus, started: str) -> None:
    config = status.config
    click.echo(f"kg: Neo4j {started} (pid {status.pid})")
    click.echo(f"  Browser  {config.browser_url}  (user neo4j, the password in NEO4J_PASSWORD)")
    click.echo(f"  Bolt     {config.bolt_uri}")
    click.echo(f"  Data     {config.data}")


@neo4j_group.command("start")
@_data_option
@click.option("--bolt-port", type=click.IntRange(1, 65535), default=7687, show_default=True,
              help="Bolt port, where drivers and kg load connect.")
@click.option("--http-port", type=click.IntRange(1, 65535), default=7474, show_default=True,
              help="HTTP port, where Browser is.")
@click.option("--listen", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to listen on; 0.0.0.0 for every interface (the network can "
              "then reach the database).")
@click.option("--heap", default="1g", show_default=True, metavar="SIZE",
              help="Java heap of the server.")
@click.option("--pagecache", default="512m", show_default=True, metavar="SIZE",
              help="Page cache: how much of the databases stays in memory.")
@click.option("--home", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A Neo4j home with the server jars in lib/.  [default: $KG_NEO4J_HOME, "
              "else the jars kg fetches from Maven Central]")
@click.option("--foreground", is_flag=True,
              help="Keep running until Ctrl-C or SIGTERM, then stop the server cleanly.")
@click.option("--ask-password", is_flag=True,
              help="Prompt for the password instead of reading NEO4J_PASSWORD.")
@reports_errors
def neo4j_start_command(data: Path | None, bolt_port: int, http_port: int, listen: str,
                        heap: str, pagecache: str, home: Path | None, foreground: bool,
                        ask_password: bool) -> None:
    """Start the server (or say where it already runs) and wait until it is ready."""
    from kg.store.server import ServerConfig, default_data, start, status

    config = ServerConfig(data or default_data(), bolt_port, http_port, listen, heap,
                          pagecache)
    already = status(config.data)
    if already.running:
        _print_server(already, "is already running")
        return
    password = click.prompt("Neo4j password", hide_input=True) if ask_password \
        else os.environ.get("NEO4J_PASSWORD")
    began = time.monotonic()

    def ready(running: ServerStatus) -> None:
        _print_server(running, f"is running, ready in {time.monotonic() - began:.1f} s")
        click.echo(f"kg: load with: kg load kg-out/ --neo4j {config.bolt_uri}")
        where = "" if config.data == default_data() else f" --data {shlex.quote(str(config.data))}"
        click.echo("kg: Ctrl-C stops it" if foreground
                   else f"kg: stop it with: kg neo4j stop{where}")

    start(config, home, password, foreground=foreground, on_ready=ready)
    if foreground:
        click.echo(f"kg: Neo4j stopped; its data stays in {config.data}")


@neo4j_group.command("stop")
@_data_option
@click.option("--timeout", type=click.FloatRange(1), default=60, show_default=True,
              help="Seconds to wait for a clean shutdown before killing the server.")
@reports_errors
def neo4j_stop_command(data: Path | None, timeout: float) -> None:
    """Stop the server cleanly (its databases stay consistent); safe to repeat."""
    from kg.store.server import default_data, stop

    folder = data or default_data()
    stopped = stop(folder, timeout)
    if stopped.running:
        click.echo(f"kg: Neo4j stopped (pid {stopped.pid}); its data stays in {folder}")
    else:
        click.echo(f"kg: Neo4j is not running (data {folder})")


@neo4j_group.command("status")
@_data_option
@reports_errors
def neo4j_status_command(data: Path | None) -> None:
    """Say whether the server runs, and where; exit code 3 when it does not."""
    from kg.store.server import default_data, status

    found = status(data or default_data())
    if found.running:
        _print_server(found, "is running")
    else:
        click.echo(f"kg: Neo4j is not running (data {found.config.data})")
        sys.exit(3)
