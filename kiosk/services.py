"""Fairs, booths and kiosk devices, and registrations for follow-up. Flushes; never commits."""

import hashlib
import secrets
import statistics
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from catalog import zip_table
from catalog.models import School
from catalog.queries import example_zip
from kiosk.models import Booth, Fair, KioskDevice, Registration
from kiosk.registration import RegistrationInput


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_fair(name: str, starts_on: date, ends_on: date, place: str = "") -> Fair:
    fair = Fair(name=name, place=place, starts_on=starts_on, ends_on=ends_on)
    db.session.add(fair)
    db.session.flush()
    return fair


def set_booth(fair: Fair, school_id: str, label: str) -> Booth:
    """Put a school at a booth of a fair (or move it to another booth)."""
    booth = db.session.scalar(select(Booth).where(Booth.fair_id == fair.id, Booth.school_id == school_id))
    if booth is None:
        booth = Booth(fair_id=fair.id, school_id=school_id, label=label)
        db.session.add(booth)
    booth.label = label
    db.session.flush()
    return booth


def booth_labels(fair_id: int | None) -> dict[str, str]:
    """School id → booth label at a fair (none without a fair)."""
    if fair_id is None:
        return {}
    return dict(db.session.execute(select(Booth.school_id, Booth.label).where(Booth.fair_id == fair_id)).all())


def fair_center(fair_id: int | None) -> tuple[float, float] | None:
    """Where a fair is, for the offline copy its screens keep: the middle (median place) of its
    booths' schools; without booths, the centre of the catalog's busiest ZIP."""
    booths = select(School.lat, School.lon).join(Booth, Booth.school_id == School.id)
    places = db.session.execute(booths.where(Booth.fair_id == fair_id, School.lat.is_not(None))).all() if fair_id else []
    if places:
        return statistics.median(p.lat for p in places), statistics.median(p.lon for p in places)
    return zip_table.centroid(example_zip())


def add_device(fair: Fair, name: str) -> tuple[KioskDevice, str]:
    """Create a kiosk device and return it with its one-time enrollment code."""
    code = secrets.token_urlsafe(24)
    device = KioskDevice(fair_id=fair.id, name=name, enrollment_code_hash=_digest(code))
    db.session.add(device)
    db.session.flush()
    return device, code


def enroll(code: str) -> tuple[KioskDevice, str] | None:
    """Use an enrollment code once: return the device and its new token, or None."""
    device = db.session.scalar(select(KioskDevice).where(KioskDevice.enrollment_code_hash == _digest(code)))
    if device is None or device.revoked_at is not None:
        return None
    token = secrets.token_urlsafe(32)
    device.enrollment_code_hash, device.token_hash, device.enrolled_at = None, _digest(token), datetime.now(UTC)
    db.session.flush()
    return device, token


def device_for(token: str | None) -> KioskDevice | None:
    """The enrolled, unrevoked device a token belongs to, or None."""
    if not token or len(token) > 100:
        return None
    device = db.session.scalar(select(KioskDevice).where(KioskDevice.token_hash == _digest(token)))
    return device if device is not None and device.revoked_at is None else None


def revoke(device: KioskDevice) -> None:
    device.revoked_at = datetime.now(UTC)
    db.session.flush()


def existing_school_ids(ids) -> set[str]:
    ids = list(ids)[:50]
    return set(db.session.scalars(select(School.id).where(School.id.in_(ids)))) if ids else set()


def register(device: KioskDevice, values: RegistrationInput) -> tuple[Registration, bool]:
    """Store a registration once per client key: (registration, True if it is new)."""
    existing = db.session.scalar(select(Registration).where(Registration.client_key == values.client_key))
    if existing is not None:
        return existing, False
    registration = Registration(
        client_key=values.client_key,
        device_id=device.id,
        fair_id=device.fair_id,
        parent_name=values.parent_name,
        phone=values.phone,
        locale=values.locale,
        grades=list(values.grades),
        school_ids=list(values.school_ids),
        needs=list(values.needs),
        consent_texts=values.consent_texts,
    )
    try:
        with db.session.begin_nested():  # the same key sent twice at once: the second one finds the first
            db.session.add(registration)
    except IntegrityError:
        return db.session.scalar(select(Registration).where(Registration.client_key == values.client_key)), False
    return registration, True
