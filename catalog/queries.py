"""Reading the catalog: the one search service, single schools, export and statistics."""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from flask import current_app, g, has_request_context
from sqlalchemy import Row, and_, bindparam, exists, func, null, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from catalog import geo
from catalog.csvformat import FREE_TEXT_FIELDS, SchoolRecord, school_row, text_hash
from catalog.models import CatalogRevision, Program, School, SchoolText, transit_line
from catalog.search import CatalogIndex, IndexedSchool, Query, Reason, SchoolFacts, explain, rank

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
    school: School
    distance_km: float | None
    reasons: list[Reason]


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[Hit]
    query: Query


def _filters(query: Query) -> list:
    conditions = []
    if query.grade is not None:
        conditions += [School.grade_low <= query.grade, School.grade_high >= query.grade]
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
    for token in query.text_tokens:  # "%" and "_" are letters here: escaped, never LIKE wildcards
        conditions.append(School.search_text.contains(token, autoescape=True))
    if query.near is not None and query.radius_km is not None:
        cells = geo.cells_covering(*query.near, query.radius_km)
        if cells is not None:
            conditions.append(School.geo_cell.in_(cells))
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(*query.near, query.radius_km)
        conditions += [School.lat.between(min_lat, max_lat), School.lon.between(min_lon, max_lon)]
    return conditions


def facts_of(school: School) -> SchoolFacts:
    """Return the plain facts of a school that search explanations use."""
    return SchoolFacts(
        sector=school.sector,
        grade_low=school.grade_low,
        grade_high=school.grade_high,
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


def _build_index() -> CatalogIndex:
    programs: dict[str, set] = {}
    for school_id, code, language in db.session.execute(select(Program.school_id, Program.code, Program.language)):
        programs.setdefault(school_id, set()).add((code, language))
    shared: dict[frozenset, frozenset] = {}  # most schools share a few sets of needs and programs

    def one(values) -> frozenset:
        values = frozenset(values)
        return shared.setdefault(values, values)

    columns = select(
        School.id, School.name, School.lat, School.lon, School.geo_cell, School.grade_low, School.grade_high, School.sector,
        School.search_text, *NEED_COLUMNS.values(),
    )  # fmt: skip
    return CatalogIndex(
        IndexedSchool(
            *row[:8],
            needs=one(need for need, flag in zip(NEED_COLUMNS, row[9:], strict=True) if flag),
            programs=one(programs.get(row[0], ())),
            search_text=row[8],
        )
        for row in db.session.execute(columns)
    )


def catalog_index() -> CatalogIndex | None:
    """Return this worker's in-memory index of the catalog (rebuilt after any change), or None
    when the catalog has more than SEARCH_INDEX_MAX_SCHOOLS schools (it takes about 1 MB a
    thousand schools in every worker, so a huge catalog is searched in the database)."""

    def build() -> CatalogIndex | None:
        count = db.session.scalar(select(func.count()).select_from(School))
        return _build_index() if count <= current_app.config["SEARCH_INDEX_MAX_SCHOOLS"] else None

    return per_revision("catalog_index", build)


def _rank_in_database(query: Query) -> tuple[int, list[tuple[str, float | None]]]:
    # Rows of (id, name, lat, lon) are Candidates already: no object per row on the hot path.
    # The name is read only to order by it, so other searches stay inside ix_school_search.
    name = School.name if query.order == "name" else null().label("name")
    return rank(db.session.execute(select(School.id, name, School.lat, School.lon).where(*_filters(query))), query)


_PAGE_FACTS = select(School.id, School.name, School.grade_low, School.grade_high, School.sector).where(
    School.id.in_(bindparam("ids", expanding=True))
)


def find_school_facts(query: Query) -> tuple[int, list[tuple[IndexedSchool | Row, float | None]]]:
    """Search the catalog for a caller that labels plain facts itself (the SMS bot, which
    answers many different searches a second): (total, [(school, distance_km)] of the page),
    each school with at least id, name, grade_low, grade_high and sector.

    The same filters and ranking as `find_schools`, on the in-memory index when there is one:
    no database round trip.
    """
    index = catalog_index()
    if index is not None:
        total, page = rank(index.candidates(query), query)
        return total, [(index.by_id[school_id], distance) for school_id, distance in page]
    total, page = _rank_in_database(query)
    facts = {row.id: row for row in db.session.execute(_PAGE_FACTS, {"ids": [school_id for school_id, _ in page]})}
    return total, [(facts[school_id], distance) for school_id, distance in page if school_id in facts]


def find_schools(query: Query) -> SearchResult:
    """Search the catalog: the one search every door (kiosk, SMS, API) uses."""
    total, page = _rank_in_database(query)
    ids = [school_id for school_id, _distance in page]
    loaded = {
        s.id: s
        for s in db.session.scalars(
            select(School).where(School.id.in_(ids)).options(selectinload(School.programs), selectinload(School.texts))
        )
    }
    hits = [Hit(loaded[i], d, explain(query, facts_of(loaded[i]), d)) for i, d in page if i in loaded]
    return SearchResult(total, hits, query)


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


LISTING_COLUMNS = ("id", "name", "sector", "grade_low", "grade_high", "address", "phone", "school_bus", "transit_rail", "transit_bus")


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
