"""A solved ticket's customer answers the survey from the e-mail's link, and the leads' dashboard shows it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team, User
from wowdesk.mail.models import OutboundMail
from wowdesk.surveys import services as surveys
from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Message, Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_customer_answers_survey_from_mail_link_and_dashboard_reflects_it(live_server, page, settings):
    settings.BASE_URL = live_server.url
    settings.SMTP_URL = ""  # outgoing mail stays in the local outbox, where we read it like the customer would
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("mette@example.com", teams=[team], name="Mette Kjær")
    make_user("lene@example.com", role=User.Role.LEAD, teams=[team], name="Lene Leder")
    ticket = make_ticket(team=team, email="soren@example.dk")

    # The agent answers and solves in one go.
    log_in(page, live_server.url, "mette@example.com")
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    page.wait_for_timeout(1500)
    page.fill("#composer textarea", "Hej Søren, du kan nu logge ind igen. Virker det for dig?")
    page.select_option("#id_status", "solved")
    page.click("#composer button[type=submit]")
    expect(page.locator("#ticket-status")).to_have_text("Solved")
    reply = Message.objects.get(ticket=ticket, kind="outbound")
    assert reply.handling_s >= 1, "the composer reports the time the ticket was in view"

    # The survey goes out (here: its delay has passed) with one-click answers in the customer's language.
    survey = Survey.objects.get(ticket=ticket)
    Ticket.objects.filter(pk=ticket.pk).update(solved_at=timezone.now() - timedelta(hours=1))
    surveys.send(survey.pk)
    mail = OutboundMail.objects.get(kind="survey", ticket=ticket)
    assert mail.to_address == "soren@example.dk"
    nps_ten = re.search(r"^\s+10: (\S+)$", mail.body_text, re.MULTILINE).group(1)
    assert nps_ten.startswith(live_server.url)

    # A mail scanner opens the link first: that alone answers nothing.
    import urllib.request

    csat_one = re.search(r"^\s+1: (\S+)$", mail.body_text, re.MULTILINE).group(1)
    urllib.request.urlopen(csat_one).read()  # noqa: S310 (our own live server)
    survey.refresh_from_db()
    assert (survey.csat, survey.nps) == (None, None)

    # The customer clicks 10 in the mail, then adds the other answers and a comment.
    page.context.clear_cookies()
    page.goto(nps_ten)
    expect(page.locator("h1")).to_contain_text("Thank you")
    survey.refresh_from_db()
    assert survey.nps is None, "opening the page (scripts and all) stores nothing"
    save = page.locator("#survey-click button[type=submit]")
    expect(save).to_be_focused()  # one more click, or Enter, saves it
    page.keyboard.press("Enter")
    expect(page.locator("#survey-click-saved")).to_be_visible()
    survey.refresh_from_db()
    assert survey.nps == 10
    page.check("input[name=csat][value='5']")
    page.check("input[name=fcr][value='1']")
    page.fill("#id_comment", "Hurtigt og venligt svar")
    page.click("#survey-more button[type=submit]")
    expect(page.locator("main")).to_contain_text("We have your answers")

    # The lead's dashboard counts the answer, and the figure leads to the ticket.
    log_in(page, live_server.url, "lene@example.com")
    page.goto(f"{live_server.url}/reports/")
    expect(page.locator("#kpi-nps")).to_have_text("100.0")
    expect(page.locator("#kpi-csat")).to_have_text("100 %")
    expect(page.locator("#kpi-solved")).to_have_text("1")
    page.click("a.kpi:has(#kpi-nps)")
    expect(page.locator("table.tickets")).to_contain_text(f"#{ticket.number}")
    page.click(f"text=#{ticket.number}")
    expect(page.locator("#survey-panel")).to_contain_text("Hurtigt og venligt svar")
