"""The ticket rules a user notices: numbers, statuses, reopen and follow-up, audit trail, content safety."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import announce_new_tickets, make_ticket, make_user
from wowdesk.tickets import services
from wowdesk.tickets.models import NUMBER_OFFSET, Message, Ticket, TicketEvent

Status = Ticket.Status


def test_new_ticket_has_a_human_number_the_first_message_and_an_audit_entry(ticket, team_dk):
    assert ticket.number == ticket.pk + NUMBER_OFFSET
    assert ticket.status == Status.NEW
    assert ticket.team == team_dk
    message = ticket.messages.get()
    assert message.kind == Message.Kind.INBOUND
    assert message.contact == ticket.contact
    assert list(ticket.events.values_list("kind", flat=True)) == [TicketEvent.Kind.CREATED]


def test_the_work_after_a_new_ticket_runs_once_it_is_committed_and_never_twice(team_dk, settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from wowdesk.mail.models import OutboundMail

    settings.SMTP_URL = ""  # the auto-reply waits in the outbox

    def fail_after_creating():
        with transaction.atomic():
            make_ticket(team=team_dk, email="rolled.back@kunde.dk")
            raise RuntimeError("the request failed after the ticket was written")

    with pytest.raises(RuntimeError):
        fail_after_creating()
    assert not DBTaskResult.objects.exists(), "a rolled-back ticket leaves no work behind"

    ticket = make_ticket(team=team_dk)
    assert ticket.number == Ticket.objects.get().number  # the database's number is on the object at once
    assert not OutboundMail.objects.exists()  # nothing sent from inside the creating transaction
    assert announce_new_tickets() == 1
    auto_reply = OutboundMail.objects.get()
    assert (auto_reply.ticket, auto_reply.kind, auto_reply.status) == (ticket, "auto_reply", "outbox")
    assert ticket.events.filter(kind=TicketEvent.Kind.AUTO_REPLY, new_value="outbox").exists()
    assert announce_new_tickets() == 0


def test_ticket_without_team_goes_to_the_team_speaking_its_language(team_dk, team_no):
    ticket = make_ticket(team=None, language="nb", subject="Får ikke logget inn")
    assert ticket.team == team_no


def test_reply_sets_first_response_assigns_the_author_and_waits_on_the_customer(ticket, agent):
    services.reply(ticket, author=agent, body="Hvad ser du på skærmen?")
    ticket.refresh_from_db()
    assert ticket.status == Status.PENDING
    assert ticket.first_response_at is not None
    assert ticket.assignee == agent
    first = ticket.first_response_at
    services.reply(ticket, author=agent, body="Virker det nu?", status=Status.OPEN)
    ticket.refresh_from_db()
    assert ticket.first_response_at == first, "first response time is kept after later replies"
    assert ticket.status == Status.OPEN


def test_customer_answer_on_pending_ticket_makes_it_open_again(ticket, agent):
    services.reply(ticket, author=agent, body="Hvad sker der?")
    services.add_inbound_message(ticket, body="Der står fejl 42.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.reopen_count == 0


def test_inbound_on_solved_ticket_reopens_it_and_counts_the_reopen(ticket, agent):
    services.update_ticket(ticket, agent, status=Status.SOLVED)
    ticket.refresh_from_db()
    assert ticket.solved_at is not None
    services.add_inbound_message(ticket, body="Det virker desværre stadig ikke.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.reopen_count == 1
    assert ticket.solved_at is None
    assert ticket.events.filter(kind=TicketEvent.Kind.REOPENED).count() == 1


def test_closed_ticket_is_final_and_new_inbound_creates_a_linked_follow_up(ticket, agent):
    services.update_ticket(ticket, agent, status=Status.CLOSED)
    message = services.add_inbound_message(ticket, body="Jeg har et nyt spørgsmål.")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert ticket.messages.count() == 1
    follow_up = message.ticket
    assert follow_up.pk != ticket.pk
    assert follow_up.follow_up_of == ticket
    assert follow_up.status == Status.NEW
    assert follow_up.contact == ticket.contact
    with pytest.raises(ValidationError):
        services.update_ticket(ticket, agent, status=Status.OPEN)
    with pytest.raises(ValidationError):
        services.reply(ticket, author=agent, body="Hej")


def test_status_cannot_go_back_to_new(ticket, agent):
    services.update_ticket(ticket, agent, status=Status.OPEN)
    with pytest.raises(ValidationError):
        services.update_ticket(ticket, agent, status=Status.NEW)


def test_every_change_is_in_the_audit_trail_with_actor_old_and_new(ticket, agent, team_dk):
    from wowdesk.tickets.models import Category

    billing = Category.objects.create(name="Billing")
    services.update_ticket(
        ticket, agent, assignee=agent, category=billing, priority="high", tags=["VIP", "refund", " "]
    )
    events = {e.kind: e for e in ticket.events.exclude(kind=TicketEvent.Kind.CREATED)}
    assert set(events) == {"assignee", "category", "priority", "tags", "status"}
    assert events["assignee"].actor == agent and events["assignee"].new_value == str(agent)
    assert events["priority"].old_value == "normal" and events["priority"].new_value == "high"
    assert events["tags"].new_value == "refund, vip"
    assert events["status"].new_value == Status.OPEN, "assigning a new ticket opens it"
    ticket.refresh_from_db()
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["refund", "vip"]
    before = ticket.events.count()
    services.update_ticket(ticket, agent, assignee=agent, category=billing, priority="high", tags=["vip", "refund"])
    assert ticket.events.count() == before, "an unchanged field makes no event"


def test_reviewer_and_other_teams_agent_cannot_change_a_ticket(ticket, reviewer, agent_no):
    for user in (reviewer, agent_no):
        with pytest.raises(PermissionDenied):
            services.reply(ticket, author=user, body="Hej")
        with pytest.raises(PermissionDenied):
            services.update_ticket(ticket, user, status=Status.SOLVED)


def test_reviewer_cannot_be_assigned(ticket, agent, reviewer):
    with pytest.raises(ValidationError):
        services.update_ticket(ticket, agent, assignee=reviewer)


def test_html_from_outside_is_sanitised(team_dk):
    ticket = make_ticket(team=team_dk, html='<p onclick="x()">Hej <script>alert(1)</script><b>der</b></p>')
    html = ticket.messages.get().body_html
    assert "<script" not in html and "onclick" not in html
    assert "<b>der</b>" in html


def test_unicode_and_a_five_megabyte_body_round_trip(team_dk):
    body = ("Blåbærgrød med æøå ÆØÅ 🎉 " * 200_000)[: 5 * 1024 * 1024]
    ticket = make_ticket(team=team_dk, subject="Rødgrød med fløde 🍓", body=body)
    ticket.refresh_from_db()
    assert ticket.subject == "Rødgrød med fløde 🍓"
    assert ticket.messages.get().body_text == body


def test_attachment_is_stored_and_an_oversize_one_is_refused(ticket, agent, settings):
    settings.MAX_ATTACHMENT_BYTES = 1024
    ok = SimpleUploadedFile("skærmbillede.png", b"x" * 100, content_type="image/png")
    message = services.add_note(ticket, author=agent, body="Se vedhæftet", attachments=[ok])
    attachment = message.attachments.get()
    assert attachment.filename == "skærmbillede.png" and attachment.size == 100
    assert attachment.file.read() == b"x" * 100
    too_big = SimpleUploadedFile("big.pdf", b"x" * 2048)
    with pytest.raises(ValidationError, match="at most"):
        services.reply(ticket, author=agent, body="Hej", attachments=[too_big])
    assert ticket.messages.count() == 2, "nothing is saved when an attachment is refused"


def test_note_does_not_change_status_or_first_response(ticket, agent):
    services.add_note(ticket, author=agent, body="Kunden er VIP")
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW and ticket.first_response_at is None


def test_agents_see_their_teams_the_shared_queue_and_their_own_tickets(team_dk, team_no, agent, agent_no, lead):
    dk = make_ticket(team=team_dk)
    no = make_ticket(team=team_no, language="nb")
    Ticket.objects.filter(pk=no.pk).update(team=None)
    shared = Ticket.objects.get(pk=no.pk)
    other = make_ticket(team=team_no, language="nb")
    assigned_elsewhere = make_ticket(team=team_no, language="nb")
    services.update_ticket(assigned_elsewhere, lead, assignee=agent)
    visible = set(services.visible_tickets(agent))
    assert visible == {dk, shared, assigned_elsewhere}
    assert other not in visible
    assert set(services.visible_tickets(lead)) == {dk, shared, other, assigned_elsewhere}
    inactive = make_user("gone@example.com", teams=[team_dk])
    inactive.is_active = False
    assert not services.visible_tickets(inactive).exists()


def test_only_active_agents_and_leads_are_assigned_tickets(ticket, team_dk):
    from wowdesk.accounts.models import User

    reviewer = make_user("reviewer@example.com", role=User.Role.REVIEWER, teams=[team_dk])
    gone = make_user("gone@example.com", teams=[team_dk])
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    for user in (reviewer, gone):
        with pytest.raises(services.TicketError):
            services.update_ticket(ticket, None, assignee=user)
    lead = make_user("lead@example.com", role=User.Role.LEAD, teams=[team_dk])
    services.update_ticket(ticket, None, assignee=lead)
    ticket.refresh_from_db()
    assert ticket.assignee == lead
