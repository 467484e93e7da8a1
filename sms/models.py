"""Text conversations: every message in and out, the state per phone number, opt-outs, and campaigns
(one text to many numbers, now or at a set time)."""

from datetime import UTC, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


def _now() -> datetime:
    return datetime.now(UTC)


class Conversation(db.Model):
    __tablename__ = "sms_conversation"

    phone: Mapped[str] = mapped_column(String(20), primary_key=True)  # E.164
    locale: Mapped[str | None] = mapped_column(String(8))
    state: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)


class Message(db.Model):
    """One text, in or out. An inbound `sid` is Twilio's MessageSid: a retry finds it here."""

    __tablename__ = "sms_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(8))  # "in" | "out"
    phone: Mapped[str] = mapped_column(String(20), index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))  # received, ignored, limited, replied, queued, sent, delivered, undelivered, failed
    error_code: Mapped[int | None] = mapped_column()  # Twilio's error code for a failed outbound text
    error_reason: Mapped[str | None] = mapped_column(String(120))  # why it failed before reaching Twilio (timeout, no network)
    reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("sms_message.id"), index=True)  # a retry reads its replies
    created_at: Mapped[datetime] = mapped_column(default=_now)
    claimed_at: Mapped[datetime | None] = mapped_column()  # when a sender took it to hand to Twilio (sms.outbound.deliver)


class OptOut(db.Model):
    """A number that texted STOP (or that Twilio reported as unsubscribed, error 21610)."""

    __tablename__ = "sms_opt_out"

    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=_now)


class Handoff(db.Model):
    """A conversation handed over to a person: open until staff close it."""

    __tablename__ = "sms_handoff"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(String(16))  # "asked" | "not_understood"
    opened_at: Mapped[datetime] = mapped_column(default=_now)
    closed_at: Mapped[datetime | None] = mapped_column()


class Campaign(db.Model):
    """A text sent to a set of phone numbers (a fair's follow-up, a reminder): its body goes to each
    recipient from `send_at` on (the moment it was made, for one sent at once)."""

    __tablename__ = "sms_campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(default=_now)
    send_at: Mapped[datetime] = mapped_column(index=True)
    cancelled_at: Mapped[datetime | None] = mapped_column()
    cancelled_by: Mapped[str] = mapped_column(String(320), default="")

    recipients: Mapped[list["CampaignRecipient"]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignRecipient.id"
    )


class CampaignRecipient(db.Model):
    """One number a campaign goes to; `message_id` links the text sent, whose status Twilio reports.

    `status`: pending → sending → sent | opted_out | failed, or cancelled with its campaign. `sent_at`
    marks it handled (sent, refused, cancelled), so the retention purge removes it like the texts."""

    __tablename__ = "sms_campaign_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("sms_campaign.id", ondelete="CASCADE"), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("sms_message.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime | None] = mapped_column()

    campaign: Mapped[Campaign] = relationship(back_populates="recipients")
