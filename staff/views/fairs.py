"""Fairs: booths, kiosk screens, the registrations made there and their numbers, and follow-up texts."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_interval
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import format_datetime, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_

from app.db import after_commit
from app.i18n import own_name
from catalog.labels import current as current_labels
from kiosk import services as kiosk_services
from kiosk.follow_ups import MAX_FOLLOW_UP, MAX_SCHEDULE_AHEAD, FollowUpError
from kiosk.models import Fair
from sms.campaigns import start_sending
from staff import fairs
from staff.views import DELIVERY_LABELS, OFFICE_ROLES, actor, page_number, roles_required, staff

# What the fair page says after a change (`?done=…`).
DONE = {
    "created": L_("Fair added. Now give schools their booths and set up the kiosk screens."),
    "booth_added": L_("Booth added."),
    "booth_moved": L_("Booth label changed."),
    "booth_removed": L_("Booth removed."),
    "device_revoked": L_("Screen revoked: it can no longer register families."),
    "follow_up": L_("Follow-up queued. The texts go out a few a second; this page shows how they are delivered."),
    "follow_up_scheduled": L_("Follow-up scheduled. It goes out at the time shown below; until then you can cancel it."),
    "follow_up_cancelled": L_("Scheduled follow-up cancelled: no family gets it."),
}
RECIPIENT_LABELS = {
    "pending": L_("Waiting to be sent"),
    "sending": L_("Sending"),
    "sent": L_("Sent"),
    "opted_out": L_("Opted out, not texted"),
    "failed": L_("Could not be sent"),
    "cancelled": L_("Cancelled, not texted"),
}


def time_zone() -> ZoneInfo:
    """The zone a follow-up's send time is typed and shown in: the app's (BABEL_DEFAULT_TIMEZONE,
    which every staff page's times are shown in), else UTC."""
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "UTC")


def fair_dates(fair: Fair) -> str:
    return format_interval(fair.starts_on, fair.ends_on, skeleton="yMMMd", locale=get_locale())


def _say(problem) -> str:
    """Translate a refusal, then fill in its values (dates in the reader's format)."""
    params = {key: format_datetime(value, "short") if isinstance(value, datetime) else value for key, value in problem.params.items()}
    return _(problem.message, **params)


def _fair_or_404(fair_id: int) -> Fair:
    fair = fairs.get_fair(fair_id)
    if fair is None:
        abort(404)
    return fair


def _fair_page(fair: Fair, status: int = 200, errors: dict | None = None, **extra):
    now = datetime.now(UTC)
    return (
        render_template(
            "staff/fair.html",
            fair=fair,
            dates=fair_dates,
            booths=fairs.booths_of(fair),
            devices=fairs.devices_of(fair),
            follow_ups=kiosk_services.follow_ups_of(fair, now),
            reachable=kiosk_services.reachable(fair),
            errors=errors or {},
            form=request.form,
            done=DONE.get(request.args.get("done", "")),
            recipient_labels=RECIPIENT_LABELS,
            delivery_labels=DELIVERY_LABELS,
            max_label=fairs.MAX_LABEL,
            max_device_name=fairs.MAX_DEVICE_NAME,
            max_follow_up=MAX_FOLLOW_UP,
            time_zone=time_zone().key,
            max_days_ahead=MAX_SCHEDULE_AHEAD.days,
            **extra,
        ),
        status,
    )


def _to_fair(fair: Fair, done: str, anchor: str):
    return redirect(url_for("staff.fair", fair_id=fair.id, done=done, _anchor=anchor))


def _fair_list(status: int = 200, errors: dict | None = None):
    return render_template("staff/fairs.html", rows=fairs.fair_rows(), dates=fair_dates, errors=errors or {}, form=request.form), status


@staff.get("/fairs", endpoint="fairs")
@roles_required(*OFFICE_ROLES)
def fair_list():
    """Every fair with its booths, screens and registrations counted, and a form to add one."""
    return _fair_list()


@staff.post("/fairs")
@roles_required(*OFFICE_ROLES)
def create_fair():
    values, problems = fairs.read_fair(request.form)
    if problems:
        return _fair_list(400, {problem.field: _say(problem) for problem in problems})
    fair = fairs.create_fair(values)
    return _to_fair(fair, "created", "booths")


@staff.get("/fairs/<int:fair_id>")
@roles_required(*OFFICE_ROLES)
def fair(fair_id: int):
    """One fair: its booths, its kiosk screens and its follow-up texts."""
    return _fair_page(_fair_or_404(fair_id))


@staff.post("/fairs/<int:fair_id>/booths")
@roles_required(*OFFICE_ROLES)
def add_booth(fair_id: int):
    fair = _fair_or_404(fair_id)
    try:
        fairs.add_booth(fair, request.form.get("school_id", ""), request.form.get("label", ""))
    except fairs.FairError as error:
        return _fair_page(fair, 400, {error.problem.field: _say(error.problem)})
    return _to_fair(fair, "booth_added", "booths")


def _booth_or_404(fair: Fair, booth_id: int):
    booth = fairs.booth_of(fair, booth_id)
    if booth is None:
        abort(404)
    return booth


@staff.post("/fairs/<int:fair_id>/booths/<int:booth_id>")
@roles_required(*OFFICE_ROLES)
def relabel_booth(fair_id: int, booth_id: int):
    """Change the label of a school's booth (the school moved to another table)."""
    fair = _fair_or_404(fair_id)
    booth = _booth_or_404(fair, booth_id)
    try:
        fairs.relabel_booth(booth, request.form.get("label", ""))
    except fairs.FairError as error:
        return _fair_page(fair, 400, {f"booth-{booth_id}": _say(error.problem)})
    return _to_fair(fair, "booth_moved", "booths")


@staff.post("/fairs/<int:fair_id>/booths/<int:booth_id>/remove")
@roles_required(*OFFICE_ROLES)
def remove_booth(fair_id: int, booth_id: int):
    fair = _fair_or_404(fair_id)
    fairs.remove_booth(_booth_or_404(fair, booth_id))
    return _to_fair(fair, "booth_removed", "booths")


def _enrollment_link(code: str) -> str:
    """The link to open once on the screen: under PUBLIC_BASE_URL when the site sits behind a proxy."""
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    return base + url_for("kiosk.enroll", code=code) if base else url_for("kiosk.enroll", code=code, _external=True)


@staff.post("/fairs/<int:fair_id>/devices")
@roles_required(*OFFICE_ROLES)
def add_device(fair_id: int):
    """Create a kiosk screen and show its enrollment link on this response only (it is stored as a hash)."""
    fair = _fair_or_404(fair_id)
    try:
        device, code = fairs.add_device(fair, request.form.get("device_name", ""))
    except fairs.FairError as error:
        return _fair_page(fair, 400, {error.problem.field: _say(error.problem)})
    return _fair_page(fair, new_device=device, enrollment_link=_enrollment_link(code))


@staff.post("/fairs/<int:fair_id>/devices/<int:device_id>/revoke")
@roles_required(*OFFICE_ROLES)
def revoke_device(fair_id: int, device_id: int):
    """Stop a lost or stolen screen from registering families."""
    fair = _fair_or_404(fair_id)
    device = fairs.device_of(fair, device_id)
    if device is None:
        abort(404)
    fairs.revoke_device(device)
    return _to_fair(fair, "device_revoked", "screens")


def _described(registrations) -> list[dict]:
    """Registrations with their language, grades, schools and needs in words."""
    labels = current_labels()
    names = fairs.school_names(school_id for registration in registrations for school_id in registration.school_ids)
    return [
        {
            "registration": registration,
            "language": own_name(registration.locale),
            "grades": [labels.grade(grade) for grade in sorted(registration.grades)],
            "schools": [names.get(school_id, school_id) for school_id in registration.school_ids],
            "needs": [labels.need(need) for need in registration.needs],
        }
        for registration in registrations
    ]


@staff.get("/fairs/<int:fair_id>/registrations")
@roles_required(*OFFICE_ROLES)
def fair_registrations(fair_id: int):
    """The families who registered at the fair, newest first."""
    fair = _fair_or_404(fair_id)
    found = fairs.registrations_page(fair, page_number())
    return render_template("staff/fair_registrations.html", fair=fair, dates=fair_dates, found=found, rows=_described(found.items))


@staff.get("/fairs/<int:fair_id>/registrations.csv")
@roles_required(*OFFICE_ROLES)
def fair_registrations_csv(fair_id: int):
    """Every registration of the fair as a spreadsheet file."""
    fair = _fair_or_404(fair_id)
    header = [
        _("Registered (UTC)"),
        _("Parent's name"),
        _("Phone"),
        _("Language"),
        _("Grades"),
        _("Schools of interest"),
        _("Needs"),
        _("Agreed to texts"),
    ]
    rows = [
        [
            row["registration"].created_at.strftime("%Y-%m-%d %H:%M"),
            row["registration"].parent_name,
            row["registration"].phone,
            row["language"],
            "; ".join(row["grades"]),
            "; ".join(row["schools"]),
            "; ".join(row["needs"]),
            _("Yes") if row["registration"].consent_texts else _("No"),
        ]
        for row in _described(fairs.all_registrations(fair))
    ]
    # The byte-order mark makes spreadsheet programs read names in every script as UTF-8.
    response = current_app.response_class("\ufeff" + fairs.to_csv(header, rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="fair-{fair.id}-registrations.csv"'
    return response


def _ranked(counts) -> list[tuple[str, int]]:
    return sorted(counts, key=lambda pair: (-pair[1], pair[0]))


@staff.get("/fairs/<int:fair_id>/numbers")
@roles_required(*OFFICE_ROLES)
def fair_numbers(fair_id: int):
    """How many families registered, by language, grade, need and school: counts only, nobody's details."""
    fair = _fair_or_404(fair_id)
    counted, labels = fairs.numbers(fair), current_labels()
    names = fairs.school_names(counted.schools)
    return render_template(
        "staff/fair_numbers.html",
        fair=fair,
        dates=fair_dates,
        counted=counted,
        languages=_ranked((own_name(code), count) for code, count in counted.locales.items()),
        grades=[(labels.grade(grade), counted.grades[grade]) for grade in sorted(counted.grades)],
        needs=_ranked((labels.need(need), count) for need, count in counted.needs.items()),
        schools=_ranked((names.get(school_id, school_id), count) for school_id, count in counted.schools.items()),
    )


@staff.post("/fairs/<int:fair_id>/follow-ups")
@roles_required(*OFFICE_ROLES)
def create_follow_up(fair_id: int):
    """Queue a text to the families of the fair who agreed to texts, now or at the "Send at" time:
    the worker sends it, paced, once its time has come (sms.campaigns; without Redis, `flask sms
    send-campaigns` does)."""
    fair = _fair_or_404(fair_id)
    send_at, problem = fairs.read_send_at(request.form.get("send_at", ""), time_zone())
    if problem:
        return _fair_page(fair, 400, {problem.field: _say(problem)})
    now = datetime.now(UTC)
    try:
        campaign = kiosk_services.start_follow_up(fair, request.form.get("body", ""), actor(), now, send_at=send_at)
    except FollowUpError as error:
        return _fair_page(fair, 400, {error.problem.field: _say(error.problem)})
    if campaign.send_at > now:
        return _to_fair(fair, "follow_up_scheduled", "follow-ups")  # the clock starts it once its time comes
    after_commit(start_sending)
    return _to_fair(fair, "follow_up", "follow-ups")


@staff.post("/fairs/<int:fair_id>/follow-ups/<int:campaign_id>/cancel")
@roles_required(*OFFICE_ROLES)
def cancel_follow_up(fair_id: int, campaign_id: int):
    """Cancel a follow-up scheduled for later, before its time comes."""
    fair = _fair_or_404(fair_id)
    try:
        found = kiosk_services.cancel_follow_up(fair, campaign_id, actor(), datetime.now(UTC))
    except FollowUpError as error:
        return _fair_page(fair, 400, {f"cancel-{campaign_id}": _say(error.problem)})
    if not found:
        abort(404)
    return _to_fair(fair, "follow_up_cancelled", "follow-ups")
