"""Staff pages: the enrollment office and school staff keep one catalog true."""


def blueprints() -> list:
    from staff.views import auth, errors, fairs, imports, inbox, listings, staff, translations, users  # noqa: F401  (each adds its pages)

    return [staff]
