"""`flask kiosk …`: the demo fair `make run` loads, and enrolling and revoking screens."""

import re

from sqlalchemy import func, select

from app.extensions import db
from kiosk.models import Booth, Fair, KioskDevice


def test_the_demo_fair_has_booths_and_prints_a_link_that_enrolls_a_screen(app):
    result = app.test_cli_runner().invoke(args=["kiosk", "demo-fair"])
    assert result.exit_code == 0, result.output
    code = re.search(r"/kiosk/enroll/(\S+)", result.output).group(1)
    with app.app_context():
        fair = db.session.scalar(select(Fair).where(Fair.name == "SchoolBridge demo fair"))
        assert db.session.scalar(select(func.count()).select_from(Booth).where(Booth.fair_id == fair.id)) == 30
    client = app.test_client()
    assert client.get(f"/kiosk/enroll/{code}").status_code == 200
    assert "SchoolBridge demo fair" in client.get("/kiosk/en/schools").get_data(as_text=True)
    again = app.test_cli_runner().invoke(args=["kiosk", "demo-fair"])  # run twice (make run, again): one fair
    assert again.exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Fair).where(Fair.name == "SchoolBridge demo fair")) == 1


def test_a_screen_is_added_to_a_fair_and_revoked(app):
    runner = app.test_cli_runner()
    with app.app_context():
        fair_id = db.session.scalar(select(Fair.id))
    added = runner.invoke(args=["kiosk", "add-device", "--fair", str(fair_id), "--name", "Gym, left"])
    assert added.exit_code == 0 and "/kiosk/enroll/" in added.output
    device_id = int(re.search(r"Device (\d+)", added.output).group(1))
    assert runner.invoke(args=["kiosk", "add-device", "--fair", "999", "--name", "x"]).exit_code != 0
    assert runner.invoke(args=["kiosk", "revoke-device", str(device_id)]).exit_code == 0
    with app.app_context():
        assert db.session.get(KioskDevice, device_id).revoked_at is not None
    assert runner.invoke(args=["kiosk", "revoke-device", "999"]).exit_code != 0
