"""Mail services in-process: loop safety, rate limits, delivery failures, quoting, the UI around mail."""

import smtplib
from email.utils import make_msgid
from io import StringIO

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import announce_new_tickets, make_ticket, make_user
from tests.mail.conftest import ALWAYS_OPEN, Sink
from tests.mail.test_smtp import mail
from wowdesk.accounts.models import Team
from wowdesk.hours.models import OpeningHours
from wowdesk.mail import parsing, services
from wowdesk.mail.imap import fetch_all
from wowdesk.mail.models import InboundMail, Mailbox, OutboundMail
from wowdesk.mail.quoting import split_quoted
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Message, Ticket, TicketEvent


@pytest.fixture
def mailbox(db):
    team = Team.objects.create(name="Support Danmark", language="da")
    OpeningHours.objects.create(team=team, weekly=ALWAYS_OPEN, holidays="")
    return Mailbox.objects.create(address="support@example.com", team=team, language="da")


def ingest(msg, envelope_from="soren@kunde.dk"):
    return services.ingest(msg.as_bytes(), ["support@example.com"], envelope_from)


@pytest.mark.parametrize(
    ("headers", "sender", "reason"),
    [
        ({"Auto_Submitted": "auto-replied"}, "a@kunde.dk", "Auto-Submitted"),
        ({"Precedence": "junk"}, "a@kunde.dk", "Precedence"),
        ({"List_Unsubscribe": "<mailto:x@y>"}, "a@kunde.dk", "mailing list"),
        ({"X_Auto_Response_Suppress": "OOF, AutoReply"}, "a@kunde.dk", "X-Auto-Response-Suppress"),
        ({}, "noreply@shop.dk", "no-reply sender"),
        ({}, "do-not-reply@shop.dk", "no-reply sender"),
        ({}, "postmaster@kunde.dk", "no-reply sender"),
    ],
)
def test_loop_and_robot_safety(headers, sender, reason):
    parsed = parsing.parse(mail(sender=sender, **headers).as_bytes(), 10**7)
    assert reason in parsing.auto_reply_block(parsed, "x@kunde.dk")


def test_normal_mail_may_get_an_auto_reply():
    parsed = parsing.parse(mail().as_bytes(), 10**7)
    assert parsing.auto_reply_block(parsed, "soren@kunde.dk") is None
    assert parsing.auto_reply_block(parsed, "") is not None, "a bounce (empty envelope sender) never"


def test_at_most_n_auto_replies_per_sender_per_hour(mailbox, settings):
    settings.AUTO_REPLY_LIMIT_PER_HOUR = 3
    for i in range(5):
        ingest(mail(subject=f"Spørgsmål {i}", message_id=make_msgid()))
    assert Ticket.objects.count() == 5
    assert announce_new_tickets() == 5
    assert OutboundMail.objects.filter(kind="auto_reply").count() == 3
    assert TicketEvent.objects.filter(kind="auto_reply", new_value="rate-limited").count() == 2
    event = TicketEvent.objects.filter(kind="auto_reply", new_value="rate-limited").first()
    with translation.override("da"):
        assert event.new_label == "ikke sendt: afsenderen har fået det højeste antal autosvar i denne time"


def test_web_form_tickets_get_an_auto_reply_too(client, mailbox):
    client.post(
        "/support/", {"name": "Ida", "email": "ida@kunde.dk", "subject": "Hjælp", "message": "Hej", "website": ""}
    )
    announce_new_tickets()
    assert OutboundMail.objects.get().to_address == "ida@kunde.dk"


def test_without_smtp_server_mail_waits_in_the_outbox_and_is_shown(client, mailbox, settings):
    settings.SMTP_URL = ""
    inbound = ingest(mail())
    announce_new_tickets()
    outbound = OutboundMail.objects.get()
    assert outbound.status == "outbox"
    lead = make_user("lead@example.com", role="lead", teams=[mailbox.team])
    client.force_login(lead)
    page = client.get(reverse("outbox")).content.decode()
    assert f"#{inbound.ticket.number}" in page
    assert "in the local outbox" in page
    agent = make_user("agent@example.com", teams=[mailbox.team])
    client.force_login(agent)
    assert client.get(reverse("outbox")).status_code == 403


def test_temporary_failure_is_retried_with_backoff_and_shown(mailbox, settings):
    from socket import socket

    with socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    settings.SMTP_URL = f"smtp://127.0.0.1:{closed_port}"
    ticket = ingest(mail()).ticket
    agent = make_user("agent@example.com", teams=[mailbox.team])
    message = tickets.reply(ticket, author=agent, body="Her er svaret")
    outbound = OutboundMail.objects.get(message=message)
    services.deliver_now(outbound)
    outbound.refresh_from_db()
    assert outbound.status == "queued"
    assert outbound.attempts == 1
    assert "Connection refused" in outbound.last_error or "Errno" in outbound.last_error
    message.refresh_from_db()
    assert message.delivery_error.startswith("retrying (attempt 1)")
    from django_tasks_db.models import DBTaskResult

    retry = DBTaskResult.objects.filter(task_path="wowdesk.mail.services.deliver").order_by("-enqueued_at").first()
    assert retry.run_after is not None, "the retry waits (backoff)"
    assert services.backoff(1).total_seconds() == 30
    assert services.backoff(3).total_seconds() == 120
    assert services.backoff(20).total_seconds() == 3600


def test_permanent_failure_fails_at_once_and_the_ticket_shows_why(client, mailbox, settings):
    sink = Sink()
    sink.refuse_with = "550 5.1.1 No such user"
    sink.controller.start()
    try:
        settings.SMTP_URL = f"smtp://127.0.0.1:{sink.port}"
        ticket = ingest(mail()).ticket
        agent = make_user("agent@example.com", teams=[mailbox.team])
        message = tickets.reply(ticket, author=agent, body="Her er svaret")
        services.deliver_now(OutboundMail.objects.get(message=message))
    finally:
        sink.controller.stop()
    message.refresh_from_db()
    assert message.delivery == "failed"
    assert "No such user" in message.delivery_error
    client.force_login(agent)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "failed" in page
    assert "No such user" in page


def test_flagged_mail_shows_flags_and_a_raw_download_for_those_who_may_see_it(client, mailbox):
    raw = b"From: x@kunde.dk\r\nTo: support@example.com\r\nSubject: Hej\r\nMessage-ID: <r1@kunde.dk>\r\n\r\n"
    inbound = services.ingest(raw, ["support@example.com"], "x@kunde.dk")
    agent = make_user("agent@example.com", teams=[mailbox.team])
    client.force_login(agent)
    page = client.get(reverse("ticket", args=[inbound.ticket.number])).content.decode()
    assert "missing body" in page
    response = client.get(reverse("raw_mail", args=[inbound.message.pk]))
    assert response.status_code == 200
    assert response.content == raw
    outsider = make_user("other@example.com", teams=[Team.objects.create(name="Other")])
    client.force_login(outsider)
    assert client.get(reverse("raw_mail", args=[inbound.message.pk])).status_code == 404


def test_oversize_attachment_is_flagged_and_the_mail_kept(mailbox, settings):
    settings.MAX_ATTACHMENT_BYTES = 100
    msg = mail()
    msg.add_attachment(b"x" * 5000, maintype="application", subtype="pdf", filename="big.pdf")
    msg.add_attachment(b"small", maintype="text", subtype="plain", filename="small.txt")
    inbound = ingest(msg)
    message = inbound.message
    assert any("attachment too large: big.pdf" in f for f in message.flags)
    assert [a.filename for a in message.attachments.all()] == ["small.txt"]
    assert b"big.pdf" in bytes(inbound.raw)


def test_html_only_mail_is_sanitised_and_readable(mailbox):
    msg = mail()
    msg.set_content("<p>Hej <b>der</b></p><script>alert(1)</script><p>Linje 2</p>", subtype="html")
    message = ingest(msg).message
    assert "<script" not in message.body_html
    assert "Hej der" in message.body_text
    assert "alert" not in message.body_text


def test_mail_to_a_closed_ticket_starts_a_linked_follow_up(mailbox):
    first = ingest(mail())
    agent = make_user("agent@example.com", teams=[mailbox.team])
    tickets.update_ticket(first.ticket, agent, status=Ticket.Status.CLOSED)
    again = ingest(mail(subject="Re: Min faktura", In_Reply_To=first.message.email_message_id, message_id=make_msgid()))
    assert again.ticket.follow_up_of == first.ticket
    assert Message.objects.filter(ticket=first.ticket).count() == 1


def test_unknown_language_is_detected_from_the_text(mailbox):
    inbound = ingest(mail(sender="kari@kunde.no", body="Hei, jeg får ikke logget inn. Hva gjør jeg nå? Takk."))
    assert inbound.ticket.language == "nb"
    assert inbound.ticket.contact.language == "nb"


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("Tak!\n\nDen 12. nov. 2026 kl. 10.00 skrev Support <support@example.com>:\n> Hej\n> Hvad ser du?", "Tak!"),
        ("Thanks\n\nOn Mon, 23 Nov 2026 at 10:00, Support <s@example.com> wrote:\n> old", "Thanks"),
        ("Ja det virker\n\n-- \nSøren Jensen\nTlf 12345678", "Ja det virker"),
        ("Svar her\n> citat 1\n> citat 2", "Svar her"),
        ("Hei\n\n-----Opprinnelig melding-----\nFra: oss", "Hei"),
        ("> kun citat", "> kun citat"),
    ],
)
def test_quoted_history_and_signatures_are_folded(text, main):
    shown, quoted = split_quoted(text)
    assert shown == main
    assert (quoted == "") == (shown == text)


def test_imap_errors_are_reported_not_raised(mailbox):
    from socket import socket

    with socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    Mailbox.objects.filter(pk=mailbox.pk).update(
        imap_host="127.0.0.1", imap_port=port, imap_ssl=False, imap_user="u", imap_password="p"
    )
    result = fetch_all()
    assert result["support@example.com"].startswith("error:")


def test_imap_fetches_new_mail_into_tickets_once_and_marks_it_seen(mailbox, imap_server):
    from django.core.management import call_command

    Mailbox.objects.filter(pk=mailbox.pk).update(
        imap_host="127.0.0.1",
        imap_port=imap_server.port,
        imap_ssl=False,
        imap_user="support",
        imap_password=imap_server.password,
    )
    first = mail(subject="Pakken er ikke kommet", body="Hej, min pakke er ikke kommet.", message_id="<i1@kunde.dk>")
    second = mail(subject="Faktura", body="Hvor er min faktura?", message_id="<i2@kunde.dk>", sender="b@kunde.dk")
    imap_server.deliver("support", first.as_bytes())
    imap_server.deliver("support", second.as_bytes())
    imap_server.deliver("support", first.as_bytes())  # the provider delivered it twice
    out = StringIO()
    call_command("fetchmail", stdout=out)
    assert "support@example.com: 3 fetched, 2 new" in out.getvalue()
    assert Ticket.objects.count() == 2, "the same Message-ID twice gives one ticket"
    ticket = Ticket.objects.get(subject="Pakken er ikke kommet")
    assert (ticket.channel, ticket.team, ticket.contact.email) == ("email", mailbox.team, "soren@kunde.dk")
    assert ticket.messages.get().body_text.startswith("Hej, min pakke er ikke kommet.")
    assert InboundMail.objects.filter(source="imap").count() == 2
    assert imap_server.unseen("support") == [], "fetched mail is marked seen after it is stored"
    assert fetch_all() == {"support@example.com": "0 fetched, 0 new"}


def test_smtp_url_forms(settings):
    settings.SMTP_URL = "smtps://user%40x:p%2Fw@mail.example.com"
    connection = services.smtp_connection()
    assert (connection.host, connection.port, connection.use_ssl) == ("mail.example.com", 465, True)
    assert (connection.username, connection.password) == ("user@x", "p/w")
    settings.SMTP_URL = "smtp+starttls://mail.example.com:587"
    assert services.smtp_connection().use_tls
    settings.SMTP_URL = ""
    assert services.smtp_connection() is None


def test_smtplib_permanent_error_codes():
    assert services._permanent(smtplib.SMTPRecipientsRefused({"a@b": (550, b"no")}))
    assert not services._permanent(smtplib.SMTPRecipientsRefused({"a@b": (450, b"later")}))
    assert not services._permanent(ConnectionRefusedError())


def test_inbound_mail_is_idempotent_in_process(mailbox):
    msg = mail()
    a, b = ingest(msg), ingest(msg)
    assert a.pk == b.pk
    assert InboundMail.objects.count() == 1
    assert make_ticket  # the helper module is shared with other tests
