"""sms: text campaigns (a body to many numbers, now or at a set time); kiosk: a fair's follow-ups are campaigns

The fair follow-ups move out of staff: each `staff_follow_up` becomes an `sms_campaign` (same id,
sent from its creation) linked to its fair by `kiosk_fair_follow_up`, and each recipient an
`sms_campaign_recipient` (same id). The link of a recipient to its registration is not kept (no
code read it); the downgrade finds it again from the fair and the number. A campaign scheduled for
later, or cancelled, goes back as a follow-up whose waiting recipients are marked cancelled (the
older code would send them at once); one linked to no fair cannot go back and is left out.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 10:00:00.000000

"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def _sequences_follow_ids(*tables):
    """PostgreSQL hands out ids from a sequence: move it past the ids copied in."""
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in tables:
        op.execute(sa.text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}"
        ))


def upgrade():
    op.create_table('sms_campaign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=320), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('send_at', sa.DateTime(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_by', sa.String(length=320), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_campaign'))
    )
    with op.batch_alter_table('sms_campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sms_campaign_send_at'), ['send_at'], unique=False)

    op.create_table('sms_campaign_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['sms_campaign.id'], name=op.f('fk_sms_campaign_recipient_campaign_id_sms_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['sms_message.id'], name=op.f('fk_sms_campaign_recipient_message_id_sms_message'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_campaign_recipient'))
    )
    with op.batch_alter_table('sms_campaign_recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sms_campaign_recipient_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sms_campaign_recipient_status'), ['status'], unique=False)

    op.create_table('kiosk_fair_follow_up',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['sms_campaign.id'], name=op.f('fk_kiosk_fair_follow_up_campaign_id_sms_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['kiosk_fair.id'], name=op.f('fk_kiosk_fair_follow_up_fair_id_kiosk_fair'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', name=op.f('pk_kiosk_fair_follow_up'))
    )
    with op.batch_alter_table('kiosk_fair_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kiosk_fair_follow_up_fair_id'), ['fair_id'], unique=False)

    op.execute(sa.text(
        "INSERT INTO sms_campaign (id, body, author, created_at, send_at, cancelled_by) "
        "SELECT id, body, author, created_at, created_at, '' FROM staff_follow_up"
    ))
    op.execute(sa.text("INSERT INTO kiosk_fair_follow_up (campaign_id, fair_id) SELECT id, fair_id FROM staff_follow_up"))
    op.execute(sa.text(
        "INSERT INTO sms_campaign_recipient (id, campaign_id, phone, status, message_id, sent_at) "
        "SELECT id, follow_up_id, phone, status, message_id, sent_at FROM staff_follow_up_recipient"
    ))
    _sequences_follow_ids('sms_campaign', 'sms_campaign_recipient')

    with op.batch_alter_table('staff_follow_up_recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_follow_up_recipient_registration_id'))
        batch_op.drop_index(batch_op.f('ix_staff_follow_up_recipient_follow_up_id'))
    op.drop_table('staff_follow_up_recipient')
    with op.batch_alter_table('staff_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_follow_up_fair_id'))
    op.drop_table('staff_follow_up')


def downgrade():
    op.create_table('staff_follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=320), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['kiosk_fair.id'], name=op.f('fk_staff_follow_up_fair_id_kiosk_fair'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_follow_up'))
    )
    with op.batch_alter_table('staff_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_follow_up_fair_id'), ['fair_id'], unique=False)

    op.create_table('staff_follow_up_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['follow_up_id'], ['staff_follow_up.id'], name=op.f('fk_staff_follow_up_recipient_follow_up_id_staff_follow_up'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['sms_message.id'], name=op.f('fk_staff_follow_up_recipient_message_id_sms_message'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['kiosk_registration.id'], name=op.f('fk_staff_follow_up_recipient_registration_id_kiosk_registration'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_follow_up_recipient'))
    )
    with op.batch_alter_table('staff_follow_up_recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_follow_up_recipient_follow_up_id'), ['follow_up_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_follow_up_recipient_registration_id'), ['registration_id'], unique=False)

    now = datetime.now(UTC).replace(tzinfo=None)  # stored times are UTC without their zone
    op.execute(sa.text(
        "INSERT INTO staff_follow_up (id, fair_id, body, author, created_at) "
        "SELECT c.id, l.fair_id, c.body, c.author, c.created_at FROM sms_campaign c JOIN kiosk_fair_follow_up l ON l.campaign_id = c.id"
    ))
    op.execute(sa.text(
        "INSERT INTO staff_follow_up_recipient (id, follow_up_id, registration_id, phone, status, message_id, sent_at) "
        "SELECT r.id, r.campaign_id, "
        "(SELECT MAX(g.id) FROM kiosk_registration g WHERE g.fair_id = l.fair_id AND g.phone = r.phone AND g.consent_texts), "
        "r.phone, "
        "CASE WHEN r.status = 'pending' AND (c.cancelled_at IS NOT NULL OR c.send_at > :now) THEN 'cancelled' ELSE r.status END, "
        "r.message_id, "
        "CASE WHEN r.status = 'pending' AND (c.cancelled_at IS NOT NULL OR c.send_at > :now) THEN :now ELSE r.sent_at END "
        "FROM sms_campaign_recipient r JOIN sms_campaign c ON c.id = r.campaign_id JOIN kiosk_fair_follow_up l ON l.campaign_id = c.id"
    ).bindparams(now=now))
    _sequences_follow_ids('staff_follow_up', 'staff_follow_up_recipient')

    with op.batch_alter_table('kiosk_fair_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kiosk_fair_follow_up_fair_id'))
    op.drop_table('kiosk_fair_follow_up')
    with op.batch_alter_table('sms_campaign_recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sms_campaign_recipient_status'))
        batch_op.drop_index(batch_op.f('ix_sms_campaign_recipient_campaign_id'))
    op.drop_table('sms_campaign_recipient')
    with op.batch_alter_table('sms_campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sms_campaign_send_at'))
    op.drop_table('sms_campaign')
