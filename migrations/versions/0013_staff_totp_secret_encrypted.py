"""staff: TOTP secrets encrypted at rest

The column holds a Fernet token (app.encryption) instead of the secret: widened, and every secret
already stored is encrypted with the key of the app running the migration.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 04:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

from app.encryption import TOKEN_PREFIX, decrypt, encrypt


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.alter_column('totp_secret', existing_type=sa.String(length=64), type_=sa.String(length=255), existing_nullable=True)
    connection = op.get_bind()
    rows = connection.execute(sa.text('SELECT id, totp_secret FROM staff_user WHERE totp_secret IS NOT NULL')).all()
    for id_, secret in rows:
        if not secret.startswith(TOKEN_PREFIX):
            connection.execute(sa.text('UPDATE staff_user SET totp_secret = :token WHERE id = :id'), {'token': encrypt(secret), 'id': id_})


def downgrade():
    connection = op.get_bind()
    rows = connection.execute(sa.text('SELECT id, totp_secret FROM staff_user WHERE totp_secret IS NOT NULL')).all()
    for id_, token in rows:
        connection.execute(sa.text('UPDATE staff_user SET totp_secret = :secret WHERE id = :id'), {'secret': decrypt(token), 'id': id_})
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.alter_column('totp_secret', existing_type=sa.String(length=255), type_=sa.String(length=64), existing_nullable=True)
