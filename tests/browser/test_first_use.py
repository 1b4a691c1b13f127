"""What a new team sees on day one, in Debian's chromium: the header on a laptop, the reports chart, the
template picker from the keyboard, and a walk through every page in the header as lead, agent and reviewer
in Danish, Norwegian and English at 1280 and 390 px."""

import re
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team, User
from wowdesk.replies.models import ReplyTemplate
from wowdesk.surveys import services as surveys
from wowdesk.surveys.models import Survey
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Category, Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCALE = Path(__file__).resolve().parents[2] / "wowdesk" / "locale"
LANGUAGES = ("da", "nb", "en")


def english_left_over(language: str) -> list[str]:
    """The English source texts of the .po file that a page in `language` must not show: those translated
    to something else, of two words or more (single words like "Team" or "Status" are the same in Danish)
    and without placeholders."""
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return [
        e.msgid
        for e in po.translated_entries()
        if e.msgstr != e.msgid and " " in e.msgid.strip() and "%" not in e.msgid and "{" not in e.msgid
    ]


def context_for(browser, base: str, email: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors, failed = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    log_in(page, base, email)
    return context, page, errors, failed


def header_rows(page) -> int:
    """How many rows the header's items take."""
    return page.evaluate(
        """() => new Set(Array.from(document.querySelectorAll('.topbar > *'))
             .map(el => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))
             .map(middle => Math.round(middle / 20))).size"""
    )


def test_the_header_stays_on_one_row_for_an_admin_and_a_lead_on_a_laptop(live_server, browser):
    team = Team.objects.create(name="Support Danmark", language="da")
    admin = User.objects.create_superuser("admin@example.com", "pw-for-tests-1", name="Astrid Administrator")
    admin.teams.set([team])
    make_user("lead@example.com", role=User.Role.LEAD, teams=[team], name="Lene Leder")
    for email in ("admin@example.com", "lead@example.com"):
        context, page, errors, _failed = context_for(browser, live_server.url, email)
        for language in LANGUAGES:
            User.objects.filter(email=email).update(language=language)
            for width in (1280, 1440):
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(f"{live_server.url}/inbox/")
                assert header_rows(page) == 1, f"{email} {language} {width} px: the header wraps"
        # The occasional pages are one click away, in the More menu.
        page.click(".main-nav .menu summary")
        expect(page.locator(".main-nav .menu-items a").first).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator(".main-nav .menu-items a").first).to_be_hidden()
        context.close()
        assert errors == []


def test_the_weekly_chart_fills_its_panel_and_has_a_y_axis(live_server, browser):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("lead@example.com", role=User.Role.LEAD, teams=[team], language="da")
    for n in range(7):
        make_ticket(team=team, email=f"kunde{n}@example.dk")
    context, page, errors, failed = context_for(browser, live_server.url, "lead@example.com")
    page.goto(f"{live_server.url}/reports/")
    chart = page.locator("#weekly-chart")
    panel_width = chart.locator("xpath=..").bounding_box()["width"]
    plot_width = chart.locator(".plot").bounding_box()["width"]
    assert plot_width > 0.85 * panel_width, (plot_width, panel_width)
    assert chart.locator(".y-axis span").all_inner_texts() == ["10", "8", "6", "4", "2", "0"]
    context.close()
    assert errors == [] and failed == []


def test_the_template_picker_works_from_the_keyboard_with_a_preview_and_the_tickets_language_first(
    live_server, browser
):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("mette@example.com", teams=[team], name="Mette Kjær", language="da")
    ReplyTemplate.objects.all().delete()
    ReplyTemplate.objects.create(name="Thanks", language="en", body="Hi {first_name}, thank you.")
    ReplyTemplate.objects.create(name="Tak", language="da", body="Hej {first_name}, tak for din mail.")
    ReplyTemplate.objects.create(name="Venter", language="da", body="Hej {first_name}, vi venter på svar.")
    ticket = make_ticket(team=team)
    context, page, errors, failed = context_for(browser, live_server.url, "mette@example.com")
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    page.click("[data-template-search]")
    options = page.locator("#template-list [data-template-option]")
    expect(options).to_have_count(3)
    assert [t.split()[0] for t in options.locator("button").all_inner_texts()] == ["Tak", "Venter", "Thanks"]
    expect(page.locator("#template-list li.active .preview")).to_have_text("Hej Kunde, tak for din mail.")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#template-list li.active button")).to_have_text("Venter")
    expect(page.locator("#template-list li.active .preview")).to_have_text("Hej Kunde, vi venter på svar.")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#template-list li.active button")).to_have_text("Thanks")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#composer textarea")).to_have_value("Hej Kunde, tak for din mail.")
    expect(page.locator("#composer textarea")).to_be_focused()
    assert not Message.objects.filter(ticket=ticket, kind="outbound").exists(), "Enter inserts, it never sends"
    page.click("[data-template-search]")
    expect(options).to_have_count(3)
    page.keyboard.press("Escape")
    expect(options).to_have_count(0)
    context.close()
    assert errors == [] and failed == []


def test_walk_through_every_page_in_the_header_as_lead_agent_and_reviewer_in_every_language(live_server, browser):
    base = live_server.url
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("lead@example.com", role=User.Role.LEAD, teams=[team], name="Lene Leder")
    agent = make_user("agent@example.com", teams=[team], name="Mette Kjær")
    make_user("reviewer@example.com", role=User.Role.REVIEWER, name="Rune Revisor")
    billing = Category.objects.create(name="Billing", name_da="Fakturering", name_nb="Fakturering", name_en="Billing")
    ticket = make_ticket(
        team=team, subject="Fakturaen mangler", body="Hej, jeg har ikke fået min faktura.", category=billing
    )
    tickets.reply(ticket, author=agent, body="Hej Kunde. Hvad står der på fakturaen? Venlig hilsen Mette")
    make_ticket(team=team, subject="Kan ikke logge ind", email="b@example.dk")
    leftovers = {language: english_left_over(language) for language in ("da", "nb")}
    problems = []
    for email in ("lead@example.com", "agent@example.com", "reviewer@example.com"):
        context, page, errors, failed = context_for(browser, base, email)
        for language in LANGUAGES:
            User.objects.filter(email=email).update(language=language)
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(f"{base}/inbox/")
            links = page.locator(".topbar nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            pages = [*dict.fromkeys(links), f"/tickets/{ticket.number}/"]
            for path in pages:
                # Each page is opened at 1280 px and then shown at 390 px (the same HTML, laid out for a phone).
                page.set_viewport_size({"width": 1280, "height": 900})
                response = page.goto(base + path)
                page.wait_for_load_state("networkidle")  # the panels htmx loads after the page
                where = f"{email} {language} {path}"
                if response.status >= 400:
                    problems.append(f"{where}: {response.status}")
                if language in leftovers:
                    # All the text, also in closed menus and hidden help, and the words in attributes.
                    text = page.evaluate(
                        r"""() => document.body.textContent + "\n" + Array.from(
                            document.querySelectorAll("[title], [placeholder], [aria-label]"),
                            el => [el.title, el.placeholder, el.getAttribute("aria-label")].join("\n")).join("\n")"""
                    )
                    shown = [m for m in leftovers[language] if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)]
                    if shown:
                        problems.append(f"{where}: untranslated {shown}")
                page.set_viewport_size({"width": 390, "height": 844})
                if page.evaluate("document.querySelector('.topbar').scrollWidth > window.innerWidth"):
                    problems.append(f"{where} at 390 px: the header is wider than the screen")
                if path.startswith("/tickets/"):
                    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                    if overflow > 0:
                        problems.append(f"{where} at 390 px: scrolls sideways by {overflow} px")
                    width = page.locator(".conversation").bounding_box()["width"]
                    if width < 300:
                        problems.append(f"{where} at 390 px: the conversation is squeezed to {width} px")
        context.close()
        problems += [f"{email}: JavaScript error {e}" for e in errors]
        problems += [f"{email}: {f}" for f in failed]
    assert problems == []


def test_the_survey_shows_0_to_10_as_one_row_of_buttons_also_on_a_phone(live_server, browser):
    team = Team.objects.create(name="Support Danmark", language="da", colour="#aa3300")
    agent = make_user("mette@example.com", teams=[team])
    ticket = make_ticket(team=team)
    tickets.reply(ticket, author=agent, body="Hej Kunde. Det er ordnet nu.", status="solved")
    path = "/s/" + surveys.answer_url(Survey.objects.get(), "csat", 5).split("/s/", 1)[1]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    page.goto(live_server.url + path)
    buttons = page.locator("#nps-scale .scale-choice span")
    expect(buttons).to_have_count(11)
    tops = {round(box["y"]) for box in (buttons.nth(i).bounding_box() for i in range(11))}
    assert len(tops) == 1, "one row"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    buttons.nth(9).click()
    expect(page.locator("#nps-scale input[value='9']")).to_be_checked()
    expect(page.locator(".survey-brand")).to_contain_text("Support Danmark")
    context.close()
