from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wowdesk.tickets.signals import ticket_created

from . import services
from .hours import clear_cache
from .models import OpeningException, OpeningHours


@receiver(ticket_created)
def auto_reply_to_new_tickets(sender, ticket, auto_reply: bool = True, **kwargs):
    # Sent from a task once the ticket is committed (tickets.tasks.announce_created): reply right here.
    if auto_reply and ticket.contact.email:
        services.auto_reply_to(ticket)


@receiver([post_save, post_delete], sender=OpeningHours)
@receiver([post_save, post_delete], sender=OpeningException)
def forget_cached_hours(sender, **kwargs):
    # This process forgets at once; other processes within hours.CACHE_SECONDS.
    clear_cache()
