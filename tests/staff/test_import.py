"""Import from the browser: the same reading and import as `flask catalog import`, a dry-run report
first, then one import in the uploader's name; files that cannot be read are refused on the form."""

import io
import re
from html import unescape

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from app.db import unit_of_work
from app.extensions import db
from catalog.csvformat import COLUMNS, school_row, write_csv
from catalog.models import ListingChange, School
from catalog.queries import get_school, record_of
from staff import accounts
from staff.models import ImportUpload
from tests.conftest import FIXTURES
from tests.staff.conftest import csrf_token, post

EDITOR = "editor@office.example.org"


def canonical_file(app) -> bytes:
    """Return a canonical file: one changed school (line 2), one new (line 3), one rejected (line 4), one warned (line 5)."""
    with app.app_context():
        changed = school_row(record_of(get_school(app.config["REP_SCHOOL"])))
    changed["school_bus_notes"] = "Yellow bus from 63rd & Cottage Grove"
    new = {"id": "t-new", "name": "Escuela Nueva", "sector": "charter", "grades": "K-5", "zip": "60637", "lat": "41.78", "lon": "-87.6"}
    rejected = {"id": "t-bad", "name": "Grade Thirteen", "sector": "district", "grades": "K-13", "lat": "41.78", "lon": "-87.6"}
    warned = {"id": "t-zip", "name": "Short Zip", "sector": "district", "grades": "9-12", "zip": "2134"}
    return write_csv([changed, new, rejected, warned], COLUMNS).encode()


def upload(client, files: dict[str, bytes | tuple[bytes, str]], fmt: str = "canonical"):
    """POST the import form; `files` maps a file field to its bytes (named <field>.csv) or (bytes, name).

    The body is encoded in memory: the test client's own encoder leaves a temporary file open for big bodies.
    """
    values = {"format": fmt, "csrf_token": csrf_token(client)}
    for field, content in files.items():
        content, name = content if isinstance(content, tuple) else (content, f"{field}.csv")
        values[field] = FileStorage(io.BytesIO(content), filename=name, content_type="text/csv")
    boundary, body = encode_multipart(values)
    return client.post("/staff/import", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def uploaded(app, client, files, fmt: str = "canonical") -> str:
    """Upload files that read well; return the URL of their report."""
    response = upload(client, files, fmt)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert re.fullmatch(r"/staff/import/\d+", response.location)
    return response.location


def applied(client, report: str, values: dict | None = None):
    """POST the import of an upload; return the report page it leads to (the import ran within the request: a small file)."""
    response = post(client, f"{report}/apply", values or {})
    assert response.status_code == 302 and response.location == report, response.get_data(as_text=True)
    return client.get(report)


def counts(page: str) -> dict[str, int]:
    return {label: int(n) for label, n in re.findall(r'<th scope="row">([^<]+)</th><td class="number">(\d+)</td>', page)}


def problems(page: str) -> list[tuple[str, ...]]:
    """Return the rows of the problems table: (file, line, column, result, reason)."""
    rows = re.findall(
        r"<tr>\s*<td dir=\"ltr\">(.*?)</td>\s*<td>(\d+)</td>\s*<td dir=\"ltr\">(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", page, re.S
    )
    return [tuple(unescape(re.sub(r"<[^>]+>", "", cell)) for cell in row) for row in rows]


def uploads_stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ImportUpload))


def school_field(app, school_id: str, field: str):
    with app.app_context():
        school = db.session.get(School, school_id)
        return getattr(school, field) if school else None


def test_the_dry_run_reports_exact_counts_ids_and_reasons_and_changes_nothing(app, as_role):
    editor = as_role("editor")
    before = school_field(app, app.config["REP_SCHOOL"], "school_bus_notes")
    page = editor.get(uploaded(app, editor, {"schools": canonical_file(app)})).get_data(as_text=True)
    assert counts(page) == {"Rows read": 4, "New schools": 2, "Changed schools": 1, "Unchanged schools": 0, "Rejected rows": 1}
    assert "<li>t-new</li>" in page and "<li>t-zip</li>" in page and f"<li>{app.config['REP_SCHOOL']}</li>" in page
    assert problems(page) == [
        ("schools.csv", "4", "grades", "rejected", "“K-13” is not a grade list like PK,K-8 or 9-12."),
        ("schools.csv", "5", "zip", "warning", "ZIP code “2134” was padded to 02134."),
        ("schools.csv", "5", "lat", "warning", "No lat/lon: the centre of ZIP 02134 is used."),
    ]
    assert "Nothing has been imported yet" in page and 'name="partial"' in page
    assert school_field(app, app.config["REP_SCHOOL"], "school_bus_notes") == before
    assert school_field(app, "t-new", "name") is None


def test_the_reasons_are_in_the_reader_language(app, as_role):
    editor = as_role("editor")
    assert post(editor, "/staff/language", {"locale": "es", "next": "/staff/"}).status_code == 302
    page = editor.get(uploaded(app, editor, {"schools": canonical_file(app)})).get_data(as_text=True)
    assert "“K-13” no es una lista de grados como PK,K-8 o 9-12." in page


def test_without_partial_nothing_is_imported_with_partial_the_good_rows_are_once(app, as_role):
    editor, school_id = as_role("editor"), app.config["REP_SCHOOL"]
    before = school_field(app, school_id, "school_bus_notes")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    refused = applied(editor, report)
    assert refused.status_code == 200
    assert "Nothing was imported: fix the rejected rows, or import the good rows." in refused.get_data(as_text=True)
    assert school_field(app, school_id, "school_bus_notes") == before and school_field(app, "t-new", "name") is None

    page = applied(editor, report, {"partial": "1"}).get_data(as_text=True)
    assert "Imported." in page and 'href="/staff/schools"' in page
    assert counts(page)["Changed schools"] == 1 and counts(page)["New schools"] == 2
    assert school_field(app, school_id, "school_bus_notes") == "Yellow bus from 63rd & Cottage Grove"
    assert school_field(app, "t-new", "name") == "Escuela Nueva" and school_field(app, "t-bad", "name") is None
    with app.app_context():
        written = db.session.execute(
            select(ListingChange.school_id, ListingChange.actor, ListingChange.action).where(ListingChange.actor == EDITOR)
        )
        assert sorted(written) == sorted([(school_id, EDITOR, "imported"), ("t-new", EDITOR, "created"), ("t-zip", EDITOR, "created")])
        assert db.session.scalar(select(ImportUpload.applied_at)) is not None

    again = post(editor, f"{report}/apply", {"partial": "1"})
    assert again.status_code == 409 and "This upload was already imported." in again.get_data(as_text=True)
    assert "This upload was imported on" in editor.get(report).get_data(as_text=True)


def test_only_the_uploader_or_an_admin_sees_and_applies_an_upload(app, as_role):
    with app.app_context(), unit_of_work():
        accounts.create_user("other.editor@office.example.org", "another long pass phrase", "editor")
    editor = as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    other = app.test_client()
    post(other, "/staff/login", {"email": "other.editor@office.example.org", "password": "another long pass phrase"})
    assert other.get(report).status_code == 404
    assert post(other, f"{report}/apply", {"partial": "1"}).status_code == 404
    assert school_field(app, "t-new", "name") is None
    admin = as_role("admin")
    assert admin.get(report).status_code == 200
    assert applied(admin, report, {"partial": "1"}).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(ListingChange.actor).where(ListingChange.school_id == "t-new")) == "admin@office.example.org"


def test_a_cps_school_profile_uploads_and_imports(app, as_role):
    editor = as_role("editor")
    data = (FIXTURES / "cps_sample.csv").read_bytes()
    report = uploaded(app, editor, {"schools": (data, "cps_sample.csv")}, fmt="cps")
    page = editor.get(report).get_data(as_text=True)
    found = counts(page)
    assert found["Rows read"] == 26 and found["Rejected rows"] == 0
    assert found["New schools"] + found["Changed schools"] + found["Unchanged schools"] == 26
    assert "Imported." in applied(editor, report).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(School, "cps-610163").name == "Frederick Stock Elementary School"


def test_translations_go_with_the_canonical_file(app, as_role):
    editor = as_role("editor")
    schools = b"id,name,sector,grades,summary\nt-1,One,district,K,A small school.\n"
    texts = b"id,field,locale,text\nt-1,summary,es,Una escuela chica.\nt-1,summary,xx,Nope.\n"
    page = editor.get(uploaded(app, editor, {"schools": schools, "translations": texts})).get_data(as_text=True)
    assert counts(page)["New translations"] == 1 and counts(page)["Rejected rows"] == 1
    assert problems(page)[0][:3] == ("translations.csv", "3", "locale")


HEADER = b"id,name,sector,grades\n"


@pytest.mark.parametrize(
    ("files", "fmt", "message"),
    [
        ({}, "canonical", "Choose the file of schools to import."),
        ({"schools": b""}, "canonical", "schools.csv is empty."),
        ({"schools": "nom,secteur\n".encode("utf-16")}, "canonical", "schools.csv is not UTF-8 text"),
        ({"schools": b"id,name,grades,colour\nt-1,One,K,blue\n"}, "canonical", "schools.csv: Required column “sector” is missing."),
        ({"schools": HEADER + b"t-1,One,district,K\n"}, "cps", "schools.csv is not a CPS school profile file."),
        ({"schools": (FIXTURES / "cps_sample.csv").read_bytes()}, "canonical", "schools.csv is a file of the “cps” format"),
        ({"schools": HEADER, "directory": HEADER}, "canonical", "The “canonical” format takes one file."),
        ({"schools": (FIXTURES / "nyc_locations_sample.csv").read_bytes()}, "nyc", "The NYC format takes two files"),
        (
            {"schools": HEADER, "translations": b"id,field,locale,text\n"},
            "cps",
            "A translations file goes with a canonical catalog file only.",
        ),
        ({"schools": HEADER, "translations": b"id,text\n"}, "canonical", "translations.csv: Required column “field” is missing."),
        (
            {"schools": HEADER + b't-1,"One,district,K\n' + b"x" * 140_000 + b"\n"},
            "canonical",
            "schools.csv cannot be read as CSV near line",
        ),
        ({"schools": HEADER}, "json", "Choose the format of the file."),
    ],
)
def test_files_that_cannot_be_read_are_refused_on_the_form_and_nothing_is_kept(app, as_role, files, fmt, message):
    response = upload(as_role("editor"), files, fmt)
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and message in page, page
    assert 'enctype="multipart/form-data"' in page
    assert uploads_stored(app) == 0


def test_a_file_over_the_size_limit_is_refused(app, as_role):
    app.config["STAFF_MAX_UPLOAD_BYTES"] = 2**20
    editor = as_role("editor")
    big = HEADER + b"t-1,One,district,K\n" * 60_000  # 1.1 MB
    response = upload(editor, {"schools": (big, "big.csv")})
    assert response.status_code == 400 and "big.csv is larger than 1 MB." in unescape(response.get_data(as_text=True))
    huge = upload(editor, {"schools": big * 4})  # more than every file field together may carry
    assert huge.status_code == 413 and "each may be at most 1 MB" in huge.get_data(as_text=True)
    assert uploads_stored(app) == 0


@pytest.mark.parametrize("role", ["school_rep", "translator"])
def test_other_roles_are_refused_and_anonymous_visitors_sent_to_sign_in(app, as_role, role):
    editor = as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    client = as_role(role)
    assert client.get("/staff/import").status_code == 403
    assert upload(client, {"schools": canonical_file(app)}).status_code == 403
    assert client.get(report).status_code == 403
    assert post(client, f"{report}/apply", {"partial": "1"}).status_code == 403
    anonymous = app.test_client()
    for response in (anonymous.get("/staff/import"), anonymous.get(report), post(anonymous, f"{report}/apply")):
        assert response.status_code == 302 and response.location.startswith("/staff/login")
    assert uploads_stored(app) == 1 and school_field(app, "t-new", "name") is None


def test_every_form_needs_its_csrf_token(app, as_role):
    editor = as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    no_token = editor.post("/staff/import", data={"format": "canonical", "schools": (io.BytesIO(HEADER), "s.csv")})
    assert no_token.status_code == 400
    assert editor.post(f"{report}/apply", data={"partial": "1"}).status_code == 400
    assert uploads_stored(app) == 1 and school_field(app, "t-new", "name") is None
