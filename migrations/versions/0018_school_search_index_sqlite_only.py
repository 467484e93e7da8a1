"""catalog: the search index is SQLite's alone

`ix_school_search` leads with SQLite's grid cell; PostgreSQL finds a place through the GiST index
on `school.location` and never seeks the grid. Its planner took the index all the same, read
whole, to AND the needs with a wide circle: a 40 km count of the schools offering two needs read
1,600 buffers in 4.1-4.3 ms where the circle alone, the needs tested on its 1,821 schools, took
0.9 ms; the search's p95 at 100,000 schools fell from 9.6-12.1 ms to 6.8-9.8 ms without it
(bench.profile_search, alternated). PostgreSQL no longer keeps it, nor writes it on import.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 21:10:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

SEARCH_INDEX = ['geo_cell', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit', 'need_accessible',
                'grades_offered', 'lat', 'lon', 'id', 'id_hash', 'sector', 'needs_not_stated']


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_index('ix_school_search', table_name='school')


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.create_index('ix_school_search', 'school', SEARCH_INDEX, unique=False)
