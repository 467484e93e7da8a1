"""Staff fixtures: the Chicago demo catalog with a fair, an account of every role, signed-in clients."""

import re

import pytest
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from staff import accounts
from tests.fakes import use_fake_twilio
from tests.kiosk.conftest import make_kiosk_app

PASSWORD = "correct horse battery staple"
ROLE_EMAILS = {
    "admin": "admin@office.example.org",
    "editor": "editor@office.example.org",
    "school_rep": "rep@school.example.org",
    "translator": "translator@office.example.org",
}


@pytest.fixture
def app(database_url):
    app = make_kiosk_app(database_url)
    with app.app_context(), unit_of_work():
        first, second = db.session.scalars(select(School.id).order_by(School.id).limit(2))
        for role, email in ROLE_EMAILS.items():
            accounts.create_user(email, PASSWORD, role, [first] if role == "school_rep" else [])
    app.config.update(REP_SCHOOL=first, OTHER_SCHOOL=second)
    yield app
    with app.app_context():
        db.engine.dispose()


def csrf_token(client, url: str = "/staff/login") -> str:
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post("/staff/login", data={"email": email, "password": password, "csrf_token": csrf_token(client)})


def post(client, url: str, data: dict | None = None, **kwargs):
    """POST a staff form with the CSRF token the page would carry."""
    return client.post(url, data={**(data or {}), "csrf_token": csrf_token(client)}, **kwargs)


@pytest.fixture
def as_role(app):
    """as_role("editor") → a test client signed in with that role's account."""

    def signed_in(role: str):
        client = app.test_client()
        response = sign_in(client, ROLE_EMAILS[role])
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return signed_in


@pytest.fixture
def twilio(app):
    return use_fake_twilio(app, PUBLIC_BASE_URL="https://schools.example.org")
