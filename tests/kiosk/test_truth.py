"""The kiosk tells families the truth: what was not stated is said per sector, the filter that
emptied the list is one tap away with its count, another city's ZIP is said to be outside, and a
name typed with a typo is found."""

import html
import re

from tests.kiosk.test_pages import page


def test_a_need_says_how_many_schools_have_not_stated_it_per_sector(screen):
    results = html.unescape(page(screen, "/kiosk/en/schools?grade=9&near=60623&need=sped"))
    note = re.search(r'<p class="notice not-stated">([^<]*)</p>', results).group(1)
    assert "have not said whether they offer this" in note and "Charter: " in note
    assert "must serve students with disabilities" in note


def test_nothing_found_offers_the_filter_to_drop_as_one_tap_with_its_count(screen):
    results = html.unescape(page(screen, "/kiosk/en/schools?grade=K&near=60637&need=bus&need=sped"))
    assert "No school matches all of that." in results
    link, label = re.search(r'<ul class="relaxations"[^>]*>\s*<li><a class="button primary" href="([^"]+)">([^<]+)</a>', results).groups()
    assert label.startswith("Without “School bus”: ")
    count = int(re.search(r": (\d+) school", label).group(1))
    assert "need=bus" not in link and "need=sped" in link
    after = html.unescape(page(screen, link))
    assert f"<h1>{count} schools</h1>" in after


def test_a_new_york_zip_is_said_to_be_outside_and_the_other_filters_still_apply(screen):
    answer = screen.get("/kiosk/es/schools?grade=3&near=10025")
    text = html.unescape(answer.get_data(as_text=True))
    assert answer.status_code == 400 and "10025" in text and "Chicago, IL" in text
    assert '<option value="3" selected' in text


def test_a_name_with_a_typo_is_found(screen):
    results = html.unescape(page(screen, "/kiosk/en/schools?q=kenwod"))
    assert "Kenwood Academy High School" in results and "Showing names like “kenwood”." in results


def test_the_needs_page_offers_only_needs_some_school_states(screen):
    needs = html.unescape(page(screen, "/kiosk/en/needs?grade=K&near=60637"))
    assert 'value="sped"' in needs and 'value="transit"' in needs
    assert 'value="bus"' not in needs and 'value="dual_language"' not in needs  # no Chicago school states them
