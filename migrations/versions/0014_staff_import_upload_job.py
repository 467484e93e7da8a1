"""staff: an upload's check and import run as a job; the upload keeps its last report

`working` names the job an upload waits for ("check" or "import") and since when, `rows_estimate` its size for
the progress shown meanwhile, `report` what the last check or import found, and `job_error` why
the last job stopped without a report.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 21:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_import_upload", schema=None) as batch_op:
        batch_op.add_column(sa.Column("working", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("working_since", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("rows_estimate", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("report", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("job_error", sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table("staff_import_upload", schema=None) as batch_op:
        batch_op.drop_column("job_error")
        batch_op.drop_column("report")
        batch_op.drop_column("rows_estimate")
        batch_op.drop_column("working_since")
        batch_op.drop_column("working")
