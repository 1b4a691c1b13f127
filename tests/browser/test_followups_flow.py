"""Promises kept, clicked through in Debian's chromium: a promise in a reply becomes a follow-up, the reminder
fires, "can't make it" texts the customer through a loopback SMS provider, and the dashboard counts it; a
callback request from the web form lands in the Callbacks view."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.test_first_use import header_rows
from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from tests.sms.conftest import run_sms_tasks
from tests.sms.loopback import SMSServer
from wowdesk.accounts.models import Team, User
from wowdesk.followups import services
from wowdesk.followups.models import FollowUp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sms_server(settings):
    server = SMSServer()
    settings.SMS_URL = server.url
    yield server
    server.close()


def test_promise_reminder_cant_make_it_sms_and_the_keeping_rate(live_server, page, sms_server):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    make_user("lene@example.com", role=User.Role.LEAD, teams=[team], name="Lene Lead")
    ticket = make_ticket(team=team, subject="Fakturaen er forkert", body="Kan I ringe mig?")
    ticket.contact.phones = ["20 12 34 56"]
    ticket.contact.save()
    base = live_server.url
    log_in(page, base, "mette@example.com")
    User.objects.filter(pk=agent.pk).update(presence=User.Presence.AVAILABLE)

    # The agent promises a call; the composer proposes the follow-up while she types, ticked.
    page.goto(f"{base}/tickets/{ticket.number}/")
    page.locator("#composer textarea").press_sequentially("Hej. Jeg ringer dig i morgen kl. 10.", delay=5)
    proposal = page.locator("#promise-proposals input[name=keep_promise]")
    expect(proposal).to_be_checked()
    expect(page.locator("#promise-proposals")).to_contain_text("ringer dig i morgen kl. 10")
    page.click("#composer button[type=submit]")
    panel = page.locator("#followups-panel")
    expect(panel.locator(".followup.state-open")).to_contain_text("ringer dig i morgen kl. 10")
    followup = FollowUp.objects.get(ticket=ticket)
    assert followup.source == "promise" and followup.owner == agent

    # Time moves to 20 minutes before it is due: the reminder round tells her in the app.
    result = services.tick(now=followup.due - timedelta(minutes=20))
    assert result["reminded"] == 1
    page.reload()
    expect(page.locator("#followup-badge")).to_contain_text("1 reminder")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert header_rows(page) == 1, "the badge keeps the header on one row on a laptop"
    page.set_viewport_size({"width": 1400, "height": 900})

    # She cannot make it: one click tells the customer by SMS and moves the follow-up.
    page.locator("#followups-panel button.followup-cant").click()
    expect(page.locator(".message.outbound").last).to_contain_text("Vi når desværre ikke at ringe dig")
    run_sms_tasks()
    [sms] = sms_server.delivered
    assert sms["body"]["to"] == "+4520123456" and "Vi ringer i morgen mellem 9 og 11" in sms["body"]["text"]
    followup.refresh_from_db()
    assert followup.state == "open" and followup.notices == 1

    # Next day she calls and logs it: the promise is kept, and the lead's dashboard counts it.
    page.locator("#followups-panel details.log-call summary").click()
    page.locator("#followups-panel button.call-reached").click()
    expect(page.locator("#followups-panel .followup.state-done")).to_be_visible()
    page.context.clear_cookies()
    log_in(page, base, "lene@example.com")
    page.goto(f"{base}/reports/")
    expect(page.locator("#kpi-promises")).to_contain_text("100 %")
    expect(page.locator("#kpi-promises")).to_contain_text("1 of 1")


def test_callback_request_from_the_web_form_lands_in_the_callbacks_view(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("mette@example.com", teams=[team], name="Mette Kjær")
    base = live_server.url

    page.goto(f"{base}/support/")
    form = page.locator("#callback")
    form.locator("input[name=name]").fill("Jens Hansen")
    form.locator("input[name=phone]").fill("ring mig")
    # The windows offered are the team's opening hours on its next open days; the customer takes the second.
    options = form.locator("select[name=window] option")
    expect(options.nth(1)).to_be_attached()
    value = options.nth(2).get_attribute("value")
    form.locator("select[name=window]").select_option(value)
    form.locator("button[type=submit]").click()
    expect(page.locator("#callback .errorlist")).to_contain_text("ring mig")  # the field is named, nothing lost
    expect(page.locator("#callback input[name=name]")).to_have_value("Jens Hansen")
    expect(page.locator("#callback select[name=window]")).to_have_value(value)
    page.locator("#callback input[name=phone]").fill("20 12 34 56")
    page.locator("#callback button[type=submit]").click()
    expect(page.locator("#callback-thanks")).to_be_visible()

    log_in(page, base, "mette@example.com")
    page.click("a.view-link:has-text('Callbacks')")
    row = page.locator("tr.callback-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("+4520123456")
    expect(row).to_contain_text("Jens Hansen")
    start, end = (datetime.fromisoformat(part) for part in value.split("/"))
    expect(row).to_contain_text(f"–{end.astimezone(ZoneInfo('Europe/Copenhagen')):%H:%M}")
    followup = FollowUp.objects.get(source="callback")
    assert (followup.due, followup.window_end) == (start, end)
