"""Fairs: office staff add fairs, booths and kiosk screens, read the registrations and their numbers,
and text the families who agreed to it, now or at a set time (a reminder they can cancel until then),
at most once a day, at a throttled pace, with delivery tracked."""

import csv
import io
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from kiosk import services
from kiosk.follow_ups import FollowUpError
from kiosk.models import Booth, Fair, FairFollowUp, KioskDevice, Registration
from kiosk.registration import RegistrationInput
from sms import campaigns
from sms.models import Campaign, CampaignRecipient, Message, OptOut
from sms.outbound import record_status
from sms.services import opt_out
from staff import fairs
from tests.staff.conftest import csrf_token, post

BODY = "Gracias por venir a la feria. Applications close March 1: reply HELP for help, STOP to stop."


def ids(app) -> dict:
    """The demo fair's id, one of its booths and its screen."""
    with app.app_context():
        fair = db.session.scalar(select(Fair).order_by(Fair.id))
        booth = db.session.scalar(select(Booth).where(Booth.fair_id == fair.id).order_by(Booth.id))
        device = db.session.scalar(select(KioskDevice).where(KioskDevice.fair_id == fair.id))
        return {"fair": fair.id, "booth": booth.id, "booth_school": booth.school_id, "device": device.id}


def routes(app) -> list[tuple[str, str]]:
    known = ids(app)
    base = f"/staff/fairs/{known['fair']}"
    return [
        ("GET", "/staff/fairs"),
        ("POST", "/staff/fairs"),
        ("GET", base),
        ("POST", f"{base}/booths"),
        ("POST", f"{base}/booths/{known['booth']}"),
        ("POST", f"{base}/booths/{known['booth']}/remove"),
        ("POST", f"{base}/devices"),
        ("POST", f"{base}/devices/{known['device']}/revoke"),
        ("GET", f"{base}/registrations"),
        ("GET", f"{base}/registrations.csv"),
        ("GET", f"{base}/numbers"),
        ("POST", f"{base}/follow-ups"),
        ("POST", f"{base}/follow-ups/1/cancel"),
    ]


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def register(
    app, phone: str, name: str = "Ana Pérez", locale: str = "es", grades=(0, 3), schools=(), needs=("sped",), consent=True, device=None
):
    """Store a registration as the fair's kiosk screen does."""
    with app.app_context(), unit_of_work():
        screen = db.session.get(KioskDevice, device) if device else db.session.scalar(select(KioskDevice).order_by(KioskDevice.id))
        values = RegistrationInput(uuid.uuid4().hex, name, phone, locale, tuple(grades), tuple(schools), tuple(needs), consent)
        services.register(screen, values)


def school_ids(app, how_many: int, offset: int = 0) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(School.id).order_by(School.id).offset(offset).limit(how_many)))


def school_name(app, school_id: str) -> str:
    with app.app_context():
        return db.session.get(School, school_id).name


def counted(html: str, label: str) -> int | None:
    """The count in the table row labelled `label`, or None when there is no such row."""
    found = re.search(rf"<th scope=\"row\">{re.escape(label)}</th><td class=\"number\">(\d+)</td>", html)
    return int(found.group(1)) if found else None


def recipients(app) -> dict[str, str]:
    with app.app_context():
        return dict(db.session.execute(select(CampaignRecipient.phone, CampaignRecipient.status)).all())


# --- who may ------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(app):
    client = app.test_client()
    for method, url in routes(app):
        response = client.get(url) if method == "GET" else client.post(url, data={"csrf_token": csrf_token(client)})
        assert response.status_code == 302 and response.location.startswith("/staff/login"), (method, url)


@pytest.mark.parametrize("role", ["school_rep", "translator"])
def test_only_the_enrollment_office_works_on_fairs(app, as_role, role):
    client = as_role(role)
    for method, url in routes(app):
        response = client.get(url) if method == "GET" else post(client, url, {"label": "Z9", "device_name": "x", "body": "hi"})
        assert response.status_code == 403, (method, url)
    assert (count(app, Booth), count(app, KioskDevice), count(app, Campaign)) == (10, 1, 0)
    with app.app_context():
        assert db.session.scalar(select(KioskDevice)).revoked_at is None
    assert "/staff/fairs" not in client.get("/staff/").get_data(as_text=True)  # and the menu does not offer them


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_office_roles_see_every_fair_page(app, as_role, role):
    client = as_role(role)
    for method, url in routes(app):
        if method == "GET":
            assert client.get(url).status_code == 200, url


def test_every_fair_form_needs_its_csrf_token(app, as_role):
    editor = as_role("editor")
    form = {
        "name": "Fair",
        "starts_on": "2027-01-01",
        "ends_on": "2027-01-01",
        "school_id": "x",
        "label": "Z9",
        "device_name": "x",
        "body": "hi",
    }
    for method, url in routes(app):
        if method == "POST":
            assert editor.post(url, data=form).status_code == 400, url
    assert (count(app, Fair), count(app, Booth), count(app, KioskDevice), count(app, Campaign)) == (1, 10, 1, 0)


def test_an_unknown_fair_is_not_found(app, as_role):
    editor = as_role("editor")
    assert editor.get("/staff/fairs/999").status_code == 404
    assert post(editor, "/staff/fairs/999/booths", {"school_id": "x", "label": "A1"}).status_code == 404


# --- fairs --------------------------------------------------------------------------------------


def test_the_fair_list_counts_booths_screens_and_registrations(app, as_role):
    register(app, "+17735550101")
    register(app, "+17735550102")
    html = as_role("editor").get("/staff/fairs").get_data(as_text=True)
    assert "Southside school fair" in html and "Gym" in html
    row = html[html.index("Southside school fair") :]
    assert re.findall(r'<td class="number">(\d+)</td>', row)[:3] == ["10", "1", "2"]


def test_an_editor_adds_a_fair(app, as_role):
    editor = as_role("editor")
    form = {"name": "Northside fair", "place": "Lane Tech gym", "starts_on": "2027-01-16", "ends_on": "2027-01-17"}
    response = post(editor, "/staff/fairs", form)
    assert response.status_code == 302 and "done=created" in response.location
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.name == "Northside fair"))
        assert (fair.place, fair.starts_on, fair.ends_on) == ("Lane Tech gym", date(2027, 1, 16), date(2027, 1, 17))
    page = editor.get(response.location).get_data(as_text=True)
    assert "Northside fair" in page and 'class="success"' in page
    assert "Northside fair" in editor.get("/staff/fairs").get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"place": "p" * 301}, "place"),
        ({"starts_on": ""}, "starts_on"),
        ({"starts_on": "01/16/2027"}, "starts_on"),
        ({"ends_on": "2027-02-30"}, "ends_on"),
        ({"ends_on": "2027-01-15"}, "ends_on"),
    ],
)
def test_a_fair_with_a_bad_field_is_explained_next_to_it_and_nothing_typed_is_lost(app, as_role, changes, field):
    form = {"name": "Northside <b>fair</b>", "place": "Lane Tech gym", "starts_on": "2027-01-16", "ends_on": "2027-01-17", **changes}
    response = post(as_role("editor"), "/staff/fairs", form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="fair-{field}-error"' in html and 'role="alert"' in html
    assert re.findall(r'id="fair-([a-z_]+)-error"', html) == [field]
    for name, value in form.items():
        if name != field:
            assert f'value="{value.replace("<", "&lt;").replace(">", "&gt;")}"' in html
    assert count(app, Fair) == 1


# --- booths -------------------------------------------------------------------------------------


def test_booths_are_added_relabelled_and_removed(app, as_role):
    editor, known = as_role("editor"), ids(app)
    [newcomer] = school_ids(app, 1, offset=10)  # the demo fair has booths for the first ten schools
    base = f"/staff/fairs/{known['fair']}"
    response = post(editor, f"{base}/booths", {"school_id": newcomer, "label": " B12 "})
    assert response.status_code == 302 and "done=booth_added" in response.location
    page = editor.get(response.location).get_data(as_text=True)
    assert school_name(app, newcomer) in page and 'value="B12"' in page

    assert post(editor, f"{base}/booths/{known['booth']}", {"label": "C3"}).status_code == 302
    with app.app_context():
        assert db.session.get(Booth, known["booth"]).label == "C3"
        new_booth = db.session.scalar(select(Booth).where(Booth.school_id == newcomer))
        assert new_booth.label == "B12"
        assert services.booth_labels(known["fair"])[newcomer] == "B12"  # what the kiosk shows families

    assert post(editor, f"{base}/booths/{new_booth.id}/remove").status_code == 302
    assert count(app, Booth) == 10
    with app.app_context():
        assert db.session.get(Booth, new_booth.id) is None


@pytest.mark.parametrize(
    ("school", "label", "field", "says"),
    [
        ("no-such-school", "B1", "booth-school", "No school has the id “no-such-school”"),
        ("", "B1", "booth-school", "No school has the id"),
        ("at-the-fair", "B1", "booth-school", "already has booth"),
        ("new", "", "booth-label", "Enter the label"),
        ("new", "L" * 17, "booth-label", "at most 16 characters"),
    ],
)
def test_a_booth_that_cannot_be_added_is_explained(app, as_role, school, label, field, says):
    known = ids(app)
    school = {"at-the-fair": known["booth_school"], "new": school_ids(app, 1, offset=10)[0]}.get(school, school)
    response = post(as_role("editor"), f"/staff/fairs/{known['fair']}/booths", {"school_id": school, "label": label})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and f'id="{field}-error"' in html and says in html
    assert f'value="{school}"' in html  # kept for correcting
    assert count(app, Booth) == 10


def test_a_bad_new_label_is_explained_next_to_its_booth_and_the_label_stays(app, as_role):
    known = ids(app)
    response = post(as_role("editor"), f"/staff/fairs/{known['fair']}/booths/{known['booth']}", {"label": "  "})
    assert response.status_code == 400 and f'id="booth-{known["booth"]}-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Booth, known["booth"]).label == "A1"


def test_a_booth_or_screen_of_another_fair_is_not_found_through_this_one(app, as_role):
    known = ids(app)
    with app.app_context(), unit_of_work():
        other = services.create_fair("Westside fair", date(2027, 2, 1), date(2027, 2, 1)).id
    editor = as_role("editor")
    assert post(editor, f"/staff/fairs/{other}/booths/{known['booth']}/remove").status_code == 404
    assert post(editor, f"/staff/fairs/{other}/devices/{known['device']}/revoke").status_code == 404
    assert count(app, Booth) == 10


# --- kiosk screens ------------------------------------------------------------------------------


def test_a_new_screen_shows_its_link_once_the_link_enrolls_a_kiosk_and_revoking_stops_it(app, as_role):
    app.config["PUBLIC_BASE_URL"] = "https://schools.example.org/"
    editor, known = as_role("editor"), ids(app)
    response = post(editor, f"/staff/fairs/{known['fair']}/devices", {"device_name": "Library corner"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Library corner" in html
    [link] = re.findall(r"https://schools\.example\.org/kiosk/enroll/[A-Za-z0-9_-]+", html)
    code = link.rsplit("/", 1)[1]
    page = editor.get(f"/staff/fairs/{known['fair']}").get_data(as_text=True)
    assert code not in page and "Not set up yet" in page  # shown once, never again

    kiosk = app.test_client()
    assert kiosk.get(f"/kiosk/enroll/{code}").status_code == 200
    assert app.test_client().get(f"/kiosk/enroll/{code}").status_code == 404  # the link works once
    form = {
        "client_key": uuid.uuid4().hex,
        "parent_name": "Ana Pérez",
        "phone": "(773) 555-0142",
        "locale": "es",
        "grade": ["K"],
        "consent": "yes",
    }
    assert kiosk.post("/kiosk/es/register", data=form).status_code == 200
    with app.app_context():
        device = db.session.scalar(select(KioskDevice).where(KioskDevice.name == "Library corner"))
        assert db.session.scalar(select(Registration.device_id)) == device.id and device.enrolled_at is not None
    assert "Set up" in editor.get(f"/staff/fairs/{known['fair']}").get_data(as_text=True)

    response = post(editor, f"/staff/fairs/{known['fair']}/devices/{device.id}/revoke")
    assert response.status_code == 302 and "done=device_revoked" in response.location
    assert "Revoked" in editor.get(response.location).get_data(as_text=True)
    form["client_key"] = uuid.uuid4().hex
    assert kiosk.post("/kiosk/es/register", data=form).status_code == 403
    assert count(app, Registration) == 1


def test_without_a_public_address_the_link_uses_the_request_host(app, as_role):
    known = ids(app)
    html = post(as_role("admin"), f"/staff/fairs/{known['fair']}/devices", {"device_name": "Exit"}).get_data(as_text=True)
    assert re.search(r"http://localhost/kiosk/enroll/[A-Za-z0-9_-]+", html)


@pytest.mark.parametrize("name", ["", "n" * 101])
def test_a_screen_needs_a_name_of_at_most_100_characters(app, as_role, name):
    known = ids(app)
    response = post(as_role("editor"), f"/staff/fairs/{known['fair']}/devices", {"device_name": name})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="device-name-error"' in html and "/kiosk/enroll/" not in html
    assert count(app, KioskDevice) == 1


# --- registrations ------------------------------------------------------------------------------


def test_registrations_are_listed_and_exported_with_formulas_defused(app, as_role):
    known, first, second = ids(app), *school_ids(app, 2)
    register(app, "+17735550101", name="María José O’Neil-Núñez", grades=(3, 0), schools=(first, second), needs=("sped", "bus"))
    register(app, "+17735550102", name='=HYPERLINK("http://evil.example","x")', locale="vi", grades=(9,), needs=(), consent=False)
    register(app, "+17735550103", name="@SUM(1+1)", locale="ar", grades=(-1,), needs=("ell",))
    with app.app_context(), unit_of_work():
        other = services.create_fair("Westside fair", date(2027, 2, 1), date(2027, 2, 1))
        other_device = services.add_device(other, "Door")[0].id
    register(app, "+17735550199", name="Somebody Elsewhere", device=other_device)
    editor = as_role("editor")

    html = editor.get(f"/staff/fairs/{known['fair']}/registrations").get_data(as_text=True)
    assert "3 registrations" in html and "Somebody Elsewhere" not in html
    for text in (
        "María José O’Neil-Núñez",
        "+17735550101",
        "Español",
        "Tiếng Việt",
        "العربية",
        "Kindergarten, Grade 3",
        "Special education, School bus",
    ):
        assert text in html, text
    assert f"{school_name(app, first)}; {school_name(app, second)}" in html
    assert "&#34;http://evil.example&#34;" in html or "&quot;http://evil.example&quot;" in html  # escaped, never markup

    response = editor.get(f"/staff/fairs/{known['fair']}/registrations.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="fair-{known["fair"]}-registrations.csv"'
    header, *rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert header == ["Registered (UTC)", "Parent's name", "Phone", "Language", "Grades", "Schools of interest", "Needs", "Agreed to texts"]
    by_phone = {row[2]: row for row in rows}
    assert set(by_phone) == {"'+17735550101", "'+17735550102", "'+17735550103"}  # "+…" would start a formula
    maria = by_phone["'+17735550101"]
    assert maria[1:] == [
        "María José O’Neil-Núñez",
        "'+17735550101",
        "Español",
        "Kindergarten; Grade 3",
        f"{school_name(app, first)}; {school_name(app, second)}",
        "Special education; School bus",
        "Yes",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", maria[0])
    assert by_phone["'+17735550102"][1] == '\'=HYPERLINK("http://evil.example","x")' and by_phone["'+17735550102"][-1] == "No"
    assert by_phone["'+17735550103"][1] == "'@SUM(1+1)"
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_every_cell_that_could_start_a_formula_is_quoted():
    assert [fairs.csv_cell(v) for v in ("=1", "+1", "-1", "@A", "\tx", "\rx", "a=b", "", "Ana")] == [
        "'=1", "'+1", "'-1", "'@A", "'\tx", "'\rx", "a=b", "", "Ana",
    ]  # fmt: skip


def test_the_numbers_count_families_and_name_nobody(app, as_role):
    known, (first, second) = ids(app), school_ids(app, 2)
    register(app, "+17735550101", name="Zainab Farouk", grades=(0, 3), schools=(first,), needs=("sped", "bus"))
    register(app, "+17735550102", name="Nguyễn Thị Hoa", grades=(3,), schools=(first, second), needs=("ell",), consent=False)
    register(app, "+17735550103", name="Cabdi Xasan", locale="vi", grades=(0,), needs=())
    html = as_role("editor").get(f"/staff/fairs/{known['fair']}/numbers").get_data(as_text=True)
    assert "3 families registered." in html and "2 agreed to texts." in html
    assert (counted(html, "Español"), counted(html, "Tiếng Việt")) == (2, 1)
    assert (counted(html, "Kindergarten"), counted(html, "Grade 3"), counted(html, "Grade 9")) == (2, 2, None)
    assert (counted(html, "Special education"), counted(html, "School bus"), counted(html, "English learner support")) == (1, 1, 1)
    assert (counted(html, school_name(app, first)), counted(html, school_name(app, second))) == (2, 1)
    for personal in ("Zainab", "Farouk", "Nguyễn", "Cabdi", "+1773", "555-01", "5550101", "0101", "0102", "0103"):
        assert personal not in html, personal


# --- follow-up texts ----------------------------------------------------------------------------


def follow_up(app, client, body: str = BODY, send_at: str = ""):
    return post(client, f"/staff/fairs/{ids(app)['fair']}/follow-ups", {"body": body, "send_at": send_at})


def send_due(app, limit: int = 10, now: datetime | None = None):
    with app.app_context(), unit_of_work():
        return campaigns.send_due(limit, now or datetime.now(UTC))


def the_fair(app) -> Fair:
    return db.session.get(Fair, ids(app)["fair"])


def in_form(moment: datetime) -> str:
    """A time as a browser's date-and-time field sends it, in UTC (no zone is configured)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def test_a_follow_up_goes_once_to_each_number_that_agreed_and_skips_opted_out_ones(app, as_role, twilio):
    register(app, "+17735550101")
    register(app, "+17735550101", name="Ana Pérez (again)")  # the same family twice: one text
    register(app, "+17735550102", consent=False)
    register(app, "+17735550103")
    register(app, "+17735550104")
    register(app, "+17735550104", consent=False)  # agreed, then said no at a second registration: the newer choice holds
    with app.app_context(), unit_of_work():
        opt_out("+17735550103")
    editor = as_role("editor")
    assert "1 phone number that agreed" in editor.get(f"/staff/fairs/{ids(app)['fair']}").get_data(as_text=True)

    response = follow_up(app, editor)
    assert response.status_code == 302 and "done=follow_up" in response.location
    assert recipients(app) == {"+17735550101": "pending", "+17735550103": "opted_out"}
    with app.app_context():
        stored = db.session.scalar(select(Campaign))
        assert (stored.body, stored.author) == (BODY, "editor@office.example.org")
        assert db.session.scalar(select(FairFollowUp.fair_id).where(FairFollowUp.campaign_id == stored.id)) == ids(app)["fair"]
    page = editor.get(response.location).get_data(as_text=True)
    assert counted(page, "Waiting to be sent") == 1 and counted(page, "Opted out, not texted") == 1
    assert "Scheduled for" not in page and "Cancel this follow-up" not in page  # it goes now: nothing to cancel
    assert twilio.sent == []  # queued: the throttled sender sends

    assert send_due(app) == {"sent": 1}
    assert [(text["To"], text["Body"]) for text in twilio.sent] == [("+17735550101", BODY)]
    with app.app_context():
        sent = db.session.scalar(select(CampaignRecipient).where(CampaignRecipient.phone == "+17735550101"))
        message = db.session.get(Message, sent.message_id)
        assert (sent.status, message.phone, message.body, message.status) == ("sent", "+17735550101", BODY, "queued")
        assert sent.sent_at is not None
    assert send_due(app) == {}  # nothing is sent twice


def test_send_due_sends_at_most_its_limit_and_records_refusals(app, as_role, twilio):
    for n in range(1, 4):
        register(app, f"+1773555010{n}")
    assert follow_up(app, as_role("editor")).status_code == 302
    assert send_due(app, 2) == {"sent": 2}
    twilio.refuse_with = 21610  # the carrier says this number unsubscribed
    assert send_due(app, 2) == {"sent": 1}  # handed to the text queue
    assert recipients(app) == {"+17735550101": "sent", "+17735550102": "sent", "+17735550103": "sent"}
    assert len(twilio.sent) == 3
    with app.app_context():  # refused once it was delivered after the commit: the text says so
        refused = db.session.scalar(select(Message).where(Message.phone == "+17735550103"))
        assert (refused.status, refused.error_code) == ("failed", 21610)
        assert db.session.get(OptOut, "+17735550103") is not None


@pytest.mark.parametrize("command", [("staff", "send-follow-ups"), ("sms", "send-campaigns")])
def test_the_cli_sends_every_waiting_text(app, as_role, twilio, cli, command):
    app.config["FOLLOW_UP_PER_SECOND"] = 1000.0
    for n in range(1, 4):
        register(app, f"+1773555010{n}")
    register(app, "+17735550109", consent=False)
    assert follow_up(app, as_role("editor")).status_code == 302
    result = cli(*command)
    assert result.exit_code == 0 and "Sent 3 follow-up texts" in result.output
    assert sorted(text["To"] for text in twilio.sent) == ["+17735550101", "+17735550102", "+17735550103"]
    assert {text["Body"] for text in twilio.sent} == {BODY}
    assert "Sent 0 follow-up texts" in cli(*command).output and len(twilio.sent) == 3


def test_the_sender_waits_between_texts_at_the_configured_pace(app, as_role, twilio):
    for n in range(1, 4):
        register(app, f"+1773555010{n}")
    assert follow_up(app, as_role("editor")).status_code == 302
    waits = []
    with app.app_context():
        outcome = campaigns.send_due_here(4, sleep=waits.append)
    assert outcome == {"sent": 3} and waits == [0.25, 0.25] and len(twilio.sent) == 3


def test_with_redis_the_worker_sends_the_follow_ups_in_paced_batches_scheduled_one_after_another(app, as_role, twilio, redis_url, cli):
    import time

    from rq.registry import ScheduledJobRegistry
    from rq.scheduler import RQScheduler

    from sms.jobs import text_queue
    from tests.workers import work_burst

    app.config.update(REDIS_URL=redis_url, FOLLOW_UP_PER_SECOND=2.0)
    for n in range(1, 6):
        register(app, f"+1773555010{n}")
    assert follow_up(app, as_role("editor")).status_code == 302  # the page starts the chain after its commit
    assert "The worker is sending" in cli("staff", "send-follow-ups").output  # a second start joins it
    batches = []
    with app.app_context():
        queue = text_queue()
        assert queue.count == 1  # one chain, however many starts
        scheduler = RQScheduler([queue], connection=queue.connection)
        assert scheduler.acquire_locks()  # as `rq worker --with-scheduler` does
        try:
            for _batch in range(10):
                sent_before = len(twilio.sent)
                work_burst(queue)
                batches.append(len(twilio.sent) - sent_before)
                if not ScheduledJobRegistry(queue=queue).count:
                    break
                time.sleep(1.05)  # the next batch is due a second later: the scheduler moves it to the queue
                scheduler.enqueue_scheduled_jobs()
        finally:
            scheduler.release_locks()
    assert batches == [2, 2, 1]  # texts are sent in batches of 2, one batch per second
    assert sorted(t["To"] for t in twilio.sent) == [f"+1773555010{n}" for n in range(1, 6)]


def test_the_cli_refuses_a_pace_of_zero(app, cli):
    app.config["FOLLOW_UP_PER_SECOND"] = 0
    result = cli("staff", "send-follow-ups")
    assert result.exit_code != 0 and "FOLLOW_UP_PER_SECOND" in result.output


def test_delivery_reported_by_twilio_shows_on_the_fair_page(app, as_role, twilio):
    register(app, "+17735550101")
    register(app, "+17735550102")
    editor = as_role("editor")
    assert follow_up(app, editor).status_code == 302
    send_due(app)
    with app.app_context(), unit_of_work():
        sids = dict(
            db.session.execute(select(CampaignRecipient.phone, Message.sid).join(Message, Message.id == CampaignRecipient.message_id)).all()
        )
        assert record_status(sids["+17735550101"], "delivered", None)
        assert record_status(sids["+17735550102"], "undelivered", 30003)
    page = editor.get(f"/staff/fairs/{ids(app)['fair']}").get_data(as_text=True)
    assert counted(page, "Sent") == 2  # both families' texts left
    assert counted(page, "Delivered") == 1 and counted(page, "Not delivered") == 1 and counted(page, "Queued") is None
    assert counted(page, "The phone is switched off or out of reach (30003)") == 1  # what the error means, for staff


def test_a_second_follow_up_within_24_hours_is_refused(app, as_role):
    register(app, "+17735550101")
    editor = as_role("editor")
    assert follow_up(app, editor).status_code == 302
    response = follow_up(app, editor, "Another one")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "less than 24 hours ago" in html and 'id="follow-up-error"' in html
    assert ">Another one</textarea>" in html
    assert count(app, Campaign) == 1 and count(app, CampaignRecipient) == 1
    with app.app_context(), unit_of_work():
        kiosk_follow_up = services.start_follow_up(
            the_fair(app), "A day later", "editor@office.example.org", datetime.now(UTC) + timedelta(hours=25)
        )
        assert kiosk_follow_up.id
    assert count(app, Campaign) == 2


@pytest.mark.parametrize(
    ("body", "says"),
    [("", "Write the text to send."), ("  \r\n ", "Write the text to send."), ("x" * 641, "at most 640 characters; this one has 641")],
)
def test_a_follow_up_needs_a_text_of_at_most_640_characters(app, as_role, body, says):
    register(app, "+17735550101")
    response = follow_up(app, as_role("editor"), body)
    assert response.status_code == 400 and says in response.get_data(as_text=True)
    assert count(app, Campaign) == 0


def test_a_follow_up_of_640_characters_with_line_breaks_is_accepted(app, as_role):
    register(app, "+17735550101")
    body = "y" * 320 + "\r\n" + "y" * 319  # the browser sends CRLF: one character for each line break
    assert follow_up(app, as_role("editor"), body).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Campaign.body)) == "y" * 320 + "\n" + "y" * 319


@pytest.mark.parametrize("why", ["no consent", "opted out"])
def test_a_follow_up_nobody_would_get_is_refused(app, as_role, why):
    register(app, "+17735550101", consent=why == "opted out")
    with app.app_context(), unit_of_work():
        opt_out("+17735550101")
    response = follow_up(app, as_role("editor"))
    assert response.status_code == 400 and "Nobody would get this text" in response.get_data(as_text=True)
    assert count(app, Campaign) == 0


# --- reminders: follow-ups scheduled for later ---------------------------------------------------


def test_a_scheduled_follow_up_waits_for_its_time_then_goes(app, as_role, twilio, cli):
    app.config["FOLLOW_UP_PER_SECOND"] = 1000.0
    register(app, "+17735550101")
    register(app, "+17735550102")
    editor = as_role("editor")
    when = (datetime.now(UTC) + timedelta(days=2)).replace(second=0, microsecond=0)
    response = follow_up(app, editor, "Applications close Friday.", in_form(when))
    assert response.status_code == 302 and "done=follow_up_scheduled" in response.location
    page = editor.get(response.location).get_data(as_text=True)
    assert "Follow-up scheduled." in page and "Scheduled for" in page and "(UTC)" in page
    assert "Cancel this follow-up" in page and counted(page, "Waiting to be sent") == 2
    with app.app_context():
        assert campaigns.as_utc(db.session.scalar(select(Campaign.send_at))) == when

    assert send_due(app, now=when - timedelta(seconds=1)) == {}  # not a second early
    assert "Sent 0 follow-up texts" in cli("sms", "send-campaigns").output
    with app.app_context():
        assert campaigns.send_due_here(1000.0, sleep=lambda _s: None, clock=lambda: when - timedelta(minutes=1)) == {}
        assert not campaigns.has_due(when - timedelta(seconds=1)) and campaigns.has_due(when)
    assert twilio.sent == []

    with app.app_context():
        assert campaigns.send_due_here(1000.0, sleep=lambda _s: None, clock=lambda: when + timedelta(seconds=30)) == {"sent": 2}
    assert sorted(text["To"] for text in twilio.sent) == ["+17735550101", "+17735550102"]
    assert {text["Body"] for text in twilio.sent} == {"Applications close Friday."}


def test_the_send_time_is_read_in_the_configured_time_zone_and_said_on_the_form(app, as_role):
    app.config["BABEL_DEFAULT_TIMEZONE"] = "America/Chicago"
    register(app, "+17735550101")
    editor = as_role("editor")
    assert "date and time in America/Chicago" in editor.get(f"/staff/fairs/{ids(app)['fair']}").get_data(as_text=True)
    local = (datetime.now(ZoneInfo("America/Chicago")) + timedelta(days=3)).replace(hour=9, minute=30, second=0, microsecond=0)
    assert follow_up(app, editor, send_at=local.strftime("%Y-%m-%dT%H:%M")).status_code == 302
    with app.app_context():
        assert campaigns.as_utc(db.session.scalar(select(Campaign.send_at))) == local.astimezone(UTC)


@pytest.mark.parametrize(
    ("send_at", "says"),
    [
        ("next tuesday", "Enter the date and time like 2026-03-01 18:30"),
        ("2027-01-01", "Enter the date and time like 2026-03-01 18:30"),
        ("2020-01-01T09:00", "This time has passed."),
        ("far", "at most 60 days ahead"),
    ],
)
def test_a_bad_send_time_is_explained_next_to_it_and_the_text_is_kept(app, as_role, send_at, says):
    register(app, "+17735550101")
    if send_at == "far":
        send_at = in_form(datetime.now(UTC) + timedelta(days=61))
    response = follow_up(app, as_role("editor"), "Reminder: applications close Friday.", send_at)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and says in html and 'id="follow-up-send-at-error"' in html
    assert ">Reminder: applications close Friday.</textarea>" in html and f'value="{send_at}"' in html
    assert count(app, Campaign) == 0


def test_an_office_user_cancels_a_scheduled_follow_up_and_nobody_gets_it(app, as_role, twilio):
    register(app, "+17735550101")
    register(app, "+17735550102")
    opt_out_later = "+17735550102"
    with app.app_context(), unit_of_work():
        opt_out(opt_out_later)
    editor = as_role("editor")
    when = datetime.now(UTC) + timedelta(days=1)
    assert follow_up(app, editor, "Reminder", in_form(when)).status_code == 302
    with app.app_context():
        campaign_id = db.session.scalar(select(Campaign.id))
    base = f"/staff/fairs/{ids(app)['fair']}/follow-ups/{campaign_id}/cancel"
    response = post(editor, base)
    assert response.status_code == 302 and "done=follow_up_cancelled" in response.location
    page = editor.get(response.location).get_data(as_text=True)
    assert "Scheduled follow-up cancelled" in page and "Cancelled " in page and "by editor@office.example.org" in page
    assert "Cancel this follow-up" not in page and counted(page, "Cancelled, not texted") == 1
    assert recipients(app) == {"+17735550101": "cancelled", opt_out_later: "opted_out"}
    assert send_due(app, now=when + timedelta(days=1)) == {} and twilio.sent == []

    again = post(editor, base)  # cancelled already
    assert again.status_code == 400 and "can no longer be cancelled" in again.get_data(as_text=True)
    assert post(editor, f"/staff/fairs/{ids(app)['fair']}/follow-ups/999/cancel").status_code == 404
    # the cancelled one no longer holds its day: another can go at the same time
    assert follow_up(app, editor, "Reminder, again", in_form(when)).status_code == 302


def test_a_follow_up_whose_time_has_come_can_no_longer_be_cancelled(app):
    register(app, "+17735550101")
    start = datetime.now(UTC)
    with app.app_context(), unit_of_work():
        campaign = services.start_follow_up(
            the_fair(app), "Reminder", "editor@office.example.org", start, send_at=start + timedelta(hours=1)
        )
        campaign_id = campaign.id
    with app.app_context(), unit_of_work():
        with pytest.raises(FollowUpError, match="no longer be cancelled"):
            services.cancel_follow_up(the_fair(app), campaign_id, "editor@office.example.org", start + timedelta(hours=1))
        assert services.cancel_follow_up(the_fair(app), campaign_id, "editor@office.example.org", start + timedelta(minutes=59))


def test_the_day_between_follow_ups_counts_the_scheduled_ones(app, as_role):
    register(app, "+17735550101")
    editor = as_role("editor")
    in_two_days = datetime.now(UTC) + timedelta(days=2)
    assert follow_up(app, editor, "Reminder", in_form(in_two_days)).status_code == 302
    assert follow_up(app, editor, "Thank you for coming").status_code == 302  # now: two days before it

    refused = follow_up(app, editor, "Another reminder", in_form(in_two_days + timedelta(hours=20)))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "This fair has a follow-up scheduled for" in html and 'id="follow-up-send-at-error"' in html
    assert ">Another reminder</textarea>" in html
    after_the_sent_one = follow_up(app, editor, "Too soon after the first", in_form(datetime.now(UTC) + timedelta(hours=3)))
    assert after_the_sent_one.status_code == 400 and "less than 24 hours ago" in after_the_sent_one.get_data(as_text=True)
    assert follow_up(app, editor, "A day after it", in_form(in_two_days + timedelta(hours=24, minutes=1))).status_code == 302
    assert count(app, Campaign) == 3
    page = editor.get(f"/staff/fairs/{ids(app)['fair']}").get_data(as_text=True)
    assert page.count("Scheduled for") == 2 and page.index("A day after it") < page.index("Reminder") < page.index("Thank you for coming")
