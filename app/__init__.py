"""The application shell: `create_app()` builds the app in named steps."""

import gc
import logging

import click
from flask import Flask
from flask.cli import with_appcontext
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from app import config
from app.db import register_commit_boundary
from app.error_reports import init_error_reports
from app.errors import register_error_handlers
from app.extensions import cache, csrf, db, limiter, login_manager, migrate
from app.i18n import init_i18n
from app.limits import register_request_limits
from app.logs import redact_phone_numbers, register_request_id
from app.metrics import register_metrics
from app.shared_state import configure_shared_state, redis_problem

log = logging.getLogger(__name__)

# Seconds to reach a database server before the request is answered 503.
DATABASE_CONNECT_TIMEOUT = 5
# Milliseconds the health check waits for SQLite's write lock.
HEALTH_CHECK_LOCK_WAIT_MS = 250


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application; `overrides` replace settings (tests pass TESTING, a database URL)."""
    redact_phone_numbers()
    app = Flask(__name__, instance_path=str(config.INSTANCE_DIR))
    app.config.update(config.from_environment())
    app.config.update(overrides or {})
    app.json.sort_keys = False  # keep documents in the order the API spec lists their keys
    if hops := app.config["TRUSTED_PROXY_HOPS"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    init_error_reports(app)
    register_extensions(app)
    register_request_id(app)
    register_metrics(app)
    register_request_limits(app)  # before any door's own hooks read a body
    register_blueprints(app)
    register_commands(app)
    register_commit_boundary(app)
    register_error_handlers(app)
    register_response_headers(app)
    return app


def register_response_headers(app: Flask) -> None:
    @app.after_request
    def no_content_sniffing(response):
        """Browsers take each answer as the type it says (a JSON answer is never run as a page)."""
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


def register_extensions(app: Flask) -> None:
    sqlite = app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:")
    if sqlite:
        config.INSTANCE_DIR.mkdir(exist_ok=True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**_engine_options(app, sqlite), **app.config["SQLALCHEMY_ENGINE_OPTIONS"]}
    db.init_app(app)
    configure_shared_state(app)
    cache.init_app(app)
    # Flask-Limiter keeps the last app's RATELIMIT_ENABLED as its own default: each app says its own
    app.config.setdefault("RATELIMIT_ENABLED", True)
    limiter.init_app(app)
    _without_app_wide_limit_check(app)
    app.session_interface = SessionSignedWhenSent()
    csrf.init_app(app)
    login_manager.init_app(app)
    migrate.init_app(app, db, directory=str(config.INSTANCE_DIR.parent / "migrations"))
    init_i18n(app)


def _without_app_wide_limit_check(app: Flask) -> None:
    """Flask-Limiter checks default and application-wide limits before every request. This app sets
    none (each limit is on its own view, and the view's decorator checks it), so that check resolved
    nothing, at about 60 µs a request: it is taken out unless such limits are set."""
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks and not any(
        app.config.get(f"RATELIMIT_{name}") for name in ("DEFAULT", "APPLICATION", "META")
    ):
        hooks.remove(limiter._check_request_limit)


class SessionSignedWhenSent(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its signer built only for a request that sends the cookie (an
    API call or a Twilio webhook never sends one; building the signer is most of opening a session)."""

    def open_session(self, app: Flask, request):
        if app.secret_key and self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)


def _engine_options(app: Flask, sqlite: bool) -> dict:
    """How long a request waits for the database before it is answered 503 (app.errors).

    A writer holding SQLite, or a row lock in PostgreSQL, makes a request wait at most
    DATABASE_LOCK_TIMEOUT seconds, so one long writer cannot hold every worker. A server's
    connections can go stale (a restart), so each is tested as it is taken; a SQLite file's
    cannot, and the test would cost every request a statement.
    """
    wait = app.config["DATABASE_LOCK_TIMEOUT"]
    # A failed statement's values (a family's name, a phone) never reach an error message or a log.
    if sqlite:
        return {"hide_parameters": True, "connect_args": {"timeout": wait}}
    options = f"-c lock_timeout={int(wait * 1000)}"
    connect = {"connect_timeout": DATABASE_CONNECT_TIMEOUT, "options": options}
    return {"hide_parameters": True, "pool_pre_ping": True, "connect_args": connect}


def register_blueprints(app: Flask) -> None:
    from catalog import blueprints as catalog_blueprints

    @app.get("/healthz")
    def healthz():
        """Say "ok" only when the database answers and can take a write (a SQLite file held by a
        long writer reads fine but would answer every text and registration 503)."""
        if db.engine.dialect.name == "sqlite":
            connection = db.session.connection()
            # A quarter second tells a long writer from a short one without holding the worker.
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {HEALTH_CHECK_LOCK_WAIT_MS}")
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.exec_driver_sql("ROLLBACK")
            finally:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(app.config['DATABASE_LOCK_TIMEOUT'] * 1000)}")
        else:
            db.session.execute(db.text("SELECT 1"))
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz():
        """Say whether this process can serve: the database reachable and migrated to the latest
        revision, Redis reachable when configured; else 503 naming what is wrong."""
        problems = [problem for problem in (_database_problem(app), redis_problem(app)) if problem]
        if problems:
            return {"status": "not ready", "problems": problems}, 503
        return {"status": "ready"}

    from kiosk import blueprints as kiosk_blueprints
    from sms import blueprints as sms_blueprints
    from staff import blueprints as staff_blueprints

    for blueprint in [*catalog_blueprints(), *sms_blueprints(app.config), *kiosk_blueprints(), *staff_blueprints()]:
        app.register_blueprint(blueprint)


def _database_problem(app: Flask) -> str | None:
    """Say why the database cannot serve this code (unreachable, or migrations not applied)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    try:
        with db.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except Exception as error:  # any reason the database cannot be read is a reason not to serve
        return f"database: {type(error).__name__}"
    heads = set(ScriptDirectory(app.extensions["migrate"].directory).get_heads())
    return None if current == heads else "database: migrations not at head (run `flask db upgrade`)"


def register_commands(app: Flask) -> None:
    from catalog.cli import catalog_cli
    from kiosk.cli import kiosk_cli
    from sms.cli import sms_cli
    from staff.cli import privacy_cli, staff_cli

    for group in (catalog_cli, sms_cli, kiosk_cli, staff_cli, privacy_cli):
        app.cli.add_command(group)
    app.cli.add_command(clock_command)


def periodic_jobs(app: Flask) -> list:
    """Every package's work by the clock (app.clock)."""
    from sms import periodic as sms_periodic
    from staff import periodic as staff_periodic

    return [*sms_periodic(app.config), *staff_periodic(app.config)]


@click.command("clock")
@with_appcontext
def clock_command():
    """Enqueue the periodic jobs (text checks, the retention purge) for the workers, when due."""
    from flask import current_app

    from app.clock import run_clock

    app = current_app._get_current_object()
    if app.config["RETENTION_DAYS"] <= 0:
        log.warning("RETENTION_DAYS is not set: families' data is kept until `flask privacy purge` removes it")
    run_clock(app, periodic_jobs(app))


def ready_for_traffic() -> None:
    """Load lazily-read tables now and freeze the heap before serving.

    The ZIP table and the locale data are read once and kept; frozen, they leave the cyclic
    garbage collector's scans, which otherwise pause a request for 100+ ms now and then.
    """
    from catalog.zip_table import centroid

    centroid("60637")
    gc.collect()
    gc.freeze()
