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
from typing import Protocol

from catalog.cards import Card
from catalog.geo import CentroidOf
from catalog.query import Query, QueryError, build_query
from catalog.vocabulary import GRADE_CODES
from sms.replies import Reply
from sms.understand import Understanding

EXPIRY = timedelta(hours=24)
PAGE_SIZE = 3  # three schools fit 3 segments even in UCS-2 scripts
RADIUS_KM = 5.0
WIDER_STEPS = (10.0, 20.0, 40.0)
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


class Catalog(Protocol):
    """The catalog as the engine reads it, in the conversation's language."""

    centroid_of: CentroidOf

    def search(self, query: Query) -> Found: ...

    def cards(self, school_ids: list[str]) -> list[Card]: ...


def new_state(now: datetime, locale: str | None = None) -> dict:
    return {"locale": locale, "query": None, "page": 1, "results": [], "wider": None, "updated": now.isoformat()}


def _expired(state: dict | None, now: datetime) -> bool:
    return not state or now - datetime.fromisoformat(state["updated"]) > EXPIRY


def _merged_query(previous: dict | None, u: Understanding) -> dict | None:
    """Turn the understanding into search parameters; follow-ups refine the last search."""
    fresh = u.grades is not None and u.near is not None
    query = {} if fresh or not previous else dict(previous)
    if u.grades is not None:
        query["grade"] = GRADE_CODES[u.grades[0]]
    if u.near:
        query["near"] = u.near
        query["radius_km"] = RADIUS_KM
    if u.sector:
        query["sector"] = u.sector
    if u.needs:
        query["need"] = sorted(set(query.get("need", [])) | set(u.needs))
    if u.program_language:
        query["language"] = u.program_language
    return query or None


def _result_line(number: int, card: Card, distance_km: float | None) -> str:
    distance = f", {distance_km:.1f} km" if distance_km is not None else ""
    return f"{number}. {card.name} ({card.text('grades')}, {card.text('sector')}{distance})"


def _query(params: dict, page: int, catalog: Catalog) -> Query:
    """Read the conversation's search (API parameters) into the catalog's Query."""
    values = {key: [str(v) for v in value] if isinstance(value, list) else [str(value)] for key, value in params.items()}
    values.update(page=[str(page)], per_page=[str(PAGE_SIZE)], order=["distance"])
    return build_query(values, centroid_of=catalog.centroid_of)


def _show_page(state: dict, catalog: Catalog) -> list[Reply]:
    try:
        found = catalog.search(_query(state["query"], state["page"], catalog))
    except QueryError:  # a ZIP code no table places: nothing to list
        found = Found(0)
    first = (state["page"] - 1) * PAGE_SIZE + 1
    if not found.hits:
        if state["page"] > 1:
            return [Reply("no_more")]
        return _nothing_found(state, found)
    state["results"] = state["results"][: first - 1] + [card.id for card, _distance in found.hits]
    lines = tuple(_result_line(first + i, card, distance) for i, (card, distance) in enumerate(found.hits))
    # what was not stated is said on the first page, after the list: never read as "no"
    notes = found.not_stated if state["page"] == 1 else ()
    return [Reply("results_head", {"total": found.total}, lines + notes)]


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


def _nothing_found(state: dict, found: Found) -> list[Reply]:
    """Say nothing matches and offer what the search found would: one filter dropped, or a wider radius."""
    if found.out_of_area:
        return [Reply("out_of_area", {"area": found.out_of_area})]
    nothing = Reply("no_results", {}, found.not_stated)  # those that have not stated a need are not a "no"
    for offer in found.offers:
        if offer.drop:
            state["wider"] = {"drop": offer.drop}
            return [nothing, Reply("drop_offer", {"count": offer.total, "filter": offer.label})]
        state["wider"] = {"radius_km": offer.radius_km}
        return [nothing, Reply("wider_offer", {"count": offer.total, "km": int(offer.radius_km)})]
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
DETAILS = ("address", "phone", "special_education", "english_learners", "school_bus", "transit")
TOPICS = {
    "transport": ("school_bus", "transit"),
    "sped": ("special_education",),
    "ell": ("english_learners",),
    "apply": ("how_to_apply", "phone"),
}
MAX_FREE_TEXT = 300  # characters of a free text (how to apply) in a reply
MAX_FACT = 120  # … and of any other fact (a long transit list)


def _shortened(text: str, limit: int) -> str:
    """Cut a long text at a word, marked as cut ("… Milwaukee District North…", not "… Milwaukee Dist")."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;") + "…"


def _line(card: Card, key: str) -> str:
    return _shortened(card.text(key), MAX_FREE_TEXT if key == "how_to_apply" else MAX_FACT)


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


def _answer_about(card: Card, topic: str | None) -> Reply:
    """The school's overview, or just the part the family asked about."""
    if topic is None:
        return _details(card)
    lines = tuple(_line(card, key) for key in TOPICS[topic] if card.text(key))
    if not lines or (topic == "apply" and not card.text("how_to_apply")):
        return Reply("topic_nothing", {"name": card.name})
    return Reply(f"topic_{topic}", {"name": card.name}, lines)


def step(state: dict | None, u: Understanding, now: datetime, catalog: Catalog) -> tuple[dict, list[Reply]]:
    """Answer one message: return the conversation's new state and the replies to send."""
    locale = state.get("locale") if state else None
    if _expired(state, now):
        state = new_state(now, locale)
    else:
        state = dict(state, updated=now.isoformat())
    if u.intent == "language" or (state["locale"] is None and u.language):
        state["locale"] = u.language
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
    state["misunderstood"] = state.get("misunderstood", 0) + 1 if u.intent == "unknown" else 0
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
    if u.intent == "details" and u.choices:
        chosen = _chosen(state, u.choices[:1], catalog)
        if not chosen:
            return state, [Reply("unknown_choice", {"number": u.choices[0]})]
        return state, [_answer_about(chosen[0][1], _topic(u))]
    if u.intent == "details" and u.school_id:
        found = catalog.cards([u.school_id])
        if found:
            return state, [_answer_about(found[0], _topic(u))]
    if u.intent == "compare" and u.choices:
        known = _chosen(state, u.choices[:4], catalog)
        if len(known) < 2:
            return state, [Reply("unknown_choice", {"number": max(u.choices)})]
        lines = tuple(f"{n}. {card.name}: {card.text('grades')}, {card.text('sector')}, {card.text('school_bus')}" for n, card in known)
        return state, [Reply("compare_head", {}, lines)]
    if u.intent in ("search", "details"):
        query = _merged_query(state.get("query"), u)
        if not query or "near" not in query:
            state["query"] = query
            return state, [Reply("need_place")]
        # the list already sent stays numbered until a new one is: "2" after a search that found
        # nothing is still the school the family sees as 2 on their phone
        state["query"], state["page"], state["wider"] = query, 1, None
        return state, _show_page(state, catalog)
    if state["misunderstood"] >= MISUNDERSTOOD_BEFORE_PERSON:
        state["misunderstood"] = 0
        return state, [Reply("human")]  # the bot cannot answer: a person takes over
    return state, [Reply("not_understood")]
