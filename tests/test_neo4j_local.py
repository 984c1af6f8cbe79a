"""kg neo4j start|stop|status: the analyst's own Neo4j from the Maven jars, run for real.

The commands run as the user runs them, in their own processes, on free ports and a
temporary data folder; stopping must be clean (Neo4j logs "Stopped.") whether asked by
kg neo4j stop, by SIGTERM to a --foreground start, or by Ctrl-C during a start.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import unavailable

from kg.store.connection import Connection
from kg.store.neo4j import Neo4jStore
from kg.store.server import STATE, ServerConfig, _check_password, status

PASSWORD = "kg-local-password"
pytestmark = pytest.mark.neo4j


@pytest.fixture
def server_env() -> dict[str, str]:
    home = os.environ.get("KG_NEO4J_HOME")
    if not home:
        unavailable("KG_NEO4J_HOME is not set; scripts/test sets it")
    if shutil.which("java") is None and not os.environ.get("KG_NEO4J_JAVA"):
        unavailable("no java to run Neo4j")
    env = {key: value for key, value in os.environ.items()
           if key not in ("NEO4J_PASSWORD", "KG_NEO4J_DATA")}
    return {**env, "KG_NEO4J_HOME": str(home)}


def _free_ports() -> tuple[int, int]:
    sockets = [socket.socket() for _ in range(2)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        bolt, http = (int(sock.getsockname()[1]) for sock in sockets)
        return bolt, http
    finally:
        for sock in sockets:
            sock.close()


def _kg(env: dict[str, str], *arguments: str, password: str | None = None,
        timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {**env, **({"NEO4J_PASSWORD": password} if password else {})}
    return subprocess.run([sys.executable, "-m", "kg", *arguments], env=env, text=True,
                          capture_output=True, timeout=timeout, check=False)


def _stopped_cleanly(data: Path) -> int:
    """How many clean shutdowns Neo4j has logged in this data folder."""
    return (data / "logs" / "neo4j.log").read_text(encoding="utf-8").count("INFO  Stopped.")


def _wait_for(predicate: object, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.fixture
def data(tmp_path: Path, server_env: dict[str, str]) -> Iterator[Path]:
    folder = tmp_path / "neo4j data"
    yield folder
    # Whatever a failing test left running is stopped.
    _kg(server_env, "neo4j", "stop", "--data", str(folder))


def test_start_load_stop_and_start_again_in_the_foreground(
        data: Path, server_env: dict[str, str]) -> None:
    bolt, http = _free_ports()
    where = ["--data", str(data), "--bolt-port", str(bolt), "--http-port", str(http)]
    result = _kg(server_env, "neo4j", "status", "--data", str(data))
    assert (result.returncode, result.stdout) == (3, f"kg: Neo4j is not running (data {data})\n")
    result = _kg(server_env, "neo4j", "start", *where)
    assert result.returncode == 1 and result.stderr == (
        f"kg: error: set NEO4J_PASSWORD (8 characters or more) for the first start of "
        f"{data}: it becomes the password of user neo4j\n")

    result = _kg(server_env, "neo4j", "start", *where, password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert f"  Bolt     bolt://127.0.0.1:{bolt}\n" in result.stdout
    assert f"  Browser  http://127.0.0.1:{http}/browser/" in result.stdout
    assert PASSWORD not in result.stdout + result.stderr
    running = status(data)
    assert running.running and _kg(server_env, "neo4j", "status", "--data", str(data)
                                   ).returncode == 0
    again = _kg(server_env, "neo4j", "start", *where, password=PASSWORD)
    assert again.returncode == 0 and "is already running" in again.stdout
    # Another server on the same ports is refused before anything starts.
    busy = _kg(server_env, "neo4j", "start", "--data", str(data.parent / "other"),
               "--bolt-port", str(bolt), "--http-port", str(http), password=PASSWORD)
    assert busy.returncode == 1 and busy.stderr.startswith(f"kg: error: 127.0.0.1:{bolt}: "
                                                           "cannot listen here")
    connection = Connection(uri=f"bolt://localhost:{bolt}", password=PASSWORD)
    with Neo4jStore.connect(connection) as store:
        store._run("CREATE (:Note {text: 'kept'})")
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="refused NEO4J_PASSWORD"):
        _check_password(ServerConfig(data, bolt, http), "not-the-password")

    result = _kg(server_env, "neo4j", "stop", "--data", str(data))
    assert result.stdout == (f"kg: Neo4j stopped (pid {running.pid}); its data stays in "
                             f"{data}\n")
    assert _stopped_cleanly(data) == 1 and not (data / STATE).exists()
    assert _kg(server_env, "neo4j", "stop", "--data", str(data)).stdout == \
        f"kg: Neo4j is not running (data {data})\n"

    # In the foreground, with the data of the first run; SIGTERM stops it cleanly.
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "neo4j", "start", *where, "--foreground"],
        env={**server_env, "NEO4J_PASSWORD": PASSWORD}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "is running, ready in" in first, first + (process.stderr.read()
                                                         if process.stderr else "")
        with Neo4jStore.connect(connection) as store:
            assert store._run("MATCH (n:Note) RETURN n.text AS text") == [{"text": "kept"}]
        server = status(data).pid
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert out.endswith(f"kg: Neo4j stopped; its data stays in {data}\n")
    assert server is not None and not _alive(server)
    assert _stopped_cleanly(data) == 2


def test_ctrl_c_during_a_start_leaves_no_server(data: Path,
                                                server_env: dict[str, str]) -> None:
    bolt, http = _free_ports()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "neo4j", "start", "--data", str(data), "--bolt-port",
         str(bolt), "--http-port", str(http)],
        env={**server_env, "NEO4J_PASSWORD": PASSWORD}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # The server JVM has been launched (its state is written) but is not ready yet.
        _wait_for(lambda: (data / STATE).exists())
        pid = int(json.loads((data / STATE).read_text(encoding="utf-8"))["pid"])
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert (process.returncode, out) == (130, ""), err
    assert err.startswith("kg: interrupted")
    assert not _alive(pid) and not status(data).running and not (data / STATE).exists()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and \
        Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
