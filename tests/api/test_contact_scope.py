"""Customers are scoped like their tickets (issue 13, item 5): an agent of one team does not read another
team's contacts or organisations through any door of the API."""

import pytest
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.customers.models import Contact, Organization


@pytest.fixture
def norwegian_customer(team_no):
    organization = Organization.objects.create(name="Fjord AS", domain="fjord.no")
    ticket = make_ticket(team=team_no, email="kari@fjord.no", subject="Faktura")
    contact = ticket.contact
    contact.phones = ["+47 900 00 000"]
    contact.organization = organization
    contact.save()
    return contact


def test_another_teams_contact_is_404_and_never_listed(token_for, agent, agent_no, norwegian_customer):
    danish = token_for(agent)
    contact = norwegian_customer
    assert danish.get(f"/api/v1/contacts/{contact.pk}").status_code == 404
    assert danish.get("/api/v1/contacts", {"email": contact.email}).json()["items"] == []
    assert contact.pk not in [c["id"] for c in danish.get("/api/v1/contacts", {"limit": 100}).json()["items"]]
    assert danish.get("/api/v1/contacts", {"organization": contact.organization_id}).json()["items"] == []
    assert danish.get(f"/api/v1/organizations/{contact.organization_id}").status_code == 404
    assert contact.organization_id not in [o["id"] for o in danish.get("/api/v1/organizations").json()["items"]]
    # Their own team sees them.
    norwegian = token_for(agent_no)
    assert norwegian.get(f"/api/v1/contacts/{contact.pk}").json()["phones"] == ["+47 900 00 000"]
    assert norwegian.get("/api/v1/contacts", {"email": contact.email}).json()["items"][0]["id"] == contact.pk
    assert norwegian.get(f"/api/v1/organizations/{contact.organization_id}").status_code == 200


def test_creating_a_contact_that_exists_in_another_team_does_not_echo_it(token_for, agent, norwegian_customer):
    response = token_for(agent).post("/api/v1/contacts", {"email": norwegian_customer.email, "name": "Gæt"})
    assert response.status_code == 409
    assert norwegian_customer.email not in response.content.decode()
    assert "900" not in response.content.decode() and "Kunde" not in response.content.decode()
    assert Contact.objects.get(pk=norwegian_customer.pk).name == "Kunde Kundesen"


def test_a_contact_without_tickets_is_everyones_and_leads_see_all(token_for, agent, lead, norwegian_customer):
    danish = token_for(agent)
    created = danish.post("/api/v1/contacts", {"email": "ny@example.dk", "name": "Ny Kunde"})
    assert created.status_code == 201
    again = danish.post("/api/v1/contacts", {"email": "ny@example.dk"})
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    assert danish.get(f"/api/v1/contacts/{created.json()['id']}").status_code == 200
    assert token_for(lead).get(f"/api/v1/contacts/{norwegian_customer.pk}").status_code == 200


def test_a_contact_is_visible_through_a_ticket_assigned_to_you(token_for, agent, norwegian_customer):
    ticket = norwegian_customer.tickets.get()
    ticket.assignee = agent
    ticket.save(update_fields=["assignee"])
    assert token_for(agent).get(f"/api/v1/contacts/{norwegian_customer.pk}").status_code == 200


def test_the_web_search_does_not_find_another_teams_customer(client, agent, agent_no, norwegian_customer):
    # The web UI shows customers only beside their tickets; its search finds customers by address, name and
    # organisation, and shows only tickets the user may see (tickets.services.visible_tickets).
    for query in ("kari@fjord.no", "Fjord AS", "Kunde Kundesen"):
        client.force_login(agent)
        page = client.get(reverse("search"), {"q": query}).content.decode()
        assert "Faktura" not in page and "900 00 000" not in page, query  # (the query itself is in the search box)
        client.force_login(agent_no)
        assert "Faktura" in client.get(reverse("search"), {"q": query}).content.decode(), query
