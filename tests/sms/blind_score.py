"""Scoring `parse` on the blind evaluation set (`tests/sms/blind/`, written by people who had not
read the lexicons: see its CONTRACT.md).

Each message is in the *dev* part or the *test* part by a stable hash of its text, half and half.
The lexicons are tuned on the dev part only: `python -m tests.sms.blind_score` prints the dev
part's misses and never the test part's, which is only counted. While tuning, `--dev-only` leaves the
test part's counts out as well, so that no change is kept or dropped for what it does to them.

`--tuning` scores the tuning set instead (`tests/sms/tuning/`): messages written blind the same way,
by the same contract, but given to the tuner whole, every miss shown. They are no measure of what
the bot does on texts it was not tuned on; the blind set's test part is.
"""

import csv
import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sms.understand import SchoolNames, parse

HERE = Path(__file__).resolve().parent
BLIND = HERE / "blind"
TUNING = HERE / "tuning"
ROOT = HERE.parent.parent
KEYS = ("language", "intent", "grades", "near", "sector", "needs", "programs", "program_language", "school", "choices")
KINDS = ("plain", "need_sentence", "kindergarten", "compare_punct", "named_school", "dual_language", "negation", "sped_program",
         "grade_words", "short_command", "greeting", "typo", "no_accents", "sms_abbrev", "mixed_language")  # fmt: skip


@dataclass(frozen=True)
class Case:
    locale: str
    line: int
    part: str  # "dev" or "test"
    kind: str
    text: str
    expect: dict


def part_of(text: str) -> str:
    """The part a message belongs to: the same every run, on every machine."""
    return "test" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 else "dev"


def cases(directory: Path = BLIND) -> list[Case]:
    found = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                row = json.loads(line)
                part = part_of(row["text"]) if directory == BLIND else "tuning"
                found.append(Case(path.stem, number, part, row["kind"], row["text"], row["expect"]))
    return found


@lru_cache(maxsize=1)
def demo_names() -> SchoolNames:
    with (ROOT / "catalog" / "demo" / "chicago.csv").open(encoding="utf-8") as f:
        return SchoolNames.build([(r["id"], r["name"]) for r in csv.DictReader(f)])


def school_key(name: str | None) -> str | None:
    """A school named in a message and the school `parse` read are compared by the catalog school
    they resolve to; a name the catalog does not know, by its folded distinctive words."""
    if not name:
        return None
    found = demo_names().find(name)
    if found:
        return found[0]
    return demo_names().key_of(name)


def misses(case: Case) -> dict[str, tuple]:
    """The keys `parse` got wrong on one message: key → (got, wanted)."""
    got = parse(case.text, schools=demo_names()).as_dict()
    wrong = {}
    for key in KEYS:
        mine, wanted = got[key], case.expect[key]
        if key == "school":
            mine, wanted = school_key(mine), school_key(wanted)
        if mine != wanted:
            wrong[key] = (got[key], case.expect[key])
    return wrong


@dataclass
class Score:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.right:4}/{self.total:<4} {100 * self.share:5.1f}%"


def score(all_cases: list[Case]) -> tuple[dict, list[tuple[Case, dict]]]:
    """Scores by (part, "all"|locale|kind), and the misses of every part but the test part."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    dev_misses = []
    for case in all_cases:
        wrong = misses(case)
        for group in ("all", f"locale:{case.locale}", f"kind:{case.kind}"):
            scores[case.part, group].total += 1
            scores[case.part, group].right += not wrong
        if wrong and case.part != "test":
            dev_misses.append((case, wrong))
    return scores, dev_misses


def report(scores: dict, parts: tuple[str, ...] = ("dev", "test")) -> str:
    groups = sorted({group for _part, group in scores}, key=lambda g: (g != "all", not g.startswith("locale"), g))
    titles = {"dev": "dev (tuned on)", "test": "test (never read)", "tuning": "tuning set"}
    lines = [f"{'':24} " + "   ".join(f"{titles[part]:>18}" for part in parts)]
    for group in groups:
        lines.append(f"{group:24} " + "   ".join(f"{scores[part, group]!s:>18}" for part in parts))
    return "\n".join(lines)


if __name__ == "__main__":
    tuning = "--tuning" in sys.argv
    scores, dev_misses = score(cases(TUNING if tuning else BLIND))
    parts = ("tuning",) if tuning else ("dev",) if "--dev-only" in sys.argv else ("dev", "test")
    wanted = [arg for arg in sys.argv[1:] if not arg.startswith("--")]  # optional: locales or kinds to show the misses of
    for case, wrong in dev_misses:
        if not wanted or case.locale in wanted or case.kind in wanted:
            detail = ", ".join(f"{k}={got!r} (want {want!r})" for k, (got, want) in wrong.items())
            print(f"{case.locale}:{case.line} [{case.kind}] {case.text!r}: {detail}")
    print(report(scores, parts))
