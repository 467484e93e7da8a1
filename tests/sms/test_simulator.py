"""The demo server's SMS simulator page: the same engine as the webhook, a fictional number."""

import pytest
from sqlalchemy import select

from app import create_app
from app.extensions import db
from sms.models import Message
from tests.conftest import ROOT


@pytest.fixture
def app(database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SMS_SIMULATOR": True, "SECRET_KEY": "test"})
    assert app.test_cli_runner().invoke(args=["catalog", "import", str(ROOT / "catalog" / "demo" / "chicago.csv")]).exit_code == 0
    return app


def test_a_text_from_the_page_is_answered_by_the_bot(app):
    client = app.test_client()
    page = client.get("/sms/simulator")
    assert page.status_code == 200 and "<textarea" in page.get_data(as_text=True)
    sent = client.post("/sms/simulator", data={"body": "grade 3 60623"})
    assert sent.status_code == 303
    shown = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "grade 3 60623" in shown and "1. " in shown
    with app.app_context():
        phones = set(db.session.scalars(select(Message.phone)))
    [phone] = phones
    assert phone.startswith("+155555501")  # fictional: never a real family's conversation


def test_each_browser_has_its_own_conversation(app):
    first, second = app.test_client(), app.test_client()
    first.post("/sms/simulator", data={"body": "hola"})
    assert "hola" not in second.get("/sms/simulator").get_data(as_text=True)


def test_the_page_speaks_the_chosen_language_right_to_left_for_arabic(app):
    page = app.test_client().get("/sms/simulator?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and 'lang="ar"' in page


def test_hostile_and_huge_input_is_escaped_and_capped(app):
    client = app.test_client()
    client.post("/sms/simulator", data={"body": "<script>alert(1)</script>" + "x" * 5000})
    page = client.get("/sms/simulator").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    with app.app_context():
        assert max(len(b) for b in db.session.scalars(select(Message.body))) <= 1600


def test_off_unless_enabled(database_url):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    assert app.test_client().get("/sms/simulator").status_code == 404
