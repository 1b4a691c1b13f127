"""The customer's widget hears of what happens on their chat's ticket, once it is committed."""

from django.dispatch import receiver

from wowdesk import realtime
from wowdesk.tickets.models import Message, Ticket
from wowdesk.tickets.signals import message_added, ticket_updated

from .services import customer_group, customer_view


@receiver(message_added)
def message_to_customer(sender, message, **kwargs):
    # Notes are internal: only what the customer wrote and what was answered goes to the widget.
    if message.ticket.channel != Ticket.Channel.CHAT or message.kind == Message.Kind.NOTE:
        return
    realtime.send_on_commit(
        customer_group(message.ticket_id), {"type": "chat.message", "message": customer_view(message)}
    )


@receiver(ticket_updated)
def agent_joined(sender, ticket, fields, **kwargs):
    if ticket.channel != Ticket.Channel.CHAT or "assignee" not in fields or ticket.assignee is None:
        return
    name = (ticket.assignee.name or "").split(" ")[0]
    realtime.send_on_commit(customer_group(ticket.pk), {"type": "chat.agent", "name": name})
