from django.dispatch import receiver

from wowdesk.tickets.signals import ticket_created

from . import services


@receiver(ticket_created)
def route_new_tickets(sender, ticket, **kwargs):
    # ticket_created is sent by a task after the ticket committed (tickets.tasks.announce_created), so this
    # runs in a worker, never in the customer's request.
    if ticket.team_id and ticket.assignee_id is None:
        services.assign(ticket.pk, ticket=ticket)
