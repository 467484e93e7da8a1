"""The application shell: `create_app()` builds the app in named steps."""

import gc

from flask import Flask

from app import config
from app.db import register_commit_boundary
from app.errors import register_error_handlers
from app.extensions import cache, csrf, db, limiter, login_manager, migrate
from app.i18n import init_i18n
from app.logs import redact_phone_numbers


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application; `overrides` replace settings (tests pass TESTING, a database URL)."""
    redact_phone_numbers()
    app = Flask(__name__, instance_path=str(config.INSTANCE_DIR))
    app.config.update(config.from_environment())
    app.config.update(overrides or {})
    app.json.sort_keys = False  # keep documents in the order the API spec lists their keys
    register_extensions(app)
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
    # A server's connections can go stale (a restart), so each is tested as it is taken; a SQLite
    # file's cannot, and the test would cost every request a statement.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": not sqlite, **app.config["SQLALCHEMY_ENGINE_OPTIONS"]}
    db.init_app(app)
    cache.init_app(app)
    limiter.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    migrate.init_app(app, db, directory=str(config.INSTANCE_DIR.parent / "migrations"))
    init_i18n(app)


def register_blueprints(app: Flask) -> None:
    from catalog import blueprints as catalog_blueprints

    @app.get("/healthz")
    def healthz():
        db.session.execute(db.text("SELECT 1"))
        return {"status": "ok"}

    from kiosk import blueprints as kiosk_blueprints
    from sms import blueprints as sms_blueprints
    from staff import blueprints as staff_blueprints

    for blueprint in [*catalog_blueprints(), *sms_blueprints(app.config), *kiosk_blueprints(), *staff_blueprints()]:
        app.register_blueprint(blueprint)


def register_commands(app: Flask) -> None:
    from catalog.cli import catalog_cli
    from kiosk.cli import kiosk_cli
    from sms.cli import sms_cli
    from staff.cli import privacy_cli, staff_cli

    for group in (catalog_cli, sms_cli, kiosk_cli, staff_cli, privacy_cli):
        app.cli.add_command(group)


def ready_for_traffic() -> None:
    """Load lazily-read tables now and freeze the heap before serving.

    The ZIP table and the locale data are read once and kept; frozen, they leave the cyclic
    garbage collector's scans, which otherwise pause a request for 100+ ms now and then.
    """
    from catalog.geo import zip_centroid

    zip_centroid("60637")
    gc.collect()
    gc.freeze()
