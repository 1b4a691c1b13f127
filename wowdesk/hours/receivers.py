from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .business import clear_cache
from .models import OpeningException, OpeningHours


@receiver([post_save, post_delete], sender=OpeningHours)
@receiver([post_save, post_delete], sender=OpeningException)
def forget_cached_hours(sender, **kwargs):
    # This process forgets at once; other processes within business.CACHE_SECONDS.
    clear_cache()
