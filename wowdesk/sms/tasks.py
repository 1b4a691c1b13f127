from django_tasks import task

from . import services


@task()
def deliver(outbound_id: int) -> None:
    """Send one SMS; retries schedule themselves with backoff (services.deliver_now)."""
    services.deliver_now(outbound_id)
