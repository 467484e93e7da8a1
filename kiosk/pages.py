"""Finding schools: grade, home ZIP, needs, the results, a school's page and compare."""

from dataclasses import replace
from urllib.parse import urlencode

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import gettext

from catalog.cards import ALWAYS_LISTED, HEADINGS, LEFT_TO_RIGHT, Card
from catalog.geo import as_zip
from catalog.labels import current as current_labels
from catalog.query import QueryError, build_query
from catalog.search import OutOfArea, cards, check_area, search
from catalog.vocabulary import GRADE_BY_CODE, GRADE_CODES, NEEDS
from catalog.zip_table import centroid
from kiosk.screen import COMPARED, MAX_LIST, fair_booths, family_seed, grade_choices, kiosk, listed_ids, need_choices

PER_PAGE = 10
RADII_KM = (2, 5, 10)
DEFAULT_RADIUS_KM = 5
FILTERS = ("grade", "near", "radius_km", "need", "sector", "q", "order", "page")  # what a results page reads


def _known_zip(text: str) -> str:
    """The ZIP a text is (in any digits, or ZIP+4) when its centre is known, else ""."""
    code = as_zip(text)
    return code if code and centroid(code) else ""


@kiosk.get("/<locale>/")
def grade():
    labels = current_labels()
    return render_template("kiosk/grade.html", grades=grade_choices(labels))


@kiosk.get("/<locale>/zip")
def home_zip():
    chosen = _chosen_grade()
    value = request.args.get("near", "").strip()[:10]
    error = None
    if "near" in request.args:
        if zip_code := _known_zip(value):
            try:  # a ZIP of another city is said here, at the step it was typed, not after the needs
                check_area(build_query({"near": [zip_code]}, centroid_of=centroid))
            except OutOfArea as problem:
                error = gettext(problem.message, **problem.params)
            else:
                return redirect(url_for("kiosk.needs", grade=chosen, near=zip_code))
        error = error or (
            gettext("We do not know the ZIP code “%(zip)s”. Check it, or skip this step.", zip=value)
            if value
            else gettext("Enter a 5-digit ZIP code, or skip this step.")
        )
    return render_template("kiosk/zip.html", grade=chosen, near=value, error=error), (400 if error else 200)


@kiosk.get("/<locale>/needs")
def needs():
    labels = current_labels()
    return render_template(
        "kiosk/needs.html",
        grade=_chosen_grade(),
        near=_known_zip(request.args.get("near", "")),
        needs=need_choices(labels),
    )


def _chosen_grade() -> str | None:
    code = request.args.get("grade", "")
    return code if code in GRADE_BY_CODE else None


def _search_params() -> dict[str, list[str]]:
    """The filters of the results page as the API reads them, with the kiosk's defaults."""
    params = {name: request.args.getlist(name) for name in FILTERS if request.args.getlist(name)}
    params = {name: [v.strip()[:40] for v in values][:10] for name, values in params.items()}
    params.setdefault("order", ["neutral"])
    if params.get("near") and "radius_km" not in params:
        params["radius_km"] = [str(DEFAULT_RADIUS_KM)]
    if params.get("radius_km") == ["any"]:
        del params["radius_km"]
    if not params.get("near"):
        params.pop("radius_km", None)
        if params["order"] == ["distance"]:
            params["order"] = ["neutral"]
    params["per_page"] = [str(PER_PAGE)]
    return params


@kiosk.get("/<locale>/schools")
def schools():
    labels = current_labels()
    params = _search_params()
    error, query = None, None
    while query is None:  # a wrong value costs only its own filter: the family's others still apply
        try:
            query = build_query(params, centroid_of=centroid, default_seed=family_seed())
            result = search(query)  # a ZIP of another city is said, and the family's other filters still apply
        except QueryError as problem:
            query = None
            error = error or gettext(problem.message, **problem.params)
            if problem.parameter in params:
                dropped = ("near", "radius_km") if problem.parameter == "near" else (problem.parameter,)
                params = {key: value for key, value in params.items() if key not in dropped}
            else:  # not one filter's fault
                query = build_query({"per_page": params["per_page"], "order": ["neutral"]}, centroid_of=centroid)
                result = search(query)
    pages = max(1, -(-result.total // PER_PAGE))
    if query.page > pages:  # a page past the end (an old link, a typed URL) shows the last page, not an empty one
        query = replace(query, page=pages)
        result = search(query)
    booths = fair_booths()

    def page_url(page: int) -> str:
        kept = {k: v for k, v in request.args.lists() if k in FILTERS and k != "page"}
        return url_for("kiosk.schools") + "?" + urlencode({**kept, "page": [str(page)]}, doseq=True)

    def relaxed_url(relaxation) -> str:
        """This search with the relaxation applied: one tap."""
        kept = {k: v for k, v in request.args.lists() if k in FILTERS and k != "page"}
        if relaxation.radius_km:
            kept["radius_km"] = [str(int(relaxation.radius_km))]
        elif relaxation.drop in NEEDS:
            kept["need"] = [need for need in kept.get("need", []) if need != relaxation.drop]
        else:
            kept.pop(relaxation.drop, None)
        return url_for("kiosk.schools") + "?" + urlencode(kept, doseq=True)

    # "Back to schools" from a school, the list or compare brings this page back, not all schools
    shown = [(k, str(query.page) if k == "page" else v) for k, v in request.args.items(multi=True) if k in FILTERS]
    session["kiosk_search"] = urlencode(shown)[:1000]

    return render_template(
        "kiosk/results.html",
        result=result,
        query=query,
        labels=labels,
        booths=booths,
        error=error,
        filters={
            "grade": GRADE_CODES.get(query.grade, "") if query.grade is not None else "",
            "near": query.near_zip or request.args.get("near", "").strip()[:40],  # what was typed, even if wrong
            "radius_km": request.args.get("radius_km", str(DEFAULT_RADIUS_KM)),
            "needs": set(query.needs),
            "sector": query.sector or "",
            "q": query.text,
            "order": query.order,
        },
        grades=grade_choices(labels),
        need_choices=need_choices(labels, query.needs),
        radii=RADII_KM,
        page=query.page,
        pages=pages,
        page_url=page_url,
        relaxed_url=relaxed_url,
        here=request.full_path.rstrip("?"),
    ), (400 if error else 200)


# A school's page lists every fact of its card under its heading but these, said above and below them.
DETAILS = frozenset(HEADINGS) - {"sector", "grades", "summary", "how_to_apply"}


@kiosk.get("/<locale>/schools/<school_id>")
def school(school_id: str):
    found = cards([school_id[:64]])
    if not found:
        abort(404)
    return render_template(
        "kiosk/school.html",
        card=found[0],
        booth=fair_booths().get(school_id),
        shown=DETAILS,
        always_listed=ALWAYS_LISTED,
        left_to_right=LEFT_TO_RIGHT,
        here=request.full_path.rstrip("?"),
    )


def _compare_rows(found: list[Card]) -> list[tuple[str, list[str], bool]]:
    """The same rows for every school, each cell in the family's language ("—" when unknown), and
    whether the row reads left to right in every script (an address, a phone number)."""
    rows = [(found[0][key].heading, [card.text(key) or "—" for card in found], key in LEFT_TO_RIGHT) for key in COMPARED] if found else []
    booths = fair_booths()
    if booths:
        rows.append((gettext("Booth at this fair"), [booths.get(card.id, "—") for card in found], False))
    return rows


@kiosk.get("/<locale>/compare")
def compare():
    wanted = [i for value in request.args.getlist("ids") for i in value.split(",") if i] or listed_ids()
    found = cards(list(dict.fromkeys(wanted))[:MAX_LIST])
    return render_template("kiosk/compare.html", schools=found, rows=_compare_rows(found))
