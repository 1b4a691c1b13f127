"""The coach inside the product: the card on a ticket, live hints in the composer, summaries for leads."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import User
from wowdesk.coaching.django import services
from wowdesk.coaching.django.models import TicketCoaching
from wowdesk.tickets import services as tickets


def answered(team, agent, reply, subject="Kan ikke logge ind", email="kunde@example.dk"):
    ticket = make_ticket(team=team, subject=subject, email=email)
    tickets.reply(ticket, author=agent, body=reply)
    return ticket


def test_card_shows_bala_path_strengths_first_then_at_most_two_improvements(client, agent, team_dk):
    ticket = answered(team_dk, agent, "Hej Kunde, tak for din mail. Hvad ser du, når du logger ind?")
    client.force_login(agent)
    page = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "✓ Need" in page
    assert "✗ Solution confirmed" in page
    assert page.index("What went well") < page.index("Next time")
    assert "You asked open questions to find the need." in page, "the advice in the agent's language (English)"
    card = services.coaching_card(ticket)
    assert len(card.improvements) <= 2


def test_card_before_any_reply_says_so(client, agent, ticket):
    client.force_login(agent)
    page = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "once an agent has replied" in page


def test_card_lists_promises_with_due_times(client, agent, team_dk):
    ticket = answered(team_dk, agent, "Hej. Vi ringer til dig i morgen kl. 10.")
    client.force_login(agent)
    page = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "Vi ringer til dig i morgen kl. 10." in page
    assert "10:00" in page


def test_card_and_hints_respect_ticket_visibility(client, agent_no, ticket):
    client.force_login(agent_no)
    assert client.get(reverse("coaching_card", args=[ticket.number])).status_code == 404
    assert client.post(reverse("coaching_hints", args=[ticket.number]), {"body": "Hej"}).status_code == 404


def test_live_hints_mark_weak_words_and_suggest_a_closing_question(client, agent, ticket):
    client.force_login(agent)
    response = client.post(
        reverse("coaching_hints", args=[ticket.number]),
        {"body": "Men du kan måske prøve at nulstille koden <b>nu</b>."},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark class="weak_word"' in page
    assert '<mark class="but_opener"' in page
    assert "Stronger" in page, "the advice in the agent's language (English)"
    assert "Er der andet, jeg kan hjælpe dig med?" in page, "the closing question in the ticket's language"
    assert "&lt;b&gt;nu&lt;/b&gt;" in page, "the draft is escaped"


def test_hints_for_a_clean_draft_and_an_empty_one(client, agent, ticket):
    client.force_login(agent)
    clean = client.post(
        reverse("coaching_hints", args=[ticket.number]), {"body": "Hej Kunde. Hvad ser du på skærmen?"}
    ).content.decode()
    assert "<mark" not in clean, "no word to improve"
    assert "Good open question" in clean, "the advice in the agent's language (English)"
    # The conversation is not done: the hints say what the card will say, not "nothing to add".
    assert "Nothing to add" not in clean
    assert "Conversation score with this reply" in clean
    assert client.post(reverse("coaching_hints", args=[ticket.number]), {"body": "  "}).content.strip() == b""


def test_hints_never_block_sending(client, agent, ticket):
    client.force_login(agent)
    response = client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "reply", "body": "Men jeg tror måske, det virker.", "status": "pending"},
    )
    assert response.status_code == 302
    assert ticket.messages.filter(body_text="Men jeg tror måske, det virker.").exists()


def test_summary_is_for_leads_only_and_lists_agents_by_name(client, agent, lead, team_dk):
    other = make_user("bo@example.com", teams=[team_dk], name="Bo Andersen")
    answered(team_dk, agent, "Hej. Hvad ser du? Så du kan ikke logge ind?", email="a@example.dk")
    answered(team_dk, other, "Men jeg tror måske, du skal prøve igen.", email="b@example.dk")
    client.force_login(agent)
    assert client.get(reverse("coaching_summary")).status_code == 403
    client.force_login(lead)
    page = client.get(reverse("coaching_summary")).content.decode()
    assert page.index("Bo Andersen") < page.index("Mette Agent"), "alphabetical, never a ranking"
    assert "Weak words" in page
    assert "not a ranking" in page


def test_summary_aggregates_and_refreshes_when_a_conversation_changes(agent, team_dk):
    ticket = answered(team_dk, agent, "Tryk på Gem.")
    start, end = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    [summary] = services.agent_summaries(start, end)
    assert summary.agent == agent
    assert summary.tickets == 1
    assert summary.bala_rates["solution"] == 100
    assert summary.bala_rates["solution_accept"] == 0
    first_score = TicketCoaching.objects.get(ticket=ticket).score
    tickets.add_inbound_message(ticket, body="Det virker ikke.")
    tickets.reply(ticket, author=agent, body="Virker det nu? Er der andet, jeg kan hjælpe dig med?")
    [summary] = services.agent_summaries(start, end)
    assert summary.bala_rates["solution_accept"] == 100
    assert TicketCoaching.objects.get(ticket=ticket).score > first_score
    assert services.agent_summaries(start, end, agents=User.objects.none()) == []


def test_notes_are_not_coached(agent, ticket):
    tickets.add_note(ticket, author=agent, body="Men jeg tror måske, kunden er sur.")
    assert services.analyze_ticket(ticket)["turns"][-1]["speaker"] == "customer"


def test_hints_and_card_come_from_the_same_analysis(client, agent, ticket):
    """What the composer says about a draft is what the card says once it is sent: same score, same things
    to improve, and the card lists every word it counts."""
    client.force_login(agent)
    draft = "Men prøv måske at logge ud… det tror jeg hjælper."
    page = client.post(reverse("coaching_hints", args=[ticket.number]), {"body": draft}).content.decode()
    hints = services.draft_hints(ticket, draft)
    assert "Nothing to add" not in page
    assert f"Conversation score with this reply: {hints.score}" in page
    tickets.reply(ticket, author=agent, body=draft)
    card = services.coaching_card(ticket)
    assert card.score == hints.score
    assert card.improvements == hints.improvements
    weak = [f["text"] for f in card.findings if f["code"] == "weak_word"]
    assert weak == ["måske", "tror"], "the imperative 'prøv' is the customer's action, not a hedge"
    assert not any("stærke ord" in s for s in card.strengths), "no praise for strong words next to weak ones"
    card_page = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "“måske”" in card_page
    assert "“tror”" in card_page


def test_an_email_ticket_gets_the_email_structure_check(client, agent, team_dk):
    ticket = answered(
        team_dk,
        agent,
        "Hej Kunde\n\nTak for din mail. Jeg har nulstillet din adgangskode, og du får en sms med en ny kode "
        "inden for en time. Skriv endelig, hvis den ikke kommer.\n\nHav en god dag.\n\nVenlig hilsen\nMette",
    )
    assert ticket.channel in ("email", "web"), "web forms are answered by e-mail"
    result = services.analyze_ticket(ticket)
    assert result["mail"] == {
        "greeting_name": True,
        "acknowledges": True,
        "answer_or_next_step": True,
        "invites_reply": True,
        "closing": True,
    }
    client.force_login(agent)
    page = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "✓ Greets the customer by name" in page


def test_a_norwegian_agent_gets_the_advice_in_norwegian_with_the_examples_as_written(client, team_dk):
    ola = make_user("ola@example.com", teams=[team_dk], name="Ola Nordmann", language="nb")
    ticket = answered(team_dk, ola, "Hej Kunde, tak for din mail. Hvad ser du, når du logger ind?")
    client.force_login(ola)
    card = client.get(reverse("coaching_card", args=[ticket.number])).content.decode()
    assert "Du stilte åpne spørsmål for å finne behovet." in card
    assert "Du stillede" not in card, "no Danish advice for a Norwegian-speaking agent"
    fresh = make_ticket(team=team_dk, email="ny@example.dk")
    hints = client.post(
        reverse("coaching_hints", args=[fresh.number]), {"body": "Du kan måske prøve at nulstille koden nu."}
    ).content.decode()
    assert "Svakt ord: &#x27;måske&#x27; får deg til å høres usikker ut." in hints, "Norwegian advice, Danish word"
    assert "Er der andet, jeg kan hjælpe dig med?" in hints, "the sentence for the customer stays Danish"
