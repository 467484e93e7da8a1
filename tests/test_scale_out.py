"""Scale-out, all on loopback: Debian's nginx (deploy/nginx.conf) balancing two gunicorn
instances on one PostgreSQL and one Redis. Limits hold across instances and key on each
family's address; a staff edit on one instance is what the other answers at once; an instance
killed costs nothing; a locked database is a 503 that Twilio's retry gets answered; Redis away
leaves the site answering."""

import re
import shutil
import subprocess
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import psycopg
import pytest
import requests
import urllib3
from redis import Redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from tests.conftest import ROOT, _free_port, gunicorn, need
from tests.sms.conftest import TOKEN, sign

EDITOR, PASSWORD = "editor@scale.example.org", "a long passphrase for the scale-out test"


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
        db.engine.dispose()
    ports = [_free_port(), _free_port()]
    nginx = Nginx(ports)
    public = f"http://127.0.0.1:{nginx.port}"
    settings = {"REDIS_URL": redis_server.url, "TRUSTED_PROXY_HOPS": "1", "PUBLIC_BASE_URL": public, "TWILIO_AUTH_TOKEN": TOKEN,
                "STAFF_LOGIN_RATE_LIMIT": "3/minute"}  # fmt: skip
    with ExitStack() as stack:
        instances = [stack.enter_context(gunicorn(postgres_url, workers=2, port=port, **settings)) for port in ports]
        stack.callback(nginx.stop)
        yield {"public": nginx.start(), "instances": instances, "database": postgres_url, "redis": redis_server}
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
