"""Scale-out, all on loopback: Debian's nginx (deploy/nginx.conf) balancing two gunicorn
instances on one PostgreSQL and one Redis, with one RQ text worker and the clock, and a fake
Twilio at the network edge (tests/scale_worker.py). Limits hold across instances and key on each
family's address; a staff edit on one instance is what the other answers at once; an instance
killed costs nothing; a locked database is a 503 that Twilio's retry gets answered; Redis away
leaves the site answering and the texts written meanwhile go out once it is back; a worker
killed mid-send never sends that text twice."""

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest
import requests
import urllib3
from redis import Redis
from rq import Queue, Worker
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from kiosk import services as kiosk_services
from sms.jobs import QUEUE_NAME, deliver_text
from tests.conftest import ROOT, _free_port, gunicorn, need
from tests.fakes import ACCOUNT
from tests.sms.conftest import TOKEN, sign

EDITOR, PASSWORD = "editor@scale.example.org", "a long passphrase for the scale-out test"
TWILIO = {"TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_FROM": "+13125550000"}


class Background:
    """A long-running process of the app (the text worker, the clock) that a test can kill."""

    def __init__(self, command: list[str], environment: dict):
        self.command, self.environment = command, environment
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = None

    def start(self) -> "Background":
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.environment, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        return self

    def kill(self, signal_number=signal.SIGKILL) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal_number)
            self.process.wait(timeout=30)

    def close(self) -> None:
        self.kill(signal.SIGTERM)
        self.log.close()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()[-3000:]


def _truncate(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(t.name for t in db.metadata.sorted_tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


class Nginx:
    """Debian's nginx running deploy/nginx.conf with the given upstream ports."""

    def __init__(self, upstream_ports: list[int]):
        self.binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.port = _free_port()
        self.prefix = Path(tempfile.mkdtemp(prefix="schoolbridge-nginx-"))
        self.prefix.chmod(0o755)
        upstreams = "\n        ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=30s;" for port in upstream_ports)
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        conf = conf.replace("@UPSTREAMS@", upstreams).replace("@LISTEN@", f"127.0.0.1:{self.port}").replace("@PREFIX@", str(self.prefix))
        (self.prefix / "nginx.conf").write_text(conf)
        self.process = None

    def start(self) -> str:
        config = str(self.prefix / "nginx.conf")
        self.process = subprocess.Popen(
            [self.binary, "-p", str(self.prefix), "-c", config, "-e", str(self.prefix / "error.log"), "-g", "daemon off;"],
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=5)
                return f"http://127.0.0.1:{self.port}"
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + (self.prefix / "error.log").read_text())

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster(postgres_url, redis_server):
    """nginx → two gunicorn instances (2 workers each) → PostgreSQL and Redis, with the Chicago catalog."""
    need(shutil.which("nginx") or Path("/usr/sbin/nginx").exists(), "nginx is not installed (make test installs it)")
    _truncate(postgres_url)
    if redis_server.process is None:
        redis_server.start()
    Redis.from_url(redis_server.url).flushdb()
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": postgres_url})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["catalog", "import", str(ROOT / "catalog" / "demo" / "chicago.csv")]).exit_code == 0
    assert runner.invoke(args=["staff", "create", EDITOR, "--role", "editor", "--password", PASSWORD]).exit_code == 0
    with app.app_context():
        with unit_of_work():  # a fair with a screen, for "text me this list"
            fair = kiosk_services.create_fair("Scale-out fair", date.today(), date.today() + timedelta(days=1), place="Gym")
            kiosk_services.set_booth(fair, db.session.scalar(select(School.id).order_by(School.id)), "A1")
            _device, enrollment_code = kiosk_services.add_device(fair, "Entrance")
        db.engine.dispose()
    ports = [_free_port(), _free_port()]
    nginx = Nginx(ports)
    public = f"http://127.0.0.1:{nginx.port}"
    settings = {"REDIS_URL": redis_server.url, "TRUSTED_PROXY_HOPS": "1", "PUBLIC_BASE_URL": public, "TWILIO_AUTH_TOKEN": TOKEN,
                "STAFF_LOGIN_RATE_LIMIT": "3/minute", **TWILIO}  # fmt: skip
    edge = Path(tempfile.mkdtemp(prefix="schoolbridge-twilio-"))
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "REDIS_URL"))}
    environment.update(settings, DATABASE_URL=postgres_url, TEXT_CHECK_SECONDS="1", TWILIO_AUTH_TOKEN=TOKEN,
                       FAKE_TWILIO_LOG=str(edge / "sent.jsonl"), FAKE_TWILIO_HOLD=str(edge / "hold"),
                       SECRET_KEY="a-test-secret-key-long-enough-for-production-0123",
                       PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")  # fmt: skip
    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else "python3"
    with ExitStack() as stack:
        instances = [stack.enter_context(gunicorn(postgres_url, workers=2, port=port, **settings)) for port in ports]
        stack.callback(nginx.stop)
        worker = Background([python, "-m", "tests.scale_worker"], environment)
        clock = Background(["flask", "--app", "wsgi", "clock"], environment)
        for process in (worker, clock):
            stack.callback(process.close)
            process.start()
        stack.callback(shutil.rmtree, edge, ignore_errors=True)
        _wait_for_worker(redis_server.url, worker)
        yield {"public": nginx.start(), "instances": instances, "database": postgres_url, "redis": redis_server,
               "worker": worker, "edge": edge, "enrollment_code": enrollment_code, "screen": requests.Session()}  # fmt: skip
    _truncate(postgres_url)


def client_from(address: str, base_url: str) -> urllib3.HTTPConnectionPool:
    """An HTTP client whose connections leave from `address` (a family's own, on loopback)."""
    port = int(base_url.rsplit(":", 1)[1])
    return urllib3.HTTPConnectionPool("127.0.0.1", port, source_address=(address, 0), retries=False, timeout=30)


def sign_in_attempt(pool: urllib3.HTTPConnectionPool, email: str) -> int:
    page = pool.request("GET", "/staff/login")
    cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.data.decode()).group(1)
    form = {"email": email, "password": "not the password", "csrf_token": token}
    return pool.request("POST", "/staff/login", fields=form, encode_multipart=False, headers={"Cookie": cookie}).status


def test_limits_hold_across_instances_and_key_on_each_familys_address(cluster):
    family, neighbour = client_from("127.0.0.2", cluster["public"]), client_from("127.0.0.3", cluster["public"])
    # round robin spreads these over both instances; the count is one, in Redis
    codes = [sign_in_attempt(family, f"person{n}@example.org") for n in range(4)]
    assert codes == [401, 401, 401, 429]
    assert sign_in_attempt(neighbour, "neighbour@example.org") == 401  # another address, its own allowance


def test_a_staff_edit_on_one_instance_is_answered_by_the_other_at_once(cluster):
    first, second = (instance.url for instance in cluster["instances"])
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(f"{first}/staff/login", timeout=30).text).group(1)
    signed_in = session.post(f"{first}/staff/login", data={"email": EDITOR, "password": PASSWORD, "csrf_token": token}, timeout=30)
    assert signed_in.status_code == 200 and "/staff/login" not in signed_in.url
    school_id = requests.get(f"{second}/api/v1/schools?per_page=1", timeout=30).json()["results"][0]["id"]
    before = requests.get(f"{second}/api/v1/schools/{school_id}", timeout=30).json()  # now in the shared cache
    edit = session.get(f"{first}/staff/schools/{school_id}/edit", timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', edit).group(1)
    renamed = before["name"] + " (renamed)"
    saved = session.post(f"{first}/staff/schools/{school_id}/edit", data={"name": renamed, "csrf_token": token}, timeout=30)
    assert saved.status_code == 200, saved.text[:500]
    assert requests.get(f"{second}/api/v1/schools/{school_id}", timeout=30).json()["name"] == renamed
    for _ in range(4):  # whichever instance nginx picks
        assert requests.get(f"{cluster['public']}/api/v1/schools/{school_id}", timeout=30).json()["name"] == renamed


def signed_text(public: str, body: str, sid: str) -> requests.Response:
    form = {"From": "+17735550123", "To": "+13125550000", "Body": body, "MessageSid": sid}
    signature = sign(f"{public}/sms/inbound", form)
    return requests.post(f"{public}/sms/inbound", data=form, headers={"X-Twilio-Signature": signature}, timeout=30)


def test_a_locked_database_is_a_503_and_the_retried_text_is_answered_once(cluster):
    url = make_url(cluster["database"]).set(drivername="postgresql").render_as_string(hide_password=False)
    sid = "SM" + "5" * 32
    with psycopg.connect(url) as writer:
        writer.execute("LOCK TABLE sms_message IN ACCESS EXCLUSIVE MODE")
        busy = signed_text(cluster["public"], "grade 3 60615", sid)
        writer.rollback()
    assert busy.status_code == 503 and busy.headers["Retry-After"].isdigit() and "<Message>" not in busy.text
    retried = signed_text(cluster["public"], "grade 3 60615", sid)  # Twilio's retry (docs/sms.md)
    assert retried.status_code == 200 and "<Message>" in retried.text
    with psycopg.connect(url) as reader:
        assert reader.execute("SELECT count(*) FROM sms_message WHERE sid = %s", (sid,)).fetchone()[0] == 1


def test_redis_away_leaves_the_site_answering_and_not_ready(cluster):
    redis = cluster["redis"]
    redis.stop()
    try:
        public = cluster["public"]
        assert requests.get(f"{public}/api/v1/schools?grade=K&near=60637", timeout=30).status_code == 200
        assert signed_text(public, "kinder 60637", "SM" + "6" * 32).status_code == 200
        ready = requests.get(f"{public}/readyz", timeout=30)
        assert ready.status_code == 503 and any(p.startswith("redis") for p in ready.json()["problems"])
    finally:
        redis.start()
    assert requests.get(f"{cluster['public']}/readyz", timeout=30).status_code == 200


def test_an_instance_killed_costs_no_request(cluster):
    cluster["instances"][0].kill()
    codes = [requests.get(f"{cluster['public']}/api/v1/schools?grade={grade}", timeout=30).status_code for grade in range(1, 13)]
    assert codes == [200] * 12  # nginx tries the other instance (proxy_next_upstream) for each


def _wait_for_worker(redis_url: str, worker: Background) -> None:
    """Until the text worker has registered with Redis (it imports the app first)."""
    connection = Redis.from_url(redis_url)
    try:
        deadline = time.monotonic() + 90
        while not Worker.count(connection=connection):
            assert time.monotonic() < deadline and worker.process.poll() is None, "the text worker did not start:\n" + worker.output()
            time.sleep(0.1)
    finally:
        connection.close()


def _sent_to(cluster, phone: str) -> list[dict]:
    """What the fake Twilio received for this number (every request, whichever process sent it)."""
    log = cluster["edge"] / "sent.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [r for r in map(json.loads, lines) if r["method"] == "POST" and r["data"].get("To") == phone]


def _wait_for(check, seconds: float, what: str, cluster) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} within {seconds} s; the worker said:\n{cluster['worker'].output()}")


def text_me_this_list(cluster, phone: str) -> requests.Response:
    """A family at a kiosk screen (through nginx) adds a school and has the list texted to them."""
    public, screen = cluster["public"], cluster["screen"]
    if not screen.cookies:  # the screen opens its one-time enrollment link once
        assert screen.get(f"{public}/kiosk/enroll/{cluster['enrollment_code']}", timeout=30).status_code == 200

    def token(url: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', screen.get(url, timeout=30).text).group(1)

    school = re.search(r'name="school" value="([^"]+)"', screen.get(f"{public}/kiosk/en/schools?grade=K", timeout=30).text).group(1)
    screen.post(
        f"{public}/kiosk/en/list", data={"csrf_token": token(f"{public}/kiosk/en/list"), "school": school, "action": "add"}, timeout=30
    )
    return screen.post(f"{public}/kiosk/en/list/text", data={"csrf_token": token(f"{public}/kiosk/en/list"), "phone": phone}, timeout=30)


def _outbound(cluster, phone: str, column: str = "status") -> list:
    """A column of the texts written to this number (read straight from PostgreSQL)."""
    url = make_url(cluster["database"]).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as reader:
        return [row[0] for row in reader.execute(f"SELECT {column} FROM sms_message WHERE phone = %s AND direction = 'out'", (phone,))]


def test_a_worker_killed_mid_send_never_sends_the_text_twice(cluster):
    phone = "+17735550141"
    hold = cluster["edge"] / "hold"
    hold.touch()  # the fake Twilio takes the text, then the worker waits there
    try:
        assert text_me_this_list(cluster, "(773) 555-0141").status_code == 200
        _wait_for(lambda: len(_sent_to(cluster, phone)) == 1, 60, "the worker handed the text to Twilio", cluster)
        [received] = _sent_to(cluster, phone)
        cluster["worker"].kill()  # the worker and, if it forked one, the process sending the text
        try:
            os.kill(received["pid"], signal.SIGKILL)
        except ProcessLookupError:
            pass
    finally:
        hold.unlink()
    assert _outbound(cluster, phone) == ["submitting"]  # Twilio has it; we never heard back
    cluster["worker"].start()  # a new worker: requeues what is pending, RQ retries what the dead one held
    _wait_for_worker(cluster["redis"].url, cluster["worker"])
    queue = Queue(QUEUE_NAME, connection=Redis.from_url(cluster["redis"].url))
    [message_id] = _outbound(cluster, phone, "id")
    again = queue.enqueue(deliver_text, message_id)  # the job run once more, as a retry would
    _wait_for(lambda: again.get_status(refresh=True) == "finished", 60, "the new worker ran the job again", cluster)
    assert len(_sent_to(cluster, phone)) == 1 and _outbound(cluster, phone) == ["submitting"]
    queue.connection.close()
    # the new worker sends the next family's text at once
    assert text_me_this_list(cluster, "(773) 555-0142").status_code == 200
    _wait_for(lambda: len(_sent_to(cluster, "+17735550142")) == 1, 60, "the new worker sent the next text", cluster)


def test_texts_written_while_redis_is_away_wait_and_go_out_once_it_is_back(cluster):
    phone = "+17735550151"
    cluster["redis"].stop()
    try:
        assert text_me_this_list(cluster, "(773) 555-0151").status_code == 200  # written; Redis cannot take the job
        time.sleep(2)
        assert _sent_to(cluster, phone) == [] and _outbound(cluster, phone) == ["pending"]
    finally:
        cluster["redis"].start()  # empty: the job is gone, the row is not
    _wait_for(lambda: len(_sent_to(cluster, phone)) == 1, 60, "the text went out once Redis was back", cluster)
    _wait_for(lambda: _outbound(cluster, phone) == ["queued"], 30, f"Twilio's answer recorded ({_outbound(cluster, phone)})", cluster)
    time.sleep(2)  # the clock's next checks find nothing left to send
    assert len(_sent_to(cluster, phone)) == 1
