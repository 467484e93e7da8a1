"""Signing in and out, the second factor, one's own password and language, and the staff home page."""

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from app.extensions import limiter
from app.i18n import LOCALES
from staff import accounts, dashboard
from staff.views import OFFICE_ROLES, local_next, roles_required, staff
from staff.views.errors import render_staff_error

PENDING_USER = "staff_pending_user"  # signed in with a password, waiting for the second factor


def _second_factor_unreadable(email: str = ""):
    """Refuse a sign-in whose second factor no key can read (the keys changed since it was set
    up): no code can pass it, so say so, and who can help, instead of asking for one."""
    session.pop(PENDING_USER, None)
    error = _(
        "Your second sign-in step cannot be checked: its stored key can no longer be read. "
        "Ask an administrator to reset it; then sign in and set it up again."
    )
    return render_template("staff/login.html", error=error, email=email[:320], next=local_next("")), 403


def _login_limit() -> str:
    return current_app.config["STAFF_LOGIN_RATE_LIMIT"]


def _login_email_key() -> str:
    return "staff-login:" + accounts.normalize_email(request.form.get("email", ""))


@staff.errorhandler(429)
def too_many_attempts(error):
    """Say so on the sign-in form when signing in is limited; elsewhere (the second-factor settings) on the error page."""
    if request.endpoint not in ("staff.login", "staff.second_factor"):
        return render_staff_error(error)
    return render_template("staff/login.html", error=_("Too many sign-in attempts. Wait a few minutes and try again."), email=""), 429


def _start_session(user) -> None:
    session.clear()  # nothing from before signing in carries over
    session.permanent = True
    login_user(user)


@staff.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_login_email_key)
def login():
    """Sign in with email and password (then a code, for accounts with a second factor)."""
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(url_for("staff.home"))
        return render_template("staff/login.html", email="", next=local_next(""))
    email, password = request.form.get("email", ""), request.form.get("password", "")
    user = accounts.authenticate(email, password)
    if user is None:
        return render_template("staff/login.html", error=_("Wrong email or password."), email=email[:320], next=local_next("")), 401
    target = local_next(url_for("staff.home"))
    if user.totp_token:
        if accounts.second_factor_unreadable(user):
            return _second_factor_unreadable(email)
        session.clear()
        session[PENDING_USER], session["staff_next"] = user.get_id(), target
        return redirect(url_for("staff.second_factor"))
    _start_session(user)
    return redirect(target)


@staff.route("/login/code", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def second_factor():
    """The 6-digit code from the authenticator app, after the password."""
    user = accounts.user_by_session_id(session.get(PENDING_USER, ""))
    if user is None or not user.totp_token:
        return redirect(url_for("staff.login"))
    if accounts.second_factor_unreadable(user):
        return _second_factor_unreadable()
    if request.method == "GET":
        return render_template("staff/second_factor.html")
    if not accounts.totp_matches(user.totp_secret, request.form.get("code", "")):
        return render_template("staff/second_factor.html", error=_("That code is not right. Try the newest one.")), 401
    target = session.get("staff_next") or url_for("staff.home")
    _start_session(user)
    return redirect(target)


@staff.post("/logout")
def logout():
    """Sign out here and everywhere this account is signed in: the session ends on the server,
    so a copy of the cookie opens nothing any more."""
    if current_user.is_authenticated:
        accounts.end_sessions(current_user)
    logout_user()
    session.clear()
    return redirect(url_for("staff.login"))


@staff.post("/language")
def language():
    """Show the staff pages in another language (kept on the account once signed in)."""
    locale = request.form.get("locale", "")
    if locale not in LOCALES:
        abort(400)
    if current_user.is_authenticated:
        current_user.locale = locale
    else:
        session["staff_locale"] = locale
    return redirect(local_next(url_for("staff.home")))


@staff.get("/")
def home():
    """What needs doing: proposals to review, listings to check, hand-overs waiting."""
    return render_template("staff/home.html", summary=dashboard.summary(current_user, current_app.config["STAFF_VERIFY_MAX_DAYS"]))


@staff.route("/account/password", methods=["GET", "POST"])
def change_password():
    if request.method == "GET":
        return render_template("staff/password.html")
    if accounts.authenticate(current_user.email, request.form.get("current", "")) is None:
        return render_template("staff/password.html", errors={"current": _("That is not your current password.")}), 400
    new, repeated = request.form.get("new", ""), request.form.get("repeat", "")
    if new != repeated:
        return render_template("staff/password.html", errors={"repeat": _("The two new passwords differ.")}), 400
    try:
        accounts.set_password(current_user, new)
    except accounts.AccountError as error:
        return render_template("staff/password.html", errors={"new": accounts.describe(error)}), 400
    login_user(current_user)  # the session carries the new nonce; others signed in as this account end
    return redirect(url_for("staff.home", done="password"))


@staff.route("/account/second-factor", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@roles_required(*OFFICE_ROLES)
def totp_setup():
    """Turn the authenticator-app code on (admins and editors) or off (with the password or a code)."""
    unreadable = accounts.second_factor_unreadable(current_user)
    if request.method == "POST" and request.form.get("action") == "off":
        if not accounts.disable_totp(current_user, request.form.get("proof", "")):
            error = _("That is neither your password nor a current code.")
            return render_template("staff/totp.html", errors={"proof": error}, unreadable=unreadable), 400
        return redirect(url_for("staff.totp_setup"))
    secret = request.form.get("secret") or accounts.new_totp_secret()
    if request.method == "POST":
        if accounts.enable_totp(current_user, secret, request.form.get("code", "")):
            return redirect(url_for("staff.totp_setup"))
        error = _("That code is not right. Try the newest one.")
        page = render_template(
            "staff/totp.html", secret=secret, uri=accounts.totp_uri(current_user, secret), error=error, unreadable=unreadable
        )
        return page, 400
    return render_template("staff/totp.html", secret=secret, uri=accounts.totp_uri(current_user, secret), unreadable=unreadable)
