"""The US ZIP table: the centre of each of about 42,000 ZIP codes, read once per process.

`zipcodes` keeps its data in a compiled core that holds about 56 MB in each process that reads it
(RSS 9 MB → 66 MB, measured); a child process reads it once and hands back only the centres
(about 6 MB), so a web worker never holds the rest. Pure code takes `centroid` as a parameter.
"""

import subprocess
import sys
from functools import lru_cache

from catalog.geo import as_zip

_EXPORT_CENTROIDS = """
import zipcodes
for z in zipcodes.list_all():
    print(z["zip_code"], z["lat"], z["long"])
"""


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    out = subprocess.run([sys.executable, "-c", _EXPORT_CENTROIDS], capture_output=True, text=True, check=True, timeout=60).stdout
    table = {}
    for line in out.splitlines():
        try:
            zip_code, lat, lon = line.split()
            table[zip_code] = (float(lat), float(lon))
        except ValueError:
            continue
    return table


def centroid(zip_code: str) -> tuple[float, float] | None:
    """Return the (lat, lon) centre of a US ZIP code (in any form `geo.as_zip` reads), or None if unknown."""
    code = as_zip(zip_code)
    return _centroids().get(code) if code else None


def zips_within(min_lat: float, max_lat: float, min_lon: float, max_lon: float) -> dict[str, tuple[float, float]]:
    """Return the ZIP centres inside a latitude/longitude box (a city's, for a device's offline copy)."""
    return {z: (lat, lon) for z, (lat, lon) in _centroids().items() if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon}
