"""The search's SQL expressions that differ by database: distance, radius, neutral and name order.

PostgreSQL measures with PostGIS on `school.location`, a geography point generated from lat/lon
(migration 0010) with a GiST index; SQLite calls `distance_km` and `neutral_key`, registered on
each connection, inside an indexed bounding box (and not for a school in the box inside the
circle). Both measure on the same sphere and mix the same 32-bit integers, so both give the same schools in the same order (tests/catalog/test_backends.py).
"""

import sqlite3

from geoalchemy2 import Geography
from sqlalchemy import BigInteger, ColumnElement, Float, and_, cast, event, func, literal, literal_column, or_
from sqlalchemy.engine import Engine

from catalog import geo
from catalog.models import School
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


def _point(near: tuple[float, float]) -> ColumnElement:
    lat, lon = near
    return cast(func.ST_SetSRID(func.ST_MakePoint(literal(lon, Float), literal(lat, Float)), 4326), POINT)


def distance_km(dialect: str, near: tuple[float, float]) -> ColumnElement:
    """Each school's distance from `near` in kilometres (NULL for a school without a place)."""
    if _is_postgresql(dialect):
        return func.ST_Distance(LOCATION, _point(near), False) / 1000.0  # False: on the sphere, as geo.distance_km
    return func.distance_km(School.lat, School.lon, *near)


def within(dialect: str, near: tuple[float, float], radius_km: float) -> list[ColumnElement]:
    """Conditions that keep the schools within `radius_km` of `near`."""
    if _is_postgresql(dialect):
        return [func.ST_DWithin(LOCATION, _point(near), radius_km * 1000.0, False)]
    conditions = []
    cells = geo.cells_covering(*near, radius_km)
    if cells is not None:
        conditions.append(School.geo_cell.in_(cells))
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(*near, radius_km)
    conditions += [School.lat.between(min_lat, max_lat), School.lon.between(min_lon, max_lon)]
    measured = func.distance_km(School.lat, School.lon, *near) <= radius_km
    inner = geo.inner_box(*near, radius_km)
    if inner is None:
        return [*conditions, measured]
    # a school in the box inside the circle is within the radius unmeasured: half the box's schools skip the distance call
    in_inner = and_(School.lat.between(inner[0], inner[1]), School.lon.between(inner[2], inner[3]))
    return [*conditions, or_(in_inner, measured)]


def _xor(a, b):
    return a.op("#")(b)


def _shift16(x):
    return x.op(">>")(literal_column("16"))


def _mix(x):
    return (_xor(_shift16(x), x) * literal_column(str(MIX_MULTIPLIER))).op("&")(literal_column(str(MASK_32)))


def neutral_order(dialect: str, seed: int) -> ColumnElement:
    """Each school's place in the neutral order for a seed (`catalog.query.neutral_key`)."""
    if _is_postgresql(dialect):
        x = _xor(School.id_hash, literal(seed & MASK_32, BigInteger))
        x = _mix(_mix(x))
        return _xor(_shift16(x), x)
    return func.neutral_key(seed, School.id_hash)


def name_order(dialect: str) -> ColumnElement:
    """The folded name, compared code point by code point (not by the database's locale)."""
    return School.sort_name.collate("C") if _is_postgresql(dialect) else School.sort_name
