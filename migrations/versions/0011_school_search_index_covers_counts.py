"""catalog: the search index covers the per-sector counts

`sector` and `needs_not_stated` join `ix_school_search`, so the counts a search makes (what was
not stated, per sector; what dropping a filter would find) read only the index, as the page does.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 03:45:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

SEARCH_INDEX_BEFORE = ['geo_cell', 'grades_offered', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit',
                       'need_accessible', 'lat', 'lon', 'id', 'id_hash']
SEARCH_INDEX = [*SEARCH_INDEX_BEFORE, 'sector', 'needs_not_stated']


def upgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.create_index('ix_school_search', SEARCH_INDEX, unique=False)


def downgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.create_index('ix_school_search', SEARCH_INDEX_BEFORE, unique=False)
