from django_tasks import task

from . import services


@task(queue_name="mail", priority=10)
def auto_reply(outbound_id: int) -> None:
    """Compose (with the response time as it is now) and send a reserved auto-reply. New tickets now reply
    from tickets.tasks.announce_created; this stays so rows queued before an upgrade still run."""
    services.send_auto_reply(outbound_id)
