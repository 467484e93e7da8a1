"""Reading the catalog: single schools and listings, the catalog's revision, area and examples,
export and statistics. The search itself is `catalog.search`."""

from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

from flask import current_app, g, has_request_context
from sqlalchemy import Row, bindparam, exists, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import selectinload

from app.extensions import db
from catalog.csvformat import FREE_TEXT_FIELDS, SchoolRecord, school_row
from catalog.models import CatalogRevision, Program, School, SchoolText
from catalog.vocabulary import grades_of_mask

NEED_COLUMNS = {
    "sped": School.need_sped,
    "ell": School.need_ell,
    "dual_language": School.need_dual_language,
    "bus": School.need_bus,
    "transit": School.need_transit,
    "accessible": School.need_accessible,
}


_REVISION_SQL = f"SELECT revision FROM {CatalogRevision.__tablename__} WHERE id = 1"


def catalog_revision() -> int:
    """Return the catalog's change counter (0 before the first change).

    Plain SQL. Read once per request (`bump_revision` forgets it): a text asks for it several
    times. Outside a transaction (a cached API answer asks it first, and for it this is the only
    statement) on a pooled connection of its own, so no session transaction is begun and committed for it.
    """
    if has_request_context() and "catalog_revision" in g:
        return g.catalog_revision
    if db.session().in_transaction():  # what this transaction sees, its own changes included
        revision = db.session.connection().exec_driver_sql(_REVISION_SQL).scalar() or 0
    else:
        revision = _read_revision_alone()
    if has_request_context():
        g.catalog_revision = revision
    return revision


def _read_revision_alone() -> int:
    """The revision read on a pooled driver connection, without SQLAlchemy's Connection around it
    (8 µs instead of 45 on SQLite: for a cached API answer it is the only statement); its errors are wrapped
    as every statement's are (a database away is a 503, not a 500), and a lost connection is
    dropped from the pool."""
    dialect = db.engine.dialect
    connection = cursor = None
    try:
        connection = db.engine.raw_connection()
        cursor = connection.cursor()
        cursor.execute(_REVISION_SQL)
        row = cursor.fetchone()
    except dialect.loaded_dbapi.Error as error:
        lost = connection is not None and dialect.is_disconnect(error, connection.dbapi_connection, cursor)
        if lost:
            connection.invalidate(error)
        raise DBAPIError.instance(
            _REVISION_SQL, None, error, dialect.loaded_dbapi.Error, hide_parameters=True, connection_invalidated=lost, dialect=dialect
        ) from error
    finally:
        if cursor is not None:
            cursor.close()
        if connection is not None:
            connection.close()  # back to the pool, which ends what the read began
    return (row[0] if row else 0) or 0


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


# What a school's card shows (catalog.cards.card_of).
LISTING_COLUMNS = (
    "id", "name", "sector", "grades_offered", "address", "zip", "phone", "website", "enrollment", "accessibility",
    "school_bus", "school_bus_notes", "transit_bus", "transit_rail", "application_deadline", "seats_available",
    "sped_stated", "ell_stated", "sped_students", "ell_students",
)  # fmt: skip


class Listing:
    """A school's card facts, programs and free texts as plain rows, read as a `School` is read (no
    ORM objects: for readers of many schools a second). Its columns are its own attributes: a
    card reads each a few times."""

    def __init__(self, row: Row):
        self.__dict__.update(row._mapping)
        self.programs: list[Row] = []  # kind, code, language
        self.texts: list[Row] = []  # field, locale, text, source_hash
        self.grades: tuple[int, ...] = grades_of_mask(self.grades_offered)


_SCHOOLS, _PROGRAMS, _TEXTS = School.__table__, Program.__table__, SchoolText.__table__
MAX_IDS = 256  # schools one statement reads: more are read in turns of as many


def _slots(values: list, name: str) -> tuple[int, dict]:
    """The values as bound parameters `name_0`, `name_1`, …, their number rounded up to a power of
    two by naming the last again: a list given as one value is written into the SQL anew at each
    run, and each count of values is a statement of its own."""
    slots = 1 << (len(values) - 1).bit_length()
    return slots, {f"{name}_{i}": value for i, value in enumerate(values + values[-1:] * (slots - len(values)))}


@lru_cache(maxsize=64)
def _listing_statements(ids: int, locales: int, whole: bool) -> tuple:
    """The statements reading `ids` schools' columns (every column a `School` has when `whole`, else
    the card's), programs and texts in `locales` locales: built once (it costs more than running them)."""

    def slots(column, name: str, count: int):
        return column.in_([bindparam(f"{name}_{i}") for i in range(count)])

    columns = [_SCHOOLS] if whole else [_SCHOOLS.c[name] for name in LISTING_COLUMNS]
    return (
        select(*columns).where(slots(_SCHOOLS.c.id, "id", ids)),
        select(_PROGRAMS).where(slots(_PROGRAMS.c.school_id, "id", ids)).order_by(_PROGRAMS.c.id),
        select(_TEXTS).where(slots(_TEXTS.c.school_id, "id", ids), slots(_TEXTS.c.locale, "locale", locales)) if locales else None,
    )


def get_listings(school_ids: list[str], locales: tuple[str, ...], whole: bool = False) -> list[Listing]:
    """Return these schools as plain rows in the order given (unknown ids skipped), with their
    programs and their free texts in `locales` (none when empty): three statements (two without
    locales) for each MAX_IDS schools.

    `whole`: every column of the school (its plain values, as a `School` has them), not only the card's.
    """
    wanted = list(dict.fromkeys(school_ids))
    connection = db.session.connection()
    found = {}
    locale_slots, locale_values = _slots(list(locales), "locale") if locales else (0, {})
    for start in range(0, len(wanted), MAX_IDS):
        id_slots, values = _slots(wanted[start : start + MAX_IDS], "id")
        facts, programs, texts = _listing_statements(id_slots, locale_slots, whole)
        found.update((row.id, Listing(row)) for row in connection.execute(facts, values))
        for row in connection.execute(programs, values):
            found[row.school_id].programs.append(row)
        if texts is not None:
            for row in connection.execute(texts, values | locale_values):
                found[row.school_id].texts.append(row)
    return [found[i] for i in wanted if i in found]


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
