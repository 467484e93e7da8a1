"""Kiosk pages without JavaScript: the flow, the list, compare, text-me-this-list, idle reset."""

import re
import time

from sqlalchemy import func, select

from app.db import unit_of_work
from app.extensions import db
from catalog.csvformat import text_hash
from catalog.models import School, SchoolText
from sms.models import Message
from tests.kiosk.conftest import FAIR, csrf_token, first_school_ids
from tests.sms.conftest import sign


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.headers.get("Location"))
    return response.get_data(as_text=True)


def add_to_list(client, school_id: str, locale: str = "en"):
    token = csrf_token(client, f"/kiosk/{locale}/list")
    return client.post(f"/kiosk/{locale}/list", data={"csrf_token": token, "school": school_id, "action": "add"})


def test_the_start_page_names_every_language_in_its_own_script(client):
    html = page(client, "/kiosk/")
    for name, locale in (
        ("Español", "es"),
        ("العربية", "ar"),
        ("Tiếng Việt", "vi"),
        ("Русский", "ru"),
        ("한국어", "ko"),
        ("Soomaali", "so"),
    ):
        assert f'href="/kiosk/{locale}/"' in html and name in html
    assert 'dir="rtl"' in html  # the Arabic and Urdu buttons are set right to left
    assert len(re.findall(r'class="button big" href="/kiosk/\w+/"', html)) == 14


def test_a_locale_we_do_not_have_is_not_found(client):
    page(client, "/kiosk/xx/", 404)
    page(client, "/kiosk/../etc/passwd", 404)


def test_the_flow_in_spanish_from_grade_to_results(screen):
    grade = page(screen, "/kiosk/es/")
    assert 'lang="es"' in grade and "Kínder" in grade and 'href="/kiosk/es/zip?grade=K"' in grade
    assert 'href="/kiosk/es/zip?grade=3"' in page(screen, "/kiosk/es/")
    page(screen, "/kiosk/es/zip?grade=3")
    moved = screen.get("/kiosk/es/zip?grade=3&near=60623")
    assert moved.status_code == 302 and moved.headers["Location"] == "/kiosk/es/needs?grade=3&near=60623"
    needs = page(screen, moved.headers["Location"])
    assert "Educación especial" in needs and 'name="need" value="sped"' in needs and 'value="60623"' in needs
    results = page(screen, "/kiosk/es/schools?grade=3&near=60623&need=sped")
    assert "Grado" in results and ("Escuela del distrito" in results or "Escuela chárter" in results)
    assert re.search(r"\d+ km", results)
    # the filters stay editable, holding what was chosen
    assert 'name="need" value="sped" checked' in results and 'value="60623"' in results and '<option value="3" selected' in results


def test_results_show_the_booth_of_a_school_at_this_fair(screen, app):
    html = page(screen, "/kiosk/en/schools?per_page=100&order=name&radius_km=any")
    assert "Booth A1 at this fair" in html or "Booth A" in html
    assert FAIR in html


def test_a_screen_that_is_not_enrolled_shows_no_booths(client):
    assert "Booth A" not in page(client, "/kiosk/en/schools?order=name")


def test_a_bad_zip_is_explained_in_the_familys_language_and_kept(screen):
    html = page(screen, "/kiosk/es/zip?grade=3&near=99999", 400)
    assert 'value="99999"' in html and 'aria-invalid="true"' in html and 'role="alert"' in html
    assert 'value="3"' in html  # the grade chosen before is kept


def test_a_zip_of_another_city_is_said_at_the_zip_step_in_the_familys_language(screen):
    html = page(screen, "/kiosk/es/zip?grade=3&near=10025", 400)  # New York: the demo catalog lists Chicago
    assert "10025 está fuera del área en la que mostramos escuelas: Chicago, IL." in html
    assert 'value="10025"' in html and 'aria-invalid="true"' in html and 'value="3"' in html
    assert "is outside the area" in page(screen, "/kiosk/en/zip?near=10025", 400)
    moved = screen.get("/kiosk/es/zip?grade=3&near=60201")  # Evanston, next door: searched, nearest first
    assert moved.status_code == 302 and "near=60201" in moved.headers["Location"]


def test_a_zip_in_arabic_digits_leads_on_as_a_zip(screen):
    response = screen.get("/kiosk/ar/zip?grade=K&near=٦٠٦٣٧")
    assert response.status_code == 302 and "near=60637" in response.headers["Location"]


def test_bad_filters_on_the_results_page_are_explained_not_a_500(screen):
    html = page(screen, "/kiosk/es/schools?grade=ZZ&need=sped", 400)
    assert 'class="error"' in html


def test_one_wrong_filter_costs_only_itself(screen):
    """A mistyped ZIP is said to be wrong and kept in its box; the grade, needs and sector still apply."""
    html = page(screen, "/kiosk/es/schools?grade=3&near=6063&radius_km=2&need=sped&sector=district&order=distance", 400)
    assert 'class="error"' in html and 'name="near" value="6063"' in html
    assert '<option value="3" selected>' in html and 'value="district" checked' in html
    assert 'value="sped" checked' in html
    heading = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
    without_zip = page(screen, "/kiosk/es/schools?grade=3&need=sped&sector=district")
    assert heading.search(html).group(1) == heading.search(without_zip).group(1)
    assert not heading.search(html).group(1).strip().startswith("0 ")  # schools were found


def test_each_family_gets_its_own_neutral_order_kept_while_it_pages(screen):
    def listed(url):
        return list(dict.fromkeys(re.findall(r'href="/kiosk/en/schools/([^"?/]+)"', page(screen, url))))

    first, again, second_page = (
        listed("/kiosk/en/schools?grade=K"),
        listed("/kiosk/en/schools?grade=K"),
        listed("/kiosk/en/schools?grade=K&page=2"),
    )
    assert len(first) == 10 and first == again and not set(first) & set(second_page)
    orders = {tuple(first)}
    for _family in range(3):  # "start over": the next family
        screen.get("/kiosk/reset")
        orders.add(tuple(listed("/kiosk/en/schools?grade=K")))
    assert len(orders) == 4


def test_a_page_past_the_end_shows_the_last_page(screen):
    last = page(screen, "/kiosk/en/schools?grade=K&page=2")
    pages = int(re.search(r"Page 2 of (\d+)", last).group(1))
    end = page(screen, f"/kiosk/en/schools?grade=K&page={pages}")
    past = page(screen, "/kiosk/en/schools?grade=K&page=999")
    assert f"Page {pages} of {pages}" in past and "Page 999" not in past and 'rel="next"' not in past
    schools = re.compile(r'href="/kiosk/en/schools/([^"?/]+)"')
    assert schools.findall(past) and schools.findall(past) == schools.findall(end)
    assert f"page={pages - 1}" in past  # "Previous" leads on from the page shown
    school_id = schools.search(past).group(1)  # "Back to schools" returns to the page that was shown
    assert f"grade=K&amp;page={pages}" in page(screen, f"/kiosk/en/schools/{school_id}")


def test_no_page_title_names_schoolbridge_twice(screen, app):
    school_id = first_school_ids(app, 1)[0]
    for url in ("/kiosk/", "/kiosk/en/", "/kiosk/en/zip", "/kiosk/en/needs", "/kiosk/en/schools", f"/kiosk/en/schools/{school_id}",
                "/kiosk/en/list", "/kiosk/en/print", "/kiosk/en/compare", "/kiosk/en/register", "/kiosk/en/offline",
                "/kiosk/es/schools/no-such-school"):  # fmt: skip
        response = screen.get(url)
        title = re.search(r"<title>(.*?)</title>", response.get_data(as_text=True), re.S)
        assert title and title.group(1).count("SchoolBridge") == 1, (url, response.status_code, title and title.group(1))
    assert re.search(r"<title>SchoolBridge</title>", page(screen, "/kiosk/"))
    assert re.search(r"<title>Your ZIP code · SchoolBridge</title>", page(screen, "/kiosk/en/zip"))


def test_back_from_a_school_returns_to_the_familys_search(screen):
    search = "/kiosk/es/schools?grade=3&need=sped&page=2"
    school_id = re.search(r'href="/kiosk/es/schools/([^"?/]+)"', page(screen, search)).group(1)
    back = f'href="{search.replace("&", "&amp;")}"'
    assert back in page(screen, f"/kiosk/es/schools/{school_id}") and back in page(screen, "/kiosk/es/list")
    screen.get("/kiosk/reset")
    assert back not in page(screen, "/kiosk/es/list")  # the next family starts from all schools


def test_arabic_pages_are_right_to_left(screen):
    html = page(screen, "/kiosk/ar/schools?grade=K")
    assert '<html lang="ar" dir="rtl">' in html and "الصف" in page(screen, "/kiosk/ar/")


def test_the_school_page_shows_its_own_language_or_english_marked_as_such(screen, app):
    [school_id] = first_school_ids(app, 1)
    with app.app_context(), unit_of_work():
        english = "A small school with a big garden."
        db.session.add(SchoolText(school_id=school_id, field="summary", locale="en", text=english, source_hash=""))
        db.session.add(
            SchoolText(school_id=school_id, field="summary", locale="es", text="Una escuela con jardín.", source_hash=text_hash(english))
        )
        db.session.add(SchoolText(school_id=school_id, field="how_to_apply", locale="en", text="Apply at the office.", source_hash=""))
    html = page(screen, f"/kiosk/es/schools/{school_id}")
    assert "Una escuela con jardín." in html and "A small school with a big garden." not in html
    assert '<p lang="en" dir="ltr">Apply at the office.</p>' in html  # not translated: English, marked
    assert "Booth A1 at this fair" in page(screen, f"/kiosk/en/schools/{school_id}")
    page(screen, "/kiosk/es/schools/no-such-school", 404)


def test_the_list_holds_up_to_four_schools_and_compare_shows_the_same_rows_for_each(screen, app):
    ids = first_school_ids(app, 5)
    for school_id in ids:
        assert add_to_list(screen, school_id).status_code == 303
    listed = page(screen, "/kiosk/en/list")
    assert listed.count('class="card"') == 4 and "My list (4)" in listed
    compare = page(screen, "/kiosk/en/compare")
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", compare, re.S)
    assert len(rows) >= 9 and {label for label, _ in rows} >= {"Grades", "Special education", "School bus", "Booth at this fair"}
    assert all(cells.count("<td>") == 4 or cells.count('<td dir="ltr">') == 4 for _label, cells in rows)
    # an address and a phone number read left to right in a right-to-left page ("5250 S Rockwell St, 60632")
    arabic = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", page(screen, "/kiosk/ar/compare"), re.S)
    assert [label for label, cells in arabic if cells.count('<td dir="ltr">') == 4] == ["العنوان", "الهاتف"]
    token = csrf_token(screen)
    screen.post("/kiosk/en/list", data={"csrf_token": token, "school": ids[0], "action": "remove"})
    assert page(screen, "/kiosk/en/list").count('class="card"') == 3
    # compare also takes ids in its URL, as DESIGN.md gives it
    assert page(screen, f"/kiosk/en/compare?ids={ids[3]},{ids[4]}").count('<th scope="col">') == 2


def test_a_post_without_its_csrf_token_is_refused(screen, app):
    [school_id] = first_school_ids(app, 1)
    assert screen.post("/kiosk/en/list", data={"school": school_id, "action": "add"}).status_code == 400
    assert screen.post("/kiosk/en/list/text", data={"phone": "7735550123"}).status_code == 400
    assert "kiosk_list" not in {c.key for c in screen._cookies.values()} or page(screen, "/kiosk/en/list").count('class="card"') == 0


def test_next_only_leads_back_into_the_kiosk(screen, app):
    [school_id] = first_school_ids(app, 1)
    token = csrf_token(screen)
    for target in ("https://evil.example/", "//evil.example/kiosk/", "/kiosk/\\evil"):
        moved = screen.post("/kiosk/en/list", data={"csrf_token": token, "school": school_id, "action": "add", "next": target})
        assert moved.headers["Location"] == "/kiosk/en/list"


def test_text_me_this_list_sends_it_and_the_conversation_continues_from_it(screen, app, twilio):
    ids = first_school_ids(app, 2)
    for school_id in ids:
        add_to_list(screen, school_id, "es")
    token = csrf_token(screen, "/kiosk/es/list")
    sent = screen.post("/kiosk/es/list/text", data={"csrf_token": token, "phone": "(773) 555-0199"})
    html = sent.get_data(as_text=True)
    assert sent.status_code == 200 and "0199" in html and 'class="success"' in html
    [message] = twilio.sent
    assert message["To"] == "+17735550199"
    with app.app_context():
        names = [db.session.get(School, i).name for i in ids]
    assert message["Body"].index(f"1. {names[0]}") < message["Body"].index(f"2. {names[1]}")
    # The family replies "2" to that text: details of the second school on the list.
    form = {"From": "+17735550199", "To": "+13125550000", "Body": "2", "MessageSid": "SM" + "7" * 32}
    reply = screen.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": sign("https://schools.example.org/sms/inbound", form)})
    assert names[1] in reply.get_data(as_text=True)


def test_a_bad_phone_number_is_explained_and_nothing_is_sent(screen, app, twilio):
    add_to_list(screen, first_school_ids(app, 1)[0], "es")
    token = csrf_token(screen, "/kiosk/es/list")
    for bad in ("12", "555-01", "<script>alert(1)</script>", "9" * 50):
        response = screen.post("/kiosk/es/list/text", data={"csrf_token": token, "phone": bad})
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and 'id="phone-error"' in html and "<script>alert" not in html
    assert twilio.sent == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Message)) == 0


def test_the_phone_number_never_appears_in_a_url(screen, app):
    for url in ("/kiosk/en/list", "/kiosk/en/register"):
        html = page(screen, url)
        for form in re.findall(r"<form[^>]*>", html):
            if "phone" in html and ("text" in form or "register" in form):
                assert 'method="post"' in form


def test_pages_are_not_kept_by_the_browser(screen):
    response = screen.get("/kiosk/en/schools")
    assert response.headers["Cache-Control"] == "no-store" and "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_after_the_idle_time_the_next_touch_starts_over_with_nothing_kept(screen, app):
    add_to_list(screen, first_school_ids(app, 1)[0])
    screen.post("/kiosk/en/text-size", data={"csrf_token": csrf_token(screen)})
    assert 'class="large-text"' in page(screen, "/kiosk/en/list")
    with screen.session_transaction() as session:
        session["kiosk_seen"] = time.time() - 10_000
    moved = screen.get("/kiosk/en/list")
    assert moved.status_code == 302 and moved.headers["Location"] == "/kiosk/"
    html = page(screen, "/kiosk/en/list")
    assert "My list (0)" in html and 'class="large-text"' not in html
    # the screen itself stays enrolled: its device cookie is not the family's
    assert FAIR in html


def test_the_start_over_button_forgets_the_family(screen, app):
    add_to_list(screen, first_school_ids(app, 1)[0])
    assert screen.get("/kiosk/reset").headers["Location"] == "/kiosk/"
    assert "My list (0)" in page(screen, "/kiosk/en/list")


def test_without_javascript_the_page_still_resets_itself(screen):
    html = page(screen, "/kiosk/en/schools")
    idle = screen.application.config["KIOSK_IDLE_SECONDS"] + screen.application.config["KIOSK_COUNTDOWN_SECONDS"]
    assert f'<noscript><meta http-equiv="refresh" content="{idle};url=/kiosk/reset"></noscript>' in html


def test_an_enrollment_link_works_once(app):
    first, second = app.test_client(), app.test_client()
    code = app.config["TEST_ENROLLMENT_CODE"]
    opened = first.get(f"/kiosk/enroll/{code}")
    cookie = opened.headers["Set-Cookie"]
    assert opened.status_code == 200 and "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/kiosk" in cookie
    assert second.get(f"/kiosk/enroll/{code}").status_code == 404
    assert "kiosk_device" not in second.get(f"/kiosk/enroll/{code}").headers.get("Set-Cookie", "")


def test_what_the_service_worker_keeps_is_public_and_leaves_the_session_alone(screen, app):
    add_to_list(screen, first_school_ids(app, 1)[0])
    for url in ("/kiosk/sw.js", "/kiosk/es/snapshot.json", "/kiosk/es/offline", "/kiosk/static/kiosk/kiosk.js"):
        with screen.get(url) as response:
            assert response.status_code == 200 and "Set-Cookie" not in response.headers, url
    worker = screen.get("/kiosk/sw.js")
    assert worker.content_type.startswith("text/javascript") and worker.headers["Cache-Control"] == "no-cache"
    snapshot = screen.get("/kiosk/es/snapshot.json").get_json()
    # the fair's area (tests/kiosk/test_offline_search.py): most of Chicago's 661 schools
    assert 600 <= len(snapshot["schools"]) < 661 and snapshot["zips"]["60623"] and snapshot["grades"]["K"] == "Kínder"
    school = next(s for s in snapshot["schools"] if s["id"] == first_school_ids(app, 1)[0])
    facts = dict(zip([key for key, _heading, _ltr in snapshot["facts"]], [snapshot["texts"][i] for i in school["card"]], strict=True))
    assert school["booth"] == "A1" and facts["sector"] in ("Escuela del distrito", "Escuela chárter")
    assert set(school) >= {"id", "name", "grades", "lat", "lon", "needs", "not_stated", "card"}
    assert set(facts) >= {"sector", "grades", "special_education", "english_learners", "school_bus", "transit", "accessibility"}
