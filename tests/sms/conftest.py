"""SMS fixtures: an app with a Twilio token and the Chicago demo catalog, and a signed sender."""

import itertools
import json
import logging
import re

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator

from tests.conftest import ROOT

TOKEN = "test-auth-token-0123456789abcdef"
ACCOUNT = "AC" + "0" * 32
_sids = itertools.count(1)


@pytest.fixture
def app(database_url):
    from app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "TWILIO_AUTH_TOKEN": TOKEN})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["catalog", "import", str(ROOT / "catalog" / "demo" / "chicago.csv")]).exit_code == 0
    yield app


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


class FakeTwilioHttp(HttpClient):
    """Twilio's REST API at the network edge: records each request, answers like Twilio does."""

    def __init__(self):
        super().__init__(logger=logging.getLogger("fake-twilio"), is_async=False)
        self.requests: list[dict] = []
        self.refuse_with: int | None = None  # a Twilio error code to answer the next sends with

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        self.requests.append({"method": method, "uri": uri, "data": dict(data or {}), "auth": auth})
        if self.refuse_with:
            body = {"code": self.refuse_with, "message": "refused", "more_info": "", "status": 400}
            return Response(400, json.dumps(body))
        sid = f"SMout{len(self.requests):029d}"
        return Response(201, json.dumps({"sid": sid, "status": "queued", "to": data["To"], "body": data["Body"]}))

    @property
    def sent(self) -> list[dict]:
        return [r["data"] for r in self.requests if r["method"] == "POST" and r["uri"].endswith("/Messages.json")]


@pytest.fixture
def twilio(app):
    """Outbound texting configured, with the fake HTTP client in place of the network."""
    fake = FakeTwilioHttp()
    app.config.update(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_FROM="+13125550000", PUBLIC_BASE_URL="https://schools.example.org")
    app.extensions["twilio_http_client"] = fake
    return fake


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
