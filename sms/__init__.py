"""The text-message bot: understanding, conversation, replies, Twilio webhooks."""


def blueprints(config):
    """Return the SMS blueprints, for `create_app` to register (the simulator only when enabled)."""
    from sms.webhook import webhook

    if not config.get("SMS_SIMULATOR"):
        return [webhook]
    from sms.simulator import simulator

    return [webhook, simulator]
