"""The Procfile, run by honcho as an operator would: the web process answers and the worker sends
the texts the web side queues."""

import os
import signal
import subprocess
import tempfile
import time
from datetime import UTC, datetime

import requests
from sqlalchemy import select

from app import create_app
from app.db import unit_of_work
from app.extensions import db
from sms.jobs import enqueue_delivery
from sms.models import Message
from tests.conftest import ROOT, _free_port


def _wait_for(check, seconds: float, what: str, log) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    log.seek(0)
    raise AssertionError(f"{what} within {seconds} s; honcho said:\n{log.read()[-3000:]}")


def test_honcho_runs_the_web_and_the_worker_of_the_procfile(database_url, redis_url):
    processes = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines() if line.strip())
    assert set(processes) == {"web", "worker", "clock"}
    port = _free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "REDIS_URL"))}
    environment.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        SECRET_KEY="a-test-secret-key-long-enough-for-production-0123",
        PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",  # gunicorn, flask and rq as installed
    )
    honcho = ROOT / ".venv" / "bin" / "honcho"
    log = tempfile.TemporaryFile(mode="w+")
    command = [str(honcho) if honcho.exists() else "honcho", "start", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:

        def ready() -> bool:
            try:
                return requests.get(f"http://127.0.0.1:{port}/readyz", timeout=30).status_code == 200
            except requests.RequestException:  # not listening yet, or still importing the app
                return False

        _wait_for(ready, 90, "web answered /readyz", log)

        # a text written by the web side (here, as a request would) is taken off Redis by the worker
        app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "REDIS_URL": redis_url})
        with app.app_context():
            with unit_of_work():
                message = Message(direction="out", phone="+17735550100", body="hi", status="pending", created_at=datetime.now(UTC))
                db.session.add(message)
                db.session.flush()
                message_id = message.id
            enqueue_delivery(message_id)

            def sent() -> bool:
                db.session.remove()
                return db.session.scalar(select(Message.status).where(Message.id == message_id)) not in ("pending", "submitting")

            _wait_for(sent, 60, "the worker took the queued text", log)
            # the worker has no Twilio account here: it says so on the text rather than sending it
            assert db.session.scalar(select(Message.status).where(Message.id == message_id)) == "not_configured"
            db.engine.dispose()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        log.seek(0)
        said = log.read()
        log.close()
    assert "web.1" in said and "worker.1" in said
