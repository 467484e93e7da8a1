"""`flask staff …` (accounts; `send-follow-ups`, the same as `flask sms send-campaigns`) and `flask privacy purge` (retention)."""

from datetime import UTC, datetime

import click
from flask.cli import with_appcontext
from flask_babel import gettext
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from sms.cli import send_campaigns_command
from staff import accounts, privacy
from staff.models import ROLES


@click.group("staff")
def staff_cli():
    """Staff accounts and fair follow-up texts."""


@staff_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--school", "schools", multiple=True, help="A school a school_rep speaks for (repeat for several).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True, help="Asked for when not given.")
@with_appcontext
def create_command(email, role, schools, password):
    """Create a staff account."""
    try:
        with unit_of_work():
            user = accounts.create_user(email, password, role, schools)
    except accounts.AccountError as error:
        raise click.ClickException(accounts.describe(error)) from None
    click.echo(gettext("Created %(email)s (%(role)s).", email=user.email, role=user.role))


DEMO_ACCOUNTS = {"admin": "admin@demo.schoolbridge.test", "editor": "editor@demo.schoolbridge.test",
                 "school_rep": "rep@demo.schoolbridge.test", "translator": "translator@demo.schoolbridge.test"}  # fmt: skip


@staff_cli.command("demo-accounts")
@with_appcontext
def demo_accounts_command():
    """Create (or give new passwords to) one demo account per role and print how to sign in."""
    lines = []
    with unit_of_work():
        first_school = db.session.scalar(select(School.id).order_by(School.id))
        for role, email in DEMO_ACCOUNTS.items():
            password = accounts.temporary_password()
            user = accounts.find_user(email)
            if user is None:
                accounts.create_user(email, password, role, [first_school] if role == "school_rep" and first_school else [])
            else:
                accounts.set_password(user, password)
            lines.append(f"  {role:<11} {email}  {password}")
    click.echo(gettext("Staff sign-in at /staff/login with one of these demo accounts:"))
    click.echo("\n".join(lines))


@staff_cli.command("reset-password")
@click.argument("email")
@with_appcontext
def reset_password_command(email):
    """Give an account a temporary password, to be changed at its next sign-in."""
    with unit_of_work():
        user = accounts.find_user(email)
        if user is None:
            raise click.ClickException(gettext("No account has the email %(email)s.", email=email))
        temporary = accounts.reset_password(user)
    click.echo(gettext("Temporary password for %(email)s: %(password)s", email=user.email, password=temporary))


@staff_cli.command("reset-second-factor")
@click.argument("email")
@with_appcontext
def reset_second_factor_command(email):
    """Turn off an account's second sign-in step without its proof (a lost phone, or a key that can
    no longer be read); they set it up again after signing in."""
    with unit_of_work():
        user = accounts.find_user(email)
        if user is None:
            raise click.ClickException(gettext("No account has the email %(email)s.", email=email))
        was_on = accounts.reset_second_factor(user)
    if not was_on:
        click.echo(gettext("%(email)s has no second sign-in step: nothing to turn off.", email=user.email))
        return
    click.echo(
        gettext(
            "Turned off the second sign-in step of %(email)s. They sign in with their password alone until they set it up again.",
            email=user.email,
        )
    )


# Its old name, kept for the operators and scripts that use it: the same command as `flask sms send-campaigns`.
staff_cli.add_command(send_campaigns_command, "send-follow-ups")


@click.group("privacy")
def privacy_cli():
    """Retention of families' data."""


@privacy_cli.command("purge")
@click.option("--older-than", "days", type=click.IntRange(min=1), required=True, help="Retention period in days.")
@with_appcontext
def purge_command(days):
    """Remove registrations, text messages and conversations older than DAYS (opt-outs are kept)."""
    purged = privacy.purge(days, datetime.now(UTC))
    click.echo(
        gettext(
            "Removed %(registrations)d registrations, %(messages)d text messages, %(conversations)d conversations, "
            "%(handoffs)d closed hand-overs, %(recipients)d follow-up recipients and %(uploads)d uploaded files.",
            registrations=purged.registrations, messages=purged.messages, conversations=purged.conversations,
            handoffs=purged.handoffs, recipients=purged.follow_up_recipients, uploads=purged.uploads,
        )
    )  # fmt: skip
