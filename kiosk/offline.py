"""Browsing without a network: the service worker, the fair's snapshot and the offline page's texts."""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from flask import current_app, g, render_template
from flask_babel import gettext

from app.extensions import cache
from app.i18n import LOCALES, language_names
from catalog.labels import ANOTHER_STATE
from catalog.labels import current as current_labels
from catalog.queries import catalog_revision
from catalog.vocabulary import N_
from kiosk import services
from kiosk.screen import fair_booths, kiosk, screen_device
from kiosk.snapshot import build_snapshot


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
    fair_id = screen_device().fair_id if screen_device() else None
    booths = fair_booths()  # a booth moved or added changes the copy (its labels, the fair's middle) as a catalog change does
    booths_digest = hashlib.blake2b(json.dumps(sorted(booths.items())).encode(), digest_size=6).hexdigest()
    # the screen's own files' digest too: a new offline.js never gets a copy in an older format
    key = f"kiosk-snapshot:{revision}:{g.locale}:{fair_id}:{booths_digest}:{_shell_version()}"
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
    "booth_row": N_("Booth at this fair"),
    "none_match": N_("No school matches all of that. Try fewer needs, a wider distance, or another grade."),
    "my_list": N_("My list"),
    "empty_list": N_("Your list is empty. Add up to %(count)d schools from the results."),
    "compare": N_("Compare schools"),
    "compare_side": N_("Compare side by side"),
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
    "another_state": ANOTHER_STATE,
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
