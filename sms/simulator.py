"""The SMS simulator page of the demo server: text the bot from a browser, no phone needed.

It goes through `handle_inbound`, the same path as the webhook. Each browser gets its own
fictional number (NPA-555-01xx, reserved for fiction), claimed in the database so that no other
browser ever gets it: the page can never touch a real family's conversation, nor another browser's.
It is registered only when `SMS_SIMULATOR` is on (`make run` turns it on).
"""

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from sqlalchemy import select

from app.extensions import db
from app.i18n import normalize_locale, text_direction
from catalog.queries import example_zip
from sms.models import Message
from sms.services import claim_fictional_number, handle_inbound, holds_conversation

simulator = Blueprint("sms_simulator", __name__, url_prefix="/sms", template_folder="templates")

MAX_BODY = 1600  # what Twilio delivers at most
SHOWN = 30  # latest texts shown


def _phone() -> str:
    """This browser's number; a new one when its conversation was purged (it could be claimed again)."""
    phone = session.get("simulator_phone")
    if phone is None or not holds_conversation(phone):
        phone = session["simulator_phone"] = claim_fictional_number()
    return phone


@simulator.before_request
def _choose_locale():
    g.locale = normalize_locale(request.args.get("lang"))


@simulator.get("/simulator")
def page():
    phone = _phone()
    latest = select(Message).where(Message.phone == phone).order_by(Message.id.desc()).limit(SHOWN)
    texts = list(reversed(db.session.scalars(latest).all()))
    locale = str(get_locale())
    return render_template(
        "sms/simulator.html", texts=texts, phone=phone, locale=locale, direction=text_direction(locale), example_zip=example_zip()
    )


@simulator.post("/simulator")
def send():
    body = request.form.get("body", "")[:MAX_BODY]
    handle_inbound(_phone(), body, sid=None)
    return redirect(url_for("sms_simulator.page", lang=request.args.get("lang")), code=303)
