"""Listing changes by school staff: proposed, then approved (published) or rejected by an editor.

Flushes; the caller's unit of work commits.
"""

from datetime import UTC, datetime

from sqlalchemy import select

from app.extensions import db
from catalog import zip_table
from catalog.csvformat import Problem, parse_school, school_row
from catalog.queries import current_rows
from catalog.services import publish_listing, row_diff
from staff.models import Proposal


class ProposalError(ValueError):
    """A proposal that is not waiting for a decision any more."""


def current_row(school_id: str) -> dict | None:
    """Return a school's listing as its canonical CSV row, or None if there is no such school."""
    return current_rows([school_id]).get(school_id)


def propose(school_id: str, row: dict, author: str) -> tuple[Proposal | None, list[Problem]]:
    """Record the changes `row` makes to a listing, validated as the importer validates them.

    None when the row is rejected or changes nothing.
    """
    record, problems = parse_school(1, {**row, "id": school_id}, zip_table.centroid)
    if record is None:
        return None, problems
    changes = row_diff(current_row(school_id) or {}, school_row(record))
    if not changes:
        return None, problems
    proposal = Proposal(school_id=school_id, author=author, changes=changes)
    db.session.add(proposal)
    db.session.flush()
    return proposal, problems


def conflicts(proposal: Proposal) -> dict[str, str]:
    """Columns changed by someone else since the proposal was made: column → value now."""
    now = current_row(proposal.school_id) or {}
    return {column: now.get(column, "") for column, (before, _after) in proposal.changes.items() if now.get(column, "") != before}


def get(proposal_id: int) -> Proposal | None:
    return db.session.get(Proposal, proposal_id)


def _pending(proposal_id: int) -> Proposal:
    proposal = get(proposal_id)
    if proposal is None or proposal.status != "pending":
        raise ProposalError(proposal_id)
    return proposal


def approve(proposal_id: int, editor: str, comment: str = "") -> tuple[dict, list[Problem]]:
    """Publish the proposed values over the listing as it is now; return the diff written."""
    proposal = _pending(proposal_id)
    row = current_row(proposal.school_id)
    if row is None:
        raise ProposalError(proposal_id)
    proposed = {column: after for column, (_before, after) in proposal.changes.items()}
    note = f"{proposal.author}: {comment}".strip().rstrip(":")
    diff, problems = publish_listing(proposal.school_id, {**row, **proposed}, editor, action="approved", note=note)
    if any(not p.is_warning for p in problems):
        return {}, problems
    _decide(proposal, "approved", editor, comment)
    return diff, problems


def reject(proposal_id: int, editor: str, comment: str = "") -> Proposal:
    proposal = _pending(proposal_id)
    _decide(proposal, "rejected", editor, comment)
    return proposal


def _decide(proposal: Proposal, status: str, editor: str, comment: str) -> None:
    proposal.status, proposal.decided_by, proposal.comment = status, editor, comment.strip()[:2000]
    proposal.decided_at = datetime.now(UTC)
    db.session.flush()


def pending(school_ids=None) -> list[Proposal]:
    """Proposals waiting for a decision, oldest first; only these schools' when given."""
    statement = select(Proposal).where(Proposal.status == "pending").order_by(Proposal.created_at, Proposal.id)
    if school_ids is not None:
        statement = statement.where(Proposal.school_id.in_(list(school_ids)))
    return list(db.session.scalars(statement))


def for_school(school_id: str) -> list[Proposal]:
    return list(db.session.scalars(select(Proposal).where(Proposal.school_id == school_id).order_by(Proposal.id.desc())))
