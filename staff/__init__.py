"""Staff pages: the enrollment office and school staff keep one catalog true."""


def blueprints() -> list:
    from staff.views import staff
    from staff.views import auth, listings  # noqa: F401  (each adds its pages to `staff`)

    return [staff]
