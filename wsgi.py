"""The one module-level application: `gunicorn wsgi:app`, `flask --app wsgi …`."""

from app import create_app, ready_for_traffic

app = create_app()
ready_for_traffic()
