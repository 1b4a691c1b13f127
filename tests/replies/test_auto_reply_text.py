"""The auto-reply's default wording is written once (replies/defaults.py): the rows a new installation starts
with and the text used when a language has no row are the same, and its placeholders are those of reply
templates."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import make_ticket
from wowdesk.replies import defaults, services
from wowdesk.replies.models import AutoReplyTemplate

MONDAY = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_a_language_without_its_row_gets_the_same_text_the_installation_started_with(team_dk, language):
    row = AutoReplyTemplate.objects.get(language=language)
    assert (row.subject, row.body) == defaults.AUTO_REPLIES[language]
    ticket = make_ticket(team=team_dk, language=language)
    from_row = services.compose_auto_reply(ticket, now=MONDAY)
    row.delete()
    assert services.compose_auto_reply(ticket, now=MONDAY) == from_row
    _language, subject, body = from_row
    assert f"#{ticket.number}" in subject and "Kunde" in body and "{" not in body


def test_auto_reply_templates_take_the_reply_templates_placeholders_and_the_old_ones(team_dk):
    AutoReplyTemplate.objects.filter(language="da").update(
        subject="[#{ticket_number}] / [#{number}]", body="{first_name} = {name}"
    )
    ticket = make_ticket(team=team_dk)
    _language, subject, body = services.compose_auto_reply(ticket, now=MONDAY)
    assert subject == f"[#{ticket.number}] / [#{ticket.number}]"
    assert body == "Kunde = Kunde"


def test_an_auto_reply_reserved_by_an_older_version_is_still_written_and_sent(team_dk):
    from wowdesk.mail.models import OutboundMail
    from wowdesk.replies.tasks import auto_reply
    from wowdesk.tickets.models import TicketEvent

    ticket = make_ticket(team=team_dk)
    reserved = OutboundMail.objects.create(
        kind="auto_reply", ticket=ticket, from_address="support@example.com", to_address="kunde@example.dk"
    )
    auto_reply.call(reserved.pk)
    reserved.refresh_from_db()
    assert f"#{ticket.number}" in reserved.subject and "Kunde" in reserved.body_text
    assert reserved.status == "outbox"  # no WOWDESK_SMTP_URL in the tests: kept in the local outbox
    assert ticket.events.filter(kind=TicketEvent.Kind.AUTO_REPLY, new_value="outbox").exists()
