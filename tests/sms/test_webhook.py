"""/sms/inbound end to end: signatures, conversations on the Chicago catalog, compliance, odd input."""

from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from app.extensions import db
from catalog.labels import current as current_labels
from sms.models import Message, OptOut
from sms.segments import count_segments, gsm_friendly
from tests.sms.conftest import sign


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    """The webhook writes with each database's own upsert and RETURNING: run it on both."""
    return request.param


def test_unsigned_and_forged_requests_are_refused(client):
    form = {"From": "+17735550101", "Body": "hi", "MessageSid": "SM" + "1" * 32}
    assert client.post("/sms/inbound", data=form).status_code == 403
    assert client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": "forged"}).status_code == 403
    signed_other = sign("http://localhost/sms/inbound", {**form, "Body": "something else"})
    assert client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signed_other}).status_code == 403


def test_behind_a_proxy_the_public_url_is_what_twilio_signed(app, client):
    app.config["PUBLIC_BASE_URL"] = "https://schools.example.org"
    form = {"From": "+17735550101", "Body": "hi", "MessageSid": "SM" + "a" * 32}
    good = sign("https://schools.example.org/sms/inbound", form)
    assert client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": good}).status_code == 200
    internal = sign("http://localhost/sms/inbound", form)
    assert (
        client.post("/sms/inbound", data={**form, "MessageSid": "SM" + "b" * 32}, headers={"X-Twilio-Signature": internal}).status_code
        == 403
    )


def test_a_search_in_spanish_then_details_more_and_compare(text, session):
    # no Chicago school states a school bus: the bot says so and offers the search without it
    nothing, offer = text("kinder cerca de 60637 con autobus escolar o educacion especial")
    assert "1." not in nothing and "Autobus escolar" in offer and "AMPLIAR" in offer  # the Spanish word for WIDER
    without_bus = text("AMPLIAR")
    assert "1. " in without_bus[0]
    [results, *_not_stated] = text("kinder cerca de 60637 educacion especial")
    assert "1. " in results and "2. " in results
    first_name = results.split("\n")[1].split(". ", 1)[1].split(" (")[0]
    details = text("1")
    assert first_name in details[0] and all(count_segments(part) <= 3 for part in details)
    [more] = text("MAS")
    assert "4. " in more
    compared = text("comparar 1 y 2")
    assert first_name in compared[0] and "Educacion especial: (1) " in "\n".join(compared)


def test_english_search_refined_by_follow_ups(text):
    [first] = text("elementary schools near 60623")
    assert "1. " in first
    [charter] = text("only charter")
    assert "Charter" in charter and "District" not in charter.split("\n", 1)[1]


def test_stop_means_silence_until_start(text, session):
    assert text("hi")
    [stopped] = text("STOP")
    assert "START" in stopped
    assert session.get(OptOut, "+17735550101") is not None
    assert text("kinder 60637") == []
    assert text("hola") == []
    [back] = text("START")
    assert back
    assert text("kinder 60637")


def test_a_retried_message_sid_is_answered_the_same_and_stored_once(text, session):
    first = text("grade 3 60615", sid="SM" + "c" * 32)
    again = text("grade 3 60615", sid="SM" + "c" * 32)
    assert first == again and first
    assert session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in")) == 1


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        ("", {}),
        ("x" * 5000, {}),
        ("😀🎒📚", {}),
        ("", {"NumMedia": "1", "MediaUrl0": "https://api.twilio.com/media/1"}),
        ("\x00\ud7ff", {}),
    ],
)
def test_odd_messages_get_a_short_answer_not_an_error(text, body, extra):
    replies = text(body, **extra)
    assert replies and all(count_segments(r) <= 3 for r in replies)


def test_an_expired_conversation_starts_fresh(app, session):
    from sms.services import handle_inbound

    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    with app.test_request_context():
        assert "1. " in handle_inbound("+17735550199", "grade 5 60637", "SMa", now)[0]
        later = handle_inbound("+17735550199", "2", "SMb", now + timedelta(hours=25))
    assert "2" in later[0] and "1. " not in later[0]


def test_a_sender_over_the_limit_gets_a_polite_reply_in_their_language(app, text, session):
    app.config["SMS_RATE_LIMIT"] = "3/minute"
    sender = "+17735550177"
    assert "1. " in text("kinder cerca de 60637", sender=sender)[0]
    text("1", sender=sender)
    text("2", sender=sender)
    [limited] = text("3", sender=sender)
    assert "1. " not in limited and limited != text("hola", sender="+17735550178")[0]
    assert session.scalar(select(func.count()).select_from(Message).where(Message.status == "limited")) == 1
    assert text("kinder 60637", sender="+17735550179")  # other families are not affected


def test_with_limits_turned_off_every_text_is_answered(database_url):
    from app import create_app
    from tests.sms.conftest import TOKEN

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "TWILIO_AUTH_TOKEN": TOKEN, "RATELIMIT_ENABLED": False})
    client = app.test_client()
    for n in range(3):
        form = {"From": "+17735550166", "To": "+13125550000", "Body": "hi", "MessageSid": f"SM{n:032d}"}
        response = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("http://localhost/sms/inbound", form)})
        assert response.status_code == 200 and "<Message>" in response.get_data(as_text=True)
    with app.app_context():
        db.engine.dispose()


def test_a_retry_arriving_over_the_limit_gets_the_stored_answer(app, text, session):
    app.config["SMS_RATE_LIMIT"] = "1/minute"
    first = text("grade 3 60615", sender="+17735550188", sid="SM" + "d" * 32)
    assert text("grade 3 60615", sender="+17735550188", sid="SM" + "d" * 32) == first
    assert session.scalar(select(func.count()).select_from(Message).where(Message.sid == "SM" + "d" * 32)) == 1


def test_a_question_about_a_named_school_answers_that_topic(text):
    [answer] = text("does Kelly High have a bus?")
    assert answer.startswith("Thomas Kelly High School, getting there:") and "School bus not known" in answer  # CPS does not say
    [apply] = text("how do I apply to Kelly High School")
    assert apply.startswith("Thomas Kelly High School") and "PERSON" in apply  # the demo catalog has no how-to-apply text


def test_details_show_the_listing_as_it_is_now(app, text):
    """A family replies "1" after staff changed that school: the reply has the new facts."""
    from catalog.queries import current_rows
    from catalog.services import publish_listing
    from sms.models import Conversation

    [results] = text("grade 3 near 60637")
    with app.app_context():
        first = db.session.get(Conversation, "+17735550101").state["results"][0]
        row = current_rows([first])[first]
        assert publish_listing(first, {**row, "phone": "(773) 555-0142"}, actor="test")[0]
        db.session.commit()
    [details] = text("1")
    assert row["name"] in details and "(773) 555-0142" in details


def test_a_retry_stored_meanwhile_by_another_worker_is_answered_but_not_stored_twice(app, monkeypatch):
    """Two deliveries of one MessageSid at once: the second to store finds it taken and stores nothing."""
    import sms.services
    from sms.services import Context, handle_inbound

    def stored() -> int:
        return db.session.scalar(select(func.count()).select_from(Message).where(Message.phone == "+17735550166"))

    with app.test_request_context():
        first = handle_inbound("+17735550166", "grade 3 60615", "SMtwice")
        db.session.commit()
        assert stored() == 1 + len(first)
        # the second delivery read its context before the first one committed
        monkeypatch.setattr(sms.services, "_context", lambda phone, sid: Context(None, False, None, None))
        again = handle_inbound("+17735550166", "grade 3 60615", "SMtwice")
        db.session.commit()
        assert again == first
        assert stored() == 1 + len(first)


def test_a_nul_character_is_dropped_and_the_rest_of_the_text_kept(text, session):
    assert text("kinder\x00 60637")
    assert session.scalar(select(Message.body).where(Message.direction == "in")) == "kinder 60637"


@pytest.mark.parametrize("search", ["детский сад 60623", "mẫu giáo 60623", "유치원 60623", "روضة 60623"])
def test_every_listed_school_is_shown_before_its_number_is_used(text, search):
    """Long names in a UCS-2 script do not fit one text with the head: they go on in the next
    text (each within 3 segments), never dropped while their numbers stay listed."""
    listed = text(search)
    assert all(count_segments(t) <= 3 for t in listed)
    shown = "\n".join(listed)
    names = [line.split(". ", 1)[1].split(" (")[0] for line in shown.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert [line[:2] for line in shown.splitlines() if line[:2] in ("1.", "2.", "3.")] == ["1.", "2.", "3."]
    details = "\n".join(text("2"))
    assert names[1] in details and all(count_segments(t) <= 3 for t in text("2"))


def test_a_refinement_that_finds_nothing_keeps_the_list_the_family_has(text):
    listed = "\n".join(text("grade 9 60637", sender="+17735550177"))
    second = next(line for line in listed.splitlines() if line.startswith("2. ")).split(". ", 1)[1].split(" (")[0]
    assert "1." not in "\n".join(text("with a bus", sender="+17735550177"))  # no Chicago school lists a bus
    assert second in "\n".join(text("2", sender="+17735550177"))
    about_bus = "\n".join(text("does 2 have a bus?", sender="+17735550177"))
    assert second in about_bus and "1." not in about_bus


def test_a_long_transit_text_is_cut_at_a_word_and_marked():
    from sms.engine import _shortened

    transit = "Metra: Milwaukee District North, Milwaukee District West, Union Pacific North; CTA: Red, Brown, Purple Express lines"
    short = _shortened(transit, 60)
    assert len(short) <= 60 and short.endswith("…") and transit.startswith(short[:-1]) and transit[len(short) - 1] in " ,;"
    assert _shortened("Red Line", 60) == "Red Line"


@pytest.mark.parametrize("sid", ["SM" + "a" * 62, "SM" + "1" * 31, "XX" + "1" * 32, "SM" + "g" * 32, "SM1 OR 1=1"])
def test_a_message_sid_not_shaped_as_twilios_is_refused_and_not_stored(client, session, sid):
    # a longer SID than its column (64) was stored on SQLite and would have failed on PostgreSQL
    form = {"From": "+17735550101", "To": "+13125550000", "Body": "grade 3 60615", "MessageSid": sid}
    response = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("http://localhost/sms/inbound", form)})
    assert response.status_code == 400
    assert response.mimetype == "application/xml" and "<Message>" not in response.get_data(as_text=True)  # nothing texted
    assert session.scalar(select(func.count()).select_from(Message)) == 0


def test_a_status_callback_with_a_malformed_sid_is_refused(twilio, status):
    assert status("SM" + "f" * 70, "delivered") == 400
    assert status("SM" + "f" * 32, "delivered") == 204  # well formed, not ours: harmless


def test_a_word_not_understood_is_asked_about_and_the_list_says_what_was_understood(text):
    replies = text("kindergarden neer 60637 spetsul")
    assert replies[0].startswith("Kindergarten - within 5 km of 60637: ")  # no need in it: the family sees one was missed
    assert replies[-1] == 'I did not understand "spetsul". If you meant Special education, reply: Special education'
    [refined, *_not_stated] = text("Special education")
    assert refined.startswith("Kindergarten - within 5 km of 60637 - Special education: ")


def test_a_short_text_in_another_script_is_answered_in_its_language(text):
    text("grade 3 60637")
    [greeting] = text("привет")
    assert sum("\u0400" <= ch <= "\u04ff" for ch in greeting) > len(greeting) // 3


@pytest.mark.parametrize(
    ("body", "locale"),
    [("روضة 60637", "ar"), ("کنڈرگارٹن 60637", "ur"), ("কিন্ডারগার্টেন 60637", "bn"), ("детский сад 60637", "ru"), ("mẫu giáo 60637", "vi")],
)
def test_a_first_page_of_three_schools_takes_at_most_two_texts_in_every_script(app, text, body, locale):
    """Each school's line says its grades and type in short ("PK–8", the locale's word for district): in
    Arabic, Urdu, Bengali, Russian or Vietnamese (UCS-2: 67 characters a segment) a list once took a text per school."""
    replies = text(body)
    assert len(replies) <= 2 and all(count_segments(reply) <= 3 for reply in replies), replies
    lines = [line for line in "\n".join(replies).splitlines() if line[:1].isdigit()]
    assert [line[:2] for line in lines] == ["1.", "2.", "3."]
    with app.test_request_context(), force_locale(locale):
        labels = current_labels()
        short = f"{labels.grades_short(range(-1, 9))}{labels.comma}{labels.sector_short('district')}"
    # a text that needs no other character goes out in GSM-7, "–" as "-"
    assert "–8" in short and all(short in line or gsm_friendly(short) in line for line in lines), (short, lines)
