"""Follow-up surveys and the measures built on them, checked against hand-built answers."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket
from wowdesk.accounts.services import time_zone_for
from wowdesk.reports.aggregates import MEDIAN, P90, Percentiles, percentiles_of
from wowdesk.reports.services import figures as report_figures
from wowdesk.reports.services import summary
from wowdesk.surveys import services
from wowdesk.surveys.models import Survey, SurveySettings
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Category, Ticket


def answered(team, i, *, nps=None, csat=None, fcr=None, now=None):
    """A solved ticket whose customer answered the survey."""
    now = now or timezone.now()
    ticket = make_ticket(team=team, email=f"svar{i}@kunde.dk", now=now - timedelta(hours=2))
    Ticket.objects.filter(pk=ticket.pk).update(status="solved", solved_at=now - timedelta(hours=1))
    Survey.objects.create(
        ticket=ticket,
        contact=ticket.contact,
        language="da",
        nps=nps,
        csat=csat,
        fcr=fcr,
        answered_at=now,
        expires_at=now + timedelta(days=14),
    )
    return ticket


def period():
    now = timezone.now()
    return now - timedelta(days=1), now + timedelta(days=1)


def test_nps_with_five_promoters_and_two_detractors_is_thirty(team_dk):
    for i, score in enumerate([10, 9, 9, 10, 9, 8, 7, 7, 3, 6]):
        answered(team_dk, i, nps=score)
    figures = report_figures(*period())
    assert figures["nps"] == 30.0
    assert figures["responses"] == 10
    assert figures["csat"] is None, "no CSAT answers: no figure rather than 0"


def test_nps_extremes(team_dk):
    answered(team_dk, 1, nps=0)
    answered(team_dk, 2, nps=0)
    assert report_figures(*period())["nps"] == -100.0


def test_csat_is_the_share_of_four_and_five_and_fcr_the_share_of_yes(team_dk):
    for i, (score, fcr) in enumerate([(5, True), (4, True), (3, False), (2, None), (5, True)]):
        answered(team_dk, i, csat=score, fcr=fcr)
    figures = report_figures(*period())
    assert figures["csat"] == 0.6
    assert figures["fcr_survey"] == 0.75


@pytest.mark.parametrize(
    ("values", "median", "p90"), [([10, 20, 30, 1000], 25.0, 709.0), (list(range(1, 11)), 5.5, 9.1), ([7], 7, 7)]
)
def test_medians_and_p90_are_computed_by_the_database(team_dk, values, median, p90):
    for i, seconds in enumerate(values):
        t = make_ticket(team=team_dk, email=f"m{i}@kunde.dk")
        Ticket.objects.filter(pk=t.pk).update(first_response_s=seconds)
    spread = Ticket.objects.aggregate(s=Percentiles("first_response_s"))["s"]
    assert (spread[MEDIAN], spread[P90]) == (median, p90)
    assert percentiles_of(values)[MEDIAN] == median
    assert Ticket.objects.filter(pk=0).aggregate(s=Percentiles("first_response_s"))["s"] is None


@pytest.fixture
def solved_ticket(team_dk, agent):
    ticket = make_ticket(team=team_dk)
    tickets.reply(ticket, author=agent, body="Prøv at nulstille din adgangskode.", status=Ticket.Status.SOLVED)
    return Ticket.objects.get(pk=ticket.pk)


def solved_minutes_ago(ticket, minutes):
    Ticket.objects.filter(pk=ticket.pk).update(solved_at=timezone.now() - timedelta(minutes=minutes))


def survey_mails():
    from wowdesk.mail.models import OutboundMail

    return OutboundMail.objects.filter(kind="survey").count()


def test_no_survey_for_a_ticket_solved_without_a_reply_to_the_customer(team_dk, agent):
    ticket = make_ticket(team=team_dk)
    tickets.add_note(ticket, author=agent, body="Spam, lukker den.")
    tickets.update_ticket(ticket, agent, status=Ticket.Status.SOLVED)
    assert not Survey.objects.exists()


def test_no_survey_when_the_customer_reopens_within_the_delay(solved_ticket, settings):
    settings.SMTP_URL = ""
    survey = Survey.objects.get()
    tickets.add_inbound_message(solved_ticket, body="[#1001] Det virker STADIG ikke")
    solved_minutes_ago(solved_ticket, 61)  # the survey's time comes while the ticket is open again
    services.send(survey.pk)
    survey.refresh_from_db()
    assert survey.sent_at is None and survey_mails() == 0


def test_solved_again_after_a_reopen_the_survey_goes_once_after_the_new_delay(solved_ticket, agent, settings):
    from django_tasks_db.models import DBTaskResult

    settings.SMTP_URL = ""
    survey = Survey.objects.get()
    tickets.add_inbound_message(solved_ticket, body="Et spørgsmål mere")
    solved_ticket.refresh_from_db()
    tickets.reply(solved_ticket, author=agent, body="Svar på det.", status=Ticket.Status.SOLVED)
    assert Survey.objects.count() == 1
    assert DBTaskResult.objects.filter(task_path="wowdesk.surveys.services.send_survey").count() == 2
    services.send(survey.pk)  # the first solve's task: too early for the second solve
    assert survey_mails() == 0
    solved_minutes_ago(solved_ticket, 60)
    services.send(survey.pk)
    services.send(survey.pk)  # the second solve's task
    survey.refresh_from_db()
    assert survey.sent_at is not None and survey_mails() == 1


def test_solving_schedules_one_survey_after_the_teams_delay(solved_ticket, agent):
    survey = Survey.objects.get(ticket=solved_ticket)
    assert survey.agent == agent
    assert survey.language == "da"
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.get(task_path="wowdesk.surveys.services.send_survey")
    assert task.run_after > timezone.now() + timedelta(minutes=55)
    tickets.add_inbound_message(solved_ticket, body="Igen")
    tickets.update_ticket(solved_ticket, agent, status=Ticket.Status.SOLVED)
    assert Survey.objects.count() == 1, "one survey per ticket"


def test_surveys_can_be_switched_off_per_team(team_dk, agent):
    SurveySettings.objects.create(team=team_dk, enabled=False)
    ticket = make_ticket(team=team_dk)
    tickets.update_ticket(ticket, agent, status=Ticket.Status.SOLVED)
    assert not Survey.objects.exists()


def test_survey_mail_has_one_click_links_in_the_customers_language(solved_ticket, settings):
    settings.SMTP_URL = ""
    survey = Survey.objects.get()
    subject, body = services.compose(survey)
    assert f"[#{solved_ticket.number}]" in subject
    assert body.startswith("Hej Kunde")
    assert body.count("/s/") == 5 + 11 + 2
    solved_minutes_ago(solved_ticket, 60)
    services.send(survey.pk)
    from wowdesk.mail.models import OutboundMail

    assert OutboundMail.objects.get(kind="survey").status == "outbox"


def test_a_survey_task_run_again_sends_one_mail(solved_ticket, settings):
    # Its worker died after the mail was written and before the survey was marked sent (wowdesk/workers runs the
    # task again after the lease): the second run sends that mail, never a second one. A ticket solved twice has
    # two send tasks; the same holds for them.
    from wowdesk.mail.models import OutboundMail

    settings.SMTP_URL = ""
    survey = Survey.objects.get()
    solved_minutes_ago(solved_ticket, 60)
    services.send(survey.pk)
    Survey.objects.filter(pk=survey.pk).update(sent_at=None)
    services.send(survey.pk)
    services.send(survey.pk)
    assert OutboundMail.objects.filter(kind="survey").count() == 1
    assert Survey.objects.get().sent_at is not None


def click(client, signed, question, value):
    """The survey page's "Save my answer" button (the score is the link's, whatever the form says)."""
    return client.post(reverse("survey_answer", args=[signed]), {"step": "click", question: value})


def test_one_click_answer_then_comment_and_it_shows_on_the_ticket(client, solved_ticket, agent):
    survey = Survey.objects.get()
    link = services.answer_url(survey, "nps", 9).split("/s/")[1].rstrip("/")
    page = client.get(reverse("survey_answer", args=[link])).content.decode()
    assert "data-survey-click" in page and 'name="nps" value="9"' in page
    assert "Your answer is saved." in click(client, link, "nps", 9).content.decode()
    survey.refresh_from_db()
    assert survey.nps == 9
    response = client.post(
        reverse("survey_answer", args=[link]),
        {"nps": "9", "csat": "5", "fcr": "1", "comment": "Hurtig og venlig hjælp"},
    )
    assert response.status_code == 200
    survey.refresh_from_db()
    assert (survey.nps, survey.csat, survey.fcr, survey.comment) == (9, 5, True, "Hurtig og venlig hjælp")
    client.force_login(agent)
    panel = client.get(reverse("survey_panel", args=[solved_ticket.number])).content.decode()
    assert 'id="survey-nps">9' in panel
    assert "Hurtig og venlig hjælp" in panel


def test_opening_a_link_alone_records_nothing_so_mail_scanners_cannot_answer(client, solved_ticket):
    survey = Survey.objects.get()
    for value in range(1, 6):  # a scanner opens every link in the mail, in order
        link = services.answer_url(survey, "csat", value).split("/s/")[1].rstrip("/")
        assert client.get(reverse("survey_answer", args=[link])).status_code == 200
    survey.refresh_from_db()
    assert (survey.csat, survey.answered_at) == (None, None)
    # The customer confirms with the button; the page then asks the other questions.
    page = click(client, link, "csat", 5).content.decode()
    survey.refresh_from_db()
    assert survey.csat == 5
    assert "Your answer is saved." in page and 'id="survey-more"' in page


def test_links_work_once_and_reject_tampering_and_expiry(client, solved_ticket):
    survey = Survey.objects.get()
    first = services.answer_url(survey, "csat", 2).split("/s/")[1].rstrip("/")
    again = services.answer_url(survey, "csat", 5).split("/s/")[1].rstrip("/")
    assert "Your answer is saved." in click(client, first, "csat", 2).content.decode()
    assert "already had your answer" in click(client, again, "csat", 5).content.decode()
    assert "already had your answer" in click(client, again, "nps", 0).content.decode(), "the link's score"
    page = client.get(reverse("survey_answer", args=[again])).content.decode()
    survey.refresh_from_db()
    assert survey.csat == 2, "the first answer counts; a second click changes nothing"
    assert "already had your answer" in page
    tampered = first[:-3] + ("aaa" if not first.endswith("aaa") else "bbb")
    assert client.get(reverse("survey_answer", args=[tampered])).status_code == 404
    assert click(client, tampered, "csat", 1).status_code == 404
    Survey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("survey_answer", args=[again])).status_code == 404


def test_observed_fcr_counts_reopens_and_repeat_contacts(team_dk, agent):
    billing = Category.objects.create(name="Billing")
    delivery = Category.objects.create(name="Delivery")
    now = timezone.now()
    clean = make_ticket(team=team_dk, email="a@kunde.dk", category=billing)
    reopened = make_ticket(team=team_dk, email="b@kunde.dk", category=billing)
    repeated = make_ticket(team=team_dk, email="c@kunde.dk", category=billing)
    other_matter = make_ticket(team=team_dk, email="d@kunde.dk", category=billing)
    for t in (clean, reopened, repeated, other_matter):
        tickets.update_ticket(t, agent, status=Ticket.Status.SOLVED, now=now)
    Ticket.objects.filter(pk=reopened.pk).update(reopen_count=1)
    make_ticket(team=team_dk, email="c@kunde.dk", category=billing, now=now + timedelta(days=3))
    make_ticket(team=team_dk, email="d@kunde.dk", category=delivery, now=now + timedelta(days=3))
    make_ticket(team=team_dk, email="a@kunde.dk", category=billing, now=now + timedelta(days=9))
    solved = Ticket.objects.filter(pk__in=[clean.pk, reopened.pk, repeated.pk, other_matter.pk])
    figures = report_figures(now - timedelta(hours=1), now + timedelta(hours=1), solved)
    assert figures["solved"] == 4
    assert figures["fcr_observed"] == 0.5, "clean and other_matter count; reopened and repeated do not"


def test_summary_endpoint(client, team_dk, agent):
    from wowdesk.api.models import ApiToken

    now = timezone.now()
    for i, (nps, csat, fcr) in enumerate([(10, 5, True), (9, 4, True), (3, 2, False), (7, None, None)]):
        t = make_ticket(team=team_dk, email=f"k{i}@kunde.dk", now=now - timedelta(hours=5))
        tickets.reply(t, author=agent, body="Svar", now=now - timedelta(hours=4))
        tickets.update_ticket(t, agent, status=Ticket.Status.SOLVED, now=now - timedelta(hours=3))
        Survey.objects.filter(ticket=t).update(nps=nps, csat=csat, fcr=fcr, answered_at=now)
    expected = summary(now - timedelta(days=1), now + timedelta(days=1))
    assert expected["nps"] == 25.0
    assert expected["csat"] == 0.667
    assert expected["fcr_survey"] == 0.667
    assert expected["first_response_median_s"] == 3600
    assert expected["resolution_median_s"] == 7200
    _token, raw = ApiToken.issue(agent, "read")
    # The API's days are the token user's team's (Copenhagen): from the day the tickets came in to today there
    # (they came in 5 hours ago, which is yesterday there in the small hours).
    zone = ZoneInfo(time_zone_for(agent))
    first, day = (
        timezone.localdate(now - timedelta(hours=5), zone).isoformat(),
        timezone.localdate(now, zone).isoformat(),
    )
    response = client.get(
        "/api/v1/reports/summary", {"from": first, "to": day}, headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["tickets"], data["solved"], data["responses"], data["nps"]) == (4, 4, 4, 25.0)
    bad = client.get(
        "/api/v1/reports/summary", {"from": day, "to": "2000-01-01"}, headers={"Authorization": f"Bearer {raw}"}
    )
    assert bad.status_code == 422
    edge = client.get(
        "/api/v1/reports/summary",
        {"from": "9999-12-31", "to": "9999-12-31"},
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert edge.status_code == 422, "the end of the calendar is a clear error, not a crash"


def test_dashboard_breakdown_csv_and_drilldown(client, lead, agent, team_dk):
    now = timezone.now()
    for i, nps in enumerate([10, 9, 2]):
        t = make_ticket(team=team_dk, email=f"d{i}@kunde.dk", now=now - timedelta(hours=5))
        tickets.update_ticket(t, agent, assignee=agent, now=now - timedelta(hours=4))
        tickets.reply(t, author=agent, body="Svar", now=now - timedelta(hours=3))
        tickets.update_ticket(t, agent, status=Ticket.Status.SOLVED, now=now - timedelta(hours=1))
        Survey.objects.filter(ticket=t).update(nps=nps, answered_at=now)
    client.force_login(lead)
    page = client.get(reverse("reports"), {"by": "agent"}).content.decode()
    assert 'id="kpi-tickets">3' in page
    assert 'id="kpi-nps">33.3' in page
    assert "Mette Agent" in page
    csv_text = client.get(reverse("reports"), {"by": "agent", "format": "csv"}).content.decode()
    header, line = csv_text.strip().splitlines()
    assert header.startswith("agent,tickets,solved")
    assert line.startswith("Mette Agent,3,3,0.0,7200.0,7200.0,14400.0,14400.0,,33.3,3")
    drill = client.get(reverse("report_tickets"), {"by": "agent", "value": agent.pk}).content.decode()
    assert drill.count('class="badge status-solved"') == 3
    client.force_login(agent)
    assert client.get(reverse("reports")).status_code == 403
