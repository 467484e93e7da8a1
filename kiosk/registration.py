"""Reading a follow-up registration from a kiosk form. Pure: values in, clean values or problems out.

Every problem is a message id (translated where it is shown) keyed by the field it belongs to,
so the form can say what is wrong next to it and keep everything that was right.
"""

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import phonenumbers

from catalog.vocabulary import GRADE_BY_CODE, N_, NEEDS

MAX_NAME = 100
MAX_PHONE = 30
MAX_SCHOOLS = 10
MAX_KEY = 64
# Besides letters and marks of any script, names hold spaces and these.
# and what joins or separates the parts of a name in other scripts: the zero-width (non-)joiner
# of Persian and Urdu ("محمد‌علی"), the middle dots of Chinese and Japanese ("阿卜杜勒·卡里姆")
NAME_PUNCTUATION = frozenset(" '’-.\u200c\u200d\u00b7\u30fb")
KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


@dataclass(frozen=True)
class RegistrationInput:
    client_key: str
    parent_name: str
    phone: str  # E.164
    locale: str
    grades: tuple[int, ...]
    school_ids: tuple[str, ...]
    needs: tuple[str, ...]
    consent_texts: bool


def _values(form: Mapping[str, Sequence[str]], name: str) -> list[str]:
    return [v for v in (form.get(name) or []) if isinstance(v, str)]


def _first(form: Mapping[str, Sequence[str]], name: str) -> str:
    values = _values(form, name)
    return values[0].strip() if values else ""


def clean_phone(raw: str, region: str = "US") -> tuple[str | None, str | None]:
    """Return (E.164 number, None) for a number we can text, else (None, problem)."""
    raw = raw.strip()
    if not raw:
        return None, N_("Enter a phone number.")
    if len(raw) > MAX_PHONE:
        return None, N_("That phone number is too long.")
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None, N_("That is not a phone number we can text. Enter it like (773) 555-0123.")
    if not phonenumbers.is_valid_number(number):
        return None, N_("That is not a phone number we can text. Enter it like (773) 555-0123.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def _name_problem(name: str) -> str | None:
    if not name:
        return N_("Enter your name.")
    if len(name) > MAX_NAME:
        return N_("Names here can be at most %(limit)d characters.")
    for ch in name:
        if ch not in NAME_PUNCTUATION and unicodedata.category(ch)[0] not in "LM":
            return N_("A name can hold letters, spaces, apostrophes, hyphens and periods only.")
    return None


def read_registration(
    form: Mapping[str, Sequence[str]], locales: Sequence[str], known_school_ids: set[str]
) -> tuple[RegistrationInput | None, dict[str, str]]:
    """Read a submitted form (name → values). Return the registration, or None and the problems."""
    problems: dict[str, str] = {}
    key = _first(form, "client_key")
    if not key or len(key) > MAX_KEY or not set(key) <= KEY_CHARACTERS:
        problems["client_key"] = N_("This form is out of date. Please fill it in again.")
    name = unicodedata.normalize("NFC", _first(form, "parent_name"))
    name = " ".join(name.split())
    if problem := _name_problem(name):
        problems["parent_name"] = problem
    phone, problem = clean_phone(_first(form, "phone"))
    if problem:
        problems["phone"] = problem
    locale = _first(form, "locale")
    if locale not in locales:
        problems["locale"] = N_("Choose a language from the list.")
    grade_codes = _values(form, "grade")
    if not grade_codes:
        problems["grade"] = N_("Choose the grade of at least one child.")
    elif len(grade_codes) > len(GRADE_BY_CODE) or any(code not in GRADE_BY_CODE for code in grade_codes):
        problems["grade"] = N_("Choose grades from the list.")
    school_ids = list(dict.fromkeys(_values(form, "school")))
    if len(school_ids) > MAX_SCHOOLS or any(i not in known_school_ids for i in school_ids):
        problems["school"] = N_("Choose schools from your list.")
    needs = list(dict.fromkeys(_values(form, "need")))
    if any(need not in NEEDS for need in needs):
        problems["need"] = N_("Choose needs from the list.")
    if _first(form, "consent") != "yes":
        problems["consent"] = N_("Tick the box to agree to texts: we follow up by text only.")
    if problems:
        return None, problems
    grades = tuple(sorted({GRADE_BY_CODE[code] for code in grade_codes}))
    return RegistrationInput(key, name, phone, locale, grades, tuple(school_ids), tuple(n for n in NEEDS if n in needs), True), {}
