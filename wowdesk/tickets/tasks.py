from django_tasks import task

from . import services


@task()
def announce_created(ticket_id: int, auto_reply: bool = True) -> None:
    """What follows a new ticket once it is committed: routing, the auto-reply and webhooks."""
    services.send_ticket_created(ticket_id, auto_reply=auto_reply)
