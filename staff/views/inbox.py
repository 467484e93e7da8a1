"""The inbox: text conversations the bot handed over to a person, answered and closed by office staff.

Staff see the family's number (they may need to call), but it never goes into a URL or a log.
"""

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_

from sms import handoff
from sms.outbound import MAY_HAVE_GONE_OUT, SIMULATED
from sms.replies import CANNED
from staff.views import DELIVERY_LABELS, OFFICE_ROLES, delivery_error, roles_required, staff

MAX_REPLY = 1600  # Twilio's limit for one message body
REASONS = {"asked": L_("Asked for a person"), "not_understood": L_("The bot could not understand them")}
# Outbound texts that did not reach the family, and why; the others need no remark.
NOT_DELIVERED = {
    "failed": L_("Not sent: the text service refused it"),
    "undelivered": L_("Not delivered"),
    "opted_out": L_("Not sent: this number has stopped texts"),
    "not_configured": L_("Not sent: texting is not set up"),
}


PERHAPS_SENT = L_("Perhaps sent: the sender stopped or the text service did not answer in time. Ask the family before sending it again")
UNREACHABLE = L_("Not sent: the text service could not be reached")


def not_delivered(message) -> str | None:
    """Why an outbound text did not reach the family, in the reader's language; None when it did (or may yet)."""
    if message.status not in NOT_DELIVERED:
        return None
    if message.status == "failed" and not message.error_code and message.error_reason:
        return str(PERHAPS_SENT if message.error_reason.endswith(MAY_HAVE_GONE_OUT) else UNREACHABLE)
    label = str(NOT_DELIVERED[message.status])
    return f"{label}: {delivery_error(message.error_code)}" if message.error_code else label


# Handed over with no delivery report to follow: the bot's answers (in the webhook's own reply to
# Twilio) and, on the demo server, texts shown in the SMS simulator.
SENT = {"replied": L_("Sent"), SIMULATED: L_("Sent")}


def delivery_state(message) -> str:
    """Say where an outbound text is, in the reader's language: waiting to be sent, sending, sent,
    delivered, or why it did not reach the family."""
    label = not_delivered(message) or DELIVERY_LABELS.get(message.status) or SENT.get(message.status)
    return str(label) if label else message.status  # a status we have no words for, shown as it is


def _inbox(error: str | None = None, status: int = 200, draft: tuple[int, str] | None = None):
    return render_template(
        "staff/inbox.html",
        waiting=handoff.open_handoffs(),
        # Labelled in the reader's language; the family gets the same reply in theirs.
        canned=[(key, _(text)) for key, text in CANNED.items()],
        reasons=REASONS,
        not_delivered=not_delivered,
        delivery_state=delivery_state,
        max_reply=MAX_REPLY,
        done=request.args.get("done", ""),
        error=error,
        draft=draft,
    ), status


def _closed():
    return _inbox(_("This conversation is no longer waiting for a person: someone closed it."), 409)


@staff.get("/inbox")
@roles_required(*OFFICE_ROLES)
def inbox():
    """List the conversations waiting for a person, oldest first, with their transcripts."""
    return _inbox()


@staff.post("/inbox/<int:handoff_id>/reply")
@roles_required(*OFFICE_ROLES)
def inbox_reply(handoff_id: int):
    """Text the family: a staff member's own words, or a prepared reply in the family's language."""
    canned, text = request.form.get("canned") or None, request.form.get("text", "")
    if canned is None and not text.strip():
        return _inbox(_("Write a reply or choose a prepared one."), 400)
    if canned is not None and canned not in CANNED:
        return _inbox(_("Choose one of the prepared replies."), 400)
    if len(text.strip()) > MAX_REPLY:
        return _inbox(_("A reply can be at most %(limit)d characters.", limit=MAX_REPLY), 400, draft=(handoff_id, text[:10_000]))
    try:
        message = handoff.reply(handoff_id, text, canned)
    except handoff.HandoffError:
        return _closed()
    done = "not_sent" if message.status in NOT_DELIVERED else "sent"
    return redirect(url_for("staff.inbox", done=done, _anchor=f"handoff-{handoff_id}"))


@staff.post("/inbox/<int:handoff_id>/close")
@roles_required(*OFFICE_ROLES)
def inbox_close(handoff_id: int):
    """Close a hand-over: the conversation leaves the inbox; the family can text again any time."""
    try:
        handoff.close(handoff_id)
    except handoff.HandoffError:
        return _closed()
    return redirect(url_for("staff.inbox", done="closed"))
