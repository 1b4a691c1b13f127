from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.tickets import search, services
from wowdesk.tickets.services import visible_tickets


def found(user, query):
    return set(search.filter_matching(visible_tickets(user), query).values_list("subject", flat=True))


def test_search_finds_words_in_subjects_and_messages_with_prefixes_and_nordic_letters(team_dk, lead):
    make_ticket(team=team_dk, subject="Dobbelt opkrævning", body="Vi er trukket to gange i oktober.")
    make_ticket(team=team_dk, subject="Appen lukker ned", body="Den lukker når jeg åbner kvitteringer.")
    make_ticket(team=team_dk, subject="Får ikke logget inn", body="Kontoen er sperret.", language="nb")
    assert found(lead, "opkrævning") == {"Dobbelt opkrævning"}
    assert found(lead, "kvittering") == {"Appen lukker ned"}, "a word's beginning finds it"
    assert found(lead, "oktober trukket") == {"Dobbelt opkrævning"}, "every word must match"
    assert found(lead, "sperret") == {"Får ikke logget inn"}
    assert found(lead, "oktober sperret") == set()
    assert found(lead, '"); DROP TABLE x; --') == set(), "query syntax is never passed through raw"
    assert found(lead, "   ") == set()


def test_search_sees_new_messages_and_notes(ticket, agent, lead):
    assert found(lead, "faktura") == set()
    services.add_inbound_message(ticket, body="Jeg mangler også en faktura.")
    assert found(lead, "faktura") == {ticket.subject}
    services.add_note(ticket, author=agent, body="Ring til kunden om momsen")
    assert found(lead, "momsen") == {ticket.subject}


def test_search_never_shows_other_teams_tickets(team_dk, team_no, agent):
    make_ticket(team=team_no, subject="Hemmelig sag", body="Fortroligt", language="nb")
    assert found(agent, "hemmelig") == set()


def test_search_page_lists_hits_and_a_number_opens_the_ticket(client, agent, ticket):
    client.force_login(agent)
    response = client.get(reverse("search"), {"q": "logge"})
    assert response.status_code == 200
    assert ticket.subject in response.content.decode()
    response = client.get(reverse("search"), {"q": f"#{ticket.number}"})
    assert response.status_code == 302 and response["Location"] == reverse("ticket", args=[ticket.number])


def test_reindexing_tickets_that_are_gone_does_nothing(team_dk, lead):
    ticket = make_ticket(team=team_dk, subject="Dobbelt opkrævning")
    gone = make_ticket(team=team_dk, subject="Slettet sag")
    gone_id = gone.pk
    gone.delete()
    search.index_tickets([gone_id])  # e.g. a reindex racing a deletion
    search.index_tickets([ticket.pk, gone_id])
    assert found(lead, "opkrævning") == {"Dobbelt opkrævning"}


def test_every_form_of_a_word_finds_it_in_danish_norwegian_and_english(team_dk, lead):
    make_ticket(team=team_dk, subject="Pakke ikke modtaget", body="Min pakke er væk.")
    make_ticket(team=team_dk, subject="Pakken er skadet", body="Kassen var knust.", language="nb", email="n@kunde.no")
    make_ticket(
        team=team_dk, subject="Refund", body="I returned the packages last week.", language="en", email="e@x.com"
    )
    assert found(lead, "pakker") == {"Pakke ikke modtaget", "Pakken er skadet"}, "plural finds singular and definite"
    assert found(lead, "package") == {"Refund"}, "singular finds plural"
    assert found(lead, "returning") == {"Refund"}
    assert found(lead, "knuste kasser") == {"Pakken er skadet"}


def test_a_customers_address_name_or_organisation_finds_their_tickets(team_dk, lead):
    from wowdesk.customers.models import Organization

    acme = Organization.objects.create(name="Acme Byg ApS")
    first = make_ticket(team=team_dk, subject="Faktura", email="ole@acmebyg.dk")
    first.contact.organization = acme
    first.contact.save()
    make_ticket(team=team_dk, subject="Levering", email="ole@acmebyg.dk")
    make_ticket(team=team_dk, subject="Andet", email="anne@andet.dk")
    assert found(lead, "ole@acmebyg.dk") == {"Faktura", "Levering"}
    assert found(lead, "OLE@ACMEBYG.DK") == {"Faktura", "Levering"}
    assert found(lead, "acme byg") == {"Faktura", "Levering"}, "the organisation's name"
    assert found(lead, "Kunde Kundesen") == {"Faktura", "Levering", "Andet"}, "the customer's name"
    assert found(lead, "faktura") == {"Faktura"}, "words still search the text"


def test_search_results_are_paged_with_the_true_count(client, team_dk, lead):
    for i in range(55):
        make_ticket(team=team_dk, subject=f"Returnering {i}", email=f"r{i}@kunde.dk")
    client.force_login(lead)
    page = client.get(reverse("search"), {"q": "returnering"}).content.decode()
    assert '<span class="muted small">(55)</span>' in page
    assert page.count('class="subject"') == 50
    assert "?q=returnering&amp;page=2" in page
    second = client.get(reverse("search"), {"q": "returnering", "page": 2}).content.decode()
    assert second.count('class="subject"') == 5
    assert '<span class="muted small">(55)</span>' in second
