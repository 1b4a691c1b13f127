"""No auto-reply loops: nothing answers mail from our own mailboxes, nor bounces fetched over IMAP (which have
no SMTP envelope, only the Return-Path header and the report's content type)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.conftest import announce_new_tickets
from tests.mail.conftest import ALWAYS_OPEN
from tests.mail.test_smtp import mail
from wowdesk.accounts.models import Team
from wowdesk.hours.models import OpeningHours
from wowdesk.mail import services
from wowdesk.mail.models import InboundMail, Mailbox, OutboundMail


@pytest.fixture
def two_mailboxes(db):
    team = Team.objects.create(name="Support Danmark", language="da")
    OpeningHours.objects.create(team=team, weekly=ALWAYS_OPEN, holidays="")
    return (
        Mailbox.objects.create(address="support@example.com", team=team, language="da"),
        Mailbox.objects.create(address="faktura@example.com", team=team, language="da"),
    )


def test_no_auto_reply_to_mail_from_one_of_our_own_mailboxes(two_mailboxes):
    msg = mail(sender="Support <Support@Example.com>", to="faktura@example.com")
    inbound = services.ingest(msg.as_bytes(), ["faktura@example.com"], "someone@relay.example.net")
    assert inbound.auto_reply_note == "sent from one of our own mailboxes"
    announce_new_tickets()
    assert not OutboundMail.objects.filter(kind="auto_reply").exists()
    # A customer writing to the same mailbox still gets one.
    services.ingest(mail(to="faktura@example.com").as_bytes(), ["faktura@example.com"], "soren@kunde.dk")
    announce_new_tickets()
    assert OutboundMail.objects.filter(kind="auto_reply").count() == 1


def bounce(message_id: str, *, report: bool, return_path: bool) -> bytes:
    head = (
        ("Return-Path: <>\r\n" if return_path else "")
        + "From: Hans Hansen <hans@kunde.dk>\r\nTo: support@example.com\r\nSubject: Undelivered Mail\r\n"
        + f"Message-ID: {message_id}\r\nMIME-Version: 1.0\r\n"
    )
    if not report:
        return (head + "Content-Type: text/plain\r\n\r\nYour mail could not be delivered.\r\n").encode()
    return (
        head + 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
        "--r\r\nContent-Type: text/plain\r\n\r\nYour mail could not be delivered.\r\n"
        "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.kunde.dk\r\n\r\n"
        "Final-Recipient: rfc822; nobody@kunde.dk\r\nAction: failed\r\nStatus: 5.1.1\r\n--r--\r\n"
    ).encode()


def test_no_auto_reply_to_bounces_fetched_over_imap(two_mailboxes, imap_server):
    support = two_mailboxes[0]
    Mailbox.objects.filter(pk=support.pk).update(
        imap_host="127.0.0.1",
        imap_port=imap_server.port,
        imap_ssl=False,
        imap_user="support",
        imap_password=imap_server.password,
    )
    imap_server.deliver("support", bounce("<b1@kunde.dk>", report=False, return_path=True))
    imap_server.deliver("support", bounce("<b2@kunde.dk>", report=True, return_path=False))
    call_command("fetchmail", stdout=StringIO())
    notes = dict(InboundMail.objects.values_list("dedupe_key", "auto_reply_note"))
    assert notes == {"<b1@kunde.dk>": "bounce (Return-Path: <>)", "<b2@kunde.dk>": "bounce (multipart/report)"}
    announce_new_tickets()
    assert not OutboundMail.objects.exists()


def test_the_ticket_keeps_whether_its_customer_gets_the_auto_reply(two_mailboxes):
    # The channel decides once, when it opens the ticket; the worker reads it from the ticket (the task row
    # carries only the ticket's id), so nothing but the ticket says whether a robot's mail is answered.
    robot = mail(message_id="<robot@kunde.dk>")
    robot["Auto-Submitted"] = "auto-generated"
    by_robot = services.ingest(robot.as_bytes(), ["support@example.com"], "soren@kunde.dk").ticket
    by_person = services.ingest(mail().as_bytes(), ["support@example.com"], "soren@kunde.dk").ticket
    assert (by_robot.auto_reply, by_person.auto_reply) == (False, True)
    assert all(
        row.args_kwargs == {"args": [row.args_kwargs["args"][0]], "kwargs": {}} for row in DBTaskResult.objects.all()
    )
    announce_new_tickets()
    assert list(OutboundMail.objects.filter(kind="auto_reply").values_list("ticket", flat=True)) == [by_person.pk]
