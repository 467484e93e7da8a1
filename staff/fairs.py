"""Fairs as the enrollment office runs them: booths, kiosk screens, registrations and their numbers,
and follow-up texts to the families who agreed to them. Flushes; never commits."""

import csv
import dataclasses
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, update

from app.extensions import db
from catalog.models import School
from catalog.vocabulary import N_
from kiosk import services as kiosk_services
from kiosk.models import Booth, Fair, KioskDevice, Registration
from sms.models import Message
from sms.outbound import send
from sms.services import is_opted_out
from staff.dashboard import PER_PAGE, Page
from staff.models import FollowUp, FollowUpRecipient

MAX_NAME = 200
MAX_PLACE = 300
MAX_LABEL = 16
MAX_DEVICE_NAME = 100
MAX_FOLLOW_UP = 640
FOLLOW_UP_GAP = timedelta(hours=24)  # at most one follow-up a day per fair, so families are not flooded
# A text that never left counts as failed; one to a number that texted STOP, as opted out.
STATUS_OF_MESSAGE = {"opted_out": "opted_out", "failed": "failed", "not_configured": "failed"}
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Problem:
    """Why a form was refused: `message` is a message id, translated where it is shown, then filled with `params`."""

    field: str
    message: str
    params: dict = dataclasses.field(default_factory=dict)


class FairError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class FairInput:
    name: str
    place: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class FairRow:
    fair: Fair
    booths: int
    devices: int
    registrations: int


@dataclass(frozen=True)
class FairNumbers:
    """How many registered, by language, grade, need and school of interest: counts only, nobody's details."""

    registrations: int
    consenting: int
    locales: Counter
    grades: Counter
    needs: Counter
    schools: Counter


@dataclass(frozen=True)
class FollowUpSummary:
    follow_up: FollowUp
    statuses: Counter  # recipient status → families
    deliveries: Counter  # the delivery status Twilio reported for their texts → texts
    problems: Counter  # Twilio's error code for texts that did not reach the family → texts


def _date(form: Mapping[str, str], name: str, problems: list[Problem]) -> date | None:
    raw = form.get(name, "").strip()[:32]
    if not raw:
        problems.append(Problem(name, N_("Enter a date.")))
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        problems.append(Problem(name, N_("Enter the date like 2026-03-01.")))
        return None


def read_fair(form: Mapping[str, str]) -> tuple[FairInput | None, list[Problem]]:
    """Read the new-fair form: the fair, or None and what is wrong with each field."""
    name, place = form.get("name", "").strip(), form.get("place", "").strip()
    problems: list[Problem] = []
    if not name:
        problems.append(Problem("name", N_("Enter the fair's name.")))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", N_("This can be at most %(limit)d characters."), {"limit": MAX_NAME}))
    if len(place) > MAX_PLACE:
        problems.append(Problem("place", N_("This can be at most %(limit)d characters."), {"limit": MAX_PLACE}))
    starts_on, ends_on = _date(form, "starts_on", problems), _date(form, "ends_on", problems)
    if starts_on and ends_on and ends_on < starts_on:
        problems.append(Problem("ends_on", N_("The fair cannot end before it starts.")))
    if problems:
        return None, problems
    return FairInput(name, place, starts_on, ends_on), []


def create_fair(values: FairInput) -> Fair:
    return kiosk_services.create_fair(values.name, values.starts_on, values.ends_on, place=values.place)


def _counts_by_fair(column) -> dict[int, int]:
    return dict(db.session.execute(select(column, func.count()).where(column.is_not(None)).group_by(column)).all())


def fair_rows() -> list[FairRow]:
    """Every fair, newest first, with how many booths, screens and registrations it has."""
    fairs = db.session.scalars(select(Fair).order_by(Fair.starts_on.desc(), Fair.id.desc()))
    booths, devices = _counts_by_fair(Booth.fair_id), _counts_by_fair(KioskDevice.fair_id)
    registrations = _counts_by_fair(Registration.fair_id)
    return [FairRow(fair, booths.get(fair.id, 0), devices.get(fair.id, 0), registrations.get(fair.id, 0)) for fair in fairs]


def get_fair(fair_id: int) -> Fair | None:
    return db.session.get(Fair, fair_id)


def _natural(label: str) -> list:
    """Sort "A2" before "A10", as the signs at the fair read."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", label)]


def booths_of(fair: Fair) -> list[tuple[Booth, str]]:
    """The fair's booths with their schools' names, in the order of their labels."""
    rows = db.session.execute(select(Booth, School.name).join(School, School.id == Booth.school_id).where(Booth.fair_id == fair.id)).all()
    return sorted(((booth, name) for booth, name in rows), key=lambda row: (_natural(row[0].label), row[1]))


def booth_of(fair: Fair, booth_id: int) -> Booth | None:
    return db.session.scalar(select(Booth).where(Booth.id == booth_id, Booth.fair_id == fair.id))


def _label(raw: str) -> str:
    label = raw.strip()
    if not label:
        raise FairError(Problem("label", N_("Enter the label on the booth's sign, like B12.")))
    if len(label) > MAX_LABEL:
        raise FairError(Problem("label", N_("This can be at most %(limit)d characters."), {"limit": MAX_LABEL}))
    return label


def add_booth(fair: Fair, school_id: str, label: str) -> Booth:
    """Give a school a booth at the fair; refuse an unknown school or one that already has a booth."""
    school_id = school_id.strip()[:64]
    if not school_id or db.session.get(School, school_id) is None:
        raise FairError(
            Problem("school_id", N_("No school has the id “%(id)s”. The Listings page shows each school's id."), {"id": school_id})
        )
    existing = db.session.scalar(select(Booth).where(Booth.fair_id == fair.id, Booth.school_id == school_id))
    if existing is not None:
        raise FairError(
            Problem("school_id", N_("This school already has booth %(label)s; change its label below."), {"label": existing.label})
        )
    return kiosk_services.set_booth(fair, school_id, _label(label))


def relabel_booth(booth: Booth, label: str) -> None:
    booth.label = _label(label)
    db.session.flush()


def remove_booth(booth: Booth) -> None:
    db.session.delete(booth)
    db.session.flush()


def devices_of(fair: Fair) -> list[KioskDevice]:
    return list(db.session.scalars(select(KioskDevice).where(KioskDevice.fair_id == fair.id).order_by(KioskDevice.id)))


def device_of(fair: Fair, device_id: int) -> KioskDevice | None:
    return db.session.scalar(select(KioskDevice).where(KioskDevice.id == device_id, KioskDevice.fair_id == fair.id))


def add_device(fair: Fair, name: str) -> tuple[KioskDevice, str]:
    """Create a kiosk screen for the fair: the screen and its one-time enrollment code."""
    name = name.strip()
    if not name:
        raise FairError(Problem("device_name", N_("Name the screen, like “Entrance, left”.")))
    if len(name) > MAX_DEVICE_NAME:
        raise FairError(Problem("device_name", N_("This can be at most %(limit)d characters."), {"limit": MAX_DEVICE_NAME}))
    return kiosk_services.add_device(fair, name)


def revoke_device(device: KioskDevice) -> None:
    """Stop a screen from registering families (revoking twice keeps the first time)."""
    if device.revoked_at is None:
        kiosk_services.revoke(device)


def _registrations(fair: Fair):
    return select(Registration).where(Registration.fair_id == fair.id).order_by(Registration.created_at.desc(), Registration.id.desc())


def registrations_page(fair: Fair, page: int) -> Page:
    total = db.session.scalar(select(func.count()).select_from(Registration).where(Registration.fair_id == fair.id))
    items = list(db.session.scalars(_registrations(fair).limit(PER_PAGE).offset((page - 1) * PER_PAGE)))
    return Page(items, total, page)


def all_registrations(fair: Fair) -> list[Registration]:
    return list(db.session.scalars(_registrations(fair)))


def school_names(school_ids: Iterable[str]) -> dict[str, str]:
    """School id → name (a school since removed from the catalog is missing)."""
    ids = list(set(school_ids))
    return dict(db.session.execute(select(School.id, School.name).where(School.id.in_(ids))).all()) if ids else {}


def numbers(fair: Fair) -> FairNumbers:
    rows = db.session.execute(
        select(Registration.locale, Registration.grades, Registration.needs, Registration.school_ids, Registration.consent_texts).where(
            Registration.fair_id == fair.id
        )
    ).all()
    locales, grades, needs, schools, consenting = Counter(), Counter(), Counter(), Counter(), 0
    for locale, its_grades, its_needs, its_schools, consent in rows:
        locales[locale] += 1
        grades.update(set(its_grades))
        needs.update(set(its_needs))
        schools.update(set(its_schools))
        consenting += consent
    return FairNumbers(len(rows), consenting, locales, grades, needs, schools)


def csv_cell(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (a name typed as "=HYPERLINK(…)")."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in (header, *rows):
        writer.writerow([csv_cell(str(cell)) for cell in row])
    return out.getvalue()


def follow_up_audience(fair: Fair) -> dict[str, int]:
    """Phone → registration for every number whose newest registration at the fair agreed to texts."""
    rows = db.session.execute(
        select(Registration.phone, Registration.id, Registration.consent_texts)
        .where(Registration.fair_id == fair.id)
        .order_by(Registration.created_at, Registration.id)
    ).all()
    newest = {phone: (registration_id, consent) for phone, registration_id, consent in rows}  # a later choice overrides an earlier one
    return {phone: registration_id for phone, (registration_id, consent) in newest.items() if consent}


def reachable(fair: Fair) -> int:
    """How many numbers a follow-up would text now: they agreed to texts and have not opted out since."""
    return sum(1 for phone in follow_up_audience(fair) if not is_opted_out(phone))


def start_follow_up(fair: Fair, body: str, author: str, now: datetime) -> FollowUp:
    """Queue a text to every number that agreed to texts at the fair; numbers that opted out are marked, not texted."""
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise FairError(Problem("body", N_("Write the text to send.")))
    if len(text) > MAX_FOLLOW_UP:
        too_long = N_("A follow-up can be at most %(limit)d characters; this one has %(count)d.")
        raise FairError(Problem("body", too_long, {"limit": MAX_FOLLOW_UP, "count": len(text)}))
    last = db.session.scalar(
        select(func.max(FollowUp.created_at)).where(FollowUp.fair_id == fair.id, FollowUp.created_at > now - FOLLOW_UP_GAP)
    )
    if last is not None:
        too_soon = N_("This fair's families got a follow-up less than 24 hours ago. The next one can go after %(when)s.")
        raise FairError(Problem("body", too_soon, {"when": last + FOLLOW_UP_GAP}))
    audience = follow_up_audience(fair)
    opted_out = {phone for phone in audience if is_opted_out(phone)}
    if len(opted_out) == len(audience):
        nobody = N_("Nobody would get this text: no family at this fair agreed to texts, or all who did have opted out since.")
        raise FairError(Problem("body", nobody))
    follow_up = FollowUp(fair_id=fair.id, body=text, author=author, created_at=now)
    for phone, registration_id in audience.items():
        recipient = FollowUpRecipient(phone=phone, registration_id=registration_id, status="pending")
        if phone in opted_out:
            # `sent_at` marks it handled, so the retention purge removes it like the texts sent.
            recipient.status, recipient.sent_at = "opted_out", now
        follow_up.recipients.append(recipient)
    db.session.add(follow_up)
    db.session.flush()
    return follow_up


def send_pending(limit: int, pace: Callable[[], None] = lambda: None) -> Counter:
    """Send up to `limit` waiting follow-up texts; count them by the status they end in.

    `pace` is called before each text (the CLI's throttle).
    """
    waiting = db.session.execute(
        select(FollowUpRecipient, FollowUp.body)
        .join(FollowUp, FollowUp.id == FollowUpRecipient.follow_up_id)
        .where(FollowUpRecipient.status == "pending")
        .order_by(FollowUpRecipient.id)
        .limit(limit)
    ).all()
    outcome = Counter()
    for recipient, body in waiting:
        pace()
        # Claim the row before texting: a second sender running at the same time waits for this
        # transaction, then finds it no longer pending, so no family gets the text twice.
        claim = update(FollowUpRecipient).where(FollowUpRecipient.id == recipient.id, FollowUpRecipient.status == "pending")
        if db.session.execute(claim.values(status="sending").execution_options(synchronize_session=False)).rowcount != 1:
            continue
        message = send(recipient.phone, body)
        recipient.status = STATUS_OF_MESSAGE.get(message.status, "sent")
        recipient.message_id, recipient.sent_at = message.id, datetime.now(UTC)
        outcome[recipient.status] += 1
    db.session.flush()
    return outcome


def follow_ups_of(fair: Fair) -> list[FollowUpSummary]:
    """The fair's follow-ups, newest first, with their families counted by status and their texts by delivery."""
    follow_ups = list(
        db.session.scalars(select(FollowUp).where(FollowUp.fair_id == fair.id).order_by(FollowUp.created_at.desc(), FollowUp.id.desc()))
    )
    ids = [follow_up.id for follow_up in follow_ups]
    statuses = db.session.execute(
        select(FollowUpRecipient.follow_up_id, FollowUpRecipient.status, func.count())
        .where(FollowUpRecipient.follow_up_id.in_(ids))
        .group_by(FollowUpRecipient.follow_up_id, FollowUpRecipient.status)
    ).all()
    deliveries = db.session.execute(
        select(FollowUpRecipient.follow_up_id, Message.status, func.count())
        .join(Message, Message.id == FollowUpRecipient.message_id)
        .where(FollowUpRecipient.follow_up_id.in_(ids))
        .group_by(FollowUpRecipient.follow_up_id, Message.status)
    ).all()
    problems = db.session.execute(
        select(FollowUpRecipient.follow_up_id, Message.error_code, func.count())
        .join(Message, Message.id == FollowUpRecipient.message_id)
        .where(FollowUpRecipient.follow_up_id.in_(ids), Message.error_code.is_not(None), Message.status.in_(("undelivered", "failed")))
        .group_by(FollowUpRecipient.follow_up_id, Message.error_code)
    ).all()
    summaries = {follow_up.id: FollowUpSummary(follow_up, Counter(), Counter(), Counter()) for follow_up in follow_ups}
    for follow_up_id, status, count in statuses:
        summaries[follow_up_id].statuses[status] += count
    for follow_up_id, status, count in deliveries:
        summaries[follow_up_id].deliveries[status] += count
    for follow_up_id, code, count in problems:
        summaries[follow_up_id].problems[code] += count
    return list(summaries.values())
