"""Staff pages: the enrollment office and school staff keep one catalog true."""


def blueprints() -> list:
    from staff.views import auth, errors, fairs, imports, inbox, listings, staff, translations, users  # noqa: F401  (each adds its pages)

    return [staff]


def periodic(config) -> list:
    """The retention purge, daily, when a retention period is configured."""
    from app.clock import Periodic
    from staff.jobs import purge_expired

    if config["RETENTION_DAYS"] <= 0:
        return []
    return [Periodic(purge_expired, cron=config["RETENTION_PURGE_CRON"], timeout=3600)]
