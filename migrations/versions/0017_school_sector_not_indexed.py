"""catalog: no index on the sector alone

A school's sector has two values. Without statistics (SQLite keeps none until ANALYZE) the planner
took an index on it for a selective one: a radius search for charter schools read every charter
school of the catalog (28 ms among 100,000 schools) instead of the few cells around the place
(1.3 ms). The search index (`ix_school_search`) holds the sector for the per-sector counts.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 13:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_sector')


def downgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index('ix_school_sector', ['sector'], unique=False)
