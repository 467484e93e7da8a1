"""Distances and ZIP centroids, offline (the `zipcodes` package ships its data)."""

import math
import re
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088
ZIP_RE = re.compile(r"^\d{5}$")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """Return (min_lat, max_lat, min_lon, max_lon) of a box that holds the circle."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(lat)), 0.01)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    import zipcodes  # loaded on first use: its table takes a moment to read

    table = {}
    for entry in zipcodes.list_all():
        try:
            table[entry["zip_code"]] = (float(entry["lat"]), float(entry["long"]))
        except (KeyError, TypeError, ValueError):
            continue
    return table


def zip_centroid(zip_code: str) -> tuple[float, float] | None:
    """Return the (lat, lon) centre of a 5-digit US ZIP code, or None if unknown."""
    if not ZIP_RE.match(zip_code or ""):
        return None
    return _centroids().get(zip_code)


def valid_lat_lon(lat: float, lon: float) -> bool:
    """Say whether a latitude/longitude pair is on the globe (and not the 0,0 placeholder)."""
    finite = math.isfinite(lat) and math.isfinite(lon)
    return finite and -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0)
