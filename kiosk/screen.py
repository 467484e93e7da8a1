"""The kiosk's screen: its blueprint, what every request does (the family's language, the idle
reset, the headers a shared screen needs), the screen's enrolment and the family's few cookies (their
list of schools, their neutral order). Pages live in `kiosk.pages`, `kiosk.shortlist`,
`kiosk.signup`, `kiosk.offline` and `kiosk.errors`.

What a family chose travels in the URL (grade, ZIP, needs: the API's parameters) and their list
of schools in a cookie of school ids; their name and phone number only ever in a POST body.
Nothing of theirs outlives the idle reset.
"""

import hashlib
import secrets
import time
import uuid

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
from flask_babel import refresh
from markupsafe import Markup

from app.extensions import csrf
from app.i18n import LOCALES, language_names, text_direction
from catalog.cards import Card
from catalog.queries import needs_offered
from catalog.query import INTEGER_RE, MAX_SEED
from catalog.search import cards
from catalog.vocabulary import GRADE_CODES, NEEDS
from kiosk import services

kiosk = Blueprint("kiosk", __name__, url_prefix="/kiosk", template_folder="templates", static_folder="static")

DEVICE_COOKIE = "kiosk_device"
LIST_COOKIE = "kiosk_list"
SEED_COOKIE = "kiosk_seed"  # the family's neutral order (offline.js reads it)
MAX_LIST = 4  # the list is also what compare shows side by side
# The facts compare shows side by side, online and offline (then the fair's booths, when it has any)
COMPARED = ("sector", "grades", "special_education", "english_learners", "school_bus", "transit", "accessibility", "address", "phone")
# What the service worker fetches in the background, beside the family's own requests: these
# must not write the session (a late answer would put back an older one), and hold nothing of theirs.
SCREEN_FILES = frozenset({"kiosk.static", "kiosk.service_worker", "kiosk.snapshot", "kiosk.offline_shell", "kiosk.start"})


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
        return reset_response()
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
        "shortlist": listed_ids(),
        "results_url": results_url,
        "idle_seconds": current_app.config["KIOSK_IDLE_SECONDS"],
        "countdown_seconds": current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "countdown_number": Markup('<span class="countdown" id="idle-seconds">%d</span>') % current_app.config["KIOSK_COUNTDOWN_SECONDS"],
        "fair": screen_device().fair if screen_device() else None,
        "MAX_LIST": MAX_LIST,
        "new_key": lambda: uuid.uuid4().hex,  # a registration's idempotency key, kept by the page
    }


def results_url() -> str:
    """The family's last results page (their filters and page), or all schools before any search."""
    last = session.get("kiosk_search")
    return url_for("kiosk.schools") + (f"?{last}" if last else "")


def screen_device():
    """The enrolled screen this request comes from (read once per request), or None."""
    if "device" not in g:
        g.device = services.device_for(request.cookies.get(DEVICE_COOKIE))
    return g.device


def fair_booths() -> dict[str, str]:
    """School id → booth label at this screen's fair."""
    return services.booth_labels(screen_device().fair_id if screen_device() else None)


def listed_cards() -> list[Card]:
    return cards(listed_ids())


def family_seed() -> int:
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


def grade_choices(labels) -> list[tuple[str, str]]:
    return [(code, labels.grade(n)) for n, code in GRADE_CODES.items()]


def need_choices(labels, chosen=()) -> list[tuple[str, str]]:
    """The needs to choose from: those some school of the catalog states it offers (and any chosen)."""
    offered = needs_offered()
    return [(need, labels.need(need)) for need in NEEDS if need in offered or need in chosen]


def reset_response():
    session.clear()
    response = redirect(url_for("kiosk.start"))
    response.delete_cookie(LIST_COOKIE, path="/kiosk")
    response.delete_cookie(SEED_COOKIE, path="/kiosk")
    return response


def listed_ids() -> list[str]:
    raw = request.cookies.get(LIST_COOKIE, "")
    return list(dict.fromkeys(i for i in raw.split(",") if i))[:MAX_LIST]


def local_next(default: str) -> str:
    """Where a form sends the family back to: a kiosk page of this site, never elsewhere."""
    target = request.form.get("next", "")
    return target if target.startswith("/kiosk/") and not target.startswith("//") and "\\" not in target else default


def device_key() -> str:
    """Rate limits count per screen (by a digest of its token, never the token) or per address."""
    token = request.cookies.get(DEVICE_COOKIE)
    return hashlib.sha256(token.encode()).hexdigest()[:16] if token else request.remote_addr or "unknown"


# --- the screen's own controls ---------------------------------------------------------------


@kiosk.get("/")
def start():
    """Languages, each named in its own language and script."""
    return render_template("kiosk/start.html", languages=language_names())


@kiosk.get("/reset")
def reset():
    """The idle reset (and the "start over" button): forget everything of this family."""
    return reset_response()


@kiosk.get("/still-here")
def still_here():
    """The screen saying the family is still using it (the server's idle clock moves on)."""
    return "", 204


@kiosk.post("/<locale>/text-size")
def text_size():
    session["kiosk_large_text"] = not session.get("kiosk_large_text", False)
    return redirect(local_next(url_for("kiosk.grade")), code=303)


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
