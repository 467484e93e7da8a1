"""Fairs, booths and kiosk devices, registrations, and the follow-up texts to those families (the
rules in kiosk.follow_ups; the texts sent as sms campaigns). Flushes; never commits."""

import hashlib
import secrets
import statistics
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.db import delete_batch
from app.extensions import db
from catalog import zip_table
from catalog.models import School
from catalog.queries import example_zip
from catalog.vocabulary import N_
from kiosk import follow_ups as rules
from kiosk.follow_ups import FollowUpError, Problem
from kiosk.models import Booth, Fair, FairFollowUp, KioskDevice, Registration
from kiosk.registration import RegistrationInput
from sms import campaigns


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


# --- follow-up texts ----------------------------------------------------------------------------


def follow_up_audience(fair: Fair) -> list[str]:
    """The numbers a follow-up of the fair goes to: each one whose newest registration there agreed to texts."""
    rows = db.session.execute(
        select(Registration.phone, Registration.consent_texts)
        .where(Registration.fair_id == fair.id)
        .order_by(Registration.created_at, Registration.id)
    ).all()
    return rules.audience((phone, consent) for phone, consent in rows)


def reachable(fair: Fair) -> int:
    """How many numbers a follow-up would text now: they agreed to texts and have not opted out since."""
    phones = follow_up_audience(fair)
    return len(phones) - len(campaigns.opted_out_among(phones))


def _follow_up_ids(fair: Fair) -> list[int]:
    return list(db.session.scalars(select(FairFollowUp.campaign_id).where(FairFollowUp.fair_id == fair.id)))


def start_follow_up(fair: Fair, body: str, author: str, now: datetime, send_at: datetime | None = None):
    """Have a text go to every number that agreed to texts at the fair, now or at `send_at` (a
    reminder); numbers that opted out are marked, not texted. Returns the sms campaign, linked to
    the fair. Raises FollowUpError saying which field is wrong and why."""
    text = rules.clean_body(body)
    when = rules.send_time(send_at, now)
    rules.check_gap(when, campaigns.send_times(_follow_up_ids(fair)), now, "body" if send_at is None else "send_at")
    audience = follow_up_audience(fair)
    if len(campaigns.opted_out_among(audience)) == len(audience):
        nobody = N_("Nobody would get this text: no family at this fair agreed to texts, or all who did have opted out since.")
        raise FollowUpError(Problem("body", nobody))
    campaign = campaigns.create_campaign(audience, text, author, now, send_at=when)
    db.session.add(FairFollowUp(fair_id=fair.id, campaign_id=campaign.id))
    db.session.flush()
    return campaign


def follow_ups_of(fair: Fair, now: datetime) -> list[campaigns.CampaignSummary]:
    """The fair's follow-ups, the latest send time first (scheduled ones on top), with their families
    counted by status and their texts by delivery."""
    found = campaigns.summaries(_follow_up_ids(fair), now)
    return sorted(found, key=lambda summary: (summary.campaign.send_at, summary.campaign.id), reverse=True)


def cancel_follow_up(fair: Fair, campaign_id: int, by: str, now: datetime) -> bool:
    """Cancel a follow-up of the fair scheduled for later; False when the fair has no such follow-up.
    Raises FollowUpError when it has started (its time has come) or was cancelled already."""
    link = db.session.scalar(select(FairFollowUp).where(FairFollowUp.fair_id == fair.id, FairFollowUp.campaign_id == campaign_id))
    if link is None:
        return False
    if not campaigns.cancel_campaign(campaign_id, by, now):
        started = N_(
            "This follow-up can no longer be cancelled: its time has come and its texts are going out, or it was cancelled already."
        )
        raise FollowUpError(Problem("cancel", started))
    return True


def purge_registrations(cutoff: datetime, size: int) -> int:
    """Retention: delete at most `size` registrations made before `cutoff`; how many. Flushes only."""
    return delete_batch(Registration.id, Registration.created_at < cutoff, size=size)
