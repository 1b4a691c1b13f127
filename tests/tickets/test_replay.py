"""History written by tickets.services.replay (the demo data) follows the live rules: the same steps done
live through the services and replayed give the same ticket and the same audit trail."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import make_user
from wowdesk.customers.services import get_or_create_contact
from wowdesk.tickets import services
from wowdesk.tickets.models import Ticket

MONDAY = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))
FIELDS = [
    "status",
    "assignee_id",
    "reopen_count",
    "first_response_at",
    "first_response_s",
    "first_response_business_s",
    "response_due_at",
    "sla_remaining_s",
    "sla_breaches",
    "solved_at",
    "resolution_s",
    "resolution_business_s",
    "closed_at",
    "handling_s",
    "updated_at",
]


def at(hours: float):
    return MONDAY + timedelta(hours=hours)


def state(ticket: Ticket) -> tuple:
    ticket = Ticket.objects.get(pk=ticket.pk)
    events = [(e.kind, e.old_value, e.new_value, e.created_at) for e in ticket.events.order_by("created_at", "pk")]
    messages = list(ticket.messages.order_by("created_at").values_list("kind", "body_text", "created_at"))
    return [getattr(ticket, name) for name in FIELDS], events, messages


@pytest.mark.parametrize("ending", ["waiting", "closed"])
def test_a_replayed_conversation_is_the_same_ticket_as_one_lived_through_the_services(team_dk, ending):
    agent = make_user("mette@example.com", teams=[team_dk], name="Mette")
    live_contact, _ = get_or_create_contact("live@kunde.dk", name="Live")
    new = services.NewTicket(contact=live_contact, subject="Faktura", body="Hej", team=team_dk, language="da")

    live = services.create_ticket(new, now=at(0))
    services.update_ticket(live, agent, assignee=agent, now=at(0.1))
    services.reply(live, author=agent, body="Prøv igen", handling_s=200, now=at(5))  # late: a breach
    services.update_ticket(live, agent, status="solved", now=at(5.1))
    services.add_inbound_message(live, body="Det virker ikke", now=at(26))  # reopens
    live.refresh_from_db()  # add_inbound_message changed its own copy of the row
    services.add_note(live, author=agent, body="Ring til kunden", now=at(26.5))
    services.reply(live, author=agent, body="Nu virker det", handling_s=9000, now=at(27))
    steps = [
        services.PastStep(at=at(0.1), author=agent, assign_to=agent),
        services.PastStep(at=at(5), body="Prøv igen", author=agent, handling_s=200),
        services.PastStep(at=at(5.1), author=agent, status="solved"),
        services.PastStep(at=at(26), body="Det virker ikke"),
        services.PastStep(at=at(26.5), body="Ring til kunden", author=agent, note=True),
        services.PastStep(at=at(27), body="Nu virker det", author=agent, handling_s=9000),
    ]
    if ending == "waiting":
        services.add_inbound_message(live, body="Tak, men en ting mere", now=at(28))
        steps.append(services.PastStep(at=at(28), body="Tak, men en ting mere"))
    else:
        services.update_ticket(live, agent, status="solved", now=at(29))
        services.update_ticket(live, None, status="closed", now=at(120))
        steps += [
            services.PastStep(at=at(29), author=agent, status="solved"),
            services.PastStep(at=at(120), status="closed"),
        ]

    contact, _ = get_or_create_contact("history@kunde.dk", name="History")
    new.contact = contact
    (replayed,) = services.replay([services.PastConversation(new, at(0), steps)])

    assert state(replayed) == state(live)
    assert Ticket.objects.get(pk=replayed.pk).status == ("open" if ending == "waiting" else "closed")
    assert replayed.sla_breaches == 1 and replayed.reopen_count == 1


def test_a_closed_ticket_takes_no_more_history(team_dk):
    contact, _ = get_or_create_contact("history@kunde.dk")
    new = services.NewTicket(contact=contact, subject="Faktura", body="Hej", team=team_dk)
    steps = [services.PastStep(at=at(1), status="closed"), services.PastStep(at=at(2), body="Hallo?")]
    with pytest.raises(services.TicketError):
        services.replay([services.PastConversation(new, at(0), steps)])
    assert not Ticket.objects.exists()
