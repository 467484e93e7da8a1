"""The fair-booth kiosk: find, compare, take home and register, on a shared touch screen."""


def blueprints() -> list:
    from kiosk import errors, offline, pages, shortlist, signup  # noqa: F401 (each adds its pages to the blueprint)
    from kiosk.screen import kiosk

    return [kiosk]
