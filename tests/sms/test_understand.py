"""`parse` against the labelled evaluation set, per locale; and it never raises."""

import csv
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sms import common_words
from sms.lexicons import LOCALES
from sms.understand import NO_FILTER, SchoolNames, parse
from tests.conftest import ROOT

EVAL = Path(__file__).resolve().parent / "eval"
KEYS = ("language", "intent", "grades", "near", "sector", "needs", "programs", "program_language", "school", "choices")


@lru_cache(maxsize=1)
def demo_names() -> SchoolNames:
    with (ROOT / "catalog" / "demo" / "chicago.csv").open(encoding="utf-8") as f:
        return SchoolNames.build([(r["id"], r["name"]) for r in csv.DictReader(f)])


def cases() -> list[tuple[str, int, dict]]:
    found = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                found.append((path.stem, number, json.loads(line)))
    return found


def test_evaluation_set_is_large_and_covers_every_locale():
    by_locale = defaultdict(int)
    for locale, _n, case in cases():
        assert set(case["expect"]) == set(KEYS), (locale, case["text"])
        by_locale[locale] += 1
    assert sum(by_locale.values()) >= 400
    assert set(by_locale) == set(LOCALES)


def test_parse_is_right_on_95_percent_of_the_evaluation_set(capsys):
    right, total, misses = defaultdict(int), defaultdict(int), []
    for locale, number, case in cases():
        got = parse(case["text"], schools=demo_names()).as_dict()
        total[locale] += 1
        if got == case["expect"]:
            right[locale] += 1
        else:
            misses.append(
                f"{locale}:{number} {case['text']!r}: "
                + ", ".join(f"{k}={got[k]!r} (want {case['expect'][k]!r})" for k in KEYS if got[k] != case["expect"][k])
            )
    report = "\n".join(f"{loc:8} {right[loc]:3}/{total[loc]:3} {100 * right[loc] / total[loc]:5.1f}%" for loc in sorted(total))
    with capsys.disabled():
        print("\nparse accuracy by locale:\n" + report)
    overall = sum(right.values()) / max(1, sum(total.values()))
    assert overall >= 0.95, report + "\n" + "\n".join(misses)


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_is_mostly_right(locale):
    mine = [case for loc, _n, case in cases() if loc == locale]
    if not mine:
        pytest.fail(f"no evaluation messages for {locale}")
    right = sum(parse(c["text"], schools=demo_names()).as_dict() == c["expect"] for c in mine)
    assert right / len(mine) >= 0.85


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from([None, *LOCALES]))
def test_parse_never_raises_on_any_unicode(text, locale):
    result = parse(text, locale, schools=demo_names()).as_dict()
    assert set(result) == set(KEYS)


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I'm Maria. I need a kindergarten near 60623",
        "My son Carlos needs 3rd grade 60623",
        "Hola, me llamo María. Busco kínder cerca de 60623",
    ],
)
def test_a_search_with_a_zip_is_a_search_even_when_a_word_names_a_school(text):
    """Catalyst - Maria and Acero - Carlos Fuentes are demo schools; here the names are the family's."""
    understood = parse(text, schools=demo_names())
    assert understood.intent == "search" and understood.near == "60623" and understood.school is None


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("xanaano ma heli karaa gabadhayda?", None),  # Somali "heli" (find) is no "Eli": a short name word as written only
        ("Eli Whitney kindergarten?", "Eli Whitney Elementary School"),
        ("does eli whitney have a bus", "Eli Whitney Elementary School"),
    ],
)
def test_a_short_name_word_is_matched_only_as_written(text, school):
    assert parse(text, schools=demo_names()).school == school


def test_a_school_asked_about_by_name_is_still_found():
    understood = parse("does Kelly High have a bus?", schools=demo_names())
    assert understood.intent == "details" and understood.school and "Kelly" in understood.school


@pytest.mark.parametrize(
    ("text", "language"),
    [("grado 3 60623", "es"), ("3er grado 60623", "es"), ("klas 3 60623", "ht"), ("fasalka 3 60623", "so"), ("baitang 3 60623", "fil")],
)
def test_the_word_for_grade_tells_the_language_of_a_short_search(text, language):
    """A first text of grade and ZIP alone sets the conversation's language ("grado 3 60623" was answered in English)."""
    assert parse(text).language == language


@pytest.mark.parametrize(
    ("text", "intent", "choices", "needs", "topic"),
    [
        ("does 2 have a bus?", "details", [2], ["bus"], None),
        ("1 special education", "details", [1], ["sped"], None),
        ("how to apply to 2", "details", [2], [], "apply"),
        ("¿el 2 tiene autobús?", "details", [2], ["bus"], None),
        ("grade 3 bus", "search", [], ["bus"], None),
    ],
)
def test_a_question_about_a_listed_school_by_number_is_about_that_school(text, intent, choices, needs, topic):
    understood = parse(text)
    assert (understood.intent, list(understood.choices), list(understood.needs), understood.topic) == (intent, choices, needs, topic)


@pytest.mark.parametrize(("text", "language"), [("Spanish please", "es"), ("español por favor", "es"), ("french pls", "fr")])
def test_a_language_asked_for_with_a_please_switches_to_it(text, language):
    assert (parse(text).intent, parse(text).language) == ("language", language)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("차터스쿨은 빼고 공립 초등학교만 보여주세요", "district"),  # the topic particle is no distance from the cue
        ("차터스쿨을 빼고 공립으로", "district"),
        ("공립학교는 말고 차터스쿨만", "charter"),
        ("차터말고 공립으로 부탁", "district"),  # a cue written onto the value is no particle
    ],
)
def test_a_korean_value_ruled_out_keeps_its_particle(text, sector):
    assert parse(text).sector == sector


def test_higit_pa_asks_for_more_in_filipino():
    assert parse("higit pa").intent == "more"


@pytest.mark.parametrize(
    ("text", "key", "wanted"),
    [
        ("not charter, only district schools", "sector", "district"),
        ("anything but district, middle school 60621", "sector", "charter"),
        ("차터 말고 공립만요. 5학년, 60625", "sector", "district"),
        ("We don't need a bus, we live close. Elementary near 60625", "needs", []),
        ("compare 2, 4", "choices", [2, 4]),
        ("3/5", "choices", [3, 5]),
        ("kindergarden neer 60637 speshal ed", "needs", ["sped"]),
        ("kindergarden neer 60637 speshal ed", "grades", [0, 0]),
        ("my son is deaf, grade 2 60623", "programs", ["deaf_hard_of_hearing"]),
        ("my son is deaf, grade 2 60623", "needs", ["sped"]),
        ("dual language spanish kinder 60608", "needs", ["dual_language"]),
        ("my son is 7 years old", "choices", []),
        ("can I take the CTA bus there? 60623", "needs", ["transit"]),
        ("Hi, this is Tanya", "intent", "greeting"),
        ("can you text me in Spanish", "language", "es"),
    ],
)
def test_parse_reads_the_contracts_hard_cases(text, key, wanted):
    assert parse(text, schools=demo_names()).as_dict()[key] == wanted


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("kindergarden neer 60637 spetsul", (("spetsul", "sped"),)),  # three edits from "special", not as heard: asked about
        ("grade 3 60637 transportashun", (("transportashun", "bus"),)),
        ("kindagardin 60637", (("kindagardin", "grade"),)),
        ("K 60637 spetsul ed", (("spetsul", "sped"),)),  # "ed" alone is no need
        ("K 60637 special education, spetsul help", ()),  # special education was understood: nothing left to ask
        ("grade 5 60637 details please", ()),  # a common English word is a word, not a misspelt need
        ("escuela libre cerca de 60637 para kinder", ()),  # … and a common Spanish one
        ("tanpri, pitit mwen bezwen edikasyon espesyal 60637", ()),  # Creole: no word list tells its words from typos
    ],
)
def test_a_word_that_looks_like_a_need_or_grade_but_is_not_one_is_kept_to_ask_about(text, unclear):
    assert parse(text).unclear == unclear


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("special ed 60637", "en", "search"),  # English words other languages borrow are English alone
        ("wheel chair 60637", "en", "search"),
        ("grd 3 60637", "en", "search"),
        ("kindergarton 60637", "en", "search"),  # a typo votes for the language of the word it is a typo of
        ("elemntary 60637", "en", "search"),
        ("Aide", "fr", "help"),  # a language's own word of talk stays its own
        ("détails 2", "fr", "details"),  # an accent English does not write breaks a tie with English
        ("helppp", "en", "help"),  # a letter held down
        ("hiiii", "en", "greeting"),
        ("stoooop", "en", "stop"),
        ("pleeease more", "en", "more"),
    ],
)
def test_borrowed_english_typos_and_held_letters_are_read_as_the_language_and_command_they_are(text, language, intent):
    got = parse(text)
    assert (got.language, got.intent) == (language, intent)


def test_the_common_words_are_a_compact_file_built_once_and_built_again_when_missing_or_stale(tmp_path):
    path = tmp_path / "common_words.bin"
    keys = common_words.load(path)  # missing: built as `make` builds it
    assert 50_000 < len(keys) < 200_000 and path.stat().st_size == 4 * (len(keys) + 2)  # 4 bytes a word, a header
    assert all(a < b for a, b in zip(keys, keys[1:], strict=False))  # sorted, each once: looked up by bisection
    assert common_words.load(path) == keys  # read back as it was written
    assert all(common_words.is_common(keys, w) for w in ("details", "libre", "commence", "escuela", "truong"))
    assert not any(common_words.is_common(keys, w) for w in ("speshul", "kindagardin", "transportashun"))
    path.write_bytes(path.read_bytes()[:4] + bytes(4) + path.read_bytes()[8:])  # built with other settings
    assert common_words.load(path) == keys and path.read_bytes()[4:8] != bytes(4)
    assert common_words.load() == keys  # the file the app reads is what the generator makes


@pytest.mark.parametrize(
    ("text", "conversation", "language"),
    [
        ("你好", None, "zh_Hans"),
        ("你好", "zh_Hant", "zh_Hant"),  # no character only one script uses: the conversation's stays
        ("你好，我想找學校", "zh_Hans", "zh_Hant"),  # Traditional characters decide
        ("مدرسة قريبة", None, "ar"),
        ("مدرسة قريبة", "ur", "ur"),  # no letter of Urdu's own, in an Urdu conversation
        ("مدرسہ کہاں ہے", "ar", "ur"),
        ("привет", "en", "ru"),
        ("학교", "en", "ko"),
        ("স্কুল", None, "bn"),
    ],
)
def test_the_script_decides_the_language_and_the_conversation_settles_what_it_leaves_open(text, conversation, language):
    assert parse(text, conversation).language == language


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("does Kelly High have a bus?", "kelly"),
        ("Tell me about Walter Payton College Prep", "walter payton"),
        ("la escuela Kelly tiene autobus?", "kelly"),
        ("high school near 60637", None),  # a kind of school, not a name
        ("Hi, I'm Maria", None),
    ],
)
def test_without_a_catalog_the_school_asked_about_is_read_from_the_questions_shape(text, school):
    understood = parse(text)
    assert understood.school == school
    assert understood.intent == ("details" if school else understood.intent)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("halp", {"intent": "help", "language": "en"}),  # a short command one typo off
        ("ayuda pls", {"intent": "help"}),  # another language's politeness around a command
        ("aur dikhao", {"intent": "more", "language": "ur"}),  # Roman Urdu
        ("bondho koren", {"intent": "stop", "language": "bn"}),  # Banglish
        ("التالى", {"intent": "more", "language": "ar"}),  # a final yeh without its dots
        ("№2", {"intent": "details", "choices": [2]}),
        ("el 2", {"intent": "details", "choices": [2]}),
        ("escuela con silla d ruedas", {"needs": ["accessible"]}),  # SMS shorthand written out
        ("co truong gd dac biet ko", {"needs": ["sped"], "language": "vi"}),
        ("특수교윽 있는 학교", {"needs": ["sped"]}),  # a Korean phrase one jamo slipped
        ("유치 원 60637", {"grades": [0, 0]}),  # a Korean word spaced apart
        ("계단을 못 올라가서 1층이거나 엘리베이터 있는 학교", {"intent": "search", "choices": []}),  # a floor, no result number
        ("خصوصى تعلیم", {"needs": ["sped"], "language": "ur"}),  # Urdu on both keyboards at once
        ("ES w/ IEP সাপোর্ট", {"grades": [0, 5], "needs": ["sped"]}),  # a level in capitals in another script
        ("初中一年级", {"grades": [7, 7]}),
        ("садик для 4-летки, pre-K, возле 60630", {"grades": [-1, -1]}),  # a loose early-years word glossed by pre-K
        ("تمهيدي لابني بمنطقة 60632", {"grades": [0, 0]}),  # the year before the first grade, as Arab schools name it
        ("prep class k liye school? 60626", {"grades": [0, 0]}),  # Pakistan's kindergarten
        ("Hay algo como sala de 4 acá? 60625", {"grades": [-1, -1], "choices": []}),  # Argentina's nursery years
        ("Kenwood gen bis lekol? pitit m pa ka pran CTA pou kont li", {"needs": ["bus"]}),  # the train he can't ride
        ("meri beti ko speshal edukation chahiye", {"needs": ["sped"]}),  # English written as it sounds
        ("m bezwen edikasyon espesyal pou pitit mwen", {"needs": ["sped"]}),  # the language's own word stays its own
        ("kursiga naafada", {"needs": ["accessible"]}),  # the chair, not special education
        ("school batao 60659", {"language": "ur"}),  # a tie: the words English does not have tell
        ("Spanish dual language schools near 60632", {"language": "en", "program_language": "es"}),  # a name is no own word
        ("no charter schools please, only public", {"language": "en", "sector": "district"}),  # English says "no" too
        ("K 60637 speshul ed", {"language": "en"}),
        ("لا ترسل لي رسائل", {"intent": "stop"}),  # a short text mostly one command phrase is that command
        ("kuwo kale i tus", {"intent": "more", "language": "so"}),
        ("pls مدرسة 60629", {"language": "ar"}),  # Latin words do not vote between Arabic and Urdu
        ("gabadhayda ma taqaan ingiriisiga", {"needs": ["ell"]}),  # Somali: the verb before "English"
        ("wiilkaygu ma arko si fiican", {"programs": ["visual_impairment"]}),
        ("kursiga curyaamiinta", {"needs": ["accessible"]}),
        ("edikasyon espesial", {"needs": ["sped"], "language": "ht"}),  # no language said: every language's typos
        ("tercer grdo", {"grades": [3, 3]}),  # a grade pattern's word misspelt
        ("quinto gardo", {"grades": [5, 5]}),
        ("detials 2", {"intent": "details", "choices": [2]}),  # a details word misspelt
        ("stpo", {"intent": "stop", "language": "en"}),  # a command's typo, read as written
        ("midle school 60637", {"language": "en", "grades": [6, 8]}),  # English misspelt, whichever lexicon has it
        ("hight school 60637", {"language": "en", "grades": [9, 12]}),
        ("중학교 1학년", {"grades": [7, 7]}),  # a year counted from the start of middle school
        ("고2", {"grades": [11, 11], "language": "ko"}),  # one Hangul syllable says Korean
        ("더", {"intent": "more", "language": "ko"}),
        ("특교", {"needs": ["sped"]}),
        ("한영 이중언어", {"needs": ["dual_language"], "program_language": "ko"}),
        ("спец обр", {"needs": ["sped"]}),  # Russian shorthand
        ("для первоклашки", {"grades": [1, 1]}),
        ("detskiy sad 60645", {"grades": [0, 0], "language": "ru"}),
        ("pomosh", {"intent": "help", "language": "ru"}),
        ("تعليم خاس", {"needs": ["sped"]}),  # Arabic: a word of a phrase one letter off
        ("مدرسة ابتدائبة", {"grades": [0, 5]}),
        ("بیٹے کے لیے مڈل اسکول چاہیے", {"grades": [6, 8]}),  # a known word stays
        ("特殊教肓", {"needs": ["sped"]}),  # Chinese: a phrase of four characters, one miswritten
        ("我们不要特許學校", {"needs": [], "sector": "district"}),  # a phrase written is no typo of another
        ("Kelly High 有特殊教育吗", {"programs": []}),  # nor is one holding a phrase
        ("mi hijo va a entrar a primero de secundaria", {"grades": [7, 7]}),  # a year counted from secundaria's start
        ("3ro de prepa", {"grades": [12, 12]}),
        ("mas x fa", {"intent": "more"}),  # Spanish politeness as texted
        ("truong th cho be", {"grades": [0, 5]}),  # Vietnamese shorthand
        ("pede po help", {"intent": "help"}),
        ("bas uma baahni", {"needs": [], "language": "so"}),  # a word that rules out is no typo of a need
        ("cualquiera menos charter", {"sector": "district"}),  # no language said: any language's "not"
        ("ko charter", {"sector": "district", "language": "vi"}),  # Vietnamese "không" right before the sector
        ("có trường charter không?", {"sector": "charter"}),  # ... after it, a question
        ("特許學校除外", {"sector": "district"}),
        ("у нас нет машины", {"needs": ["transit"]}),  # no car: public transit …
        ("ما عندنا سيارة", {"needs": ["transit"]}),
        ("wala kaming sasakyan, kailangan ng school bus", {"needs": ["bus"]}),  # … unless the school bus is asked for
        ("بنتي جديدة في امريكا وما تحكي انجليزي", {"needs": ["ell"]}),  # Arabic "and" written onto a word
        ("my daughter only speaks Spanish", {"needs": ["ell"], "program_language": None}),
        ("il apprend encore l'anglais", {"needs": ["ell"]}),
        ("초3 근처 학교", {"grades": [3, 3]}),  # a Korean pattern's syllables are not a class of jamo
        ("초등 3", {"grades": [3, 3]}),
        ("K班 60616", {"language": "zh_Hans", "grades": [0, 0]}),  # one Han character says Chinese
        ("sped school lagbe", {"language": "bn", "needs": ["sped"]}),  # a romanised language's own word counts twice
        ("angrezi seekh raha hai", {"language": "ur", "needs": ["ell"]}),  # Roman Urdu
        ("do zabani program", {"language": "ur", "needs": ["dual_language"]}),
        ("ingreji shikhche", {"language": "bn", "needs": ["ell"]}),  # Banglish
        ("Urdu dual language school 60659", {"language": "en", "program_language": "ur"}),  # a language's name is no word of it
        ("tawa2of", {"language": "ar", "intent": "stop"}),  # Arabizi
        ("ta7diri 60629", {"language": "ar", "grades": [-1, -1]}),
        ("sexto ano", {"grades": [6, 6]}),  # an ordinal year, not an age
        ("mi hijo tiene 6 años", {"grades": None}),
        ("dejen de mandar mensajes", {"intent": "stop"}),
        ("them truong khac", {"intent": "more"}),
        ("K-8 school 60637", {"grades": [0, 8]}),  # "k" inside a range is no kindergarten of its own
        ("幼儿园小班", {"grades": [-1, -1]}),  # nor "幼儿园" inside its first year
        ("maternelle et pré-maternelle", {"grades": [-1, 0]}),  # … said on its own, it is
        ("head start 60637", {"grades": [-1, -1]}),
        ("roodada 60640", {"grades": [0, 0], "language": "so"}),
        ("bilingual chinesse 60616", {"program_language": "zh"}),  # a language's name misspelt
        ("ecole bilingue espangol", {"program_language": "es"}),
        ("بنتي ضعيفة نظر، الصف الخامس", {"programs": ["visual_impairment"], "grades": [5, 5]}),
        ("女兒視力很差，五年級", {"programs": ["visual_impairment"]}),
        ("yon moun souple", {"intent": "human"}),
        ("что умеешь", {"intent": "help", "language": "ru"}),
        ("ko can bus", {"needs": [], "language": "vi"}),  # a language's phrase of ruling out votes for it
        ("bus lagbe na", {"needs": []}),
        ("차터 ㄴㄴ", {"sector": "district"}),
        ("초딩 3", {"grades": [3, 3]}),
        ("plz bta 2 k bare me", {"intent": "details", "choices": [2], "grades": None}),
        ("6th–8th grade 60637", {"grades": [6, 8]}),  # two ordinals with a dash between
        ("9th/10th grade", {"grades": [9, 10]}),
        ("3ro/4to grado", {"grades": [3, 4]}),
        ("gr3 60637", {"grades": [3, 3]}),
        ("gr8 school near 60637", {"grades": None}),  # great
        ("Spanish immersion kinder near 60623", {"language": "en", "program_language": "es"}),  # a name votes for none
        ("我想同真人傾", {"intent": "human", "language": "zh_Hant"}),  # Cantonese's own characters are Traditional
        ("唔該，畀多幾間", {"intent": "more"}),
        ("剛搬來，找幼稚園", {"language": "zh_Hant", "grades": [0, 0]}),  # 剛 and 來 are written only in Traditional
        ("刚搬来，找幼稚园", {"language": "zh_Hans"}),
        (
            "trường song ngữ Hoa",
            {"needs": ["ell"], "program_language": "zh"},
        ),  # bilingual: English-learner help  # Vietnamese "Hoa" is Chinese
        ("mắt con yếu lắm", {"programs": ["visual_impairment"]}),
        ("inclusion please, not a separate classroom, 2nd grade", {"programs": ["inclusion"]}),  # a program ruled out
        ("mi hija no puede oír bien, necesita clase separada", {"programs": ["deaf_hard_of_hearing", "self_contained"]}),
        ("gen ed class with support for my son", {"programs": ["inclusion"]}),
        ("1:1 aide", {"programs": ["significant_support"]}),
        ("classe ULIS", {"programs": ["self_contained"]}),
        ("সাংকেতিক ভাষা জানা শিক্ষক", {"programs": ["deaf_hard_of_hearing"]}),
        ("নতুন এসেছি বাংলাদেশ থেকে, স্কুল খুঁজছি", {"intent": "search"}),  # "বাংলাদেশ" is one word, not "বাংলা"
        ("মেয়ে এবার তৃতীয় শ্রেণিতে উঠবে", {"grades": [3, 3]}),  # a case ending on the class word
        ("ক্লাস ফোরের জন্য স্কুল", {"grades": [4, 4]}),
        ("wlkay wxbrsho gaar", {"needs": ["sped"], "language": "so"}),  # Somali shorthand
        ("спасибо большое", {"intent": "unknown"}),  # thanks, not "больше" (more) misspelt
        ("aad baad u mahadsantahay", {"intent": "unknown", "needs": []}),  # Somali "baad" is no "baas" (bus)
        ("xiaoxue gongli 60616", {"language": "zh_Hans", "grades": [0, 5], "sector": None}),  # pinyin
        ("texu xuexiao bu yao", {"language": "zh_Hans"}),
        ("youzhiyuan you xiaoche ma", {"grades": [0, 0], "needs": ["bus"]}),
        ("yuchiwon 60626", {"language": "ko", "grades": [0, 0]}),  # Korean in Latin letters
        ("beta sun nahi sakta", {"programs": ["deaf_hard_of_hearing"]}),  # Roman Urdu
        ("teesri jamaat ke liye school", {"grades": [3, 3], "language": "ur"}),
        ("chele chokhe dekhe na", {"programs": ["visual_impairment"], "language": "bn"}),  # Banglish
        ("tritiyo shreni", {"grades": [3, 3], "language": "bn"}),
        ("bnti ma btisma3 mni7", {"programs": ["deaf_hard_of_hearing"], "language": "ar"}),  # Arabizi
        ("mish charter, hukumiye", {"sector": "district"}),
        ("arabi w english", {"needs": ["dual_language"], "program_language": "ar"}),
        ("starshaya shkola", {"grades": [9, 12], "language": "ru"}),  # Russian in Latin letters
        ("3-4? maxay ku kala duwan yihiin", {"needs": [], "intent": "compare"}),  # Somali "kala" is no Banglish "deaf"
        ("KG + IEP + বাস, 60617", {"needs": ["bus", "sped"]}),  # "বাস" (bus or live) as an item of a list is a bus
        ("মিডল স্কুল, ESL / বাস", {"needs": ["bus", "ell"]}),
        ("ہم وہاں بس ایک سال رہے", {"needs": []}),  # "بس" (only) in a sentence
        ("prefer district over charter", {"sector": "district"}),  # ruling out as each language says it
        ("we don't want a bus, we drive", {"needs": []}),
        ("không cần trường charter", {"sector": "district"}),
        ("non pou charter", {"sector": "district"}),
        ("特许学校就算了", {"sector": "district"}),
        ("唔好特許學校", {"sector": "district"}),
        ("charter schools - no thanks", {"sector": "district"}),  # a clause that only says no
        ("m bzwn lek pou pitit m", {"intent": "search", "language": "ht"}),  # Creole shorthand
        ("3er gdo", {"grades": [3, 3], "language": "es"}),  # no language said: every language's shorthand
        ("وقف", {"intent": "stop"}),  # an Arabic command is no "and" written onto a word
        ("اول ثانوي", {"grades": [10, 10]}),  # a year counted from the start of secondary school
        ("ثالث متوسط قريب من 60629", {"grades": [9, 9]}),
        ("جماعت ہشتم کے لیے اسکول", {"grades": [8, 8], "language": "ur"}),  # a Persian ordinal
        ("우리 아이가 영어를 아직 잘 못해요", {"needs": ["ell"]}),  # "yet", "well" between English and "can't"
        ("시력이 안 좋아요", {"programs": ["visual_impairment"]}),
        ("ہم نئے آئے ہیں پاکستان سے", {"needs": ["ell"]}),  # needs said in a sentence
        ("gabadhaydu ma socon karto", {"needs": ["accessible"]}),
        ("بنتي عندها صعوبة في القراءة", {"needs": ["sped"]}),
        ("quiero ver más escuelas", {"intent": "more"}),  # more schools, asking nothing else, is the next page
        ("학교 더 보여주세요", {"intent": "more"}),
        ("more schools with a bus", {"intent": "search", "needs": ["bus"]}),  # ... a need asked for is a search
        ("đừng gửi tin nhắn nữa", {"intent": "stop"}),
        ("pakita pa po ng iba", {"intent": "more"}),
        ("lớp K gần 60637", {"grades": [0, 0]}),  # a capital K is kindergarten in every language
        ("classe K pour mon fils", {"grades": [0, 0]}),
        ("lekòl K gen bis", {"grades": None, "needs": ["bus"]}),  # Creole writes "ki" as "K"
        ("sa k pase", {"grades": None, "intent": "greeting"}),  # a small one is a word of SMS
        ("сын не понимает по английски", {"needs": ["ell"]}),
        ("мы только приехали в США, 2 класс", {"needs": ["ell"], "grades": [2, 2]}),
        ("اريد مدرسة للاطفال ذوي الاحتياجات", {"needs": ["sped"]}),
        ("بائلنگوئل پروگرام عربی", {"needs": ["ell"], "program_language": "ar", "language": "ur"}),
        ("mere bete ko autism hai 60645", {"language": "ur", "programs": ["autism"]}),  # Roman Urdu's everyday words vote
        ("mjhe bus wala school chahiye", {"language": "ur", "needs": ["bus"]}),
        ("ap mujhe koi acha school bata skty hn", {"language": "ur"}),
        ("wala po bang school bus dito sa 60640", {"language": "fil"}),  # ... and Filipino keeps its own
        ("ko co truong nao gan 60640 ha", {"language": "vi"}),
        ("Clinton school mein ESL hai?", {"language": "ur"}),  # borrowed English words say no language of two
        ("gaozhong 60609 gongli de", {"language": "zh_Hans", "sector": None}),  # a sector word is a word of its language
        ("chrtr nahi chahiye", {"language": "ur", "sector": "district"}),  # English school shorthand, borrowed
        ("bchy ko IEP h, 3rd gr, 60659", {"needs": ["sped"], "grades": [3, 3]}),
        ("Transpò piblik", {"needs": ["transit"]}),  # ... but not a word of the language's own phrases
        ("no chrtr pls", {"sector": "district"}),  # a clause is read through its shorthand and typos too
        ("we dont need a buss", {"needs": []}),
        ("no bus please, we live close", {"needs": []}),  # "no"/"without" right before a need rules it out
        ("no ESL please, just bilingual", {"needs": ["ell"]}),  # bilingual is English-learner help
        ("sin autobus, solo kinder", {"needs": [], "grades": [0, 0]}),
        ("sans bus svp", {"needs": []}),
        ("без автобуса", {"needs": []}),
        ("school with no stairs", {"needs": ["accessible"]}),  # ... unless a phrase of the need holds both
        ("without a car", {"needs": ["transit"]}),
        ("she speaks no english", {"needs": ["ell"]}),
        ("পাবলিক স্কুল ছাড়া কিছু না", {"sector": None}),  # "nothing but public": public schools, charters too
        ("nothing but district", {"sector": "district"}),
        ("anything but district", {"sector": "charter"}),
        ("سرکاری اسکول کے علاوہ کچھ نہیں", {"sector": None}),
        ("مدارس للصف الاول والثاني", {"grades": [1, 2]}),  # two Arabic grades joined by "and": their span
        ("الصف الاول الى الثالث", {"grades": [1, 3]}),
        ("الصف الثالث وابغى باص", {"grades": [3, 3], "needs": ["bus"]}),
        ("mi hija es siega", {"programs": ["visual_impairment"]}),
    ],
)
def test_how_families_really_type_is_read(text, expect):
    got = parse(text).as_dict()
    assert {key: got[key] for key in expect} == expect


@pytest.mark.parametrize(
    ("text", "school", "grades"),
    [
        ("কার্ল শুর্জ হাই স্কুলে বাস আছে?", "Carl Schurz High School", None),  # a name in another script, by its sound
        ("ইয়েটস এলিমেন্টারির ঠিকানা কী?", "Richard Yates Elementary School", None),
        ("موزارٹ ایلیمنٹری کا پتہ", "Wolfgang A Mozart Elementary School", None),
        ("Джоплин скул, есть автобус?", "Scott Joplin Elementary School", None),
        ("এমন মিডল স্কুল চাই যেখানে বাস আছে", None, [6, 8]),  # a word of the language is no name
        ("পাবলিক স্কুল চাই, চার্টার না", None, None),  # nor an English school word as the script writes it
        ("মেয়ের শেখার সমস্যা আছে, মিডল স্কুল", None, [6, 8]),  # "শেখার" (of learning) is no "school"
        ("ক্লাস 4 এর পাবলিক স্কুল খুঁজছি", None, [4, 4]),
    ],
)
def test_a_school_named_in_another_script_is_found_by_its_sound(text, school, grades):
    got = parse(text, schools=demo_names())
    assert (got.school, got.grades and list(got.grades)) == (school, grades)
    assert got.intent == ("details" if school else "search")


@pytest.mark.parametrize(
    ("text", "needs", "program_language"),
    [
        ("barnaamij af Soomaali iyo Ingiriis ah", ["dual_language"], "so"),  # a language and English said together
        ("Spanish and English school 60623", ["dual_language"], "es"),
        ("escuela en español e inglés", ["dual_language"], "es"),
        ("اردو اور انگریزی پروگرام", ["dual_language"], "ur"),
        ("tiếng Việt và tiếng Anh, tiểu học", ["dual_language"], "vi"),
        ("한국어와 영어 같이 배우는 학교", ["dual_language"], "ko"),
        ("my son speaks spanish and english, 3rd grade 60623", [], None),  # spoken at home: no program
        ("text me in spanish or english", [], None),
        ("we speak Arabic and English at home, she needs ESL", ["ell"], None),
    ],
)
def test_a_language_named_together_with_english_is_a_program_in_both(text, needs, program_language):
    got = parse(text).as_dict()
    assert (got["needs"], got["program_language"]) == (needs, program_language)


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("وصلنا من اليمن من شهرين والولاد ما بيحكوا انجليزي ابدا، الكبير بالصف العاشر", ["ell"]),  # English a child lacks
        ("我們剛從台灣搬來，小孩聽不太懂英文，要上五年級", ["ell"]),
        ("truong cong lap nao co day tieng Anh cho hoc sinh moi sang, lop 5", ["ell"]),  # English to be taught
        ("Wiilkaygu waa Ingiriis laan, hadda ayuu yimid, dugsi sare ayaan u baahanahay", ["ell"]),
        ("no necesita clases de inglés, kinder 60629", []),  # ruled out
        ("Envíame mensajes en inglés, busco kinder 60629", []),  # texting in English is no English help
        ("小朋友唔需要雙語班，普通英文班就得，五年級", []),  # English beside a program ruled out
        ("Bhai mujhe bilingual Urdu-English program chahiye for my son, 1st grade", ["dual_language"]),  # a program's two languages
        ("بیٹا ابھی انگریزی سیکھ رہا ہے، اسے اردو انگریزی دو لسانی کلاس میں ڈالنا چاہتے ہیں", ["dual_language", "ell"]),
    ],
)
def test_english_named_in_a_school_question_is_english_help(text, needs):
    assert parse(text).as_dict()["needs"] == needs


@pytest.mark.parametrize(
    ("text", "programs", "intent"),
    [
        ("Delayed ang development ng 3 years old kong anak, may preschool ba na may SPED?", ["early_childhood"], "search"),
        ("Pitit mwen gen 3 zan, li gen reta nan devlopman. Èske gen preskolè ak edikasyon espesyal?", ["early_childhood"], "search"),
        (
            "Pull-out lang sa resource room ang kailangan ng anak ko, pero regular class siya most of the day. Grade 3",
            ["resource"],
            "search",
        ),
        ("ابني عنده طيف التوحد، بدي مدرسة فيها صف خاص لأطفال التوحد", ["autism"], "search"),  # a special class: no self-contained one
        ("有没有小班的特教班，全天那种，孩子自闭症", ["autism", "self_contained"], "search"),  # small and all day: it is
        ("孩子听力有障碍，戴人工耳蜗，要找有手语老师的小学", ["deaf_hard_of_hearing"], "search"),  # "人工" of a cochlear implant
    ],
)
def test_special_education_programs_as_families_describe_them(text, programs, intent):
    got = parse(text).as_dict()
    assert (got["programs"], got["intent"]) == (programs, intent)


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("我女儿需要special ed，她在3rd grade，zip 60616", [3, 3]),  # an English grade glued to Han
        ("G6娃要ESL 60640 pls", [6, 6]),
        ("haizi 3 nianji, xuyao teshu jiaoyu", [3, 3]),
        ("想知道Senn高中的地址", None),  # the school's kind, not a grade
        ("Von Steuben 고등학교 정보 좀 주세요", None),
    ],
)
def test_grades_glued_to_han_and_a_schools_kind_after_its_name(text, grades):
    assert parse(text, schools=demo_names()).as_dict()["grades"] == grades


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("차터스쿨 말고 공립으로요, 3학년", "district"),  # the school word after "charter" is no distance to the cue
        ("차터말고 공립", "district"),  # a cue written onto the value
        ("어린이집 말고 공립 프리케이", None),  # a Korean cue rules out what is before it: the daycare; public is no sector
        ("high school near 60621 that isnt charter", "district"),
        ("tiểu học nhưng đừng gợi ý trường charter nha", "district"),
        ("Mwen vle yon lekòl ki pa chater", "district"),
        ("সরকারী হাই স্কুল, চাটার না", "district"),
        ("gaozhong 60640 bu yao texu xuexiao", "district"),
    ],
)
def test_a_ruled_out_sector_is_read_the_right_way_round(text, sector):
    assert parse(text).as_dict()["sector"] == sector


@pytest.mark.parametrize(
    "text",
    [
        "Je n'ai pas de voiture, il faudrait que l'école passe prendre ma fille à la maison",  # "maison" is no Madison
        "Sobrang labo na ng mata ng anak ko, legally blind daw sabi ng doktor",  # "sabi" is no Sabin
        "Nou fèk rive soti Ayiti, timoun yo pa pale angle ditou. Pi gran an nan 6yèm ane",  # "gran" is no Grand
    ],
)
def test_a_common_or_short_word_is_no_misspelt_school_name(text):
    assert parse(text, schools=demo_names()).as_dict()["school"] is None


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("بدي مدرسة متوسطة للصف السابغ قريب 60652", [7, 7]),  # a wrong dot: ع for غ
        ("عايزه وحده لبنتي للصف السادش", [6, 6]),  # ش for س
        ("نحتاج برنامج ESL في مدرسه متوصطه 60625", [6, 8]),  # ص for س
        ("عاوز مدرسه حكوميه ثنويه في 60609", [9, 12]),  # an alef left out
        ("برنامج تعليم خاص لعمر 3 سنوات قبل الروضة", [-1, -1]),  # "سنوات" is two edits from any word: stays
        ("딸이 ESL 필요해요 4학련이고 60659", [4, 4]),  # 학년 one jamo slipped
        ("차터스쿨 7학녀 60645", [7, 7]),
    ],
)
def test_arabic_dot_slips_and_korean_grade_slips(text, grades):
    assert parse(text).as_dict()["grades"] == grades


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("no tenemos carro, la escuela tiene que quedar cerca del camión o del tren", ["transit"]),
        ("차가 없어서 애가 버스나 지하철 타고 다녀야 해요", ["transit"]),
        ("машины нет, ребёнок будет ездить на метро или автобусе", ["transit"]),
        ("necesita bus escolar y vivimos cerca del tren", ["bus", "transit"]),  # the school bus stays
    ],
)
def test_a_bus_beside_a_train_is_the_city_bus(text, needs):
    assert parse(text).as_dict()["needs"] == needs


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("ami charter skul khujchi 6th gread er jonno 60659", [6, 6]),  # two edits from "grade": the number tells
        ("idk which sch 4 my 9th grdr bc we just moved 2 60617", [9, 9]),
        ("whilchair niye jete pare emon school lagbe, meye 7th gerde e", [7, 7]),
        ("my sun needs speshal ed, hes in 4rth grade, 60639", [4, 4]),  # "fourth" spelt into the digit's ending
        ("KG xgee laga helaa 60630? gbdh 5 sno jirta", [0, 0]),  # an abbreviation is no grade word two edits off
    ],
)
def test_a_grade_word_beside_a_number_is_read_through_two_slips(text, grades):
    assert parse(text).as_dict()["grades"] == grades


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        ("mery bachy ko autism h, koi sch jahan uski class alag ho? elem, 60630", ["autism", "self_contained"]),
        ("Gabadhaydu waxay u baahan tahay fasal yar oo gooni ah oo macallin gaar ah leh", ["self_contained"]),
        ("ابنى عنده اعاقه ويحتاج فصل خاص صغير، اعدادى، 60644", ["self_contained"]),  # small, special education asked
        ("Queremos inclusión, no un salón separado. 5to grado, 60652", ["inclusion"]),  # ruled out
        ("koi school jahan autism walay bachon ki alag class ho? 60659", ["autism"]),  # the class is for the program
        ("small class sizes would be nice, 3rd grade 60623", []),  # small alone, no special education
    ],
)
def test_a_class_set_apart_in_any_word_order_is_self_contained(text, programs):
    assert parse(text).as_dict()["programs"] == programs


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("第3个有笑车吗", "needs", ["bus"]),  # 笑 for 校: the same sound
        ("有冇效巴嘅小學呀？60616", "needs", ["bus"]),
        ("高終 60632 須要英問輔導", "grades", [9, 12]),
        ("女儿英与不好,需要ESL,四年及,60632", "grades", [4, 4]),
        ("請問60641附近有沒有公力的國小", "sector", None),  # 公立: public, no sector
        ("离学校5公里以内", "sector", None),  # a word as written stays: a distance
        ("如果中午有校车就好", "grades", None),  # "如果" is no 国: 果 is left out
    ],
)
def test_a_chinese_character_of_the_same_sound_is_read_where_it_makes_a_school_phrase(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ki ki likhte pari? kivabe kaj kore eta", "help"),
        ("msg dobara shuru kr do", "start"),
        ("kuwo kale ii soo dir", "more"),
        ("ok msi, voye plis tnp", "more"),
        ("Arrêtez de m'envoyer des SMS svp", "stop"),
    ],
)
def test_commands_as_families_phrase_them(text, intent):
    assert parse(text).intent == intent


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("meye hatte pare na, wheelchair e, elevator wala mdl schl lagbe 60659 thx", "grades", [6, 8]),  # vowels dropped
        ("mera beta autistic h, ky koi srkari mdl schl h jis mein autism ki cls ho? 60646", "grades", [6, 8]),
        ("bjr, jcherche une ecole primR pr ma fille ds le 60625 svp", "grades", [0, 5]),  # primaire, not "primo"
        ("ищу ст шк для доч, она слабослыш., нужна прогр для глух/слабослыш, 60614", "programs", ["deaf_hard_of_hearing"]),
        ("wat abt #3? dtls pls", "choices", [3]),
        ("У сына IEP, у него дислексия, ищем школу на 6 класс, 60659", "programs", []),  # "него" is cut before no vowel
        ("сын не говарит по англиски, 9 клас, 60645", "needs", ["ell"]),  # a typo that only adds letters stays a typo
    ],
)
def test_a_word_written_short_is_the_school_word_it_shortens(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("гос шк, нач классы, 60645 плз", "sector", None),  # a public school: charters too
        ("шк с жёлтым авт. для 1 кл, 60618 плиз", "needs", ["bus"]),
        ("д/с возле 60645 есть? спс", "grades", [0, 0]),
        ("svp écoles publiques avec bus scolaire pr la mat, 60660", "grades", [0, 0]),
    ],
)
def test_school_words_cut_to_a_syllable(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Allô! Ici Mme Tremblay, nouvellement arrivée de Montréal 🙂", "greeting"),
        ("приветик) мы только переехали в Чикаго", "greeting"),
        ("hi, we just moved here, my son needs ESL, 3rd grade", "search"),  # a need asked
        ("je veux parler a une persone", "human"),
        ("dug nhan tin nua", "stop"),
    ],
)
def test_greetings_and_commands_written_loosely(text, intent):
    assert parse(text).intent == intent


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("bus ki zaroorat nahi, hum khud chhor aate hain. bas ESL program ho, 4th grade", "needs", ["ell"]),  # bas: just
        ("mish 3ayzin madares 7ukumiya, charter bas, ibtida2i", "needs", []),
        ("beta 7th mein h, parhai mein kmzor h, resource room wala sch chahye 60634", "grades", [7, 7]),
        ("dugsi sare oo dadweyne ah oo bas leh, gabadhayda fasalka sagaalad", "sector", None),
    ],
)
def test_words_of_the_family_language_read_as_it_means_them(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("3ndi bnt bdha t2dm 3a kg, fi shi 2rib mn 60645? mersi", "language", "ar"),  # Arabizi: letters as digits
        ("ahlan ya gama3a, 3amlin eh?", "language", "ar"),
        ("slt, ya kel ecoles publiques pr 1 ado ki rentre en 2nde 60618", "language", "fr"),  # an ordinal's ending
        ("跟多", "intent", "more"),  # 跟 for 更: the same sound, making a command
        ("trg charter cap 3 gan 60647 co ko mn", "grades", [9, 12]),  # "ko mn": anyone?, not mầm non
    ],
)
def test_shorthand_of_a_script_or_a_sound(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("ocupo kinder bilingüe esp/ingl x 60639 porfa", "program_language", "es"),  # two language names cut short
        ("c koi les ecoles bilingues fr-angl pr ma ptite en CE1? 60614 svp", "program_language", "fr"),
        ("privet, nuzhna shkola 8 kl s dostupom dlya kolyaski, 60645", "grades", [8, 8]),  # "kl" as "кл"
        ("tmb necesito q tengan ESL, mi niño no habla ingl, 2do grd, 60608", "grades", [2, 2]),
        ("e cần trg có GDĐB cho con, l5, 60626", "grades", [5, 5]),  # "l5": lớp 5
        ("ya v 9 kl, ishu shkolu poblizhe k 60657, spsb", "grades", [9, 9]),  # "k": к (towards), no kindergarten
    ],
)
def test_shorthand_of_language_names_and_grade_words(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    "text", ["xge ku yaal Sullivan HS? cinwaanka fdln", "Slt, Sullivan HS a des cours d'anglais pr les nvx arrivants?"]
)
def test_a_school_kind_written_short_tells_two_schools_of_one_name_apart(text):
    understood = parse(text, schools=demo_names())
    assert (understood.school, understood.grades) == ("Roger C Sullivan High School", None)  # not New Sullivan Elementary


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("gabadhayda fs 4aad, dugsi u dhow 60629", "grades", [4, 4]),  # Somali "fs": fasalka
        ("wiilkayga 8aad, dugsi dowlada ah", "grades", [8, 8]),  # an ordinal after the child
        ("gbdhyda 2aad, bas ma leedahay?", "grades", [2, 2]),
        ("beti ke liye skool chahiye, jaldi bta do", "language", "ur"),  # everyday Roman Urdu votes
        ("msg bnd kro plz", "intent", "stop"),  # Roman Urdu written short
        ("kisi bnde se bat krni h", "intent", "human"),
        ("chheler jnno school drkr, shdhu sorkari", "language", "bn"),  # Banglish written short
        ("abar suru kren", "intent", "start"),
        ("nomoskar, kemon achen?", "intent", "greeting"),
        ("quiubo, soy la tía de Lupita", "intent", "greeting"),  # regional Spanish greetings
        ("3tini kman mdares plz", "intent", "more"),  # Arabizi commands
        ("bdi ahki ma3 insan", "intent", "human"),
        ("tafaseel 3", "choices", [3]),
        ("bdi madrase ebtda2y 7ukumiya la binti", "sector", None),  # Arabizi school words
        ("ibni bsaf rab3, 2rib 60629", "grades", [4, 4]),  # a class by its ordinal after "saf"
        ("下一叶", "intent", "more"),  # a command through a homophone
        ("转人公吧", "intent", "human"),
        ("더보여줘", "intent", "more"),  # Korean written without spaces
        ("도와주세여", "intent", "help"),  # "-여" for "-요"
        ("школа где помогают с английским, 4 класс", "needs", ["ell"]),  # Russian help with English in a sentence
        ("дочь по-английски почти не говорит", "needs", ["ell"]),
        ("lekol ki gen biz lekol pou 3yèm ane", "needs", ["bus"]),  # the school bus written by ear
        ("m bezwen yon lekòl ak biss", "needs", ["bus"]),
    ],
)
def test_everyday_words_and_commands_written_short(text, field, value):
    assert parse(text).as_dict()[field] == value


@pytest.mark.parametrize(
    "text",
    [
        "is there a dual language kinder in Humboldt Park?",
        "hay preescolar por Little Village?",
        "may ESL ba na school dito sa Rogers Park?",
        "Irving Park mein koi middle school hai?",
        "Lincoln Park 쪽 유치원 있나요",
    ],
)
def test_a_neighbourhood_named_as_a_place_names_no_school(text):
    understood = parse(text, schools=demo_names())
    assert (understood.school, understood.intent) == (None, "search")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("does Lincoln Park High have a bus?", "Lincoln Park High School"),  # the neighbourhood's school, named so
        ("does Pilsen have a bus?", "Pilsen Elementary Community Academy"),  # no place word before it
    ],
)
def test_a_school_named_after_its_neighbourhood_is_still_found(text, school):
    assert parse(text, schools=demo_names()).school == school


@pytest.mark.parametrize("text", ["کیا Kelly ہائی اسکول میں بس ہے؟", "Kelly হাই স্কুল এ বাস আছে?", "does Kelly Hight School have a bus?"])
def test_a_school_kind_written_as_it_sounds_or_misspelt_is_the_names(text):
    understood = parse(text, schools=demo_names())
    assert (understood.school, understood.grades, understood.needs) == ("Thomas Kelly High School", None, ("bus",))


@pytest.mark.parametrize(
    ("text", "school"),
    [("Amundsen ma leeyahay bass iskuul?", "Roald Amundsen High School"), ("kya Kelly ki school bass hai?", "Thomas Kelly High School")],
)
def test_the_bus_written_by_ear_is_no_school_name(text, school):
    understood = parse(text, schools=demo_names())
    assert (understood.school, understood.needs) == (school, ("bus",))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("chele jonno middle skul lagbe, tnx", "bn"),  # "skul", "tnx": English written short, no Filipino
        ("beti ke liye hi skul chahiye, ty", "ur"),
        ("talk to a real person pls", "en"),  # every word English, or borrowed by all of them
        ("nxt pls", "en"),
    ],
)
def test_english_written_short_votes_for_no_other_language(text, language):
    assert parse(text).language == language


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("cmt ca march? jdois ecrir quoi", "fr", "help"),  # each clause a command through shorthand and a typo
        ("kman sa mache? ksa m ka ekri", "ht", "help"),
        ("giúp đỡ mình cách dùng", "vi", "help"),  # a command's phrases together are half the text
        ("patingin po ng iba", "fil", "more"),  # "po" is politeness beside a command of two words
        ("ya no me manden mensages", "es", "stop"),  # five words through a typo; "no" is no details word here
        ("sispan voye mesaj", "ht", "stop"),  # "voye" is politeness and a word of the command
        ("cawimaad pls", "so", "help"),  # its language said by the typo, not by the "pls"
        ("nxt pg pls", "en", "more"),
        ("唔好再send msg俾我", "zh_Hant", "stop"),
        ("取消訂閱啦", "zh_Hant", "stop"),  # 訂閱 (subscribe) inside 取消訂閱 (unsubscribe) is no start
        ("rekòmanse mesaj yo", "ht", "start"),
        ("Sakpase", "ht", "greeting"),
    ],
)
def test_commands_written_short_loosely_or_through_a_typo(text, language, intent):
    understood = parse(text)
    assert (understood.language, understood.intent) == (language, intent)


@pytest.mark.parametrize("text", ["tnx po s tulong!", "thanks for the help"])
def test_thanks_for_help_asks_for_none(text):
    assert parse(text).intent != "help"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("прив всем, это мама Оли", "ru"),  # a greeting written short in its language
        ("приветик)))", "ru"),  # a greeting word grown longer
        ("helloooo", "en"),
        ("dạ em chào anh ạ", "vi"),  # who greets, before the greeting
        ("처음 연락드립니다", "ko"),  # a first text
        ("gud eve po", "fil"),
        ("Bonswa, Bondye beni nou tout", "ht"),  # a blessing, no typo of a need
    ],
)
def test_greetings_written_short_grown_or_introduced(text, language):
    understood = parse(text, schools=demo_names())
    assert (understood.language, understood.intent, understood.needs) == (language, "greeting", ())


@pytest.mark.parametrize(
    "text",
    [
        "hi po, ako yung tatay ni Joshua",  # a person named by who they are to the family
        "Bonjou, se manman Joshua k ap ekri",
        "Bonjour, je suis la maman de Joshua",
        "Le grand va au lycée, la petite en maternelle",  # French's children by their size
    ],
)
def test_a_person_named_by_kin_is_no_school(text):
    assert parse(text, schools=demo_names()).school is None


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("high skl near 60641", (9, 12)),  # "school" in its SMS spellings
        ("midl skool 60659", (6, 8)),  # "middle" clipped
        ("primary skl for my daughter", (0, 5)),
        ("beti ke liye hai skul chahiye", (9, 12)),  # "high" as Urdu writes it by ear
        ("any hi scool by 60644", (9, 12)),
    ],
)
def test_a_school_kind_written_short_or_by_ear(text, grades):
    assert parse(text).grades == grades


@pytest.mark.parametrize("text", ["my son needs speshul ed", "spesil ed for my son", "may espesyal na edukasyon po ba?"])
def test_special_education_written_as_heard(text):
    assert parse(text).needs == ("sped",)


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("дочка в 3-м классе", (3, 3)),  # the ordinal's ending cut to its last letter
        ("сын в 8 клсе", (8, 8)),  # "класс" with its vowel dropped
        ("дочь пойдет в третий", (3, 3)),  # an ordinal alone after going
        ("孩子三年记", (3, 3)),  # 记 for 级, the same sound
        ("女兒五年紀", (5, 5)),
    ],
)
def test_a_grade_written_short_or_through_a_homophone(text, grades):
    assert parse(text).grades == grades


@pytest.mark.parametrize(
    ("text", "grades"),
    [("ma fille est en 2èmme année", (2, 2)), ("son in 4tth grade", (4, 4)), ("il est en CE 2", (3, 3)), ("wiilkayga 7aad", (7, 7))],
)
def test_an_ordinal_with_a_consonant_doubled_or_a_french_class_spaced(text, grades):
    assert parse(text).grades == grades


def test_pres_as_heard_is_no_pre_k():
    assert parse("ecoles pret de 60629 pour le CM1").grades == (4, 4)


@pytest.mark.parametrize(
    ("text", "grades", "needs"),
    [
        ("بیتی کو چهتی جماعت کے لیے اسکول چاہیے", (6, 6), ()),  # Urdu without its retroflex letters and aspirate heh
        ("مدل اسکول میں خاص تعلیم", (6, 8), ("sped",)),  # and special education as Arabic says it
        ("کلاس سات کے لیے اسکول", (7, 7), ()),  # a class by its cardinal
        ("amar chele class panch e pore, skool lagbe", (5, 5), ()),  # Banglish likewise
        ("بیٹا آٹھویں جماعت میں ہے، خاص استاد چاہیے", (8, 8), ()),  # a teacher, no typo of "staff"
    ],
)
def test_urdu_typed_without_its_own_letters_and_classes_by_cardinal(text, grades, needs):
    understood = parse(text)
    assert (understood.grades, understood.needs, understood.intent) == (grades, needs, "search")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("wiilkayga dhego laan ayuu yahay", {"programs": ["deaf_hard_of_hearing"]}),  # "la'aan" written joined
        ("dugsiyada dhexe ee 60645", {"grades": [6, 8]}),  # schools in the plural before the level
        ("dgsiga dhxe charter maaha", {"grades": [6, 8], "sector": "district"}),  # "dhexe" typed short
        ("dugsiga sare, mahan charter", {"grades": [9, 12], "sector": "district"}),  # "maaha" as texted
    ],
)
def test_somali_written_short_or_joined(text, wanted):
    got = parse(text).as_dict()
    assert {key: got[key] for key in wanted} == wanted


@pytest.mark.parametrize(
    ("text", "grades"),
    [("¿tienen clases de inglés? mi hija no lo habla, 5to", (5, 5)), ("escuelas p/ 8vo cerca del 60623", (8, 8)), ("info del 2do", None)],
)
def test_a_spanish_ordinal_as_texted_is_a_grade_unless_an_article_lists_it(text, grades):
    assert parse(text).grades == grades


def test_french_texted_est_ce_que_and_rep():
    understood = parse("eske Curie a un bus scolaire? stp rep vite", schools=demo_names())
    assert (understood.language, understood.intent, understood.needs) == ("fr", "details", ("bus",))


@pytest.mark.parametrize("text", ["does sor juana ines de la cruz have a bus", "whats the phone number of bartolome de las casas"])
def test_a_school_named_in_another_language_is_no_word_of_the_text(text):
    understood = parse(text, schools=demo_names())
    assert (understood.language, understood.intent) == ("en", "details")


def test_a_number_right_before_the_schools_name_is_for():
    understood = parse("info 4 Whitney Young pls", schools=demo_names())
    assert (understood.intent, understood.school, understood.choices) == ("details", "Whitney M Young Magnet High School", ())


@pytest.mark.parametrize(("text", "language", "intent"), [("이거 어캐 써요?", "ko", "help"), ("영어로 문자 ㄱㄴ?", "en", "language")])
def test_korean_texted_short(text, language, intent):
    understood = parse(text)
    assert (understood.language, understood.intent) == (language, intent)


@pytest.mark.parametrize(
    ("text", "needs"),
    [("মেয়ের জন্য বিসেশ সিক্ষা লাগবে", ("sped",)), ("ছেলের ইংলিশ শেখার সাহায্য দরকার", ("ell",)), ("ইংলিস সিখতে সাহায্য লাগবে", ("ell",))],
)
def test_bengali_s_and_r_swapped(text, needs):
    assert parse(text).needs == needs


# Defects found on the real Chicago catalog (2026-12-07)


@pytest.mark.parametrize(
    "text",
    ["K 60637 public", "public schools near 60637", "escuela pública 60637", "école publique 60637", "公立小学 60637", "공립 초등학교 60637",
     "trường công lập 60637", "государственная школа 60637", "مدرسة حكومية 60637", "سرکاری اسکول 60637", "সরকারি স্কুল 60637",
     "lekòl piblik 60637", "pampublikong paaralan 60637", "dugsiga dowladda 60637", "公立學校 60637"],
)  # fmt: skip
def test_a_public_school_names_no_sector_since_charter_schools_are_public_too(text):
    understood = parse(text).as_dict()
    assert understood["sector"] is None and understood["near"] == "60637" and understood["intent"] == "search"


@pytest.mark.parametrize(
    ("text", "sector"),
    [("chicago public schools 60637", "district"), ("not charter, only public", "district"), ("regular public school 60637", "district"),
     ("public charter school 60637", "charter"), ("anything but public", "charter"), ("escuela pública, no charter", "district"),
     ("je veux une école publique pas charter", "district"), ("no public schools 60637", "charter"),
     ("escuela que no sea pública 60637", "charter"), ("K 60637 public no charter", "district"), ("차터 말고 공립 60637", "district"),
     ("CPS and charter schools 60637", None)],
)  # fmt: skip
def test_the_district_and_charters_are_still_told_apart_where_a_family_does(text, sector):
    """Public set against charter schools is the district, and public schools ruled out leave the charters."""
    assert parse(text).as_dict()["sector"] == sector


@pytest.mark.parametrize(
    ("text", "needs", "language"),
    [("K 60637 bilingual", ["ell"], None), ("bilingüe 60637", ["ell"], None), ("programme bilingue 60637", ["ell"], None),
     ("双语 幼儿园 60637", ["ell"], None), ("K 60637 bilingual spanish", ["ell"], "es"), ("escuela bilingüe chino 60637", ["ell"], "zh"),
     ("K 60637 bilingual dual language", ["dual_language"], None), ("K 60637 dual language spanish", ["dual_language"], "es"),
     ("bilingual Urdu-English program", ["dual_language"], "ur"), ("幼儿园 中英双语 60616", ["dual_language"], "zh"),
     ("双语教学", ["dual_language"], None), ("Chương trình song ngữ", ["dual_language"], None)],
)  # fmt: skip
def test_bilingual_is_english_learner_help_and_dual_language_the_program(text, needs, language):
    """ "Bilingual" is the English-learner need (bilingual services, transitional bilingual and dual language alike); a
    dual-language program is asked by its own words, and each locale's label for it (which the bot writes) reads back."""
    understood = parse(text).as_dict()
    assert (understood["needs"], understood["program_language"]) == (needs, language)


@pytest.mark.parametrize("grade", range(1, 13))
def test_every_english_ordinal_alone_is_a_grade(grade):
    ordinal = f"{grade}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(grade, 'th') }"
    for text in (f"{ordinal} 60637", f"{ordinal} grade 60637", f"need a school for {ordinal} near 60637"):
        assert parse(text).as_dict()["grades"] == [grade, grade], text


@pytest.mark.parametrize(
    ("text", "grades"),
    [("9no 60637", [9, 9]), ("1ero 60637", [1, 1]), ("3eme 60637", [3, 3]), ("K or 1st 60637", [0, 1]), ("the 2nd one", None),
     ("deadline is march 3rd", None), ("apply by the 9th", None), ("2nd floor", None), ("ibni 3ndo IEP, saf 7 3nd 60632", [7, 7])],
)  # fmt: skip
def test_an_ordinal_is_a_grade_but_not_a_date_nor_another_words_place(text, grades):
    assert parse(text).as_dict()["grades"] == grades


@pytest.mark.parametrize(
    "text",
    ["K 60637 dual language", "K 60637 dual language spanish", "k 60637 dual language", "K 60637 dual", "9th 60637 esl bus",
     "kindergarten 60637 dual language spanish", "PK 60637 sped iep"],
)  # fmt: skip
def test_a_grade_code_need_words_and_a_zip_are_english(text):
    """Vietnamese texts "k" for "không" and its lexicon borrowed "dual": neither made "K 60637 dual language" Vietnamese
    (and every reply after it)."""
    assert parse(text).as_dict()["language"] == "en"


@pytest.mark.parametrize(
    ("text", "needs", "programs"),
    [("K 60637 refugee", ["ell"], ["refugee_services"]), ("refugiados kinder 60637", ["ell"], ["refugee_services"]),
     ("难民 小学 60637", ["ell"], ["refugee_services"]), ("K 60637 speech", ["sped"], []), ("logopeda kinder 60637", ["sped"], []),
     ("orthophoniste maternelle 60637", ["sped"], [])],
)  # fmt: skip
def test_refugee_and_speech_are_understood(text, needs, programs):
    understood = parse(text).as_dict()
    assert (understood["needs"], understood["programs"]) == (needs, programs)


@pytest.mark.parametrize(
    ("text", "word"),
    [("K 60637 gifted", "gifted"), ("K 60637 gifted and talented", "gifted and talented"), ("niño superdotado kinder 60637", "superdotado"),
     ("资优 小学 60637", "资优"), ("영재 초등학교 60637", "영재")],
)  # fmt: skip
def test_a_need_the_catalog_has_no_fact_for_is_kept_to_be_said(text, word):
    assert (word, NO_FILTER) in parse(text).unclear


@pytest.mark.parametrize(
    "text",
    ["K 60637 spanish", "K 60637 chinese", "kinder 60637 chino", "she speaks spanish K 60637", "text me in spanish",
     "K 60637 esl spanish", "we only speak Arabic at home, she needs ESL"],
)  # fmt: skip
def test_a_language_named_alone_is_no_programs_language(text):
    """A language named with no program beside it ("K 60637 spanish") asks for no program in it: the blind set's
    labellers read it so, as most likely the family's own language."""
    assert parse(text).as_dict()["program_language"] is None


@pytest.mark.parametrize(
    ("text", "sector", "needs"),
    [("charter school no bus 60637", "charter", []), ("charter school without bus 60637", "charter", []),
     ("district school no bus 60637", "district", []), ("public school no bus 60637", None, []),
     ("public school, no special ed 60637", None, []), ("no charter schools, need a bus 60637", "district", ["bus"]),
     ("charter but not far 60609", "charter", []), ("district school but not far 60637", "district", []),
     ("charter pero no lejos 60629 kinder", "charter", []), ("école à charte mais pas loin 60617", "charter", []),
     ("I'm looking for a high school but not charter 60609", "district", []), ("not charter, not far 60637", "district", [])],
)  # fmt: skip
def test_a_cue_nearer_a_need_rules_out_the_need_not_the_sector(text, sector, needs):
    """ "charter school no bus" listed district schools: the "no" was the bus's, and the charter school was ruled out; so
    did "charter but not far" (the "not" is far's), and "school but" was read as "school bus"."""
    understood = parse(text).as_dict()
    assert (understood["sector"], understood["needs"]) == (sector, needs)


# What the public, bilingual and English-detection changes had broken beside what they meant to change


@pytest.mark.parametrize(
    ("text", "language"),
    [("hablan ingles escuela publica", "es"), ("publicas tienen ingles como", "es"), ("espanyol lekol leta", "ht"), ("공립 스페인어", "ko")],
)  # fmt: skip
def test_a_public_school_and_a_language_named_is_a_search_not_a_switch(text, language):
    """A public school names no sector, but asks about schools as a sector did: no "switch to English"."""
    understood = parse(text).as_dict()
    assert (understood["intent"], understood["language"], understood["sector"]) == ("search", language, None)


@pytest.mark.parametrize(
    ("text", "sector"),
    [("meyer jnno high skul lagbe, sorkari, charter na. 60659", "district"), ("sorkari school chai, charter na", "district"),
     ("May espesyal na edukasyon ba sa mga charter na paaralan? Grade 2 ang anak ko", "charter")],
)  # fmt: skip
def test_public_not_charter_in_banglish_is_the_district(text, sector):
    """Banglish "na" (not) after "charter" rules it out, though Tagalog's "charter na" (a charter school) holds it."""
    assert parse(text).as_dict()["sector"] == sector


@pytest.mark.parametrize(
    ("text", "needs", "language"),
    [("Pitit mwen fèk rive, li pa pale anglè. Èske gen pwogram bileng franse-anglè pou li nan 4yèm ane?", ["dual_language", "ell"], "fr"),
     ("she does not speak english, is there a bilingual spanish-english class", ["dual_language", "ell"], "es"),
     ("Có trường nào dạy song ngữ Anh - Việt không ạ?", ["dual_language"], "vi"),
     ("想上有双语项目的学校，中文的，孩子英语也要加强", ["ell"], "zh")],
)  # fmt: skip
def test_a_bilingual_program_in_english_and_another_language_beside_english_help_is_both(text, needs, language):
    """Paired with English ("franse-anglè", "Anh - Việt") it is the dual-language program; a bilingual program in one
    language beside English help ("双语项目，中文的，孩子英语也要加强") is English-learner help in that language."""
    understood = parse(text).as_dict()
    assert (understood["needs"], understood["program_language"]) == (needs, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [("Be co IEP, can inclusion class", "vi"), ("co esl", "vi"), ("el bus", "es"), ("gen IEP", "ht"), ("k 60637 dual language", "en")],
)
def test_a_word_of_another_languages_talk_beside_english_school_words_is_that_language(text, language):
    """Only a grade code ("k") of another language's talk leaves a text of English school words English."""
    assert parse(text).as_dict()["language"] == language


@pytest.mark.parametrize(
    ("text", "needs", "language"),
    [("có trg song ngữ Việt Anh cho bé lp 1 k?", ["dual_language"], "vi"), ("中英 shuangyu xiangmu, 5 nianji, you ma? 60616", ["dual_language"], "zh"),
     ("有冇西英雙語小學 60609?", ["dual_language"], "es"), ("找双与项目 中文的 小学 60616", ["ell"], "zh"),
     ("付近有双鱼小学吗？西班牙语的那种 60609", ["ell"], "es"), ("한영 유치원 60625", ["dual_language"], "ko"), ("ishchem dvuyazychnuyu programmu, nachalnaya shkola", ["ell"], None)],
)  # fmt: skip
def test_a_language_paired_with_english_in_one_word_is_the_program_and_a_misspelt_bilingual_is_english_help(text, needs, language):
    understood = parse(text).as_dict()
    assert (understood["needs"], understood["program_language"]) == (needs, language)


@pytest.mark.parametrize(
    ("text", "sector"),
    [("district or charter 60637", None), ("charter or district schools 60637", None), ("escuela chárter o del distrito 60637", None),
     ("public or charter 60609 K", None), ("either public or charter school 60609 K", None), ("public charter school 60637", "charter"),
     ("koi bhi school chalega siwaye CPS walon k, charter hi dikhao", "charter"), ("CPS, not charter", "district"),
     ("нулевой класс в обычной публичной школе 60659", "district"), ("ليس مدرسة حكومية 60629", "charter"), ("regular public school K 60637", "district")],
)  # fmt: skip
def test_either_sector_is_none_and_a_regular_public_school_is_the_districts(text, sector):
    assert parse(text).as_dict()["sector"] == sector


@pytest.mark.parametrize("text", ["plus proche", "plus près", "plus proche svp"])
def test_french_closer_is_not_the_next_page(text):
    # PLUS is the next page, which lists schools farther away: "closer" asks the opposite, and is asked about
    assert parse(text).intent == "unknown" and parse("plus").intent == "more" and parse("voir plus").intent == "more"
