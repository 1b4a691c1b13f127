"""E-mail in and out: ingestion (SMTP listener and IMAP), threading, and delivery with retries."""

import atexit
import contextlib
import fcntl
import html
import logging
import os
import re
import smtplib
import threading
import time
from datetime import datetime, timedelta
from email.utils import make_msgid
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from wowdesk import languages
from wowdesk.coaching import detect_language
from wowdesk.db import CompiledLookup, CompiledQuery, insert, save_fields
from wowdesk.process_cache import ProcessCache
from wowdesk.task_backend import backoff
from wowdesk.tickets import services as tickets
from wowdesk.tickets.filenames import attachment_file
from wowdesk.tickets.models import Message, Ticket

from . import mime, parsing
from .models import InboundMail, Mailbox, OutboundMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
UNDO_MARGIN_S = 3
_TOKEN = re.compile(r"\[#(\d{1,9})\]")


# --- inbound -----------------------------------------------------------------------------------------


MAILBOX_CACHE_SECONDS = 10
_MAILBOXES = ProcessCache(MAILBOX_CACHE_SECONDS)  # "active" -> {address: Mailbox}


def _mailboxes() -> dict[str, Mailbox]:
    """Active mailboxes by address. Looked up for every recipient of every mail, so each process keeps
    them for a few seconds: a mailbox added in the admin is live within MAILBOX_CACHE_SECONDS."""
    return _MAILBOXES.get(
        "active", lambda: {m.address: m for m in Mailbox.objects.filter(active=True).select_related("team")}
    )


def forget_mailboxes() -> None:
    _MAILBOXES.clear()


def mailbox_for(address: str) -> Mailbox | None:
    return _mailboxes().get(address.strip().lower())


def accepts(address: str) -> bool:
    return mailbox_for(address) is not None


def accepts_from_cache(address: str) -> bool | None:
    """Like accepts(), answered from this process's cache without touching the database; None when the
    cache is too old (the caller then asks accepts() from a thread that may use the database)."""
    by_address = _MAILBOXES.fresh("active")
    return None if by_address is None else address.strip().lower() in by_address


def find_thread(parsed: parsing.ParsedMail, contact) -> Ticket | None:
    """In-Reply-To and References first, then a [#1234] token in the subject from the same customer."""
    ids = [*parsed.in_reply_to, *reversed(parsed.references)][:50]
    if ids:
        message = Message.objects.filter(email_message_id__in=ids).select_related("ticket").order_by("-pk").first()
        if message:
            return message.ticket
        outbound = OutboundMail.objects.filter(mail_message_id__in=ids).select_related("ticket").first()
        if outbound:
            return outbound.ticket
    if m := _TOKEN.search(parsed.subject):
        ticket = Ticket.objects.filter(number=int(m.group(1))).first()
        if ticket and (
            ticket.contact_id == contact.pk
            or (contact.organization_id and ticket.contact.organization_id == contact.organization_id)
        ):
            return ticket
    return None


def ingest(
    raw: bytes,
    recipients: list[str],
    envelope_from: str | None = None,
    *,
    source: str = "smtp",
    mailbox: Mailbox | None = None,
) -> InboundMail:
    """Store one inbound mail and put it on a ticket, in one transaction: when this returns, it is committed.

    The same mail twice (same Message-ID, or same bytes without one) returns the first InboundMail.
    Nothing in the mail can make this fail: what cannot be read is flagged on the message.
    """
    parsed = parsing.parse(raw, settings.MAX_ATTACHMENT_BYTES)
    if existing := _BY_DEDUPE_KEY.first(parsed.dedupe_key):
        return existing
    if mailbox is None:
        mailbox = next((mb for mb in (mailbox_for(r) for r in recipients) if mb), None)
    envelope_from = parsing.clean(envelope_from) if envelope_from is not None else None
    recipients = [parsing.clean(r)[:300] for r in recipients[:50]]

    def stored(ticket, message, note) -> InboundMail:
        return insert(
            InboundMail(
                mailbox=mailbox,
                dedupe_key=parsed.dedupe_key,
                raw=raw,
                source=source,
                envelope_from=(envelope_from or "")[:300],
                recipients=recipients,
                from_address=parsed.from_address[:300],
                subject=parsed.subject[:300],
                flags=parsed.flags,
                auto_reply_note=note,
                ticket=ticket,
                message=message,
            )
        )

    try:
        try:
            with sqlite_writer_turn(), transaction.atomic():
                # Written last: its unique dedupe_key makes a mail that raced in twice roll back as a whole.
                return stored(*_to_ticket(parsed, mailbox, envelope_from))
        except IntegrityError:
            if existing := InboundMail.objects.filter(dedupe_key=parsed.dedupe_key).first():
                return existing
            raise
    except (OperationalError, InterfaceError, OSError):
        raise  # the database or the disk is away for now: 451, and the sender tries again later
    except Exception as exc:
        # Something in this mail could not be stored on a ticket (a bug, or input nobody foresaw). The mail is
        # still never lost: the raw mail is kept, flagged, on the inbound mail list, and the sender gets 250.
        log.exception("inbound mail %s stored without a ticket", parsed.dedupe_key)
        parsed.flags.append(f"not put on a ticket: {type(exc).__name__}")
        with sqlite_writer_turn(), transaction.atomic():
            return stored(None, None, "")


# Every mail is checked against those already stored (compiled once, wowdesk/db.py).
_BY_DEDUPE_KEY = CompiledLookup(lambda key: InboundMail.objects.filter(dedupe_key=key).order_by()[:1])

_WRITER_LOCKS: dict[str, int] = {}


@contextlib.contextmanager
def sqlite_writer_turn():
    """On SQLite, wait for this process's turn to write on an OS file lock next to the database.

    SQLite lets one writer in at a time, and a process that finds the database locked sleeps in steps of 1 to
    100 ms before it tries again, so it misses the moment the lock frees. SMTP listeners (one per core, sharing
    the port) write a transaction per mail: queued on a file lock, the next one starts the instant the last
    one is done (with two listeners on two cores about 30 % more mail per second than without it,
    bench/RESULTS.md). The kernel drops the lock of a process that dies. Inside a transaction already
    begun, or on PostgreSQL, it does nothing."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or connection.in_atomic_block or ":memory:" in name or "mode=memory" in name:
        yield
        return
    path = f"{name}.writer-lock"
    if path not in _WRITER_LOCKS:
        _WRITER_LOCKS[path] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fd = _WRITER_LOCKS[path]
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _to_ticket(parsed: parsing.ParsedMail, mailbox: Mailbox | None, envelope_from) -> tuple[Ticket, Message, str]:
    envelope_sender = (envelope_from or "").strip("<>").lower()
    envelope_sender = "" if len(envelope_sender) > parsing.MAX_ADDRESS else envelope_sender  # cut, it is another
    sender = parsed.from_address or envelope_sender or "unknown@invalid"
    text = parsed.text.strip("\n") or ""
    language = detect_language(f"{parsed.subject}\n{text}", default=mailbox.language if mailbox else languages.DEFAULT)
    contact = tickets.customer(sender, name=parsed.from_name, language=language)
    files = [attachment_file(a.filename, a.data, a.content_type) for a in parsed.attachments]
    ticket = find_thread(parsed, contact)
    blocked = parsing.auto_reply_block(parsed, envelope_from)
    if blocked is None and (mailbox_for(sender) or mailbox_for((envelope_from or "").strip("<>"))):
        blocked = "sent from one of our own mailboxes"  # two of our mailboxes would answer each other for ever
    if ticket is None:
        ticket = tickets.open_ticket(
            contact=contact,
            contact_language=language,
            subject=parsed.subject,
            body=text,
            html=parsed.html,
            channel=Ticket.Channel.EMAIL,
            team=mailbox.team if mailbox else None,
            email_message_id=parsed.message_id,
            flags=parsed.flags,
            attachments=files,
            auto_reply=blocked is None,
        )
        # The note says why this mail gets no auto-reply; none: replies decides in a worker, and whether it went
        # out or the sender's hourly limit held it back is on the ticket's history (not known here yet).
        return ticket, ticket.first_message, blocked or ""
    message = tickets.add_inbound_message(
        ticket,
        body=text,
        html=parsed.html,
        contact=contact,
        attachments=files,
        auto_reply=blocked is None,
        email_message_id=parsed.message_id,
        flags=parsed.flags,
    )
    return message.ticket, message, ""  # message.ticket: a closed ticket's follow-up


# --- outbound ----------------------------------------------------------------------------------------


def _mailbox_of(ticket: Ticket) -> Mailbox | None:
    """The team's first mailbox: replies go out from the address the customer wrote to (usually)."""
    boxes = sorted((m for m in _mailboxes().values() if m.team_id == ticket.team_id), key=lambda m: m.pk)
    return boxes[0] if boxes else None


def _sender(ticket: Ticket) -> tuple[str, str]:
    mailbox = _mailbox_of(ticket)
    address = mailbox.address if mailbox else settings.DEFAULT_FROM_EMAIL
    name = (mailbox.name if mailbox else "") or (ticket.team.name if ticket.team_id else "")
    return address, name


def _subject(ticket: Ticket) -> str:
    token = f"[#{ticket.number}]"
    subject = ticket.subject if token in ticket.subject else f"{ticket.subject} {token}"
    return subject if subject.lower().startswith(("re:", "sv:")) else f"Re: {subject}"


# The statements every new ticket's auto-reply runs (in a worker), compiled once (wowdesk/db.py): building and
# compiling them was more of the auto-reply's CPU than running them (bench/followup_cpu.py, cProfile).
_CONVERSATION_IDS = CompiledQuery(
    lambda ticket: (
        Message.objects.filter(ticket=ticket)
        .exclude(email_message_id="")
        .order_by("created_at", "pk")
        .values_list("email_message_id", "kind")
    ),
    ticket=int,
)
_SENT_SINCE = CompiledQuery(
    lambda kind, address, since: OutboundMail.objects.filter(kind=kind, to_address=address, created_at__gte=since),
    count=True,
    kind=str,
    address=str,
    since=datetime,
)
_LOCK_TICKET = CompiledQuery(
    lambda ticket: Ticket.objects.select_for_update().filter(pk=ticket).order_by().values_list("pk")[:1], ticket=int
)
_MAIL_OF_KIND = CompiledQuery(
    lambda ticket, kind: OutboundMail.objects.filter(ticket=ticket, kind=kind).order_by("pk")[:1],
    ticket=int,
    kind=str,
)


def _thread_ids(ticket: Ticket) -> tuple[str, str]:
    ids = _CONVERSATION_IDS(ticket=ticket.pk)
    inbound = [i for i, kind in ids if kind == Message.Kind.INBOUND]
    in_reply_to = inbound[-1] if inbound else (ids[-1][0] if ids else "")
    return in_reply_to, " ".join(i for i, _ in ids[-20:])


def reachable(ticket: Ticket) -> bool:
    """Whether the ticket's customer has an address mail can go to (a chat visitor's made-up one cannot)."""
    return bool(ticket.contact.email) and not ticket.contact.email.endswith("@invalid")


def _new_outbound(
    ticket: Ticket,
    kind: str,
    *,
    message: Message | None = None,
    subject: str = "",
    body: str = "",
    thread: bool | tuple[str, str] = True,
    claim: bool = False,
) -> OutboundMail:
    """Every mail to a customer starts here: from the team's mailbox, to the ticket's customer, with a
    Message-ID of the mailbox's domain and, when `thread`, In-Reply-To and References to the conversation so
    the customer's mail program shows it in the same thread (or `thread` is those two, read beforehand). Sent
    by deliver_now (or the task `deliver`); `claim`: written taken for sending by this worker (see _claim)."""
    address, _name = _sender(ticket)
    if isinstance(thread, tuple):
        in_reply_to, references = thread
    else:
        in_reply_to, references = _thread_ids(ticket) if thread else ("", "")
    return insert(
        OutboundMail(
            kind=kind,
            ticket=ticket,
            message=message,
            from_address=address,
            to_address=ticket.contact.email,
            subject=header_value(subject)[:300],
            body_text=body,
            mail_message_id=make_msgid(domain=address.rsplit("@", 1)[-1]),
            in_reply_to=in_reply_to,
            references=references,
            **({"status": OutboundMail.Status.SENDING, "claimed_at": timezone.now()} if claim else {}),
        )
    )


def queue_reply(message: Message) -> OutboundMail | None:
    """An agent's reply goes out by mail to the customer, from the team's mailbox, as a background task."""
    ticket = message.ticket
    if not reachable(ticket):
        return None
    outbound = _new_outbound(
        ticket, OutboundMail.Kind.REPLY, message=message, subject=_subject(ticket), body=message.body_text
    )
    tickets.mark_delivery(message, delivery=Message.Delivery.QUEUED, email_message_id=outbound.mail_message_id)
    # The agent may undo the reply for REPLY_UNDO_SECONDS (tickets.services.withdraw_reply, which deletes the
    # message and with it this mail); the mail waits that long and a few seconds more, so an undo accepted at
    # the last moment has committed before the worker looks.
    hold = timedelta(seconds=settings.REPLY_UNDO_SECONDS + UNDO_MARGIN_S) if settings.REPLY_UNDO_SECONDS else None
    (deliver.using(run_after=timezone.now() + hold) if hold else deliver).enqueue(outbound.pk)
    return outbound


class CustomerMail:
    """How the apps that write auto-replies and surveys send them (tickets.outbox, registered in apps.py):
    from the team's mailbox, threaded to the conversation, sent at once with retries like every mail."""

    def send(self, ticket: Ticket, *, kind: str, subject: str, body: str) -> str:
        """A ticket gets one auto-reply and one survey however often the task that sends it runs (a worker
        thought dead runs it again, see wowdesk/workers): a run that finds the mail a run before it wrote
        finishes that one (deliver_now sends a mail once) instead of writing a second."""
        # The conversation's Message-IDs are read before the transaction: on SQLite a transaction holds the one
        # write lock from BEGIN, and this read was most of what the lock was held for here (issue 20). A message
        # that arrives in between is left out of References, as one arriving just after the send would be.
        thread = _thread_ids(ticket)
        with transaction.atomic():
            # The ticket's row is the lock, so two runs at the same moment cannot both find no mail and write one.
            _LOCK_TICKET(ticket=ticket.pk)
            outbound = _MAIL_OF_KIND.first(ticket=ticket.pk, kind=kind)
            # A new mail is written already taken for sending (one write less than writing it queued and then
            # taking it): a run that finds it after this one died takes it over once the lease is out (_claim).
            new = outbound is None
            if new:
                outbound = _new_outbound(
                    ticket, kind, subject=subject, body=body, thread=thread, claim=bool(settings.SMTP_URL)
                )
        deliver_now(outbound, claimed=new)
        return outbound.status

    def made_for(self, ticket: Ticket, kind: str) -> bool:
        return OutboundMail.objects.filter(ticket=ticket, kind=kind).exists()

    def sent_since(self, address: str, kind: str, since: datetime) -> int:
        return _SENT_SINCE(kind=kind, address=address, since=since)

    def notify(self, ticket: Ticket, *, to_address: str, subject: str, body: str) -> None:
        queue_notification(ticket, to_address=to_address, subject=subject, body=body)

    def send_reserved(self, outbound_id: int, compose) -> tuple[Ticket, str]:
        outbound = OutboundMail.objects.select_related("ticket__contact", "ticket__team").get(pk=outbound_id)
        subject, outbound.body_text = compose(outbound.ticket)
        outbound.subject = header_value(subject)[:300]
        outbound.in_reply_to, outbound.references = _thread_ids(outbound.ticket)
        outbound.save(update_fields=["subject", "body_text", "in_reply_to", "references"])
        deliver_now(outbound)
        return outbound.ticket, outbound.status


def queue_notification(ticket: Ticket, *, to_address: str, subject: str, body: str) -> OutboundMail:
    """A mail to one of us (an agent or lead) about a ticket, e.g. a follow-up due soon; sent like replies."""
    address, _name = _sender(ticket)
    outbound = OutboundMail.objects.create(
        kind=OutboundMail.Kind.NOTIFICATION,
        ticket=ticket,
        from_address=address,
        to_address=to_address,
        subject=header_value(subject)[:300],
        body_text=body,
        mail_message_id=make_msgid(domain=address.rsplit("@", 1)[-1]),
    )
    deliver.enqueue(outbound.pk)
    return outbound


def smtp_connection():
    """A connection from WOWDESK_SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS), or None."""
    url = settings.SMTP_URL
    if not url:
        return None
    parts = urlparse(url)
    return get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname or "127.0.0.1",
        port=parts.port or (465 if parts.scheme == "smtps" else 25),
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_ssl=parts.scheme == "smtps",
        use_tls=parts.scheme == "smtp+starttls",
        timeout=20,
    )


# A worker sends its mails over one SMTP connection, one after another, instead of a connection per mail: the
# TCP connect, EHLO (and STARTTLS or TLS) and QUIT were about a third of the CPU of sending an auto-reply and
# two round trips of its latency (bench/RESULTS.md, issue 20). A connection idle for longer than CHECK_IDLE
# seconds is asked NOOP before it is used again, so one the server closed meanwhile is never used to send
# (a send that failed is retried with backoff, 30 s later); after MAILS_PER_CONNECTION mails it is replaced,
# since servers limit what one connection may send.
CHECK_IDLE_SECONDS = 0.5
MAILS_PER_CONNECTION = 100
_held = threading.local()  # .connection (an open EmailBackend), .url, .used_at, .mails


def _open_connection():
    """An open connection to WOWDESK_SMTP_URL for this thread, reused from its last mail when it still works."""
    url = settings.SMTP_URL
    held = getattr(_held, "connection", None)
    if held is not None:
        fresh = time.monotonic() - _held.used_at < CHECK_IDLE_SECONDS
        if _held.url == url and _held.mails < MAILS_PER_CONNECTION and (fresh or _answers(held)):
            return held
        drop_connection()
    connection = smtp_connection()
    connection.open()
    _held.connection, _held.url, _held.used_at, _held.mails = connection, url, time.monotonic(), 0
    return connection


def _answers(connection) -> bool:
    try:
        return connection.connection.noop()[0] == 250
    except (smtplib.SMTPException, OSError, AttributeError):
        return False


def _used_connection() -> None:
    _held.used_at, _held.mails = time.monotonic(), _held.mails + 1


def drop_connection() -> None:
    """Close this thread's SMTP connection (after a failure, or when the process ends)."""
    connection, _held.connection = getattr(_held, "connection", None), None
    if connection is not None:
        try:
            connection.close()
        except Exception:  # it is being dropped because it may be broken
            log.debug("closing an SMTP connection failed", exc_info=True)


atexit.register(drop_connection)


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def header_value(value: str) -> str:
    """One line of text for a header. A CR or LF (a subject from the API, or an encoded mail subject) would
    start a new header, so Django refuses to send it at all (BadHeaderError): they become spaces."""
    return " ".join(_CONTROL_CHARS.sub(" ", value).split())


def _sender_and_headers(outbound: OutboundMail) -> tuple[str, dict[str, str]]:
    name = ""
    if outbound.ticket.team_id:
        mailbox = _mailbox_of(outbound.ticket)
        name = header_value((mailbox.name if mailbox else "") or outbound.ticket.team.name)
    sender = f"{name} <{outbound.from_address}>" if name else outbound.from_address
    headers = {"Message-ID": header_value(outbound.mail_message_id)}
    if outbound.in_reply_to:
        headers["In-Reply-To"] = header_value(outbound.in_reply_to)
    if outbound.references:
        headers["References"] = header_value(outbound.references)
    if outbound.kind == OutboundMail.Kind.AUTO_REPLY:
        # RFC 3834: tells other robots not to answer us, which keeps auto-reply loops from starting.
        headers["Auto-Submitted"] = "auto-replied"
        headers["X-Auto-Response-Suppress"] = "All"
    return sender, headers


_PARAGRAPH_BREAK = re.compile("\n{2,}")


def _html(text: str) -> str:
    """The HTML part of a mail: `<div>{linebreaks(escape(text))}</div>` with Django's filters, written out (the same
    string, tests/mail/test_mime.py): through Django's lazy-text wrappers they were 4 % of the worker's CPU per
    new ticket's auto-reply (bench/cpu_sampler.py over bench/followup_cpu.py)."""
    text = html.escape(text)  # what django.utils.html.escape does
    if "\r" in text:  # normalize_newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = "\n\n".join(["<p>%s</p>" % p.replace("\n", "<br>") for p in _PARAGRAPH_BREAK.split(text)])  # noqa: UP031
    return f"<div>{paragraphs}</div>"


def build_email(outbound: OutboundMail, connection=None) -> EmailMultiAlternatives:
    sender, headers = _sender_and_headers(outbound)
    email = EmailMultiAlternatives(
        header_value(outbound.subject),
        outbound.body_text,
        sender,
        [outbound.to_address],
        headers=headers,
        connection=connection,
    )
    email.attach_alternative(_html(outbound.body_text), "text/html")
    if outbound.message_id:  # a reply with a Message (auto-replies have none)
        for attachment in outbound.message.attachments.all():
            with attachment.file.open("rb") as f:
                email.attach(attachment.filename, f.read(), attachment.content_type or None)
    return email


def _send(outbound: OutboundMail, connection) -> None:
    """Send the mail over the open connection (an EmailBackend). A mail without attachments (every auto-reply)
    is written by mime.build, the same bytes build_email's message gives, at a fraction of the CPU; the rest,
    and any mail mime leaves to Django, goes through build_email."""
    if not outbound.message_id or not outbound.message.attachments.all():
        sender, headers = _sender_and_headers(outbound)
        data = mime.build(
            subject=header_value(outbound.subject),
            body=outbound.body_text,
            html=_html(outbound.body_text),
            from_email=sender,
            to=outbound.to_address,
            headers=headers,
        )
        if data is not None:
            # What Django's EmailBackend._send gives smtplib.
            connection.connection.sendmail(mime.envelope_address(sender), [mime.recipient(outbound.to_address)], data)
            return
    build_email(outbound, connection).send()


def _permanent(exc: Exception) -> bool:
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code = min((c for c, _ in exc.recipients.values()), default=None)
    return bool(code and 500 <= code < 600)


def _claim(outbound: OutboundMail) -> bool:
    """Take this mail to send it: one conditional update, so of two workers running its task (one thought
    dead, see wowdesk/workers) only one sends it. A claim older than the lease was a worker that died."""
    now = timezone.now()
    expired = now - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    taken = (
        OutboundMail.objects.filter(pk=outbound.pk)
        .filter(Q(status=OutboundMail.Status.QUEUED) | Q(status=OutboundMail.Status.SENDING, claimed_at__lt=expired))
        .update(status=OutboundMail.Status.SENDING, claimed_at=now)
    )
    if taken:
        outbound.status, outbound.claimed_at = OutboundMail.Status.SENDING, now
        return True
    outbound.refresh_from_db(fields=["status", "claimed_at", "attempts", "last_error", "sent_at"])
    if outbound.status == OutboundMail.Status.SENDING:
        # Another worker is sending it now. Should that worker die, look again when its claim runs out.
        deliver.using(run_after=outbound.claimed_at + timedelta(seconds=settings.TASK_LEASE_SECONDS)).enqueue(
            outbound.pk
        )
    return False


# Beside the services it runs (as api.webhooks.deliver), so queueing it imports nothing that imports this
# module back; mail/tasks.py keeps the old path for rows queued before.
@task(queue_name="mail", priority=10)
def deliver(outbound_id: int) -> None:
    """Send one outbound mail; retries schedule themselves with backoff (see deliver_now)."""
    outbound = OutboundMail.objects.select_related("ticket__team", "message").filter(pk=outbound_id).first()
    if outbound is not None:
        deliver_now(outbound)


def deliver_now(outbound: OutboundMail, *, claimed: bool = False) -> None:
    """Send one mail now, exactly once however often it is called. Without WOWDESK_SMTP_URL it stays in the
    local outbox (shown in the UI).

    A temporary failure is retried with exponential backoff (30 s, 1 min, 2 min, ... at most 1 h) up to
    MAX_ATTEMPTS; a permanent one (5xx) fails at once. The reason is shown on the message. `claimed`: the
    caller wrote the row already taken (status sending) in the transaction that created it."""
    if outbound.status in (OutboundMail.Status.SENT, OutboundMail.Status.FAILED, OutboundMail.Status.OUTBOX):
        return
    if not settings.SMTP_URL:
        _set_status(outbound, OutboundMail.Status.OUTBOX)
        return
    if not (claimed and outbound.status == OutboundMail.Status.SENDING) and not _claim(outbound):
        return
    outbound.attempts += 1
    try:
        _send(outbound, _open_connection())
        _used_connection()
    except (smtplib.SMTPException, OSError) as exc:
        drop_connection()
        outbound.last_error = f"{type(exc).__name__}: {exc}"[:500]
        if _permanent(exc) or outbound.attempts >= MAX_ATTEMPTS:
            _set_status(outbound, OutboundMail.Status.FAILED, error=outbound.last_error)
            return
        outbound.status = OutboundMail.Status.QUEUED  # released for the retry to take
        outbound.save(update_fields=["attempts", "last_error", "status"])
        if outbound.message_id:
            tickets.mark_delivery(
                outbound.message_id,
                error=f"retrying (attempt {outbound.attempts}): {outbound.last_error}",
            )
        deliver.using(run_after=timezone.now() + backoff(outbound.attempts)).enqueue(outbound.pk)
        return
    except Exception as exc:
        drop_connection()  # it may be half-way through a mail
        # Not the network or the server: this mail cannot be built (a bad address, a header, an attachment
        # gone). Trying again would fail the same way, so it fails now, and the message shows why.
        log.exception("outbound mail %s cannot be sent", outbound.pk)
        outbound.last_error = f"{type(exc).__name__}: {exc}"[:500]
        _set_status(outbound, OutboundMail.Status.FAILED, error=outbound.last_error)
        return
    outbound.sent_at = timezone.now()
    _set_status(outbound, OutboundMail.Status.SENT)


def _set_status(outbound: OutboundMail, status: str, error: str = "") -> None:
    outbound.status = status
    # save(update_fields=...) with the UPDATE compiled once (wowdesk/db.py): one per mail sent.
    save_fields(outbound, ["status", "attempts", "last_error", "sent_at"])
    if outbound.message_id:
        tickets.mark_delivery(outbound.message_id, delivery=status, error=error)


def queue_transcript(ticket: Ticket, *, subject: str, body: str) -> OutboundMail | None:
    """A chat's transcript, asked for by the customer, from the team's mailbox, as a background task."""
    if not reachable(ticket):
        return None
    outbound = _new_outbound(ticket, OutboundMail.Kind.TRANSCRIPT, subject=subject, body=body, thread=False)
    deliver.enqueue(outbound.pk)
    return outbound
