"""Translations of listing text: coverage per locale, and which translations are missing or stale.

A translation is stale when the English text changed after it was made (its `source_hash` no
longer matches the English text's hash).
"""

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from catalog.csvformat import FREE_TEXT_FIELDS, text_hash
from catalog.models import School, SchoolText


@dataclass(frozen=True)
class Coverage:
    locale: str
    sources: int  # English texts to translate
    translated: int  # of which translated and current
    stale: int  # translated from an older English text

    @property
    def missing(self) -> int:
        return self.sources - self.translated - self.stale

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.sources) if self.sources else 100


def _english_hashes() -> dict[tuple[str, str], str]:
    rows = db.session.execute(select(SchoolText.school_id, SchoolText.field, SchoolText.text).where(SchoolText.locale == "en"))
    return {(school_id, name): text_hash(text) for school_id, name, text in rows if text}


def coverage(locales) -> list[Coverage]:
    """Count, per locale, the English texts that are translated, stale or missing."""
    english = _english_hashes()
    counts = {locale: [0, 0] for locale in locales}
    rows = db.session.execute(
        select(SchoolText.school_id, SchoolText.field, SchoolText.locale, SchoolText.source_hash).where(SchoolText.locale != "en")
    )
    for school_id, name, locale, source_hash in rows:
        wanted = english.get((school_id, name))
        if locale in counts and wanted:
            counts[locale][0 if source_hash == wanted else 1] += 1
    return [Coverage(locale, len(english), current, stale) for locale, (current, stale) in counts.items()]


@dataclass(frozen=True)
class Work:
    school_id: str
    school_name: str
    field: str
    stale: bool


def to_do(locale: str, limit: int = 200) -> tuple[list[Work], int]:
    """The texts of a locale still to translate (stale first, then missing), and how many in all."""
    english = _english_hashes()
    done = {
        (school_id, name): source_hash
        for school_id, name, source_hash in db.session.execute(
            select(SchoolText.school_id, SchoolText.field, SchoolText.source_hash).where(SchoolText.locale == locale)
        )
    }
    stale = [key for key, wanted in english.items() if key in done and done[key] != wanted]
    missing = [key for key in english if key not in done]
    keys = sorted(stale) + sorted(missing)
    shown = keys[:limit]
    names = (
        dict(db.session.execute(select(School.id, School.name).where(School.id.in_(sorted({k[0] for k in shown})))).all()) if shown else {}
    )
    stale_set = set(stale)
    return [Work(school_id, names.get(school_id, school_id), name, (school_id, name) in stale_set) for school_id, name in shown], len(keys)


@dataclass(frozen=True)
class FieldTexts:
    field: str
    english: str
    text: str
    stale: bool


def texts_of(school: School, locale: str) -> list[FieldTexts]:
    """Each free-text field of a school: its English source and this locale's translation."""
    by_key = {(t.field, t.locale): t for t in school.texts}
    result = []
    for name in FREE_TEXT_FIELDS:
        english = by_key.get((name, "en"))
        own = by_key.get((name, locale))
        stale = bool(own and english and own.source_hash != text_hash(english.text))
        result.append(FieldTexts(name, english.text if english else "", own.text if own else "", stale))
    return result
