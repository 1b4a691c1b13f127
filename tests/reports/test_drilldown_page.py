"""The list behind a figure says what it lists and has column headers."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import User
from wowdesk.tickets.models import Ticket


def test_the_sla_list_says_these_are_breaches_and_has_column_headers(client, team_dk):
    late = make_ticket(team=team_dk, subject="Ingen har svaret")
    Ticket.objects.filter(pk=late.pk).update(response_due_at=timezone.now() - timedelta(hours=2))
    client.force_login(make_user("lene@example.com", role=User.Role.LEAD, teams=[team_dk], language="da"))
    page = client.get(reverse("report_tickets"), {"metric": "sla"}).content.decode()
    assert "<h1>SLA-brud" in page
    assert "er et brud på målet for første svar" in page
    head = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    for column in ("Sag", "Emne", "Kunde", "Status", "Ansvarlig", "Oprettet", "Svarfrist", "Første svar"):
        assert f"<th>{column}</th>" in head, column
    assert "Ingen har svaret" in page
    created = client.get(reverse("report_tickets")).content.decode()
    assert "<h1>Oprettede sager" in created and "<th>Svarfrist</th>" not in created
