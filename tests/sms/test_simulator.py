"""The demo server's SMS simulator page: the same engine as the webhook, a fictional number."""

import re
import secrets
from html import escape

import phonenumbers
import pytest
from sqlalchemy import select

from app import create_app
from app.extensions import db
from catalog.models import School
from kiosk.registration import clean_phone
from sms.models import Handoff, Message
from sms.services import normalize_phone
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
    with app.app_context():
        from catalog.queries import example_zip

        home = example_zip()
    # the examples use the loaded catalog's own ZIP code and ask for no need no school states (no bus in Chicago)
    assert f"grade 3 {home}" in page.get_data(as_text=True) and "autob" not in page.get_data(as_text=True)
    sent = client.post("/sms/simulator", data={"body": "grade 3 60623"})
    assert sent.status_code == 303
    shown = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "grade 3 60623" in shown and "1. " in shown
    with app.app_context():
        phones = set(db.session.scalars(select(Message.phone)))
    [phone] = phones
    assert phone[5:10] == "55501"  # fictional: never a real family's conversation


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


def test_each_browser_has_its_own_conversation_even_when_every_random_draw_is_the_same(app, monkeypatch):
    """No luck involved: with the random source pinned, two browsers would still never share a number."""
    monkeypatch.setattr(secrets, "randbelow", lambda _n: 0)
    browsers = [app.test_client() for _ in range(3)]
    for n, browser in enumerate(browsers):
        browser.post("/sms/simulator", data={"body": f"hello from browser {n}"})
    for n, browser in enumerate(browsers):
        page = browser.get("/sms/simulator").get_data(as_text=True)
        assert [f"browser {m}" in page for m in range(3)] == [m == n for m in range(3)]
    with app.app_context():
        phones = list(db.session.scalars(select(Message.phone).where(Message.direction == "in")))
    assert len(set(phones)) == 3


def test_a_number_already_in_a_conversation_is_never_given_to_a_browser(app, monkeypatch):
    monkeypatch.setattr(secrets, "randbelow", lambda _n: 0)
    first = app.test_client()
    first.post("/sms/simulator", data={"body": "hola"})
    with app.app_context():
        [taken] = db.session.scalars(select(Message.phone).where(Message.direction == "in"))
    with app.test_client() as second:  # its session is gone (say, the browser was closed): another number
        second.get("/sms/simulator")
        with second.session_transaction() as kept:
            assert kept["simulator_phone"] != taken


def test_the_number_is_fictional_and_one_the_bot_and_the_kiosk_accept(app):
    client = app.test_client()
    client.get("/sms/simulator")
    with client.session_transaction() as kept:
        phone = kept["simulator_phone"]
    number = phonenumbers.parse(phone)
    assert phonenumbers.is_valid_number(number) and number.country_code == 1
    assert str(number.national_number)[3:8] == "55501"  # 555-0100…0199: reserved for fiction in every area code
    assert normalize_phone(phone) == phone and clean_phone(phone) == (phone, None)


def test_the_demo_loop_a_kiosk_list_and_a_staff_reply_arrive_in_the_simulator(app):
    """`make run` with no Twilio account: what the kiosk and staff text lands in the simulator."""
    from app.db import unit_of_work
    from staff import accounts
    from tests.kiosk.conftest import csrf_token
    from tests.kiosk.test_pages import add_to_list
    from tests.staff.conftest import PASSWORD, sign_in

    family = app.test_client()
    family.get("/sms/simulator")
    with family.session_transaction() as cookie:
        phone = cookie["simulator_phone"]
    kiosk = app.test_client()
    with app.app_context():
        ids = list(db.session.scalars(select(School.id).order_by(School.id).limit(2)))
        names = [db.session.get(School, i).name for i in ids]
    for school_id in ids:
        add_to_list(kiosk, school_id, "en")
    sent = kiosk.post("/kiosk/en/list/text", data={"csrf_token": csrf_token(kiosk), "phone": phone})
    assert sent.status_code == 200 and phone[-4:] in sent.get_data(as_text=True)
    shown = family.get("/sms/simulator").get_data(as_text=True)
    assert f"1. {escape(names[0])}" in shown and f"2. {escape(names[1])}" in shown
    family.post("/sms/simulator", data={"body": "2"})  # continues the conversation the kiosk started
    assert escape(names[1]) in family.get("/sms/simulator").get_data(as_text=True).rsplit("2.", 1)[-1]
    family.post("/sms/simulator", data={"body": "I want to talk to a person"})
    with app.app_context(), unit_of_work():
        accounts.create_user("ana@example.org", PASSWORD, "editor")
    staff = app.test_client()
    sign_in(staff, "ana@example.org")
    with app.app_context():
        [handoff_id] = db.session.scalars(select(Handoff.id).where(Handoff.phone == phone))
    token = re.search(r'name="csrf_token" value="([^"]+)"', staff.get("/staff/inbox").get_data(as_text=True)).group(1)
    answered = staff.post(f"/staff/inbox/{handoff_id}/reply", data={"csrf_token": token, "text": "Hi, this is Ana from the office."})
    assert answered.status_code == 302 and "done=sent" in answered.location
    assert "Hi, this is Ana from the office." in family.get("/sms/simulator").get_data(as_text=True)
