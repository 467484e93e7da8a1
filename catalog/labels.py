"""Catalog facts in the reader's language: vocabulary labels, reasons, import problems.

`Labels` resolves the request's translations once; rendering a page of results asks for the
same few labels hundreds of times, and Flask-Babel's `gettext` looks the context up each time.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from flask_babel import get_locale, get_translations

from catalog.csvformat import Problem, grade_runs
from catalog.query import Query, Reason, Relaxation
from catalog.vocabulary import (
    ACCESSIBILITY,
    GRADE_CODES,
    GRADE_LABELS,
    GRADE_LABELS_SHORT,
    N_,
    NEEDS,
    PROGRAM_CODES,
    PROGRAM_KINDS,
    SCHOOL_BUS,
    SECTORS,
    SECTORS_SHORT,
    WORLD_LANGUAGE,
    need_bit,
)

ENGLISH = Locale("en")


# The family's ZIP in another state than every school (filled here, and on a screen without a network)
ANOTHER_STATE = N_(
    "ZIP %(zip)s is in %(state)s and these schools are in %(states)s: a public school may admit only "
    "students who live in its city or state. Ask the school."
)


class Labels:
    """Render catalog facts in one locale."""

    def __init__(self, translations, locale: Locale):
        self._gettext = translations.gettext
        self._ngettext = translations.ngettext
        self._pgettext = translations.pgettext
        self.locale = locale
        self.locale_name = str(locale)  # "zh_Hant": babel writes it anew each time it is asked
        self._memo: dict = {}

    def ngettext(self, singular: str, plural: str, num: int, **values) -> str:
        return self._ngettext(singular, plural, num) % {"num": self.number(num), **values}

    def number(self, number: int) -> str:
        """A count as the locale writes it: "1,234", "1 234", "1.234"."""
        return _decimal(number, None, self.locale_name)

    def gettext(self, message: str, **values) -> str:
        text = self._gettext(message)
        return text % values if values else text

    def pgettext(self, context_and_message: tuple[str, str]) -> str:
        """Translate a message marked with its context (`Nc_`)."""
        return self._pgettext(*context_and_message)

    def _memoized(self, key, build):
        if key not in self._memo:
            if len(self._memo) >= MAX_MEMO:
                self._memo.clear()
            self._memo[key] = build()
        return self._memo[key]

    def translated(self, messages: dict[str, str]) -> dict[str, str]:
        """The same keys, each message translated (kept: every card of a page has the same headings)."""
        return self._memoized(("translated", id(messages)), lambda: {key: self.gettext(message) for key, message in messages.items()})

    def language_name(self, code: str) -> str:
        """Return a language's name in this locale ("es" → "Spanish", "español", …)."""
        return self.locale.languages.get(code) or ENGLISH.languages.get(code) or code

    def grade(self, grade: int) -> str:
        if grade in GRADE_LABELS:
            return self.gettext(GRADE_LABELS[grade])
        return self.gettext("Grade %(grade)s", grade=GRADE_CODES[grade])

    def grades(self, grades: Iterable[int]) -> str:
        """Label a set of grades with its gaps: "Pre-K and Grade 9 to Grade 12"."""
        grades = tuple(grades)

        def build():
            runs = [
                self.grade(low) if low == high else self.gettext("%(low)s to %(high)s", low=self.grade(low), high=self.grade(high))
                for low, high in grade_runs(grades)
            ]
            return format_list(runs, locale=self.locale)

        return self._memoized(("grades", grades), build)

    def grades_short(self, grades: Iterable[int]) -> str:
        """Label a set of grades as a list of schools in a text says it: "K–8", "PK and 9–12"."""
        grades = tuple(grades)

        def label(grade: int) -> str:
            return self.pgettext(GRADE_LABELS_SHORT[grade]) if grade in GRADE_LABELS_SHORT else GRADE_CODES[grade]

        def build():
            runs = [label(low) if low == high else f"{label(low)}–{label(high)}" for low, high in grade_runs(grades)]
            return format_list(runs, locale=self.locale)  # "PK and 9–12": the list's own commas are kept for its facts

        return self._memoized(("grades_short", grades), build)

    def sector(self, sector: str) -> str:
        return self.gettext(SECTORS[sector])

    def sector_short(self, sector: str) -> str:
        return self.pgettext(SECTORS_SHORT[sector])

    def accessibility(self, value: str) -> str:
        return self.gettext(ACCESSIBILITY.get(value, ACCESSIBILITY["unknown"]))

    def school_bus(self, value: str) -> str:
        return self.gettext(SCHOOL_BUS.get(value, SCHOOL_BUS["unknown"]))

    def need(self, need: str) -> str:
        return self.gettext(NEEDS[need])

    def program(self, kind: str, code: str, language: str) -> str:
        """Return "Autism program", "Dual language: Spanish", "French" (a world language), …"""

        def build():
            if code == WORLD_LANGUAGE:
                return self.language_name(language)
            label = self.gettext(PROGRAM_KINDS[kind][code])
            if language:
                return self.gettext("%(program)s: %(language)s", program=label, language=self.language_name(language))
            return label

        return self._memoized(("program", kind, code, language), build)

    def programs(self, programs, kind: str) -> list[str]:
        """Label a school's programs of one kind (objects with kind, code and language)."""
        return [self.program(p.kind, p.code, p.language) for p in programs if p.kind == kind]

    def services(self, school, kind: str) -> str:
        """Label a school's special-education ("sped") or English-learner ("ell") programs, saying
        "not stated" apart from a stated none and a list that may not be whole apart from a whole
        one, with the students its source counts it serving."""
        listed = self.comma.join(self.programs(school.programs, kind))
        stated = school.sped_stated if kind == "sped" else school.ell_stated
        if not listed:
            listed = self.gettext("None, as the school states") if stated else self.gettext("Not stated: ask the school")
        elif not stated:  # a list that may not be whole ("bilingual_services;more"): never read as all there is
            listed = self.gettext("%(programs)s; perhaps others: ask the school", programs=listed)
        count = school.sped_students if kind == "sped" else school.ell_students
        served = self.students_served(kind, count, school.enrollment)
        return f"{listed} ({served})" if served else listed

    def distance(self, km: float, number_format: str = "#,##0.0") -> str:
        return self.gettext("%(km)s km", km=_decimal(km, number_format, self.locale_name))

    @property
    def comma(self) -> str:
        """The locale's comma between items of a list, from CLDR's list pattern ("، " in Arabic
        script, "、" in Chinese). Arabic's CLDR pattern joins with "و" (and), so a right-to-left
        locale whose pattern holds a letter takes the Arabic comma."""

        def build():
            pattern = self.locale.list_patterns.get("standard", {}).get("middle", "{0}, {1}")
            between = pattern.replace("{0}", "").replace("{1}", "")
            if any(ch.isalpha() for ch in between):
                return "، " if self.locale.character_order == "right-to-left" else ", "
            return between

        return self._memoized("comma", build)

    @property
    def semicolon(self) -> str:
        """The separator between items that hold commas themselves: "؛ " beside the Arabic comma, "；" beside "、"."""
        return {"، ": "؛ ", "、": "；"}.get(self.comma, "; ")

    def transit(self, rail: str, bus: str) -> str:
        """Rail lines, then bus routes said as such: "CTA Orange Line; bus routes 47, 54"; none
        listed is not stated (a dash would read as "none")."""
        bus = self.gettext("bus routes %(routes)s", routes=bus) if bus else ""
        return self.semicolon.join(part for part in (rail, bus) if part) or self.gettext("Not stated: ask the school")

    def understood(self, query: Query) -> str:
        """Say what a search looks for, as a family asked it: "Kindergarten · within 5 km of 60637 ·
        Special education". A result list opens with it, so a word that was missed shows."""
        parts = [self.grades_asked(query)] if query.grade is not None else []
        if query.near_zip and query.radius_km:
            radius = self.distance(query.radius_km, number_format="#,##0.#")  # "5 km", not "5.0 km"
            parts.append(self.gettext("within %(distance)s of %(zip)s", distance=radius, zip=query.near_zip))
        elif query.near_zip:
            parts.append(self.gettext("near %(zip)s", zip=query.near_zip))
        if query.sector:
            parts.append(self.sector(query.sector))
        parts += [self.need(need) for need in query.needs]
        if query.program:
            parts.append(self.program(PROGRAM_CODES[query.program], query.program, ""))
        if query.program_language:
            parts.append(self.language_name(query.program_language))
        return " · ".join(parts)

    def grades_asked(self, query: Query) -> str:
        """The grade a search asks for, or its range: "Grade 6 to Grade 8"."""
        if query.grade_high is None:
            return self.grade(query.grade)
        return self.gettext("%(low)s to %(high)s", low=self.grade(query.grade), high=self.grade(query.grade_high))

    def reason(self, reason: Reason) -> str:
        """Say why a school matched."""
        p = reason.params
        if reason.kind == "grade":
            return self.gettext("Offers %(grade)s", grade=self.comma.join(self.grade(grade) for grade in p["grades"]))
        if reason.kind == "distance":
            if p["approximate"]:
                return self.gettext("About %(distance)s away (approximate location)", distance=self.distance(p["km"]))
            return self.gettext("%(distance)s away", distance=self.distance(p["km"]))
        if reason.kind == "sector":
            return self.sector(p["sector"])
        if reason.kind == "need":
            if p["programs"]:
                if p["need"] == "dual_language":  # each a dual-language program: "Dual language: Spanish", not twice
                    programs = self.comma.join(self.language_name(language) for _kind, _code, language in p["programs"])
                else:
                    programs = self.comma.join(self.program(*program) for program in p["programs"])
                return self.gettext("%(need)s: %(programs)s", need=self.need(p["need"]), programs=programs)
            if p["need"] == "bus":
                return self.school_bus(p["school_bus"])
            return self.need(p["need"])
        if reason.kind == "program":
            return self.program(p["kind"], p["code"], p["language"])
        return self.gettext("Matches “%(text)s”", text=p["text"])

    def another_state(self, another) -> str:
        """Say that the family's ZIP is in another state than the schools (a `catalog.search.AnotherState`)."""
        return self.gettext(ANOTHER_STATE, zip=another.zip, state=another.state, states=self.comma.join(another.schools_in))

    def not_stated(self, need: str, by_sector: dict[str, int], query: Query | None = None) -> str:
        """Say how many more schools have not stated a need (or the program of `query`: `need` is
        "program"), per sector: never read as "no"."""
        total = sum(by_sector.values())
        sectors = self.comma.join(f"{self.sector(sector)}: {by_sector[sector]}" for sector in SECTORS if by_sector.get(sector))
        text = self.ngettext(
            "%(num)s more school has not said whether it offers this (%(sectors)s): %(need)s.",
            "%(num)s more schools have not said whether they offer this (%(sectors)s): %(need)s.",
            total,
            sectors=sectors,
            need=self.need(need) if need in NEEDS else self.dropped_filter(need, query),
        )
        if need == "sped" or (need == "program" and PROGRAM_CODES[query.program] == "sped"):
            text += " " + self.gettext("Every public school, charter included, must serve students with disabilities: ask them.")
        else:
            text += " " + self.gettext("Ask them.")
        return text

    def needs_not_stated(self, mask: int) -> list[str]:
        """Label the needs a listing says nothing about (its `needs_not_stated` bits): a to-do for staff."""
        return [self.need(need) for need in NEEDS if mask & need_bit(need)]

    def dropped_filter(self, name: str, query: Query) -> str:
        """Name a filter of a query as the family chose it: "Kindergarten", "School bus", "Charter"."""
        if name == "grade":
            return self.grades_asked(query)
        if name == "sector":
            return self.sector(query.sector)
        if name in NEEDS:
            return self.need(name)
        if name == "program":  # dropped with its language: "Dual language: Chinese"
            return self.program(PROGRAM_CODES[query.program], query.program, query.program_language or "")
        if name == "language":
            return self.language_name(query.program_language)
        return query.text

    def relaxation(self, relaxation: Relaxation, query: Query) -> str:
        """Say what a changed search would find: "Without “School bus”: 65 schools"."""
        if relaxation.drop:
            filter_label = self.dropped_filter(relaxation.drop, query)
            return self.ngettext(
                "Without “%(filter)s”: %(num)s school", "Without “%(filter)s”: %(num)s schools", relaxation.total, filter=filter_label
            )
        km = int(relaxation.radius_km)
        return self.ngettext("Within %(km)s km: %(num)s school", "Within %(km)s km: %(num)s schools", relaxation.total, km=self.number(km))

    def students_served(self, kind: str, count: int | None, enrollment: int | None) -> str:
        """Say how many students a school serves in special education ("sped") or as English
        learners ("ell"), as its source counts them: "85 students in special education, 14%"."""
        if count is None:
            return ""
        share = _percent(count, enrollment, self.locale_name) if enrollment else ""
        if kind == "sped" and share:
            return self.ngettext(
                "%(num)s student in special education, %(share)s", "%(num)s students in special education, %(share)s", count, share=share
            )
        if kind == "sped":
            return self.ngettext("%(num)s student in special education", "%(num)s students in special education", count)
        if share:
            return self.ngettext("%(num)s English learner, %(share)s", "%(num)s English learners, %(share)s", count, share=share)
        return self.ngettext("%(num)s English learner", "%(num)s English learners", count)

    def problem(self, problem: Problem) -> str:
        """Translate an import problem and fill in its values."""
        return self.gettext(problem.message, **problem.params)


# Babel formats a number in 20-60 µs; a page writes the same distances and counts again and again.
@lru_cache(maxsize=8192, typed=True)
def _decimal(number: float, number_format: str | None, locale: str) -> str:
    return format_decimal(number, format=number_format, locale=locale)


@lru_cache(maxsize=8192)
def _percent(count: int, enrollment: int, locale: str) -> str:
    """A share as a whole percent; under 1% with one decimal (at least 0.1%), so a school serving a few never reads "0%"."""
    share = count / enrollment
    if 0 < share < 0.01:
        return format_percent(max(share, 0.001), format=_one_decimal_percent(locale), locale=locale)
    return format_percent(share, locale=locale)


@lru_cache(maxsize=32)
def _one_decimal_percent(locale: str) -> str:
    """The locale's percent pattern with one decimal: "#,##0.#%", French "#,##0.# %"."""
    return re.sub(r"0(?![0-9.])", "0.#", Locale.parse(locale).percent_formats[None].pattern, count=1)


MAX_MEMO = 20_000  # labels one `Labels` keeps (grade sets, programs, headings)
_kept: dict[tuple[int, str], Labels] = {}


def current() -> Labels:
    """Return the labels of the current request's (or forced) locale: one `Labels` per translations
    and locale, kept per process with what it has labelled (each page labels the same grades and
    programs again)."""
    translations, locale = get_translations(), get_locale() or ENGLISH
    key = (id(translations), str(locale))  # the Labels kept holds the translations: the id is not reused
    labels = _kept.get(key)
    if labels is None:
        if len(_kept) >= 64:
            _kept.clear()
        labels = _kept[key] = Labels(translations, locale)
    return labels
