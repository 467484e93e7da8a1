"""SMS fixtures: an app with a Twilio token and the Chicago demo catalog, and a signed sender."""

import itertools
import re

import pytest
from twilio.request_validator import RequestValidator

from app.extensions import db
from tests.conftest import ROOT
from tests.fakes import ACCOUNT, use_fake_twilio

TOKEN = "test-auth-token-0123456789abcdef"
_sids = itertools.count(1)


@pytest.fixture
def app(database_url):
    from app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "TWILIO_AUTH_TOKEN": TOKEN})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["catalog", "import", str(ROOT / "catalog" / "demo" / "chicago.csv")]).exit_code == 0
    yield app
    with app.app_context():
        db.engine.dispose()


def sign(url: str, form: dict) -> str:
    return RequestValidator(TOKEN).compute_signature(url, form)


@pytest.fixture
def text(client):
    """Send a signed text as Twilio would; return the reply texts (parsed from the TwiML)."""

    def send(body: str, sender: str = "+17735550101", sid: str | None = None, **extra) -> list[str]:
        form = {"From": sender, "To": "+13125550000", "Body": body, "MessageSid": sid or f"SM{next(_sids):032d}", **extra}
        url = (client.application.config["PUBLIC_BASE_URL"] or "http://localhost") + "/sms/inbound"
        response = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign(url, form)})
        assert response.status_code == 200, response.get_data(as_text=True)
        return [re.sub(r"&(amp|lt|gt|quot|apos);", lambda m: {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[m.group(1)], t)
                for t in re.findall(r"<Message>(.*?)</Message>", response.get_data(as_text=True), re.S)]  # fmt: skip

    return send


@pytest.fixture
def twilio(app):
    """Outbound texting configured, with the fake HTTP client in place of the network."""
    return use_fake_twilio(app, PUBLIC_BASE_URL="https://schools.example.org")


@pytest.fixture
def status(client):
    """Post a signed delivery callback as Twilio would; return the response status code."""

    def post(sid: str, message_status: str, error_code: str = "") -> int:
        form = {
            "MessageSid": sid,
            "MessageStatus": message_status,
            "AccountSid": ACCOUNT,
            **({"ErrorCode": error_code} if error_code else {}),
        }
        url = "https://schools.example.org/sms/status"
        return client.post("/sms/status", data=form, headers={"X-Twilio-Signature": sign(url, form)}).status_code

    return post
