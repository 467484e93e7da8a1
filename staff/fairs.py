"""Fairs as the enrollment office runs them: booths, kiosk screens, registrations and their numbers,
and the send time typed for a follow-up (the follow-ups themselves: kiosk.services). Flushes; never commits."""

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.extensions import db
from catalog.models import School
from catalog.vocabulary import N_
from kiosk import services as kiosk_services
from kiosk.follow_ups import Problem
from kiosk.models import Booth, Fair, KioskDevice, Registration
from staff.dashboard import PER_PAGE, Page

MAX_NAME = 200
MAX_PLACE = 300
MAX_LABEL = 16
MAX_DEVICE_NAME = 100
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def read_send_at(raw: str, zone: ZoneInfo) -> tuple[datetime | None, Problem | None]:
    """Read a follow-up's "Send at" (a date and time in `zone`, as a browser's date-and-time field
    sends it, or typed like 2026-03-01 18:30): the moment in that zone, None when left empty."""
    raw = raw.strip()[:32]
    if not raw:
        return None, None
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1)) if ":" in raw else None  # a date alone is not a time
    except ValueError:
        moment = None
    if moment is None:
        return None, Problem("send_at", N_("Enter the date and time like 2026-03-01 18:30, or leave “Send at” empty to send now."))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone), None


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
