"""Every reply template, in every locale, at its longest realistic values, fits 3 SMS segments."""

from pathlib import Path

import pytest
from babel.support import Translations

from app.i18n import LOCALES
from sms.replies import TEMPLATES, Reply, render
from sms.segments import count_segments, gsm_friendly

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
LONGEST = {
    "total": 99999,
    "count": 99999,
    "km": 40,
    "number": 99,
    "name": "Irene C. Hernandez Middle School for the Advancement of Science",
    "filter": "Deaf and hard of hearing program",
    "area": "Chicago, IL; Evanston, IL; Oak Park, IL",
    "zip": "60637",
    "needs": "Special education, English learner support, Dual language, Public transit, Wheelchair accessible",
}
LONG_LINE = "3. Marie Sklodowska Curie Metropolitan High School (Kindergarten to Grade 12, Charter, 39.9 km)"


def gettext_for(locale: str):
    return Translations.load(str(TRANSLATIONS), [locale]).gettext


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_fits_three_segments_without_cutting(locale, key):
    text = gettext_for(locale)(TEMPLATES[key])
    filled = text % {k: v for k, v in LONGEST.items() if f"%({k})" in text} if "%(" in text else text
    assert count_segments(gsm_friendly(filled)) <= 3, filled


@pytest.mark.parametrize("locale", LOCALES)
def test_a_results_reply_keeps_its_head_and_at_least_one_school(locale):
    reply = Reply("results_head", {"total": 99999}, (f"1{LONG_LINE[1:]}", f"2{LONG_LINE[1:]}", LONG_LINE))
    text = render(reply, gettext_for(locale))
    assert count_segments(text) <= 3
    assert "1. Marie" in text and not text.endswith("…")


def test_a_head_and_its_lines_are_spelled_alike():
    """Look-alikes are chosen for the whole text: a Vietnamese head keeps its accents when its
    lines hold characters GSM-7 lacks, and a French one loses them all when everything can."""
    vietnamese = render(Reply("compare_head", {}, ("1. Trường Tiểu học Nguyễn Du",)), gettext_for("vi"))
    assert vietnamese.splitlines()[0] == gettext_for("vi")(TEMPLATES["compare_head"])
    assert gsm_friendly("je vais vous écrire en français") == "je vais vous écrire en francais"
