"""The bare Flask app the API is compared with: same gunicorn settings, one JSON GET."""

from flask import Flask, request

app = Flask(__name__)


@app.get("/api/v1/schools")
def schools():
    return {"total": 0, "results": []}


@app.get("/kiosk/en/schools")
def page():
    """The bare HTML page the kiosk's results page is compared with."""
    return "<!doctype html><title>Schools</title><h1>Schools</h1>"


@app.post("/sms/inbound")
def echo():
    """The bare form-echo the SMS webhook is compared with."""
    return f"<Response><Message>{request.form.get('Body', '')}</Message></Response>", 200, {"Content-Type": "application/xml"}
