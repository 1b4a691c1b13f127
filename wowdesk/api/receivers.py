"""Ticket signals become webhook events."""

from django.dispatch import receiver

from wowdesk.followups.signals import followup_broken, followup_due
from wowdesk.surveys.signals import survey_answered
from wowdesk.tickets.models import Ticket
from wowdesk.tickets.signals import message_added, ticket_created, ticket_updated

from . import webhooks


def _ticket(ticket: Ticket) -> dict:
    return {
        "id": ticket.pk,
        "number": ticket.number,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority,
        "team": ticket.team_id,
        "assignee": ticket.assignee_id,
        "category": ticket.category_id,
        "contact": ticket.contact_id,
        "updated_at": ticket.updated_at,
    }


@receiver(ticket_created)
def on_created(sender, ticket, **kwargs):
    webhooks.emit("ticket.created", {"ticket": _ticket(ticket)}, once_for=ticket)


@receiver(ticket_updated)
def on_updated(sender, ticket, fields=(), **kwargs):
    webhooks.emit("ticket.updated", {"ticket": _ticket(ticket), "fields": sorted(set(fields))})
    if "status" in fields and ticket.status == Ticket.Status.SOLVED:
        webhooks.emit("ticket.solved", {"ticket": _ticket(ticket)})


@receiver(message_added)
def on_message(sender, message, **kwargs):
    webhooks.emit(
        "message.created",
        {
            "ticket": _ticket(message.ticket),
            "message": {
                "id": message.pk,
                "kind": message.kind,
                "author": message.author_id,
                "body_text": message.body_text[:10000],
                "created_at": message.created_at,
            },
        },
    )


@receiver(survey_answered)
def on_survey(sender, survey, **kwargs):
    webhooks.emit(
        "survey.answered",
        {
            "ticket": _ticket(survey.ticket),
            "survey": {
                "id": survey.pk,
                "csat": survey.csat,
                "nps": survey.nps,
                "fcr": survey.fcr,
                "agent": survey.agent_id,
                "answered_at": survey.answered_at,
            },
        },
    )


def _followup(followup) -> dict:
    return {
        "id": followup.pk,
        "ticket": followup.ticket_id,
        "due": followup.due,
        "state": followup.state,
        "text": followup.text,
        "owner": followup.owner_id,
        "source": followup.source,
    }


@receiver(followup_due)
def on_followup_due(sender, followup, **kwargs):
    webhooks.emit("followup.due", {"ticket": _ticket(followup.ticket), "followup": _followup(followup)})


@receiver(followup_broken)
def on_followup_broken(sender, followup, **kwargs):
    webhooks.emit("followup.broken", {"ticket": _ticket(followup.ticket), "followup": _followup(followup)})
