"""Understanding a text message: language, intent and search facets. Pure.

`parse(text, locale=None)` reads one message; `as_dict()` gives the contract of DESIGN.md
"The SMS bot". Keyword lexicons (`sms.lexicons`) do the work for short texts; the script
tells most languages apart, and lingua (restricted to our Latin-script languages, low-accuracy
mode: about 30 MB) breaks ties in longer Latin-script texts. School names are resolved
against a `SchoolNames` index when one is given.
"""

import bisect
import os
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from catalog.text import fold
from catalog.vocabulary import SPED_PROGRAMS
from sms import chinese_scripts, common_words
from sms.lexicons import BENGALI_SIGNS, LOCALES, PRIVATE, Lexicon, load_all

MAX_TEXT = 1600  # longer texts are read up to here: 10 full segments is far past any question
INTENTS = ("search", "details", "more", "compare", "help", "language", "human", "stop", "start", "greeting", "unknown")
NEED_ORDER = ("sped", "ell", "dual_language", "bus", "transit", "accessible")
ZIP_RE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
# "2", "#2", "2,4", "1/3", "3-4", not "2.5", nor a digit inside a Latin or Cyrillic word ("6h", "mo7tajeen", "3ala")
NUMBER_RE = re.compile(r"(?<![\d.A-Za-z\u00c0-\u024f\u0400-\u04ff])(\d{1,2})(?!\d|\.\d|[A-Za-z\u00c0-\u024f\u0400-\u04ff])")
# Clauses: what a "not" rules out is in its own clause ("not charter, only district schools").
CLAUSE_RE = re.compile(r"[.,;:!?¡¿،؛؟۔，。；：！？、।\n]+|\s[-–—]\s")
# Characters that only one of the two Chinese scripts uses, for the common words of our domain.
SIMPLIFIED = frozenset(
    chinese_scripts.SIMPLIFIED_ONLY + "学们这区级车读书语双国问请说个为吗没话难门间题钟颜离远开帮较详园啰阅订传电页妈扰讯视虑许邮认"
    "对讲论还么会时发长样里过师习边进动业东两专无见现实经应关点种给让谁识该课儿几后从体别办务医华单卖岁员图场备头奖孙宁导层岛带广庆张录总报担择护换据数断旧显术机杂权条来极构标树桥检欢毕气测济减温满灵热爱状独环画监盘码礼积称稳笔简类纪约纸线组细终结绍绩续网罗职联声脑节范药补规览觉计训记设证评试询误谈负责贵费资赛转轻辅运连选递钱铁银闻队际阳阶险随顺须领风饭馆验鱼鸟龄号乐买亲义产价众优伤参变听启响围处复够妇宝审宽寻将尔尽届属币帐库异张归当忆怀态惊惯愿战执扩扫拥挂损摄摆敌旷显晓暂杀枪柜栏梦楼欧汇汉沟泪洁涂渐湾灭灯炉烟烦烧爷独猫献畅疗盖矿确税穷竞签紧纠红纯纳练织绕绘络绝统继维综绿缓编缘缩罚聪肤胜脚艺苏荐荣获营蓝虽装观议访诉词译诚诸调谢贝贡财败货质购贴贺赖趋践轨轮软载辆输达迁迈违迟适遗邻释针钢钥销锁错镇镜闭闲闷闹阔陆陈隐雾顶项顾顿预频额飞饮饱养马驶驻骑骗鲜鸡齐龙"
    "与严乌亚册写况刚协圆宾残瘫础碍禄聋蜗谱韩黄兰"
)
# ... and Cantonese's own characters, written in Traditional ("想知多啲", "唔該")
TRADITIONAL = frozenset(chinese_scripts.TRADITIONAL_ONLY + "學們這區級車讀書語雙國問請說個為嗎沒話難門間題鐘顏離遠開幫較詳園囉閱訂傳電頁媽擾訊視慮許郵認"
                        "嘅唔冇喺搵啲俾嚟係佢睇咗畀傾嘢乜咩啱嗰噉咁揸諗攞哋囡叻"
                        "亞冊剛協嚴圓寫況殘癱礙祿繫聾與蘭蝸譜賓週韓黃烏礎"
                        "對講論還麼會時發長樣裡過師習邊進動業東兩專無見現實經應關點種給讓誰識該課兒幾後從體別辦務醫華單賣歲員圖場備頭獎孫寧導層島帶廣慶張錄總報擔擇護換據數斷舊顯術機雜權條來極構標樹橋檢歡畢氣測濟減溫滿靈熱愛狀獨環畫監盤碼禮積稱穩筆簡類紀約紙線組細終結紹績續網羅職聯聲腦節範藥補規覽覺計訓記設證評試詢誤談負責貴費資賽轉輕輔運連選遞錢鐵銀聞隊際陽階險隨順須領風飯館驗魚鳥齡號樂買親義產價眾優傷參變聽啟響圍處複夠婦寶審寬尋將爾盡屆屬幣帳庫異張歸當憶懷態驚慣願戰執擴掃擁掛損攝擺敵曠顯曉暫殺槍櫃欄夢樓歐匯漢溝淚潔塗漸灣滅燈爐煙煩燒爺獨貓獻暢療蓋礦確稅窮競簽緊糾紅純納練織繞繪絡絕統繼維綜綠緩編緣縮罰聰膚勝腳藝蘇薦榮獲營藍雖裝觀議訪訴詞譯誠諸調謝貝貢財敗貨質購貼賀賴趨踐軌輪軟載輛輸達遷邁違遲適遺鄰釋針鋼鑰銷鎖錯鎮鏡閉閒悶鬧闊陸陳隱霧頂項顧頓預頻額飛飲飽養馬駛駐騎騙鮮雞齊龍")  # fmt: skip
# A Latin word glued to Han or Hangul ("dual language的小学", "Curie高中") is split off it.
_LATIN_CJK_BOUNDARY = re.compile(
    r"(?<=[A-Za-z])(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?=[A-Za-z])"
)
_LATIN_WITH_DIGITS = re.compile(r"[A-Za-z0-9]*(?:[A-Za-z][0-9]|[0-9][A-Za-z])[A-Za-z0-9]*")
URDU_LETTERS = frozenset("ٹڈڑںےۓھگکیہۂۃپ")
# Arabic as typed on phones: a final yeh without its dots ("التالى"), a ta marbuta written as heh
# ("مدرسه"), a stretched letter ("مـدرسة"): one spelling each, in messages and lexicons alike
# Bengali likewise: long and short i and u, and the two n's, are often swapped ("শ্রেণী"/"শ্রেণি", "শিক্ষার্থী")
# Bengali's vowel signs are left out (`sms.lexicons.BENGALI_SIGNS`): a word stays one word
# and its two r's, swapped as often ("ছারা" ছাড়া, "পরে" পড়ে)
SPELLING_VARIANTS = str.maketrans(
    {"\u0649": "\u064a", "\u0629": "\u0647", "\u0640": None, "\u09a3": "\u09a8", "\u0988": "\u0987", "\u098a": "\u0989",
     "\u09dc": "\u09b0", **BENGALI_SIGNS}
)  # fmt: skip
# Bengali's three s's, swapped as often ("বিষেশ", "বিসেস" বিশেষ; "ইংলিস"): one in what is matched, Bengali messages and
# lexicons alike, but not in the text a school's name is sounded from ("শেখার", of learning, is no "school")
BENGALI_SIBILANTS = str.maketrans({"\u09b6": "\u09b8", "\u09b7": "\u09b8"})
# Urdu's own yeh, kaf and heh, as an Arabic keyboard writes them: Urdu typed on either keyboard, or on both
# at once ("خصوصى تعلیم"), is one spelling. Read after the script has told Urdu from Arabic by these letters.
# Its retroflex letters and its aspirate heh too, which an Arabic keyboard has not: "بیتی", "مدل", "چهتی" are
# بیٹی, مڈل, چھٹی typed without them
READ_AS_ARABIC_LETTERS = str.maketrans(
    {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u0679": "\u062a", "\u0688": "\u062f", "\u0691": "\u0631",
     "\u06be": "\u0647"}
)  # fmt: skip
KEYBOARD_VARIANTS = str.maketrans({**SPELLING_VARIANTS, **READ_AS_ARABIC_LETTERS, **BENGALI_SIBILANTS})
# Every script's decimal digits → ASCII digits.
_DIGITS = {cp: str(unicodedata.digit(chr(cp))) for cp in range(0x80, 0x10000) if unicodedata.category(chr(cp)) == "Nd"}


@dataclass(frozen=True)
class Understanding:
    language: str | None = None
    intent: str = "unknown"
    grades: tuple[int, int] | None = None
    near: str | None = None
    sector: str | None = None
    needs: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()  # specific special-education programs ("autism"); each implies need "sped"
    program_language: str | None = None
    school: str | None = None  # the school's name in the catalog
    school_id: str | None = None
    choices: tuple[int, ...] = ()
    topic: str | None = None  # "apply" when the message asks how to apply
    wider: bool = False
    # words that look like a need or a grade but were not understood, each with what it looks like
    # ("speshul", "sped"), or with `NO_FILTER` when it asks what the catalog has no fact for ("gifted", "no_filter"):
    # the bot asks about them rather than dropping them (not in the contract's dict)
    unclear: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict:
        """Return the contract of DESIGN.md: exactly these keys."""
        return {
            "language": self.language,
            "intent": self.intent,
            "grades": list(self.grades) if self.grades else None,
            "near": self.near,
            "sector": self.sector,
            "needs": sorted(self.needs),
            "programs": sorted(self.programs),
            "program_language": self.program_language,
            "school": self.school,
            "choices": list(self.choices),
        }


GENERIC_NAME_WORDS = frozenset(
    "school schools high elementary middle academy community college prep preparatory charter public the of and "
    "for at campus international magnet center centre early childhood math science arts stem career military "
    "language languages dual bilingual world global leadership learning technology new york chicago city "
    "ps is ms hs jhs p s i m h elem acad jr sr st saint upper lower east west north south specialty es".split()
)


TYPO_SHORTEST = 4  # words shorter than this are never read as a typo of another ("bis" is not "bus")


def typo_distance(length: int) -> int:
    """The edits (a swap of two letters is one) a word of this length may be away from the word
    it is read as: "grde" → "grade", "scool" → "school", "speshal" → "special"."""
    return 1 if length <= 6 else 2


NAME_MATCH = 85  # fuzz.ratio a text's word needs to count as a word of a school's name
SHORT_NAME_WORD = 5  # a name word shorter than this is matched only as written
TYPO_NAME_SHORTEST = 5  # a word this long may also be one letter swapped or changed from a name's word


def _can_match(length: int, other: int) -> bool:
    """Say whether words of these lengths may reach NAME_MATCH: fuzz.ratio is at most
    100 × (1 − |a − b| / (a + b)), since turning one into the other takes |a − b| edits at least
    (a point of slack for rounding: a word scored for nothing costs only time)."""
    return 100 * (1 - abs(length - other) / (length + other)) >= NAME_MATCH - 1


def _name_words(text: str) -> list[str]:
    return [w for w in fold(text).split() if len(w) > 2 and w not in GENERIC_NAME_WORDS and not w.isdigit()]


# Letters of other scripts as Latin, for how a name sounds: Cyrillic, Arabic and Urdu (as folded), Bengali, Hangul jamo
_AS_LATIN = str.maketrans(
    {
        **dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюя", ["a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                                                      "o", "p", "r", "s", "t", "u", "f", "h", "s", "ch", "sh", "sch", "", "y",
                                                      "", "e", "yu", "ya"], strict=True)),
        **dict(zip("اآأإبپتٹثجچحخدڈذرڑزژسشصضطظعغفقكگلمنںوهةيئؤءےھ", ["a", "a", "a", "i", "b", "p", "t", "t", "s", "j", "ch",
                                                                  "h", "kh", "d", "d", "z", "r", "r", "z", "zh", "s", "sh",
                                                                  "s", "z", "t", "z", "", "gh", "f", "q", "k", "g", "l", "m",
                                                                  "n", "n", "w", "h", "h", "y", "y", "w", "", "e", "h"],
                   strict=True)),
        "\u06cc": "y", "\u06a9": "k", "\u06c1": "h", "\u06c3": "h", "\u06d3": "e",  # Urdu's own yeh, kaf, heh
        **dict(zip("\u0985\u0986\u0987\u0988\u0989\u098a\u098f\u0990\u0993\u0994", ["a", "a", "i", "i", "u", "u", "e", "oi",
                                                                               "o", "ou"], strict=True)),  # Bengali vowels
        **dict(zip(map(chr, range(0x0995, 0x09ba)), ["k", "kh", "g", "gh", "ng", "ch", "ch", "j", "jh", "n", "t", "th", "d", "dh",
                                                     "n", "t", "th", "d", "dh", "n", "", "p", "f", "b", "bh", "m", "j", "r", "",
                                                     "l", "", "", "", "sh", "sh", "s", "h"], strict=True)),  # ... consonants
        "\u09ce": "t", "\u0982": "ng",
        **dict(zip(map(chr, range(0x1100, 0x1113)), ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
                                                     "ch", "k", "t", "p", "h"], strict=True)),
        **{chr(cp): "a" for cp in range(0x1161, 0x1176)},  # Hangul vowels
        **dict(zip(map(chr, range(0x11A8, 0x11C3)), ["k", "kk", "ks", "n", "nj", "nh", "t", "l", "lk", "lm", "lb", "ls", "lt",
                                                     "lp", "lh", "m", "p", "ps", "t", "ss", "ng", "j", "ch", "k", "t", "p", "h"],
                   strict=True)),
    }
)  # fmt: skip
_SOUNDS = (("dzh", "s"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("th", "d"), ("ph", "b"), ("kh", "k"),
           ("gh", "k"), ("ck", "k"), ("qu", "k"), ("ng", "n"))  # fmt: skip
_SOUND_CLASSES = str.maketrans("bpfvdtgkcqszjxlrmn", "bbbbddkkkkssssrrmn", "aeiouywh")
SOUND_KEY_SHORTEST = 2  # consonants a name word's sound needs to be matched by ("kr" is Carl beside "srs", Schurz)
SOUND_ALONE_MATCH = 60  # fuzz.ratio of a name word alone, as Latin letters, to the name's ("iyts" is "yates")


def _as_latin(word: str) -> str:
    """A word in Latin letters, roughly, whatever its script ("শুর্জ" → "shurj", "Лоуэлл" → "louell")."""
    decomposed = unicodedata.normalize("NFKD", word.lower()).replace("\u09af\u09bc", "y")  # Bengali "য়" is y
    return "".join(ch for ch in decomposed.translate(_AS_LATIN) if ch.isascii() and ch.isalpha())


_TOKEN_RE = re.compile(r"[^\s\d.,;:!?¡¿،؛؟۔，。；：！？、।()\"'“”‘’«»/&+#*-]+")
# the kinds of school after a name, as other scripts write them: "school", "elementary", "academy", "middle" by their
# sound, "high" by its letters ("হাই", "ہائی", "хай", "하이")
_TAIL_SOUNDS = frozenset(("skr", "rmndr", "kdm", "mdr"))
_HIGH = frozenset(("hi", "hai", "hay", "hayy", "haay", "khai", "khay", "haa", "hay"))


def _is_name_tail(token: str) -> bool:
    """Say whether a word in another script is the English word for a kind of school ("স্কুলে", "ایلیمنٹری", "하이"),
    its s no "sh" ("শেখার", of learning, sounds "skr" as school does)."""
    if token.isascii():
        return False
    latin = _as_latin(token)
    return (sound_key(token).lstrip("_") in _TAIL_SOUNDS and "sh" not in latin[:3]) or latin in _HIGH


def _is_known(token: str) -> bool:
    """Say whether a word is a lexicon's, or an English school word as the script writes it ("পাবলিক" is public,
    not Black)."""
    folded = fold(token.translate(KEYBOARD_VARIANTS))
    if folded in _all_vocabulary() or sound_key(token) in _english_sounds():
        return True
    return " " in folded and any(folded in c.multiword_phrases for c in _lexicons().values())


# English school words families write in their script ("পাবলিক স্কুল", "چارٹر", "ডিস্ট্রিক্ট")
_BORROWED = ("public", "charter", "district", "special", "education", "english", "class", "program", "kindergarten", "preschool",
             "autism", "wheelchair", "bilingual", "language", "support", "service", "teacher", "center")  # fmt: skip


@lru_cache(maxsize=1)
def _english_sounds() -> frozenset[str]:
    return frozenset(sound_key(w) for w in _BORROWED)


def _without_sounded_name(folded: str, text: str, schools: "SchoolNames") -> str:
    """The message without a school's name written in another script, and the kind of school after it
    ("কার্ল শুর্জ হাই স্কুলে" asks for no high school)."""
    tokens = _TOKEN_RE.findall(text)
    sounded = schools.sounded(text)
    dropped, after_name = [], False
    for token in tokens:
        if token in sounded or (after_name and _is_name_tail(token)):
            dropped.append(token)
            after_name = True
        else:
            after_name = False
    words = folded.split()
    for token in dropped:  # as written, or as a typo was read ("এলিমেন্টারির" as "এলিমেন্টারি")
        written = fold(token.translate(KEYBOARD_VARIANTS)).split()
        for at in range(len(words) - len(written) + 1):
            if all(w == x or (w[:1] == x[:1] and OSA.distance(w, x) <= 1) for w, x in zip(words[at:], written, strict=False)):
                del words[at : at + len(written)]
                break
    return " ".join(words)


@lru_cache(maxsize=1024)
def sound_key(word: str) -> str:
    """How a (folded) word sounds, roughly: its consonants in classes, in any script ("schurz", "শুর্জ" → "srs";
    "mozart", "موزارٹ" → "msrd"; "joplin", "Джоплин" → "sbrn"). Vowels are left out: Arabic and Bengali as
    typed do not write them all."""
    latin = _as_latin(word)
    for written, sound in _SOUNDS:
        latin = latin.replace(written, sound)
    key = re.sub(r"(.)\1+", r"\1", latin.translate(_SOUND_CLASSES))
    return f"_{key}" if key and latin[:1] in "aeiouywh" else key  # "ashburn" is no "joplin": a vowel first is said


# a school's kind written short, as the catalog's names write it whole
KIND_WRITTEN_SHORT = {"hs": "high", "ms": "middle", "elem": "elementary", "acad": "academy"}
# a school's kind written after its name as it sounds, in Arabic or Bengali letters ("Curie ہائی اسکول", "Senn هائي
# اسكول") or misspelt ("Corlis Hight School", "west ridge elementry"): the name's, no grade asked
_KIND_AS_WRITTEN = {
    **dict.fromkeys(("ہائی", "هائي", "ہای", "هاي", "ہائ", "হাই", "hight", "hi", "hai", "hay"), "high"),
    **dict.fromkeys(("ایلیمنٹری", "ایلیمینٹری", "ايليمنتري", "এলিমেন্টারি", "ইলিমেন্টারি", "elementry", "elemntary", "elemetary",
                     "elementery"), "elementary"),
    **dict.fromkeys(("مڈل", "میڈل", "মিডল", "midle", "middel", "midl"), "middle"),
    **dict.fromkeys(("اسکول", "اسكول", "سکول", "سكول", "স্কুল", "স্কুলে", "skool", "skul", "scool", "schol", "shool"), "school"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _kinds_as_written() -> dict[str, str]:
    """`_KIND_AS_WRITTEN` folded as a message is, with and without Urdu's letters read as Arabic's."""
    return {fold(w.translate(t)): kind for w, kind in _KIND_AS_WRITTEN.items() for t in ({}, KEYBOARD_VARIANTS)}


@dataclass(frozen=True)
class SchoolNames:
    """An index of catalog school names for fuzzy look-up ("kelly high" → "Thomas Kelly High School").

    A school is named when the text holds its distinctive name words (not "high", "academy", …),
    allowing for typos; the school whose words are matched best wins, and a tie names none.
    """

    ids: tuple[str, ...]
    names: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    vocabulary: tuple[str, ...]
    schools_by_word: dict
    # word length → the vocabulary words (in vocabulary order) long enough and short enough to
    # reach NAME_MATCH against a word of that length: the rest cannot, so they are not scored
    vocabulary_by_length: dict[int, tuple[str, ...]]
    # the sound of each name word (`sound_key`: "schurz" → "srs") → the name words that sound so: a name written in
    # another script ("শুর্জ", "موزارٹ", "Джоплин") is found by it
    by_sound: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, schools: list[tuple[str, str]]) -> "SchoolNames":
        # each word and each school's words kept once, and the schools of a word as 4-byte numbers:
        # at 100,000 schools this index took 22 MB a process with a string and an int object per use
        canonical: dict = {}
        words = tuple(
            canonical.setdefault(found, found)
            for found in (tuple(canonical.setdefault(w, w) for w in dict.fromkeys(_name_words(name))) for _id, name in schools)
        )
        by_word: dict[str, array] = {}
        for index, school_words in enumerate(words):
            for word in school_words:
                by_word.setdefault(word, array("I")).append(index)
        vocabulary = tuple(by_word)
        longest = max(map(len, vocabulary), default=0)
        by_length = {n: tuple(w for w in vocabulary if _can_match(n, len(w))) for n in range(1, longest + 2)}
        by_sound: dict[str, list[str]] = {}
        for word in vocabulary:
            key = sound_key(word)
            if len(key.lstrip("_")) >= SOUND_KEY_SHORTEST:
                by_sound.setdefault(key, []).append(word)
        sounds = {key: tuple(found) for key, found in by_sound.items()}
        return cls(tuple(i for i, _n in schools), tuple(n for _i, n in schools), words, vocabulary, by_word, by_length, sounds)

    @staticmethod
    def key_of(name: str) -> str:
        """A name's distinctive words, folded: "Kelly High" and "kelly" are one key."""
        return " ".join(_name_words(name))

    def find(self, text: str) -> tuple[str, str] | None:
        """Return (id, name) of the school the text names, or None."""
        best, _written = self._named(text)
        return (self.ids[best], self.names[best]) if best is not None else None

    def named(self, text: str) -> tuple[str | None, str] | None:
        """Return (id, name) of the school the text names; (None, the name as the text writes it)
        when it names two schools as well ("Haugan": Haugan Elementary and ASPIRA Haugan Middle),
        so that the question is still about a school; None when it names none."""
        best, written = self._named(text)
        if best is not None:
            return self.ids[best], self.names[best]
        return (None, written) if written else None

    def sounded(self, text: str) -> dict[str, tuple[str, ...]]:
        """The words of the text in another script that sound as name words do ("শুর্জ" → ("schurz",)): three
        consonants at least, or two before a word for a kind of school ("ইয়েটস এলিমেন্টারি")."""
        if text.isascii():
            return {}
        tokens = [t for t in _TOKEN_RE.findall(text) if not t.isascii()]
        kinds = [_is_name_tail(t) for t in tokens]
        keys = ["" if kind or _is_known(t) else sound_key(t) for t, kind in zip(tokens, kinds, strict=True)]
        named = [key in self.by_sound for key in keys]
        found = {}
        for at, token in enumerate(tokens):
            if not named[at]:
                continue
            # a name stands before the English word for its kind of school as the script writes it ("ইয়েটস
            # এলিমেন্টারি", "কার্ল শুর্জ হাই স্কুলে"): two words of it, or one written much as the name is
            run_end = next((i for i in range(at, len(tokens)) if not named[i]), len(tokens))
            run_start = next((i for i in range(at, -1, -1) if not named[i]), -1)
            if run_end == len(tokens) or not kinds[run_end]:
                continue
            if run_end - run_start > 2:
                found[token] = self.by_sound[keys[at]]
            else:
                latin = _as_latin(token)
                close = tuple(w for w in self.by_sound[keys[at]] if fuzz.ratio(latin, w) >= SOUND_ALONE_MATCH)
                if close:
                    found[token] = close
        return found

    def _named(self, text: str) -> tuple[int | None, str | None]:
        matched: dict[int, dict[str, float]] = {}  # school → its words the text holds, and how well
        hits: dict[str, set[str]] = {}  # a word of the text → the name words it was read as
        words = set(_name_words(text))
        # words the lexicons know ("special", "bus", "grade") say what is asked, not which school
        sounded = self.sounded(text)
        for word, name_words in sounded.items():  # a name written in another script, by its sound
            hits.setdefault(word, set()).update(name_words)
            for name_word in name_words:
                for index in self.schools_by_word[name_word]:
                    matched.setdefault(index, {})[name_word] = NAME_MATCH
        for word in words - _all_vocabulary():
            if not word.isascii():
                continue
            candidates = self.vocabulary_by_length.get(min(len(word), len(self.vocabulary_by_length)), ())
            # a word read as a name word written otherwise is no common word of ours ("maison" is no Madison) and no
            # short one ("sabi" is no Sabin, "gran" no Grand); a short name word is written as it is ("heli" is no Eli)
            misspelt = len(word) >= SHORT_NAME_WORD and not _is_common(word)
            found = [
                (w, score)
                for w, score, _pos in process.extract(word, candidates, scorer=fuzz.ratio, limit=3, score_cutoff=NAME_MATCH)
                if w == word or (misspelt and len(w) >= SHORT_NAME_WORD)
            ]
            if not found and len(word) >= TYPO_NAME_SHORTEST and misspelt:
                # a letter swapped or changed, the first kept: "Schruz" is Schurz, "Fengar" is Fenger ("jahan" is no Jahn)
                same_start = [w for w in candidates if w[0] == word[0] and len(w) >= SHORT_NAME_WORD]
                found = [(w, NAME_MATCH) for w, _d, _pos in process.extract(word, same_start, scorer=OSA.distance, limit=3, score_cutoff=1)]
            for name_word, score in found:
                hits.setdefault(word, set()).add(name_word)
                for index in self.schools_by_word[name_word]:
                    school = matched.setdefault(index, {})
                    school[name_word] = max(score, school.get(name_word, 0))
        if not matched:
            return None, None
        # a lexicon word that is also one of a matched school's own words counts for it ("KIPP One", "Louisa May Alcott")
        known = words & _all_vocabulary()
        if known:
            for index, school in matched.items():
                for word in known.intersection(self.words[index]):
                    school[word] = 100
        all_words = fold(text).split()
        kinds = {w for w in all_words if w in GENERIC_NAME_WORDS}  # "high", "hs", "academy": tell two apart
        kinds |= {KIND_WRITTEN_SHORT[w] for w in kinds if w in KIND_WRITTEN_SHORT}  # "Sullivan HS": Sullivan High School
        kinds |= {_kinds_as_written()[w] for w in all_words if w in _kinds_as_written()}  # "Sullivan ہای اسکول", "Hight"

        def strength(index: int) -> tuple[int, float, int, float]:  # "hayt" is Hayt's word more than Hay's
            generic = len(kinds.intersection(fold(self.names[index]).split())) if kinds else 0
            return len(matched[index]), len(matched[index]) / len(self.words[index]), generic, sum(matched[index].values())

        ranked = sorted(matched, key=strength, reverse=True)
        best = ranked[0]
        count, share, _generic, _score = strength(best)
        unique_word = count == 1 and len(self.schools_by_word[next(iter(matched[best]))]) == 1
        if share < 0.5 and count < 2 and not unique_word:
            return None, None
        if len(ranked) > 1 and strength(ranked[1]) == strength(best):  # two schools fit equally: ask rather than guess
            if sounded and all(w in sounded for w, name_words in hits.items() if not name_words.isdisjoint(matched[best])):
                return None, None  # … unless only the sound of words in another script said it
            said = {w for w, name_words in hits.items() if not name_words.isdisjoint(matched[best])} | set(matched[best])
            if any(_is_common(w) for w in said):  # a word of the language that also names schools is no name
                return None, None
            return None, " ".join(w for w in dict.fromkeys(fold(text).split()) if w in said) or None
        return best, None


# --- lexicon matching ---------------------------------------------------------------------


COMMANDS = ("names", "stop", "start", "help", "more", "greeting", "wider")  # whole-message commands


@dataclass(frozen=True)
class _Compiled:
    lexicon: Lexicon  # with every phrase folded, so matching folds only the message
    grade_patterns: tuple[re.Pattern, ...]
    vocabulary: frozenset[str]  # the words that vote for this language (its one-word phrases)
    multiword_phrases: frozenset[str]  # its multi-word phrases, which vote double (kept once: not also in `vocabulary`)
    fillers: tuple[str, ...]  # longest first, so "por favor" goes before "favor"
    filler_words: frozenset[str]  # a message without any of these has no filler to drop
    commands: dict[str, frozenset[str]]  # command → its phrases
    typo_words: tuple[str, ...]  # the Latin words of its needs, programs, grades and commands, which a typo is read as


def _folded(lexicon: Lexicon) -> Lexicon:
    """The lexicon with every phrase folded. A phrase already folded ("special ed") is kept as the
    same string, not a copy of it: the lexicon modules keep theirs (over 100,000 phrases, most of
    them generated: about 9 MB of strings that would be held twice)."""

    def folded(phrase: str) -> str:
        done = fold(phrase.translate(KEYBOARD_VARIANTS))
        return phrase if done == phrase else done

    changes = {}
    for name in lexicon.__dataclass_fields__:
        value = getattr(lexicon, name)
        if isinstance(value, tuple):
            changes[name] = tuple(dict.fromkeys(f for f in map(folded, value) if f))
        elif isinstance(value, dict) and name == "shorthand":
            changes[name] = {fold(k): fold(v) for k, v in value.items()}
        elif isinstance(value, dict) and name in ("grades", "number_words", "languages"):
            changes[name] = {f: v for k, v in value.items() for f in [folded(k)] if f}
        elif isinstance(value, dict):
            changes[name] = {k: tuple(f for f in map(folded, v) if f) for k, v in value.items()}
    return replace(lexicon, **changes)


def _folded_pattern(pattern: str) -> str:
    """A grade pattern folded as messages are, its letters only (a regex's syntax is ASCII and stays):
    "ابتدائي" reads "ابتدايي" as the folded message writes it, a Bengali conjunct loses its virama."""
    decomposed = unicodedata.normalize("NFKD", pattern.translate(KEYBOARD_VARIANTS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pattern_words(patterns: tuple[str, ...]) -> set[str]:
    """The words a language's grade patterns spell out ("grado" in "\\bgrado {n}"): they vote for it too."""
    bare = (re.sub(r"\\[a-zA-Z]|\{n\}|\([^()]*\)", " ", p) for p in patterns)  # no escapes, no groups (suffixes)
    return {w for p in bare for w in re.findall(r"[^\W\d_]{3,}", fold(p))}


def _typo_words(lexicon: Lexicon, pattern_words: set[str]) -> tuple[str, ...]:
    # the words its grade patterns spell ("grado" in "grado {n}": "tercer grdo") and its details words ("detials 2") too
    phrases = [*lexicon.grades, *lexicon.school_words, *lexicon.more, *lexicon.compare, *lexicon.details, *pattern_words]
    phrases += lexicon.human  # asked for anywhere in a message, as details are: "parler a une persone", "makausp ang tao"
    phrases += [name for name in lexicon.languages if " " not in name]  # "chinesse", "espangol": a program's language
    phrases += [p for group in (*lexicon.needs.values(), *lexicon.programs.values(), *lexicon.sectors.values()) for p in group]
    words = {w for p in phrases for w in p.split() if len(w) >= TYPO_SHORTEST and _typo_script(w)}
    return tuple(sorted(words))


# folded: "đ" stays "đ"; Arabic letters (Urdu's too) and Bengali, whose words are read as typos as well ("متحرق", "رووضه")
_LATIN_OR_CYRILLIC_WORD = re.compile(r"[a-z\u00df-\u024f]+|[\u0430-\u044f]+|[\u0621-\u064a\u0671-\u06d3]+|[\u0980-\u09ff]+")


_ABJAD_OR_BENGALI = re.compile("[\u0600-\u06ff\u0980-\u09ff]")
ABJAD_TYPO_SHORTEST = 5  # Arabic letters: short words with clitics ("لبعض", "والخامس") are one edit from many others


def _word_typo_distance(word: str) -> int:
    """The edits a word may be from the word it is read as: by length, and in Arabic or Bengali
    letters one at most, in words of five letters or more ("متحرق" is "متحرك"; "لبعض" is no "لباص")."""
    if _ABJAD_OR_BENGALI.match(word):
        return 1 if len(word) >= ABJAD_TYPO_SHORTEST else 0
    return typo_distance(len(word))


def _typo_script(word: str) -> bool:
    """Say whether a (folded) word is all Latin or all Cyrillic letters: only these are read as typos."""
    return _LATIN_OR_CYRILLIC_WORD.fullmatch(word) is not None


CUE_VOTES_MOST = 200  # a language's negations vote for it when it has no more than these


def _english_phrase(phrase: str) -> bool:
    """Say whether every word of a (folded) phrase is English's ("anything but", "no charter")."""
    return all(w in _english_talk() for w in phrase.split())


@lru_cache(maxsize=1)
def _english_talk() -> frozenset[str]:
    english = load_all()["en"]
    words = {w for p in (*english.markers, *english.negations, *english.not_needed, *english.fillers) for w in fold(p).split()}
    return frozenset(words | {w for g in (*english.needs.values(), *english.sectors.values()) for p in g for w in fold(p).split()})


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, _Compiled]:
    compiled = {}
    english_sectors = {fold(p) for phrases in load_all()["en"].sectors.values() for p in phrases}
    for locale, raw in load_all().items():
        lexicon = _folded(raw)
        numbers = "|".join(sorted((re.escape(w) for w in lexicon.number_words), key=len, reverse=True))
        group = rf"(\d{{1,2}}|{numbers})" if numbers else r"(\d{1,2})"
        patterns = tuple(re.compile(_folded_pattern(p).replace("{n}", group)) for p in raw.grade_patterns)
        words = set(lexicon.markers + lexicon.names + lexicon.stop + lexicon.start + lexicon.help + lexicon.more + lexicon.greeting
                    + lexicon.human + lexicon.school_words + lexicon.fillers + lexicon.compare + lexicon.details)  # fmt: skip
        words |= {p for phrases in (*lexicon.needs.values(), *lexicon.programs.values()) for p in phrases}
        # its words for the sectors, but not English's it borrowed ("charter", "public"): "gongli" is pinyin
        words |= {p for phrases in lexicon.sectors.values() for p in phrases if p not in english_sectors}
        words |= set(lexicon.grades) | set(lexicon.number_words)
        words |= _pattern_words(raw.grade_patterns)
        # its phrases of ruling out ("ko can", "lagbe na", "pas besoin"), but not English ones another lexicon has too,
        # nor the generated grids of a sector and its "not" (thousands of phrases: memory)
        cues = (*lexicon.not_needed, *(lexicon.negations if len(lexicon.negations) <= CUE_VOTES_MOST else ()))
        words |= {p for p in cues if " " in p and (locale == "en" or not _english_phrase(p))}
        compiled[locale] = _Compiled(
            lexicon, patterns, frozenset(p for p in words if " " not in p), frozenset(p for p in words if " " in p),
            fillers=tuple(sorted(lexicon.fillers, key=len, reverse=True)),
            filler_words=frozenset(w for f in lexicon.fillers for w in f.split()),
            commands={name: frozenset(getattr(lexicon, name)) for name in COMMANDS},
            typo_words=_typo_words(lexicon, _pattern_words(raw.grade_patterns)),
        )  # fmt: skip
    return compiled


@dataclass(frozen=True)
class _Merged:
    """The phrases of every lexicon together, for what a message asks whatever its language."""

    needs: dict[str, frozenset[str]]
    programs: dict[str, frozenset[str]]
    human: frozenset[str]
    compare: frozenset[str]
    details: frozenset[str]
    school_words: frozenset[str]
    fillers: tuple[str, ...]  # longest first, so "por favor" goes before "favor"
    filler_words: frozenset[str]  # a message without any of these has no filler to drop
    sectors: frozenset[str]  # these three only tell whether a look per language is needed
    sector_phrases: dict[str, frozenset[str]]  # "charter"/"district" → every language's phrases
    public: frozenset[str]  # "public", "pública", "公立": a school word, no sector (charter schools are public schools)
    bilingual: frozenset[str]  # "bilingual", "bilingüe", "双语": English-learner help, unless a dual-language program is named
    refugee: frozenset[str]  # "refugee", "refugiado", "难民": the refugee-services program, English-learner help
    no_filter: frozenset[str]  # "gifted", "资优": what the catalog has no fact for, asked about, never dropped
    languages: frozenset[str]
    topics: frozenset[str]
    greeting: frozenset[str]
    switch_to: dict[str, str]  # a language's name in any language → our locale for it ("inglés" → "en")
    no_car: frozenset[str]  # "we have no car": transit, unless the school bus is asked for too
    city_bus: frozenset[str]  # a bus that may be the city's ("bus", "버스"): beside a train, public transit


@lru_cache(maxsize=1)
def _merged() -> _Merged:
    lexicons = [compiled.lexicon for compiled in _lexicons().values()]

    def union(phrases) -> frozenset[str]:
        return frozenset(p for group in phrases for p in group)

    return _Merged(
        needs={need: union(lex.needs.get(need, ()) for lex in lexicons) for need in NEED_ORDER},
        programs={code: union(lex.programs.get(code, ()) for lex in lexicons) for code in SPED_PROGRAMS},
        human=union(lex.human for lex in lexicons),
        compare=union(lex.compare for lex in lexicons),
        details=union(lex.details for lex in lexicons),
        school_words=union(lex.school_words for lex in lexicons),
        fillers=tuple(sorted(union(lex.fillers for lex in lexicons), key=lambda f: (-len(f), f))),
        filler_words=frozenset(w for lex in lexicons for f in lex.fillers for w in f.split()),
        sectors=union(phrases for lex in lexicons for phrases in lex.sectors.values()),
        sector_phrases={sector: union(lex.sectors.get(sector, ()) for lex in lexicons) for sector in ("district", "charter")},
        public=union(lex.sectors.get("public", ()) for lex in lexicons),
        bilingual=union(lex.bilingual for lex in lexicons),
        refugee=union(lex.refugee for lex in lexicons),
        no_filter=union(lex.no_filter for lex in lexicons),
        languages=union(lex.languages for lex in lexicons),
        topics=union(phrases for lex in lexicons for phrases in lex.topics.values()),
        greeting=union(lex.greeting for lex in lexicons),
        switch_to={**{name: LOCALE_OF_LANGUAGE[code] for lex in lexicons for name, code in lex.languages.items() if code in LOCALE_OF_LANGUAGE},
                   **{name: lex.locale for lex in lexicons for name in lex.names}},
        no_car=union(lex.no_car for lex in lexicons),
        city_bus=union(lex.city_bus for lex in lexicons),
    )  # fmt: skip


@lru_cache(maxsize=1)
def _age_re() -> re.Pattern:
    """A number followed by an age word of any language ("7 years old", "15 an", "13 سنة", "6岁")."""
    words = sorted(
        {f for lex in load_all().values() for w in lex.ages for f in [fold(w.translate(KEYBOARD_VARIANTS))] if f}, key=len, reverse=True
    )
    return re.compile(
        r"(?<!\d)(\d{1,2}) ?(?:" + "|".join(re.escape(w) if _is_cjk(w) else re.escape(w) + r"(?![^\W\d_])" for w in words) + ")"
    )


@lru_cache(maxsize=1)
def _all_vocabulary() -> frozenset[str]:
    """Every word of every lexicon's phrases: the words that vote for a language, and its sector words
    and language names ("charters", "francés"), which are never a school's name nor a typo."""
    phrases = [phrase for compiled in _lexicons().values() for phrase in (*compiled.vocabulary, *compiled.multiword_phrases)]
    phrases += [p for compiled in _lexicons().values() for group in compiled.lexicon.sectors.values() for p in group]
    phrases += [name for compiled in _lexicons().values() for name in compiled.lexicon.languages]
    # and the words that rule something out ("uma baahni"), which are no typo of a need either
    phrases += [p for compiled in _lexicons().values() for p in (*compiled.lexicon.negations, *compiled.lexicon.not_needed)]
    # and what the catalog has no fact for ("doués", "năng khiếu"), which is no typo of "does" nor of "khiếm" (thính)
    phrases += [fold(p) for compiled in _lexicons().values() for p in compiled.lexicon.no_filter]
    return frozenset(w for phrase in phrases for w in phrase.split())


def _as_written(text: str, phrase: str) -> str:
    """The words of the text a folded phrase was found as, to say back: "doués", not "doues"; "মেধাবী", not its
    letters without their vowel signs. A phrase inside a word (Han) is itself; Hangul, folded to jamo, is written whole."""
    words = [w.strip(_EDGE_PUNCTUATION) for w in text.split()]
    key = phrase.replace(" ", "")  # Bengali folds with its vowel signs left out, and spaces in their places
    for n in range(1, min(len(words), 4) + 1):
        for at in range(len(words) - n + 1):
            if fold(" ".join(words[at : at + n]).translate(_AS_READ)).replace(" ", "") == key:
                return " ".join(words[at : at + n])
    return unicodedata.normalize("NFC", phrase)


_AS_READ = {**SPELLING_VARIANTS, **READ_AS_ARABIC_LETTERS, **BENGALI_SIBILANTS}  # what `parse` reads a text through
_EDGE_PUNCTUATION = ".,;:!?¿¡\"'()[]«»“”‘’،؛؟。，、！？：；"


@lru_cache(maxsize=1)
def _no_filter_words() -> frozenset[str]:
    """The words of what the catalog has no fact for ("năng khiếu"), folded: read as written, never as a need's."""
    return frozenset(w for p in _merged().no_filter for w in p.split())


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    """The most words any lexicon phrase has: the longest word run a message is cut into."""
    return max(len(phrase.split()) for compiled in _lexicons().values() for phrase in compiled.multiword_phrases)


@dataclass(frozen=True)
class _Message:
    """A folded message ready for phrase look-ups: its word runs, and whether it holds CJK at all."""

    folded: str
    runs: frozenset[str]
    cjk: bool
    joined: str = ""  # Korean written with spaces inside its words ("유치 원", "특수 교육"), the spaces left out

    @classmethod
    def of(cls, folded: str) -> "_Message":
        words = folded.split()
        longest = _longest_phrase()
        runs = frozenset(" ".join(words[i : i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1))
        cjk = _CJK_RE.search(folded) is not None
        joined = _HANGUL_SPACE.sub("", folded) if cjk else folded
        return cls(folded, runs, cjk, "" if joined == folded else joined)

    def holds(self, phrase: str) -> bool:
        """Say whether a CJK phrase is inside the message's words (or its Korean words run together)."""
        return phrase in self.folded or (bool(self.joined) and phrase in self.joined)


_HANGUL_SPACE = re.compile("(?<=[\u1100-\u11ff\uac00-\ud7af]) (?=[\u1100-\u11ff\uac00-\ud7af])")


_CJK_RE = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=4096)
def _is_cjk(text: str) -> bool:
    """Say whether a phrase holds Han, kana or Hangul (folded Hangul is decomposed into jamo)."""
    return _CJK_RE.search(text) is not None


@lru_cache(maxsize=1)
def _one_word_needs() -> dict[str, frozenset[str]]:
    """Each need phrase of one word, of any language, with the needs it is a phrase of."""
    out: dict[str, set[str]] = {}
    for need, phrases in _merged().needs.items():
        for phrase in phrases:
            if " " not in phrase:
                out.setdefault(phrase, set()).add(need)
    return {p: frozenset(needs) for p, needs in out.items()}


@lru_cache(maxsize=16)
def _talk_need_words(locale: str) -> dict[str, frozenset[str]]:
    """Per need, the single words other languages have for it that are words of talk of this language, which has no
    such need phrase: Roman Urdu's and Arabizi's "bas" (just, only: "bas karo", "charter bas") is no Somali bus."""
    lexicon, one_word = _lexicons()[locale].lexicon, _one_word_needs()
    phrases = (*lexicon.markers, *lexicon.fillers, *lexicon.stop, *lexicon.start, *lexicon.help, *lexicon.more, *lexicon.greeting,
               *lexicon.human, *lexicon.compare, *lexicon.details)  # fmt: skip
    out: dict[str, set[str]] = {}
    for word in {w for p in phrases for w in p.split() if w in one_word}:
        for need in one_word[word]:
            if word not in lexicon.needs.get(need, ()):
                out.setdefault(need, set()).add(word)
    return {need: frozenset(words) for need, words in out.items()}


def _found(message: _Message, phrases) -> set[str]:
    """Return the phrases that are in the message."""
    found = set(message.runs.intersection(phrases))
    if message.cjk:
        found.update(p for p in _cjk_phrases(phrases) if message.holds(p))
    return found


def _cjk_phrases(phrases) -> tuple[str, ...]:
    """The phrases written in Han or Hangul: only these are looked for inside words."""
    if isinstance(phrases, dict):  # a lexicon's grades: kept for the life of the process
        phrases = _dict_keys(id(phrases), phrases)
    return _cjk_of(phrases)


@lru_cache(maxsize=4096)
def _cjk_of(phrases) -> tuple[str, ...]:  # a frozenset keeps its hash: finding it again is a look-up
    return tuple(p for p in phrases if _CJK_RE.search(p))  # not `_is_cjk`: its cache is for the phrases found


_KEYS_BY_ID: dict[int, tuple[dict, frozenset[str]]] = {}


def _dict_keys(key: int, phrases: dict) -> frozenset[str]:
    kept = _KEYS_BY_ID.get(key)
    if kept is None or kept[0] is not phrases:
        kept = _KEYS_BY_ID[key] = (phrases, frozenset(phrases))
    return kept[1]


def _any(message: _Message, phrases) -> bool:
    """Say whether one of the (folded) phrases is in the message: as whole words, or inside words
    for CJK phrases. Only a phrase written in Han or Hangul matches inside words; a Latin phrase
    of a CJK lexicon ("ell") must stand alone, or it would match inside "Kelly"."""
    if not message.runs.isdisjoint(phrases):  # one C-level pass over the phrases
        return True
    return message.cjk and any(message.holds(p) for p in _cjk_phrases(phrases))


def _without_fillers(text: str, words: set[str], compiled: "_Compiled | _Merged") -> str:
    """Return the message with one language's (or every language's) politeness words dropped (`words`: the message's words)."""
    if compiled.filler_words.isdisjoint(words):
        return " ".join(text.split())
    stripped = f" {text} "
    for filler in compiled.fillers:
        stripped = stripped.replace(f" {filler} ", " ")
    return " ".join(stripped.split())


def _inside(short: str, long: str) -> bool:
    """Say whether a phrase is part of a longer one ("bus" of "cta bus"; inside words for CJK)."""
    return short != long and (short in long if _is_cjk(short) else f" {short} " in f" {long} ")


def _where(clause: str, phrase: str) -> int:
    """Where a phrase found in a clause starts (CJK phrases inside words, others as whole words)."""
    return clause.find(phrase) if _is_cjk(phrase) else f" {clause} ".find(f" {phrase} ")


Cues = tuple[frozenset[str], ...]  # one language's cues each: not copied together (Tagalog's are 26,000 phrases)


def _sides(text: str, values: dict[str, frozenset[str]], cues: Cues, read_as: dict[str, str] | None = None) -> tuple[list[str], set[str]]:
    """The values a message asks for, in the order written, and those it rules out: in a clause
    with a cue ("not", "don't need"), the value nearest the cue is ruled out ("no charter" in
    "only district, no charter"; "차터 말고 공립만요": charter, not the district school after it).
    `read_as`: the words of the message read as others (shorthand, typos: "chrtr", "buss")."""
    wanted, ruled_out = [], set()
    last = []  # the values the clause before asked for, in the order written
    for clause in CLAUSE_RE.split(text):  # the punctuation is in the text, not in its folded form
        folded = fold(clause)
        if read_as:
            folded = " ".join(read_as.get(w, w) for w in folded.split())
        message = _Message.of(folded)
        found_of = {value: found for value, phrases in values.items() if (found := _found(message, phrases))}
        if found_of:  # the cues are looked for only in a clause that names a value
            cue_spans = [
                (at, at + len(cue), _CUE_AFTER.search(cue) is not None)
                for cue in set().union(*(_found(message, c) for c in cues))
                for at in [_where(message.folded, cue)]
            ]
            cue_starts = tuple(at for at, _end, _after in cue_spans)
        spans = {
            value: [(at, _with_particle(message.folded, at + len(p), cue_starts)) for p in found for at in [_where(message.folded, p)]]
            for value, found in found_of.items()
        }
        if not spans:
            # a clause that only says no ("charter schools - no thanks") rules out the last value before it
            bare = _without_fillers(message.folded, set(message.folded.split()), _merged())
            if last and bare and any(bare in c for c in cues):
                ruled_out.add(last[-1])
                wanted.remove(last[-1])
            last = []
            continue
        places = {value: min(start for start, _end in found) for value, found in spans.items()}
        # a cue inside what is asked for is part of it ("no puede oír" is deafness, not "no"), and so is a cue inside
        # "nothing but" ("পাবলিক স্কুল ছাড়া কিছু না": public schools and nothing else)
        only = [(at, at + len(p)) for p in _found(message, _only_phrases()) for at in [_where(message.folded, p)]]
        cue_spans = [c for c in cue_spans if not any(a <= c[0] and c[1] <= b for found in (*spans.values(), only) for a, b in found)]
        # a Korean cue follows what it rules out, always: "어린이집 말고 공립" rules out the daycare, not public schools
        before_cues = [
            v
            for v in places
            if any(not _HANGUL_ONLY.search(message.folded, a, b) or start < a for a, b, _ in cue_spans for start, _e in spans[v])
        ]
        if cue_spans and before_cues:
            nearest = min(before_cues, key=lambda value: _gap(spans[value], cue_spans))
            ruled_out.add(nearest)
            del places[nearest]
        last = sorted(places, key=places.get)
        wanted += last
    return list(dict.fromkeys(wanted)), ruled_out - set(wanted)


@lru_cache(maxsize=64)
def _sector_values(locales: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The sectors' phrases and the public ones, as `_sides` reads them for a message in these languages: without a
    phrase of another language that is a sector's phrase and one of these languages' cues ("charter na", Tagalog's
    charter school, is Banglish "not charter": "sorkari, charter na"). No language known: every phrase."""
    merged = _merged()
    values = {**merged.sector_phrases, "public": merged.public}
    if not locales:
        return values
    cues = frozenset().union(*_cues(locales)[0])
    own = frozenset().union(*(p for loc in locales for p in _lexicons()[loc].lexicon.sectors.values()))

    def cue_written_on(phrase: str) -> bool:
        head, _, tail = phrase.rpartition(" ")
        return bool(head) and tail in cues and head in values_all and phrase not in own

    values_all = frozenset().union(*values.values())
    return {value: frozenset(p for p in phrases if not cue_written_on(p)) for value, phrases in values.items()}


def _with_particle(folded: str, end: int, cue_starts: tuple[int, ...] = ()) -> int:
    """Where a value found ends, a Korean one with the rest of its word written onto it ("차터스쿨은 빼고", "차터스쿨
    말고": the particle or the school word stands between the value and the cue that rules it out, and is no distance),
    up to a cue written onto it ("차터말고")."""
    if 0 < end < len(folded) and _HANGUL_ONLY.match(folded, end - 1):
        rest = _HANGUL_ONLY.match(folded, end)  # "스쿨은" of "차터스쿨은": the word's rest
        if rest:
            return min((at for at in cue_starts if end <= at < rest.end()), default=rest.end())
    return end


def _gap(value_spans: list[tuple[int, int]], cue_spans: list[tuple[int, int, bool]]) -> tuple[int, bool]:
    """Letters between a value and the nearest cue; on a tie, the side the cue's language rules out comes first."""
    return min(
        (max(start - cue_end, cue_start - end, 0), (end <= cue_start) != after)
        for start, end in value_spans
        for cue_start, cue_end, after in cue_spans
    )


# A cue in Korean, Urdu or Bengali follows what it rules out ("교육청 학교 말고 차터"): on a tie, the value before it
_CUE_AFTER = re.compile("[\u1100-\u11ff\uac00-\ud7af\u0600-\u06ff\u0980-\u09ff]")


@lru_cache(maxsize=64)
def _cues(locales: tuple[str, ...]) -> tuple[Cues, Cues]:
    """The words that rule out a sector, and those that rule out a need, in these languages."""
    own = [_own_cues(loc) for loc in locales]
    return tuple(sector for sector, _need in own if sector), tuple(need for _sector, need in own if need)


@lru_cache(maxsize=16)
def _own_cues(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    lexicon = _lexicons()[locale].lexicon
    return frozenset(lexicon.negations), frozenset(lexicon.not_needed)


@lru_cache(maxsize=16)
def _cannot(locales: tuple[str, ...]) -> Cues:
    """The words of "can't", "doesn't know how to" in these languages, one language's each."""
    return tuple(cues for loc in locales if (cues := frozenset(_lexicons()[loc].lexicon.cannot)))


@lru_cache(maxsize=1)
def _only_phrases() -> frozenset[str]:
    return frozenset(p for c in _lexicons().values() for p in c.lexicon.only)


@lru_cache(maxsize=16)
def _without_words(locales: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for loc in locales for w in _lexicons()[loc].lexicon.without)


WITHOUT_BETWEEN = frozenset(("a", "an", "the", "any", "el", "la", "los", "las", "un", "une", "le", "les", "des", "ng"))


def _said_without(message: _Message, phrases: frozenset[str], locales: tuple[str, ...]) -> bool:
    """Say whether every place a need is named, a word of "no"/"without" stands right before it ("no bus", "sin
    autobús", "без автобуса", "walang bus"; an article between them is no gap), and no phrase of the need holds both
    ("no stairs", "sin escaleras" ask for access)."""
    words = _without_words(locales)
    if message.cjk or not message.runs.intersection(words):
        return False
    found = _found(message, phrases)
    text = f" {message.folded} "
    spans = [(at, at + len(p) + 1) for p in found for at in _places(message.folded, p)]
    for at, end in spans:
        if any(a < at and end <= b for a, b in spans):  # inside a longer phrase of the need
            continue
        before = text[:at].split()
        if before and before[-1] in WITHOUT_BETWEEN:
            before = before[:-1]
        if not any(before[-len(w.split()) :] == w.split() for w in words):
            return False
    return bool(spans)


def _any_cue(message: _Message, cues: Cues) -> bool:
    return any(_any(message, phrases) for phrases in cues)


@lru_cache(maxsize=64)
def _typo_vocabulary(locales: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({w for loc in locales for w in _lexicons()[loc].typo_words}))


@lru_cache(maxsize=16)
def _own_words(locales: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_typo_vocabulary(locales))


def _corrected(
    folded: str,
    locales: tuple[str, ...],
    schools: "SchoolNames | None",
    asked_in: tuple[str, ...] | None = None,
    phrases_of: tuple[str, ...] | None = None,
) -> tuple[str, tuple[tuple[str, str], ...], dict[str, str]]:
    """The message with each word no lexicon knows, that is a typo of a need, grade or command
    word of its language, read as that word ("speshal ed" → "special ed"), and the unknown words
    left that still look like a need or grade word (`Understanding.unclear`). A typo keeps its first
    letter; a school's name is never read as a typo. `asked_in`: the languages whose words are asked about
    (by default `locales`); `phrases_of`: the languages whose phrases repair a word in them (by default `locales`)."""
    if "rth" in folded:  # "4rth grade": "fourth" spelt into the digit's ending
        folded = _ORDINAL_SLIP.sub(r"\1th", folded)
    if _DOUBLED_ENDING.search(folded):  # "3èmme année", "2nnd": an ordinal's ending with a letter doubled by a slip
        folded = _DOUBLED_ENDING.sub(lambda m: m.group(1) + _DOUBLED.sub(r"\1", m.group(2)), folded)
    known = _all_vocabulary()
    unknown = {w for w in folded.split() if len(w) >= TYPO_SHORTEST and _typo_script(w) and w not in known}
    unknown -= GENERIC_NAME_WORDS  # "prep" in "Golder College Prep" is not "prek"
    if schools:
        unknown -= set(schools.schools_by_word)
    folded = _phrase_repaired(folded, phrases_of or locales)
    # a word written short, as texters do ("mdl schl", "srkari", "dgs", "lyc", "прогр"): only its vowels or its end left
    # out; read so over a typo's reading that changes a letter ("primr" is primaire, not "primo"), not over one that
    # only adds letters too ("англиски" is "англиский")
    short = {}
    for word in {w for w in folded.split() if len(w) >= SHORTENED_SHORTEST and _typo_script(w) and w not in known}:
        full = _shortened(word, locales) if not (schools and word in schools.schools_by_word) else None
        if full:
            short[word] = full
    if not unknown:
        return (" ".join(short.get(w, w) for w in folded.split()), (), short) if short else (folded, (), {})
    vocabulary = _typo_vocabulary(locales)
    fixes = {}
    for word in unknown:
        same_start = [w for w in vocabulary if w[0] == word[0]]
        found = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=_word_typo_distance(word))
        if found:
            fixes[word] = found[0]
    # an English school word written as it sounds: "speshal", "edukeshon", "educasyon" (special, education), in any
    # language, known to another lexicon's phrases or not ("speshal" of "speshal ed")
    own_words = _own_words(locales)  # a word of the message's own language is its own ("edikasyon" is Creole's)
    for word in (
        {w for w in folded.split() if len(w) >= BY_EAR_SHORTEST and w.isascii() and w not in own_words} - fixes.keys() - short.keys()
    ):
        heard = None if _is_common(word) or (schools and word in schools.schools_by_word) else _heard(word)
        if heard:
            fixes[word] = heard
    for word, unit in _grade_units_beside_numbers(folded, unknown, locales).items():
        fixes[word] = unit  # "6th gread", "9th grdr", "7th gerde": a number tells the word beside it is the grade's
    for word, full in short.items():
        if word not in fixes or not _is_subsequence(word, fixes[word]):
            fixes[word] = full
    unclear = {}
    asked_in = asked_in or locales
    if set(asked_in) <= set(WORDFREQ_LOCALES):  # a Creole or Somali word cannot be told from a typo
        looks_like = _looks_like(asked_in)
        for word in (w for w in dict.fromkeys(folded.split()) if w in unknown and w not in fixes and len(w) >= UNCLEAR_SHORTEST):
            near = None if _is_common(word) else _near_an_ask(word, looks_like)
            if near:
                unclear[word] = looks_like[near]
    corrected = " ".join(fixes.get(w, w) for w in folded.split()) if fixes else folded
    return corrected, tuple(unclear.items()), fixes


BY_EAR_SHORTEST = 6  # letters a word needs to be read through the way it sounds ("speshal"; not "sity")
BY_EAR_CONSONANTS = 4  # consonants the sound of a word needs to be matched ("spsl" of "spasal", "dksn" of "adukason")
_EAR_RULES = tuple(
    (re.compile(pattern), sound)
    for pattern, sound in (
        ("sch", "sk"),
        ("ph", "f"),
        ("ck|q", "k"),
        ("(?:[tsc]i|sy|sh|ch|zh)(?=[aeiou])", "s"),
        ("sh|ch", "s"),
        ("c(?=[eiy])", "s"),
        ("c", "k"),
        ("z", "s"),
        ("x", "ks"),
        ("(?<=.)[hw]", ""),
        ("e", "a"),
        ("y", "i"),
        ("(?<=[^aeiou])[aeiou]l$", "al"),  # a vowel said weakly before a last "l": "speshul", "spesil", "specal"
        (r"(.)\1+", r"\1"),
    )
)


def _sound(word: str) -> str:
    """A Latin word as it sounds, the way families spell a word they heard: "sh", "ti", "ci" and "sy" before a vowel
    one "s", "c" an "s" or a "k", "e" as "a" (the "a" of "-cation" said "-keshon"), "h" after a letter silent, a
    doubled letter once, and a vowel before a last "l" an "a" ("speshal", "speshul", "special" → "spasal";
    "edukeshon", "educasyon", "education" → "adukason")."""
    for pattern, sound in _EAR_RULES:
        word = pattern.sub(sound, word)
    return word


@lru_cache(maxsize=1)
def _sounds() -> dict[str, tuple[str, ...]]:
    """English's need, grade and command words by their sound: the school words families borrow and write as heard."""
    heard: dict[str, tuple[str, ...]] = {}
    for word in _typo_vocabulary(("en",)):
        if len(word) >= BY_EAR_SHORTEST and len(_VOWEL.sub("", key := _sound(word))) >= BY_EAR_CONSONANTS:
            heard[key] = (*heard.get(key, ()), word)
    return heard


def _heard(word: str) -> str | None:
    """The English school word a word is when written as it sounds, in any language ("speshal edukeshon"): of the
    words that sound so, the one written nearest, and near enough (at most half its letters changed: "porashonay" is
    no "person"); none when two are as near, or when the word is one of them."""
    words = _sounds().get(_sound(word), ())
    if not words or word in words:
        return None
    near = sorted((OSA.distance(word, w), w) for w in words)
    if 2 * near[0][0] > len(near[0][1]) or (len(near) > 1 and near[0][0] == near[1][0]):
        return None
    return near[0][1]


SHORTENED_SHORTEST = 3  # letters a word written short needs: "mdl", "dgs", "fsl" (not "sr", "kl": too many words)
SKELETON_SHORTEST = 3  # consonants a vowel-dropped word needs to be read as the word of that skeleton
KEPT_VOWEL_SHORTEST = 5  # letters a word written short that kept a vowel needs ("srkari"; not "tech", "last")
CLIPPED_SHORTEST = 4  # letters a clipped word needs to be read as the one word it begins ("prog", "двуяз"; not "pub")
_VOWELS = re.compile("(?<=.)[aeiouáéíóúàèìòùâêîôûäëïöüœ\u0430\u0435\u0451\u0438\u043e\u0443\u044b\u044d\u044e\u044f\u044c\u044a]")
_VOWEL = re.compile("[aeiouyáéíóúàèìòùâêîôûäëïöüœ\u0430\u0435\u0451\u0438\u043e\u0443\u044b\u044d\u044e\u044f]")
_DOUBLED = re.compile(r"(.)\1+")
# a consonant doubled in an ordinal's ending ("3èmme", "2nnd"; Somali's "7aad" doubles its vowel as written)
_DOUBLED_ENDING = re.compile(r"(?<![\w])(\d{1,2})([a-z\u00e0-\u00ff]*([b-df-hj-np-tv-z])\3[a-z\u00e0-\u00ff]*)\b")


def _skeleton(word: str) -> str:
    """A word's consonants, its first letter kept and a doubled letter written once ("middle" → "mdl"; "cochlear" →
    "cchlr", no "chlr": only vowels are dropped)."""
    return _VOWELS.sub("", _DOUBLED.sub(r"\1", word))


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


@lru_cache(maxsize=16)
def _shortening(locale: str) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """A language's typo words (and words of asking for a person) by their skeleton, and those a word may be clipped
    from, sorted. One table per language, not per set of languages: they are merged when read."""
    lexicon = _lexicons()[locale].lexicon
    typo_words = _lexicons()[locale].typo_words
    words = {*typo_words, *(w for p in lexicon.human for w in p.split() if _typo_script(w))}  # "persn": person or Persian
    by_skeleton: dict[str, list[str]] = {}
    for word in words:
        by_skeleton.setdefault(_skeleton(word), []).append(word)
    # a command word is read clipped from no word: "vers" (toward) is no "versus"
    commands = {w for c in ("more", "compare", "details") for p in getattr(lexicon, c) for w in p.split()}
    return {k: tuple(v) for k, v in by_skeleton.items()}, tuple(w for w in typo_words if w not in commands)


@lru_cache(maxsize=4096)
def _shortened(word: str, locales: tuple[str, ...]) -> str | None:
    """The one need, program, grade, sector, school or command word of these languages an unknown word, no common
    word, is written short for, as texters shorten words: its vowels dropped ("mdl" middle, "schl" school, "srkari"
    sarkari, "dgs" dugsi, "dadwyn" dadweyne), or clipped after a consonant, before a vowel ("prog|ram", "двуяз|ычная",
    "прогр|амма", "слабослыш|ащий"; "него" is no "него|ворящая"). Several words read so must say one thing, or the
    word stays unknown."""
    if not _typo_script(word) or _is_common(word) or word in GENERIC_NAME_WORDS:
        return None
    skeleton = _skeleton(word)
    clipped = len(word) >= CLIPPED_SHORTEST and not _VOWEL.match(word[-1])  # cut after a consonant, before a vowel
    found = set()
    # a short word that kept a vowel is a word of its own more often than one shortened ("tech" is no "teach", "last"
    # no "least"): all its vowels dropped ("mdl", "cls"), or five letters or more ("srkari", "bahan")
    by_vowels = len(skeleton) >= SKELETON_SHORTEST and (len(word) >= KEPT_VOWEL_SHORTEST or not _VOWELS.search(word))
    for loc in locales:
        by_skeleton, vocabulary = _shortening(loc)
        if by_vowels:
            found |= {w for w in by_skeleton.get(skeleton, ()) if len(w) > len(word) and _is_subsequence(word, w)}
        at = bisect.bisect_left(vocabulary, word) if clipped else len(vocabulary)
        while at < len(vocabulary) and vocabulary[at].startswith(word):
            if len(vocabulary[at]) >= len(word) + 2 and _VOWEL.match(vocabulary[at][len(word)]):
                found.add(vocabulary[at])
            at += 1
    if len(found) <= 1:
        return found.pop() if found else None
    # one word and its forms ("prog": program, programa, programme; "dgs": dugsi and its misspelling "dgsi"; "слабослыш":
    # слабослышащий, слабослышащая): the longest holds each of the others, in order, or all go on alike after the cut
    # ("persn" is "person" or "persian", "prim" "primary" or "primero": neither)
    longest, shortest = max(sorted(found), key=len), min(sorted(found), key=len)
    alike = len(os.path.commonprefix(list(found))) >= len(word) + 2
    return shortest if alike or all(_is_subsequence(w, longest) for w in found) else None


GRADE_UNIT_DISTANCE = 2  # edits a word beside a number may be from a grade word ("gread", "graid", "gerde" are "grade")
GRADE_UNIT_SHORTEST = 5  # letters of a grade word read so: a whole word ("grade"), not an abbreviation ("grds")
_ORDINAL_SLIP = re.compile(r"\b(\d{1,2})rth\b")
_NUMBER_TOKEN = re.compile(r"\d{1,2}[a-z]{0,3}")  # "6", "6th", "2do", "4rth"


@lru_cache(maxsize=64)
def _grade_units(locales: tuple[str, ...]) -> tuple[str, ...]:
    """The words these languages' grade patterns spell ("grade", "grado", "classe", "fasalka"), five letters or more."""
    raw = load_all()
    return tuple(
        sorted({w for loc in locales for w in _pattern_words(raw[loc].grade_patterns) if len(w) >= GRADE_UNIT_SHORTEST and _typo_script(w)})
    )


def _grade_units_beside_numbers(folded: str, unknown: set[str], locales: tuple[str, ...]) -> dict[str, str]:
    """Each unknown word right before or after a number, no common word, that is two edits at most from a grade
    word of these languages, the first letter kept: the number says a grade is meant ("6th gread", "9th grdr",
    "gerde 7"), so the word is read more loosely than a typo alone ("great" is a word and stays)."""
    words = folded.split()
    found = {}
    for at, word in enumerate(words):
        if word not in unknown or _is_common(word):
            continue
        if not any(0 <= i < len(words) and _NUMBER_TOKEN.fullmatch(words[i]) for i in (at - 1, at + 1)):
            continue
        same_start = [w for w in _grade_units(locales) if w[0] == word[0]]
        unit = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=GRADE_UNIT_DISTANCE) if same_start else None
        if unit:
            found[word] = unit[0]
    return found


PHRASE_TYPO_LOCALES = ("en", "es", "vi", "ht", "fr", "fil", "ru", "ar", "ur", "bn")  # Somali's generated phrases are too many to index
ABJAD_PHRASE_TYPO_SHORTEST = 8  # Arabic letters write no short vowels: "تعليم خاص" is a phrase of nine
PHRASE_TYPO_SHORTEST = 10  # a phrase this long (in letters) may hold one word one edit off ("no can" is not "no car")


@lru_cache(maxsize=16)
def _phrase_slots(locale: str) -> dict[str, tuple[str, ...]]:
    """A language's need, program and grade phrases of two to four words, each with one word left
    out ("education _" → "specialisee", "speciale"…): the words that fill each gap."""
    lexicon = _lexicons()[locale].lexicon
    phrases = {p for group in (*lexicon.needs.values(), *lexicon.programs.values()) for p in group} | set(lexicon.grades)
    slots: dict[str, set[str]] = {}
    for phrase in phrases:
        words = [sys.intern(w) for w in phrase.split()]  # one string per word, not one per phrase that holds it
        shortest = ABJAD_PHRASE_TYPO_SHORTEST if _ABJAD_OR_BENGALI.match(phrase) else PHRASE_TYPO_SHORTEST
        if 2 <= len(words) <= 4 and len(phrase) >= shortest and all(_typo_script(w) for w in words):
            for at, word in enumerate(words):
                if len(word) >= 3:
                    slots.setdefault(" ".join([*words[:at], "_", *words[at + 1 :]]), set()).add(word)
    return {gap: tuple(sorted(words)) for gap, words in slots.items()}


@lru_cache(maxsize=16)
def _phrase_words(locale: str) -> frozenset[str]:
    """The words of a language's phrases that `_phrase_slots` has."""
    return frozenset(sys.intern(w) for gap in _phrase_slots(locale) for w in gap.split() if w != "_")


@lru_cache(maxsize=16)
def _slot_phrases(locales: tuple[str, ...]) -> frozenset[str]:
    """The need, program and grade phrases of these languages, folded, whole."""
    return frozenset(
        p
        for loc in locales
        for group in (
            *_lexicons()[loc].lexicon.needs.values(),
            *_lexicons()[loc].lexicon.programs.values(),
            tuple(_lexicons()[loc].lexicon.grades),
        )
        for p in group
    )


def _phrase_repaired(folded: str, locales: tuple[str, ...]) -> str:
    """The message with a word read as the word of a phrase of its language it is one edit from,
    when the phrase's other words are all there: "education special" → "education speciale",
    "giao duc dat biet" → "giao duc dac biet". Known words too: the phrase around them tells."""
    slots = [_phrase_slots(loc) for loc in locales if loc in PHRASE_TYPO_LOCALES]
    if not slots:
        return folded
    words = folded.split()
    in_phrases = [any(w in _phrase_words(loc) for loc in locales if loc in PHRASE_TYPO_LOCALES) for w in words]
    if sum(in_phrases) == 0:
        return folded
    whole = _slot_phrases(tuple(loc for loc in locales if loc in PHRASE_TYPO_LOCALES))
    for n in (4, 3, 2):
        for start in range(len(words) - n + 1):
            if sum(in_phrases[start : start + n]) < n - 1:  # all the phrase's words but one must be there
                continue
            run = words[start : start + n]
            for at in range(n):
                word = run[at]
                if len(word) < 3 or not _typo_script(word):
                    continue
                if _ABJAD_OR_BENGALI.match(word) and word in _all_vocabulary():  # a known word of these scripts stays ("مڈل")
                    continue
                if at in (0, n - 1) and word in _all_vocabulary() and " ".join(run[1:] if at == 0 else run[:-1]) in whole:
                    continue  # a word after a phrase written whole is the sentence's ("mau giao nao": which kindergarten)
                if locales[0] in ROMANISED_LOCALES and word in _latin_vocabularies()[locales[0]][0]:
                    continue  # a romanised language's own word is its own ("pore skool": studies, school; no "pre school")
                if word in _no_filter_words() or any(
                    word in _talk(loc) and word not in _phrase_words(loc) for loc in locales if loc in PHRASE_TYPO_LOCALES
                ):
                    continue  # a word of the language's talk is its own: "high school but not charter" asked for no bus
                gap = " ".join([*run[:at], "_", *run[at + 1 :]])
                for fills in (s[gap] for s in slots if gap in s):
                    if word in fills:
                        break
                    same_start = [w for w in fills if w[0] == word[0]]
                    found = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=1) if same_start else None
                    if found:
                        words[start + at] = found[0]
                        break
    return " ".join(words)


HANGUL_TYPO_SHORTEST = 8  # letters (jamo) a Korean phrase needs to be read through one slip: three syllables or so


@lru_cache(maxsize=1)
def _hangul_asks() -> tuple[frozenset[str], dict[tuple[str, int], tuple[str, ...]]]:
    """Korean's need, program, grade and sector phrases written in Hangul alone: all of them, and
    those long enough to be read through a slip, by their first letter and length."""
    lexicon = _lexicons()["ko"].lexicon
    groups = (*lexicon.needs.values(), *lexicon.programs.values(), *lexicon.sectors.values(), tuple(lexicon.grades))
    phrases = frozenset(p for group in groups for p in group if _HANGUL_ONLY.fullmatch(p))
    by_start: dict[tuple[str, int], list[str]] = {}
    for phrase in phrases:
        if len(phrase) >= HANGUL_TYPO_SHORTEST:
            by_start.setdefault((phrase[0], len(phrase)), []).append(phrase)
    return phrases, {key: tuple(sorted(found)) for key, found in by_start.items()}


_HANGUL_ONLY = re.compile("[\u1100-\u11ff]+")  # folded Hangul: jamo, no spaces, no digits


_GRADE_UNIT = fold("학년")  # "4학년": six letters (jamo)
_NUMBER_THEN_HANGUL = re.compile(r"(?<=\d) ?([\u1100-\u11ff]{4,})")


def _grade_unit_repaired(folded: str) -> str:
    """ "학년" after a number read through one letter (jamo) slipped, added or left out ("4학련", "7학녀", "5항년"): the
    first letter kept; a particle written onto it stays ("4학련이고")."""

    def unit(match: re.Match) -> str:
        word = match.group(1)
        if word.startswith(_GRADE_UNIT) or word[0] != _GRADE_UNIT[0]:
            return match.group()
        for n in (6, 5, 7):
            if OSA.distance(word[:n], _GRADE_UNIT, score_cutoff=1) <= 1:
                return f"{_GRADE_UNIT}{word[n:]}"
        return match.group()

    return _NUMBER_THEN_HANGUL.sub(unit, folded)


# the polite ending "-요" written "-여", as Korean texts often do ("보여주세여", "감사해여", "있나여")
_CUTE_ENDING = re.compile(
    "("
    + "|".join(fold(s) for s in ("세", "해", "에", "데", "네", "까", "나", "져", "줘", "어", "아"))
    + ")"
    + fold("여")
    + r"(?![\u1100-\u11ff])"
)
_POLITE_ENDING = fold("요")


def _hangul_repaired(folded: str) -> str:
    """A Korean message with a need, program, grade or sector phrase one letter (jamo) slipped read
    as the phrase ("특수교윽" → "특수교육", "휠채어" → "휠체어"): the first letter kept, the phrase three
    syllables or so, and not when the message already holds a phrase there."""
    phrases, by_start = _hangul_asks()
    message = _Message.of(folded)
    text = message.joined or folded
    out = folded
    for start, letter in enumerate(text):
        if not "\u1100" <= letter <= "\u11ff":
            continue
        for length in sorted({n for (first, n) in by_start if first == letter}):
            for written in {text[start : start + n] for n in (length - 1, length, length + 1)}:
                if len(written) < HANGUL_TYPO_SHORTEST or not _HANGUL_ONLY.fullmatch(written) or written in phrases:
                    continue
                found = process.extractOne(written, by_start[(letter, length)], scorer=OSA.distance, score_cutoff=1)
                if found and found[0] not in text:
                    return f"{out} {found[0]}"  # the phrase beside the message: what it asks is read from there
    return out


# Arabic letters told apart only by their dots (ب ت ث ن ي, ج ح خ, د ذ, ر ز, س ش, ص ض, ط ظ, ع غ, ف ق) and the emphatic
# letters written for their plain sounds (ص for س): a word's skeleton; alef and hamza, which families add or leave out,
# are dropped
_ARABIC_SKELETON = str.maketrans(
    {**dict.fromkeys("بتثنيى", "ب"), **dict.fromkeys("جحخ", "ح"), **dict.fromkeys("دذ", "د"), **dict.fromkeys("رز", "ر"),
     **dict.fromkeys("سشصض", "س"), **dict.fromkeys("طظ", "ط"), **dict.fromkeys("عغ", "ع"), **dict.fromkeys("فق", "ف"),
     **dict.fromkeys("هة", "ه"), **dict.fromkeys("اأإآءئ", None), "ؤ": "و"}
)  # fmt: skip
ARABIC_SLIP_SHORTEST = 5  # letters an Arabic word needs to be read through its dots: shorter ones are too many words


@lru_cache(maxsize=1)
def _arabic_skeletons() -> dict[str, tuple[str, ...]]:
    """The skeleton of each Arabic word of a need, grade, sector or number (ordinals: "السابع") → the words."""
    lexicon = _lexicons()["ar"].lexicon
    words = {w for w in (*_lexicons()["ar"].typo_words, *(fold(n) for n in lexicon.number_words)) if " " not in w}
    by_skeleton: dict[str, list[str]] = {}
    for word in sorted(words):
        if len(word) >= ARABIC_SLIP_SHORTEST - 1 and _ABJAD_OR_BENGALI.match(word):
            by_skeleton.setdefault(word.translate(_ARABIC_SKELETON), []).append(word)
    return {skeleton: tuple(found) for skeleton, found in by_skeleton.items()}


def _arabic_slip(word: str) -> str | None:
    """The known word an Arabic word is one slip of, by its skeleton and one edit ("سنوات" is no "سبواي": two)."""
    found = process.extractOne(word, _arabic_skeletons().get(word.translate(_ARABIC_SKELETON), ()), scorer=OSA.distance, score_cutoff=1)
    return found[0] if found else None


def _arabic_slips_repaired(folded: str) -> tuple[str, dict[str, str]]:
    """An Arabic message with each word no lexicon knows, written as a known word is but for its dots or an emphatic
    letter, or with an alef added or left out, read as that word ("السابغ" is السابع, "السادش" السادس, "متوصطه"
    متوسطه, "ثنويه" ثانويه): one slip of the finger or of the ear that edit distance would read as many other words."""
    known = _all_vocabulary()
    fixes = {
        w: slip
        for w in set(folded.split())
        if len(w) >= ARABIC_SLIP_SHORTEST and w not in known and _ABJAD_OR_BENGALI.match(w) and (slip := _arabic_slip(w))
    }
    return (" ".join(fixes.get(w, w) for w in folded.split()), fixes) if fixes else (folded, fixes)


def _without_conjunction(folded: str) -> str:
    """An Arabic message with "and" (و) written onto a known word split off it ("وما تحكي" → "و ما تحكي",
    "وباص" → "و باص"): the phrases are written without it. Not a word Arabic asks with as it is ("وقف": stop)."""
    known = _all_vocabulary()
    words = folded.split()
    split = [f"و {w[1:]}" if len(w) > 2 and w[0] == "و" and w[1:] in known and w not in _arabic_asks() else w for w in words]
    return " ".join(split) if split != words else folded


@lru_cache(maxsize=1)
def _arabic_asks() -> frozenset[str]:
    """Arabic's one-word phrases but its common words and politeness ("وقف", "وين" stay whole)."""
    arabic = _lexicons()["ar"]
    return arabic.vocabulary - set(arabic.lexicon.markers) - set(arabic.lexicon.fillers)


HAN_TYPO_SHORTEST = 4  # characters a Chinese phrase needs to be read through one character miswritten


@lru_cache(maxsize=1)
def _han_asks() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Every Chinese phrase, and the need, program, grade and sector phrases of HAN_TYPO_SHORTEST characters
    or more, all Han, by their first character."""
    by_start: dict[str, set[str]] = {}
    for locale in ("zh_Hans", "zh_Hant"):
        lexicon = _lexicons()[locale].lexicon
        groups = (*lexicon.needs.values(), *lexicon.programs.values(), *lexicon.sectors.values(), tuple(lexicon.grades))
        for phrase in (p for group in groups for p in group):
            if len(phrase) >= HAN_TYPO_SHORTEST and _HAN_ONLY.fullmatch(phrase):
                by_start.setdefault(phrase[0], set()).add(phrase)
    known = frozenset(p for loc in ("zh_Hans", "zh_Hant") for p in (*_lexicons()[loc].vocabulary, *_lexicons()[loc].multiword_phrases))
    return known | _all_sector_phrases(), {first: tuple(sorted(found)) for first, found in by_start.items()}


def _all_sector_phrases() -> frozenset[str]:
    return frozenset(p for c in _lexicons().values() for group in c.lexicon.sectors.values() for p in group)


_HAN_ONLY = re.compile("[\u3400-\u9fff]+")


@lru_cache(maxsize=1)
def _han_sound_alikes() -> tuple[dict[str, str], dict[str, tuple[str, ...]], frozenset[str]]:
    """The Chinese lexicons' homophones, the need, program, sector, grade, school-word and command phrases (and the Han
    of the grade patterns: "年级") by each character, and the words a miswritten character may be part of as written ("公里")."""
    sounds: dict[str, str] = {}
    by_char: dict[str, set[str]] = {}
    written: set[str] = set()
    for locale in ("zh_Hans", "zh_Hant"):
        lexicon = _lexicons()[locale].lexicon
        sounds |= {fold(wrong): fold(right) for wrong, right in load_all()[locale].homophones.items()}
        groups = (*lexicon.needs.values(), *lexicon.programs.values(), *lexicon.sectors.values(), tuple(lexicon.grades))
        phrases = {p for group in groups for p in group} | set(lexicon.school_words)
        phrases |= {run for p in load_all()[locale].grade_patterns for run in _HAN_ONLY.findall(p)}
        phrases |= {p for command in ("help", "more", "stop", "start", "human") for p in getattr(lexicon, command)}  # "跟多", "帮组"
        for phrase in (p for p in phrases if len(p) >= 2 and _HAN_ONLY.fullmatch(p)):
            for ch in set(phrase) & set(sounds.values()):
                by_char.setdefault(ch, set()).add(phrase)
        written |= {w for w in (*lexicon.ages, *_lexicons()[locale].vocabulary) if len(w) >= 2 and _HAN_ONLY.fullmatch(w)}
    return sounds, {ch: tuple(found) for ch, found in by_char.items()}, frozenset(written)


def _han_sounds_repaired(folded: str) -> str:
    """A Chinese message with a character written for another of the same sound read as that one, where it then
    makes a school phrase the message did not hold ("笑车" → 校车, "高钟" → 高中, "四年及" → 四年级, "字閉症" → 自閉症);
    not where the character is part of a word as written ("5公里" is a distance)."""
    sounds, by_char, written = _han_sound_alikes()
    if not any(ch in sounds for ch in folded):
        return folded
    chars = list(folded)
    for at, ch in enumerate(folded):
        right = sounds.get(ch)
        if right is None or folded[max(0, at - 1) : at + 1] in written or folded[at : at + 2] in written:
            continue
        changed = f"{folded[:at]}{right}{folded[at + 1 :]}"
        for phrase in by_char.get(right, ()):
            start = changed.find(phrase, max(0, at - len(phrase) + 1))
            if 0 <= start <= at < start + len(phrase) and phrase not in folded:
                chars[at] = right
                break
    return "".join(chars)


def _han_repaired(folded: str) -> str:
    """A Chinese message with a need, program, grade or sector phrase of three characters or more one
    character miswritten read as the phrase ("幼儿院" → "幼儿园", "特殊教肓" → "特殊教育", "公力学校" → "公立学校"):
    the first character kept; not when what is written is or holds a phrase too ("特許學校" is no "特殊學校",
    "特殊教育吗" no "特殊教育班"), nor when the message already holds the phrase."""
    known, by_start = _han_asks()
    for start, first in enumerate(folded):
        for phrase in by_start.get(first, ()):
            written = folded[start : start + len(phrase)]
            if len(written) == len(phrase) and written not in known and _HAN_ONLY.fullmatch(written):
                if sum(a != b for a, b in zip(written, phrase, strict=True)) == 1 and phrase not in folded:
                    # what is written holds a phrase of its own ("特殊教育吗" is no "特殊教育班")
                    if not any(p in written for p in known if len(p) >= 2):
                        return f"{folded} {phrase}"
    return folded


NO_FILTER = "no_filter"  # what `Understanding.unclear` says a word asks that no search can ("gifted")
PRIVATE_SCHOOL = "private"  # … and a private school, which the catalog of public schools does not list


@lru_cache(maxsize=1)
def _private() -> frozenset[str]:
    return frozenset(fold(p) for phrases in PRIVATE.values() for p in phrases)


UNCLEAR_SHORTEST = common_words.SHORTEST  # shorter unknown words are too many to ask about ("sera", "ptit")
WORDFREQ_LOCALES = common_words.LOCALES  # our Latin languages with a list of common words (not Haitian Creole, Somali)


def _near_an_ask(word: str, looks_like: dict[str, str]) -> str | None:
    """The need or grade word an unknown word is at most one edit further from than a typo may be."""
    same_start = [w for w in looks_like if w[0] == word[0]]
    found = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=typo_distance(len(word)) + 1)
    return found[0] if found else None


@lru_cache(maxsize=1)
def _common_words():
    """The common words of our languages ("details", "libre", "commence"): a word among them is a
    word, not a need misspelt. Built once by `make` (`sms.common_words`): 350 KB of sorted keys."""
    return common_words.load()


def _is_common(word: str) -> bool:
    return common_words.is_common(_common_words(), word)


@lru_cache(maxsize=64)
def _looks_like(locales: tuple[str, ...]) -> dict[str, str]:
    """The Latin words of these languages' need, program and grade phrases, each with what it asks
    for ("especial" → "sped", "kinder" → "grade"); a word of two of them says nothing and is left out."""
    asks: dict[str, set[str]] = {}
    for loc in locales:
        lexicon = _lexicons()[loc].lexicon
        groups = [(need, lexicon.needs.get(need, ())) for need in NEED_ORDER]
        groups += [("sped", phrases) for phrases in lexicon.programs.values()]
        groups += [("grade", tuple(lexicon.grades))]
        for code, phrases in groups:
            for word in (w for p in phrases for w in p.split() if len(w) >= TYPO_SHORTEST and w.isascii() and w.isalpha()):
                asks.setdefault(word, set()).add(code)
    return {word: codes.pop() for word, codes in asks.items() if len(codes) == 1 and word not in GENERIC_NAME_WORDS}


def _without_name(folded: str, name: str) -> str:
    """The message without the words of a school's name it holds ("does kelly high have a bus"
    → "does have a bus"): "High" in "Kelly High" asks for no grade, "Charter" in a name for no sector.
    Only a run of the name's words holding one of its own (not "high", "academy") goes."""
    own = set(fold(name).split())
    words = folded.split()
    kept, run, named = [], [], False
    for word in [*words, None]:
        if word is not None and (
            word in own or _name_typo(word, own) or (named and (word in NAME_TAILS or word in _kinds_as_written()))
        ):  # "Kennedy HS": its kind, shortened; "Corlis Hight School", "Curie ہائی اسکول": its name and kind as written
            run.append(word)
            named = named or (word not in GENERIC_NAME_WORDS and len(word) > 2)
            continue
        if not named:
            kept += run
        elif word is not None and _is_cjk(word):  # "Senn高中的地址", "Von Steuben 고등학교": its kind, in the text's script
            kind = next((p for p in _cjk_levels() if word.startswith(p)), "")
            word = word[len(kind) :] or None
        run, named = [], False
        if word is not None:
            kept.append(word)
    return " ".join(kept)


def _name_typo(word: str, own: set[str]) -> bool:
    """Say whether a word is a school's name word with a letter left out, added, swapped or changed ("corlis")."""
    return len(word) >= TYPO_NAME_SHORTEST and any(
        w[0] == word[0] and len(w) >= TYPO_NAME_SHORTEST and OSA.distance(word, w, score_cutoff=1) <= 1 for w in own
    )


@lru_cache(maxsize=1)
def _cjk_levels() -> tuple[str, ...]:
    """Every language's Han and Hangul words for a level of school ("高中", "小学", "고등학교"), longest first."""
    levels = ((0, 5), (6, 8), (9, 12), (6, 12))
    found = {p for c in _lexicons().values() for p, span in c.lexicon.grades.items() if span in levels and _is_cjk(p)}
    return tuple(sorted(found, key=len, reverse=True))


# the kinds of school that may follow a school's name without being in the catalog's ("Kennedy HS", "Curie high school")
NAME_TAILS = frozenset("hs es ms high elementary elem middle school academy prep".split())


NAME_HEADS = frozenset("high elementary middle academy prep preparatory school college magnet escuela ecole lekol trường truong".split())
_WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:['’.-][^\W_]+)*")


# Chicago's neighbourhoods, which several schools are named after ("Albany Park Multicultural Academy", "Pilsen
# Elementary"): named as the place a family lives or looks in ("in Pilsen", "sa Albany Park", "Rogers Park mein",
# "Albany Park 쪽"), with no word of a school's kind after them, they are a place, not a school
NEIGHBOURHOODS = (
    "albany park", "rogers park", "west rogers park", "jefferson park", "humboldt park", "lincoln park", "hyde park",
    "morgan park", "gage park", "irving park", "portage park", "norwood park", "edison park", "north park",
    "garfield park", "east garfield park", "west garfield park", "washington park", "douglas park", "marquette park",
    "brighton park", "mckinley park", "wicker park", "pilsen", "little village", "chinatown", "bronzeville", "uptown",
    "edgewater", "logan square", "lincoln square", "bucktown", "back of the yards", "south shore", "chatham",
    "englewood", "west englewood", "austin", "lakeview", "belmont cragin", "hermosa", "avondale", "west ridge",
    "north center", "archer heights", "west lawn", "chicago lawn", "ashburn", "beverly", "mount greenwood", "roseland",
    "pullman", "hegewisch", "kenwood", "woodlawn", "bridgeport", "little italy", "ukrainian village", "west town",
    "gold coast", "old town", "river north", "south loop", "forest glen", "dunning", "montclare", "galewood",
    "sauganash", "andersonville", "ravenswood", "bowmanville", "budlong woods", "garfield ridge", "clearing",
    "south chicago", "east side", "south deering", "calumet heights", "avalon park", "grand crossing", "auburn gresham",
    "washington heights", "west pullman", "riverdale", "burnside", "new city", "fuller park", "grand boulevard",
    "oakland", "douglas", "armour square", "near west side", "near south side", "near north side", "lower west side",
    "north lawndale", "south lawndale", "west elsdon", "west loop", "east village", "noble square", "humboldt",
)  # fmt: skip
_PLACE_BEFORE = ("in", "near", "around", "from", "en", "por", "desde", "cerca de", "sa", "dito sa", "malapit sa",
                 "taga", "près de", "pres de", "vers", "nan", "bò", "ở", "gần", "gan", "tại", "fi", "около")  # fmt: skip
_PLACE_AFTER = ("mein", "me", "main", "میں", "e thaki", "e thake", "te thaki", "쪽", "근처", "에서", "附近", "一带", "area",
                "agagaarka", "side")  # fmt: skip
_SCHOOL_KINDS = ("high", "hs", "school", "schools", "elementary", "elem", "es", "ms", "academy", "acad", "prep", "middle",
                 "college", "magnet", "multicultural", "community", "skul", "skool", "iskul", "iskuul")  # fmt: skip
_NAMES = "|".join(sorted((n.replace(" ", r"\s+") for n in NEIGHBOURHOODS), key=len, reverse=True))
_PLACE_NAMED = re.compile(
    rf"(?i)(?:(?<![^\W\d_])(?:{'|'.join(_PLACE_BEFORE)})\s+(?:{_NAMES})|(?<![^\W\d_])(?:{_NAMES})(?=\s*(?:{'|'.join(_PLACE_AFTER)})(?![^\W\d_])))"
    rf"(?!\s+(?:{'|'.join(_SCHOOL_KINDS)})(?![^\W\d_]))(?![^\W\d_])"
)


def _without_places(text: str) -> str:
    """The text without the neighbourhoods it names as places ("sa Albany Park", "Rogers Park mein"), which name
    no school."""
    return _PLACE_NAMED.sub(" ", text) if "park" in text.lower() or _PLACE_NAMED.search(text) else text


# A person named by who they are to the family ("nanay ni Joshua", "la maman de Curie", "grann Tida", "папа Миши"), and
# French's children by their size ("le grand va au lycée", "la petite"): no school's name
_KIN_OF = ("nanay ni", "tatay ni", "mama ni", "papa ni", "lola ni", "lolo ni", "ate ni", "kuya ni", "tita ni", "tito ni",
           "maman de", "maman d", "papa de", "papa d", "mere de", "mère de", "père de", "pere de", "mom of", "mother of", "dad of",
           "father of", "grandma of", "grandmother of", "manman", "papa", "grann", "granmè", "granme", "granpè", "granpe",
           "мама", "папа", "бабушка", "дедушка")  # fmt: skip
_PERSON_NAMED = re.compile(
    r"(?i:\b(?:" + "|".join(k.replace(" ", r"\s+") for k in _KIN_OF) + r"))\s+(?-i:[A-ZА-Я])[^\W\d_]+"
    r"|\b(?i:(?:le|la|les|mon|ma|mes) (?:grand|grande|grands|grandes|petit|petite|petits|petites))\b(?!\s+(?i:[eé]cole|lyc[eé]e))"
)


def _without_persons(text: str) -> str:
    """The text without the persons it names by who they are to the family, which name no school."""
    return _PERSON_NAMED.sub(" ", text)


def _school_by_shape(text: str) -> str | None:
    """The name a question asks about, read from its shape when no catalog is at hand: the
    capitalised words before a school word ("does Kelly High have a bus?" → "kelly"), or after one
    ("la escuela Kelly tiene autobús?" → "kelly"). Words of the lexicons are never a name."""
    tokens = _WORD_RE.findall(text)
    known = _all_vocabulary()

    def is_name(token: str) -> bool:
        return token[0].isupper() and fold(token) not in known and fold(token) not in NAME_HEADS

    for at, token in enumerate(tokens):
        if fold(token) not in NAME_HEADS:
            continue
        before = []
        for word in reversed(tokens[max(0, at - 3) : at]):
            if not is_name(word):
                break
            before.insert(0, word)
        after = []
        for word in tokens[at + 1 : at + 4]:
            if not is_name(word):
                break
            after.append(word)
        name = before or after
        if name:
            return fold(" ".join(name))
    return None


CONTAINED_COMMANDS = ("stop", "start", "help", "more")
COMMAND_TEXT_WORDS = 8  # a text this short (in words), half of it one command phrase, is that command
COMMAND_WORD_SHORTEST = 4  # letters a one-word command needs to say it inside a longer text ("help", not "haa")
CJK_COMMAND_TEXT = 12  # a CJK message this short (in letters) holding a command phrase is that command


def _command_within(
    text: str, message: "_Message", compiled: dict[str, "_Compiled"], merged: "_Merged", own: tuple[str, ...] = ()
) -> str | None:
    """The command a message that asks nothing says in one of its clauses ("stop, больше не пишите",
    "ayuda, ¿cómo funciona esto?"), as written short or through a typo too ("cmt sa march? jdoi ecrir koi"), or, in
    Chinese or Korean, anywhere in a short text ("还有更多吗", "다음 결과 더 보여주세요"); None when it says none or two
    different ones."""
    said = set()
    clauses = [c for c in (fold(clause) for clause in CLAUSE_RE.split(text)) if c]
    if len(clauses) > 1:
        typo_locales = tuple(loc for loc in own if loc in TYPO_LOCALES)
        for clause in clauses:
            bare = _without_fillers(clause, set(clause.split()), merged)
            found = {name for name in CONTAINED_COMMANDS if bare and any(bare in c.commands[name] for c in compiled.values())}
            if not found and bare and typo_locales:
                bare = _without_fillers(written := _expanded(bare, own[:1])[0], set(written.split()), merged)
                found = {name for name in CONTAINED_COMMANDS if bare and any(bare in c.commands[name] for c in compiled.values())}
                typed = None if found else _command_typo(bare, typo_locales)
                found |= {typed[0]} if typed and typed[0] in CONTAINED_COMMANDS else set()
            said |= found
    if not said and not message.cjk:  # a short text mostly one command phrase ("لا ترسل لي رسائل", "kuwo kale i tus")
        said = _mostly_command(message, compiled)
    thanked = any(t in message.folded for t in CJK_THANKS)  # "谢谢你的帮助" thanks for the help, asks for none
    if (
        message.cjk
        and not thanked
        and len(message.folded.replace(" ", "")) <= CJK_COMMAND_TEXT * (3 if _HANGUL_JAMO.search(message.folded) else 1)
    ):
        inside = {
            name: {
                p
                for c in compiled.values()
                for p in _cjk_of(c.commands[name])
                if len(p) >= (4 if _HANGUL_JAMO.search(p) else 2) and p in message.folded
            }
            for name in CONTAINED_COMMANDS
        }
        # a command's phrase inside another's found is no command of its own: "訂閱" (subscribe) of "取消訂閱" (unsubscribe)
        said |= {
            name
            for name, found in inside.items()
            if any(not any(p != q and p in q for other, qs in inside.items() if other != name for q in qs) for p in found)
        }
    return said.pop() if len(said) == 1 else None


def _mostly_command(message: "_Message", compiled: dict[str, "_Compiled"]) -> set[str]:
    """The commands a short text is half of, one phrase ("kuwo kale i tus")."""
    words = message.folded.split()
    said = set()
    if len(words) > COMMAND_TEXT_WORDS:
        return said
    fillers = _merged().filler_words
    for name in CONTAINED_COMMANDS:
        for c in compiled.values():
            if any(p in message.runs for p in c.lexicon.not_commands):  # "plus proche": closer, not the next page
                continue
            found = [p for p in message.runs.intersection(c.commands[name]) if len(p.split()) >= 2 or len(p) >= COMMAND_WORD_SHORTEST]
            # its phrases together: "giúp đỡ tôi cách dùng" (giúp đỡ, cách dùng), "памагите как тут искать"
            covered = {w for p in found for w in p.split()}
            # politeness says nothing beside a command of two words or more ("po" of "patingin pa po ng iba"); beside one
            # word, it is thanks for it ("tnx po s tulong!")
            said_words = [w for w in words if w in covered or w not in fillers] if len(covered) > 1 else words
            if found and 2 * sum(1 for w in said_words if w in covered) >= len(said_words):
                said.add(name)
                break
    return said


_HANGUL_JAMO = re.compile("[\u1100-\u11ff]")
CJK_THANKS = tuple(fold(t) for t in ("谢", "謝", "감사", "고마"))
QUESTION_RE = re.compile("[?？؟]")  # folded Hangul: a syllable is two or three of these


GREETING_GROWN_SHORTEST = 5  # letters a greeting word needs to be read inside a longer word ("приветики"; not "salam…")


def _opens_with(text: str, phrases: frozenset[str], shorthand: dict[str, str] | None = None) -> bool:
    """Say whether the message's first clause opens with one of the phrases ("hi, I'm Maria"), written short in its
    language too ("прив всем"), or with a word that grows one of them ("приветики", a word no lexicon has)."""
    words = fold(CLAUSE_RE.split(text, maxsplit=1)[0]).split()
    if shorthand and words and words[0] in shorthand:
        words = [*shorthand[words[0]].split(), *words[1:]]
    if any(" ".join(words[:n]) in phrases for n in range(len(words), 0, -1)):
        return True
    if words and words[0].isalpha() and not _is_cjk(words[0]) and words[0] not in _all_vocabulary():
        if any(words[0][:n] in phrases for n in range(GREETING_GROWN_SHORTEST, len(words[0]))):
            return True
    return bool(words) and _is_cjk(words[0]) and any(words[0].startswith(p) and _is_cjk(p) for p in phrases)


# --- language -------------------------------------------------------------------------------


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for script, marks in (("hangul", ("HANGUL",)), ("kana", ("HIRAGANA", "KATAKANA")), ("han", ("CJK",)), ("arabic", ("ARABIC",)),
                          ("bengali", ("BENGALI",)), ("cyrillic", ("CYRILLIC",)), ("latin", ("LATIN",))):  # fmt: skip
        if name.startswith(marks):
            return script
    return "other"


def _script_language(text: str, locale: str | None = None) -> str | None:
    """The language a non-Latin script decides. Where the script leaves two open (Han with no
    character only one Chinese script uses, as in "你好"; Arabic letters with none of Urdu's own),
    the conversation's language among the two stays."""
    if text.isascii():
        return None  # Latin script (or none): decided by the lexicons
    scripts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc"):  # Bengali vowel signs are marks
            s = _script(ch)
            scripts[s] = scripts.get(s, 0) + 1
    # A script other than Latin decides, even when a school's English name outnumbers it.
    other = {script: n for script, n in scripts.items() if script not in ("latin", "other")}
    if not other:
        return None
    top = max(other, key=other.get)
    if other[top] < 2 and top not in ("hangul", "han"):  # one Hangul syllable or Han character is a word ("더", "K班")
        return None
    if top == "hangul":
        return "ko"
    if top in ("han", "kana"):
        simplified = sum(ch in SIMPLIFIED for ch in text)
        traditional = sum(ch in TRADITIONAL for ch in text)
        if traditional == simplified and locale in ("zh_Hans", "zh_Hant"):
            return locale
        return "zh_Hant" if traditional > simplified else "zh_Hans"
    if top == "arabic":
        if locale == "ur" or any(ch in URDU_LETTERS for ch in text):
            return "ur"
        # Urdu typed on an Arabic keyboard ("خصوصي تعليم والي اسكول", "آداب"): its words tell
        # only words in Arabic letters: "pls", "ES", "IEP" are no Urdu
        words = [w for w in fold(text.translate(READ_AS_ARABIC_LETTERS)).split() if _ABJAD_OR_BENGALI.match(w)]
        arabic, urdu = _lexicons()["ar"], _lexicons()["ur"]  # a word or phrase both have says nothing
        runs = _Message.of(" ".join(words)).runs
        shared = {w for p in runs.intersection(arabic.multiword_phrases, urdu.multiword_phrases) for w in p.split()}  # "كي جي"
        votes = {
            loc: sum(w in c.vocabulary and w not in other.vocabulary and w not in shared for w in words)
            + 2 * len(runs.intersection(c.multiword_phrases).difference(other.multiword_phrases))
            for loc, c, other in (("ar", arabic, urdu), ("ur", urdu, arabic))
        }
        return "ur" if votes["ur"] > votes["ar"] else "ar"
    if top == "bengali":
        return "bn"
    if top == "cyrillic":
        return "ru"
    return None  # Latin script: decided by the lexicons (and lingua)


LATIN_LOCALES = ("en", "es", "vi", "ht", "fr", "fil", "so")
TYPO_LOCALES = (
    *LATIN_LOCALES,
    "ru",
    "ur",
    "bn",
)  # the languages whose words are read as typos (not Arabic: its clitics make one edit another word)
# Languages of another script that families also type in Latin letters: Arabizi ("ta3leem khas"),
# Roman Urdu ("school batao"), Banglish ("er jonno"), Russian translit ("shkola dlya"), pinyin ("gaozhong gongli"),
# Korean ("yuchiwon").
ROMANISED_LOCALES = ("ar", "ur", "bn", "ru", "zh_Hans", "ko")
SHARED_TALK_LOCALES = ("ur", "bn")  # romanised languages whose everyday words vote even where a Latin language has them
# ISO 639-1 of a language we answer in → its locale ("zh": Simplified unless the text is Traditional)
LOCALE_OF_LANGUAGE = {"en": "en", "es": "es", "zh": "zh_Hans", "vi": "vi", "ko": "ko", "ru": "ru", "ar": "ar", "ur": "ur",
                      "bn": "bn", "ht": "ht", "fr": "fr", "tl": "fil", "fil": "fil", "so": "so"}  # fmt: skip


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    languages = {Language.ENGLISH: "en", Language.SPANISH: "es", Language.VIETNAMESE: "vi", Language.FRENCH: "fr",
                 Language.TAGALOG: "fil", Language.SOMALI: "so"}  # fmt: skip
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build(), languages


@lru_cache(maxsize=1)
def _latin_vocabularies() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Per language, the Latin-script words and phrases that vote for it: all of a Latin-script
    language's; of a language of another script, its romanised words no Latin-script language has
    ("madrasa", "dlya", "xuexiao", "batao"), so that English school words do not vote for it."""
    out = {loc: (_lexicons()[loc].vocabulary | _shorthand_words(loc), _lexicons()[loc].multiword_phrases) for loc in LATIN_LOCALES}
    latin = [*out.values()]

    def own(phrases: frozenset[str]) -> frozenset[str]:
        return frozenset(p for p in phrases if p.isascii() and not p.isdigit() and not any(p in w or p in m for w, m in latin))

    english = _lexicons()["en"].vocabulary | _english_words()
    # English written short ("skul", "tnx", "nxt", "sch") votes for English as the words it stands for would
    out["en"] = (out["en"][0] | _english_shorthand_words(), out["en"][1])
    for loc in ROMANISED_LOCALES:
        # Roman Urdu's and Banglish's everyday words vote for them even where a Latin-script language has them too:
        # "ko", "hai", "wala", "mere" are also Filipino, Vietnamese or French, and "mere bete ko autism hai" is Urdu
        # (not pinyin's or Arabizi's: "de", "el", "fi" are Spanish, French or Somali words far more often)
        markers = {w for p in _lexicons()[loc].lexicon.markers for w in p.split()} if loc in SHARED_TALK_LOCALES else ()
        talk = frozenset(w for w in markers if w.isascii() and w.isalpha() and len(w) > 1 and w not in english)
        out[loc] = (own(_lexicons()[loc].vocabulary | _shorthand_words(loc)) | talk, own(_lexicons()[loc].multiword_phrases))
    return out


def _votes(words: list[str]) -> tuple[dict[str, int], set[str]]:
    """Each Latin-script language's votes (a word 1, a phrase of several words 2), and the message's word runs."""
    scores = {}
    runs = {" ".join(words[i : i + n]) for n in range(2, _longest_phrase() + 1) for i in range(len(words) - n + 1)}
    named = _merged().switch_to
    said = [w for w in words if w not in named] if len(words) > 2 else words  # "Espanol dual language kinder" is English
    for locale, (vocabulary, multiword) in _latin_vocabularies().items():
        score = sum(1 for w in said if w in vocabulary) + 2 * len(runs.intersection(multiword))
        if score:
            scores[locale] = score
    return scores, runs


@lru_cache(maxsize=4096)
def _voting_typo(word: str) -> str | None:
    """The need, program, grade or sector word of a Latin-script language an unknown word is a typo of."""
    if not _typo_script(word):
        return None
    vocabulary = _typo_vocabulary(LATIN_LOCALES)
    found = process.extractOne(word, [w for w in vocabulary if w[0] == word[0]], scorer=OSA.distance, score_cutoff=typo_distance(len(word)))
    return found[0] if found else None


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The words of English's school phrases (needs, programs, grades, sectors, "school"), which other
    languages borrow; not its commands nor its common words ("aide", "date" are French too)."""
    lexicon = _lexicons()["en"].lexicon
    phrases = [*lexicon.school_words, *lexicon.grades, *lexicon.number_words]
    phrases += [p for group in (*lexicon.needs.values(), *lexicon.programs.values(), *lexicon.sectors.values()) for p in group]
    return frozenset(w for p in phrases for w in p.split()) | _pattern_words(load_all()["en"].grade_patterns)


@lru_cache(maxsize=1024)
def _english_typo(word: str) -> bool:
    """Say whether a word no common word of our languages is, is one edit from a word of English's school
    phrases, its first letter kept ("midle", "hight", "specail"): English misspelt, whichever lexicon has it."""
    if len(word) < UNCLEAR_SHORTEST or not word.isascii() or word in _english_words() or _is_common(word):
        return False
    same_start = [w for w in _english_words() if w[0] == word[0] and abs(len(w) - len(word)) <= 1]
    return process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=1) is not None


SHORTHAND_VOTE_SHORTEST = 3  # letters a language's shorthand needs to vote for it ("cmt", "jdoi", "mxaan"; not "ds", "pr")


@lru_cache(maxsize=16)
def _shorthand_words(locale: str) -> frozenset[str]:
    """A language's SMS shorthand that votes for it as the words it stands for would ("cmt", "jdoi", "mxaan")."""
    shorthand = _lexicons()[locale].lexicon.shorthand
    return frozenset(k for k in shorthand if len(k) >= SHORTHAND_VOTE_SHORTEST and k.isalpha() and k != shorthand[k])


@lru_cache(maxsize=1)
def _english_shorthand_words() -> frozenset[str]:
    """English's SMS shorthand ("skul", "tnx", "nxt", "sch"): words of two letters or more, which other lexicons
    borrow with English ("high skul", "skul bus", "ty po") and which are no language's own."""
    return frozenset(k for k in _lexicons()["en"].lexicon.shorthand if len(k) > 1 and k.isalpha() and k.isascii())


@lru_cache(maxsize=1)
def _not_own() -> frozenset[str]:
    """The words that say no language of a tie more than another: English's (its shorthand too: "skul", "tnx"), and
    the languages' names."""
    return _lexicons()["en"].vocabulary | _english_words() | _english_shorthand_words() | _merged().languages


@lru_cache(maxsize=16)
def _talk(locale: str) -> frozenset[str]:
    """A language's words and phrases of talk (common words, politeness, commands): its own even
    where English has them ("aide" is French help, not a teacher's aide)."""
    lexicon = _lexicons()[locale].lexicon
    phrases = (*lexicon.markers, *lexicon.fillers, *lexicon.stop, *lexicon.start, *lexicon.help, *lexicon.more, *lexicon.greeting,
               *lexicon.human, *lexicon.compare, *lexicon.details)  # fmt: skip
    return frozenset((*phrases, *(w for p in phrases for w in p.split())))


_ACCENTED = re.compile("[áéíóúñçèàùâêîôûëïüœ]", re.IGNORECASE)
MIXED_OWN_WORDS = 2  # words of a family's language, English has not, that make a text mixed with English theirs


# Arabizi writes the Arabic letters Latin has none for with digits (2 ء, 3 ع, 5 خ, 7 ح, 9 ق): a digit between letters
# ("t2dm", "sm7t", "ma2a3") or before three letters or more that are no ordinal's ending ("3ndi", "2rib", "7ukumiya";
# not "2nde", "5eme", "7aad")
_ARABIZI_WORD = re.compile(r"[a-z]+[23579][a-z]+|[23579](?!(?:nde|eme|ieme|yem|aad|ème|ere|ieme|nd|rd|th|st)\b)[a-z]{3,}")
ARABIZI_VOTES = 2  # votes each Arabizi word gives Arabic


@lru_cache(maxsize=1)
def _others_talk() -> frozenset[str]:
    """The words of talk of the Latin-script languages but English ("k", "el", "non", "co"): a school word of English that
    is one of these ("k" is kindergarten and Vietnamese "không") says English only beside another."""
    return frozenset(w for loc in LATIN_LOCALES if loc != "en" for w in _talk(loc) if w not in _talk("en"))


def _all_english_school_words(words: list[str], capital_k: bool) -> bool:
    """Say whether a text is English's school words and numbers alone ("K 60637 dual language", "9th 60637 esl"), one of
    them at least no other language's talk nor a language's name, and none another language's talk but "k" (unaccented
    Vietnamese "co esl" is "có esl"): a capital "K" is the grade, no one's "k" of talk."""
    english, others, names = _english_words() | _english_shorthand_words(), _others_talk(), _merged().switch_to
    said = [w for w in words if not w.isdigit() and not _ORDINAL_TOKEN.fullmatch(w)]
    talk = [w for w in said if w in others and not (w == "k" and capital_k)]
    return (
        bool(said)
        and all(w in english or w in names for w in said)
        and any(w not in talk and w not in names for w in said)
        # no other word of another language's talk but a grade code: "el bus", "gen IEP", "co esl", "Be co IEP, can
        # inclusion class" are Spanish, Haitian, Vietnamese
        and all(w == "k" for w in talk)
    )


_ORDINAL_TOKEN = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


def _latin_language(folded: str, original: str) -> str | None:
    words = folded.split()
    scores, runs = _votes(words)
    arabizi = sum(1 for w in words if _ARABIZI_WORD.fullmatch(w)) if any(ch in folded for ch in "23579") else 0
    if arabizi:  # "3ndi bnt bdha t2dm 3a kg", "emta a5er m3ad lal tasjil"
        scores["ar"] = scores.get("ar", 0) + ARABIZI_VOTES * arabizi
    if not scores:  # no word of any language: a typo of a school word votes as the word would ("kindergarton 60637")
        known = _all_vocabulary()
        words = [w if w in known or len(w) < UNCLEAR_SHORTEST or _is_common(w) else _voting_typo(w) or w for w in words]
        scores, runs = _votes(words)
    if any(ch in original.lower() for ch in "ươăđ") or re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹìĩũõã]", original.lower()):
        return "vi"
    if not scores:
        return None
    if "en" not in scores or len(scores) > 1:
        # English words another language borrowed ("special ed", "hi school", "wheel chair") are English in a
        # text that holds none of that language's own words: "special ed 60637" is English
        # (an English word misspelt as another lexicon also has it is English too: "midle school", "hight school")
        english = _english_words()
        vocabularies = _latin_vocabularies()

        def is_english(phrase: str) -> bool:
            return all(w in english or _english_typo(w) for w in phrase.split())

        borrowed = [p for loc in scores for p in runs.intersection(vocabularies[loc][1]) if is_english(p)]
        said = {w for p in borrowed if p not in _talk("en") for w in p.split()}  # "ed" of "special ed" is no Creole "èd"
        own = [
            w
            for loc in scores
            if loc != "en"
            for w in words
            if w in vocabularies[loc][0] and w not in said and (not is_english(w) or w in _talk(loc) and w not in _talk("en"))
        ]
        own += [p for loc in scores if loc != "en" for p in runs.intersection(vocabularies[loc][1])
                if not is_english(p) or p in _talk(loc) and p not in _talk("en")]  # fmt: skip
        if not own and any(w in english for w in words):
            return "en"
        if all(w in english for w in own) and _all_english_school_words(words, _CAPITAL_K.search(original) is not None):
            # a grade code, need words and a ZIP are English, even where a code is another language's talk too: "K 60637
            # dual language" (Vietnamese texts "k" for "không" and borrowed "dual") is English
            return "en"
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if ranked[0][0] == "en" and len(ranked) > 1:
        # English school words in a family's language are that language ("mi hijo needs special ed, va a
        # kinder"): two words of another language English does not have, and half as many as its own, outweigh them
        english = _latin_vocabularies()["en"][0]  # its shorthand too: "eng" of "span/eng" is no Filipino
        names = _merged().switch_to  # a language's name is no word of it ("Urdu dual language")
        own = {  # a romanised language's own word (no Latin-script language has it: "lagbe", "batao") counts twice
            loc: sum(1 + (loc in ROMANISED_LOCALES) for w in words if w in vocabulary and w not in english and w not in names)
            for loc, (vocabulary, _m) in _latin_vocabularies().items()
            if loc in scores and loc != "en"
        }
        family = max(own, key=own.get, default=None)
        said_in_english = sum(1 for w in words if w in english)
        if family and own[family] >= max(MIXED_OWN_WORDS, said_in_english / 2) and list(own.values()).count(own[family]) == 1:
            return family
    if ranked[0][0] != "en" and len(ranked) > 1:
        # between two languages that are not English, English school words they both borrowed ("school", "ESL",
        # "autism", "grade") say nothing: "Clinton school mein ESL hai?" is Roman Urdu, not Filipino
        english = _not_own()
        own = {loc: sum(1 for w in words if w in _latin_vocabularies()[loc][0] and w not in english)
               + 2 * sum(1 for p in runs.intersection(_latin_vocabularies()[loc][1]) if not all(w in english for w in p.split()))
               for loc, _n in ranked if loc != "en"}  # fmt: skip
        best = max(own, key=own.get)
        if best != ranked[0][0] and own[best] > own[ranked[0][0]] and list(own.values()).count(own[best]) == 1:
            return best
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and ranked[0][0] == "en" and _ACCENTED.search(original):
        ranked = ranked[1:]  # an accent English does not write breaks a tie with English: "détails 2" is French
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        # a tie: the language with the most words English does not have wins ("school batao" is Roman Urdu,
        # "pls KG r jonno school" Banglish: "school", "pls", "kg" are English words every lexicon borrowed);
        # a language's name is no word of its own ("Spanish dual language" is English)
        english = _not_own()
        tied = [loc for loc, n in ranked if n == ranked[0][1]]
        own = {loc: sum(1 for w in words if w in _latin_vocabularies()[loc][0] and w not in english) for loc in tied}
        best = max(own.values())
        if best and list(own.values()).count(best) == 1:
            return max(own, key=own.get)
        if not best and "en" in tied:  # all of it English, or borrowed by all of them: "real person pls", "nxt pg pls"
            return "en"
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    if len(words) >= 3:
        detector, languages = _lingua()
        found = detector.detect_language_of(original)
        if found in languages and languages[found] in dict(ranked[:3]):
            return languages[found]
    return ranked[0][0]


def detect_language(text: str, locale: str | None = None) -> str | None:
    """Return the locale a message is written in, or None when nothing in it tells; `locale`, the
    conversation's, settles what the script leaves open."""
    folded = fold(text)
    return _script_language(text, locale) or _latin_language(folded, text)


# --- parsing --------------------------------------------------------------------------------


# In these languages a lone "k" is a word of SMS ("k tal", "sa k pase", "k co"), not kindergarten,
# unless a number follows ("k 60637", "k-8")
K_IS_A_WORD = frozenset(("es", "ht", "vi", "fr", "fil", "so", "ur", "bn"))
K_EVEN_CAPITAL = frozenset(("ht",))  # Creole writes "ki" as "K" too ("lekòl K gen bis")
_CAPITAL_K = re.compile(r"(?<![^\W\d_])K(?![^\W\d_])")
_LONE_K = re.compile(r"(?<!\S)(?<!pre )k(?! \d)(?!\S)")
# Russian in Latin letters writes "к" (towards) as a small "k", before a number too ("poblizhe k 60657")
K_BEFORE_A_NUMBER = frozenset(("ru",))
_LONE_K_EVEN_BEFORE_A_NUMBER = re.compile(r"(?<!\S)(?<!pre )k(?!\S)")


def _grades(
    message: _Message, order: list[str], language: str | None = None, capital_k: bool = False
) -> tuple[tuple[int, int] | None, set[str]]:
    """Return the grade span the message asks for, and the number tokens that named grades. A lone "K"
    written as a capital is kindergarten in every language but Creole ("lớp K", "classe K"); a small one only
    where "k" is no word of SMS (`K_IS_A_WORD`)."""
    spans, used = [], set()
    if (
        language in K_IS_A_WORD
        and not (capital_k and language not in K_EVEN_CAPITAL)
        and "k" in message.runs
        and _LONE_K.search(message.folded)
    ):
        message = _Message.of(_LONE_K.sub(" ", message.folded))
    elif language in K_BEFORE_A_NUMBER and not capital_k and "k" in message.runs:
        message = _Message.of(_LONE_K_EVEN_BEFORE_A_NUMBER.sub(" ", message.folded))
    numbered = []  # (where, span) of each grade a pattern read
    phrases = []  # (phrase, span) of each grade phrase found
    years = []  # where a phrase naming one grade is: a number read inside it is its year ("중학교 1학년" is 7th)
    for locale in order:
        compiled = _lexicons()[locale]
        for pattern in compiled.grade_patterns:
            for match in pattern.finditer(message.folded):
                value = match.group(1)
                number = int(value) if value.isdigit() else compiled.lexicon.number_words.get(value)
                if number is not None and 1 <= number <= 12:
                    numbered.append((match.span(1), (number, number)))
                    used.add(value)
        for phrase in _found(message, compiled.lexicon.grades):
            span = compiled.lexicon.grades[phrase]
            phrases.append((phrase, span))
            if span[0] == span[1]:
                at = _where(message.folded, phrase)
                years.append((at, at + len(phrase)))
    # a phrase only ever written inside a longer one of another span is that one's ("k" of "k-8", "幼儿园" of "幼儿园小班")
    places = {phrase: _places(message.folded, phrase) for phrase, _span in phrases}
    for phrase, span in phrases:
        inside = [(a, a + len(longer)) for longer, other in phrases if other != span and len(longer) > len(phrase) for a in places[longer]]
        if not places[phrase] or not all(any(a <= at and at + len(phrase) <= b for a, b in inside) for at in places[phrase]):
            spans.append(span)
    spans += [span for (start, end), span in numbered if not any(a <= start and end <= b for a, b in years)]
    if not spans:
        return None, used
    single = [span for span in spans if span[0] == span[1]]
    if single and len(single) < len(spans):  # "grade 3 elementary": the grade, not the whole level
        spans = single
    # "kinder" inside "pre kinder" is not a second grade: keep the most specific spans
    lows = [s[0] for s in spans]
    highs = [s[1] for s in spans]
    if any(s == (-1, -1) for s in spans) and any(s == (0, 0) for s in spans) and len(set(spans)) == 2:
        # unless kindergarten is also named on its own: "maternelle et pré-maternelle", "幼儿园和pre-K"
        return ((-1, 0) if _kinder_beside_prek(message) else (-1, -1)), used
    return (min(lows), max(highs)), used


# English as each language names it (the lexicons leave it out of `languages`: named alone, it is English help)
ENGLISH_NAMES = ("english", "inglés", "ingles", "anglais", "anglè", "angle", "tiếng anh", "ingiriis", "ingiriisi", "ingiriisiga",
                 "ingriisi", "английский", "английского", "английском", "английским", "англ", "영어", "英文", "英语", "英語",
                 "انجليزي", "الانجليزي", "انجليزية", "الانجليزية", "انكليزي", "الانكليزية", "انگریزی", "انگلش", "ইংরেজি",
                 "ইংলিশ", "angrezi", "ingreji", "inggles")  # fmt: skip


@lru_cache(maxsize=1)
def _language_codes() -> dict[str, str]:
    """Every lexicon's language names, and English's, folded, with the ISO 639-1 code each names."""
    codes = {name: code for compiled in reversed(_lexicons().values()) for name, code in compiled.lexicon.languages.items()}
    return {**codes, **{fold(name.translate(KEYBOARD_VARIANTS)): "en" for name in ENGLISH_NAMES}}


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    return frozenset(_language_codes())


def _paired_with_english(message: "_Message", spot: bool = False):
    """The language a message names together with English, one beside the other ("Soomaali iyo Ingiriis",
    "inglés y español", "اردو اور انگریزی"): the other language of a program in both; None when it names none so.
    `spot`: where the two names are in the folded message instead, from the first's start to the second's end."""
    codes = _language_codes()
    names = _found(message, _language_names())
    for name in names & _CJK_PAIRS.keys():  # "中英", "西英雙語": both languages in one word
        at = message.folded.find(name)
        return (at, at + len(name)) if spot else _CJK_PAIRS[name]
    if len(names) < 2:
        return None
    if not _SPEAK_RE.search(message.folded):  # "he speaks Spanish and English", "text me in Spanish or English": no program
        spots = sorted((at, at + len(name), codes[name]) for name in names for at in _places(message.folded, name))
        for (_s1, end, first), (start, _e2, second) in zip(spots, spots[1:], strict=False):
            between = message.folded[end:start].replace("-", " ").replace("/", " ").replace("+", " ").replace("&", " ").split()
            if first != second and "en" in (first, second) and len(between) <= 2 and _AND_WORDS.issuperset(between):
                return (_s1, _e2) if spot else second if first == "en" else first
    return None


# two language names joined by a hyphen or a slash, either written short ("fr-angl", "esp/ingl", "esp-ing")
_CLIPPED_PAIR_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,9}) ?[-/] ?([^\W\d_]{2,9})(?![\w-])")
# Vietnamese "Anh - Việt", "Việt Anh" (English and Vietnamese): "anh" alone is "you", so only as a pair
_VIETNAMESE_PAIR_RE = re.compile(r"\b(?:viet ?[-/]? ?anh|anh ?[-/]? ?viet)\b")
# a language and English in one word: "中英" (Chinese-English), "西英" (Spanish-English), "한영" (Korean-English)
_CJK_PAIRS = {
    fold(pair): code for pair, code in {"中英": "zh", "英中": "zh", "西英": "es", "英西": "es", "한영": "ko", "영한": "ko"}.items()
}


@lru_cache(maxsize=1)
def _one_word_language_names() -> tuple[tuple[str, str], ...]:
    return tuple((name, code) for name, code in _language_codes().items() if name.isascii() and name.isalpha())


def _clipped_code(word: str) -> str | None:
    """The language a word names, written whole or cut short ("esp", "angl", "fr"): the one code of every name it begins."""
    codes = {code for name, code in _one_word_language_names() if name.startswith(word)}
    return next(iter(codes)) if len(codes) == 1 else None


def _clipped_pair(text: str) -> str | None:
    """The other language of a dual-language program written as a pair of short names beside English ("bilingue
    fr-angl", "esp/ingl", "esp-ing"): read only when a program in two languages is asked and no name was found whole."""
    if _VIETNAMESE_PAIR_RE.search(fold(text)):  # "song ngữ Việt Anh"
        return "vi"
    for m in _CLIPPED_PAIR_RE.finditer(text.lower()):
        first, second = _clipped_code(fold(m.group(1))), _clipped_code(fold(m.group(2)))
        if first and second and first != second and "en" in (first, second):
            return second if first == "en" else first
    return None


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    return frozenset(name for name, code in _language_codes().items() if code == "en")


def _english_asked(text: str, need_cues: Cues, sector_cues: Cues) -> bool:
    """Say whether a clause names English as what a child lacks or is to be taught ("ما بيحكوا انجليزي", "聽不太懂英文",
    "dạy tiếng Anh cho học sinh mới", "Ingiriis laan"): English named in a school question is English help, unless
    the clause rules a need out ("no English classes needed") or is about speaking or texting ("text me in English").
    English as written, not a typo's reading ("Marie-Ange" is no "angle")."""
    names = _english_names()
    for clause in CLAUSE_RE.split(text):
        folded = fold(clause)
        message = _Message.of(folded)
        if not _any(message, names) or _any_cue(message, need_cues):
            continue
        if _SPEAK_RE.search(folded) and not _any_cue(message, sector_cues):  # "text me in English"; not "doesn't speak English"
            continue
        return True
    return False


def _named_beside_english(message: "_Message") -> str | None:
    """The one language other than English a message names where it names English too: with "bilingual", the
    language of the bilingual program ("bilingual program, Chinese, and his English needs work too")."""
    codes = _language_codes()
    named = {codes[name] for name in _found(message, _language_names())}
    others = named - {"en"}
    return next(iter(others)) if "en" in named and len(others) == 1 else None


def _ell_only_as_pair(message: "_Message", phrases: frozenset[str]) -> bool:
    """Say whether every English-help phrase of a message names English as one of a program's two languages
    ("bilingual Urdu-English program", "Soomaali iyo Ingiriis fasalka"): English joined to another language."""
    pair = _paired_with_english(message, spot=True)
    if pair is None:
        return False
    start, end = pair
    return not _any(_Message.of(f"{message.folded[:start]} {message.folded[end:]}"), phrases)


# "and" in our languages as it joins two languages' names, and the little words beside it ("et l'anglais", "iyo af Ingiriis")
_AND_WORDS = frozenset(fold(w) for w in ("and", "y", "e", "et", "ak", "iyo", "va", "và", "at", "и", "اور", "و", "ও", "আর", "和", "跟",
                                         "同", "与", "與", "및", "과", "와", "이랑", "랑", "하고", "aur", "ar", "l", "el", "la", "le",
                                         "the", "al", "af", "afka", "ng", "sa", "tieng", "tiếng", "en", "in", "con", "with", "w", "wa",
                                         "avec", "plus", "also", "tambien", "aussi", "lẫn", "với", "cùng", "cả"))  # fmt: skip
_OR_WORDS = frozenset(fold(w) for w in ("or", "o", "u", "ou", "oswa", "ama", "mise", "hoặc", "hay", "또는", "아니면", "или", "أو", "او", "یا",
                                        "বা", "অথবা", "或", "或者", "还是", "還是"))  # fmt: skip
# "regular public", "обычной публичной": a public school called regular, normal or traditional is the district's
_REGULAR_PUBLIC_RE = re.compile(
    r"\b(?:regular|normal|traditional|regulares?|normales?|obychn\w*|обычн\w*) (?:public|publica|publicas|публичн|государствен|gosudarstvenn)"
)


# "not far": a cue inside it is no sector's ("charter but not far" had listed district schools)
NOT_FAR = ("not far", "not too far", "not so far", "no lejos", "no muy lejos", "no tan lejos", "pas loin", "pas trop loin",
           "pas tres loin", "pa lwen", "pa two lwen", "hindi malayo", "di malayo", "hindi masyadong malayo", "không xa", "ko xa",
           "k xa", "не далеко", "недалеко", "не слишком далеко", "مش بعيد", "غير بعيد", "ليس بعيد", "ليست بعيدة", "مو بعيد",
           "دور نہیں", "زیادہ دور نہیں", "door nahi", "dur nahi", "দূরে না", "বেশি দূরে না", "不远", "不遠", "不太远", "不太遠",
           "멀지 않", "안 먼", "aan fogayn", "aan fogeyn", "aan fog")  # fmt: skip


@lru_cache(maxsize=1)
def _not_far() -> frozenset[str]:
    return frozenset(fold(p) for p in NOT_FAR)


@lru_cache(maxsize=1)
def _either_phrases() -> dict[str, frozenset[str]]:
    """The sectors' phrases as `_either_sector` joins them: public schools on the district's side ("public or charter")."""
    merged = _merged()
    return {**merged.sector_phrases, "district": merged.sector_phrases["district"] | merged.public}


def _either_sector(message: "_Message", phrases: dict[str, frozenset[str]]) -> bool:
    """Say whether a message names the district and charter schools joined as either ("district or charter", "CPS
    and charter schools"), not one set against the other."""
    spans = []
    for value in ("district", "charter"):
        found = [(_where(message.folded, p), len(p)) for p in _found(message, phrases[value])]
        if not found:
            return False
        spans.append(min(found))
    (first, length), (second, _length) = sorted(spans)
    between = message.folded[first + length : second].split()
    return len(between) in (1, 2) and between[-1] in _AND_WORDS | _OR_WORDS


_SPEAK_RE = re.compile(
    r"\b(?:speak|speaks|spoken|talk|text|write|reply|habla|hablan|hablamos|hablo|escribe|escriba|parle|parlons|parlent|"
    r"ecrivez|pale|ekri|noi|nhan|nagsasalita|salita|hadla|hadlaa|hadasha|qor|говорит|говорим|говорят|пишите|"
    r"يتكلم|تتكلم|نتكلم|يحكي|تحكي|نحكي|اكتب|بولتا|بولتی|بولتے|لکھیں|বলে|বলি|লিখুন|"
    r"texts?|texting|messages?|messaging|sms|mensajes?|envia\w*|envie\w*|manda\w*|respond\w*|reply|answer|repond\w*|"
    r"ecri\w*|voye|mesaj|tin nhan|fariin\w*|сообщени\w*|отвечайте|رسائل|رساله|راسلني)\b"
    + "".join(f"|{fold(w)}" for w in ("說", "说", "講", "讲", "말해", "말하", "써", "回覆", "回复", "短信", "簡訊", "用英", "문자", "답장"))
)


def _places(folded: str, phrase: str) -> list[int]:
    """Where a phrase is in a folded message, each time (inside words for CJK, else as whole words)."""
    text, sought = (folded, phrase) if _is_cjk(phrase) else (f" {folded} ", f" {phrase} ")
    found, at = [], text.find(sought)
    while at >= 0:
        found.append(at)
        at = text.find(sought, at + 1)
    return found


@lru_cache(maxsize=4)
def _grade_phrases(span: tuple[int, int]) -> frozenset[str]:
    """Every language's phrases for one grade span ("kinder", "幼儿园" for (0, 0))."""
    return frozenset(p for c in _lexicons().values() for p, s in c.lexicon.grades.items() if s == span)


@lru_cache(maxsize=1)
def _early_years() -> frozenset[str]:
    """Every language's words for the early years that countries give different years ("садик", "تمهيدي"): beside
    a pre-K phrase, no kindergarten of their own."""
    return frozenset(p for c in _lexicons().values() for p in c.lexicon.early_years)


def _kinder_beside_prek(message: _Message) -> bool:
    """Say whether a kindergarten phrase is in the message outside every pre-K phrase
    ("maternelle et pré-maternelle", "幼儿园和pre-K"; not "pre kinder" alone)."""
    rest = f" {message.folded} "
    for phrase in sorted(_found(message, _grade_phrases((-1, -1)) | _early_years()), key=len, reverse=True):
        rest = rest.replace(phrase if _is_cjk(phrase) else f" {phrase} ", " | ")
    return _any(_Message.of(" ".join(rest.split())), _grade_phrases((0, 0)))


_LETTER_RUN = re.compile(r"([^\W\d_])\1\1", re.IGNORECASE)
_WORD_WITH_RUN = re.compile(r"[^\W\d_]*([^\W\d_])\1\1[^\W\d_]*")
_RUN = re.compile(r"([^\W\d_])\1+", re.IGNORECASE)


def _unheld(match: re.Match) -> str:
    """A word with a letter held down as the word it is: each run of a letter three times or more
    written once or twice, whichever a lexicon knows ("helppp" → "help", "pleeease" → "please");
    twice when neither is known (left to the typo reading)."""
    word = match.group(0)
    runs = [m for m in _RUN.finditer(word) if len(m.group(0)) >= 3][:4]
    known = _all_vocabulary()
    for lengths in product((1, 2), repeat=len(runs)):
        out, at = [], 0
        for run, n in zip(runs, lengths, strict=True):
            out += [word[at : run.start()], run.group(0)[:n]]
            at = run.end()
        candidate = "".join(out) + word[at:]
        if fold(candidate) in known:
            return candidate
    return _RUN.sub(lambda m: m.group(0)[:2], word)


# In a text of another script, "ES", "MS", "HS" in capitals are no Spanish "es": they name a school level
_LEVEL_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:ES|MS|HS)(?![A-Za-z])")
_LEVELS = {"es": "elementary school", "ms": "middle school", "hs": "high school"}


SCHOOL_WORD_SHORTEST = 5  # an English word of this length at least is a school word, not talk ("with", "and", "year")


def _expanded(folded: str, locales: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The message with the SMS shorthand of its languages written out ("silla d ruedas" → "silla de
    ruedas", "truong gd dac biet" → "truong giao duc dac biet"): the first language's reading wins;
    and each word written out, with what it was read as."""
    shorthand = _shorthand(locales)
    if " " in folded and any(k in f" {folded} " for k in _two_word_shorthand(locales)):  # "д/с" (folded "д с"): детский сад
        folded = f" {folded} "
        for key in _two_word_shorthand(locales):
            folded = folded.replace(key, f" {shorthand[key.strip()]} ")
        folded = " ".join(folded.split())
    words = folded.split()
    read = {w: shorthand[w] for w in words if w in shorthand and shorthand[w] != w}
    return (" ".join(read.get(w, w) for w in words), read) if read else (folded, read)


@lru_cache(maxsize=32)
def _shorthand(locales: tuple[str, ...]) -> dict[str, str]:
    """The SMS shorthand of these languages, the first one's reading first; and English's for its school words, which
    a family texting in another language borrows with the words ("bchy ko IEP h, 3rd gr", "chrtr nahi chahiye")."""
    maps = [m for m in (_lexicons()[loc].lexicon.shorthand for loc in locales) if m]
    if "en" not in locales:
        # not a word of their own phrases: Creole "transpò" of "transpò piblik" is no "transportation"
        known = {w for loc in locales for p in (*_lexicons()[loc].vocabulary, *_lexicons()[loc].multiword_phrases) for w in p.split()}
        maps.append({k: v for k, v in _english_school_shorthand().items() if k not in known})
    return {k: v for m in reversed(maps) for k, v in m.items()}


@lru_cache(maxsize=32)
def _two_word_shorthand(locales: tuple[str, ...]) -> tuple[str, ...]:
    """The shorthand of these languages written as two letters with a slash, folded to two words ("д/с"), spaced."""
    return tuple(f" {k} " for k in _shorthand(locales) if " " in k)


@lru_cache(maxsize=1)
def _english_school_shorthand() -> dict[str, str]:
    """English's SMS shorthand for a school word ("sch", "chrtr", "kndr", "elem"), which a family texting in another
    language borrows with the word; not its shorthand for talk ("u", "r", "w"), which are words of other languages."""
    english = _english_words()
    return {k: v for k, v in _lexicons()["en"].lexicon.shorthand.items() if v in english and len(v) >= SCHOOL_WORD_SHORTEST}


def parse(text: str, locale: str | None = None, schools: SchoolNames | None = None) -> Understanding:
    """Read one text message. `locale` is the conversation's language, if known."""
    text = (text or "")[:MAX_TEXT]
    as_typed = text  # what the family wrote, to say a word of it back
    text = unicodedata.normalize("NFKC", text.replace("№", "# ")).translate(
        _DIGITS
    )  # "№2" is "#2", not "No2"  # "٦٠٦٢٩", "৬০৬২৯" → "60629"
    text = _LATIN_CJK_BOUNDARY.sub(" ", text).translate(SPELLING_VARIANTS)
    if _CJK_RE.search(text):  # "她在3rd grade", "G6娃": a word of Latin letters and digits glued to Han or Hangul is split off it
        text = _LATIN_WITH_DIGITS.sub(r" \g<0> ", text)
    if _LETTER_RUN.search(text):  # "helppp", "hiiii", "pleeease": a letter held down
        text = _WORD_WITH_RUN.sub(_unheld, text)
    folded = fold(text)
    if not folded:
        return Understanding(language=None, intent="unknown")
    detected = detect_language(text, locale)
    if detected == "ur":
        text = text.translate(READ_AS_ARABIC_LETTERS)
        folded = fold(text)
    written = text  # a school's name is sounded from the text as written
    if detected == "bn":
        text = text.translate(BENGALI_SIBILANTS)
        folded = fold(text)
    order = [loc for loc in dict.fromkeys([detected, locale, "en", *LOCALES]) if loc]
    own = tuple(dict.fromkeys(loc for loc in (detected, locale, "en") if loc))  # the message's languages
    if detected not in (*LATIN_LOCALES, None) and _LEVEL_ABBREVIATION.search(text):  # "ES w/ IEP সাপোর্ট", "HS 근처"
        folded = re.sub(r"\b(es|ms|hs)\b", lambda m: _LEVELS[m.group(1)], folded)
    folded, read_as = _expanded(folded, (detected,) if detected else ("en", *LATIN_LOCALES))  # "silla d ruedas", "gd dac biet"
    as_written = folded  # a command's typo is read from the text as written, not through another word's ("stpo")
    # a text no word of which tells its language is read through every Latin language's typos ("edikasyon espesial")
    typo_locales = tuple(loc for loc in own if loc in TYPO_LOCALES) if detected else LATIN_LOCALES
    folded, unclear, fixes = _corrected(
        folded, typo_locales or LATIN_LOCALES, schools, own if not detected else None, own if detected else None
    )
    read_as |= fixes  # a clause is read as the message is: "we don't need a buss" rules the bus out
    if detected is None and text.isascii():  # read through its typos, the text may say its language ("edikasyon espesyal")
        detected = _latin_language(folded, folded)
        order = [loc for loc in dict.fromkeys([detected, locale, "en", *LOCALES]) if loc]
        own = tuple(dict.fromkeys(loc for loc in (detected, locale, "en") if loc))
    if detected == "ar":
        folded, slips = _arabic_slips_repaired(folded)  # "للصف السابغ" is the seventh grade
        read_as |= slips
        folded = _without_conjunction(folded)  # "وما تحكي انجليزي" is "و ما تحكي انجليزي"
    if detected == "ko":
        folded = _CUTE_ENDING.sub(rf"\g<1>{_POLITE_ENDING}", folded)  # "더보여주세여" is 더 보여주세요
        folded = _hangul_repaired(_grade_unit_repaired(folded))  # "특수교윽" is 특수교육, "4학련" 4학년
    elif detected in ("zh_Hans", "zh_Hant"):
        folded = _han_repaired(_han_sounds_repaired(folded))  # "特殊教肓" is 特殊教育, "笑车" 校车
    compiled = {loc: _lexicons()[loc] for loc in order}
    lexicons = {loc: c.lexicon for loc, c in compiled.items()}
    merged = _merged()

    words = set(folded.split())
    bare_by_locale = {loc: _without_fillers(folded, words, c) for loc, c in compiled.items()}
    # a language's own name, alone or with a "please" of any language ("Spanish please"): switch to it
    without_any_filler = _without_fillers(folded, words, merged)
    for loc in order:
        names = compiled[loc].commands["names"]
        if (bare_by_locale[loc] and bare_by_locale[loc] in names) or without_any_filler in names:
            return Understanding(language=loc, intent="language")

    def command(name: str) -> list[str]:
        """The languages whose command this is: said whole ("what can i text"), without that language's
        politeness ("ayuda por favor") or any language's ("ayuda pls", "stop xfa", "ещё пож")."""
        said = (folded, without_any_filler)
        return [loc for loc, bare in bare_by_locale.items() if any(b and b in compiled[loc].commands[name] for b in (bare, *said))]

    for intent in ("stop", "start", "help", "more", "greeting"):
        said_in = command(intent)
        if said_in:
            # a command only another language has is that language's, whatever the politeness around it ("ayuda pls")
            return Understanding(language=detected, intent=intent)
    wider = bool(command("wider"))

    near = next(iter(ZIP_RE.findall(text)), None)
    # a ZIP makes it a search: "I'm Maria, kinder near 60623" names a child, not Catalyst - Maria
    found = schools.named(_without_places(_without_persons(written))) if schools and not near else None
    school_id, school = found if found else (None, None)
    if schools is None and not near:  # no catalog to look names up in: the question's shape tells
        school = _school_by_shape(text)
    if school:
        folded = _without_name(folded, school)
        if school_id and not text.isascii():
            folded = _without_sounded_name(folded, written, schools)
        elif school_id and detected in LATIN_LOCALES and detected != locale:
            # a school's name is no word of the family's language: "does bartolome de las casas have a bus" is English
            rest = _without_name(fold(text), school)
            again = _latin_language(rest, rest) if rest.strip() else None
            if again and again != detected:
                detected = again
                order = [loc for loc in dict.fromkeys([detected, locale, "en", *LOCALES]) if loc]
                own = tuple(dict.fromkeys(loc for loc in (detected, locale, "en") if loc))
                compiled = {loc: _lexicons()[loc] for loc in order}
                lexicons = {loc: c.lexicon for loc, c in compiled.items()}
    message = _Message.of(folded)
    grades, grade_numbers = _grades(message, order, detected, capital_k=_CAPITAL_K.search(text) is not None)
    programs = tuple(code for code in SPED_PROGRAMS if _any(message, merged.programs[code]))
    talk_needs = _talk_need_words(detected) if detected and detected != "en" else {}
    need_phrases = {need: merged.needs[need] - talk_needs[need] if need in talk_needs and not words.isdisjoint(talk_needs[need])
                    else merged.needs[need] for need in NEED_ORDER}  # fmt: skip
    needs = [need for need in NEED_ORDER if (need == "sped" and programs) or _any(message, need_phrases[need])]
    if "bus" not in needs and _listed_bus(text):  # "IEP + بس، ES", "ES w/ IEP + বাস": an item of a list
        needs.append("bus")
    if "bus" in needs and "transit" in needs and _any_cue(message, cannot := _cannot(own if detected else LOCALES)):
        # "he can't take the CTA alone", "ma yqaan tareenka": the train the child can't ride is why the bus is asked
        _wanted, ruled_out = _sides(text, {need: need_phrases[need] for need in ("bus", "transit")}, cannot, read_as)
        if ruled_out == {"transit"}:
            needs.remove("transit")
    if "bus" in needs and "transit" in needs:  # "the CTA bus", "xe buýt thành phố": a city bus, not a school bus
        transit = _found(message, merged.needs["transit"])
        buses = _found(message, merged.needs["bus"])
        if all(any(_inside(bus, phrase) for phrase in transit) for bus in buses):
            needs.remove("bus")
        elif transit - merged.no_car - merged.city_bus and all(
            bus in merged.city_bus for bus in buses if not any(_inside(bus, other) for other in buses)
        ):  # "the bus or the train", "버스나 지하철": a bus named beside a train is the city's
            needs.remove("bus")
        elif transit <= merged.no_car:  # "we have no car, he needs the school bus": the bus is what is asked
            needs.remove("transit")
    if "sped" in needs and "accessible" in needs and not programs:  # "kursiga naafada": the chair, not special education
        accessible = _found(message, merged.needs["accessible"])
        if all(any(_inside(sped, phrase) for phrase in accessible) for sped in _found(message, merged.needs["sped"])):
            needs.remove("sped")
    found_needs = tuple(needs)
    sector_cues, need_cues = _cues(own if detected else LOCALES)  # no language said: any language's "not"
    if needs and _any_cue(message, need_cues):  # "we don't need a bus, we live close"
        _wanted, ruled_out = _sides(text, {need: need_phrases[need] for need in needs}, need_cues, read_as)
        needs = [need for need in needs if need not in ruled_out]
    needs = [need for need in needs if not _said_without(message, need_phrases[need], own if detected else LOCALES)]
    named = frozenset().union(*(merged.programs[code] for code in programs if code in CLASS_FOR_PROGRAMS))
    if "self_contained" not in programs and _class_apart(
        text, words, own if detected else LOCALES, "sped" in needs, sector_cues + need_cues, named
    ):
        programs = tuple(code for code in SPED_PROGRAMS if code in programs or code == "self_contained")
        needs = needs if "sped" in needs else ["sped", *needs]
    if len(programs) > 1 and _any_cue(message, sector_cues + need_cues):  # "inclusion, not a separate classroom"
        wanted, ruled_out = _sides(text, {code: merged.programs[code] for code in programs}, sector_cues + need_cues, read_as)
        if wanted:  # one program ruled out beside another asked for
            programs = tuple(code for code in programs if code not in ruled_out)

    if "resource" in programs and len(programs) > 1:
        # a few hours a day in a resource room, the rest in the regular class: both are the resource program's parts
        programs = tuple(code for code in programs if code not in ("inclusion", "self_contained"))
    if grades == (-1, -1) and "sped" in needs and "early_childhood" not in programs:
        # special education for a pre-K child is the early-childhood program ("3 years old, speech delay, preschool with SPED")
        programs = tuple(code for code in SPED_PROGRAMS if code in programs or code == "early_childhood")

    def first(facet: str, phrases_of) -> str | None:
        """The first value a lexicon gives in language order, looked for only if any lexicon has one."""
        if not _any(message, getattr(merged, facet)):
            return None
        return next((value for lex in lexicons.values() for value, phrases in phrases_of(lex) if _any(message, phrases)), None)

    # a public school names no sector: charter schools are public schools too ("K 60637 public", "escuela pública")
    sector = first("sectors", lambda lex: ((value, phrases) for value, phrases in lex.sectors.items() if value != "public"))
    # ... but asks about schools as a sector did: "¿las escuelas públicas tienen inglés como segundo idioma?" is a search,
    # no switch to English
    public_said = _any(message, merged.public)
    if sector and _either_sector(message, _either_phrases()):
        sector = None  # "district or charter", "public and charter schools": either
    elif public_said and not sector and _REGULAR_PUBLIC_RE.search(message.folded):
        sector = "district"  # "обычной публичной школе": a regular public school, as opposed to a charter
    elif (sector or public_said) and _any_cue(message, sector_cues):  # "not charter, only district", "anything but district"
        # public schools are read beside them, for where the cue stands ("sorkari, charter na": public, not charter); set
        # against what is ruled out they are the district's, and ruled out they leave the charters ("anything but public")
        other = {"district": "charter", "charter": "district", "public": "charter"}
        # a cue nearer a need is the need's ("charter school no bus" is a charter school without the bus)
        values = {**_sector_values(own if detected else ()), **{f"need:{need}": p for need, p in merged.needs.items()}, "near": _not_far()}
        wanted, ruled_out = _sides(text, values, sector_cues, read_as)
        wanted, ruled_out = [s for s in wanted if s != "public" and s in other], {s for s in ruled_out if s in other}
        sector = wanted[0] if wanted else other[next(iter(ruled_out))] if len(ruled_out) == 1 else None
    # "bilingual" is English-learner help, of which a dual-language program is one kind: beside the program's own words
    # ("bilingual dual language", "bilingüe, lenguaje dual") or its two languages, the program alone is asked
    ell_said = _found(message, merged.needs["ell"]) if "ell" in needs else set()
    bilingual_said = bool(ell_said & merged.bilingual)
    only_bilingual = bilingual_said and (
        ell_said <= merged.bilingual or _ell_only_as_pair(message, frozenset(ell_said - merged.bilingual))
    )  # "bilingual Urdu-English program": English is one of the program's two languages, not help
    paired = (
        # "bilingual Urdu-English program"; a bilingual program beside English help is the program in both languages
        # still ("li pa pale anglè ... pwogram bileng franse-anglè", "双语项目 ... 中文的，孩子英语也要加强")
        (_paired_with_english(message) or (bilingual_said and _clipped_pair(text)))
        if "dual_language" not in needs and ("ell" not in needs or ell_said & merged.bilingual)
        else None
    )
    if paired:  # "Soomaali iyo Ingiriis", "español e inglés": a program in both
        needs.append("dual_language")
    if only_bilingual and "dual_language" in needs:
        needs.remove("ell")
    elif "ell" in needs and "dual_language" in needs and _ell_only_as_pair(message, merged.needs["ell"]):
        needs.remove("ell")  # "bilingual Urdu-English program": English is one of the program's two languages, not help
    if (
        not paired
        and "ell" not in found_needs
        and "dual_language" not in found_needs
        and _any(message, _english_names())
        and (grades or near or needs or sector or public_said or school or _any(message, merged.school_words))
        and _english_asked(text, need_cues, sector_cues)
    ):
        needs.append("ell")  # "ما بيحكوا انجليزي", "聽不太懂英文", "dạy tiếng Anh cho học sinh mới": English named is English help
    language_named = paired or first("languages", lambda lex: ((code, (name,)) for name, code in lex.languages.items()))
    # the language of a dual-language program; beside English help, a language named is the one spoken at
    # home ("we only speak Arabic at home, she needs ESL"), not one to be taught in
    program_language = (language_named or _clipped_pair(text)) if "dual_language" in needs else None
    if language_named and not program_language and only_bilingual:
        program_language = language_named  # "bilingual chinese", as a dual-language program's language is read
    elif bilingual_said and not program_language:
        program_language = _named_beside_english(message)  # "bilingual program, Chinese; his English needs work too"
    topic = first("topics", lambda lex: lex.topics.items())
    without_zip = ZIP_RE.sub(" ", text)
    said_ages = list(_age_re().finditer(fold(without_zip))) if any(ch.isdigit() for ch in without_zip) else []
    ages = {m.group(1) for m in said_ages}
    numbers = [int(n) for n in NUMBER_RE.findall(without_zip) if n not in grade_numbers and n not in ages and 1 <= int(n) <= 99]
    if numbers and school:  # "deadline 4 Whitney Young", "addr 4 Disney": a number right before the school's name is "for"
        name_words = set(fold(school).split())
        before_name = {m.group(1) for m in _NUMBER_THEN_WORD.finditer(fold(without_zip)) if m.group(2) in name_words}
        numbers = [n for n in numbers if str(n) not in before_name]
    if _any(message, merged.refugee):  # "refugee", "refugiados", "难民": the schools with refugee services
        needs += [] if "ell" in needs else ["ell"]
        programs = (*programs, "refugee_services")
    if ages and not grades:  # "mi hijo de 5 años": a child's age is no grade (a 5-year-old may be in pre-K or K), so it is asked
        unclear += ((_as_written(as_typed, said_ages[0].group(0)), "grade"),)
    unclear = tuple((w, ask) for w, ask in unclear if ask not in needs and not (ask == "grade" and grades))
    if _any(message, merged.no_filter):  # "gifted": nothing in the catalog says it, so the family is told, not ignored
        found = _found(message, merged.no_filter)
        found = [w for w in sorted(found) if not any(_inside(w, other) for other in found if other != w)]
        unclear += tuple((_as_written(as_typed, w), PRIVATE_SCHOOL if w in _private() else NO_FILTER) for w in found)
    facets = dict(language=detected, grades=grades, near=near, sector=sector, needs=tuple(needs), programs=programs, program_language=program_language,
                  school=school, school_id=school_id, topic=topic, wider=wider, unclear=unclear)  # fmt: skip

    if _any(message, merged.human) and not _human_inside_need(message, merged, needs, programs):
        return Understanding(intent="human", **facets)
    # "compare 2, 4", "2 or 5?", "1 & 4": two result numbers and no grade or place to search by
    if len(set(numbers)) >= 2 and (_any(message, merged.compare) or not (grades or near)):
        return Understanding(intent="compare", choices=tuple(numbers), **facets)
    only_number = None
    if any(len(word) <= 2 and word.isdigit() for word in words):  # "2", "#2", "2 pls"
        bare = f" {folded} "
        for filler in merged.fillers if not merged.filler_words.isdisjoint(words) else ():
            bare = bare.replace(f" {filler} ", " ")
        only_number = re.fullmatch(r"\s*(\d{1,2})\s*", bare)
    if only_number and 1 <= int(only_number.group(1)) <= 99:
        return Understanding(intent="details", choices=(int(only_number.group(1)),), **facets)
    # "2", "tell me about 2", "does 2 have a bus?", "how to apply to 2": the listed school, on that topic
    if len(numbers) == 1 and not grades and not near and (needs or topic or _any(message, merged.details)):
        return Understanding(intent="details", choices=tuple(numbers), **facets)
    concrete = grades or near or needs or sector or public_said or topic or numbers  # a details word alone ("number") asks for nothing yet
    asks = concrete or _any(message, merged.details)
    if not asks and not school and not _any(message, merged.school_words):
        said = _command_within(text, message, compiled, merged, own)  # "stop, don't text me", "这个怎么用?"
        if said:
            return Understanding(language=detected, intent=said)
    # "Allô! Ici Mme Tremblay, nouvellement arrivée de Montréal", "приветик) мы только переехали в Чикаго": a greeting
    # that says the family is new here, and asks for nothing else (no school, no English named), introduces them
    introduced = (
        needs == ["ell"] and not (grades or near or sector or public_said or topic or numbers or programs) and not _asks_school(message)
    )
    if (
        (not concrete or introduced)
        and not (school and QUESTION_RE.search(text))
        and _opens_with(text, merged.greeting, _shorthand((detected,)) if detected else None)
    ):  # "hi, I'm Maria", "Bonsoir, je suis la maman d'Aïcha"
        return Understanding(language=detected, intent="greeting")
    if not asks and not school and len(words) <= 10:  # "text me in Spanish", "Пишите мне по-английски"
        names = _found(message, merged.switch_to)  # "繁體中文" names Traditional, not also the "中文" in it
        named = {merged.switch_to[name] for name in names if not any(_inside(name, other) for other in names)}
        if len(named) == 1:
            wanted = named.pop()
            return Understanding(language="zh_Hant" if wanted == "zh_Hans" and detected == "zh_Hant" else wanted, intent="language")
    if school:
        return Understanding(intent="details", **facets)
    if not (wider or concrete) and _any(message, merged.school_words) and _any(message, _more_words()):
        return Understanding(language=detected, intent="more")  # "quiero ver más escuelas", "학교 더 보여주세요"
    if wider or grades or near or needs or sector or public_said or _any(message, merged.school_words):
        return Understanding(intent="search", **facets)
    if not concrete and not school:  # a details word with no number asks nothing: "no" of "ya no me manden mensages"
        typo_locales = own if detected else TYPO_LOCALES
        # "halp", "sigiente", "pomoshch"; with its politeness too where that is a word of the command ("sispan voye mesaj")
        bare = _without_fillers(as_written, set(as_written.split()), merged)
        typed = _command_typo(bare, typo_locales) or _command_typo(as_written, typo_locales)
        if not typed and detected in LATIN_LOCALES and not any(w in _latin_vocabularies()[detected][0] for w in bare.split()):
            typed = _command_typo(bare, TYPO_LOCALES)  # its language told by its politeness alone: "cawimaad pls"
            detected = typed[1] if typed else detected
        if typed:
            intent, written_in = typed
            return Understanding(language=detected or written_in, intent=intent)
    return Understanding(intent="unknown", **facets)


_NUMBER_THEN_WORD = re.compile(r"(?<!\d)(\d{1,2}) ([^\W\d_]+)")


def _asks_school(message: "_Message") -> bool:
    """Say whether a message names a school or English (the words a need for English help is asked with)."""
    return _any(message, _merged().school_words) or _any(message, _english_names())


CLASS_APART_GAP = 4  # words a class and the word setting it apart may be from each other ("fasal yar oo gooni ah")
CLASS_FOR_PROGRAMS = ("autism", "deaf_hard_of_hearing", "visual_impairment")  # children a class may be for
CLASS_FOR_GAP = 5  # words a program named may be from a class to be what the class is for ("autism walay bachon ki alag class")


@lru_cache(maxsize=64)
def _class_words(locales: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """These languages' words for a class, for apart and for small, folded."""
    raw = load_all()

    def words(field: str) -> frozenset[str]:
        return frozenset(fold(w.translate(KEYBOARD_VARIANTS)) for loc in locales for w in getattr(raw[loc], field))

    return words("classroom"), words("apart"), words("small")


def _class_apart(text: str, words_of_message: set[str], locales: tuple[str, ...], sped: bool, cues: Cues, named: frozenset[str]) -> bool:
    """Say whether a clause asks for a class set apart, in any order and with words between: a class word a few
    words from a word for apart ("salón especial aparte", "class alag", "فصل صغير منفصل"), or, when special
    education is asked, from a word for small ("فصل خاص صغير", "fasal gaar ah oo yar"): the self-contained program.
    Not in a clause that rules something out ("no en un salón aparte"), nor when a program named a few words from the
    class is what the class is for ("autism walay bachon ki alag class", "অটিস্টিক বাচ্চাদের জন্য আলাদা ক্লাস")."""
    classroom, apart, small = _class_words(locales)
    if classroom.isdisjoint(words_of_message):  # most messages name no class: nothing to read clause by clause
        return False
    near = apart | small if sped else apart
    for clause in CLAUSE_RE.split(text):
        words = fold(clause.translate(KEYBOARD_VARIANTS)).split()
        classes = [at for at, w in enumerate(words) if w in classroom]
        if not classes:
            continue
        others = [at for at, w in enumerate(words) if w in near]
        close = [a for a in classes if any(abs(a - b) <= CLASS_APART_GAP for b in others)]
        if not close or _any_cue(_Message.of(" ".join(words)), cues):
            continue
        if named and all(_any(_Message.of(" ".join(words[max(0, a - CLASS_FOR_GAP) : a + CLASS_FOR_GAP + 1])), named) for a in close):
            continue
        return True
    return False


def _human_inside_need(message: _Message, merged: "_Merged", needs: list[str], programs: tuple[str, ...]) -> bool:
    """Say whether every word for a person the message holds is part of a need it names ("人工" of "人工耳蜗", a cochlear
    implant, asks for no person)."""
    if not (needs or programs):
        return False
    named = set().union(*(_found(message, merged.needs[n]) for n in needs), *(_found(message, merged.programs[c]) for c in programs))
    return all(any(_inside(person, phrase) for phrase in named) for person in _found(message, merged.human))


# "bus" written as a word that also means something else ("بس": only, "বাস": live): a bus only as an item of its own
_BUS_ALONE = frozenset(("بس", "বস"))
_LIST_RE = re.compile(r"[+/&]|\bw/|" + CLAUSE_RE.pattern)


def _listed_bus(text: str) -> bool:
    """Say whether a text lists "بس" or "বাস" as an item between commas or pluses ("IEP + بس، ES")."""
    if not any(ch in text for ch in "بব"):
        return False
    return any(fold(item.translate(SPELLING_VARIANTS)) in _BUS_ALONE for item in _LIST_RE.split(text))


@lru_cache(maxsize=1)
def _more_words() -> frozenset[str]:
    """Every language's words and phrases for more ("más", "더", "kale", "更多")."""
    return frozenset(p for c in _lexicons().values() for p in c.commands["more"])


COMMAND_TYPO_WORDS = 5  # a command this many words long at most is read through a typo ("stpo", "ver mass")
TYPO_COMMANDS = ("stop", "start", "help", "more", "human")


@lru_cache(maxsize=16)
def _command_phrases(locale: str) -> tuple[tuple[str, str], ...]:
    """A language's command phrases in Latin or Cyrillic letters, each with its intent."""
    lexicon = _lexicons()[locale].lexicon
    return tuple(
        (phrase, intent)
        for intent in TYPO_COMMANDS
        for phrase in getattr(lexicon, intent)
        if len(phrase) >= TYPO_SHORTEST and len(phrase.split()) <= COMMAND_TYPO_WORDS and all(map(_typo_script, phrase.split()))
    )


@lru_cache(maxsize=4096)
def _command_typo(bare: str, locales: tuple[str, ...]) -> tuple[str, str] | None:
    """The command (and the language of it) a whole short message is a typo of, as a word's typo
    is read: one or two edits by length, the first letter kept ("halp" is help, "sigiente" is
    siguiente, "помошь" is помощь); None when none is, or two commands are equally near."""
    words = bare.split()
    if not words or len(words) > COMMAND_TYPO_WORDS or len(bare) < TYPO_SHORTEST or not all(map(_typo_script, words)):
        return None
    if len(words) == 1 and (bare in _all_vocabulary() or _is_common(bare)):
        return None
    limit = typo_distance(len(bare))
    best: dict[str, tuple[int, str]] = {}
    for loc in locales:
        for phrase, intent in _command_phrases(loc):
            if phrase[0] == bare[0] and abs(len(phrase) - len(bare)) <= limit:
                distance = OSA.distance(bare, phrase, score_cutoff=limit)
                if distance <= limit and (intent not in best or distance < best[intent][0]):
                    best[intent] = (distance, loc)
    if not best:
        return None
    nearest = min(d for d, _loc in best.values())
    intents = [intent for intent, (d, _loc) in best.items() if d == nearest]
    return (intents[0], best[intents[0]][1]) if len(intents) == 1 else None
