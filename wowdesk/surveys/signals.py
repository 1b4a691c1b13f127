"""Signals surveys sends (a signal is defined by the app that sends it)."""

from django.dispatch import Signal

# sender=Survey, survey=...; sent when a customer answers a follow-up survey question.
survey_answered = Signal()
