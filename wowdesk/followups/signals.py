"""Signals this app sends (the api turns them into webhooks)."""

from django.dispatch import Signal

# sender=FollowUp, followup=...; the reminder before due went out.
followup_due = Signal()
# sender=FollowUp, followup=...; due and nothing done: the promise is broken.
followup_broken = Signal()
