"""The text-message bot: understanding, conversation, replies, Twilio webhooks."""


def blueprints():
    """Return the SMS blueprints, for `create_app` to register."""
    from sms.webhook import webhook

    return [webhook]
