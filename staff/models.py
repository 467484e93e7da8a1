"""Staff accounts, the changes school staff propose, and uploaded import files."""

from datetime import UTC, datetime

from sqlalchemy import JSON, CheckConstraint, Column, ForeignKey, LargeBinary, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.encryption import decrypt, encrypt
from app.extensions import db

ROLES = ("admin", "editor", "school_rep", "translator")


def _now() -> datetime:
    return datetime.now(UTC)


staff_user_school = Table(
    "staff_user_school",
    db.metadata,
    Column("user_id", ForeignKey("staff_user.id", ondelete="CASCADE"), primary_key=True),
    Column("school_id", ForeignKey("school.id", ondelete="CASCADE"), primary_key=True),
)


class StaffUser(db.Model):
    """A person of the enrollment office or of a school. Flask-Login's user."""

    __tablename__ = "staff_user"
    __table_args__ = (CheckConstraint("role IN ('admin', 'editor', 'school_rep', 'translator')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored lower-case
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    role: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8), default="en")
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    # The TOTP secret, encrypted at rest (app.encryption); read and set it as `totp_secret`.
    totp_token: Mapped[str | None] = mapped_column("totp_secret", String(255))
    # Changes on every password change: signs every session, so a reset ends the old ones.
    session_nonce: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(default=_now)
    last_login_at: Mapped[datetime | None]

    schools = relationship("School", secondary=staff_user_school, order_by="School.id")  # a school_rep's own

    @property
    def totp_secret(self) -> str | None:
        return decrypt(self.totp_token) if self.totp_token else None

    @totp_secret.setter
    def totp_secret(self, secret: str | None) -> None:
        self.totp_token = encrypt(secret) if secret else None

    @property
    def school_ids(self) -> set[str]:
        return {school.id for school in self.schools}

    # Flask-Login's user interface.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_nonce}"


class Proposal(db.Model):
    """Changes a school's own staff asked for: waiting until an editor approves or rejects them."""

    __tablename__ = "staff_proposal"
    __table_args__ = (CheckConstraint("status IN ('pending', 'approved', 'rejected')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(320))
    changes: Mapped[dict] = mapped_column(JSON)  # column → [value when proposed, proposed value]
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(default=_now)
    decided_at: Mapped[datetime | None]

    school = relationship("School")


class ImportUpload(db.Model):
    """A catalog file uploaded from the browser, kept between its dry run and its import."""

    __tablename__ = "staff_import_upload"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    fmt: Mapped[str] = mapped_column(String(16))
    filenames: Mapped[list] = mapped_column(JSON)
    schools_data: Mapped[bytes] = mapped_column(LargeBinary)
    extra_data: Mapped[bytes | None] = mapped_column(LargeBinary)  # the NYC high-school directory
    translations_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    applied_at: Mapped[datetime | None]
    working: Mapped[str | None] = mapped_column(String(8))  # the job it waits for: "check" | "import"
    working_since: Mapped[datetime | None]
    rows_estimate: Mapped[int] = mapped_column(default=0, server_default="0")  # lines in the schools file, for the progress
    report: Mapped[dict | None] = mapped_column(JSON)  # what the last check or import found (staff.imports.keep_report)
    job_error: Mapped[str | None] = mapped_column(String(200))  # why the last job stopped without a report
