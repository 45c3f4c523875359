"""Fetch, configure, start, stop and inspect the Neo4j server the project runs itself.

The jars come from Maven Central through `mvn dependency:copy-dependencies` on the small pom
beside this file. The server's main class, `org.neo4j.server.CommunityEntryPoint`, runs on
Java 17 (or 21) with a hardened `neo4j.conf` written here: Bolt on 127.0.0.1 only, no HTTP,
no `LOAD CSV` from files, a transaction timeout and memory for a 2-core / 24 GiB machine.
"""

from __future__ import annotations

import glob
import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from kb.errors import KBError
from kb.settings import Settings

POM = Path(__file__).resolve().parent / "pom.xml"
NEO4J_VERSION = re.search(r"<neo4j.version>([^<]+)<", POM.read_text()).group(1)  # type: ignore[union-attr]
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
PASSWORD_ALPHABET = string.ascii_letters + string.digits
# The JVM flags the Neo4j distribution's neo4j.conf lists under server.jvm.additional
# that apply to Java 17; launched directly, the server does not read them itself.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]
SUPPORTED_JAVA = (17, 21)


@dataclass(frozen=True)
class Layout:
    """Where the provisioned server keeps its files."""

    root: Path

    @property
    def lib(self) -> Path:
        return self.root / "lib"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def data(self) -> Path:
        return self.home / "data"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def import_dir(self) -> Path:
        return self.home / "import"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def pid_file(self) -> Path:
        return self.root / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    @property
    def stamp(self) -> Path:
        return self.lib / f".complete-{NEO4J_VERSION}"


def layout(settings: Settings) -> Layout:
    """The layout under the configured state folder, as an absolute path."""
    return Layout(settings.neo4j_dir.resolve())


def java_major(java: str) -> int | None:
    """The major version of a `java` executable, or None when it does not run."""
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        ).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def find_java(settings: Settings) -> str:
    """A Java 17 or 21 executable: the configured one, JAVA_HOME's, or one under /usr/lib/jvm."""
    candidates = [settings.kb_java]
    if os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    for major in SUPPORTED_JAVA:
        candidates += sorted(glob.glob(f"/usr/lib/jvm/*{major}*/bin/java"))
    seen = []
    for cand in candidates:
        path = shutil.which(cand) or (cand if Path(cand).exists() else None)
        if not path:
            continue
        found = java_major(path)
        seen.append(f"{path} ({found})")
        if found in SUPPORTED_JAVA:
            return path
    raise KBError(
        "no Java 17 or 21 found to run Neo4j 5.26" + (f"; tried {', '.join(seen)}" if seen else ""),
        hint="Install one (apt-get install openjdk-17-jre-headless) or set KB_JAVA to its path.",
    )


def fetch(settings: Settings) -> Layout:
    """Copy the Neo4j jars into the cache with Maven, unless they are already there."""
    lay = layout(settings)
    if lay.stamp.exists():
        return lay
    mvn = shutil.which("mvn")
    if not mvn:
        raise KBError(
            "Maven (mvn) is needed to fetch the Neo4j jars and was not found",
            hint="Install it (apt-get install maven), or point NEO4J_URI at a running Neo4j.",
        )
    lay.lib.mkdir(parents=True, exist_ok=True)
    cmd = [
        mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={lay.lib}", "-DincludeScope=runtime",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise KBError(
            f"mvn could not fetch Neo4j {NEO4J_VERSION} from Maven Central:\n{tail}",
            hint="Check that Maven Central is reachable, then run `kb neo4j fetch` again.",
        )
    lay.stamp.write_text(NEO4J_VERSION + "\n")
    return lay


def render_conf(settings: Settings, lay: Layout) -> str:
    """The hardened neo4j.conf for the provisioned server."""
    return "\n".join(
        [
            "# Written by valuenet-kb (kb neo4j start); edits are overwritten on each start.",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{settings.kb_neo4j_port}",
            f"server.bolt.advertised_address=127.0.0.1:{settings.kb_neo4j_port}",
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            f"server.directories.import={lay.import_dir}",
            "dbms.security.allow_csv_import_from_file_urls=false",
            f"db.transaction.timeout={settings.kb_neo4j_tx_timeout}",
            "db.lock.acquisition.timeout=60s",
            f"db.memory.transaction.max={settings.kb_neo4j_tx_memory}",
            # A 100k-component load writes ~360 MB of transaction log; Neo4j's default keeps
            # two days of them (6 GB after one `make bench`). Nothing here needs old logs
            # (no backups or cluster members replay them), so keep at most 1 GB.
            "db.tx_log.rotation.retention_policy=1G size",
            f"server.memory.heap.initial_size={settings.kb_neo4j_heap}",
            f"server.memory.heap.max_size={settings.kb_neo4j_heap}",
            f"server.memory.pagecache.size={settings.kb_neo4j_pagecache}",
            "dbms.usage_report.enabled=false",
            "",
        ]
    )


def _password(lay: Layout) -> str:
    if lay.password_file.exists():
        return lay.password_file.read_text().strip()
    # Letters and digits only: a password that began with "-" would be read as an option by
    # neo4j-admin (token_urlsafe gave one in 64 such passwords, and a failed CI run).
    pw = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(32))
    lay.root.mkdir(parents=True, exist_ok=True)
    lay.password_file.write_text(pw + "\n")
    lay.password_file.chmod(0o600)
    return pw


def read_password(settings: Settings) -> str | None:
    """The generated password of the provisioned server, if it has one."""
    pf = layout(settings).password_file
    return pf.read_text().strip() if pf.exists() else None


def _classpath(lay: Layout) -> str:
    return str(lay.lib / "*")


def configure(settings: Settings, java: str) -> Layout:
    """Write the config and, on first use, set the generated initial password."""
    lay = layout(settings)
    for d in (lay.conf_dir, lay.data, lay.logs, lay.import_dir):
        d.mkdir(parents=True, exist_ok=True)
    (lay.conf_dir / "neo4j.conf").write_text(render_conf(settings, lay))
    pw = _password(lay)
    if not (lay.data / "dbms" / "auth.ini").exists():
        env = {**os.environ, "NEO4J_HOME": str(lay.home), "NEO4J_CONF": str(lay.conf_dir)}
        proc = subprocess.run(
            # "--" ends the options, so a password kept from an older kb that starts with "-"
            # is still taken as the password.
            [java, "-cp", _classpath(lay), ADMIN_CLASS, "dbms", "set-initial-password", "--", pw],
            capture_output=True, text=True, env=env, check=False,
        )
        if proc.returncode != 0:
            said = [ln.strip() for ln in (proc.stderr + proc.stdout).splitlines() if ln.strip()]
            raise KBError(
                f"could not set the initial Neo4j password (neo4j-admin exit {proc.returncode}): "
                + (re.sub(r"^[\w.$]+(Exception|Error): ", "", said[0]) if said else "no output"),
                hint=f"Remove {lay.data} and {lay.password_file} to start afresh "
                "(this deletes the data).",
            )
    return lay


def bulk_import(settings: Settings, nodes: list[Path], rels: list[Path],
                array_delimiter: str) -> str:
    """Replace the stopped server's `neo4j` database with the CSV files given, through
    `neo4j-admin database import full`; the importer's report, or KBError with its reason.
    The server must be stopped; on failure the half-made database is removed, so the next
    start makes an empty one."""
    lay = layout(settings)
    java = find_java(settings)
    configure(settings, java)
    env = {**os.environ, "NEO4J_HOME": str(lay.home), "NEO4J_CONF": str(lay.conf_dir)}
    heap = settings.kb_neo4j_heap
    cmd = [java, f"-Xmx{heap}", "-cp", _classpath(lay), ADMIN_CLASS, "database", "import",
           "full", "neo4j", "--overwrite-destination=true", "--multiline-fields=true",
           f"--array-delimiter={array_delimiter}", "--bad-tolerance=0",
           "--skip-bad-relationships=false", "--skip-duplicate-nodes=false",
           *[f"--nodes={p}" for p in nodes], *[f"--relationships={p}" for p in rels]]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False,
                          cwd=lay.home)
    said = (proc.stdout + proc.stderr).strip()
    lay.logs.mkdir(parents=True, exist_ok=True)
    (lay.logs / "import.log").write_text(said)
    if proc.returncode != 0:
        for folder in (lay.data / "databases" / "neo4j", lay.data / "transactions" / "neo4j"):
            shutil.rmtree(folder, ignore_errors=True)
        lines = [ln for ln in said.splitlines() if ln.strip()]
        raise KBError(f"Neo4j's importer failed (exit {proc.returncode}): "
                      + (lines[-1] if lines else "no output"),
                      hint=f"Nothing was loaded. The whole report: {lay.logs}/import.log.")
    return said


def running_pid(settings: Settings) -> int | None:
    """The pid of the provisioned server when its process is alive."""
    lay = layout(settings)
    try:
        pid = int(lay.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except OSError:
        return None
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and MAIN_CLASS.encode() not in cmdline.read_bytes():
        return None
    return pid


def local_uri(settings: Settings) -> str:
    """The Bolt URI of the provisioned server."""
    return f"bolt://127.0.0.1:{settings.kb_neo4j_port}"


def _bolt_answers(settings: Settings, password: str) -> bool:
    try:
        with GraphDatabase.driver(
            local_uri(settings), auth=(settings.neo4j_user, password), connection_timeout=2
        ) as drv:
            drv.verify_connectivity()
            drv.execute_query("RETURN 1", database_=settings.neo4j_database)
        return True
    except (ServiceUnavailable, OSError, Neo4jError):
        return False


def start(settings: Settings, wait_seconds: float = 120.0) -> tuple[Layout, bool]:
    """Start the server unless it runs; wait until it answers on Bolt. Returns (layout, started)."""
    lay = fetch(settings)
    java = find_java(settings)
    if running_pid(settings):
        return lay, False
    configure(settings, java)
    pw = _password(lay)
    heap = settings.kb_neo4j_heap
    cmd = [
        java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", _classpath(lay), MAIN_CLASS,
        f"--home-dir={lay.home}", f"--config-dir={lay.conf_dir}",
    ]
    with open(lay.console_log, "ab") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=lay.home,
        )
    lay.pid_file.write_text(f"{proc.pid}\n")
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise KBError(
                f"Neo4j exited during start-up (code {proc.returncode}):\n" + _log_tail(lay),
                hint=f"Read {lay.logs} for the whole story.",
            )
        if _bolt_answers(settings, pw):
            return lay, True
        time.sleep(0.5)
    raise KBError(
        f"Neo4j did not answer on {local_uri(settings)} within {wait_seconds:.0f}s",
        hint=f"Read {lay.logs}/neo4j.log and {lay.console_log}; stop it with `kb neo4j stop`.",
    )


def _log_tail(lay: Layout, lines: int = 12) -> str:
    for f in (lay.logs / "neo4j.log", lay.console_log):
        if f.exists() and f.stat().st_size:
            return "\n".join(f.read_text(errors="replace").splitlines()[-lines:])
    return "(no log written)"


def stop(settings: Settings, wait_seconds: float = 60.0) -> bool:
    """Stop the server if it runs; returns whether it was running."""
    pid = running_pid(settings)
    lay = layout(settings)
    if not pid:
        lay.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        _reap(pid)
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    lay.pid_file.unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
