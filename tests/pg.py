"""A real, throwaway PostgreSQL server for the tests: ``initdb`` into a temporary
folder, ``pg_ctl start`` on a free localhost port (its unix socket in that folder
too), one database per test, ``pg_ctl stop`` at the end of the session.

PostgreSQL refuses to run as root; as root the server runs as an unprivileged
user (``postgres`` if it exists, else ``nobody``) through ``runuser``, in a
folder that user owns. Without the binaries (PostgreSQL 15 from Debian's
``postgresql`` package, or ``initdb``/``pg_ctl``/``postgres`` on PATH) or the
psycopg driver the tests are skipped with the reason, unless
``STRIKEWATCH_PG_REQUIRED=1`` (set by ``.ci/run``), where they fail instead.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

#: the superuser initdb creates; trust authentication, localhost only
USER = "strikewatch"
_TOOLS = ("initdb", "pg_ctl", "postgres")


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's layout."""
    on_path = [shutil.which(tool) for tool in _TOOLS]
    if all(on_path):
        return Path(os.path.realpath(str(on_path[0]))).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if all(os.access(Path(folder) / tool, os.X_OK) for tool in _TOOLS):
            return Path(folder)
    return None


def unavailable() -> str | None:
    """Why no server can be started here, or ``None`` if one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[dev]' installs it)"
    if find_bin_dir() is None:
        return (
            "PostgreSQL binaries (initdb, pg_ctl, postgres) not found on PATH or in "
            "/usr/lib/postgresql/*/bin; apt-get install postgresql"
        )
    if os.geteuid() == 0 and _run_as() is None:
        return "running as root and no unprivileged user (postgres, nobody) to run the server"
    return None


def skip_or_fail(reason: str) -> None:
    if os.environ.get("STRIKEWATCH_PG_REQUIRED") == "1":
        pytest.fail(f"PostgreSQL tests required (STRIKEWATCH_PG_REQUIRED=1): {reason}")
    pytest.skip(reason)


def _run_as() -> pwd.struct_passwd | None:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """One server for a test session (one per xdist worker)."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="strikewatch-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.log = self.root / "server.log"
        self.port = 0
        self._prefix: list[str] = []
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            user = _run_as()
            assert user is not None
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            self._prefix = [runuser, "-u", user.pw_name, "--"]
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self.sockets.mkdir()
        if self._prefix:
            os.chown(self.sockets, self.root.stat().st_uid, self.root.stat().st_gid)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._prefix, *args], capture_output=True, text=True, timeout=timeout,
            cwd=self.root, check=False,
        )  # fmt: skip

    def start(self) -> None:
        init = self._run(
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        for _attempt in range(3):  # another process may take the free port first
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
                # a throwaway server: durability is not tested here, speed is welcome
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            started = self._run(
                str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                "-w", "-t", "60", "-o", options, "start",
            )  # fmt: skip
            if started.returncode == 0:
                return
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {started.stderr or started.stdout}\n{log}")

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "stop")  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, *, driver: str = "+psycopg") -> str:
        return f"postgresql{driver}://{USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> object:
        """A psycopg connection (autocommit) as the superuser."""
        import psycopg

        return psycopg.connect(self.url(database, driver=""), autocommit=True)

    def create_database(self, prefix: str = "t") -> str:
        """A new, empty database; its name."""
        from psycopg import sql

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with self.admin() as conn:  # type: ignore[attr-defined]
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        from psycopg import sql

        with self.admin() as conn:  # type: ignore[attr-defined]
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
