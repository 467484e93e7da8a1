"""What every worker and host must share — rate limits and the response cache — in Redis.

With REDIS_URL set, Flask-Limiter and Flask-Caching use it; without it (`make run`, most tests)
each worker keeps its own in memory. Redis going away never takes the site with it: limits fail
open and the cache is bypassed, each with a logged warning, and `/readyz` says 503.
"""

import logging

from flask import Flask
from flask_caching import Cache
from redis import Redis, RedisError

log = logging.getLogger(__name__)

# Seconds to reach Redis and to get its answer: a Redis that hangs must not hold a request.
REDIS_TIMEOUT = 0.5


def configure_shared_state(app: Flask) -> None:
    """Point the limiter and the cache at Redis when REDIS_URL is set, unless told otherwise."""
    url = app.config["REDIS_URL"]
    timeouts = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
    app.config.setdefault("RATELIMIT_STORAGE_URI", url or "memory://")
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", timeouts if url else {})
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)  # Redis away: limits fail open, logged
    if not app.config["CACHE_TYPE"]:
        app.config["CACHE_TYPE"] = "RedisCache" if url else "SimpleCache"
    if url:
        app.config.setdefault("CACHE_REDIS_URL", url)
        app.config.setdefault("CACHE_OPTIONS", timeouts)


def redis_client(app: Flask) -> Redis | None:
    """This app's Redis client on REDIS_URL (one connection pool per process), or None without it."""
    if not app.config["REDIS_URL"]:
        return None
    if "redis" not in app.extensions:
        app.extensions["redis"] = Redis.from_url(
            app.config["REDIS_URL"], socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
        )
    return app.extensions["redis"]


def redis_problem(app: Flask) -> str | None:
    """Say why Redis cannot be used now, or None when it answers (or is not configured)."""
    client = redis_client(app)
    if client is None:
        return None
    try:
        client.ping()
    except (RedisError, OSError) as error:
        return f"redis: {type(error).__name__}"
    return None


class ForgivingCache(Cache):
    """Flask-Caching whose backend going away is a miss, not an error: the answer is computed."""

    def get(self, *args, **kwargs):
        try:
            return super().get(*args, **kwargs)
        except (RedisError, OSError) as error:
            log.warning("cache unavailable, bypassed: %s", type(error).__name__)
            return None

    def set(self, *args, **kwargs):
        try:
            return super().set(*args, **kwargs)
        except (RedisError, OSError) as error:
            log.warning("cache unavailable, not stored: %s", type(error).__name__)
            return False
