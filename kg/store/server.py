"""A Neo4j server for the analyst's own data, without Docker: ``kg neo4j start|stop|status``.

It runs the Community server from the same Maven Central jars the tests use
(kg.store.jars), on the usual ports (Bolt 7687, HTTP 7474 with Browser) of the loopback
interface unless told otherwise, with everything it writes (configuration, databases,
logs, import folder) in one persistent data folder. The password of user ``neo4j`` is
set from the environment on the first start. The server runs in its own session, so
it outlives ``kg neo4j start``; ``kg neo4j stop`` (or SIGTERM / Ctrl-C of a
``--foreground`` start) shuts it down cleanly, and the databases are left consistent.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from kg.errors import KgError, StoreError

USER = "neo4j"
STATE = "kg-neo4j.json"
FOLDERS = ("data", "logs", "run", "import", "plugins")
# The JVM flags the shipped neo4j.conf passes through server.jvm.additional, minus
# -XX:+AlwaysPreTouch (it commits the whole heap at start) and the profiling ones.
JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048", "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
)
SIZE = re.compile(r"\d+[kmg]", re.IGNORECASE)
READY_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0


def default_data() -> Path:
    """$KG_NEO4J_DATA, else kg/neo4j in the user's data folder (XDG)."""
    explicit = os.environ.get("KG_NEO4J_DATA")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "kg" / "neo4j"


@dataclass(frozen=True)
class ServerConfig:
    """Where the server keeps its data and where it listens."""

    data: Path
    bolt_port: int = 7687
    http_port: int = 7474
    listen: str = "127.0.0.1"
    heap: str = "1g"
    pagecache: str = "512m"

    @property
    def host(self) -> str:
        """The address clients use: the listen address, or this machine's name for all."""
        return socket.gethostname() if self.listen in ("0.0.0.0", "::") else self.listen

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{_bracketed(self.host)}:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://{_bracketed(self.host)}:{self.http_port}/browser/"


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass(frozen=True)
class Status:
    """A server found running from a data folder, or not."""

    config: ServerConfig
    pid: int | None = None
    started: float | None = None

    @property
    def running(self) -> bool:
        return self.pid is not None


# -- status ----------------------------------------------------------------------------


def status(data: Path) -> Status:
    """What runs from ``data``: the state file of the last start, checked against the
    process table (a stale file after a crash or reboot reads as stopped)."""
    try:
        state = json.loads((data / STATE).read_text(encoding="utf-8"))
        config = ServerConfig(data, int(state["bolt_port"]), int(state["http_port"]),
                              str(state["listen"]), str(state["heap"]),
                              str(state["pagecache"]))
        pid, started = int(state["pid"]), float(state["started"])
    except (OSError, ValueError, TypeError, KeyError):
        return Status(ServerConfig(data))  # never started, or a broken file: not running
    return Status(config, pid, started) if _is_our_server(pid, data) else Status(config)


def _is_our_server(pid: int, data: Path) -> bool:
    """Whether ``pid`` is alive and is a Neo4j JVM configured from ``data`` (a pid in an
    old state file may since belong to another program)."""
    if not _alive(pid):
        return False
    conf = f"--config-dir={(data / 'conf').resolve()}"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        return conf.encode() in command
    except OSError:
        found = subprocess.run(["ps", "-p", str(pid), "-o", "command="], capture_output=True,
                               text=True, check=False)
        return conf in found.stdout


def _alive(pid: int) -> bool:
    try:
        # Reaps the server if this process started it and it has exited (a zombie
        # would otherwise count as alive); other processes' children raise here.
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# -- start -----------------------------------------------------------------------------


def start(config: ServerConfig, home: Path | None, password: str | None, *,
          java: str | None = None,
          foreground: bool = False, timeout: float = READY_TIMEOUT,
          on_ready: Callable[[Status], None] | None = None) -> Status:
    """Start the server and wait until it answers, checking ``password`` if given. With
    ``foreground``, then wait until SIGTERM, SIGINT (Ctrl-C) or SIGHUP and stop it
    cleanly. A start that fails or is interrupted leaves no server running."""
    running = status(config.data)
    if running.running:
        return running
    if home is None:
        from kg.store.jars import resolve_home

        home = Path(os.environ["KG_NEO4J_HOME"]) if os.environ.get("KG_NEO4J_HOME") \
            else resolve_home()
    java = _check(config, home, password, java)
    first = not (config.data / "data" / "databases" / "system").exists()
    _prepare(config, home)
    if first:
        assert password is not None
        _set_initial_password(config, home, java, password)
    with _stop_signals():
        process = _launch(config, home, java)
        try:
            _wait_ready(config, process, timeout)
            if password is not None:
                _check_password(config, password)
            started = Status(config, process.pid, time.time())
            if on_ready is not None:
                on_ready(started)
            if not foreground:
                return started
            try:
                while process.poll() is None:
                    time.sleep(0.2)
            except (_Stop, KeyboardInterrupt):
                pass  # asked to stop: the clean shutdown below is the point
        except BaseException:
            _terminate(process.pid, config.data)
            raise
        _terminate(process.pid, config.data)
    return Status(config)


def _check(config: ServerConfig, home: Path, password: str | None, java: str | None) -> str:
    """Everything a start needs, checked before anything is written; returns the java."""
    for name, size in (("heap", config.heap), ("page cache", config.pagecache)):
        if not SIZE.fullmatch(size):
            raise KgError(f"{name} size {size!r}: expected a number and k, m or g, e.g. 1g")
    _check_ports(config)
    if not any((home / "lib").glob("org.neo4j.neo4j-*.jar")):
        raise KgError(f"{home / 'lib'}: no Neo4j server jars (KG_NEO4J_HOME or --home must "
                      "name the folder that scripts/neo4j-jars prints)")
    first = not (config.data / "data" / "databases" / "system").exists()
    if first and (password is None or len(password) < 8):
        raise KgError("set NEO4J_PASSWORD (8 characters or more) for the first start of "
                      f"{config.data}: it becomes the password of user neo4j")
    return java or find_java()


class _Stop(BaseException):
    """SIGTERM or SIGHUP, raised where the main thread is, so that cleanup runs."""


@contextmanager
def _stop_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop a starting or foreground server as Ctrl-C does: the first
    one raises where the main thread is, so that the server is stopped in order; any
    further one is ignored, so that the stopping is not cut short."""
    asked = False

    def handle(signum: int, frame: FrameType | None) -> None:
        nonlocal asked
        if not asked:
            asked = True
            raise _Stop

    previous = {number: signal.signal(number, handle)
                for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    except _Stop:
        raise KeyboardInterrupt from None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def find_java() -> str:
    """$KG_NEO4J_JAVA, else $JAVA_HOME/bin/java, else java on the PATH."""
    explicit = os.environ.get("KG_NEO4J_JAVA")
    if explicit:
        return explicit
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise KgError("no java found: Neo4j 5.26 needs Java 17 or 21 (or set KG_NEO4J_JAVA)")
    return found


def _check_ports(config: ServerConfig) -> None:
    for port, option in ((config.bolt_port, "--bolt-port"), (config.http_port, "--http-port")):
        family = socket.AF_INET6 if ":" in config.listen else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((config.listen, port))
            except OSError as error:
                raise StoreError(f"{config.listen}:{port}: cannot listen here "
                                 f"({error.strerror or error}; another Neo4j?); choose "
                                 f"another port with {option}") from None


def _prepare(config: ServerConfig, home: Path) -> None:
    data = config.data
    try:
        for name in (*FOLDERS, "conf"):
            (data / name).mkdir(parents=True, exist_ok=True)
        # Written at every start, so that other ports or memory take effect.
        (data / "conf" / "neo4j.conf").write_text(_config_text(config), encoding="utf-8")
    except OSError as error:
        raise KgError(f"{data}: cannot keep Neo4j's data here "
                      f"({error.strerror or error})") from None


def _config_text(config: ServerConfig) -> str:
    data = config.data.resolve()
    folders = "".join(f"server.directories.{name}={data / name}\n" for name in FOLDERS)
    bolt = f"{_bracketed(config.listen)}:{config.bolt_port}"
    http = f"{_bracketed(config.listen)}:{config.http_port}"
    # Advertised addresses are what Browser's connect form and neo4j:// routing use.
    return (
        folders
        + f"server.default_listen_address={config.listen}\n"
        + f"server.default_advertised_address={config.host}\n"
        + f"server.bolt.listen_address={bolt}\n"
        + f"server.bolt.advertised_address={_bracketed(config.host)}:{config.bolt_port}\n"
        + f"server.http.listen_address={http}\n"
        + f"server.http.advertised_address={_bracketed(config.host)}:{config.http_port}\n"
        + "server.https.enabled=false\n"
        + "dbms.security.auth_enabled=true\n"
        + f"server.memory.heap.initial_size={config.heap}\n"
        + f"server.memory.heap.max_size={config.heap}\n"
        + f"server.memory.pagecache.size={config.pagecache}\n"
        + "dbms.usage_report.enabled=false\n"
        # Otherwise every database fallocates a 256 MiB transaction log up front.
        + "db.tx_log.preallocate=false\n"
        # Bolt's netty shutdown otherwise idles 2 x 5 s on every stop.
        + "internal.dbms.bolt.netty_server_shutdown_quiet_period=0\n"
    )


def _set_initial_password(config: ServerConfig, home: Path, java: str, password: str) -> None:
    # Only effective before the first start: it seeds data/dbms/auth.ini, which the
    # system database imports when it is created.
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(config.data / "conf")}
    done = subprocess.run(
        [java, "-Xmx128m", "-cp", f"{home / 'lib'}/*", f"-Dbasedir={home}",
         "org.neo4j.server.startup.Neo4jAdminCommand", "dbms", "set-initial-password",
         "--require-password-change=false", "--", password],
        env=env, cwd=config.data, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, check=False)
    if done.returncode != 0:
        last = done.stdout.strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise KgError(f"neo4j-admin could not set the initial password: {last[0]}"
                      .replace(password, "***"))


def _launch(config: ServerConfig, home: Path, java: str) -> subprocess.Popen[bytes]:
    command = [java, "-cp", f"{home / 'lib'}/*", *JVM_FLAGS, f"-Xms{config.heap}",
               f"-Xmx{config.heap}", "org.neo4j.server.CommunityEntryPoint",
               f"--home-dir={home}", f"--config-dir={(config.data / 'conf').resolve()}",
               "--console-mode"]
    with (config.data / "logs" / "console.log").open("ab") as log:
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} kg neo4j start ===\n".encode())
        log.flush()
        # Its own session: the server outlives this command, and a Ctrl-C in the terminal
        # reaches kg, which stops it in order, rather than the JVM directly.
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, cwd=config.data,
                                   start_new_session=True)
    state = {"pid": process.pid, "bolt_port": config.bolt_port,
             "http_port": config.http_port, "listen": config.listen, "heap": config.heap,
             "pagecache": config.pagecache, "started": time.time()}
    (config.data / STATE).write_text(json.dumps(state) + "\n", encoding="utf-8")
    return process


def _wait_ready(config: ServerConfig, process: subprocess.Popen[bytes],
                timeout: float) -> None:
    """Until HTTP discovery answers, which it does once the databases are up."""
    deadline = time.monotonic() + timeout
    url = f"http://{_bracketed(_local(config.listen))}:{config.http_port}/"
    while True:
        code = process.poll()
        if code is not None:
            raise StoreError(f"Neo4j exited with code {code} before it was ready; see "
                             f"{config.data / 'logs' / 'console.log'}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if "bolt_direct" in json.loads(answer.read().decode("utf-8")):
                    return
        except (OSError, ValueError, urllib.error.URLError):
            pass
        if time.monotonic() >= deadline:
            raise StoreError(f"Neo4j was not ready after {timeout:.0f} s; see "
                             f"{config.data / 'logs' / 'debug.log'}")
        time.sleep(0.25)


def _local(listen: str) -> str:
    """Where this machine reaches a server listening on ``listen``."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(listen, listen)


def _check_password(config: ServerConfig, password: str) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    uri = f"bolt://{_bracketed(_local(config.listen))}:{config.bolt_port}"
    try:
        with GraphDatabase.driver(uri, auth=(USER, password)) as driver:
            driver.verify_connectivity()
    except AuthError:
        raise StoreError(f"{config.bolt_uri}: Neo4j refused NEO4J_PASSWORD for user neo4j "
                         f"(the password set at the first start of {config.data} holds until "
                         "changed in Browser), so it was stopped again") from None
    except (DriverError, Neo4jError, OSError) as error:
        raise StoreError(f"{config.bolt_uri}: {error}") from None


# -- stop ------------------------------------------------------------------------------


def stop(data: Path, timeout: float = STOP_TIMEOUT) -> Status:
    """Stop the server running from ``data`` cleanly; returns what was running."""
    running = status(data)
    if running.pid is not None:
        _terminate(running.pid, data, timeout)
    else:
        (data / STATE).unlink(missing_ok=True)
    return running


def _terminate(pid: int, data: Path, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM (Neo4j's clean shutdown), then SIGKILL if it takes longer than ``timeout``;
    signals arriving meanwhile are ignored, so that the shutdown is never cut short."""
    previous = {number: signal.signal(number, signal.SIG_IGN)
                for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid):
            if time.monotonic() >= deadline:
                _signal(pid, signal.SIGKILL)
                raise StoreError(f"Neo4j (pid {pid}) did not stop within {timeout:.0f} s and "
                                 "was killed; it will recover its databases on the next start")
            time.sleep(0.1)
        (data / STATE).unlink(missing_ok=True)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _signal(pid: int, signum: signal.Signals) -> None:
    try:
        os.killpg(pid, signum)  # the JVM leads its own process group
    except ProcessLookupError:
        pass
