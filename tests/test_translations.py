"""Every locale is complete: no empty or fuzzy entry, no lost or invented placeholder."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import LOCALES

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


def load(locale: str):
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=locale if locale != "fil" else "fil")


def message_keys(catalog) -> set[tuple[str | None, str]]:
    """(context, message) of every message: "District" and "District" in a list of schools are two."""
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def template_ids() -> set[tuple[str | None, str]]:
    with (TRANSLATIONS / "messages.pot").open("rb") as f:
        return message_keys(read_po(f))


@pytest.mark.parametrize("locale", LOCALES)
def test_locale_has_every_template_message(locale):
    assert template_ids() - message_keys(load(locale)) == set(), "run `make translations-update`"


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en"])
def test_locale_is_complete_and_keeps_placeholders(locale):
    problems = []
    for message in load(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        for text in strs:
            if not text:
                problems.append(f"empty: {ids[0]!r}")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(ids[0])):
                problems.append(f"placeholders differ: {ids[0]!r} → {text!r}")
    assert problems == []


def test_template_holds_every_message_the_code_marks(tmp_path):
    """Extract from the source as `make translations-update` does; nothing may be missing."""
    import subprocess
    import sys

    out = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_", "-k", "Np_:1,2", "-k", "Nc_:1c,2",
         "-k", "lazy_gettext", "-k", "L_",
         "--no-location", "-o", str(out), *[p for p in ("app", "catalog", "kiosk", "sms", "staff") if (TRANSLATIONS.parent / p).is_dir()]],
        cwd=TRANSLATIONS.parent, check=True, capture_output=True,
    )  # fmt: skip
    with out.open("rb") as f:
        fresh = message_keys(read_po(f))
    assert fresh - template_ids() == set(), "run `make translations-update` and translate the new messages"
