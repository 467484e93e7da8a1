"""Accounts (admins only): create one, reset its password, change its role and schools, turn it off."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from staff import accounts
from staff.models import ROLES, StaffUser
from staff.views import roles_required, staff


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
    return _page()


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
