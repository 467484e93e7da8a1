"""The text worker of the scale-out test: the app's own worker (`sms.jobs.run_worker`), with
Twilio's REST API replaced at the network edge by the fake, which here also writes each request
it receives to FAKE_TWILIO_LOG (one JSON line, with the pid of the process that sent it) and then
waits while the file FAKE_TWILIO_HOLD exists, so that a test can kill the worker mid-send.

Run as `python -m tests.scale_worker` with the app's environment."""

import json
import os
import time

from app import create_app
from sms.jobs import run_worker
from tests.fakes import FakeTwilioHttp


class RecordingTwilio(FakeTwilioHttp):
    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        response = super().request(method, uri, params, data, headers, auth, timeout, allow_redirects)
        with open(os.environ["FAKE_TWILIO_LOG"], "a", encoding="utf-8") as log:
            log.write(json.dumps({"pid": os.getpid(), "method": method, "uri": uri, "data": dict(data or {})}) + "\n")
            log.flush()
            os.fsync(log.fileno())
        while os.path.exists(os.environ["FAKE_TWILIO_HOLD"]):
            time.sleep(0.05)
        return response


if __name__ == "__main__":
    app = create_app()
    app.extensions["twilio_http_client"] = RecordingTwilio()
    with app.app_context():
        run_worker()
