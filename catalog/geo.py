"""Places, pure: distances on the sphere, bounding boxes and grid cells, ZIP codes as typed.

The ZIP table itself is read by `catalog.zip_table`."""

import math
import re
import unicodedata
from collections.abc import Callable

# The sphere PostGIS measures on with use_spheroid=false (the WGS 84 mean radius, (2a + b) / 3):
# both databases and the offline copy measure on it, so they agree to the metre and below.
EARTH_RADIUS_KM = 6371.008771415059
ZIP_RE = re.compile(r"([0-9]{5})(?:-[0-9]{4})?")  # ZIP or ZIP+4
_RADIANS = math.pi / 180
CentroidOf = Callable[[str], tuple[float, float] | None]  # a 5-digit ZIP → its centre, or None (catalog.zip_table.centroid)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres, as PostGIS's
    `ST_Distance(geography, geography, false)` computes it (Vincenty's formula on a sphere)."""
    p1, p2, d_lon = lat1 * _RADIANS, lat2 * _RADIANS, (lon2 - lon1) * _RADIANS
    cos_d_lon = math.cos(d_lon)
    a = math.hypot(math.cos(p2) * math.sin(d_lon), math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * cos_d_lon)
    b = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * cos_d_lon
    return EARTH_RADIUS_KM * math.atan2(a, b)


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """Return (min_lat, max_lat, min_lon, max_lon) of a box that holds the circle."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(lat)), 0.01)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


INNER_BOX_MAX_KM = 200.0  # past this a flat square inside the circle is not safely inside it on the sphere


def inner_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float] | None:
    """Return (min_lat, max_lat, min_lon, max_lon) of a box wholly inside the circle (its corners at
    0.9 of the radius), or None near the poles and for very wide circles: a point in it is within
    `radius_km` without measuring."""
    if radius_km > INNER_BOX_MAX_KM:
        return None
    half_km = 0.9 * radius_km / math.sqrt(2)
    dlat = math.degrees(half_km / EARTH_RADIUS_KM)
    if abs(lat) + dlat > 85:
        return None
    widest = max(math.cos(math.radians(abs(lat) - dlat)) if abs(lat) > dlat else 1.0, 0.01)  # a degree is longest there
    dlon = math.degrees(half_km / (EARTH_RADIUS_KM * widest))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


# A grid of CELL_DEGREES squares (about 5 km): a radius search reads only the cells it touches.
CELL_DEGREES = 0.05
MAX_CELLS = 400  # past this many cells a plain latitude/longitude box is cheaper


def grid_cell(lat: float, lon: float) -> int:
    """Return the number of the grid cell that holds a point."""
    return int((lat + 90) // CELL_DEGREES) * 10_000 + int((lon + 180) // CELL_DEGREES)


def cells_covering(lat: float, lon: float, radius_km: float) -> list[int] | None:
    """Return the grid cells that cover a circle, or None when there would be too many."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
    rows = range(int((min_lat + 90) // CELL_DEGREES), int((max_lat + 90) // CELL_DEGREES) + 1)
    columns = range(int((min_lon + 180) // CELL_DEGREES), int((max_lon + 180) // CELL_DEGREES) + 1)
    if len(rows) * len(columns) > MAX_CELLS:
        return None
    return [row * 10_000 + column for row in rows for column in columns]


def as_zip(text: str) -> str | None:
    """Return the 5-digit ZIP code a text is, in any digits ("٦٠٦٣٧", "６０６３７") or as ZIP+4; else None."""
    ascii_digits = "".join(str(unicodedata.decimal(ch, ch)) for ch in unicodedata.normalize("NFKC", (text or "")[:20]).strip())
    match = ZIP_RE.fullmatch(ascii_digits)
    return match.group(1) if match else None


def valid_lat_lon(lat: float, lon: float) -> bool:
    """Say whether a latitude/longitude pair is on the globe (and not the 0,0 placeholder)."""
    finite = math.isfinite(lat) and math.isfinite(lon)
    return finite and -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0)
