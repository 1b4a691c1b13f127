"""Every mail the SMTP listener can read is stored and acknowledged (250), exactly once: hostile file names,
NUL bytes, over-long names, addresses and lines. What cannot be stored as given is normalised and flagged; the
raw mail is kept as it came. Through the real listener process, on SQLite and PostgreSQL."""

import base64
import smtplib
import uuid
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wowdesk.mail.models import InboundMail
from wowdesk.tickets.models import Message

pytestmark = pytest.mark.django_db(transaction=True)


def encoded(text: str) -> bytes:
    """An RFC 2047 encoded word (UTF-8, base64): any text, NULs and line breaks included, fits in a header."""
    return b"=?utf-8?b?" + base64.b64encode(text.encode("utf-8", "surrogatepass")) + b"?="


def raw_mail(
    *,
    subject: bytes = b"Hostile",
    from_name: bytes = b"Kunde",
    from_address: bytes = b"kunde@kunde.dk",
    body: bytes = b"Hej",
    charset: bytes = b"utf-8",
    filename: bytes | None = None,
    filename_header: bytes | None = None,
) -> tuple[str, bytes]:
    message_id = f"<{uuid.uuid4().hex}@fuzz.kunde.dk>"
    head = (
        b"Message-ID: " + message_id.encode() + b"\r\n"
        b"From: " + from_name + b" <" + from_address + b">\r\nTo: support@example.com\r\n"
        b"Subject: " + subject + b"\r\nMIME-Version: 1.0\r\n"
    )
    text_part = b"Content-Type: text/plain; charset=" + charset + b"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
    if filename is None and filename_header is None:
        return message_id, head + text_part + b"\r\n"
    disposition = filename_header or b"Content-Disposition: attachment; filename*=utf-8''" + filename
    return message_id, (
        head + b'Content-Type: multipart/mixed; boundary="=b="\r\n\r\n--=b=\r\n' + text_part + b"\r\n--=b=\r\n"
        b"Content-Type: application/octet-stream\r\n" + disposition + b"\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nSGVq\r\n--=b=--\r\n"
    )


def send_raw(port: int, raw: bytes, envelope_from: str = "kunde@kunde.dk") -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        refused = smtp.sendmail(envelope_from, ["support@example.com"], raw)
    assert refused == {}


def stored_once(message_id: str) -> InboundMail:
    [inbound] = InboundMail.objects.filter(dedupe_key=message_id).select_related("message")
    assert inbound.message is not None, f"on a ticket: {inbound.flags}"
    return inbound


def rfc2231(name: str) -> bytes:
    return quote(name, safe="").encode()


# Each test starts a listener process (seconds on a busy machine), so each sends several mails.
HOSTILE_NAMES = ["..", "..\\..\\..\\evil.txt", "★★★", "æ" * 130, "../../etc/passwd", "."]


def test_hostile_attachment_names_are_stored_under_safe_names_and_shown_as_sent(listener, mailboxes):
    for name in HOSTILE_NAMES:
        message_id, raw = raw_mail(filename=rfc2231(name))
        send_raw(listener, raw)
        inbound = stored_once(message_id)
        [attachment] = inbound.message.attachments.all()
        assert attachment.filename == name.replace("/", "_")
        stored_as = attachment.file.name.rsplit("/", 1)[-1]
        assert stored_as.isascii() and not stored_as.startswith(".") and len(stored_as.encode()) <= 100
        assert attachment.file.read() == b"Hej"
        assert bytes(inbound.raw) == raw, "the raw mail is kept as it came"
    # Bidi controls make "invoice\u202egpj.exe" read as "invoiceexe.jpg": they are taken out, and it is flagged.
    message_id, raw = raw_mail(filename=rfc2231("invoice\u202egpj.exe"))
    send_raw(listener, raw)
    inbound = stored_once(message_id)
    assert inbound.message.attachments.get().filename == "invoicegpj.exe"
    assert any("attachment name cleaned" in flag for flag in inbound.flags)


def test_nul_bytes_long_values_and_long_lines_are_stored_and_flagged(listener, mailboxes):
    message_id, raw = raw_mail(
        subject=encoded("Sub\x00ject"),
        from_name=encoded("Na\x00me"),
        body=b"Bo\x00dy",
        filename=rfc2231("fi\x00le.txt"),
    )
    send_raw(listener, raw)
    inbound = stored_once(message_id)
    message = inbound.message
    assert (message.ticket.subject, message.body_text.strip(), message.contact.name) == ("Subject", "Body", "Name")
    assert message.attachments.get().filename == "file.txt"
    assert "NUL bytes removed" in inbound.flags
    assert b"Bo\x00dy" in bytes(inbound.raw), "the raw mail is kept as it came"

    message_id, raw = raw_mail(from_name=b"N" * 300, from_address=b"a" * 300 + b"@kunde.dk")
    send_raw(listener, raw, envelope_from="lang@kunde.dk")
    inbound = stored_once(message_id)
    contact = inbound.message.contact
    assert contact.name == "N" * 200
    assert contact.email == "lang@kunde.dk", "the envelope sender, since the From address is unusable"
    assert "sender name over 200 characters, cut" in inbound.flags
    assert "sender address over 254 characters, not used" in inbound.flags

    # RFC 5321 says 1,000 characters a line; unwrapped HTML and base64 without line breaks have more.
    message_id, raw = raw_mail(body=b"<p>" + b"x" * 20_000 + b"</p>")
    send_raw(listener, raw)
    assert "x" * 20_000 in stored_once(message_id).message.body_text


# --- generated hostile mails ---------------------------------------------------------------------------

hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\r", "\n", "\u202e", "\u2066", "/", "\\", ".", "★", "æ", "\ufeff"]),
    ),
    max_size=300,
)
header_value = st.one_of(
    hostile_text.map(encoded),
    st.binary(max_size=300).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
)


@st.composite
def hostile_mails(draw) -> tuple[str, bytes]:
    body = draw(st.binary(max_size=2000))
    if draw(st.booleans()):
        body += b"y" * draw(st.integers(1000, 30_000))  # one long line
    return raw_mail(
        subject=draw(header_value),
        from_name=draw(header_value),
        from_address=draw(st.sampled_from([b"kunde@kunde.dk", b"a" * 260 + b"@x.dk", b"", b"not an address"])),
        body=body.replace(b"\r\n.", b"\r\n.."),
        charset=draw(st.sampled_from([b"utf-8", b"iso-8859-1", b"utf-16", b"klingon-8", b'""'])),
        filename=draw(st.one_of(st.none(), hostile_text.map(lambda t: quote(t, safe="", errors="replace").encode()))),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mail=hostile_mails())
def test_generated_hostile_mails_are_all_acknowledged_and_stored_once(listener, mailboxes, mail):
    message_id, raw = mail
    send_raw(listener, raw)
    inbound = stored_once(message_id)
    assert bytes(inbound.raw) == raw
    assert Message.objects.filter(inbound_mail=inbound).count() == 1


def test_a_mail_that_cannot_go_on_a_ticket_is_kept_raw_and_flagged(mailboxes, monkeypatch):
    # A bug nobody foresaw, in putting the mail on a ticket: the mail is still stored (raw, flagged, on the
    # admin's inbound mail list) and ingest returns, so the listener says 250. Only a database that is away
    # makes it raise, and the listener answers 451 (the sender tries again).
    from django.db import OperationalError

    from wowdesk.mail import services

    def unforeseen(*args, **kwargs):
        raise KeyError("nobody foresaw this")

    _message_id, raw = raw_mail(filename=b"faktura.pdf")
    monkeypatch.setattr(services, "_to_ticket", unforeseen)
    inbound = services.ingest(raw, ["support@example.com"], "kunde@kunde.dk")
    assert inbound.ticket is None and bytes(inbound.raw) == raw
    assert "not put on a ticket: KeyError" in inbound.flags
    assert services.ingest(raw, ["support@example.com"], "kunde@kunde.dk") == inbound, "and once"

    def database_away(*args, **kwargs):
        raise OperationalError("the database is away")

    monkeypatch.setattr(services, "_to_ticket", database_away)
    with pytest.raises(OperationalError):
        services.ingest(raw_mail(filename=b"x.pdf")[1], ["support@example.com"], "kunde@kunde.dk")
    assert InboundMail.objects.count() == 1
