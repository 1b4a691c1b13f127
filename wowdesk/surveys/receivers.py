from django.dispatch import receiver

from wowdesk.tickets.models import Ticket
from wowdesk.tickets.signals import ticket_updated

from . import services


@receiver(ticket_updated)
def survey_solved_tickets(sender, ticket, fields=(), **kwargs):
    if "status" in fields and ticket.status == Ticket.Status.SOLVED:
        services.schedule(ticket)
