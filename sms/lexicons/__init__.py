"""Keyword lexicons of the SMS bot, one module per locale. Pure data.

Every phrase is written as a family would text it; matching folds case and accents on both
sides (`catalog.text.fold`), so "kínder", "KINDER" and "kinder" are one phrase.
"""

import re
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
    # phrases a command word is part of that ask something else: French "plus proche" (closer) is not PLUS (the next page)
    not_commands: tuple[str, ...] = ()
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
    # "charter"/"district" → phrases; "public" → the words for a public school, which name no sector (`PUBLIC`)
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Ruling out, within one clause (between commas or full stops) of what is ruled out:
    negations: tuple[str, ...] = ()  # a sector: "not", "no", "except", "anything but" ("not charter" → district)
    not_needed: tuple[str, ...] = ()  # a need: "don't need", "no need" ("we don't need a bus" → no bus)
    # "nothing but", "ছাড়া কিছু না": a cue of ruling out inside one of these asks for the value alone ("nothing but public")
    only: tuple[str, ...] = ()
    without: tuple[str, ...] = ()  # written right before a need, rule it out: "no bus", "sin autobús", "без автобуса"
    # "bilingual", "bilingüe", "双语": English-learner help (`BILINGUAL`), also in needs["ell"]; beside a dual-language
    # phrase ("bilingual dual language") the program alone is asked
    bilingual: tuple[str, ...] = ()
    refugee: tuple[str, ...] = ()  # a refugee family: the program `refugee_services` (English-learner help), `REFUGEE`
    # what a family may ask that the catalog has no fact for ("gifted", "honors"): asked about, never dropped (`NO_FILTER`)
    no_filter: tuple[str, ...] = ()
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


# A charter school is a public school: "public" (and "government", "state", as many languages call a public school:
# "sarkari", "حكومية", "государственная", "公立") names no sector, so a district phrase holding one of these words is
# set apart as sectors["public"], read as no filter. What a district school is called apart from charters stays
# district: the district itself ("CPS", "Chicago Public Schools", "distrito", "学区"), the neighbourhood school, and a
# public school called regular, normal or traditional ("regular public", "pública regular"), as opposed to a charter.
PUBLIC = {
    "en": r"\bpublic\b|\bpublc\b",
    "es": r"\bpublic|\bpublik\b",
    "zh_Hans": r"公立|公校|公利|公办|gong ?li|gongban",
    "zh_Hant": r"公立|公校|公利|官校|政府學校",
    "vi": r"\bcong\b|\bcông\b|nhà nước|\bpublic\b",
    "ko": r"공립|gongnip|gongrip",
    "ru": r"государствен|публичн|gosudarstvenn|publichn",
    "ar": r"حكوم|عام|رسمي|hukum|hkoum|7ukum|7kum|7koum",
    "ur": r"سرکاری|سركاري|گورنمنٹ|گورمنٹ|پبلک|پبلك|sarkari|hukumati",
    "bn": r"সরকার|পাবলিক|sorkari|shorkari",
    "ht": r"\bpiblik\b|\bleta\b",
    "fr": r"\bpubli",
    "fil": r"publi|gobyerno",
    "so": r"dowlad|dawlad|public|publik|bublik|baablik|dadweyn",
}
CALLED_APART = re.compile(r"regular|normal|traditional|chicago|regulares|normales|obychn|обычн")


def public_apart(lexicon: Lexicon) -> Lexicon:
    """The lexicon with its district phrases that say only "public" moved to sectors["public"]."""
    district = lexicon.sectors.get("district", ())
    public_word = re.compile(PUBLIC.get(lexicon.locale, r"(?!)"))
    public = tuple(p for p in district if public_word.search(p) and not CALLED_APART.search(p))
    if not public:
        return lexicon
    sectors = {**lexicon.sectors, "district": tuple(p for p in district if p not in public)}
    return replace(lexicon, sectors={**sectors, "public": lexicon.sectors.get("public", ()) + public})


# "Bilingual" is English-learner help, the family of programs that holds bilingual services, transitional bilingual and
# dual language alike: a dual-language program is one of them, asked by its own words ("dual language", "two-way",
# "immersion"). Reading "bilingual" as dual language alone left out the schools that list bilingual services. The
# dual-language phrases holding a word for bilingual are moved to needs["ell"], but those that also name the program
# itself (`DUAL_ITSELF`), and the locale's own label for the program, which the bot writes and reads back.
BILINGUAL = {
    "en": r"\b(?:bilingual|bi lingual|billingual|bilingul|biligual|bilingal|bilangual)\b",
    "es": r"\b(?:bilingue|bilingues|bilingüe|bilingües|bilinguismo|vilingue|bilinguee|bilingual)\b",
    "fr": r"\b(?:bilingue|bilingues|bilinge|bilangue|bi lingue)\b",
    "ht": r"\b(?:bileng|bilengwal)\b",
    "fil": r"\b(?:bilingual|bilingguwal|bilinggwal|biligual|bilinggual)\b",
    "so": r"\b(?:bilingual|biligual|bilingwal)\b",
    "vi": r"song ng|sông ng",
    "zh_Hans": r"双语|shuangyu|双[鱼与雨]",  # and its typos ("双鱼", "双与": a bilingual school, not a dual-language one)
    "zh_Hant": r"双语|雙語|雙[與魚雨]",
    "ko": r"이중 ?언어|바이링|ijung",
    "ru": r"двуяз|двухъяз|двух ?язычн|билингв|dvuyaz|bilingv",
    "ar": r"ثنائ",
    "ur": r"^(?:بائ|بای|باي)|لسان|زبان[یي]$",
    "bn": r"দ্বিভাষ|দ্বি ভাষ|বাইলি|dvibhash",
}
DUAL_ITSELF = re.compile(
    r"dual|погруж|双语言|zhongying|immersion|inmersion|two way|double|doble|مزدوج|دوہری|দ্বৈত|듀얼|沉浸|한영|教學|教学|chương trình"
)
# and a language paired with English in one word ("中英双语", Chinese-English), which is the program in it
DUAL_LABELS = {
    "zh_Hans": ("双语教学", "中英双语", "英中双语"),
    "zh_Hant": ("雙語教學", "中英雙語", "英中雙語", "中英双语"),
    "ko": ("이중 언어 교육", "한영", "영한"),
}


def bilingual_apart(lexicon: Lexicon) -> Lexicon:
    """The lexicon with its words for bilingual moved from needs["dual_language"] to needs["ell"] and `bilingual`."""
    dual = lexicon.needs.get("dual_language", ())
    bilingual_word = re.compile(BILINGUAL.get(lexicon.locale, r"(?!)"))
    moved = tuple(p for p in dual if bilingual_word.search(p) and not DUAL_ITSELF.search(p))
    if not moved:
        return lexicon
    kept = tuple(p for p in dual if p not in moved) + DUAL_LABELS.get(lexicon.locale, ())
    needs = {**lexicon.needs, "dual_language": kept, "ell": lexicon.needs.get("ell", ()) + moved}
    return replace(lexicon, needs=needs, bilingual=lexicon.bilingual + moved)


# A refugee family: the schools with refugee services (an English-learner program of the vocabulary)
REFUGEE = {
    "en": (
        "refugee",
        "refugees",
        "refugee services",
        "refugee family",
        "refugee program",
        "asylum",
        "asylum seeker",
        "asylum seekers",
        "asylee",
        "asylees",
    ),
    "es": ("refugiado", "refugiados", "refugiada", "refugiadas", "asilo", "asilado", "asilados", "asilo politico"),
    "fr": (
        "réfugié",
        "réfugiés",
        "réfugiée",
        "réfugiées",
        "refugie",
        "refugies",
        "demandeur d'asile",
        "demandeurs d'asile",
        "droit d'asile",
    ),
    "ht": ("refijye", "refije", "moun refijye", "azil"),
    "fil": ("refugee", "refugees", "lumikas", "mga lumikas", "asylum"),
    "so": ("qaxooti", "qaxootiga", "qaxootiyaal", "qaxootinimo", "magangelyo", "refugee"),
    "vi": ("tị nạn", "ti nan", "người tị nạn", "dân tị nạn", "tỵ nạn"),
    "zh_Hans": ("难民", "庇护", "政治庇护"),
    "zh_Hant": ("難民", "庇護", "政治庇護"),
    "ko": ("난민", "망명"),
    "ru": ("беженец", "беженцы", "беженцев", "беженка", "беженцами", "беженцам", "статус беженца", "убежище", "bezhentsy", "bezhenets"),
    "ar": ("لاجئ", "لاجئين", "لاجئة", "لاجئون", "اللاجئين", "لجوء", "اللجوء", "laje2", "laji2een"),
    "ur": ("پناہ گزین", "پناه گزین", "پناہ گزیں", "مہاجر", "refugee", "panah guzeen"),
    "bn": ("শরণার্থী", "রিফিউজি", "shoronarthi", "refugee"),
}
# Need-like words the catalog has no fact for: the bot says it cannot search by them, and offers a person, rather
# than answer as if they had not been written ("K 60637 gifted" listed every kindergarten as if it had been read)
NO_FILTER = {
    "en": (
        "gifted",
        "talented",
        "gifted and talented",
        "honors",
        "honors program",
        "accelerated",
        "advanced placement",
        "international baccalaureate",
        "selective enrollment",
        "montessori",
    ),
    "es": (
        "superdotado",
        "superdotada",
        "superdotados",
        "dotado",
        "dotada",
        "dotados",
        "dotadas",
        "talentoso",
        "talentosa",
        "avanzado",
        "avanzados",
        "bachillerato internacional",
        "montessori",
    ),
    "fr": (
        "surdoué",
        "surdouée",
        "surdoués",
        "surdouées",
        "doué",
        "douée",
        "doués",
        "douées",
        "douance",
        "haut potentiel",
        "précoce",
        "bac international",
        "montessori",
    ),
    "ht": ("gen talan", "entelijan anpil", "doue", "doué", "montessori"),
    "fil": ("matalino", "gifted", "honors", "montessori"),
    "so": ("hibo gaar ah", "hibada", "hibo leh", "caqli sare", "montessori"),
    "vi": ("năng khiếu", "nang khieu", "tài năng", "chuyên", "montessori"),
    "zh_Hans": ("资优", "天才", "尖子班", "重点班", "蒙特梭利"),
    "zh_Hant": ("資優", "天才", "資賦優異", "蒙特梭利"),
    "ko": ("영재", "영재반", "영재교육", "몬테소리"),
    "ru": ("одаренных", "одаренные", "одаренный", "одаренная", "одарённых", "одарённый", "одарённая", "для одаренных", "монтессори"),
    "ar": ("موهوب", "موهوبين", "الموهوبين", "موهوبة", "المتفوقين", "متفوق", "منتسوري"),
    "ur": ("ذہین", "باصلاحیت", "مونٹیسوری"),
    "bn": ("মেধাবী", "প্রতিভাবান", "মন্টেসরি"),
}


# A private school: not in the catalog, which lists public schools (district and charter); said so, never searched as one
PRIVATE = {
    "en": ("private", "private school", "private schools"),
    "es": ("privada", "privadas", "privado", "privados", "escuela privada", "escuelas privadas"),
    "fr": ("privée", "privées", "école privée", "écoles privées"),
    "ht": ("lekòl prive", "lekol prive"),
    "fil": ("pribado", "pribadong paaralan"),
    "zh_Hans": ("私立", "私校"),
    "zh_Hant": ("私立", "私校"),
    "ko": ("사립",),
    "ru": ("частная", "частной", "частную", "частные", "частных", "chastnaya", "chastnuyu"),
    "ur": ("پرائیویٹ", "پرائیوٹ", "نجی اسکول"),
    "bn": ("প্রাইভেট স্কুল", "বেসরকারি স্কুল"),
}


def with_words(lexicon: Lexicon) -> Lexicon:
    """The lexicon with its refugee and no-filter words."""
    return replace(lexicon, refugee=lexicon.refugee + REFUGEE.get(lexicon.locale, ()),
                   no_filter=lexicon.no_filter + NO_FILTER.get(lexicon.locale, ()) + PRIVATE.get(lexicon.locale, ()))  # fmt: skip


def load_all() -> dict[str, Lexicon]:
    """Return every locale's lexicon (a locale without a module yet gets an empty one)."""
    lexicons = {}
    for locale in LOCALES:
        try:
            lexicons[locale] = with_words(bilingual_apart(public_apart(import_module(f"sms.lexicons.{locale}").LEXICON)))
        except ModuleNotFoundError:
            lexicons[locale] = Lexicon(locale)
    return lexicons
