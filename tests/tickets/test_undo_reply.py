"""Undoing a reply: possible only while its mail waits, and then nothing reaches the customer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import make_user
from wowdesk.mail.models import OutboundMail
from wowdesk.mail.tasks import deliver
from wowdesk.surveys import services as surveys
from wowdesk.surveys.models import Survey
from wowdesk.tickets import services
from wowdesk.tickets.models import Draft, Message, Ticket, TicketEvent


def test_the_mail_of_a_reply_waits_longer_than_the_undo_window(ticket, agent, settings):
    settings.REPLY_UNDO_SECONDS = 10
    before = timezone.now()
    message = services.reply(ticket, author=agent, body="Svar")
    task = DBTaskResult.objects.get(task_path="wowdesk.mail.services.deliver")
    assert task.run_after >= before + timedelta(seconds=11), "the worker does not send before an undo can land"
    assert OutboundMail.objects.get(message=message).status == "queued"


def test_an_undone_reply_is_never_sent_and_the_ticket_is_as_before(client, ticket, agent, settings):
    settings.SMTP_URL = ""
    client.force_login(agent)
    client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "reply", "body": "Forkert kunde!", "status": "solved"},
    )
    message = Message.objects.get(kind="outbound")
    outbound_id = OutboundMail.objects.get(message=message).pk
    assert Ticket.objects.get(pk=ticket.pk).status == "solved"
    response = client.post(reverse("ticket_undo_reply", args=[ticket.number]), {"message": message.pk})
    assert response.status_code == 302
    ticket = Ticket.objects.get(pk=ticket.pk)
    assert (ticket.status, ticket.assignee_id, ticket.first_response_at, ticket.solved_at) == ("new", None, None, None)
    assert ticket.response_due_at is not None, "the SLA clock runs again"
    assert not Message.objects.filter(kind="outbound").exists()
    deliver.call(outbound_id)  # the worker comes to the mail's task: there is nothing left to send
    assert not OutboundMail.objects.exists()
    assert Draft.objects.get(agent=agent).body == "Forkert kunde!"
    assert TicketEvent.objects.filter(kind="message", new_value="withdrawn").exists()
    survey = Survey.objects.filter(ticket=ticket).first()
    if survey:  # solving scheduled it; it must not go now the reply is undone
        Ticket.objects.filter(pk=ticket.pk).update(status="solved", solved_at=timezone.now() - timedelta(hours=2))
        surveys.send(survey.pk)
        assert not OutboundMail.objects.filter(kind="survey").exists()


def test_too_late_or_someone_elses_reply_cannot_be_undone(ticket, agent, team_dk, settings):
    settings.REPLY_UNDO_SECONDS = 10
    message = services.reply(ticket, author=agent, body="Svar", now=timezone.now() - timedelta(seconds=12))
    with pytest.raises(services.TicketError, match="Too late"):
        services.withdraw_reply(message.pk, author=agent)
    fresh = services.reply(ticket, author=agent, body="Svar igen")
    colleague = make_user("kollega@example.com", teams=[team_dk])
    with pytest.raises(services.TicketError, match="no longer"):
        services.withdraw_reply(fresh.pk, author=colleague)
    assert Message.objects.filter(kind="outbound").count() == 2
