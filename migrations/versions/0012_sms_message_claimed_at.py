"""sms: when a sender claimed an outbound text, so one left half-sent by a stopped worker is found

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 04:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.drop_column('claimed_at')
