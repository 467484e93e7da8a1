"""Handling a text: log it, honour opt-outs, understand it, step the conversation, reply."""

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from typing import NamedTuple

import phonenumbers
from flask_babel import force_locale, format_decimal, get_translations
from sqlalchemy import bindparam, delete, exists, insert, select, update

from app.db import delete_batch, upsert_statement
from app.extensions import db
from catalog import zip_table
from catalog.cards import Card
from catalog.labels import current as current_labels
from catalog.models import School
from catalog.queries import example_zip, needs_offered, per_revision
from catalog.query import Query
from catalog.search import OutOfArea, cards, search_cards
from sms.engine import Found, Offer, next_locale, step
from sms.models import CampaignRecipient, Conversation, Handoff, Message, OptOut
from sms.replies import Reply, Translations, fill_to_fit, render, render_all
from sms.understand import SchoolNames, Understanding, parse


def storable(text: str) -> str:
    """Drop NUL characters, which PostgreSQL's text columns refuse (the rest of a text is kept)."""
    return text.replace("\x00", "")


@lru_cache(maxsize=65536)  # the same few thousand families text again and again
def normalize_phone(raw: str, region: str = "US") -> str:
    """Return a number in E.164 ("+17735551234"); keep the raw text if it is not a number."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return storable(raw.strip()[:20])
    if not phonenumbers.is_possible_number(number):
        return storable(raw.strip()[:20])
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _reader() -> Callable[[str, str | None], Understanding]:
    names = SchoolNames.build(list(db.session.execute(select(School.id, School.name))))
    # `parse` is pure, so its answers can be kept: families send the same "1", "MORE", "STOP"
    # and "hi" all day.
    return lru_cache(maxsize=8192)(lambda text, locale: parse(text, locale, schools=names))


def understand(text: str, locale: str | None) -> Understanding:
    """Read a text against the current catalog's school names."""
    return per_revision("sms_reader", _reader)(text, locale)


class CatalogForTexts:
    """The catalog as the conversation engine reads it (`sms.engine.Catalog`): the one search and
    the schools' cards, labelled in the current locale."""

    centroid_of = staticmethod(zip_table.centroid)

    @cached_property  # one step, one locale: its labels keep what they have labelled
    def labels(self):
        return current_labels()

    @staticmethod
    def search(query: Query) -> Found:
        try:
            result = search_cards(query)
        except OutOfArea as problem:
            return Found(0, out_of_area=problem.params["area"])
        labels = current_labels()
        return Found(
            total=result.total,
            hits=tuple((hit.card, hit.distance_km) for hit in result.hits),
            not_stated=tuple(labels.not_stated(need, by_sector, query) for need, by_sector in result.not_stated.items()),
            another_state=labels.another_state(result.another_state) if result.another_state else "",
            offers=tuple(
                Offer(r.total, drop=r.drop, label=labels.dropped_filter(r.drop, query)) if r.drop else Offer(r.total, radius_km=r.radius_km)
                for r in result.relaxations
            ),
        )

    @staticmethod
    def cards(school_ids: list[str]) -> list[Card]:
        return cards(school_ids)


def _with_catalog_examples(reply: Reply, translations: Translations) -> Reply:
    """Fill the help and welcome texts' examples from the loaded catalog: its own ZIP code, and
    only needs some school states (never "bus" where no school says it runs one), as many as fit."""
    if reply.key not in ("help", "welcome"):
        return reply
    labels = current_labels()
    needs = [labels.need(need) for need in needs_offered()]
    return fill_to_fit(replace(reply, values={"zip": example_zip()}), "needs", needs, labels.comma, translations, format_decimal)


def is_opted_out(phone: str) -> bool:
    return db.session.get(OptOut, phone) is not None


def opt_out(phone: str, now: datetime | None = None) -> None:
    """Stop texting a number (it texted STOP, or the carrier told Twilio so)."""
    if not is_opted_out(phone):
        db.session.add(OptOut(phone=phone, created_at=now or datetime.now(UTC)))
        db.session.flush()


# --- the texts and the conversation, in as few statements as a text allows ----------------
# A webhook call reads once (retry? opted out? the conversation) and writes once at the end, so
# the database's one writer (SQLite) is held only for the writes, never while a text is thought about.

MESSAGES, CONVERSATIONS, OPT_OUTS = Message.__table__, Conversation.__table__, OptOut.__table__


class Context(NamedTuple):
    """What is known of a sender before their text is answered."""

    retry_of: int | None  # the stored text with this MessageSid: Twilio is retrying
    opted_out: bool
    locale: str | None
    state: dict | None


_CONTEXT = select(
    select(MESSAGES.c.id).where(MESSAGES.c.sid == bindparam("sid")).scalar_subquery(),
    exists().where(OPT_OUTS.c.phone == bindparam("phone")),
    select(CONVERSATIONS.c.locale).where(CONVERSATIONS.c.phone == bindparam("phone")).scalar_subquery(),
    select(CONVERSATIONS.c.state).where(CONVERSATIONS.c.phone == bindparam("phone")).scalar_subquery(),
)
_SEND = insert(MESSAGES)
_REPLIES = select(MESSAGES.c.body).where(MESSAGES.c.reply_to_id == bindparam("id")).order_by(MESSAGES.c.id)


def _context(phone: str, sid: str | None) -> Context:
    retry_of, opted_out, locale, state = db.session.connection().execute(_CONTEXT, {"sid": sid, "phone": phone}).one()
    return Context(retry_of, bool(opted_out), locale, state)


def _replies_to(inbound_id: int) -> list[str]:
    """Return the replies stored for a text, to answer a retry exactly as before."""
    return list(db.session.connection().execute(_REPLIES, {"id": inbound_id}).scalars())


@lru_cache(maxsize=2)
def _writes(dialect: str):
    """The statements that store a text and its conversation, built once per database kind."""
    receive = upsert_statement(MESSAGES, dialect).on_conflict_do_nothing(index_elements=[MESSAGES.c.sid]).returning(MESSAGES.c.id)
    save = upsert_statement(CONVERSATIONS, dialect)
    save = save.on_conflict_do_update(
        index_elements=[CONVERSATIONS.c.phone],
        set_={"locale": save.excluded.locale, "state": save.excluded.state, "updated_at": save.excluded.updated_at},
    )
    return receive, save


def _store(phone: str, body: str, sid: str | None, status: str, now: datetime, replies: list[str]) -> bool:
    """Store a text and the replies to it; False (nothing stored) when its MessageSid came in meanwhile."""
    connection = db.session.connection()
    receive, _save = _writes(connection.dialect.name)
    values = {"sid": sid, "direction": "in", "phone": phone, "body": storable(body[:1600]), "status": status, "created_at": now}
    inbound_id = connection.execute(receive, values).scalar()
    if inbound_id is None:  # a concurrent retry of the same text stored it first
        return False
    if replies:
        outbound = {"direction": "out", "phone": phone, "status": "replied", "reply_to_id": inbound_id, "created_at": now}
        connection.execute(_SEND, [dict(outbound, body=text) for text in replies])
    return True


def _save_conversation(phone: str, locale: str, state: dict, now: datetime) -> None:
    connection = db.session.connection()
    _receive, save = _writes(connection.dialect.name)
    connection.execute(save, {"phone": phone, "locale": locale, "state": state, "updated_at": now})


def _hand_over(phone: str, reason: str, now: datetime) -> None:
    """Put the conversation in the staff inbox, unless it is already waiting there."""
    if db.session.scalar(select(Handoff.id).where(Handoff.phone == phone, Handoff.closed_at.is_(None))) is None:
        db.session.add(Handoff(phone=phone, reason=reason, opened_at=now))


def handle_rate_limited(phone: str, body: str, sid: str | None, now: datetime | None = None) -> list[str]:
    """Answer a sender over the rate limit politely, in their language, without running a search."""
    context = _context(phone, sid)
    if context.retry_of is not None:
        return _replies_to(context.retry_of)
    replies = []
    if not context.opted_out:
        with force_locale(context.locale or "en"):
            replies = [render(Reply("rate_limited"), get_translations())]
    _store(phone, body, sid, "limited", now or datetime.now(UTC), replies)
    return replies


def handle_inbound(phone: str, body: str, sid: str | None, now: datetime | None = None) -> list[str]:
    """Answer one inbound text: the reply texts (none for an opted-out number). Never commits."""
    context = _context(phone, sid)
    if context.retry_of is not None:  # Twilio retried: answer exactly as before, store nothing new
        return _replies_to(context.retry_of)
    now = now or datetime.now(UTC)
    understanding = understand(body, context.locale)
    if understanding.intent == "stop":
        opt_out(phone, now)
    elif understanding.intent == "start":
        db.session.execute(delete(OptOut).where(OptOut.phone == phone))
    elif context.opted_out:  # silence until START
        _store(phone, body, sid, "ignored", now, [])
        return []
    locale = next_locale(context.locale, understanding) or "en"  # the search is labelled in the reply's language
    with force_locale(locale):
        state, replies = step(context.state, understanding, now, CatalogForTexts())
    locale = state.get("locale") or locale
    with force_locale(locale):
        translations = get_translations()
        texts = [
            text for reply in replies for text in render_all(_with_catalog_examples(reply, translations), translations, format_decimal)
        ]
    if not _store(phone, body, sid, "received", now, texts):
        return texts
    _save_conversation(phone, locale, state, now)
    if any(reply.key == "human" for reply in replies):
        _hand_over(phone, "asked" if understanding.intent == "human" else "not_understood", now)
    return texts


# --- the simulator's numbers --------------------------------------------------------------------
# The NANP keeps 555-0100…555-0199 for fiction in every area code: no family can hold one.
FICTIONAL_EXCHANGE = "55501"


@lru_cache(maxsize=1)
def fictional_numbers() -> tuple[str, ...]:
    """Every fictional number NPA-555-01XX that phonenumbers takes as a valid US/Canada number (about 45,000)."""
    area_codes = (npa for npa in range(200, 1000) if phonenumbers.is_valid_number(phonenumbers.parse(f"+1{npa}{FICTIONAL_EXCHANGE}00")))
    return tuple(f"+1{npa}{FICTIONAL_EXCHANGE}{line:02d}" for npa in area_codes for line in range(100))


def holds_conversation(phone: str) -> bool:
    return db.session.get(Conversation, phone) is not None


def claim_fictional_number(now: datetime | None = None) -> str:
    """Give a simulator browser a fictional number that no conversation uses yet, and keep it taken.

    The number's conversation row is the claim: of two browsers claiming one number at once, the
    database lets one insert it. A number with texts but no conversation row is skipped too.
    Flushes; raises LookupError when every fictional number is taken.
    """
    pattern = f"+1___{FICTIONAL_EXCHANGE}__"
    taken = set(db.session.scalars(select(Conversation.phone).where(Conversation.phone.like(pattern))))
    taken |= set(db.session.scalars(select(Message.phone).where(Message.phone.like(pattern)).distinct()))
    free = [phone for phone in fictional_numbers() if phone not in taken]
    connection = db.session.connection()
    while free:
        phone = free.pop(secrets.randbelow(len(free)))
        claim = upsert_statement(CONVERSATIONS, connection.dialect.name).values(phone=phone, updated_at=now or datetime.now(UTC))
        if connection.execute(
            claim.on_conflict_do_nothing(index_elements=[CONVERSATIONS.c.phone]).returning(CONVERSATIONS.c.phone)
        ).scalar():
            return phone
    raise LookupError("every fictional number is taken")


def purge_older_than(cutoff: datetime, size: int) -> dict[str, int]:
    """Retention: delete at most `size` of each of the texts, conversations, closed hand-overs and
    handled campaign texts older than `cutoff`; how many of each. Opt-outs are kept: forgetting a
    STOP would mean texting someone who asked us not to. Flushes only."""
    message_ids = db.session.scalars(select(Message.id).where(Message.created_at < cutoff).limit(size)).all()
    if message_ids:  # replies point at the text they answer: unlink those about to go, so the order never matters
        db.session.execute(update(Message).where(Message.reply_to_id.in_(message_ids)).values(reply_to_id=None))
        db.session.execute(delete(Message).where(Message.id.in_(message_ids)))
    return {
        "messages": len(message_ids),
        "conversations": delete_batch(Conversation.phone, Conversation.updated_at < cutoff, size=size),
        "handoffs": delete_batch(Handoff.id, Handoff.closed_at.is_not(None), Handoff.opened_at < cutoff, size=size),
        # a campaign's text waiting for its time has no sent_at: kept whatever its age
        "campaign_recipients": delete_batch(CampaignRecipient.id, CampaignRecipient.sent_at < cutoff, size=size),
    }
