from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wowdesk.tickets.models import Ticket
from wowdesk.tickets.signals import reply_added

from . import services
from .models import Mailbox


@receiver(reply_added)
def send_replies_by_mail(sender, message, via="email", **kwargs):
    if message.ticket.channel == Ticket.Channel.CHAT:
        return  # a chat's answers reach the customer in the chat itself (wowdesk.chat), not line by line by mail
    if via == "email":  # an SMS reply goes out through the sms app instead
        services.queue_reply(message)


@receiver([post_save, post_delete], sender=Mailbox)
def forget_cached_mailboxes(sender, **kwargs):
    services.forget_mailboxes()
