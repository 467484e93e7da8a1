"""catalog: distance, order and paging in the database

PostgreSQL: PostGIS and pg_trgm; `school.location`, a geography point generated from lat/lon,
with a GiST index (radius and distance); a trigram index on the search text (names with
LIKE '%…%'). Both databases: `id_hash` for the neutral order and `sort_name` for the name order.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 00:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

from catalog.query import id_hash
from catalog.text import fold


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

SEARCH_INDEX_BEFORE = ['geo_cell', 'grades_offered', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit',
                       'need_accessible', 'lat', 'lon', 'id']
SEARCH_INDEX = [*SEARCH_INDEX_BEFORE, 'id_hash']


def upgrade():
    connection = op.get_bind()
    if connection.dialect.name == 'postgresql':
        # Needs a role allowed to create them (PostgreSQL 13+: trusted for a database owner, for
        # pg_trgm; PostGIS needs a superuser once, or an administrator to create it beforehand).
        op.execute('CREATE EXTENSION IF NOT EXISTS postgis')
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id_hash', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sort_name', sa.String(length=300), nullable=False, server_default=''))
        batch_op.drop_index('ix_school_search')
    rows = connection.execute(sa.text('SELECT id, name FROM school')).all()
    for start in range(0, len(rows), 1000):
        connection.execute(sa.text('UPDATE school SET id_hash = :id_hash, sort_name = :sort_name WHERE id = :id'),
                           [{'id': id_, 'id_hash': id_hash(id_), 'sort_name': fold(name)[:300]} for id_, name in rows[start:start + 1000]])
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index('ix_school_search', SEARCH_INDEX, unique=False)
    if connection.dialect.name == 'postgresql':
        op.execute('ALTER TABLE school ADD COLUMN location geography(Point, 4326) '
                   'GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED')
        op.execute('CREATE INDEX ix_school_location ON school USING gist (location)')
        op.execute('CREATE INDEX ix_school_search_text_trigrams ON school USING gin (search_text gin_trgm_ops)')


def downgrade():
    connection = op.get_bind()
    if connection.dialect.name == 'postgresql':
        op.execute('DROP INDEX ix_school_search_text_trigrams')
        op.execute('DROP INDEX ix_school_location')
        op.execute('ALTER TABLE school DROP COLUMN location')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.drop_column('sort_name')
        batch_op.drop_column('id_hash')
        batch_op.create_index('ix_school_search', SEARCH_INDEX_BEFORE, unique=False)
