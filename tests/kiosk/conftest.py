"""Kiosk fixtures: the Chicago demo catalog, a fair with booths, and a screen enrolled at it."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import create_app
from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from kiosk import services
from tests.conftest import ROOT
from tests.fakes import use_fake_twilio

TOKEN = "test-auth-token-0123456789abcdef"
FAIR = "Southside school fair"


def make_kiosk_app(database_url: str, **settings):
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "test", "TWILIO_AUTH_TOKEN": TOKEN, **settings}
    )
    assert app.test_cli_runner().invoke(args=["catalog", "import", str(ROOT / "catalog" / "demo" / "chicago.csv")]).exit_code == 0
    with app.app_context(), unit_of_work():
        today = date.today()
        fair = services.create_fair(FAIR, today, today + timedelta(days=1), place="Gym")
        for n, school_id in enumerate(db.session.scalars(select(School.id).order_by(School.id).limit(10)), start=1):
            services.set_booth(fair, school_id, f"A{n}")
        _device, code = services.add_device(fair, "Entrance")
    app.config["TEST_ENROLLMENT_CODE"] = code
    return app


@pytest.fixture
def app(database_url):
    app = make_kiosk_app(database_url)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def screen(app):
    """A test client that opened the enrollment link: an enrolled kiosk screen."""
    client = app.test_client()
    assert client.get(f"/kiosk/enroll/{app.config['TEST_ENROLLMENT_CODE']}").status_code == 200
    return client


@pytest.fixture
def twilio(app):
    return use_fake_twilio(app, PUBLIC_BASE_URL="https://schools.example.org")


def csrf_token(client, url: str = "/kiosk/en/list") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)


def first_school_ids(app, count: int) -> list[str]:
    """Ids of schools that are at the fair (they have booths A1…)."""
    with app.app_context():
        return list(db.session.scalars(select(School.id).order_by(School.id).limit(count)))
