"""Staff pages under /staff/: every page needs a signed-in account, every form a CSRF token.

Each module of this package adds the pages of one feature to the `staff` blueprint.
"""

from collections.abc import Iterable
from functools import wraps

from flask import Blueprint, abort, current_app, g, redirect, request, session, url_for
from flask_babel import format_date, format_datetime, refresh
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_
from flask_login import current_user

from app.extensions import csrf, login_manager
from app.i18n import LOCALES, language_names, select_locale, text_direction
from catalog.labels import current as current_labels
from catalog.vocabulary import N_
from sms.outbound import DELIVERY_ERRORS
from staff import accounts

staff = Blueprint("staff", __name__, url_prefix="/staff", template_folder="../templates", static_folder="../static")

PUBLIC_ENDPOINTS = frozenset({"staff.login", "staff.second_factor", "staff.static", "staff.language"})
OFFICE_ROLES = ("admin", "editor")


@login_manager.user_loader
def load_user(session_id: str):
    return accounts.user_by_session_id(session_id)


@login_manager.unauthorized_handler
def to_login():
    return redirect(url_for("staff.login", next=request.full_path.rstrip("?")))


def use_staff_locale() -> None:
    """Show the page in the account's language; before signing in, the one chosen on the sign-in
    page, else the browser's."""
    chosen = current_user.locale if current_user.is_authenticated else session.get("staff_locale")
    g.locale = chosen if chosen in LOCALES else None
    g.locale = g.locale or select_locale()
    refresh()


@staff.before_request
def guard():
    """Pick the page's language, check the CSRF token of every form, and require a signed-in account."""
    use_staff_locale()
    if request.method == "POST":
        csrf.protect()  # a bad or missing token: 400
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return to_login()
    if current_user.must_change_password and request.endpoint not in ("staff.change_password", "staff.logout"):
        return redirect(url_for("staff.change_password"))
    return None


@staff.after_request
def private_headers(response):
    if request.endpoint != "staff.static":
        response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    return response


# The menu: (endpoint, label). An account sees the pages its role may open (`may_open`).
MENU = [
    ("staff.home", L_("Home")),
    ("staff.schools", L_("Listings")),
    ("staff.proposal_list", L_("Proposals")),
    ("staff.translation_coverage", L_("Translations")),
    ("staff.import_upload", L_("Import")),
    ("staff.fairs", L_("Fairs")),
    ("staff.inbox", L_("Inbox")),
    ("staff.users", L_("Accounts")),
]


def _menu() -> list[tuple[str, str]]:
    return [(endpoint, label) for endpoint, label in MENU if may_open(endpoint)]


def may_open(endpoint: str) -> bool:
    """Whether the signed-in account may open a staff page: the roles its view lets through
    (`roles_required`), so a link is shown only where it answers, never a 403."""
    view = current_app.view_functions.get(endpoint)
    if view is None or not current_user.is_authenticated:
        return False
    roles = getattr(view, "roles_allowed", None)
    return roles is None or has_role(*roles)


@staff.context_processor
def page_globals():
    locale = g.get("locale") or "en"
    return {
        "locale": locale,
        "direction": text_direction(locale),
        "user": current_user,
        "menu": _menu(),
        "languages": language_names(),
        "may_open": may_open,
        "catalog_labels": current_labels(),
        "status_label": lambda status: _(STATUS_LABELS[status]),
        "action_label": lambda action: _(ACTION_LABELS.get(action, action)),
        "role_label": lambda role: _(ROLE_LABELS[role]),
    }


ROLE_LABELS = {
    "admin": N_("Administrator"),
    "editor": N_("Editor (enrollment office)"),
    "school_rep": N_("School representative"),
    "translator": N_("Translator"),
}


STATUS_LABELS = {"pending": N_("Waiting for review"), "approved": N_("Approved"), "rejected": N_("Rejected")}
ACTION_LABELS = {
    "created": N_("Added"),
    "edited": N_("Edited"),
    "approved": N_("Proposal approved"),
    "verified": N_("Verified"),
    "translated": N_("Translation"),
    "imported": N_("Imported"),
}
# An outbound text's delivery status, in the order they happen (the fair page counts texts by
# them; the inbox labels each text with one).
DELIVERY_LABELS = {
    "pending": L_("Waiting to be sent"),  # ours: not yet handed to Twilio (sms.outbound)
    "submitting": L_("Sending"),
    "queued": L_("Queued"),
    "sending": L_("Sending"),
    "sent": L_("Sent to the carrier"),
    "delivered": L_("Delivered"),
    "undelivered": L_("Not delivered"),
    "failed": L_("Failed"),
}


def roles_required(*roles: str):
    """Let only these roles through (admins always); anyone else signed in gets 403."""

    def decorate(view):
        @wraps(view)
        def checked(*args, **kwargs):
            if not has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        checked.roles_allowed = roles  # read by `may_open`: links to the page follow the same rule
        return checked

    return decorate


def has_role(*roles: str) -> bool:
    return current_user.is_authenticated and (current_user.role == "admin" or current_user.role in roles)


def may_edit_school(school_id: str) -> bool:
    """Office roles edit every listing; a school representative only the schools named on its account."""
    return has_role(*OFFICE_ROLES) or (current_user.role == "school_rep" and school_id in current_user.school_ids)


def visible_school_ids() -> Iterable[str] | None:
    """The schools this account works on: None for all of them."""
    return None if has_role(*OFFICE_ROLES, "translator") else current_user.school_ids


def actor() -> str:
    """Who a change is recorded as made by."""
    return current_user.email


def local_next(default: str) -> str:
    """Where to go after a form: a staff page of this site, never elsewhere."""
    target = request.values.get("next", "")
    return target if target.startswith("/staff/") and not target.startswith("//") and "\\" not in target else default


def page_number() -> int:
    raw = request.args.get("page", "1")
    return max(1, min(int(raw), 100_000)) if raw.isdigit() else 1


@staff.app_template_filter("when")
def when(value) -> str:
    return format_datetime(value, "short") if value else ""


@staff.app_template_filter("delivery_error")
def delivery_error(code: int) -> str:
    """What Twilio's error code for a text that did not reach a family means: "The number does not exist (30005)"."""
    meaning = DELIVERY_ERRORS.get(code)
    return _("%(meaning)s (%(code)s)", meaning=_(meaning), code=code) if meaning else _("Error %(code)s", code=code)


@staff.app_template_filter("date_or_never")
def date_or_never(value) -> str:
    return format_date(value, "medium") if value else _("never")


def max_upload_bytes() -> int:
    return current_app.config.get("STAFF_MAX_UPLOAD_BYTES", 50 * 2**20)
