"""The search tells families the truth, on the real CPS and NYC directories: the grades a source
lists exactly, "not stated" never read as "no", what to drop when nothing matched, places outside
the catalog's area said to be outside, names found with a typo."""

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from catalog.adapters import nyc_grades
from catalog.csvformat import parse_grades
from catalog.models import School
from catalog.query import build_query, without
from catalog.search import OutOfArea, check_area, search
from catalog.vocabulary import GRADE_CODES
from catalog.zip_table import centroid
from tests.conftest import real_file

CPS = "chicago_cps_school_profile_sy1617.csv"
NYC = ("nyc_doe_school_locations_2017_2018.csv", "nyc_doe_high_school_directory_2018.csv")


def source_rows(name: str) -> list[dict]:
    with real_file(name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def query(**params):
    return build_query({k: v if isinstance(v, list) else [str(v)] for k, v in params.items()}, centroid_of=centroid)


def every_id(**params) -> set[str]:
    found = search(query(**params, per_page=100))
    ids, page = {h.school.id for h in found.hits}, 1
    while len(ids) < found.total:
        page += 1
        ids |= {h.school.id for h in search(query(**params, per_page=100, page=page)).hits}
    return ids


@pytest.fixture
def cps(cli, session):
    assert cli("catalog", "import", str(real_file(CPS)), "--format", "cps").exit_code == 0
    return source_rows(CPS)


@pytest.fixture
def nyc(cli, session):
    result = cli("catalog", "import", "--partial", *(str(real_file(name)) for name in NYC), "--format", "nyc")
    assert result.exit_code == 0, result.output
    return source_rows(NYC[0])


def test_every_grade_finds_exactly_the_cps_schools_whose_row_offers_it(cps):
    offered = {f"cps-{r['School_ID']}": set(r["Grades_Offered_All"].split(",")) for r in cps}  # "PK,9,10,11,12"
    for grade in GRADE_CODES.values():
        expected = {school for school, grades in offered.items() if grade in grades}
        assert every_id(grade=grade) == expected, grade
    farragut = next(r for r in cps if r["Long_Name"] == "David G Farragut Career Academy High School")
    assert f"cps-{farragut['School_ID']}" not in every_id(grade="K")  # its "PK,9-12" is not PK to 12


@pytest.mark.parametrize(("grades", "low", "high"), [("6-8", "6", "8"), ("9-12", "9", "12"), ("K-5", "K", "5")])
def test_a_range_of_grades_finds_exactly_the_cps_schools_offering_any_of_them(cps, grades, low, high, app):
    """The bot's "middle school" (6 to 8) had searched grade 6 alone: Kenwood Academy (7-12) was never listed."""
    codes = list(GRADE_CODES.values())
    wanted = set(codes[codes.index(low) : codes.index(high) + 1])
    offered = {f"cps-{r['School_ID']}": set(r["Grades_Offered_All"].split(",")) for r in cps}
    expected = {school for school, grades_offered in offered.items() if grades_offered & wanted}
    assert every_id(grade=grades) == expected
    assert expected > every_id(grade=low)  # more than the range's first grade finds
    if low == "6":
        from catalog.labels import current

        found = search(query(grade=grades, q="kenwood academy"))
        [kenwood] = [hit for hit in found.hits if hit.school.name == "Kenwood Academy High School"]
        with app.test_request_context("/"):
            assert current().understood(found.query) == "Grade 6 to Grade 8"
            assert current().reason(kenwood.reasons[0]) == "Offers Grade 7, Grade 8"  # its grades of the range, not "Grade 6"


def test_every_grade_finds_exactly_the_nyc_schools_whose_row_offers_it(nyc):
    offered = {}
    for r in nyc:
        grades = nyc_grades(r["GRADES_FINAL_TEXT"] or r["GRADES_TEXT"])
        if grades:  # rows with no grade are refused on import (reported by line)
            offered[f"nyc-{r['ATS SYSTEM CODE'].strip().lower()}"] = set(GRADE_CODES[g] for g in parse_grades(grades))
    for grade in GRADE_CODES.values():
        expected = {school for school, grades in offered.items() if grade in grades}
        assert every_id(grade=grade) == expected, grade


def test_grade_labels_and_the_api_show_the_gaps(cps, client):
    body = client.get("/api/v1/schools?q=farragut+career&lang=en").json
    farragut = body["results"][0]
    assert farragut["grades"] == {"low": "PK", "high": "12", "offered": ["PK", "9", "10", "11", "12"]}
    assert farragut["grades_label"] == "Pre-K and Grade 9 to Grade 12"


def test_special_education_never_hides_a_charter_school_and_says_how_many_have_not_stated_it(cps):
    charters = [r for r in cps if r["School_Type"] == "Charter"]
    assert charters and all(not r["Significantly_Modified"] for r in charters)  # CPS states no program of any charter
    result = search(query(need="sped", sector="charter"))
    assert result.total == 0  # no charter offers a program it has stated …
    assert result.not_stated["sped"] == {"charter": len(charters)}  # … and every one is counted as not stated, not "no"
    result = search(query(need="sped"))
    district_unstated = sum(
        1
        for r in cps
        if r["School_Type"] != "Charter"
        and not any(
            r[c] == "Y"
            for c in ("PreSchool_Inclusive", "Preschool_Instructional", "Significantly_Modified", "Hard_Of_Hearing", "Visual_Impairments")
        )
        and r["School_Type"] != "Special Education"
    )
    assert result.not_stated["sped"] == {"charter": len(charters), "district": district_unstated}
    assert result.total == len(cps) - len(charters) - district_unstated


def test_not_stated_counts_follow_every_other_filter(cps):
    near = query(need=["sped", "bus"], near="60637", radius_km=5, grade="K")
    result = search(near)
    others = search(replace_page(replace_needs(near, ()))).hits  # every filter but the needs
    for need in ("sped", "bus"):
        other = next(n for n in ("sped", "bus") if n != need)
        counted = {}
        for hit in others:  # unstated, and the other need offered or unstated: it would match
            if need_not_stated(hit.school, need) and (getattr(hit.school, f"need_{other}") or need_not_stated(hit.school, other)):
                counted[hit.school.sector] = counted.get(hit.school.sector, 0) + 1
        assert result.not_stated.get(need, {}) == counted, need
    assert result.not_stated["sped"].get("charter")  # charters state neither: counted, never hidden


def test_a_school_that_has_stated_neither_of_two_needs_is_counted_for_both(cps):
    """CICS Washington Park, a K charter 1.4 km from 60637's centre, states neither special
    education nor English-learner programs: asked for both, it is counted for both."""
    result = search(query(grade="K", near="60637", radius_km=3, sector="charter", need=["sped", "ell"]))
    alone = search(query(grade="K", near="60637", radius_km=3, sector="charter"))
    unstated_both = [h for h in alone.hits if need_not_stated(h.school, "sped") and need_not_stated(h.school, "ell")]
    assert "cps-400029" in {h.school.id for h in unstated_both}
    assert result.not_stated["sped"]["charter"] >= len(unstated_both) > 0
    assert result.not_stated["ell"]["charter"] >= len(unstated_both)


def replace_needs(q, needs):
    from dataclasses import replace

    return replace(q, needs=needs)


def replace_page(q):
    from dataclasses import replace

    return replace(q, per_page=100)


def need_not_stated(school, need: str) -> bool:
    from catalog.vocabulary import need_bit

    return bool(school.needs_not_stated & need_bit(need))


def import_programs(cli, tmp_path, rows: str) -> None:
    """Import schools given as "id,name,sector,grades,zip,sped_programs,ell_programs" rows."""
    path = tmp_path / "schools.csv"
    path.write_text("id,name,sector,grades,zip,sped_programs,ell_programs\n" + rows, encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0


def test_none_in_the_csv_is_a_stated_no(cli, session, tmp_path):
    import_programs(
        cli,
        tmp_path,
        "a,Stated None,charter,K-8,60637,none,none\nb,Not Stated,charter,K-8,60637,,\nc,Offers,district,K-8,60637,resource,esl\n",
    )
    result = search(query(need="sped"))
    assert [h.school.id for h in result.hits] == ["c"]
    assert result.not_stated == {"sped": {"charter": 1}}  # b only: a said it has none
    assert cli("catalog", "export", str(tmp_path / "out.csv")).exit_code == 0
    exported = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "a,Stated None,charter" in exported and ",none,none," in exported


SERVICES_SAID = {
    f"{listed}; perhaps others: ask the school"
    for listed in ("Bilingual services", "Refugee services", "Bilingual services, Refugee services")
}


def test_no_cps_school_is_said_to_offer_english_learners_nothing_for_one_service_it_lacks(cps, client):
    # A "N" in Bilingual_Services or Refugee_Services says the school has not that one service; the
    # file never says a school offers English learners nothing (every public school must serve them).
    said_no = [r for r in cps if "N" in (r["Bilingual_Services"], r["Refugee_Services"])]
    assert len(said_no) > 70  # (Y, N) 71, (N, N) 59, (N, "") 17, ("", N) 2
    listed = {f"cps-{r['School_ID']}" for r in cps if "Y" in (r["Bilingual_Services"], r["Refugee_Services"])}
    for row in said_no:
        school = client.get(f"/api/v1/schools/cps-{row['School_ID']}").json
        ell = school["english_learners"]
        if school["id"] in listed:  # the services it has, and no word that they are all it has
            assert not ell["stated"] and ell["label"].split(" (")[0] in SERVICES_SAID, school["id"]
        else:
            assert not ell["stated"] and ell["label"].startswith("Not stated"), school["id"]
    disney = next(r for r in cps if r["School_ID"] == "610515")  # Disney II: Bilingual_Services empty, Refugee_Services N
    assert (disney["Bilingual_Services"], disney["Refugee_Services"]) == ("", "N")
    ell = client.get("/api/v1/schools/cps-610515").json["english_learners"]
    assert ell["stated"] is False and ell["label"] == "Not stated: ask the school (49 English learners, 11%)"
    unlisted = len(cps) - len(listed)
    assert search(query(need="ell")).total == len(listed)
    assert sum(search(query(need="ell")).not_stated["ell"].values()) == unlisted  # counted as not stated, never "no"


def test_the_demo_catalog_states_no_school_has_no_english_learner_programs():  # the CPS profile, converted
    demo = Path(__file__).resolve().parents[2] / "catalog" / "demo" / "chicago.csv"
    with demo.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 661 and not [r["id"] for r in rows if r["ell_programs"] == "none"]


def test_a_filter_that_empties_the_list_is_named_with_what_dropping_it_finds(cps):
    result = search(query(grade="K", near="60637", radius_km=5, need=["sped", "bus"]))
    assert result.total == 0
    drop = result.relaxations[0]
    assert drop.drop == "bus"
    assert search(query(grade="K", near="60637", radius_km=5, need="sped")).total == drop.total > 0
    for name in ("grade", "sped"):  # no other single filter finds more
        assert search(without(query(grade="K", near="60637", radius_km=5, need=["sped", "bus"]), name)).total <= drop.total


def test_a_wider_radius_is_offered_with_its_count(cps):
    tight = query(grade="12", near="60827", radius_km=0.5, sector="charter")
    result = search(tight)
    assert result.total == 0
    wider = [r for r in result.relaxations if r.radius_km]
    assert wider and search(query(grade="12", near="60827", radius_km=wider[0].radius_km, sector="charter")).total == wider[0].total


def test_a_new_york_zip_is_outside_the_chicago_catalog(cps, client):
    with pytest.raises(OutOfArea) as raised:
        check_area(query(near="10025"))
    assert raised.value.params["area"] == "Chicago, IL"  # every school it lists is in Chicago
    answer = client.get("/api/v1/schools?near=10025")
    assert answer.status_code == 400 and answer.json["error"]["parameter"] == "near"
    assert "Chicago" in answer.json["error"]["message"]
    check_area(query(near="60201"))  # Evanston, next door: searched, nearest first


def test_a_chicago_zip_is_outside_the_nyc_catalog(nyc, client, session):
    with pytest.raises(OutOfArea) as raised:
        check_area(query(near="60637"))
    check_area(query(near="10025"))
    # The area named is the whole area listed: all five boroughs, and the rest of the city names
    # the source spells (Jamaica, "Staten Is", …) counted, never left out.
    area = raised.value.params["area"]
    boroughs = ("Brooklyn, NY", "Bronx, NY", "Queens, NY", "Manhattan, NY", "Staten Island, NY")
    assert all(borough in area for borough in boroughs), area
    named, _, more = area.rpartition(" and ")
    assert more.endswith(" more places") and named == "; ".join(boroughs)
    listed = set(session.execute(select(School.city, School.state).where(School.city != "")).all())
    assert int(more.split()[0]) == len(listed) - len(boroughs) == 8
    answer = client.get("/api/v1/schools?near=60637&lang=es").json["error"]["message"]
    assert "Manhattan, NY; Staten Island, NY y 8 lugares más" in answer, answer
    arabic = client.get("/api/v1/schools?near=60637&lang=ar").json["error"]["message"]
    assert "Manhattan, NY؛ Staten Island, NY" in arabic, arabic  # the places between the locale's own semicolons


@pytest.mark.parametrize("typed", ["kenwod", "Kenwod", "KENWOOD", "kenwoood", "kenwood acadmy"])
def test_a_name_with_a_typo_is_found(cps, typed):
    result = search(query(q=typed))
    assert "Kenwood Academy High School" in [h.school.name for h in result.hits]


def test_a_word_in_no_name_finds_nothing_rather_than_anything(cps):
    result = search(query(q="zzzzqqq"))
    assert result.total == 0 and result.read_as is None


def test_a_name_typed_right_is_not_said_to_be_read_as_another_when_other_filters_find_nothing(cps):
    """A name typed as the catalog writes it ("kenwood"): when a charter with English-learner programs is asked
    for too and none matches, the name was not misread, so nothing says it was."""
    result = search(query(q="kenwood", sector="charter", need="ell", grade="K"))
    assert result.total == 0 and result.read_as is None
    assert search(query(q="kenwod")).read_as == "kenwood"


def test_a_program_no_listing_states_is_counted_as_not_stated_per_sector(cps, session):
    """CPS publishes no autism programs: no school has said whether it runs one, those that list
    other special-education programs included (the file has no column for autism)."""
    from sqlalchemy import func, select

    from catalog.models import School

    result = search(query(program="autism"))
    unstated = dict(session.execute(select(School.sector, func.count()).where(School.sped_stated.is_(False)).group_by(School.sector)).all())
    assert result.total == 0 and result.not_stated == {"program": unstated}
    assert unstated["charter"] == sum(1 for r in cps if r["School_Type"] == "Charter")  # every charter: not stated, never "no"
    assert sum(unstated.values()) == len(cps)  # and every district school, those that list programs included
    near = search(query(program="autism", grade="K", near="60637", radius_km=5, sector="charter"))
    assert near.not_stated["program"]["charter"] == search(query(grade="K", near="60637", radius_km=5, sector="charter")).total
    # with the need of its kind asked too, a school that states nothing of the kind is said once, under
    # the need; one that lists other programs of it (not its whole list) under the program
    both = search(query(program="autism", need="sped")).not_stated
    lists_some = dict(session.execute(select(School.sector, func.count()).where(School.need_sped.is_(True)).group_by(School.sector)).all())
    assert both == {"sped": search(query(need="sped")).not_stated["sped"], "program": lists_some}
    assert sum(both["sped"].values()) + sum(both["program"].values()) == len(cps)  # each school once


def test_a_program_not_stated_is_said_with_its_name_and_what_every_school_owes(cps, app):
    from flask_babel import force_locale

    from catalog.labels import current

    asked = query(program="autism")
    with app.test_request_context("/"):
        said_en = current().not_stated("program", {"charter": 2}, asked)
        with force_locale("es"):
            said = current().not_stated("program", {"charter": 2}, asked)
    assert "Autism" in said_en and "must serve students with disabilities" in said_en
    assert "autismo" in said and "discapacidades" in said  # the family's language


def test_a_program_in_a_language_is_not_stated_only_where_its_kind_is_not_stated(cli, session, tmp_path):
    import_programs(
        cli,
        tmp_path,
        "a,ESL Only,district,K-8,60637,,esl\n"
        "b,Not Stated,charter,K-8,60637,,\n"
        "c,Spanish Dual,charter,K-8,60637,,dual_language:es\n"
        "d,French Dual,district,K-8,60637,,dual_language:fr\n"
        "e,Stated None,district,K-8,60637,,none\n",
    )
    result = search(query(program="dual_language", language="es"))
    assert [h.school.id for h in result.hits] == ["c"]
    assert result.not_stated == {"program": {"charter": 1}}  # b only: a, d and e state their programs
    assert search(query(program="dual_language", language="es", sector="district")).not_stated == {}


def test_a_cps_school_listing_bilingual_services_has_not_said_it_runs_no_dual_language(cps, client):
    # The file has a column for bilingual services and none for dual language: a school with
    # bilingual services may run a dual-language program too, and is counted as not saying.
    bilingual = [r for r in cps if r["Bilingual_Services"] == "Y"]
    assert len(bilingual) == 278  # of 661
    found = client.get("/api/v1/schools", query_string={"need": "dual_language", "per_page": 1}).json
    assert found["total"] == 0 and sum(found["not_stated"]["dual_language"].values()) == len(cps)
    spanish = client.get("/api/v1/schools", query_string={"program": "dual_language", "language": "es", "per_page": 1}).json
    assert sum(spanish["not_stated"]["program"].values()) == len(cps)
    assert search(query(need="ell")).total == len({r["School_ID"] for r in cps if "Y" in (r["Bilingual_Services"], r["Refugee_Services"])})


def test_a_nyc_special_school_has_not_said_which_programs_it_runs(nyc, session):
    special = session.scalars(select(School).where(School.school_type == "Special Education")).all()
    assert len(special) > 50 and all(s.sped_stated is False for s in special)
    assert search(query(need="sped")).total >= len(special)
    found = search(query(program="autism", sector="district"))
    assert found.total == 0 and found.not_stated["program"]["district"] == search(query(sector="district")).total


def test_more_ends_a_program_list_that_may_not_be_whole(cli, session, tmp_path):
    import_programs(
        cli,
        tmp_path,
        "a,Whole List,district,K-8,60637,resource,esl\n"
        "b,Perhaps More,district,K-8,60637,resource;more,esl;MORE\n"
        "c,More Alone,charter,K-8,60637,more,more\n",
    )
    assert {h.school.id for h in search(query(need="ell", per_page=10)).hits} == {"a", "b"}
    assert search(query(need="dual_language")).not_stated == {"dual_language": {"charter": 1, "district": 1}}  # b and c; a said no
    assert search(query(program="autism")).not_stated == {"program": {"charter": 1, "district": 1}}
    assert cli("catalog", "export", str(tmp_path / "out.csv")).exit_code == 0
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        exported = {r["id"]: (r["sped_programs"], r["ell_programs"]) for r in csv.DictReader(f)}
    assert exported == {"a": ("resource", "esl"), "b": ("resource;more", "esl;more"), "c": ("", "")}


def test_none_beside_programs_is_refused_with_what_it_means(cli, session, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text("id,name,sector,grades,zip,sped_programs,ell_programs\nx,Mixed,district,K,60637,none;resource,esl\n", encoding="utf-8")
    result = cli("catalog", "import", str(path))
    assert result.exit_code != 0 and "“none” goes alone" in result.output
    assert session.get(School, "x") is None


def test_two_letters_typed_the_wrong_way_round_are_one_typo(cps):
    johnsons = {h.school.id for h in search(query(q="johnson", per_page=100)).hits}
    result = search(query(q="jonhson", per_page=100))
    assert johnsons and {h.school.id for h in result.hits} == johnsons and result.read_as == "johnson"


def test_the_official_rating_is_on_every_schools_card_with_its_source_in_both_sectors(cps, client):
    """CPS rates district and charter schools on one scale (SQRP): each card says it as published."""
    rated = {sector: next(r for r in cps if (r["School_Type"] == "Charter") == (sector == "charter") and r["Overall_Rating"][:5] == "Level")
             for sector in ("district", "charter")}  # fmt: skip
    for row in rated.values():
        school_id = f"cps-{row['School_ID']}"
        card = {fact["key"]: fact for fact in client.get(f"/api/v1/schools/{school_id}").json["card"]}
        assert card["rating"]["heading"] == "Official rating"
        assert card["rating"]["text"].startswith(row["Overall_Rating"] + " · CPS SQRP 20")
        page = client.get(f"/kiosk/es/schools/{school_id}").get_data(as_text=True)
        assert "Calificación oficial" in page and row["Overall_Rating"] in page
    unrated = next(r for r in cps if r["Overall_Rating"] in ("", "Inability to Rate"))
    card = {fact["key"] for fact in client.get(f"/api/v1/schools/cps-{unrated['School_ID']}").json["card"]}
    assert "rating" not in card  # no rating is shown as none, never as a low one


def test_a_dual_language_school_is_said_to_match_by_its_languages_not_the_program_twice(cli, session, tmp_path, client):
    import_programs(cli, tmp_path, "d,Two Ways,district,K-8,60637,,esl;dual_language:es;dual_language:fr\n")
    [found] = client.get("/api/v1/schools", query_string={"need": "dual_language"}).json["results"]
    assert found["matched"] == [{"kind": "need", "label": "Dual language: Spanish, French"}]
    [spanish] = client.get("/api/v1/schools", query_string={"need": "dual_language", "lang": "es"}).json["results"][0]["matched"]
    assert spanish["label"].count(":") == 1, spanish  # the program named once, then its languages


def test_a_school_serving_a_few_english_learners_is_never_said_to_serve_0_percent(cps, client):
    few = [
        r
        for r in cps
        if r["Student_Count_English_Learners"] not in ("", "0")
        and int(r["Student_Count_English_Learners"]) * 200 < int(r["Student_Count_Total"])
    ]
    assert few  # under half a percent: "0%" when rounded whole
    for row in few:
        label = client.get(f"/api/v1/schools/cps-{row['School_ID']}").json["english_learners"]["label"]
        said = float(label.rsplit(", ", 1)[1].removesuffix("%)"))
        share = 100 * int(row["Student_Count_English_Learners"]) / int(row["Student_Count_Total"])
        assert 0 < said and abs(said - share) <= 0.05, label  # one decimal under 1%


def test_a_zip_in_another_state_is_said_to_be_there_where_schools_may_admit_only_their_residents(nyc, client):
    # Jersey City (NJ) is within reach of Manhattan's schools, which may take only New York residents
    jersey = client.get("/api/v1/schools", query_string={"near": "07302", "per_page": 3}).json
    assert jersey["total"] > 0 and jersey["another_state"]["state"] == "NJ" and jersey["another_state"]["schools_in"] == ["NY"]
    assert jersey["another_state"]["label"].startswith("ZIP 07302 is in NJ and these schools are in NY: a public school may admit only")
    spanish = client.get("/api/v1/schools", query_string={"near": "07302", "lang": "es"}).json["another_state"]["label"]
    assert spanish.startswith("El ZIP 07302 está en NJ")
    assert client.get("/api/v1/schools", query_string={"near": "10025"}).json["another_state"] is None  # Manhattan
    assert client.get("/api/v1/schools", query_string={"q": "academy"}).json["another_state"] is None  # no place asked
    page = client.get("/kiosk/en/schools", query_string={"near": "07302"}).get_data(as_text=True)
    assert "ZIP 07302 is in NJ and these schools are in NY" in page


def test_a_chicago_catalog_says_an_indiana_zip_is_in_another_state(cps, client):
    hammond = client.get("/api/v1/schools", query_string={"near": "46320"}).json
    assert hammond["total"] > 0 and (hammond["another_state"]["state"], hammond["another_state"]["schools_in"]) == ("IN", ["IL"])
    assert client.get("/api/v1/schools", query_string={"near": "60201"}).json["another_state"] is None  # Evanston: the same state


def test_a_school_listing_the_program_asked_is_found_and_never_also_counted_as_not_saying(cli, session, tmp_path):
    import_programs(
        cli,
        tmp_path,
        "b,Bilingual More,district,K-8,60637,resource;more,bilingual_services;more\n"
        "e,ESL More,charter,K-8,60637,,esl;more\n"
        "w,Whole,district,K-8,60637,resource,esl\n",
    )
    for asked in ({"program": "bilingual_services"}, {"program": "bilingual_services", "need": "ell"}):
        found = search(query(**asked))
        assert [h.school.id for h in found.hits] == ["b"] and found.not_stated == {"program": {"charter": 1}}, asked  # e only
    found = search(query(program="resource", need="sped"))
    assert [h.school.id for h in found.hits] == ["b", "w"] or [h.school.id for h in found.hits] == ["w", "b"]
    assert found.not_stated == {"sped": {"charter": 1}}  # e has stated nothing of special education


def test_more_is_a_word_of_the_program_columns_only(cli, session, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text("id,name,sector,grades,zip,world_languages\nx,Languages,district,K,60637,es;more\n", encoding="utf-8")
    result = cli("catalog", "import", str(path))
    assert result.exit_code != 0 and "“more” is not a two-letter language code." in result.output


def test_dual_language_in_a_language_is_a_dual_language_program_in_it_not_any_class_in_it(cli, session, tmp_path, client):
    path = tmp_path / "schools.csv"
    path.write_text(
        "id,name,sector,grades,zip,ell_programs,world_languages\n"
        "s,Spanish Dual Mandarin Class,district,9-12,60637,esl;dual_language:es,zh\n"
        "c,Chinese Dual,charter,9-12,60637,dual_language:zh,\n"
        "d,No Programs,district,9-12,60637,,\n",
        encoding="utf-8",
    )
    assert cli("catalog", "import", str(path)).exit_code == 0
    found = client.get("/api/v1/schools", query_string={"need": "dual_language", "language": "zh"}).json
    assert [r["id"] for r in found["results"]] == ["c"]  # the Mandarin class is not a Chinese dual-language program
    assert found["results"][0]["matched"] == [{"kind": "program", "label": "Dual language: Chinese"}]  # said once
    # dropped, a program takes its language with it: "any Chinese class" is never what is left
    nothing = client.get("/api/v1/schools", query_string={"program": "dual_language", "language": "zh", "sector": "district"}).json
    assert nothing["total"] == 0 and nothing["relaxations"] == [{"drop": "program", "total": 2}]  # s and d, not s alone
    assert client.get("/api/v1/schools", query_string={"sector": "district"}).json["total"] == 2
