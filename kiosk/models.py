"""Fairs, their booths, the kiosk devices enrolled at them, the registrations made there, and the
follow-up texts sent to those families."""

from datetime import UTC, date, datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


def _now() -> datetime:
    return datetime.now(UTC)


class Fair(db.Model):
    __tablename__ = "kiosk_fair"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date]

    booths: Mapped[list["Booth"]] = relationship(cascade="all, delete-orphan", order_by="Booth.label")


class Booth(db.Model):
    """A school's table at a fair, with the label on its sign ("B12")."""

    __tablename__ = "kiosk_booth"
    __table_args__ = (UniqueConstraint("fair_id", "school_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("kiosk_fair.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(16))


class KioskDevice(db.Model):
    """A screen at a fair. Staff create it with a one-time enrollment code; opening the enrollment
    link sets the device token in that browser. Only hashes of the code and token are stored."""

    __tablename__ = "kiosk_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("kiosk_fair.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    enrollment_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    enrolled_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    fair: Mapped[Fair] = relationship()


class Registration(db.Model):
    """A family's request for follow-up, made at a kiosk. `client_key` makes a resend harmless."""

    __tablename__ = "kiosk_registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_key: Mapped[str] = mapped_column(String(64), unique=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk_device.id", ondelete="SET NULL"), index=True)
    fair_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk_fair.id", ondelete="SET NULL"), index=True)
    parent_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    locale: Mapped[str] = mapped_column(String(8))
    grades: Mapped[list] = mapped_column(JSON)  # grade numbers, PK = -1, K = 0
    school_ids: Mapped[list] = mapped_column(JSON)
    needs: Mapped[list] = mapped_column(JSON)
    consent_texts: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(default=_now)


class FairFollowUp(db.Model):
    """A fair's follow-up text: the sms campaign (sms.campaigns) that went, or will go, to the
    families who registered at the fair and agreed to texts."""

    __tablename__ = "kiosk_fair_follow_up"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("sms_campaign.id", ondelete="CASCADE"), primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("kiosk_fair.id", ondelete="CASCADE"), index=True)
