"""Each door bounds the size of what it is sent, and refuses more (413) before reading the body."""

import io

import pytest

from tests.staff.conftest import csrf_token


class CountingStream(io.RawIOBase):
    """A request body that would be 100 MB, counting how much of it the app reads."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.size - self.read_bytes)
        buffer[:n] = b"a" * n
        self.read_bytes += n
        return n


@pytest.mark.parametrize("path", ["/sms/inbound", "/sms/status", "/kiosk/en/register", "/staff/login", "/api/v1/schools", "/nowhere"])
def test_a_huge_post_is_refused_unread(app, client, path):
    app.config["TWILIO_AUTH_TOKEN"] = "a token"  # so the webhook would go on to read the form
    body = CountingStream(100 * 2**20)
    response = client.post(
        path,
        headers={"X-Twilio-Signature": "x"},
        environ_overrides={"wsgi.input": body, "CONTENT_LENGTH": str(body.size), "CONTENT_TYPE": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert body.read_bytes == 0


def test_the_api_says_it_in_json(client):
    response = client.post("/api/v1/schools", data="x" * (17 * 1024), content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413 and response.json["error"]["status"] == 413


@pytest.mark.parametrize("path", ["/sms/inbound", "/kiosk/en/register", "/staff/login"])
def test_a_form_of_300000_fields_is_refused_unparsed(app, client, path):
    # parsed, 300,000 fields held a worker for 2.5 s; a real form of any door has a few dozen
    app.config["TWILIO_AUTH_TOKEN"] = "a token"
    body = "&".join(f"f{i}=x" for i in range(300_000))
    response = client.post(path, data=body, content_type="application/x-www-form-urlencoded", headers={"X-Twilio-Signature": "x"})
    assert response.status_code == 413


def test_many_multipart_parts_are_refused(client):
    fields = {f"f{i}": "x" for i in range(600)}  # under Werkzeug's own 1,000, over a staff form's 500
    with client:
        token = csrf_token(client)
        response = client.post("/staff/login", data={**fields, "csrf_token": token}, content_type="multipart/form-data")
    assert response.status_code == 413


def test_a_field_too_large_for_a_kiosk_form_is_refused(client):
    response = client.post("/kiosk/en/register", data={"name": "x" * (10 * 2**20), "phone": "+17735550101"})
    assert response.status_code == 413


def test_a_normal_form_still_goes_through(client):
    token = csrf_token(client)
    response = client.post("/staff/login", data={"email": "ana@example.org", "password": "not the password", "csrf_token": token})
    assert response.status_code == 401  # the form was read and checked
