"""The synthetic catalogs the benchmarks measure, and the search queries they ask of them:
copies of the real NYC and Chicago rows, each moved to its own place in the US (national: a real
city's density) or jittered on top of the real cities (stacked: the stress case)."""

import csv
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog import adapters  # noqa: E402
from catalog.csvformat import COLUMNS, read_rows, write_csv  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "real"
NEEDS = [("ell", "transit"), ("sped", "transit"), ("ell", "accessible"), ("transit", "accessible")]


def real_rows() -> list[dict]:
    """Canonical rows of the real directories (the committed demo catalog if ../shared is absent)."""
    rows = []
    cps = SHARED / "chicago_cps_school_profile_sy1617.csv"
    if cps.exists():
        rows += [r for _l, r in adapters.cps_rows(read_rows(cps.read_bytes())[1])]
        locations = read_rows((SHARED / "nyc_doe_school_locations_2017_2018.csv").read_bytes())[1]
        directory = read_rows((SHARED / "nyc_doe_high_school_directory_2018.csv").read_bytes())[1]
        rows += [r for _l, r in adapters.nyc_rows(locations, directory)]
    else:
        with (ROOT / "catalog" / "demo" / "chicago.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    return [r for r in rows if r.get("lat") and r.get("grades")]


MODELS = ("national", "stacked")  # the budget's case first, then the stress case
US_LAT, US_LON = (26.0, 48.0), (-123.0, -70.0)  # roughly the continental US
COPY_GAP_KM = 100  # the least distance between two cities' copies
NATIONAL_LAYOUT = 2  # changed when `national_layout` places copies elsewhere: 2, the first copy in place


def synthesize(count: int, path: Path, seed: int = 1, model: str = "stacked") -> list[dict]:
    """Write `count` copies of the real rows as canonical CSV, as `model` places them.

    stacked: each copy jittered (±2 km) on top of the real cities, so a 5 km circle holds about 40
    times a real city's schools (the stress case). national: each copy of the real cities moved as a
    whole (every school by the copy's offset, `national_layout`) to its own place in the continental
    US, so each keeps a real city's density and layout (about every US public school)."""
    rng = random.Random(seed)
    base, offsets = national_layout(count, seed) if model == "national" else (real_rows(), [])
    rows = []
    for n in range(count):
        copy = n // len(base)
        src = dict(base[n % len(base)])
        src["id"] = f"{src['id']}-s{copy}"
        if model == "national":
            dlat, dlon = offsets[copy]
            src["lat"], src["lon"] = f"{float(src['lat']) + dlat:.6f}", f"{float(src['lon']) + dlon:.6f}"
        else:
            src["lat"] = f"{float(src['lat']) + rng.uniform(-0.018, 0.018):.6f}"
            src["lon"] = f"{float(src['lon']) + rng.uniform(-0.024, 0.024):.6f}"
        rows.append({c: src.get(c, "") for c in COLUMNS})
    path.write_text(write_csv(rows, COLUMNS), encoding="utf-8")
    return rows


def city_boxes(rows: list[dict]) -> list[tuple[float, float, float, float]]:
    """Each city's box (min lat, max lat, min lon, max lon), a city being the rows of one state."""
    cities: dict[str, list[tuple[float, float]]] = {}
    for r in rows:
        cities.setdefault(r.get("state") or "", []).append((float(r["lat"]), float(r["lon"])))
    return [(min(a for a, _ in p), max(a for a, _ in p), min(o for _, o in p), max(o for _, o in p)) for p in cities.values()]


def gap_km(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The least distance between two lat/lon boxes, about (0 when they overlap)."""
    dlat = max(0.0, a[0] - b[1], b[0] - a[1])
    dlon = max(0.0, a[2] - b[3], b[2] - a[3])
    return math.hypot(dlat * 111.0, dlon * 111.3 * math.cos(math.radians((a[0] + a[1] + b[0] + b[1]) / 4)))


def national_layout(count: int, seed: int = 1) -> tuple[list[dict], list[tuple[float, float]]]:
    """The real rows and, for each copy `count` schools need, its (lat, lon) offset: the first copy
    where the real cities are (so their ZIPs find it), the others drawn at random (seeded) so that
    every city of every copy lies inside the continental US's box and at least COPY_GAP_KM from
    every other copy's cities."""
    base = real_rows()
    copies = math.ceil(count / len(base))
    rng = random.Random(seed)
    cities = city_boxes(base)
    lat_range = (US_LAT[0] - min(c[0] for c in cities), US_LAT[1] - max(c[1] for c in cities))
    lon_range = (US_LON[0] - min(c[2] for c in cities), US_LON[1] - max(c[3] for c in cities))
    placed, offsets = list(cities), [(0.0, 0.0)]
    for _try in range(200_000):
        if len(offsets) == copies:
            return base, offsets
        dlat, dlon = rng.uniform(*lat_range), rng.uniform(*lon_range)
        moved = [(c[0] + dlat, c[1] + dlat, c[2] + dlon, c[3] + dlon) for c in cities]
        if all(gap_km(m, p) >= COPY_GAP_KM for m in moved for p in placed):
            offsets.append((dlat, dlon))
            placed += moved
    raise RuntimeError(f"no room for {copies} copies {COPY_GAP_KM} km apart in the continental US")


def search_params(rows: list[dict], count: int, model: str = "stacked", seed: int = 7) -> list[dict]:
    """The bench's query mix (parameters as `build_query` reads them): a random grade, 5 km, a pair of
    needs in turn, near a random real ZIP (stacked: its centre; national: a random copy, a random real
    ZIP among that copy's schools, its centre moved by the copy's offset)."""
    from catalog import zip_table

    rng = random.Random(seed)
    zips = sorted({r["zip"] for r in rows if r["zip"] and zip_table.centroid(r["zip"])})  # a ZIP without a centre is no place
    if model == "national":
        base, offsets = national_layout(len(rows))
        known = set(zips)
        per_copy = [sorted({r["zip"] for r in base[: len(rows) - k * len(base)]} & known) for k in range(len(offsets))]
    params = []
    for n in range(count):
        grade = rng.choice(["K", "3", "6", "9", "11"])
        if model == "national":
            copy = rng.randrange(len(offsets))
            (lat, lon), (dlat, dlon) = zip_table.centroid(rng.choice(per_copy[copy])), offsets[copy]
            near = f"{lat + dlat:.6f},{lon + dlon:.6f}"
        else:
            near = rng.choice(zips)
        params.append({"grade": [grade], "near": [near], "radius_km": ["5"], "need": list(NEEDS[n % len(NEEDS)])})
    return params


def make_app(url: str):
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url})


def fresh_database(url: str) -> None:
    from flask_migrate import upgrade

    from app.extensions import db

    if url.startswith("sqlite:///"):  # a new file: what an earlier run's schema had does not matter
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    app = make_app(url)
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()
        db.engine.dispose()


def bench_import(url: str, path: Path) -> tuple[int, float]:
    from app.db import unit_of_work
    from app.extensions import db
    from catalog.services import import_schools

    fresh_database(url)
    app = make_app(url)
    with app.app_context():
        start = time.perf_counter()
        with unit_of_work():
            report = import_schools(read_rows(path.read_bytes())[1])
        elapsed = time.perf_counter() - start  # on PostgreSQL with the catalog's statistics taken (catalog.services)
        db.engine.dispose()
    assert report.rejected == 0 and len(report.new) == report.rows
    return report.rows, elapsed
