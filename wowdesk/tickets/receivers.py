from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wowdesk import realtime
from wowdesk.accounts.models import Team

from .models import Ticket
from .services import forget_default_teams
from .signals import message_added, ticket_updated


@receiver([post_save, post_delete], sender=Team)
def forget_cached_default_teams(sender, **kwargs):
    # This process forgets at once; other processes within services.DEFAULT_TEAM_CACHE_SECONDS.
    forget_default_teams()


# --- live ticket pages: what changed goes to everyone who has the ticket open, once it is committed -----


@receiver(message_added)
def announce_message(sender, message, **kwargs):
    realtime.send_on_commit(
        realtime.ticket_group(message.ticket_id),
        {"type": "ticket.message", "message_id": message.pk, "kind": message.kind, "author_id": message.author_id},
    )
    announce_to_inboxes(message.ticket)


@receiver(ticket_updated)
def announce_change(sender, ticket, fields, actor=None, **kwargs):
    realtime.send_on_commit(
        realtime.ticket_group(ticket.pk), {"type": "ticket.changed", "fields": [str(f) for f in fields]}
    )
    announce_to_inboxes(ticket)
    if "assignee" in fields and ticket.assignee_id and (actor is None or actor.pk != ticket.assignee_id):
        # Given to an agent by routing or by a colleague: they hear of it at once, on whatever page they are.
        realtime.send_on_commit(
            realtime.user_group(ticket.assignee_id), {"type": "inbox.assigned", "number": ticket.number}
        )


# --- live inboxes: counts and rows follow new and changed tickets -------------------------------------------


@receiver(post_save, sender=Ticket)
def announce_new_ticket(sender, instance, created, **kwargs):
    if created:
        announce_to_inboxes(instance)


def announce_to_inboxes(ticket: Ticket) -> None:
    """Every inbox that may list the ticket hears that it changed (the groups mirror visible_tickets)."""
    groups = [realtime.INBOX_ALL]
    groups.append(realtime.inbox_team_group(ticket.team_id) if ticket.team_id else realtime.INBOX_SHARED)
    if ticket.assignee_id:
        groups.append(realtime.user_group(ticket.assignee_id))
    for group in groups:
        realtime.send_on_commit(group, {"type": "inbox.changed"})
