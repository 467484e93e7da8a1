"""Configuration read from the environment, with defaults that work on a laptop."""

import os
from datetime import timedelta
from pathlib import Path

INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres://"):  # Heroku-style URLs name no driver
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{INSTANCE_DIR / 'schoolbridge.db'}"


DEVELOPMENT_SECRET_KEY = "dev-only-not-secret"
MIN_SECRET_KEY_LENGTH = 32


def production_problems(settings: dict) -> list[str]:
    """Say what in `settings` is unfit to serve the public (gunicorn refuses to start on any)."""
    problems = []
    key = settings["SECRET_KEY"]
    if key == DEVELOPMENT_SECRET_KEY or len(key) < MIN_SECRET_KEY_LENGTH:
        problems.append(
            f"SECRET_KEY must be set to a long random value (at least {MIN_SECRET_KEY_LENGTH} characters), not the development one"
        )
    twilio = settings["TWILIO_AUTH_TOKEN"] or settings["TWILIO_ACCOUNT_SID"]
    if twilio and not settings["PUBLIC_BASE_URL"]:
        problems.append("PUBLIC_BASE_URL must be set when Twilio is configured: signatures are checked and callbacks built against it")
    return problems


def from_environment() -> dict:
    """Return the settings taken from environment variables (documented in README.md)."""
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY),
        # Encrypts secrets kept at rest (staff TOTP); without it SECRET_KEY does, and changing that loses them.
        "DATA_ENCRYPTION_KEY": os.environ.get("DATA_ENCRYPTION_KEY", ""),
        "METRICS_TOKEN": os.environ.get("METRICS_TOKEN", ""),  # /metrics only for a scraper sending it
        "SQLALCHEMY_DATABASE_URI": _database_url(),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", ""),
        "TWILIO_AUTH_TOKEN": os.environ.get("TWILIO_AUTH_TOKEN", ""),
        "TWILIO_ACCOUNT_SID": os.environ.get("TWILIO_ACCOUNT_SID", ""),
        # The sender of outbound texts: our number in E.164, or a Messaging Service SID (MG…).
        "TWILIO_FROM": os.environ.get("TWILIO_FROM", ""),
        # Seconds an outbound text waits to connect to Twilio, then for its answer, before it is marked failed.
        "TWILIO_CONNECT_TIMEOUT": float(os.environ.get("TWILIO_CONNECT_TIMEOUT", "3")),
        "TWILIO_READ_TIMEOUT": float(os.environ.get("TWILIO_READ_TIMEOUT", "7")),
        "DEFAULT_LOCALE": os.environ.get("DEFAULT_LOCALE", "en"),
        "API_MAX_PER_PAGE": int(os.environ.get("API_MAX_PER_PAGE", "100")),
        # Seconds a request waits for a locked database (another writer) before it is answered 503.
        "DATABASE_LOCK_TIMEOUT": float(os.environ.get("DATABASE_LOCK_TIMEOUT", "2")),
        "SQLALCHEMY_ENGINE_OPTIONS": {},  # pool_pre_ping is set for the database in use (create_app)
        # Redis holds what every worker and host must share: rate limits and the response cache
        # (app.shared_state). Without it both live in each worker's memory.
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        # Unhandled errors reported to Sentry (app.error_reports), with personal data scrubbed.
        "SENTRY_DSN": os.environ.get("SENTRY_DSN", ""),
        "SENTRY_ENVIRONMENT": os.environ.get("SENTRY_ENVIRONMENT", "production"),
        # The response cache: Redis with REDIS_URL, else each worker's own; entries are keyed by
        # the catalog revision, so an import is seen at once. CACHE_TYPE picks another backend.
        "CACHE_TYPE": os.environ.get("CACHE_TYPE", ""),
        "CACHE_DEFAULT_TIMEOUT": int(os.environ.get("CACHE_DEFAULT_TIMEOUT", "300")),
        "CACHE_THRESHOLD": 2000,
        # Proxies in front of the app (a load balancer, nginx) whose X-Forwarded-* headers are
        # trusted, so limits key on the family's address, not the balancer's. 0: none trusted.
        "TRUSTED_PROXY_HOPS": int(os.environ.get("TRUSTED_PROXY_HOPS", "0")),
        # The browser SMS simulator of the demo server (`make run` turns it on); off in production.
        "SMS_SIMULATOR": os.environ.get("SMS_SIMULATOR", "") in ("1", "true", "yes"),
        "SMS_RATE_LIMIT": os.environ.get("SMS_RATE_LIMIT", "10/minute"),
        # Catalogs up to this size are searched in memory by the SMS bot (about 1 MB a thousand
        # schools in every worker); larger ones in the database.
        # Kiosk idle reset: quiet seconds before the countdown, then the countdown's length.
        "KIOSK_IDLE_SECONDS": int(os.environ.get("KIOSK_IDLE_SECONDS", "90")),
        "KIOSK_COUNTDOWN_SECONDS": int(os.environ.get("KIOSK_COUNTDOWN_SECONDS", "20")),
        # Staff: listings not checked within this many days show on the dashboard; sign-in attempts.
        "STAFF_VERIFY_MAX_DAYS": int(os.environ.get("STAFF_VERIFY_MAX_DAYS", "180")),
        "STAFF_LOGIN_RATE_LIMIT": os.environ.get("STAFF_LOGIN_RATE_LIMIT", "10/minute;50/hour"),
        # Follow-up texts after a fair go out at most this many a second (Twilio's long-code pace).
        "FOLLOW_UP_PER_SECOND": float(os.environ.get("FOLLOW_UP_PER_SECOND", "1")),
        # The clock (`flask clock`): families' data older than RETENTION_DAYS is removed at the times
        # of RETENTION_PURGE_CRON (UTC; 0 days: never, the operator purges by hand); every
        # TEXT_CHECK_SECONDS, texts Redis lost are queued again and half-sent ones settled.
        "RETENTION_DAYS": int(os.environ.get("RETENTION_DAYS", "0")),
        "RETENTION_PURGE_CRON": os.environ.get("RETENTION_PURGE_CRON", "30 3 * * *"),
        "TEXT_CHECK_SECONDS": int(os.environ.get("TEXT_CHECK_SECONDS", "60")),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=int(os.environ.get("STAFF_SESSION_HOURS", "10"))),
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        # CSRF tokens are checked by the pages with forms (kiosk, staff), not by Twilio's webhooks.
        "WTF_CSRF_CHECK_DEFAULT": False,
        # Secure cookies whenever the site is served over HTTPS (PUBLIC_BASE_URL), or when told to.
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "") in ("1", "true", "yes")
        or os.environ.get("PUBLIC_BASE_URL", "").startswith("https://"),
    }
