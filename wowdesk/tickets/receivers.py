from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wowdesk.accounts.models import Team

from .services import forget_default_teams


@receiver([post_save, post_delete], sender=Team)
def forget_cached_default_teams(sender, **kwargs):
    # This process forgets at once; other processes within services.DEFAULT_TEAM_CACHE_SECONDS.
    forget_default_teams()
