"""Staff accounts: create them, check a password (and a second factor), reset and change passwords.

Flushes; the caller's unit of work commits.
"""

import logging
import re
import secrets
from datetime import UTC, datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from catalog.models import School
from staff.models import ROLES, StaffUser

log = logging.getLogger(__name__)

MIN_PASSWORD = 12
MAX_PASSWORD = 1000  # argon2 takes any length; a megabyte "password" is an attack, not a password
# zxcvbn's score, 0–4: 3 is "safely unguessable" (about 10^10 guesses), enough behind a slow hash.
MIN_STRENGTH = 3
# zxcvbn's own limit: it takes seconds on longer text. Characters after these only add strength.
ESTIMATED_LENGTH = 72
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """An account that cannot be made or changed as asked; `args[0]` is an untranslated message."""


def normalize_email(email: str) -> str:
    return email.strip().lower()[:320]


def find_user(email: str) -> StaffUser | None:
    return db.session.scalar(select(StaffUser).where(StaffUser.email == normalize_email(email)))


def _check_password_rules(password: str, email: str, current_hash: str | None = None) -> None:
    """Refuse a password that is too short or long, the account's email, the current password
    again (a temporary one included), or one a guesser would find soon."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("short_password")
    if len(password) > MAX_PASSWORD:
        raise AccountError("long_password")
    if normalize_email(email) and normalize_email(email) in password.lower():
        raise AccountError("own_email")
    if current_hash and _verifies(current_hash, password):
        raise AccountError("same_password")
    weakness = _weakness(password, email)
    if weakness:
        raise AccountError(weakness)


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _weakness(password: str, email: str) -> str | None:
    """Why zxcvbn finds the password easy to guess, as one of our reasons (its own are in English only); None if strong."""
    from zxcvbn import zxcvbn  # imported when a password is first set: 11 MB a worker that serves no staff page

    own_words = [email, *(part for part in re.split(r"[@._+-]", email) if len(part) > 2)]
    estimate = zxcvbn(password[:ESTIMATED_LENGTH], user_inputs=own_words, max_length=ESTIMATED_LENGTH)
    if estimate["score"] >= MIN_STRENGTH:
        return None
    matches = estimate["sequence"]
    if any(match.get("dictionary_name") == "user_inputs" for match in matches):
        return "own_email"
    if any(match["pattern"] in ("repeat", "sequence", "spatial") for match in matches):
        return "patterned_password"
    if any(match.get("dictionary_name") == "passwords" for match in matches):
        return "common_password"
    return "weak_password"


def create_user(email: str, password: str, role: str, school_ids=(), locale: str = "en", must_change_password: bool = False) -> StaffUser:
    """Create an account; a school_rep names the schools it speaks for."""
    email = normalize_email(email)
    if "@" not in email or len(email) < 3:
        raise AccountError("bad_email")
    if role not in ROLES:
        raise AccountError("bad_role")
    if find_user(email) is not None:
        raise AccountError("email_taken")
    _check_password_rules(password, email)
    schools = _schools(school_ids)
    if role == "school_rep" and not schools:
        raise AccountError("rep_needs_school")
    user = StaffUser(
        email=email,
        password_hash=_hasher.hash(password),
        role=role,
        locale=locale,
        must_change_password=must_change_password,
        session_nonce=secrets.token_hex(8),
    )
    user.schools = schools if role == "school_rep" else []
    db.session.add(user)
    db.session.flush()
    return user


def _schools(school_ids) -> list[School]:
    ids = list(dict.fromkeys(i.strip() for i in school_ids if i and i.strip()))
    found = list(db.session.scalars(select(School).where(School.id.in_(ids)))) if ids else []
    unknown = set(ids) - {s.id for s in found}
    if unknown:
        raise AccountError("unknown_school", ", ".join(sorted(unknown)))
    return found


def authenticate(email: str, password: str) -> StaffUser | None:
    """Return the active account with this email and password, or None (in about the same time)."""
    user = find_user(email)
    if len(password) > MAX_PASSWORD:
        return None
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = datetime.now(UTC)
    db.session.flush()
    return user


def set_password(user: StaffUser, password: str, *, must_change: bool = False) -> None:
    """Set a new password; every session signed in with the old one ends."""
    _check_password_rules(password, user.email, user.password_hash)
    user.password_hash = _hasher.hash(password)
    user.must_change_password = must_change
    end_sessions(user)


def end_sessions(user: StaffUser) -> None:
    """End every session of this account: a new nonce makes each signed session cookie worthless,
    including copies of it the browser no longer holds."""
    user.session_nonce = secrets.token_hex(8)
    db.session.flush()


def temporary_password() -> str:
    return secrets.token_urlsafe(12)  # 16 characters: above MIN_PASSWORD


def reset_password(user: StaffUser) -> str:
    """Give an account a temporary password, changed at its next sign-in; return it to hand over."""
    temporary = temporary_password()
    set_password(user, temporary, must_change=True)
    return temporary


def update_user(user: StaffUser, role: str, school_ids, active: bool) -> None:
    """Change an account's role, its schools (school representatives only) and whether it may sign in."""
    if role not in ROLES:
        raise AccountError("bad_role")
    schools = _schools(school_ids) if role == "school_rep" else []
    if role == "school_rep" and not schools:
        raise AccountError("rep_needs_school")
    if role != user.role or not active:
        user.session_nonce = secrets.token_hex(8)  # a changed role or a turned-off account signs out everywhere
    user.role, user.schools, user.active = role, schools, active
    db.session.flush()


def user_by_session_id(session_id: str) -> StaffUser | None:
    """Flask-Login's loader: "id:nonce" → the account, if the nonce still matches and it is active."""
    user_id, _, nonce = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(StaffUser, int(user_id))
    if user is None or not nonce or not secrets.compare_digest(user.session_nonce, nonce):
        return None
    return user


# --- the optional second factor (TOTP), for admins and editors ------------------------------


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(user: StaffUser, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="SchoolBridge")


def totp_matches(secret: str, code: str) -> bool:
    """Check a 6-digit code, allowing one 30-second step of clock drift either way."""
    code = "".join(code.split())
    return len(code) == 6 and code.isdigit() and pyotp.TOTP(secret).verify(code, valid_window=1)


def enable_totp(user: StaffUser, secret: str, code: str) -> bool:
    if not totp_matches(secret, code):
        return False
    user.totp_secret = secret
    db.session.flush()
    return True


def _readable_secret(user: StaffUser) -> str | None:
    """The account's TOTP secret; None when it has none, or when no key we hold can read it."""
    try:
        return user.totp_secret
    except ValueError:
        return None


def second_factor_unreadable(user: StaffUser) -> bool:
    """Say whether the account has a second factor nobody can check: its secret was stored under a
    key that is neither DATA_ENCRYPTION_KEY nor SECRET_KEY any more (or is not a token at all)."""
    unreadable = user.totp_token is not None and _readable_secret(user) is None
    if unreadable:  # the account's id only: never the secret, the email or a number
        log.warning(
            "staff account %d: its second factor cannot be read with DATA_ENCRYPTION_KEY or SECRET_KEY; "
            "an admin must reset it (flask staff reset-second-factor)",
            user.id,
        )
    return unreadable


def disable_totp(user: StaffUser, proof: str) -> bool:
    """Turn the second factor off, if `proof` is the account's password or a current code from
    its app: a session left open on a shared screen cannot turn it off alone. A secret that can
    no longer be read matches no code; the password still turns it off."""
    secret = _readable_secret(user)
    if (
        user.totp_token is None
        or len(proof) > MAX_PASSWORD
        or not ((secret and totp_matches(secret, proof)) or _verifies(user.password_hash, proof))
    ):
        return False
    user.totp_secret = None
    db.session.flush()
    return True


def reset_second_factor(user: StaffUser) -> bool:
    """Turn an account's second factor off without its proof (an admin's reset, for a lost phone or
    a secret no key can read); False when it had none. The account sets a new one up after signing in."""
    if user.totp_token is None:
        return False
    user.totp_secret = None
    db.session.flush()
    return True


def describe(error: AccountError) -> str:
    """Say in the reader's language what is wrong with an account request."""
    code, *details = error.args
    messages = {
        "short_password": _("A password needs at least %(count)d characters.", count=MIN_PASSWORD),
        "long_password": _("A password can have at most %(count)d characters.", count=MAX_PASSWORD),
        "own_email": _("A password must not contain your email address."),
        "same_password": _("Choose a new password, not the one you have now."),
        "patterned_password": _("Repeats and sequences like “aaaa”, “1234” or “qwerty” are easy to guess."),
        "common_password": _("This is one of the most common passwords."),
        "weak_password": _("This password is easy to guess."),
        "bad_email": _("That is not an email address."),
        "bad_role": _("Choose a role: %(roles)s.", roles=", ".join(ROLES)),
        "email_taken": _("An account with that email already exists."),
        "rep_needs_school": _("A school representative needs at least one school."),
        "unknown_school": _("No school has the id %(ids)s.", ids=", ".join(details)),
    }
    return messages.get(code, code)
