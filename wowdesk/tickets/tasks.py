from django_tasks import task

from . import services


@task(queue_name="mail", priority=10)
def announce_created(ticket_id: int, auto_reply: bool = True) -> None:
    """What follows a new ticket once it is committed: routing, the auto-reply and webhooks (queued to their
    own worker). On the mail queue, since the customer waits for the auto-reply."""
    services.send_ticket_created(ticket_id, auto_reply=auto_reply)
