"""Fakes at the network edge only: Twilio's REST API."""

import json
import logging
import uuid

from twilio.http import HttpClient
from twilio.http.response import Response

ACCOUNT = "AC" + "0" * 32


class FakeTwilioHttp(HttpClient):
    """Twilio's REST API at the network edge: records each request, answers like Twilio does."""

    def __init__(self):
        super().__init__(logger=logging.getLogger("fake-twilio"), is_async=False)
        self.requests: list[dict] = []
        self.refuse_with: int | None = None  # a Twilio error code to answer the next sends with
        self.fail_with: Exception | None = None  # a network error (requests') to raise instead of answering
        self.troubles: list = []  # one-off troubles for the next sends, in turn: an exception, or an HTTP status to answer

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        self.requests.append({"method": method, "uri": uri, "data": dict(data or {}), "auth": auth})
        if self.fail_with:
            raise self.fail_with
        if self.troubles:
            trouble = self.troubles.pop(0)
            if isinstance(trouble, Exception):
                raise trouble
            body = {"code": 20429 if trouble == 429 else 20500, "message": "try later", "more_info": "", "status": trouble}
            return Response(trouble, json.dumps(body))
        if self.refuse_with:
            body = {"code": self.refuse_with, "message": "refused", "more_info": "", "status": 400}
            return Response(400, json.dumps(body))
        sid = f"SM{uuid.uuid4().hex}"  # Twilio's shape: SM and 32 hex digits, unique across processes
        return Response(201, json.dumps({"sid": sid, "status": "queued", "to": data["To"], "body": data["Body"]}))

    @property
    def sent(self) -> list[dict]:
        return [r["data"] for r in self.requests if r["method"] == "POST" and r["uri"].endswith("/Messages.json")]


def use_fake_twilio(app, **settings) -> FakeTwilioHttp:
    """Configure outbound texting with the fake HTTP client in place of the network."""
    fake = FakeTwilioHttp()
    app.config.update(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_FROM="+13125550000", **settings)
    app.extensions["twilio_http_client"] = fake
    return fake
