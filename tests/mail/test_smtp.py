"""Mail through the real SMTP listener: tickets, auto-replies at a sink server, threading, loop safety."""

import smtplib
import time
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from wowdesk.mail.models import InboundMail, OutboundMail
from wowdesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db(transaction=True)


def mail(
    to="support@example.com",
    sender="Søren Østergård <soren@kunde.dk>",
    subject="Min faktura mangler",
    body="Hej\n\nJeg har ikke fået min faktura for oktober. Hvad gør jeg?\n\nHilsen Søren",
    **headers,
):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = headers.pop("message_id", None) or make_msgid(domain="kunde.dk")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


def send(port, msg, envelope_from=None):
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        smtp.send_message(msg, from_addr=envelope_from)


def test_mail_becomes_a_ticket_before_250_and_gets_an_auto_reply(listener, worker, sink, mailboxes):
    msg = mail()
    send(listener, msg)
    # The 250 came only after the commit: the ticket is there the moment send() returns.
    ticket = Ticket.objects.get()
    assert ticket.channel == "email"
    assert ticket.team == mailboxes["dk"].team
    assert ticket.contact.email == "soren@kunde.dk"
    assert ticket.contact.name == "Søren Østergård"
    message = ticket.messages.get()
    assert message.email_message_id == msg["Message-ID"]
    assert "faktura for oktober" in message.body_text
    [reply] = sink.wait(1)
    assert reply["To"] == "soren@kunde.dk"
    assert "support@example.com" in reply["From"]
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["In-Reply-To"] == msg["Message-ID"]
    assert f"[#{ticket.number}]" in reply["Subject"]
    text = reply.get_body(("plain",)).get_content()
    assert text.startswith("Hej Søren")
    assert f"#{ticket.number}" in text
    assert "Du kan forvente svar" in text
    assert reply.get_body(("html",)) is not None, "multipart text and HTML"


def test_norwegian_mail_gets_a_norwegian_auto_reply(listener, worker, sink, mailboxes):
    send(
        listener,
        mail(
            to="kundeservice@example.no",
            sender="ola@kunde.no",
            subject="Pakken har ikke kommet",
            body="Hei, pakken min har ikke kommet. Hva gjør jeg nå? Takk for hjelpen.",
        ),
    )
    [reply] = sink.wait(1)
    text = reply.get_body(("plain",)).get_content()
    assert text.startswith("Hei ola")
    assert "Du kan forvente svar" in text


def test_a_reply_to_the_auto_reply_threads_into_the_same_ticket(listener, worker, sink, mailboxes):
    send(listener, mail())
    [auto] = sink.wait(1)
    answer = mail(
        subject="Re: " + auto["Subject"],
        body="Det er faktura 2024-11.",
        In_Reply_To=auto["Message-ID"],
        References=auto["Message-ID"],
    )
    send(listener, answer)
    ticket = Ticket.objects.get()
    assert ticket.messages.filter(kind="inbound").count() == 2
    # Only the subject token, no headers: still the same ticket when the same customer writes.
    send(listener, mail(subject=f"Spørgsmål om sag [#{ticket.number}]", body="En ting mere."))
    assert Ticket.objects.count() == 1
    # The token from a stranger starts a new ticket instead of landing in someone else's case.
    send(listener, mail(sender="stranger@other.dk", subject=f"[#{ticket.number}]", body="Hej"))
    assert Ticket.objects.count() == 2


def test_unknown_recipients_are_refused_with_550(listener, mailboxes):
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(listener, mail(to="nobody@example.com"))
    assert refused.value.recipients["nobody@example.com"][0] == 550
    assert not InboundMail.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"List_Id": "<news.kunde.dk>"},
        {"Precedence": "bulk"},
        {"Auto_Submitted": "auto-generated"},
    ],
)
def test_robots_and_lists_get_no_auto_reply(listener, worker, sink, mailboxes, headers):
    send(listener, mail(**headers))
    inbound = InboundMail.objects.get()
    assert inbound.ticket is not None, "the mail is still a ticket"
    assert inbound.auto_reply_note, "the reason it gets no auto-reply"
    time.sleep(1.0)
    assert sink.messages == []
    assert not OutboundMail.objects.exists()


def test_no_reply_senders_and_bounces_get_no_auto_reply(listener, worker, sink, mailboxes):
    send(listener, mail(sender="no-reply@shop.dk", message_id=make_msgid()))
    send(listener, mail(sender="MAILER-DAEMON@mx.kunde.dk", message_id=make_msgid()), envelope_from="")
    time.sleep(1.0)
    assert sink.messages == []
    assert set(InboundMail.objects.values_list("auto_reply_note", flat=True)) <= {
        "no-reply sender",
        "bounce (empty envelope sender)",
    }


def test_the_same_message_id_twice_is_stored_once(listener, mailboxes):
    msg = mail()
    send(listener, msg)
    send(listener, msg)
    assert InboundMail.objects.count() == 1
    assert Message.objects.count() == 1


def test_malformed_mail_is_stored_flagged_and_kept_raw(listener, mailboxes):
    raw = (
        b"From: broken@kunde.dk\r\nTo: support@example.com\r\nSubject: =?x-unknown?B?SGVq?=\r\n"
        b"Message-ID: <broken-1@kunde.dk>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\n'
        b"Content-Type: text/plain; charset=klingon-8\r\n\r\nHalloj \xe6\xf8\xe5 \xff\xfe\r\n"
    )
    with smtplib.SMTP("127.0.0.1", listener) as smtp:
        smtp.sendmail("broken@kunde.dk", ["support@example.com"], raw)
    inbound = InboundMail.objects.get()
    assert bytes(inbound.raw).replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")
    message = inbound.message
    assert "malformed MIME" in message.flags
    assert any("charset" in f for f in message.flags)
    assert "Halloj" in message.body_text


def test_an_empty_mail_is_flagged_not_dropped(listener, mailboxes):
    raw = b"From: tom@kunde.dk\r\nTo: support@example.com\r\nSubject: \r\nMessage-ID: <empty@kunde.dk>\r\n\r\n"
    with smtplib.SMTP("127.0.0.1", listener) as smtp:
        smtp.sendmail("tom@kunde.dk", ["support@example.com"], raw)
    assert "missing body" in Message.objects.get().flags


def test_an_agent_reply_goes_out_threaded_with_attachments(listener, worker, sink, mailboxes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import make_user
    from wowdesk.tickets import services

    original = mail()
    send(listener, original)
    sink.wait(1)
    ticket = Ticket.objects.get()
    agent = make_user("mette@example.com", teams=[ticket.team], name="Mette Kjær")
    message = services.reply(
        ticket,
        author=agent,
        body="Hej Søren\n\nHer er fakturaen.",
        attachments=[SimpleUploadedFile("faktura.pdf", b"%PDF-1.4 test", "application/pdf")],
    )
    reply = sink.wait(2)[1]
    assert reply["In-Reply-To"] == original["Message-ID"]
    assert original["Message-ID"] in reply["References"]
    assert reply["Message-ID"] == Message.objects.get(pk=message.pk).email_message_id
    assert f"[#{ticket.number}]" in reply["Subject"]
    assert reply["Auto-Submitted"] is None
    attachment = next(reply.iter_attachments())
    assert attachment.get_filename() == "faktura.pdf"
    assert attachment.get_content() == b"%PDF-1.4 test"
    deadline = time.monotonic() + 10
    while Message.objects.get(pk=message.pk).delivery != "sent" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert Message.objects.get(pk=message.pk).delivery == "sent"


@pytest.mark.parametrize(
    "arg",
    [
        "<soren@kunde.dk>",
        " <A.B+tag@Sub-domain.Kunde.DK>",
        "<soren@kunde.dk> SIZE=1234 BODY=8BITMIME",
        "<soren@kunde.dk>\tSIZE=5 ",
        "<soren@kunde.dk>  ",
        "<soren@kunde.dk>x",
        "<soren@kunde.dk> (comment) SIZE=5",
        "<soren@kunde.dk>(comment)",
        "<>",
        '<"quoted name"@kunde.dk>',
        "<a..b@kunde.dk>",
        "<.a@kunde.dk>",
        "<a@[192.0.2.1]>",
        "<@relay.dk:soren@kunde.dk>",
        "<soren@kunde.dk",
        "soren@kunde.dk",
        "<søren@kunde.dk>",
        f"<{'x' * 65}@kunde.dk>",
        "",
    ],
)
def test_the_listeners_quick_address_reading_agrees_with_aiosmtpds(arg):
    # The listener reads plain addresses with a regular expression (issue 20); whatever it reads must be what
    # aiosmtpd's own parser reads.
    from aiosmtpd.smtp import SMTP

    from wowdesk.mail.smtpd import make_server

    server = make_server()
    assert server._getaddr(arg) == SMTP._getaddr(server, arg)
