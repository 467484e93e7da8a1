"""The backup drill of docs/deploy.md, performed: pg_dump of a live database, restored into a fresh
one, holds the same catalog, conversations and registrations, and the app serves from it."""

import subprocess
import uuid
from datetime import date
from glob import glob
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from app import create_app
from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from catalog.services import set_translation
from kiosk import services as kiosk_services
from kiosk.registration import RegistrationInput
from sms.services import handle_inbound
from tests.conftest import ROOT

DEMO = ROOT / "catalog" / "demo" / "chicago.csv"
KEPT = (
    "school",
    "program",
    "school_text",
    "catalog_revision",
    "sms_conversation",
    "sms_message",
    "kiosk_fair",
    "kiosk_booth",
    "kiosk_registration",
)


@pytest.fixture
def backend():
    return "postgresql"


def _pg_tool(name: str) -> str:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    assert found, f"{name} is not installed (make test installs PostgreSQL)"
    return found[-1]


def _rows(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {table: sorted((tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))), key=repr) for table in KEPT}
    finally:
        engine.dispose()


def test_a_dump_restored_into_a_fresh_database_has_the_same_catalog_conversations_and_registrations(app, cli, database_url, tmp_path):
    assert cli("catalog", "import", str(DEMO)).exit_code == 0
    with app.app_context():
        with unit_of_work():
            handle_inbound("+17735550142", "kinder cerca de 60637", "SM" + "1" * 32)
        with unit_of_work():
            school_ids = list(db.session.scalars(select(School.id).order_by(School.id).limit(2)))
            fair = kiosk_services.create_fair("Southside school fair", date(2027, 1, 16), date(2027, 1, 16), place="Gym")
            kiosk_services.set_booth(fair, school_ids[0], "A1")
            device, _code = kiosk_services.add_device(fair, "Entrance")
            values = RegistrationInput(
                uuid.uuid4().hex, "María José O’Neil-Núñez", "+17735550142", "es", (0,), tuple(school_ids), ("sped",), True
            )
            kiosk_services.register(device, values)
            set_translation(school_ids[0], "summary", "en", "A neighborhood school with a garden.", actor="test")
            set_translation(school_ids[0], "summary", "es", "Una escuela de barrio con huerto.", actor="test")
        db.engine.dispose()
    before = _rows(database_url)
    assert [table for table in KEPT if not before[table]] == []  # something of each kind to lose

    dump = tmp_path / "schoolbridge.dump"
    libpq_url = database_url.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run([_pg_tool("pg_dump"), "--format=custom", f"--file={dump}", libpq_url], check=True, timeout=120)
    fresh = f"restored_{uuid.uuid4().hex[:8]}"
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {fresh}"))
    fresh_url = database_url.rsplit("/", 1)[0] + f"/{fresh}"
    try:
        restore = [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={fresh_url.replace('+psycopg', '')}", str(dump)]
        subprocess.run(restore, check=True, timeout=120)
        assert _rows(fresh_url) == before

        restored = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": fresh_url})
        client = restored.test_client()
        assert client.get("/readyz").status_code == 200  # migrated to the latest revision, reachable
        found = client.get("/api/v1/schools?grade=K&near=60637&radius_km=5").get_json()
        assert found["total"] > 0 and found["results"][0]["card"]  # PostGIS and the search work in the copy
        with restored.app_context():
            db.engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)"))
        admin.dispose()
    assert Path(dump).stat().st_size > 0
