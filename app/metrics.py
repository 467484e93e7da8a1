"""Prometheus metrics at /metrics: each request's time per endpoint, and whatever the doors add
(`add_collector`: sms adds its texts by status and error code, and its jobs).

Request times are kept per process; under gunicorn set PROMETHEUS_MULTIPROC_DIR to an empty
directory (wiped at each start) and every worker's are summed (gunicorn.conf.py marks a worker
that exits). What the doors add is read from the database and Redis at each scrape, so it is the
same whichever worker answers.
"""

import hmac
import os
import time
from collections.abc import Callable, Iterable

from flask import Flask, Response, abort, g, request
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Histogram, generate_latest, multiprocess
from prometheus_client.metrics_core import Metric

REQUEST_SECONDS = Histogram(
    "schoolbridge_request_seconds",
    "Time to answer a request, per endpoint and method.",
    ["endpoint", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
COLLECTORS = "metrics_collectors"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})  # any other is "other": labels stay few


class _Collected:
    def __init__(self, collect: Callable[[], Iterable[Metric]]):
        self.collect = collect


def add_collector(app: Flask, collect: Callable[[], Iterable[Metric]]) -> None:
    """Have /metrics include what `collect()` yields (prometheus_client metric families), read at each scrape."""
    app.extensions.setdefault(COLLECTORS, []).append(collect)


def register_metrics(app: Flask) -> None:
    @app.before_request
    def start_clock():
        g.request_started = time.perf_counter()

    @app.after_request
    def time_request(response):
        if "request_started" in g:
            method = request.method if request.method in METHODS else "other"
            REQUEST_SECONDS.labels(request.endpoint or "none", method).observe(time.perf_counter() - g.request_started)
        return response

    @app.get("/metrics")
    def metrics():
        """Prometheus's text format; operational counts only, nothing personal. With METRICS_TOKEN
        set, only for a scraper that sends it (`Authorization: Bearer …`)."""
        token = app.config.get("METRICS_TOKEN")
        if token and not hmac.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
            abort(404)
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            processes = CollectorRegistry()
            multiprocess.MultiProcessCollector(processes)
        else:
            processes = REGISTRY
        added = CollectorRegistry(auto_describe=False)
        for collect in app.extensions.get(COLLECTORS, []):
            added.register(_Collected(collect))
        return Response(generate_latest(processes) + generate_latest(added), content_type=CONTENT_TYPE_LATEST)
