"""Translations of listing text: a translator's text reaches families, a changed English source
flags it as out of date, and coverage per locale counts translated, stale and missing texts."""

from sqlalchemy import select

from app.extensions import db
from catalog.csvformat import text_hash
from catalog.models import ListingChange, SchoolText
from staff.translations import coverage
from tests.staff.conftest import post


def english_summary(app, school_id: str) -> str:
    with app.app_context():
        return db.session.get(SchoolText, (school_id, "summary", "en")).text


def vietnamese_coverage(app):
    with app.app_context():
        [row] = coverage(["vi"])
        return row.translated, row.stale, row.missing


def with_summary(app, as_role) -> str:
    """A school with an English summary (the demo catalog has facts only): the editor writes one."""
    school_id = app.config["REP_SCHOOL"]
    post(as_role("editor"), f"/staff/schools/{school_id}/edit", {"summary": "A small neighborhood school with a garden."})
    return school_id


def test_a_translation_is_saved_against_its_english_source_and_families_see_it(app, as_role):
    school_id = with_summary(app, as_role)
    assert vietnamese_coverage(app) == (0, 0, 1)
    translator = as_role("translator")
    url = f"/staff/schools/{school_id}/translations/vi"
    assert "A small neighborhood school with a garden." in translator.get(url).get_data(as_text=True)
    response = post(translator, url, {"summary": "Một trường nhỏ trong khu phố, có vườn.", "how_to_apply": ""})
    assert response.status_code == 302 and "done=saved" in response.location
    with app.app_context():
        saved = db.session.get(SchoolText, (school_id, "summary", "vi"))
        assert saved.source_hash == text_hash("A small neighborhood school with a garden.")
        change = db.session.scalars(select(ListingChange).where(ListingChange.action == "translated")).one()
        assert (change.actor, change.changes) == (
            "translator@office.example.org",
            {"summary:vi": ["", "Một trường nhỏ trong khu phố, có vườn."]},
        )
    assert vietnamese_coverage(app) == (1, 0, 0)
    assert "Một trường nhỏ trong khu phố, có vườn." in app.test_client().get(f"/kiosk/vi/schools/{school_id}").get_data(as_text=True)


def test_changing_the_english_text_flags_the_translation_until_it_is_saved_again(app, as_role):
    school_id = with_summary(app, as_role)
    translator = as_role("translator")
    url = f"/staff/schools/{school_id}/translations/vi"
    post(translator, url, {"summary": "Một trường nhỏ.", "how_to_apply": ""})
    post(as_role("editor"), f"/staff/schools/{school_id}/edit", {"summary": "A small school with a garden and a library."})
    assert vietnamese_coverage(app) == (0, 1, 0)
    assert "out of date" in translator.get("/staff/translations/vi").get_data(as_text=True)
    assert "Out of date: the English text changed" in translator.get(url).get_data(as_text=True)
    post(translator, url, {"summary": "Một trường nhỏ có vườn và thư viện.", "how_to_apply": ""})
    assert vietnamese_coverage(app) == (1, 0, 0)
    assert "Nothing left to do." in translator.get("/staff/translations/vi").get_data(as_text=True)


def test_a_too_long_translation_is_refused_and_what_was_typed_stays(app, as_role):
    school_id = with_summary(app, as_role)
    translator = as_role("translator")
    long_text = "Dài " * 1500
    response = post(translator, f"/staff/schools/{school_id}/translations/vi", {"summary": long_text, "how_to_apply": "Gọi trường."})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "longer than 5000 characters" in page and "Gọi trường." in page
    with app.app_context():
        assert db.session.get(SchoolText, (school_id, "how_to_apply", "vi")) is None  # nothing half-saved
    assert translator.get(f"/staff/schools/{school_id}/translations/xx").status_code == 404
    assert translator.get(f"/staff/schools/{school_id}/translations/en").status_code == 404


def test_the_coverage_page_lists_every_language_but_english(app, as_role):
    with_summary(app, as_role)
    page = as_role("translator").get("/staff/translations").get_data(as_text=True)
    for name in ("Tiếng Việt", "Español", "العربية", "Soomaali", "Kreyòl Ayisyen"):
        assert name in page
    assert '/staff/translations/en"' not in page
