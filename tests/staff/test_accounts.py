"""Accounts: argon2 hashes, sign-in and its rate limit, cookie flags, temporary passwords, the
second factor, turning an account off, the CLI, and the staff pages' languages."""

import logging
from html import unescape

import pyotp
import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import select

from app import config
from app.db import unit_of_work
from app.extensions import db
from staff import accounts
from staff.models import StaffUser
from tests.staff.conftest import PASSWORD, ROLE_EMAILS, csrf_token, post, sign_in


def account(app, email):
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
        db.session.expunge(user)
        return user


def test_passwords_are_stored_as_argon2id_hashes_only(app):
    user = account(app, ROLE_EMAILS["editor"])
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_a_wrong_password_or_unknown_email_is_refused_with_the_same_message(app):
    client = app.test_client()
    for email, password in ((ROLE_EMAILS["editor"], "wrong password!"), ("nobody@example.org", PASSWORD)):
        response = sign_in(client, email, password)
        assert response.status_code == 401 and "Wrong email or password." in response.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302


def test_signing_in_sets_a_session_cookie_that_is_httponly_samesite_and_secure_over_https(app, monkeypatch):
    app.config["SESSION_COOKIE_SECURE"] = True
    response = sign_in(app.test_client(), ROLE_EMAILS["editor"])
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "; Secure" in cookie and "; HttpOnly" in cookie and "SameSite=Lax" in cookie
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://schools.example.org")
    assert config.from_environment()["SESSION_COOKIE_SECURE"] is True


def test_brute_force_is_rate_limited_per_address_and_per_account(app):
    app.config["STAFF_LOGIN_RATE_LIMIT"] = "5/minute"
    client = app.test_client()
    codes = [sign_in(client, ROLE_EMAILS["admin"], f"guess number {n}").status_code for n in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    assert "Too many sign-in attempts" in sign_in(client, ROLE_EMAILS["admin"]).get_data(as_text=True)
    # The same account from other addresses is limited too; another account from a fresh address is not.
    other = app.test_client()
    token = csrf_token(other)
    data = {"email": ROLE_EMAILS["admin"], "password": PASSWORD, "csrf_token": token}
    assert other.post("/staff/login", data=data, environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 429
    data["email"] = ROLE_EMAILS["editor"]
    assert other.post("/staff/login", data=data, environ_base={"REMOTE_ADDR": "10.0.0.10"}).status_code == 302


def test_only_local_pages_are_followed_after_signing_in(app):
    client = app.test_client()
    for target, expected in (
        ("https://evil.example.com/", "/staff/"),
        ("//evil.example.com", "/staff/"),
        ("/staff/schools", "/staff/schools"),
    ):
        data = {"email": ROLE_EMAILS["editor"], "password": PASSWORD, "csrf_token": csrf_token(client), "next": target}
        assert client.post("/staff/login", data=data).location == expected
        post(client, "/staff/logout")


def test_an_admin_resets_a_password_the_old_sessions_end_and_the_new_one_must_be_changed(app, as_role):
    editor, admin = as_role("editor"), as_role("admin")
    editor_id = account(app, ROLE_EMAILS["editor"]).id
    page = post(admin, f"/staff/users/{editor_id}/reset-password").get_data(as_text=True)
    temporary = page.split('<code class="secret" dir="ltr">')[1].split("</code>")[0]
    assert editor.get("/staff/").status_code == 302  # signed out everywhere
    fresh = app.test_client()
    assert sign_in(fresh, ROLE_EMAILS["editor"], PASSWORD).status_code == 401
    assert sign_in(fresh, ROLE_EMAILS["editor"], temporary).status_code == 302
    assert fresh.get("/staff/schools").location == "/staff/account/password"
    short = post(fresh, "/staff/account/password", {"current": temporary, "new": "short", "repeat": "short"})
    assert short.status_code == 400 and "at least 12 characters" in short.get_data(as_text=True)
    new = "a much longer passphrase 2026"
    assert post(fresh, "/staff/account/password", {"current": temporary, "new": new, "repeat": new}).status_code == 302
    assert fresh.get("/staff/schools").status_code == 200
    assert sign_in(app.test_client(), ROLE_EMAILS["editor"], new).status_code == 302


def test_an_admin_creates_an_account_with_a_temporary_password_and_turns_one_off(app, as_role):
    admin = as_role("admin")
    school_id = app.config["OTHER_SCHOOL"]
    response = post(admin, "/staff/users", {"email": "Lead@Charter.example.org", "role": "school_rep", "schools": school_id})
    assert response.status_code == 201
    created = account(app, "lead@charter.example.org")
    assert (created.role, created.must_change_password) == ("school_rep", True)
    refused = post(admin, "/staff/users", {"email": "x@example.org", "role": "school_rep", "schools": "NO-SUCH-SCHOOL"})
    assert refused.status_code == 400 and "NO-SUCH-SCHOOL" in refused.get_data(as_text=True)
    translator = as_role("translator")
    translator_id = account(app, ROLE_EMAILS["translator"]).id
    post(admin, f"/staff/users/{translator_id}", {"role": "translator", "schools": ""})  # "active" unticked
    assert translator.get("/staff/").status_code == 302
    assert sign_in(app.test_client(), ROLE_EMAILS["translator"]).status_code == 401
    admin_id = account(app, ROLE_EMAILS["admin"]).id
    assert post(admin, f"/staff/users/{admin_id}", {"role": "editor", "active": "1"}).status_code == 400


def test_the_second_factor_asks_for_a_code_after_the_password(app, as_role):
    editor = as_role("editor")
    page = editor.get("/staff/account/second-factor").get_data(as_text=True)
    secret = page.split('name="secret" value="')[1].split('"')[0]
    assert post(editor, "/staff/account/second-factor", {"secret": secret, "code": "000000"}).status_code == 400
    assert post(editor, "/staff/account/second-factor", {"secret": secret, "code": pyotp.TOTP(secret).now()}).status_code == 302
    client = app.test_client()
    assert sign_in(client, ROLE_EMAILS["editor"]).location == "/staff/login/code"
    assert client.get("/staff/").status_code == 302  # not signed in until the code
    assert post(client, "/staff/login/code", {"code": "123456" if pyotp.TOTP(secret).now() != "123456" else "654321"}).status_code == 401
    assert post(client, "/staff/login/code", {"code": pyotp.TOTP(secret).now()}).location == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_flask_staff_create_and_reset_password(app, cli):
    school_id = app.config["OTHER_SCHOOL"]
    result = cli(
        "staff", "create", "enroll@charter.example.org", "--role", "school_rep", "--school", school_id, "--password", "long enough password"
    )
    assert result.exit_code == 0 and "enroll@charter.example.org" in result.output
    assert sign_in(app.test_client(), "enroll@charter.example.org", "long enough password").status_code == 302
    assert cli("staff", "create", "x@example.org", "--role", "school_rep", "--password", "long enough password").exit_code == 1
    assert cli("staff", "create", "y@example.org", "--role", "editor", "--password", "short").exit_code == 1
    reset = cli("staff", "reset-password", "enroll@charter.example.org")
    temporary = reset.output.strip().split(": ")[-1]
    assert sign_in(app.test_client(), "enroll@charter.example.org", temporary).status_code == 302


@pytest.mark.parametrize(("locale", "direction", "word"), [("es", "ltr", "Iniciar sesión"), ("ar", "rtl", 'lang="ar"')])
def test_staff_pages_come_in_the_chosen_language_and_direction(app, as_role, locale, direction, word):
    client = app.test_client()
    post(client, "/staff/language", {"locale": locale, "next": "/staff/login"})
    page = client.get("/staff/login").get_data(as_text=True)
    assert f'dir="{direction}"' in page and word in page
    editor = as_role("editor")
    post(editor, "/staff/language", {"locale": locale})
    assert account(app, ROLE_EMAILS["editor"]).locale == locale
    assert f'dir="{direction}"' in editor.get("/staff/schools").get_data(as_text=True)


def test_demo_accounts_print_a_working_sign_in_for_every_role(app, cli):
    for _run in range(2):  # run twice, as `make run` does on every start: new passwords, same accounts
        output = cli("staff", "demo-accounts").output
    for line in output.splitlines()[1:]:
        _role, email, password = line.split()
        assert sign_in(app.test_client(), email, password).status_code == 302


def test_signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works(app, as_role):
    client = as_role("editor")
    copied = client.get_cookie("session").value
    assert client.get("/staff/").status_code == 200
    assert post(client, "/staff/logout").location == "/staff/login"
    thief = app.test_client()
    thief.set_cookie("session", copied)
    replayed = thief.get("/staff/")
    assert replayed.status_code == 302 and replayed.location.startswith("/staff/login")
    # Signing in again works, and gives a session of its own.
    assert sign_in(app.test_client(), ROLE_EMAILS["editor"]).status_code == 302


def temporary_password_of(app, admin, email: str) -> str:
    """An admin resets the account's password; return the temporary one handed over."""
    page = post(admin, f"/staff/users/{account(app, email).id}/reset-password").get_data(as_text=True)
    return page.split('<code class="secret" dir="ltr">')[1].split("</code>")[0]


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("aaaaaaaaaaaa", "patterned_password"),
        (" " * 12, "patterned_password"),
        ("qwertyuiop12", "patterned_password"),
        ("password1234", "common_password"),
        (ROLE_EMAILS["editor"], "own_email"),
        (ROLE_EMAILS["editor"].upper(), "own_email"),
        ("editoroffice", "own_email"),
        ("mine is editor@office.example.org", "own_email"),
        ("(temporary)", "same_password"),
    ],
)
def test_a_weak_new_password_is_refused_at_first_sign_in_with_the_reason_beside_it_in_the_staff_language(app, as_role, weak, reason):
    temporary = temporary_password_of(app, as_role("admin"), ROLE_EMAILS["editor"])
    weak = temporary if weak == "(temporary)" else weak
    client = app.test_client()
    assert sign_in(client, ROLE_EMAILS["editor"], temporary).status_code == 302
    assert post(client, "/staff/language", {"locale": "es", "next": "/staff/"}).status_code == 302
    response = post(client, "/staff/account/password", {"current": temporary, "new": weak, "repeat": weak})
    assert response.status_code == 400
    with app.test_request_context(), force_locale("es"):
        expected = accounts.describe(accounts.AccountError(reason))
    with app.test_request_context(), force_locale("en"):
        assert expected != accounts.describe(accounts.AccountError(reason))  # translated, not English
    assert f'<p class="error" id="new-error">{escape(expected)}</p>' in response.get_data(as_text=True)
    if weak != temporary:
        assert sign_in(app.test_client(), ROLE_EMAILS["editor"], weak).status_code == 401  # still the temporary password
    assert client.get("/staff/schools").location == "/staff/account/password"


def test_a_strong_new_password_is_taken_and_the_weak_ones_are_refused_everywhere_passwords_are_set(app, cli):
    strong = "gravel lantern orbit pudding"
    with app.app_context():
        user = accounts.find_user(ROLE_EMAILS["translator"])
        with pytest.raises(accounts.AccountError, match="same_password"):
            accounts.set_password(user, PASSWORD)
        with pytest.raises(accounts.AccountError, match="patterned_password"):
            accounts.create_user("new@office.example.org", "abcdefghijkl", "translator")
        accounts.set_password(user, strong)
        db.session.commit()
    assert sign_in(app.test_client(), ROLE_EMAILS["translator"], strong).status_code == 302
    weak = cli("staff", "create", "z@office.example.org", "--role", "editor", "--password", "z@office.example.org")
    assert weak.exit_code == 1 and account_or_none(app, "z@office.example.org") is None


def account_or_none(app, email):
    with app.app_context():
        return accounts.find_user(email)


def with_second_factor(client) -> str:
    page = client.get("/staff/account/second-factor").get_data(as_text=True)
    secret = page.split('name="secret" value="')[1].split('"')[0]
    assert post(client, "/staff/account/second-factor", {"secret": secret, "code": pyotp.TOTP(secret).now()}).status_code == 302
    return secret


def second_factor_on(app, email: str) -> bool:
    return account(app, email).totp_token is not None


def test_the_second_factor_secret_is_kept_encrypted_and_read_back_with_the_key(app, as_role):
    from sqlalchemy import text as sql

    editor = as_role("editor")
    secret = with_second_factor(editor)
    with app.app_context():
        [stored] = db.session.execute(sql("SELECT totp_secret FROM staff_user WHERE totp_secret IS NOT NULL")).scalars().all()
        user = db.session.scalar(select(StaffUser).where(StaffUser.totp_token.is_not(None)))
        assert secret not in stored and user.totp_secret == secret  # a copy of the database alone does not give it away
    app.config["DATA_ENCRYPTION_KEY"] = "a key of its own, set after the secret was stored"
    with app.app_context():  # still read, with SECRET_KEY, which encrypted it
        assert db.session.scalar(select(StaffUser).where(StaffUser.totp_token.is_not(None))).totp_secret == secret
    app.config["SECRET_KEY"] = "a rotated secret key, long enough for production 0123456789"
    with app.app_context():  # both keys changed: it cannot be read, and says why
        user = db.session.scalar(select(StaffUser).where(StaffUser.totp_token.is_not(None)))
        with pytest.raises(ValueError, match="DATA_ENCRYPTION_KEY"):
            _ = user.totp_secret


def test_turning_the_second_factor_off_needs_the_password_or_a_current_code(app, as_role):
    editor = as_role("editor")
    secret = with_second_factor(editor)
    assert post(editor, "/staff/language", {"locale": "es", "next": "/staff/"}).status_code == 302
    with app.test_request_context(), force_locale("es"):
        reason = gettext("That is neither your password nor a current code.")
    assert reason != "That is neither your password nor a current code."
    stale = "123456" if pyotp.TOTP(secret).now() != "123456" else "654321"
    for proof in ({}, {"proof": "not my password at all"}, {"proof": stale}, {"proof": "x" * 2000}):
        refused = post(editor, "/staff/account/second-factor", {"action": "off", **proof})
        assert refused.status_code == 400
        assert f'<p class="error" id="proof-error">{escape(reason)}</p>' in refused.get_data(as_text=True)
        assert second_factor_on(app, ROLE_EMAILS["editor"])
    assert post(editor, "/staff/account/second-factor", {"action": "off", "proof": pyotp.TOTP(secret).now()}).status_code == 302
    assert not second_factor_on(app, ROLE_EMAILS["editor"])
    admin = as_role("admin")
    with_second_factor(admin)
    assert post(admin, "/staff/account/second-factor", {"action": "off", "proof": PASSWORD}).status_code == 302
    assert not second_factor_on(app, ROLE_EMAILS["admin"])


def test_the_migration_encrypts_the_secrets_already_stored_and_its_downgrade_decrypts_them(tmp_path):
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import text as sql

    from app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'before.db'}"})
    with app.app_context():
        upgrade(revision="0012")
        db.session.execute(
            sql(
                "INSERT INTO staff_user (email, password_hash, role, locale, active, must_change_password, totp_secret, session_nonce, created_at) "
                "VALUES ('admin@office.example.org', 'x', 'admin', 'en', 1, 0, 'JBSWY3DPEHPK3PXP', '', '2026-12-01 00:00:00')"
            )  # fmt: skip
        )
        db.session.commit()
        upgrade()
        stored = db.session.execute(sql("SELECT totp_secret FROM staff_user")).scalar_one()
        assert stored.startswith("gAAAAA") and "JBSWY3DPEHPK3PXP" not in stored
        assert db.session.scalar(select(StaffUser)).totp_secret == "JBSWY3DPEHPK3PXP"
        db.session.remove()
        downgrade(revision="0012")
        assert db.session.execute(sql("SELECT totp_secret FROM staff_user")).scalar_one() == "JBSWY3DPEHPK3PXP"
        db.engine.dispose()


# A second factor whose secret no key can read: the keys changed since it was set up, or the column holds no token.
UNREADABLE = ("keys changed", "not a token")
CANNOT_CHECK = "Your second sign-in step cannot be checked: its stored key can no longer be read."


@pytest.fixture
def editor_with_second_factor(app, as_role):
    """The editor, signed in, with a second factor stored under a DATA_ENCRYPTION_KEY of its own; returns (client, secret)."""
    app.config["DATA_ENCRYPTION_KEY"] = "the key the secret is stored under, long enough 0123456789"
    editor = as_role("editor")
    return editor, with_second_factor(editor)


def make_unreadable(app, how: str) -> None:
    from sqlalchemy import text as sql

    if how == "keys changed":  # SECRET_KEY stays: sessions signed in before it still stand
        app.config["DATA_ENCRYPTION_KEY"] = "a new key, not the one the secret was stored under 0123"
    else:
        with app.app_context(), unit_of_work():
            db.session.execute(
                sql("UPDATE staff_user SET totp_secret = 'gAAAAAnot-a-fernet-token' WHERE email = :e"), {"e": ROLE_EMAILS["editor"]}
            )


@pytest.mark.parametrize("how", UNREADABLE)
def test_a_second_factor_no_key_can_read_refuses_the_sign_in_says_why_and_logs_no_secret(app, editor_with_second_factor, caplog, how):
    _, secret = editor_with_second_factor
    token = account(app, ROLE_EMAILS["editor"]).totp_token
    make_unreadable(app, how)
    client = app.test_client()
    with caplog.at_level(logging.WARNING, logger="staff.accounts"):
        refused = sign_in(client, ROLE_EMAILS["editor"])
    assert refused.status_code == 403
    page = unescape(refused.get_data(as_text=True))
    assert CANNOT_CHECK in page and "Ask an administrator to reset it" in page
    assert client.get("/staff/").status_code == 302 and client.get("/staff/login/code").location == "/staff/login"  # not signed in
    wrong = sign_in(client, ROLE_EMAILS["editor"], "not the password at all")  # only the right password learns of it
    assert wrong.status_code == 401 and CANNOT_CHECK not in unescape(wrong.get_data(as_text=True))
    [record] = [r for r in caplog.records if r.name == "staff.accounts"]
    logged = record.getMessage()
    assert record.levelname == "WARNING" and "flask staff reset-second-factor" in logged
    assert ROLE_EMAILS["editor"] not in logged and secret not in logged and token not in logged and "gAAAAA" not in logged


@pytest.mark.parametrize("how", UNREADABLE)
def test_a_sign_in_waiting_for_its_code_when_the_secret_becomes_unreadable_is_refused_with_the_reason(app, editor_with_second_factor, how):
    _, secret = editor_with_second_factor
    looking, typing = app.test_client(), app.test_client()
    for client in (looking, typing):
        assert sign_in(client, ROLE_EMAILS["editor"]).location == "/staff/login/code"
    make_unreadable(app, how)
    code = {"code": pyotp.TOTP(secret).now()}
    for client, response in ((looking, looking.get("/staff/login/code")), (typing, post(typing, "/staff/login/code", code))):
        assert response.status_code == 403 and CANNOT_CHECK in unescape(response.get_data(as_text=True))
        assert client.get("/staff/").status_code == 302
        assert client.get("/staff/login/code").location == "/staff/login"  # the half-done sign-in is over


@pytest.mark.parametrize("how", UNREADABLE)
def test_the_second_factor_page_says_the_secret_is_unreadable_and_the_password_turns_it_off(app, editor_with_second_factor, how):
    editor, secret = editor_with_second_factor
    make_unreadable(app, how)
    page = editor.get("/staff/account/second-factor")
    assert page.status_code == 200 and CANNOT_CHECK in unescape(page.get_data(as_text=True))
    refused = post(editor, "/staff/account/second-factor", {"action": "off", "proof": pyotp.TOTP(secret).now()})
    assert refused.status_code == 400 and CANNOT_CHECK in unescape(refused.get_data(as_text=True))  # no code can match it
    assert second_factor_on(app, ROLE_EMAILS["editor"])
    assert post(editor, "/staff/account/second-factor", {"action": "off", "proof": PASSWORD}).status_code == 302
    assert not second_factor_on(app, ROLE_EMAILS["editor"])
    assert 'name="secret" value="' in editor.get("/staff/account/second-factor").get_data(as_text=True)  # set it up again
    assert sign_in(app.test_client(), ROLE_EMAILS["editor"]).location == "/staff/"


def test_flask_staff_reset_second_factor_lets_an_account_with_an_unreadable_one_sign_in_again(app, editor_with_second_factor, cli):
    assert "no longer be read" in cli("staff", "reset-second-factor", "--help").output  # the docstring is the help
    make_unreadable(app, "keys changed")
    assert sign_in(app.test_client(), ROLE_EMAILS["editor"]).status_code == 403
    reset = cli("staff", "reset-second-factor", ROLE_EMAILS["editor"].upper())
    assert reset.exit_code == 0 and f"Turned off the second sign-in step of {ROLE_EMAILS['editor']}." in reset.output
    assert not second_factor_on(app, ROLE_EMAILS["editor"])
    assert sign_in(app.test_client(), ROLE_EMAILS["editor"]).location == "/staff/"  # the password alone, until set up again
    again = cli("staff", "reset-second-factor", ROLE_EMAILS["editor"])
    assert again.exit_code == 0 and "has no second sign-in step" in again.output
    unknown = app.test_cli_runner().invoke(args=["staff", "reset-second-factor", "nobody@example.org"])
    assert unknown.exit_code == 1 and "No account has the email nobody@example.org." in unknown.output


# The accounts page turns off another account's second factor, as `flask staff reset-second-factor` does.
TURNED_OFF = "Turned off the second sign-in step of {email}. They sign in with their password alone until they set it up again."


def reset_url(app, email: str) -> str:
    return f"/staff/users/{account(app, email).id}/reset-second-factor"


@pytest.mark.parametrize("unreadable", [False, True], ids=["lost phone", "keys changed"])
def test_an_admin_turns_off_another_accounts_second_factor_and_it_signs_in_with_the_password_alone(
    app, editor_with_second_factor, as_role, caplog, unreadable
):
    if unreadable:
        make_unreadable(app, "keys changed")
    admin, editor_email = as_role("admin"), ROLE_EMAILS["editor"]
    editor_id = account(app, editor_email).id
    page = unescape(admin.get("/staff/users").get_data(as_text=True))
    form = page.split(f'action="/staff/users/{editor_id}/reset-second-factor"')[1].split("</form>")[0]
    assert 'name="csrf_token"' in form and f"{editor_email} signs in with the password alone and has to set up" in form
    assert "Turn off the second sign-in step" in page
    with caplog.at_level(logging.INFO, logger="staff.views.users"):
        done = post(admin, f"/staff/users/{editor_id}/reset-second-factor")
    assert done.status_code == 302 and done.location == f"/staff/users?done=second-factor-off&account={editor_id}"
    assert TURNED_OFF.format(email=editor_email) in unescape(admin.get(done.location).get_data(as_text=True))
    assert not second_factor_on(app, editor_email)
    admin_id = account(app, ROLE_EMAILS["admin"]).id
    [record] = [r.getMessage() for r in caplog.records if r.name == "staff.views.users"]  # who did it, by account id
    assert record == f"staff account {editor_id}: second sign-in step turned off by admin account {admin_id}"
    # The password alone signs in; the account is offered the setup as any account without one.
    client = app.test_client()
    assert sign_in(client, editor_email).location == "/staff/"
    assert 'href="/staff/account/second-factor"' in client.get("/staff/").get_data(as_text=True)
    assert 'name="secret" value="' in client.get("/staff/account/second-factor").get_data(as_text=True)
    # …and its page on the admin's side says so, with nothing left to turn off.
    assert f'action="/staff/users/{editor_id}/reset-second-factor"' not in admin.get("/staff/users").get_data(as_text=True)


def test_the_accounts_page_says_this_in_the_admins_language(app, editor_with_second_factor, as_role):
    admin = as_role("admin")
    post(admin, "/staff/language", {"locale": "es"})
    done = post(admin, reset_url(app, ROLE_EMAILS["editor"]))
    page = unescape(admin.get(done.location).get_data(as_text=True))
    with app.test_request_context(), force_locale("es"):
        expected = gettext(TURNED_OFF.replace("{email}", "%(email)s"), email=ROLE_EMAILS["editor"])
    assert expected != TURNED_OFF.format(email=ROLE_EMAILS["editor"]) and expected in page


@pytest.mark.parametrize("role", ["editor", "school_rep", "translator"])
def test_only_an_admin_may_turn_off_someone_elses_second_factor(app, as_role, role):
    admin = as_role("admin")
    with_second_factor(admin)
    client = as_role(role)  # signed in before the admin's second factor: the password alone would not do now
    refused = post(client, reset_url(app, ROLE_EMAILS["admin"]))
    assert refused.status_code == 403
    assert second_factor_on(app, ROLE_EMAILS["admin"])


def test_turning_off_a_second_factor_needs_the_csrf_token(app, editor_with_second_factor, as_role):
    admin = as_role("admin")
    url = reset_url(app, ROLE_EMAILS["editor"])
    assert admin.post(url, data={}).status_code == 400
    assert admin.post(url, data={"csrf_token": "not the token"}).status_code == 400
    assert second_factor_on(app, ROLE_EMAILS["editor"])


def test_an_account_without_a_second_factor_has_nothing_to_turn_off(app, as_role):
    admin, email = as_role("admin"), ROLE_EMAILS["editor"]
    before = account(app, email)
    page = admin.get("/staff/users").get_data(as_text=True)
    assert f'action="/staff/users/{before.id}/reset-second-factor"' not in page  # no button where there is nothing to turn off
    refused = post(admin, reset_url(app, email))
    assert refused.status_code == 409
    assert f"{email} has no second sign-in step: nothing to turn off." in unescape(refused.get_data(as_text=True))
    after = account(app, email)
    assert (after.totp_token, after.session_nonce, after.password_hash) == (None, before.session_nonce, before.password_hash)
    assert post(admin, "/staff/users/999999/reset-second-factor").status_code == 404


def test_an_admins_own_second_factor_is_turned_off_on_its_own_page_with_the_password(app, as_role):
    admin = as_role("admin")
    with_second_factor(admin)
    own = account(app, ROLE_EMAILS["admin"]).id
    page = admin.get("/staff/users").get_data(as_text=True)
    assert f'action="/staff/users/{own}/reset-second-factor"' not in page and 'href="/staff/account/second-factor"' in page
    refused = post(admin, f"/staff/users/{own}/reset-second-factor")  # a session left open cannot turn it off alone
    assert refused.status_code == 400 and "with your password" in refused.get_data(as_text=True)
    assert second_factor_on(app, ROLE_EMAILS["admin"])
