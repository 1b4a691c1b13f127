"""Quality in the browser (issue 19's "Done when"): a lead creates a scorecard, a reviewer opens a queue and
reviews a conversation with AutoQA pre-filled, overrides one answer with a comment, and the agent sees the review
strengths first; two reviewers calibrate five conversations and the round shows their alpha."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_user
from tests.quality.conftest import conversation, survey
from wowdesk.accounts.models import Team, User
from wowdesk.quality.models import Review, Scorecard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_makes_a_card_reviewer_reviews_from_a_queue_with_autoqa_agent_reads_strengths_first(live_server, new_page):
    base = live_server.url
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("lead@example.com", role=User.Role.LEAD, teams=[team], name="Lene Leder")
    agent = make_user("agent@example.com", teams=[team], name="Mette Kjær")
    make_user("reviewer@example.com", role=User.Role.REVIEWER, name="Rune Revisor")
    ticket = conversation(team, agent)  # an open question, and the weak words "tror" and "måske"
    survey(ticket, csat=2)

    lead = new_page()
    log_in(lead, base, "lead@example.com")
    lead.goto(f"{base}/quality/scorecards/")
    lead.click("#new-scorecard")
    lead.fill("#card-name", "Chat og mail")
    lead.select_option("#card-team", label="Support Danmark")
    lead.fill("#area-0-name", "Behov og sprog")
    lead.fill("[name=area-0-q-0-text]", "Finder behovet med åbne spørgsmål")
    lead.select_option("[name=area-0-q-0-autoqa]", "open_questions")
    lead.fill("[name=area-0-q-1-text]", "Bruger stærke ord")
    lead.select_option("[name=area-0-q-1-autoqa]", "no_weak_words")
    lead.fill("#area-1-name", "Det lille ekstra")
    lead.fill("[name=area-1-q-0-text]", "Samlet oplevelse")
    lead.select_option("[name=area-1-q-0-kind]", "scale")
    lead.click("#save-scorecard")
    expect(lead.locator("#scorecards")).to_contain_text("Chat og mail")

    reviewer = new_page()
    log_in(reviewer, base, "reviewer@example.com")
    reviewer.goto(f"{base}/quality/")
    reviewer.locator("#queue-rules a", has_text="Low CSAT or NPS detractor").click()
    expect(reviewer.locator("#queue")).to_contain_text(ticket.subject)
    reviewer.locator("#queue a", has_text="Review").click()
    # The conversation beside the card; the coach's answers filled in, with the words it found.
    expect(reviewer.locator(".conversation")).to_contain_text("Hvad sker der, når du logger ind?")
    expect(reviewer.locator("[data-autoqa=open_questions] input[value='1']")).to_be_checked()
    expect(reviewer.locator("[data-autoqa=open_questions] .evidence mark")).to_have_text(
        "Hvad sker der, når du logger ind?"
    )
    weak = reviewer.locator("[data-autoqa=no_weak_words]")
    expect(weak.locator("input[value='0']")).to_be_checked()
    expect(weak.locator(".evidence")).to_contain_text("tror")
    # The reviewer overrides the coach on the weak words, and must say why.
    weak.locator("input[value='1']").check()
    reviewer.locator(".review-question", has_text="Samlet oplevelse").locator("input[value='4']").check()
    reviewer.fill("textarea[name^=area-]", "Fine open question, the customer felt heard")
    reviewer.click("#save-review")
    expect(reviewer.locator("#review-error")).to_contain_text("Say why you differ from the coach.")
    expect(weak.locator("input[value='1']")).to_be_checked()  # what was chosen is kept
    weak.locator("input[name$=-comment]").fill("Said kindly, the customer was reassured")
    reviewer.click("#save-review")
    expect(reviewer.locator("#review-score")).to_be_visible()
    review = Review.objects.get()
    answer = review.answers.get(question__autoqa="no_weak_words")
    assert (answer.value, answer.suggested) == (1, 0)

    agent_page = new_page()
    log_in(agent_page, base, "agent@example.com")
    agent_page.goto(f"{base}/quality/")
    agent_page.locator("#all-reviews a", has_text=ticket.subject).click()
    strengths = agent_page.locator("#strengths")
    expect(strengths).to_contain_text("Finder behovet med åbne spørgsmål")
    expect(strengths).to_contain_text("Fine open question, the customer felt heard")
    headings = agent_page.locator("main h2").all_inner_texts()
    assert headings.index("What went well") < headings.index("To work on")
    agent_page.click("button[value=agree]")
    expect(agent_page.locator("#reaction-given")).to_contain_text("I agree")


def test_two_reviewers_calibrate_five_conversations_and_the_round_shows_their_alpha(live_server, new_page):
    base = live_server.url
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("lead@example.com", role=User.Role.LEAD, teams=[team], name="Lene Leder")
    agent = make_user("agent@example.com", teams=[team], name="Mette Kjær")
    make_user("rune@example.com", role=User.Role.REVIEWER, name="Rune Revisor")
    make_user("randi@example.com", role=User.Role.REVIEWER, name="Randi Revisor")
    tickets = [conversation(team, agent, subject=f"Sag {i}", email=f"k{i}@example.dk") for i in range(5)]

    lead = new_page()
    log_in(lead, base, "lead@example.com")
    lead.goto(f"{base}/quality/calibration/")
    danish = Scorecard.objects.get(is_current=True, language="da")  # the default cards are made on first use
    lead.select_option("#round-card", str(danish.pk))
    lead.fill("#round-name", "November")
    lead.fill("#round-tickets", " ".join(str(t.number) for t in tickets))
    lead.get_by_label("Rune Revisor").check()
    lead.get_by_label("Randi Revisor").check()
    lead.click("#create-round")
    expect(lead.locator("h1")).to_have_text("November")
    round_url = lead.url

    # The overall experience (1-5) as each reviewer sees it: they agree on three, differ by one on two.
    scores = {"rune@example.com": [5, 4, 3, 2, 4], "randi@example.com": [5, 4, 3, 3, 5]}
    for email, values in scores.items():
        page = new_page()
        log_in(page, base, email)
        page.goto(round_url)
        expect(page.locator("#blind")).to_be_visible()
        for ticket, value in zip(tickets, values, strict=True):
            page.locator("#round-conversations a", has_text=ticket.subject).click()
            page.locator(".review-question", has_text="Samlet oplevelse").locator(f"input[value='{value}']").check()
            page.click("#save-review")
            expect(page).to_have_url(round_url)  # back at the round, for the next conversation
    expect(page.locator("#overall-alpha")).to_contain_text("α =")
    row = page.locator("#alpha-per-question tr", has_text="Samlet oplevelse")
    alpha = float(row.locator("td").nth(1).inner_text().replace(",", "."))
    assert 0 < alpha < 1
    expect(row).to_contain_text(f"#{tickets[3].number}")
    lead.goto(round_url)
    expect(lead.locator("#overall-alpha")).to_contain_text(re.compile(r"α = 0[.,]\d\d"))
