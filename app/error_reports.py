"""Errors reported to Sentry when SENTRY_DSN is set, with nothing personal in them.

A family's phone number, name or text, a staff member's address or sign-in code must never leave
for a third party. So: no request bodies, cookies or headers beyond a few harmless ones, no
local variables of the failing frames, no query string, no user (Sentry's `data_collection`);
then, in what is left, every string (the exception's text, log breadcrumbs) has its phone numbers
redacted as in the logs (app.logs), and every field named in the deny list is filtered, at any depth.
"""

import sentry_sdk
from flask import Flask
from sentry_sdk.integrations.flask import FlaskIntegration
from sentry_sdk.integrations.rq import RqIntegration
from sentry_sdk.scrubber import DEFAULT_DENYLIST

from app.logs import redact

# Field names whose values are personal here, beside Sentry's own list (passwords, tokens, cookies).
DENYLIST = {name.lower() for name in DEFAULT_DENYLIST} | {"phone", "from", "to", "body", "parent_name", "email", "totp", "totp_code"}
FILTERED = "[Filtered]"
KEPT_HEADERS = {"Host", "User-Agent", "Accept-Language", "Content-Type", "Content-Length", "X-Request-Id"}


def _redacted(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: FILTERED if str(key).lower() in DENYLIST else _redacted(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_redacted(item) for item in value]
    return value


def scrub(event: dict, _hint: dict | None = None) -> dict:
    """Sentry's before_send: drop what may be personal, redact phone numbers in what is left."""
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        for personal in ("data", "cookies", "env"):
            request.pop(personal, None)
        headers = request.get("headers") or {}
        request["headers"] = {name: value for name, value in headers.items() if name.title() in KEPT_HEADERS}
    return _redacted(event)


def init_error_reports(app: Flask, transport=None) -> None:
    """Report unhandled errors of requests and jobs to Sentry, if SENTRY_DSN is set."""
    dsn = app.config["SENTRY_DSN"]
    if not dsn:
        return
    sentry_sdk.init(
        dsn=dsn,
        environment=app.config["SENTRY_ENVIRONMENT"],
        integrations=[FlaskIntegration(), RqIntegration()],
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "allowlist", "terms": sorted(KEPT_HEADERS)}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "stack_frame_variables": False,
            "database_query_data": False,
            "queues": False,  # a job's arguments (a text's id) are kept out too
        },
        before_send=scrub,
        before_breadcrumb=lambda crumb, _hint: _redacted(crumb),
        traces_sample_rate=0,
        transport=transport,
    )
