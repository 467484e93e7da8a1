"""The fair-booth kiosk: find, compare, take home and register, on a shared touch screen."""


def blueprints() -> list:
    from kiosk.views import kiosk

    return [kiosk]
