"""The kiosk in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

The app is served on loopback by a real WSGI server in a thread, on a real SQLite file; Twilio's
REST API is the only fake, at the network edge. axe-core (npm, `make test` installs it) is
injected into every kiosk page in English, Spanish and Arabic.
"""

import json
import re
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from sqlalchemy import func, select
from werkzeug.exceptions import ServiceUnavailable
from werkzeug.serving import make_server

from app.extensions import db
from kiosk import services
from kiosk.models import Registration
from tests.conftest import ROOT, need
from tests.fakes import use_fake_twilio
from tests.kiosk.conftest import first_school_ids, make_kiosk_app

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Debian's Chromium in a closed network: no background calls home (they would be refused).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]  # fmt: skip


def serious_axe_violations(page) -> list[str]:
    """Run axe-core (WCAG 2.2 AA and best practice) on the page: its serious and critical findings."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}))"
        ".violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.nodes[0].target)"
    )


@pytest.fixture(scope="module")
def browser():
    need(CHROMIUM.exists(), "Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class LiveKiosk:
    """The app served on a loopback port, with an enrolled screen's link and the fake Twilio."""

    def __init__(self, database_url: str, **settings):
        self.app = make_kiosk_app(database_url, **settings)
        self.twilio = use_fake_twilio(self.app)
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def enroll(self, page) -> None:
        page.goto(f"{self.url}/kiosk/enroll/{self.app.config['TEST_ENROLLMENT_CODE']}")

    def registrations(self) -> int:
        with self.app.app_context():
            return db.session.scalar(select(func.count()).select_from(Registration))

    def stop(self) -> None:
        self.server.shutdown()
        with self.app.app_context():
            db.engine.dispose()


@pytest.fixture
def kiosk(database_url):
    live = LiveKiosk(database_url)
    yield live
    live.stop()


@pytest.fixture
def quick_kiosk(database_url):
    """A kiosk that starts over after 3 quiet seconds and a 3-second countdown."""
    live = LiveKiosk(database_url, KIOSK_IDLE_SECONDS=3, KIOSK_COUNTDOWN_SECONDS=3)
    yield live
    live.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1080, "height": 1920}, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


FLOW = {  # locale: (its name on the start page, a word of its results page)
    "en": ("English", "schools"),
    "es": ("Español", "escuelas"),
    "ar": ("العربية", "مدرسة"),
}


@pytest.mark.parametrize("locale", list(FLOW))
def test_a_family_finds_compares_texts_and_registers(kiosk, page, locale):
    name, word = FLOW[locale]
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/")
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(f"**/kiosk/{locale}/")  # read the page it goes to, not the one it leaves
    assert page.evaluate("document.documentElement.lang") == locale.replace("_", "-")
    direction = "rtl" if locale == "ar" else "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    page.locator(f'a[href="/kiosk/{locale}/zip?grade=3"]').click()
    page.fill("#near", "60623")
    page.locator("form.stack button[type=submit]").click()
    page.check('input[name=need][value="ell"]')
    page.locator("form.stack button[type=submit]").click()
    assert page.url.split("?")[0].endswith(f"/kiosk/{locale}/schools")
    assert parse_qs(page.url.split("?")[1]) == {"grade": ["3"], "near": ["60623"], "need": ["ell"]}
    assert word in page.locator("h1").inner_text().lower()
    assert page.locator('input[name=need][value="ell"]').is_checked()  # the filters stay editable
    names = page.locator(".results .card h2").all_inner_texts()[:2]
    assert len(names) == 2
    for count in (1, 2):
        page.locator(".results button[name=action][value=add]").first.click()
        page.locator('.bar a[href$="/list"]', has_text=f"({count})").wait_for()
    page.goto(f"{kiosk.url}/kiosk/{locale}/compare")
    assert page.locator("table.compare thead th").all_inner_texts() == names
    cells = page.evaluate("[...document.querySelectorAll('table.compare tbody tr')].map(r => r.querySelectorAll('td').length)")
    assert cells and set(cells) == {2}
    page.goto(f"{kiosk.url}/kiosk/{locale}/list")
    page.fill("#phone", "773-555-0171")
    page.locator('form[action$="/list/text"] button[type=submit]').click()
    assert "0171" in page.locator(".success").inner_text()
    [text] = kiosk.twilio.sent
    assert text["To"] == "+17735550171" and all(n in text["Body"] for n in names)
    page.locator('a[href$="/register"]').click()
    page.fill("#parent_name", "Amal Haddad")
    page.fill("#phone", "(773) 555-0172")
    page.check('input[name=grade][value="3"]')
    page.check("input[name=consent]")
    page.locator("form[data-queue-offline] button[type=submit]").click()
    page.locator("p[role=status]", has_text="0172").wait_for()
    assert kiosk.registrations() == 1


def test_after_the_quiet_time_a_countdown_then_nothing_of_the_family_stays(quick_kiosk, page):
    kiosk = quick_kiosk
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/en/schools?grade=K")
    page.locator(".results button[name=action][value=add]").first.click()
    page.locator('.bar a[href$="/list"]', has_text="(1)").wait_for()
    dialog = page.locator("#idle")
    dialog.wait_for(state="visible", timeout=5000)
    page.get_by_role("button", name="I'm still here").click()  # a touch keeps the family's screen
    assert dialog.is_hidden() and "/kiosk/en/" in page.url
    page.wait_for_url(re.compile(r"/kiosk/$"), timeout=10_000)  # nobody answers: the screen starts over
    assert "kiosk_list" not in {c["name"] for c in page.context.cookies() if c["value"]}
    page.goto(f"{kiosk.url}/kiosk/en/list")
    assert "My list (0)" in page.content()
    page.go_back()
    page.go_back()
    assert "My list (1)" not in page.content()  # nor does the back button bring their page back


def queued(page) -> list[dict]:
    return json.loads(page.evaluate("localStorage.getItem('kiosk-registrations') || '[]'"))


def wait_until(condition, seconds: float = 15) -> None:
    """Poll from Python (the kiosk's CSP rightly forbids the eval that wait_for_function would use)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def cached_urls(page) -> list[str]:
    return page.evaluate(
        """async () => { const urls = [];
             for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
             return urls; }"""
    )


def test_offline_the_kiosk_browses_its_snapshot_and_queues_registrations_sent_once_later(kiosk, page):
    from playwright.sync_api import expect  # retries until the page the script draws is there

    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/es/")
    wait_until(lambda: len(cached_urls(page)) == 4 + 2 * 14)  # the shell and every language's snapshot
    page.context.set_offline(True)
    page.goto(f"{kiosk.url}/kiosk/es/schools?grade=3&near=60623&need=ell")
    page.locator(".results .card").first.wait_for()
    assert "Escuelas" in page.locator("h1").inner_text() and page.locator(".results .card").count() == 10
    first = page.locator(".results .card h2").first.inner_text()
    page.locator(".results .card button").first.click()
    expect(page.locator('.bar a[href$="/list"]')).to_contain_text("(1)")
    page.locator(".results .card h2 a").first.click()
    expect(page.locator("h1")).to_have_text(first)
    assert "km" not in page.locator("dl").inner_text()
    page.goto(f"{kiosk.url}/kiosk/ar/register")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    for number, (name, phone) in enumerate((("Lucía Gómez", "7735550181"), ("Tran Van Ba", "7735550182")), start=1):
        page.fill("#parent_name", name)
        page.fill("#phone", phone)
        page.check('input[name=grade][value="K"]')
        page.check("input[name=consent]")
        page.locator("form[data-queue-offline] button[type=submit]").click()
        wait_until(lambda count=number: len(queued(page)) == count)
        assert page.input_value("#parent_name") == ""  # the form is ready for the next family
    queue = queued(page)
    assert len({entry["key"] for entry in queue}) == 2 and dict(queue[0]["fields"])["school"]  # the list came along
    assert kiosk.registrations() == 0
    page.context.set_offline(False)
    wait_until(lambda: kiosk.registrations() == 2 and queued(page) == [])
    # The same submissions played again (a flaky network's retry) store nothing new.
    statuses = page.evaluate(
        """async (queue) => Promise.all(queue.map(e => fetch(e.action, {method: 'POST', headers: {Accept: 'application/json'},
             body: new URLSearchParams(e.fields)}).then(r => r.status)))""",
        queue,
    )
    assert statuses == [200, 200] and kiosk.registrations() == 2
    # Nothing a family typed or saw is kept by the service worker: only the shell and the public snapshots.
    kept = cached_urls(page)
    assert all(re.search(r"/kiosk/((\w+/)?(offline|snapshot\.json))?$|/kiosk/static/kiosk/\w+\.(css|js)$", url) for url in kept), kept
    bodies = page.evaluate(
        """async () => { const texts = []; for (const name of await caches.keys()) { const cache = await caches.open(name);
             for (const r of await cache.keys()) texts.push(await (await cache.match(r)).text()); } return texts.join(' '); }"""
    )
    assert "Lucía Gómez" not in bodies and "7735550181" not in bodies and "Tran Van Ba" not in bodies


KIOSK_PAGES = ["/kiosk/", "/kiosk/{l}/", "/kiosk/{l}/zip?grade=3", "/kiosk/{l}/zip?grade=3&near=99999", "/kiosk/{l}/needs?grade=3&near=60623",
               "/kiosk/{l}/schools?grade=3&near=60623", "/kiosk/{l}/schools/{school}", "/kiosk/{l}/list", "/kiosk/{l}/compare",
               "/kiosk/{l}/print", "/kiosk/{l}/register", "/kiosk/{l}/offline", "/kiosk/enroll/not-a-code",
               "/kiosk/{l}/schools/not-a-school"]  # fmt: skip


@pytest.mark.parametrize("locale", ["en", "es", "ar"])
def test_no_serious_accessibility_problems_on_any_kiosk_page(kiosk, browser, locale):
    need(AXE.exists(), "axe-core is not installed (make test runs npm ci)")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    kiosk.enroll(page)
    school_ids = first_school_ids(kiosk.app, 2)
    for school_id in school_ids:  # a list, so that list, compare and print pages have content
        page.goto(f"{kiosk.url}/kiosk/{locale}/schools/{school_id}")
        page.locator("button[name=action][value=add]").click()
    found = {}
    for template in KIOSK_PAGES:
        url = kiosk.url + template.format(l=locale, school=school_ids[0])
        page.goto(url)
        result = serious_axe_violations(page)
        if result:
            found[url] = result
    context.close()
    assert found == {}


def test_touch_targets_are_at_least_44_css_pixels(kiosk, page):
    """Buttons, links styled as buttons, fields, and the labels that hold each checkbox (the label is what a finger hits)."""
    kiosk.enroll(page)
    for url in ("/kiosk/", "/kiosk/en/", "/kiosk/en/schools?grade=K", "/kiosk/ar/register"):
        page.goto(kiosk.url + url)
        small = page.evaluate(
            """[...document.querySelectorAll('a.button, button, input:not([type=hidden]), select, label.check')]
                 .filter(e => e.offsetParent !== null && !e.closest('label.check, .visually-hidden') || e.matches('label.check'))
                 .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
                 .filter(([_, r]) => r.width < 44 || r.height < 44)
                 .map(([html, r]) => html)"""
        )
        assert small == [], url


def refused(page) -> list[dict]:
    return json.loads(page.evaluate("localStorage.getItem('kiosk-registrations-refused') || '[]'"))


def submit_registration(page, name: str, phone: str) -> None:
    page.fill("#parent_name", name)
    page.fill("#phone", phone)
    page.check('input[name=grade][value="K"]')
    page.check("input[name=consent]")
    page.locator("form[data-queue-offline] button[type=submit]").click()


def stored_keys(kiosk) -> list[str]:
    with kiosk.app.app_context():
        return list(db.session.scalars(select(Registration.client_key)))


def test_a_queued_registration_the_server_refuses_is_kept_offered_for_correction_and_stored_once(kiosk, page):
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/es/register")
    page.context.set_offline(True)
    submit_registration(page, "Lucía Gómez", "12")  # not a phone number: the server will refuse it
    wait_until(lambda: len(queued(page)) == 1)
    [entry] = queued(page)
    page.context.set_offline(False)
    wait_until(lambda: queued(page) == [] and len(refused(page)) == 1)
    assert kiosk.registrations() == 0
    offered = page.locator("#refused")
    assert "Lucía Gómez" in offered.inner_text()
    page.reload()  # kept on the screen, not only in the page that saw it refused
    offered.get_by_role("button").click()
    assert page.input_value("#parent_name") == "Lucía Gómez" and page.input_value("#phone") == "12"
    assert page.is_checked('input[name=grade][value="K"]') and page.is_checked("input[name=consent]")
    assert page.locator("#phone-error").is_visible() and page.get_attribute("#phone", "aria-invalid") == "true"
    page.fill("#phone", "(773) 555-0181")
    page.locator("form[data-queue-offline] button[type=submit]").click()
    page.locator("p[role=status]", has_text="0181").wait_for()
    wait_until(lambda: refused(page) == [])
    assert stored_keys(kiosk) == [entry["key"]]
    page.goto(f"{kiosk.url}/kiosk/es/register")
    page.evaluate("dispatchEvent(new Event('online'))")  # nothing is left to send, nor to offer again
    assert page.locator("#refused").count() == 0 and queued(page) == [] and stored_keys(kiosk) == [entry["key"]]


def test_a_busy_server_is_like_no_network_the_registration_waits_in_the_queue_and_is_stored_once(kiosk, page, monkeypatch):
    busy = threading.Event()
    busy.set()
    register = services.register

    def register_unless_busy(device, values):
        if busy.is_set():
            raise ServiceUnavailable(retry_after=5)
        return register(device, values)

    monkeypatch.setattr(services, "register", register_unless_busy)
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/ar/register")
    submit_registration(page, "Amal Haddad", "(773) 555-0172")
    page.locator("p.queued:not([hidden])").wait_for()  # on the page the server answered 503 with
    [entry] = queued(page)
    assert dict(entry["fields"])["parent_name"] == "Amal Haddad" and dict(entry["fields"])["client_key"] == entry["key"]
    assert page.input_value("#parent_name") == "" and page.locator(".queued").is_visible()  # ready for the next family
    assert page.evaluate("document.documentElement.dir") == "rtl" and kiosk.registrations() == 0
    page.evaluate("dispatchEvent(new Event('online'))")  # still busy: it stays queued
    time.sleep(0.5)
    assert len(queued(page)) == 1 and kiosk.registrations() == 0
    busy.clear()
    page.evaluate("dispatchEvent(new Event('online'))")
    wait_until(lambda: queued(page) == [] and kiosk.registrations() == 1)
    assert stored_keys(kiosk) == [entry["key"]]


def test_the_whole_result_card_is_the_schools_link(kiosk, page):
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/en/schools?grade=K")
    card = page.locator(".results .card").first
    link = card.locator("h2 a")
    assert page.evaluate("(card) => card.querySelectorAll('a:not(.button)').length", card.element_handle()) == 1  # one link name
    # What a finger at each point of the card hits: the school's link, or one of the card's own buttons.
    hits = page.evaluate(
        """(card) => { const r = card.getBoundingClientRect(); const link = card.querySelector('h2 a'); const hits = [];
             for (let y = r.top + 3; y < r.bottom - 3; y += 2) for (const fx of [0.05, 0.5, 0.95]) {
               const target = document.elementFromPoint(r.left + fx * r.width, y).closest('a, button');
               hits.push([fx, target === link ? 'link' : target && card.contains(target) ? 'button' : 'nothing']); }
             return hits; }""",
        card.element_handle(),
    )
    assert {kind for _fx, kind in hits} <= {"link", "button"}
    far_side = [kind for fx, kind in hits if fx == 0.95]  # beyond the buttons: the link from top to bottom
    assert set(far_side) == {"link"} and 2 * len(far_side) >= 44
    facts = card.locator(".facts").bounding_box()
    href = link.get_attribute("href")
    page.mouse.click(facts["x"] + facts["width"] / 2, facts["y"] + facts["height"] / 2)  # a tap on the card's facts, not its name
    page.wait_for_url(f"**{href}")


def test_a_registration_offered_for_correction_has_no_serious_accessibility_problems(kiosk, browser):
    need(AXE.exists(), "axe-core is not installed (make test runs npm ci)")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    kiosk.enroll(page)
    page.goto(f"{kiosk.url}/kiosk/ar/register")
    entry = {"action": f"{kiosk.url}/kiosk/ar/register", "key": "k" * 32, "problems": {"phone": "رقم غير صالح", "": "؟"},
             "fields": [["client_key", "k" * 32], ["parent_name", "Amal Haddad"], ["phone", "12"], ["grade", "K"], ["consent", "yes"]]}  # fmt: skip
    page.evaluate("(entry) => localStorage.setItem('kiosk-registrations-refused', JSON.stringify([entry]))", entry)
    page.reload()
    page.locator("#refused").get_by_role("button").click()
    assert page.input_value("#phone") == "12"
    found = serious_axe_violations(page)
    context.close()
    assert found == []
