"""Import from the browser: upload a catalog file, read its dry-run report, then import it once."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_
from flask_login import current_user

from catalog.sources import FORMATS, SourceError
from staff import imports
from staff.views import OFFICE_ROLES, has_role, max_upload_bytes, roles_required, staff
from staff.views.errors import render_staff_error

FORMAT_LABELS = {
    "canonical": L_("Catalog CSV (SchoolBridge columns)"),
    "nyc": L_("New York City DOE: school locations and high-school directory"),
    "cps": L_("Chicago Public Schools: school profile"),
}
FILE_FIELDS = ("schools", "directory", "translations")
FORM_OVERHEAD = 64 * 1024  # the form's other fields and the multipart boundaries
LIST_LIMIT = 200  # school ids listed on the report
PROBLEM_LIMIT = 500  # rows of the problems table


@staff.before_app_request
def limit_upload_size():
    """Bound the upload before anything reads it: the CSRF check of every staff form reads the body first."""
    if request.endpoint == "staff.import_upload":
        request.max_content_length = len(FILE_FIELDS) * max_upload_bytes() + FORM_OVERHEAD


@staff.errorhandler(413)
def upload_too_large(error):
    """Show the import form again, saying how big a file may be (other pages: the staff error page)."""
    if request.endpoint != "staff.import_upload" or not has_role(*OFFICE_ROLES):
        return render_staff_error(error)
    return _form("canonical", [_("The files are too large: each may be at most %(limit)d MB.", limit=_megabytes())], 413)


def _megabytes() -> int:
    return max_upload_bytes() // 2**20


def _form(fmt: str = "canonical", errors=(), status: int = 200):
    return render_template("staff/import.html", formats=FORMAT_LABELS, fmt=fmt, errors=errors, limit=_megabytes()), status


def _uploaded(field: str) -> imports.File | None:
    """Return the (name, bytes) of a file field, None when no file was chosen; refuse one over the size limit."""
    file = request.files.get(field)
    if file is None or not file.filename:
        return None
    name = file.filename.replace("\\", "/").rsplit("/", 1)[-1][:200] or field  # some browsers send the whole path
    data = file.read(max_upload_bytes() + 1)
    if len(data) > max_upload_bytes():
        raise SourceError(_("%(path)s is larger than %(limit)d MB.", path=name, limit=_megabytes()))
    return name, data


def _upload_or_404(upload_id: int):
    upload = imports.find_upload(upload_id, current_user)
    if upload is None:
        abort(404)  # someone else's upload is not this account's to see
    return upload


def _report(upload, checked=None, applying: bool = False, error: str | None = None, status: int = 200):
    return render_template(
        "staff/import_report.html",
        upload=upload,
        fmt_label=FORMAT_LABELS[upload.fmt],
        checked=checked,
        applying=applying,
        error=error,
        list_limit=LIST_LIMIT,
        problem_limit=PROBLEM_LIMIT,
    ), status


@staff.route("/import", methods=["GET", "POST"])
@roles_required(*OFFICE_ROLES)
def import_upload():
    """Upload catalog files; they are checked (a dry run) before anything is imported."""
    if request.method == "GET":
        return _form()
    fmt = request.form.get("format", "")
    if fmt not in FORMATS:
        return _form(errors=[_("Choose the format of the file.")], status=400)
    try:
        schools, directory = _uploaded("schools"), _uploaded("directory")
        if schools is None:
            return _form(fmt, [_("Choose the file of schools to import.")], 400)
        files = [schools, directory] if directory else [schools]
        upload = imports.store_upload(current_user, fmt, files, _uploaded("translations"))
    except SourceError as error:
        return _form(fmt, error.messages, 400)
    return redirect(url_for("staff.import_report", upload_id=upload.id))


@staff.get("/import/<int:upload_id>")
@roles_required(*OFFICE_ROLES)
def import_report(upload_id: int):
    """Show what importing the upload would change: counts, school ids, and every rejected row and warning."""
    upload = _upload_or_404(upload_id)
    return _report(upload, None if upload.applied_at else imports.dry_run(upload))


@staff.post("/import/<int:upload_id>/apply")
@roles_required(*OFFICE_ROLES)
def import_apply(upload_id: int):
    """Import the upload (only the good rows when asked to), once."""
    upload = _upload_or_404(upload_id)
    try:
        checked = imports.apply_upload(upload, current_user, partial=request.form.get("partial") == "1")
    except imports.AlreadyApplied:
        return _report(upload, error=_("This upload was already imported."), status=409)
    return _report(upload, checked, applying=True)
