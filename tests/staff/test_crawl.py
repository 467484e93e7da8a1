"""Every staff page, reached by following links as each role, with realistic data present: a
catalog imported from a real directory's sample, a proposal waiting, a family handed over by the
text bot, a fair with booths and registrations, an import report, a stale translation and an
account with a second factor.

No page answers 500 or logs an unhandled error."""

import logging
import uuid
from collections import Counter, deque
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pyotp
import pytest
from sqlalchemy import select
from werkzeug.exceptions import MethodNotAllowed, NotFound

from app.db import unit_of_work
from app.extensions import db
from catalog.services import publish_listing, set_translation
from kiosk import services as kiosk_services
from kiosk.models import Fair, KioskDevice
from kiosk.registration import RegistrationInput
from sms.handoff import open_handoffs
from sms.services import handle_inbound
from staff import accounts, imports, proposals
from staff import fairs as staff_fairs
from staff.models import Proposal
from staff.translations import coverage
from tests.conftest import FIXTURES
from tests.staff.conftest import ROLE_EMAILS

LINKS_PER_KIND = 15  # bounds the crawl: the listings alone would be hundreds of pages
MOST_PAGES = 600
FAMILY = "+17735550123"
SECOND_FACTOR_EMAIL = "app.user@office.example.org"


class Links(HTMLParser):
    """The href of every <a> on a page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.found.append(href)


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.found


@pytest.fixture
def realistic(app):
    """Fill the demo catalog with the data staff meet on a working day; return the URLs it made."""
    rep_school = app.config["REP_SCHOOL"]
    with app.app_context(), unit_of_work():
        editor = accounts.find_user(ROLE_EMAILS["editor"])
        # Chicago's published directory (a sample of the real file), imported from the browser.
        cps = [("cps_sample.csv", (FIXTURES / "cps_sample.csv").read_bytes())]
        applied = imports.store_upload(editor, "cps", cps, None)
        imports.keep_report(applied, imports.apply_upload(applied, editor, partial=True), "import", datetime.now(UTC))
        waiting = imports.store_upload(editor, "cps", cps, None)  # checked, not imported yet
        imports.keep_report(waiting, imports.dry_run(waiting), "check", datetime.now(UTC))
        running = imports.store_upload(editor, "cps", cps, None)  # being imported by a worker
        running.working, running.working_since = "import", datetime.now(UTC)
        # A school representative's proposal, waiting for an editor.
        row = proposals.current_row(rep_school)
        proposal, _problems = proposals.propose(
            rep_school, {**row, "phone": "(773) 535-0000", "school_bus": "yes"}, ROLE_EMAILS["school_rep"]
        )
        # An English summary translated into Vietnamese, then changed: the translation is stale.
        publish_listing(rep_school, {**row, "summary": "A small neighborhood school with a garden."}, ROLE_EMAILS["editor"])
        set_translation(rep_school, "summary", "vi", "Một trường nhỏ trong khu phố, có vườn.", ROLE_EMAILS["translator"])
        changed = proposals.current_row(rep_school)
        publish_listing(rep_school, {**changed, "summary": "A small school with a garden and a library."}, ROLE_EMAILS["editor"])
        # A family texting the bot, then asking for a person: handed over to the inbox.
        handle_inbound(FAMILY, "hola, busco kinder cerca de 60637", "SM" + uuid.uuid4().hex)
        handle_inbound(FAMILY, "quiero hablar con una persona", "SM" + uuid.uuid4().hex)
        # Families registered at the fair's screen, and a follow-up text to them.
        fair = db.session.scalar(select(Fair).order_by(Fair.id))
        screen = db.session.scalar(select(KioskDevice).where(KioskDevice.fair_id == fair.id))
        booths = [booth.school_id for booth, _name in staff_fairs.booths_of(fair)]
        for n, (name, locale) in enumerate((("Ana Pérez", "es"), ("Nguyễn Văn An", "vi"), ("Amina Yusuf", "so"))):
            values = RegistrationInput(uuid.uuid4().hex, name, f"+1773555020{n}", locale, (0, 3), tuple(booths[n : n + 2]), ("sped",), True)
            kiosk_services.register(screen, values)
        kiosk_services.start_follow_up(fair, "Thank you for visiting the fair!", ROLE_EMAILS["editor"], datetime.now(UTC))
        # A colleague who signs in with an authenticator app: the accounts page offers to turn it off.
        colleague = accounts.create_user(SECOND_FACTOR_EMAIL, accounts.temporary_password(), "editor")
        secret = accounts.new_totp_secret()
        assert accounts.enable_totp(colleague, secret, pyotp.TOTP(secret).now())
        return {
            "proposal": f"/staff/proposals/{proposal.id}",
            "import_report": f"/staff/import/{waiting.id}",
            "import_applied": f"/staff/import/{applied.id}",
            "import_running": f"/staff/import/{running.id}",
            "fair": f"/staff/fairs/{fair.id}",
            "stale_translation": f"/staff/schools/{rep_school}/translations/vi",
        }


def crawl(app, client, start: list[str]) -> tuple[dict[str, int], Counter]:
    """Follow every same-origin /staff/ link (GET only) from `start`, breadth first: URL → status,
    and pages per endpoint. Each kind of link (from pages of one endpoint to pages of another) is
    followed at most LINKS_PER_KIND times, so the hundreds of listings are sampled, not all opened."""
    adapter = app.url_map.bind("localhost")

    def endpoint_of(path: str) -> str:
        try:
            return adapter.match(path, method="GET")[0]
        except (NotFound, MethodNotAllowed):
            return "(none)"

    seen: dict[str, int] = {}
    per_endpoint: Counter = Counter()
    per_kind: Counter = Counter()
    queue = deque(("(start)", url) for url in start)
    while queue and len(seen) < MOST_PAGES:
        source, url = queue.popleft()
        url = urldefrag(url).url
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/staff/") or url in seen:
            continue
        endpoint = endpoint_of(parts.path)
        if endpoint == "staff.static" or per_kind[source, endpoint] >= LINKS_PER_KIND:
            continue
        per_kind[source, endpoint] += 1
        per_endpoint[endpoint] += 1
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code in (301, 302, 303):
            queue.append((endpoint, response.location))
        elif response.mimetype == "text/html":
            queue.extend((endpoint, link) for link in links_of(response.get_data(as_text=True)))
    return seen, per_endpoint


# What each role must have reached, beyond its home page, for the crawl to have meant something.
MUST_REACH = {
    "admin": {
        "staff.proposal_list",
        "staff.proposal_review",
        "staff.inbox",
        "staff.fairs",
        "staff.fair",
        "staff.fair_registrations",
        "staff.fair_registrations_csv",
        "staff.fair_numbers",
        "staff.import_upload",
        "staff.import_report",
        "staff.translation_coverage",
        "staff.translation_queue",
        "staff.translate_school",
        "staff.schools",
        "staff.unverified",
        "staff.edit_school",
        "staff.school_history",
        "staff.new_school",
        "staff.users",
        "staff.change_password",
        "staff.totp_setup",
    },
    "editor": {
        "staff.proposal_list",
        "staff.proposal_review",
        "staff.inbox",
        "staff.fair",
        "staff.fair_registrations",
        "staff.fair_numbers",
        "staff.import_report",
        "staff.translation_queue",
        "staff.translate_school",
        "staff.edit_school",
        "staff.school_history",
    },
    "school_rep": {"staff.proposal_list", "staff.schools", "staff.edit_school", "staff.school_history", "staff.unverified"},
    "translator": {"staff.translation_coverage", "staff.translation_queue", "staff.translate_school", "staff.schools"},
}
FEWEST_PAGES = {"admin": 100, "editor": 100, "school_rep": 8, "translator": 40}  # a school representative sees one school
SEES_DATA = {  # the pages of the realistic data each role may open
    "admin": ("proposal", "import_report", "import_applied", "import_running", "fair", "stale_translation"),
    "editor": ("proposal", "import_report", "import_applied", "import_running", "fair", "stale_translation"),
    "school_rep": (),
    "translator": ("stale_translation",),
}


@pytest.mark.parametrize("role", ["admin", "editor", "school_rep", "translator"])
def test_every_staff_page_a_role_can_reach_renders_with_realistic_data(app, as_role, realistic, role, caplog):
    client = as_role(role)
    caplog.set_level(logging.ERROR)
    # The import report is reached from the upload's redirect, not from a link: start there too.
    uploads = [realistic[name] for name in ("import_report", "import_applied", "import_running")]
    seen, per_endpoint = crawl(app, client, ["/staff/", *uploads])
    failures = {url: status for url, status in seen.items() if status >= 500}
    assert failures == {}
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
    assert set(seen.values()) <= {200, 302, 403, 404}, {url: s for url, s in seen.items() if s not in (200, 302)}
    assert MUST_REACH[role] <= set(per_endpoint), MUST_REACH[role] - set(per_endpoint)
    assert FEWEST_PAGES[role] <= len(seen) < MOST_PAGES  # it ended by itself, having seen everything reachable
    for name in SEES_DATA[role]:
        assert seen.get(realistic[name]) == 200, name
    if role != "translator":
        assert "(773) 535-0000" in client.get("/staff/proposals").get_data(as_text=True)  # the waiting proposal, with its changes
    if role in ("admin", "editor"):
        assert FAMILY in client.get("/staff/inbox").get_data(as_text=True)
        assert "out of date" in client.get("/staff/translations/vi").get_data(as_text=True)
    if role in ("admin", "editor"):
        assert "Importing the file." in client.get(realistic["import_running"]).get_data(as_text=True)
    if role == "admin":
        colleague = accounts_page_row(client.get("/staff/users").get_data(as_text=True), SECOND_FACTOR_EMAIL)
        assert "/reset-second-factor" in colleague


def accounts_page_row(page: str, email: str) -> str:
    """The row of the accounts page that names this email."""
    return page.split(f'<th scope="row">{email}')[1].split("</tr>")[0]


def test_the_crawl_data_is_what_it_says(app, realistic):
    """The fixture made what the crawl relies on (a stale translation, a hand-over, registrations)."""
    with app.app_context():
        assert db.session.scalar(select(Proposal.status)) == "pending"
        assert [(waiting.handoff.phone, waiting.locale) for waiting in open_handoffs()] == [(FAMILY, "es")]
        [vietnamese] = coverage(["vi"])
        assert vietnamese.stale == 1
        fair = db.session.scalar(select(Fair).order_by(Fair.id))
        assert len(staff_fairs.all_registrations(fair)) == 3
        assert accounts.find_user(SECOND_FACTOR_EMAIL).totp_token is not None
