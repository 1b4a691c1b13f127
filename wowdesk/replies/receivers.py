from django.dispatch import receiver

from wowdesk.tickets.signals import ticket_created

from . import services


@receiver(ticket_created)
def auto_reply_to_new_tickets(sender, ticket, **kwargs):
    # Sent from a task once the ticket is committed (tickets.tasks.announce_created): reply right here, if the
    # channel that opened the ticket wanted an auto-reply (Ticket.auto_reply) and there is an address.
    if ticket.auto_reply and ticket.contact.email:
        services.auto_reply_to(ticket)
