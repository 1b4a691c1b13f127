"""The SMTP listener (aiosmtpd). It answers 250 only after the mail and its ticket message are committed,
so a mail the sender saw accepted is never lost, even if the process is killed the next moment."""

import asyncio
import logging
import os
import re
import signal
import sys

from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection

from wowdesk.workers.services import Overloaded, admit_intake

from . import services

log = logging.getLogger(__name__)


def _accepts(address: str) -> bool:
    return services.accepts(address)


def _ingest(content: bytes, recipients: list[str], mail_from: str | None) -> None:
    # The database thread keeps its connection between mails (reconnecting per mail costs more than the
    # mail itself); after any error it is closed, and the next mail opens a fresh one.
    admit_intake()
    try:
        services.ingest(content, recipients, mail_from, source="smtp")
    except Exception:
        connection.close()
        raise


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # Answered in the event loop when the mailbox cache is fresh: a hop to the database thread for every
        # recipient costs more than the lookup.
        accepted = services.accepts_from_cache(address)
        if accepted is None:
            accepted = await sync_to_async(_accepts)(address)
        if not accepted:
            return "550 5.1.1 No mailbox here by that name"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        try:
            await sync_to_async(_ingest)(content, list(envelope.rcpt_tos), envelope.mail_from)
        except Overloaded:
            # Nothing stored; the sending server keeps the mail and tries again (RFC 3463 4.3.2).
            return "451 4.3.2 System busy, please try again later"
        except Exception:
            # Nothing was committed: the sender keeps the mail and tries again later.
            log.exception("could not store an inbound mail")
            return "451 4.3.0 Temporary failure, please try again later"
        return "250 2.0.0 Message accepted"


# MAIL FROM and RCPT TO as nearly every sender writes them: <dot-atom@domain>, then maybe parameters.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_PATH = re.compile(rf"\s*<({_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>[ \t]*([^ \t(].*)?\Z")


class Server(SMTP):
    # RFC 5321 allows 1,000 characters a line, but real mail has longer ones (unwrapped HTML, base64 without
    # line breaks) and aiosmtpd refuses the whole mail for one of them ("500 Line too long"), so the sender
    # bounces it. A line may be as long as a whole mail may be; the size limit still bounds the memory.
    line_length_limit = settings.SMTPD_MAX_BYTES + 2

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        """aiosmtpd's, with the plain address read by a regular expression: its RFC 5322 parser took 6.6 % of
        the listener's CPU (py-spy --gil, 1,500 mails, issue 20). Anything else (quoted local parts, comments,
        address literals, source routes, <>) goes to aiosmtpd's parser, which gives the same answer for a plain
        one (tests/mail/test_smtp.py)."""
        plain = _PLAIN_PATH.match(arg)
        if plain is None:
            return super()._getaddr(arg)
        address = plain.group(1)
        if self.local_part_limit and len(address.rpartition("@")[0]) > self.local_part_limit:
            return None, None
        return address, plain.group(2) or ""


def make_server(handler: Handler | None = None) -> SMTP:
    return Server(
        handler or Handler(),
        data_size_limit=settings.SMTPD_MAX_BYTES,
        enable_SMTPUTF8=True,
        decode_data=False,
        hostname=settings.SMTPD_HOSTNAME,
        ident="wowdesk",
    )


def serve(host: str, port: int) -> None:
    # The event loop thread hands mails to the database thread; a short GIL switch interval keeps that
    # hand-over from waiting the default 5 ms each time.
    sys.setswitchinterval(0.0005)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = Handler()
    # reuse_port: several listener processes can share one port, and the kernel spreads connections.
    server = loop.run_until_complete(loop.create_server(lambda: make_server(handler), host, port, reuse_port=True))
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, loop.stop)
    # One write per line: several listeners start together, and print() writes the newline separately.
    sys.stdout.write(f"SMTP listener on {host}:{port} (process {os.getpid()})\n")
    sys.stdout.flush()
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()
