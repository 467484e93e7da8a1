"""Bengali (Bangla as typed on phones, with the English school words Bengali speakers use).

Matching leaves out the vowel signs (`sms.lexicons.BENGALI_SIGNS`), and folding the virama and nukta
("স্কুল" → "সকল"), so that a word stays one word; phrases are folded too, but grade_patterns are regexes
on folded text, so they are written folded, a case ending after a word allowed (`_CASE`: "শ্রেণিতে").
So a word's vowel signs do not tell it apart: "বাস" (bus) folds like "বাসা" (home), so a bus is
only a "school bus" or a bus service here; "না" folds to a bare "ন", so a "no" is always a phrase
("চাই না", "একদম না"); "কেজি" (KG) folds like "কাজ" (work), so it counts only beside a class word.
"""

import re
from dataclasses import replace

from catalog.text import fold
from sms.lexicons import BENGALI_SIGNS, Lexicon


def _grid(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """Every phrase made of one choice from each part ("" leaves a part out)."""
    phrases = [""]
    for choices in parts:
        phrases = [f"{p} {c}".strip() for p in phrases for c in choices]
    return tuple(dict.fromkeys(p for p in phrases if p))


_ENGLISH = ("ইংরেজি", "ইংরেজী", "ইংলিশ", "ইংলিশে", "ইংরেজিতে", "ইংলিশে", "ইংরাজি")
_SPECIAL = ("বিশেষ", "বিসেশ", "বিশেশ", "বিসেষ", "বিশেস")
_MESSAGE = ("মেসেজ", "ম্যাসেজ", "মেসেজগুলো", "এসএমএস", "বার্তা", "টেক্সট", "sms", "sms")
_ORDINALS = {
    "প্রথম": 1,
    "দ্বিতীয়": 2,
    "তৃতীয়": 3,
    "চতুর্থ": 4,
    "পঞ্চম": 5,
    "ষষ্ঠ": 6,
    "সপ্তম": 7,
    "অষ্টম": 8,
    "নবম": 9,
    "দশম": 10,
    "একাদশ": 11,
    "দ্বাদশ": 12,
}
# English numbers as Bengali speakers write them ("ক্লাস ফাইভ", "এইটে পড়ে")
_ENGLISH_NUMBERS = {
    "ওয়ান": 1,
    "টু": 2,
    "থ্রি": 3,
    "ফোর": 4,
    "ফাইভ": 5,
    "সিক্স": 6,
    "সেভেন": 7,
    "এইট": 8,
    "নাইন": 9,
    "টেন": 10,
    "ইলেভেন": 11,
    "ইলেভেনে": 11,
    "টুয়েলভ": 12,
    "টুয়েলভে": 12,
    "ফার্স্ট": 1,
    "সেকেন্ড": 2,
    "থার্ড": 3,
    "ফোর্থ": 4,
    "ফিফথ": 5,
    "সিক্সথ": 6,
    "সেভেনথ": 7,
    "এইটথ": 8,
    "নাইনথ": 9,
    "টেনথ": 10,
}
# Cardinals beside a class word ("চার ক্লাসে পড়ে", "ক্লাস পাঁচ"); not "এক" ("এক ক্লাসে" is "in one class").
_CARDINALS = {"দুই": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "সাত": 7, "আট": 8, "নয়": 9, "দশ": 10, "এগারো": 11, "বারো": 12}


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(fold(w.translate(BENGALI_SIGNS))) for w in words}, key=len, reverse=True))


_GRADE_WORD = _alternation(
    ("শ্রেণী", "শ্রেণি", "শ্রেনি", "শ্রেনী", "স্রেনি", "স্রেণি", "ক্লাস", "ক্লাশ", "কেলাস", "গ্রেড", "grade", "class", "cls", "clas", "klas")
)
_SUFFIX = r"(?:য|ম|রথ|ষঠ|শ|st|nd|rd|th)"
# a case ending written onto a word, its vowel sign left out ("শ্রেণিতে" → "শরনত", "ক্লাসের", "নবমে")
_CASE = r"(?:ত|র|য|ক|ট|এ|য়|ই)?"  # "৩য়", "৫ম", "৪র্থ", "৬ষ্ঠ", "১১শ"
_HIGH_ORDINALS = _alternation(("পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম", "একাদশ", "দ্বাদশ"))
_SPOKEN = _alternation(w for w in _ENGLISH_NUMBERS if w != "টু")
_NUMBER_WORDS = {**_ORDINALS, **_ENGLISH_NUMBERS, **_CARDINALS}
# "টু" folds to a bare "ট" (as the "-টা" of "ছোটা"): it is a grade only right after a class word ("ক্লাস টু").
_N = rf"(\d{{1,2}}|{_alternation(w for w in _NUMBER_WORDS if w != 'টু')})"
_N_AFTER_CLASS = rf"(\d{{1,2}}|{_alternation(_NUMBER_WORDS)})"
_STUDIES = _alternation(("পড়ে", "পড়ি", "পড়ছে", "পড়ছি", "পড়বে", "পড়বো", "পড়েন", "পড়তেছে", "পড়তেছি"))

_NEGATIONS = (
    "নয়",
    "নয",
    "ছাড়া",
    "বাদ",
    "বাদে",
    "বাদ দিয়ে",
    "ব্যতীত",
    "চাই না",
    "চাইনা",
    "একদম না",
    "লাগবে না",
    "দরকার নেই",
    "পছন্দ না",
    "পছন্দ নয়",
    "পছন্দ করি না",
    "বাদ দিন",
    "বাদ দেন",
    "নিষেধ",
    "বাদে অন্য",
    "ছাড়া অন্য",
)

LEXICON = Lexicon(
    locale="bn",
    names=("বাংলা", "বাংলায়", "বাংলা ভাষা", "bangla", "bengali", "বাংলায় লিখুন", "বাংলায় বলুন", "বাংলায় কথা বলুন",
           "বাংলা প্লিজ", "বাংলায় উত্তর দিন"),
    markers=("আমার", "আমি", "আমাদের", "ছেলে", "মেয়ে", "জন্য", "কাছে", "আছে", "কি", "কোন", "কোথায়", "দরকার", "চাই", "এবং",
             "বা", "সাথে", "না", "হবে", "খুঁজছি", "বাচ্চা", "বাচ্চার", "স্কুল",
             # Banglish, Bengali typed in Latin letters ("cls 7 er jonno school lagbe")
             "ami", "amar", "amr", "amader", "chele", "cheler", "meye", "meyer", "baccha", "bacchar", "jonno", "jnno",
             "jonne", "lagbe", "lagbo", "ache", "achhe", "ase", "nai", "nei", "kothay", "kotha", "kono", "koto", "kivabe",
             "kibhabe", "dorkar", "chai", "bhalo", "valo", "porbe", "pore", "pora", "shikkha", "bishesh", "dao", "den",
             "bolen", "bolun", "janaben", "janan", "apnar", "apni", "dhonnobad", "dhonnobaad", "thik", "apu", "vai",
             "bhaiya", "khujchi", "khujtesi", "khujtechi", "kache", "kase", "ektu", "korben", "korte", "hobe", "ki ache",
             "er jonno", "r jonno", "jnno school"),
    fillers=("দয়া করে", "প্লিজ", "প্লীজ", "ধন্যবাদ", "ঠিক আছে", "ওকে", "অনুগ্রহ করে", "অনেক ধন্যবাদ", "ভাই", "ভাইয়া",
             "আপু", "আপা", "দাদা", "দিদি", "স্যার", "ম্যাডাম", "জ্বি", "একটু", "আচ্ছা", "থ্যাংকস", "থ্যাঙ্কস",
             "থ্যাংক ইউ", "ওকে ধন্যবাদ", "আমাকে", "please", "pls", "plz", "ok", "okay", "thanks", "thx", "tnx", "ty"),
    stop=("বন্ধ", "বন্ধ করুন", "বন্ধ করো", "থামুন", "থামো", "স্টপ", "আর মেসেজ দিবেন না", "মেসেজ বন্ধ", "আনসাবস্ক্রাইব",
          "বন্ধ করেন", "বন্ধ করে দিন", "বন্ধ করে দেন", "থামেন", "আর চাই না", "সাবস্ক্রিপশন বাতিল", "বাতিল করুন")
    + _grid(("", "আর", "আর কোন", "আর কোনো", "আমাকে", "আমাকে আর"), _MESSAGE,
            ("পাঠাবেন না", "দিবেন না", "দেবেন না", "পাঠাবে না", "দিও না", "পাঠিও না", "পাঠানো বন্ধ করুন", "পাঠানো বন্ধ",
             "বন্ধ করুন", "বন্ধ করো", "বন্ধ", "চাই না", "পাঠাবেন না প্লিজ", "দেয়া বন্ধ করুন", "দেওয়া বন্ধ করুন")),
    start=("শুরু", "শুরু করুন", "চালু", "চালু করুন", "হ্যাঁ", "আবার শুরু", "স্টার্ট", "আবার শুরু করুন", "আবার চালু করুন",
           "আবার চালু", "শুরু করো", "সাবস্ক্রাইব", "মেসেজ চালু করুন"),
    help=("সাহায্য", "সাহায্য দরকার", "হেল্প", "সাহায্য করুন", "সাহায্য চাই", "আমাকে সাহায্য করুন", "হেল্প করুন", "হেল্প চাই",
          "মেনু", "কিভাবে কাজ করে", "কীভাবে ব্যবহার করব", "সাহায্য লাগবে", "সাহায্য করেন"),
    more=("আরো", "আরও", "পরবর্তী", "আরো স্কুল", "আরও স্কুল", "আরও দেখান", "আরো দেখান", "পরের", "আরো স্কুল দেখান",
          "আরও স্কুল দেখান", "আর কিছু", "আর কি আছে", "আর কোনটা", "আর আছে", "আরো আছে", "আরও আছে", "মোর", "নেক্সট",
          "আরো অপশন", "আরও অপশন", "পরেরগুলো", "পরেরগুলি", "পরেরটা", "পরেরটি", "বাকিগুলো", "বাকিগুলি", "অন্যগুলো", "অন্য গুলো", "অন্য স্কুল", "অন্য স্কুল দেখান")
    + _grid(("পরের", "পরবর্তী", "আরো", "আরও", "বাকি", "আর", "অন্য"),
            ("", "কয়েকটা", "কয়েকটি", "গুলো", "গুলি", "গুলা", "কটা", "কয়টা", "স্কুল", "স্কুলগুলো", "পেজ", "পাতা", "লিস্ট"),
            ("", "দেখান", "দেখাও", "দেখাবেন", "পাঠান", "পাঠাও", "দিন", "দেন", "দাও", "বলুন", "বলেন", "দেখতে চাই")),
    greeting=("হ্যালো", "আসসালামু আলাইকুম", "আসসালামুয়ালাইকুম", "সালাম", "নমস্কার", "শুভ সকাল", "হাই", "হাই হ্যালো", "হেলো",
              "আস্সালামু আলাইকুম", "আসসালামু আলাইকুম ওয়া রাহমাতুল্লাহ", "আসসালামুআলাইকুম", "সালামালাইকুম", "স্লামালেকুম",
              "আস সালামু আলাইকুম", "নমস্তে", "আদাব", "শুভ সন্ধ্যা", "শুভ বিকাল", "শুভ অপরাহ্ন", "গুড মর্নিং", "গুড ইভনিং",
              "গুড আফটারনুন", "হ্যালো কেমন আছেন", "কেমন আছেন", "হাই কেমন আছেন", "সালাম কেমন আছেন", "হ্যালো শুনছেন",
              "assalamu alaikum", "salam"),
    wider=("দূরে", "দূরের", "আরও দূরে", "আরো দূরে", "একটু দূরে", "দূরের স্কুল", "আরো দূরের", "আরও দূরের"),
    human=("কারো সাথে কথা", "কারও সাথে কথা", "মানুষের সাথে কথা", "একজন মানুষ", "প্রতিনিধি", "ফোন করুন", "কল করুন", "আমাকে কল",
           "আমাকে ফোন", "স্টাফ", "কর্মকর্তা", "লোকের সাথে কথা", "কারো সঙ্গে কথা", "কারও সঙ্গে কথা", "মানুষের সঙ্গে",
           "আসল মানুষ", "এজেন্ট", "অপারেটর", "কাস্টমার সার্ভিস", "হেল্পলাইন", "কল দিন", "ফোন দিন", "কল ব্যাক", "কলব্যাক",
           "একজন লোক", "কারো সাথে আলাপ"),
    compare=("তুলনা", "পার্থক্য", "কম্পেয়ার", "কম্পেয়ার করুন", "কোনটা ভালো", "কোনটি ভালো", "কোনটা ভাল", "কোনটা বেশি ভালো",
             "মিলিয়ে দেখান", "মিলিয়ে দেখুন", "মিলিয়ে", "পার্থক্য কি", "ফারাক", "তফাত", "তফাৎ", "বনাম", "ভার্সাস", "কোনটায়",
             "কোনটা", "কোনটি", "মধ্যে কোন", "দুইটার মধ্যে", "দুটোর মধ্যে", "দুটির মধ্যে", "কম্পেয়ার"),
    details=("বিস্তারিত", "তথ্য", "আরো জানতে", "আরও জানতে", "নম্বর", "সম্পর্কে জানতে", "সম্পর্কে", "ঠিকানা", "ফোন নম্বর",
             "কেমন", "ইনফো", "জানতে চাই", "জানান", "বলুন", "ডিটেইলস", "ডিটেইল"),
    school_words=("স্কুল", "স্কুলগুলো", "স্কুলের", "বিদ্যালয়", "স্কুলগুলি", "ইস্কুল", "স্কুলে", "স্কুলটা", "ইশকুল", "স্কুলস"),
    grades={
        "নার্সারি": (-1, -1), "প্রি কে": (-1, -1), "প্রি-কে": (-1, -1), "প্রিস্কুল": (-1, -1), "প্রি স্কুল": (-1, -1),
        "প্রিকে": (-1, -1), "প্রি কেজি": (-1, -1), "প্রি-কেজি": (-1, -1), "প্লে গ্রুপ": (-1, -1), "প্লেগ্রুপ": (-1, -1),
        "প্রি কিন্ডারগার্টেন": (-1, -1), "প্রি-কিন্ডারগার্টেন": (-1, -1), "প্রি কিন্ডার": (-1, -1), "নার্সারী": (-1, -1),
        "তিন বছরের": (-1, -1), "চার বছরের": (-1, -1), "3 বছরের": (-1, -1), "4 বছরের": (-1, -1), "3 বছর বয়সী": (-1, -1),
        "4 বছর বয়সী": (-1, -1), "তিন বছর বয়সী": (-1, -1), "চার বছর বয়সী": (-1, -1), "প্রাক প্রাথমিক": (-1, -1),
        "প্রাক-প্রাথমিক": (-1, -1), "শিশু শ্রেণি": (0, 0), "শিশু শ্রেণী": (0, 0), "শিশু শ্রেণিতে": (0, 0), "শিশু শ্রেণীতে": (0, 0),
        "কিন্ডারগার্টেন": (0, 0), "কিন্ডার গার্টেন": (0, 0), "কিন্ডারগার্ডেন": (0, 0), "কিন্ডার": (0, 0),
        "কেজি স্কুল": (0, 0), "কেজিতে": (0, 0), "কেজি তে": (0, 0), "কেজি ভর্তি": (0, 0), "কেজি ক্লাস": (0, 0), "কেজি ওয়ান": (0, 0), "কিন্ডারগার্টেনে": (0, 0), "কিন্ডার গার্ডেন": (0, 0),
        "কিন্ডারগার্টেন স্কুল": (0, 0), "পাঁচ বছরের": (0, 0), "5 বছরের": (0, 0),
        "প্রাথমিক": (0, 5), "প্রাথমিক বিদ্যালয়": (0, 5), "এলিমেন্টারি": (0, 5), "এলিমেন্টারি স্কুল": (0, 5),
        "প্রাইমারি": (0, 5), "প্রাইমারি স্কুল": (0, 5), "এলিমেন্টরি": (0, 5), "এলেমেন্টারি": (0, 5), "ইলিমেন্টারি": (0, 5),
        "প্রাইমারী": (0, 5),
        "মিডল স্কুল": (6, 8), "মিডল": (6, 8), "নিম্ন মাধ্যমিক": (6, 8), "মিডেল স্কুল": (6, 8), "মিডিল স্কুল": (6, 8),
        "মিডল স্কুলে": (6, 8), "জুনিয়র হাই": (6, 8), "জুনিয়র হাই স্কুল": (6, 8), "মিডেল": (6, 8),
        "হাই স্কুল": (9, 12), "হাইস্কুল": (9, 12), "উচ্চ বিদ্যালয়": (9, 12), "উচ্চ মাধ্যমিক": (9, 12), "হাই স্কুলে": (9, 12),
        "হাই ইস্কুল": (9, 12), "হাইস্কুলে": (9, 12),
    },
    # folded: "শ্রেণী" → "শর ণ", "ক্লাস" → "কল স", "গ্রেড" → "গর ড"; "৩য়" → "৩য", "৪র্থ" → "৪রথ", "৬ষ্ঠ" → "৬ষঠ"
    grade_patterns=(
        rf"(?<!\w){_N}{_SUFFIX}? (?:{_GRADE_WORD}){_CASE}(?!\w)",
        rf"(?<!\w)(?:{_GRADE_WORD}){_CASE} {_N_AFTER_CLASS}{_SUFFIX}?{_CASE}(?!\w)",
        rf"(?<!\w)({_HIGH_ORDINALS}){_CASE}(?!\w)",  # "অষ্টম শ্রেণির জন্য", "নবমে পড়ে"
        rf"(?<!\w)({_SPOKEN}) (?:{_STUDIES})(?!\w)",  # "এইটে পড়ে"
        # Banglish, as Roman Urdu's "7th mein": an English ordinal, its case ending, and "studies" ("5th e pore")
        r"(?<!\w)(\d{1,2})(?:st|nd|rd|th) (?:e |te |y )?(?:pore|pode|porhe|porche|porchhe|porbe|porte)(?!\w)",
        # the first of a range: "ষষ্ঠ থেকে অষ্টম শ্রেণি", "৩য় ও ৪র্থ শ্রেণি"
        rf"(?<!\w){_N}{_SUFFIX}? (?:থক|হত|ও|আর|ব|এব) (?=(?:\S+ ){{1,3}}?(?:{_GRADE_WORD}){_CASE}(?!\w))",
    ),
    number_words=_NUMBER_WORDS,
    needs={
        "sped": _grid(_SPECIAL, ("শিক্ষা", "সিক্ষা", "শিকখা", "শিক্ষার", "চাহিদা", "চাহিদাসম্পন্ন", "শিশু", "বাচ্চা"))
        + ("স্পেশাল এডুকেশন", "স্পেশাল এড", "স্পেশাল এডু", "স্পেশাল নিডস", "স্পেশাল নিড", "স্পেশাল চাইল্ড", "স্পেশাল বাচ্চা",
           "স্পেশ্যাল এডুকেশন", "স্পেসাল এডুকেশন", "এসপেশাল", "প্রতিবন্ধী", "প্রতিবন্ধিতা", "প্রতিবন্ধি", "আইইপি",
           "আই ই পি", "আই.ই.পি", "iep", "স্পিচ থেরাপি", "কথা বলতে সমস্যা", "শেখার সমস্যা", "শিখতে সমস্যা",
           "লার্নিং ডিসঅ্যাবিলিটি", "লার্নিং ডিসএবিলিটি", "লার্নিং ডিজেবিলিটি", "ডিসলেক্সিয়া", "এডিএইচডি", "adhd",
           "বুদ্ধি প্রতিবন্ধী", "ডাউন সিনড্রোম", "সেরিব্রাল পালসি", "পড়তে সমস্যা", "পড়াশোনায় সমস্যা", "ডিসঅ্যাবিলিটি",
           "ডিজঅ্যাবিলিটি", "স্পিচ", "বিকাশজনিত সমস্যা"),
        "ell": ("ইএসএল", "ই এস এল", "esl", "ell", "ইংলিশ ক্লাস", "ইংলিশ লার্নার", "ইংরেজি ভাষা শিক্ষার্থী", "নিউকামার",
                "ইংরেজি শিক্ষার্থী", "ইএলএল")
        + _grid(_ENGLISH, ("শেখা", "শেখার", "শিখছে", "শিখতে", "শিখবে", "শেখে", "শেখানো", "শেখাতে", "জানে না", "পারে না",
                           "বোঝে না", "বুঝে না", "বলতে পারে না", "একদম পারে না", "একদম জানে না", "দুর্বল", "কাঁচা", "কম জানে",
                           "কম পারে", "সাহায্য", "সাপোর্ট", "সহায়তা", "হেল্প", "শিক্ষা", "শেখানোর", "বলতে পারে না")),
        "dual_language": ("ডুয়াল ল্যাঙ্গুয়েজ", "দ্বৈত ভাষা", "dual language", "দুই ভাষায়", "দ্বিভাষিক", "দ্বি ভাষিক",
                          "দ্বিভাষী", "বাইলিঙ্গুয়াল", "বাইলিংগুয়াল", "বাইলিংগুয়াল", "বাইলিঙ্গুয়াল", "ডুয়েল ল্যাঙ্গুয়েজ",
                          "ডুয়াল ল্যাংগুয়েজ", "ডুয়াল ল্যাংগুয়েজ", "দুই ভাষার", "দুই ভাষা", "দুটি ভাষা", "দুটো ভাষা",
                          "দুই ভাষাতে", "দুই ভাষাতেই", "ইমার্শন", "ইমারশন", "দ্বিভাষা", "ডুয়াল"),
        "bus": ("স্কুল বাস", "স্কুলবাস", "বাস সার্ভিস", "বাস সুবিধা", "স্কুল ট্রান্সপোর্ট", "বাসের ব্যবস্থা", "school bus",
                "হলুদ বাস", "স্কুল বাছ", "স্কুলের বাস", "বাস লাগবে", "বাস দরকার", "বাস চাই", "বাসের সুবিধা", "বাস দেয়",
                "বাস আছে", "বাস পাওয়া", "ইয়েলো বাস", "ট্রান্সপোর্টেশন", "যাতায়াত ব্যবস্থা", "যাতায়াতের ব্যবস্থা",
                "বাস সার্ভিস আছে", "বাসের সার্ভিস", "বাস সেবা", "পিক আপ ড্রপ", "স্কুল ভ্যান", "বাস পাবে", "বাস থাকে"),
        "transit": ("ট্রেন", "সাবওয়ে", "মেট্রো", "পাবলিক ট্রান্সপোর্ট", "গণপরিবহন", "গণ পরিবহন", "সিটিএ", "সি টি এ",
                    "ট্রেন স্টেশন", "এল ট্রেন", "পাবলিক বাস", "সিটি বাস", "ট্রেনে", "বাস স্টপ", "বাস স্টেশন"),
        "accessible": ("হুইলচেয়ার", "হুইল চেয়ার", "লিফট", "এলিভেটর", "র‍্যাম্প", "হুইলচেয়ারে", "লিফ্ট", "এলেভেটর",
                       "র্যাম্প", "রেম্প", "র‌্যাম্প", "সিঁড়ি দিয়ে উঠতে", "সিঁড়ি উঠতে", "সিঁড়ি ভাঙতে", "সিঁড়ি বাইতে",
                       "সিঁড়ি দিয়ে ওঠা", "সিঁড়িতে উঠতে", "হাঁটতে পারে না", "হাঁটতে পারি না", "হাঁটতে সমস্যা", "হাঁটাচলা",
                       "চলাফেরা করতে", "চলাফেরায় সমস্যা", "চলাচলে সমস্যা", "পায়ে সমস্যা", "পায়ের সমস্যা",
                       "অ্যাক্সেসিবল", "এক্সেসিবল", "প্রবেশগম্য", "ক্রাচ", "হুইলচেয়ার ব্যবহার"),
    },
    programs={
        "autism": ("অটিজম", "অটিজাম", "অটিস্টিক", "অটিসটিক", "অটিজমের", "অটিজম স্পেকট্রাম", "এএসডি", "অটিজ্ম", "আটিজম",
                   "autism", "autistic"),
        "deaf_hard_of_hearing": ("বধির", "কানে শোনে না", "কানে শুনে না", "কানে কম শোনে", "কানে কম শুনে", "কানে শুনতে পায় না",
                                 "শুনতে পায় না", "শুনতে পারে না", "কম শোনে", "কম শুনতে পায়", "শ্রবণ প্রতিবন্ধী",
                                 "শ্রবণশক্তি", "শ্রবণ সমস্যা", "হিয়ারিং এইড", "হিয়ারিং সমস্যা", "হিয়ারিং লস", "ডেফ", "সাইন ল্যাঙ্গুয়েজ",
                                 "ইশারা ভাষা", "ইশারার ভাষা", "কানে সমস্যা", "কানের সমস্যা", "কানে খাটো", "শ্রবণ"),
        "visual_impairment": ("অন্ধ", "দৃষ্টি প্রতিবন্ধী", "দৃষ্টিপ্রতিবন্ধী", "দৃষ্টিশক্তি", "দৃষ্টি শক্তি", "চোখে কম দেখে",
                              "চোখে দেখে না", "চোখে দেখতে পায় না", "চোখে সমস্যা", "চোখের সমস্যা", "কম দৃষ্টি",
                              "লো ভিশন", "ব্লাইন্ড", "ব্রেইল", "দেখতে পায় না", "চোখে কম", "দৃষ্টি সমস্যা",
                              "দৃষ্টিহীন", "চোখে ঠিকমতো দেখে না"),
        "self_contained": ("সেলফ কন্টেইনড", "সেলফ কনটেইনড", "সেল্ফ কন্টেইনড", "সেলফ-কন্টেইনড", "সেলফ কন্টেইন্ড",
                           "আলাদা ক্লাস", "আলাদা ছোট ক্লাস", "ছোট আলাদা ক্লাস", "আলাদা শ্রেণীকক্ষ", "আলাদা ক্লাসরুম",
                           "আলাদা কক্ষ", "আলাদা রুম"),
        "inclusion": ("ইনক্লুশন", "ইনক্লুসন", "ইনক্লুসিভ", "ইনক্লুশান", "ইনক্লুশন", "অন্তর্ভুক্তিমূলক", "অন্তর্ভুক্তি",
                      "সাধারণ বাচ্চাদের সাথে", "সাধারণ শিশুদের সাথে", "সাধারণ ক্লাসে", "সাধারণ ক্লাস", "অন্য বাচ্চাদের সাথে",
                      "নরমাল ক্লাস", "মেইনস্ট্রিম", "রেগুলার ক্লাস", "সবার সাথে পড়বে", "সাধারণ বাচ্চাদের সঙ্গে", "সাধারন বাচ্চাদের সাথে", "সাধারন শিশুদের সাথে", "সাধারন ক্লাস",
                      "সাধারন ক্লাসে", "সাধারন বাচ্চাদের সঙ্গে", "স্বাভাবিক বাচ্চাদের সাথে"),
        "resource": ("রিসোর্স রুম", "রিসোর্স", "রিসোর্স ক্লাস", "রিসোর্স টিচার", "রিসোর্স রুমে"),
        "significant_support": ("নিবিড় সহায়তা", "বেশি সহায়তা", "অনেক সহায়তা", "বেশি সাপোর্ট", "অনেক সাপোর্ট",
                                "ইনটেনসিভ", "ইনটেন্সিভ", "গুরুতর প্রতিবন্ধী", "গুরুতর প্রতিবন্ধিতা", "মারাত্মক প্রতিবন্ধী",
                                "ওয়ান টু ওয়ান", "সিগনিফিকেন্ট সাপোর্ট", "সার্বক্ষণিক সহায়তা", "সবসময় সাহায্য",
                                "একাধিক প্রতিবন্ধিতা"),
        "early_childhood": ("আর্লি চাইল্ডহুড", "আর্লি চাইল্ড হুড", "প্রারম্ভিক শৈশব", "আর্লি ইন্টারভেনশন", "আর্লি চাইল্ড"),
    },
    sectors={
        "charter": ("চার্টার", "চার্টার স্কুল", "চার্টার্ড", "চাটার", "চার্টার্ড স্কুল", "চার্টারের"),
        "district": ("সরকারি", "সরকারী", "পাবলিক স্কুল", "ডিস্ট্রিক্ট", "ডিসট্রিক্ট", "ডিস্ট্রিক", "সিপিএস", "সি পি এস",
                     "সরকারি স্কুল", "এলাকার স্কুল", "নেইবারহুড স্কুল", "পাবলিক স্কুলে"),
    },
    # "না" folds to a bare "ন": a "no" counts only beside what it rules out ("চার্টার না")
    only=("ছাড়া কিছু না", "ছাড়া আর কিছু না", "ছাড়া অন্য কিছু না", "ছাড়া কিছুই না", "ছাড়া আর কিছুই না",
          "chara kichu na", "chara ar kichu na", "chara onno kichu na"),
    negations=_NEGATIONS + ("বাইরে",),  # "সিপিএস এর বাইরে": outside the district
    not_needed=("দরকার নেই", "দরকার নাই", "লাগবে না", "লাগবেনা", "চাই না", "চাইনা", "প্রয়োজন নেই", "প্রয়োজন নাই",
                "দরকার হবে না", "লাগবে না", "দরকার নাই", "পাঠাতে চাই না", "দিতে চাই না"),
    languages={"বাংলা": "bn", "স্প্যানিশ": "es", "আরবি": "ar", "চাইনিজ": "zh", "উর্দু": "ur", "হিন্দি": "hi",
               "ফরাসি": "fr", "ফ্রেঞ্চ": "fr", "পোলিশ": "pl", "স্প্যানিস": "es", "স্পেনিশ": "es", "স্প্যানীশ": "es",
               "আরবী": "ar", "ম্যান্ডারিন": "zh", "ক্যান্টনিজ": "zh", "হিন্দী": "hi", "কোরিয়ান": "ko",
               "জাপানি": "ja", "জাপানিজ": "ja", "রাশিয়ান": "ru", "ভিয়েতনামী": "vi", "ভিয়েতনামিজ": "vi", "সোমালি": "so",
               "হাইতিয়ান": "ht", "ক্রেওল": "ht", "পাঞ্জাবি": "pa", "গুজরাটি": "gu", "নেপালি": "ne", "ইতালিয়ান": "it",
               "জার্মান": "de", "গ্রিক": "el", "তাগালগ": "tl", "ফিলিপিনো": "tl", "বাংলায়": "bn",
               # asked alone, a switch to English ("ইংরেজি" in a need sentence names no program)
               **{f"{eng} {ask}": "en" for eng in ("ইংরেজিতে", "ইংলিশে", "ইংরেজি তে", "ইংলিশ এ", "ইংরেজি ভাষায়")
                  for ask in ("লিখুন", "লিখেন", "লেখেন", "লিখো", "বলুন", "বলেন", "উত্তর দিন", "পাঠান", "পাঠাবেন", "মেসেজ দিন",
                              "কথা বলুন", "প্লিজ", "দিন", "চাই")}},
    ages=("বছর", "বছরের"),  # after a number: a child's age, not a result number
    topics={"apply": ("আবেদন", "ভর্তি", "অ্যাপ্লাই", "রেজিস্ট্রেশন", "শেষ তারিখ", "নিবন্ধন", "এপ্লাই", "ভর্তির নিয়ম",
                      "ভর্তি ফরম", "ভর্তি ফর্ম", "ডেডলাইন", "আবেদনের", "অ্যাপ্লিকেশন", "এপ্লিকেশন", "ভর্তির তারিখ")},
    cannot=("পারে না", "পারবে না", "pare na", "parena", "parbe na"),
)  # fmt: skip

# Banglish commands, Bengali typed in Latin letters ("aro dekhan", "bondho koren", "sahajjo lagbe")
LEXICON = replace(
    LEXICON,
    stop=LEXICON.stop
    + (
        "bondho",
        "bondho koren",
        "bondho korun",
        "bondho koro",
        "bnd koren",
        "message bondho",
        "sms bondho",
        "ar message diben na",
        "message diben na",
        "thamun",
    ),
    start=LEXICON.start + ("shuru koren", "shuru korun", "abar shuru", "chalu koren", "chalu korun", "abar chalu"),
    help=LEXICON.help
    + (
        "sahajjo",
        "shahajjo",
        "shahajjo koren",
        "sahajjo koren",
        "sahajjo korun",
        "help koren",
        "help chai",
        "help lagbe",
        "sahajjo chai",
        "sahajjo dorkar",
        "sahajjo lagbe",
        "সাহাজ্য",
        "সাহাজ্য করুন",
        "সাহায্য করবেন",
    ),
    more=LEXICON.more
    + (
        "aro",
        "aaro",
        "aro dekhan",
        "aro school",
        "aro school dekhan",
        "porer",
        "porerta",
        "porer ta",
        "porer gulo",
        "aro ache",
        "ar ache",
        "aro koyekta",
    ),
    human=LEXICON.human
    + (
        "karo sathe kotha",
        "karo shathe kotha",
        "manusher sathe kotha",
        "manush er sathe kotha",
        "kotha bolte chai",
        "amake call koren",
        "amake phone koren",
        "কথা বলতে চাই",
    ),
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help + ("এটা কি", "এটা কী", "এইটা কি", "বুঝতে পারছি না", "বুঝলাম না", "বুঝি নাই", "eta ki", "bujhte parchi na"),
)

# School words as typed, in Latin letters too ("bishesh shikkha", "ibtida2iya")
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "sped": LEXICON.needs["sped"]
        + ("bishesh shikkha", "bishesh shikha", "bisesh shikkha", "bishes shikkha", "special ed", "বিশেষ শিক্সা", "বিশেস শিক্ষা"),
    },
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = ("গাড়ি নেই", "গাড়ি নাই", "আমাদের গাড়ি নেই", "আমার গাড়ি নেই", "কার নেই", "গাড়ি চালাই না", "gari nai", "gari nei")
LEXICON = LEXICON.with_no_car(_NO_CAR)

# Banglish as families text it: its own words vote for Bengali ("ingreji shikhche", "sorkari school")
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("ingreji", "ingriji", "shikhche", "shikhe", "shekhe", "shikhte", "jane", "jana", "pare", "parena",
                               "bolte", "sorkari", "shorkari", "kachhe", "kase", "er kache", "er kachhe", "bhasha", "vasha",
                               "chele", "meye", "bachcha", "amader", "gari", "gaari",
                               # everyday Banglish, written out and written short ("thakle", "shdhu", "drkr", "oigula")
                               "thakle", "thake", "thaki", "thakbe", "dey", "dibe", "diben", "dite", "emon", "din", "bhai",
                               "bhaia", "drkr", "drkar", "shdhu", "shudhu", "sudhu", "shudu", "kemon", "achen", "acho",
                               "apnara", "amra", "tumi", "koren", "koro", "korun", "kori", "bujhe", "bujhi", "dekhan",
                               "dekhao", "kbe", "kobe", "kothai", "gula", "gulo", "gular", "gulor", "oigula", "oigulo",
                               "hoy", "hocche", "holo", "jodi", "notun", "eshechi", "esechi", "shuru", "suru", "abar",
                               "bhorti", "vorti", "bhortir", "vortir", "sobai", "boyos", "bochor", "shikhar", "jnne"),
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"] + tuple(f"{eng} {verb}" for eng in ("ingreji", "ingriji", "english")
                                            for verb in ("shikhche", "shikhchhe", "shekhe", "jane na", "pare na", "bolte pare na",
                                                         "bujhe na", "shikhte chay", "kom jane")),
        "dual_language": LEXICON.needs["dual_language"] + ("dui bhasha", "dui vasha", "dui bhashay", "dui vashay", "dvibhashik"),
        "sped": LEXICON.needs["sped"] + ("bishesh shikkha", "special shikkha", "bishesh chahida"),
    },
    sectors={**LEXICON.sectors, "district": LEXICON.sectors["district"] + ("sorkari", "shorkari", "sorkari school")},
)  # fmt: skip

# Banglish "not needed" ("bus lagbe na")
LEXICON = replace(
    LEXICON,
    not_needed=LEXICON.not_needed + ("lagbe na", "lagbena", "dorkar nai", "dorkar nei", "chai na", "chaina", "lagbe nah"),
    negations=LEXICON.negations + ("chai na", "chaina", "na", "bade", "chara", "baire"),
)

# "না" (no) after any of the sector's phrases, as written or misspelt ("চাটার না"): "না" folds to a bare "ন", so a
# "no" counts only beside what it rules out
LEXICON = replace(
    LEXICON,
    negations=LEXICON.negations
    + tuple(
        f"{p}{school} {n}"
        for ps in LEXICON.sectors.values()
        for p in ps
        if not p.isascii()
        for school in ("", " স্কুল")
        for n in ("না", "না না", "একদম না", "দরকার নাই", "দরকার নেই")
    ),
)

# Sign language ("সাংকেতিক ভাষা", "ইশারা ভাষা")
LEXICON = replace(
    LEXICON,
    programs={
        **LEXICON.programs,
        "deaf_hard_of_hearing": LEXICON.programs["deaf_hard_of_hearing"] + ("সাংকেতিক ভাষা", "ইশারা ভাষা", "ইশারার ভাষা",
                                                                            "সাইন ল্যাঙ্গুয়েজ", "কানে শোনার যন্ত্র"),
    },
)  # fmt: skip

# More Banglish: classes by their ordinal, sight and hearing in a sentence, comparing and details
_ROMAN_ORDINALS = {
    "prothom": 1,
    "dwitiyo": 2,
    "ditio": 2,
    "tritiyo": 3,
    "tritio": 3,
    "choturtho": 4,
    "chaturtho": 4,
    "ponchom": 5,
    "panchom": 5,
    "shoshtho": 6,
    "shashtho": 6,
    "soptom": 7,
    "ashtom": 8,
    "nobom": 9,
    "doshom": 10,
}
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("kane", "shune", "shone", "chokhe", "dekhe", "dekhte", "lage", "shreni", "sreni", "tulona",
                               "nombor", "bistarito", "jante", "bhashay", "dui"),
    grades={**LEXICON.grades, **{f"{o} {w}": (n, n) for o, n in _ROMAN_ORDINALS.items() for w in ("shreni", "sreni", "class")}},
    programs={
        **LEXICON.programs,
        "deaf_hard_of_hearing": LEXICON.programs["deaf_hard_of_hearing"] + ("kane shune na", "kane kom shune", "kane shone na",
                                                                            "shunte pay na"),
        "visual_impairment": LEXICON.programs["visual_impairment"] + ("chokhe dekhe na", "chokhe kom dekhe", "dekhte pay na",
                                                                      "andho"),
    },
    compare=LEXICON.compare + ("tulona", "tulona koren"),
    details=LEXICON.details + ("bistarito", "nombor", "details", "tothyo"),
)  # fmt: skip
LEXICON = replace(LEXICON, classroom=("class", "ক্লাস", "ক্লাসে", "ক্লাসরুম", "শ্রেণী"), apart=("আলাদা", "alada"), small=("ছোট", "choto", "chhoto"))

# asking how it works: "what can I write", "how do I use this"
LEXICON = replace(
    LEXICON,
    help=LEXICON.help
    + (
        "ki ki likhte pari",
        "ki likhte pari",
        "kivabe kaj kore",
        "kivabe kaj kore eta",
        "eta kivabe kaj kore",
        "kivabe use korbo",
        "kivabe use kori",
        "কি কি লিখতে পারি",
        "কি লিখতে পারি",
        "কিভাবে কাজ করে",
        "এটা কিভাবে কাজ করে",
        "কিভাবে ইউজ করবো",
        "এটা কিভাবে ইউজ করবো",
        "কিভাবে ব্যবহার করবো",
        "এটা কিভাবে ব্যবহার করব",
    ),
    early_years=("শিশু শ্রেণি", "শিশু শ্রেণী"),
)

# Banglish written short, vowels dropped as in any SMS ("drkr", "shdhu", "lgbe", "kren"), and its greetings
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "drkr": "dorkar", "drkar": "dorkar", "shdhu": "shudhu", "sudhu": "shudhu",
               "shudu": "shudhu", "lgbe": "lagbe", "lgb": "lagbe", "kren": "koren", "krn": "koren", "krun": "korun",
               "suru": "shuru", "shru": "shuru", "kmn": "kemon", "achn": "achen", "dkhan": "dekhan", "dkhn": "dekhan",
               "jnne": "jonno", "jnno": "jonno", "bhaia": "bhaiya"},
    start=LEXICON.start + ("abar shuru koren", "abar shuru korun", "abar shuru koro", "abar chalu koren", "abar chalu korun"),
    greeting=LEXICON.greeting + ("nomoskar", "nomoshkar", "namaskar", "kemon achen", "kemon acho", "adab", "adaab"),
)  # fmt: skip

# "high school" as it sounds ("hai skul", "hay school"; "skul" is English's "school" written short)
LEXICON = replace(LEXICON, grades={**LEXICON.grades, **{f"{high} school": (9, 12) for high in ("hai", "hay", "haai", "hayy")}})

# A class by its cardinal in Banglish, with the case ending or not ("class tin e pore", "cls sat", "klas dosh")
_BANGLISH_CARDINALS = {"ek": 1, "dui": 2, "tin": 3, "teen": 3, "char": 4, "pach": 5, "panch": 5, "choy": 6, "soy": 6, "sat": 7,
                       "shat": 7, "aat": 8, "aath": 8, "noy": 9, "nou": 9, "dosh": 10, "dos": 10, "egaro": 11, "baro": 12}  # fmt: skip
LEXICON = replace(
    LEXICON,
    grades={**LEXICON.grades, **{f"{cls} {number}{ending}": (n, n) for cls in ("class", "klas", "cls", "kelas", "clas")
                                 for number, n in _BANGLISH_CARDINALS.items() for ending in ("", "e", " e", "te", " te")}},
)  # fmt: skip
