"""What /metrics says of texts (app.metrics): every text kept, in and out, by status and Twilio's
error code, and the text jobs on Redis. Read from the database and Redis at each scrape."""

from collections.abc import Iterator

from prometheus_client.core import GaugeMetricFamily
from redis import RedisError
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry
from sqlalchemy import func, select

from app.extensions import db
from sms.jobs import text_queue
from sms.models import Message


def text_metrics() -> Iterator[GaugeMetricFamily]:
    texts = GaugeMetricFamily(
        "schoolbridge_texts",
        "Texts kept (the retention purge removes old ones), in and out, by status and Twilio's error code.",
        labels=["direction", "status", "error_code"],
    )
    counted = select(Message.direction, Message.status, Message.error_code, func.count()).group_by(
        Message.direction, Message.status, Message.error_code
    )
    for direction, status, code, count in db.session.execute(counted):
        texts.add_metric([direction, status, str(code) if code else ""], count)
    yield texts
    queue = text_queue()
    if queue is None:
        return  # no Redis: texts are sent in the web process, there are no jobs
    jobs = GaugeMetricFamily(
        "schoolbridge_text_jobs", "Text jobs on Redis: waiting, running, waiting for a retry, failed.", labels=["state"]
    )
    try:
        jobs.add_metric(["queued"], queue.count)
        jobs.add_metric(["started"], StartedJobRegistry(queue=queue).count)
        jobs.add_metric(["retrying"], ScheduledJobRegistry(queue=queue).count)
        jobs.add_metric(["failed"], FailedJobRegistry(queue=queue).count)
    except (RedisError, OSError):
        return  # Redis away: /readyz says so; the texts above still count
    yield jobs
