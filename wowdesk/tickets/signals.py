"""Signals other apps listen to, so tickets never imports them (mail sends replies, replies auto-replies).

`ticket_created` is sent by a task once the new ticket is committed (tickets.tasks.announce_created), so its
receivers run in a worker. The others are sent inside the services' transaction: work a receiver queues (a
task row) commits with it.
"""

from django.dispatch import Signal

# sender=Ticket, ticket=... (ticket.auto_reply: whether the customer gets one); sent from a worker after a new
# ticket from a customer committed.
ticket_created = Signal()
# sender=Message, message=..., via="email"|"sms", context={...}; sent after an agent's reply (an outbound
# message) is saved. `via`: the channel it goes out by (its app sends it); `context`: what the composer sent
# beside the text, for the apps that listen (followups: the promises the agent unticked).
reply_added = Signal()
# sender=Message, message=..., context={...}; sent after any message (inbound, reply, note) is saved.
message_added = Signal()
# sender=Ticket, ticket=..., fields=[...], actor=User or None (routing, the customer, a system process); sent
# after a ticket's status, assignee, category, priority or tags changed.
ticket_updated = Signal()
