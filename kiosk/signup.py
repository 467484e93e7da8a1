"""Registering for follow-up from an enrolled screen (stored once per client key, even from a queue kept offline)."""

from flask import make_response, render_template, request
from flask_babel import gettext
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db, limiter
from app.i18n import LOCALES, language_names
from catalog.labels import current as current_labels
from catalog.vocabulary import NEEDS
from kiosk import services
from kiosk.registration import MAX_NAME, read_registration
from kiosk.screen import device_key, grade_choices, kiosk, listed_cards, need_choices, screen_device
from sms.outbound import send_in_language
from sms.replies import Reply

KEPT_FIELDS = ("parent_name", "phone", "locale", "grade", "school", "need", "consent")


def _registration_choices() -> dict:
    return {**registration_choices_without_list(), "listed": listed_cards()}


def registration_choices_without_list() -> dict:
    labels = current_labels()
    return {
        "grades": grade_choices(labels),
        "need_choices": need_choices(labels, chosen=NEEDS),
        "languages": language_names(),
        "max_name": MAX_NAME,
    }


@kiosk.get("/<locale>/register")
def register():
    return render_template("kiosk/register.html", form={}, problems={}, device=screen_device(), **_registration_choices())


def kept_registration(form: dict[str, list[str]], fields=KEPT_FIELDS) -> dict:
    """What the family typed, to fill the form in again (capped: it is echoed back)."""
    kept = {name: values if len(values) > 1 else values[0] for name, values in form.items() if name in fields and values}
    return {name: value[:200] if isinstance(value, str) else [x[:64] for x in value[:20]] for name, value in kept.items()}


def wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@kiosk.post("/<locale>/register")
@limiter.limit("20/minute", key_func=device_key)
def submit_registration():
    """Store a registration from an enrolled screen, once per client key (a resend stores nothing)."""
    device = screen_device()
    if device is None:
        if wants_json():
            return {"error": gettext("This screen is not set up as a kiosk. Ask the fair staff.")}, 403
        return render_template("kiosk/not_enrolled.html"), 403
    form = request.form.to_dict(flat=False)
    values, problems = read_registration(form, LOCALES, services.existing_school_ids(request.form.getlist("school")))
    if problems:
        messages = {field: gettext(message, limit=MAX_NAME) for field, message in problems.items()}
        if wants_json():
            return {"problems": messages}, 400
        # The key is kept too: a registration refused in the queue and corrected here is stored once, whatever is resent.
        kept = kept_registration(form, KEPT_FIELDS if "client_key" in problems else (*KEPT_FIELDS, "client_key"))
        return render_template("kiosk/register.html", form=kept, problems=messages, device=screen_device(), **_registration_choices()), 400
    registration, created = services.register(device, values)
    if created:
        send_in_language(registration.phone, Reply("registered"), registration.locale)
    if wants_json():
        return {"stored": created}, 201 if created else 200
    return render_template("kiosk/registered.html", created=created, last=registration.phone[-4:], key=registration.client_key)


def kept_for_retry(enrolled: bool, busy: str):
    """The registration page again with everything typed kept, its key too (a retry stores it once), and
    why it was not stored (`busy`, in the family's language)."""
    if wants_json():
        return make_response({"error": busy})
    choices = registration_choices_without_list()
    try:
        db.session.rollback()
        choices["listed"] = listed_cards()
    except SQLAlchemyError:  # the database cannot even be read: the chosen schools ride along unnamed
        choices["listed"] = []
    form = kept_registration(request.form.to_dict(flat=False), (*KEPT_FIELDS, "client_key"))
    return make_response(render_template("kiosk/register.html", form=form, problems={}, busy=busy, device=enrolled, **choices))
