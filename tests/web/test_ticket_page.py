from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.tickets import services
from wowdesk.tickets.models import Category, Message, Ticket


def test_pages_need_a_login(client, ticket):
    for url in (reverse("inbox"), reverse("ticket", args=[ticket.number]), reverse("search")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_ticket_page_shows_conversation_customer_panel_and_other_tickets(client, agent, ticket, team_dk):
    older = make_ticket(team=team_dk, subject="Faktura mangler")
    client.force_login(agent)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "Hej, jeg kan ikke logge ind." in page
    assert "kunde@example.dk" in page
    assert f"#{older.number} Faktura mangler" in page, "the customer's other tickets are on the page"


def test_other_team_ticket_is_404_for_an_agent(client, agent_no, ticket):
    client.force_login(agent_no)
    assert client.get(reverse("ticket", args=[ticket.number])).status_code == 404
    assert client.post(reverse("ticket_solve", args=[ticket.number])).status_code == 404
    assert (
        client.post(
            reverse("ticket_message", args=[ticket.number]), {"kind": "reply", "body": "x", "status": "pending"}
        ).status_code
        == 404
    )


def test_reply_from_the_composer_moves_ticket_to_pending(client, agent, ticket):
    client.force_login(agent)
    response = client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "reply", "body": "Hvad ser du på skærmen? 🙂", "status": "pending"},
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.PENDING
    assert ticket.messages.filter(kind=Message.Kind.OUTBOUND, body_text="Hvad ser du på skærmen? 🙂").exists()


def test_note_with_attachment_and_download_permission(client, agent, agent_no, ticket):
    client.force_login(agent)
    upload = SimpleUploadedFile("log.txt", "fejl i linje 3 æøå".encode())
    client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "note", "body": "Se loggen", "status": "pending", "attachments": [upload]},
    )
    note = ticket.messages.get(kind=Message.Kind.NOTE)
    attachment = note.attachments.get()
    response = client.get(reverse("attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"], "downloads are never rendered inline"
    assert b"".join(response.streaming_content) == "fejl i linje 3 æøå".encode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.NEW
    client.force_login(agent_no)
    assert client.get(reverse("attachment", args=[attachment.pk])).status_code == 404


def test_empty_reply_is_refused_with_a_message_and_oversize_attachment_keeps_the_text(client, agent, ticket, settings):
    client.force_login(agent)
    response = client.post(
        reverse("ticket_message", args=[ticket.number]), {"kind": "reply", "body": "   ", "status": "pending"}
    )
    assert response.status_code == 400
    assert "Write a message first." in response.content.decode()
    settings.MAX_ATTACHMENT_BYTES = 10
    response = client.post(
        reverse("ticket_message", args=[ticket.number]),
        {
            "kind": "reply",
            "body": "Mit lange svar",
            "status": "pending",
            "attachments": [SimpleUploadedFile("big.bin", b"x" * 100)],
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "at most" in page and "Mit lange svar" in page
    assert ticket.messages.count() == 1


def test_inline_property_change_over_htmx_returns_the_panel(client, agent, ticket):
    billing = Category.objects.create(name="Billing")
    client.force_login(agent)
    response = client.post(
        reverse("ticket_properties", args=[ticket.number]),
        {"status": "open", "assignee": agent.pk, "category": billing.pk, "priority": "high", "tags": "vip, refund"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="properties"' in response.content.decode() and "<html" not in response.content.decode()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assignee, ticket.category, ticket.priority) == ("open", agent, billing, "high")
    response = client.post(
        reverse("ticket_properties", args=[ticket.number]),
        {"status": "bogus", "assignee": "999999", "category": "", "priority": "high", "tags": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode(), "the offending field says what is wrong"


def test_assign_to_me_and_solve_buttons(client, agent, ticket):
    client.force_login(agent)
    client.post(reverse("ticket_assign_to_me", args=[ticket.number]))
    ticket.refresh_from_db()
    assert ticket.assignee == agent and ticket.status == Ticket.Status.OPEN
    client.post(reverse("ticket_solve", args=[ticket.number]))
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.SOLVED


def test_reviewer_reads_but_cannot_change(client, reviewer, ticket):
    client.force_login(reviewer)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert 'id="composer"' not in page
    response = client.post(reverse("ticket_solve", args=[ticket.number]))
    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.NEW


def test_closed_ticket_has_no_composer(client, agent, ticket):
    services.update_ticket(ticket, agent, status=Ticket.Status.CLOSED)
    client.force_login(agent)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert 'id="composer"' not in page and "follow-up" in page


def test_absurd_numbers_are_404_not_500(client, agent):
    client.force_login(agent)
    for url in (
        "/tickets/99999999999999999999/",
        "/attachments/99999999999999999999/",
        "/inbox/category/99999999999999999999/",
        "/tickets/99999999999999999999/coaching/",
    ):
        assert client.get(url).status_code == 404


def test_history_shows_status_in_the_readers_language(client, agent, ticket):
    services.update_ticket(ticket, agent, status=Ticket.Status.PENDING)
    agent.language = "da"
    agent.save()
    client.force_login(agent)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "Ny → Afventer" in page
