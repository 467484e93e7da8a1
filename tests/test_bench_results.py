"""bench: a partial run (`python -m bench --only …`) replaces its own rows of RESULTS.md and keeps the rest."""

from bench.__main__ import ABSOLUTE, API_ROW, SECTION, TEXT_ME_ROW, merge_section

RESULTS = f"# Benchmark results\n\n| what | measured | budget |\n|---|---|---|\n| import | 1 rows/s | — |\n\n{ABSOLUTE}; more.\n"


def row(key: str, measured: str) -> str:
    return f"| {key} | {measured} | — |"


def test_a_partial_run_replaces_only_its_rows():
    first = merge_section(RESULTS, {API_ROW: row(API_ROW, "first"), TEXT_ME_ROW: row(TEXT_ME_ROW, "first")})
    assert first.startswith(RESULTS.split(ABSOLUTE)[0] + SECTION) and first.endswith(f"\n\n{ABSOLUTE}; more.\n")

    second = merge_section(first, {TEXT_ME_ROW: row(TEXT_ME_ROW, "second")})
    assert row(API_ROW, "first") in second and row(TEXT_ME_ROW, "second") in second and second.count("| first |") == 1
    assert second.index(API_ROW) < second.index(TEXT_ME_ROW) and second.count(SECTION) == 1
    assert merge_section(second, {}) == second
