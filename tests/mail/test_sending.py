"""Sending never fails silently: a header value that would break the mail is cleaned when it is built, and any
failure to send shows on the message (retried, or failed with the reason). Real SMTP server on loopback."""

import base64

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import make_user
from tests.mail.conftest import ALWAYS_OPEN, Sink
from tests.mail.test_smtp import mail
from wowdesk.accounts.models import Team
from wowdesk.hours.models import OpeningHours
from wowdesk.mail import services
from wowdesk.mail.models import Mailbox, OutboundMail
from wowdesk.tickets import services as tickets


@pytest.fixture
def mailbox(db):
    team = Team.objects.create(name="Support Danmark", language="da")
    OpeningHours.objects.create(team=team, weekly=ALWAYS_OPEN, holidays="")
    return Mailbox.objects.create(address="support@example.com", team=team, language="da")


@pytest.fixture
def sink(settings):
    server = Sink()
    server.controller.start()
    settings.SMTP_URL = f"smtp://127.0.0.1:{server.port}"
    yield server
    server.controller.stop()


def test_a_subject_with_cr_lf_is_sent_on_one_line(mailbox, sink):
    # An encoded subject may decode to anything, line breaks included (and the API takes any text).
    subject = base64.b64encode("Hjælp\r\nBcc: evil@example.net".encode()).decode()
    raw = (
        "From: soren@kunde.dk\r\nTo: support@example.com\r\nMessage-ID: <crlf@kunde.dk>\r\n"
        f"Subject: =?utf-8?b?{subject}?=\r\n\r\nHej\r\n"
    ).encode()
    ticket = services.ingest(raw, ["support@example.com"], "soren@kunde.dk").ticket
    assert "\n" in ticket.subject
    agent = make_user("agent@example.com", teams=[mailbox.team])
    message = tickets.reply(ticket, author=agent, body="Her er svaret")
    services.deliver_now(OutboundMail.objects.get(message=message))
    [sent] = sink.wait(1)
    assert sent["Subject"] == f"Re: Hjælp Bcc: evil@example.net [#{ticket.number}]"
    assert [to for _, to, _ in sink.messages] == [["soren@kunde.dk"]], "no header was injected"
    message.refresh_from_db()
    assert (message.delivery, message.delivery_error) == ("sent", "")


def test_a_mail_that_cannot_be_built_fails_at_once_and_shows_why(mailbox, sink):
    ticket = services.ingest(mail().as_bytes(), ["support@example.com"], "soren@kunde.dk").ticket
    agent = make_user("agent@example.com", teams=[mailbox.team])
    message = tickets.reply(ticket, author=agent, body="Her er svaret")
    outbound = OutboundMail.objects.get(message=message)
    OutboundMail.objects.filter(pk=outbound.pk).update(to_address="soren@kunde.dk\r\nBcc: evil@example.net")
    outbound.refresh_from_db()
    services.deliver_now(outbound)
    outbound.refresh_from_db()
    assert outbound.status == "failed"
    message.refresh_from_db()
    assert message.delivery == "failed"
    assert message.delivery_error, "the reason is on the message"
    assert sink.messages == []


class ConnectionCountingSink(Sink):
    """Keeps the client address of each mail's connection (a new connection comes from a new port)."""

    def __init__(self):
        super().__init__()
        self.peers = []

    async def handle_DATA(self, server, session, envelope):
        self.peers.append(session.peer)
        return await super().handle_DATA(server, session, envelope)


def test_mails_go_out_over_one_connection_and_one_the_server_dropped_is_replaced(mailbox, settings, monkeypatch):
    sink = ConnectionCountingSink()
    sink.controller.start()
    settings.SMTP_URL = f"smtp://127.0.0.1:{sink.port}"
    services.drop_connection()
    agent = make_user("agent@example.com", teams=[mailbox.team])
    try:
        outbound = []
        for i in range(4):
            raw = mail(subject=f"Faktura {i}").as_bytes()
            ticket = services.ingest(raw, ["support@example.com"], "soren@kunde.dk").ticket
            outbound.append(OutboundMail.objects.get(message=tickets.reply(ticket, author=agent, body="Svar")))
        for mail_out in outbound[:3]:
            services.deliver_now(mail_out)
        sink.wait(3)
        assert len(set(sink.peers)) == 1, "three mails, one connection"

        # The server goes away and comes back (a restart, or it closed the idle connection): the next mail
        # goes out at once on a new connection, not 30 s later as a retry.
        sink.controller.stop()
        sink.controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
        sink.controller.start()
        monkeypatch.setattr(services, "CHECK_IDLE_SECONDS", 0)
        services.deliver_now(outbound[3])
        sink.wait(4)
        assert len(set(sink.peers)) == 2
        outbound[3].refresh_from_db()
        assert (outbound[3].status, outbound[3].attempts) == ("sent", 1)
    finally:
        services.drop_connection()
        sink.controller.stop()
