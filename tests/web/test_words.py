"""The words a Danish or Norwegian team sees: units, written-out terms, language and category names."""

from django.urls import reverse

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import User
from wowdesk.tickets.models import Category, Ticket


def test_planning_writes_hours_as_the_rest_of_the_danish_interface_does(client, team_dk):
    client.force_login(make_user("lene@example.com", role=User.Role.LEAD, teams=[team_dk], language="da"))
    page = client.get(reverse("report_planning")).content.decode()
    assert " t</strong>" in page and " h</strong>" not in page


def test_first_contact_resolution_is_written_out_with_its_definition_on_hover(client, team_dk):
    client.force_login(make_user("lene@example.com", role=User.Role.LEAD, teams=[team_dk], language="da"))
    page = client.get(reverse("reports")).content.decode()
    assert "FGH" not in page
    assert "Løst ved første henvendelse (observeret)" in page
    assert "Løst ved første henvendelse (kundens svar)" in page
    assert 'title="Løste sager, der ikke blev genåbnet, og hvor kunden ikke skrev igen om samme kategori' in page


def test_languages_are_named_each_in_its_own_name_capitalised(client, team_dk):
    client.force_login(make_user("mette@example.com", teams=[team_dk], language="da"))
    header = client.get(reverse("inbox")).content.decode().split("</header>")[0]
    assert ">English</option>" in header and ">Dansk</option>" in header and ">Norsk bokmål</option>" in header
    assert "engelsk" not in header.lower().replace("english", "")
    form = client.get(reverse("portal_contact")).content.decode()
    assert ">English</button>" in form and "engelsk" not in form


def test_categories_have_names_per_language_and_fall_back_to_the_common_name(client, team_dk, team_no):
    billing = Category.objects.create(name="Billing", name_da="Fakturering", name_en="Billing")
    ticket = make_ticket(team=team_dk, category=billing)
    client.force_login(make_user("mette@example.com", teams=[team_dk, team_no], language="da"))
    inbox = client.get(reverse("inbox")).content.decode()
    assert "Fakturering" in inbox and "Billing" not in inbox
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert f'<option value="{billing.pk}" selected>Fakturering</option>' in page
    client.force_login(make_user("ola@example.com", teams=[team_dk], language="nb"))
    assert "Billing" in client.get(reverse("inbox")).content.decode(), "no Norwegian name: the common one"


def test_a_closed_ticket_does_not_promise_a_survey(client, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    client.force_login(agent)
    open_panel = client.get(reverse("survey_panel", args=[ticket.number])).content.decode()
    assert "A survey is sent when the ticket is solved." in open_panel
    Ticket.objects.filter(pk=ticket.pk).update(status=Ticket.Status.CLOSED)
    closed_panel = client.get(reverse("survey_panel", args=[ticket.number])).content.decode()
    assert "A survey is sent" not in closed_panel
    assert "No survey was sent for this ticket." in closed_panel
