from django.dispatch import receiver

from wowdesk.tickets.signals import reply_added

from . import services


@receiver(reply_added)
def send_replies_by_mail(sender, message, **kwargs):
    services.queue_reply(message)
