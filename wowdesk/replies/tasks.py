from django_tasks import task

from . import services


@task()
def auto_reply(outbound_id: int) -> None:
    """Compose (with the response time as it is now) and send the auto-reply for a new ticket."""
    services.send_auto_reply(outbound_id)
