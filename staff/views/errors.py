"""Error pages under /staff/: a staff page in the staff member's language, with a way back."""

from flask import make_response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.errors import error_headers, register_error_page
from app.extensions import db
from catalog.vocabulary import N_
from staff.views import page_globals, private_headers, staff, use_staff_locale

TITLES = {
    400: N_("This request could not be read. Go back and try again."),
    403: N_("This page is not open to your account."),
    404: N_("There is no such page."),
    409: N_("This was changed in the meantime."),
    413: N_("That is more than the site accepts at once."),
    429: N_("Too many attempts. Wait a few minutes and try again."),
    500: N_("Something went wrong on our side. Please try again."),
    503: N_("The site is busy. Try again in a minute."),
}
OTHER = N_("This request could not be completed. Go back and try again.")
EXPIRED_FORM = N_("This form has expired. Go back, reload the page and send it again.")
# Codes whose description, when our code gave one, says what happened, in the reader's language
# (e.g. "This proposal was already decided."); other descriptions are Werkzeug's English, or internal.
EXPLAINED = (400, 409)


def render_staff_error(error: HTTPException):
    """Answer an HTTP error under /staff/ with a staff page: what happened, and a way back."""
    if error.code >= 500:
        db.session.rollback()  # nothing of a failed request is kept; the page reads the account afresh
    use_staff_locale()  # again: an unknown URL ran no staff code, and a 500 may come before the guard chose
    if isinstance(error, CSRFError):
        title, detail = _(EXPIRED_FORM), ""
    else:
        title = _(TITLES.get(error.code, OTHER))
        detail = error.description if error.code in EXPLAINED and error.description != type(error).description else ""
    if current_user.is_authenticated:
        back_url, back_label = url_for("staff.home"), _("Back to the staff home page")
    else:
        back_url, back_label = url_for("staff.login"), _("Sign in")
    # The page's globals are given here too: an unknown URL is no page of the staff blueprint's.
    page = render_template("staff/error.html", **page_globals(), title=title, detail=detail, back_url=back_url, back_label=back_label)
    return private_headers(make_response(page, error.code, error_headers(error)))


staff.record_once(lambda state: register_error_page(state.app, "/staff/", render_staff_error))
