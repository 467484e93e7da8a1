"""The US ZIP table: the centre of each of about 42,000 ZIP codes, read once per process.

`zipcodes` keeps its data in a compiled core that holds about 56 MB in each process that reads it
(RSS 9 MB → 66 MB, measured); a child process reads it once and hands back only the centres and
states (kept as three flat arrays and two bytes a state, under 1 MB: a dict of float pairs took
7.7 MB), so a web worker never holds the rest. Pure code takes `centroid` as a parameter.
"""

import subprocess
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from catalog.geo import as_zip

_EXPORT_CENTROIDS = """
import zipcodes
for z in zipcodes.list_all():
    print(z["zip_code"], z["lat"], z["long"], z["state"])
"""


@dataclass(frozen=True)
class _Centres:
    """ZIP codes as numbers, in order, and the latitude and longitude of each."""

    zips: array  # "I"
    lats: array  # "d"
    lons: array  # "d"
    states: bytes  # two ASCII letters a ZIP code ("NJ"), in the same order

    def _at(self, zip_code: str) -> int | None:
        number = int(zip_code)
        at = bisect_left(self.zips, number)
        return at if at < len(self.zips) and self.zips[at] == number else None

    def get(self, zip_code: str) -> tuple[float, float] | None:
        at = self._at(zip_code)
        return (self.lats[at], self.lons[at]) if at is not None else None

    def state(self, zip_code: str) -> str | None:
        at = self._at(zip_code)
        return self.states[2 * at : 2 * at + 2].decode() if at is not None else None

    def items(self):
        return ((f"{z:05d}", (lat, lon)) for z, lat, lon in zip(self.zips, self.lats, self.lons, strict=True))


@lru_cache(maxsize=1)
def _centroids() -> _Centres:
    out = subprocess.run([sys.executable, "-c", _EXPORT_CENTROIDS], capture_output=True, text=True, check=True, timeout=60).stdout
    table = {}
    for line in out.splitlines():
        try:
            zip_code, lat, lon, state = line.split()
            table[int(zip_code)] = (float(lat), float(lon), state.encode("ascii")[:2].ljust(2))
        except ValueError:
            continue
    zips = sorted(table)
    return _Centres(
        array("I", zips),
        array("d", (table[z][0] for z in zips)),
        array("d", (table[z][1] for z in zips)),
        b"".join(table[z][2] for z in zips),
    )


def centroid(zip_code: str) -> tuple[float, float] | None:
    """Return the (lat, lon) centre of a US ZIP code (in any form `geo.as_zip` reads), or None if unknown."""
    code = as_zip(zip_code)
    return _centroids().get(code) if code else None


def state_of(zip_code: str) -> str | None:
    """Return the two-letter state of a US ZIP code ("NJ"), or None if unknown."""
    code = as_zip(zip_code)
    return _centroids().state(code) if code else None


def zips_within(min_lat: float, max_lat: float, min_lon: float, max_lon: float) -> dict[str, tuple[float, float]]:
    """Return the ZIP centres inside a latitude/longitude box (a city's, for a device's offline copy)."""
    return {z: (lat, lon) for z, (lat, lon) in _centroids().items() if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon}
