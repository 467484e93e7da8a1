"""The shell: factory, health check, migrations that match the models, locale choice."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app import config, create_app
from app.extensions import db
from app.i18n import LOCALES, normalize_locale, text_direction


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


# What migration 0010 adds on PostgreSQL only, outside the models: PostGIS's own table, the
# geography point generated from lat/lon, its GiST index, and the trigram index on the search text.
POSTGRESQL_ONLY = {("table", "spatial_ref_sys"), ("column", "location"), ("index", "ix_school_location"),
                   ("index", "ix_school_search_text_trigrams")}  # fmt: skip


def _in_the_models(backend: str):
    """What the models hold on this backend: not PostgreSQL's own, nor an index of another dialect's (`info["dialect"]`)."""

    def include(object_, name, type_, reflected, _compare_to) -> bool:
        if reflected:
            return (type_, name) not in POSTGRESQL_ONLY
        return object_.info.get("dialect", backend) == backend if type_ == "index" else True

    return include


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrations_create_exactly_the_models(app, backend):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _in_the_models(backend)})
        differences = compare_metadata(context, db.metadata)
    assert differences == []
    if backend == "postgresql":
        with app.app_context(), db.engine.connect() as connection:
            indexes = {row[0] for row in connection.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'school'")}
        assert {"ix_school_location", "ix_school_search_text_trigrams"} <= indexes and "ix_school_search" not in indexes


def test_database_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example/sb")
    assert config.from_environment()["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db.example/sb"
    monkeypatch.delenv("DATABASE_URL")
    assert config.from_environment()["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")


@pytest.mark.parametrize(
    ("tag", "locale"),
    [("es-MX", "es"), ("zh-CN", "zh_Hans"), ("zh-TW", "zh_Hant"), ("zh-HK", "zh_Hant"), ("zh-Hant-TW", "zh_Hant"),
     ("zh", "zh_Hans"), ("tl", "fil"), ("fil-PH", "fil"), ("ar-EG", "ar"), ("so", "so"), ("ht", "ht"),
     ("de", None), ("", None), ("x" * 100, None)],
)  # fmt: skip
def test_browser_tags_map_to_our_locales(tag, locale):
    assert normalize_locale(tag) == locale


def test_every_locale_maps_to_itself_and_rtl_is_only_arabic_and_urdu():
    assert all(normalize_locale(loc) == loc for loc in LOCALES)
    assert [loc for loc in LOCALES if text_direction(loc) == "rtl"] == ["ar", "ur"]


def test_browser_language_is_used_when_no_lang_is_given(client):
    response = client.get("/api/v1/schools?grade=13", headers={"Accept-Language": "vi-VN,vi;q=0.9"})
    vietnamese = response.get_json()["error"]["message"]
    english = client.get("/api/v1/schools?grade=13", headers={"Accept-Language": "en"}).get_json()["error"]["message"]
    assert vietnamese != english


def test_unexpected_errors_are_json_under_the_api_and_never_leak(app):
    @app.get("/api/v1/boom")
    def boom():
        raise RuntimeError("secret detail")

    response = app.test_client().get("/api/v1/boom")
    assert response.status_code == 500
    assert "secret" not in response.get_data(as_text=True) and response.get_json()["error"]["status"] == 500


def test_app_factory_gives_independent_apps():
    first, second = create_app({"TESTING": True}), create_app({"TESTING": True})
    assert first is not second and first.config["TESTING"]


def test_the_app_wide_limit_check_runs_only_when_app_wide_limits_are_set(database_url, monkeypatch):
    # every limit of ours is on its own view, whose decorator checks it (tested at each door)
    from app.extensions import limiter

    plain = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    assert limiter._check_request_limit not in plain.before_request_funcs[None]
    monkeypatch.setattr(limiter, "_meta_limits", [])  # the limiter is shared: what this app sets is undone after
    limited = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_META": "1000/second"})
    assert limiter._check_request_limit in limited.before_request_funcs[None]


def test_a_request_without_the_session_cookie_sets_none(client):
    response = client.get("/api/v1/schools?grade=K")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
