"""catalog: grades as a set, services offered / not offered / not stated, students served

Spans become full sets (a re-import restores a source's exact sets, like CPS's "PK,9-12").
A program kind counts as stated where the school lists a program of it; every other service
fact left unknown is "not stated", never "no".

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

SEARCH_INDEX_BEFORE = ['geo_cell', 'grade_low', 'grade_high', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus',
                       'need_transit', 'need_accessible', 'lat', 'lon', 'id']
SEARCH_INDEX = ['geo_cell', 'grades_offered', 'need_sped', 'need_ell', 'need_dual_language', 'need_bus', 'need_transit',
                'need_accessible', 'lat', 'lon', 'id']
# need → its bit in needs_not_stated (catalog.vocabulary.need_bit), and when an old row has not stated it
NOT_STATED = {
    1: "NOT sped_stated",
    2: "NOT ell_stated",
    4: "NOT need_dual_language AND NOT ell_stated",
    8: "school_bus = 'unknown'",
    16: "transit_bus = '' AND transit_rail = ''",
    32: "accessibility = 'unknown'",
}


def upgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grades_offered', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sped_stated', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('ell_stated', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('sped_students', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('ell_students', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('needs_not_stated', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_index('ix_school_search')
        batch_op.drop_index('ix_school_grades')
    connection = op.get_bind()
    for low, high in connection.execute(sa.text("SELECT DISTINCT grade_low, grade_high FROM school")).all():
        mask = sum(1 << (grade + 1) for grade in range(low, high + 1))
        connection.execute(sa.text("UPDATE school SET grades_offered = :mask WHERE grade_low = :low AND grade_high = :high"),
                           {"mask": mask, "low": low, "high": high})
    for kind in ("sped", "ell"):
        connection.execute(sa.text(f"UPDATE school SET {kind}_stated = TRUE WHERE EXISTS "
                                   f"(SELECT 1 FROM program WHERE program.school_id = school.id AND program.kind = '{kind}')"))
    for bit, condition in NOT_STATED.items():
        connection.execute(sa.text(f"UPDATE school SET needs_not_stated = needs_not_stated + {bit} WHERE {condition}"))
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index('ix_school_search', SEARCH_INDEX, unique=False)


def downgrade():
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index('ix_school_search')
        batch_op.drop_column('needs_not_stated')
        batch_op.drop_column('ell_students')
        batch_op.drop_column('sped_students')
        batch_op.drop_column('ell_stated')
        batch_op.drop_column('sped_stated')
        batch_op.drop_column('grades_offered')
        batch_op.create_index('ix_school_grades', ['grade_low', 'grade_high'], unique=False)
        batch_op.create_index('ix_school_search', SEARCH_INDEX_BEFORE, unique=False)
