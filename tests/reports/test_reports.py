"""The leads' figures: business hours, SLA attainment, backlog, spread per agent, and the planning page."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from wowdesk.hours.models import OpeningHours
from wowdesk.reports import services as reports
from wowdesk.reports import staffing
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Category, Message, Ticket

CPH = ZoneInfo("Europe/Copenhagen")
WEEKDAYS_8_TO_16 = {str(d): [["08:00", "16:00"]] for d in range(5)} | {"5": [], "6": []}


@pytest.fixture
def office_hours(team_dk):
    return OpeningHours.objects.create(team=team_dk, weekly=WEEKDAYS_8_TO_16, holidays="", first_response_minutes=240)


def test_first_response_and_resolution_in_calendar_and_business_hours(office_hours, team_dk, agent):
    friday_3pm = datetime(2026, 10, 2, 15, tzinfo=CPH)
    ticket = make_ticket(team=team_dk, now=friday_3pm)
    # Answered on Monday at 9: 66 hours later, but only 2 of them open (Friday 15-16, Monday 8-9).
    tickets.reply(ticket, author=agent, body="Svar", status="solved", now=datetime(2026, 10, 5, 9, tzinfo=CPH))
    ticket.refresh_from_db()
    assert (ticket.first_response_s, ticket.first_response_business_s) == (66 * 3600, 2 * 3600)
    assert (ticket.resolution_s, ticket.resolution_business_s) == (66 * 3600, 2 * 3600)
    assert ticket.sla_breaches == 0, "2 business hours is within the 4-hour target"
    period = friday_3pm - timedelta(days=1), friday_3pm + timedelta(days=7)
    assert reports.figures(*period)["first_response_median_s"] == 66 * 3600
    business = reports.figures(*period, clock="business")
    assert (business["first_response_median_s"], business["resolution_median_s"]) == (2 * 3600, 2 * 3600)
    # Reopening forgets the resolution; solving again measures from creation.
    tickets.add_inbound_message(ticket, body="Det virker stadig ikke", now=datetime(2026, 10, 5, 10, tzinfo=CPH))
    ticket.refresh_from_db()
    assert ticket.resolution_s is None
    tickets.update_ticket(ticket, agent, status="solved", now=datetime(2026, 10, 5, 11, tzinfo=CPH))
    ticket.refresh_from_db()
    assert ticket.resolution_business_s == 4 * 3600


def test_sla_attainment_counts_late_answers_and_overdue_tickets(office_hours, team_dk, agent, lead, client):
    monday_9 = datetime(2026, 10, 5, 9, tzinfo=CPH)
    on_time = make_ticket(team=team_dk, email="a@kunde.dk", now=monday_9)
    tickets.reply(on_time, author=agent, body="Svar", now=monday_9 + timedelta(hours=1))
    late = make_ticket(team=team_dk, email="b@kunde.dk", now=monday_9)
    tickets.reply(late, author=agent, body="Svar", now=monday_9 + timedelta(hours=5))
    overdue = make_ticket(team=team_dk, email="c@kunde.dk", now=monday_9)  # never answered, long past due
    late.refresh_from_db()
    assert late.sla_breaches == 1
    # The customer writes again on the late ticket; the next answer comes in time: still one breach.
    tickets.add_inbound_message(late, body="Tak, men...", now=monday_9 + timedelta(hours=6))
    tickets.reply(late, author=agent, body="Svar", now=monday_9 + timedelta(hours=6, minutes=30))
    late.refresh_from_db()
    assert late.sla_breaches == 1
    start, end = monday_9 - timedelta(hours=9), monday_9 + timedelta(days=1)
    figures = reports.figures(start, end)
    assert figures["sla_attainment"] == 0.333
    assert figures["sla_missed"] == 2
    [row] = reports.breakdown(start, end, "team", Ticket.objects.all())
    assert row["sla_attainment"] == 0.333
    client.force_login(lead)
    drill = client.get(reverse("report_tickets"), {"from": "2026-10-05", "to": "2026-10-05", "metric": "sla"})
    page = drill.content.decode()
    assert f"#{late.number}" in page and f"#{overdue.number}" in page
    assert f"#{on_time.number}<" not in page


def test_weekly_backlog_matches_a_count_at_each_weeks_end(team_dk, agent):
    now = timezone.now()
    made = []
    for i, days_ago in enumerate([40, 33, 30, 24, 20, 15, 9, 5, 2, 0]):
        made.append(make_ticket(team=team_dk, email=f"w{i}@kunde.dk", now=now - timedelta(days=days_ago, hours=1)))
    for ticket, solved_days_ago in zip(made, [31, None, 21, 22, 3, None, 4, None, 1, None], strict=True):
        if solved_days_ago is not None:
            tickets.update_ticket(ticket, agent, status="solved", now=now - timedelta(days=solved_days_ago))
    start, end = now - timedelta(days=35), now + timedelta(days=1)
    weeks = reports.figures(start, end, weekly=True)["weeks"]
    assert [w["week"].weekday() for w in weeks] == [0] * len(weeks) and len(weeks) in (6, 7)
    assert sum(w["created"] for w in weeks) == 9 and sum(w["solved"] for w in weeks) == 6
    ends = [w["week"] for w in weeks[1:]] + [end]
    for week, moment in zip(weeks, ends, strict=True):
        unsolved = [
            t for t in Ticket.objects.all() if t.created_at < moment and not (t.solved_at and t.solved_at < moment)
        ]
        assert week["backlog"] == len(unsolved), week
    assert weeks[-1]["backlog"] == Ticket.objects.filter(is_active=True).count() == 4


def test_agent_breakdown_shows_each_agents_spread(client, lead, agent, team_dk):
    other = make_user("jonas@example.com", teams=[team_dk], name="Jonas Agent")
    now = timezone.now()
    for i, minutes in enumerate([10, 20, 30, 40, 50]):
        t = make_ticket(team=team_dk, email=f"s{i}@kunde.dk", now=now - timedelta(hours=3))
        tickets.reply(t, author=agent, body="Svar", now=now - timedelta(hours=3) + timedelta(minutes=minutes))
    slow = make_ticket(team=team_dk, email="slow@kunde.dk", now=now - timedelta(hours=3))
    tickets.reply(slow, author=other, body="Svar", now=now - timedelta(minutes=30))
    rows = {r["name"]: r for r in reports.breakdown(now - timedelta(days=1), now, "agent", Ticket.objects.all())}
    assert rows["Mette Agent"]["first_response_spread"] == [840.0, 1200.0, 1800.0, 2400.0, 2760.0]
    assert rows["Jonas Agent"]["first_response_median_s"] == 9000.0
    client.force_login(lead)
    page = client.get(reverse("reports"), {"by": "agent"}).content.decode()
    assert page.count('class="boxplot"') == 2
    assert "First response spread" in page
    business = client.get(reverse("reports"), {"by": "agent", "clock": "business", "format": "csv"})
    assert business["Content-Disposition"].startswith('attachment; filename="wowdesk-agent-business-')


def test_every_key_figure_links_to_its_tickets(client, lead, agent, team_dk):
    now = timezone.now()
    solved = make_ticket(team=team_dk, email="x@kunde.dk", now=now - timedelta(hours=2))
    tickets.update_ticket(solved, agent, status="solved", now=now - timedelta(hours=1))
    waiting = make_ticket(team=team_dk, email="y@kunde.dk", now=now - timedelta(hours=2))
    client.force_login(lead)
    page = client.get(reverse("reports")).content.decode()
    for metric in ("solved", "backlog", "sla", "reopened", "answered"):
        assert f"metric={metric}" in page
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    week = f'href="/reports/tickets/?from={monday:%Y-%m-%d}&amp;to={monday + timedelta(days=6):%Y-%m-%d}"'
    assert week in page, "each week of the chart opens its tickets"
    backlog = client.get(reverse("report_tickets"), {"metric": "backlog"}).content.decode()
    assert f"#{waiting.number}" in backlog and f"#{solved.number}<" not in backlog
    done = client.get(reverse("report_tickets"), {"metric": "solved"}).content.decode()
    assert f"#{solved.number}" in done and f"#{waiting.number}<" not in done
    assert 'id="kpi-backlog">1<' in page


def test_erlang_c_matches_the_textbook_example():
    # 100 calls in 30 minutes, 3 minutes each, 80 % answered within 20 s: 14 agents (Pw 17.4 %, SL 88.7 %).
    assert staffing.agents_needed(200, 180, 20, 0.8) == 14
    assert round(staffing.erlang_c(10, 14), 4) == 0.1741
    assert round(staffing.service_level(200, 180, 14, 20), 3) == 0.888
    assert staffing.agents_needed(0, 180, 20) == 0


def test_handling_time_is_measured_from_the_composer_and_shown_to_leads_only(client, agent, lead, team_dk):
    ticket = make_ticket(team=team_dk)
    client.force_login(agent)
    url = reverse("ticket_message", args=[ticket.number])
    client.post(url, {"kind": "note", "body": "Tjekker ordren", "status": "pending", "handling_s": "120"})
    client.post(url, {"kind": "reply", "body": "Hej, ordren er sendt.", "status": "solved", "handling_s": "9999"})
    ticket.refresh_from_db()
    assert ticket.handling_s == 120 + tickets.MAX_HANDLING_S, "a tab left open is capped at an hour"
    assert list(Message.objects.filter(ticket=ticket, author=agent).values_list("handling_s", flat=True)) == [
        120,
        3600,
    ]
    agent_page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "AHT" not in agent_page and "3720" not in agent_page and "1.0 h" not in agent_page
    assert client.get(reverse("report_planning")).status_code == 403
    client.force_login(lead)
    page = client.get(reverse("report_planning"), {"team": team_dk.pk}).content.decode()
    assert 'id="plan-aht">1.0 h<' in page  # one ticket handled in 3720 s
    assert 'id="plan-grid"' in page
    plan = reports.planning(
        Ticket.objects.all(), zone=CPH, now=timezone.now() + timedelta(minutes=1), weeks=1, target_s=4 * 3600
    )
    arrival = ticket.created_at.astimezone(CPH)
    cell = plan["grid"][arrival.isoweekday() - 1]["cells"][arrival.hour]
    assert cell == {"hour": arrival.hour, "arrivals": 1.0, "agents": 2}
    assert plan["peak_agents"] == 2 and plan["tickets_per_week"] == 1.0


def test_dashboard_narrowed_to_one_team_keeps_the_team_in_every_link(client, lead, agent, team_dk, team_no):
    now = timezone.now()
    danish = [make_ticket(team=team_dk, email=f"dk{i}@kunde.dk", now=now - timedelta(hours=1)) for i in range(3)]
    norwegian = make_ticket(team=team_no, email="no@kunde.no", language="nb", now=now - timedelta(hours=1))
    client.force_login(lead)
    everyone = client.get(reverse("reports")).content.decode()
    assert 'id="kpi-tickets">4<' in everyone
    page = client.get(reverse("reports"), {"team": team_dk.pk, "by": "channel"}).content.decode()
    assert 'id="kpi-tickets">3<' in page
    assert f"team={team_dk.pk}&amp;metric=backlog" in page
    assert "By channel" in page
    backlog = client.get(reverse("report_tickets"), {"team": team_dk.pk, "metric": "backlog"}).content.decode()
    assert all(f"#{t.number}<" in backlog for t in danish) and f"#{norwegian.number}<" not in backlog


def test_tickets_behind_a_figure_and_the_staffing_grid_download_as_csv(client, lead, agent, team_dk):
    now = timezone.now()
    ticket = make_ticket(team=team_dk, now=now - timedelta(hours=2))
    tickets.reply(ticket, author=agent, body="Svar", status="solved", now=now - timedelta(hours=1))
    client.force_login(lead)
    drill = client.get(reverse("report_tickets"), {"metric": "solved"}).content.decode()
    assert "format=csv" in drill
    lines = client.get(reverse("report_tickets"), {"metric": "solved", "format": "csv"}).content.decode().splitlines()
    assert lines[0].startswith("number,subject,status,team,assignee")
    assert lines[1].startswith(f"{ticket.number},Kan ikke logge ind,solved,Support Danmark,Mette Agent")
    assert lines[1].endswith(",3600,3600,0")
    aht = client.get(reverse("report_planning"), {"team": team_dk.pk, "format": "csv", "table": "aht"}).content.decode()
    assert aht.splitlines()[0] == "by,name,tickets,aht_s,median_s,p90_s"
    grid = client.get(reverse("report_planning"), {"team": team_dk.pk, "format": "csv"}).content.decode()
    assert grid.splitlines()[0] == "weekday,hour,tickets_per_hour,agents_needed"
    assert len(grid.splitlines()) == 1 + 7 * 24
    # A value that cannot be a team is no tickets, not an error page.
    odd = client.get(reverse("report_tickets"), {"by": "team", "value": "abc"})
    assert odd.status_code == 200 and "No tickets here." in odd.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"from": "9999-12-31", "to": "9999-12-31"},
        {"from": "0001-01-01"},
        {"team": "9" * 30},
        {"team": "x", "by": "nonsense", "clock": "lunar"},
    ],
)
def test_odd_report_parameters_fall_back_instead_of_failing(client, lead, params):
    client.force_login(lead)
    assert client.get(reverse("reports"), params).status_code == 200
    assert client.get(reverse("report_tickets"), params).status_code == 200
    assert client.get(reverse("report_planning"), params).status_code == 200


def test_a_reviewer_reads_the_reports_and_the_coaching_summary_but_an_agent_does_not(client, reviewer, agent, team_dk):
    make_ticket(team=team_dk)
    client.force_login(reviewer)
    inbox = client.get(reverse("inbox")).content.decode()
    assert f'href="{reverse("reports")}"' in inbox and f'href="{reverse("coaching_summary")}"' in inbox
    assert f'href="{reverse("outbox")}"' not in inbox, "the lead's tools stay with leads"
    for name in ("reports", "report_tickets", "report_planning", "coaching_summary"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert 'method="post"' not in response.content.decode().split("</header>", 1)[1], f"{name} is read only"
    client.force_login(agent)
    assert f'href="{reverse("reports")}"' not in client.get(reverse("inbox")).content.decode()
    for name in ("reports", "report_tickets", "report_planning", "coaching_summary"):
        assert client.get(reverse(name)).status_code == 403, name


def test_csv_exports_never_hand_a_spreadsheet_a_formula(client, lead, team_dk):
    category = Category.objects.create(name="@SUM(A1:A9)")
    hostile = ['=HYPERLINK("http://evil.example","klik")', "+1+1", "-2+3", "@cmd", "\tTAB", "\rCR"]
    for subject in hostile:
        ticket = make_ticket(team=team_dk, category=category)
        Ticket.objects.filter(pk=ticket.pk).update(subject=subject)  # as stored, not as trimmed on the way in
    team_dk.name = "=Team"
    team_dk.save()
    client.force_login(lead)
    for params in (
        {"format": "csv"},
        {"format": "csv", "by": "category"},
    ):
        rows = list(csv.reader(io.StringIO(client.get(reverse("reports"), params).content.decode())))
        assert rows[1][0].startswith("'"), rows
    rows = list(csv.reader(io.StringIO(client.get(reverse("report_tickets"), {"format": "csv"}).content.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert {f"'{s}" for s in hostile} <= set(cells)
    assert "'=Team" in cells and "'@SUM(A1:A9)" in cells
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert not any(cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit() for cell in cells)
