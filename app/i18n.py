"""Languages: the supported locales and the one function that picks a request's locale."""

from functools import lru_cache

from babel import Locale
from flask import Flask, g, request

from app.extensions import babel

# DESIGN.md "Languages": folder names under translations/.
LOCALES = ("en", "es", "zh_Hans", "zh_Hant", "vi", "ko", "ru", "ar", "ur", "bn", "ht", "fr", "fil", "so")
RTL_LOCALES = frozenset({"ar", "ur"})
DEFAULT_LOCALE = "en"

_ALIASES = {
    "zh": "zh_Hans",
    "zh_cn": "zh_Hans",
    "zh_sg": "zh_Hans",
    "zh_hans": "zh_Hans",
    "zh_tw": "zh_Hant",
    "zh_hk": "zh_Hant",
    "zh_mo": "zh_Hant",
    "zh_hant": "zh_Hant",
    "tl": "fil",
}


def normalize_locale(tag: str | None) -> str | None:
    """Map a language tag ("es-MX", "zh-TW", "tl") to a supported locale, or None."""
    if not tag:
        return None
    key = tag.strip().replace("-", "_").lower()
    if not key or len(key) > 35:
        return None
    for candidate in (key, "_".join(key.split("_")[:2]), key.split("_")[0]):
        if candidate in _ALIASES:
            return _ALIASES[candidate]
        for locale in LOCALES:
            if locale.lower() == candidate:
                return locale
    return None


@lru_cache
def own_name(locale: str) -> str:
    """Name a language in itself, as its speakers look for it: "Español", "العربية", "Tiếng Việt"."""
    name = Locale.parse(locale).get_display_name(locale)
    return name[:1].upper() + name[1:]


def language_names() -> list[tuple[str, str]]:
    """(locale, its name in itself) for every supported locale."""
    return [(code, own_name(code)) for code in LOCALES]


def text_direction(locale: str) -> str:
    """Return "rtl" for right-to-left locales, else "ltr"."""
    return "rtl" if locale in RTL_LOCALES else "ltr"


def select_locale() -> str:
    """Pick the request's locale: explicit choice (g.locale) → browser → default."""
    explicit = g.get("locale")
    if explicit:
        return explicit
    if request:
        for tag, _quality in request.accept_languages:
            locale = normalize_locale(tag)
            if locale:
                return locale
    return DEFAULT_LOCALE


def init_i18n(app: Flask) -> None:
    """Bind Flask-Babel with our selector (passed to init_app, where it is kept)."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals["text_direction"] = text_direction
