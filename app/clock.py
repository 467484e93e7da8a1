"""Work that runs by the clock, not by a request: RQ's cron scheduler enqueues it on the jobs'
queue, and the workers (`flask sms worker`) run it. Each package names its own periodic work
(`periodic(config)` beside its `blueprints`); `flask clock` runs one scheduler for all of it.

Run one clock per deployment (Procfile `clock`). Each job is safe to run twice, so two clocks, or
a clock restarted mid-minute, cost a repeated run and nothing else. Redis away stops only the
enqueueing: the clock waits and goes on once Redis answers.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask
from redis import RedisError
from rq.cron import CronScheduler

log = logging.getLogger(__name__)

QUEUE_NAME = "texts"  # the queue the workers take (sms.jobs); one queue keeps one kind of worker
REDIS_AWAY_WAIT = 5  # seconds between tries while Redis does not answer


@dataclass(frozen=True)
class Periodic:
    """A job run every `interval` seconds or at the times of a `cron` line (UTC)."""

    func: Callable
    interval: int | None = None
    cron: str | None = None
    timeout: int = 600  # seconds a run may take before RQ stops it


def scheduler(app: Flask, jobs: list[Periodic]) -> CronScheduler:
    from app.shared_state import redis_client

    connection = redis_client(app)
    if connection is None:
        raise RuntimeError("REDIS_URL is not set: the clock enqueues on Redis for the workers to run")
    clock = CronScheduler(connection=connection, name=f"schoolbridge-clock-{int(time.time())}")
    for job in jobs:
        clock.register(job.func, QUEUE_NAME, interval=job.interval, cron=job.cron, job_timeout=job.timeout)
    return clock


def run_clock(app: Flask, jobs: list[Periodic]) -> None:
    """Enqueue each periodic job when it is due, until stopped (SIGTERM, Ctrl-C)."""
    clock = scheduler(app, jobs)
    while True:
        try:
            clock.start()  # returns when asked to stop
            return
        except (RedisError, OSError) as error:
            log.warning("clock: Redis unavailable (%s); trying again in %d s", type(error).__name__, REDIS_AWAY_WAIT)
            time.sleep(REDIS_AWAY_WAIT)
