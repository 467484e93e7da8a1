"""Listings: office staff publish, school staff propose, editors approve or reject; every published
change writes one listing-change row with its exact diff, in the same transaction."""

import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

from flask_babel import force_locale, gettext
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from app.db import unit_of_work
from app.extensions import db
from catalog.models import ListingChange, School
from staff.models import Proposal
from tests.staff.conftest import post


def school(app, school_id):
    with app.app_context():
        found = db.session.get(School, school_id)
        db.session.expunge(found)
        return found


def changes_of(app, school_id):
    with app.app_context():
        return [
            (c.actor, c.action, c.changes, c.note)
            for c in db.session.scalars(select(ListingChange).where(ListingChange.school_id == school_id))
        ]


def test_an_editor_publishes_a_change_with_one_audit_row_holding_the_exact_diff(app, as_role):
    editor, school_id = as_role("editor"), app.config["REP_SCHOOL"]
    before = school(app, school_id).school_bus_notes
    response = post(editor, f"/staff/schools/{school_id}/edit", {"school_bus_notes": "Yellow bus from 63rd & Cottage Grove, 7:10 am"})
    assert response.status_code == 302 and "done=published" in response.location
    assert school(app, school_id).school_bus_notes == "Yellow bus from 63rd & Cottage Grove, 7:10 am"
    [(who, action, diff, _note)] = [c for c in changes_of(app, school_id) if c[1] != "created"]
    assert (who, action) == ("editor@office.example.org", "edited")
    assert diff == {"school_bus_notes": [before, "Yellow bus from 63rd & Cottage Grove, 7:10 am"]}


def test_a_rep_proposes_an_editor_approves_and_the_listing_and_audit_follow(app, as_role):
    rep, school_id = as_role("school_rep"), app.config["REP_SCHOOL"]
    before = school(app, school_id)
    response = post(rep, f"/staff/schools/{school_id}/edit", {"school_bus_notes": "Bus for grades K-2 only", "school_bus": "conditional"})
    assert "done=proposed" in response.location
    assert school(app, school_id).school_bus_notes == before.school_bus_notes  # not published yet
    with app.app_context():
        proposal = db.session.scalar(select(Proposal))
        proposal_id, proposed = proposal.id, proposal.changes
    expected = {"school_bus": [before.school_bus, "conditional"], "school_bus_notes": [before.school_bus_notes, "Bus for grades K-2 only"]}
    assert proposed == expected
    editor = as_role("editor")
    assert "Bus for grades K-2 only" in editor.get(f"/staff/proposals/{proposal_id}").get_data(as_text=True)
    response = post(editor, f"/staff/proposals/{proposal_id}/decide", {"decision": "approve", "comment": "Thanks!"})
    assert response.status_code == 302
    after = school(app, school_id)
    assert (after.school_bus, after.school_bus_notes, after.need_bus) == ("conditional", "Bus for grades K-2 only", True)
    [(who, action, diff, note)] = [c for c in changes_of(app, school_id) if c[1] != "created"]
    assert (who, action, diff, note) == ("editor@office.example.org", "approved", expected, "rep@school.example.org: Thanks!")
    with app.app_context():
        assert db.session.get(Proposal, proposal_id).status == "approved"


def test_a_rejected_proposal_leaves_the_listing_as_it_was(app, as_role):
    rep, school_id = as_role("school_rep"), app.config["REP_SCHOOL"]
    before = school(app, school_id)
    post(rep, f"/staff/schools/{school_id}/edit", {"name": "Renamed by mistake"})
    with app.app_context():
        proposal_id = db.session.scalar(select(Proposal.id))
    editor = as_role("editor")
    post(editor, f"/staff/proposals/{proposal_id}/decide", {"decision": "reject", "comment": "The name is set by the district."})
    assert school(app, school_id).name == before.name
    assert [c for c in changes_of(app, school_id) if c[1] != "created"] == []
    with app.app_context():
        rejected = db.session.get(Proposal, proposal_id)
        assert (rejected.status, rejected.comment) == ("rejected", "The name is set by the district.")
    assert post(editor, f"/staff/proposals/{proposal_id}/decide", {"decision": "approve"}).status_code == 409


def test_bad_values_are_refused_like_the_importer_refuses_them_and_nothing_typed_is_lost(app, as_role):
    editor, school_id = as_role("editor"), app.config["REP_SCHOOL"]
    before = school(app, school_id)
    form = {"grades": "K-14", "email": "not-an-email", "school_bus_notes": "Keep this note", "zip": "6063"}
    response = post(editor, f"/staff/schools/{school_id}/edit", form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "is not a grade list like PK,K-8 or 9-12" in page and "is not an email address" in page
    assert "Keep this note" in page and 'value="K-14"' in page
    assert school(app, school_id).school_bus_notes == before.school_bus_notes
    spanish = post(editor, "/staff/language", {"locale": "es", "next": "/staff/"})
    assert spanish.status_code == 302
    assert "no es una dirección de correo" in post(editor, f"/staff/schools/{school_id}/edit", form).get_data(as_text=True)


def test_a_phone_that_is_not_one_is_refused_beside_its_field_in_the_staff_language_and_the_rest_is_kept(app, as_role):
    school_id = app.config["REP_SCHOOL"]
    before = school(app, school_id)
    with app.test_request_context(), force_locale("es"):
        spanish = gettext("“%(value)s” is not a phone number.", value="not a phone")
    assert "not a phone number" not in spanish
    form = {"phone": "not a phone", "email": "office@school.example.org", "school_bus_notes": "Keep this note"}
    for role in ("editor", "school_rep"):  # published at once, or proposed: the same check
        client = as_role(role)
        assert post(client, "/staff/language", {"locale": "es", "next": "/staff/"}).status_code == 302
        response = post(client, f"/staff/schools/{school_id}/edit", form)
        page = unescape(response.get_data(as_text=True))
        assert response.status_code == 400
        assert re.search(r'<p class="error" id="f-phone-error">(.*?)</p>', page).group(1) == spanish
        assert 'value="not a phone"' in page and 'value="office@school.example.org"' in page and "Keep this note" in page
    after = school(app, school_id)
    assert (after.phone, after.email, after.school_bus_notes) == (before.phone, before.email, before.school_bus_notes)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Proposal)) == 0


def test_verifying_a_listing_dates_it_and_the_dashboard_lists_the_stale_ones(app, as_role):
    editor, school_id = as_role("editor"), app.config["REP_SCHOOL"]
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(School))
    page = editor.get("/staff/schools/unverified").get_data(as_text=True)
    assert f"{total} schools" in page
    post(editor, f"/staff/schools/{school_id}/verify")
    assert school(app, school_id).verified_on == date.today()
    assert f"{total - 1} schools" in editor.get("/staff/schools/unverified").get_data(as_text=True)
    assert [c[1] for c in changes_of(app, school_id)][-1] == "verified"
    history = editor.get(f"/staff/schools/{school_id}").get_data(as_text=True)
    assert "Verified" in history and date.today().isoformat() in history


def test_listing_search_finds_a_name_with_a_typo_and_takes_percent_and_underscore_as_letters(as_role):
    editor = as_role("editor")
    found = unescape(editor.get("/staff/schools?q=kenwod").get_data(as_text=True))
    assert "Kenwood Academy High School" in found
    assert "Kelly" not in unescape(editor.get("/staff/schools?q=k_lly").get_data(as_text=True).split("<table>")[1])


def test_each_listing_shows_what_it_has_not_stated_as_a_to_do(app, as_role):
    charter = next(
        s for s in (school(app, i) for i in _charter_ids(app)) if not s.sped_stated
    )  # CPS states no special-education program for any charter
    editor = as_role("editor")
    page = unescape(editor.get(f"/staff/schools?q={charter.id}").get_data(as_text=True))
    row = page.split(f'"ltr">{charter.id}</span>', 1)[1].split("</tr>", 1)[0]
    assert "Special education" in row and "School bus" in row
    assert post(editor, "/staff/language", {"locale": "ar", "next": "/staff/"}).status_code == 302
    page = unescape(editor.get(f"/staff/schools?q={charter.id}").get_data(as_text=True))
    row = page.split(f'"ltr">{charter.id}</span>', 1)[1].split("</tr>", 1)[0]
    assert "، " in row and ", " not in row  # the Arabic comma between the things left unstated


def _charter_ids(app):
    with app.app_context():
        return list(db.session.scalars(select(School.id).where(School.sector == "charter").order_by(School.id).limit(5)))


class _FormFields(HTMLParser):
    """The fields a browser sends for the edit form: inputs, checked boxes, selected options, text areas."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and (attrs.get("type") != "checkbox" or "checked" in attrs):
            self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs["value"]))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.fields.pop()
            self.fields.append((name, text + data))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def test_saving_one_field_keeps_a_program_list_that_may_not_be_whole_and_a_stated_none(app, as_role):
    """A CPS school's programs are those its file has columns for ("bilingual_services;more"): an
    editor who changes the phone must not turn them into the school's whole list, nor a stated none
    into not stated."""
    editor = as_role("editor")
    with app.app_context(), unit_of_work():
        listed = db.session.scalar(
            select(School).where(
                School.ell_stated.is_(False), School.sped_stated.is_(False), School.need_ell.is_(True), School.need_sped.is_(True)
            )
        )
        stated_none = db.session.get(School, app.config["OTHER_SCHOOL"])
        stated_none.sped_stated, stated_none.ell_stated = True, True
        stated_none.programs = [p for p in stated_none.programs if p.kind == "world_language"]
        ids = [listed.id, stated_none.id]

    def services(school_id):
        with app.app_context():
            found = db.session.get(School, school_id)
            return found.sped_stated, found.ell_stated, sorted((p.kind, p.code, p.language) for p in found.programs)

    for school_id in ids:
        before = services(school_id)
        page = editor.get(f"/staff/schools/{school_id}/edit").get_data(as_text=True)
        form = _FormFields()
        form.feed(page)
        fields = MultiDict([(name, "(773) 534-0000" if name == "phone" else value) for name, value in form.fields])
        assert editor.post(f"/staff/schools/{school_id}/edit", data=fields).status_code == 302
        assert services(school_id) == before, school_id
        [(_who, _action, diff, _note)] = [c for c in changes_of(app, school_id) if c[1] == "edited"]
        assert set(diff) == {"phone"}, school_id
    assert "“more”" in page and "Perhaps others: the list may not be whole" in page
