"""sms: why an outbound text failed before reaching Twilio (a timeout, no network)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('error_reason', sa.String(length=120), nullable=True))


def downgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.drop_column('error_reason')
