"""A real Neo4j Community server for the test-suite, run from Maven Central jars.

``scripts/neo4j-jars`` lays out the server classpath and prints its home folder;
``Neo4jServer`` runs one server JVM from that home with all of its mutable
state (config, data, logs) in a private temp dir, on free loopback ports, with
authentication on. See docs/neo4j-from-maven.md for what was verified.

Run ``python tests/neo4j_server.py`` for a throwaway server in the foreground.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from types import TracebackType

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from kg.store.server import find_java

__all__ = ["Neo4jServer", "neo4j_home"]

USER = "neo4j"
DATABASE = "neo4j"
REPO_ROOT = Path(__file__).resolve().parent.parent

# The JVM flags that the shipped neo4j.conf passes through server.jvm.additional,
# minus -XX:+AlwaysPreTouch (it would commit the whole heap up front, costing
# RSS and start time for nothing in tests) and the profiling-only ones.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)
HEAP_INITIAL = "512m"
HEAP_MAX = "1g"
PAGECACHE = "256m"

RUN_SUBDIRS = ("data", "logs", "run", "import", "plugins")


def neo4j_home() -> Path:
    """Resolve (downloading once) the server jars and return the NEO4J home."""
    script = REPO_ROOT / "scripts" / "neo4j-jars"
    result = subprocess.run([str(script)], check=True, stdout=subprocess.PIPE, text=True)
    return Path(result.stdout.strip())


def _free_ports(count: int) -> list[int]:
    # All sockets stay bound until every port is chosen, so they are distinct.
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _tail(path: Path, lines: int) -> str:
    if not path.is_file():
        return f"({path.name}: missing)"
    with path.open(encoding="utf-8", errors="replace") as handle:
        last = deque(handle, maxlen=lines)
    return f"--- {path.name} (last {len(last)} lines) ---\n" + "".join(last)


class Neo4jServer:
    """One Neo4j server process with a private temp dir, for tests.

    Ports, the run dir, ``neo4j.conf`` and the initial password are set up on
    the first ``start()``; later starts reuse all of them, so data survives
    ``stop()``/``kill()`` followed by ``restart()``.
    """

    def __init__(
        self,
        home: Path,
        password: str = "kg-test-password",
        *,
        java: str | None = None,
    ) -> None:
        if len(password) < 8:
            # Neo4j's default dbms.security.auth_minimum_password_length.
            raise ValueError("Neo4j needs a password of at least 8 characters")
        self.home = Path(home).resolve()
        self.password = password
        self.java = java or find_java()
        self._run_dir: Path | None = None
        self._bolt_port = 0
        self._http_port = 0
        self._process: subprocess.Popen[bytes] | None = None

    # -- addresses -------------------------------------------------------

    @property
    def bolt_uri(self) -> str:
        self._require_prepared()
        return f"bolt://127.0.0.1:{self._bolt_port}"

    @property
    def http_url(self) -> str:
        self._require_prepared()
        return f"http://127.0.0.1:{self._http_port}"

    @property
    def auth(self) -> tuple[str, str]:
        return (USER, self.password)

    @property
    def pid(self) -> int | None:
        """The server JVM's pid while it runs, else None."""
        return self._process.pid if self.running and self._process else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def run_dir(self) -> Path:
        return self._require_prepared()

    @property
    def console_log(self) -> Path:
        return self.run_dir / "console.log"

    # -- lifecycle -------------------------------------------------------

    def start(self) -> None:
        """Launch the server JVM; returns at once (see ``wait_ready``)."""
        if self.running:
            raise RuntimeError(f"Neo4j already running (pid {self.pid})")
        if self._run_dir is None:
            self._prepare()
        run_dir = self.run_dir
        command = [
            self.java,
            "-cp",
            f"{self.home / 'lib'}/*",
            *JVM_FLAGS,
            f"-Xms{HEAP_INITIAL}",
            f"-Xmx{HEAP_MAX}",
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={run_dir / 'conf'}",
            "--console-mode",
        ]
        # Appending keeps the log of a killed run for post-mortems.
        with self.console_log.open("ab") as log:
            log.write(f"\n=== {time.strftime('%H:%M:%S')} start ===\n".encode())
            log.flush()
            # Own session/process group: a Ctrl-C aimed at pytest must not
            # take the server down before fixtures tear it down in order.
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=run_dir,
                start_new_session=True,
            )

    def wait_ready(self, timeout: float = 180.0) -> None:
        """Block until database ``neo4j`` answers ``RETURN 1`` over Bolt."""
        process = self._process
        if process is None:
            raise RuntimeError("Neo4j was not started")
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        with GraphDatabase.driver(self.bolt_uri, auth=self.auth, connection_timeout=2.0) as driver:
            while True:
                code = process.poll()
                if code is not None:
                    raise RuntimeError(
                        f"Neo4j exited with code {code} before it was ready\n" + self.log_tail()
                    )
                try:
                    # A plain session.run, unlike execute_query, is not retried
                    # with backoff inside the driver, so each poll stays short.
                    with driver.session(database=DATABASE) as session:
                        session.run("RETURN 1").consume()
                    return
                except AuthError as exc:
                    # Retrying would only trip Neo4j's login rate limiter.
                    raise RuntimeError(
                        f"Neo4j rejected the password: {exc}\n" + self.log_tail()
                    ) from exc
                except (DriverError, Neo4jError, OSError) as exc:
                    last_error = exc
                if time.monotonic() >= deadline:
                    raise RuntimeError(
                        f"Neo4j not ready after {timeout:.0f}s "
                        f"(last error: {last_error!r})\n" + self.log_tail()
                    )
                time.sleep(0.25)

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM (clean shutdown), then SIGKILL if it takes too long."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        self._signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL at once, like a crash; the store recovers on restart."""
        process = self._process
        if process is None or process.poll() is not None:
            return
        self._signal(signal.SIGKILL)
        process.wait()

    def restart(self, timeout: float = 180.0) -> None:
        """Start again on the same ports and data dir and wait until ready."""
        self.stop()
        self.start()
        self.wait_ready(timeout)

    def cleanup(self) -> None:
        """Stop the server and delete its temp dir (data included)."""
        self.stop()
        atexit.unregister(self._atexit)
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None

    def log_tail(self, lines: int = 40) -> str:
        """The ends of the console and debug logs, for error messages."""
        if self._run_dir is None:
            return "(no run dir)"
        return "\n".join(
            _tail(path, lines) for path in (self.console_log, self._run_dir / "logs" / "debug.log")
        )

    def __enter__(self) -> Neo4jServer:
        self.start()
        try:
            self.wait_ready()
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.cleanup()

    # -- internals -------------------------------------------------------

    def _require_prepared(self) -> Path:
        if self._run_dir is None:
            raise RuntimeError("Neo4j server not started yet (no ports chosen)")
        return self._run_dir

    def _signal(self, signum: signal.Signals) -> None:
        assert self._process is not None
        try:
            os.killpg(self._process.pid, signum)
        except ProcessLookupError:
            pass

    def _atexit(self) -> None:
        # The JVM lives in its own process group, so it would outlive a test
        # run that dies without calling cleanup(); never leave it behind.
        self.kill()
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)

    def _prepare(self) -> None:
        lib = self.home / "lib"
        if not any(lib.glob("org.neo4j.neo4j-*.jar")):
            raise RuntimeError(f"no Neo4j jars in {lib}; run scripts/neo4j-jars")
        run_dir = Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
        atexit.register(self._atexit)
        self._run_dir = run_dir
        for name in (*RUN_SUBDIRS, "conf"):
            (run_dir / name).mkdir()
        self._bolt_port, self._http_port = _free_ports(2)
        (run_dir / "conf" / "neo4j.conf").write_text(self._config(run_dir))
        self._set_initial_password()

    def _config(self, run_dir: Path) -> str:
        directories = "".join(
            f"server.directories.{name}={run_dir / name}\n" for name in RUN_SUBDIRS
        )
        bolt = f"127.0.0.1:{self._bolt_port}"
        http = f"127.0.0.1:{self._http_port}"
        # Advertised addresses matter: neo4j:// routing tables and the HTTP
        # discovery document would otherwise point at the default 7687/7474.
        return (
            directories
            + "server.default_listen_address=127.0.0.1\n"
            + "server.default_advertised_address=127.0.0.1\n"
            + f"server.bolt.listen_address={bolt}\n"
            + f"server.bolt.advertised_address={bolt}\n"
            + f"server.http.listen_address={http}\n"
            + f"server.http.advertised_address={http}\n"
            + "server.https.enabled=false\n"
            + "dbms.security.auth_enabled=true\n"
            # Read by the startup checks (heap + pagecache vs RAM); the JVM
            # itself gets -Xms/-Xmx on the command line.
            + f"server.memory.heap.initial_size={HEAP_INITIAL}\n"
            + f"server.memory.heap.max_size={HEAP_MAX}\n"
            + f"server.memory.pagecache.size={PAGECACHE}\n"
            + "dbms.usage_report.enabled=false\n"
            # Otherwise every database fallocates a 256 MiB transaction log.
            + "db.tx_log.preallocate=false\n"
            # Bolt's netty shutdown otherwise idles 2 x 5s on every stop().
            + "internal.dbms.bolt.netty_server_shutdown_quiet_period=0\n"
        )

    def _set_initial_password(self) -> None:
        # Only effective before the first start: it seeds data/dbms/auth.ini,
        # which the system database imports when it is created.
        env = {
            **os.environ,
            "NEO4J_HOME": str(self.home),
            "NEO4J_CONF": str(self.run_dir / "conf"),
        }
        result = subprocess.run(
            [
                self.java,
                "-Xmx128m",
                "-cp",
                f"{self.home / 'lib'}/*",
                f"-Dbasedir={self.home}",
                "org.neo4j.server.startup.Neo4jAdminCommand",
                "dbms",
                "set-initial-password",
                self.password,
                "--require-password-change=false",
            ],
            env=env,
            cwd=self.run_dir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"neo4j-admin set-initial-password failed ({result.returncode}):\n" + result.stdout
            )


class Stopped(Exception):
    """A signal asked the foreground server to stop."""


def _stop_on(signum: int, frame: object) -> None:
    raise Stopped(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run a throwaway Neo4j server in the foreground until Ctrl-C "
        "(or SIGTERM, SIGHUP)."
    )
    parser.add_argument("--password", default="kg-test-password")
    parser.add_argument("--home", type=Path, help="NEO4J home (default: from scripts/neo4j-jars)")
    args = parser.parse_args(argv)
    home: Path = args.home or neo4j_home()
    server = Neo4jServer(home, password=args.password)
    # The JVM runs in its own session, so a kill of this script (a service manager's
    # SIGTERM, a closed terminal's SIGHUP) would otherwise leave it running, and its
    # folder behind: stop it the way Ctrl-C does.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on)
    try:
        started = time.monotonic()
        server.start()
        server.wait_ready()
        sys.stdout.write(
            f"Neo4j ready in {time.monotonic() - started:.1f}s (pid {server.pid})\n"
            f"  bolt:     {server.bolt_uri}\n"
            f"  browser:  {server.http_url}/browser/\n"
            f"  user:     {USER}\n"
            f"  password: {server.password}\n"
            f"  run dir:  {server.run_dir} (deleted on exit)\n"
            "Ctrl-C to stop.\n"
        )
        sys.stdout.flush()
        while server.running:
            time.sleep(1)
        sys.stderr.write("Neo4j exited on its own:\n" + server.log_tail() + "\n")
        return 1
    except (KeyboardInterrupt, Stopped):
        sys.stderr.write("\nstopping Neo4j...\n")
        return 0
    finally:
        # No second signal may cut the clean-up short.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        server.cleanup()


if __name__ == "__main__":
    sys.exit(main())
