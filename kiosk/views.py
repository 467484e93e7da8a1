"""Kiosk pages: /kiosk/ (languages), then /kiosk/<locale>/… — server-rendered, working without JavaScript.

What a family chose travels in the URL (grade, ZIP, needs: the API's parameters) and their list
of schools in a cookie of school ids; their name and phone number only ever in a POST body.
Nothing of theirs outlives the idle reset.
"""

import hashlib
import json
import secrets
import time
import uuid
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from flask import (
    Blueprint,
    abort,
    after_this_request,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_date, gettext, refresh
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from app.errors import NulCharacter, error_headers, register_error_page
from app.extensions import cache, csrf, db, limiter
from app.i18n import LOCALES, language_names, text_direction
from catalog.geo import as_zip
from catalog.labels import current as current_labels
from catalog.queries import catalog_revision, free_text, get_school, get_schools, needs_offered
from catalog.query import INTEGER_RE, MAX_SEED, QueryError, build_query
from catalog.search import search
from catalog.vocabulary import GRADE_BY_CODE, GRADE_CODES, N_, NEEDS
from catalog.zip_table import centroid
from kiosk import services
from kiosk.registration import MAX_NAME, clean_phone, read_registration
from kiosk.snapshot import build_snapshot
from sms.outbound import send_in_language, send_shortlist
from sms.replies import Reply

kiosk = Blueprint("kiosk", __name__, url_prefix="/kiosk", template_folder="templates", static_folder="static")

DEVICE_COOKIE = "kiosk_device"
LIST_COOKIE = "kiosk_list"
SEED_COOKIE = "kiosk_seed"  # the family's neutral order (offline.js reads it)
MAX_LIST = 4  # the list is also what compare shows side by side
PER_PAGE = 10
RADII_KM = (2, 5, 10)
DEFAULT_RADIUS_KM = 5
# What the service worker fetches in the background, beside the family's own requests: these
# must not write the session (a late answer would put back an older one), and hold nothing of theirs.
SCREEN_FILES = frozenset({"kiosk.static", "kiosk.service_worker", "kiosk.snapshot", "kiosk.offline_shell", "kiosk.start"})
FILTERS = ("grade", "near", "radius_km", "need", "sector", "q", "order", "page")


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
def idle_reset():
    """Forget a family that walked away."""
    if request.endpoint in SCREEN_FILES:
        return None  # what the service worker keeps: never a family's, so it leaves their session alone
    now = time.time()
    idle = current_app.config["KIOSK_IDLE_SECONDS"] + current_app.config["KIOSK_COUNTDOWN_SECONDS"]
    seen = session.get("kiosk_seen")
    # A registration is never turned into a reset: one queued offline is sent after the screen went
    # idle without the network, and answering it with the start page would lose it.
    if request.endpoint not in ("kiosk.reset", "kiosk.submit_registration") and seen and now - seen > idle:
        return _reset_response()
    session["kiosk_seen"] = now
    if g.locale:
        session["kiosk_locale"] = g.locale  # an error page of a URL without a locale speaks the family's language
    if request.method == "POST" and request.endpoint != "kiosk.submit_registration":
        # The registration is checked by its device token (a SameSite=Strict cookie) instead, so a
        # form queued offline still goes through after the screen's session was reset.
        csrf.protect()  # a bad or missing token: 400
    return None


@kiosk.after_request
def shared_screen_headers(response):
    if request.endpoint in SCREEN_FILES - {"kiosk.static", "kiosk.start"}:
        response.headers["Cache-Control"] = "no-cache"  # the service worker keeps these, and checks for new ones
    elif request.endpoint != "kiosk.static":
        response.headers["Cache-Control"] = "no-store"  # the back button must not bring a family's page back
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    return response


@kiosk.context_processor
def page_globals():
    locale = g.get("locale") or "en"
    return {
        "locale": locale,
        "direction": text_direction(locale),
        "large_text": session.get("kiosk_large_text", False),
        "shortlist": _shortlist(),
        "results_url": _results_url,
        "idle_seconds": current_app.config["KIOSK_IDLE_SECONDS"],
        "countdown_seconds": current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "countdown_number": Markup('<span class="countdown" id="idle-seconds">%d</span>') % current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "fair": _device().fair if _device() else None,
        "MAX_LIST": MAX_LIST,
        "new_key": lambda: uuid.uuid4().hex,  # a registration's idempotency key, kept by the page
    }


def _results_url() -> str:
    """The family's last results page (their filters and page), or all schools before any search."""
    last = session.get("kiosk_search")
    return url_for("kiosk.schools") + (f"?{last}" if last else "")


def _device():
    """The enrolled screen this request comes from (read once per request), or None."""
    if "device" not in g:
        g.device = services.device_for(request.cookies.get(DEVICE_COOKIE))
    return g.device


def _booths() -> dict[str, str]:
    """School id → booth label at this screen's fair."""
    return services.booth_labels(_device().fair_id if _device() else None)


def _listed_schools() -> list:
    return get_schools(_shortlist())


def _family_seed() -> int:
    """This family's neutral order: shuffled anew for each family (a reset starts another), the
    same while they page and come back, so no school is first for everyone all day.

    Kept in a cookie the offline pages read too (and set, when a family starts offline): the
    screen orders schools the same way with or without a network."""
    if "kiosk_seed" in g:
        return g.kiosk_seed
    value = request.cookies.get(SEED_COOKIE, "")
    if INTEGER_RE.fullmatch(value) and int(value) <= MAX_SEED:
        g.kiosk_seed = int(value)
        return g.kiosk_seed
    g.kiosk_seed = seed = secrets.randbelow(MAX_SEED + 1)

    @after_this_request
    def keep_seed(response):
        response.set_cookie(SEED_COOKIE, str(seed), path="/kiosk", samesite="Lax", secure=request.is_secure)
        return response

    return seed


def _known_zip(text: str) -> str:
    """The ZIP a text is (in any digits, or ZIP+4) when its centre is known, else ""."""
    code = as_zip(text)
    return code if code and centroid(code) else ""


def _grade_choices(labels) -> list[tuple[str, str]]:
    return [(code, labels.grade(n)) for n, code in GRADE_CODES.items()]


def _need_choices(labels, chosen=()) -> list[tuple[str, str]]:
    """The needs to choose from: those some school of the catalog states it offers (and any chosen)."""
    offered = needs_offered()
    return [(need, labels.need(need)) for need in NEEDS if need in offered or need in chosen]


def _reset_response():
    session.clear()
    response = redirect(url_for("kiosk.start"))
    response.delete_cookie(LIST_COOKIE, path="/kiosk")
    response.delete_cookie(SEED_COOKIE, path="/kiosk")
    return response


def _shortlist() -> list[str]:
    raw = request.cookies.get(LIST_COOKIE, "")
    return list(dict.fromkeys(i for i in raw.split(",") if i))[:MAX_LIST]


def _local_next(default: str) -> str:
    """Where a form sends the family back to: a kiosk page of this site, never elsewhere."""
    target = request.form.get("next", "")
    return target if target.startswith("/kiosk/") and not target.startswith("//") and "\\" not in target else default


def _device_key() -> str:
    """Rate limits count per screen (by a digest of its token, never the token) or per address."""
    token = request.cookies.get(DEVICE_COOKIE)
    return hashlib.sha256(token.encode()).hexdigest()[:16] if token else request.remote_addr or "unknown"


# --- the flow ---------------------------------------------------------------------------------


@kiosk.get("/")
def start():
    """Languages, each named in its own language and script."""
    return render_template("kiosk/start.html", languages=language_names())


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
    return render_template("kiosk/grade.html", grades=_grade_choices(labels))


@kiosk.get("/<locale>/zip")
def home_zip():
    chosen = _chosen_grade()
    value = request.args.get("near", "").strip()[:10]
    error = None
    if "near" in request.args:
        if zip_code := _known_zip(value):
            return redirect(url_for("kiosk.needs", grade=chosen, near=zip_code))
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
        near=_known_zip(request.args.get("near", "")),
        needs=_need_choices(labels),
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
    error, query = None, None
    while query is None:  # a wrong value costs only its own filter: the family's others still apply
        try:
            query = build_query(params, centroid_of=centroid, default_seed=_family_seed())
            result = search(query)  # a ZIP of another city is said, and the family's other filters still apply
        except QueryError as problem:
            query = None
            error = error or gettext(problem.message, **problem.params)
            if problem.parameter in params:
                dropped = ("near", "radius_km") if problem.parameter == "near" else (problem.parameter,)
                params = {key: value for key, value in params.items() if key not in dropped}
            else:  # not one filter's fault
                query = build_query({"per_page": params["per_page"], "order": ["neutral"]}, centroid_of=centroid)
                result = search(query)
    booths = _booths()
    pages = max(1, -(-result.total // PER_PAGE))

    def page_url(page: int) -> str:
        kept = {k: v for k, v in request.args.lists() if k in FILTERS and k != "page"}
        return url_for("kiosk.schools") + "?" + urlencode({**kept, "page": [str(page)]}, doseq=True)

    def relaxed_url(relaxation) -> str:
        """This search with the relaxation applied: one tap."""
        kept = {k: v for k, v in request.args.lists() if k in FILTERS and k != "page"}
        if relaxation.radius_km:
            kept["radius_km"] = [str(int(relaxation.radius_km))]
        elif relaxation.drop in NEEDS:
            kept["need"] = [need for need in kept.get("need", []) if need != relaxation.drop]
        else:
            kept.pop(relaxation.drop, None)
        return url_for("kiosk.schools") + "?" + urlencode(kept, doseq=True)

    # "Back to schools" from a school, the list or compare brings this page back, not all schools
    session["kiosk_search"] = urlencode([(k, v) for k, v in request.args.items(multi=True) if k in FILTERS])[:1000]

    return render_template(
        "kiosk/results.html",
        result=result,
        query=query,
        labels=labels,
        booths=booths,
        error=error,
        filters={
            "grade": GRADE_CODES.get(query.grade, "") if query.grade is not None else "",
            "near": query.near_zip or request.args.get("near", "").strip()[:40],  # what was typed, even if wrong
            "radius_km": request.args.get("radius_km", str(DEFAULT_RADIUS_KM)),
            "needs": set(query.needs),
            "sector": query.sector or "",
            "q": query.text,
            "order": query.order,
        },
        grades=_grade_choices(labels),
        need_choices=_need_choices(labels, query.needs),
        radii=RADII_KM,
        page=query.page,
        pages=pages,
        page_url=page_url,
        relaxed_url=relaxed_url,
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
    return render_template(
        "kiosk/school.html",
        school=found,
        labels=labels,
        texts=texts,
        booth=_booths().get(found.id),
        deadline=format_date(found.application_deadline, "long") if found.application_deadline else None,
        here=request.full_path.rstrip("?"),
    )


def _compare_rows(found: list, labels) -> list[tuple[str, list[str]]]:
    """The same rows for every school, each cell in the family's language ("—" when unknown)."""
    booths = _booths()

    rows = [
        (gettext("Type"), [labels.sector(s.sector) for s in found]),
        (gettext("Grades"), [labels.grades(s.grades) for s in found]),
        (gettext("Special education"), [labels.services(s, "sped") for s in found]),
        (gettext("English learners"), [labels.services(s, "ell") for s in found]),
        (gettext("School bus"), [labels.school_bus(s.school_bus) for s in found]),
        (gettext("Public transit"), [s.transit or "—" for s in found]),
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
    found = get_schools(list(dict.fromkeys(wanted))[:MAX_LIST])
    labels = current_labels()
    return render_template("kiosk/compare.html", schools=found, rows=_compare_rows(found, labels))


@kiosk.get("/<locale>/list")
def shortlist():
    return _list_page()


def _list_page(phone: str = "", error: str | None = None, sent: str | None = None, status: int = 200):
    labels = current_labels()
    found = _listed_schools()
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
    return _list_page(sent=gettext("We are texting your list to the number ending in %(last)s.", last=phone[-4:]))


@kiosk.get("/<locale>/print")
def print_list():
    labels = current_labels()
    return render_template("kiosk/print.html", schools=_listed_schools(), labels=labels, booths=_booths())


# --- registration -----------------------------------------------------------------------------

KEPT_FIELDS = ("parent_name", "phone", "locale", "grade", "school", "need", "consent")


def _registration_choices() -> dict:
    return {**_registration_choices_without_list(), "listed": _listed_schools()}


def _registration_choices_without_list() -> dict:
    labels = current_labels()
    return {
        "grades": _grade_choices(labels),
        "need_choices": _need_choices(labels, chosen=NEEDS),
        "languages": language_names(),
        "max_name": MAX_NAME,
    }


@kiosk.get("/<locale>/register")
def register():
    return render_template("kiosk/register.html", form={}, problems={}, device=_device(), **_registration_choices())


def _kept_registration(form: dict[str, list[str]], fields=KEPT_FIELDS) -> dict:
    """What the family typed, to fill the form in again (capped: it is echoed back)."""
    kept = {name: values if len(values) > 1 else values[0] for name, values in form.items() if name in fields and values}
    return {name: value[:200] if isinstance(value, str) else [x[:64] for x in value[:20]] for name, value in kept.items()}


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


@kiosk.post("/<locale>/register")
@limiter.limit("20/minute", key_func=_device_key)
def submit_registration():
    """Store a registration from an enrolled screen, once per client key (a resend stores nothing)."""
    device = _device()
    if device is None:
        if _wants_json():
            return {"error": gettext("This screen is not set up as a kiosk. Ask the fair staff.")}, 403
        return render_template("kiosk/not_enrolled.html"), 403
    form = request.form.to_dict(flat=False)
    values, problems = read_registration(form, LOCALES, services.existing_school_ids(request.form.getlist("school")))
    if problems:
        messages = {field: gettext(message, limit=MAX_NAME) for field, message in problems.items()}
        if _wants_json():
            return {"problems": messages}, 400
        # The key is kept too: a registration refused in the queue and corrected here is stored once, whatever is resent.
        kept = _kept_registration(form, KEPT_FIELDS if "client_key" in problems else (*KEPT_FIELDS, "client_key"))
        return render_template("kiosk/register.html", form=kept, problems=messages, device=_device(), **_registration_choices()), 400
    registration, created = services.register(device, values)
    if created:
        send_in_language(registration.phone, Reply("registered"), registration.locale)
    if _wants_json():
        return {"stored": created}, 201 if created else 200
    return render_template("kiosk/registered.html", created=created, last=registration.phone[-4:], key=registration.client_key)


# --- error pages ------------------------------------------------------------------------------
# A kiosk has no browser controls: every error is a kiosk page in the family's language with one
# way back. They are drawn without the database, which may be the very thing that failed.

STALE_FORM = N_("This page was open too long. Please go back and try again.")  # the CSRF token ran out
ERROR_MESSAGES = {
    404: N_("We cannot find this page."),
    429: N_("Too many tries. Please wait a minute, then try again."),
    500: N_("Something went wrong on our side. Please try again."),
    503: N_("We are busy right now. Please try again in a moment."),
}
OTHER_ERROR = N_("Something was wrong with this request. Please go back and try again.")


def _error_locale() -> str:
    """The family's language: the URL's (/kiosk/<locale>/…), else the session's, else English."""
    parts = request.path.split("/")
    if len(parts) > 2 and parts[2] in LOCALES:
        return parts[2]
    remembered = session.get("kiosk_locale")
    return remembered if remembered in LOCALES else "en"


def render_kiosk_error(error: HTTPException):
    """Any HTTP error (and the hidden 500) under /kiosk/, as a kiosk page with one large button back."""
    g.locale = _error_locale()
    refresh()
    enrolled = g.get("device") is not None or DEVICE_COOKIE in request.cookies
    g.device = None  # the page's globals must not reach for the database (the fair's name is not worth it)
    if error.code == 503 and request.endpoint == "kiosk.submit_registration":
        response = _registration_kept_for_retry(enrolled)
    else:
        response = make_response(_error_page(error))
    response.status_code = error.code or 500
    response.headers.update(error_headers(error))  # Retry-After on 429 and 503
    if error.code == 429 and "Retry-After" not in response.headers and (limit := limiter.current_limit):
        response.headers["Retry-After"] = str(max(1, limit.reset_at - int(time.time())))
    return shared_screen_headers(response)


def _error_page(error: HTTPException) -> str:
    if isinstance(error, CSRFError):
        message = STALE_FORM
    elif isinstance(error, NulCharacter):
        message = error.description  # already in the family's language, and says what to remove
    else:
        message = ERROR_MESSAGES.get(error.code) or (OTHER_ERROR if (error.code or 500) < 500 else ERROR_MESSAGES[500])
    searched = "kiosk_search" in session  # their results page, as "Back to schools" brings it back
    return render_template(
        "kiosk/error.html",
        **{**page_globals(), "fair": None},
        error_page=True,
        message=message if isinstance(error, NulCharacter) else gettext(message),
        back_url=_results_url() if searched else url_for("kiosk.grade"),
        back_label=gettext("Back to schools") if searched else gettext("Back to the start"),
    )


def _registration_kept_for_retry(enrolled: bool):
    """The registration page again with everything typed kept, its key too (a retry stores it once), and why."""
    busy = gettext(ERROR_MESSAGES[503])
    if _wants_json():
        return make_response({"error": busy})
    choices = _registration_choices_without_list()
    try:
        db.session.rollback()
        choices["listed"] = _listed_schools()
    except SQLAlchemyError:  # the database cannot even be read: the chosen schools ride along unnamed
        choices["listed"] = []
    form = _kept_registration(request.form.to_dict(flat=False), (*KEPT_FIELDS, "client_key"))
    return make_response(render_template("kiosk/register.html", form=form, problems={}, busy=busy, device=enrolled, **choices))


kiosk.record_once(lambda state: register_error_page(state.app, "/kiosk/", render_kiosk_error))


# --- offline ----------------------------------------------------------------------------------


@kiosk.get("/sw.js")
def service_worker():
    """The service worker, served from /kiosk/ so that its scope is the whole kiosk."""
    body = render_template("kiosk/sw.js", version=_shell_version(), locales=LOCALES)
    return current_app.response_class(body, mimetype="text/javascript")


@lru_cache(maxsize=1)
def _shell_version() -> str:
    """A digest of the kiosk's own files, read once per process: a new deploy's files make a new cache."""
    files = (Path(kiosk.static_folder) / "kiosk" / name for name in ("kiosk.css", "kiosk.js", "offline.js"))
    return hashlib.blake2b(b"".join(f.read_bytes() for f in files), digest_size=6).hexdigest()


@kiosk.get("/<locale>/snapshot.json")
def snapshot():
    """The schools of this fair's area in this locale (and its booths), for browsing without a network."""
    revision = catalog_revision()
    fair_id = _device().fair_id if _device() else None
    booths = _booths()  # a booth moved or added changes the copy (its labels, the fair's middle) as a catalog change does
    booths_digest = hashlib.blake2b(json.dumps(sorted(booths.items())).encode(), digest_size=6).hexdigest()
    key = f"kiosk-snapshot:{revision}:{g.locale}:{fair_id}:{booths_digest}"
    body = cache.get(key)
    if body is None:
        body = json.dumps(build_snapshot(current_labels(), revision, booths, services.fair_center(fair_id)), ensure_ascii=False)
        cache.set(key, body)
    return current_app.response_class(body, mimetype="application/json")


# The page texts the offline pages need: the same messages as the server-rendered pages.
OFFLINE_TEXTS = {
    "which_grade": N_("Which grade will your child be in?"),
    "see_all": N_("See all schools"),
    "zip_question": N_("What is your home ZIP code?"),
    "zip": N_("ZIP code"),
    "next": N_("Next"),
    "skip": N_("Skip"),
    "needs_question": N_("Does your child need any of these?"),
    "show_schools": N_("Show schools"),
    "more_about": N_("More about this school"),
    "add": N_("Add to my list"),
    "remove": N_("On my list — remove"),
    "booth": N_("Booth %(label)s at this fair"),
    "none_match": N_("No school matches all of that. Try fewer needs, a wider distance, or another grade."),
    "my_list": N_("My list"),
    "empty_list": N_("Your list is empty. Add up to %(count)d schools from the results."),
    "compare": N_("Compare schools"),
    "compare_side": N_("Compare side by side"),
    "type": N_("Type"),
    "grades": N_("Grades"),
    "sped": N_("Special education"),
    "ell": N_("English learners"),
    "bus": N_("School bus"),
    "transit": N_("Public transit"),
    "access": N_("Wheelchair access"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "register": N_("Register for follow-up"),
    "offline": N_("No connection right now. You can still look at schools; texting your list will work again when the connection returns."),
    "previous": N_("Previous"),
    "schools": N_("Schools"),
    "your_name": N_("Your name"),
    "your_phone": N_("Your mobile phone number"),
    "text_language": N_("Language for our texts"),
    "children_grades": N_("Your children's grades next year"),
    "interested": N_("Schools you are interested in"),
    "children_needs": N_("What your children need (optional)"),
    "consent": N_("I agree to get text messages from the enrollment office about school enrollment. I can reply STOP at any time."),
    "register_button": N_("Register"),
    "offline_zip": N_("Without a connection, this screen cannot place ZIP code %(zip)s, so distance is left out."),
    "offline_area": N_("Without a connection, this screen knows only the %(count)s schools within %(km)s km of this fair."),
    "offline_names": N_("Without a connection, school names are found only as they are written."),
    "offline_not_stated": N_("More schools have not said whether they offer this (%(sectors)s): %(need)s."),
    "must_serve": N_("Every public school, charter included, must serve students with disabilities: ask them."),
    "ask_them": N_("Ask them."),
    "queued": N_("No connection right now: your registration is saved on this screen and will be sent when the connection returns."),
}


@kiosk.get("/<locale>/offline")
def offline_shell():
    """The page the service worker shows for any kiosk page while the network is down."""
    texts = {key: gettext(message) for key, message in OFFLINE_TEXTS.items()}  # placeholders are filled on the screen
    return render_template("kiosk/offline.html", texts=texts, languages=language_names())


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
