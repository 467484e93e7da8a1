"""An upload's check (dry run) and import as jobs, off the request: on a worker when Redis is there
and the file is large, else right after the request's commit. While one runs, the upload names it
(`working`), the job reports the rows it has read in its RQ meta, and the page follows both; the
report it ends with is kept on the upload (`staff.imports.keep_report`).

A large import takes one worker for about as long as `flask catalog import` takes for the same
file (about a minute for 100,000 rows): texts queued meanwhile go to the other workers.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from redis import RedisError
from rq import get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import or_, update

from app.db import unit_of_work
from app.extensions import db
from sms.jobs import in_app, text_queue
from staff import imports
from staff.models import ImportUpload, StaffUser

log = logging.getLogger(__name__)

KINDS = ("check", "import")
INLINE_ROWS = 2_000  # a file this small is checked and imported within its request: nothing to wait on
PROGRESS_EVERY = 500  # rows read between two progress reports
JOB_TIMEOUT = timedelta(hours=1)  # a job still named after this long was cut off (its process stopped)
QUEUE_AWAY = "queue"  # job_error: the job could not be queued (Redis away)


@dataclass(frozen=True)
class Progress:
    """A job an upload waits for, as its page shows it."""

    kind: str  # "check" | "import"
    rows: int  # rows read so far
    estimate: int  # lines in the schools file
    stopped: bool  # no longer queued or running, without a report: its worker stopped; it can be started again


def claim(upload: ImportUpload, kind: str, now: datetime) -> bool:
    """Name `kind` as the job the upload waits for; False when a job already runs (or, for an
    import, the upload was imported). A job that stopped without a report is claimed over."""
    free = ImportUpload.working.is_(None)
    waiting_for = progress(upload, now)
    if waiting_for is not None and waiting_for.stopped:
        free = or_(free, ImportUpload.working == upload.working)
    statement = update(ImportUpload).where(ImportUpload.id == upload.id, free)
    if kind == "import":
        statement = statement.where(ImportUpload.applied_at.is_(None))
    claimed = db.session.execute(
        statement.values(working=kind, working_since=now, job_error=None).execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        return False
    db.session.refresh(upload)
    return True


def job_id(upload_id: int, kind: str) -> str:
    return f"import-{upload_id}-{kind}"


def start(upload_id: int, kind: str, user_id: int, partial: bool = False) -> None:
    """Run the job claimed for the upload: enqueue it for a worker, or, without Redis or for a
    small file, run it here. Call it once the claim is committed (`after_commit`)."""
    upload = db.session.get(ImportUpload, upload_id)
    queue = text_queue()
    if queue is None or upload.rows_estimate <= INLINE_ROWS:
        run_upload_job(upload_id, kind, user_id, partial)
        return
    try:
        queue.enqueue(
            run_upload_job,
            upload_id,
            kind,
            user_id,
            partial,
            job_id=job_id(upload_id, kind),
            job_timeout=int(JOB_TIMEOUT.total_seconds()),
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )
    except (RedisError, OSError) as error:
        log.warning("upload %s: the %s job was not queued, Redis unavailable: %s", upload_id, kind, type(error).__name__)
        with unit_of_work():
            _release(upload_id, QUEUE_AWAY)


def run_upload_job(upload_id: int, kind: str, user_id: int, partial: bool) -> str:
    """The job: check or import the upload, keep its report, and free the upload; says how it ended."""
    return in_app(lambda: _run(upload_id, kind, user_id, partial))


def _run(upload_id: int, kind: str, user_id: int, partial: bool) -> str:
    try:
        with unit_of_work():
            upload = db.session.get(ImportUpload, upload_id)
            if upload is None or upload.working != kind:
                return "not waited for"  # removed, or claimed over after this job was thought stopped
            on_row = _reporter()
            if kind == "check":
                checked = imports.dry_run(upload, on_row)
            else:
                user = db.session.get(StaffUser, user_id)
                if user is None:
                    raise LookupError(f"staff account {user_id} is gone")
                checked = imports.apply_upload(upload, user, partial, on_row)
            imports.keep_report(upload, checked, kind, datetime.now(UTC))
            upload.working = upload.working_since = None
        return "imported" if checked.report.applied else "reported"
    except imports.AlreadyApplied:
        with unit_of_work():
            _release(upload_id, None)
        return "already imported"
    except Exception:
        log.exception("upload %s: the %s job stopped", upload_id, kind)
        with unit_of_work():
            _release(upload_id, kind)
        raise


def _release(upload_id: int, error: str | None) -> None:
    upload = db.session.get(ImportUpload, upload_id)
    if upload is not None:
        upload.working = upload.working_since = None
        upload.job_error = error


def _reporter():
    """Return the import's on_row: every PROGRESS_EVERY rows, the count into the job's meta."""
    job = get_current_job()
    if job is None:
        return None
    read = 0

    def on_row() -> None:
        nonlocal read
        read += 1
        if read % PROGRESS_EVERY == 0:
            job.meta["rows"] = read
            try:
                job.save_meta()
            except (RedisError, OSError):
                pass  # the progress shown waits; the import goes on

    return on_row


def progress(upload: ImportUpload, now: datetime) -> Progress | None:
    """The job the upload waits for, how far it got, and whether it stopped; None when none."""
    if upload.working is None:
        return None
    since = upload.working_since or now
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    rows, stopped = 0, now - since > JOB_TIMEOUT
    queue = text_queue() if upload.rows_estimate > INLINE_ROWS else None
    if queue is not None and not stopped:
        try:
            job = Job.fetch(job_id(upload.id, upload.working), connection=queue.connection)
            rows = job.meta.get("rows", 0)
            stopped = job.get_status() in (JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED)
        except NoSuchJobError:
            stopped = True
        except (RedisError, OSError):
            pass  # Redis away: the job waits for it
    return Progress(upload.working, rows, upload.rows_estimate, stopped)
