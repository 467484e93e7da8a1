"""The JSON API, /api/v1: the same search the kiosk and the SMS bot use."""

import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import orjson
from flask import Blueprint, Response, abort, current_app, g, jsonify, request, url_for
from flask_babel import get_locale, gettext, refresh

from app.extensions import cache
from app.i18n import normalize_locale
from catalog import zip_table
from catalog.cards import Card
from catalog.csvformat import ISO_639_1, web_address
from catalog.labels import Labels
from catalog.labels import current as current_labels
from catalog.models import School
from catalog.openapi import openapi_document
from catalog.queries import catalog_revision, get_school, per_revision
from catalog.query import ORDERS, QueryError, Relaxation, build_query
from catalog.search import Hit, OutOfArea, cards, search
from catalog.vocabulary import GRADE_CODES, NEEDS, PROGRAM_CODES, SECTORS

api = Blueprint("api", __name__, url_prefix="/api/v1")

# The API takes each value exactly as its OpenAPI document lists it; `build_query` is kinder to the
# kiosk's and the bot's callers ("k", " K", "0" for K, "ES"), which a partner's code never needs.
LISTED_VALUES = {
    "grade": tuple(GRADE_CODES.values()),
    "sector": SECTORS,
    "need": NEEDS,
    "program": PROGRAM_CODES,
    "language": ISO_639_1,
    "order": ORDERS,
}

SEARCH_PARAMETERS = frozenset(
    {"grade", "near", "radius_km", "sector", "need", "program", "language", "q", "order", "seed", "lang", "page", "per_page"}
)


def bad_parameter(parameter: str, message: str):
    return jsonify({"error": {"status": 400, "parameter": parameter, "message": message}}), 400


@api.before_request
def choose_language():
    """Take the reply language from `lang` (else the browser's); a bad one is refused in English."""
    values = request.args.getlist("lang")
    locale = normalize_locale(values[0]) if len(values) == 1 else None
    g.locale = locale if values else None
    refresh()  # drop a locale Flask-Babel may have cached before this choice
    if values and locale is None:
        g.locale = "en"
        refresh()
        if len(values) > 1:
            return bad_parameter("lang", gettext("Give “%(name)s” only once.", name="lang"))
        return bad_parameter("lang", gettext("“%(value)s” is not a supported language.", value=values[0][:20]))
    return None


def public_base_url() -> str:
    """The origin every absolute link is built on: PUBLIC_BASE_URL when set (a Host header names
    whatever the client wants), else the request's own scheme and host."""
    return current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/") or request.host_url.rstrip("/")


# How Flask's routing writes a value into a path (werkzeug's BaseConverter.to_url).
PATH_SAFE = "!$&'()*+,/:;=@"


def school_url(school_id: str) -> str:
    """A school's absolute address in the API, as `url_for("api.school", …)` writes its path; the
    route's part is built once per request, not once per school of a page (70 µs each)."""
    prefix = g.get("school_url_prefix")
    if prefix is None:
        prefix = g.school_url_prefix = public_base_url() + url_for("api.school", school_id="-").removesuffix("-")
    return prefix + quote(school_id, safe=PATH_SAFE)


def card_json(card: Card) -> list[dict]:
    """The school's card as every door shows it: each fact the listing states, headed and labelled."""
    return [
        {"key": fact.key, "heading": fact.heading, "text": fact.text, "locale": fact.lang} if fact.lang else
        {"key": fact.key, "heading": fact.heading, "text": fact.text}
        for fact in card.facts
        if fact.text
    ]  # fmt: skip


def school_json(school: School, card: Card, labels: Labels, distance_km: float | None = None) -> dict:
    """Return the summary of a school that search results list: its plain values, labelled from its card."""
    summary = card["summary"]
    return {
        "id": school.id,
        "name": school.name,
        "sector": school.sector,
        "sector_label": card.text("sector"),
        "grades": {
            "low": GRADE_CODES[school.grade_low],
            "high": GRADE_CODES[school.grade_high],
            "offered": [GRADE_CODES[grade] for grade in school.grades],
        },
        "grades_label": card.text("grades"),
        "address": school.address,
        "zip": school.zip,
        "lat": school.lat,
        "lon": school.lon,
        "location_approximate": school.location_approximate,
        "distance_km": distance_km,
        "programs": [
            {"kind": p.kind, "code": p.code, "language": p.language or None, "label": labels.program(p.kind, p.code, p.language)}
            for p in school.programs
        ],
        "special_education": {"stated": school.sped_stated, "students": school.sped_students, "label": card.text("special_education")},
        "english_learners": {"stated": school.ell_stated, "students": school.ell_students, "label": card.text("english_learners")},
        "school_bus": school.school_bus,
        "school_bus_label": card.text("school_bus"),
        "transit": {"bus": school.transit_bus or None, "rail": school.transit_rail or None},
        "summary": summary.text or None,
        "summary_locale": (summary.lang or labels.locale_name) if summary.text else None,
        "card": card_json(card),
        "url": school_url(school.id),
    }


def hit_json(hit: Hit, labels: Labels) -> dict:
    body = school_json(hit.school, hit.card, labels, hit.distance_km)
    body["matched"] = [{"kind": r.kind, "label": labels.reason(r)} for r in hit.reasons]
    return body


def relaxation_json(relaxation: Relaxation) -> dict:
    """`{"drop": "bus", "total": 65}` or `{"radius_km": 10, "total": 9}`."""
    if relaxation.drop:
        return {"drop": relaxation.drop, "total": relaxation.total}
    return {"radius_km": relaxation.radius_km, "total": relaxation.total}


class KeptBodies(dict):
    """The answers one worker keeps of the current catalog revision, in front of the shared cache
    (Redis on more than one machine: a 37 KB answer took 0.2 ms more from it), the oldest dropped
    first past `MAX_BYTES` in all."""

    MAX_BYTES = 8 * 2**20

    def __init__(self):
        super().__init__()
        self.size = 0

    def keep(self, key: str, body: bytes) -> None:
        if len(body) > self.MAX_BYTES or key in self:
            return
        while self.size + len(body) > self.MAX_BYTES:
            self.size -= len(self.pop(next(iter(self))))
        self[key] = body
        self.size += len(body)


@lru_cache(maxsize=1)
def _answers_version() -> str:
    """A digest of what writes an answer besides the catalog (this package's code and the compiled
    translations), read once per process: after a deploy that changes a field or a label, no body
    or ETag of the code before is served again, from the shared cache or to a partner's If-None-Match."""
    root = Path(__file__).resolve().parent
    files = sorted(root.glob("*.py")) + sorted((root.parent / "translations").glob("*/LC_MESSAGES/*.mo"))
    digest = hashlib.blake2b(digest_size=6)
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached_json(key: str, build) -> Response:
    """Answer with a cached JSON body when the catalog has not changed since it was built.

    The key holds the catalog revision, so an import or edit is seen by the next request; the
    ETag lets partner sites revalidate with If-None-Match and get a 304. A body is kept in the
    worker as well as in the shared cache: its revision in its key, it is never out of date.
    """
    # Bodies hold absolute links, so they are kept per origin: a Host header cannot put its links in
    # an answer cached for others (with PUBLIC_BASE_URL set, every Host shares one entry).
    full_key = f"api:{catalog_revision()}:{_answers_version()}:{get_locale()}:{public_base_url()}:{key}"
    kept = per_revision("api_bodies", KeptBodies)
    body = kept.get(full_key)
    if body is None:
        body = cache.get(full_key)
        if body is None:
            body = orjson.dumps(build())  # UTF-8, compact: 12 × faster than json.dumps for a page of schools
            cache.set(full_key, body)
        kept.keep(full_key, body)
    response = Response(body, mimetype="application/json")
    response.set_etag(hashlib.blake2b(full_key.encode(), digest_size=12).hexdigest())
    response.cache_control.public = True
    response.cache_control.max_age = 60
    response.vary.add("Accept-Language")  # without `lang`, the body is in the browser's language
    return response.make_conditional(request)


def _not_listed_message(name: str, value: str, listed) -> str:
    if name == "program":
        return gettext("Unknown program “%(value)s”.", value=value[:40])
    if name == "language":
        return gettext("“%(value)s” is not a two-letter language code.", value=value[:20])
    return gettext("“%(value)s” is not one of: %(allowed)s.", value=value[:20], allowed=", ".join(listed))


@api.get("/schools")
def schools():
    """Search schools."""
    unknown = sorted(set(request.args) - SEARCH_PARAMETERS)
    if unknown:
        return bad_parameter(unknown[0], gettext("Unknown parameter “%(parameter)s”.", parameter=unknown[0][:40]))
    for name, listed in LISTED_VALUES.items():
        for value in request.args.getlist(name):
            if value and value not in listed:
                return bad_parameter(name, _not_listed_message(name, value, listed))
    try:
        query = build_query(
            request.args.to_dict(flat=False),
            centroid_of=zip_table.centroid,
            default_seed=int(date.today().strftime("%Y%m%d")),
            max_per_page=current_app.config["API_MAX_PER_PAGE"],
        )
    except QueryError as error:
        return bad_parameter(error.parameter, gettext(error.message, **error.params))

    def build():
        result = search(query)
        labels = current_labels()
        return {
            "total": result.total,
            "page": query.page,
            "per_page": query.per_page,
            "order": query.order,
            "seed": query.seed,
            "not_stated": result.not_stated,
            "relaxations": [relaxation_json(relaxation) for relaxation in result.relaxations],
            "read_as": result.read_as,
            "another_state": another_state_json(result.another_state, labels),
            "results": [hit_json(hit, labels) for hit in result.hits],
        }

    try:
        return cached_json(repr(query), build)
    except OutOfArea as error:  # raised by the search itself, never cached
        return bad_parameter(error.parameter, gettext(error.message, **error.params))


def another_state_json(another, labels) -> dict | None:
    """The family's ZIP in a state none of the schools is in: the states, and what to make of it, in `lang`."""
    if another is None:
        return None
    return {"zip": another.zip, "state": another.state, "schools_in": list(another.schools_in), "label": labels.another_state(another)}


@api.get("/schools/<school_id>")
def school(school_id: str):
    """One school's full record, labels in the requested language."""
    unknown = sorted(set(request.args) - {"lang"})
    if unknown:
        return bad_parameter(unknown[0], gettext("Unknown parameter “%(parameter)s”.", parameter=unknown[0][:40]))
    found = get_school(school_id) if len(school_id) <= 64 else None
    if found is None:
        abort(404, gettext("No school has this id."))
    labels = current_labels()
    [card] = cards([found.id], {found.id: found})
    body = school_json(found, card, labels)
    texts = {}
    for name in ("summary", "how_to_apply"):
        text = card[name]
        texts[name] = {"text": text.text or None, "locale": (text.lang or labels.locale_name) if text.text else None, "stale": text.stale}
    body.update(
        {
            "operator": found.operator,
            "school_type": found.school_type,
            "city": found.city,
            "state": found.state,
            "phone": found.phone,
            "website": web_address(found.website) or "",  # a row stored before the check was whole is never served as a link
            "email": found.email,
            "enrollment": found.enrollment,
            "accessibility": found.accessibility,
            "accessibility_label": card.text("accessibility"),
            "school_bus_notes": found.school_bus_notes or None,
            "application_deadline": found.application_deadline.isoformat() if found.application_deadline else None,
            "seats_available": found.seats_available,
            "rating": {"value": found.rating, "source": found.rating_source} if found.rating else None,
            "verified_on": found.verified_on.isoformat() if found.verified_on else None,
            "texts": texts,
        }
    )
    return jsonify(body)


@api.get("/openapi.json")
def openapi():
    """The OpenAPI document of this API."""
    return jsonify(openapi_document(public_base_url()))
