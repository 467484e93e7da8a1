"""The rules of a fair's follow-up texts, as decisions on plain data (kiosk.services applies them):
who gets one, what its text may be, when it may go. No database, no clock: the time is passed in.

- It goes to every number whose newest registration at the fair agreed to texts (a later "no"
  overrides an earlier "yes"), once per number.
- Its text is not empty and at most MAX_FOLLOW_UP characters (a line break counts as one).
- It goes now, or at a time from now up to MAX_SCHEDULE_AHEAD ahead (a reminder).
- A fair's follow-ups go at least FOLLOW_UP_GAP apart, counting the ones scheduled for later, so
  families are not flooded.
"""

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from catalog.vocabulary import N_

MAX_FOLLOW_UP = 640
FOLLOW_UP_GAP = timedelta(hours=24)  # at most one follow-up a day per fair
MAX_SCHEDULE_AHEAD = timedelta(days=60)
# A send time in the minute being typed is "now", not the past, however long the form took.
SEND_AT_GRACE = timedelta(minutes=1)


@dataclass(frozen=True)
class Problem:
    """Why a form (a follow-up, a fair, a booth) was refused: `message` is a message id, translated
    where it is shown, then filled with `params`; `field` is the form field it is about."""

    field: str
    message: str
    params: dict = dataclasses.field(default_factory=dict)


class FollowUpError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def audience(registrations: Iterable[tuple[str, bool]]) -> list[str]:
    """The numbers to text, from (phone, agreed to texts) of the fair's registrations, oldest first:
    each number once, when its newest registration agreed."""
    newest = {phone: consent for phone, consent in registrations}  # a later choice overrides an earlier one
    return [phone for phone, consent in newest.items() if consent]


def clean_body(body: str) -> str:
    """The text as it will be sent (browser line breaks made single, outer spaces dropped), or refused."""
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise FollowUpError(Problem("body", N_("Write the text to send.")))
    if len(text) > MAX_FOLLOW_UP:
        too_long = N_("A follow-up can be at most %(limit)d characters; this one has %(count)d.")
        raise FollowUpError(Problem("body", too_long, {"limit": MAX_FOLLOW_UP, "count": len(text)}))
    return text


def send_time(send_at: datetime | None, now: datetime) -> datetime:
    """When a follow-up goes: now without a send time, else that time, refused when it has passed or
    is more than MAX_SCHEDULE_AHEAD ahead. Both times carry their zone."""
    if send_at is None:
        return now
    if send_at < now - SEND_AT_GRACE:
        raise FollowUpError(Problem("send_at", N_("This time has passed. Leave “Send at” empty to send now, or choose a later time.")))
    if send_at > now + MAX_SCHEDULE_AHEAD:
        too_far = N_("A follow-up can be scheduled at most %(days)d days ahead: choose an earlier “Send at” time.")
        raise FollowUpError(Problem("send_at", too_far, {"days": MAX_SCHEDULE_AHEAD.days}))
    return max(send_at, now)


def check_gap(when: datetime, others: Iterable[datetime], now: datetime, field: str) -> None:
    """Refuse a follow-up going at `when` less than FOLLOW_UP_GAP from another of the fair's
    follow-ups (sent, or scheduled for later: `others` are their send times)."""
    for other in sorted(others):
        if abs(other - when) >= FOLLOW_UP_GAP:
            continue
        if other <= now:
            too_soon = N_("This fair's families got a follow-up less than 24 hours ago. The next one can go after %(when)s.")
            raise FollowUpError(Problem(field, too_soon, {"when": other + FOLLOW_UP_GAP}))
        scheduled = N_("This fair has a follow-up scheduled for %(when)s. Follow-ups go at least 24 hours apart: choose another time.")
        raise FollowUpError(Problem(field, scheduled, {"when": other}))
