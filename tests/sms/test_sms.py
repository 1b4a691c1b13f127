"""SMS: numbers, the local outbox, a real provider on loopback, retries, never twice, signed inbound."""

import json
import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.sms import services
from wowdesk.sms.models import OutboundSMS
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Message, Ticket

from .conftest import run_sms_tasks


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("20 12 34 56", "+4520123456"),
        ("+45 20123456", "+4520123456"),
        ("0045 20 12 34 56", "+4520123456"),
        ("+47 412 34 567", "+4741234567"),
        ("0047 41234567", "+4741234567"),
    ],
)
def test_danish_and_norwegian_ways_of_writing_a_number_become_e164(written, e164):
    assert services.normalize_phone(written) == e164


def test_a_number_that_cannot_be_parsed_names_the_field():
    with pytest.raises(ValidationError) as exc:
        services.normalize_phone("123", field="mobile")
    assert list(exc.value.message_dict) == ["mobile"]


@pytest.fixture
def sms_ticket(team_dk):
    ticket = make_ticket(team=team_dk, channel=Ticket.Channel.SMS)
    ticket.contact.phones = ["+4520123456"]
    ticket.contact.save()
    return ticket


def test_without_a_provider_the_sms_waits_in_the_local_outbox(sms_ticket, agent, lead, client, settings):
    settings.SMS_URL = ""
    message = tickets.reply(sms_ticket, author=agent, body="Vi har sendt en ny kode.")
    assert run_sms_tasks() == 1
    message.refresh_from_db()
    assert message.delivery == "outbox"
    client.force_login(lead)
    page = client.get(reverse("sms_outbox")).content.decode()
    assert "Vi har sendt en ny kode." in page and "+4520123456" in page
    assert 'hx-get="/outbox/sms/"' in client.get(reverse("outbox")).content.decode()


def test_a_provider_gets_json_with_the_auth_header_and_body_template(sms_ticket, agent, sms_server, settings):
    settings.SMS_AUTH_HEADER = "Authorization: Bearer s3cret"
    settings.SMS_BODY_TEMPLATE = '{"recipient": "$to", "message": {"body": "$text"}, "ref": "$reference"}'
    message = tickets.reply(sms_ticket, author=agent, body='Hej "Jens"\nNy linje æøå')
    run_sms_tasks()
    [posted] = sms_server.received
    assert posted["path"] == "/sms/send"
    assert posted["headers"]["Authorization"] == "Bearer s3cret"
    outbound = OutboundSMS.objects.get(message=message)
    assert posted["body"] == {
        "recipient": "+4520123456",
        "message": {"body": 'Hej "Jens"\nNy linje æøå'},
        "ref": f"wowdesk-{outbound.pk}",
    }
    assert (outbound.status, outbound.provider_id) == ("sent", "prov-1")


def test_provider_down_is_retried_shown_on_the_message_and_sent_once(sms_ticket, agent, sms_server):
    sms_server.statuses = [503]
    message = tickets.reply(sms_ticket, author=agent, body="Prøv igen")
    run_sms_tasks()
    message.refresh_from_db()
    assert message.delivery == "queued" and "503" in message.delivery_error
    outbound = OutboundSMS.objects.get(message=message)
    assert outbound.status == "queued" and outbound.attempts == 1
    # The retry waits for its backoff; run it now, and then once more: it is sent once, not twice.
    services.deliver_now(outbound.pk)
    assert services.deliver_now(outbound.pk) is None
    assert len(sms_server.delivered) == 1
    message.refresh_from_db()
    assert message.delivery == "sent"


def test_a_refusal_fails_at_once_and_visibly(sms_ticket, agent, sms_server):
    sms_server.statuses = [400]
    message = tickets.reply(sms_ticket, author=agent, body="x")
    run_sms_tasks()
    message.refresh_from_db()
    assert message.delivery == "failed" and "400" in message.delivery_error


def test_reply_to_a_customer_without_a_mobile_fails_visibly(team_dk, agent):
    ticket = make_ticket(team=team_dk, channel=Ticket.Channel.SMS, email="ingen@example.dk")
    message = tickets.reply(ticket, author=agent, body="x")
    message.refresh_from_db()
    assert message.delivery == "failed" and "mobile" in message.delivery_error


def _signed_post(client, payload: dict, secret: str, timestamp: int | None = None):
    body = json.dumps(payload).encode()
    stamp = str(timestamp or int(time.time()))
    return client.post(
        reverse("sms_inbound"),
        body,
        content_type="application/json",
        headers={"X-Wowdesk-Timestamp": stamp, "X-Wowdesk-Signature": services.sign(secret, stamp, body)},
    )


def test_a_customers_sms_answer_lands_on_the_ticket_once(sms_ticket, agent, client, settings):
    settings.SMS_SECRET = "inbound-secret"
    settings.SMS_URL = ""
    tickets.reply(sms_ticket, author=agent, body="Passer det i morgen?")
    run_sms_tasks()
    payload = {"from": "20 12 34 56", "to": "1919", "text": "Ja tak, det passer fint", "id": "abc-1"}
    response = _signed_post(client, payload, "inbound-secret")
    assert response.status_code == 200 and response.json() == {"ticket": sms_ticket.number}
    assert _signed_post(client, payload, "inbound-secret").status_code == 200  # the provider posts it again
    inbound = sms_ticket.messages.filter(kind=Message.Kind.INBOUND, body_text="Ja tak, det passer fint")
    assert inbound.count() == 1
    sms_ticket.refresh_from_db()
    assert sms_ticket.status == "open"


def test_unknown_number_starts_an_sms_ticket(db, client, settings):
    settings.SMS_SECRET = "inbound-secret"
    response = _signed_post(client, {"from": "+4741234567", "text": "Hei, ring meg"}, "inbound-secret")
    ticket = Ticket.objects.get(number=response.json()["ticket"])
    assert ticket.channel == "sms" and ticket.contact.phones == ["+4741234567"]


def test_inbound_without_the_right_signature_or_too_old_is_refused(db, client, settings):
    settings.SMS_SECRET = "inbound-secret"
    payload = {"from": "+4520123456", "text": "x"}
    assert _signed_post(client, payload, "wrong").status_code == 401
    assert _signed_post(client, payload, "inbound-secret", timestamp=int(time.time()) - 3600).status_code == 401
    bad = _signed_post(client, {"from": "not a number", "text": "x"}, "inbound-secret")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "from"]
    assert not Ticket.objects.exists()
