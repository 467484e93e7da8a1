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


def test_a_search_run_replaces_only_the_search_rows_and_its_note():
    from bench.__main__ import MEASURED, SEARCH_ROW, merge_search

    text = (
        f"# Benchmark results\n\n| what | measured | budget |\n|---|---|---|\n| import into SQLite | 1 rows/s | — |\n"
        f"{SEARCH_ROW}old | 1 ms | — |\n| parse | 2 | — |\n\n{ABSOLUTE}; more.\n\n{MEASURED}\n- The catalog: old.\n"
        f"- API: kept.\n\n{MEASURED}\n- another section's: kept.\n"
    )
    new = merge_search(text, [f"{SEARCH_ROW}national | 2 ms | — |", f"{SEARCH_ROW}stacked | 3 ms | — |"], ["- Catalogs: new."])
    assert f"| — |\n{SEARCH_ROW}national | 2 ms | — |\n{SEARCH_ROW}stacked | 3 ms | — |\n| parse |" in new
    assert f"{MEASURED}\n- Catalogs: new.\n- API: kept." in new and "old" not in new and "another section's: kept" in new
    assert merge_search(new, [f"{SEARCH_ROW}again | 4 ms | — |"], ["- Catalogs: new."]).count(SEARCH_ROW) == 1

    without = text.replace(f"{SEARCH_ROW}old | 1 ms | — |\n", "")  # a file with none: after the import rows
    added = merge_search(without, [f"{SEARCH_ROW}national | 2 ms | — |"], [])
    assert f"| import into SQLite | 1 rows/s | — |\n{SEARCH_ROW}national" in added


def test_an_import_run_replaces_only_the_import_rows():
    from bench.__main__ import IMPORT_ROW, SEARCH_ROW, merge_import

    text = f"# Benchmark results\n\n| what | measured | budget |\n|---|---|---|\n{IMPORT_ROW}SQLite | 1 rows/s | — |\n{SEARCH_ROW}x | 1 ms | — |\n"
    lines = [f"{IMPORT_ROW}SQLite | 7 rows/s | — |", f"{IMPORT_ROW}PostgreSQL | 5 rows/s | — |"]
    new = merge_import(text, lines)
    assert f"|---|---|---|\n{lines[0]}\n{lines[1]}\n{SEARCH_ROW}x | 1 ms | — |\n" in new and "1 rows/s" not in new
    assert merge_import(new, lines) == new
    without = text.replace(f"{IMPORT_ROW}SQLite | 1 rows/s | — |\n", "")  # a file with none: first in the table
    assert f"|---|---|---|\n{lines[0]}\n{lines[1]}\n{SEARCH_ROW}x" in merge_import(without, lines)
