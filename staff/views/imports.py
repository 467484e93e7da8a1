"""Import from the browser: upload a catalog file, read its dry-run report, then import it once.
The check and the import run as jobs (staff.import_jobs); the report page follows them."""

from datetime import UTC, datetime
from functools import partial

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as L_
from flask_login import current_user

from app.db import after_commit
from catalog.sources import FORMATS, SourceError
from staff import import_jobs, imports
from staff.views import OFFICE_ROLES, has_role, max_upload_bytes, roles_required, staff
from staff.views.errors import render_staff_error

FORMAT_LABELS = {
    "canonical": L_("Catalog CSV (SchoolBridge columns)"),
    "nyc": L_("New York City DOE: school locations and high-school directory"),
    "cps": L_("Chicago Public Schools: school profile"),
}
FILE_FIELDS = ("schools", "directory", "translations")
FORM_OVERHEAD = 64 * 1024  # the form's other fields and the multipart boundaries
REFRESH_SECONDS = 2  # how often the page of a running check or import looks again


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


def _report(upload, error: str | None = None, status: int = 200):
    return render_template(
        "staff/import_report.html",
        upload=upload,
        fmt_label=FORMAT_LABELS[upload.fmt],
        report=imports.kept_report(upload),
        progress=import_jobs.progress(upload, datetime.now(UTC)),
        refresh_seconds=REFRESH_SECONDS,
        error=error,
        list_limit=imports.LIST_LIMIT,
        problem_limit=imports.PROBLEM_LIMIT,
    ), status


def _start(upload, kind: str, partial_import: bool = False) -> bool:
    """Claim the upload for a check or an import and run it once this request commits; False when
    a job already runs (or the upload was imported)."""
    if not import_jobs.claim(upload, kind, datetime.now(UTC)):
        return False
    after_commit(partial(import_jobs.start, upload.id, kind, current_user.id, partial_import))
    return True


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
    _start(upload, "check")
    return redirect(url_for("staff.import_report", upload_id=upload.id))


@staff.get("/import/<int:upload_id>")
@roles_required(*OFFICE_ROLES)
def import_report(upload_id: int):
    """Show what importing the upload would change (counts, school ids, every rejected row and
    warning) or did change; while its check or import runs, how far it got."""
    return _report(_upload_or_404(upload_id))


@staff.post("/import/<int:upload_id>/check")
@roles_required(*OFFICE_ROLES)
def import_check(upload_id: int):
    """Check the upload again, against the catalog as it is now."""
    upload = _upload_or_404(upload_id)
    if upload.applied_at:
        return _report(upload, error=_("This upload was already imported."), status=409)
    if not _start(upload, "check"):
        return _report(upload, error=_("This upload is being checked or imported already."), status=409)
    return redirect(url_for("staff.import_report", upload_id=upload.id))


@staff.post("/import/<int:upload_id>/apply")
@roles_required(*OFFICE_ROLES)
def import_apply(upload_id: int):
    """Import the upload (only the good rows when asked to), once."""
    upload = _upload_or_404(upload_id)
    if upload.applied_at:
        return _report(upload, error=_("This upload was already imported."), status=409)
    if not _start(upload, "import", request.form.get("partial") == "1"):
        return _report(upload, error=_("This upload is being checked or imported already."), status=409)
    return redirect(url_for("staff.import_report", upload_id=upload.id))
