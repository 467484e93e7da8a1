"""The search's SQL expressions that differ by database: distance, radius, neutral and name order.

PostgreSQL measures with PostGIS on `school.location`, a geography point generated from lat/lon
(migration 0010) with a GiST index; SQLite calls `distance_km` and `neutral_key`, registered on
each connection, inside an indexed bounding box (and not for a school in the box inside the
circle). Both measure on the same sphere and mix the same 32-bit integers, so both give the same schools in the same order (tests/catalog/test_backends.py).
"""

import math
import sqlite3
from functools import lru_cache

from geoalchemy2 import Geography
from sqlalchemy import (
    BigInteger,
    BindParameter,
    ColumnElement,
    Float,
    and_,
    bindparam,
    cast,
    event,
    false,
    func,
    literal_column,
    or_,
    true,
)
from sqlalchemy.engine import Engine

from catalog import geo
from catalog.models import School
from catalog.queries import in_slots, slot_values
from catalog.query import MASK_32, MIX_MULTIPLIER, neutral_key

# Not mapped (SQLite has no such column): named in SQL as part of the `school` table.
POINT = Geography("POINT", srid=4326)
LOCATION = literal_column(f"{School.__tablename__}.location", POINT)


def _distance_or_none(lat, lon, lat0, lon0):
    return None if lat is None or lon is None else geo.distance_km(lat, lon, lat0, lon0)


@event.listens_for(Engine, "connect")
def _register_sqlite_functions(connection, _record) -> None:
    if isinstance(connection, sqlite3.Connection):
        connection.create_function("distance_km", 4, _distance_or_none, deterministic=True)
        connection.create_function("neutral_key", 2, neutral_key, deterministic=True)


def _is_postgresql(dialect: str) -> bool:
    return dialect == "postgresql"


def _value(name: str, type_=None) -> BindParameter:
    """A value the statement is given when it runs (`search`'s statements are built once per shape)."""
    return bindparam(name, type_=type_)


def _point() -> ColumnElement:
    return cast(func.ST_SetSRID(func.ST_MakePoint(_value("near_lon", Float), _value("near_lat", Float)), 4326), POINT)


def distance_km(dialect: str) -> ColumnElement:
    """Each school's distance from the place (values `near_lat`, `near_lon`) in kilometres (NULL
    for a school without a place)."""
    if _is_postgresql(dialect):
        return func.ST_Distance(LOCATION, _point(), False) / 1000.0  # False: on the sphere, as geo.distance_km
    return func.distance_km(School.lat, School.lon, _value("near_lat", Float), _value("near_lon", Float))


CELL_SLOTS = (16, 64, geo.MAX_CELLS)  # a circle's cells in three sizes of statement: 5 km is 6 to 12 cells
_BOX = ("box_min_lat", "box_max_lat", "box_min_lon", "box_max_lon")
_FLAT = ("flat_inside_scale", "flat_inside", "flat_outside_scale", "flat_outside")


@lru_cache(maxsize=256)
def place_plan(dialect: str, near: tuple[float, float], radius_km: float) -> tuple[tuple, dict]:
    """The shape of `within`'s conditions for a circle, and the values they run with: kept (one search
    plans the same circle for its page, each need and each filter it may drop), so never to be changed."""
    lat, lon = near
    if _is_postgresql(dialect):
        return ("geography",), {"near_lat": lat, "near_lon": lon, "radius_m": radius_km * 1000.0}
    values = {"near_lat": lat, "near_lon": lon, "radius_km": radius_km}
    slots, cells = slot_values(geo.cells_covering(lat, lon, radius_km) or [], "cell", CELL_SLOTS)
    values.update(cells)
    values.update(zip(_BOX, geo.bounding_box(lat, lon, radius_km), strict=True))
    bounds = flat_bounds(lat, lon, radius_km)
    if bounds is not None:
        values.update(zip(_FLAT, bounds, strict=True))
    return ("box", slots, bounds is not None), values


def within(dialect: str, place: tuple) -> list[ColumnElement]:
    """Conditions that keep the schools within the circle `place_plan` gave the shape of."""
    if _is_postgresql(dialect):
        return [func.ST_DWithin(LOCATION, _point(), _value("radius_m", Float), False)]
    _box, cells, flat = place
    conditions = [in_slots(School.geo_cell, "cell", cells)] if cells else []
    min_lat, max_lat, min_lon, max_lon = (_value(name, Float) for name in _BOX)
    conditions += [School.lat.between(min_lat, max_lat), School.lon.between(min_lon, max_lon)]
    measured = distance_km(dialect) <= _value("radius_km", Float)
    if not flat:
        return [*conditions, measured]
    # Plain arithmetic first (about 0.05 µs a school against 0.8 µs for the distance function): a
    # school surely inside the circle is taken unmeasured, one surely outside dropped unmeasured;
    # only those on a thin ring around the circle's edge are measured.
    inside_scale, inside, outside_scale, outside = (_value(name, Float) for name in _FLAT)
    d_lat, d_lon = School.lat - _value("near_lat", Float), School.lon - _value("near_lon", Float)
    return [
        *conditions,
        or_(
            d_lat * d_lat + inside_scale * d_lon * d_lon <= inside,
            and_(d_lat * d_lat + outside_scale * d_lon * d_lon <= outside, measured),
        ),
    ]


# Seeking costs a step into the index for each mix of the needs not asked for, in each cell; reading
# a cell whole, a step for each of its schools. Measured on 100,000 schools (bench.profile_search,
# SQLite): a real city's density, about 70 schools a cell, is 0.2 ms a statement read whole against
# 0.35 ms seeking; 40 times denser, 4.5 ms against 1.8 ms: the two cross near 200 a cell.
SEEK_MIN_SCHOOLS_PER_CELL = 200


def worth_seeking(schools: int, cells: int | None) -> bool:
    """Whether a circle whose grid cells hold `schools` in all (`cells` of them; None: too many to
    list, the box is read) is dense enough that SQLite had better seek to the needs asked for."""
    return cells is None or (cells > 0 and schools >= SEEK_MIN_SCHOOLS_PER_CELL * cells)


def seeks_needs(dialect: str) -> bool:
    """Whether a radius search finds the needs asked for by seeking in an index (SQLite's
    `ix_school_search`), so that a count per need costs less than one pass counting them all."""
    return not _is_postgresql(dialect)


def either(dialect: str, flags: list) -> list[ColumnElement]:
    """Conditions that keep every school, whatever these true/false columns say: on SQLite they let a
    radius search seek in `ix_school_search` to the needs asked for, which follow the cell there
    (migration 0016), instead of reading every entry of each cell (for a dense place: `worth_seeking`).
    None on PostgreSQL (its radius search reads the GiST index)."""
    if _is_postgresql(dialect):
        return []
    return [flag.in_([false(), true()]) for flag in flags]  # written into the SQL, not given as values


FLAT_MAX_KM = geo.INNER_BOX_MAX_KM  # past this radius every school in the box is measured
_DEGREE = math.pi / 180
_SAFETY = 1e-9  # far above the rounding of either formula, far below a metre


def flat_bounds(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float] | None:
    """Return (inside_scale, inside, outside_scale, outside) such that a point of the bounding box at
    d_lat, d_lon degrees from (lat, lon) is within `radius_km` when
    d_lat² + inside_scale·d_lon² <= inside, and beyond it when d_lat² + outside_scale·d_lon² > outside;
    None near the poles and for very wide circles.

    From the haversine form of the same great-circle distance: hav(θ) = hav(Δφ) + cos φ0·cos φ·hav(Δλ),
    with cos φ bounded over the box's latitudes and x²/4·(1 − x²/12) <= hav(x) <= x²/4.
    """
    if radius_km > FLAT_MAX_KM:
        return None
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(lat, lon, radius_km)
    if max(abs(min_lat), abs(max_lat)) > 85:
        return None
    cos0 = math.cos(lat * _DEGREE)
    cos_max = 1.0 if min_lat <= 0 <= max_lat else math.cos(min(abs(min_lat), abs(max_lat)) * _DEGREE)
    cos_min = math.cos(max(abs(min_lat), abs(max_lat)) * _DEGREE)
    widest = max(max_lat - lat, max_lon - lon) * _DEGREE
    if widest >= 1:
        return None
    hav_radius = math.sin(radius_km / geo.EARTH_RADIUS_KM / 2) ** 2
    limit = 4 * hav_radius / (_DEGREE * _DEGREE)
    return cos0 * cos_max, limit * (1 - _SAFETY), cos0 * cos_min, limit / (1 - widest * widest / 12) * (1 + _SAFETY)


def _xor(a, b):
    return a.op("#")(b)


def _shift16(x):
    return x.op(">>")(literal_column("16"))


def _mix(x):
    return (_xor(_shift16(x), x) * literal_column(str(MIX_MULTIPLIER))).op("&")(literal_column(str(MASK_32)))


def neutral_order(dialect: str) -> ColumnElement:
    """Each school's place in the neutral order for the seed (value `seed`, `catalog.query.neutral_key`)."""
    if _is_postgresql(dialect):
        x = _xor(School.id_hash, _value("seed", BigInteger))
        x = _mix(_mix(x))
        return _xor(_shift16(x), x)
    return func.neutral_key(_value("seed", BigInteger), School.id_hash)


def name_order(dialect: str) -> ColumnElement:
    """The folded name, compared code point by code point (not by the database's locale)."""
    return School.sort_name.collate("C") if _is_postgresql(dialect) else School.sort_name
