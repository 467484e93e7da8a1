"""Sentry, with SENTRY_DSN set: an unhandled error is reported with nothing personal in it (the
real SDK; only its transport, the network edge, is replaced by one that keeps the envelopes)."""

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from app import create_app
from app.error_reports import init_error_reports

FAMILY = "+17735550123"


class KeptEnvelopes(Transport):
    """Sentry's network edge: keeps what would be sent."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


@pytest.fixture
def reported(database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "PROPAGATE_EXCEPTIONS": False})
    app.config["SENTRY_DSN"] = "https://public@sentry.example.org/1"
    transport = KeptEnvelopes()
    init_error_reports(app, transport=transport)

    @app.post("/test-failure")
    def failure():
        phone = FAMILY  # a local variable holding a number: frames' variables are not sent
        raise ValueError(f"no registration for {phone} (Ana Pérez)")

    yield app, transport
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: nothing is reported by later tests


def test_an_error_is_reported_with_nothing_personal(reported):
    app, transport = reported
    client = app.test_client()
    client.set_cookie("session", "a-session-cookie")
    answer = client.post("/test-failure?phone=%2B17735550123", data={"parent_name": "Ana Pérez", "phone": FAMILY, "body": "hola"})
    assert answer.status_code == 500
    sentry_sdk.flush()
    events = [envelope.get_event() for envelope in transport.envelopes if envelope.get_event()]
    assert len(events) == 1
    event = events[0]
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "ValueError" and "[phone]" in exception["value"]
    assert all("vars" not in frame for frame in exception["stacktrace"]["frames"])
    request = event["request"]
    assert "data" not in request and "cookies" not in request and "Cookie" not in request["headers"]
    assert FAMILY not in repr(event) and "7735550123" not in repr(event) and "a-session-cookie" not in repr(event)
    assert "user" not in event


def test_without_a_dsn_nothing_is_set_up(app):
    assert not sentry_sdk.get_client().dsn  # no client that reports anywhere


def failing_job(phone: str) -> None:
    raise RuntimeError(f"could not text {phone}")


def test_a_failed_job_is_reported_without_its_arguments(reported, redis_url):
    from redis import Redis
    from rq import Queue

    from tests.workers import work_burst

    _app, transport = reported
    queue = Queue("texts", connection=Redis.from_url(redis_url))
    queue.enqueue(failing_job, FAMILY)
    work_burst(queue)
    sentry_sdk.flush()
    events = [envelope.get_event() for envelope in transport.envelopes if envelope.get_event()]
    assert [event["exception"]["values"][-1]["type"] for event in events] == ["RuntimeError"]
    assert "7735550123" not in repr(events)
    queue.connection.close()
