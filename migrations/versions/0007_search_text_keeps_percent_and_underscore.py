"""catalog: search text keeps "%" and "_" as letters, so a search for "k_lly" does not find Kelly

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 08:45:00.000000

"""

import sqlalchemy as sa
from alembic import op

from catalog.text import fold_for_search


# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SOURCES = ("name", "operator", "school_type", "address", "city", "zip")


def upgrade():
    """Refold the search text of the schools whose words hold "%" or "_" (the others are unchanged)."""
    school = sa.table("school", sa.column("id", sa.String), sa.column("search_text", sa.Text), *(sa.column(c, sa.String) for c in SOURCES))
    connection = op.get_bind()
    marked = sa.or_(*(school.c[c].contains(mark, autoescape=True) for c in SOURCES for mark in ("%", "_")))
    for row in connection.execute(sa.select(school).where(marked)).mappings().all():
        text = fold_for_search(" ".join(row[c] or "" for c in SOURCES))
        connection.execute(school.update().where(school.c.id == row["id"]).values(search_text=text))


def downgrade():
    pass  # the old search text differs only by dropping "%" and "_", which every search then ignored
