"""The search's decisions, pure: read a query, define the neutral order, say why each school matched,
and which filter to drop when nothing did.

The database (`catalog.search.search`) filters, measures, orders and pages in one query.
"""

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from catalog import geo
from catalog.csvformat import ISO_639_1
from catalog.text import fold_tokens
from catalog.vocabulary import GRADE_BY_CODE, N_, NEEDS, PROGRAM_CODES, SECTORS

ORDERS = ("distance", "neutral", "name")
MAX_RADIUS_KM = 500.0
MAX_PAGE = 10_000
MAX_TEXT = 200
# ASCII digits only: Python's \d, int() and float() also take "١٠" (Arabic-Indic) or "１０" (full width).
DECIMAL_RE = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # a JSON number, unsigned: "2.5", "5e-324"
MAX_SEED = 2**31 - 1
INTEGER_RE = re.compile(r"[0-9]{1,10}")  # MAX_SEED has 10 digits
LAT_LON_RE = re.compile(r"^\s*(-?[0-9]{1,3}(?:\.[0-9]+)?)\s*,\s*(-?[0-9]{1,3}(?:\.[0-9]+)?)\s*$")


class QueryError(ValueError):
    """A search parameter that cannot be used: which one, and why (untranslated)."""

    def __init__(self, parameter: str, message: str, **params):
        super().__init__(f"{parameter}: {message % params if params else message}")
        self.parameter, self.message, self.params = parameter, message, params


@dataclass(frozen=True)
class Query:
    grade: int | None = None
    # with `grade`, the last grade of a range asked ("middle school": 6 to 8): a school offering any of them matches
    grade_high: int | None = None
    near: tuple[float, float] | None = None
    near_zip: str | None = None  # set when `near` came from a ZIP centroid
    radius_km: float | None = None
    sector: str | None = None
    needs: tuple[str, ...] = ()
    program: str | None = None
    program_language: str | None = None
    text: str = ""
    order: str = "neutral"
    seed: int = 0
    page: int = 1
    per_page: int = 20

    @property
    def text_tokens(self) -> list[str]:
        return fold_tokens(self.text)


@dataclass(frozen=True)
class Reason:
    """One reason a school matched: a kind and the values to describe it."""

    kind: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SchoolFacts:
    """The facts of one school that explanations are made from."""

    sector: str
    programs: tuple[tuple[str, str, str], ...]
    school_bus: str
    transit_bus: str
    transit_rail: str
    accessibility: str
    location_approximate: bool
    grades: tuple[int, ...] = ()  # the grades the school offers


# --- reading a query ----------------------------------------------------------------------


def _one(params: Mapping[str, Sequence[str]], name: str, strip: bool = True) -> str | None:
    values = params.get(name) or []
    if len(values) > 1:
        raise QueryError(name, N_("Give “%(name)s” only once."), name=name)
    value = values[0] if values else ""
    return (value.strip() if strip else value) or None


def _integer(params, name: str, default: int, low: int, high: int) -> int:
    value = _one(params, name, strip=False)  # a number is only its digits: not " 2", as the API documents
    if value is None:
        return default
    if not INTEGER_RE.fullmatch(value) or not low <= int(value) <= high:
        raise QueryError(name, N_("“%(name)s” must be a whole number from %(low)d to %(high)d."), name=name, low=low, high=high)
    return int(value)


def parse_grade(value: str) -> int:
    """Parse "PK", "K", "0".."12" into the grade integer; raise QueryError otherwise."""
    code = value.strip().upper()
    if code == "0":
        code = "K"
    if code not in GRADE_BY_CODE:
        raise QueryError("grade", N_("“%(value)s” is not a grade: use PK, K or 1 to 12."), value=value[:20])
    return GRADE_BY_CODE[code]


def parse_grades(value: str) -> tuple[int, int | None]:
    """Parse a grade ("K") or a range of grades ("6-8", "K-5") into (grade, last grade of the range or None)."""
    low, dash, high = value.partition("-")
    if not dash:
        return parse_grade(value), None
    first, last = parse_grade(low), parse_grade(high)
    if last < first:
        raise QueryError("grade", N_("“%(value)s” is not a grade: use PK, K or 1 to 12."), value=value[:20])
    return first, last if last != first else None


def parse_near(value: str, centroid_of: geo.CentroidOf) -> tuple[tuple[float, float], str | None]:
    """Parse a 5-digit ZIP or "lat,lon" into coordinates (and the ZIP, if one was given)."""
    zip_code = geo.as_zip(value)
    if zip_code:
        centroid = centroid_of(zip_code)
        if not centroid:
            raise QueryError("near", N_("ZIP code %(zip)s was not found."), zip=zip_code)
        return centroid, zip_code
    match = LAT_LON_RE.match(value)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if geo.valid_lat_lon(lat, lon):
            return (lat, lon), None
    raise QueryError("near", N_("Give a 5-digit ZIP code or “latitude,longitude”."))


def build_query(
    params: Mapping[str, Sequence[str]], *, centroid_of: geo.CentroidOf, default_seed: int = 0, max_per_page: int = 100
) -> Query:
    """Read search parameters (name → list of values, as in a query string) into a Query; a ZIP
    code is placed by `centroid_of`."""
    grade = _one(params, "grade")
    near_value = _one(params, "near")
    near, near_zip = parse_near(near_value, centroid_of) if near_value else (None, None)
    radius = _one(params, "radius_km", strip=False)
    radius_km = None
    if radius is not None:
        radius_km = float(radius) if DECIMAL_RE.fullmatch(radius) else math.nan  # not "1_0", "inf", "١٠"
        if not 0 < radius_km <= MAX_RADIUS_KM:
            raise QueryError(
                "radius_km", N_("“%(name)s” must be a number above 0 and at most %(high)d."), name="radius_km", high=int(MAX_RADIUS_KM)
            )
        if near is None:
            raise QueryError("radius_km", N_("“radius_km” needs “near”."))
    sector = _one(params, "sector")
    if sector is not None and sector.lower() not in SECTORS:
        raise QueryError("sector", N_("“%(value)s” is not one of: %(allowed)s."), value=sector[:20], allowed=", ".join(SECTORS))
    needs = []
    for need in params.get("need") or []:
        need = need.strip().lower()
        if need not in NEEDS:
            raise QueryError("need", N_("“%(value)s” is not one of: %(allowed)s."), value=need[:20], allowed=", ".join(NEEDS))
        if need not in needs:
            needs.append(need)
    program = _one(params, "program")
    if program is not None and program.lower() not in PROGRAM_CODES:
        raise QueryError("program", N_("Unknown program “%(value)s”."), value=program[:40])
    language = _one(params, "language")
    if language is not None and language.lower() not in ISO_639_1:
        raise QueryError("language", N_("“%(value)s” is not a two-letter language code."), value=language[:20])
    if language and not program and "dual_language" in needs:  # dual language in Chinese, not dual language and any Chinese class
        program = "dual_language"
    text = _one(params, "q") or ""
    if len(text) > MAX_TEXT:
        raise QueryError("q", N_("The search text is longer than %(limit)d characters."), limit=MAX_TEXT)
    if not fold_tokens(text):  # only punctuation or symbols: nothing to search for
        text = ""
    order = (_one(params, "order") or ("distance" if near else "neutral")).lower()
    if order not in ORDERS:
        raise QueryError("order", N_("“%(value)s” is not one of: %(allowed)s."), value=order[:20], allowed=", ".join(ORDERS))
    if order == "distance" and near is None:
        raise QueryError("order", N_("Ordering by distance needs “near”."))
    grade_low, grade_high = parse_grades(grade) if grade is not None else (None, None)
    return Query(
        grade=grade_low,
        grade_high=grade_high,
        near=near,
        near_zip=near_zip,
        radius_km=radius_km,
        sector=sector.lower() if sector else None,
        needs=tuple(sorted(needs)),
        program=program.lower() if program else None,
        program_language=language.lower() if language else None,
        text=text,
        order=order,
        seed=_integer(params, "seed", default_seed, 0, MAX_SEED),
        page=_integer(params, "page", 1, 1, MAX_PAGE),
        per_page=_integer(params, "per_page", 20, 1, max_per_page),
    )


# --- what a search found besides its hits ---------------------------------------------------


@dataclass(frozen=True)
class Relaxation:
    """A change to a search that found nothing, and how many schools the changed search finds:
    dropping one filter (`drop` names it as the API does: "grade", "sector", "q", "program",
    "language", or a need such as "bus"), or a wider radius."""

    total: int
    drop: str | None = None
    radius_km: float | None = None


WIDER_RADII_KM = (10.0, 20.0, 40.0)


def droppable(query: Query) -> list[str]:
    """Name each filter of a query that could be dropped on its own."""
    names = [name for name, value in (("grade", query.grade), ("sector", query.sector)) if value is not None]
    names += list(query.needs)
    names += [name for name, value in (("program", query.program), ("language", query.program_language)) if value]
    return names + (["q"] if query.text else [])


def without(query: Query, drop: str) -> Query:
    """Return the query with one filter dropped (a name `droppable` gives); a program takes its
    language with it (dual language in Chinese dropped is not "any Chinese class")."""
    if drop in NEEDS:
        return replace(query, needs=tuple(n for n in query.needs if n != drop))
    if drop == "grade":
        return replace(query, grade=None, grade_high=None)
    if drop == "program":
        return replace(query, program=None, program_language=None)
    field_name = {"language": "program_language", "q": "text"}.get(drop, drop)
    return replace(query, **{field_name: "" if field_name == "text" else None})


def wider_radii(query: Query) -> list[float]:
    """The radii past the query's own that a search which found nothing may offer."""
    if query.near is None or query.radius_km is None:
        return []
    return [km for km in WIDER_RADII_KM if km > query.radius_km]


# --- the neutral order ----------------------------------------------------------------------
# A seeded shuffle that favours no school, made of 32-bit integer steps that PostgreSQL, SQLite
# and the offline copy's JavaScript compute alike (catalog.dialects, offline.js): each school
# keeps the FNV-1a hash of its id, and a seed mixes it into its place.

FNV_OFFSET, FNV_PRIME, MASK_32 = 2166136261, 16777619, 0xFFFFFFFF
MIX_MULTIPLIER = 0x45D9F3B  # small enough that a 32-bit value times it fits a signed 64-bit integer


def id_hash(school_id: str) -> int:
    """Return the 32-bit FNV-1a hash of a school id's UTF-8 bytes (stored as `school.id_hash`)."""
    value = FNV_OFFSET
    for byte in school_id.encode():
        value = ((value ^ byte) * FNV_PRIME) & MASK_32
    return value


def neutral_key(seed: int, school_hash: int) -> int:
    """Return a school's place in the neutral order for a seed (smaller first; ties by id)."""
    x = school_hash ^ (seed & MASK_32)
    x = (((x >> 16) ^ x) * MIX_MULTIPLIER) & MASK_32
    x = (((x >> 16) ^ x) * MIX_MULTIPLIER) & MASK_32
    return (x >> 16) ^ x


def asked_grades(query: Query) -> range:
    """The grades a query asks for: its grade, or each of its range."""
    return range(query.grade, (query.grade if query.grade_high is None else query.grade_high) + 1)


def page_bounds(query: Query) -> tuple[int, int]:
    """Return (offset, limit) of the query's page."""
    return (query.page - 1) * query.per_page, query.per_page


def explain(query: Query, facts: SchoolFacts, distance_km: float | None, text: str | None = None) -> list[Reason]:
    """Say why a school matched the query, one Reason per criterion that was asked for."""
    reasons = []
    if query.grade is not None:  # of a range, the grades of it the school offers
        offered = [g for g in asked_grades(query) if g in facts.grades] if query.grade_high is not None else [query.grade]
        reasons.append(Reason("grade", {"grades": offered or [query.grade]}))
    if distance_km is not None:
        reasons.append(Reason("distance", {"km": distance_km, "approximate": facts.location_approximate}))
    if query.sector:
        reasons.append(Reason("sector", {"sector": facts.sector}))
    for need in query.needs:
        if need == "dual_language" and query.program == "dual_language":
            continue  # the program's own reasons name its languages: "Dual language: Chinese", said once
        programs = []
        if need == "sped":
            programs = [p for p in facts.programs if p[0] == "sped"]
        elif need == "ell":
            programs = [p for p in facts.programs if p[0] == "ell"]
        elif need == "dual_language":
            programs = [p for p in facts.programs if p[1] == "dual_language"]
        reasons.append(Reason("need", {"need": need, "programs": programs, "school_bus": facts.school_bus}))
    if query.program or query.program_language:
        for kind, code, language in facts.programs:
            if (query.program in (None, code)) and (query.program_language in (None, language)):
                reasons.append(Reason("program", {"kind": kind, "code": code, "language": language}))
    if query.text:  # `text`: the words a misspelt search text was read as
        reasons.append(Reason("text", {"text": text or query.text}))
    return reasons
