"""Listings: find a school, edit every field (office staff publish, school staff propose), verify,
history, and the review of proposals."""

from datetime import date

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_

from catalog.csvformat import COLUMNS, MORE_NOT_STATED, NONE_STATED, Problem
from catalog.labels import current as current_labels
from catalog.queries import get_school
from catalog.services import mark_verified, publish_listing
from catalog.vocabulary import ACCESSIBILITY, ELL_PROGRAMS, N_, SCHOOL_BUS, SECTORS, SPED_PROGRAMS
from staff import dashboard, proposals
from staff.views import OFFICE_ROLES, actor, has_role, may_edit_school, page_number, roles_required, staff, visible_school_ids

# The edit form: the canonical CSV's columns (all but the id), in groups, with their labels.
FIELDSETS = [
    (L_("The school"), ["name", "sector", "operator", "school_type", "grades", "enrollment", "seats_available", "application_deadline"]),
    (L_("Where it is"), ["address", "city", "state", "zip", "lat", "lon"]),
    (L_("How to reach it"), ["phone", "website", "email"]),
    (L_("Services"), ["sped_programs", "ell_programs", "world_languages", "accessibility"]),
    (L_("Getting there"), ["school_bus", "school_bus_notes", "transit_bus", "transit_rail"]),
    (L_("About the school"), ["summary", "how_to_apply", "rating", "rating_source", "verified_on"]),
]
LABELS = {
    "name": L_("Name"),
    "sector": L_("Sector"),
    "operator": L_("Operator"),
    "school_type": L_("Type of school"),
    "grades": L_("Grades"),
    "enrollment": L_("Students enrolled"),
    "seats_available": L_("Seats available"),
    "application_deadline": L_("Application deadline"),
    "address": L_("Street address"),
    "city": L_("City"),
    "state": L_("State"),
    "zip": L_("ZIP code"),
    "lat": L_("Latitude"),
    "lon": L_("Longitude"),
    "phone": L_("Phone"),
    "website": L_("Website"),
    "email": L_("Email"),
    "sped_programs": L_("Special-education programs"),
    "ell_programs": L_("English-learner programs"),
    "world_languages": L_("World languages taught"),
    "accessibility": L_("Wheelchair access"),
    "school_bus": L_("School bus"),
    "school_bus_notes": L_("School bus notes"),
    "transit_bus": L_("Bus routes nearby"),
    "transit_rail": L_("Train lines nearby"),
    "summary": L_("Summary (English)"),
    "how_to_apply": L_("How to apply (English)"),
    "rating": L_("Rating"),
    "rating_source": L_("Source of the rating"),
    "verified_on": L_("Verified on"),
    "id": L_("School id"),
}
HINTS = {
    "grades": L_("Like PK,K-8 or 9-12."),
    "ell_programs": L_("Codes separated by “;”; a program taught in a language names it: esl;dual_language:es"),
    "world_languages": L_("Two-letter language codes separated by “;”: fr;zh"),
    "lat": L_("Leave latitude and longitude empty to use the centre of the ZIP code."),
    "application_deadline": L_("A date like 2026-03-01."),
    "verified_on": L_("A date like 2026-03-01."),
}
# A program list's two words beside its codes: a stated none, and a list that may not be whole.
LIST_WORDS_HINT = L_("End the list with “more” when the school may have others; “none” alone states it has none.")
SPED_CHOICES = {
    **SPED_PROGRAMS,
    MORE_NOT_STATED: N_("Perhaps others: the list may not be whole"),
    NONE_STATED: N_("None, as the school states"),
}
LONG_TEXT = frozenset({"school_bus_notes", "transit_bus", "transit_rail", "summary", "how_to_apply"})
FIELD_NAMES = tuple(c for c in COLUMNS if c != "id")


def field_choices(column: str):
    """The allowed values of a choice column, labelled in the reader's language (None for free text)."""
    labels = current_labels()
    vocabularies = {"sector": SECTORS, "accessibility": ACCESSIBILITY, "school_bus": SCHOOL_BUS, "sped_programs": SPED_CHOICES}
    if column not in vocabularies:
        return None
    return [(code, labels.gettext(label)) for code, label in vocabularies[column].items()]


def posted_row(current: dict) -> dict:
    """The listing as the form sends it: each posted column over the current value (absent ones kept)."""
    row = dict(current)
    for column in FIELD_NAMES:
        if column == "sped_programs" and column in request.form:
            row[column] = ";".join(v for v in request.form.getlist(column) if v)
        elif column in request.form:
            row[column] = request.form[column]
    return row


def _school_or_404(school_id: str):
    school = get_school(school_id)
    if school is None:
        abort(404)
    return school


def _check_access(school_id: str) -> None:
    if not may_edit_school(school_id):
        abort(403)


def _tampered_id(school_id: str) -> bool:
    """A form that names another school than its address does."""
    posted = request.form.get("id")
    return posted is not None and posted != school_id


def _form(school, row: dict, problems=(), status: int = 200, creating: bool = False):
    labels = current_labels()
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(problem.column or "name", []).append(labels.problem(problem))
    return (
        render_template(
            "staff/edit.html",
            school=school,
            row=row,
            errors=errors,
            fieldsets=FIELDSETS,
            labels=LABELS,
            hints=HINTS,
            long_text=LONG_TEXT,
            choices=field_choices,
            ell_codes=", ".join(ELL_PROGRAMS),
            list_words_hint=LIST_WORDS_HINT,
            creating=creating,
            publishes=has_role(*OFFICE_ROLES),
        ),
        status,
    )


@staff.get("/schools")
@roles_required(*OFFICE_ROLES, "school_rep", "translator")
def schools():
    """The listings this account works on, searchable by name."""
    query = request.args.get("q", "")[:200]
    found = dashboard.schools(visible_school_ids(), query, page_number())
    return render_template("staff/schools.html", found=found, q=query, unverified=False)


@staff.get("/schools/unverified")
@roles_required(*OFFICE_ROLES, "school_rep")
def unverified():
    """Listings nobody has verified within the configured age (never-verified first)."""
    raw = request.args.get("days", "")
    days = int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else current_app.config["STAFF_VERIFY_MAX_DAYS"]
    found = dashboard.schools(visible_school_ids(), "", page_number(), max_days=days)
    return render_template("staff/schools.html", found=found, q="", unverified=True, days=days)


@staff.route("/schools/<school_id>/edit", methods=["GET", "POST"])
@roles_required(*OFFICE_ROLES, "school_rep")
def edit_school(school_id: str):
    """Edit a listing: office staff publish at once; a school's own staff propose the change."""
    _check_access(school_id)
    school = _school_or_404(school_id)
    current = proposals.current_row(school_id)
    if request.method == "GET":
        return _form(school, current)
    if _tampered_id(school_id):
        abort(403)
    row = posted_row(current)
    if has_role(*OFFICE_ROLES):
        diff, problems = publish_listing(school_id, row, actor())
        if any(not p.is_warning for p in problems):
            return _form(school, row, problems, 400)
        return redirect(url_for("staff.school_history", school_id=school_id, done="published" if diff else "unchanged"))
    proposal, problems = proposals.propose(school_id, row, actor())
    if any(not p.is_warning for p in problems):
        return _form(school, row, problems, 400)
    return redirect(url_for("staff.school_history", school_id=school_id, done="proposed" if proposal else "unchanged"))


@staff.route("/schools/new", methods=["GET", "POST"])
@roles_required(*OFFICE_ROLES)
def new_school():
    """Add a school that no imported file has."""
    if request.method == "GET":
        return _form(None, {column: "" for column in COLUMNS}, creating=True)
    school_id = request.form.get("id", "").strip()
    row = posted_row({column: "" for column in COLUMNS})
    if school_id and get_school(school_id) is not None:
        return _form(None, {**row, "id": school_id}, [_taken(school_id)], 400, creating=True)
    _diff, problems = publish_listing(school_id, row, actor())
    if any(not p.is_warning for p in problems):
        return _form(None, {**row, "id": school_id}, problems, 400, creating=True)
    return redirect(url_for("staff.school_history", school_id=school_id, done="published"))


def _taken(school_id: str) -> Problem:
    return Problem(1, "id", N_("A school with the id “%(id)s” already exists."), {"id": school_id})


@staff.post("/schools/<school_id>/verify")
@roles_required(*OFFICE_ROLES, "school_rep")
def verify_school(school_id: str):
    """Say the whole listing was checked today (a school's own staff propose it)."""
    _check_access(school_id)
    _school_or_404(school_id)
    today = date.today()
    if has_role(*OFFICE_ROLES):
        mark_verified(school_id, today, actor())
        done = "verified"
    else:
        row = proposals.current_row(school_id)
        proposal, _problems = proposals.propose(school_id, {**row, "verified_on": today.isoformat()}, actor())
        done = "proposed" if proposal else "unchanged"
    return redirect(url_for("staff.school_history", school_id=school_id, done=done))


@staff.get("/schools/<school_id>")
@roles_required(*OFFICE_ROLES, "school_rep")
def school_history(school_id: str):
    """A listing's history: every published change, and the proposals made for it."""
    _check_access(school_id)
    school = _school_or_404(school_id)
    return render_template(
        "staff/history.html",
        school=school,
        changes=dashboard.history(school_id),
        proposals=proposals.for_school(school_id),
        labels=LABELS,
        done=request.args.get("done", ""),
    )


@staff.get("/proposals")
@roles_required(*OFFICE_ROLES, "school_rep")
def proposal_list():
    return render_template("staff/proposals.html", proposals=proposals.pending(visible_school_ids()), labels=LABELS)


@staff.get("/proposals/<int:proposal_id>")
@roles_required(*OFFICE_ROLES)
def proposal_review(proposal_id: int):
    proposal = proposals.get(proposal_id)
    if proposal is None:
        abort(404)
    return render_template("staff/proposal.html", proposal=proposal, conflicts=proposals.conflicts(proposal), labels=LABELS)


@staff.post("/proposals/<int:proposal_id>/decide")
@roles_required(*OFFICE_ROLES)
def decide_proposal(proposal_id: int):
    """Approve (publish) or reject a proposal, with a comment for the school."""
    decision, comment = request.form.get("decision"), request.form.get("comment", "")[:2000]
    if decision not in ("approve", "reject"):
        abort(400)
    try:
        if decision == "reject":
            proposals.reject(proposal_id, actor(), comment)
        else:
            _diff, problems = proposals.approve(proposal_id, actor(), comment)
            if any(not p.is_warning for p in problems):
                labels = current_labels()
                proposal = proposals.get(proposal_id)
                errors = [labels.problem(p) for p in problems if not p.is_warning]
                return render_template(
                    "staff/proposal.html", proposal=proposal, conflicts=proposals.conflicts(proposal), labels=LABELS, errors=errors
                ), 400
    except proposals.ProposalError:
        abort(409, _("This proposal was already decided."))
    return redirect(url_for("staff.proposal_list", done=decision))
