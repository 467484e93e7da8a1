"""The kiosk's error pages, in the family's language, each with one way back."""

import time

from flask import g, make_response, render_template, request, session, url_for
from flask_babel import gettext, refresh
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.errors import NulCharacter, error_headers, register_error_page
from app.extensions import limiter
from app.i18n import LOCALES
from catalog.vocabulary import N_
from kiosk.screen import DEVICE_COOKIE, kiosk, page_globals, results_url, shared_screen_headers
from kiosk.signup import kept_for_retry

# A kiosk has no browser controls: every error is a kiosk page in the family's language with one
# way back. They are drawn without the database, which may be the very thing that failed.

STALE_FORM = N_("This page was open too long. Please go back and try again.")  # the CSRF token ran out
ERROR_MESSAGES = {
    404: N_("We cannot find this page."),
    429: N_("Too many tries. Please wait a minute, then try again."),
    500: N_("Something went wrong on our side. Please try again."),
    503: N_("We are busy right now. Please try again in a moment."),
}
OTHER_ERROR = N_("Something was wrong with this request. Please go back and try again.")


def _error_locale() -> str:
    """The family's language: the URL's (/kiosk/<locale>/…), else the session's, else English."""
    parts = request.path.split("/")
    if len(parts) > 2 and parts[2] in LOCALES:
        return parts[2]
    remembered = session.get("kiosk_locale")
    return remembered if remembered in LOCALES else "en"


def render_kiosk_error(error: HTTPException):
    """Any HTTP error (and the hidden 500) under /kiosk/, as a kiosk page with one large button back."""
    g.locale = _error_locale()
    refresh()
    enrolled = g.get("device") is not None or DEVICE_COOKIE in request.cookies
    g.device = None  # the page's globals must not reach for the database (the fair's name is not worth it)
    if error.code == 503 and request.endpoint == "kiosk.submit_registration":
        response = kept_for_retry(enrolled, gettext(ERROR_MESSAGES[503]))
    else:
        response = make_response(_error_page(error))
    response.status_code = error.code or 500
    response.headers.update(error_headers(error))  # Retry-After on 429 and 503
    if error.code == 429 and "Retry-After" not in response.headers and (limit := limiter.current_limit):
        response.headers["Retry-After"] = str(max(1, limit.reset_at - int(time.time())))
    return shared_screen_headers(response)


def _error_page(error: HTTPException) -> str:
    if isinstance(error, CSRFError):
        message = STALE_FORM
    elif isinstance(error, NulCharacter):
        message = error.description  # already in the family's language, and says what to remove
    else:
        message = ERROR_MESSAGES.get(error.code) or (OTHER_ERROR if (error.code or 500) < 500 else ERROR_MESSAGES[500])
    searched = "kiosk_search" in session  # their results page, as "Back to schools" brings it back
    return render_template(
        "kiosk/error.html",
        **{**page_globals(), "fair": None},
        error_page=True,
        message=message if isinstance(error, NulCharacter) else gettext(message),
        back_url=results_url() if searched else url_for("kiosk.grade"),
        back_label=gettext("Back to schools") if searched else gettext("Back to the start"),
    )


kiosk.record_once(lambda state: register_error_page(state.app, "/kiosk/", render_kiosk_error))
