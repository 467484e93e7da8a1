"""Accounts (admins only): create one, reset its password or its second sign-in step, change its
role and schools, turn it off."""

import logging

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from staff import accounts
from staff.models import ROLES, StaffUser
from staff.views import roles_required, staff

log = logging.getLogger(__name__)


def _user_or_404(user_id: int) -> StaffUser:
    user = db.session.get(StaffUser, user_id)
    if user is None:
        abort(404)
    return user


def _school_ids(raw: str) -> list[str]:
    return [part for part in raw.replace(",", " ").split() if part][:200]


def _page(status: int = 200, **values):
    users = db.session.scalars(select(StaffUser).order_by(StaffUser.email)).all()
    return render_template("staff/users.html", users=users, roles=ROLES, form=values.pop("form", {}), **values), status


@staff.get("/users")
@roles_required()
def users():
    """The accounts; after a second sign-in step was turned off, says whose (`?done=second-factor-off&account=ID`)."""
    done = None
    if request.args.get("done") == "second-factor-off" and request.args.get("account", "").isdigit():
        reset = db.session.get(StaffUser, int(request.args["account"]))
        if reset is not None and reset.totp_token is None:
            done = _(
                "Turned off the second sign-in step of %(email)s. They sign in with their password alone until they set it up again.",
                email=reset.email,
            )
    return _page(done=done)


@staff.post("/users")
@roles_required()
def create_account():
    """Create an account with a temporary password, shown once, to be changed at first sign-in."""
    form = {name: request.form.get(name, "")[:2000] for name in ("email", "role", "schools")}
    temporary = accounts.temporary_password()
    try:
        user = accounts.create_user(form["email"], temporary, form["role"], _school_ids(form["schools"]), must_change_password=True)
    except accounts.AccountError as error:
        return _page(400, form=form, error=accounts.describe(error))
    return _page(201, created=user, temporary=temporary)


@staff.post("/users/<int:user_id>/reset-password")
@roles_required()
def reset_account_password(user_id: int):
    user = _user_or_404(user_id)
    return _page(temporary=accounts.reset_password(user), created=user)


@staff.post("/users/<int:user_id>")
@roles_required()
def update_account(user_id: int):
    """Change an account's role and schools, or turn it off or on again."""
    user = _user_or_404(user_id)
    active = request.form.get("active") == "1"
    role = request.form.get("role", user.role)
    if user.id == current_user.id and (not active or role != "admin"):
        return _page(400, error=_("You cannot turn off your own account or give up your own admin role."))
    try:
        accounts.update_user(user, role, _school_ids(request.form.get("schools", "")), active)
    except accounts.AccountError as error:
        return _page(400, error=accounts.describe(error))
    return redirect(url_for("staff.users"))


@staff.post("/users/<int:user_id>/reset-second-factor")
@roles_required()
def reset_account_second_factor(user_id: int):
    """Turn off another account's second sign-in step without its proof (a lost phone, or a secret
    no key can read), as `flask staff reset-second-factor` does; they set it up again themselves."""
    user = _user_or_404(user_id)
    if user.id == current_user.id:  # one's own asks for the password or a code, on its own page
        return _page(400, error=_("Turn off your own second sign-in step on its page, with your password."))
    if not accounts.reset_second_factor(user):
        return _page(409, error=_("%(email)s has no second sign-in step: nothing to turn off.", email=user.email))
    log.info("staff account %d: second sign-in step turned off by admin account %d", user.id, current_user.id)
    return redirect(url_for("staff.users", done="second-factor-off", account=user.id))
