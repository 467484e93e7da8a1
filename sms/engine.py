"""The conversation engine: one step of a text conversation. Pure.

`step(state, understanding, now, catalog)` returns the new state and the replies. `state` is a
plain JSON-able dict kept per phone number (its search as API parameters); `catalog` is passed in
so this module does no I/O: the engine reads its search into a `Query`, `catalog.search(query)`
answers with a page of school cards labelled in the conversation's language, and
`catalog.cards(ids)` gives listed schools' cards afresh when a family asks about them, so the
state keeps only the ids it listed.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from catalog.cards import Card
from catalog.geo import CentroidOf
from catalog.query import Query, QueryError, build_query
from catalog.vocabulary import GRADE_CODES
from sms.replies import Reply
from sms.understand import NO_FILTER, PRIVATE_SCHOOL, Understanding

if TYPE_CHECKING:  # the labels are passed in: catalog.labels reads Flask-Babel's request locale
    from catalog.labels import Labels

EXPIRY = timedelta(hours=24)
PAGE_SIZE = 3  # three schools fit 3 segments even in UCS-2 scripts
RADIUS_KM = 5.0
WIDER_STEPS = (10.0, 20.0, 40.0)
# The languages a text's script decides (parse settles Chinese and Arabic/Urdu by the conversation's
# language when the characters leave them open): a text in one is answered in it.
SCRIPT_LOCALES = frozenset({"zh_Hans", "zh_Hant", "ko", "ru", "ar", "ur", "bn"})
MISUNDERSTOOD_BEFORE_PERSON = 2  # texts in a row the bot cannot read before a person is asked in


@dataclass(frozen=True)
class Offer:
    """What a changed search would find, offered when nothing matched: a filter dropped (its API
    name, labelled) or a wider radius."""

    total: int
    drop: str | None = None
    label: str = ""
    radius_km: float | None = None


@dataclass(frozen=True)
class Found:
    """A page of a search, as the bot says it."""

    total: int
    hits: tuple[tuple[Card, float | None], ...] = ()  # each school's card and distance
    not_stated: tuple[str, ...] = ()  # what schools have not stated, said in the family's language: never a "no"
    offers: tuple[Offer, ...] = ()
    out_of_area: str | None = None  # the area the catalog covers, for a place outside it
    another_state: str = ""  # said when the family's ZIP is in a state none of the schools is in


class Catalog(Protocol):
    """The catalog as the engine reads it, in the conversation's language."""

    centroid_of: CentroidOf
    labels: "Labels"  # the conversation's locale: what was understood, distances, lists

    def search(self, query: Query) -> Found: ...

    def cards(self, school_ids: list[str]) -> list[Card]: ...


def new_state(now: datetime, locale: str | None = None) -> dict:
    return {"locale": locale, "query": None, "page": 1, "results": [], "wider": None, "updated": now.isoformat()}


def next_locale(current: str | None, u: Understanding) -> str | None:
    """The conversation's language after a text: the one asked for, the first one told, or the
    one its script decides (a text in Cyrillic, Hangul, … is answered in its language)."""
    if u.intent == "language" or (u.language and (current is None or u.language in SCRIPT_LOCALES)):
        return u.language
    return current


def _expired(state: dict | None, now: datetime) -> bool:
    return not state or now - datetime.fromisoformat(state["updated"]) > EXPIRY


def _merged_query(previous: dict | None, u: Understanding) -> dict | None:
    """Turn the understanding into search parameters; follow-ups refine the last search."""
    fresh = u.grades is not None and u.near is not None
    query = {} if fresh or not previous else dict(previous)
    if u.grades is not None:
        low, high = u.grades  # "middle school" is 6 to 8: a 7-12 school offers it too
        query["grade"] = GRADE_CODES[low] if low == high else f"{GRADE_CODES[low]}-{GRADE_CODES[high]}"
    if u.near:
        query["near"] = u.near
        query["radius_km"] = RADIUS_KM
    if u.sector:
        query["sector"] = u.sector
    if u.needs:
        query["need"] = sorted(set(query.get("need", [])) | set(u.needs))
    if u.programs:  # "my son is deaf": the schools with that program, not any special education
        query["program"] = u.programs[0]
    if u.program_language and "dual_language" in u.needs and not u.programs:
        # the language of the dual-language program: a Spanish class beside a Chinese program is none in Spanish
        query.update(program="dual_language", language=u.program_language)
        needs = [need for need in query.pop("need") if need != "dual_language"]  # the program says it
        query.update({"need": needs} if needs else {})
    elif u.program_language and u.programs:
        query["language"] = u.program_language
    # a language beside English-learner help alone ("bilingual spanish") is no filter: bilingual services are listed
    # without their languages, and a Spanish class is no help learning English
    return query or None


def _result_line(number: int, card: Card, distance_km: float | None, labels: "Labels") -> str:
    facts = [labels.grades_short(card.grades), labels.sector_short(card.sector)]
    facts += [labels.distance(distance_km)] if distance_km is not None else []
    return f"{number}. {card.name} ({labels.comma.join(facts)})"


def _query(params: dict, page: int, catalog: Catalog) -> Query:
    """Read the conversation's search (API parameters) into the catalog's Query."""
    values = {key: [str(v) for v in value] if isinstance(value, list) else [str(value)] for key, value in params.items()}
    values.update(page=[str(page)], per_page=[str(PAGE_SIZE)], order=["distance"])
    return build_query(values, centroid_of=catalog.centroid_of)


def _show_page(state: dict, catalog: Catalog) -> list[Reply]:
    try:
        query = _query(state["query"], state["page"], catalog)
        found = catalog.search(query)
    except QueryError as error:  # a ZIP code no table places ("K 00000"): said, and another asked for
        if "zip" in error.params:
            state["query"] = {key: value for key, value in state["query"].items() if key not in ("near", "radius_km")}
            return [Reply("zip_not_found", {"zip": error.params["zip"]}), Reply("need_place")]
        query, found = None, Found(0)
    first = (state["page"] - 1) * PAGE_SIZE + 1
    labels = catalog.labels
    # what the search was, as understood, opens the answer: a family sees a word that was missed
    echo = labels.understood(query) if query else ""
    if not found.hits:
        if state["page"] > 1:
            return [Reply("no_more")]
        return _nothing_found(state, found, echo)
    state["results"] = state["results"][: first - 1] + [card.id for card, _distance in found.hits]
    # the distances of the schools listed, for compare (those of an earlier search are dropped)
    known_km = {**state.get("km", {}), **{card.id: km for card, km in found.hits if km is not None}}
    state["km"] = {school_id: known_km[school_id] for school_id in state["results"] if school_id in known_km}
    lines = tuple(_result_line(first + i, card, km, labels) for i, (card, km) in enumerate(found.hits))
    # what was not stated is said on the first page, after the list: never read as "no"; and a ZIP
    # in another state than the schools, that they may admit only those who live in their city or state
    notes = found.not_stated + ((found.another_state,) if found.another_state else ()) if state["page"] == 1 else ()
    return [Reply("results_head", {"echo": echo, "num": found.total}, lines + notes)]


def remember_results(state: dict | None, listed: list[Card], now: datetime, locale: str) -> tuple[dict, Reply]:
    """Start a conversation from a list sent to the family (the kiosk's "text me this list")."""
    state = dict(new_state(now, locale), results=[card.id for card in listed])
    # Names only: the family saw the facts at the kiosk, and "2" brings them back.
    lines = tuple(f"{number}. {card.name}" for number, card in enumerate(listed, start=1))
    return state, Reply("shortlist_head", {}, lines)


def _chosen(state: dict, choices: tuple[int, ...], catalog: Catalog) -> list[tuple[int, Card]]:
    """The listed schools these numbers refer to, as they are now: (number, card) for each."""
    numbered = [(n, state["results"][n - 1]) for n in choices if 1 <= n <= len(state["results"])]
    found = {card.id: card for card in catalog.cards([i for _n, i in numbered])} if numbered else {}
    return [(n, found[school_id]) for n, school_id in numbered if school_id in found]


def _nothing_found(state: dict, found: Found, echo: str) -> list[Reply]:
    """Say nothing matches and offer what the search found would: one filter dropped, or a wider radius."""
    if found.out_of_area:
        return [Reply("out_of_area", {"area": found.out_of_area})]
    nothing = Reply("no_results", {"echo": echo}, found.not_stated)  # those that have not stated a need are not a "no"
    for offer in found.offers:
        if offer.drop:
            state["wider"] = {"drop": offer.drop}
            return [nothing, Reply("drop_offer", {"num": offer.total, "filter": offer.label})]
        state["wider"] = {"radius_km": offer.radius_km}
        return [nothing, Reply("wider_offer", {"num": offer.total, "km": int(offer.radius_km)})]
    return [nothing]


def _relaxed(query: dict, offered: dict | float) -> dict:
    """The query with the relaxation that was offered applied."""
    if not isinstance(offered, dict):  # a conversation from before drops were offered: a radius
        offered = {"radius_km": offered}
    if "radius_km" in offered:
        return dict(query, radius_km=offered["radius_km"])
    drop = offered["drop"]
    if drop in query.get("need", []):
        return dict(query, need=[need for need in query["need"] if need != drop])
    return {key: value for key, value in query.items() if key != drop}  # a filter is dropped by its API name


# What a school's details say, from its card, most asked first (a long text is cut at the end).
DETAILS = ("address", "phone", "special_education", "english_learners", "school_bus", "transit", "rating")
TOPICS = {
    "transport": ("school_bus", "transit"),
    "sped": ("special_education",),
    "ell": ("english_learners",),
    "apply": ("apply_by", "how_to_apply", "phone"),
}
# What compare puts side by side, fact by fact (the distance first, when the list had one).
COMPARED = ("grades", "sector", "special_education", "english_learners", "school_bus", "transit")
MAX_FREE_TEXT = 300  # characters of a free text (how to apply) in a reply
MAX_FACT = 120  # … and of any other fact (a long transit list)
MAX_COMPARED = 60  # … and of one school's fact in a comparison
# facts said without their heading: an address and a phone number say what they are, and the school
# bus's words name it ("No school bus"; "School bus: School bus not known" said it twice)
SELF_EVIDENT = frozenset({"address", "phone", "school_bus"})


def _shortened(text: str, limit: int) -> str:
    """Cut a long text at a word, marked as cut ("… Milwaukee District North…", not "… Milwaukee Dist")."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;") + "…"


def _line(card: Card, key: str) -> str:
    """A fact, with its heading where the text alone would not say what it is ("Public transit:
    CTA Red Line; bus routes 55, 172"; an address, a phone number or the school bus's words say so themselves)."""
    fact = card[key]
    text = _shortened(fact.text, MAX_FREE_TEXT if key == "how_to_apply" else MAX_FACT)
    if fact.note:  # the source's own words beside it ("Free yellow bus for K-8 west of Pulaski"), as the kiosk shows them
        text += f" ({_shortened(fact.note, MAX_FACT)})"
    return text if key in SELF_EVIDENT else f"{fact.heading}: {text}"


def _details(card: Card) -> Reply:
    lines = [card.name, f"{card.text('grades')} · {card.text('sector')}"]
    lines += [_line(card, key) for key in DETAILS if card.text(key)]
    return Reply("details", {}, tuple(lines))


def _topic(u: Understanding) -> str | None:
    """What a details question is about: how to apply, transport, special education, English."""
    if u.topic == "apply":
        return "apply"
    needs = set(u.needs)
    if needs & {"bus", "transit"}:
        return "transport"
    if "sped" in needs:
        return "sped"
    if needs & {"ell", "dual_language"}:
        return "ell"
    return None


def _answer_about(state: dict, card: Card, topic: str | None) -> Reply:
    """The school's overview, or just the part the family asked about; the school stays the one
    a question without a number is about ("and the deadline?")."""
    state["school"], state["asking"] = card.id, None
    if topic is None:
        return _details(card)
    lines = tuple(_line(card, key) for key in TOPICS[topic] if card.text(key))
    if not lines or (topic == "apply" and not (card.text("how_to_apply") or card.text("apply_by"))):
        return Reply("topic_nothing", {"name": card.name}, lines)  # the school's phone, when it has one
    return Reply(f"topic_{topic}", {"name": card.name}, lines)


def _compared(state: dict, known: list[tuple[int, Card]], labels: "Labels") -> Reply:
    """Schools side by side, a fact a line: "Special education: (1) Autism program; (3) Not stated"."""
    numbered = labels.comma.join(f"{n}. {card.name}" for n, card in known)
    distances = state.get("km", {})
    lines = []
    if all(card.id in distances for _n, card in known):
        lines.append(
            f"{labels.gettext('Distance')}: " + labels.semicolon.join(f"({n}) {labels.distance(distances[card.id])}" for n, card in known)
        )
    for key in COMPARED:
        heading = known[0][1][key].heading
        values = [f"({n}) {_compact(card.text(key)) or '—'}" for n, card in known]
        lines.append(f"{heading}: " + labels.semicolon.join(values))
    return Reply("compare_head", {"schools": numbered}, tuple(lines))


def _compact(text: str) -> str:
    """A fact short enough to compare: a long one loses its parenthesis first ("(70 students …)")."""
    if len(text) > MAX_COMPARED and " (" in text:
        text = text.split(" (", 1)[0]
    return _shortened(text, MAX_COMPARED)


def _school_in_context(state: dict, catalog: Catalog) -> Card | None:
    """The school a question without a number is about: the one last described, or a list's only one."""
    school_id = state.get("school") or (state["results"][0] if len(state.get("results", [])) == 1 else None)
    found = catalog.cards([school_id]) if school_id else []
    return found[0] if found else None


def _ask_unclear(u: Understanding, labels: "Labels") -> list[Reply]:
    """Ask about the words that looked like a need or a grade but were not understood."""
    asks = []
    for word, ask in u.unclear[:2]:
        if ask == "grade":
            asks.append(Reply("unclear_grade", {"word": word}))
        elif ask == PRIVATE_SCHOOL:  # "private school 60637": the public schools found are no private ones
            asks.append(Reply("private_not_listed"))
        elif ask == NO_FILTER:  # "gifted": no fact of the catalog says it, so the list found is not filtered by it
            asks.append(Reply("unclear_no_filter", {"word": word}))
        else:
            asks.append(Reply("unclear_need", {"word": word, "need": labels.need(ask)}))
    return asks


def step(state: dict | None, u: Understanding, now: datetime, catalog: Catalog) -> tuple[dict, list[Reply]]:
    """Answer one message: return the conversation's new state and the replies to send."""
    locale = state.get("locale") if state else None
    if _expired(state, now):
        state = new_state(now, locale)
    else:
        state = dict(state, updated=now.isoformat())
    state["locale"] = next_locale(state["locale"], u)
    if u.intent == "language":
        return state, [Reply("language_set")]
    if u.intent in ("help", "greeting"):
        return state, [Reply("help" if u.intent == "help" else "welcome")]
    if u.intent == "stop":
        return state, [Reply("stopped")]
    if u.intent == "start":
        return state, [Reply("started")]
    if u.intent == "human":
        return state, [Reply("human")]
    state["misunderstood"] = state.get("misunderstood", 0) + 1 if u.intent == "unknown" and not u.topic else 0
    if u.wider and state.get("query"):
        # the relaxation offered, or else (WIDER asked unprompted) the next step out
        radius = state["query"].get("radius_km", RADIUS_KM)
        offered = state.get("wider")
        if not offered and "near" in state["query"]:
            offered = next(({"radius_km": km} for km in WIDER_STEPS if km > radius), None)
        if offered:
            state["query"] = _relaxed(state["query"], offered)
            state["page"], state["wider"] = 1, None
            return state, _show_page(state, catalog)
    if u.intent == "more":
        if not state.get("query"):
            return state, [Reply("need_place")]
        state["page"] += 1
        return state, _show_page(state, catalog)
    if u.intent in ("details", "compare") and u.choices and not state["results"]:
        return state, [Reply("help")]  # a number before any list: how to get one, not "no school number 9"
    if u.intent == "details" and u.choices:
        chosen = _chosen(state, u.choices[:1], catalog)
        if not chosen:
            return state, [Reply("unknown_choice", {"number": u.choices[0]})]
        return state, [_answer_about(state, chosen[0][1], _topic(u) or state.get("asking"))]
    if u.intent == "details" and u.school_id:
        found = catalog.cards([u.school_id])
        if found:
            return state, [_answer_about(state, found[0], _topic(u))]
    if u.intent == "compare" and u.choices:
        known = _chosen(state, u.choices[:4], catalog)
        if len(known) < 2:
            return state, [Reply("unknown_choice", {"number": max(u.choices)})]
        return state, [_compared(state, known, catalog.labels)]
    if u.topic == "apply" and not (u.grades or u.near):  # "when is the deadline?": for the school in context
        card = _school_in_context(state, catalog)
        if card:
            return state, [_answer_about(state, card, "apply")]
        state["asking"] = "apply"  # the number the family replies with is asked about applying
        return state, [Reply("apply_which" if state["results"] else "apply_how")]
    if u.intent in ("search", "details"):
        query = _merged_query(state.get("query"), u)
        if not query or "near" not in query:
            state["query"] = query
            return state, [Reply("need_place"), *_ask_unclear(u, catalog.labels)]
        # the list already sent stays numbered until a new one is: "2" after a search that found
        # nothing is still the school the family sees as 2 on their phone
        state["query"], state["page"], state["wider"] = query, 1, None
        return state, [*_show_page(state, catalog), *_ask_unclear(u, catalog.labels)]
    if u.unclear:
        return state, _ask_unclear(u, catalog.labels)
    if state["misunderstood"] >= MISUNDERSTOOD_BEFORE_PERSON:
        state["misunderstood"] = 0
        return state, [Reply("human")]  # the bot cannot answer: a person takes over
    return state, [Reply("not_understood")]
