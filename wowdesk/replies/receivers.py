from django.dispatch import receiver

from wowdesk.tickets.signals import ticket_created

from . import services


@receiver(ticket_created)
def auto_reply_to_new_tickets(sender, ticket, auto_reply: bool = True, **kwargs):
    # Sent from a task once the ticket is committed (tickets.tasks.announce_created): reply right here.
    if auto_reply and ticket.contact.email:
        services.auto_reply_to(ticket)
