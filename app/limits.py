"""Request-size limits per door, set before anything reads a request's body.

Werkzeug refuses a body longer than `max_content_length` from its Content-Length header alone
(413) and stops reading a longer chunked one at the limit, so a forged 100 MB post costs a worker
nothing. Form parts and a multipart field's size are bounded as well.
"""

from flask import Flask, request

KB = 1024

# blueprint name → (largest body in bytes, most form parts). A text from Twilio is at most
# 1,600 characters (about 15 KB percent-encoded UCS-2) beside some 40 short fields; a kiosk form
# holds a name, a phone and up to four school ids; the API only answers GETs; a staff form may
# carry a listing's long free texts (the CSV upload sets its own, larger limit: staff.views.imports).
DOOR_LIMITS = {
    "sms": (64 * KB, 100),
    "sms_simulator": (16 * KB, 20),
    "kiosk": (16 * KB, 50),
    "api": (16 * KB, 50),
    "staff": (1024 * KB, 500),
    None: (16 * KB, 50),
}


def register_request_limits(app: Flask) -> None:
    """Bound each request's body by the door it came through (before every other check)."""
    app.config.setdefault("REQUEST_LIMITS", dict(DOOR_LIMITS))

    @app.before_request
    def limit_request_size():
        limits = app.config["REQUEST_LIMITS"]
        size, parts = limits.get(request.blueprint, limits[None])
        request.max_content_length = size
        request.max_form_memory_size = size
        request.max_form_parts = parts
