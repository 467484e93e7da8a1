"""Rate limits and the response cache in a real Redis: shared by every worker and host, keyed on
the family's address behind trusted proxies, and never taking the site down with them."""

import logging
import re

import pytest
import requests

from app import create_app
from tests.conftest import RedisServer, gunicorn, need
from tests.sms.conftest import TOKEN, sign
from tests.staff.conftest import csrf_token


def make_app(database_url: str, **settings):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "test", **settings})


def sign_in_attempt(client, address: str = "127.0.0.1", forwarded_for: str | None = None, email: str = "nobody@example.org") -> int:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    environ = {"REMOTE_ADDR": address}
    token = csrf_token(client)
    form = {"email": email, "password": "not the password", "csrf_token": token}
    return client.post("/staff/login", data=form, headers=headers, environ_base=environ).status_code


def attempt_over_http(base_url: str) -> int:
    """One wrong sign-in on a server of its own, as a browser would make it (cookie, CSRF token)."""
    session = requests.Session()
    page = session.get(f"{base_url}/staff/login", timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {"email": "nobody@example.org", "password": "not the password", "csrf_token": token}
    return session.post(f"{base_url}/staff/login", data=form, timeout=30).status_code


@pytest.mark.parametrize("shared", [True, False])
def test_a_limit_holds_across_two_servers_only_through_redis(database_url, redis_url, shared):
    settings = {"STAFF_LOGIN_RATE_LIMIT": "3/minute", **({"REDIS_URL": redis_url} if shared else {})}
    with gunicorn(database_url, **settings) as (first, _, _), gunicorn(database_url, **settings) as (second, _, _):
        codes = [attempt_over_http(first), attempt_over_http(second), attempt_over_http(first), attempt_over_http(second)]
    # shared: the fourth attempt is refused, whichever server takes it; not shared: each counts its own two
    assert codes == ([401, 401, 401, 429] if shared else [401, 401, 401, 401])


def test_behind_a_trusted_proxy_limits_key_on_the_familys_address(database_url, redis_url):
    app = make_app(database_url, REDIS_URL=redis_url, STAFF_LOGIN_RATE_LIMIT="2/minute", TRUSTED_PROXY_HOPS=1)
    client = app.test_client()
    balancer = "10.0.0.2"
    assert [sign_in_attempt(client, balancer, "198.51.100.7") for _ in range(3)] == [401, 401, 429]
    # another person behind the same balancer (another account: sign-ins are limited per account too)
    assert sign_in_attempt(client, balancer, "203.0.113.9", email="someone.else@example.org") == 401


def test_with_no_proxy_trusted_a_forged_forwarded_for_does_not_escape_the_limit(database_url, redis_url):
    app = make_app(database_url, REDIS_URL=redis_url, STAFF_LOGIN_RATE_LIMIT="2/minute")
    client = app.test_client()
    forged = ("198.51.100.1", "198.51.100.2", "198.51.100.3")
    codes = [sign_in_attempt(client, "192.0.2.1", address, email=f"person{n}@example.org") for n, address in enumerate(forged)]
    assert codes == [401, 401, 429]


def test_redis_going_away_keeps_the_site_answering_and_readyz_says_why(database_url, caplog):
    server = RedisServer()
    need(server.binary is not None, "redis-server is not installed (make test installs it)")
    url = server.start()
    app = make_app(database_url, REDIS_URL=url, TWILIO_AUTH_TOKEN=TOKEN, STAFF_LOGIN_RATE_LIMIT="1/minute")
    client = app.test_client()
    assert client.get("/readyz").json == {"status": "ready"}
    assert client.get("/api/v1/schools?grade=K").status_code == 200  # cached in Redis
    server.stop()
    with caplog.at_level(logging.WARNING):
        assert client.get("/api/v1/schools?grade=K").status_code == 200
        assert client.get("/api/v1/schools?grade=3").status_code == 200
        assert [sign_in_attempt(client) for _ in range(2)] == [401, 401]  # limits fail open
        form = {"From": "+17735550101", "To": "+13125550000", "Body": "hi", "MessageSid": "SM" + "9" * 32}
        texted = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("http://localhost/sms/inbound", form)})
        assert texted.status_code == 200 and "<Message>" in texted.get_data(as_text=True)
    assert "cache unavailable" in caplog.text and "rate limit store unavailable" in caplog.text
    ready = client.get("/readyz")
    assert ready.status_code == 503 and any(problem.startswith("redis") for problem in ready.json["problems"])
    assert client.get("/healthz").status_code == 200  # alive: only not ready


def test_readyz_says_when_migrations_are_not_applied(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'empty.db'}")
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 503 and ready.json["problems"] == ["database: migrations not at head (run `flask db upgrade`)"]


@pytest.mark.parametrize("redis", [False, True])
def test_gunicorn_with_more_than_one_worker_and_no_redis_says_limits_are_per_worker(database_url, redis_url, redis):
    with gunicorn(database_url, workers=2, **({"REDIS_URL": redis_url} if redis else {})) as (base_url, log, _process):
        assert requests.get(f"{base_url}/healthz", timeout=10).status_code == 200
        log.seek(0)
        said = log.read()
    assert ("REDIS_URL is not set" in said) is not redis, said
