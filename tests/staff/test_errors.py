"""Staff error pages: a staff page in the staff member's language, with a way back, never a trace."""

import re
from html import unescape

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from app.extensions import db
from staff import dashboard
from staff.models import Proposal
from tests.staff.conftest import post


def in_spanish(app, english: str) -> str:
    with app.test_request_context(), force_locale("es"):
        spanish = gettext(english)
    assert spanish != english  # translated
    return spanish


def heading(response) -> str:
    return unescape(re.search(r"<h1>(.*?)</h1>", response.get_data(as_text=True), re.S).group(1))


def back_link(response) -> tuple[str, str]:
    href, label = re.search(r'<a class="button primary" href="([^"]+)">(.*?)</a>', response.get_data(as_text=True)).groups()
    return href, unescape(label)


def assert_staff_page(response, status: int, locale: str = "en"):
    assert response.status_code == status and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{locale}"' in page and 'action="/staff/language"' in page  # the staff base template
    assert response.headers["Cache-Control"] == "no-store"


def spanish_editor(as_role):
    editor = as_role("editor")
    assert post(editor, "/staff/language", {"locale": "es", "next": "/staff/"}).status_code == 302
    return editor


def test_an_unknown_staff_page_is_a_translated_staff_page_with_the_way_back_home(app, as_role):
    response = spanish_editor(as_role).get("/staff/no-such-page")
    assert_staff_page(response, 404, "es")
    assert heading(response) == in_spanish(app, "There is no such page.")
    assert back_link(response) == ("/staff/", in_spanish(app, "Back to the staff home page"))
    assert 'href="/staff/schools"' in response.get_data(as_text=True)  # the account's menu is there


def test_not_signed_in_the_way_back_is_the_sign_in_page_in_the_language_chosen_there(app):
    client = app.test_client()
    assert post(client, "/staff/language", {"locale": "es", "next": "/staff/login"}).status_code == 302
    response = client.get("/staff/no/such/page")
    assert_staff_page(response, 404, "es")
    assert heading(response) == in_spanish(app, "There is no such page.")
    assert back_link(response) == ("/staff/login", in_spanish(app, "Sign in"))


def test_an_unexpected_error_is_the_staff_page_and_hides_the_exception(app, as_role, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("secret-internal-detail at /srv/app/staff/dashboard.py")

    editor = spanish_editor(as_role)
    monkeypatch.setattr(dashboard, "summary", broken)
    response = editor.get("/staff/")
    assert_staff_page(response, 500, "es")
    assert heading(response) == in_spanish(app, "Something went wrong on our side. Please try again.")
    assert back_link(response)[0] == "/staff/"
    page = response.get_data(as_text=True)
    assert "secret-internal-detail" not in page and "Traceback" not in page and "RuntimeError" not in page
    assert "secret-internal-detail" in caplog.text  # logged for us, not shown


def test_a_forbidden_page_a_stale_form_and_a_conflict_are_staff_pages(app, as_role):
    forbidden = as_role("translator").get("/staff/fairs")
    assert_staff_page(forbidden, 403)
    assert heading(forbidden) == "This page is not open to your account."
    editor = as_role("editor")
    stale = editor.post("/staff/language", data={"locale": "fr", "csrf_token": "expired"})
    assert_staff_page(stale, 400)
    assert heading(stale) == "This form has expired. Go back, reload the page and send it again."
    rep = as_role("school_rep")
    post(rep, f"/staff/schools/{app.config['REP_SCHOOL']}/edit", {"name": "A new name"})
    with app.app_context():
        proposal_id = db.session.scalar(select(Proposal.id))
    assert post(editor, f"/staff/proposals/{proposal_id}/decide", {"decision": "reject"}).status_code == 302
    conflict = post(editor, f"/staff/proposals/{proposal_id}/decide", {"decision": "approve"})
    assert_staff_page(conflict, 409)
    assert heading(conflict) == "This was changed in the meantime." and "This proposal was already decided." in conflict.get_data(
        as_text=True
    )


def test_too_large_and_too_many_are_staff_pages_and_keep_their_headers(app, as_role):
    app.config["STAFF_LOGIN_RATE_LIMIT"] = "3/minute"
    editor = as_role("editor")
    app.config["REQUEST_LIMITS"] = {**app.config["REQUEST_LIMITS"], "staff": (10_000, 500)}  # a staff form's limit, made small
    too_large = post(editor, "/staff/language", {"locale": "es", "next": "/staff/" + "x" * 20_000})
    assert_staff_page(too_large, 413)
    assert heading(too_large) == "That is more than the site accepts at once."
    codes = [post(editor, "/staff/account/second-factor", {"action": "off", "proof": f"guess {n}"}) for n in range(4)]
    assert [r.status_code for r in codes] == [400, 400, 400, 429]
    assert_staff_page(codes[-1], 429)
    assert heading(codes[-1]) == "Too many attempts. Wait a few minutes and try again."
    assert back_link(codes[-1])[0] == "/staff/"


@pytest.mark.parametrize("path", ["/staff/logout", "/staff/proposals/1/decide"])
def test_a_wrong_method_is_a_staff_page_that_says_what_is_allowed(app, as_role, path):
    response = as_role("editor").get(path)
    assert_staff_page(response, 405)
    assert "POST" in response.headers["Allow"]
