"""Kiosk pages: /kiosk/ (languages), then /kiosk/<locale>/… — server-rendered, working without JavaScript.

What a family chose travels in the URL (grade, ZIP, needs: the API's parameters) and their list
of schools in a cookie of school ids; their name and phone number only ever in a POST body.
Nothing of theirs outlives the idle reset.
"""

import time
import uuid
from datetime import date
from urllib.parse import urlencode

from babel import Locale
from flask import Blueprint, abort, current_app, g, make_response, redirect, render_template, request, session, url_for
from flask_babel import format_date, gettext, refresh
from markupsafe import Markup

from app.extensions import csrf, limiter
from app.i18n import LOCALES, text_direction
from catalog.geo import zip_centroid
from catalog.labels import current as current_labels
from catalog.queries import find_schools, free_text, get_school
from catalog.search import QueryError, build_query
from catalog.vocabulary import GRADE_BY_CODE, GRADE_CODES, NEEDS
from kiosk import services
from kiosk.registration import MAX_NAME, clean_phone, read_registration
from sms.outbound import send_in_language, send_shortlist
from sms.replies import Reply

kiosk = Blueprint("kiosk", __name__, url_prefix="/kiosk", template_folder="templates", static_folder="static")

DEVICE_COOKIE = "kiosk_device"
LIST_COOKIE = "kiosk_list"
MAX_LIST = 4  # the list is also what compare shows side by side
PER_PAGE = 10
RADII_KM = (2, 5, 10)
DEFAULT_RADIUS_KM = 5
FILTERS = ("grade", "near", "radius_km", "need", "sector", "order", "page")


# --- every request ----------------------------------------------------------------------------


@kiosk.url_value_preprocessor
def take_locale(_endpoint, values):
    locale = (values or {}).pop("locale", None)
    if locale is not None and locale not in LOCALES:
        abort(404)
    g.locale = locale
    refresh()  # Flask-Babel may have picked a locale before this one was known


@kiosk.url_defaults
def keep_locale(endpoint, values):
    if "locale" not in values and g.get("locale") and current_app.url_map.is_endpoint_expecting(endpoint, "locale"):
        values["locale"] = g.locale


@kiosk.before_request
def idle_reset_and_device():
    """Forget a family that walked away; know which enrolled screen (and fair) this is."""
    g.device = services.device_for(request.cookies.get(DEVICE_COOKIE))
    now = time.time()
    idle = current_app.config["KIOSK_IDLE_SECONDS"] + current_app.config["KIOSK_COUNTDOWN_SECONDS"]
    seen = session.get("kiosk_seen")
    if request.endpoint not in ("kiosk.static", "kiosk.reset") and seen and now - seen > idle:
        return _reset_response()
    session["kiosk_seen"] = now
    if request.method == "POST" and request.endpoint != "kiosk.submit_registration":
        # The registration is checked by its device token (a SameSite=Strict cookie) instead, so a
        # form queued offline still goes through after the screen's session was reset.
        csrf.protect()  # a bad or missing token: 400
    return None


@kiosk.after_request
def shared_screen_headers(response):
    if request.endpoint != "kiosk.static":
        response.headers["Cache-Control"] = "no-store"  # the back button must not bring a family's page back
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    return response


@kiosk.app_context_processor
def page_globals():
    if not request.blueprint == "kiosk":
        return {}
    locale = g.get("locale") or "en"
    return {
        "locale": locale,
        "direction": text_direction(locale),
        "large_text": session.get("kiosk_large_text", False),
        "shortlist": _shortlist(),
        "idle_seconds": current_app.config["KIOSK_IDLE_SECONDS"],
        "countdown_seconds": current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "countdown_number": Markup('<span class="countdown" id="idle-seconds">%d</span>') % current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "fair": g.device.fair if g.get("device") else None,
        "MAX_LIST": MAX_LIST,
        "new_key": lambda: uuid.uuid4().hex,  # a registration's idempotency key, kept by the page
    }


def _reset_response():
    session.clear()
    response = redirect(url_for("kiosk.start"))
    response.delete_cookie(LIST_COOKIE, path="/kiosk")
    return response


def _shortlist() -> list[str]:
    raw = request.cookies.get(LIST_COOKIE, "")
    return list(dict.fromkeys(i for i in raw.split(",") if i))[:MAX_LIST]


def _local_next(default: str) -> str:
    """Where a form sends the family back to: a kiosk page of this site, never elsewhere."""
    target = request.form.get("next", "")
    return target if target.startswith("/kiosk/") and not target.startswith("//") and "\\" not in target else default


def _language_names() -> list[tuple[str, str]]:
    """(locale, its name in itself): "Español", "العربية", "Tiếng Việt", …"""
    names = [(code, Locale.parse(code).get_display_name(code)) for code in LOCALES]
    return [(code, name[:1].upper() + name[1:]) for code, name in names]


def _device_key() -> str:
    return request.cookies.get(DEVICE_COOKIE) or request.remote_addr or "unknown"


# --- the flow ---------------------------------------------------------------------------------


@kiosk.get("/")
def start():
    """Languages, each named in its own language and script."""
    return render_template("kiosk/start.html", languages=_language_names())


@kiosk.get("/reset")
def reset():
    """The idle reset (and the "start over" button): forget everything of this family."""
    return _reset_response()


@kiosk.get("/still-here")
def still_here():
    """The screen saying the family is still using it (the server's idle clock moves on)."""
    return "", 204


@kiosk.post("/<locale>/text-size")
def text_size():
    session["kiosk_large_text"] = not session.get("kiosk_large_text", False)
    return redirect(_local_next(url_for("kiosk.grade")), code=303)


@kiosk.get("/<locale>/")
def grade():
    labels = current_labels()
    return render_template("kiosk/grade.html", grades=[(code, labels.grade(n)) for n, code in GRADE_CODES.items()])


@kiosk.get("/<locale>/zip")
def home_zip():
    chosen = _chosen_grade()
    value = request.args.get("near", "").strip()[:10]
    error = None
    if "near" in request.args:
        if zip_centroid(value) is not None:
            return redirect(url_for("kiosk.needs", grade=chosen, near=value))
        error = (
            gettext("We do not know the ZIP code “%(zip)s”. Check it, or skip this step.", zip=value)
            if value
            else gettext("Enter a 5-digit ZIP code, or skip this step.")
        )
    return render_template("kiosk/zip.html", grade=chosen, near=value, error=error), (400 if error else 200)


@kiosk.get("/<locale>/needs")
def needs():
    labels = current_labels()
    return render_template(
        "kiosk/needs.html",
        grade=_chosen_grade(),
        near=request.args.get("near", "")[:5] if zip_centroid(request.args.get("near", "")[:5]) else "",
        needs=[(need, labels.need(need)) for need in NEEDS],
    )


def _chosen_grade() -> str | None:
    code = request.args.get("grade", "")
    return code if code in GRADE_BY_CODE else None


def _search_params() -> dict[str, list[str]]:
    """The filters of the results page as the API reads them, with the kiosk's defaults."""
    params = {name: request.args.getlist(name) for name in FILTERS if request.args.getlist(name)}
    params = {name: [v.strip()[:40] for v in values][:10] for name, values in params.items()}
    params.setdefault("order", ["neutral"])
    if params.get("near") and "radius_km" not in params:
        params["radius_km"] = [str(DEFAULT_RADIUS_KM)]
    if params.get("radius_km") == ["any"]:
        del params["radius_km"]
    if not params.get("near"):
        params.pop("radius_km", None)
        if params["order"] == ["distance"]:
            params["order"] = ["neutral"]
    params["per_page"] = [str(PER_PAGE)]
    return params


@kiosk.get("/<locale>/schools")
def schools():
    labels = current_labels()
    params = _search_params()
    error = None
    try:
        query = build_query(params, default_seed=int(date.today().strftime("%Y%m%d")))
    except QueryError as problem:
        error = gettext(problem.message, **problem.params)
        params = {key: value for key, value in params.items() if key != problem.parameter}
        query = build_query({k: v for k, v in params.items() if k in ("order", "per_page")} | {"order": ["neutral"]})
    result = find_schools(query)
    booths = services.booth_labels(g.device.fair_id if g.device else None)
    pages = max(1, -(-result.total // PER_PAGE))

    def page_url(page: int) -> str:
        kept = {k: v for k, v in request.args.lists() if k in FILTERS and k != "page"}
        return url_for("kiosk.schools") + "?" + urlencode({**kept, "page": [str(page)]}, doseq=True)

    return render_template(
        "kiosk/results.html",
        result=result,
        query=query,
        labels=labels,
        booths=booths,
        error=error,
        filters={
            "grade": GRADE_CODES.get(query.grade, "") if query.grade is not None else "",
            "near": query.near_zip or "",
            "radius_km": request.args.get("radius_km", str(DEFAULT_RADIUS_KM)),
            "needs": set(query.needs),
            "sector": query.sector or "",
            "order": query.order,
        },
        grades=[(code, labels.grade(n)) for n, code in GRADE_CODES.items()],
        need_choices=[(need, labels.need(need)) for need in NEEDS],
        radii=RADII_KM,
        page=query.page,
        pages=pages,
        page_url=page_url,
        here=request.full_path.rstrip("?"),
    ), (400 if error else 200)


@kiosk.get("/<locale>/schools/<school_id>")
def school(school_id: str):
    found = get_school(school_id)
    if found is None:
        abort(404)
    labels = current_labels()
    locale = str(labels.locale)
    texts = {name: free_text(found, name, locale) for name in ("summary", "how_to_apply")}
    booths = services.booth_labels(g.device.fair_id if g.device else None)
    return render_template(
        "kiosk/school.html",
        school=found,
        labels=labels,
        texts=texts,
        booth=booths.get(found.id),
        deadline=format_date(found.application_deadline, "long") if found.application_deadline else None,
        here=request.full_path.rstrip("?"),
    )


def _compare_rows(found: list, labels) -> list[tuple[str, list[str]]]:
    """The same rows for every school, each cell in the family's language ("—" when unknown)."""
    booths = services.booth_labels(g.device.fair_id if g.device else None)

    def programs(school, kind):
        return ", ".join(labels.program(p.kind, p.code, p.language) for p in school.programs if p.kind == kind) or gettext("None listed")

    rows = [
        (gettext("Type"), [labels.sector(s.sector) for s in found]),
        (gettext("Grades"), [labels.grades(s.grade_low, s.grade_high) for s in found]),
        (gettext("Special education"), [programs(s, "sped") for s in found]),
        (gettext("English learners"), [programs(s, "ell") for s in found]),
        (gettext("School bus"), [labels.school_bus(s.school_bus) for s in found]),
        (gettext("Public transit"), ["; ".join(x for x in (s.transit_rail, s.transit_bus) if x) or "—" for s in found]),
        (gettext("Wheelchair access"), [labels.accessibility(s.accessibility) for s in found]),
        (gettext("Address"), [s.address or "—" for s in found]),
        (gettext("Phone"), [s.phone or "—" for s in found]),
    ]
    if booths:
        rows.append((gettext("Booth at this fair"), [booths.get(s.id, "—") for s in found]))
    return rows


@kiosk.get("/<locale>/compare")
def compare():
    wanted = [i for value in request.args.getlist("ids") for i in value.split(",") if i] or _shortlist()
    found = [s for s in (get_school(i) for i in list(dict.fromkeys(wanted))[:MAX_LIST]) if s]
    labels = current_labels()
    return render_template("kiosk/compare.html", schools=found, rows=_compare_rows(found, labels))


@kiosk.get("/<locale>/list")
def shortlist():
    return _list_page()


def _list_page(phone: str = "", error: str | None = None, sent: str | None = None, status: int = 200):
    labels = current_labels()
    found = [s for s in (get_school(i) for i in _shortlist()) if s]
    return render_template("kiosk/list.html", schools=found, labels=labels, phone=phone, error=error, sent=sent), status


@kiosk.post("/<locale>/list")
def change_list():
    """Add a school to the family's list, or take one off (the list holds school ids only)."""
    ids = _shortlist()
    school_id = request.form.get("school", "")[:64]
    if request.form.get("action") == "remove":
        ids = [i for i in ids if i != school_id]
    elif request.form.get("action") == "clear":
        ids = []
    elif school_id not in ids and len(ids) < MAX_LIST and get_school(school_id) is not None:
        ids.append(school_id)
    response = redirect(_local_next(url_for("kiosk.shortlist")), code=303)
    response.set_cookie(LIST_COOKIE, ",".join(ids), path="/kiosk", samesite="Lax", secure=request.is_secure)
    return response


@kiosk.post("/<locale>/list/text")
@limiter.limit("5/minute", key_func=_device_key)
def text_list():
    """Text the list to the family's phone; the SMS conversation continues from it."""
    raw = request.form.get("phone", "")[:40]
    phone, problem = clean_phone(raw)
    if problem:
        return _list_page(raw, error=gettext(problem), status=400)
    ids = _shortlist()
    if not ids:
        return _list_page(raw, error=gettext("Add schools to your list first."), status=400)
    [message, *_rest] = send_shortlist(phone, ids, g.locale)
    if message.status == "opted_out":
        return _list_page(
            error=gettext("This number asked us to stop texting it. Text START to us from it to get texts again."), status=409
        )
    if message.status in ("failed", "not_configured"):
        return _list_page(raw, error=gettext("We could not send the text just now. You can print the list instead."), status=503)
    return _list_page(sent=gettext("We texted your list to the number ending in %(last)s.", last=phone[-4:]))


@kiosk.get("/<locale>/print")
def print_list():
    labels = current_labels()
    found = [s for s in (get_school(i) for i in _shortlist()) if s]
    booths = services.booth_labels(g.device.fair_id if g.device else None)
    return render_template("kiosk/print.html", schools=found, labels=labels, booths=booths)


# --- registration -----------------------------------------------------------------------------


def _registration_choices() -> dict:
    labels = current_labels()
    return {
        "grades": [(code, labels.grade(n)) for n, code in GRADE_CODES.items()],
        "need_choices": [(need, labels.need(need)) for need in NEEDS],
        "languages": _language_names(),
        "listed": [s for s in (get_school(i) for i in _shortlist()) if s],
        "max_name": MAX_NAME,
    }


@kiosk.get("/<locale>/register")
def register():
    return render_template("kiosk/register.html", form={}, problems={}, device=g.device, **_registration_choices())


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@kiosk.post("/<locale>/register")
@limiter.limit("20/minute", key_func=_device_key)
def submit_registration():
    """Store a registration from an enrolled screen, once per client key (a resend stores nothing)."""
    if g.device is None:
        if _wants_json():
            return {"error": gettext("This screen is not set up as a kiosk. Ask the fair staff.")}, 403
        return render_template("kiosk/not_enrolled.html"), 403
    form = request.form.to_dict(flat=False)
    values, problems = read_registration(form, LOCALES, services.existing_school_ids(request.form.getlist("school")))
    if problems:
        messages = {field: gettext(message, limit=MAX_NAME) for field, message in problems.items()}
        if _wants_json():
            return {"problems": messages}, 400
        kept = {
            k: v if len(v) > 1 else v[0]
            for k, v in form.items()
            if k in ("parent_name", "phone", "locale", "grade", "school", "need", "consent")
        }
        kept = {k: v[:200] if isinstance(v, str) else [x[:64] for x in v[:20]] for k, v in kept.items()}
        return render_template("kiosk/register.html", form=kept, problems=messages, device=g.device, **_registration_choices()), 400
    registration, created = services.register(g.device, values)
    if created:
        send_in_language(registration.phone, Reply("registered"), registration.locale)
    if _wants_json():
        return {"stored": created}, 201 if created else 200
    return render_template("kiosk/registered.html", created=created, last=registration.phone[-4:])


# --- setting a screen up ------------------------------------------------------------------------


@kiosk.get("/enroll/<code>")
def enroll(code: str):
    """Open once on a fair's screen: it becomes that fair's kiosk (the link stops working)."""
    found = services.enroll(code[:100])
    if found is None:
        return render_template("kiosk/enrolled.html", device=None, locale="en", direction="ltr"), 404
    device, token = found
    response = make_response(render_template("kiosk/enrolled.html", device=device))
    response.set_cookie(
        DEVICE_COOKIE, token, max_age=400 * 24 * 3600, path="/kiosk", httponly=True, samesite="Strict", secure=request.is_secure
    )
    return response
