"""Staff work off the request: the daily retention purge (app.clock). (Fair follow-ups and reminders
are sms campaigns, sent by sms.campaigns' job chain.)"""

import logging
from dataclasses import asdict
from datetime import UTC, datetime

from flask import current_app

from sms.jobs import in_app
from staff import privacy

log = logging.getLogger(__name__)


def purge_expired() -> dict:
    """The clock's job: remove what is older than RETENTION_DAYS, in batches; says how much."""

    def work() -> dict:
        purged = privacy.purge(current_app.config["RETENTION_DAYS"], datetime.now(UTC))
        log.info("retention purge: %s", purged)
        return asdict(purged)

    return in_app(work)
