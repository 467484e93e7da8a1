"""The conversation engine: one step of a text conversation. Pure.

`step(state, understanding, now, search)` returns the new state and the replies. `state` is a
plain JSON-able dict kept per phone number; `search` is the catalog search (API parameters in,
`{"total", "results": [...]}` with labels in the conversation's language out), passed in so
this module does no I/O. A search's results carry what a result line shows (id, name, grades,
sector, distance); `search({"ids": [...]})` gives those schools' full facts, read afresh when a
family asks about them, so the state keeps only the ids it listed.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from catalog.vocabulary import GRADE_CODES
from sms.replies import Reply
from sms.understand import Understanding

EXPIRY = timedelta(hours=24)
PAGE_SIZE = 3  # three schools fit 3 segments even in UCS-2 scripts
RADIUS_KM = 5.0
WIDER_STEPS = (10.0, 20.0, 40.0)
MISUNDERSTOOD_BEFORE_PERSON = 2  # texts in a row the bot cannot read before a person is asked in

Search = Callable[[dict], dict]


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


def _result_line(number: int, school: dict) -> str:
    distance = f", {school['distance_km']:.1f} km" if school.get("distance_km") is not None else ""
    return f"{number}. {school['name']} ({school['grades_label']}, {school['sector_label']}{distance})"


def _show_page(state: dict, search: Search) -> list[Reply]:
    query = dict(state["query"], page=state["page"], per_page=PAGE_SIZE, order="distance")
    found = search(query)
    first = (state["page"] - 1) * PAGE_SIZE + 1
    if not found["results"]:
        if state["page"] > 1:
            return [Reply("no_more")]
        return _nothing_found(state, found)
    state["results"] = state["results"][: first - 1] + [r["id"] for r in found["results"]]
    lines = tuple(_result_line(first + i, r) for i, r in enumerate(found["results"]))
    # what was not stated is said on the first page, after the list: never read as "no"
    notes = tuple(found.get("not_stated_lines", ())) if state["page"] == 1 else ()
    return [Reply("results_head", {"total": found["total"]}, lines + notes)]


def remember_results(state: dict | None, results: list[dict], now: datetime, locale: str) -> tuple[dict, Reply]:
    """Start a conversation from a list sent to the family (the kiosk's "text me this list")."""
    state = dict(new_state(now, locale), results=[r["id"] for r in results])
    # Names only: the family saw the facts at the kiosk, and "2" brings them back.
    lines = tuple(f"{number}. {school['name']}" for number, school in enumerate(results, start=1))
    return state, Reply("shortlist_head", {}, lines)


def _chosen(state: dict, choices: tuple[int, ...], search: Search) -> list[tuple[int, dict]]:
    """The listed schools these numbers refer to, as they are now: (number, school) for each."""
    numbered = [(n, state["results"][n - 1]) for n in choices if 1 <= n <= len(state["results"])]
    found = {school["id"]: school for school in search({"ids": [i for _n, i in numbered]})["results"]} if numbered else {}
    return [(n, found[school_id]) for n, school_id in numbered if school_id in found]


def _nothing_found(state: dict, found: dict) -> list[Reply]:
    """Say nothing matches and offer what the search found would: one filter dropped, or a wider radius."""
    if found.get("out_of_area"):
        return [Reply("out_of_area", {"area": found["out_of_area"]})]
    nothing = Reply("no_results", {}, tuple(found.get("not_stated_lines", ())))  # those that have not stated a need are not a "no"
    for relaxation in found.get("relaxations", []):
        if relaxation.get("drop"):
            state["wider"] = {"drop": relaxation["drop"]}
            return [nothing, Reply("drop_offer", {"count": relaxation["total"], "filter": relaxation["label"]})]
        state["wider"] = {"radius_km": relaxation["radius_km"]}
        return [nothing, Reply("wider_offer", {"count": relaxation["total"], "km": int(relaxation["radius_km"])})]
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


def _details(school: dict) -> Reply:
    lines = [f"{school['name']}", f"{school['grades_label']} · {school['sector_label']}"]
    if school.get("address"):
        lines.append(school["address"])
    if school.get("programs"):
        lines.append(school["programs_label"])
    lines.append(school["school_bus_label"])
    if school.get("transit_label"):
        lines.append(school["transit_label"])
    if school.get("phone"):
        lines.append(school["phone"])
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


def _answer_about(school: dict, topic: str | None) -> Reply:
    """The school's overview, or just the part the family asked about."""
    if topic is None:
        return _details(school)
    lines = {
        "transport": [school["school_bus_label"], school.get("transit_label", "")],
        "sped": school.get("sped_labels", []),
        "ell": school.get("ell_labels", []),
        "apply": [school.get("how_to_apply", ""), school.get("phone", "")],
    }[topic]
    lines = tuple(line for line in lines if line)
    if not lines or (topic == "apply" and not school.get("how_to_apply")):
        return Reply("topic_nothing", {"name": school["name"]})
    return Reply(f"topic_{topic}", {"name": school["name"]}, lines)


def step(state: dict | None, u: Understanding, now: datetime, search: Search) -> tuple[dict, list[Reply]]:
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
            return state, _show_page(state, search)
    if u.intent == "more":
        if not state.get("query"):
            return state, [Reply("need_place")]
        state["page"] += 1
        return state, _show_page(state, search)
    if u.intent == "details" and u.choices:
        chosen = _chosen(state, u.choices[:1], search)
        if not chosen:
            return state, [Reply("unknown_choice", {"number": u.choices[0]})]
        return state, [_answer_about(chosen[0][1], _topic(u))]
    if u.intent == "details" and u.school_id:
        found = search({"ids": [u.school_id]})
        if found["results"]:
            return state, [_answer_about(found["results"][0], _topic(u))]
    if u.intent == "compare" and u.choices:
        known = _chosen(state, u.choices[:4], search)
        if len(known) < 2:
            return state, [Reply("unknown_choice", {"number": max(u.choices)})]
        lines = tuple(f"{n}. {s['name']}: {s['grades_label']}, {s['sector_label']}, {s['school_bus_label']}" for n, s in known)
        return state, [Reply("compare_head", {}, lines)]
    if u.intent in ("search", "details"):
        query = _merged_query(state.get("query"), u)
        if not query or "near" not in query:
            state["query"] = query
            return state, [Reply("need_place")]
        # the list already sent stays numbered until a new one is: "2" after a search that found
        # nothing is still the school the family sees as 2 on their phone
        state["query"], state["page"], state["wider"] = query, 1, None
        return state, _show_page(state, search)
    if state["misunderstood"] >= MISUNDERSTOOD_BEFORE_PERSON:
        state["misunderstood"] = 0
        return state, [Reply("human")]  # the bot cannot answer: a person takes over
    return state, [Reply("not_understood")]
