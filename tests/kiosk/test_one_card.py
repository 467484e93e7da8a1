"""Every door renders a school from its one card: change what the card says, and the API, the
kiosk's pages, compare and print, the offline copy and the bot's texts all say the change."""

import re
from dataclasses import replace

import pytest

from app.extensions import db
from catalog import search as catalog_search
from catalog.models import School
from tests.kiosk.conftest import csrf_token, first_school_ids
from tests.sms.conftest import sign


def _marked(key: str) -> str:
    return f"CARD-{key}"


@pytest.fixture
def marked_cards(app, monkeypatch):
    """Cards whose every stated fact says CARD-<key>, and whose school-bus heading is HEADING-school_bus."""
    card_of = catalog_search.card_of

    def marked(school, labels):
        card = card_of(school, labels)
        facts = tuple(
            fact._replace(
                text=_marked(fact.key) if fact.text else "",
                heading="HEADING-school_bus" if fact.key == "school_bus" else fact.heading,
            )
            for fact in card.facts
        )
        return replace(card, facts=facts)

    monkeypatch.setattr(catalog_search, "card_of", marked)
    app.extensions.pop("cards", None)  # cards already made this revision
    with app.app_context():
        school = db.session.get(School, first_school_ids(app, 1)[0])
        return school.id, school.zip


def _texts(client, body: str) -> str:
    form = {"From": "+17735550142", "To": "+13125550000", "Body": body, "MessageSid": f"SM{abs(hash(body)) % 10**32:032d}"}
    response = client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("http://localhost/sms/inbound", form)})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_changed_card_changes_every_door(app, screen, marked_cards):
    school_id, zip_code = marked_cards

    # the API: a search's results and one school
    found = screen.get(f"/api/v1/schools?near={zip_code}&radius_km=5&per_page=100").get_json()["results"]
    assert school_id in [r["id"] for r in found]
    for result in found:
        assert (result["sector_label"], result["grades_label"], result["school_bus_label"]) == tuple(
            map(_marked, ("sector", "grades", "school_bus"))
        )
        assert result["special_education"]["label"] == _marked("special_education")
        assert {"key": "school_bus", "heading": "HEADING-school_bus", "text": _marked("school_bus")} in result["card"]
    one = screen.get(f"/api/v1/schools/{school_id}").get_json()
    assert one["accessibility_label"] == _marked("accessibility") and one["english_learners"]["label"] == _marked("english_learners")

    # the kiosk: results, the school's page, the list, compare and print
    results = screen.get(f"/kiosk/en/schools?near={zip_code}").get_data(as_text=True)
    assert _marked("sector") in results and _marked("grades") in results
    page = screen.get(f"/kiosk/en/schools/{school_id}").get_data(as_text=True)
    for key in ("sector", "grades", "special_education", "english_learners", "school_bus", "accessibility", "address"):
        assert _marked(key) in page, key
    assert "HEADING-school_bus" in page and "Not stated: ask the school" not in page
    screen.post("/kiosk/en/list", data={"csrf_token": csrf_token(screen), "school": school_id, "action": "add"})
    assert _marked("grades") in screen.get("/kiosk/en/list").get_data(as_text=True)
    compare = screen.get("/kiosk/en/compare").get_data(as_text=True)
    assert "HEADING-school_bus" in compare and _marked("special_education") in compare and "School bus" not in compare
    printed = screen.get("/kiosk/en/print").get_data(as_text=True)
    for key in ("special_education", "english_learners", "school_bus", "accessibility", "address"):  # what a family takes home
        assert _marked(key) in printed, key
    assert "HEADING-school_bus" in printed

    # the offline copy a screen keeps
    snapshot = screen.get("/kiosk/en/snapshot.json").get_json()
    assert ["school_bus", "HEADING-school_bus", False] in snapshot["facts"] and ["address", "Address", True] in snapshot["facts"]
    kept = [snapshot["texts"][i] for i in next(s for s in snapshot["schools"] if s["id"] == school_id)["card"]]
    assert set(kept) <= {_marked(key) for key, _heading, _ltr in snapshot["facts"]} | {""}
    assert _marked("special_education") in kept

    # the bot: a result list, a school's details, a comparison
    listed = _texts(screen, f"grade 3 {zip_code}")
    # a list says each school's grades and type in short (the card's grades and sector, labelled short): "(K-8, Charter, …"
    assert re.search(r"1\. .*\((PK|K|\d+)(-(K|\d+))?( and \S+)*, (District|Charter), \d", listed), listed
    details = _texts(screen, "1")
    assert _marked("special_education") in details and _marked("school_bus") in details
    assert _marked("school_bus") in _texts(screen, "compare 1 2")


def test_the_card_is_made_once_per_school_and_language(app, screen, marked_cards, monkeypatch):
    """A door asking again for a school's card gets the one already made (until the catalog changes)."""
    made = []
    card_of = catalog_search.card_of

    def counted(school, labels):
        made.append((school.id, str(labels.locale)))
        return card_of(school, labels)

    monkeypatch.setattr(catalog_search, "card_of", counted)
    school_id, _zip = marked_cards
    for url in (f"/kiosk/en/schools/{school_id}", f"/api/v1/schools/{school_id}", f"/kiosk/en/schools/{school_id}"):
        assert screen.get(url).status_code == 200
    assert made == [(school_id, "en")]
    screen.get(f"/kiosk/es/schools/{school_id}")
    assert made == [(school_id, "en"), (school_id, "es")]
