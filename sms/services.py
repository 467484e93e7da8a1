"""Handling a text: log it, honour opt-outs, understand it, step the conversation, reply."""

from datetime import UTC, datetime
from functools import lru_cache

import phonenumbers
from flask_babel import force_locale, get_locale, get_translations
from sqlalchemy import select

from app.extensions import cache, db
from catalog.labels import current as current_labels
from catalog.models import School
from catalog.queries import catalog_revision, find_schools, free_text, get_schools
from catalog.search import QueryError, build_query
from sms.engine import step
from sms.models import Conversation, Handoff, Message, OptOut
from sms.replies import Reply, render
from sms.understand import SchoolNames, parse


def normalize_phone(raw: str, region: str = "US") -> str:
    """Return a number in E.164 ("+17735551234"); keep the raw text if it is not a number."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return raw.strip()[:20]
    if not phonenumbers.is_possible_number(number):
        return raw.strip()[:20]
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4)
def _school_names(database: str, revision: int) -> SchoolNames:
    """The names index of one catalog revision of one database (rebuilt when the catalog changes)."""
    return SchoolNames.build(list(db.session.execute(select(School.id, School.name))))


MAX_FREE_TEXT = 300  # characters of a school's own text kept in a conversation


def school_summary(school: School, distance_km: float | None = None) -> dict:
    """The facts of a school the bot reads out, labelled in the current locale."""
    labels = current_labels()
    return {
        "id": school.id,
        "name": school.name,
        "grades_label": labels.grades(school.grade_low, school.grade_high),
        "sector_label": labels.sector(school.sector),
        "distance_km": distance_km,
        "address": school.address,
        "programs": [p.code for p in school.programs],
        "programs_label": ", ".join(labels.program(p.kind, p.code, p.language) for p in school.programs if p.kind != "world_language"),
        "school_bus_label": labels.school_bus(school.school_bus),
        "transit_label": school.transit[:120],
        "phone": school.phone,
        "sped_labels": labels.programs(school.programs, "sped"),
        "ell_labels": labels.programs(school.programs, "ell"),
        "how_to_apply": free_text(school, "how_to_apply", str(labels.locale))[0][:MAX_FREE_TEXT],
    }


def catalog_search(params: dict) -> dict:
    """The catalog search as the engine asks for it (API parameters), labelled in the current locale.

    Answers are cached per worker under the catalog revision, like the API's: families ask the
    same few searches again and again, and an import or edit is seen by the next text.
    """
    key = f"sms-search:{catalog_revision()}:{get_locale()}:{sorted(params.items())!r}"
    found = cache.get(key)
    if found is None:
        found = _search(params)
        cache.set(key, found)
    return found


def _search(params: dict) -> dict:
    if "ids" in params:
        schools = get_schools(params["ids"])
        return {"total": len(schools), "results": [school_summary(s) for s in schools]}
    values = {k: [str(x) for x in v] if isinstance(v, list) else [str(v)] for k, v in params.items()}
    try:
        query = build_query(values)
    except QueryError:
        return {"total": 0, "results": []}
    result = find_schools(query)
    return {"total": result.total, "results": [school_summary(h.school, h.distance_km) for h in result.hits]}


def is_opted_out(phone: str) -> bool:
    return db.session.get(OptOut, phone) is not None


def opt_out(phone: str, now: datetime | None = None) -> None:
    """Stop texting a number (it texted STOP, or the carrier told Twilio so)."""
    if not is_opted_out(phone):
        db.session.add(OptOut(phone=phone, created_at=now or datetime.now(UTC)))
        db.session.flush()


def _stored_answer(sid: str | None) -> list[str] | None:
    """Return the replies already sent to this MessageSid (a Twilio retry), or None if it is new."""
    if not sid:
        return None
    previous = db.session.scalar(select(Message).where(Message.sid == sid))
    if previous is None:
        return None
    return list(db.session.scalars(select(Message.body).where(Message.reply_to_id == previous.id).order_by(Message.id)))


def _receive(phone: str, body: str, sid: str | None, status: str, now: datetime) -> Message:
    inbound = Message(sid=sid, direction="in", phone=phone, body=body[:1600], status=status, created_at=now)
    db.session.add(inbound)
    db.session.flush()
    return inbound


def _reply(inbound: Message, texts: list[str]) -> list[str]:
    for text in texts:
        db.session.add(
            Message(
                direction="out", phone=inbound.phone, body=text, status="replied", reply_to_id=inbound.id, created_at=inbound.created_at
            )
        )
    db.session.flush()
    return texts


def _hand_over(phone: str, reason: str, now: datetime) -> None:
    """Put the conversation in the staff inbox, unless it is already waiting there."""
    if db.session.scalar(select(Handoff.id).where(Handoff.phone == phone, Handoff.closed_at.is_(None))) is None:
        db.session.add(Handoff(phone=phone, reason=reason, opened_at=now))


def handle_rate_limited(phone: str, body: str, sid: str | None, now: datetime | None = None) -> list[str]:
    """Answer a sender over the rate limit politely, in their language, without running a search."""
    stored = _stored_answer(sid)
    if stored is not None:
        return stored
    inbound = _receive(phone, body, sid, "limited", now or datetime.now(UTC))
    if is_opted_out(phone):
        return []
    conversation = db.session.get(Conversation, phone)
    with force_locale(conversation.locale if conversation and conversation.locale else "en"):
        return _reply(inbound, [render(Reply("rate_limited"), get_translations().gettext)])


def handle_inbound(phone: str, body: str, sid: str | None, now: datetime | None = None) -> list[str]:
    """Answer one inbound text: the reply texts (none for an opted-out number). Flushes only."""
    stored = _stored_answer(sid)
    if stored is not None:  # Twilio retried: answer exactly as before, store nothing new
        return stored
    now = now or datetime.now(UTC)
    inbound = _receive(phone, body, sid, "received", now)
    conversation = db.session.get(Conversation, phone) or Conversation(phone=phone)
    db.session.add(conversation)
    understanding = parse(body, conversation.locale, schools=_school_names(str(db.engine.url), catalog_revision()))
    if understanding.intent == "stop":
        opt_out(phone, now)
    elif understanding.intent == "start":
        stopped = db.session.get(OptOut, phone)
        if stopped:
            db.session.delete(stopped)
            db.session.flush()
    elif is_opted_out(phone):
        inbound.status = "ignored"  # opted out: silence until START
        return []
    locale = conversation.locale or understanding.language or "en"
    with force_locale(understanding.language if understanding.intent == "language" else locale):
        state, replies = step(conversation.state, understanding, now, catalog_search)
    conversation.state, conversation.locale = state, state.get("locale") or locale
    if any(reply.key == "human" for reply in replies):
        _hand_over(phone, "asked" if understanding.intent == "human" else "not_understood", now)
    with force_locale(conversation.locale):
        gettext = get_translations().gettext
        return _reply(inbound, [render(reply, gettext) for reply in replies])
