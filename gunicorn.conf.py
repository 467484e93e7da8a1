"""gunicorn's settings for `gunicorn wsgi:app` (read from the working directory)."""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))


def on_starting(server):
    """Say at start when rate limits cannot hold: each worker counts for itself without Redis."""
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        server.log.error(
            "REDIS_URL is not set: with %d workers every rate limit (sign-in, texts, 'text me') counts per worker, "
            "so each allows %d times its limit; set REDIS_URL in production",
            server.cfg.workers,
            server.cfg.workers,
        )
