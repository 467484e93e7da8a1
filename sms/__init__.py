"""The text-message bot: understanding, conversation, replies, Twilio webhooks."""


def blueprints(config):
    """Return the SMS blueprints, for `create_app` to register (the simulator only when enabled)."""
    from sms.webhook import webhook

    if not config.get("SMS_SIMULATOR"):
        return [webhook]
    from sms.simulator import simulator

    return [webhook, simulator]


def periodic(config) -> list:
    """The bot's work by the clock: texts Redis lost are queued again, half-sent ones settled."""
    from app.clock import Periodic
    from sms.jobs import keep_texts_moving

    return [Periodic(keep_texts_moving, interval=config["TEXT_CHECK_SECONDS"])]
