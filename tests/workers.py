"""RQ's own worker for tests, in the test's process."""

from rq import Queue, SimpleWorker


class BurstWorker(SimpleWorker):
    """RQ's SimpleWorker without its pub/sub channel (commands sent to a running worker, which no
    test sends): stopping that channel's thread can wait 60 s for a subscription that never came."""

    def subscribe(self) -> None:
        self.pubsub = None

    def unsubscribe(self) -> None:
        pass


def work_burst(queue: Queue) -> None:
    """Run every job on the queue (and any it enqueues meanwhile), then return."""
    BurstWorker([queue], connection=queue.connection).work(burst=True)
