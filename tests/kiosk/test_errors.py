"""Kiosk error pages: a kiosk page in the family's language with one large button back, never Werkzeug's English page."""

import re
import uuid
from html.parser import HTMLParser

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import ServiceUnavailable

from app.extensions import db
from kiosk import pages, services
from kiosk import screen as kiosk_screen
from kiosk.errors import ERROR_MESSAGES, OTHER_ERROR, STALE_FORM
from kiosk.models import Registration
from tests.kiosk.conftest import csrf_token, first_school_ids

SEARCH = "grade=3&near=60623"


def translated(app, message: str, locale: str) -> str:
    with app.test_request_context(), force_locale(locale):
        text = gettext(message)
    assert text != message, f"{message!r} is not translated into {locale}"
    return text


def back_buttons(html: str) -> list[tuple[str, str]]:
    """The large buttons of the page's main part: (href, label)."""
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.findall(r'<a class="button primary huge" href="([^"]+)">([^<]+)</a>', main)


def not_found(client, locale):
    return client.get(f"/kiosk/{locale}/schools/no-such-school")


def stale_form(client, locale):
    return client.post(f"/kiosk/{locale}/list", data={"school": "x", "action": "add"})  # no CSRF token


def too_many_texts(client, locale):
    token = csrf_token(client, f"/kiosk/{locale}/list")
    for _ in range(5):
        assert client.post(f"/kiosk/{locale}/list/text", data={"csrf_token": token, "phone": "x"}).status_code == 400
    return client.post(f"/kiosk/{locale}/list/text", data={"csrf_token": token, "phone": "x"})


def failing_search(exception):
    def request(client, locale, monkeypatch):
        def fail(_query):
            raise exception

        monkeypatch.setattr(pages, "search", fail)
        return client.get(f"/kiosk/{locale}/schools?grade=5")

    return request


MESSAGES = {**ERROR_MESSAGES, 400: STALE_FORM}
ERRORS = {
    404: not_found,
    400: stale_form,
    429: too_many_texts,
    500: failing_search(RuntimeError("secret-internal-detail")),
    503: failing_search(ServiceUnavailable(retry_after=5)),
}


@pytest.mark.parametrize("locale", ["es", "ar"])
@pytest.mark.parametrize("code", list(ERRORS))
def test_an_error_is_a_kiosk_page_in_the_familys_language_with_one_way_back_to_their_search(app, monkeypatch, code, locale):
    client = app.test_client()
    assert client.get(f"/kiosk/{locale}/schools?{SEARCH}").status_code == 200
    make_error = ERRORS[code]
    response = make_error(client, locale, monkeypatch) if code >= 500 else make_error(client, locale)
    html = response.get_data(as_text=True)
    assert response.status_code == code
    assert f'<html lang="{locale}" dir="{"rtl" if locale == "ar" else "ltr"}">' in html
    assert translated(app, MESSAGES[code], locale) in html and MESSAGES[code] not in html
    assert back_buttons(html) == [(f"/kiosk/{locale}/schools?{SEARCH}".replace("&", "&amp;"), translated(app, "Back to schools", locale))]
    assert response.headers["Cache-Control"] == "no-store"
    if code == 503:
        assert response.headers["Retry-After"] == "5"
    if code == 429:
        assert 0 < int(response.headers["Retry-After"]) <= 61  # the rest of the 5/minute window, rounded up
    if code == 500:
        assert "secret-internal-detail" not in html and "Traceback" not in html and "RuntimeError" not in html


def test_before_any_search_the_button_goes_back_to_the_start_in_their_language(app):
    response = app.test_client().get("/kiosk/ar/schools/no-such-school")
    assert response.status_code == 404
    assert back_buttons(response.get_data(as_text=True)) == [("/kiosk/ar/", translated(app, "Back to the start", "ar"))]


def test_a_url_without_a_language_speaks_the_language_the_family_chose(app):
    client = app.test_client()
    client.get("/kiosk/es/")
    response = client.get("/kiosk/not-a-language/at-all")
    html = response.get_data(as_text=True)
    assert response.status_code == 404 and '<html lang="es" dir="ltr">' in html
    assert translated(app, ERROR_MESSAGES[404], "es") in html
    assert back_buttons(html) == [("/kiosk/es/", translated(app, "Back to the start", "es"))]


def test_a_stranger_with_no_language_gets_english(app):
    response = app.test_client().get("/kiosk/not-a-language/at-all")
    html = response.get_data(as_text=True)
    assert response.status_code == 404 and '<html lang="en" dir="ltr">' in html and ERROR_MESSAGES[404] in html
    assert back_buttons(html) == [("/kiosk/en/", "Back to the start")]


# --- a busy database at registration: the form is kept ----------------------------------------------


class FormReader(HTMLParser):
    """What a browser would send from the page's registration form: (name, value) pairs."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._in_form = [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-queue-offline" in attrs:
            self._in_form = True
        elif not self._in_form:
            return
        elif tag == "input" and (attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs):
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and "selected" in attrs:
            self.fields.append((self._select, attrs["value"]))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def form_fields(html: str) -> list[tuple[str, str]]:
    reader = FormReader()
    reader.feed(html)
    return reader.fields


def registration(school_ids: list[str]) -> list[tuple[str, str]]:
    return [("client_key", uuid.uuid4().hex), ("parent_name", "María José O’Neil-Núñez"), ("phone", "(773) 555-0142"),
            ("locale", "vi"), ("grade", "K"), ("grade", "3"), *[("school", s) for s in school_ids], ("need", "sped"),
            ("need", "bus"), ("consent", "yes")]  # fmt: skip


def stored(app) -> list[Registration]:
    with app.app_context():
        return list(db.session.scalars(select(Registration)))


def busy(_device, _values):
    raise ServiceUnavailable(retry_after=5)


def list_schools(client, locale: str, school_ids: list[str]) -> None:
    for school_id in school_ids:
        token = csrf_token(client, f"/kiosk/{locale}/list")
        client.post(f"/kiosk/{locale}/list", data={"csrf_token": token, "school": school_id, "action": "add"})


@pytest.mark.parametrize("locale", ["es", "ar"])
def test_a_busy_database_keeps_the_registration_typed_and_a_retry_stores_it_once(screen, app, twilio, monkeypatch, locale):
    school_ids = first_school_ids(app, 2)
    list_schools(screen, locale, school_ids)
    sent = registration(school_ids)
    monkeypatch.setattr(services, "register", busy)
    response = screen.post(f"/kiosk/{locale}/register", data=MultiDict(sent))
    html = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"] == "5" and stored(app) == []
    assert f'<html lang="{locale}" dir="{"rtl" if locale == "ar" else "ltr"}">' in html
    assert translated(app, ERROR_MESSAGES[503], locale) in html
    assert sorted(form_fields(html)) == sorted(sent)  # every value typed, and the same key
    monkeypatch.undo()
    for _ in range(2):  # the family taps Register again (twice, impatient)
        assert screen.post(f"/kiosk/{locale}/register", data=MultiDict(form_fields(html))).status_code == 200
    [kept] = stored(app)
    assert (kept.parent_name, kept.phone, kept.locale, kept.school_ids) == ("María José O’Neil-Núñez", "+17735550142", "vi", school_ids)


def test_a_busy_database_that_cannot_even_be_read_still_keeps_the_chosen_schools(screen, app, monkeypatch):
    school_ids = first_school_ids(app, 2)
    list_schools(screen, "es", school_ids)
    sent = registration(school_ids)
    monkeypatch.setattr(services, "register", busy)

    def unreadable(_ids):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(kiosk_screen, "cards", unreadable)
    response = screen.post("/kiosk/es/register", data=MultiDict(sent))
    assert response.status_code == 503 and sorted(form_fields(response.get_data(as_text=True))) == sorted(sent)


def test_the_offline_queue_is_told_to_retry_later(screen, app, monkeypatch):
    monkeypatch.setattr(services, "register", busy)
    response = screen.post("/kiosk/es/register", data=MultiDict(registration([])), headers={"Accept": "application/json"})
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.get_json() == {"error": translated(app, ERROR_MESSAGES[503], "es")}


def test_another_bad_request_is_not_blamed_on_a_stale_page(app):
    response = app.test_client().get("/kiosk/fr/schools?grade=%00")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and translated(app, STALE_FORM, "fr") not in html
    assert "U+0000" in html and translated(app, OTHER_ERROR, "fr") not in html  # it says what was wrong, in French
