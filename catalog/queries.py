"""Reading the catalog: single schools and listings, the catalog's revision, area and examples,
export and statistics. The search itself is `catalog.search`."""

from collections import Counter, namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TypeVar

from flask import current_app, g, has_request_context
from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import selectinload

from app.extensions import db
from catalog import zip_table
from catalog.csvformat import FREE_TEXT_FIELDS, SchoolRecord, school_row
from catalog.labels import current as current_labels
from catalog.models import CatalogRevision, Program, School, SchoolText
from catalog.vocabulary import Np_, grades_of_mask

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
        driver_connection = connection.dbapi_connection if connection is not None else None
        raise _as_sqlalchemy_error(
            error, _REVISION_SQL, None, driver_connection, cursor, getattr(connection, "invalidate", None)
        ) from error
    finally:
        if cursor is not None:
            cursor.close()
        if connection is not None:
            connection.close()  # back to the pool, which ends what the read began
    return (row[0] if row else 0) or 0


def slot_values(values: list, name: str, sizes: tuple[int, ...] = ()) -> tuple[int, dict]:
    """The values as bound parameters `name_0`, `name_1`, …, for `in_slots`: as many as the first of
    `sizes` that holds them (else the next power of two), the last named again to fill them. A list
    given as one value is written into the SQL anew at each run (0.1 ms), and each number of values
    is a statement of its own. (0, {}) for none."""
    if not values:
        return 0, {}
    slots = next((size for size in sizes if size >= len(values)), 1 << (len(values) - 1).bit_length())
    return slots, dict(zip(_slot_names(name, slots), values + values[-1:] * (slots - len(values)), strict=True))


@lru_cache(maxsize=64)
def _slot_names(name: str, count: int) -> tuple[str, ...]:
    """`name_0`, `name_1`, …: written once (a wide circle's 400 cells took 40 µs to name at each search)."""
    return tuple(f"{name}_{i}" for i in range(count))


def in_slots(column, name: str, count: int):
    """`column IN (:name_0, …)`, `count` values each bound on its own (`slot_values` gives them)."""
    return column.in_([bindparam(slot, type_=column.type) for slot in _slot_names(name, count)])


def _as_sqlalchemy_error(error: Exception, sql: str, params, driver_connection, cursor, invalidate) -> DBAPIError:
    """A driver's error as SQLAlchemy raises it for a statement it runs itself (a database away is a
    503, not a 500; the values never shown); a lost connection is invalidated (`invalidate(error)`)."""
    dialect = db.engine.dialect
    lost = driver_connection is not None and dialect.is_disconnect(error, driver_connection, cursor)
    if lost:
        invalidate(error)
    return DBAPIError.instance(
        sql, params, error, dialect.loaded_dbapi.Error, hide_parameters=True, connection_invalidated=lost, dialect=dialect
    )


@dataclass(slots=True)
class Prepared:
    """A statement compiled once for the database's driver: its SQL, how its values are put in the
    order the driver takes them (None: by name), the values it holds itself, and the conversions
    SQLAlchemy would make on the way (a value to the driver, a column's value back: on SQLite, a
    true/false column is 0/1 and a date is text); its rows are named tuples of the columns it selects."""

    sql: str
    order: Callable[[dict], tuple] | None  # the values in the order the driver takes them, or None: by name
    constants: dict
    converters: dict
    row: type
    columns: tuple  # the columns it selects
    readers: tuple | None = None  # the conversions of the columns that need one, (place, conversion): known at the first run


def prepare(statement, dialect) -> Prepared:
    """Compile a statement for the driver (once: a search's are kept per shape)."""
    compiled = statement.compile(dialect=dialect)
    if compiled.post_compile_params:  # written anew at each run: only SQLAlchemy's own execution can
        raise ValueError(f"a prepared statement must bind each value on its own: {compiled.post_compile_params}")
    constants, converters = {}, {}
    for bind, name in compiled.bind_names.items():
        if not bind.required:
            constants[name] = bind.effective_value
        converter = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if converter is not None:
            converters[name] = converter
    order = _in_order(tuple(compiled.positiontup)) if compiled.positional else None
    columns = statement.selected_columns
    row = namedtuple("Row", [column.key or "_" for column in columns], rename=True)
    return Prepared(compiled.string, order, constants, converters, row, tuple(columns))


def _in_order(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    if len(names) == 1:
        return lambda values: (values[names[0]],)
    return itemgetter(*names) if names else lambda values: ()


def driver_values(prepared: Prepared, values: dict) -> dict | tuple:
    """The values as the driver takes them with the prepared statement's SQL."""
    params = prepared.constants | values
    for name, convert in prepared.converters.items():
        params[name] = convert(params[name])
    return params if prepared.order is None else prepared.order(params)


def run_prepared(prepared: Prepared, values: dict) -> list:
    """Run a prepared statement on the session's connection, on the driver's own cursor: about 100 µs
    less than SQLAlchemy's execution, which converts each value and wraps each row. Its errors are
    wrapped as SQLAlchemy's are (a database away is a 503; the values never shown), and a lost
    connection is invalidated."""
    params = driver_values(prepared, values)
    connection = db.session.connection()
    dialect, driver_connection = connection.dialect, connection.connection.dbapi_connection
    cursor = driver_connection.cursor()
    try:
        cursor.execute(prepared.sql, params)
        rows = cursor.fetchall()
        if prepared.readers is None:  # a column's conversion may depend on the type the driver says it has
            prepared.readers = _readers(prepared.columns, cursor.description, dialect)
    except dialect.loaded_dbapi.Error as error:
        raise _as_sqlalchemy_error(error, prepared.sql, params, driver_connection, cursor, connection.invalidate) from error
    finally:
        cursor.close()
    if prepared.readers:
        rows = [list(row) for row in rows]
        for row in rows:
            for i, read in prepared.readers:
                row[i] = read(row[i])
    return list(map(prepared.row._make, rows))


def _readers(columns: tuple, description, dialect) -> tuple:
    readers = (
        column.type.dialect_impl(dialect).result_processor(dialect, about[1]) for column, about in zip(columns, description, strict=True)
    )
    return tuple((i, read) for i, read in enumerate(readers) if read is not None)


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

AREA_CITIES = 6  # a catalog of this many cities or fewer is named whole (New York City's five boroughs) …
AREA_CITY_SHARE = 0.01  # … a larger one by its cities that hold this share of its schools (at most AREA_CITIES),
# and "and 8 more places" for the rest: the area named is never smaller than the one listed
AREA_MORE = Np_("%(places)s and %(num)s more place", "%(places)s and %(num)s more places")


def catalog_area() -> str:
    """Name the area the catalog covers, in the current locale: "Chicago, IL"; "Brooklyn, NY;
    Bronx, NY; Queens, NY; Manhattan, NY; Staten Island, NY and 8 more places"."""

    def build() -> tuple[tuple[str, ...], int]:
        counted = db.session.execute(
            select(School.city, School.state, func.count().label("n")).where(School.city != "").group_by(School.city, School.state)
        ).all()
        ranked = sorted(counted, key=lambda row: (-row.n, row.city))
        named = ranked
        if len(ranked) > AREA_CITIES:
            share = AREA_CITY_SHARE * sum(row.n for row in ranked)
            named = [row for row in ranked[:AREA_CITIES] if row.n >= share] or ranked[:1]
        return tuple(f"{row.city}, {row.state}" if row.state else row.city for row in named), len(ranked) - len(named)

    named, more = per_revision("catalog_area", build)
    labels = current_labels()
    places = labels.semicolon.join(named)  # each place holds a comma ("Chicago, IL"): the locale's semicolon between them
    return labels.ngettext(*AREA_MORE, more, places=places) if more else places


def needs_offered() -> list[str]:
    """The needs at least one school offers: examples and choices never suggest one no school states."""

    def build() -> list[str]:
        return [need for need, column in NEED_COLUMNS.items() if db.session.scalar(select(exists().where(column.is_(True))))]

    return per_revision("needs_offered", build)


def schools_per_cell() -> dict[int, int]:
    """How many schools each grid cell (`catalog.geo.grid_cell`) holds: read from the search index."""

    def build() -> dict[int, int]:
        return dict(db.session.execute(select(School.geo_cell, func.count()).group_by(School.geo_cell)).all())

    return per_revision("schools_per_cell", build)


def example_zip() -> str:
    """The ZIP code most of the catalog's schools are in, for examples ("K 60637")."""

    def build() -> str:
        statement = select(School.zip).where(School.zip != "").group_by(School.zip).order_by(func.count().desc(), School.zip).limit(1)
        return db.session.scalar(statement) or "60637"

    return per_revision("example_zip", build)


def catalog_states() -> frozenset[str]:
    """The states the catalog's schools are in, by their ZIP codes as the ZIP table places them ("IL")."""

    def build() -> frozenset[str]:
        zips = db.session.scalars(select(School.zip).where(School.zip != "").distinct())
        return frozenset(state for state in map(zip_table.state_of, zips) if state)

    return per_revision("catalog_states", build)


def state_outside(zip_code: str) -> str | None:
    """The state of a ZIP code when none of the catalog's schools is in it ("NJ" beside New York's), else None."""
    state = zip_table.state_of(zip_code)
    states = catalog_states() if state else frozenset()
    return state if states and state not in states else None


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
    "sped_stated", "ell_stated", "sped_students", "ell_students", "rating", "rating_source",
)  # fmt: skip


class Listing:
    """A school's card facts, programs and free texts as plain rows, read as a `School` is read (no
    ORM objects: for readers of many schools a second). Its columns are its own attributes: a
    card reads each a few times."""

    def __init__(self, row: tuple):  # a named tuple (`Prepared.row`)
        self.__dict__.update(row._asdict())
        self.programs: list[tuple] = []  # named tuples: kind, code, language, …
        self.texts: list[tuple] = []  # named tuples: field, locale, text, source_hash, …
        self.grades: tuple[int, ...] = grades_of_mask(self.grades_offered)


_SCHOOLS, _PROGRAMS, _TEXTS = School.__table__, Program.__table__, SchoolText.__table__
MAX_IDS = 256  # schools one statement reads: more are read in turns of as many


@lru_cache(maxsize=64)
def _listing_statements(dialect: str, ids: int, locales: int, whole: bool) -> tuple[Prepared, ...]:
    """The statements reading `ids` schools' columns (every column a `School` has when `whole`, else
    the card's), programs and texts in `locales` locales: prepared once (it costs more than running them)."""

    columns = [_SCHOOLS] if whole else [_SCHOOLS.c[name] for name in LISTING_COLUMNS]
    statements = [
        select(*columns).where(in_slots(_SCHOOLS.c.id, "id", ids)),
        select(_PROGRAMS).where(in_slots(_PROGRAMS.c.school_id, "id", ids)).order_by(_PROGRAMS.c.id),
    ]
    if locales:
        statements.append(select(_TEXTS).where(in_slots(_TEXTS.c.school_id, "id", ids), in_slots(_TEXTS.c.locale, "locale", locales)))
    return tuple(prepare(statement, db.engine.dialect) for statement in statements)


def get_listings(school_ids: list[str], locales: tuple[str, ...], whole: bool = False) -> list[Listing]:
    """Return these schools as plain rows in the order given (unknown ids skipped), with their
    programs and their free texts in `locales` (none when empty): three statements (two without
    locales) for each MAX_IDS schools.

    `whole`: every column of the school (its plain values, as a `School` has them), not only the card's.
    """
    wanted = list(dict.fromkeys(school_ids))
    found = {}
    locale_slots, locale_values = slot_values(list(locales), "locale")
    for start in range(0, len(wanted), MAX_IDS):
        id_slots, values = slot_values(wanted[start : start + MAX_IDS], "id")
        facts, programs, *texts = _listing_statements(db.engine.dialect.name, id_slots, locale_slots, whole)
        found.update((row.id, Listing(row)) for row in run_prepared(facts, values))
        for row in run_prepared(programs, values):
            found[row.school_id].programs.append(row)
        for statement in texts:
            for row in run_prepared(statement, values | locale_values):
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
