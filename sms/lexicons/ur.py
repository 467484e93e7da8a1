"""Urdu (Nastaliq script as typed on phones, with the English school words Urdu speakers use).

Folding turns "آ" into "ا" and "ئ" into "ي"; phrases are folded too, but grade_patterns are regexes
on folded text. The parser tells Urdu from Arabic by Urdu letters (ٹ ڈ ڑ ں ے ھ گ ک ی).

Phones without an Urdu keyboard type Urdu with Arabic or Persian letters ("خصوصي تعليم", "هائی اسکول",
"آدمی سی بات"): `_v` adds those spellings of a phrase (ی → ي, ک → ك, ہ/ھ → ه, ے → ی, ئ → ی, ں → ن).
"بس" alone means "only, enough": a bus is a school bus or a bus service here.
"""

from dataclasses import replace

from catalog.text import fold
from sms.lexicons import Lexicon

_LAX = str.maketrans({"ے": "ی", "ۓ": "ی", "ئ": "ی", "ں": "ن"})  # Urdu keyboard, typed loosely
_HEH = str.maketrans({"ہ": "ه", "ھ": "ه", "ۃ": "ه"})  # a Persian keyboard's heh
_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})  # an Arabic keyboard


def _v(*phrases: str) -> tuple[str, ...]:
    """The phrases with their spellings on a keyboard without Urdu letters."""
    out = []
    for p in phrases:
        lax = p.translate(_LAX)
        heh = lax.translate(_HEH)
        out += [p, lax, heh, heh.translate(_ARABIC), p.translate(_HEH), p.translate(_ARABIC).translate(_HEH)]
    return tuple(dict.fromkeys(out))


def _grid(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """Every phrase made of one choice from each part ("" leaves a part out)."""
    phrases = [""]
    for choices in parts:
        phrases = [f"{p} {c}".strip() for p in phrases for c in choices]
    return tuple(dict.fromkeys(p for p in phrases if p))


_ENGLISH = ("انگریزی", "انگلش", "انگلیش", "انگریزي", "انگلیزی")
_SCHOOL = ("اسکول", "سکول", "اسکولز", "سکولز", "اسکولوں", "سکولوں")
_MESSAGE = (
    "میسج",
    "میسجز",
    "میسیج",
    "پیغام",
    "پیغامات",
    "ایس ایم ایس",
    "ٹیکسٹ",
    "sms",
    "میسج بھیجنا",
    "میسجز بھیجنا",
    "پیغام بھیجنا",
    "پیغامات بھیجنا",
)
_ORDINALS = {
    "پہلی": 1,
    "پہلے": 1,
    "پہلا": 1,
    "دوسری": 2,
    "دوسرے": 2,
    "دوسرا": 2,
    "تیسری": 3,
    "تیسرے": 3,
    "تیسرا": 3,
    "چوتھی": 4,
    "چوتھے": 4,
    "چوتھا": 4,
    "پانچویں": 5,
    "پانچوی": 5,
    "پانچواں": 5,
    "چھٹی": 6,
    "چھٹے": 6,
    "چھٹا": 6,
    "چھٹویں": 6,
    "ساتویں": 7,
    "ساتوی": 7,
    "ساتواں": 7,
    "آٹھویں": 8,
    "آٹھوی": 8,
    "آٹھواں": 8,
    "نویں": 9,
    "نوی": 9,
    "نوویں": 9,
    "نواں": 9,
    "دسویں": 10,
    "دسوی": 10,
    "دسواں": 10,
    "گیارہویں": 11,
    "گیارویں": 11,
    "گیارھویں": 11,
    "بارہویں": 12,
    "بارویں": 12,
    "بارھویں": 12,
    # English numbers as Urdu speakers write them ("کلاس فائیو", "ففتھ گریڈ")
    "ون": 1,
    "ٹو": 2,
    "تھری": 3,
    "فور": 4,
    "فائیو": 5,
    "فائو": 5,
    "سکس": 6,
    "سیون": 7,
    "ایٹ": 8,
    "نائن": 9,
    "ٹین": 10,
    "الیون": 11,
    "ٹویلو": 12,
    "ٹویلف": 12,
    "ٹوئیلو": 12,
    "فرسٹ": 1,
    "سیکنڈ": 2,
    "تھرڈ": 3,
    "فورتھ": 4,
    "ففتھ": 5,
    "سکستھ": 6,
    "سیونتھ": 7,
    "ایٹتھ": 8,
    "ایتھ": 8,
    "نائنتھ": 9,
    "ٹینتھ": 10,
    "الیونتھ": 11,
    "ٹویلفتھ": 12,
}
_NUMBER_WORDS = {w: n for word, n in _ORDINALS.items() for w in _v(word)}


def _alternation(words) -> str:
    return "|".join(sorted({fold(w) for w in words}, key=len, reverse=True))


# Feminine ordinals name a class ("کلاس", "جماعت" are feminine): "دوسری میں ہے", "آٹھویں میں".
_FEMININE = _alternation(
    w
    for word in (
        "پہلی",
        "دوسری",
        "تیسری",
        "چوتھی",
        "پانچویں",
        "پانچوی",
        "چھٹی",
        "ساتویں",
        "ساتوی",
        "آٹھویں",
        "آٹھوی",
        "نویں",
        "دسویں",
        "گیارہویں",
        "گیارویں",
        "بارہویں",
        "بارویں",
    )
    for w in _v(word)
)
# Ordinals from the fifth on mean a grade even alone ("نواسی آٹھویں میں ہے"); "چھٹی" is also "a holiday".
_HIGH_ORDINALS = _alternation(
    w
    for word in (
        "پانچویں",
        "ساتویں",
        "آٹھویں",
        "نویں",
        "نوویں",
        "دسویں",
        "گیارہویں",
        "گیارویں",
        "گیارھویں",
        "بارہویں",
        "بارویں",
        "بارھویں",
        "چھٹویں",
    )
    for w in _v(word)
)
_GRADE_WORD = _alternation(w for word in ("کلاس", "جماعت", "گریڈ", "کلاسز", "جماعتوں", "گرید", "درجہ", "درجے") for w in _v(word))
_SUFFIX = r"(?:st|nd|rd|th|ویں|وین|واں|ری|ی|وی|ين|یں|ويں)"

LEXICON = Lexicon(
    locale="ur",
    names=("اردو", "اُردو", "اردو میں", "اردو زبان", "urdu", "اردو میں لکھیں", "اردو میں بات کریں", "اردو میں بتائیں",
           "اردو میں جواب دیں", "اردو پلیز"),
    markers=("میں", "میرا", "میری", "میرے", "کے", "کی", "کا", "کو", "ہے", "ہیں", "چاہیے", "چاہئے", "بیٹا", "بیٹی", "بچے", "بچہ",
             "بچی", "لیے", "لئے", "کیا", "کون", "کونسا", "کہاں", "قریب", "پاس", "اور", "ہمیں", "مجھے", "سکول", "اسکول", "والا", "والی",
             # Roman Urdu, as typed on an English keyboard ("kindergarden ke liye school batao")
             "mera", "meri", "mere", "mujhe", "muje", "mjhe", "hamen", "hamein", "humein", "beta", "bete", "beti", "bacha",
             "bachay", "bachon", "bachi", "ke liye", "k liye", "ki liye", "liye", "liay", "chahiye", "chahie", "chaiye",
             "chahye", "hai", "hain", "nahi", "nahin", "sirf", "wala", "wale", "wali", "walay", "dikhao", "dikhayen",
             "dikhaen", "dikhaiye", "batao", "bataen", "bataein", "bataye", "bataiye", "btao", "btayen", "karo", "karein",
             "kahan", "kahaan", "kya", "kaise", "kaisay", "kesay", "mein", "hoon", "ammi", "abbu", "aap", "konsa", "kaunsa",
             "qareeb", "kareeb", "paas", "aur", "bhi", "madad", "parhai", "parhta", "parhti", "zaroorat", "zarurat",
             "jamat", "jamaat", "khusoosi", "khususi", "taleem", "shukriya", "shukria", "bhai", "janab", "dakhla",
             "dakhila", "kab", "kitne", "tak", "raha", "rahi", "hota", "hoti", "usko", "usay", "isko"),
    fillers=_v("براہ کرم", "برائے مہربانی", "پلیز", "پلز", "شکریہ", "مہربانی", "جی", "ٹھیک ہے", "اوکے", "بہت شکریہ", "بھائی",
               "بھائی جان", "بھائی صاحب", "باجی", "جناب", "سر", "میڈم", "صاحب", "اچھا", "ٹھیک", "ذرا", "مہربانی کر کے",
               "مہربانی کرکے", "جزاک اللہ", "تھینک یو", "تھینکس", "شکریہ جی", "جی شکریہ", "آپ", "پلیز جی")
    + ("please", "pls", "plz", "ok", "okay", "thanks", "thx", "tnx", "ty"),
    stop=_v("بند کرو", "بند کریں", "بند", "روکیں", "رکو", "روک دیں", "مت بھیجیں", "میسج بند", "میسج مت بھیجیں", "ان سبسکرائب",
            "اسٹاپ", "سٹاپ", "پیغامات بند کریں", "بند کر دیں", "بند کردیں", "بس کریں", "بس کرو", "ختم کریں", "سبسکرپشن ختم",
            "ان سبسکرائب کریں", "مزید میسج نہیں", "رک جاؤ", "رک جائیں", "بند کر دو", "بند کردو", "روک دو",
            "روک دیجیے", "بند کیجیے", "بند کیجئے", "بس کر دیں", "اسٹاپ کریں", "سٹاپ کریں", "بند کرو بھائی", "میسج نہیں چاہیے", "میسج نہیں چاہئیں", "میسجز نہیں چاہئیں")
    + _v(*_grid(("", "مزید", "اب", "مجھے", "اب مجھے", "مجھے مزید"), _MESSAGE,
                ("بند کریں", "بند کرو", "بند کر دیں", "بند کردیں", "مت بھیجیں", "نہ بھیجیں", "مت بھیجو", "نہ بھیجو",
                 "مت کریں", "نہ کریں", "بند"))),
    start=_v("شروع", "شروع کریں", "دوبارہ شروع", "دوبارہ شروع کریں", "ہاں", "جی ہاں", "سٹارٹ", "اسٹارٹ", "شروع کرو",
             "پھر سے شروع", "پھر سے شروع کریں", "دوبارہ", "سبسکرائب", "ری سٹارٹ", "میسج شروع کریں", "میسج دوبارہ شروع کریں"),
    help=_v("مدد", "مدد چاہیے", "مدد چاہئے", "ہیلپ", "مدد کریں", "میری مدد کریں", "میری مدد کرو", "مدد کرو", "مدد کیجیے",
            "مدد کیجئے", "ہیلپ کریں", "ہیلپ چاہیے", "مینو", "یہ کیسے کام کرتا ہے", "کیسے استعمال کروں", "کیا کر سکتے ہیں",
            "مدد درکار ہے", "مجھے مدد چاہیے"),
    more=_v("مزید", "اور", "اگلا", "اگلے", "اگلی", "مزید اسکول", "مزید سکول", "اور دکھائیں", "مزید دکھائیں", "اور اسکول",
            "اور بھی", "کچھ اور", "اور کوئی", "باقی", "آگے", "نیکسٹ", "مور", "اور ہیں", "مزید ہیں", "اور کون سے", "اور بتائیں",
            "مزید بتائیں", "اور دکھاؤ", "مزید دکھاؤ", "اگلے دکھائیں", "باقی دکھائیں", "باقی بتائیں", "مزید آپشن", "اور آپشن")
    + _v(*_grid(("مزید", "اور", "اگلے", "باقی", "دوسرے", "کچھ اور"), _SCHOOL + ("",),
                ("دکھائیں", "دکھاؤ", "بتائیں", "بتاؤ", "بھیجیں", "بھیجو", "دیں", "دکھا دیں", "بتا دیں"))),
    greeting=_v("السلام علیکم", "اسلام علیکم", "السلام و علیکم", "السلام وعلیکم", "اسلام و علیکم", "ہیلو", "ہائے", "آداب",
                "صبح بخیر", "سلام", "سلام علیکم", "السلام علیکم ورحمۃ اللہ", "السلام علیکم ورحمۃ اللہ وبرکاتہ",
                "السلام علیکم و رحمۃ اللہ", "ہائی", "ہیلو جی", "آداب عرض", "شام بخیر", "گڈ مارننگ", "گڈ ایوننگ", "اے او اے",
                "السلام علیکم جی", "سلام جی", "ہیلو ہائے", "وعلیکم السلام", "ہیلو سر")
    + ("aoa", "assalam o alaikum", "asalam o alaikum", "assalamualaikum", "assalamu alaikum", "aslam o alaikum"),
    wider=_v("دور تک", "اور دور", "زیادہ دور", "تھوڑا دور", "مزید دور", "دور والے"),
    human=_v("کسی سے بات", "بندے سے بات", "انسان سے بات", "کسی بندے", "نمائندے", "نمائندہ", "کال کریں", "فون کریں",
             "مجھے کال", "کسی شخص", "آدمی سے بات", "اسٹاف", "عملے", "کسی انسان", "مجھے فون", "ایجنٹ", "آپریٹر", "کسٹمر سروس",
             "ہیلپ لائن", "واپس کال", "کال بیک", "فون پر بات", "کسی آدمی", "کسی خاتون", "اصل انسان", "اصلی بندے"),
    compare=_v("موازنہ", "مقابلہ", "فرق", "کمپیئر", "کمپیر", "کمپئیر", "کون سا بہتر", "کونسا بہتر", "کون سا اچھا",
               "کونسا اچھا", "کون بہتر", "میں سے کون", "کون سا", "کونسا", "کون سی", "کونسی", "دونوں میں", "بہتر کون"),
    details=_v("تفصیل", "تفصیلات", "معلومات", "نمبر", "مزید بتائیں", "کے بارے میں بتائیں", "کے بارے میں", "پتہ", "ایڈریس",
               "فون نمبر", "کیسا ہے", "انفارمیشن", "انفو", "بتائیں"),
    school_words=_v("اسکول", "سکول", "اسکولوں", "سکولوں", "اسکولز", "سکولز", "اسکول کی", "مدرسہ", "اسکولس", "اسکوول"),
    grades={w: span for phrase, span in {
        "نرسری": (-1, -1), "پری کے": (-1, -1), "پری اسکول": (-1, -1), "پری سکول": (-1, -1), "پلے گروپ": (-1, -1),
        "پری کے جی": (-1, -1), "پری نرسری": (-1, -1), "پری کنڈرگارٹن": (-1, -1), "پری کنڈر": (-1, -1), "پلےگروپ": (-1, -1),
        "پری اسکولر": (-1, -1),
        "پریپ": (0, 0), "پریپ کلاس": (0, 0), "prep class": (0, 0), "prep klas": (0, 0),  # Pakistan's year before class one "پری کے پروگرام": (-1, -1),
        "تین سال کے": (-1, -1), "تین سال کی": (-1, -1), "تین سال کا": (-1, -1), "3 سال کے": (-1, -1), "3 سال کی": (-1, -1),
        "3 سال کا": (-1, -1), "چار سال کے": (-1, -1), "چار سال کی": (-1, -1), "چار سال کا": (-1, -1), "4 سال کے": (-1, -1),
        "4 سال کی": (-1, -1), "4 سال کا": (-1, -1),
        "کنڈرگارٹن": (0, 0), "کنڈر گارٹن": (0, 0), "کے جی": (0, 0), "کنڈرگارڈن": (0, 0), "کنڈر": (0, 0), "کنڈر گارڈن": (0, 0),
        "کنڈرگارٹین": (0, 0), "کینڈرگارٹن": (0, 0), "کنڈرگارٹن کلاس": (0, 0),
        "پرائمری": (0, 5), "پرائمری اسکول": (0, 5), "پرائمری سکول": (0, 5), "ایلیمنٹری": (0, 5), "ایلیمنٹری اسکول": (0, 5),
        "ابتدائی": (0, 5), "ابتدائی اسکول": (0, 5), "ایلیمینٹری": (0, 5), "الیمنٹری": (0, 5), "ایلمنٹری": (0, 5),
        "ایلیمنٹری سکول": (0, 5), "ایلیمنٹرى": (0, 5),
        "مڈل اسکول": (6, 8), "مڈل سکول": (6, 8), "مڈل": (6, 8), "مڈل کلاسز": (6, 8), "میڈل اسکول": (6, 8), "میڈل سکول": (6, 8),
        "مڈل اسکولز": (6, 8), "جونیئر ہائی": (6, 8), "مڈِل": (6, 8),
        "ہائی اسکول": (9, 12), "ہائی سکول": (9, 12), "ہائیسکول": (9, 12), "ہائی": (9, 12), "ہای اسکول": (9, 12),
        "ہائی اسکولز": (9, 12), "ثانوی": (9, 12), "ثانوی اسکول": (9, 12), "ہائی سکولز": (9, 12),
    }.items() for w in _v(phrase)},
    grade_patterns=(
        rf"(?<!\w){{n}}{_SUFFIX}? ?(?:{_GRADE_WORD})(?!\w)",
        rf"(?<!\w)(?:{_GRADE_WORD}) {{n}}{_SUFFIX}?(?!\w)",
        r"(?<!\w)(\d{1,2})(?:ویں|وین|واں|ويں)(?!\w)",  # "8ویں"
        rf"(?<!\w)({_FEMININE}) (?:میں|مین|ميں|مين)(?!\w)",  # "ایک دوسری میں اور ایک تیسری جماعت میں"
        rf"(?<!\w)({_HIGH_ORDINALS})(?!\w)",
        r"(?<!\w)(\d{1,2})(?:st|nd|rd|th) (?:me|mein|main|men|mai|mn)(?!\w)",  # "beta 7th mein h", "9th me jaye gi"
        # the first of a range: "چھٹی سے آٹھویں جماعت", "تیسری اور چوتھی کلاس"
        rf"(?<!\w){{n}}{_SUFFIX}? (?:سے|تا|اور|یا|سی|يا) (?=(?:\S+ ){{1,2}}(?:{_GRADE_WORD}|تک)(?!\w))",
    ),
    number_words=_NUMBER_WORDS,
    needs={
        "sped": _v("خصوصی تعلیم", "اسپیشل ایجوکیشن", "سپیشل ایجوکیشن", "اسپیشل ایجو", "خصوصی ضروریات", "خصوصی بچوں", "خصوصی بچہ",
                   "معذوری", "معذور", "iep", "آئی ای پی", "سپیشل نیڈز", "اسپیشل نیڈز", "اسپیچ تھراپی", "خصوصی ضرورت",
                   "خصوصی تعلیمی", "خسوصی تعلیم", "خسوصی تالیم", "خصوصی تالیم", "خصوصی تعلیم", "سپیشل ایڈ", "اسپیشل ایڈ",
                   "سپیشل ایجوکیشن", "اسپیشل نیڈ", "سپیشل نیڈ", "اسپیشل بچہ", "سپیشل بچہ", "اسپیشل بچے", "سپیشل بچے",
                   "خصوصی بچے", "خصوصی بچی", "اسپیشل ایجوکیشن", "ایجوکیشن اسپیشل", "لرننگ ڈس ایبلٹی", "لرننگ ڈسایبلٹی",
                   "لرننگ ڈس ایبیلٹی", "لرننگ ڈسبیلٹی", "ڈس ایبلٹی", "ڈسایبلٹی", "ڈس ایبیلٹی", "ڈس ابلٹی", "ڈس ایبل",
                   "لرننگ پرابلم", "لرننگ ڈس آرڈر", "سیکھنے میں مشکل", "سیکھنے میں دشواری", "سیکھنے کی معذوری",
                   "پڑھنے لکھنے میں مشکل", "پڑھنے میں مشکل", "پڑھائی میں مشکل", "ڈسلیکسیا", "ڈیسلیکسیا", "اے ڈی ایچ ڈی",
                   "ذہنی معذوری", "ذہنی معذور", "ڈاؤن سنڈروم", "سیریبرل پالسی", "سپیچ تھراپی", "بولنے میں مشکل", "اسپیچ",
                   "آئی ای پی والا", "آئ ای پی", "خصوصی مدد", "504 پلان", "adhd"),
        "ell": _v("ای ایس ایل", "esl", "ell", "ای ایل ایل", "انگلش لرنر", "انگلش لرنرز", "انگلش لرننگ", "نیوکمر", "نیو کمر",
                  "انگریزی کی کلاسیں", "انگلش کی کلاسیں", "انگریزی کا پروگرام")
        + _v(*_grid(_ENGLISH, ("سیکھ", "سیکھنے", "سیکھنی", "سیکھنا", "سیکھتا", "سیکھتی", "سیکھتے", "سیکھے", "نہیں", "بالکل نہیں",
                               "کم", "کمزور", "میں کمزور", "میں مدد", "کی مدد", "سپورٹ", "کی سپورٹ", "میں سپورٹ", "ہیلپ",
                               "کی ہیلپ", "میں ہیلپ", "کلاس", "کلاسز", "ٹیوشن", "سکھانے", "سکھائیں", "پڑھانے", "سمجھ نہیں",
                               "بولنا نہیں", "بول نہیں", "نہیں آتی", "نہیں آتا", "نہیں بولتا", "نہیں بولتی", "نہیں بولتے",
                               "نہیں جانتا", "نہیں جانتی", "نہیں جانتے", "نہیں سمجھتا", "نہیں سمجھتی"))),
        "dual_language": _v("ڈوئل لینگویج", "ڈیول لینگویج", "دوہری زبان", "دو زبانوں", "dual language", "دو لسانی", "دولسانی",
                            "بائی لنگول", "بائی لینگول", "بائیلنگول", "بائی لنگوئل", "بائی لنگوَل", "دو زبانی", "دوزبانی",
                            "ڈوئل لینگوئج", "ڈوول لینگویج", "ڈیوئل لینگویج", "ڈوئل لینگوئج", "ڈوئل لینگویج پروگرام",
                            "دو زبان", "دونوں زبانوں", "دونوں زبانیں", "امرشن", "ایمرشن", "ڈوئل", "دو زبانوں میں",
                            "بائلنگوئل", "بائلنگول", "بائلینگول", "بائی لینگوئل", "بائلنگوئیل"),
        "bus": _v("اسکول بس", "سکول بس", "بس سروس", "بس کی سہولت", "بس ہے", "بس ملتی", "بس کی", "اسکول ٹرانسپورٹ",
                  "سکول ٹرانسپورٹ", "پک اینڈ ڈراپ", "وین سروس", "بس دیتے", "اسکول بص", "سکول بص", "بص سروس", "بس ملے گی",
                  "بس ملے", "بس چاہیے", "بس چاہئے", "بس دیتا", "بس آتی", "بس جاتی", "بس چلتی", "بس کا انتظام",
                  "بس کی سروس", "بس سہولت", "پیلی بس", "یلو بس", "بس والا", "بس والی", "بس کے ذریعے", "اسکول وین",
                  "سکول وین", "وین کی سہولت", "ٹرانسپورٹیشن", "ٹرانسپورٹ کی سہولت", "ٹرانسپورٹ سروس", "ٹرانسپورٹ ملتی",
                  "پک ڈراپ", "بس لینے", "بس دستیاب", "بس کی سہولیات", "اسکول کی بس", "سکول کی بس", "اسکول کی بسیں", "بسیں"),
        "transit": _v("ٹرین", "سب وے", "میٹرو", "پبلک ٹرانسپورٹ", "لوکل ٹرین", "سی ٹی اے", "ٹرین اسٹیشن", "ٹرین سٹیشن",
                      "عوامی ٹرانسپورٹ", "ایل ٹرین", "سٹی بس", "بس اسٹاپ", "بس سٹاپ"),
        "accessible": _v("وہیل چیئر", "ویل چیئر", "وہیل چئیر", "لفٹ", "ایلیویٹر", "ریمپ", "وہیل چیر", "ویل چیر", "وھیل چیئر",
                         "ایلی ویٹر", "ایلیوٹر", "ریمپس", "سیڑھیاں نہیں چڑھ", "سیڑھیاں چڑھ نہیں", "سیڑھی نہیں چڑھ",
                         "سیڑھیاں چڑھنے", "سیڑھیاں چڑھنا", "سیڑھیاں نہیں", "سیڑھیوں", "چل نہیں سکتا", "چل نہیں سکتی",
                         "چلنے میں مشکل", "چلنے پھرنے", "قابل رسائی", "ایکسیسبل", "ایکسیسیبل", "وہیل چیئر استعمال",
                         "بیساکھی", "واکر"),
    },
    programs={
        "autism": _v("آٹزم", "آٹسٹک", "آٹیزم", "اوٹزم", "آٹیسٹک", "آٹسزم", "آٹزم سپیکٹرم", "آٹیزم", "autism", "autistic"),
        "deaf_hard_of_hearing": _v("بہرا", "بہری", "بہرے", "بہرہ", "بہراپن", "سماعت", "کم سنتا", "کم سنتی", "کم سنتے",
                                   "کم سنائی", "سنائی نہیں", "سن نہیں سکتا", "سن نہیں سکتی", "سن نہیں سکتے", "اونچا سنتا",
                                   "اونچا سنتی", "سننے میں مشکل", "سننے میں دشواری", "سننے کی مشین", "سننے کا آلہ",
                                   "آلہ سماعت", "ہیئرنگ ایڈ", "ہیرنگ ایڈ", "ڈیف", "اشاروں کی زبان", "سائن لینگویج",
                                   "کانوں کا مسئلہ", "کان کا مسئلہ", "ٹھیک سے سن نہیں", "ٹھیک سے نہیں سن", "سن نہیں پاتا",
                                   "سن نہیں پاتی", "قوت سماعت"),
        "visual_impairment": _v("نابینا", "نابینہ", "اندھا", "اندھی", "اندھے", "کم بینائی", "بینائی", "نظر کمزور",
                                "کمزور نظر", "نظر بہت کمزور", "نظر کم", "کم نظر", "دیکھ نہیں سکتا", "دیکھ نہیں سکتی",
                                "دیکھ نہیں سکتے", "بصارت", "بصری معذوری", "لو وژن", "لو ویژن", "بلائنڈ", "آنکھوں کا مسئلہ",
                                "آنکھوں کی کمزوری", "نظر کا مسئلہ", "بریل", "نظر کی کمزوری", "ٹھیک سے دیکھ نہیں",
                                "نظر بہت کم", "دکھائی نہیں دیتا", "آنکھیں کمزور", "آنکھ کمزور",
                                "آنکھوں کی روشنی", "آنکھوں میں مسئلہ", "آنکھوں کا مسئلہ", "نظر کی کمی", "نظر خراب"),
        "self_contained": _v("سیلف کنٹینڈ", "سیلف کونٹینڈ", "سیلف کانٹینڈ", "سیلف کنٹینیڈ", "سیلف کنٹینڈ کلاس", "الگ کلاس",
                             "علیحدہ کلاس", "الگ چھوٹی کلاس", "چھوٹی الگ کلاس", "الگ کلاس روم", "علیحدہ کلاس روم",
                             "الگ کمرہ", "خصوصی کلاس", "اسپیشل کلاس", "سپیشل کلاس", "الگ کلاسز", "الگ سے کلاس"),
        "inclusion": _v("انکلوژن", "انکلوزن", "انکلوشن", "انکلوسیو", "انکلوسو", "انکلوزو", "شمولیتی", "شمولیت",
                        "عام بچوں کے ساتھ", "نارمل بچوں کے ساتھ", "دوسرے بچوں کے ساتھ", "عام کلاس", "نارمل کلاس",
                        "ریگولر کلاس", "جنرل کلاس", "مین اسٹریم", "مین سٹریم", "عام کلاس روم", "انکلوسیو کلاس"),
        "resource": _v("ریسورس روم", "ریسورس", "ریسورس کلاس", "ریسورس ٹیچر", "ریسوس روم", "ری سورس", "پل آؤٹ", "پل آوٹ"),
        "significant_support": _v("شدید معذوری", "شدید معذور", "سنگین معذوری", "متعدد معذوری", "زیادہ معذوری",
                                  "بہت زیادہ مدد", "زیادہ سپورٹ", "بہت زیادہ سپورٹ", "مکمل سپورٹ", "انٹینسو", "انٹینسیو",
                                  "سگنیفیکنٹ سپورٹ", "ون آن ون", "ون ٹو ون", "ہر وقت مدد", "شدید ذہنی"),
        "early_childhood": _v("ارلی چائلڈہوڈ", "ارلی چائلڈ ہوڈ", "ارلی چائلڈھوڈ", "ارلی چائلڈہڈ", "ارلی چائلڈ ہڈ",
                              "ارلی چائلڈ", "ارلی انٹروینشن", "ارلی ایجوکیشن"),
    },
    sectors={
        "charter": _v("چارٹر", "چارٹر اسکول", "چارٹر سکول", "چاٹر", "چارتر", "چارٹرڈ", "چارٹرز"),
        "district": _v("سرکاری", "گورنمنٹ", "ڈسٹرکٹ", "پبلک اسکول", "پبلک سکول", "ضلعی", "سی پی ایس", "گورمنٹ",
                       "ڈسٹرکٹ اسکول", "ڈسٹرکٹ سکول", "محلے کا اسکول", "ڈسترکٹ"),
    },
    only=_v("کے علاوہ کچھ نہیں", "کے علاوہ اور کچھ نہیں", "کے سوا کچھ نہیں") + ("ke ilawa kuch nahi", "k ilawa kuch nahi",
                                                                         "ke alawa kuch nahi", "ke siwa kuch nahi"),
    negations=_v("نہیں", "نہ", "کے علاوہ", "علاوہ", "سوائے", "چھوڑ کر", "نہیں چاہیے", "نہیں چاہئے", "مت", "بغیر", "کے بجائے",
                 "بجائے", "کے سوا", "سوا", "نہیں چاہییں", "نہیں چاہیئے", "پسند نہیں")
    # Roman Urdu
    + ("nahi", "nahin", "nai", "mat", "bagair", "baghair", "ke ilawa", "k ilawa", "ke alawa", "ke siwa", "chhod kar",
       "chor kar", "nahi chahiye", "nahi chahie", "pasand nahi"),
    not_needed=_v("ضرورت نہیں", "کی ضرورت نہیں", "نہیں چاہیے", "نہیں چاہئے", "نہیں چاہیئے", "نہیں چاہییں", "نہیں چاہتے",
                  "نہیں چاہتی", "نہیں چاہتا", "نہیں جا سکتا", "نہیں جا سکتی", "نہیں جا سکتے", "نہیں بھیجنا",
                  "نہیں بھیجیں گے", "ضروری نہیں", "نہیں لینی", "نہیں لینا")
    + ("zaroorat nahi", "zarurat nahi", "zaroorat nahin", "nahi chahiye", "nahi chahie", "zaroori nahi"),
    languages={w: code for name, code in {
        "اردو": "ur", "ہسپانوی": "es", "اسپینش": "es", "سپینش": "es", "اسپینیش": "es", "سپینیش": "es", "ہسپانی": "es",
        "عربی": "ar", "بنگالی": "bn", "بنگلہ": "bn", "بنگلا": "bn", "پنجابی": "pa", "چینی": "zh", "چائنیز": "zh",
        "مینڈرن": "zh", "مینڈیرن": "zh", "فرانسیسی": "fr", "فرنچ": "fr", "ہندی": "hi", "پشتو": "ps", "فارسی": "fa",
        "پولش": "pl", "پولینڈ": "pl", "کورین": "ko", "کوریائی": "ko", "روسی": "ru", "رشین": "ru", "جاپانی": "ja",
        "ویتنامی": "vi", "صومالی": "so", "تگالوگ": "tl", "فلپائنی": "tl", "گجراتی": "gu", "اطالوی": "it", "اٹالین": "it",
        "جرمن": "de", "یونانی": "el", "کریول": "ht", "ہیٹی": "ht",
        # asked alone, a switch to English ("انگریزی" in a need sentence names no program)
        **{f"{eng} {ask}": "en" for eng in ("انگریزی میں", "انگلش میں", "انگلش مے")
           for ask in ("لکھیں", "لکھو", "لکھے", "بات کریں", "بات کرو", "جواب دیں", "جواب دو", "بھیجیں", "بھیجو", "بتائیں",
                       "بتاؤ", "میسج کریں", "پلیز", "پلز", "لکھ دیں", "بولیں", "چاہیے")},
    }.items() for w in _v(name)},
    ages=("سال", "برس"),  # after a number: a child's age, not a result number
    topics={"apply": _v("اپلائی", "داخلہ", "داخلے", "درخواست", "رجسٹریشن", "آخری تاریخ", "ایڈمیشن", "اندراج", "رجسٹر",
                        "ڈیڈ لائن", "ڈیڈلائن", "داخلہ فارم", "ایڈمیشن فارم", "اپلائی کیسے", "اپلیکیشن", "ایپلیکیشن")},
    cannot=("nahi kar sakta", "nahi kar sakti", "nahi ja sakta", "nahi ja sakti", "نہیں کر سکتا", "نہیں کر سکتی", "نہیں جا سکتا", "نہیں جا سکتی"),
)  # fmt: skip

# Roman Urdu commands, as typed on an English keyboard ("aur dikhao", "band karo", "madad chahiye")
LEXICON = replace(
    LEXICON,
    stop=LEXICON.stop
    + (
        "band karo",
        "band karein",
        "band kar do",
        "band kardo",
        "bnd karo",
        "message band karo",
        "msg band karo",
        "mat bhejo",
        "message mat bhejo",
        "msg mat bhejo",
        "ruk jao",
        "ruko",
        "bas karo",
        "روکو",
        "رک جاو",
    ),
    start=LEXICON.start + ("shuru karo", "shuru karein", "shuru karen", "dobara shuru", "phir se shuru", "start karo", "start karein"),
    help=LEXICON.help
    + (
        "madad",
        "madad chahiye",
        "madad chahie",
        "madad karo",
        "madad karein",
        "meri madad karo",
        "help karo",
        "help chahiye",
        "help karein",
        "kaise kaam karta hai",
        "kaise use karun",
    ),
    more=LEXICON.more
    + (
        "aur",
        "aur dikhao",
        "aur dikhaen",
        "aur dikhayen",
        "aur batao",
        "mazeed",
        "mazid",
        "mazeed dikhao",
        "agla",
        "aglay",
        "agle",
        "aur schools",
        "aur school",
        "baqi",
        "baqi dikhao",
        "next karo",
        "aur hain",
        "aur koi",
    ),
    human=LEXICON.human
    + (
        "kisi se baat",
        "kisi insan se baat",
        "kisi insaan se baat",
        "kisi bande se baat",
        "banday se baat",
        "mujhe call karo",
        "mujhe call karein",
        "mujhe call karen",
    ),
)

# Talk as families type it ("what is this", "el 2", "basta ya")
LEXICON = replace(
    LEXICON,
    help=LEXICON.help
    + (
        "یہ کیا ہے",
        "یہ کیا ہے؟",
        "کیسے کام کرتا ہے",
        "سمجھ نہیں آیا",
        "samajh nahi aya",
        "samajh nahi aai",
        "kya karun",
        "ye kya hai",
        "yeh kya hai",
        "kaise chalta hai",
    ),
    stop=LEXICON.stop + ("msg mat karo", "message mat karo", "msg na bhejo", "message na bhejo", "sms band karo"),
    more=LEXICON.more + ("aur options", "aur option", "aur schools batao", "aur bhi", "kuch aur"),
    details=LEXICON.details
    + ("ke bare mein", "ke bare me", "k bare main", "ke baare mein", "ki details", "details batao", "ki maloomat", "ki tafseel"),
)

# Needs said in a sentence ("ma hadlo ingiriisi", "english nahi bolta")
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"]
        + (
            "english nahi bolta",
            "english nahi bolti",
            "english nahi aati",
            "english nahi ati",
            "angrezi nahi aati",
            "angrezi nahi bolta",
            "angrezi nahi bolti",
            "english nahi samajhta",
            "english nahi samajhti",
            "english seekh raha",
            "english seekh rahi",
            "english sikhni hai",
            "english sikhna hai",
            "english ki madad",
            "angrezi ki madad",
        ),
    },
)

# School words as typed, in Latin letters too ("bishesh shikkha", "ibtida2iya")
LEXICON = replace(
    LEXICON,
    needs={
        **LEXICON.needs,
        "sped": LEXICON.needs["sped"]
        + ("khasusi taleem", "khusoosi taleem", "khasoosi taleem", "khusoosi talim", "khasusi talim", "khususi taleem", "special taleem"),
    },
)

# "We have no car": public transit, unless the school bus is asked for as well (`Lexicon.no_car`)
_NO_CAR = (
    "گاڑی نہیں",
    "گاڑی نہیں ہے",
    "ہمارے پاس گاڑی نہیں",
    "میرے پاس گاڑی نہیں",
    "کار نہیں",
    "گاڑی نہیں چلاتے",
    "گاڑی نہیں چلاتی",
    "gari nahi",
    "gaari nahi",
    "car nahi hai",
)
LEXICON = LEXICON.with_no_car(_NO_CAR)

# Roman Urdu as families text it: its own words vote for Urdu ("angrezi seekh raha hai", "do zabani program")
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("angrezi", "angraizi", "seekh", "seekhna", "seekhta", "seekhti", "zabani", "zaban", "zabaan",
                               "zabanon", "bolta", "bolti", "boltay", "aati", "aata", "sarkari", "hukumati", "bachay", "bachey",
                               "larka", "larki", "beta", "beti", "school wala", "school wali", "gari", "gaari", "nahi chahiye"),
    needs={
        **LEXICON.needs,
        "ell": LEXICON.needs["ell"] + tuple(f"{eng} {verb}" for eng in ("angrezi", "angraizi", "english", "inglish")
                                            for verb in ("seekh raha", "seekh rahi", "seekh rahe", "nahi aati", "nahi aata",
                                                         "nahi bolta", "nahi bolti", "nahi janta", "nahi janti", "kamzor",
                                                         "seekhna", "seekhni", "nahi samajhta", "nahi samajhti")),
        "dual_language": LEXICON.needs["dual_language"] + ("do zabani", "do zabanon", "dono zabanon", "do zaban", "dual zaban"),
        "sped": LEXICON.needs["sped"] + ("khusoosi taleem", "khususi taleem", "khasoosi taleem", "special taleem",
                                         "khusoosi bachay", "khusoosi bachon"),
    },
    sectors={**LEXICON.sectors, "district": LEXICON.sectors["district"] + ("sarkari", "sarkari school", "hukumati school")},
)  # fmt: skip

# Roman Urdu asking about one school ("2 k bare me batao")
LEXICON = replace(
    LEXICON,
    details=LEXICON.details + ("bare me", "bare mein", "baare mein", "baare me", "k bare me", "ke bare mein", "ki details",
                               "ke baare mein"),
    markers=LEXICON.markers + ("bta", "btao", "bare", "baare", "zrurat", "zaroori",
                               # the everyday words Roman Urdu shares with Filipino or Vietnamese ("ko", "koi", "ho")
                               "ko", "koi", "ho", "hy", "hn", "ap", "apko", "mujhy", "mjhy", "skty", "sakte", "sakta", "sakti",
                               # everyday Roman Urdu, written out and written short ("bhej dein", "krwa do", "khn h")
                               "bhej", "bhejo", "bhejein", "bhejen", "dein", "dijiye", "kro", "krna", "krwa", "karwa",
                               "krwao", "karwao", "kisi", "bnde", "bande", "banday", "baat", "khn", "kidhar", "intzam",
                               "intezam", "shroo", "shuru", "dobara", "dubara", "kese", "krta", "karta", "krti", "karti",
                               "madd", "chaihe", "chahiya", "chaheye", "hoga", "hogi", "milega", "milegi", "kr", "krein"),
)  # fmt: skip

# More Roman Urdu: classes by their ordinal, sight and hearing in a sentence, comparing and details
_ROMAN_ORDINALS = {"pehli": 1, "pehla": 1, "doosri": 2, "dusri": 2, "teesri": 3, "tisri": 3, "chauthi": 4, "chothi": 4,
                   "panchvi": 5, "panchwi": 5, "panchween": 5, "chhati": 6, "chhatti": 6, "chatti": 6, "satvi": 7, "saatvi": 7,
                   "athvi": 8, "aathvi": 8, "navi": 9, "nauvi": 9, "dasvi": 10, "daswi": 10}  # fmt: skip
LEXICON = replace(
    LEXICON,
    markers=LEXICON.markers + ("sakta", "sakti", "sakte", "karta", "karti", "karte", "istemal", "sahulat", "jayega", "jayegi",
                               "jata", "jati", "muqabla", "muqabila", "tafseel", "tafseelat", "bachi", "bacha", "aata", "aati",
                               "jamaat", "jamat", "sunta", "sunti", "dekhta", "dekhti", "zubanon", "zubaan", "dono"),
    grades={**LEXICON.grades, **{f"{o} {w}": (n, n) for o, n in _ROMAN_ORDINALS.items() for w in ("jamaat", "jamat", "class")}},
    programs={
        **LEXICON.programs,
        "deaf_hard_of_hearing": LEXICON.programs["deaf_hard_of_hearing"] + ("sun nahi sakta", "sun nahi sakti", "sun nahi pata",
                                                                            "behra", "behri", "kam sunta", "kam sunti", "oncha sunta",
                                                                            "oncha sunti"),
        "visual_impairment": LEXICON.programs["visual_impairment"] + ("dekh nahi sakta", "dekh nahi sakti", "andha", "andhi",
                                                                      "nazar kamzor", "kam dekhta", "kam dekhti"),
    },
    compare=LEXICON.compare + ("muqabla", "muqabila", "compare karo", "farq batao"),
    details=LEXICON.details + ("tafseel", "tafseelat", "maloomat"),
)  # fmt: skip

# Classes counted in Persian ordinals, as Pakistani schools name them ("جماعت ہشتم", "نہم جماعت")
_PERSIAN = {"اول": 1, "دوم": 2, "سوم": 3, "چہارم": 4, "پنجم": 5, "ششم": 6, "ہفتم": 7, "ہشتم": 8, "نہم": 9, "دہم": 10}
LEXICON = replace(
    LEXICON,
    grades={**LEXICON.grades, **{p: (n, n) for o, n in _PERSIAN.items() for w in ("جماعت", "کلاس")
                                 for p in (f"{w} {o}", f"{o} {w}")}},
)  # fmt: skip

# Newcomers said in a sentence ("ہم نئے آئے ہیں")
LEXICON = replace(
    LEXICON,
    needs={**LEXICON.needs, "ell": LEXICON.needs["ell"] + ("نئے آئے ہیں", "نئے آئے", "ابھی آئے ہیں", "حال ہی میں آئے",
                                                            "نئے نئے آئے", "abhi aaye hain", "naye aaye hain")},
)  # fmt: skip
LEXICON = replace(
    LEXICON,
    classroom=("class", "کلاس", "کلاسز", "jamaat"),
    apart=("alag", "الگ", "علیحدہ", "alehda"),
    small=("chhoti", "choti", "chhota", "چھوٹی", "چھوٹا"),
)

# "start the messages again", as typed: "kr" for kar, "msg" for message
LEXICON = replace(
    LEXICON,
    start=LEXICON.start
    + (
        "shuru kr do",
        "shuru kar do",
        "shuru kr den",
        "shuru kar dein",
        "dobara shuru kr do",
        "dobara shuru kar do",
        "msg dobara shuru kr do",
        "msg dobara shuru karo",
        "message dobara shuru karo",
        "msg shuru kr do",
        "phir se shuru kr do",
    ),
)

# Roman Urdu written short, vowels dropped as in any SMS ("bnd kro", "krwa do", "shroo", "khn h"), and its greetings
LEXICON = replace(
    LEXICON,
    shorthand={**LEXICON.shorthand, "kro": "karo", "bnd": "band", "shroo": "shuru", "shuroo": "shuru",
               "shru": "shuru", "krwa": "karwa", "krwao": "karwao", "krna": "karna", "krein": "karein", "kren": "karen",
               "kr": "kar", "bnde": "bande", "bndy": "bande", "bat": "baat", "bt": "baat", "khn": "kahan", "kse": "kaise",
               "kese": "kaise", "mdd": "madad", "madd": "madad", "chaihe": "chahiye", "chahiya": "chahiye", "chaheye": "chahiye",
               "chhiye": "chahiye", "dbara": "dobara", "dubara": "dobara"},
    greeting=LEXICON.greeting + ("adaab", "aadab", "adab", "adaab arz"),
)  # fmt: skip

# The school bus as Roman Urdu writes it by ear ("skool bass", "bass ki sahulat")
LEXICON = replace(
    LEXICON,
    needs={**LEXICON.needs, "bus": LEXICON.needs["bus"] + ("bass", "school bass", "bass service", "bass ki sahulat")},
)  # fmt: skip

# "high school" as it sounds ("hai skul", "hay school"; "skul" is English's "school" written short)
LEXICON = replace(LEXICON, grades={**LEXICON.grades, **{f"{high} school": (9, 12) for high in ("hai", "hay", "haai", "hayy")}})

# A class by its cardinal ("کلاس نو", "جماعت سات"); special education in the words Arabic says it with ("خاص تعلیم")
_URDU_CARDINALS = {"ایک": 1, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6, "چھے": 6, "سات": 7, "آٹھ": 8, "نو": 9, "دس": 10,
                   "گیارہ": 11, "بارہ": 12}  # fmt: skip
LEXICON = replace(
    LEXICON,
    grades={**LEXICON.grades, **{f"{cls} {number}": (n, n) for cls in ("کلاس", "جماعت") for number, n in _URDU_CARDINALS.items()}},
    needs={**LEXICON.needs, "sped": LEXICON.needs["sped"] + ("خاص تعلیم", "خاص تعلیمی", "خاص تعلیم والے")},
)  # fmt: skip
# "تعلیم" with its long vowel left out, as quickly typed ("خصوصی تعلم")
LEXICON = replace(
    LEXICON,
    needs={**LEXICON.needs, "sped": LEXICON.needs["sped"] + tuple(p.replace("تعلیم", "تعلم") for p in LEXICON.needs["sped"] if "تعلیم" in p)},
)  # fmt: skip

# A teacher ("خاص استاد"), no typo of "اسٹاف" (staff) once its retroflex letter is read as an Arabic keyboard writes it
LEXICON = replace(LEXICON, markers=LEXICON.markers + ("استاد", "استانی", "استادوں", "اساتذہ"))

# "nhi" (nahi) written short after what it rules out ("srkari hi chahiye, charter nhi")
LEXICON = replace(LEXICON, negations=LEXICON.negations + ("nhi",))
