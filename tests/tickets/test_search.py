import random
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket
from wowdesk.tickets import search, services, views
from wowdesk.tickets.models import Ticket
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


def test_nordic_letters_and_the_beginning_of_a_word_find_the_same_tickets_on_either_database(team_dk, lead):
    make_ticket(team=team_dk, subject="Kørekort bestilt", body="Hvornår kommer mit kørekort?")
    make_ticket(team=team_dk, subject="Blåbærsyltetøj", body="Glasset var knust.", email="b@kunde.dk")
    make_ticket(team=team_dk, subject="Ærlig talt", body="Jeg åbner ikke pakken.", email="c@kunde.dk")
    assert found(lead, "køre") == {"Kørekort bestilt"}
    assert found(lead, "KØREKORT") == {"Kørekort bestilt"}, "capitals find small letters"
    assert found(lead, "blåbær") == {"Blåbærsyltetøj"}
    assert found(lead, "ærl") == {"Ærlig talt"}
    assert found(lead, "åbn") == {"Ærlig talt"}
    assert found(lead, "abner") == set(), "å is a letter of its own, not an a"


def _search(client, query, page=1):
    return client.get(reverse("search"), {"q": query, "page": page}).content.decode()


def _numbers(page):
    return [int(n) for n in re.findall(r'<tr id="t(\d+)">', page)]


@pytest.mark.parametrize(
    ("who", "up_to", "heading"), [("agent", 40, "more than 40"), ("lead", 60, "more than 60"), ("lead", 90, "90")]
)
def test_a_search_with_many_hits_says_more_than_and_pages_newest_change_first(
    client, team_dk, team_no, agent, lead, who, up_to, heading, monkeypatch
):
    """Past COUNT_UP_TO hits the count stops, and the pages walk the tickets newest change first (instead of
    sorting every hit); page by page they list exactly the visible hits, in the order of the listing."""
    monkeypatch.setattr(search, "COUNT_UP_TO", up_to)
    monkeypatch.setattr(views, "PAGE_SIZE", 20)
    rng = random.Random(4)
    for i in range(90):
        ticket = make_ticket(team=[team_dk, team_no][i % 3 == 0], subject=f"Returnering {i}", email=f"r{i}@kunde.dk")
        when = timezone.now() - timedelta(minutes=rng.randint(0, 10_000))
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=when)
    make_ticket(team=team_dk, subject="Noget andet", email="x@kunde.dk")
    user = {"agent": agent, "lead": lead}[who]
    expected = list(
        search.filter_matching(visible_tickets(user), "returnering")
        .order_by("-updated_at", "-id")
        .values_list("number", flat=True)
    )
    assert len(expected) == {"agent": 60, "lead": 90}[who]
    client.force_login(user)
    first = _search(client, "returnering")
    shown, page = [], 1
    while True:
        html = _search(client, "returnering", page)
        shown += _numbers(html)
        if f"page={page + 1}" not in html:
            break
        page += 1
    assert shown == expected
    assert f'<span class="muted small">({heading})</span>' in first
    assert "more than" not in _search(client, "noget")


@pytest.mark.parametrize("who", ["agent", "lead"])
def test_the_first_pages_of_many_hits_are_the_same_whether_the_newest_tickets_hold_them_or_not(
    client, team_dk, team_no, agent, lead, who, monkeypatch
):
    """On SQLite the first pages of a search with many hits ask the user's newest tickets one by one, with the
    whole words the index holds for each word's beginning (search._probe_walk), and fall back to the prefix
    walk when those tickets do not fill the page. Either way, page by page: exactly the visible hits, in the
    listing's order (both databases)."""
    monkeypatch.setattr(search, "COUNT_UP_TO", 10)
    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    answers = []
    probe_walk = search._probe_walk
    monkeypatch.setattr(search, "_probe_walk", lambda *a, **k: answers.append(probe_walk(*a, **k)) or answers[-1])
    rng = random.Random(7)
    now = timezone.now()
    subjects = ["Kørekortet er væk", "Nyt kørekort", "Køretøjet står", "Kørsel til lufthavnen", "Blåbær"]
    others = []
    for i in range(70):
        team = [team_dk, team_no][i % 4 == 0]  # a quarter in a team the agent is not in
        ticket = make_ticket(team=team, subject=f"{subjects[i % 5]} {i}", email=f"k{i}@kunde.dk")
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=now - timedelta(minutes=rng.randint(100, 10_000)))
        if i % 5 == 4:
            others.append(ticket.pk)
    user = {"agent": agent, "lead": lead}[who]
    client.force_login(user)

    def pages(query):
        shown, page = [], 1
        while True:
            html = _search(client, query, page)
            shown += _numbers(html)
            if f"page={page + 1}" not in html:
                return shown
            page += 1

    def expected(query):
        found = search.filter_matching(visible_tickets(user), query)
        return list(found.order_by("-updated_at", "-id").values_list("number", flat=True))

    hidden = set(Ticket.objects.exclude(pk__in=visible_tickets(user)).values_list("number", flat=True))
    for query in ("kør", "kørekort", "nyt kørekort", "KØRETØJ"):
        assert len(expected(query)) > 10 or query in ("nyt kørekort", "KØRETØJ")
        assert pages(query) == expected(query), query
        assert not set(pages(query)) & hidden
    dense = list(answers)
    if connection.vendor == "sqlite":
        # Hits sparse among the ids matching_ids read (2 in 100): not looked up one by one, however many the
        # newest tickets hold; dense (2 in 2), they are.
        assert search._probe_walk(visible_tickets(user), "kør", offset=0, limit=5, hits=[1, 100]) is None
        first = Ticket.objects.filter(number__in=expected("kør")[:5]).order_by("-updated_at", "-id")
        found = search._probe_walk(visible_tickets(user), "kør", offset=0, limit=5, hits=[1, 2])
        assert found == list(first.values_list("id", flat=True))
    # The newest tickets now hold no hit: the candidates cannot fill the page, the prefix walk does.
    for i in range(25):
        others.append(make_ticket(team=team_dk, subject=f"Blåbær {i}", email=f"b{i}@kunde.dk").pk)
    Ticket.objects.filter(pk__in=others).update(updated_at=now)
    answers.clear()
    assert pages("kør") == expected("kør")
    if connection.vendor == "sqlite":
        assert any(ids for ids in dense), "the dense pages were found ticket by ticket"
        assert answers and answers[0] is None, "with no hit among the newest tickets, the prefix walk"
