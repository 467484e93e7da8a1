"""Staff pages in a real headless Chromium: an editor changes a school's bus notes and the kiosk
and the API show the change at once; axe-core finds nothing serious on the staff pages, in
English and in Arabic (right to left)."""

import json

import pytest

from app.db import unit_of_work
from staff import accounts
from tests.conftest import need
from tests.kiosk.test_browser import AXE, LiveKiosk, browser, serious_axe_violations  # noqa: F401  (the module-scoped browser fixture)
from tests.staff.conftest import PASSWORD

EDITOR, ADMIN = "editor@office.example.org", "admin@office.example.org"
NOTES = "Yellow bus at 63rd & Cottage Grove, 7:10 am; ask for route 12"


@pytest.fixture
def live(database_url):
    server = LiveKiosk(database_url)
    with server.app.app_context(), unit_of_work():
        accounts.create_user(EDITOR, PASSWORD, "editor")
        accounts.create_user(ADMIN, PASSWORD, "admin")
    yield server
    server.stop()


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page, live, email: str = EDITOR) -> None:
    page.goto(f"{live.url}/staff/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live.url}/staff/")


def test_an_editor_edits_bus_notes_and_the_kiosk_and_the_api_show_them(live, page):
    school_id = _first_school(live)
    sign_in(page, live)
    page.get_by_role("link", name="Listings", exact=True).click()
    page.fill("#q", school_id)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Edit").first.click()
    page.fill("#f-school_bus_notes", NOTES)
    page.select_option("#f-school_bus", "yes")
    page.get_by_role("button", name="Publish").click()
    assert "Published. Families see the change now." in page.inner_text("main")
    assert NOTES in page.inner_text("main")  # the history shows the diff
    page.goto(f"{live.url}/kiosk/en/schools/{school_id}")
    assert NOTES in page.inner_text("main")
    page.goto(f"{live.url}/api/v1/schools/{school_id}")
    assert json.loads(page.inner_text("body"))["school_bus_notes"] == NOTES


def _first_school(live) -> str:
    from tests.kiosk.conftest import first_school_ids

    return first_school_ids(live.app, 1)[0]


STAFF_PAGES = ["/staff/", "/staff/schools", "/staff/schools/unverified", "/staff/proposals", "/staff/translations", "/staff/translations/vi",
               "/staff/users", "/staff/import", "/staff/inbox", "/staff/fairs", "/staff/fairs/1", "/staff/fairs/1/registrations",
               "/staff/fairs/1/numbers", "/staff/account/password", "/staff/account/second-factor"]  # fmt: skip


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_staff_pages_have_no_serious_accessibility_problems(live, page, locale):
    need(AXE.exists(), "axe-core is not installed (make test runs npm ci)")
    school_id = _first_school(live)
    sign_in(page, live, ADMIN)
    if locale != "en":
        page.select_option("#staff-locale", locale)
        page.locator("#staff-locale + button").click()
    found = {}
    for url in [
        *STAFF_PAGES,
        f"/staff/schools/{school_id}/edit",
        f"/staff/schools/{school_id}",
        f"/staff/schools/{school_id}/translations/vi",
    ]:
        page.goto(live.url + url)
        assert page.evaluate("document.documentElement.dir") == ("rtl" if locale == "ar" else "ltr")
        result = serious_axe_violations(page)
        if result:
            found[url] = result
    assert found == {}
