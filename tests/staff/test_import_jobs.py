"""A large upload is checked and imported by an RQ worker on a real Redis, not in the request: the
report page follows the job (rows read, refreshing itself), then shows the same report as a small
upload's. A job whose worker stopped, a queue that does not answer and a job that fails each say
so and can be started again, with nothing half-imported."""

import re

import pytest
from rq.job import Job
from sqlalchemy import select

from app.extensions import db
from sms.jobs import text_queue
from staff import import_jobs, imports
from staff.models import ImportUpload
from tests.staff.conftest import post
from tests.staff.test_import import applied, canonical_file, counts, school_field, uploaded
from tests.workers import work_burst

DRY_RUN_COUNTS = {"Rows read": 4, "New schools": 2, "Changed schools": 1, "Unchanged schools": 0, "Rejected rows": 1}


@pytest.fixture
def queued(app, redis_url, monkeypatch):
    """Jobs through Redis for every upload of more than two rows (the canonical test file has four)."""
    app.config["REDIS_URL"] = redis_url
    monkeypatch.setattr(import_jobs, "INLINE_ROWS", 2)
    monkeypatch.setattr(import_jobs, "PROGRESS_EVERY", 1)
    return app


def work(app) -> None:
    with app.app_context():
        work_burst(text_queue())


def job(app, report: str, kind: str) -> Job:
    with app.app_context():
        return Job.fetch(import_jobs.job_id(int(report.rsplit("/", 1)[1]), kind), connection=text_queue().connection)


def upload_row(app, report: str) -> ImportUpload:
    with app.app_context():
        upload = db.session.get(ImportUpload, int(report.rsplit("/", 1)[1]))
        db.session.expunge(upload)
        return upload


def test_a_large_upload_is_checked_then_imported_by_the_worker_while_the_page_follows(queued, as_role):
    app, editor = queued, as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    waiting = editor.get(report).get_data(as_text=True)
    assert "Checking the file." in waiting and '<meta http-equiv="refresh" content="2">' in waiting
    assert '<progress max="4" value="0">' in waiting and "0 rows read of about 4." in waiting
    assert counts(waiting) == {} and "staff.import_apply" not in waiting and "/apply" not in waiting

    started = job(app, report, "check")  # the worker has read two rows so far
    started.meta["rows"] = 2
    started.save_meta()
    assert "2 rows read of about 4." in editor.get(report).get_data(as_text=True)

    work(app)
    checked = editor.get(report).get_data(as_text=True)
    assert counts(checked) == DRY_RUN_COUNTS and "http-equiv" not in checked
    assert "Nothing has been imported yet" in checked and f'action="{report}/apply"' in checked
    assert job(app, report, "check").meta["rows"] == 4  # the job reported every row it read

    assert post(editor, f"{report}/apply", {"partial": "1"}).status_code == 302
    importing = editor.get(report).get_data(as_text=True)
    assert "Importing the file." in importing and school_field(app, "t-new", "name") is None
    again = post(editor, f"{report}/apply", {"partial": "1"})
    assert again.status_code == 409 and "This upload is being checked or imported already." in again.get_data(as_text=True)
    assert post(editor, f"{report}/check").status_code == 409

    work(app)
    done = editor.get(report).get_data(as_text=True)
    assert "Imported. Families see the changes now." in done and "This upload was imported on" in done
    assert counts(done)["New schools"] == 2 and school_field(app, "t-new", "name") == "Escuela Nueva"
    assert upload_row(app, report).working is None
    assert post(editor, f"{report}/apply", {"partial": "1"}).status_code == 409


def test_a_job_whose_worker_stopped_is_said_so_and_started_again(queued, as_role):
    app, editor = queued, as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    job(app, report, "check").delete()  # the worker and the job's record gone (Redis lost it)
    page = editor.get(report).get_data(as_text=True)
    assert "The check stopped before it finished" in page and "http-equiv" not in page
    assert f'action="{report}/check"' in page and "Check the file" in page
    assert post(editor, f"{report}/check").status_code == 302
    work(app)
    assert counts(editor.get(report).get_data(as_text=True)) == DRY_RUN_COUNTS


def test_a_queue_that_does_not_answer_is_said_and_the_upload_kept(queued, as_role, redis_server):
    app, editor = queued, as_role("editor")
    redis_server.stop()
    report = uploaded(app, editor, {"schools": canonical_file(app)})
    page = editor.get(report).get_data(as_text=True)
    assert "The work could not be started: the job queue does not answer." in page
    assert upload_row(app, report).working is None and f'action="{report}/check"' in page
    redis_server.start()
    assert post(editor, f"{report}/check").status_code == 302
    work(app)
    assert counts(editor.get(report).get_data(as_text=True)) == DRY_RUN_COUNTS


def test_an_import_that_fails_imports_nothing_and_says_so(app, as_role, monkeypatch):
    editor = as_role("editor")
    report = uploaded(app, editor, {"schools": canonical_file(app)})  # small: checked within the request

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "import_schools", broken)
    page = applied(editor, report, {"partial": "1"}).get_data(as_text=True)
    assert "The import stopped with an error. Nothing was imported" in page
    assert counts(page) == DRY_RUN_COUNTS  # the check's report stays, with the Import button to try again
    assert f'action="{report}/apply"' in page
    assert school_field(app, "t-new", "name") is None
    upload = upload_row(app, report)
    assert upload.working is None and upload.applied_at is None and upload.job_error == "import"


def test_the_kept_report_is_the_dry_runs_with_its_first_ids_and_problems(app, as_role, monkeypatch):
    monkeypatch.setattr(imports, "LIST_LIMIT", 1)
    monkeypatch.setattr(imports, "PROBLEM_LIMIT", 2)
    editor = as_role("editor")
    page = editor.get(uploaded(app, editor, {"schools": canonical_file(app)})).get_data(as_text=True)
    assert counts(page) == DRY_RUN_COUNTS
    assert len(re.findall(r"<li>[^<]+</li>", page)) == 2  # one id of the new schools, one of the changed
    assert page.count("and 1 more") == 2  # one more new school, one more problem (three kept of them, two shown)
    with app.app_context():
        kept = imports.kept_report(db.session.scalars(select(ImportUpload)).one())
    assert kept.new_count == 2 and len(kept.new) == 1 and kept.problem_count == 3 and len(kept.problems) == 2
    assert [(file, problem.line, problem.column, problem.is_warning) for file, problem in kept.problems] == [
        ("schools", 4, "grades", False),
        ("schools", 5, "zip", True),
    ]
