"""The unified catalog: every public school, district and charter alike."""


def blueprints():
    """Return the catalog's blueprints, for `create_app` to register."""
    from catalog.api import api

    return [api]
