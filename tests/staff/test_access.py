"""Who may do what: every staff page and action, for anonymous visitors and for every role.

The table below must name every staff endpoint, so a new page cannot ship without its rule.
"""

import re
from html.parser import HTMLParser

import pytest
from flask import url_for

from staff.views import MENU
from tests.staff.conftest import ROLE_EMAILS, post

MENU_ENDPOINTS = [entry[0] for entry in MENU]

OFFICE = {"admin", "editor"}
EVERYONE = set(ROLE_EMAILS)
# endpoint → the roles that may use it (the others get 403).
ALLOWED = {
    "staff.home": EVERYONE,
    "staff.logout": EVERYONE,
    "staff.change_password": EVERYONE,
    "staff.totp_setup": OFFICE,
    "staff.schools": EVERYONE,
    "staff.unverified": OFFICE | {"school_rep"},
    "staff.edit_school": OFFICE | {"school_rep"},
    "staff.new_school": OFFICE,
    "staff.verify_school": OFFICE | {"school_rep"},
    "staff.school_history": OFFICE | {"school_rep"},
    "staff.proposal_list": OFFICE | {"school_rep"},
    "staff.proposal_review": OFFICE,
    "staff.decide_proposal": OFFICE,
    "staff.translation_coverage": OFFICE | {"translator"},
    "staff.translation_queue": OFFICE | {"translator"},
    "staff.translate_school": OFFICE | {"translator"},
    **{
        endpoint: OFFICE
        for endpoint in (
            "staff.fairs",
            "staff.create_fair",
            "staff.fair",
            "staff.add_booth",
            "staff.relabel_booth",
            "staff.remove_booth",
            "staff.add_device",
            "staff.revoke_device",
            "staff.fair_registrations",
            "staff.fair_registrations_csv",
            "staff.fair_numbers",
            "staff.create_follow_up",
            "staff.cancel_follow_up",
            "staff.import_upload",
            "staff.import_report",
            "staff.import_check",
            "staff.import_apply",
            "staff.inbox",
            "staff.inbox_reply",
            "staff.inbox_close",
        )
    },  # fmt: skip
    "staff.users": {"admin"},
    "staff.create_account": {"admin"},
    "staff.reset_account_password": {"admin"},
    "staff.update_account": {"admin"},
    "staff.reset_account_second_factor": {"admin"},
}
PUBLIC = {"staff.login", "staff.second_factor", "staff.language", "staff.static"}


def staff_routes(app):
    """(endpoint, method, url) for every staff page and action, with real ids filled in."""
    values = {
        "school_id": app.config["REP_SCHOOL"],
        "locale": "vi",
        "proposal_id": 1,
        "user_id": 1,
        "fair_id": 1,
        "booth_id": 1,
        "device_id": 1,
        "upload_id": 1,
        "handoff_id": 1,
    }
    routes = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff.") or rule.endpoint in PUBLIC:
            continue
        url = rule.rule
        for name in rule.arguments:
            url = re.sub(rf"<(?:[a-z]+:)?{name}>", str(values.get(name, 1)), url)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, url))
    return routes


def test_the_table_names_every_staff_endpoint(app):
    assert {endpoint for endpoint, _m, _u in staff_routes(app)} == set(ALLOWED)


def test_anonymous_visitors_are_sent_to_the_login_page(app):
    client = app.test_client()
    for endpoint, method, url in staff_routes(app):
        response = client.get(url) if method == "GET" else post(client, url)
        assert response.status_code == 302, (endpoint, method)
        assert response.location.startswith("/staff/login"), (endpoint, method)


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_each_role_gets_403_where_it_must_not_go(app, as_role, role):
    client = as_role(role)
    refused = []
    for endpoint, method, url in staff_routes(app):
        if role in ALLOWED[endpoint] or endpoint == "staff.logout":
            continue
        response = client.get(url) if method == "GET" else post(client, url)
        if response.status_code != 403:
            refused.append((endpoint, method, response.status_code))
    assert refused == []


def test_every_form_needs_its_csrf_token(app, as_role):
    client = as_role("admin")
    for endpoint, method, url in staff_routes(app):
        if method == "POST":
            assert client.post(url, data={}).status_code == 400, endpoint
    assert app.test_client().post("/staff/login", data={"email": ROLE_EMAILS["admin"], "password": "x"}).status_code == 400


def test_a_school_rep_cannot_touch_another_school_by_url_or_by_a_tampered_form_field(app, as_role):
    from sqlalchemy import select

    from app.extensions import db
    from catalog.models import School
    from staff.models import Proposal

    rep, own, other = as_role("school_rep"), app.config["REP_SCHOOL"], app.config["OTHER_SCHOOL"]
    for url in (f"/staff/schools/{other}/edit", f"/staff/schools/{other}"):
        assert rep.get(url).status_code == 403
    for url in (f"/staff/schools/{other}/edit", f"/staff/schools/{other}/verify"):
        assert post(rep, url, {"name": "Taken over"}).status_code == 403
    assert post(rep, f"/staff/schools/{own}/edit", {"id": other, "name": "Taken over"}).status_code == 403
    with app.app_context():
        assert db.session.get(School, other).name != "Taken over"
        assert db.session.scalars(select(Proposal)).all() == []
    page = rep.get("/staff/schools").get_data(as_text=True)
    assert own in page and other not in page


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.menu = [], []
        self._in_menu = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and "menu" in (attrs.get("class") or "").split():
            self._in_menu = True
        if tag == "a" and (attrs.get("href") or "").startswith("/staff/") and not attrs["href"].startswith("/staff/static/"):
            self.hrefs.append(attrs["href"])
            if self._in_menu:
                self.menu.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_menu = False


def links_on(client, url: str) -> _Links:
    found = _Links()
    response = client.get(url)
    assert response.status_code == 200, url
    found.feed(response.get_data(as_text=True))
    return found


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_every_link_shown_to_a_role_opens(app, as_role, role):
    """The menu, the home page's tiles and the listings' actions offer a role only what it may open:
    a school representative is not shown "Translations" (nor a translator "Edit") to meet a 403."""
    client = as_role(role)
    menu = links_on(client, "/staff/").menu
    pages = {"/staff/", *menu, *links_on(client, "/staff/").hrefs, *links_on(client, "/staff/schools").hrefs}
    assert {url: client.get(url, follow_redirects=True).status_code for url in pages} == dict.fromkeys(pages, 200)
    expected_menu = {endpoint for endpoint in MENU_ENDPOINTS if role in ALLOWED[endpoint]}
    with app.test_request_context():
        assert set(menu) == {url_for(endpoint) for endpoint in expected_menu}, role
