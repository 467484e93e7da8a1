"""`flask kiosk …`: the demo fair, and enrolling or revoking a fair's screens."""

from datetime import date, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from app.db import unit_of_work
from app.extensions import db
from catalog.models import School
from kiosk import services
from kiosk.models import Fair, KioskDevice

DEMO_FAIR = "SchoolBridge demo fair"
DEMO_BOOTHS = 30  # the demo catalog's schools that have a table at the demo fair


def _enrollment_link(code: str) -> str:
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/") or "http://127.0.0.1:5000"
    return f"{base}/kiosk/enroll/{code}"


@click.group("kiosk")
def kiosk_cli():
    """Fairs and their kiosk screens."""


@kiosk_cli.command("demo-fair")
@with_appcontext
def demo_fair_command():
    """Load the demo fair (booths for part of the catalog) and print a link to enroll a screen."""
    with unit_of_work():
        fair = db.session.scalar(select(Fair).where(Fair.name == DEMO_FAIR))
        if fair is None:
            today = date.today()
            fair = services.create_fair(DEMO_FAIR, today, today + timedelta(days=365), place="Demo hall")
        ids = db.session.scalars(select(School.id).order_by(School.id).limit(DEMO_BOOTHS * 3)).all()
        for number, school_id in enumerate(ids[::3], start=1):
            services.set_booth(fair, school_id, f"{'ABC'[(number - 1) // 10]}{(number - 1) % 10 + 1}")
        _device, code = services.add_device(fair, "Demo screen")
    click.echo(f"{DEMO_FAIR}: {len(ids[::3])} booths. Open this link once on the kiosk screen to set it up:")
    click.echo(_enrollment_link(code))


@kiosk_cli.command("add-device")
@click.option("--fair", "fair_id", type=int, required=True, help="The fair's id.")
@click.option("--name", required=True, help="A name staff will recognise, e.g. “Entrance, left”.")
@with_appcontext
def add_device_command(fair_id, name):
    """Create a kiosk screen for a fair and print its one-time enrollment link."""
    with unit_of_work():
        fair = db.session.get(Fair, fair_id)
        if fair is None:
            raise click.BadParameter(f"no fair {fair_id}", param_hint="--fair")
        device, code = services.add_device(fair, name[:100])
    click.echo(f"Device {device.id} ({name}) for {fair.name}. Open this link once on that screen:")
    click.echo(_enrollment_link(code))


@kiosk_cli.command("revoke-device")
@click.argument("device_id", type=int)
@with_appcontext
def revoke_device_command(device_id):
    """Stop a screen from registering families (a lost or stolen device)."""
    with unit_of_work():
        device = db.session.get(KioskDevice, device_id)
        if device is None:
            raise click.BadParameter(f"no device {device_id}", param_hint="DEVICE_ID")
        services.revoke(device)
    click.echo(f"Device {device_id} revoked.")
