from django_tasks import task

from . import services


@task(queue_name="mail", priority=10)  # what a customer waits for: with customer mail (settings.TASK_QUEUES)
def deliver(outbound_id: int) -> None:
    """Send one SMS; retries schedule themselves with backoff (services.deliver_now)."""
    services.deliver_now(outbound_id)
