from django.dispatch import receiver

from wowdesk.tickets.signals import ticket_created

from .tasks import assign


@receiver(ticket_created)
def route_new_tickets(sender, ticket, **kwargs):
    # A task, not inline: the ticket (and this row) commit first, and the customer's request is not slowed.
    if ticket.team_id and ticket.assignee_id is None:
        assign.enqueue(ticket.pk)
