"""Every reply template, in every locale, at its longest realistic values, fits 3 SMS segments."""

import re
from functools import partial
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import format_decimal
from babel.support import Translations

from app.i18n import LOCALES
from catalog.labels import Labels
from catalog.query import Query, Relaxation
from catalog.text import fold
from catalog.vocabulary import GRADE_LABELS_SHORT, NEEDS
from sms.lexicons import load_all
from sms.replies import TEMPLATES, Reply, render
from sms.segments import count_segments, gsm_friendly
from sms.understand import parse

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
LONGEST = {
    "num": "99,999",  # as a locale writes it
    "echo": "Pre-K · within 40.0 km of 60637 · Charter · Special education · English learner support · Deaf and hard of hearing program",
    "word": "transportashun",
    "need": "English learner support",
    "schools": "1. Irene C. Hernandez Middle School, 4. Marie Sklodowska Curie Metropolitan High School",
    "km": 40,
    "number": 99,
    "name": "Irene C. Hernandez Middle School for the Advancement of Science",
    "filter": "Deaf and hard of hearing program",
    "area": "Chicago, IL; Evanston, IL; Oak Park, IL",
    "zip": "60637",
    "needs": "Special education, English learner support, Dual language, Public transit, Wheelchair accessible",
}
LONG_LINE = "3. Marie Sklodowska Curie Metropolitan High School (Kindergarten to Grade 12, Charter, 39.9 km)"


def translations_for(locale: str) -> Translations:
    return Translations.load(str(TRANSLATIONS), [locale])


def gettext_for(locale: str):
    return translations_for(locale).gettext


def _forms(locale: str, template) -> list[str]:
    """Every form a template takes in a locale: each plural form of a counted one."""
    translations = translations_for(locale)
    if isinstance(template, tuple):
        return sorted({translations.ngettext(*template, n) for n in (0, 1, 2, 3, 5, 11, 21, 102, 99999)})
    return [translations.gettext(template)]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_fits_three_segments_without_cutting(locale, key):
    for text in _forms(locale, TEMPLATES[key]):
        filled = text % {k: v for k, v in LONGEST.items() if f"%({k})" in text} if "%(" in text else text
        assert count_segments(gsm_friendly(filled)) <= 3, filled


@pytest.mark.parametrize("locale", LOCALES)
def test_counted_replies_say_one_school_in_the_singular(locale):
    """ "1 school", not "1 schools": the count picks the locale's plural form (Arabic has six)."""
    translations = translations_for(locale)
    for key, template in TEMPLATES.items():
        if isinstance(template, tuple):
            one, many = (render(Reply(key, {"num": n, "echo": "K", "filter": "Bus", "km": 10}), translations) for n in (1, 7))
            assert "%" not in one and "%" not in many
            if locale == "en":
                assert "1 school." in one or "1 school within" in one or "1 school. " in one, one
                assert "7 schools" in many


@pytest.mark.parametrize(
    ("locale", "written"), [("en", "1,234 schools"), ("es", "1.234"), ("fr", "1 234"), ("vi", "1.234"), ("ru", "1\xa0234"), ("ar", "1,234")]
)
def test_counts_are_written_as_the_locale_writes_them(locale, written):
    """A count is grouped as the locale groups it; French's narrow space becomes a plain one,
    which keeps the text GSM-7 (one segment holds 160 characters, not 70)."""
    translations = translations_for(locale)
    number = partial(format_decimal, locale=Locale.parse(locale))
    for key in ("results_head", "wider_offer", "drop_offer"):
        text = render(Reply(key, {"num": 1234, "echo": "K", "filter": "Bus", "km": 10}), translations, number)
        assert written in text, text
    labels = Labels(translations, Locale.parse(locale))
    said = [labels.not_stated("sped", {"district": 1234}), labels.students_served("sped", 1234, 9000)]
    said.append(labels.relaxation(Relaxation(drop="sector", total=1234), Query(sector="charter")))
    for text in said:  # the catalog's labels, which the kiosk and the bot both show
        assert _spaced(written.removesuffix(" schools")) in _spaced(text), text


def _spaced(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_results_reply_keeps_its_head_and_at_least_one_school(locale):
    # a search of a grade and a place (longer searches may send their first school in a second text)
    reply = Reply(
        "results_head", {"num": 999, "echo": "Grade 3 · within 5 km of 60637"}, (f"1{LONG_LINE[1:]}", f"2{LONG_LINE[1:]}", LONG_LINE)
    )
    text = render(reply, translations_for(locale))
    assert count_segments(text) <= 3
    assert "1. Marie" in text and not text.endswith("…")


def test_a_head_and_its_lines_are_spelled_alike():
    """Look-alikes are chosen for the whole text: a Vietnamese head keeps its accents when its
    lines hold characters GSM-7 lacks, and a French one loses them all when everything can."""
    values = {"schools": "1. Trường Tiểu học Nguyễn Du, 2. Lincoln"}
    vietnamese = render(Reply("compare_head", values, ("1. Trường Tiểu học Nguyễn Du",)), translations_for("vi"))
    assert vietnamese.splitlines()[0] == gettext_for("vi")(TEMPLATES["compare_head"]) % values
    assert gsm_friendly("je vais vous écrire en français") == "je vais vous écrire en francais"


def _says_one_of(text: str, phrases) -> bool:
    folded = fold(text)
    return any(re.search(r"(?<!\w)" + re.escape(fold(p)) + r"(?!\w)", folded) for p in phrases if fold(p))


@pytest.mark.parametrize("locale", LOCALES)
def test_prompts_name_the_locales_own_more_and_wider_words(locale):
    """A reply that says "MORE" or "WIDER" says a word the bot reads as that in the family's language."""
    translations, lexicon = translations_for(locale), load_all()[locale]
    assert _says_one_of(translations.ngettext(*TEMPLATES["results_head"], 7), lexicon.more)
    for key in ("wider_offer", "drop_offer"):
        for n in (1, 7):
            assert _says_one_of(translations.ngettext(*TEMPLATES[key], n), lexicon.wider), (key, n)


# The English keywords a reply asks families to send, by the intent the bot reads them as.
KEYWORDS = {"more": "MORE", "human": "PERSON"}


@pytest.mark.parametrize("locale", LOCALES)
def test_prompts_name_the_locales_own_more_and_person_words(locale):
    """A reply whose English asks for MORE or PERSON names, in the family's language, a phrase of
    its lexicon that the bot reads back as that («موظف» in Arabic, not PERSON)."""
    english, translations, lexicon = translations_for("en"), translations_for(locale), load_all()[locale]
    asked = 0
    for key, template in sorted(TEMPLATES.items()):
        # counted ones at every count a reply is sent with (none is sent for 0 schools)
        counts = (1, 2, 3, 5, 7, 11, 21, 102) if isinstance(template, tuple) else (None,)
        for n in counts:
            if n is None:
                asks, says = english.gettext(template), translations.gettext(template)
            else:
                asks, says = english.ngettext(*template, n), translations.ngettext(*template, n)
            for intent, keyword in KEYWORDS.items():
                if not re.search(rf"\b{keyword}\b", asks):
                    continue
                asked += 1
                phrases = (*getattr(lexicon, intent), *((keyword,) if locale == "en" else ()))
                named = [p for p in phrases if _says_one_of(says, (p,))]
                assert named, (key, n, intent, says)
                assert any(parse(p, locale).intent == intent for p in named), (key, n, intent, named)
                if locale != "en":  # the locale's own word, not the English keyword left in
                    assert not re.search(rf"\b{keyword}\b", says), (key, n, says)
    assert asked >= 7  # help, results head, not understood, details, nothing on a topic, shortlist


@pytest.mark.parametrize("locale", LOCALES)
def test_a_need_asked_about_can_be_replied_with_its_own_label(locale):
    """ "If you meant Special education, reply: Special education": the label the bot offers reads back as that need."""
    labels = Labels(translations_for(locale), Locale.parse(locale))
    for need in NEEDS:
        assert need in parse(labels.need(need), locale).needs, labels.need(need)


@pytest.mark.parametrize(
    ("locale", "comma", "semicolon"), [("en", ", ", "; "), ("ar", "، ", "؛ "), ("ur", "، ", "؛ "), ("zh_Hant", "、", "；")]
)
def test_lists_are_punctuated_as_the_locale_writes_them(locale, comma, semicolon):
    labels = Labels(translations_for(locale), Locale.parse(locale))
    assert (labels.comma, labels.semicolon) == (comma, semicolon)
    said = labels.not_stated("sped", {"district": 36, "charter": 4})
    assert f"36{comma}" in said  # "(District school: 36، Charter school: 4)" in Arabic


@pytest.mark.parametrize("locale", LOCALES)
def test_a_list_says_grades_and_type_in_short_and_every_language_has_its_own_short_words(locale):
    """A text's list of schools: "PK–8", "PK and 9–12", a word for the type; each locale translates the short words."""
    labels = Labels(translations_for(locale), Locale.parse(locale))
    assert labels.grades_short(range(-1, 9)) == f"{labels.pgettext(GRADE_LABELS_SHORT[-1])}–8"
    assert labels.grades_short((0,)) == labels.pgettext(GRADE_LABELS_SHORT[0])
    gapped = labels.grades_short((-1, 9, 10, 11, 12))
    assert gapped.startswith(labels.pgettext(GRADE_LABELS_SHORT[-1])) and gapped.endswith("9–12") and len(gapped) < 20
    district, charter = labels.sector_short("district"), labels.sector_short("charter")
    assert district != charter and len(district) <= len(labels.sector("district")) and len(charter) <= len(labels.sector("charter"))
    if locale != "en":  # translated: not the English words
        assert (district, charter) != ("District", "Charter"), locale


@pytest.mark.parametrize("locale", LOCALES)
def test_a_note_on_schools_that_have_not_stated_a_need_is_sent_whole_in_every_language(locale):
    """Arabic and Vietnamese write it past 3 segments (67 characters each in UCS-2): it goes on
    in the next text, cut between words, never cut off with "…" and its advice lost."""
    from sms.replies import render_all

    labels = Labels(translations_for(locale), Locale.parse(locale))
    notes = tuple(labels.not_stated(need, {"district": 1234, "charter": 567}) for need in ("sped", "ell"))
    texts = render_all(Reply("no_results", {"echo": LONGEST["echo"]}, notes), translations_for(locale))
    assert all(count_segments(text) <= 3 for text in texts)
    assert not any(text.endswith("…") for text in texts), texts
    said = " ".join(" ".join(text.split("\n")) for text in texts)
    for note in notes:
        assert " ".join(gsm_friendly(note).split()) in " ".join(said.split()), (locale, note)


@pytest.mark.parametrize(("locale", "comma"), [("en", ", "), ("ar", "، "), ("zh_Hant", "、")])
def test_a_schools_programs_are_listed_with_the_locales_comma(locale, comma):
    from types import SimpleNamespace

    labels = Labels(translations_for(locale), Locale.parse(locale))
    programs = [SimpleNamespace(kind="sped", code=code, language="") for code in ("autism", "resource")]
    school = SimpleNamespace(programs=programs, sped_stated=True, sped_students=None, enrollment=None)
    said = labels.services(school, "sped")
    assert said == comma.join(labels.program("sped", code, "") for code in ("autism", "resource"))
