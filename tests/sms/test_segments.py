"""Segment counting against the GSM 03.38 rules, computed by hand here."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms.segments import GSM7, UCS2, count_segments, encoding, fits, truncate


@pytest.mark.parametrize(
    ("text", "enc", "segments"),
    [
        ("", GSM7, 0),
        ("a" * 160, GSM7, 1),
        ("a" * 161, GSM7, 2),
        ("a" * 306, GSM7, 2),
        ("a" * 307, GSM7, 3),
        ("€" * 80, GSM7, 1),  # 160 septets
        ("€" * 81, GSM7, 2),
        ("a" * 152 + "€" + "a" * 10, GSM7, 2),  # the escape pair moves whole to part two: 152 + 12 septets
        ("a" * 158 + "€", GSM7, 1),  # 160 septets
        ("a" * 159 + "€", GSM7, 2),  # 161
        ("é" * 160, GSM7, 1),  # é is in the GSM-7 table
        ("í" * 70, UCS2, 1),  # í is not
        ("í" * 71, UCS2, 2),
        ("学" * 134, UCS2, 2),
        ("学" * 135, UCS2, 3),
        ("😀" * 35, UCS2, 1),  # 70 UTF-16 units
        ("😀" * 36, UCS2, 2),
        ("a" * 66 + "😀", UCS2, 1),  # 68 units
        ("a" * 66 + "😀" + "a" * 3, UCS2, 2),  # 71 units; the pair is not split: 66 + (2 + 3)
    ],
)
def test_encoding_and_segments(text, enc, segments):
    assert encoding(text) == enc
    assert count_segments(text) == segments


def test_truncate_fits_the_budget_and_cuts_at_a_word():
    text = " ".join(["escuela"] * 200)
    short = truncate(text, 3)
    assert fits(short, 3) and short.endswith("…") and short[:-1].split()[-1] == "escuela"


@given(st.text(max_size=1200), st.integers(min_value=1, max_value=4))
def test_truncate_always_fits(text, budget):
    assert fits(truncate(text, budget), budget)


def test_gsm_friendly_swaps_latin_accents_but_leaves_other_scripts():
    from sms.segments import gsm_friendly

    assert gsm_friendly("De Prekínder a Grado 8 · “sí”") == 'De Prekinder a Grado 8 - "si"'
    assert encoding(gsm_friendly("Mẫu giáo đến lớp 5")) == UCS2  # Vietnamese keeps its letters
    assert gsm_friendly("幼儿园") == "幼儿园"
    # a letter GSM-7 has is never swapped: Haitian "lekòl" and French "où" keep theirs
    assert (
        gsm_friendly("Voye klas + ZIP, egz. “klas 3 60623”: lekòl piblik, où, à, è")
        == 'Voye klas + ZIP, egz. "klas 3 60623": lekòl piblik, où, à, è'
    )


def test_no_look_alike_replaces_a_letter_gsm_7_has():
    from sms.segments import GSM7_ALL, GSM7_LOOKALIKES

    assert not [chr(code) for code in GSM7_LOOKALIKES if chr(code) in GSM7_ALL]


def _packed_one_by_one(text: str) -> int:
    """The rule itself: fill parts character by character; a wide character never straddles two."""
    gsm = all(ch in "a é€" for ch in text)
    single, part = (160, 153) if gsm else (70, 67)
    sizes = [(2 if ch == "€" else 1) if gsm else (2 if ord(ch) > 0xFFFF else 1) for ch in text]
    if not sizes:
        return 0
    if sum(sizes) <= single:
        return 1
    parts, used = 1, 0
    for size in sizes:
        if used + size > part:
            parts, used = parts + 1, 0
        used += size
    return parts


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "€", "学", "😀"]), max_size=700))
def test_counting_agrees_with_packing_character_by_character(text):
    assert count_segments(text) == _packed_one_by_one(text)
