"""The catalog as a kiosk screen keeps it for browsing offline: public facts only, labelled in one locale."""

from catalog import geo
from catalog.labels import Labels
from catalog.queries import all_schools
from catalog.vocabulary import GRADE_CODES, NEEDS

ZIP_MARGIN_DEGREES = 0.2  # home ZIPs around the city's schools, about 20 km


def build_snapshot(labels: Labels, revision: int, booths: dict[str, str]) -> dict:
    """Every school with what the offline pages show, and the ZIP centres that distances need."""
    schools = []
    for school in all_schools():
        needs = [need for need in NEEDS if getattr(school, f"need_{need}")]
        schools.append(
            {
                "id": school.id,
                "name": school.name,
                "sector": school.sector,
                "sector_label": labels.sector(school.sector),
                "grades": school.grades_offered,
                "grades_label": labels.grades(school.grades),
                "lat": school.lat,
                "lon": school.lon,
                "address": school.address,
                "zip": school.zip,
                "phone": school.phone,
                "needs": needs,
                "sped": labels.services(school, "sped"),
                "ell": labels.services(school, "ell"),
                "bus": labels.school_bus(school.school_bus),
                "transit": school.transit,
                "access": labels.accessibility(school.accessibility),
                "booth": booths.get(school.id),
            }
        )
    located = [(s["lat"], s["lon"]) for s in schools if s["lat"] is not None and s["lon"] is not None]
    zips = {}
    if located:
        lats, lons = [p[0] for p in located], [p[1] for p in located]
        box = (
            min(lats) - ZIP_MARGIN_DEGREES,
            max(lats) + ZIP_MARGIN_DEGREES,
            min(lons) - ZIP_MARGIN_DEGREES,
            max(lons) + ZIP_MARGIN_DEGREES,
        )
        zips = {z: [round(lat, 4), round(lon, 4)] for z, (lat, lon) in geo.zips_within(*box).items()}
    return {
        "revision": revision,
        "grades": {GRADE_CODES[n]: labels.grade(n) for n in GRADE_CODES},
        "needs": {need: labels.need(need) for need in NEEDS},
        "zips": zips,
        "schools": schools,
    }
