"""The catalog's tables: schools, their programs, and their free text per locale."""

from datetime import UTC, date, datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from catalog.vocabulary import grades_of_mask


def _now() -> datetime:
    return datetime.now(UTC)


class School(db.Model):
    __tablename__ = "school"
    __table_args__ = (
        CheckConstraint("sector IN ('district', 'charter')", name="sector"),
        CheckConstraint("grade_low <= grade_high", name="grade_span"),
        Index("ix_school_lat_lon", "lat", "lon"),
        # Covers a radius search and its per-sector counts on SQLite: the filters are tested inside
        # the index, the table is read only for the schools that match. The needs come right after
        # the cell, so a search asking for some seeks to the entries that offer them (0016).
        # SQLite's alone: PostgreSQL finds a place by `location`'s GiST index, and took this one
        # only to read it whole beside a wide circle (0018).
        Index(
            "ix_school_search",
            "geo_cell",
            "need_sped",
            "need_ell",
            "need_dual_language",
            "need_bus",
            "need_transit",
            "need_accessible",
            "grades_offered",
            "lat",
            "lon",
            "id",
            "id_hash",
            "sector",
            "needs_not_stated",
            info={"dialect": "sqlite"},
        ).ddl_if(dialect="sqlite"),  # fmt: skip
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # not indexed: two values, and SQLite (without statistics) took an index on it for selective,
    # reading every charter school of the country for a search near one place (migration 0017)
    sector: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(String(300), default="")
    school_type: Mapped[str] = mapped_column(String(300), default="")
    grade_low: Mapped[int]  # the lowest and highest of the grades offered, for labels and sorting
    grade_high: Mapped[int]
    grades_offered: Mapped[int] = mapped_column(default=0)  # the set of grades, one bit each (vocabulary.grade_mask)
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(300), default="")
    zip: Mapped[str] = mapped_column(String(5), default="")
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    location_approximate: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(300), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    enrollment: Mapped[int | None]
    accessibility: Mapped[str] = mapped_column(String(16), default="unknown")
    school_bus: Mapped[str] = mapped_column(String(16), default="unknown")
    school_bus_notes: Mapped[str] = mapped_column(Text, default="")
    transit_bus: Mapped[str] = mapped_column(Text, default="")
    transit_rail: Mapped[str] = mapped_column(Text, default="")
    application_deadline: Mapped[date | None]
    seats_available: Mapped[int | None]
    rating: Mapped[str] = mapped_column(String(300), default="")
    rating_source: Mapped[str] = mapped_column(String(300), default="")
    verified_on: Mapped[date | None]
    sped_stated: Mapped[bool] = mapped_column(default=False)  # the listing states its special-education programs, or none
    ell_stated: Mapped[bool] = mapped_column(default=False)  # … its English-learner programs, or none
    sped_students: Mapped[int | None]  # students served in special education, as the source counts them
    ell_students: Mapped[int | None]  # … and as English learners
    # Derived from the facts above on every write (catalog.services), for fast filtering.
    need_sped: Mapped[bool] = mapped_column(default=False)
    need_ell: Mapped[bool] = mapped_column(default=False)
    need_dual_language: Mapped[bool] = mapped_column(default=False)
    need_bus: Mapped[bool] = mapped_column(default=False)
    need_transit: Mapped[bool] = mapped_column(default=False)
    need_accessible: Mapped[bool] = mapped_column(default=False)
    needs_not_stated: Mapped[int] = mapped_column(default=0)  # one bit a need the listing says nothing about (vocabulary.need_bit)
    geo_cell: Mapped[int | None]  # catalog.geo.grid_cell of lat/lon
    # PostgreSQL adds `location`, a PostGIS geography point generated from lat/lon (migration 0010).
    id_hash: Mapped[int] = mapped_column(BigInteger, default=0)  # catalog.query.id_hash: the neutral order's per-school part
    sort_name: Mapped[str] = mapped_column(String(300), default="")  # catalog.text.fold(name), for the name order
    search_text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    programs: Mapped[list["Program"]] = relationship(back_populates="school", cascade="all, delete-orphan", order_by="Program.id")
    texts: Mapped[list["SchoolText"]] = relationship(cascade="all, delete-orphan")

    @property
    def grades(self) -> tuple[int, ...]:
        return grades_of_mask(self.grades_offered)


class Program(db.Model):
    __tablename__ = "program"
    __table_args__ = (
        UniqueConstraint("school_id", "kind", "code", "language", name="uq_program_school_kind_code_language"),
        Index("ix_program_code_language", "code", "language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(2), default="")  # "" when the program has none

    school: Mapped[School] = relationship(back_populates="programs")


class SchoolText(db.Model):
    """A free-text field of a school in one locale; `source_hash` ties it to its English source."""

    __tablename__ = "school_text"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id", ondelete="CASCADE"), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    locale: Mapped[str] = mapped_column(String(8), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    source_hash: Mapped[str] = mapped_column(String(16), default="")


class CatalogRevision(db.Model):
    """One row counting catalog changes: caches key on it, so any change is seen at once."""

    __tablename__ = "catalog_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)


class ListingChange(db.Model):
    """One published change to a school's listing: who, when, and each column before → after.

    Written in the same transaction as the change. `actor` keeps the name as it was then (a
    staff email, or the command line), so the row stays readable after an account is removed.
    """

    __tablename__ = "listing_change"
    __table_args__ = (Index("ix_listing_change_school_id_at", "school_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[str] = mapped_column(String(64))  # no foreign key: history outlives a removed school
    at: Mapped[datetime] = mapped_column(default=_now)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(16))  # created | edited | approved | verified | translated | imported
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # column → [before, after]
    note: Mapped[str] = mapped_column(Text, default="")
