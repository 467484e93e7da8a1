"""`flask staff …` (accounts) and `flask privacy purge` (retention)."""

from datetime import UTC, datetime

import click
from flask.cli import with_appcontext
from flask_babel import gettext

from app.db import unit_of_work
from staff import accounts, privacy
from staff.models import ROLES


@click.group("staff")
def staff_cli():
    """Staff accounts."""


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


@click.group("privacy")
def privacy_cli():
    """Retention of families' data."""


@privacy_cli.command("purge")
@click.option("--older-than", "days", type=click.IntRange(min=1), required=True, help="Retention period in days.")
@with_appcontext
def purge_command(days):
    """Remove registrations, text messages and conversations older than DAYS (opt-outs are kept)."""
    with unit_of_work():
        purged = privacy.purge(days, datetime.now(UTC))
    click.echo(
        gettext(
            "Removed %(registrations)d registrations, %(messages)d text messages, %(conversations)d conversations, "
            "%(handoffs)d closed hand-overs, %(recipients)d follow-up recipients and %(uploads)d uploaded files.",
            registrations=purged.registrations, messages=purged.messages, conversations=purged.conversations,
            handoffs=purged.handoffs, recipients=purged.follow_up_recipients, uploads=purged.uploads,
        )
    )  # fmt: skip
