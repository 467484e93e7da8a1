"""Offline, a screen finds the same schools in the same order as the server, with the family's
own seed: 200 random searches in a real headless Chromium, online then offline. What it cannot
know without a network (schools past the fair's area, ZIPs it has no centre for, misspelt names)
it says, and it never shows a school the server would not."""

import random
import re
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from app.extensions import cache, db
from catalog.models import School
from catalog.query import build_query
from catalog.search import search
from catalog.vocabulary import GRADE_CODES, NEEDS, SECTORS
from catalog.zip_table import centroid
from kiosk.pages import PER_PAGE, _search_params
from tests.kiosk.test_browser import browser, cached_urls, kiosk, page, wait_until  # noqa: F401 (fixtures)

pytestmark = pytest.mark.real_data
RADII = ["2", "5", "10", "20", "40", "any"]


def random_searches(zips: list[str], words: list[str], count: int) -> list[dict]:
    """Searches as a family (or a relaxation button) makes them; the same ones every run."""
    draw = random.Random(20261205)
    searches = []
    for _ in range(count):
        params = {}
        if draw.random() < 0.6:
            params["grade"] = draw.choice(list(GRADE_CODES.values()))
        if draw.random() < 0.7:
            params["near"] = draw.choice(zips)
            params["radius_km"] = draw.choice(RADII)
        params["need"] = draw.sample(list(NEEDS), draw.choice([0, 0, 1, 1, 2]))
        if draw.random() < 0.3:
            params["sector"] = draw.choice(list(SECTORS))
        if draw.random() < 0.15:
            params["q"] = draw.choice(words)
        params["order"] = draw.choice(["neutral", "neutral", "distance", "name"])
        params["page"] = str(draw.choice([1, 1, 1, 2, 3]))
        searches.append(params)
    return searches


def shown(html: str) -> tuple[int, list[str]]:
    """The count in a results page's heading and the schools of its cards, in order."""
    total = int(re.search(r"<h1>[^<0-9]*([0-9]+)", html).group(1))
    return total, re.findall(r'class="card-link" href="/kiosk/en/schools/([^"]+)"', html)


def not_stated_said(html: str) -> list[tuple[str, str]]:
    """The (per-sector counts, need) of each "have not said whether they offer this" notice."""
    return sorted(re.findall(r"not said whether (?:it offers|they offer) this \(([^)]*)\): ([^.<]*)\.", html))


def everything_the_server_finds(app, url: str, seed: int) -> list[str]:
    """Every school the kiosk's one search finds for a results URL, in order (all pages)."""
    with app.test_request_context(url):
        params = {**_search_params(), "per_page": ["100000"], "page": ["1"]}
        found = search(build_query(params, centroid_of=centroid, default_seed=seed, max_per_page=100000))
        ids = [hit.school.id for hit in found.hits]
        db.session.remove()
    assert len(ids) == found.total
    return ids


def last_page(total: int) -> int:
    return max(1, -(-total // PER_PAGE))


def test_offline_the_same_schools_in_the_same_order_as_online_with_the_familys_seed(kiosk, page):  # noqa: F811
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/en/schools")  # the server gives this family its seed
    wait_until(lambda: len(cached_urls(page)) == 4 + 2 * 14)
    seed = int(next(c["value"] for c in page.context.cookies() if c["name"] == "kiosk_seed"))
    snapshot = page.request.get(f"{kiosk.url}/kiosk/en/snapshot.json").json()
    area = {school["id"] for school in snapshot["schools"]}
    with kiosk.app.app_context():
        names = db.session.scalars(select(School.name).where(School.id.in_(area))).all()
        zips = sorted({z for z in db.session.scalars(select(School.zip).where(School.id.in_(area))) if z in snapshot["zips"]})
    words = sorted({word.lower() for name in names for word in re.findall(r"[A-Za-z]{5,}", name)})
    searches = random_searches(zips, words, 200)
    urls = [f"/kiosk/en/schools?{urlencode(params, doseq=True)}" for params in searches]

    expected = []
    for url in urls:
        everything = everything_the_server_finds(kiosk.app, url, seed)
        page_number = int(dict(re.findall(r"(page)=([0-9]+)", url))["page"])
        online_html = page.request.get(kiosk.url + url).text()
        online = shown(online_html)
        start = (min(page_number, last_page(len(everything))) - 1) * PER_PAGE  # a page past the end shows the last one
        assert online == (len(everything), everything[start : start + PER_PAGE]), url  # the kiosk's page is the one search
        in_area = [school for school in everything if school in area]
        start = (min(page_number, last_page(len(in_area))) - 1) * PER_PAGE
        expected.append((len(in_area), in_area[start : start + PER_PAGE], len(in_area) == len(everything), not_stated_said(online_html)))

    page.context.set_offline(True)
    whole, partial, not_stated = 0, 0, 0
    for url, (total, ids, complete, unstated) in zip(urls, expected, strict=True):
        page.goto(kiosk.url + url)
        page.locator("#offline h1").wait_for()
        html = page.locator("#offline").inner_html()
        assert shown(html) == (total, ids), url
        said_partial = "this screen knows only the" in html
        if complete and not said_partial:
            whole += 1
            assert not_stated_said(html) == unstated, url  # the same schools counted as not stated, per need and sector
            not_stated += bool(unstated)
        else:
            partial += 1
            assert said_partial, url  # a search reaching past the fair's area says so
    assert whole >= 60 and partial >= 20 and not_stated >= 10, (whole, partial, not_stated)  # each kind was really tried


def test_offline_what_the_screen_cannot_know_is_said(kiosk, page):  # noqa: F811
    from playwright.sync_api import expect  # retries until the offline page has drawn its results

    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/en/schools")
    wait_until(lambda: len(cached_urls(page)) == 4 + 2 * 14)
    page.context.set_offline(True)
    offline = page.locator("#offline")
    page.goto(f"{kiosk.url}/kiosk/en/schools?near=10025&radius_km=5")
    expect(offline).to_contain_text("cannot place ZIP code 10025, so distance is left out", timeout=15000)
    page.goto(f"{kiosk.url}/kiosk/en/schools?q=kenwod")
    expect(offline).to_contain_text("names are found only as they are written", timeout=15000)
    expect(offline.locator("h1")).to_have_text("Schools: 0")
    page.goto(f"{kiosk.url}/kiosk/en/schools?need=sped&sector=charter")
    expect(offline).to_contain_text(
        re.compile(r"More schools have not said whether they offer this \(Charter: [0-9]+\): Special education"), timeout=15000
    )
    expect(offline).to_contain_text("must serve students with disabilities")
    # Hammond, Indiana, in the fair's area: listed offline as online, with the same word on residency
    page.goto(f"{kiosk.url}/kiosk/en/schools?near=46320&radius_km=20")
    said = "ZIP 46320 is in IN and these schools are in IL: a public school may admit only students who live in its city or state."
    expect(offline).to_contain_text(said, timeout=15000)
    page.context.set_offline(False)
    assert said in page.request.get(f"{kiosk.url}/kiosk/en/schools?near=46320&radius_km=20").text()


def _snapshot(screen) -> dict:
    response = screen.get("/kiosk/en/snapshot.json")
    assert response.status_code == 200
    return response.get_json()


def test_a_screen_keeps_the_fairs_area_nearest_first_and_says_how_far_it_reaches(app, screen, monkeypatch):
    from catalog import geo
    from kiosk import services, snapshot

    with app.app_context():
        fair_id = db.session.scalar(select(services.Booth.fair_id))
        center = services.fair_center(fair_id)
        every = {
            row.id: geo.distance_km(*center, row.lat, row.lon) for row in db.session.execute(select(School.id, School.lat, School.lon))
        }
    kept = _snapshot(screen)
    assert kept["area"]["center"] == list(center) and kept["area"]["km"] == snapshot.AREA_KM and not kept["area"]["whole_catalog"]
    assert {s["id"] for s in kept["schools"]} == {school for school, km in every.items() if km <= snapshot.AREA_KM}
    assert [s["id"] for s in kept["schools"]] == sorted((s["id"] for s in kept["schools"]), key=lambda school: (every[school], school))
    assert all(geo.distance_km(*center, *place) <= snapshot.AREA_KM + snapshot.ZIP_MARGIN_KM for place in kept["zips"].values())
    # the area's ZIPs outside Illinois, where every school is: Indiana's, across the state line
    assert kept["schools_in"] == "IL" and kept["zip_states"] and set(kept["zip_states"].values()) == {"IN"}
    assert set(kept["zip_states"]) <= set(kept["zips"]) and "46320" in kept["zip_states"]

    monkeypatch.setattr(snapshot, "AREA_MAX_SCHOOLS", 50)  # a denser place than Chicago: the nearest 50 only
    with app.app_context():
        cache.clear()
    capped = _snapshot(screen)
    assert [s["id"] for s in capped["schools"]] == [s["id"] for s in kept["schools"]][:50]
    assert capped["area"]["km"] == pytest.approx(sorted(every.values())[49], abs=1e-9) and not capped["area"]["whole_catalog"]


def test_a_catalog_the_area_holds_whole_is_said_to_be_whole(app, screen, monkeypatch):
    from kiosk import snapshot

    monkeypatch.setattr(snapshot, "AREA_KM", 100.0)
    kept = _snapshot(screen)
    assert kept["area"]["whole_catalog"] and len(kept["schools"]) == 661


def test_a_booth_set_after_the_copy_was_made_is_in_the_next_copy(app, screen):
    from kiosk import services

    first = _snapshot(screen)
    outside_booths = next(s["id"] for s in first["schools"] if s["booth"] is None)
    with app.app_context():
        fair = db.session.get(services.Fair, db.session.scalar(select(services.Booth.fair_id)))
        services.set_booth(fair, outside_booths, "Z9")
        db.session.commit()
    again = _snapshot(screen)
    assert next(s["booth"] for s in again["schools"] if s["id"] == outside_booths) == "Z9"


def test_a_familys_seed_is_a_cookie_kept_while_they_page_and_gone_with_a_reset(app, screen):
    from catalog.query import Query
    from catalog.search import search

    def shown_ids(client) -> list[str]:
        return shown(client.get("/kiosk/en/schools").get_data(as_text=True))[1]

    first = shown_ids(screen)
    seed = screen.get_cookie("kiosk_seed", path="/kiosk").value
    assert seed.isdigit() and shown_ids(screen) == first  # the same family, the same order
    with app.app_context():
        assert first == [hit.school.id for hit in search(Query(seed=int(seed), per_page=PER_PAGE)).hits]
        db.session.remove()
    screen.get("/kiosk/reset")
    assert screen.get_cookie("kiosk_seed", path="/kiosk") is None
    shown_ids(screen)
    assert screen.get_cookie("kiosk_seed", path="/kiosk").value != seed  # the next family is shuffled anew
    screen.set_cookie("kiosk_seed", "2026", path="/kiosk")  # a family that started offline keeps its order online
    with app.app_context():
        assert shown_ids(screen) == [hit.school.id for hit in search(Query(seed=2026, per_page=PER_PAGE)).hits]
    screen.set_cookie("kiosk_seed", "99999999999", path="/kiosk")  # not a seed: a new one is drawn
    shown_ids(screen)
    assert screen.get_cookie("kiosk_seed", path="/kiosk").value != "99999999999"


def _pairs(html: str, start: str) -> list[tuple[str, ...]]:
    """The (heading, text…) rows of a school page's details or of compare's table, tags and spaces aside."""
    body = html.split(start, 1)[1]
    if start.startswith("<dl"):
        body = body.split("</dl>", 1)[0]
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<d[td][^>]*>(.*?)</d[td]>", body, re.S)]
        return [tuple(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    body = body.split("</tbody>", 1)[0]
    return [
        tuple(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_offline_a_school_and_compare_say_what_they_say_online(kiosk, page):  # noqa: F811
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/ar/schools")
    wait_until(lambda: len(cached_urls(page)) == 4 + 2 * 14)
    snapshot = page.request.get(f"{kiosk.url}/kiosk/ar/snapshot.json").json()
    kept = snapshot["schools"]
    chosen = [next(s["id"] for s in kept if s["sector"] == "charter"), *(s["id"] for s in kept if s["booth"])][:3]
    online = {}
    for school_id in chosen:
        online[school_id] = _pairs(page.request.get(f"{kiosk.url}/kiosk/ar/schools/{school_id}").text(), '<dl class="details">')
    compare_url = f"/kiosk/ar/compare?ids={','.join(chosen)}"
    online_compare = _pairs(page.request.get(kiosk.url + compare_url).text(), "<tbody>")
    booths = {s["id"]: s["booth"] or "—" for s in kept}
    assert len(online_compare) == 10 and online_compare[-1][1:] == tuple(booths[i] for i in chosen)  # 9 facts, then the booths

    page.context.set_offline(True)
    for school_id in chosen:
        page.goto(f"{kiosk.url}/kiosk/ar/schools/{school_id}")
        page.locator("#offline dl.details dd").first.wait_for()
        html = page.locator("#offline").inner_html()
        assert _pairs(html, '<dl class="details">') == online[school_id], school_id  # every fact, under its heading, as online
        assert 'dir="ltr"' in html.split("</dl>")[0]  # the address and phone number read left to right in Arabic
    page.goto(kiosk.url + compare_url)
    page.locator("#offline table.compare tbody tr").first.wait_for()
    assert _pairs(page.locator("#offline").inner_html(), "<tbody>") == online_compare
    # distances are written as online: the locale's word for km
    page.goto(f"{kiosk.url}/kiosk/ar/schools?near={kept[0]['zip']}&order=distance")
    page.locator("#offline .card").first.wait_for()
    assert re.search(r"[0-9]\.[0-9] كم", page.locator("#offline .card").first.inner_text())
