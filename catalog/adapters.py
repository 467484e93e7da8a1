"""Adapters from real published school directories to canonical catalog rows. Pure.

Each adapter takes the rows of a source file (as `csvformat.read_rows` gives them) and yields
(line number, canonical row) pairs; `csvformat.parse_school` then validates them like any
canonical file. Only facts are carried over: no prose is copied from a source.
"""

import re
from collections.abc import Iterable, Iterator

from catalog.csvformat import MORE_NOT_STATED

Rows = Iterable[tuple[int, dict]]

# Language names as the sources spell them → ISO 639-1. American Sign Language has no
# two-letter code, so it cannot be carried (docs/catalog-format.md lists it as a known gap).
LANGUAGE_CODES = {
    "arabic": "ar", "bengali": "bn", "cantonese": "zh", "chinese": "zh", "french": "fr",
    "german": "de", "greek": "el", "haitian creole": "ht", "hebrew": "he", "hindi": "hi",
    "italian": "it", "japanese": "ja", "korean": "ko", "latin": "la", "mandarin": "zh",
    "polish": "pl", "portuguese": "pt", "russian": "ru", "spanish": "es",
    "spanish for heritage speakers": "es", "swahili": "sw", "turkish": "tr", "urdu": "ur",
    "uzbek": "uz", "vietnamese": "vi", "yiddish": "yi",
}  # fmt: skip


def language_codes(names: str, separator: str = ",") -> list[str]:
    """Turn "French, Spanish" into ["fr", "es"], skipping names with no ISO 639-1 code."""
    codes = []
    for name in names.split(separator):
        code = LANGUAGE_CODES.get(name.strip().lower())
        if code and code not in codes:
            codes.append(code)
    return codes


def us_phone(value: str) -> str:
    """Format a 10-digit US number as (773) 534-1215; leave anything else as it is."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 10:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return value.strip()


# --- Chicago Public Schools: School Profile Information ------------------------------------

CPS_HEADER_MARK = "School_ID"
CPS_RATING_SOURCE = "CPS SQRP {year}"
CPS_ACCESSIBILITY = {"fully accessible": "full", "generally accessible": "partial"}
CPS_SPED_FLAGS = {
    "PreSchool_Inclusive": "early_childhood",
    "Preschool_Instructional": "early_childhood",
    "Significantly_Modified": "significant_support",
    "Hard_Of_Hearing": "deaf_hard_of_hearing",
    "Visual_Impairments": "visual_impairment",
}
CPS_ELL_FLAGS = {"Bilingual_Services": "bilingual_services", "Refugee_Services": "refugee_services"}
CPS_STATES = {"illinois": "IL"}


def cps_rows(rows: Rows) -> Iterator[tuple[int, dict]]:
    """Convert the CPS school profile (one row a school) into canonical rows."""
    for line, src in rows:
        sped = sorted({code for column, code in CPS_SPED_FLAGS.items() if src.get(column, "").strip() == "Y"})
        if src.get("School_Type", "").strip() == "Special Education":
            sped.append("special_school")
        # Each English-learner column is "Y", "N" or empty, and speaks of one service only: a "N"
        # says the school runs no bilingual program (or no refugee services), never that it offers
        # English learners nothing (every public school must serve them), and the file has no
        # column that says so. So only a "Y" is carried; without one the school has not stated its
        # English-learner programs (the special-education columns are only ever "Y" or empty).
        # The file has no column for most programs (dual language, ESL, autism, inclusion...): a
        # list it gives may not be whole, so it ends with "more" and says nothing of the others.
        ell = [code for column, code in CPS_ELL_FLAGS.items() if src.get(column, "").strip() == "Y"]
        rail = [f"CTA {name.strip()} Line" for name in src.get("Transportation_El", "").split(",") if name.strip()]
        rail += [name.strip() for name in src.get("Transportation_Metra", "").split(",") if name.strip()]
        year = src.get("School_Year", "").removeprefix("School Year ").strip()
        rating = src.get("Overall_Rating", "").strip()
        yield (
            line,
            {
                "id": f"cps-{src.get('School_ID', '').strip()}" if src.get("School_ID", "").strip() else "",
                "name": src.get("Long_Name", "").strip(),
                "sector": "charter" if src.get("School_Type", "").strip() == "Charter" else "district",
                "operator": "" if src.get("School_Type", "").strip() == "Charter" else "Chicago Public Schools",
                "school_type": src.get("School_Type", "").strip(),
                "grades": src.get("Grades_Offered", "").strip(),
                "address": src.get("Address", "").strip(),
                "city": src.get("City", "").strip(),
                "state": CPS_STATES.get(src.get("State", "").strip().lower(), src.get("State", "").strip()),
                "zip": src.get("Zip", "").strip(),
                "lat": src.get("School_Latitude", "").strip(),
                "lon": src.get("School_Longitude", "").strip(),
                "phone": us_phone(src.get("Phone", "")),
                "website": src.get("Website", "").strip(),
                "enrollment": src.get("Student_Count_Total", "").strip(),
                "sped_students": src.get("Student_Count_Special_Ed", "").strip(),
                "ell_students": src.get("Student_Count_English_Learners", "").strip(),
                "accessibility": CPS_ACCESSIBILITY.get(src.get("ADA_Accessible", "").strip().lower(), "unknown"),
                "sped_programs": _not_whole(sped),
                "ell_programs": _not_whole(ell),
                "world_languages": ";".join(language_codes(src.get("Classroom_Languages", ""))),
                "school_bus": "unknown",
                "transit_bus": src.get("Transportation_Bus", "").strip(),
                "transit_rail": "; ".join(rail),
                "rating": rating if rating and rating != "Inability to Rate" else "",
                "rating_source": CPS_RATING_SOURCE.format(year=year) if rating and rating != "Inability to Rate" else "",
            },
        )


# --- New York City DOE: school locations joined with the high-school directory ------------

NYC_LOCATIONS_MARK = "ATS SYSTEM CODE"
NYC_DIRECTORY_MARK = "dbn"
NYC_GRADE_CODES = {"PK": "PK", "0K": "K", "K": "K", **{f"{n:02d}": str(n) for n in range(1, 13)}}
NYC_LOCATION_RE = re.compile(
    r"^(?P<address>[^\n]*)\n(?P<city>[^,\n]*),\s*(?P<state>[A-Z]{2})\s+(?P<zip>\d{5})"
    r"(?:\s*\n\s*\((?P<lat>-?[\d.]+),\s*(?P<lon>-?[\d.]+)\))?",
)
NYC_ELL_PROGRAMS = {
    "english as a new language": "esl",
    "transitional bilingual education": "transitional_bilingual",
    "dual language": "dual_language",
}


def nyc_grades(text: str) -> str:
    """Turn "PK,0K,01,02,SE" into "PK,K,1,2"; ungraded (SE) and grades past 12 are left out."""
    grades = [NYC_GRADE_CODES[g.strip()] for g in text.split(",") if g.strip() in NYC_GRADE_CODES]
    return ",".join(grades)


def nyc_ell_programs(text: str) -> list[str]:
    """Turn "English as a New Language; Dual Language: Spanish" into ["esl", "dual_language:es"]."""
    programs = []
    for part in text.split(";"):
        name, _, languages = part.partition(":")
        code = NYC_ELL_PROGRAMS.get(name.strip().lower())
        if not code:
            continue
        if languages.strip():
            programs += [f"{code}:{lang}" for lang in language_codes(languages)]
        else:
            programs.append(code)
    return programs


NYC_NAME_CUT = 50  # the locations file cuts a name at 50 characters ("… Institute for Law and Pub"); the directory does not


def nyc_rows(locations: Rows, directory: Rows) -> Iterator[tuple[int, dict]]:
    """Convert NYC school locations, enriched by the high-school directory on DBN."""
    high_schools = {src.get("dbn", "").strip(): src for _line, src in directory}
    for line, src in locations:
        dbn = src.get("ATS SYSTEM CODE", "").strip()
        charter = src.get("MANAGED_BY_NAME", "").strip().lower() == "charter"
        kind = src.get("LOCATION_TYPE_DESCRIPTION", "").strip()
        place = NYC_LOCATION_RE.match(src.get("Location 1", "").strip().replace("\r", ""))
        row = {
            "id": f"nyc-{dbn.lower()}" if dbn else "",
            "name": src.get("LOCATION_NAME", "").strip(),
            "sector": "charter" if charter else "district",
            "operator": "" if charter else "NYC Department of Education",
            "school_type": kind if kind and kind != "General Academic" else src.get("LOCATION_CATEGORY_DESCRIPTION", "").strip(),
            "grades": nyc_grades(src.get("GRADES_FINAL_TEXT", "") or src.get("GRADES_TEXT", "")),
            "address": place["address"].strip().title() if place else src.get("PRIMARY_ADDRESS_LINE_1", "").strip().title(),
            "city": place["city"].strip().title() if place else "",
            "state": src.get("STATE_CODE", "").strip(),
            "zip": place["zip"] if place else "",
            "lat": (place["lat"] or "") if place and _number(place["lat"] or "") else "",
            "lon": (place["lon"] or "") if place and _number(place["lon"] or "") else "",
            "phone": _stated(src.get("PRINCIPAL_PHONE_NUMBER", "")),
            "sped_programs": _not_whole(["special_school"] if kind == "Special Education" else []),  # which programs it runs, unsaid
        }
        high_school = high_schools.get(dbn)
        if high_school:
            row.update(_nyc_high_school_facts(high_school))
            whole_name = high_school.get("school_name", "").strip()
            if len(row["name"]) >= NYC_NAME_CUT and whole_name.startswith(row["name"]):  # cut at 50 in the locations file
                row["name"] = whole_name
        yield line, row


def _not_whole(codes: list[str]) -> str:
    """A program list a source gives without saying it is whole: "special_school;more", or empty (not stated)."""
    return ";".join([*codes, MORE_NOT_STATED]) if codes else ""


def _stated(value: str) -> str:
    """A value as given, or empty where the source wrote "NULL" or "N/A" for none."""
    value = value.strip()
    return "" if value.upper() in ("NULL", "N/A") else value


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number else None


def _first_email(value: str) -> str:
    """Pick the first address out of "a@x.org OR b@x.org"; drop text that holds none."""
    found = re.search(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value)
    return found.group(0) if found else ""


def _nyc_high_school_facts(src: dict) -> dict:
    """Take the directory's facts; its coordinates only where both are numbers (some are not)."""
    facts = {
        "ell_programs": ";".join(nyc_ell_programs(src.get("ell_programs", ""))),
        "world_languages": ";".join(language_codes(src.get("language_classes", ""))),
        "transit_rail": _stated(src.get("subway", "")),  # "N/A" for 76 schools: none given, not a line
        "transit_bus": _stated(src.get("bus", "")),
        "website": src.get("website", "").strip(),
        "email": _first_email(src.get("school_email", "")),
        "enrollment": src.get("total_students", "").strip(),
        "accessibility": "full" if src.get("school_accessibility_description", "").strip() == "1" else "unknown",
    }
    for source, column in (("phone_number", "phone"), ("Postcode", "zip")):
        if src.get(source, "").strip():
            facts[column] = src[source].strip()
    lat, lon = _number(src.get("Latitude", "")), _number(src.get("Longitude", ""))
    if lat is not None and lon is not None:
        facts["lat"], facts["lon"] = str(lat), str(lon)
    return facts
