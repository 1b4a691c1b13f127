from django.dispatch import receiver

from wowdesk.tickets.signals import reply_added

from . import services


@receiver(reply_added)
def send_replies_by_sms(sender, message, via="email", **kwargs):
    if via == "sms":
        services.queue_reply(message)
