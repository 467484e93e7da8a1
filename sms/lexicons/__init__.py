"""Keyword lexicons of the SMS bot, one module per locale. Pure data.

Every phrase is written as a family would text it; matching folds case and accents on both
sides (`catalog.text.fold`), so "kínder", "KINDER" and "kinder" are one phrase.
"""

from dataclasses import dataclass, field, replace
from importlib import import_module

# Bengali's vowel signs (and its nasal and aspiration marks), left out of every Bengali word matched, messages and
# lexicons alike: they are no letters to Unicode, so folding would cut a word at each ("বাংলাদেশ" into "ব ল দ শ",
# which holds "বাংলা"); without them a word stays one word, its consonants and its own vowels kept
BENGALI_SIGNS = str.maketrans(dict.fromkeys(map(chr, (0x0981, 0x0982, 0x0983, *range(0x09BE, 0x09CE), 0x09D7))))

LOCALES = ("en", "es", "zh_Hans", "zh_Hant", "vi", "ko", "ru", "ar", "ur", "bn", "ht", "fr", "fil", "so")


@dataclass(frozen=True)
class Lexicon:
    locale: str
    names: tuple[str, ...] = ()  # the language's own names: texting one alone switches to it
    markers: tuple[str, ...] = ()  # common words of the language, for telling languages apart
    fillers: tuple[str, ...] = ()  # politeness words ignored around a command ("please")
    # Whole-message commands (after fillers are dropped):
    stop: tuple[str, ...] = ()
    start: tuple[str, ...] = ()
    help: tuple[str, ...] = ()
    more: tuple[str, ...] = ()
    greeting: tuple[str, ...] = ()
    wider: tuple[str, ...] = ()  # "search farther"
    # Anywhere in a message:
    human: tuple[str, ...] = ()  # asking for a person
    compare: tuple[str, ...] = ()  # with two or more numbers
    details: tuple[str, ...] = ()  # with one number ("info 2")
    school_words: tuple[str, ...] = ()  # "school", "schools": a search even without a filter
    grades: dict[str, tuple[int, int]] = field(default_factory=dict)  # "kinder": (0, 0), "middle school": (6, 8)
    grade_patterns: tuple[str, ...] = ()  # regexes on folded text; {n} is a number or a number word
    number_words: dict[str, int] = field(default_factory=dict)  # "third": 3, "tercer": 3
    needs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # need → phrases
    programs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # special-education program code → phrases
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "charter"/"district" → phrases
    # Ruling out, within one clause (between commas or full stops) of what is ruled out:
    negations: tuple[str, ...] = ()  # a sector: "not", "no", "except", "anything but" ("not charter" → district)
    not_needed: tuple[str, ...] = ()  # a need: "don't need", "no need" ("we don't need a bus" → no bus)
    # "nothing but", "ছাড়া কিছু না": a cue of ruling out inside one of these asks for the value alone ("nothing but public")
    only: tuple[str, ...] = ()
    without: tuple[str, ...] = ()  # written right before a need, rule it out: "no bus", "sin autobús", "без автобуса"
    languages: dict[str, str] = field(default_factory=dict)  # a language's name here → ISO 639-1
    ages: tuple[str, ...] = ()  # "years old": "my son is 7 years old" names no result number
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "apply" → ("how to apply", …)
    # SMS shorthand read as the words it stands for in a text of this language ("d" → "de", "ko" → "không")
    shorthand: dict[str, str] = field(default_factory=dict)
    # "we have no car": public transit (also in `needs["transit"]`), unless the school bus is asked for as well
    no_car: tuple[str, ...] = ()
    # a bus that may be the city's ("bus", "camión", "버스"): named beside a train or the metro, it is public transit
    # ("the bus or the train"), not the school bus
    city_bus: tuple[str, ...] = ()
    # a class set apart, in any order and with words between ("salón especial aparte", "fasal yar oo gooni ah", "class
    # alag"): a word for a class beside a word for apart is the self-contained program; beside a word for small, when
    # special education is asked, too ("فصل خاص صغير"). Single words, as written after folding.
    # Chinese: a character an input method offers for the same sound, written for a school word's ("笑车" for 校车,
    # "公力" for 公立): the miswritten character → the school word's, read so only where it then makes a phrase
    homophones: dict[str, str] = field(default_factory=dict)
    # a word for the early years that countries give different years ("садик", "تمهيدي", "barbaarin"): read as its
    # grade in `grades` alone, but glossed by a pre-K phrase ("садик, pre-K", "تمهيدي (pre-K)") it is that pre-K
    early_years: tuple[str, ...] = ()
    # "can't", "doesn't know how to": said of public transit beside the school bus, it is why the bus is asked ("he
    # can't take the CTA alone"), no need of transit
    cannot: tuple[str, ...] = ()
    classroom: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()
    small: tuple[str, ...] = ()

    def with_no_car(self, phrases: tuple[str, ...]) -> "Lexicon":
        """This lexicon with its phrases for "we have no car", read as public transit unless the school bus is asked for."""
        return replace(self, needs={**self.needs, "transit": self.needs.get("transit", ()) + phrases}, no_car=phrases)


def load_all() -> dict[str, Lexicon]:
    """Return every locale's lexicon (a locale without a module yet gets an empty one)."""
    lexicons = {}
    for locale in LOCALES:
        try:
            lexicons[locale] = import_module(f"sms.lexicons.{locale}").LEXICON
        except ModuleNotFoundError:
            lexicons[locale] = Lexicon(locale)
    return lexicons
