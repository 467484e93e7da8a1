"""Catalog facts in the reader's language: vocabulary labels, reasons, import problems."""

from babel import Locale
from flask_babel import format_decimal, get_locale, gettext

from catalog.csvformat import Problem
from catalog.search import Reason
from catalog.vocabulary import (
    ACCESSIBILITY,
    GRADE_CODES,
    GRADE_LABELS,
    NEEDS,
    PROGRAM_KINDS,
    SCHOOL_BUS,
    SECTORS,
    WORLD_LANGUAGE,
)


def language_name(code: str) -> str:
    """Return a language's name in the current locale ("es" → "Spanish", "español", …)."""
    locale = get_locale() or Locale("en")
    return locale.languages.get(code) or Locale("en").languages.get(code) or code


def grade_label(grade: int) -> str:
    if grade in GRADE_LABELS:
        return gettext(GRADE_LABELS[grade])
    return gettext("Grade %(grade)s", grade=GRADE_CODES[grade])


def grades_label(low: int, high: int) -> str:
    if low == high:
        return grade_label(low)
    return gettext("%(low)s to %(high)s", low=grade_label(low), high=grade_label(high))


def sector_label(sector: str) -> str:
    return gettext(SECTORS[sector])


def accessibility_label(value: str) -> str:
    return gettext(ACCESSIBILITY.get(value, ACCESSIBILITY["unknown"]))


def school_bus_label(value: str) -> str:
    return gettext(SCHOOL_BUS.get(value, SCHOOL_BUS["unknown"]))


def need_label(need: str) -> str:
    return gettext(NEEDS[need])


def program_label(kind: str, code: str, language: str) -> str:
    """Return "Autism program", "Dual language: Spanish", "World language: French", …"""
    label = gettext(PROGRAM_KINDS[kind][code])
    if code == WORLD_LANGUAGE:
        return language_name(language)
    if language:
        return gettext("%(program)s: %(language)s", program=label, language=language_name(language))
    return label


def distance_label(km: float) -> str:
    return gettext("%(km)s km", km=format_decimal(km, format="#,##0.0"))


def reason_label(reason: Reason) -> str:
    """Say in the current language why a school matched."""
    p = reason.params
    if reason.kind == "grade":
        return gettext("Offers %(grade)s", grade=grade_label(p["grade"]))
    if reason.kind == "distance":
        if p["approximate"]:
            return gettext("About %(distance)s away (approximate location)", distance=distance_label(p["km"]))
        return gettext("%(distance)s away", distance=distance_label(p["km"]))
    if reason.kind == "sector":
        return sector_label(p["sector"])
    if reason.kind == "need":
        if p["programs"]:
            programs = ", ".join(program_label(*program) for program in p["programs"])
            return gettext("%(need)s: %(programs)s", need=need_label(p["need"]), programs=programs)
        if p["need"] == "bus":
            return school_bus_label(p["school_bus"])
        return need_label(p["need"])
    if reason.kind == "program":
        return program_label(p["kind"], p["code"], p["language"])
    return gettext("Matches “%(text)s”", text=p["text"])


def problem_label(problem: Problem) -> str:
    """Translate an import or query problem and fill in its values."""
    message = gettext(problem.message)
    return message % problem.params if problem.params else message
