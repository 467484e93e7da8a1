"""The conversation engine, pure: never raises, keeps state JSON-able, honours expiry."""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sms.engine import step
from sms.replies import TEMPLATES, render
from sms.segments import count_segments
from sms.understand import INTENTS, Understanding

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SCHOOL = {"id": "s1", "name": "Escuela Ñandú " * 3, "grades_label": "Pre-K to Grade 8", "sector_label": "Charter", "distance_km": 1.25,
          "address": "1 Main St", "programs": ["autism"], "programs_label": "Autism program", "school_bus_label": "School bus",
          "transit_label": "CTA Red Line", "phone": "(773) 555-0100"}  # fmt: skip


def fake_search(params: dict) -> dict:
    """A search over ten copies of one school, paged as the catalog pages."""
    per_page, page = int(params.get("per_page", 20)), int(params.get("page", 1))
    schools = [dict(SCHOOL, id=f"s{i}") for i in range(10)] if params.get("radius_km", 5) >= 5 else []
    return {"total": len(schools), "results": schools[(page - 1) * per_page : page * per_page]}


understandings = st.builds(
    Understanding,
    language=st.sampled_from([None, "en", "es", "ar", "zh_Hant"]),
    intent=st.sampled_from(INTENTS),
    grades=st.none() | st.tuples(st.integers(-1, 12), st.integers(-1, 12)).map(lambda t: (min(t), max(t))),
    near=st.none() | st.sampled_from(["60637", "10002"]),
    sector=st.none() | st.sampled_from(["charter", "district"]),
    needs=st.lists(st.sampled_from(["sped", "ell", "bus"]), unique=True).map(tuple),
    program_language=st.none() | st.just("es"),
    school_id=st.none() | st.just("s1"),
    choices=st.lists(st.integers(-3, 30), max_size=4).map(tuple),
    wider=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(understandings, min_size=1, max_size=6), st.integers(0, 30))
def test_step_never_raises_and_every_reply_fits_three_segments(conversation, hours):
    state = None
    for i, u in enumerate(conversation):
        state, replies = step(state, u, NOW + timedelta(hours=hours * i), fake_search)
        json.dumps(state)
        for reply in replies:
            assert reply.key in TEMPLATES
            assert count_segments(render(reply, lambda m: m)) <= 3


def test_more_continues_the_numbering_and_expiry_forgets():
    state, [first] = step(None, Understanding(intent="search", grades=(0, 0), near="60637"), NOW, fake_search)
    assert first.lines[0].startswith("1. ")
    state, [more] = step(state, Understanding(intent="more"), NOW, fake_search)
    assert more.lines[0].startswith("4. ")
    state, [details] = step(state, Understanding(intent="details", choices=(5,)), NOW, fake_search)
    assert details.key == "details"
    _state, [forgot] = step(state, Understanding(intent="details", choices=(5,)), NOW + timedelta(hours=25), fake_search)
    assert forgot.key == "unknown_choice"
