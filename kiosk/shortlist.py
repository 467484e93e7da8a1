"""The family's list: shown, changed, texted to their phone and printed (its ids live in a cookie)."""

from flask import g, redirect, render_template, request, url_for
from flask_babel import gettext

from app.extensions import limiter
from catalog.cards import ALWAYS_LISTED, LEFT_TO_RIGHT
from catalog.queries import get_school
from kiosk.registration import clean_phone
from kiosk.screen import LIST_COOKIE, MAX_LIST, device_key, fair_booths, kiosk, listed_cards, listed_ids, local_next
from sms.outbound import send_shortlist


@kiosk.get("/<locale>/list")
def shortlist():
    return _list_page()


def _list_page(phone: str = "", error: str | None = None, sent: str | None = None, status: int = 200):
    return render_template("kiosk/list.html", schools=listed_cards(), phone=phone, error=error, sent=sent), status


@kiosk.post("/<locale>/list")
def change_list():
    """Add a school to the family's list, or take one off (the list holds school ids only)."""
    ids = listed_ids()
    school_id = request.form.get("school", "")[:64]
    if request.form.get("action") == "remove":
        ids = [i for i in ids if i != school_id]
    elif request.form.get("action") == "clear":
        ids = []
    elif school_id not in ids and len(ids) < MAX_LIST and get_school(school_id) is not None:
        ids.append(school_id)
    response = redirect(local_next(url_for("kiosk.shortlist")), code=303)
    response.set_cookie(LIST_COOKIE, ",".join(ids), path="/kiosk", samesite="Lax", secure=request.is_secure)
    return response


@kiosk.post("/<locale>/list/text")
@limiter.limit("5/minute", key_func=device_key)
def text_list():
    """Text the list to the family's phone; the SMS conversation continues from it."""
    raw = request.form.get("phone", "")[:40]
    phone, problem = clean_phone(raw)
    if problem:
        return _list_page(raw, error=gettext(problem), status=400)
    ids = listed_ids()
    if not ids:
        return _list_page(raw, error=gettext("Add schools to your list first."), status=400)
    [message, *_rest] = send_shortlist(phone, ids, g.locale)
    if message.status == "opted_out":
        return _list_page(
            error=gettext("This number asked us to stop texting it. Text START to us from it to get texts again."), status=409
        )
    if message.status in ("failed", "not_configured"):
        return _list_page(raw, error=gettext("We could not send the text just now. You can print the list instead."), status=503)
    return _list_page(sent=gettext("We are texting your list to the number ending in %(last)s.", last=phone[-4:]))


# What a printed list carries home for each school, under its heading: the services a family
# searched by (stated, not stated, or none, as the card says), how to get there and to reach it.
PRINTED = ("special_education", "english_learners", "school_bus", "transit", "accessibility", "address", "phone", "website", "apply_by")


@kiosk.get("/<locale>/print")
def print_list():
    return render_template(
        "kiosk/print.html",
        schools=listed_cards(),
        booths=fair_booths(),
        printed=PRINTED,
        always_listed=ALWAYS_LISTED,
        left_to_right=LEFT_TO_RIGHT,
    )
