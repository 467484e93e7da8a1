"""Reading the catalog: the one search service, single schools, export and statistics."""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple, TypeVar

import rapidfuzz.process
from flask import current_app, g, has_request_context
from rapidfuzz.distance import Levenshtein
from sqlalchemy import Row, and_, bindparam, exists, func, null, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from catalog import dialects
from catalog.csvformat import FREE_TEXT_FIELDS, SchoolRecord, school_row, text_hash
from catalog.models import CatalogRevision, Program, School, SchoolText, transit_line
from catalog.search import Query, QueryError, Reason, Relaxation, SchoolFacts, droppable, explain, page_bounds, wider_radii, without
from catalog.vocabulary import N_, grade_bit, need_bit

NEED_COLUMNS = {
    "sped": School.need_sped,
    "ell": School.need_ell,
    "dual_language": School.need_dual_language,
    "bus": School.need_bus,
    "transit": School.need_transit,
    "accessible": School.need_accessible,
}


@dataclass(frozen=True)
class Hit:
    school: School | Row
    distance_km: float | None
    reasons: list[Reason]


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[Hit]
    query: Query
    # need → sector → how many schools that match every other filter have not stated that need
    not_stated: dict[str, dict[str, int]] = field(default_factory=dict)
    relaxations: list[Relaxation] = field(default_factory=list)  # when nothing matched: what would find some
    read_as: str | None = None  # the names a misspelt search text was read as ("kenwod" → "kenwood")


class OutOfArea(QueryError):
    """A place well outside the area the catalog covers."""

    def __init__(self, place: str, area: str):
        super().__init__("near", N_("%(place)s is outside the area we list schools in: %(area)s."), place=place, area=area)


def _dialect() -> str:
    return db.engine.dialect.name


def _filters(query: Query, terms: list[tuple[str, ...]] | None = None) -> list:
    """The query's filters as SQL conditions; `terms` are alternatives for each word of a misspelt text."""
    conditions = []
    if query.grade is not None:
        conditions.append(School.grades_offered.op("&")(grade_bit(query.grade)) != 0)
    if query.sector:
        conditions.append(School.sector == query.sector)
    conditions += [NEED_COLUMNS[need].is_(True) for need in query.needs]
    if query.program or query.program_language:
        program = [Program.school_id == School.id]
        if query.program:
            program.append(Program.code == query.program)
        if query.program_language:
            program.append(Program.language == query.program_language)
        conditions.append(exists().where(and_(*program)))
    for alternatives in terms if terms is not None else [(token,) for token in query.text_tokens]:
        # "%" and "_" are letters here: escaped, never LIKE wildcards
        conditions.append(or_(*(School.search_text.contains(word, autoescape=True) for word in alternatives)))
    if query.near is not None and query.radius_km is not None:
        conditions += dialects.within(_dialect(), query.near, query.radius_km)
    return conditions


def facts_of(school: School) -> SchoolFacts:
    """Return the plain facts of a school that search explanations use."""
    return SchoolFacts(
        sector=school.sector,
        programs=tuple((p.kind, p.code, p.language) for p in school.programs),
        school_bus=school.school_bus,
        transit_bus=school.transit_bus,
        transit_rail=school.transit_rail,
        accessibility=school.accessibility,
        location_approximate=school.location_approximate,
    )


_REVISION_SQL = f"SELECT revision FROM {CatalogRevision.__tablename__} WHERE id = 1"


def catalog_revision() -> int:
    """Return the catalog's change counter (0 before the first change).

    Plain SQL: every cached API answer asks this first, so it skips statement compilation.
    Read once per request (`bump_revision` forgets it): a text asks for it several times.
    """
    if has_request_context() and "catalog_revision" in g:
        return g.catalog_revision
    revision = db.session.connection().exec_driver_sql(_REVISION_SQL).scalar() or 0
    if has_request_context():
        g.catalog_revision = revision
    return revision


T = TypeVar("T")


def per_revision(name: str, build: Callable[[], T]) -> T:
    """Return what `build()` makes of the catalog, made once per catalog revision and kept on the
    app (so once per worker): an import or an edit is seen by the next request."""
    revision = catalog_revision()
    kept = current_app.extensions.get(name)
    if kept is None or kept[0] != revision:
        kept = current_app.extensions[name] = (revision, build())
    return kept[1]


# --- the area the catalog covers ----------------------------------------------------------

AREA_MARGIN_KM = 50.0  # a place this far from every school is outside the catalog's area
AREA_CITIES = 3  # the area is named by its most listed cities


def catalog_area() -> str:
    """Name the area the catalog covers by its most listed cities: "Chicago, IL"."""

    def build() -> str:
        counted = db.session.execute(
            select(School.city, School.state, func.count().label("n")).where(School.city != "").group_by(School.city, School.state)
        ).all()
        top = sorted(counted, key=lambda row: (-row.n, row.city))[:AREA_CITIES]
        return "; ".join(f"{row.city}, {row.state}" if row.state else row.city for row in top)

    return per_revision("catalog_area", build)


def check_area(query: Query) -> None:
    """Raise OutOfArea when the query's place is more than AREA_MARGIN_KM from every school."""
    if query.near is None:
        return
    if db.session.scalar(select(School.id).where(*dialects.within(_dialect(), query.near, AREA_MARGIN_KM)).exists().select()):
        return
    if not db.session.scalar(select(exists().where(School.lat.is_not(None)))):
        return  # an empty catalog (or one without places) covers no area to be outside of
    raise OutOfArea(query.near_zip or "{:.4f},{:.4f}".format(*query.near), catalog_area())


def needs_offered() -> list[str]:
    """The needs at least one school offers: examples and choices never suggest one no school states."""

    def build() -> list[str]:
        return [need for need, column in NEED_COLUMNS.items() if db.session.scalar(select(exists().where(column.is_(True))))]

    return per_revision("needs_offered", build)


def example_zip() -> str:
    """The ZIP code most of the catalog's schools are in, for examples ("K 60637")."""

    def build() -> str:
        statement = select(School.zip).where(School.zip != "").group_by(School.zip).order_by(func.count().desc(), School.zip).limit(1)
        return db.session.scalar(statement) or "60637"

    return per_revision("example_zip", build)


# --- names with a typo --------------------------------------------------------------------

TYPO_MIN_LENGTH = 4  # shorter words are taken as typed


def typo_allowance(word: str) -> int:
    """How many letters a word of this length may have wrong: 1 from 4 letters, 2 from 8."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalnum():  # "k_lly" is no typo of "kelly": "_" and "%" are letters typed
        return 0
    return 1 if len(word) < 8 else 2


def catalog_words() -> list[str]:
    """Every word of the catalog's search text (names, operators, places), once each."""

    def build() -> list[str]:
        words = set()
        for (text,) in db.session.execute(select(School.search_text)):
            words.update(text.split())
        return sorted(words)

    return per_revision("catalog_words", build)


def read_misspelt(tokens: list[str]) -> list[tuple[str, ...]] | None:
    """Read each word of a search text that is in no name as the catalog's words it is a typo of;
    None when a word is neither in the catalog nor close to a word of it."""
    words = catalog_words()
    terms = []
    for token in tokens:
        if any(token in word for word in words):
            terms.append((token,))
            continue
        close = rapidfuzz.process.extract(
            token, words, scorer=Levenshtein.distance, score_cutoff=typo_allowance(token), limit=5
        ) if typo_allowance(token) else []  # fmt: skip
        if not close:
            return None
        best = min(score for _word, score, _i in close)
        terms.append(tuple(word for word, score, _i in close if score == best))
    return terms


# --- the one search -----------------------------------------------------------------------


def _ranked_page(query: Query, terms: list[tuple[str, ...]] | None = None) -> tuple[int, list[tuple[str, float | None]]]:
    """Filter, measure, order and page in one statement: (total, [(school id, km or None), …]).

    Ties are broken by id, so every order is total and paging never repeats or skips a school.
    """
    dialect = _dialect()
    distance = (dialects.distance_km(dialect, query.near) if query.near is not None else null()).label("distance_km")
    order = {
        "distance": distance.nulls_last(),
        "name": dialects.name_order(dialect),
        "neutral": dialects.neutral_order(dialect, query.seed),
    }[query.order]
    offset, limit = page_bounds(query)
    statement = select(School.id, distance, func.count().over().label("total")).where(*_filters(query, terms))
    rows = db.session.execute(statement.order_by(order, School.id).offset(offset).limit(limit)).all()
    if rows:
        total = rows[0].total
    else:  # past the last page, or nothing matched
        total = db.session.scalar(select(func.count()).select_from(School).where(*_filters(query, terms))) if offset else 0
    return total, [(row.id, round(row.distance_km, 2) if row.distance_km is not None else None) for row in rows]


def count_by_sector(query: Query, *conditions, terms: list[tuple[str, ...]] | None = None) -> dict[str, int]:
    """Count the schools that match the query (inside its radius) and the extra conditions, per sector."""
    grouped = select(School.sector, func.count()).where(*_filters(query, terms), *conditions).group_by(School.sector)
    return {sector: n for sector, n in db.session.execute(grouped)}


def _not_stated(query: Query, terms) -> dict[str, dict[str, int]]:
    """For each need asked for: per sector, the schools matching every other filter that have not stated it."""
    found = {}
    for need in query.needs:
        counts = count_by_sector(without(query, need), School.needs_not_stated.op("&")(need_bit(need)) != 0, terms=terms)
        if counts:
            found[need] = counts
    return found


def _relaxations(query: Query, terms) -> list[Relaxation]:
    """For a search that found nothing: the one filter whose dropping finds the most, then the
    nearest wider radius that finds any."""
    found = []
    dropped = [
        (sum(count_by_sector(without(query, name), terms=None if name == "q" else terms).values()), name) for name in droppable(query)
    ]
    best = max(dropped, key=lambda pair: pair[0], default=(0, None))
    if best[0]:
        found.append(Relaxation(total=best[0], drop=best[1]))
    for km in wider_radii(query):
        total = sum(count_by_sector(replace(query, radius_km=km), terms=terms).values())
        if total:
            found.append(Relaxation(total=total, radius_km=km))
            break
    return found


def _search(query: Query) -> tuple[int, list[tuple[str, float | None]], list | None, dict, list]:
    """Rank the query's page: (total, page, terms a misspelt text was read as, not_stated, relaxations)."""
    check_area(query)
    terms = None
    total, page = _ranked_page(query)
    if not total and query.text:
        terms = read_misspelt(query.text_tokens)
        if terms is not None and any(alternatives != (token,) for alternatives, token in zip(terms, query.text_tokens, strict=True)):
            total, page = _ranked_page(query, terms)
    not_stated = _not_stated(query, terms)
    relaxations = _relaxations(query, terms) if not total else []
    return total, page, terms, not_stated, relaxations


def _read_as(terms) -> str | None:
    return " ".join(alternatives[0] for alternatives in terms) if terms else None


_PAGE_FACTS = select(School.id, School.name, School.grades_offered, School.sector).where(School.id.in_(bindparam("ids", expanding=True)))


def find_school_facts(query: Query) -> SearchResult:
    """Search the catalog for a caller that labels plain facts itself (the SMS bot): the same
    search as `find_schools`, each hit's school a row of id, name, grades_offered and sector."""
    total, page, terms, not_stated, relaxations = _search(query)
    facts = {row.id: row for row in db.session.execute(_PAGE_FACTS, {"ids": [school_id for school_id, _ in page]})}
    hits = [Hit(facts[school_id], distance, []) for school_id, distance in page if school_id in facts]
    return SearchResult(total, hits, query, not_stated, relaxations, _read_as(terms))


def find_schools(query: Query) -> SearchResult:
    """Search the catalog: the one search every door (kiosk, SMS, API) uses.

    Raises OutOfArea for a place well outside the catalog's area.
    """
    total, page, terms, not_stated, relaxations = _search(query)
    ids = [school_id for school_id, _distance in page]
    loaded = {
        s.id: s
        for s in db.session.scalars(
            select(School).where(School.id.in_(ids)).options(selectinload(School.programs), selectinload(School.texts))
        )
    }
    read_as = _read_as(terms)
    hits = [Hit(loaded[i], d, explain(query, facts_of(loaded[i]), d, read_as)) for i, d in page if i in loaded]
    return SearchResult(total, hits, query, not_stated, relaxations, read_as)


def get_school(school_id: str) -> School | None:
    """Return one school with its programs and texts, or None."""
    return db.session.get(School, school_id, options=[selectinload(School.programs), selectinload(School.texts)])


def get_schools(school_ids: list[str]) -> list[School]:
    """Return the schools with these ids, in the order given, skipping unknown ids: one query."""
    wanted = list(dict.fromkeys(school_ids))
    if not wanted:
        return []
    statement = select(School).where(School.id.in_(wanted)).options(selectinload(School.programs), selectinload(School.texts))
    found = {school.id: school for school in db.session.scalars(statement)}
    return [found[i] for i in wanted if i in found]


LISTING_COLUMNS = ("id", "name", "sector", "grades_offered", "address", "phone", "school_bus", "transit_rail", "transit_bus")


class Listing(NamedTuple):
    """A school's facts, programs and some of its free texts as plain rows (no ORM objects)."""

    school: Row  # LISTING_COLUMNS
    programs: list[Row]  # kind, code, language
    texts: list[Row]  # field, locale, text, source_hash

    @property
    def transit(self) -> str:
        return transit_line(self.school.transit_rail, self.school.transit_bus)


_SCHOOLS, _PROGRAMS, _TEXTS = School.__table__, Program.__table__, SchoolText.__table__
# Built once: building a statement costs more than running it on a few rows.
_LISTING_FACTS = select(*(_SCHOOLS.c[name] for name in LISTING_COLUMNS)).where(_SCHOOLS.c.id.in_(bindparam("ids", expanding=True)))
_LISTING_PROGRAMS = select(_PROGRAMS).where(_PROGRAMS.c.school_id.in_(bindparam("ids", expanding=True))).order_by(_PROGRAMS.c.id)
_LISTING_TEXTS = select(_TEXTS).where(
    _TEXTS.c.school_id.in_(bindparam("ids", expanding=True)),
    _TEXTS.c.field.in_(bindparam("fields", expanding=True)),
    _TEXTS.c.locale.in_(bindparam("locales", expanding=True)),
)


def get_listings(school_ids: list[str], fields: tuple[str, ...], locales: tuple[str, ...]) -> list[Listing]:
    """Return these schools as plain rows in the order given (unknown ids skipped), with the
    free texts of `fields` in `locales`: three statements, for readers of many schools a second."""
    wanted = list(dict.fromkeys(school_ids))
    if not wanted:
        return []
    connection = db.session.connection()
    found = {row.id: Listing(row, [], []) for row in connection.execute(_LISTING_FACTS, {"ids": wanted})}
    for row in connection.execute(_LISTING_PROGRAMS, {"ids": wanted}):
        found[row.school_id].programs.append(row)
    for row in connection.execute(_LISTING_TEXTS, {"ids": wanted, "fields": list(fields), "locales": list(locales)}):
        found[row.school_id].texts.append(row)
    return [found[i] for i in wanted if i in found]


def free_text(school: School | Listing, name: str, locale: str) -> tuple[str, str | None, bool]:
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


def record_of(school: School) -> SchoolRecord:
    """Return a school as the canonical record it was imported from."""
    english = {t.field: t.text for t in school.texts if t.locale == "en"}
    return SchoolRecord(
        **{name: getattr(school, name) for name in SchoolRecord.__dataclass_fields__ if hasattr(School, name) and name != "programs"},
        programs=tuple(sorted((p.kind, p.code, p.language) for p in school.programs)),
        **{name: english.get(name, "") for name in FREE_TEXT_FIELDS},
    )


def current_rows(school_ids: list[str], batch: int = 500) -> dict[str, dict]:
    """Return these schools' listings as canonical CSV rows, as they are now (unknown ids skipped)."""
    rows = {}
    for start in range(0, len(school_ids), batch):
        chunk = school_ids[start : start + batch]
        statement = select(School).where(School.id.in_(chunk)).options(selectinload(School.programs), selectinload(School.texts))
        rows.update({school.id: school_row(record_of(school)) for school in db.session.scalars(statement)})
    return rows


def nearest_schools(near: tuple[float, float], radius_km: float, limit: int) -> tuple[list[tuple[School, float]], bool]:
    """The schools within `radius_km` of `near`, nearest first (ties by id), at most `limit`, each
    with its distance and its programs and texts loaded; and whether they are the whole catalog."""
    dialect = _dialect()
    distance = dialects.distance_km(dialect, near).label("distance_km")
    statement = select(School.id, distance).where(*dialects.within(dialect, near, radius_km)).order_by(distance, School.id).limit(limit)
    found = db.session.execute(statement).all()
    loaded = {school.id: school for school in get_schools([row.id for row in found])}
    whole = len(found) == db.session.scalar(select(func.count()).select_from(School))
    return [(loaded[row.id], row.distance_km) for row in found if row.id in loaded], whole


def all_schools(batch: int = 500) -> Iterator[School]:
    """Yield every school in id order, with programs and texts, a batch at a time."""
    statement = (
        select(School)
        .order_by(School.id)
        .options(selectinload(School.programs), selectinload(School.texts))
        .execution_options(yield_per=batch)
    )
    yield from db.session.scalars(statement)


def translations() -> Iterator[SchoolText]:
    """Yield every non-English free text, in a stable order."""
    statement = select(SchoolText).where(SchoolText.locale != "en").order_by(SchoolText.school_id, SchoolText.field, SchoolText.locale)
    yield from db.session.scalars(statement)


def catalog_stats() -> dict:
    """Count schools by sector, need and program, and how many locations are approximate."""
    by_sector = {s: n for s, n in db.session.execute(select(School.sector, func.count()).group_by(School.sector))}
    programs = Counter()
    for code, language, count in db.session.execute(
        select(Program.code, Program.language, func.count()).group_by(Program.code, Program.language)
    ):
        programs[f"{code}:{language}" if language else code] += count
    needs = {need: db.session.scalar(select(func.count()).where(column.is_(True))) for need, column in NEED_COLUMNS.items()}
    return {
        "schools": sum(by_sector.values()),
        "by_sector": by_sector,
        "by_need": needs,
        "by_program": dict(sorted(programs.items())),
        "approximate_locations": db.session.scalar(select(func.count()).where(School.location_approximate.is_(True))),
        "never_verified": db.session.scalar(select(func.count()).where(School.verified_on.is_(None))),
    }
