"""The one place that commits: the end of a request, or a `unit_of_work()` block."""

from contextlib import contextmanager

from flask import Flask

from app.extensions import db


@contextmanager
def unit_of_work():
    """Commit everything done inside the block, or roll all of it back on an error."""
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise


def register_commit_boundary(app: Flask) -> None:
    """Commit after a successful request and roll back after a failed one."""

    @app.after_request
    def commit_on_success(response):
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response

    @app.teardown_request
    def rollback_on_error(error):
        if error is not None:
            db.session.rollback()
