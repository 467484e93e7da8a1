"""sms: index the replies of a text, so a retried MessageSid is answered without a table scan

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:20:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sms_message_reply_to_id'), ['reply_to_id'], unique=False)


def downgrade():
    with op.batch_alter_table('sms_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sms_message_reply_to_id'))
