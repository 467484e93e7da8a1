"""The bot's replies: templates, rendered in the conversation's language within 3 segments. Pure.

Templates are gettext msgids marked with `N_` (or `Np_` with a plural, counted by the value
"num"); `render` takes the translations (`gettext` and `ngettext`), so the webhook, the simulator
and the tests all render through the same translations.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from catalog.vocabulary import N_, Np_
from sms.segments import fits, gsm_friendly, truncate

MAX_SEGMENTS = 3

TEMPLATES = {
    "help": N_(
        'SchoolBridge: public school info by text. Send grade + ZIP + needs, e.g. "K %(zip)s". Reply a number for details, MORE, PERSON for staff, STOP to end.'
    ),
    "welcome": N_(
        'Hi! I help you find public schools, district and charter. Tell me the grade and your ZIP, e.g. "grade 3 %(zip)s". Add needs: %(needs)s.'
    ),
    "language_set": N_("OK, I will write in English. Send grade + ZIP to find schools."),
    "stopped": N_("You will get no more texts from SchoolBridge. Reply START to begin again."),
    "started": N_("Welcome back to SchoolBridge. Send grade + ZIP to find schools."),
    "human": N_("I am passing your message to a person at the enrollment office. They will text you back here during office hours."),
    "need_place": N_("Which ZIP code do you live in? Send 5 digits, e.g. 60637."),
    "zip_not_found": N_("ZIP code %(zip)s was not found."),
    "results_head": Np_(
        "%(echo)s: %(num)s school. Reply its number for details:",
        "%(echo)s: %(num)s schools. Reply a number for details, MORE for more:",
    ),
    "no_results": N_("%(echo)s: no school matches all of that."),
    "wider_offer": Np_(
        "%(num)s school within %(km)s km. Reply WIDER to see it.", "%(num)s schools within %(km)s km. Reply WIDER to see them."
    ),
    "drop_offer": Np_(
        "Without “%(filter)s”: %(num)s school. Reply WIDER to see it.", "Without “%(filter)s”: %(num)s schools. Reply WIDER to see them."
    ),
    "unclear_need": N_("I did not understand “%(word)s”. If you meant %(need)s, reply: %(need)s"),
    "unclear_grade": N_("I did not understand “%(word)s”. Which grade? Reply e.g. K or grade 3."),
    "private_not_listed": N_("We list public schools only, district and charter: private schools are not in our list."),
    "unclear_no_filter": N_("I cannot search by “%(word)s”: our school list does not say it. Reply PERSON to ask staff."),
    "apply_which": N_("Which school? Reply its number from the list and I will send its deadline and how to apply."),
    "apply_how": N_(
        "Each school has its own deadline and way to apply. Send grade + ZIP to find schools, then reply a school's number and ask how to apply."
    ),
    "out_of_area": N_("That place is outside the area we list schools in: %(area)s. Send a ZIP code there."),
    "no_more": N_("That is all the schools. Send a new search any time."),
    "unknown_choice": N_("I have no school number %(number)d. Reply with a number from the list."),
    "not_understood": N_('Sorry, I did not understand. Send grade + ZIP, e.g. "K 60637". Reply PERSON to reach staff.'),
    "rate_limited": N_("You are sending many texts. Please wait a minute and try again."),
    "details": N_("School details (reply PERSON with questions about applying):"),
    "compare_head": N_("Comparing %(schools)s:"),
    "topic_transport": N_("%(name)s, getting there:"),
    "topic_sped": N_("%(name)s, special education:"),
    "topic_ell": N_("%(name)s, English learner support:"),
    "topic_apply": N_("%(name)s, how to apply:"),
    "topic_nothing": N_("%(name)s: nothing is listed about this yet. Reply PERSON to ask staff."),
    "registered": N_(
        "SchoolBridge: thank you for registering at the school fair. The enrollment office will text you about next steps. Reply STOP to end texts."
    ),
    "shortlist_head": N_("Your school list from SchoolBridge. Reply a number for details, PERSON for staff, STOP to end:"),
}

# Staff answers to the common hand-over questions, sent in the family's language.
CANNED = {
    "will_call": N_("Thank you for waiting. Someone from the enrollment office will call you at this number within 2 working days."),
    "documents": N_(
        "To enroll, bring your child's birth certificate, proof of address and latest report card to the school or the enrollment office."
    ),
    "apply_school": N_(
        "Each school's own enrollment team can answer that best. Reply with the school's name and I will send its phone number."
    ),
    "closing": N_("Thank you for texting SchoolBridge. You can text us again any time. Reply STOP to end texts."),
}
TEMPLATES.update({f"canned_{key}": text for key, text in CANNED.items()})


@dataclass(frozen=True)
class Reply:
    """A reply before translation: the template key, its values, and lines added after it."""

    key: str
    values: dict = field(default_factory=dict)
    lines: tuple[str, ...] = ()  # already-rendered facts (names, numbers) added line by line


class Translations(Protocol):
    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


COUNTS = ("num", "km")  # the values a reply says as numbers of the locale ("1 234 écoles"), not result numbers


def _head(reply: Reply, translations: Translations, number: Callable[[int], str]) -> str:
    template = TEMPLATES[reply.key]
    if isinstance(template, tuple):
        head = translations.ngettext(*template, reply.values["num"])
    else:
        head = translations.gettext(template)
    if not reply.values:
        return head
    return head % {key: number(value) if key in COUNTS else value for key, value in reply.values.items()}


def fill_to_fit(
    reply: Reply, name: str, items: list[str], joiner: str, translations: Translations, number: Callable[[int], str] = str
) -> Reply:
    """The reply with its value `name` holding as many of `items`, in order, as let its head fit
    the budget (the first always): a list of examples ends between two of them, never cut in a word."""
    for count in range(len(items), 1, -1):
        filled = replace(reply, values={**reply.values, name: joiner.join(items[:count])})
        if fits(gsm_friendly(_head(filled, translations, number)), MAX_SEGMENTS):
            return filled
    return replace(reply, values={**reply.values, name: joiner.join(items[:1])})


def render_all(reply: Reply, translations: Translations, number: Callable[[int], str] = str) -> list[str]:
    """Translate and fill a reply keeping every line: lines past the budget go on in further
    texts, between two lines (a school's line is never cut in two), and only the first text
    carries the head, so a family is never sent a number for a school it was not shown.
    `number` writes a count in the reply's locale (Babel's `format_decimal` for it)."""
    texts = [[_head(reply, translations, number)]]
    pieces = [piece for line in reply.lines for piece in _pieces(line)]
    for piece in pieces:
        if fits(gsm_friendly("\n".join([*texts[-1], piece])), MAX_SEGMENTS):
            texts[-1].append(piece)
        else:
            texts.append([piece])
    # look-alikes are chosen for a whole text, so its head and its lines are spelled alike
    return [truncate(gsm_friendly("\n".join(lines)), MAX_SEGMENTS) for lines in texts]


def _pieces(line: str) -> list[str]:
    """A line too long for one text (a note on schools that have not stated a need, in a script
    that costs a segment every 67 characters), cut between words into pieces that each fit: the
    rest goes on in the next text, never cut off. A word longer than a text is cut at the end."""
    if fits(gsm_friendly(line), MAX_SEGMENTS):
        return [line]
    pieces = [""]
    for word in line.split(" "):
        longer = f"{pieces[-1]} {word}" if pieces[-1] else word
        if fits(gsm_friendly(longer), MAX_SEGMENTS) or not pieces[-1]:
            pieces[-1] = longer
        else:
            pieces.append(word)
    return pieces


def render(reply: Reply, translations: Translations, number: Callable[[int], str] = str) -> str:
    """Translate and fill a reply with the lines the 3-segment budget allows (the first text of `render_all`)."""
    return render_all(reply, translations, number)[0]
