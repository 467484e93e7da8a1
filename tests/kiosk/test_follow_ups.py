"""The rules of a fair's follow-up texts, on plain data: who gets one, what it may say, when it may go."""

from datetime import UTC, datetime, timedelta

import pytest

from kiosk import follow_ups as rules
from kiosk.follow_ups import FollowUpError

NOW = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def refusal(call, *args) -> tuple[str, str]:
    with pytest.raises(FollowUpError) as raised:
        call(*args)
    return raised.value.problem.field, raised.value.problem.message


def test_the_newest_registration_of_a_number_decides_and_each_number_is_texted_once():
    rows = [("+1", True), ("+2", True), ("+1", True), ("+3", False), ("+2", False), ("+3", True)]
    assert rules.audience(rows) == ["+1", "+3"]


def test_the_body_is_trimmed_and_kept_within_its_length():
    assert rules.clean_body("  hi\r\nthere ") == "hi\nthere"
    assert refusal(rules.clean_body, " \r\n")[0] == "body"
    assert rules.clean_body("y" * 640) == "y" * 640
    assert "at most %(limit)d" in refusal(rules.clean_body, "y" * 641)[1]


def test_a_send_time_is_now_or_ahead_within_sixty_days():
    assert rules.send_time(None, NOW) == NOW
    assert rules.send_time(NOW - timedelta(seconds=30), NOW) == NOW  # the minute being typed is now
    assert rules.send_time(NOW + timedelta(days=60), NOW) == NOW + timedelta(days=60)
    field, message = refusal(rules.send_time, NOW - timedelta(minutes=2), NOW)
    assert field == "send_at" and "has passed" in message
    field, message = refusal(rules.send_time, NOW + timedelta(days=61), NOW)
    assert field == "send_at" and "%(days)d days ahead" in message


def test_follow_ups_go_a_day_apart_counting_those_scheduled_for_later():
    sent, scheduled = NOW - timedelta(hours=2), NOW + timedelta(days=2)
    rules.check_gap(NOW + timedelta(hours=22), [sent, scheduled], NOW, "body")  # 24 hours after the sent one, 26 before the next
    field, message = refusal(rules.check_gap, NOW, [sent, scheduled], NOW, "body")
    assert field == "body" and "less than 24 hours ago" in message
    field, message = refusal(rules.check_gap, scheduled - timedelta(hours=23), [sent, scheduled], NOW, "send_at")
    assert field == "send_at" and "scheduled for %(when)s" in message
    rules.check_gap(scheduled + timedelta(hours=24), [sent, scheduled], NOW, "send_at")
    with pytest.raises(FollowUpError) as raised:
        rules.check_gap(scheduled + timedelta(hours=1), [scheduled], NOW, "send_at")
    assert raised.value.problem.params == {"when": scheduled}
