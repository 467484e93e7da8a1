"""The catalog runs on SQLite and on PostgreSQL: every test here runs on both."""

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param
