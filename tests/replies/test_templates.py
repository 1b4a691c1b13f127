import pytest
from django.urls import reverse

from tests.conftest import make_ticket, make_user
from wowdesk.replies import services
from wowdesk.replies.models import ReplyTemplate
from wowdesk.tickets.models import Category

KINDS = 5


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_default_templates_render_in_each_language_with_every_variable(team_dk, agent, language):
    templates = ReplyTemplate.objects.filter(language=language)
    assert templates.count() == KINDS
    ticket = make_ticket(team=team_dk, language=language)
    for template in templates:
        text = services.render_template(template, ticket, agent)
        assert "{" not in text, (template.name, text)
        assert "Kunde" in text, "the customer's first name"
        assert agent.name in text
    everything = ReplyTemplate(
        name="all", language=language, body="{first_name} {ticket_number} {agent_name} {response_time} {opening_hours}"
    )
    text = services.render_template(everything, ticket, agent)
    assert str(ticket.number) in text
    assert "{" not in text
    assert ("08:00" in text) or ("00:00" in text) or ("lukket" in text) or ("closed" in text)


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("Jørgen Hansen", "Hej Jørgen,"),
        ("Hansen, Jørgen", "Hej Jørgen,"),
        ("Hansen,", "Hej Hansen,"),
    ],
)
def test_the_greeting_uses_the_first_name_also_when_the_mail_program_puts_the_last_name_first(
    team_dk, agent, name, greeting
):
    ticket = make_ticket(team=team_dk, email="kunde@example.dk")
    ticket.contact.name = name
    ticket.contact.save()
    template = ReplyTemplate(name="hilsen", language="da", body="Hej {first_name},")
    assert services.render_template(template, ticket, agent) == greeting


def test_search_puts_the_tickets_language_first(team_dk):
    ticket = make_ticket(team=team_dk, language="nb")
    found = services.find_templates(ticket, "")
    assert found[0].language == "nb"
    assert [t.name for t in services.find_templates(ticket, "leverandør")][:2] == [
        "Status: vi venter på leverandøren",
        "Status: vi venter på leverandøren",
    ]


def test_applying_a_template_sets_category_and_tags_and_returns_the_text(client, agent, team_dk):
    billing = Category.objects.create(name="Billing")
    template = ReplyTemplate.objects.create(
        name="Refusion",
        language="da",
        body="Hej {first_name}, pengene er på vej.",
        set_status="solved",
        set_category=billing,
        add_tags="refund",
    )
    ticket = make_ticket(team=team_dk)
    client.force_login(agent)
    listing = client.get(reverse("template_search", args=[ticket.number]), {"q": "refusion"}).content.decode()
    assert "Refusion" in listing
    response = client.post(reverse("template_apply", args=[ticket.number, template.pk]), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert 'data-status="solved"' in page
    assert "Hej Kunde, pengene er på vej." in page
    assert 'hx-swap-oob="outerHTML:#properties"' in page
    ticket.refresh_from_db()
    assert ticket.category == billing
    assert list(ticket.tags.values_list("name", flat=True)) == ["refund"]


def test_templates_respect_ticket_visibility(client, agent_no, team_dk, reviewer):
    ticket = make_ticket(team=team_dk)
    template = ReplyTemplate.objects.first()
    client.force_login(agent_no)
    assert client.get(reverse("template_search", args=[ticket.number])).status_code == 404
    client.force_login(reviewer)
    assert client.post(reverse("template_apply", args=[ticket.number, template.pk])).status_code == 403
    assert make_user  # shared helper
