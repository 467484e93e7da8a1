"""The catalog as a kiosk screen keeps it for browsing offline: the schools of the fair's area,
public facts only, labelled in one locale, with what the offline search needs to find and order
them exactly as the server does (offline.js)."""

from babel.numbers import get_decimal_symbol

from catalog import geo, zip_table
from catalog.cards import ALWAYS_LISTED, HEADINGS, LEFT_TO_RIGHT
from catalog.labels import Labels
from catalog.queries import catalog_states, state_outside
from catalog.search import cards, nearest_schools
from catalog.vocabulary import GRADE_CODES, NEEDS, SECTORS, need_bit
from kiosk.screen import COMPARED

# The fair's area: the schools a family at the fair may consider, and no more than a screen keeps
# well (about 0.85 MB in any language: bench/RESULTS.md).
AREA_KM = 25.0
AREA_MAX_SCHOOLS = 2000
ZIP_MARGIN_KM = 10.0  # home ZIPs a little past the area's edge can still be searched from
# The card facts a screen shows offline (results, a school, compare): the free texts stay online.
OFFLINE_FACTS = tuple(key for key in HEADINGS if key not in ("summary", "how_to_apply"))


def build_snapshot(labels: Labels, revision: int, booths: dict[str, str], center: tuple[float, float] | None) -> dict:
    """The schools around a fair (nearest first, at most AREA_MAX_SCHOOLS within AREA_KM of
    `center`) with what the offline pages show, and the ZIP centres that distances need."""
    found, whole = nearest_schools(center, AREA_KM, AREA_MAX_SCHOOLS) if center else ([], False)
    # made for this copy only (it is cached whole): 2,000 cards in 14 languages would push out the ones pages use
    shown = {card.id: card for card in cards([school.id for school, _ in found], {school.id: school for school, _ in found}, keep=False)}
    texts: dict[str, int] = {}  # each card text once: most are the same few labels (a bus not known, …)
    schools = []
    for school, _distance in found:
        card = shown[school.id]
        schools.append(
            {
                "id": school.id,
                "h": school.id_hash,  # the neutral order's per-school part (catalog.query.neutral_key)
                "name": school.name,
                "sort": school.sort_name,  # the name order
                "text": school.search_text,  # what the name search looks in
                "sector": school.sector,
                "grades": school.grades_offered,
                "lat": school.lat,
                "lon": school.lon,
                "zip": school.zip,
                # the needs it states it meets, and those it says nothing of: one bit each ("need_bits")
                "needs": sum(need_bit(need) for need in NEEDS if getattr(school, f"need_{need}")),
                "not_stated": school.needs_not_stated,
                # the school's card, as the snapshot's "facts" head it, each text by its place in "texts"
                "card": [texts.setdefault(card.text(key), len(texts)) for key in OFFLINE_FACTS],
                "booth": booths.get(school.id),
            }
        )
    # Full: every school within AREA_KM; else only up to the farthest school kept.
    area_km = AREA_KM if len(found) < AREA_MAX_SCHOOLS else found[-1][1]
    zips = {}
    if center:
        box = geo.bounding_box(*center, area_km + ZIP_MARGIN_KM)
        zips = {
            z: [lat, lon]  # exactly as the server places a ZIP: rounding would move a school across a radius
            for z, (lat, lon) in zip_table.zips_within(*box).items()
            if geo.distance_km(*center, lat, lon) <= area_km + ZIP_MARGIN_KM
        }
    return {
        "revision": revision,
        "area": {"center": list(center) if center else None, "km": area_km, "whole_catalog": whole},
        "grades": {GRADE_CODES[n]: labels.grade(n) for n in GRADE_CODES},
        "needs": {need: labels.need(need) for need in NEEDS},
        "need_bits": {need: need_bit(need) for need in NEEDS},
        "sectors": {sector: labels.sector(sector) for sector in SECTORS},
        # a distance as online (`Labels.distance`): "3,0 km", "3.0 公里"
        "distance": {"pattern": labels.gettext("%(km)s km"), "decimal": get_decimal_symbol(labels.locale_name)},
        # the headings of the cards' facts (every card of a locale has the same), and whether each reads left to right
        "facts": [[key, next(iter(shown.values()))[key].heading, key in LEFT_TO_RIGHT] for key in OFFLINE_FACTS] if shown else [],
        "always_listed": list(ALWAYS_LISTED),  # a school's page lists these with "—" when it has nothing, as online
        "compared": list(COMPARED),
        "zips": zips,
        # the area's ZIP codes in a state none of the catalog's schools is in, with that state, and the schools' states
        "zip_states": {z: state for z in zips if (state := state_outside(z))},
        "schools_in": labels.comma.join(sorted(catalog_states())),
        "schools": schools,
        "texts": list(texts),
    }
