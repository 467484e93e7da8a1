"""/api/v1: the documented shape, labels in the requested language, 400s that name the parameter."""

import pytest
import schemathesis
from flask import url_for
from schemathesis.engine import Status, events
from schemathesis.openapi.checks import RejectedPositiveData
from sqlalchemy import update

from catalog import api
from catalog.models import School
from catalog.query import QueryError, parse_near
from catalog.zip_table import centroid
from tests.catalog.test_search import CRAFTED, DEMO


@pytest.fixture
def demo(cli):
    assert cli("catalog", "import", str(DEMO)).exit_code == 0


@pytest.fixture
def crafted(cli, tmp_path):
    path = tmp_path / "crafted.csv"
    path.write_text(CRAFTED, encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0


def test_search_response_has_the_documented_shape(client, demo):
    body = client.get("/api/v1/schools?grade=K&near=60637&radius_km=5&need=sped&order=distance&lang=es&page=1&per_page=5").get_json()
    assert set(body) >= {"total", "page", "per_page", "results"}
    assert body["page"] == 1 and body["per_page"] == 5 and 0 < len(body["results"]) <= 5 and body["total"] >= len(body["results"])
    hit = body["results"][0]
    for key in (
        "id",
        "name",
        "sector",
        "grades",
        "address",
        "zip",
        "lat",
        "lon",
        "distance_km",
        "programs",
        "school_bus",
        "transit",
        "summary",
        "url",
    ):
        assert key in hit, key
    assert set(hit["grades"]) == {"low", "high", "offered"}
    assert {"kind", "code", "language", "label"} <= set(hit["programs"][0])
    assert hit["url"].endswith(f"/api/v1/schools/{hit['id']}")
    assert [m["kind"] for m in hit["matched"]] == ["grade", "distance", "need"]


def test_labels_follow_lang(client, crafted):
    def labels(lang):
        body = client.get(f"/api/v1/schools/x-1?lang={lang}").get_json()
        return body["sector_label"], body["grades_label"], [p["label"] for p in body["programs"]]

    english, spanish, arabic = labels("en"), labels("es"), labels("ar")
    assert english == ("Charter", "Kindergarten to Grade 8", ["Autism program", "Dual language: Spanish", "French"])
    assert spanish != english and "español" in spanish[2][1]
    assert arabic != english and arabic != spanish
    assert labels("zh-TW") == labels("zh_Hant") != labels("zh_Hans")
    assert labels("tl") == labels("fil")


def test_one_school_in_full_and_404_for_an_unknown_id(client, crafted):
    body = client.get("/api/v1/schools/x-2").get_json()
    assert body["id"] == "x-2" and body["school_bus"] == "conditional" and body["transit"] == {"bus": "55", "rail": None}
    assert body["texts"]["summary"] == {"text": None, "locale": None, "stale": False}
    missing = client.get("/api/v1/schools/nope")
    assert missing.status_code == 404 and missing.get_json()["error"]["status"] == 404


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("grade=13", "grade"),
        ("grade=K&grade=1", "grade"),
        ("near=99999", "near"),
        ("near=abc", "near"),
        ("near=91,200", "near"),
        ("radius_km=5", "radius_km"),
        ("near=60637&radius_km=-1", "radius_km"),
        ("near=60637&radius_km=nan", "radius_km"),
        ("near=60637&radius_km=1e309", "radius_km"),
        ("sector=private", "sector"),
        ("need=pool", "need"),
        ("program=astronomy", "program"),
        ("language=spanish", "language"),
        ("q=" + "x" * 201, "q"),
        ("order=rating", "order"),
        ("order=distance", "order"),
        ("seed=-1", "seed"),
        ("page=0", "page"),
        ("page=99999999999", "page"),
        ("per_page=101", "per_page"),
        ("lang=klingon", "lang"),
        ("colour=blue", "colour"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/schools?{query}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["parameter"] == parameter and error["message"]


def test_errors_are_in_the_requested_language(client):
    english = client.get("/api/v1/schools?grade=13").get_json()["error"]["message"]
    spanish = client.get("/api/v1/schools?grade=13&lang=es").get_json()["error"]["message"]
    assert english != spanish and "13" in spanish


def test_a_repeated_lang_is_named_as_repeated(client):
    error = client.get("/api/v1/schools?lang=es&lang=fr").get_json()["error"]
    assert error["parameter"] == "lang" and "once" in error["message"] and "not a supported" not in error["message"]


def test_answers_in_the_browsers_language_say_they_vary_with_it(client, demo):
    """A shared cache must not hand the Spanish body to a Vietnamese reader of the same URL."""
    spanish = client.get("/api/v1/schools?grade=K", headers={"Accept-Language": "es"})
    vietnamese = client.get("/api/v1/schools?grade=K", headers={"Accept-Language": "vi"})
    assert "accept-language" in {v.lower() for v in spanish.vary} and spanish.data != vietnamese.data


def test_per_page_is_capped_by_api_max_per_page(app, client, demo):
    app.config["API_MAX_PER_PAGE"] = 5
    error = client.get("/api/v1/schools?per_page=6").get_json()["error"]
    assert error["parameter"] == "per_page"
    assert len(client.get("/api/v1/schools?per_page=5").get_json()["results"]) == 5


def test_openapi_document_lists_both_operations(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/api/v1/schools", "/api/v1/schools/{school_id}"}
    names = {p["name"] for p in document["paths"]["/api/v1/schools"]["get"]["parameters"]}
    assert names == {
        "grade",
        "near",
        "radius_km",
        "sector",
        "need",
        "program",
        "language",
        "q",
        "order",
        "seed",
        "lang",
        "page",
        "per_page",
    }


def _breaks_a_rule_between_parameters(case, response) -> bool:
    """Whether a 400 answers a request that breaks a rule OpenAPI 3.0 cannot state, one the
    document says in words: `order=distance` and `radius_km` need `near`, and `near` is a ZIP
    that exists or a point on the globe (the document cannot list 42,000 ZIP codes)."""
    if response.status_code != 400:
        return False
    query = {name: value for name, value in (case.query or {}).items() if value not in ("", None)}
    parameter = response.json()["error"].get("parameter")
    if parameter == "order":
        return query.get("order") == "distance" and "near" not in query
    if parameter == "radius_km":
        return "near" not in query
    if parameter == "near":
        try:
            parse_near(str(query["near"]), centroid)
        except QueryError:
            return True
    return False


def test_api_fuzzing_with_every_check_finds_nothing(app, demo):
    """Schemathesis runs as `schemathesis run --checks all` would: every phase (examples,
    coverage with its undeclared methods and boundary values, fuzzing, stateful) and every check,
    on a bounded number of examples with a fixed seed, so a run is quick and repeatable."""
    centroid("60637")  # read the ZIP table now, not in a timed request (max_response_time is 10 s)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    schema.config.checks.update(included_check_names=["all"])
    schema.config.generation.update(max_examples=40, deterministic=True, database="none")
    schema.config.seed = 13

    @schema.hook
    def filter_failure(context, failure, case, response):
        return not (isinstance(failure, RejectedPositiveData) and _breaks_a_rule_between_parameters(case, response))

    failures, checks_run, statuses = set(), 0, set()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for case_id, checks in event.recorder.checks.items():
                checks_run += len(checks)
                for check in checks:
                    if check.status == Status.FAILURE:
                        case = event.recorder.cases[case_id].value
                        failures.add(f"{check.name}: {check.failure_info.failure.title} — {case.method} {case.formatted_path} {case.query}")
            statuses |= {interaction.response.status_code for interaction in event.recorder.interactions.values() if interaction.response}
        elif isinstance(event, events.NonFatalError | events.FatalError):
            failures.add(repr(event))
    assert not failures, "\n".join(sorted(failures))
    assert checks_run > 1000 and {200, 400, 404, 405} <= statuses  # it reached the handlers, and tried other methods


def test_an_import_is_seen_by_the_next_request_and_etags_revalidate(client, cli, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("id,name,sector,grades\nt-1,Old Name,district,K\n", encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0
    first = client.get("/api/v1/schools?q=name")
    assert [r["name"] for r in first.get_json()["results"]] == ["Old Name"]
    assert client.get("/api/v1/schools?q=name", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    path.write_text("id,name,sector,grades\nt-1,New Name,district,K\n", encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0
    second = client.get("/api/v1/schools?q=name", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200 and [r["name"] for r in second.get_json()["results"]] == ["New Name"]
    assert second.headers["ETag"] != first.headers["ETag"]
    # a re-import that changes nothing keeps the cache (and the ETag)
    assert cli("catalog", "import", str(path)).exit_code == 0
    assert client.get("/api/v1/schools?q=name").headers["ETag"] == second.headers["ETag"]


def test_a_deploy_that_changes_what_answers_say_changes_their_etag(client, monkeypatch):
    from catalog import api

    first = client.get("/api/v1/schools?q=academy")
    assert client.get("/api/v1/schools?q=academy", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    monkeypatch.setattr(api, "_answers_version", lambda: "another-release")  # new code or translations, same catalog
    again = client.get("/api/v1/schools?q=academy", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]


@pytest.mark.parametrize(
    "website", ["java\tscript:alert(1)", "java\nscript:alert(1)", "javascript\t:alert(1)", "//evil.example", "http:///x"]
)
def test_an_unsafe_website_stored_before_the_check_is_never_served(client, crafted, session, website):
    session.execute(update(School).where(School.id == "x-2").values(website=website))
    session.commit()
    assert client.get("/api/v1/schools/x-2").get_json()["website"] == ""
    session.execute(update(School).where(School.id == "x-2").values(website="https://kelly.example.org/\tnews"))
    session.commit()
    assert client.get("/api/v1/schools/x-2").get_json()["website"] == "https://kelly.example.org/news"


@pytest.mark.parametrize("text", ["k%25y", "k_lly", "%25", "_", "kel%25"])
def test_percent_and_underscore_in_q_are_letters_not_wildcards(client, crafted, text):
    assert client.get("/api/v1/schools?q=kelly").get_json()["total"] == 1
    assert client.get(f"/api/v1/schools?q={text}").get_json()["total"] == 0


def test_links_are_built_on_public_base_url_whatever_the_host_header(app, client, crafted):
    app.config["PUBLIC_BASE_URL"] = "https://schools.example.org/"
    expected = "https://schools.example.org/api/v1/schools/x-2"
    for _ in range(2):  # the second answer comes from the cache
        search = client.get("/api/v1/schools?q=kelly", headers={"Host": "evil.example"})
        assert search.get_json()["results"][0]["url"] == expected and b"evil.example" not in search.data
    assert client.get("/api/v1/schools/x-2", headers={"Host": "evil.example"}).get_json()["url"] == expected
    document = client.get("/api/v1/openapi.json", headers={"Host": "evil.example"}).get_json()
    assert document["servers"] == [{"url": "https://schools.example.org"}]


def test_without_public_base_url_one_hosts_links_never_reach_another_host(client, crafted):
    """The cached body holds absolute links, so it is kept per host."""
    first = client.get("/api/v1/schools?q=kelly", headers={"Host": "evil.example"})
    second = client.get("/api/v1/schools?q=kelly", headers={"Host": "schools.example.org"})
    assert first.get_json()["results"][0]["url"] == "http://evil.example/api/v1/schools/x-2"
    assert second.get_json()["results"][0]["url"] == "http://schools.example.org/api/v1/schools/x-2"
    assert first.headers["ETag"] != second.headers["ETag"]


@pytest.mark.parametrize("query", ["page=%D9%A1", "per_page=%D9%A1%D9%A0", "seed=%D9%A1", "near=%D9%A4%D9%A1.8,-87.6"])
def test_numbers_in_other_digits_are_refused(client, query):
    """page=١ and per_page=١٠: Python reads them as numbers, the documented parameters are ASCII."""
    response = client.get(f"/api/v1/schools?{query}")
    assert response.status_code == 400 and response.get_json()["error"]["parameter"] == query.split("=")[0]


def test_a_radius_valid_by_the_document_is_accepted(client, crafted):
    response = client.get("/api/v1/schools?near=60637&radius_km=5e-324")
    assert response.status_code == 200 and response.get_json()["total"] == 0
    assert client.get("/api/v1/schools?near=60637&radius_km=1e1").get_json()["total"] >= 1


@pytest.mark.parametrize("path", ["/api/v1/schools", "/api/v1/schools/x-2"])
def test_an_undeclared_method_is_a_405_that_says_which_are_allowed(client, path):
    for method in ("TRACE", "POST", "PUT", "DELETE", "PATCH"):
        response = client.open(path, method=method)
        assert response.status_code == 405 and response.get_json()["error"]["status"] == 405
        assert {m.strip() for m in response.headers["Allow"].split(",")} == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/schools",
        "/api/v1/schools/x-2",
        "/api/v1/schools/nope",
        "/api/v1/schools?grade=13",
        "/api/v1/openapi.json",
        "/api/v1/nothing",
    ],
)
def test_every_api_answer_says_nosniff(client, crafted, path):
    assert client.get(path).headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("grade=0", "grade"), ("grade=k", "grade"), ("grade=%20K", "grade"), ("sector=Charter", "sector"), ("need=BUS", "need"),
     ("program=ESL", "program"), ("language=ES", "language"), ("language=ma", "language"), ("order=Name", "order")],
)  # fmt: skip
def test_values_are_taken_as_the_document_lists_them(client, query, parameter):
    response = client.get(f"/api/v1/schools?{query}")
    assert response.status_code == 400 and response.get_json()["error"]["parameter"] == parameter


def test_an_empty_parameter_is_documented_and_taken_as_not_given(client, crafted):
    document = client.get("/api/v1/openapi.json").get_json()
    allow_empty = {p["name"] for p in document["paths"]["/api/v1/schools"]["get"]["parameters"] if p.get("allowEmptyValue")}
    assert allow_empty == {"grade", "near", "radius_km", "sector", "program", "language", "q", "order", "seed", "page", "per_page"}
    every = client.get("/api/v1/schools?order=name").get_json()
    assert client.get("/api/v1/schools?order=name&" + "&".join(f"{name}=" for name in sorted(allow_empty - {"order"}))).get_json() == every


def test_the_document_lists_every_error_status_an_operation_can_answer(client):
    document = client.get("/api/v1/openapi.json").get_json()
    search, school = (document["paths"][path]["get"]["responses"] for path in ("/api/v1/schools", "/api/v1/schools/{school_id}"))
    assert set(search) == {"200", "400", "413", "414", "503"} and set(school) == {"200", "400", "404", "413", "414", "503"}
    assert "Retry-After" in search["503"]["headers"]


def test_a_worker_keeps_answers_up_to_its_bytes_dropping_the_oldest_first(monkeypatch):
    from catalog.api import KeptBodies

    monkeypatch.setattr(KeptBodies, "MAX_BYTES", 10)
    kept = KeptBodies()
    for key, body in (("a", "1234"), ("b", "5678"), ("c", "90")):
        kept.keep(key, body)
    assert list(kept) == ["a", "b", "c"] and kept.size == 10
    kept.keep("d", "xyz")  # 13 bytes: the oldest goes
    assert list(kept) == ["b", "c", "d"] and kept.size == 9
    kept.keep("huge", "x" * 11)  # larger than all it may hold: not kept, and nothing dropped for it
    assert list(kept) == ["b", "c", "d"] and kept.size == 9


def test_a_kept_answer_is_served_when_the_shared_cache_has_lost_it(app, client, crafted):
    from app.extensions import cache

    first = client.get("/api/v1/schools?q=kelly&lang=es")
    with app.app_context():
        cache.clear()  # Redis emptied or restarted
    again = client.get("/api/v1/schools?q=kelly&lang=es")
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]


def test_a_schools_link_is_written_as_flasks_routing_writes_it(app):
    # built once per request and completed per school: the same as url_for, for any id
    with app.test_request_context("/api/v1/schools", base_url="http://schools.example.org/sub"):
        for school_id in ("cps-400142", "01M015", "a b/c?d#e%f", "é-ü", "x+y=z@w"):
            assert api.school_url(school_id) == "http://schools.example.org" + url_for("api.school", school_id=school_id)
