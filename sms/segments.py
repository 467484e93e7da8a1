"""SMS segments: how many parts a text is sent as (GSM-7 or UCS-2). Pure.

GSM-7 packs 160 septets in one segment or 153 per part of a longer message; its extension
characters (^{}[]~\\|€ and form feed) take two septets and are never split across parts.
One character outside GSM-7 makes the whole message UCS-2: 70 UTF-16 units in one segment,
67 per part, a surrogate pair (most emoji) never split.
"""

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
GSM7_ALL = GSM7_BASIC | GSM7_EXTENSION

GSM7 = "GSM-7"
UCS2 = "UCS-2"
SINGLE = {GSM7: 160, UCS2: 70}
PART = {GSM7: 153, UCS2: 67}


# Look-alikes with a GSM-7 code (as carriers' "smart encoding" does): a Spanish or French text
# then goes out in 160-character segments instead of 70.
GSM7_LOOKALIKES = str.maketrans({
    "á": "a", "í": "i", "ó": "o", "ú": "u", "â": "a", "ê": "e", "î": "i", "ô": "o", "û": "u", "ë": "e", "ï": "i",
    "ç": "c", "Á": "A", "Í": "I", "Ó": "O", "Ú": "U", "À": "A", "È": "E", "Ê": "E", "Ô": "O",
    "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "·": "-", "\u00a0": " ", "\u202f": " ",
})  # fmt: skip


def gsm_friendly(text: str) -> str:
    """Swap characters for GSM-7 look-alikes when that makes the whole text GSM-7; else keep it."""
    swapped = text.translate(GSM7_LOOKALIKES)
    return swapped if encoding(swapped) == GSM7 else text


def encoding(text: str) -> str:
    """Return "GSM-7" when every character has a GSM-7 code, else "UCS-2"."""
    return GSM7 if GSM7_ALL.issuperset(text) else UCS2


def _units(text: str, enc: str) -> list[int]:
    """Return the size of each character in the encoding's units (septets or UTF-16 units)."""
    if enc == GSM7:
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _one_unit_each(text: str, enc: str) -> bool:
    """Say whether every character takes one unit: no GSM-7 escape, no UTF-16 surrogate pair."""
    if enc == GSM7:
        return GSM7_EXTENSION.isdisjoint(text)
    return text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text)


def count_segments(text: str) -> int:
    """Return how many SMS segments `text` is sent as (0 for an empty text)."""
    if not text:
        return 0
    enc = encoding(text)
    if _one_unit_each(text, enc):  # the usual case: no part boundary can fall inside a character
        return 1 if len(text) <= SINGLE[enc] else -(-len(text) // PART[enc])
    units = _units(text, enc)
    if sum(units) <= SINGLE[enc]:
        return 1
    segments, used = 1, 0
    for size in units:
        if used + size > PART[enc]:  # a character never straddles two parts
            segments, used = segments + 1, 0
        used += size
    return segments


def fits(text: str, max_segments: int = 3) -> bool:
    """Say whether `text` goes out in at most `max_segments` segments."""
    return count_segments(text) <= max_segments


def truncate(text: str, max_segments: int = 3, ellipsis: str = "…") -> str:
    """Cut `text` at a word boundary so that, with `ellipsis`, it fits the segment budget."""
    if fits(text, max_segments):
        return text
    cut = text
    while cut and not fits(cut + ellipsis, max_segments):
        cut = cut[: max(0, len(cut) - max(1, len(cut) // 20))]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip() + ellipsis
