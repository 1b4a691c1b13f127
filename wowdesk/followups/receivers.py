from django.dispatch import receiver

from wowdesk.tickets.models import Message
from wowdesk.tickets.signals import message_added, reply_added

from . import services


@receiver(reply_added)
def on_reply(sender, message, context=None, **kwargs):
    # A reply after a follow-up was made keeps it (the agent got back to the customer).
    services.keep_by_action(message.ticket, at=message.created_at, actor=message.author)


@receiver(message_added)
def on_message(sender, message, context=None, **kwargs):
    if message.kind == Message.Kind.INBOUND:
        # The customer wrote: a snoozed ticket is back (tickets woke it), so its snooze is over.
        services.end_snoozes(message.ticket, now=message.created_at)
    elif message.author_id and not services.is_telling():
        services.create_from_message(message, context or {})
