"""gunicorn's settings for `gunicorn wsgi:app` (read from the working directory)."""

import os
import sys

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

if os.environ.get("LOG_FORMAT", "") == "json":
    # Every log line — gunicorn's own and the app's — as one JSON object with its request id.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "app.logs.JsonFormatter"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "root": {"level": os.environ.get("LOG_LEVEL", "INFO"), "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
        },
    }


def on_starting(server):
    """Refuse settings unfit for the public; say when rate limits cannot hold across workers."""
    from app.config import from_environment, production_problems
    from app.logs import redact_phone_numbers

    redact_phone_numbers()
    problems = production_problems(from_environment())
    for problem in problems:
        server.log.error("refusing to start: %s", problem)
    if problems:
        sys.exit(1)
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        server.log.error(
            "REDIS_URL is not set: with %d workers every rate limit (sign-in, texts, 'text me') counts per worker, "
            "so each allows %d times its limit; set REDIS_URL in production",
            server.cfg.workers,
            server.cfg.workers,
        )


def child_exit(server, worker):
    """A worker that exits leaves its request times to the others' sum at /metrics (app.metrics)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
