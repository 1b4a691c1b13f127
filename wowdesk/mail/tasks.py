from django_tasks import task

from .models import OutboundMail
from .services import deliver_now


@task(queue_name="mail", priority=10)
def deliver(outbound_id: int) -> None:
    """Send one outbound mail; retries schedule themselves with backoff (see services.deliver_now)."""
    outbound = OutboundMail.objects.select_related("ticket__team", "message").filter(pk=outbound_id).first()
    if outbound is not None:
        deliver_now(outbound)
