"""Fetching mail from hosted mailboxes over IMAP (imapclient), through the same ingestion as SMTP.

A mail is marked \\Seen only after it is committed, so a crash in between fetches it again (and the
Message-ID makes the second time a no-op)."""

import logging

from imapclient import IMAPClient

from . import services
from .models import InboundMail, Mailbox

log = logging.getLogger(__name__)
BATCH = 50


def fetch_mailbox(mailbox: Mailbox) -> tuple[int, int]:
    """(mails fetched, of them new): a mail seen before (same Message-ID) is fetched but not stored again."""
    count = 0
    stored_before = InboundMail.objects.filter(mailbox=mailbox).count()
    with IMAPClient(mailbox.imap_host, port=mailbox.imap_port, ssl=mailbox.imap_ssl, timeout=30) as client:
        client.login(mailbox.imap_user, mailbox.imap_password)
        client.select_folder(mailbox.imap_folder)
        uids = client.search(["UNSEEN"])
        for start in range(0, len(uids), BATCH):
            batch = uids[start : start + BATCH]
            for uid, data in client.fetch(batch, ["BODY.PEEK[]"]).items():
                raw = data.get(b"BODY[]") or b""
                services.ingest(raw, [mailbox.address], None, source="imap", mailbox=mailbox)
                client.add_flags([uid], [b"\\Seen"])
                count += 1
    return count, InboundMail.objects.filter(mailbox=mailbox).count() - stored_before


def fetch_all() -> dict[str, str]:
    """Fetch every mailbox with IMAP configured; one failing mailbox does not stop the others."""
    results = {}
    for mailbox in Mailbox.objects.filter(active=True).exclude(imap_host=""):
        try:
            fetched, new = fetch_mailbox(mailbox)
            results[mailbox.address] = f"{fetched} fetched, {new} new"
        except Exception as exc:  # network, login, server errors: report and go on
            log.warning("IMAP %s: %s", mailbox.address, exc)
            results[mailbox.address] = f"error: {exc}"
    return results
