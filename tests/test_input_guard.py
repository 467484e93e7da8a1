"""A NUL character (U+0000) in a URL or a form is refused with a 400 on every door, never a 500
from PostgreSQL; a text message keeps everything but the NUL."""

import pytest

from tests.staff.conftest import csrf_token


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.mark.parametrize(
    "path",
    ["/api/v1/schools/cps-%00", "/api/v1/schools?q=a%00b", "/kiosk/en/schools/cps-%00", "/staff/schools/x%00", "/nothing%00"],
)
def test_a_nul_in_a_url_is_refused(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "U+0000" in response.get_data(as_text=True)


def test_the_api_says_it_in_json_in_the_browsers_language(client):
    # refused before any door picks its language (`lang`, the kiosk's path): the browser's is used
    response = client.get("/api/v1/schools/x%00", headers={"Accept-Language": "es"})
    assert response.status_code == 400
    assert "U+0000" in response.json["error"]["message"] and "carácter" in response.json["error"]["message"]
    assert response.json["error"]["parameter"] == "school_id"  # the API names the parameter, as for any bad one
    assert client.get("/api/v1/schools?grade=K&q=a%00").json["error"]["parameter"] == "q"


def test_a_nul_in_a_form_is_refused_and_a_clean_form_still_works(client):
    token = csrf_token(client)
    refused = client.post("/staff/login", data={"email": "ana@example.org\x00", "password": "x", "csrf_token": token})
    assert refused.status_code == 400 and "U+0000" in refused.get_data(as_text=True)
    wrong = client.post("/staff/login", data={"email": "ana@example.org", "password": "not the password", "csrf_token": token})
    assert wrong.status_code == 401 and 'name="email"' in wrong.get_data(as_text=True)  # the form again
