"""The bot tells families the truth on the Chicago demo catalog: charter schools are never hidden
by a need they have not stated, a filter that empties the list is named and can be dropped with
a short reply, and a ZIP of another city is said to be outside."""

import csv
import re

import pytest

from app.i18n import LOCALES
from tests.conftest import ROOT

DEMO = ROOT / "catalog" / "demo" / "chicago.csv"


def test_special_education_then_only_charter_says_how_many_charters_have_not_stated_it(text):
    with DEMO.open(encoding="utf-8", newline="") as f:
        charters = [r for r in csv.DictReader(f) if r["sector"] == "charter"]
    assert charters and not any(r["sped_programs"] for r in charters)  # the source states none for any charter
    text("grade 9 60623 special education")
    replies = text("only charter")
    nothing, offer = replies
    assert nothing.startswith("Grade 9 - within 5 km of 60623 - Charter - Special education: no school matches all of that.")
    # no charter states a program, and …
    assert "have not said whether they offer this (Charter: " in nothing  # … that is said, not read as "no" …
    assert "must serve students with disabilities" in nothing
    assert offer.startswith("Without ") and "WIDER" in offer  # … and the filter that emptied the list can be dropped


def test_the_not_stated_count_follows_the_list_in_the_familys_language(text):
    replies = text("kinder cerca de 60637 educacion especial")
    said = "\n".join(replies)
    assert "1. " in said
    assert (
        "charter" in said.lower() and "discapacidades" in said
    )  # "chárter" is spelt in GSM-7 letters  # every public school must serve students with disabilities


def test_a_bus_search_offers_the_search_without_the_bus_and_wider_takes_it(text):
    nothing, offer = text("K 60637 bus")
    assert nothing.startswith("Kindergarten - within 5 km of 60637 - School bus: no school matches all of that.\n")
    assert "have not said whether they offer this" in nothing
    assert offer.startswith('Without "School bus": ') and "WIDER" in offer  # curly quotes become GSM-7 ones
    count = int(offer.split(": ")[1].split(" ")[0])
    [shown, *_] = text("WIDER")
    assert shown.startswith(f"Kindergarten - within 5 km of 60637: {count} schools.")  # the bus is no longer asked for


def test_a_new_york_zip_is_said_to_be_outside_chicago(text):
    [reply] = text("grade 3 10025")
    assert "outside the area" in reply and "Chicago, IL" in reply


def test_help_and_welcome_suggest_only_needs_some_school_states_and_the_catalogs_own_zip(text):
    [help_text] = text("HELP")
    [welcome] = text("hi", sender="+17735550102")
    assert "bus" not in help_text.lower() and "bus" not in welcome.lower()  # no Chicago school states a school bus
    assert "Special education" in welcome and "Public transit" in welcome
    assert '"K 60' in help_text  # a Chicago ZIP, from the catalog


EXAMPLE_RE = re.compile(r'["“«「]([^"”»」]*\d{5})["”»」]')  # the quoted example, ending in the ZIP


@pytest.mark.parametrize("locale", LOCALES)
def test_the_welcome_and_help_examples_are_texts_the_bot_reads_in_each_language_and_are_whole(app, locale):
    # An example in another language than the text around it ("grade 3" in Vietnamese) teaches a
    # family to write what it would not: each example is one the bot reads as the grade and ZIP shown.
    from babel.numbers import format_decimal
    from flask_babel import force_locale, get_translations

    from sms.replies import Reply, render_all
    from sms.services import _with_catalog_examples
    from sms.understand import parse

    with app.test_request_context("/"), force_locale(locale):
        for key, grade in (("welcome", [3, 3]), ("help", [0, 0])):
            [said] = render_all(_with_catalog_examples(Reply(key), get_translations()), get_translations(), format_decimal)
            assert "…" not in said, said  # the list of needs ends between two of them, never cut
            [example] = EXAMPLE_RE.findall(said)
            read = parse(example, locale).as_dict()
            assert (read["intent"], read["grades"], read["near"]) == ("search", grade, example[-5:]), (key, example)
            if locale != "en":
                assert not re.search(r"\bgrade\b", example) or locale == "fil", example  # Taglish writes "grade"


def test_a_program_asked_with_its_kind_counts_schools_listing_other_programs_as_not_stated(text):
    # CPS lists only the special-education programs it has columns for (none for autism): a school
    # that lists one of them has not said whether it runs an autism program, and is never a "no".
    nothing, offer = text("autism program 60637")
    head, sped, autism = nothing.split("\n")
    assert head.endswith("Special education - Autism program: no school matches all of that.")
    assert "have not said whether they offer this" in sped and sped.endswith("must serve students with disabilities: ask them.")
    assert autism.startswith("33 more schools have not said whether they offer this (District: 33): Autism program.")
    assert offer.startswith('Without "Autism program": 33 schools.')  # the same schools, found once the program is dropped


def test_a_zip_in_another_state_is_said_after_the_list(text):
    assert "WIDER" in text("K 46320")[-1]  # Hammond, Indiana: Chicago's nearest schools are 6-10 km away
    said = "\n".join(text("WIDER"))
    assert "1. " in said and "ZIP 46320 is in IN and these schools are in IL: a public school may admit only" in said
    assert "is in IN" not in "\n".join(text("K 60637", sender="+17735550131"))


def test_a_childs_age_without_a_grade_is_asked_about_not_dropped(text):
    # a 5-year-old may be in pre-K or kindergarten: the list is for every grade, and the grade is asked
    replies = text("busco escuela para mi hijo de 5 años cerca de 60629")
    assert replies[0].startswith("a menos de 5 km de 60629: ") and "1. " in replies[0]
    assert '"5 años"' in replies[-1] and "grado" in replies[-1].lower(), replies[-1]
    assert not any("5 años" in r for r in text("kinder 60629, mi hijo tiene 5 años", sender="+17735550132"))  # a grade said: nothing to ask
