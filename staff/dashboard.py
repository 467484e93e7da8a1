"""What the staff home page and the listing lists show: counts, unverified listings, history."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select

from app.extensions import db
from catalog.models import ListingChange, School
from catalog.search import read_misspelt
from catalog.text import fold_tokens
from sms.models import Handoff
from staff.models import Proposal, StaffUser

PER_PAGE = 50


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))


def _scoped(statement, school_ids):
    return statement if school_ids is None else statement.where(School.id.in_(list(school_ids)))


def not_verified_since(max_days: int, today: date | None = None):
    """The condition "never verified, or verified more than `max_days` ago"."""
    cutoff = (today or date.today()) - timedelta(days=max_days)
    return or_(School.verified_on.is_(None), School.verified_on < cutoff)


def schools(school_ids, query: str = "", page: int = 1, max_days: int | None = None) -> Page:
    """Schools this account works on, by name ("kenwod" finds Kenwood when no name has "kenwod");
    only those unverified for `max_days` when given."""
    tokens = fold_tokens(query)[:8]
    page_of = _schools_page(school_ids, [(token,) for token in tokens], query.strip(), page, max_days)
    if not page_of.total and tokens:
        terms = read_misspelt(tokens)
        if terms is not None:
            page_of = _schools_page(school_ids, terms, query.strip(), page, max_days)
    return page_of


def _schools_page(school_ids, terms: list[tuple[str, ...]], school_id: str, page: int, max_days: int | None) -> Page:
    statement = _scoped(select(School), school_ids)
    for alternatives in terms:  # "%" and "_" are letters, never LIKE wildcards
        words = [School.search_text.contains(word, autoescape=True) for word in alternatives]
        statement = statement.where(or_(*words, School.id == school_id))
    if max_days is not None:
        statement = statement.where(not_verified_since(max_days)).order_by(School.verified_on.is_not(None), School.verified_on, School.name)
    else:
        statement = statement.order_by(School.name, School.id)
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    items = list(db.session.scalars(statement.limit(PER_PAGE).offset((page - 1) * PER_PAGE)))
    return Page(items, total, page)


def history(school_id: str) -> list[ListingChange]:
    statement = select(ListingChange).where(ListingChange.school_id == school_id).order_by(ListingChange.at.desc(), ListingChange.id.desc())
    return list(db.session.scalars(statement.limit(500)))


def summary(user: StaffUser, max_days: int) -> dict:
    """The numbers on the home page, for what this account may act on."""
    office = user.role in ("admin", "editor")
    school_ids = None if user.role != "school_rep" else user.school_ids
    proposals = select(func.count()).select_from(Proposal).where(Proposal.status == "pending")
    if school_ids is not None:
        proposals = proposals.where(Proposal.school_id.in_(list(school_ids)))
    unverified = _scoped(select(func.count()).select_from(School), school_ids).where(not_verified_since(max_days))
    return {
        "pending_proposals": db.session.scalar(proposals) if user.role != "translator" else 0,
        "unverified": db.session.scalar(unverified) if user.role != "translator" else 0,
        "open_handoffs": db.session.scalar(select(func.count()).select_from(Handoff).where(Handoff.closed_at.is_(None))) if office else 0,
        "max_days": max_days,
    }
