"""Operations: every request has an id that its log lines carry, logs can be JSON lines with no
phone number in them, and gunicorn refuses settings unfit for the public."""

import json
import logging
import re

import pytest
import requests

from app.config import DEVELOPMENT_SECRET_KEY, from_environment, production_problems
from app.logs import JsonFormatter
from tests.conftest import gunicorn

GOOD_KEY = "k" * 48


def test_a_request_gets_an_id_and_keeps_a_well_formed_one_from_the_proxy(client):
    made = client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32 and made != client.get("/healthz").headers["X-Request-ID"]
    assert client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.12"}).headers["X-Request-ID"] == "lb-7f3a.12"
    forged = client.get("/healthz", headers={"X-Request-ID": 'x" FAKE=1 ' + "y" * 80}).headers["X-Request-ID"]
    assert "FAKE" not in forged and len(forged) == 32


def test_a_log_line_is_json_with_its_request_id_and_no_phone_number(app, client, caplog):
    @app.get("/log-something")
    def log_something():
        app.logger.warning("could not text +17735550142")
        return "ok"

    with caplog.at_level(logging.WARNING):
        client.get("/log-something", headers={"X-Request-ID": "req-42"})
    [record] = [r for r in caplog.records if "could not text" in r.getMessage()]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-42" and line["level"] == "WARNING"
    assert line["message"] == "could not text [phone]"


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"SECRET_KEY": DEVELOPMENT_SECRET_KEY}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "TWILIO_AUTH_TOKEN": "t"}, "PUBLIC_BASE_URL"),
    ],
)
def test_settings_unfit_for_the_public_are_named(monkeypatch, settings, says):
    for name in ("SECRET_KEY", "TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "PUBLIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    [problem] = production_problems(from_environment())
    assert says in problem
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://schools.example.org")
    monkeypatch.setenv("SECRET_KEY", GOOD_KEY)
    assert production_problems(from_environment()) == []


def test_gunicorn_refuses_the_development_secret_key(database_url):
    with gunicorn(database_url, SECRET_KEY=DEVELOPMENT_SECRET_KEY) as (base_url, log, _process):
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{base_url}/healthz", timeout=5)
        log.seek(0)
        assert "refusing to start: SECRET_KEY" in log.read()


def test_gunicorn_writes_json_log_lines_with_request_ids(database_url):
    with gunicorn(database_url, LOG_FORMAT="json") as (base_url, log, _process):
        assert requests.get(f"{base_url}/nowhere", headers={"X-Request-ID": "probe-1"}, timeout=30).status_code == 404
        log.seek(0)
        lines = [json.loads(line) for line in log.read().splitlines() if line.strip()]
    assert lines and all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in lines)
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)


def test_metrics_count_requests_per_endpoint_and_texts_by_status_and_error_code(app, client, redis_url):
    from app.db import unit_of_work
    from app.extensions import db
    from sms.models import Message

    app.config["REDIS_URL"] = redis_url
    assert client.get("/api/v1/openapi.json").status_code == 200
    with app.app_context(), unit_of_work():
        db.session.add(Message(direction="out", phone="+17735550100", body="hi", status="undelivered", error_code=30003))
        db.session.add(Message(direction="in", phone="+17735550100", body="hola", status="replied"))
    response = client.get("/metrics")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.content_type.startswith("text/plain")
    count = re.search(r'schoolbridge_request_seconds_count\{endpoint="api.openapi",method="GET"\} (\d+)', body)
    assert count and int(float(count.group(1))) >= 1
    assert 'schoolbridge_texts{direction="out",error_code="30003",status="undelivered"} 1.0' in body
    assert 'schoolbridge_texts{direction="in",error_code="",status="replied"} 1.0' in body
    assert 'schoolbridge_text_jobs{state="queued"} 0.0' in body and 'schoolbridge_text_jobs{state="failed"} 0.0' in body
    assert "+1773" not in body  # nothing personal


def test_metrics_under_gunicorn_sum_every_worker(database_url, tmp_path):
    """With PROMETHEUS_MULTIPROC_DIR, whichever of the two workers answers /metrics counts the requests of both."""
    shared = tmp_path / "metrics"
    shared.mkdir()
    with gunicorn(database_url, workers=2, PROMETHEUS_MULTIPROC_DIR=str(shared)) as served:
        for _ in range(30):
            assert requests.get(f"{served.url}/api/v1/openapi.json", timeout=30).status_code == 200
        for _ in range(4):  # answered by either worker
            body = requests.get(f"{served.url}/metrics", timeout=30).text
            found = re.search(r'schoolbridge_request_seconds_count\{endpoint="api.openapi",method="GET"\} (\d+)', body)
            assert found and int(float(found.group(1))) == 30


def test_metrics_keep_methods_to_a_known_few_and_can_ask_for_a_token(app, client):
    client.open("/api/v1/schools", method="PROPFIND")
    body = client.get("/metrics").get_data(as_text=True)
    assert 'method="other"' in body and "PROPFIND" not in body
    app.config["METRICS_TOKEN"] = "scraper-token-0123"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer scraper-token-0123"}).status_code == 200
