"""catalog: the search index lists the needs right after the grid cell

A radius search asking for needs seeks to the index entries of each cell that offer them (the needs
not asked for read as "0 or 1"), instead of reading every entry of the cell: a count over a wide
radius for needs few schools offer reads a few entries, not tens of thousands.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 22:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

SEARCH_INDEX_BEFORE = ['geo_cell', 'grades_offered', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit',
                       'need_accessible', 'lat', 'lon', 'id', 'id_hash', 'sector', 'needs_not_stated']
SEARCH_INDEX = ['geo_cell', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit', 'need_accessible',
                'grades_offered', 'lat', 'lon', 'id', 'id_hash', 'sector', 'needs_not_stated']


def upgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.create_index('ix_school_search', SEARCH_INDEX, unique=False)


def downgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.create_index('ix_school_search', SEARCH_INDEX_BEFORE, unique=False)
