"""The conversation engine, pure: never raises, keeps state JSON-able, honours expiry."""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.cards import HEADINGS, Card, Fact
from catalog.query import Query
from sms.engine import Found, step
from sms.replies import TEMPLATES, Reply, render
from sms.segments import count_segments
from sms.understand import INTENTS, Understanding

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SCHOOL_NAME = "Escuela Ñandú " * 3
FACTS = {"sector": "Charter", "grades": "Pre-K to Grade 8", "address": "1 Main St", "phone": "(773) 555-0100",
         "special_education": "Autism program", "school_bus": "School bus", "transit": "CTA Red Line",
         "how_to_apply": "Apply on GoCPS by December 12."}  # fmt: skip
NAMES = {"a": "Alpha", "b": "Beta"}  # schools of a list sent from the kiosk


def card(school_id: str, name: str = SCHOOL_NAME) -> Card:
    """A school's card as the catalog labels it (English learners not stated here: "")."""
    return Card(school_id, name, "charter", tuple(Fact(key, heading, FACTS.get(key, "")) for key, heading in HEADINGS.items()))


class FakeCatalog:
    """Ten copies of one school within 5 km of two ZIP codes, paged as the catalog pages; cards by id."""

    def __init__(self, without: str | None = None):
        self.without = without  # a school removed since it was listed

    @staticmethod
    def centroid_of(zip_code: str):
        return {"60637": (41.79, -87.60), "10002": (40.71, -73.99)}.get(zip_code)

    def search(self, query: Query) -> Found:
        schools = [card(f"s{i}") for i in range(10) if f"s{i}" != self.without] if query.radius_km >= 5 else []
        first = (query.page - 1) * query.per_page
        return Found(len(schools), tuple((c, 1.25) for c in schools[first : first + query.per_page]))

    def cards(self, school_ids: list[str]) -> list[Card]:
        return [card(i, NAMES.get(i, SCHOOL_NAME)) for i in school_ids if i != self.without]


fake_catalog = FakeCatalog()


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
    topic=st.none() | st.just("apply"),
    wider=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(understandings, min_size=1, max_size=6), st.integers(0, 30))
def test_step_never_raises_and_every_reply_fits_three_segments(conversation, hours):
    state = None
    for i, u in enumerate(conversation):
        state, replies = step(state, u, NOW + timedelta(hours=hours * i), fake_catalog)
        json.dumps(state)
        for reply in replies:
            assert reply.key in TEMPLATES
            assert count_segments(render(reply, lambda m: m)) <= 3


def test_more_continues_the_numbering_and_expiry_forgets():
    state, [first] = step(None, Understanding(intent="search", grades=(0, 0), near="60637"), NOW, fake_catalog)
    assert first.lines[0].startswith("1. ")
    state, [more] = step(state, Understanding(intent="more"), NOW, fake_catalog)
    assert more.lines[0].startswith("4. ")
    state, [details] = step(state, Understanding(intent="details", choices=(5,)), NOW, fake_catalog)
    assert details.key == "details"
    _state, [forgot] = step(state, Understanding(intent="details", choices=(5,)), NOW + timedelta(hours=25), fake_catalog)
    assert forgot.key == "unknown_choice"


def test_wider_asked_unprompted_widens_to_the_next_step():
    state = _searched()
    state, [wider] = step(state, Understanding(intent="search", wider=True), NOW, fake_catalog)
    assert state["query"]["radius_km"] == 10.0 and wider.key == "results_head" and wider.lines[0].startswith("1. ")
    for km in (20.0, 40.0, 40.0):  # 40 km is as wide as it goes
        state, _replies = step(state, Understanding(intent="search", wider=True), NOW, fake_catalog)
        assert state["query"]["radius_km"] == km


def _searched() -> dict:
    state, _ = step(None, Understanding(language="en", intent="search", grades=(0, 0), near="60637"), NOW, fake_catalog)
    return state


def _ask(state: dict, **facets) -> str:
    _, [reply] = step(state, Understanding(language="en", **facets), NOW, fake_catalog)
    return render(reply, str)


def test_details_answer_the_topic_asked_about():
    state = _searched()
    transport = _ask(state, intent="details", choices=(2,), needs=("bus",))
    assert ", getting there:\nSchool bus\nCTA Red Line" in transport
    assert "Autism program" in _ask(state, intent="details", choices=(1,), needs=("sped",))
    assert "Apply on GoCPS by December 12." in _ask(state, intent="details", choices=(1,), topic="apply")
    assert "1 Main St" in _ask(state, intent="details", choices=(1,))  # no topic: the overview


def test_a_topic_with_nothing_listed_says_so_and_offers_a_person():
    answer = _ask(_searched(), intent="details", choices=(1,), needs=("ell",))
    assert answer == render(Reply("topic_nothing", {"name": SCHOOL_NAME}), str) and "PERSON" in answer


def test_two_unreadable_texts_in_a_row_bring_in_a_person():
    state, [first] = step(None, Understanding(language="en", intent="unknown"), NOW, fake_catalog)
    assert first.key == "not_understood"
    state, [second] = step(state, Understanding(language="en", intent="unknown"), NOW, fake_catalog)
    assert second.key == "human"
    state, [third] = step(state, Understanding(language="en", intent="unknown"), NOW, fake_catalog)
    assert third.key == "not_understood"  # counting starts again


def test_a_sent_list_can_be_answered_by_number():
    from sms.engine import remember_results

    state, reply = remember_results(None, [card("a", "Alpha"), card("b", "Beta")], NOW, "es")
    assert reply.key == "shortlist_head" and reply.lines[1].startswith("2. Beta")
    assert state["locale"] == "es"
    assert "Beta" in _ask(state, intent="details", choices=(2,))


def test_a_listed_school_removed_since_is_not_described():
    state, _ = step(None, Understanding(intent="search", grades=(0, 0), near="60637"), NOW, fake_catalog)
    removed = state["results"][1]

    search_without_it = FakeCatalog(without=removed)

    _, [reply] = step(state, Understanding(intent="details", choices=(2,)), NOW, search_without_it)
    assert reply == Reply("unknown_choice", {"number": 2})
    _, [reply] = step(state, Understanding(intent="compare", choices=(1, 2)), NOW, search_without_it)
    assert reply.key == "unknown_choice"  # one school is not a comparison
    _, [reply] = step(state, Understanding(intent="compare", choices=(1, 3)), NOW, search_without_it)
    assert reply.key == "compare_head" and [line[:2] for line in reply.lines] == ["1.", "3."]
