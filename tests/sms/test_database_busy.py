"""A text that arrives while another writer holds the database is answered 503 (Retry-After,
valid TwiML), not lost as a 500; the same text retried afterwards is answered and stored once."""

import sqlite3
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from sms.models import Message
from tests.sms.conftest import sign


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@contextmanager
def writer_holding(database_url: str):
    """Another process's long write: SQLite's write lock, or PostgreSQL's lock on the texts table."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(url.database, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
    else:
        connection = psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
        connection.execute("LOCK TABLE sms_message IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()


def post_text(client, body: str, sid: str):
    form = {"From": "+17735550101", "To": "+13125550000", "Body": body, "MessageSid": sid}
    return client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("http://localhost/sms/inbound", form)})


def test_a_text_during_a_long_write_is_answered_503_and_kept_for_the_retry(app, client, session, database_url):
    sid = "SM" + "e" * 32
    with writer_holding(database_url):
        busy = post_text(client, "grade 3 60615", sid)
    assert busy.status_code == 503
    assert busy.headers["Retry-After"].isdigit()
    assert busy.mimetype == "application/xml" and busy.get_data(as_text=True).endswith("<Response />")  # TwiML, nothing texted
    retried = post_text(client, "grade 3 60615", sid)
    assert retried.status_code == 200 and "<Message>" in retried.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(Message).where(Message.sid == sid)) == 1
