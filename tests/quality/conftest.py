from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import User
from wowdesk.surveys.models import Survey
from wowdesk.tickets import services as tickets

AGENT_REPLY = (
    "Hej Kunde, tak fordi du skriver. Hvad sker der, når du logger ind? "
    "Jeg tror måske, det er dine cookies. Tryk på Glemt kode. Virker det nu?"
)


def conversation(
    team,
    agent,
    *,
    subject="Kan ikke logge ind",
    body="Hej, jeg kan ikke logge ind.",
    reply=AGENT_REPLY,
    email="kunde@example.dk",
    now=None,
):
    """A ticket with the customer's message and the agent's reply, assigned to the agent."""
    ticket = make_ticket(team=team, subject=subject, body=body, email=email, now=now)
    tickets.update_ticket(ticket, None, assignee=agent, now=now)
    tickets.reply(ticket, author=agent, body=reply, now=now)
    ticket.refresh_from_db()
    return ticket


def survey(ticket, *, csat=None, nps=None, comment="", now=None):
    now = now or timezone.now()
    return Survey.objects.create(
        ticket=ticket,
        contact=ticket.contact,
        agent=ticket.assignee,
        language=ticket.language,
        csat=csat,
        nps=nps,
        comment=comment,
        expires_at=now + timedelta(days=7),
        answered_at=now,
    )


@pytest.fixture
def reviewer2(db):
    return make_user("reviewer2@example.com", role=User.Role.REVIEWER, name="Randi Reviewer")
