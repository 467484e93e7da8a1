"""`flask sms …`: talk to the bot without a phone; answer the conversations handed to a person."""

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import gettext

from app.db import unit_of_work
from sms import handoff
from sms.replies import CANNED
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
        for reply in replies or [gettext("(no reply: this number is opted out)")]:
            click.echo(f"bot> {reply}\n")


@sms_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@with_appcontext
def worker_command(burst):
    """Send the queued texts (an RQ worker with its scheduler, on REDIS_URL)."""
    from sms.jobs import run_worker

    run_worker(burst=burst)


@sms_cli.command("requeue")
@with_appcontext
def requeue_command():
    """Queue again the texts still waiting to be sent (Redis was away when they were written)."""
    from sms.jobs import requeue_pending

    click.echo(gettext("Texts queued again: %(count)d.", count=requeue_pending()))


@sms_cli.command("send-campaigns")
@with_appcontext
def send_campaigns_command():
    """Send the campaign texts (fair follow-ups, reminders whose time has come) waiting to go, at most
    FOLLOW_UP_PER_SECOND a second (with REDIS_URL, have the worker send them)."""
    from sms.campaigns import send_due_here, start_sending

    per_second = current_app.config["FOLLOW_UP_PER_SECOND"]
    if per_second <= 0:
        raise click.ClickException(gettext("FOLLOW_UP_PER_SECOND must be more than 0."))
    if start_sending():  # with Redis the worker sends them, paced by its scheduler
        click.echo(gettext("The worker is sending the follow-up texts, %(count)s a second.", count=per_second))
        return
    outcome = send_due_here(per_second)
    click.echo(
        gettext(
            "Sent %(sent)d follow-up texts; %(opted_out)d numbers had opted out and %(failed)d texts could not be sent.",
            sent=outcome["sent"], opted_out=outcome["opted_out"], failed=outcome["failed"],
        )
    )  # fmt: skip


@sms_cli.group("inbox", invoke_without_command=True)
@click.pass_context
@with_appcontext
def inbox_cli(context):
    """Conversations waiting for a person (listed when no subcommand is given)."""
    if context.invoked_subcommand:
        return
    waiting = handoff.open_handoffs()
    if not waiting:
        click.echo(gettext("No conversation is waiting for a person."))
    for item in waiting:
        h = item.handoff
        click.echo(f"#{h.id}  {h.phone}  {item.locale}  {h.opened_at:%Y-%m-%d %H:%M}  {h.reason}")
        for message in item.transcript:
            arrow = ">" if message.direction == "in" else "<"
            click.echo(f"    {arrow} {message.body}")


def _answer(action, *args, **kwargs):
    try:
        with unit_of_work():
            return action(*args, **kwargs)
    except handoff.HandoffError as error:
        raise click.ClickException(gettext("No open hand-over or reply matches %(what)s.", what=str(error))) from error


@inbox_cli.command("reply")
@click.argument("handoff_id", type=int)
@click.argument("text", required=False, default="")
@click.option("--canned", type=click.Choice(sorted(CANNED)), help="Send a prepared reply, translated into the family's language.")
@with_appcontext
def reply_command(handoff_id, text, canned):
    """Text the family of hand-over HANDOFF_ID: TEXT as written, or a --canned reply."""
    message = _answer(handoff.reply, handoff_id, text, canned)
    click.echo(gettext("Text %(status)s: %(body)s", status=message.status, body=message.body))


@inbox_cli.command("close")
@click.argument("handoff_id", type=int)
@with_appcontext
def close_command(handoff_id):
    """Close hand-over HANDOFF_ID: the conversation leaves the inbox."""
    _answer(handoff.close, handoff_id)
    click.echo(gettext("Hand-over %(id)d closed.", id=handoff_id))
