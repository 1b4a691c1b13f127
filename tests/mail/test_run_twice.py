"""Every background task is safe to run twice (issue 13 item 1): a worker that dies mid-task has its task run
again after the lease (wowdesk/workers), so running one a second time must not send, deliver or assign
anything twice. Each task is run twice here, in process, against a real SMTP server, a real HTTP receiver and
the real database; a task added to wowdesk without a line in RUN_TWICE fails the first test."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import make_ticket, make_user
from tests.mail.test_queues import SlowReceiver
from tests.sms.loopback import SMSServer
from wowdesk.api import webhooks
from wowdesk.api.models import WebhookDelivery, WebhookSubscription
from wowdesk.mail import tasks as mail_tasks
from wowdesk.mail.models import Mailbox, OutboundMail
from wowdesk.replies import tasks as replies_tasks
from wowdesk.routing import services as routing
from wowdesk.routing import tasks as routing_tasks
from wowdesk.sms import services as sms
from wowdesk.sms import tasks as sms_tasks
from wowdesk.sms.models import OutboundSMS
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Ticket, TicketEvent
from wowdesk.tickets.tasks import announce_created

pytestmark = pytest.mark.django_db
WOWDESK = Path(__file__).resolve().parents[2] / "wowdesk"

# Each task, and the test that runs it twice.
RUN_TWICE = {
    "wowdesk.tickets.services.announce_created": (
        "test_a_new_ticket_announced_twice_is_answered_announced_and_routed_once"
    ),
    "wowdesk.replies.tasks.auto_reply": "test_a_reserved_auto_reply_sent_twice_goes_out_once",
    "wowdesk.mail.services.deliver": "test_a_reply_delivered_twice_goes_out_once",
    "wowdesk.api.webhooks.deliver": "test_a_webhook_delivered_twice_is_posted_once",
    "wowdesk.surveys.services.send_survey": (
        "tests/surveys/test_surveys.py::test_a_survey_task_run_again_sends_one_mail"
    ),
    "wowdesk.sms.services.deliver": "test_an_sms_delivered_twice_goes_out_once_and_a_dead_workers_claim_runs_out",
    "wowdesk.routing.tasks.assign": "test_routing_twice_assigns_once",
    "wowdesk.routing.tasks.assign_waiting": "test_routing_twice_assigns_once",
}


def test_every_task_is_run_twice_here():
    found = set()
    for path in WOWDESK.rglob("*.py"):
        for name in re.findall(r"^@task\b.*\n(?:async )?def (\w+)", path.read_text(), re.M):
            module = ".".join(path.relative_to(WOWDESK.parent).with_suffix("").parts)
            found.add(f"{module}.{name}")
    assert found == set(RUN_TWICE), "a task without a run-twice test (or one that is gone)"


@pytest.fixture
def mailbox(team_dk):
    return Mailbox.objects.create(address="support@example.com", team=team_dk, language="da")


@pytest.fixture
def smtp(sink, settings):
    settings.SMTP_URL = f"smtp://127.0.0.1:{sink.port}"
    return sink


def test_a_new_ticket_announced_twice_is_answered_announced_and_routed_once(team_dk, mailbox, smtp):
    agent = make_user("a@example.com", teams=[team_dk])
    routing.set_presence(agent, "available")
    WebhookSubscription.objects.create(url="http://127.0.0.1:9/hook", events=["ticket.created"])
    ticket = make_ticket(team=team_dk, email="soren@kunde.dk")
    announce_created.call(ticket.pk)
    announce_created.call(ticket.pk)
    assert len(smtp.wait(1)) == 1
    assert OutboundMail.objects.filter(ticket=ticket, kind="auto_reply").count() == 1
    assert WebhookDelivery.objects.filter(event="ticket.created").count() == 1
    assert Ticket.objects.get(pk=ticket.pk).assignee == agent
    assert TicketEvent.objects.filter(ticket=ticket, kind=TicketEvent.Kind.ASSIGNEE).count() == 1
    assert len(smtp.messages) == 1, "one auto-reply"


def test_a_reserved_auto_reply_sent_twice_goes_out_once(team_dk, mailbox, smtp):
    # Rows reserved by an older version, still in the queue after an upgrade.
    ticket = make_ticket(team=team_dk, email="soren@kunde.dk")
    reserved = OutboundMail.objects.create(
        kind=OutboundMail.Kind.AUTO_REPLY, ticket=ticket, from_address=mailbox.address, to_address="soren@kunde.dk"
    )
    replies_tasks.auto_reply.call(reserved.pk)
    replies_tasks.auto_reply.call(reserved.pk)
    smtp.wait(1)
    assert len(smtp.messages) == 1
    assert OutboundMail.objects.get().status == "sent"


def test_a_reply_delivered_twice_goes_out_once(team_dk, mailbox, smtp, agent):
    ticket = make_ticket(team=team_dk, email="soren@kunde.dk")
    tickets.reply(ticket, author=agent, body="Prøv at nulstille din adgangskode.")
    outbound = OutboundMail.objects.get(kind="reply")
    mail_tasks.deliver.call(outbound.pk)
    mail_tasks.deliver.call(outbound.pk)
    smtp.wait(1)
    assert len(smtp.messages) == 1
    assert OutboundMail.objects.get(kind="reply").status == "sent"


def test_a_webhook_delivered_twice_is_posted_once(team_dk, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receiver is on loopback
    receiver = SlowReceiver(delay=0)
    try:
        WebhookSubscription.objects.create(url=receiver.url, events=["ticket.created"])
        ticket = make_ticket(team=team_dk)
        announce_created.call(ticket.pk, auto_reply=False)
        delivery = WebhookDelivery.objects.get()
        webhooks.deliver.call(delivery.pk)
        webhooks.deliver.call(delivery.pk)
        assert receiver.calls == 1
    finally:
        receiver.stop()


def test_an_sms_delivered_twice_goes_out_once_and_a_dead_workers_claim_runs_out(team_dk, settings):
    server = SMSServer()
    settings.SMS_URL = server.url
    try:
        ticket = make_ticket(team=team_dk, channel=Ticket.Channel.SMS)
        first = sms.queue(ticket, to_number="+4520123456", body="Din kode er 1234")
        sms_tasks.deliver.call(first.pk)
        sms_tasks.deliver.call(first.pk)
        assert len(server.received) == 1

        # A worker took this one and died ("sending" for ever, before claims ran out): within the lease nobody
        # sends it, and a check is queued for when the claim runs out; after it, it is sent, once.
        second = sms.queue(ticket, to_number="+4520123456", body="Din nye kode er 5678")
        OutboundSMS.objects.filter(pk=second.pk).update(status="sending", claimed_at=timezone.now(), attempts=1)
        sms_tasks.deliver.call(second.pk)
        assert len(server.received) == 1
        check = DBTaskResult.objects.filter(task_path=sms_tasks.deliver.module_path).order_by("-enqueued_at").first()
        assert check.run_after > timezone.now() + timedelta(seconds=settings.TASK_LEASE_SECONDS - 5)
        OutboundSMS.objects.filter(pk=second.pk).update(claimed_at=timezone.now() - timedelta(hours=1))
        sms_tasks.deliver.call(second.pk)
        sms_tasks.deliver.call(second.pk)
        assert [r["body"]["text"] for r in server.received][-1:] == ["Din nye kode er 5678"]
        assert len(server.received) == 2
        assert OutboundSMS.objects.get(pk=second.pk).status == "sent"
    finally:
        server.close()


def test_routing_twice_assigns_once(team_dk):
    agent = make_user("a@example.com", teams=[team_dk])
    routing.set_presence(agent, "available")
    first, second = make_ticket(team=team_dk), make_ticket(team=team_dk, email="anden@kunde.dk")
    routing_tasks.assign.call(first.pk)
    routing_tasks.assign.call(first.pk)
    routing_tasks.assign_waiting.call(team_dk.pk)
    routing_tasks.assign_waiting.call(team_dk.pk)
    assert TicketEvent.objects.filter(kind=TicketEvent.Kind.ASSIGNEE, ticket__in=[first, second]).count() == 2
    assert set(Ticket.objects.values_list("assignee", flat=True)) == {agent.pk}
