"""The Neo4j Community server as jars from Maven Central: no Docker, no tarball.

Maven copies the runtime classpath of kg/data/neo4j/pom.xml into
``${KG_NEO4J_CACHE:-~/.cache/kg}/neo4j-<version>/lib`` once; that folder's parent is a
NEO4J home (docs/neo4j-from-maven.md). The copy is trusted only when a marker written after
it completed matches the pom's hash, so an interrupted download or an edited pom is done
again; concurrent callers take turns on a lock file. ``scripts/neo4j-jars`` (the tests)
and ``kg neo4j start`` share this code and its cache.

    python -m kg.store.jars      # prints the NEO4J home, downloading ~140 MB the first time
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from kg.errors import KgError

DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
MARKER = ".complete"


def pom() -> Path:
    return Path(str(resources.files("kg") / "data" / "neo4j" / "pom.xml"))


def neo4j_version(path: Path | None = None) -> str:
    text = (path or pom()).read_text(encoding="utf-8")
    found = re.search(r"<neo4j\.version>([^<]+)</neo4j\.version>", text)
    if found is None:
        raise KgError(f"{path or pom()}: no <neo4j.version>")
    return found.group(1).strip()


def cache_folder() -> Path:
    return Path(os.environ.get("KG_NEO4J_CACHE") or Path.home() / ".cache" / "kg")


def resolve_home(cache: Path | None = None) -> Path:
    """The NEO4J home holding the server jars, copied from Maven Central if need be."""
    source = pom()
    home = (cache or cache_folder()) / f"neo4j-{neo4j_version(source)}"
    lib, marker = home / "lib", home / MARKER
    # The version alone is not enough: the Browser's or any other pin may change.
    stamp = hashlib.sha256(source.read_bytes()).hexdigest()
    try:
        home.mkdir(parents=True, exist_ok=True)
        with (home / ".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if _current(marker, lib, stamp):
                return home
            _download(source, home, lib)
            marker.write_text(stamp + "\n", encoding="utf-8")
    except OSError as error:
        raise KgError(f"{home}: cannot keep the Neo4j jars here "
                      f"({error.strerror or error})") from None
    return home


def _current(marker: Path, lib: Path, stamp: str) -> bool:
    try:
        return lib.is_dir() and marker.read_text(encoding="utf-8").strip() == stamp
    except OSError:
        return False


def _download(source: Path, home: Path, lib: Path) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise KgError("the Neo4j server comes as jars from Maven Central through Maven: "
                      "install Maven (mvn) and Java 17 or 21, or set KG_NEO4J_HOME to a "
                      "Neo4j home folder")
    (home / MARKER).unlink(missing_ok=True)
    for leftover in home.glob("lib.partial.*"):  # a run killed too hard to clean up
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix="lib.partial.", dir=home))
    try:
        sys.stderr.write(f"kg: resolving Neo4j {neo4j_version(source)} into {lib} "
                         "(about 140 MB, once)\n")
        # mvn -q still prints errors on stdout; stdout is kept for the caller's answer.
        done = subprocess.run(
            [mvn, "-B", "-q", "-f", str(source), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
             f"-DoutputDirectory={staging}", "-DincludeScope=runtime",
             "-Dmdep.prependGroupId=true"],
            stdin=subprocess.DEVNULL, stdout=2, check=False)
        if done.returncode != 0:
            raise KgError(f"mvn could not fetch the Neo4j jars (exit code {done.returncode}); "
                          "see its messages above")
        # Swap the complete set in whole, so lib/ never holds a partial copy.
        shutil.rmtree(lib, ignore_errors=True)
        staging.chmod(0o755)  # mkdtemp made it private
        staging.rename(lib)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    try:
        sys.stdout.write(f"{resolve_home()}\n")
    except KgError as error:
        sys.stderr.write(f"neo4j-jars: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
