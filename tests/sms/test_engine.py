"""The conversation engine, pure: never raises, keeps state JSON-able, honours expiry."""

import json
from datetime import UTC, datetime, timedelta

from babel import Locale
from babel.support import NullTranslations
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.cards import HEADINGS, Card, Fact
from catalog.labels import Labels
from catalog.query import Query
from sms.engine import Found, step
from sms.replies import TEMPLATES, Reply, render
from sms.segments import count_segments
from sms.understand import INTENTS, Understanding, parse

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SCHOOL_NAME = "Escuela Ñandú " * 3
FACTS = {"sector": "Charter", "grades": "Pre-K to Grade 8", "address": "1 Main St", "phone": "(773) 555-0100",
         "special_education": "Autism program", "school_bus": "School bus", "transit": "CTA Red Line",
         "how_to_apply": "Apply on GoCPS by December 12."}  # fmt: skip
NAMES = {"a": "Alpha", "b": "Beta"}  # schools of a list sent from the kiosk


def card(school_id: str, name: str = SCHOOL_NAME) -> Card:
    """A school's card as the catalog labels it (English learners not stated here: "")."""
    return Card(school_id, name, "charter", tuple(Fact(key, heading, FACTS.get(key, "")) for key, heading in HEADINGS.items()))


ENGLISH = NullTranslations()


class FakeCatalog:
    """Ten copies of one school within 5 km of two ZIP codes, paged as the catalog pages; cards by id."""

    labels = Labels(ENGLISH, Locale("en"))

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
            assert count_segments(render(reply, ENGLISH)) <= 3


def test_more_continues_the_numbering_and_expiry_forgets():
    state, [first] = step(None, Understanding(intent="search", grades=(0, 0), near="60637"), NOW, fake_catalog)
    assert first.lines[0].startswith("1. ")
    state, [more] = step(state, Understanding(intent="more"), NOW, fake_catalog)
    assert more.lines[0].startswith("4. ")
    state, [details] = step(state, Understanding(intent="details", choices=(5,)), NOW, fake_catalog)
    assert details.key == "details"
    _state, [forgot] = step(state, Understanding(intent="details", choices=(5,)), NOW + timedelta(hours=25), fake_catalog)
    assert forgot.key == "help"  # no list any more: how to get one, not "I have no school number 5"


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
    return render(reply, ENGLISH)


def test_details_answer_the_topic_asked_about():
    state = _searched()
    transport = _ask(state, intent="details", choices=(2,), needs=("bus",))
    assert ", getting there:\nSchool bus\nPublic transit: CTA Red Line" in transport  # what the numbers are
    assert "Autism program" in _ask(state, intent="details", choices=(1,), needs=("sped",))
    assert "Apply on GoCPS by December 12." in _ask(state, intent="details", choices=(1,), topic="apply")
    assert "1 Main St" in _ask(state, intent="details", choices=(1,))  # no topic: the overview


def test_a_topic_with_nothing_listed_says_so_and_offers_a_person():
    answer = _ask(_searched(), intent="details", choices=(1,), needs=("ell",))
    assert answer == render(Reply("topic_nothing", {"name": SCHOOL_NAME}), ENGLISH) and "PERSON" in answer


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
    assert reply.key == "compare_head" and reply.values["schools"] == f"1. {SCHOOL_NAME}, 3. {SCHOOL_NAME}"
    assert all("(1) " in line and "(3) " in line and "(2) " not in line for line in reply.lines)


def test_a_list_opens_with_what_was_understood_and_counts_in_the_singular():
    _state, [reply] = step(None, Understanding(intent="search", grades=(0, 0), near="60637", needs=("sped",)), NOW, fake_catalog)
    head = render(reply, ENGLISH).splitlines()[0]
    # (sent in GSM-7: "·" is spelt "-")
    assert head == "Kindergarten - within 5 km of 60637 - Special education: 10 schools. Reply a number for details, MORE for more:"
    one = render(Reply("results_head", {"echo": "Grade 3", "num": 1}), ENGLISH)
    assert one == "Grade 3: 1 school. Reply its number for details:"


def test_a_word_that_looks_like_a_need_is_asked_about_not_dropped():
    asked = Understanding(intent="search", grades=(0, 0), near="60637", unclear=(("speshul", "sped"),))
    _state, [results, question] = step(None, asked, NOW, fake_catalog)
    assert results.key == "results_head"
    said = render(question, ENGLISH)
    assert said == 'I did not understand "speshul". If you meant Special education, reply: Special education'
    _state, [question] = step(None, Understanding(intent="unknown", unclear=(("kindagardin", "grade"),)), NOW, fake_catalog)
    assert question.key == "unclear_grade" and "kindagardin" in render(question, ENGLISH)


def test_a_need_the_catalog_has_no_fact_for_is_said_not_dropped():
    """ "K 60637 gifted": the list found is not filtered by "gifted", and the family is told so, with a person offered."""
    _state, [results, told] = step(None, parse("K 60637 gifted"), NOW, fake_catalog)
    assert results.key == "results_head" and told.key == "unclear_no_filter"
    assert render(told, ENGLISH) == 'I cannot search by "gifted": our school list does not say it. Reply PERSON to ask staff.'
    _state, [told] = step(None, parse("superdotado"), NOW, fake_catalog)  # asked alone: said all the same
    assert told.values == {"word": "superdotado"}


def test_a_zip_code_no_table_places_is_said_and_another_asked_for():
    """ "K 00000" was answered ": no school matches all of that.", the ZIP neither said nor asked again."""
    state, [told, asked] = step(None, parse("K 00000"), NOW, fake_catalog)
    assert render(told, ENGLISH) == "ZIP code 00000 was not found." and asked.key == "need_place"
    _state, [results] = step(state, parse("60637"), NOW, fake_catalog)
    assert results.key == "results_head" and render(results, ENGLISH).startswith("Kindergarten - within 5 km of 60637")


def test_gifted_in_five_more_languages_is_said_in_the_familys_own_words():
    """ "surdoué" had been read as deafness, "doués" as "does", "năng khiếu" as "khiếm" (impaired), "মেধাবী" said back
    without its vowel signs."""
    for text, word in [("programme pour enfants doués CE2 60617", "doués"), ("surdoué CE1 60617", "surdoué"),
                       ("lớp năng khiếu lớp 3 60640", "năng khiếu"), ("pwogram pou timoun ki doue klas 3 60617", "doue"),
                       ("programa para niños dotados grado 3 60629", "dotados"), ("মেধাবী ছাত্রদের স্কুল 60625", "মেধাবী"),
                       ("barnaamijka carruurta hibada leh fasalka 3 60625", "hibada")]:  # fmt: skip
        understood = parse(text)
        assert understood.unclear == ((word, "no_filter"),) and not understood.programs, text


def test_a_program_language_is_the_dual_language_programs_and_no_filter_beside_english_help_alone():
    """ "bilingüe español" had listed the schools that teach a Spanish class (27) and left out the nearest with bilingual
    services (their languages are not listed); "dual language spanish" the schools with any dual-language program and a
    Spanish class."""
    asked = []

    class Asked(FakeCatalog):
        def search(self, query: Query) -> Found:
            asked.append(query)
            return super().search(query)

    step(None, parse("K 60637 dual language spanish"), NOW, Asked())
    step(None, parse("busco kinder bilingüe español cerca de 60637"), NOW, Asked())
    dual, bilingual = asked
    assert (dual.needs, dual.program, dual.program_language) == ((), "dual_language", "es")
    assert (bilingual.needs, bilingual.program, bilingual.program_language) == (("ell",), None, None)


def test_a_school_level_searches_each_of_its_grades():
    """ "middle school 60637" had searched grade 6 alone, leaving out the 7-12 and 7-8 schools."""
    asked = []

    class Asked(FakeCatalog):
        def search(self, query: Query) -> Found:
            asked.append(query)
            return super().search(query)

    _state, [reply] = step(None, parse("middle school 60637"), NOW, Asked())
    assert (asked[0].grade, asked[0].grade_high) == (6, 8)
    assert render(reply, ENGLISH).startswith("Grade 6 to Grade 8 - within 5 km of 60637")


def test_a_private_school_asked_for_is_said_not_to_be_listed():
    """ "private school 60637" listed public schools without a word: the catalog holds none but public ones."""
    for text in ("private school 60637", "escuela privada kinder 60637", "私立小学 60637", "частная школа 60637"):
        _state, [results, told] = step(None, parse(text), NOW, fake_catalog)
        assert results.key == "results_head" and told.key == "private_not_listed", text
    assert render(told, ENGLISH) == "We list public schools only, district and charter: private schools are not in our list."
    assert parse("trường tư thục công 60640").unclear == ()  # Vietnamese for a charter school holds "tư thục" (private)


def test_a_number_before_any_list_gets_help():
    for asked in (Understanding(intent="details", choices=(9,)), Understanding(intent="compare", choices=(1, 2))):
        _state, [reply] = step(None, asked, NOW, fake_catalog)
        assert reply.key == "help"


def test_compare_puts_distance_grades_services_and_transport_side_by_side():
    state = _searched()
    _state, [reply] = step(state, Understanding(intent="compare", choices=(1, 3)), NOW, fake_catalog)
    headings = [line.split(":")[0] for line in reply.lines]
    assert headings == ["Distance", "Grades", "Type", "Special education", "English learners", "School bus", "Public transit"]
    assert reply.lines[0] == "Distance: (1) 1.2 km; (3) 1.2 km"  # CLDR's rounding of 1.25 to one decimal (half even)
    assert reply.lines[4] == "English learners: (1) —; (3) —"  # nothing listed is shown, not skipped


def test_deadline_and_how_to_apply_are_answered_for_the_school_in_context():
    state = _searched()
    _state, [reply] = step(state, Understanding(intent="unknown", topic="apply"), NOW, fake_catalog)
    assert reply.key == "apply_which"  # a list but no school yet: which one?
    state, [reply] = step(state, Understanding(intent="unknown", topic="apply"), NOW, fake_catalog)
    state, [reply] = step(state, Understanding(intent="details", choices=(2,)), NOW, fake_catalog)
    assert reply.key == "topic_apply" and "How to apply: Apply on GoCPS by December 12." in reply.lines
    state, [reply] = step(state, Understanding(intent="unknown", topic="apply"), NOW, fake_catalog)
    assert reply.key == "topic_apply"  # the school just described
    _state, [reply] = step(None, Understanding(intent="unknown", topic="apply"), NOW, fake_catalog)
    assert reply.key == "apply_how"  # no list yet: how to find a school first


def test_a_specific_program_is_searched_for():
    state, _ = step(
        None, Understanding(intent="search", grades=(0, 0), near="60637", needs=("sped",), programs=("autism",)), NOW, fake_catalog
    )
    assert state["query"]["program"] == "autism" and state["query"]["need"] == ["sped"]


def test_a_text_in_another_script_is_answered_in_its_language():
    state = _searched()  # an English conversation
    state, _ = step(state, Understanding(language="ru", intent="greeting"), NOW, fake_catalog)
    assert state["locale"] == "ru"
    state, _ = step(state, Understanding(language="es", intent="more"), NOW, fake_catalog)
    assert state["locale"] == "ru"  # a Latin-script word ("mas") does not tell a Russian family's language


def test_the_school_bus_notes_reach_the_family_as_the_kiosk_shows_them():
    from dataclasses import replace as changed

    from sms.engine import _details

    noted = changed(
        card("a"),
        facts=tuple(f._replace(note="Free yellow bus for K-8 west of Pulaski") if f.key == "school_bus" else f for f in card("a").facts),
    )
    said = render(_details(noted), ENGLISH)
    assert "School bus (Free yellow bus for K-8 west of Pulaski)" in said
