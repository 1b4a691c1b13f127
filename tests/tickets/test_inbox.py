"""Inbox views: the right tickets and counts, in a constant number of queries whatever the page size."""

import re
import zoneinfo
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.tickets import services, views
from wowdesk.tickets.models import Category, Ticket
from wowdesk.web.templatetags.wowdesk import ticket_rows


@pytest.fixture
def inbox_data(team_dk, team_no, agent, agent_no):
    billing = Category.objects.create(name="Billing")
    mine = make_ticket(team=team_dk, subject="Min sag", category=billing)
    services.update_ticket(mine, agent, assignee=agent)
    unassigned = make_ticket(team=team_dk, subject="Ingen ejer")
    solved = make_ticket(team=team_dk, subject="Løst sag")
    services.update_ticket(solved, agent, status=Ticket.Status.SOLVED)
    make_ticket(team=team_no, subject="Norsk sak", language="nb", category=billing)
    return {"mine": mine, "unassigned": unassigned, "solved": solved, "billing": billing}


def test_counts_and_views_for_an_agent(client, agent, inbox_data):
    counts = services.inbox_counts(agent)
    assert counts["mine"] == 1
    assert counts["unassigned"] == 1
    assert counts["open"] == 2
    assert counts["all"] == 3, "the Norwegian team's ticket is not counted for a Danish agent"
    assert counts["by_status"]["solved"] == 1
    assert counts["by_category"] == {inbox_data["billing"].pk: 1}
    client.force_login(agent)
    page = client.get(reverse("inbox_view", args=["unassigned"])).content.decode()
    assert "Ingen ejer" in page and "Min sag" not in page
    page = client.get(reverse("inbox_view", args=["mine"])).content.decode()
    assert "Min sag" in page and "Ingen ejer" not in page
    page = client.get(reverse("inbox_status", args=["solved"])).content.decode()
    assert "Løst sag" in page and "Min sag" not in page
    page = client.get(reverse("inbox_category", args=[inbox_data["billing"].pk])).content.decode()
    assert "Min sag" in page and "Norsk sak" not in page


def test_unknown_views_are_404_not_500(client, agent):
    client.force_login(agent)
    assert client.get("/inbox/nonsense/").status_code == 404
    assert client.get("/inbox/status/nonsense/").status_code == 404
    assert client.get("/inbox/category/999999/").status_code == 404
    assert client.get("/inbox/open/?page=abc").status_code == 200


def _queries(client, url) -> int:
    client.get(url)  # the first request of a minute also records that the user was seen
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("view", ["mine", "unassigned", "open", "all"])
def test_inbox_views_use_a_constant_number_of_queries(client, lead, team_dk, view):
    client.force_login(lead)
    categories = [Category.objects.create(name=f"Category {i}") for i in range(3)]
    first = make_ticket(team=team_dk, category=categories[0])
    services.update_ticket(first, lead, assignee=lead)  # every view shows at least one row
    url = reverse("inbox_view", args=[view])
    small = _queries(client, url)
    for i in range(60):
        t = make_ticket(team=team_dk, email=f"kunde{i}@example.dk", category=categories[i % 3])
        services.update_ticket(t, lead, assignee=lead, tags=[f"tag{i}"])
    categories += [Category.objects.create(name=f"More {i}") for i in range(5)]
    large = _queries(client, url)
    assert large == small, f"{view}: {small} queries with 1 ticket, {large} with a full page"
    # 8 for the inbox itself (with the ids of the teams its counts are cut by: services.inbox_counts); 4 for
    # the follow-ups in the header and sidebar (overdue and due counts, the open callbacks, broken promises
    # still owed, unread reminders), each an index lookup (bench/followups.py).
    assert large <= 12


@pytest.fixture
def spread(team_dk, team_no, agent, agent_no, lead):
    """Tickets in every corner of visibility: the agent's team, another team, no team, and another team's
    tickets assigned to the agent; in every status, in two categories, some assigned."""
    billing, returns = Category.objects.create(name="Billing"), Category.objects.create(name="Returns")
    statuses = [Ticket.Status.NEW, Ticket.Status.OPEN, Ticket.Status.PENDING, Ticket.Status.SOLVED]
    for i in range(24):
        team = [team_dk, team_no, team_no, None][i % 4]
        ticket = make_ticket(team=team_dk, email=f"kunde{i}@example.dk", category=[billing, returns, None][i % 3])
        Ticket.objects.filter(pk=ticket.pk).update(team=team)  # routing would give the shared ones a team
        ticket.refresh_from_db()
        assignee = [None, agent, agent_no, lead][i % 5 % 4]
        if team == team_no and i % 8 == 1:
            assignee = agent  # assigned to the agent in a team they are not in
        services.update_ticket(ticket, lead, assignee=assignee, status=statuses[i % 4])
    snoozed = Ticket.objects.filter(is_active=True).order_by("pk")[::3]
    Ticket.objects.filter(pk__in=[t.pk for t in snoozed]).update(snoozed_until=timezone.now() + timedelta(days=1))
    return {"billing": billing, "returns": returns}


def _views(spread):
    return (
        [("mine", {}), ("unassigned", {}), ("open", {}), ("all", {}), ("snoozed", {})]
        + [("status", {"status": s}) for s in Ticket.Status.values]
        + [("category", {"category_id": spread["billing"].pk})]
    )


@pytest.mark.parametrize("who", ["agent", "agent_no", "lead"])
def test_inbox_pages_and_counts_are_exactly_what_the_gate_lets_through(spread, who, request):
    """inbox_page merges one ordered index walk per visibility branch and inbox_counts adds up one count per
    branch; page by page they must give what the plain queries over visible_tickets give, in the same order,
    and nothing else."""
    user = request.getfixturevalue(who)
    for view, kwargs in _views(spread):
        expected = list(services.inbox_queryset(user, view, **kwargs).order_by("-updated_at", "-id"))
        paged = []
        for offset in range(0, len(expected) + 5, 5):
            paged += services.inbox_page(user, view, offset=offset, limit=5, **kwargs)
        assert paged == expected, (who, view, kwargs)
    others = Ticket.objects.exclude(pk__in=services.visible_tickets(user))
    shown = services.inbox_page(user, "all", offset=0, limit=100)
    assert not set(shown) & set(others)
    visible = services.visible_tickets(user)
    active = visible.filter(is_active=True)
    snoozed = visible.filter(snoozed_until__isnull=False)
    active = active.filter(snoozed_until__isnull=True)  # snoozed tickets leave the working views
    assert snoozed.exists() and services.inbox_counts(user) == {
        "snoozed": snoozed.count(),
        "mine": active.filter(assignee=user).count(),
        "unassigned": active.filter(assignee=None).count(),
        "open": active.count(),
        "all": visible.count(),
        "by_status": {s: visible.filter(status=s).count() for s in Ticket.Status.values},
        "by_category": {
            c: active.filter(category_id=c).count()
            for c in (spread["billing"].pk, spread["returns"].pk)
            if active.filter(category_id=c).exists()
        },
    }


def test_visibility_branches_split_what_an_agent_sees_into_disjoint_parts(spread, agent, lead, team_dk):
    visible = set(services.visible_tickets(agent).values_list("pk", flat=True))
    parts = [
        set(services.visible_tickets(agent).filter(b.where).values_list("pk", flat=True))
        for b in services.visibility_branches(agent)
    ]
    assert set().union(*parts) == visible
    assert sum(len(p) for p in parts) == len(visible), "a ticket in two parts would be counted twice"
    assert [b.where for b in services.visibility_branches(lead)] == [Q()]
    gone = make_user("gone@example.com", teams=[team_dk])
    gone.is_active = False
    assert services.visibility_branches(gone) == []
    # A branch only narrows the gate: another team's ticket not assigned to the agent is in no part.
    other = Ticket.objects.exclude(pk__in=visible).first()
    assert other is not None
    assert not any(
        services.visible_tickets(agent).filter(b.where, pk=other.pk).exists()
        for b in services.visibility_branches(agent)
    )


def test_counts_stop_at_count_up_to_and_show_more_than(client, agent, team_dk, team_no, monkeypatch):
    """Past COUNT_UP_TO a view's count stops: the sidebar shows "3+" and the heading "more than 3" (here with
    the limit at 3 instead of 1000); below it the counts stay exact. The pages still go on to the last ticket,
    and a page past the end shows the last one."""
    monkeypatch.setattr(services, "COUNT_UP_TO", 3)
    billing = Category.objects.create(name="Billing")
    for i in range(7):
        make_ticket(team=team_dk, email=f"kunde{i}@example.dk", subject=f"Sag {i}", category=billing)
    make_ticket(team=team_no, subject="Norsk sak", language="nb")  # not the agent's: counted nowhere
    mine = make_ticket(team=team_dk, subject="Min sag")
    services.update_ticket(mine, agent, assignee=agent)
    counts = services.inbox_counts(agent)
    assert counts["all"] == counts["open"] == counts["unassigned"] == 4, "stopped at 3 + 1: more than 3"
    assert counts["by_category"] == {billing.pk: 4}
    assert counts["mine"] == 1 and counts["by_status"]["solved"] == 0, "small counts stay exact"
    client.force_login(agent)
    monkeypatch.setattr("wowdesk.tickets.views.PAGE_SIZE", 5)
    page = client.get(reverse("inbox_view", args=["open"])).content.decode()
    assert "(more than 3)" in page
    assert '<span class="count">3+</span>' in page and '<span class="count">1</span>' in page
    assert page.count('class="subject"') == 5 and "page=2" in page, "a next page, found without a count"
    second = client.get(reverse("inbox_view", args=["open"]) + "?page=2").content.decode()
    assert second.count('class="subject"') == 3 and "page=3" not in second, "8 open tickets: 5 + 3"
    assert "Norsk sak" not in page + second
    shown = {n for n in range(7) if f"Sag {n}<" in page + second}
    assert shown == set(range(7))
    past = client.get(reverse("inbox_view", args=["open"]) + "?page=99999999999999999999").content.decode()
    assert past.count('class="subject"') == 3 and "Page 2" in past, "past the end: the last page"


def _shown_pages(client, url) -> tuple[list[int], str]:
    """The ticket numbers of every page of a view, in the order shown, and its first page's HTML."""
    first = client.get(url).content.decode()
    shown, page, html = [], 1, first
    while True:
        shown += [int(n) for n in re.findall(r'<tr id="t(\d+)">', html)]
        if f"page={page + 1}" not in html:
            return shown, first
        page += 1
        html = client.get(url, {"page": page}).content.decode()


@pytest.mark.parametrize("who", ["agent", "two_teams", "lead"])
def test_every_page_of_every_view_shows_exactly_what_the_gate_lets_through(
    client, spread, team_dk, team_no, agent, lead, who, monkeypatch
):
    """What a user sees, page by page through the web views (small pages, so the later pages take the walks
    merged with UNION ALL and the lead's ids-first path): the same tickets in the same order as the plain
    query over visible_tickets, the same count in the heading, and never a ticket of a team the user is not
    in unless it is assigned to them."""
    monkeypatch.setattr(views, "PAGE_SIZE", 4)
    sweden = Team.objects.create(name="Support Sverige", language="en")
    for i in range(6):
        ticket = make_ticket(team=sweden, email=f"kund{i}@example.se")
        if i % 3 == 0:
            services.update_ticket(ticket, lead, assignee=agent)  # another team's ticket, assigned to the agent
    user = {"agent": agent, "two_teams": make_user("both@example.com", teams=[team_dk, team_no]), "lead": lead}[who]
    client.force_login(user)
    visible = set(services.visible_tickets(user).values_list("number", flat=True))
    outside = set(Ticket.objects.exclude(number__in=visible).values_list("number", flat=True))
    assert who == "lead" or outside, "the data must have tickets this user may not see"
    for view, kwargs in _views(spread):
        if view == "status":
            url = reverse("inbox_status", args=[kwargs["status"]])
        elif view == "category":
            url = reverse("inbox_category", args=[kwargs["category_id"]])
        else:
            url = reverse("inbox_view", args=[view])
        expected = list(
            services.inbox_queryset(user, view, **kwargs)
            .order_by("-updated_at", "-id")
            .values_list("number", flat=True)
        )
        shown, first = _shown_pages(client, url)
        assert shown == expected, (who, view, kwargs)
        assert f'<span class="muted small">({len(expected)})</span>' in first, (who, view, kwargs)
        assert not set(shown) & outside


def test_the_rows_show_each_ticket_in_the_readers_language_and_time_zone(team_dk, lead):
    """ticket_rows looks the formats, labels and link pattern up once per list: each list must still be in
    the language and time zone it is rendered in (Danish then English, Copenhagen then New York)."""
    ticket = make_ticket(team=team_dk, subject="Faktura <mangler> & mere")
    services.update_ticket(ticket, lead, priority=Ticket.Priority.URGENT, tags=["vip"])
    due = timezone.now() - timedelta(hours=2)
    Ticket.objects.filter(pk=ticket.pk).update(response_due_at=due, status=Ticket.Status.PENDING)
    rows = list(services.inbox_page(lead, "all", offset=0, limit=50))
    for language, zone in [("da", "Europe/Copenhagen"), ("en", "America/New_York"), ("nb", "Europe/Oslo")]:
        with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
            html = ticket_rows(rows)
            updated = timezone.localtime(rows[0].updated_at)
            due_shown = formats.date_format(timezone.localtime(due), "SHORT_DATETIME_FORMAT")
            expected = [
                f'<a href="{reverse("ticket", args=[ticket.number])}">{ticket.number}</a>',
                "Faktura &lt;mangler&gt; &amp; mere",
                f'<span class="priority-urgent">{Ticket.Priority.URGENT.label}</span>',
                '<span class="tag">#vip</span>',
                f'<span class="badge status-pending">{Ticket.Status.PENDING.label}</span>',
                f'<td class="small overdue">{due_shown}</td>',
                f'title="{formats.localize(updated)}">{formats.date_format(updated, "SHORT_DATETIME_FORMAT")}</td>',
            ]
            for part in expected:
                assert part in html, (language, part)
