"""The text-message bot: understanding, conversation, replies, Twilio webhooks."""


def blueprints(config):
    """Return the SMS blueprints, for `create_app` to register (the simulator only when enabled)."""
    from sms.webhook import webhook

    if not config.get("SMS_SIMULATOR"):
        return [webhook]
    from sms.simulator import simulator

    return [webhook, simulator]


def periodic(config) -> list:
    """The bot's work by the clock, every TEXT_CHECK_SECONDS: texts Redis lost are queued again,
    half-sent ones settled, and campaigns whose send time has come (reminders) start going out."""
    from app.clock import Periodic
    from sms.campaigns import send_due_campaigns
    from sms.jobs import keep_texts_moving

    return [
        Periodic(keep_texts_moving, interval=config["TEXT_CHECK_SECONDS"]),
        Periodic(send_due_campaigns, interval=config["TEXT_CHECK_SECONDS"]),
    ]
