"""Web inputs that once answered 500 (issue 13): each answers a page, a 4xx with a message, or succeeds."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.tickets.models import Ticket

HUGE = "9" * 20


def test_a_page_number_past_the_end_shows_the_last_page(client, agent, ticket):
    client.force_login(agent)
    response = client.get(reverse("inbox"), {"page": "99999999999999999999"})
    assert response.status_code == 200
    assert ticket.subject in response.content.decode()


def test_a_huge_value_in_a_report_drilldown_finds_no_tickets(client, lead, ticket):
    client.force_login(lead)
    for by in ("agent", "team", "category"):
        response = client.get(reverse("report_tickets"), {"by": by, "value": HUGE})
        assert response.status_code == 200, by
        assert ticket.subject not in response.content.decode()


def test_the_last_day_of_the_calendar_in_the_coaching_summary_is_answered(client, lead):
    client.force_login(lead)
    for params in ({"to": "9999-12-31"}, {"from": "0001-01-01"}, {"team": HUGE}):
        assert client.get(reverse("coaching_summary"), params).status_code == 200, params


def _note(client, ticket, *files):
    return client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "note", "body": "Se vedhæftet", "status": "pending", "attachments": list(files)},
    )


def test_an_upload_with_a_file_name_over_255_bytes_is_stored_under_its_name(client, agent, ticket):
    client.force_login(agent)
    name = "æ" * 130 + ".txt"  # 264 bytes in UTF-8: longer than a file system allows for one name
    response = _note(client, ticket, SimpleUploadedFile(name, b"indhold"))
    assert response.status_code == 302
    attachment = ticket.messages.get(kind="note").attachments.get()
    assert attachment.filename == name[:255] or attachment.filename.endswith(".txt")
    assert attachment.file.read() == b"indhold"


def test_two_uploads_with_the_same_long_name_are_both_kept(client, agent, ticket):
    client.force_login(agent)
    name = "a" * 250 + ".txt"  # 254 characters
    response = _note(client, ticket, SimpleUploadedFile(name, b"one"), SimpleUploadedFile(name, b"two"))
    assert response.status_code == 302
    stored = ticket.messages.get(kind="note").attachments.order_by("pk")
    assert [a.filename for a in stored] == [name, name]
    assert [a.file.read() for a in stored] == [b"one", b"two"]


def test_assigning_your_ticket_to_a_colleague_saves_and_says_so(client, agent, lead, team_no):
    ticket = make_ticket(team=team_no)  # another team's: the agent sees it only while it is theirs
    ticket.assignee = agent
    ticket.save(update_fields=["assignee"])
    client.force_login(agent)
    form = {"status": "open", "assignee": lead.pk, "category": "", "priority": "normal", "tags": ""}
    url = reverse("ticket_properties", args=[ticket.number])
    response = client.post(url, form, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("inbox")
    ticket.refresh_from_db()
    assert ticket.assignee == lead
    ticket.assignee = agent
    ticket.save(update_fields=["assignee"])
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("inbox")
    assert Ticket.objects.get(pk=ticket.pk).assignee == lead
