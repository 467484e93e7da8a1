"""`flask sms …`: talk to the bot without a phone."""

import click
from flask.cli import with_appcontext

from app.db import unit_of_work
from sms.services import handle_inbound


@click.group("sms")
def sms_cli():
    """The text-message bot."""


@sms_cli.command("simulate")
@click.option("--phone", default="+15555550100", show_default=True, help="The number the texts come from.")
@with_appcontext
def simulate_command(phone):
    """Text the bot from the terminal, through the same engine as the webhook (Ctrl-D ends)."""
    while True:
        try:
            body = input("you> ")
        except EOFError:
            return
        with unit_of_work():
            replies = handle_inbound(phone, body, sid=None)
        for reply in replies or ["(no reply: this number is opted out)"]:
            click.echo(f"bot> {reply}\n")
