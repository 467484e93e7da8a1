"""The bot's search (`search_cards`, cards read as plain rows) answers exactly as `search` does
(school objects), with the same cards, and follows changes."""

import pytest
from flask import current_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.query import build_query
from catalog.search import OutOfArea, search, search_cards
from catalog.zip_table import centroid
from tests.catalog.test_search import CRAFTED, DEMO, rows

ZIPS = ["60637", "60623", "60615", "60632", "60609", "60647", "60827", "10002"]  # the last: another city

query_params = st.fixed_dictionaries(
    {},
    optional={
        "grade": st.sampled_from(["PK", "K", "1", "3", "6", "8", "9", "12"]),
        "near": st.sampled_from([*ZIPS, "41.8781,-87.6298", "41.7800,-87.6000"]),
        "radius_km": st.sampled_from(["0.5", "1", "2.5", "5", "10", "40", "500"]),
        "sector": st.sampled_from(["district", "charter"]),
        "need": st.lists(st.sampled_from(["sped", "ell", "dual_language", "bus", "transit", "accessible"]), max_size=3, unique=True),
        "program": st.sampled_from(["autism", "esl", "dual_language", "significant_support", "world_language", "resource"]),
        "language": st.sampled_from(["es", "fr", "zh", "pl", "ar"]),
        "q": st.sampled_from(["elementary", "high", "academy", "escuela", "kelly", "s king", "60637", "100%", "zz"]),
        "order": st.sampled_from(["neutral", "name", "distance"]),
        "seed": st.integers(0, 50).map(str),
        "page": st.sampled_from(["1", "2", "3"]),
        "per_page": st.sampled_from(["3", "20", "100"]),
    },
)


def _query(params: dict):
    if "radius_km" in params and "near" not in params:
        params = {k: v for k, v in params.items() if k != "radius_km"}
    if params.get("order") == "distance" and "near" not in params:
        params = {**params, "order": "name"}
    return build_query({k: v if isinstance(v, list) else [v] for k, v in params.items()}, centroid_of=centroid)


def _agree(params: dict) -> int:
    query = _query(params)
    try:
        result = search(query)
    except OutOfArea:
        with pytest.raises(OutOfArea):
            search_cards(query)
        return 0
    current_app.extensions.pop("cards", None)  # the bot's cards read afresh, as plain rows: the same cards
    facts = search_cards(query)
    assert facts.total == result.total, params
    assert [(h.card, h.distance_km) for h in facts.hits] == [(h.card, h.distance_km) for h in result.hits], params
    assert (facts.not_stated, facts.relaxations, facts.read_as) == (result.not_stated, result.relaxations, result.read_as), params
    return result.total


@pytest.fixture
def catalog(app, cli, session, tmp_path):
    """The Chicago demo catalog and four crafted schools (no location, every need, accents)."""
    crafted = tmp_path / "crafted.csv"
    crafted.write_text(CRAFTED, encoding="utf-8")
    assert cli("catalog", "import", "--partial", str(DEMO)).exit_code == 0
    assert cli("catalog", "import", "--partial", str(crafted)).exit_code == 0
    return rows(DEMO)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=query_params)
def test_every_search_agrees_with_the_database(catalog, params):
    _agree(params)


def test_the_agreement_is_not_empty_handed(catalog, app):
    """The generated searches above do find schools: a radius, a need and a text each cut, and match."""
    assert _agree({"grade": "3", "near": "60637", "radius_km": "5", "per_page": "100"}) > 10
    assert 0 < _agree({"need": ["sped", "transit"], "near": "60623", "radius_km": "10", "order": "distance"}) < len(catalog)
    assert _agree({"program": "world_language", "language": "es", "order": "name", "per_page": "100"}) > 0
    assert _agree({"q": "escuela"}) == 1  # a crafted school, found by its folded name
    assert _agree({"need": ["bus"], "near": "60637", "radius_km": "40"}) == 2  # only crafted schools say they run a bus


def test_a_published_change_is_found_by_the_next_search(catalog):
    from catalog.queries import current_rows
    from catalog.services import publish_listing

    query = _query({"grade": "K", "near": "60637", "radius_km": "500", "sector": "charter", "per_page": "100"})
    before = {hit.card.id for hit in search_cards(query).hits}
    district = next(r["id"] for r in catalog if r["sector"] == "district" and r["grades"].startswith(("PK-", "K-")))
    assert district not in before
    row = current_rows([district])[district]
    changes, problems = publish_listing(district, {**row, "sector": "charter"}, actor="test")
    assert changes and not problems
    assert district in {hit.card.id for hit in search_cards(query).hits}
