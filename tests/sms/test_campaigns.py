"""Text campaigns: one body to many numbers, now or from a set time; opted-out numbers are never
texted; nothing goes before its time; the clock starts what has become due; cancelled ones never go."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from sms import campaigns
from sms.models import Campaign, CampaignRecipient
from sms.services import opt_out, purge_older_than

FAMILIES = ["+17735550101", "+17735550102", "+17735550103"]
AUTHOR = "editor@office.example.org"


def make(app, now: datetime, send_at: datetime | None = None, phones=FAMILIES) -> int:
    with app.app_context(), unit_of_work():
        return campaigns.create_campaign(phones, "Applications close Friday.", AUTHOR, now, send_at=send_at).id


def statuses(app) -> dict[str, str]:
    with app.app_context():
        return dict(db.session.execute(select(CampaignRecipient.phone, CampaignRecipient.status)).all())


def send_due(app, now: datetime):
    with app.app_context(), unit_of_work():
        return campaigns.send_due(10, now)


def test_a_campaign_texts_each_number_once_and_marks_the_opted_out_ones_when_made_and_when_sent(app, twilio):
    now = datetime.now(UTC)
    with app.app_context(), unit_of_work():
        opt_out(FAMILIES[2])
    make(app, now, phones=[*FAMILIES, FAMILIES[0]])
    assert statuses(app) == {FAMILIES[0]: "pending", FAMILIES[1]: "pending", FAMILIES[2]: "opted_out"}
    with app.app_context(), unit_of_work():
        opt_out(FAMILIES[1])  # a STOP after the campaign was made
    assert send_due(app, now) == {"sent": 1, "opted_out": 1}
    assert [text["To"] for text in twilio.sent] == [FAMILIES[0]]
    assert statuses(app) == {FAMILIES[0]: "sent", FAMILIES[1]: "opted_out", FAMILIES[2]: "opted_out"}


def test_nothing_goes_before_its_send_time(app, twilio):
    now = datetime.now(UTC)
    later = now + timedelta(days=3)
    make(app, now, send_at=later)
    assert send_due(app, later - timedelta(seconds=1)) == {}
    with app.app_context():
        assert not campaigns.has_due(later - timedelta(seconds=1))
        assert campaigns.send_due_here(100, sleep=lambda _s: None, clock=lambda: now) == {}
    assert twilio.sent == []
    assert send_due(app, later) == {"sent": 3} and len(twilio.sent) == 3


def test_a_cancelled_campaign_never_goes_and_one_whose_time_came_cannot_be_cancelled(app, twilio):
    now = datetime.now(UTC)
    first, second = make(app, now, send_at=now + timedelta(hours=2)), make(app, now, send_at=now + timedelta(hours=4))
    with app.app_context(), unit_of_work():
        assert campaigns.cancel_campaign(first, "office@example.org", now + timedelta(hours=1))
        assert not campaigns.cancel_campaign(first, "office@example.org", now + timedelta(hours=1))  # once
        assert not campaigns.cancel_campaign(second, "office@example.org", now + timedelta(hours=4))  # its time has come
        assert campaigns.send_times([first, second]) == [now + timedelta(hours=4)]  # a cancelled one holds no time
    assert send_due(app, now + timedelta(days=1)) == {"sent": 3}
    with app.app_context():
        by_campaign = {(c, s) for c, s in db.session.execute(select(CampaignRecipient.campaign_id, CampaignRecipient.status))}
        assert by_campaign == {(first, "cancelled"), (second, "sent")}
        cancelled = db.session.get(Campaign, first)
        assert cancelled.cancelled_by == "office@example.org" and cancelled.cancelled_at is not None


def test_summaries_count_numbers_by_status_and_say_which_are_still_scheduled(app, twilio):
    now = datetime.now(UTC)
    with app.app_context(), unit_of_work():
        opt_out(FAMILIES[2])
    sent, scheduled = make(app, now), make(app, now, send_at=now + timedelta(days=1))
    send_due(app, now)
    with app.app_context():
        found = campaigns.summaries([scheduled, sent], now)
        assert [summary.campaign.id for summary in found] == [scheduled, sent]
        assert [summary.scheduled for summary in found] == [True, False]
        assert found[0].statuses == {"pending": 2, "opted_out": 1} and not found[0].deliveries
        assert found[1].statuses == {"sent": 2, "opted_out": 1} and found[1].deliveries == {"queued": 2}


def test_the_clock_starts_the_sending_chain_only_when_a_campaign_is_due(app, twilio, redis_url):
    from sms.jobs import text_queue
    from tests.workers import work_burst

    app.config.update(REDIS_URL=redis_url, FOLLOW_UP_PER_SECOND=100.0)
    now = datetime.now(UTC)
    make(app, now, send_at=now + timedelta(hours=1))
    with app.app_context():
        assert campaigns.send_due_campaigns() is False and text_queue().count == 0  # nothing due: nothing started
    with app.app_context(), unit_of_work():
        db.session.execute(db.update(Campaign).values(send_at=now - timedelta(seconds=1)))  # its time has come
    with app.app_context():
        assert campaigns.send_due_campaigns() is True
        queue = text_queue()
        assert queue.count == 1
        work_burst(queue)
    assert sorted(text["To"] for text in twilio.sent) == FAMILIES
    assert set(statuses(app).values()) == {"sent"}


def test_the_purge_removes_recipients_handled_before_the_cutoff(app, twilio):
    now = datetime.now(UTC)
    make(app, now - timedelta(days=400), phones=FAMILIES[:1])
    send_due(app, now)
    make(app, now, send_at=now + timedelta(days=1), phones=FAMILIES[1:])  # waiting: kept whatever its age
    with app.app_context(), unit_of_work():
        db.session.execute(db.update(CampaignRecipient).where(CampaignRecipient.status == "sent").values(sent_at=now - timedelta(days=400)))
    with app.app_context(), unit_of_work():
        assert purge_older_than(now - timedelta(days=365), 10)["campaign_recipients"] == 1
    assert statuses(app) == {FAMILIES[1]: "pending", FAMILIES[2]: "pending"}


def test_the_migration_moves_the_fair_follow_ups_into_campaigns_and_its_downgrade_moves_them_back(tmp_path):
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text as sql

    from app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'before.db'}"})
    with app.app_context():
        upgrade(revision="0014")
        for statement in (
            "INSERT INTO kiosk_fair (id, name, place, starts_on, ends_on) VALUES (7, 'Fair', '', '2026-11-01', '2026-11-01')",
            "INSERT INTO kiosk_registration (id, client_key, fair_id, parent_name, phone, locale, grades, school_ids, needs, consent_texts, created_at) "
            "VALUES (3, 'k', 7, 'Ana', '+17735550101', 'es', '[0]', '[]', '[]', 1, '2026-11-01 10:00:00')",
            "INSERT INTO sms_message (id, direction, phone, body, status, created_at) VALUES (5, 'out', '+17735550101', 'Thanks', 'delivered', '2026-11-02 09:00:00')",
            "INSERT INTO staff_follow_up (id, fair_id, body, author, created_at) VALUES (4, 7, 'Thanks', 'editor@office.example.org', '2026-11-02 09:00:00')",
            "INSERT INTO staff_follow_up_recipient (id, follow_up_id, registration_id, phone, status, message_id, sent_at) "
            "VALUES (9, 4, 3, '+17735550101', 'sent', 5, '2026-11-02 09:00:01')",
        ):
            db.session.execute(sql(statement))
        db.session.commit()
        upgrade()
        campaign = db.session.get(Campaign, 4)
        assert (campaign.body, campaign.author, campaign.send_at, campaign.cancelled_at) == (
            "Thanks",
            AUTHOR,
            datetime(2026, 11, 2, 9),
            None,
        )
        assert [(r.id, r.phone, r.status, r.message_id) for r in campaign.recipients] == [(9, "+17735550101", "sent", 5)]
        assert db.session.execute(sql("SELECT campaign_id, fair_id FROM kiosk_fair_follow_up")).all() == [(4, 7)]
        scheduled = campaigns.create_campaign(
            ["+17735550101"], "Reminder", AUTHOR, datetime.now(UTC), datetime.now(UTC) + timedelta(days=1)
        )
        db.session.execute(sql("INSERT INTO kiosk_fair_follow_up (campaign_id, fair_id) VALUES (:id, 7)"), {"id": scheduled.id})
        db.session.commit()
        assert scheduled.id == 5  # new ids come after the ones moved in
        db.session.remove()
        downgrade(revision="0014")
        rows = db.session.execute(
            sql("SELECT follow_up_id, registration_id, phone, status, message_id FROM staff_follow_up_recipient ORDER BY id")
        ).all()
        assert rows == [
            (4, 3, "+17735550101", "sent", 5),
            (5, 3, "+17735550101", "cancelled", None),
        ]  # the older code would send it at once
        assert db.session.execute(sql("SELECT id, fair_id, body FROM staff_follow_up ORDER BY id")).all() == [
            (4, 7, "Thanks"),
            (5, 7, "Reminder"),
        ]
        db.engine.dispose()
