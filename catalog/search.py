"""The one search every door uses (the kiosk, the SMS bot, the API): `search(query) -> Results`.

Filtering, distance, order and paging run in the database, in one statement built here (once per
shape, its values bound); only the distance and order expressions differ by database (`catalog.dialects`). Reading a query, the
neutral order and what to say about a search are pure decisions in `catalog.query`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import rapidfuzz.process
from rapidfuzz.distance import OSA
from sqlalchemy import Integer, and_, bindparam, case, exists, false, func, null, or_, select, true

from app.extensions import db
from catalog import dialects, geo
from catalog.cards import Card, card_of
from catalog.labels import current as current_labels
from catalog.models import Program, School
from catalog.queries import (
    NEED_COLUMNS,
    Listing,
    Prepared,
    catalog_area,
    catalog_states,
    get_listings,
    get_schools,
    needs_offered,
    per_revision,
    prepare,
    run_prepared,
    schools_per_cell,
    state_outside,
)
from catalog.query import (
    MASK_32,
    Query,
    QueryError,
    Reason,
    Relaxation,
    SchoolFacts,
    asked_grades,
    droppable,
    explain,
    page_bounds,
    wider_radii,
    without,
)
from catalog.vocabulary import N_, PROGRAM_CODES, grade_mask, need_bit

AREA_MARGIN_KM = 50.0  # a place this far from every school is outside the catalog's area


@dataclass(frozen=True)
class Hit:
    card: Card  # the school's facts, labelled: what every door shows
    distance_km: float | None
    reasons: list[Reason]
    # the school itself, for the API's plain values (not for the bot): every column of a `School` and
    # its `programs`, read as plain rows (`catalog.queries.Listing`), not an ORM object
    school: School | Listing | None = None


class AnotherState(NamedTuple):
    """A ZIP code in another state than every school of the catalog (Jersey City beside New York):
    the schools listed may admit only students who live in their city or state."""

    zip: str
    state: str  # the ZIP's ("NJ")
    schools_in: tuple[str, ...]  # the states of the catalog's schools ("NY",)


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]
    query: Query
    # need → sector → how many schools that match every other filter have not stated that need
    not_stated: dict[str, dict[str, int]] = field(default_factory=dict)
    relaxations: list[Relaxation] = field(default_factory=list)  # when nothing matched: what would find some
    read_as: str | None = None  # the names a misspelt search text was read as ("kenwod" → "kenwood")
    another_state: AnotherState | None = None  # the family's ZIP is in a state none of the catalog's schools is in


class OutOfArea(QueryError):
    """A place well outside the area the catalog covers."""

    def __init__(self, place: str, area: str):
        super().__init__("near", N_("%(place)s is outside the area we list schools in: %(area)s."), place=place, area=area)


def _dialect() -> str:
    return db.engine.dialect.name


# --- statements built once per shape ---------------------------------------------------------
# Building a statement costs more than running it on SQLite (about 1 ms of SQLAlchemy expressions
# a filter set): each statement is built once per shape (which filters, which needs, which order)
# with its values as bound parameters, and kept per process. A query's *plan* is that shape and
# the values to run it with; two plans in one statement share the values they both name.

MAX_STATEMENTS = 500  # shapes kept per process (a few dozen in practice)
_statements: dict[tuple, Prepared] = {}


def _execute(key: tuple, build: Callable[[], object], values: dict) -> list[tuple]:
    """Run the statement of this shape (built and compiled the first time it is asked for) with these
    values: its rows, as plain tuples."""
    key = (_dialect(), *key)
    prepared = _statements.get(key)
    if prepared is None:
        if len(_statements) >= MAX_STATEMENTS:
            _statements.clear()
        prepared = _statements[key] = prepare(build(), db.engine.dialect)
    return run_prepared(prepared, values)


def _like_any(word: str) -> str:
    """A LIKE pattern finding `word` anywhere, "%" and "_" taken as letters (escaped with "/")."""
    return "%" + word.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _plan(query: Query, terms: list[tuple[str, ...]] | None = None) -> tuple[tuple, dict]:
    """The shape of the query's filters and their values; `terms` are alternatives for each word of a misspelt text."""
    values: dict = {}
    if query.grade is not None:
        values["grade_bit"] = grade_mask(asked_grades(query))  # any of a range's grades
    if query.sector:
        values["sector"] = query.sector
    if query.program:
        values["program"] = query.program
    if query.program_language:
        values["program_language"] = query.program_language
    words = terms if terms is not None else [(token,) for token in query.text_tokens]
    for i, alternatives in enumerate(words):
        values.update({f"word_{i}_{j}": _like_any(word) for j, word in enumerate(alternatives)})
    place = None
    if query.near is not None:
        values["near_lat"], values["near_lon"] = query.near
        if query.radius_km is not None:
            place, place_values = dialects.place_plan(_dialect(), query.near, query.radius_km)
            values.update(place_values)
    flags = (query.grade is not None, bool(query.sector), bool(query.program), bool(query.program_language))
    seek = bool(query.needs) and place is not None and dialects.seeks_needs(_dialect()) and _crowded(query.near, query.radius_km)
    return (flags, query.needs, tuple(len(alternatives) for alternatives in words), place, seek), values


MAX_PLACES = 10_000  # circles whose density is kept per worker


def _crowded(near: tuple[float, float], radius_km: float) -> bool:
    """Whether the circle's grid cells are dense enough that SQLite had better seek to the needs asked
    for (`dialects.worth_seeking`); kept per circle and catalog revision."""
    kept = per_revision("crowded_circles", dict)
    crowded = kept.get((near, radius_km))
    if crowded is None:
        if len(kept) >= MAX_PLACES:
            kept.clear()
        cells, per_cell = geo.cells_covering(*near, radius_km), schools_per_cell()
        schools = sum(per_cell.get(cell, 0) for cell in cells or ())
        crowded = kept[(near, radius_km)] = dialects.worth_seeking(schools, len(cells) if cells is not None else None)
    return crowded


def _filters(shape: tuple) -> list:
    """The SQL conditions of a plan's shape."""
    (grade, sector, program, program_language), needs, words, place, seek = shape
    conditions = []
    if grade:
        conditions.append(School.grades_offered.op("&")(bindparam("grade_bit", type_=Integer)) != 0)
    if sector:
        conditions.append(School.sector == bindparam("sector"))
    conditions += [NEED_COLUMNS[need] == true() for need in needs]
    if program or program_language:
        conditions.append(_program_listed(program, program_language))
    for i, alternatives in enumerate(words):
        conditions.append(or_(*(School.search_text.like(bindparam(f"word_{i}_{j}"), escape="/") for j in range(alternatives))))
    if place is not None:
        conditions += dialects.within(_dialect(), place)
        if seek:  # the needs not asked for as "either": the index seeks to the schools offering those asked for
            conditions += dialects.either(_dialect(), [column for need, column in NEED_COLUMNS.items() if need not in needs])
    return conditions


def _program_listed(program: bool, program_language: bool):
    """The school lists a program with the code (value `program`) and/or the language (`program_language`) asked for."""
    listed = [Program.school_id == School.id]
    if program:
        listed.append(Program.code == bindparam("program"))
    if program_language:
        listed.append(Program.language == bindparam("program_language"))
    return exists().where(and_(*listed))


def _count(query: Query, terms=None) -> int:
    """How many schools match the query."""
    shape, values = _plan(query, terms)
    return _execute(("count", shape), lambda: select(func.count()).select_from(School).where(*_filters(shape)), values)[0][0]


def facts_of(school: School | Listing) -> SchoolFacts:
    """Return the plain facts of a school that search explanations use."""
    return SchoolFacts(
        sector=school.sector,
        programs=tuple((p.kind, p.code, p.language) for p in school.programs),
        school_bus=school.school_bus,
        transit_bus=school.transit_bus,
        transit_rail=school.transit_rail,
        accessibility=school.accessibility,
        location_approximate=school.location_approximate,
        grades=tuple(school.grades),
    )


def check_area(query: Query) -> None:
    """Raise OutOfArea when the query's place is more than AREA_MARGIN_KM from every school."""
    if query.near is None:
        return
    place, values = dialects.place_plan(_dialect(), query.near, AREA_MARGIN_KM)
    if _execute(("area", place), lambda: select(School.id).where(*dialects.within(_dialect(), place)).exists().select(), values)[0][0]:
        return
    if not db.session.scalar(select(exists().where(School.lat.is_not(None)))):
        return  # an empty catalog (or one without places) covers no area to be outside of
    raise OutOfArea(query.near_zip or "{:.4f},{:.4f}".format(*query.near), catalog_area())


# --- names with a typo --------------------------------------------------------------------

TYPO_MIN_LENGTH = 4  # shorter words are taken as typed


def typo_allowance(word: str) -> int:
    """How many letters a word of this length may have wrong (a letter missing, added, changed, or
    two side by side swapped: "jonhson"): 1 from 4 letters, 2 from 8."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalnum():  # "k_lly" is no typo of "kelly": "_" and "%" are letters typed
        return 0
    return 1 if len(word) < 8 else 2


def catalog_words() -> list[str]:
    """Every word of the catalog's search text (names, operators, places), once each."""

    def build() -> list[str]:
        words = set()
        for (text,) in db.session.execute(select(School.search_text)):
            words.update(text.split())
        return sorted(words)

    return per_revision("catalog_words", build)


def read_misspelt(tokens: list[str]) -> list[tuple[str, ...]] | None:
    """Read each word of a search text that is in no name as the catalog's words it is a typo of;
    None when a word is neither in the catalog nor close to a word of it."""
    words = catalog_words()
    terms = []
    for token in tokens:
        if any(token in word for word in words):
            terms.append((token,))
            continue
        close = rapidfuzz.process.extract(
            token, words, scorer=OSA.distance, score_cutoff=typo_allowance(token), limit=5
        ) if typo_allowance(token) else []  # fmt: skip
        if not close:
            return None
        best = min(score for _word, score, _i in close)
        terms.append(tuple(word for word, score, _i in close if score == best))
    return terms


# --- the one search -----------------------------------------------------------------------


def _ranked_page(query: Query, terms: list[tuple[str, ...]] | None = None) -> tuple[int, list[tuple[str, float | None]]]:
    """Filter, measure, order and page in one statement: (total, [(school id, km or None), …]).

    Ties are broken by id, so every order is total and paging never repeats or skips a school.
    """
    shape, values = _plan(query, terms)
    offset, limit = page_bounds(query)
    values.update(seed=query.seed & MASK_32, page_offset=offset, page_limit=limit)

    def build():
        dialect = _dialect()
        distance = (dialects.distance_km(dialect) if query.near is not None else null()).label("distance_km")
        order = {"distance": distance.nulls_last(), "name": dialects.name_order(dialect), "neutral": dialects.neutral_order(dialect)}[
            query.order
        ]
        statement = select(School.id, distance, func.count().over().label("total")).where(*_filters(shape))
        return statement.order_by(order, School.id).offset(bindparam("page_offset")).limit(bindparam("page_limit"))

    rows = _execute(("page", shape, query.order, query.near is not None), build, values)
    if rows:
        total = rows[0][2]
    else:  # past the last page, or nothing matched
        total = _count(query, terms) if offset else 0
    return total, [(school_id, round(km, 2) if km is not None else None) for school_id, km, _total in rows]


STATED_KINDS = {"sped": School.sped_stated, "ell": School.ell_stated}  # program kinds a listing states, or states none of


def _statable(query: Query) -> tuple[str, ...]:
    """The filters a school may leave unstated: each need asked for, and a special-education or
    English-learner program ("program")."""
    return query.needs + (("program",) if PROGRAM_CODES.get(query.program or "") in STATED_KINDS else ())


def _not_stated(query: Query, terms) -> dict[str, dict[str, int]]:
    """For each need asked for (and a program of a stated kind, `_statable`): per sector, the schools that leave it
    unstated and would otherwise match: every other filter, and each other need offered or unstated
    too (a school that has stated neither of two needs asked for is counted for both, never hidden).

    One statement, reading each school matching the other filters once.
    """
    names = _statable(query)
    if not names:
        return {}
    program = "program" in names
    shape, values = _plan(replace(query, needs=(), program=None, program_language=None) if program else replace(query, needs=()), terms)
    if program:
        values.update({"program": query.program, **({"program_language": query.program_language} if query.program_language else {})})

    def build():
        offered = {need: NEED_COLUMNS[need] == true() for need in query.needs}
        unstated = {need: School.needs_not_stated.op("&")(need_bit(need)) != 0 for need in query.needs}
        any_unstated = [School.needs_not_stated.op("&")(sum(need_bit(need) for need in query.needs)) != 0] if query.needs else []
        if program:
            kind = PROGRAM_CODES[query.program]
            offered["program"] = _program_listed(True, bool(query.program_language))
            # a list not whole ("resource;more") leaves unstated only the programs it does not list
            unstated["program"] = and_(STATED_KINDS[kind] == false(), ~offered["program"])
            any_unstated.append(unstated["program"])
        possible = {name: or_(offered[name], unstated[name]) for name in names}
        counted = dict(unstated)
        if program and kind in query.needs:  # a school that has stated nothing of the kind is counted under the need: said once
            counted["program"] = and_(unstated["program"], offered[kind])
        counts = [
            func.sum(case((and_(counted[name], *(possible[other] for other in names if other != name)), 1), else_=0)) for name in names
        ]
        # the cheap test first: a school that has stated everything asked for is passed over unmeasured
        return select(School.sector, *counts).where(or_(*any_unstated), *_filters(shape)).group_by(School.sector)

    found: dict[str, dict[str, int]] = {name: {} for name in names}
    key = ("not stated", names, PROGRAM_CODES[query.program] if program else None, program and bool(query.program_language), shape)
    for sector, *by_name in sorted(_execute(key, build, values)):
        for name, count in zip(names, by_name, strict=True):
            if count:
                found[name][sector] = count
    return {name: by_sector for name, by_sector in found.items() if by_sector}


def _values_of(plans: list[tuple[tuple, dict]]) -> dict:
    """The values of plans run in one statement (each names the same value alike)."""
    values = {}
    for _shape, plan_values in plans:
        values.update(plan_values)
    return values


def _relaxations(query: Query, terms) -> list[Relaxation]:
    """For a search that found nothing: the one filter whose dropping finds the most, then the
    nearest wider radius that finds any. Every filter's dropping is counted in one statement."""
    found = []
    names = droppable(query)
    if names and dialects.seeks_needs(_dialect()):  # a count each: each seeks to its own needs in SQLite's index
        plans = [_plan(without(query, name), None if name == "q" else terms) for name in names]
        shapes = tuple(shape for shape, _values in plans)

        def build():
            return select(*(select(func.count()).select_from(School).where(*_filters(shape)).scalar_subquery() for shape in shapes))

        [totals] = _execute(("drops by seeks", shapes), build, _values_of(plans))
    elif names:  # PostgreSQL reads each school from the table: the place once, every dropping counted in it
        place = _plan(replace(Query(), near=query.near, radius_km=query.radius_km))
        plans = [_plan(replace(without(query, name), near=None), None if name == "q" else terms) for name in names]
        shapes = tuple(shape for shape, _values in plans)

        def build():
            counts = [func.sum(case((and_(true(), *_filters(shape)), 1), else_=0)) for shape in shapes]
            return select(*counts).select_from(School).where(*_filters(place[0]))

        [totals] = _execute(("drops in one pass", place[0], shapes), build, _values_of([place, *plans]))
    if names:
        best = max(zip(totals, names, strict=True), key=lambda pair: pair[0] or 0)  # the first of equals, as `droppable` lists them
        if best[0]:
            found.append(Relaxation(total=best[0], drop=best[1]))
    # nearest first: most searches stop at the first; none when no school anywhere offers a need asked for
    for km in wider_radii(query) if set(query.needs) <= set(needs_offered()) else []:
        total = _count(replace(query, radius_km=km), terms)
        if total:
            found.append(Relaxation(total=total, radius_km=km))
            break
    return found


def _near_the_place(query: Query, total: int, page, not_stated: dict, relaxations: list[Relaxation]) -> bool:
    """Whether what the search found already shows a school within AREA_MARGIN_KM of the query's
    place, so that `check_area` would pass: a school on the page that near, or any school counted
    within a radius no wider than that."""
    if any(km is not None and km <= AREA_MARGIN_KM for _id, km in page):
        return True
    if query.radius_km is None or query.radius_km > AREA_MARGIN_KM:
        return False
    counted = total or any(by_sector for by_sector in not_stated.values())
    return bool(counted) or any(r.radius_km is None or r.radius_km <= AREA_MARGIN_KM for r in relaxations)


def _run(query: Query) -> tuple[int, list[tuple[str, float | None]], list | None, dict, list]:
    """Rank the query's page: (total, page, terms a misspelt text was read as, not_stated, relaxations).

    The area is checked last, and only when nothing found is within AREA_MARGIN_KM of the place
    (a search that raises OutOfArea has then counted in vain: rare, and the answer is the same).
    """
    terms = None
    total, page = _ranked_page(query)
    first_page = page
    if not total and query.text:
        terms = read_misspelt(query.text_tokens)
        if terms is not None and all(alternatives == (token,) for alternatives, token in zip(terms, query.text_tokens, strict=True)):
            terms = None  # every word is in the catalog as typed: the other filters found nothing, no typo
        if terms is not None:
            total, page = _ranked_page(query, terms)
    not_stated = _not_stated(query, terms)
    relaxations = _relaxations(query, terms) if not total else []
    if query.near is not None and not _near_the_place(query, total, first_page + page, not_stated, relaxations):
        check_area(query)
    return total, page, terms, not_stated, relaxations


def _read_as(terms) -> str | None:
    return " ".join(alternatives[0] for alternatives in terms) if terms else None


MAX_CARDS = 5_000  # cards (schools × languages) kept per worker: about 10 MB


def cards(school_ids: list[str], loaded: dict[str, School] | None = None, keep: bool = True) -> list[Card]:
    """The cards of these schools in the current locale, in order (unknown ids skipped).

    Each is made once per catalog revision and language and kept per worker (the oldest half
    dropped when full); a school not kept is labelled from `loaded` when given, else read as a
    plain listing. `keep=False` (a fair's whole offline copy) keeps none it makes.
    """
    kept = per_revision("cards", dict)
    labels = current_labels()
    locale = labels.locale_name
    found = {i: kept.get((locale, i)) for i in school_ids}
    missing = [i for i, card in found.items() if card is None]
    if missing:
        if loaded is not None:
            schools = [loaded[i] for i in missing if i in loaded]
        else:
            schools = get_listings(missing, locales=tuple(dict.fromkeys((locale, "en"))))
        made = {school.id: card_of(school, labels) for school in schools}
        if keep:
            if len(kept) + len(made) > MAX_CARDS:
                for oldest in list(kept)[: len(kept) // 2]:
                    kept.pop(oldest, None)
            kept.update({(locale, i): card for i, card in made.items()})
        found.update(made)
    return [found[i] for i in school_ids if found.get(i) is not None]


def _another_state(query: Query) -> AnotherState | None:
    """The family's ZIP and its state, when no school of the catalog is in that state."""
    state = state_outside(query.near_zip) if query.near_zip else None
    return AnotherState(query.near_zip, state, tuple(sorted(catalog_states()))) if state else None


def search_cards(query: Query) -> Results:
    """The same search as `search`, for a caller that shows only cards (the SMS bot): each hit a
    card and a distance, without the reasons and the schools' own values."""
    total, page, terms, not_stated, relaxations = _run(query)
    distances = dict(page)
    hits = [Hit(card, distances[card.id], []) for card in cards([school_id for school_id, _ in page])]
    return Results(total, hits, query, not_stated, relaxations, _read_as(terms), _another_state(query))


def search(query: Query) -> Results:
    """Search the catalog: the one search every door (kiosk, SMS, API) uses.

    Raises OutOfArea for a place well outside the catalog's area.
    """
    total, page, terms, not_stated, relaxations = _run(query)
    ids = [school_id for school_id, _distance in page]
    # plain rows, no ORM objects, with the texts a card not kept is labelled from: a page costs three statements
    locale = current_labels().locale_name
    loaded = {s.id: s for s in get_listings(ids, locales=tuple(dict.fromkeys((locale, "en"))), whole=True)}
    found = {card.id: card for card in cards(ids, loaded)}
    read_as = _read_as(terms)
    hits = [Hit(found[i], d, explain(query, facts_of(loaded[i]), d, read_as), loaded[i]) for i, d in page if i in loaded]
    return Results(total, hits, query, not_stated, relaxations, read_as, _another_state(query))


def nearest_schools(near: tuple[float, float], radius_km: float, limit: int) -> tuple[list[tuple[School, float]], bool]:
    """The schools within `radius_km` of `near`, nearest first (ties by id), at most `limit`, each
    with its distance and its programs and texts loaded; and whether they are the whole catalog."""
    place, values = dialects.place_plan(_dialect(), near, radius_km)

    def build():
        distance = dialects.distance_km(_dialect()).label("distance_km")
        return (
            select(School.id, distance).where(*dialects.within(_dialect(), place)).order_by(distance, School.id).limit(bindparam("limit"))
        )

    found = _execute(("nearest", place), build, {**values, "limit": limit})
    loaded = {school.id: school for school in get_schools([school_id for school_id, _km in found])}
    whole = len(found) == db.session.scalar(select(func.count()).select_from(School))
    return [(loaded[school_id], km) for school_id, km in found if school_id in loaded], whole
