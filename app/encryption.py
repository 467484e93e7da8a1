"""Secrets kept at rest encrypted (Fernet: AES and an HMAC), with a key derived from the app's
DATA_ENCRYPTION_KEY, else its SECRET_KEY: a copy of the database alone does not give them away."""

import base64

from flask import current_app

TOKEN_PREFIX = "gAAAAA"  # every Fernet token starts so (version byte and a timestamp's high bytes)


def _key(material: str):
    # cryptography is imported when a secret is first read or kept: 6 MB in a worker that only
    # answers texts or API calls, which never does.
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"schoolbridge: secrets at rest").derive(material.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _fernet():
    """Encrypts with DATA_ENCRYPTION_KEY (else SECRET_KEY); reads with either, so setting
    DATA_ENCRYPTION_KEY after secrets were stored under SECRET_KEY loses none of them."""
    from cryptography.fernet import MultiFernet

    config = current_app.config
    return MultiFernet(
        [_key(material) for material in dict.fromkeys((config.get("DATA_ENCRYPTION_KEY"), config["SECRET_KEY"])) if material]
    )


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """The text `encrypt` made; raises ValueError when the key has changed since (or the token is not one)."""
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError("cannot decrypt: neither DATA_ENCRYPTION_KEY nor SECRET_KEY is the one it was encrypted with") from error
