"""Use cases that change the catalog. They flush; the caller's unit of work commits."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from flask import g
from sqlalchemy import delete, select, update

from app.db import after_commit, insert_rows
from app.extensions import db
from catalog import geo, zip_table
from catalog.csvformat import (
    FREE_TEXT_FIELDS,
    Problem,
    SchoolRecord,
    TextRecord,
    parse_school,
    parse_text,
    school_row,
    text_hash,
)
from catalog.models import CatalogRevision, ListingChange, Program, School, SchoolText
from catalog.queries import current_rows
from catalog.query import id_hash
from catalog.text import fold, fold_for_search
from catalog.vocabulary import N_, NEEDS, PROGRAM_KINDS, grade_mask, need_bit

CHUNK = 500  # rows per statement: well under SQLite's bound-parameter limit
COMMAND_LINE = "flask catalog import"  # the actor of changes made from the command line


@dataclass
class ImportReport:
    """What an import found and did."""

    rows: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    rejected_lines: set[tuple[str, int]] = field(default_factory=set)
    problems: list[tuple[str, Problem]] = field(default_factory=list)  # (file: "schools" | "translations", problem)
    texts_new: int = 0
    texts_changed: int = 0
    texts_unchanged: int = 0
    applied: bool = False

    @property
    def rejected(self) -> int:
        return len(self.rejected_lines)

    def add(self, problems: Iterable[Problem], file: str = "schools") -> None:
        for problem in problems:
            self.problems.append((file, problem))
            if not problem.is_warning:
                self.rejected_lines.add((file, problem.line))


def school_values(record: SchoolRecord) -> dict:
    """Return the `school` table values of a record, with the derived columns filled in."""
    values = record.values()
    for name in ("programs", "summary", "how_to_apply"):
        values.pop(name)
    values.pop("grades")
    values.update(grade_low=record.grade_low, grade_high=record.grade_high, grades_offered=grade_mask(record.grades))
    needs = record.needs()
    values.update({f"need_{need}": need in needs for need in NEEDS})
    values["needs_not_stated"] = sum(need_bit(need) for need in record.needs_not_stated())
    values["geo_cell"] = geo.grid_cell(record.lat, record.lon) if record.lat is not None and record.lon is not None else None
    values["id_hash"] = id_hash(record.id)
    values["sort_name"] = fold(record.name)[:300]
    values["search_text"] = fold_for_search(
        " ".join((record.name, record.operator, record.school_type, record.address, record.city, record.zip))
    )
    values["content_hash"] = record.content_hash
    return values


def bump_revision() -> None:
    """Count a change to the catalog, in the same transaction as the change."""
    g.pop("catalog_revision", None)
    updated = db.session.execute(update(CatalogRevision).where(CatalogRevision.id == 1).values(revision=CatalogRevision.revision + 1))
    if updated.rowcount == 0:
        db.session.add(CatalogRevision(id=1, revision=1))


def display_order(program: tuple[str, str, str]) -> tuple:
    """Order programs as families read them: special education, English learners, languages."""
    kind, code, language = program
    return (list(PROGRAM_KINDS).index(kind), code, language)


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write_schools(records: list[SchoolRecord], existing: set[str]) -> None:
    new = [school_values(r) for r in records if r.id not in existing]
    changed = [school_values(r) for r in records if r.id in existing]
    ids = [r.id for r in records if r.id in existing]
    for chunk in _chunks(ids):
        db.session.execute(delete(Program).where(Program.school_id.in_(chunk)))
        db.session.execute(delete(SchoolText).where(SchoolText.school_id.in_(chunk), SchoolText.locale == "en"))
    insert_rows(School.__table__, new)
    for chunk in _chunks(changed):
        db.session.execute(update(School), chunk)
    programs = [
        {"school_id": r.id, "kind": kind, "code": code, "language": language}
        for r in records
        for kind, code, language in sorted(r.programs, key=display_order)
    ]
    insert_rows(Program.__table__, programs)
    texts = [
        {"school_id": r.id, "field": name, "locale": "en", "text": getattr(r, name), "source_hash": text_hash(getattr(r, name))}
        for r in records
        for name in FREE_TEXT_FIELDS
        if getattr(r, name)
    ]
    insert_rows(SchoolText.__table__, texts)


def import_schools(
    rows: Iterable[tuple[int, dict]],
    *,
    text_rows: Iterable[tuple[int, dict]] = (),
    locales: Iterable[str] = (),
    partial: bool = False,
    dry_run: bool = False,
    on_row: Callable[[], None] | None = None,
    actor: str = COMMAND_LINE,
) -> ImportReport:
    """Validate canonical rows (and translation rows) and write them, all or nothing.

    With `partial`, the valid rows are written even when others are rejected; with `dry_run`
    nothing is written. Schools missing from the file are left as they are. Each school
    written gets a listing-change row naming `actor`.
    """
    report = ImportReport()
    records: dict[str, SchoolRecord] = {}
    first_line: dict[str, int] = {}
    for line, row in rows:
        report.rows += 1
        record, problems = parse_school(line, row, zip_table.centroid)
        report.add(problems)
        if on_row:
            on_row()
        if record is None:
            continue
        if record.id in records:
            report.add(
                [
                    Problem(
                        line,
                        "id",
                        N_("Duplicate id “%(id)s”, first seen on line %(first)d."),
                        {"id": record.id, "first": first_line[record.id]},
                    )
                ]
            )
            continue
        records[record.id] = record
        first_line[record.id] = line

    existing = {i: h for i, h in db.session.execute(select(School.id, School.content_hash))}
    for record in records.values():
        if record.id not in existing:
            report.new.append(record.id)
        elif existing[record.id] != record.content_hash:
            report.changed.append(record.id)
        else:
            report.unchanged += 1

    texts = _read_texts(text_rows, set(records) | set(existing), list(locales), report)
    if dry_run or (report.rejected and not partial):
        _classify_texts(texts, report)
        return report
    to_write = [records[i] for i in report.new + report.changed]
    before = current_rows(report.changed)
    now = datetime.now(UTC)
    changes = [{"school_id": i, "at": now, "actor": actor, "action": "created", "changes": {}, "note": ""} for i in report.new]
    changes += [
        {
            "school_id": i,
            "at": now,
            "actor": actor,
            "action": "imported",
            "changes": row_diff(before[i], school_row(records[i])),
            "note": "",
        }
        for i in report.changed
    ]
    _write_schools(to_write, set(existing))
    insert_rows(ListingChange.__table__, changes)  # plain rows: an ORM object per school costs a quarter of the import's speed
    db.session.flush()
    _apply_texts(texts, report, actor)
    if to_write or report.texts_new or report.texts_changed:
        bump_revision()
    if len(to_write) >= ANALYZE_MIN_SCHOOLS and db.engine.dialect.name == "postgresql":
        after_commit(_analyze_catalog)
    db.session.flush()
    report.applied = True
    return report


# An import writing this many schools has PostgreSQL take the catalog's statistics once it is
# committed. Autovacuum would, within a minute or so; meanwhile its planner, knowing nothing of the
# programs, read the whole program table for a page of 20 schools (8 ms against 0.3 ms among 100,000).
ANALYZE_MIN_SCHOOLS = 500


def _analyze_catalog() -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"ANALYZE {School.__tablename__}, {Program.__tablename__}, {SchoolText.__tablename__}")


def row_diff(before: dict, after: dict) -> dict[str, list[str]]:
    """Return column → [before, after] for each canonical column whose value differs."""
    return {column: [before.get(column, ""), value] for column, value in after.items() if before.get(column, "") != value}


def publish_listing(school_id: str, row: dict, actor: str, action: str = "edited", note: str = "") -> tuple[dict, list[Problem]]:
    """Write one school's listing from its canonical row, validated as the importer validates it.

    The id comes from the caller, never from the row. Returns (column → [before, after] as
    written, problems); nothing is written when a problem is an error or nothing changed.
    """
    record, problems = parse_school(1, {**row, "id": school_id}, zip_table.centroid)
    if record is None:
        return {}, problems
    before = current_rows([school_id]).get(school_id)
    after = school_row(record)
    diff = row_diff(before or {}, after)
    if before is not None and not diff:
        return {}, problems
    _write_schools([record], {school_id} if before is not None else set())
    db.session.add(
        ListingChange(school_id=school_id, actor=actor, action=action if before is not None else "created", changes=diff, note=note)
    )
    bump_revision()
    db.session.flush()
    return diff, problems


def mark_verified(school_id: str, on: date, actor: str) -> None:
    """Record that someone checked a school's whole listing on this day."""
    row = current_rows([school_id])[school_id]
    publish_listing(school_id, {**row, "verified_on": on.isoformat()}, actor, action="verified")


def set_translation(school_id: str, name: str, locale: str, text: str, actor: str) -> bool:
    """Write (or with empty text, remove) a free text in one locale, tied to today's English source.

    Returns whether anything changed; a change gets a listing-change row.
    """
    text = text.strip()
    english = db.session.get(SchoolText, (school_id, name, "en"))
    current = db.session.get(SchoolText, (school_id, name, locale))
    source_hash = text_hash(english.text if english else "")
    before = current.text if current else ""
    if before == text and (not current or current.source_hash == source_hash):
        return False
    if current is None:
        db.session.add(SchoolText(school_id=school_id, field=name, locale=locale, text=text, source_hash=source_hash))
    elif text:
        current.text, current.source_hash = text, source_hash
    else:
        db.session.delete(current)
    db.session.add(ListingChange(school_id=school_id, actor=actor, action="translated", changes={f"{name}:{locale}": [before, text]}))
    bump_revision()
    db.session.flush()
    return True


def _read_texts(rows, known_ids: set[str], locales: list[str], report: ImportReport) -> list[TextRecord]:
    texts: dict[tuple[str, str, str], TextRecord] = {}
    for line, row in rows:
        record, problems = parse_text(line, row, locales)
        if record and record.school_id not in known_ids:
            problems = [*problems, Problem(line, "id", N_("No school has the id “%(id)s”."), {"id": record.school_id})]
            record = None
        report.add(problems, file="translations")
        if record:
            texts[(record.school_id, record.field, record.locale)] = record
    return list(texts.values())


def _english_sources(school_ids: set[str]) -> dict[tuple[str, str], str]:
    sources = {}
    for chunk in _chunks(sorted(school_ids)):
        query = select(SchoolText.school_id, SchoolText.field, SchoolText.text).where(
            SchoolText.school_id.in_(chunk), SchoolText.locale == "en"
        )
        sources.update({(s, f): t for s, f, t in db.session.execute(query)})
    return sources


def _existing_texts(texts: list[TextRecord]) -> dict[tuple[str, str, str], SchoolText]:
    found = {}
    for chunk in _chunks(sorted({t.school_id for t in texts})):
        for row in db.session.scalars(select(SchoolText).where(SchoolText.school_id.in_(chunk))):
            found[(row.school_id, row.field, row.locale)] = row
    return found


def _classify_texts(texts: list[TextRecord], report: ImportReport) -> None:
    existing = _existing_texts(texts)
    for t in texts:
        current = existing.get((t.school_id, t.field, t.locale))
        if current is None:
            report.texts_new += 1
        elif current.text != t.text:
            report.texts_changed += 1
        else:
            report.texts_unchanged += 1


def _apply_texts(texts: list[TextRecord], report: ImportReport, actor: str) -> None:
    """Write translations, each tied to the hash of the English text it translates now."""
    if not texts:
        return
    sources = _english_sources({t.school_id for t in texts})
    existing = _existing_texts(texts)
    for t in texts:
        source_hash = text_hash(sources.get((t.school_id, t.field), ""))
        current = existing.get((t.school_id, t.field, t.locale))
        before = current.text if current else ""
        if current is None:
            if not t.text:
                continue
            db.session.add(SchoolText(school_id=t.school_id, field=t.field, locale=t.locale, text=t.text, source_hash=source_hash))
            report.texts_new += 1
        elif not t.text:
            db.session.delete(current)
            report.texts_changed += 1
        elif current.text != t.text:
            current.text, current.source_hash = t.text, source_hash
            report.texts_changed += 1
        else:
            report.texts_unchanged += 1
            continue
        changes = {f"{t.field}:{t.locale}": [before, t.text]}
        db.session.add(ListingChange(school_id=t.school_id, actor=actor, action="translated", changes=changes))
