"""`parse` on messages written by people who never saw the lexicons (`tests/sms/blind/`).

The report gives accuracy per locale and per kind on the dev part (tuned on) and the test part
(never read while tuning). The floors below are where parse stands, raised as it improves; the
target (DESIGN.md, issue 16) is 95% on the test part and every kind at 90%.
"""

from collections import Counter

from sms.lexicons import LOCALES
from tests.sms.blind_score import KEYS, KINDS, TUNING, cases, report, score

# ratchet: raise with every improvement, never lower (set anew when new messages join or the contract changes labels:
# 2026-12-07, public alone no sector and bilingual English-learner help, relabelled by hand; test 95.5% → 95.0%)
FLOOR = {"dev": 0.99, "test": 0.949}
KIND_FLOOR = 0.90  # every kind on the test part: the target, reached on 2026-12-07 (SMS shorthand the lowest, 90.1%)
TUNING_FLOOR = 0.965  # the tuning set (`tests/sms/tuning/`), read whole while tuning: a guard against losing what was won


def test_the_blind_set_is_large_covers_every_locale_and_kind_and_is_split_in_two():
    found = cases()
    assert len(found) >= 1500
    per_locale = Counter(case.locale for case in found)
    assert set(per_locale) == set(LOCALES) and min(per_locale.values()) >= 100
    per_kind = Counter((case.locale, case.kind) for case in found)
    assert all(per_kind[locale, kind] >= 10 for locale in LOCALES for kind in KINDS)
    assert all(tuple(case.expect) == KEYS for case in found)
    parts = Counter(case.part for case in found)
    assert min(parts.values()) >= 0.4 * len(found)  # a stable hash splits it about half and half
    assert len({(case.locale, case.text) for case in found}) == len(found)
    by_text = {}
    for case in found:  # a text in two files ("2", "1 & 2") is labelled the same in both
        assert by_text.setdefault(case.text, case.expect) == case.expect, case.text


def test_parse_on_the_blind_set_dev_and_test_parts(capsys):
    scores, _misses = score(cases())
    with capsys.disabled():
        print("\nparse on the blind set (per locale and kind):\n" + report(scores))
    for part, floor in FLOOR.items():
        assert scores[part, "all"].share >= floor, report(scores)
    kinds = {kind: scores["test", f"kind:{kind}"].share for kind in KINDS}
    assert min(kinds.values()) >= KIND_FLOOR, kinds


def test_the_tuning_set_shares_no_text_with_the_blind_set_and_keeps_what_was_won():
    """A text tuned on must never be counted as one the bot was not tuned on."""
    tuning = cases(TUNING)
    assert len(tuning) >= 1000 and all(tuple(case.expect) == KEYS for case in tuning)
    assert not {case.text for case in tuning} & {case.text for case in cases()}
    scores, _misses = score(tuning)
    assert scores["tuning", "all"].share >= TUNING_FLOOR, report(scores, ("tuning",))
