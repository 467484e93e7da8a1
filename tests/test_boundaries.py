"""The house rules: pure modules do no Flask/SQLAlchemy/Twilio, and dependencies point one way."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PURE_MODULES = [
    "catalog.vocabulary",
    "catalog.text",
    "catalog.geo",
    "catalog.csvformat",
    "catalog.adapters",
    "catalog.query",
    "catalog.cards",
    "sms.segments",
    "sms.lexicons",
    "sms.understand",
    "sms.engine",
    "sms.replies",
    "kiosk.follow_ups",
]
FORBIDDEN = ("flask", "flask_babel", "flask_sqlalchemy", "sqlalchemy", "twilio", "werkzeug")
# … and no I/O: no child process, and not the modules that read files or the database
FORBIDDEN_MODULES = ("subprocess", "app", "catalog.zip_table", "catalog.search", "catalog.queries")


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_no_framework(module):
    """Import the module alone in a fresh interpreter and look at everything it pulled in."""
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert [m for m in loaded if m.split(".")[0] in FORBIDDEN] == []
    assert [m for m in loaded if m in FORBIDDEN_MODULES] == []


def imported_packages(package: str) -> set[str]:
    """Return the top-level packages that any module of `package` imports (none if it is absent)."""
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    ("package", "must_not_import"),
    [
        ("app", {"catalog", "kiosk", "sms", "staff"}),
        ("catalog", {"kiosk", "sms", "staff"}),
        ("sms", {"kiosk", "staff"}),
        ("kiosk", {"staff"}),
    ],
)
def test_dependencies_point_one_way(package, must_not_import):
    allowed_late = {"catalog", "sms", "kiosk", "staff"} if package == "app" else set()  # create_app registers the features
    assert imported_packages(package) & (must_not_import - allowed_late) == set()


def test_only_the_commit_boundary_commits():
    offenders = []
    for package in ("catalog", "kiosk", "sms", "staff"):
        for path in Path(ROOT / package).rglob("*.py"):
            if ".commit()" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
