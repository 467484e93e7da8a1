"""A school's one card: its facts labelled in the reader's language, as every door shows them.

The API, the kiosk's pages, compare and print, the offline copy and the bot's lines all render a
`Card`; none of them labels a school's facts itself. Pure: the caller passes the school (a `School`
or a `catalog.queries.Listing`) and the labels of the reader's locale (`catalog.labels.Labels`).
"""

from dataclasses import dataclass
from typing import NamedTuple

from babel.dates import format_date

from catalog.csvformat import text_hash, web_address
from catalog.vocabulary import N_

# Every fact a card holds, in the order doors list them, with its heading (translated when shown).
HEADINGS = {
    "sector": N_("Type"),
    "grades": N_("Grades"),
    "special_education": N_("Special education"),
    "english_learners": N_("English learners"),
    "world_languages": N_("World languages taught"),
    "school_bus": N_("School bus"),
    "transit": N_("Public transit"),
    "accessibility": N_("Wheelchair access"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "website": N_("Website"),
    "apply_by": N_("Apply by"),
    "open_seats": N_("Open seats"),
    "rating": N_("Official rating"),  # as published, with its source and year: the same scale for district and charter
    "summary": N_("About the school"),
    "how_to_apply": N_("How to apply"),
}
LEFT_TO_RIGHT = frozenset({"address", "phone", "website"})  # read left to right in every script (a US address too: "5250 S Rockwell St")
# Facts every school's full card lists, "—" when the listing has nothing; the others only when stated.
ALWAYS_LISTED = ("special_education", "english_learners", "school_bus", "transit", "accessibility", "address")


class Fact(NamedTuple):  # a tuple: made 15 times a card, twice as fast as a frozen dataclass
    key: str  # a key of HEADINGS
    heading: str  # in the reader's language
    text: str  # in the reader's language, or "" when the listing says nothing of it
    lang: str | None = None  # the language of `text` when it is not the reader's (a free text not yet translated)
    stale: bool = False  # a translation of an English text that has changed since
    note: str = ""  # the source's own words beside the text, untranslated (school bus notes)


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    name: str
    sector: str  # the code, for a door's styling; the label is the "sector" fact
    facts: tuple[Fact, ...]
    grades: tuple[int, ...] = ()  # the grades offered, for a short label (a text's list); the label is the "grades" fact

    def __getitem__(self, key: str) -> Fact:
        for fact in self.facts:
            if fact.key == key:
                return fact
        raise KeyError(key)

    def text(self, key: str) -> str:
        return self[key].text


def _free_text(school, name: str, locale: str) -> tuple[str, str | None, bool]:
    """Return (text, locale it is in, is_stale) for a free-text field, falling back to English."""
    by_locale = {t.locale: t for t in school.texts if t.field == name}
    english = by_locale.get("en")
    wanted = by_locale.get(locale)
    if wanted and wanted.text:
        stale = locale != "en" and english is not None and wanted.source_hash != text_hash(english.text)
        return wanted.text, locale, stale
    if english and english.text:
        return english.text, "en", False
    return "", None, False


def card_of(school, labels) -> Card:
    """Label one school's facts in the locale of `labels`."""
    locale = labels.locale
    headings = labels.translated(HEADINGS)

    def fact(key: str, text: str, **more) -> Fact:
        return Fact(key, headings[key], text, **more)

    def free(key: str) -> Fact:
        text, in_locale, stale = _free_text(school, key, labels.locale_name)
        return fact(key, text, lang=in_locale if text and in_locale != labels.locale_name else None, stale=stale)

    address = ", ".join(part for part in (school.address, school.zip) if part)
    deadline = school.application_deadline
    seats = school.seats_available
    facts = (
        fact("sector", labels.sector(school.sector)),
        fact("grades", labels.grades(school.grades)),
        fact("special_education", labels.services(school, "sped")),
        fact("english_learners", labels.services(school, "ell")),
        fact("world_languages", labels.comma.join(labels.programs(school.programs, "world_language"))),
        fact("school_bus", labels.school_bus(school.school_bus), note=school.school_bus_notes),
        fact("transit", labels.transit(school.transit_rail, school.transit_bus)),
        fact("accessibility", labels.accessibility(school.accessibility)),
        fact("address", address),
        fact("phone", school.phone),
        fact("website", web_address(school.website) or ""),  # a row stored before the check was whole is never shown
        fact("apply_by", format_date(deadline, "long", locale=locale) if deadline else ""),
        fact("open_seats", labels.number(seats) if seats is not None else ""),
        fact("rating", " · ".join(part for part in (school.rating, school.rating_source) if part) if school.rating else ""),
        free("summary"),
        free("how_to_apply"),
    )
    return Card(school.id, school.name, school.sector, facts, tuple(school.grades))
