from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wowdesk import realtime
from wowdesk.accounts.models import Team

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


@receiver(ticket_updated)
def announce_change(sender, ticket, fields, **kwargs):
    realtime.send_on_commit(
        realtime.ticket_group(ticket.pk), {"type": "ticket.changed", "fields": [str(f) for f in fields]}
    )
