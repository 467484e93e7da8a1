"""Catalog facts in the reader's language: vocabulary labels, reasons, import problems.

`Labels` resolves the request's translations once; rendering a page of results asks for the
same few labels hundreds of times, and Flask-Babel's `gettext` looks the context up each time.
"""

from collections.abc import Iterable

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal
from flask_babel import get_locale, get_translations

from catalog.csvformat import Problem, grade_runs
from catalog.search import Reason
from catalog.vocabulary import ACCESSIBILITY, GRADE_CODES, GRADE_LABELS, NEEDS, PROGRAM_KINDS, SCHOOL_BUS, SECTORS, WORLD_LANGUAGE

ENGLISH = Locale("en")


class Labels:
    """Render catalog facts in one locale."""

    def __init__(self, translations, locale: Locale):
        self._gettext = translations.gettext
        self.locale = locale
        self._memo: dict = {}

    def gettext(self, message: str, **values) -> str:
        text = self._gettext(message)
        return text % values if values else text

    def _memoized(self, key, build):
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

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

    def sector(self, sector: str) -> str:
        return self.gettext(SECTORS[sector])

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

    def distance(self, km: float) -> str:
        return self.gettext("%(km)s km", km=_decimal(km, self.locale))

    def reason(self, reason: Reason) -> str:
        """Say why a school matched."""
        p = reason.params
        if reason.kind == "grade":
            return self.gettext("Offers %(grade)s", grade=self.grade(p["grade"]))
        if reason.kind == "distance":
            if p["approximate"]:
                return self.gettext("About %(distance)s away (approximate location)", distance=self.distance(p["km"]))
            return self.gettext("%(distance)s away", distance=self.distance(p["km"]))
        if reason.kind == "sector":
            return self.sector(p["sector"])
        if reason.kind == "need":
            if p["programs"]:
                programs = ", ".join(self.program(*program) for program in p["programs"])
                return self.gettext("%(need)s: %(programs)s", need=self.need(p["need"]), programs=programs)
            if p["need"] == "bus":
                return self.school_bus(p["school_bus"])
            return self.need(p["need"])
        if reason.kind == "program":
            return self.program(p["kind"], p["code"], p["language"])
        return self.gettext("Matches “%(text)s”", text=p["text"])

    def problem(self, problem: Problem) -> str:
        """Translate an import problem and fill in its values."""
        return self.gettext(problem.message, **problem.params)


def _decimal(number: float, locale: Locale) -> str:
    return format_decimal(number, format="#,##0.0", locale=locale)


def current() -> Labels:
    """Return the labels of the current request's (or forced) locale."""
    return Labels(get_translations(), get_locale() or ENGLISH)
