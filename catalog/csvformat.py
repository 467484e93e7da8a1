"""The canonical catalog CSV (docs/catalog-format.md): parse rows into records, and back.

Pure: plain data in, plain data out. Problems carry an untranslated message and its values;
they are translated where they are shown.
"""

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import PhoneNumber

from catalog import geo
from catalog.vocabulary import (
    ACCESSIBILITY,
    ELL_NEEDS_LANGUAGE,
    ELL_PROGRAMS,
    GRADE_BY_CODE,
    GRADE_CODES,
    N_,
    NEEDS,
    NOT_OFFERED,
    NOT_STATED,
    OFFERED,
    SCHOOL_BUS,
    SECTORS,
    SPED_PROGRAMS,
    WORLD_LANGUAGE,
)

COLUMNS = (
    "id,name,sector,operator,school_type,grades,address,city,state,zip,lat,lon,phone,website,"
    "email,enrollment,accessibility,sped_programs,ell_programs,world_languages,school_bus,"
    "school_bus_notes,transit_bus,transit_rail,application_deadline,seats_available,rating,"
    "rating_source,summary,how_to_apply,verified_on,sped_students,ell_students"
).split(",")
REQUIRED = ("id", "name", "sector", "grades")
TRANSLATION_COLUMNS = ("id", "field", "locale", "text")
FREE_TEXT_FIELDS = ("summary", "how_to_apply")

# Longest accepted value per column; anything longer is refused rather than cut.
MAX_LENGTH = {
    "summary": 5000,
    "how_to_apply": 5000,
    "school_bus_notes": 2000,
    "transit_bus": 1000,
    "transit_rail": 1000,
    "text": 5000,
}
DEFAULT_MAX_LENGTH = 300
MAX_ROWS = 1_000_000

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEB_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
WEB_HOST_PORT_RE = re.compile(r"^[^:/?#]*\.[^:/?#]*:\d+(?:[/?#]|$)")  # "x.org:8080/a" is a host and port, not a scheme
WEB_HOST_RE = re.compile(r"[^\s<>\"'`{}|\\^%/?#@]+")
URL_TAB_OR_NEWLINE_RE = re.compile(r"[\t\n\r]")
C0_CONTROL_OR_SPACE = "".join(chr(code) for code in range(0x21))
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_UTF8_RE = re.compile("[\udc80-\udcff]")  # how `read_rows` keeps bytes that are not UTF-8
US_NUMBER_RE = re.compile(r"\(?([2-9]\d\d)\)?[-. ]?(\d{3})[-. ]?(\d{4})")  # a US number as it is usually written

# ISO 639-1 codes (the two-letter codes Babel's CLDR data names), fixed here to stay pure.
ISO_639_1 = frozenset(
    "aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da "
    "de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la "
    "lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc "
    "oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st "
    "su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za "
    "zh zu".split()
)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one row: where, and why (an untranslated message and its values)."""

    line: int
    column: str
    message: str
    params: dict = field(default_factory=dict)
    is_warning: bool = False


@dataclass(frozen=True)
class SchoolRecord:
    """One school as the canonical CSV describes it, validated."""

    id: str
    name: str
    sector: str
    grades: tuple[int, ...]  # the grades offered, lowest first: CPS's "PK,9-12" is (-1, 9, 10, 11, 12)
    operator: str = ""
    school_type: str = ""
    address: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    lat: float | None = None
    lon: float | None = None
    location_approximate: bool = False
    phone: str = ""
    website: str = ""
    email: str = ""
    enrollment: int | None = None
    accessibility: str = "unknown"
    programs: tuple[tuple[str, str, str], ...] = ()  # (kind, code, language or "")
    # Whether the source stated its programs of a kind: an empty cell is not stated, "none" is a stated none.
    sped_stated: bool = False
    ell_stated: bool = False
    school_bus: str = "unknown"
    school_bus_notes: str = ""
    transit_bus: str = ""
    transit_rail: str = ""
    application_deadline: date | None = None
    seats_available: int | None = None
    rating: str = ""
    rating_source: str = ""
    summary: str = ""
    how_to_apply: str = ""
    verified_on: date | None = None
    sped_students: int | None = None  # students the school serves in special education, as its source counts them
    ell_students: int | None = None  # … and as English learners

    @property
    def grade_low(self) -> int:
        return self.grades[0]

    @property
    def grade_high(self) -> int:
        return self.grades[-1]

    def values(self) -> dict:
        """Return the fields as a dict (shallow: `dataclasses.asdict` deep-copies, slowly)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @cached_property
    def content_hash(self) -> str:
        """A hash of every fact, so an unchanged row can be told from a changed one: of the facts
        as JSON with their names in order (a database's stored hashes depend on this text)."""
        facts = {name: getattr(self, name) for name in _FIELDS_IN_ORDER}
        for name in _DAY_FIELDS:
            if facts[name] is not None:
                facts[name] = facts[name].isoformat()
        return hashlib.sha256(json.dumps(facts).encode()).hexdigest()

    def need_state(self, need: str) -> str:
        """Say whether this school offers a need, does not, or has not stated it (DESIGN.md "The catalog")."""
        kinds = {kind for kind, _code, _lang in self.programs}
        if need in ("sped", "ell"):
            stated = self.sped_stated if need == "sped" else self.ell_stated
            return OFFERED if need in kinds else NOT_OFFERED if stated else NOT_STATED
        if need == "dual_language":
            offered = any(code == "dual_language" for _kind, code, _lang in self.programs)
            return OFFERED if offered else NOT_OFFERED if self.ell_stated else NOT_STATED
        if need == "bus":
            return {"yes": OFFERED, "conditional": OFFERED, "no": NOT_OFFERED}.get(self.school_bus, NOT_STATED)
        if need == "transit":  # a source lists the lines that stop near a school; none listed says nothing
            return OFFERED if self.transit_bus or self.transit_rail else NOT_STATED
        if need == "accessible":
            return {"full": OFFERED, "partial": NOT_OFFERED, "none": NOT_OFFERED}.get(self.accessibility, NOT_STATED)
        raise ValueError(need)

    def needs(self) -> frozenset[str]:
        """Return the family-facing needs this school meets."""
        return frozenset(need for need in NEEDS if self.need_state(need) == OFFERED)

    def needs_not_stated(self) -> frozenset[str]:
        """Return the needs this school has said nothing about."""
        return frozenset(need for need in NEEDS if self.need_state(need) == NOT_STATED)


_FIELDS_IN_ORDER = sorted(SchoolRecord.__dataclass_fields__)
_DAY_FIELDS = [name for name, f in SchoolRecord.__dataclass_fields__.items() if f.type in (date | None, "date | None")]


@dataclass(frozen=True)
class TextRecord:
    """A free-text field of a school in one locale."""

    school_id: str
    field: str
    locale: str
    text: str


def text_hash(text: str) -> str:
    """Return the hash that ties a translation to the English text it was made from."""
    return hashlib.sha256(text.strip().encode()).hexdigest()[:16]


# --- reading CSV bytes --------------------------------------------------------------------


def read_rows(data: bytes) -> tuple[list[str], Iterator[tuple[int, dict]]]:
    """Split CSV bytes into its header and (first line number, row) pairs.

    Bytes that are not UTF-8 are kept as surrogate escapes so the row they are in can be
    reported by line number; `parse_school` refuses such values.
    """
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return [], iter(())

    def rows():
        line = reader.line_num + 1
        for values in reader:
            start, line = line, reader.line_num + 1
            if not any(v.strip() for v in values):
                continue
            yield start, {name: (values[i] if i < len(values) else "") for i, name in enumerate(header)}

    return header, rows()


def header_problems(header: list[str], expected: Iterable[str], required: Iterable[str]) -> list[Problem]:
    """Report a header that lacks required columns or names unknown ones."""
    problems = []
    if not header:
        return [Problem(1, "", N_("The file is empty."))]
    known = set(expected)
    for name in required:
        if name not in header:
            problems.append(Problem(1, name, N_("Required column “%(column)s” is missing."), {"column": name}))
    for name in header:
        if name not in known:
            problems.append(Problem(1, name, N_("Unknown column “%(column)s”."), {"column": name}))
    if len(set(header)) != len(header):
        problems.append(Problem(1, "", N_("A column name appears twice in the header.")))
    return problems


# --- grades and programs ------------------------------------------------------------------


def parse_grades(value: str) -> tuple[int, ...]:
    """Parse "PK,K-8" or "PK,9-12" into the grades offered, lowest first; raise ValueError on anything else."""
    grades: set[int] = set()
    for part in value.replace(" ", "").upper().split(","):
        if not part:
            continue
        ends = part.split("-")
        if len(ends) > 2 or any(end not in GRADE_BY_CODE for end in ends):
            raise ValueError(part)
        low, high = GRADE_BY_CODE[ends[0]], GRADE_BY_CODE[ends[-1]]
        if low > high:
            raise ValueError(part)
        grades.update(range(low, high + 1))
    if not grades:
        raise ValueError(value)
    return tuple(sorted(grades))


def grade_runs(grades) -> list[tuple[int, int]]:
    """Return the unbroken runs of a set of grades: (-1, 9, 10, 11, 12) → [(-1, -1), (9, 12)]."""
    runs: list[tuple[int, int]] = []
    for grade in sorted(grades):
        if runs and runs[-1][1] == grade - 1:
            runs[-1] = (runs[-1][0], grade)
        else:
            runs.append((grade, grade))
    return runs


def format_grades(grades) -> str:
    """Return the canonical text of a set of grades: "K", "PK-8", "PK,9-12"."""
    return ",".join(GRADE_CODES[low] if low == high else f"{GRADE_CODES[low]}-{GRADE_CODES[high]}" for low, high in grade_runs(grades))


NONE_STATED = "none"  # a program column's way to state that the school has no program of that kind
MORE_NOT_STATED = "more"  # ends a program list that may not be whole: those listed are offered, the kind's others not stated


def format_programs(programs: Iterable[tuple[str, str, str]], kind: str) -> str:
    """Return the `;`-separated codes of one kind: "esl;dual_language:es"."""
    items = []
    for k, code, language in programs:
        if k != kind:
            continue
        if kind == "world_language":
            items.append(language)
        else:
            items.append(f"{code}:{language}" if language else code)
    return ";".join(items)


def program_cell(programs: Iterable[tuple[str, str, str]], kind: str, stated: bool) -> str:
    """Return a program column's text: the codes of one kind, "none" for a stated none, "…;more" for a list not whole."""
    listed = format_programs(programs, kind)
    if not listed:
        return NONE_STATED if stated else ""
    return listed if stated else f"{listed};{MORE_NOT_STATED}"


def _program_items(value: str) -> list[tuple[str, str]]:
    items = []
    if value.strip().lower() == NONE_STATED:
        return items
    for raw in value.split(";"):
        raw = raw.strip()
        if raw:
            code, _, language = raw.partition(":")
            items.append((code.strip().lower(), language.strip().lower()))
    return items


def _whole_list(value: str) -> bool:
    """Whether a program column states the school's programs of its kind: "none" or a list not ended by "more"."""
    items = [item.strip().lower() for item in value.split(";") if item.strip()]
    return bool(items) and MORE_NOT_STATED not in items


# --- one row ------------------------------------------------------------------------------


class _Row:
    """Collects the problems of one row while its values are read."""

    def __init__(self, line: int, values: dict):
        self.line = line
        self.values = values
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str, is_warning: bool = False, **params) -> None:
        self.problems.append(Problem(self.line, where, message, params, is_warning))

    def text(self, column: str) -> str:
        raw = self.values.get(column) or ""
        if not raw:  # most columns of most rows: nothing to check
            return ""
        if raw.isprintable():  # neither a control character nor a byte kept from invalid UTF-8: nothing to clean
            value = raw.strip()
        elif NOT_UTF8_RE.search(raw):
            self.problem(column, N_("The value is not valid UTF-8 text."))
            return ""
        else:
            value = CONTROL_RE.sub("", raw).strip()
        limit = MAX_LENGTH.get(column, DEFAULT_MAX_LENGTH)
        if len(value) > limit:
            self.problem(column, N_("The value is longer than %(limit)d characters."), limit=limit)
            return ""
        return value

    def choice(self, column: str, allowed: dict, default: str) -> str:
        value = self.text(column).lower()
        if not value:
            return default
        if value not in allowed:
            self.problem(column, N_("“%(value)s” is not one of: %(allowed)s."), value=value, allowed=", ".join(allowed))
            return default
        return value

    def integer(self, column: str) -> int | None:
        value = self.text(column).replace(",", "")
        if not value:
            return None
        if not value.isdigit() or len(value) > 9:
            self.problem(column, N_("“%(value)s” is not a whole number."), value=value)
            return None
        return int(value)

    def day(self, column: str) -> date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(column, N_("“%(value)s” is not a date like 2026-03-01."), value=value)
            return None

    def number(self, column: str) -> float | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            self.problem(column, N_("“%(value)s” is not a number."), value=value)
            return None


NONE_BESIDE_PROGRAMS = N_("“none” goes alone: it states that the school has no program of this kind.")


def _parse_programs(row: _Row) -> tuple[tuple[str, str, str], ...]:
    programs: set[tuple[str, str, str]] = set()
    for code, language in _program_items(row.text("sped_programs")):
        if code == MORE_NOT_STATED:
            continue  # the list may not be whole: `_whole_list`
        if code == NONE_STATED:
            row.problem("sped_programs", NONE_BESIDE_PROGRAMS)
        elif code not in SPED_PROGRAMS:
            row.problem("sped_programs", N_("Unknown special-education program “%(code)s”."), code=code)
        elif language:
            row.problem("sped_programs", N_("Program “%(code)s” takes no language."), code=code)
        else:
            programs.add(("sped", code, ""))
    for code, language in _program_items(row.text("ell_programs")):
        if code == MORE_NOT_STATED:
            continue
        if code == NONE_STATED:
            row.problem("ell_programs", NONE_BESIDE_PROGRAMS)
        elif code not in ELL_PROGRAMS:
            row.problem("ell_programs", N_("Unknown English-learner program “%(code)s”."), code=code)
        elif code in ELL_NEEDS_LANGUAGE and not language:
            row.problem("ell_programs", N_("Program “%(code)s” needs a language, like %(code)s:es."), code=code)
        elif language and language not in ISO_639_1:
            row.problem("ell_programs", N_("“%(language)s” is not a two-letter language code."), language=language)
        else:
            programs.add(("ell", code, language))
    for code, _ in _program_items(row.text("world_languages")):
        if code not in ISO_639_1:
            row.problem("world_languages", N_("“%(language)s” is not a two-letter language code."), language=code)
        else:
            programs.add(("world_language", WORLD_LANGUAGE, code))
    return tuple(sorted(programs))


def _parse_zip(row: _Row) -> str:
    value = row.text("zip")
    if not value:
        return ""
    digits = value.split("-")[0]
    if not digits.isdigit() or len(digits) > 5:
        row.problem("zip", N_("“%(value)s” is not a 5-digit ZIP code."), value=value)
        return ""
    if len(digits) < 5:
        if len(digits) < 3:
            row.problem("zip", N_("“%(value)s” is not a 5-digit ZIP code."), value=value)
            return ""
        padded = digits.zfill(5)
        row.problem("zip", N_("ZIP code “%(value)s” was padded to %(padded)s."), True, value=value, padded=padded)
        return padded
    return digits


def _parse_phone(row: _Row) -> str:
    """A phone number as written, if it is one that can be dialled (a US number unless it starts with +)."""
    value = row.text("phone")
    if not value:
        return ""
    if not _dialable(value):
        row.problem("phone", N_("“%(value)s” is not a phone number."), value=value[:40])
        return ""
    return value


def _dialable(value: str) -> bool:
    """Whether phonenumbers finds a valid number in `value`, read as a US number unless it starts
    with +. A number valid in the US is valid anywhere it is dialled from, so the usual way of
    writing one, "(773) 534-1215", is checked for the US alone first: parsing and checking every
    region that shares +1 took a quarter of an import's time a row."""
    usual = US_NUMBER_RE.fullmatch(value)
    if usual and phonenumbers.is_valid_number_for_region(PhoneNumber(country_code=1, national_number=int("".join(usual.groups()))), "US"):
        return True
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "US"))
    except phonenumbers.NumberParseException:
        return False


def _parse_location(row: _Row, zip_code: str, centroid_of: geo.CentroidOf) -> tuple[float | None, float | None, bool]:
    lat, lon = row.number("lat"), row.number("lon")
    if (lat is None) != (lon is None):
        row.problem("lat" if lat is None else "lon", N_("Give both lat and lon, or neither."))
        return None, None, False
    if lat is not None and lon is not None:
        if not geo.valid_lat_lon(lat, lon):
            row.problem("lat", N_("%(lat)s, %(lon)s is not a place on Earth."), lat=lat, lon=lon)
            return None, None, False
        return round(lat, 6), round(lon, 6), False
    centroid = centroid_of(zip_code) if zip_code else None
    if centroid:
        row.problem("lat", N_("No lat/lon: the centre of ZIP %(zip)s is used."), True, zip=zip_code)
        return centroid[0], centroid[1], True
    return None, None, False


def web_address(value: str) -> str | None:
    """Return a website as a browser reads it, or None when it is not an http(s) address with a host.

    As the WHATWG URL parser does, C0 controls and spaces around it and ASCII tabs and newlines
    anywhere in it are dropped first ("java\tscript:" is "javascript:" to a browser). An address
    without a scheme ("www.school.org", as NYC's directory writes them) is kept as written when
    it starts with a host name; "//evil.example" is refused (a browser takes it to another site).
    """
    cleaned = URL_TAB_OR_NEWLINE_RE.sub("", value.strip(C0_CONTROL_OR_SPACE))
    if not cleaned:
        return ""
    if "\\" in cleaned:  # a browser reads a backslash as "/" in a web address, where Python's urlsplit does not
        return None
    scheme = WEB_SCHEME_RE.match(cleaned)
    if scheme and not WEB_HOST_PORT_RE.match(cleaned):
        if scheme.group(1).lower() not in ("http", "https") or not cleaned[scheme.end() :].startswith("//"):
            return None
        absolute = cleaned
    elif cleaned.startswith("/"):
        return None
    else:
        absolute = "http://" + cleaned
    try:
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number from 0 to 65535
    except ValueError:
        return None
    if not parts.hostname or not WEB_HOST_RE.fullmatch(parts.hostname):
        return None
    return cleaned


def parse_school(line: int, values: dict, centroid_of: geo.CentroidOf) -> tuple[SchoolRecord | None, list[Problem]]:
    """Validate one canonical row: a record (None if rejected) and its problems and warnings."""
    row = _Row(line, values)
    for column in REQUIRED:
        if not (values.get(column) or "").strip():
            row.problem(column, N_("“%(column)s” is required."), column=column)
    school_id = row.text("id")
    if school_id and not ID_RE.match(school_id):
        row.problem("id", N_("An id is letters, digits, “.”, “-” or “_”, at most 64 characters."))
    sector = row.text("sector").lower()
    if sector and sector not in SECTORS:
        row.problem("sector", N_("“%(value)s” is not one of: %(allowed)s."), value=sector, allowed=", ".join(SECTORS))
    grades_text, grades = row.text("grades"), (0,)
    if grades_text:
        try:
            grades = parse_grades(grades_text)
        except ValueError:
            row.problem("grades", N_("“%(value)s” is not a grade list like PK,K-8 or 9-12."), value=grades_text)
    email = row.text("email")
    if email and not EMAIL_RE.match(email):
        row.problem("email", N_("“%(value)s” is not an email address."), value=email)
    given_website = row.text("website")
    website = web_address(given_website)
    if website is None:  # "javascript:…" would run in a partner's link, "//evil.example" lead to another site
        row.problem("website", N_("“%(value)s” is not a web address (http:// or https://)."), value=given_website[:80])
    zip_code = _parse_zip(row)
    lat, lon, approximate = _parse_location(row, zip_code, centroid_of)
    fields = dict(
        id=school_id,
        name=row.text("name"),
        sector=sector,
        grades=grades,
        operator=row.text("operator"),
        school_type=row.text("school_type"),
        address=row.text("address"),
        city=row.text("city"),
        state=row.text("state"),
        zip=zip_code,
        lat=lat,
        lon=lon,
        location_approximate=approximate,
        phone=_parse_phone(row),
        website=website or "",
        email=email,
        enrollment=row.integer("enrollment"),
        accessibility=row.choice("accessibility", ACCESSIBILITY, "unknown"),
        programs=_parse_programs(row),
        sped_stated=_whole_list(row.text("sped_programs")),
        ell_stated=_whole_list(row.text("ell_programs")),
        school_bus=row.choice("school_bus", SCHOOL_BUS, "unknown"),
        school_bus_notes=row.text("school_bus_notes"),
        transit_bus=row.text("transit_bus"),
        transit_rail=row.text("transit_rail"),
        application_deadline=row.day("application_deadline"),
        seats_available=row.integer("seats_available"),
        rating=row.text("rating"),
        rating_source=row.text("rating_source"),
        summary=row.text("summary"),
        how_to_apply=row.text("how_to_apply"),
        verified_on=row.day("verified_on"),
        sped_students=row.integer("sped_students"),
        ell_students=row.integer("ell_students"),
    )
    if any(not p.is_warning for p in row.problems):
        return None, row.problems
    return SchoolRecord(**fields), row.problems


def parse_text(line: int, values: dict, locales: Iterable[str]) -> tuple[TextRecord | None, list[Problem]]:
    """Validate one row of a translations file (id, field, locale, text)."""
    row = _Row(line, values)
    school_id, field_name, locale, text = (row.text(c) for c in TRANSLATION_COLUMNS)
    if not school_id:
        row.problem("id", N_("“%(column)s” is required."), column="id")
    if field_name not in FREE_TEXT_FIELDS:
        row.problem("field", N_("“%(value)s” is not one of: %(allowed)s."), value=field_name, allowed=", ".join(FREE_TEXT_FIELDS))
    if locale not in locales:
        row.problem("locale", N_("“%(value)s” is not one of: %(allowed)s."), value=locale, allowed=", ".join(locales))
    if any(not p.is_warning for p in row.problems):
        return None, row.problems
    return TextRecord(school_id, field_name, locale, text), row.problems


# --- writing ------------------------------------------------------------------------------


def school_row(record: SchoolRecord) -> dict:
    """Return the canonical CSV row of a record, every value a string (the inverse of `parse_school`)."""
    values = record.values()
    row = {column: values.get(column, "") for column in COLUMNS}
    row["grades"] = format_grades(record.grades)
    row["sped_programs"] = program_cell(record.programs, "sped", record.sped_stated)
    row["ell_programs"] = program_cell(record.programs, "ell", record.ell_stated)
    row["world_languages"] = format_programs(record.programs, "world_language")
    if record.location_approximate:  # the centroid is re-derived on import, not pinned
        row["lat"] = row["lon"] = ""
    for column, value in row.items():
        if value is None:
            row[column] = ""
        elif isinstance(value, date):
            row[column] = value.isoformat()
        else:
            row[column] = str(value)
    return row


def write_csv(rows: Iterable[dict], columns: Iterable[str]) -> str:
    """Return CSV text with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
