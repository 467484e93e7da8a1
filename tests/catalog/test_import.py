"""`flask catalog import/export`: real directories, idempotence, round trips, bad rows."""

import csv
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from sqlalchemy import func, select

from catalog.models import Program, School, SchoolText
from catalog.zip_table import centroid
from tests.conftest import FIXTURES, real_file

# --- expectations computed from the source files with nothing but the csv module ----------


def source(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cps_expected(path: Path) -> tuple[Counter, Counter]:
    rows = source(path)
    sectors = Counter("charter" if r["School_Type"] == "Charter" else "district" for r in rows)
    programs = Counter()
    for r in rows:
        if r["PreSchool_Inclusive"] == "Y" or r["Preschool_Instructional"] == "Y":
            programs["early_childhood"] += 1
        for column, code in (("Significantly_Modified", "significant_support"), ("Hard_Of_Hearing", "deaf_hard_of_hearing"),
                             ("Visual_Impairments", "visual_impairment"), ("Bilingual_Services", "bilingual_services"),
                             ("Refugee_Services", "refugee_services")):  # fmt: skip
            programs[code] += r[column] == "Y"
        programs["special_school"] += r["School_Type"] == "Special Education"
        languages = {name.strip() for name in r["Classroom_Languages"].split(",")}
        programs["world_language:es"] += bool(languages & {"Spanish", "Spanish for Heritage Speakers"})
        programs["world_language:fr"] += "French" in languages
        programs["world_language:zh"] += bool(languages & {"Chinese", "Mandarin"})
    return sectors, +programs


def nyc_expected(locations: Path, directory: Path) -> tuple[Counter, Counter]:
    rows = source(locations)
    sectors = Counter("charter" if r["MANAGED_BY_NAME"] == "Charter" else "district" for r in rows)
    programs = Counter(special_school=sum(r["LOCATION_TYPE_DESCRIPTION"] == "Special Education" for r in rows))
    dbns = {r["ATS SYSTEM CODE"].strip() for r in rows}
    for r in source(directory):
        if r["dbn"].strip() not in dbns:
            continue
        ell = r["ell_programs"]
        programs["esl"] += "English as a New Language" in ell
        for part in ell.split(";"):
            name, _, languages = part.partition(":")
            if name.strip() == "Dual Language" and "Spanish" in languages:
                programs["dual_language:es"] += 1
            if name.strip() == "Transitional Bilingual Education" and "Chinese" in languages:
                programs["transitional_bilingual:zh"] += 1
        programs["world_language:fr"] += "French" in r["language_classes"]
    return sectors, +programs


def catalog_counts(session) -> tuple[Counter, Counter]:
    sectors = Counter(dict(session.execute(select(School.sector, func.count()).group_by(School.sector)).all()))
    programs = Counter()
    for code, language, count in session.execute(
        select(Program.code, Program.language, func.count()).group_by(Program.code, Program.language)
    ):
        programs[f"{code}:{language}" if language else code] += count
    return sectors, programs


CPS_FILES = {"sample": lambda: FIXTURES / "cps_sample.csv", "real": lambda: real_file("chicago_cps_school_profile_sy1617.csv")}
NYC_FILES = {
    "sample": lambda: (FIXTURES / "nyc_locations_sample.csv", FIXTURES / "nyc_hs_directory_sample.csv"),
    "real": lambda: (real_file("nyc_doe_school_locations_2017_2018.csv"), real_file("nyc_doe_high_school_directory_2018.csv")),
}


@pytest.mark.parametrize("which", ["sample", "real"])
def test_cps_import_matches_the_source_and_reimport_changes_nothing(which, cli, session):
    path = CPS_FILES[which]()
    result = cli("catalog", "import", str(path), "--format", "cps")
    assert result.exit_code == 0, result.output
    sectors, programs = catalog_counts(session)
    expected_sectors, expected_programs = cps_expected(path)
    assert sectors == expected_sectors
    for key, count in expected_programs.items():
        assert programs[key] == count, key
    before = session.execute(select(School.id, School.content_hash, School.updated_at).order_by(School.id)).all()
    again = cli("catalog", "import", str(path), "--format", "cps")
    assert again.exit_code == 0
    assert f"0 new, 0 changed, {sum(expected_sectors.values())} unchanged, 0 rejected" in again.output
    session.expire_all()
    assert session.execute(select(School.id, School.content_hash, School.updated_at).order_by(School.id)).all() == before


@pytest.mark.parametrize("which", ["sample", "real"])
@pytest.mark.parametrize("order", ["locations_first", "directory_first"])
def test_nyc_import_joins_the_directory_in_either_order(which, order, cli, session):
    locations, directory = NYC_FILES[which]()
    files = [locations, directory] if order == "locations_first" else [directory, locations]
    result = cli("catalog", "import", *map(str, files), "--format", "nyc")
    assert result.exit_code == 0, result.output
    sectors, programs = catalog_counts(session)
    expected_sectors, expected_programs = nyc_expected(locations, directory)
    assert sectors == expected_sectors
    for key, count in expected_programs.items():
        assert programs[key] == count, key
    # a high school carries the directory's transit facts
    high_school = source(directory)[0]
    school = session.get(School, f"nyc-{high_school['dbn'].strip().lower()}")
    assert school.transit_rail == high_school["subway"].strip()
    assert school.transit_bus == high_school["bus"].strip()


def test_a_nyc_name_the_locations_file_cut_at_50_characters_is_the_directorys_whole_name(cli, session):
    locations, directory = NYC_FILES["real"]()
    assert cli("catalog", "import", str(locations), str(directory), "--format", "nyc").exit_code == 0
    located = {row["ATS SYSTEM CODE"].strip(): row["LOCATION_NAME"].strip() for row in source(locations)}
    whole = {row["dbn"].strip(): row["school_name"].strip() for row in source(directory)}
    cut = {dbn: name for dbn, name in whole.items() if len(located.get(dbn, "")) == 50 and name.startswith(located[dbn])}
    assert len(cut) >= 50  # "Felisa Rincon de Gautier Institute for Law and Pub" …
    for dbn, name in cut.items():
        assert session.get(School, f"nyc-{dbn.lower()}").name == name
    shorter = next(dbn for dbn, name in located.items() if dbn in whole and len(name) < 50 and name != whole[dbn])
    assert session.get(School, f"nyc-{shorter.lower()}").name == located[shorter]  # a name not cut is the school's own


def test_nyc_import_needs_both_files(cli, session):
    result = cli("catalog", "import", str(FIXTURES / "nyc_locations_sample.csv"), "--format", "nyc")
    assert result.exit_code != 0
    assert "two files" in result.output
    assert session.scalar(select(func.count()).select_from(School)) == 0


def test_export_then_import_round_trips_to_the_same_catalog(cli, session, tmp_path, app):
    assert cli("catalog", "import", str(FIXTURES / "cps_sample.csv"), "--format", "cps").exit_code == 0
    translations = tmp_path / "t.csv"
    first_id = session.scalars(select(School.id).order_by(School.id)).first()
    translations.write_text(f"id,field,locale,text\n{first_id},summary,es,Una escuela.\n", encoding="utf-8")
    # give the school an English summary so the translation has a source
    canonical = tmp_path / "one.csv"
    assert cli("catalog", "export", str(canonical)).exit_code == 0
    rows = source(canonical)
    rows[0]["summary"] = "A school."
    with canonical.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert cli("catalog", "import", str(canonical), "--translations", str(translations)).exit_code == 0

    first, first_t = tmp_path / "first.csv", tmp_path / "first_t.csv"
    assert cli("catalog", "export", str(first), "--translations", str(first_t)).exit_code == 0
    # a second, empty database gets the export and exports it again
    from app import create_app
    from app.extensions import db as _db

    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    other = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": other_url})
    with other.app_context():
        from flask_migrate import upgrade

        upgrade()
    runner = other.test_cli_runner()
    assert runner.invoke(args=["catalog", "import", str(first), "--translations", str(first_t)]).exit_code == 0
    second, second_t = tmp_path / "second.csv", tmp_path / "second_t.csv"
    assert runner.invoke(args=["catalog", "export", str(second), "--translations", str(second_t)]).exit_code == 0
    with other.app_context():
        _db.engine.dispose()
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert second_t.read_text(encoding="utf-8") == first_t.read_text(encoding="utf-8")
    assert "Una escuela." in first_t.read_text(encoding="utf-8")
    # and re-importing the export into the first catalog changes nothing
    again = cli("catalog", "import", str(first), "--translations", str(first_t))
    assert " 0 new, 0 changed," in again.output and "Translations: 0 new, 0 changed, 1 unchanged." in again.output


HEADER = "id,name,sector,grades,zip,sped_programs\n"
GOOD = "t-1,Escuela Uno,district,K-5,60637,autism\n"
BROKEN_ROWS = [
    ("t-2,Two,district,K-13,60637,\n", "grades", "is not a grade list"),
    ("t-3,Three,district,K-5,60637,telepathy\n", "sped_programs", "Unknown special-education program"),
    ("t-4,Four,private,K-5,60637,\n", "sector", "is not one of"),
    (",Five,district,K-5,60637,\n", "id", "is required"),
    ("t-1,Duplicate,district,K-5,60637,\n", "id", "Duplicate id"),
]


def broken_file(tmp_path) -> Path:
    path = tmp_path / "broken.csv"
    body = HEADER + GOOD + "".join(row for row, _c, _m in BROKEN_ROWS)
    body += "t-6,Six,charter,9-12,2134,\n"  # a 4-digit ZIP: padded, with a warning
    data = body.encode() + b"t-7,Caf\xe9 Seven,district,K-5,60637,\n"  # Latin-1, not UTF-8
    path.write_bytes(data)
    return path


def test_broken_rows_are_reported_by_line_and_column_and_nothing_is_imported(cli, session, tmp_path):
    result = cli("catalog", "import", str(broken_file(tmp_path)))
    assert result.exit_code == 1
    for line, (_row, column, message) in enumerate(BROKEN_ROWS, start=3):
        assert any(f":{line}: {column}: rejected: " in out and message in out for out in result.output.splitlines()), (line, result.output)
    assert ":8: zip: warning: ZIP code “2134” was padded to 02134." in result.output
    assert ":9: name: rejected: The value is not valid UTF-8 text." in result.output
    assert "6 rejected" in result.output and "Nothing was imported" in result.output
    assert session.scalar(select(func.count()).select_from(School)) == 0


def test_partial_import_keeps_the_good_rows(cli, session, tmp_path):
    result = cli("catalog", "import", str(broken_file(tmp_path)), "--partial")
    assert result.exit_code == 1  # rows were still rejected
    assert sorted(session.scalars(select(School.id))) == ["t-1", "t-6"]
    assert session.get(School, "t-6").zip == "02134"
    assert session.get(School, "t-1").name == "Escuela Uno"  # the first t-1 is kept, not the duplicate


def test_dry_run_reports_and_changes_nothing(cli, session, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    result = cli("catalog", "import", str(path), "--dry-run")
    assert result.exit_code == 0 and "1 new" in result.output and "Dry run" in result.output
    assert session.scalar(select(func.count()).select_from(School)) == 0


def test_a_missing_required_column_or_unknown_column_refuses_the_file(cli, session, tmp_path):
    path = tmp_path / "bad_header.csv"
    path.write_text("id,name,grades,colour\nt-1,One,K,blue\n", encoding="utf-8")
    result = cli("catalog", "import", str(path))
    assert result.exit_code != 0
    assert "Required column “sector” is missing." in result.output and "Unknown column “colour”." in result.output


def _with_phone(phone: str):
    from catalog.csvformat import parse_school

    return parse_school(2, {"id": "p-1", "name": "Phone School", "sector": "district", "grades": "K-8", "phone": phone}, centroid)


@pytest.mark.parametrize("phone", ["not a phone", "123", "555-1234", "(773) 534-12"])
def test_a_phone_that_cannot_be_dialled_is_refused(phone):
    record, problems = _with_phone(phone)
    assert record is None and [(p.column, p.is_warning) for p in problems] == [("phone", False)]


@pytest.mark.parametrize("phone", ["(773) 534-1215", "773.534.1215", "+1 312 243 1550", "(773) 534-1215 ext. 120", "+44 20 7946 0958"])
def test_phone_numbers_are_kept_as_written(phone):
    record, problems = _with_phone(phone)
    assert record is not None and record.phone == phone and not problems


@pytest.mark.parametrize(
    "phone",
    ["(773) 534-1215", "773-534-1215", "773 534 1215", "7735341215", "(212) 555-0123", "(800) 555-1212", "(999) 999-9999",
     "(416) 555-0199", "(787) 555-0123", "(173) 534-1215", "(773 534-1215", "773)534-1215", "1-773-534-1215", "000-000-0000"],
)  # fmt: skip
def test_the_usual_us_shape_is_judged_as_phonenumbers_judges_it(phone):
    """The quick check of "(773) 534-1215" gives what phonenumbers' whole parse gives, for every
    region that shares +1 (Canada, Puerto Rico) and for area codes no region has."""
    dialable = phonenumbers.is_valid_number(phonenumbers.parse(phone, "US"))
    record, _problems = _with_phone(phone)
    assert (record is not None) == dialable


def test_missing_lat_lon_takes_the_zip_centroid_and_is_marked_approximate(cli, session, tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0
    school = session.get(School, "t-1")
    assert school.location_approximate and school.lat == pytest.approx(41.78, abs=0.05)


def test_a_changed_english_summary_makes_its_translations_stale(cli, session, tmp_path, client):
    path, texts = tmp_path / "s.csv", tmp_path / "t.csv"
    path.write_text("id,name,sector,grades,summary\nt-1,One,district,K,Old words.\n", encoding="utf-8")
    texts.write_text("id,field,locale,text\nt-1,summary,vi,Lời cũ.\nt-9,summary,vi,Không có.\n", encoding="utf-8")
    result = cli("catalog", "import", str(path), "--translations", str(texts))
    assert result.exit_code == 1 and "No school has the id “t-9”." in result.output
    assert cli("catalog", "import", str(path), "--translations", str(texts), "--partial").exit_code == 1
    assert client.get("/api/v1/schools/t-1?lang=vi").get_json()["texts"]["summary"] == {"text": "Lời cũ.", "locale": "vi", "stale": False}
    path.write_text("id,name,sector,grades,summary\nt-1,One,district,K,New words.\n", encoding="utf-8")
    assert cli("catalog", "import", str(path)).exit_code == 0
    assert client.get("/api/v1/schools/t-1?lang=vi").get_json()["texts"]["summary"]["stale"] is True
    assert session.scalar(select(func.count()).select_from(SchoolText)) == 2


def _with_website(website: str):
    from catalog.csvformat import parse_school

    return parse_school(2, {"id": "w-1", "name": "Web School", "sector": "district", "grades": "K-8", "website": website}, centroid)


# Values a browser would follow to a script or to another site: it drops ASCII tabs and
# newlines anywhere in a URL, and C0 controls and spaces around it, before reading the scheme.
UNSAFE_WEBSITES = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "javascript\t:alert(1)",
    "\x01javascript:alert(1)",
    " \x1fjavascript:alert(1)",
    "javascript:1/alert(1)",
    "//evil.example",
    "/\\evil.example",
    "http:\\\\evil.example",
    " data:text/html,<b>x</b>",
    "vbscript:msgbox",
    "http:///x",
    "https://",
]


@pytest.mark.parametrize("website", UNSAFE_WEBSITES)
def test_a_website_that_is_not_a_web_address_is_refused(website):
    """A partner site would put it in a link, where "javascript:" runs."""
    record, problems = _with_website(website)
    assert record is None and [p.column for p in problems] == ["website"]


@pytest.mark.parametrize("website", UNSAFE_WEBSITES)
def test_an_import_refuses_an_unsafe_website_and_the_api_never_serves_it(cli, tmp_path, client, website):
    path = tmp_path / "web.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "name", "sector", "grades", "website"], ["w-1", "Web School", "district", "K-8", website]])
    result = cli("catalog", "import", str(path))
    assert result.exit_code == 1 and "website" in result.output
    assert client.get("/api/v1/schools/w-1").status_code == 404


def test_tabs_and_newlines_are_dropped_from_a_kept_website():
    record, problems = _with_website("https://www.exam\tple.org/\nx")
    assert record is not None and record.website == "https://www.example.org/x" and not problems


@pytest.mark.parametrize(
    "website",
    [
        "http://www.stock.cps.edu",
        "https://x.org",
        "HTTPS://X.ORG/a",
        "uamusicandart.org",
        "www.school.org",
        "schools.nyc.gov/SchoolPortals/08/X519",
        "x.org:8080/a",
    ],
)
def test_web_addresses_with_or_without_a_scheme_are_kept(website):
    record, problems = _with_website(website)
    assert record is not None and record.website == website and not problems


def test_a_row_without_a_place_is_placed_by_the_zip_table_it_is_given():
    """Parsing is pure: the ZIP table is a parameter (the real one is `catalog.zip_table.centroid`)."""
    from catalog.csvformat import parse_school

    row = {"id": "z-1", "name": "Zip School", "sector": "district", "grades": "K-8", "zip": "60637"}
    record, problems = parse_school(2, row, {"60637": (41.5, -87.5)}.get)
    assert (record.lat, record.lon, record.location_approximate) == (41.5, -87.5, True)
    assert [p.column for p in problems] == ["lat"] and all(p.is_warning for p in problems)
    record, _ = parse_school(2, row, {}.get)
    assert (record.lat, record.lon, record.location_approximate) == (None, None, False)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_city_imported_into_postgresql_has_the_catalog_statistics_taken(cli, session):
    # without them, until autovacuum came by, PostgreSQL read the whole program table for a page of
    # 20 schools (8 ms against 0.3 ms among 100,000 schools)
    from sqlalchemy import text

    def analyzed() -> dict[str, int]:
        session.commit()  # a new transaction: PostgreSQL keeps a transaction's view of its counters
        counts = session.execute(
            text("SELECT relname, analyze_count FROM pg_stat_user_tables WHERE relname IN ('school', 'program', 'school_text')")
        )
        return dict(counts.all())

    before = analyzed()
    result = cli("catalog", "import", str(CPS_FILES["real"]()), "--format", "cps")  # 661 schools
    assert result.exit_code == 0, result.output
    after = analyzed()
    assert sorted(after) == ["program", "school", "school_text"]
    assert all(after[table] > before.get(table, 0) for table in after), (before, after)
