"""Fixtures: a fresh app from the real factory for every test, on SQLite or PostgreSQL.

Tests that take `app` run on SQLite; the catalog tests also run on PostgreSQL (see
tests/catalog/conftest.py), a throwaway server this file starts on loopback. With CI=true a
missing PostgreSQL or missing ../shared data fails the run instead of skipping.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from glob import glob
from pathlib import Path
from typing import IO, NamedTuple

import pytest
import requests
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from app import create_app
from app.extensions import db

ROOT = Path(__file__).resolve().parent.parent
SHARED_REAL = ROOT.parent / "shared" / "data" / "real"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, reason: str) -> None:
    """Skip when something outside the project is missing, except in CI, where that fails."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: not skipping)")
        pytest.skip(reason)


def real_file(name: str) -> Path:
    path = SHARED_REAL / name
    need(path.exists(), f"{path} is not there")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temporary directory, on a loopback port."""

    def __init__(self):
        bins = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        self.bin = Path(bins[-1]).parent if bins else None
        self.dir = None
        self.port = _free_port()

    def _run(self, *args):
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        self.dir = Path(tempfile.mkdtemp(prefix="schoolbridge-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "schoolbridge", "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "schoolbridge", "schoolbridge_test")
        return f"postgresql+psycopg://schoolbridge@127.0.0.1:{self.port}/schoolbridge_test"

    def stop(self):
        if self.dir:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url():
    """A migrated PostgreSQL database: TEST_DATABASE_URL if set, else a throwaway server."""
    if os.environ.get("TEST_DATABASE_URL"):
        url, server = os.environ["TEST_DATABASE_URL"], None
    else:
        server = PostgresServer()
        need(server.bin is not None, "PostgreSQL is not installed (make test installs it)")
        url = server.start()
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        db.engine.dispose()
    yield url
    if server:
        server.stop()


class RedisServer:
    """A throwaway Redis on a loopback port, keeping nothing on disk; it can be stopped and started."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        self.port = _free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> str:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(200):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self.url
            time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class Served(NamedTuple):
    url: str
    log: IO[str]
    process: subprocess.Popen

    def kill(self) -> None:
        """End the instance at once, master and workers, as a crash would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@contextmanager
def gunicorn(database_url: str, workers: int = 1, port: int | None = None, **env):
    """Serve the app with gunicorn (its own processes, gunicorn.conf.py) on a loopback port."""
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    port = port or _free_port()
    environment.update(DATABASE_URL=database_url, PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY=str(workers))
    environment.update({"SECRET_KEY": "a-test-secret-key-long-enough-for-production-0123", **env})
    binary = ROOT / ".venv" / "bin" / "gunicorn"
    log = tempfile.TemporaryFile(mode="w+")
    command = [str(binary) if binary.exists() else "gunicorn", "wsgi:app"]
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 90  # a worker imports the app before it answers (slow on a busy machine)
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=30).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield Served(f"http://127.0.0.1:{port}", log, process)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def redis_server():
    """A Redis server for the tests that need one (started once; each test flushes it)."""
    server = RedisServer()
    need(server.binary is not None, "redis-server is not installed (make test installs it)")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server):
    from redis import Redis

    if redis_server.process is None:  # a test stopped it
        redis_server.start()
    Redis.from_url(redis_server.url).flushdb()
    return redis_server.url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated SQLite file that each test copies, so migrations run once per session."""
    path = tmp_path_factory.mktemp("db") / "template.db"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return path


@pytest.fixture
def backend():
    """The database backend a test runs on; tests/catalog parametrizes it."""
    return "sqlite"


@pytest.fixture
def database_url(request, backend, tmp_path):
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        yield url
        engine = create_engine(url)
        with engine.begin() as conn:
            tables = ", ".join(t.name for t in db.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        engine.dispose()
    else:
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"


@pytest.fixture
def app(database_url):
    """A fresh app from the real factory, on a migrated, empty database.

    No app context stays pushed: each request gets its own, as in production (a shared one
    would carry `g`, and the chosen locale with it, from one request to the next).
    """
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def session(app):
    """The database session, in an app context, for tests that look at the data directly."""
    with app.app_context():
        yield db.session
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def cli(app):
    """Run `flask …` commands against the test app: cli("catalog", "import", path)."""
    runner = app.test_cli_runner()

    def invoke(*args):
        return runner.invoke(args=list(args), catch_exceptions=False)

    return invoke
