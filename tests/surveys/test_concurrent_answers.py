"""Survey answers are stored by a click on the page's button only, and once: ten clicks at the same moment
store one answer (one conditional update), on SQLite and PostgreSQL."""

import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.surveys import services
from wowdesk.surveys.models import Survey
from wowdesk.surveys.signals import survey_answered
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True)
CLICKS = 10


def test_ten_simultaneous_clicks_store_one_answer():
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("agent@example.com", teams=[team])
    answered = []
    lock = threading.Lock()

    def count(sender, survey, **kwargs):
        with lock:
            answered.append(survey.pk)

    survey_answered.connect(count, weak=False)
    try:
        for round_ in range(5):
            ticket = make_ticket(team=team, email=f"kunde{round_}@kunde.dk")
            tickets.reply(ticket, author=agent, body="Prøv igen nu.", status=Ticket.Status.SOLVED)
            survey = Survey.objects.get(ticket=ticket)
            links = [services.answer_url(survey, "csat", i % 5 + 1).split("/s/")[1].rstrip("/") for i in range(CLICKS)]
            start = threading.Barrier(CLICKS)
            statuses = []

            def click(link, start, statuses):
                try:
                    client = Client()
                    start.wait()
                    response = client.post(reverse("survey_answer", args=[link]), {"step": "click"})
                    with lock:
                        statuses.append(response.status_code)
                finally:
                    connection.close()

            threads = [threading.Thread(target=click, args=(link, start, statuses)) for link in links]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            assert statuses == [200] * CLICKS
            survey.refresh_from_db()
            assert survey.csat in range(1, 6) and survey.answered_at is not None
            assert answered.count(survey.pk) == 1, f"round {round_}: one answer stored, not {answered.count(survey.pk)}"
    finally:
        survey_answered.disconnect(count)


def test_opening_the_page_stores_nothing_and_its_focused_button_does(client):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("agent@example.com", teams=[team])
    ticket = make_ticket(team=team)
    tickets.reply(ticket, author=agent, body="Prøv igen nu.", status=Ticket.Status.SOLVED)
    survey = Survey.objects.get(ticket=ticket)
    link = services.answer_url(survey, "nps", 9).split("/s/")[1].rstrip("/")
    page = client.get(reverse("survey_answer", args=[link])).content.decode()
    assert 'type="submit" class="primary" autofocus' in page, "the button is focused: Enter saves"
    script = (Path(settings.BASE_DIR) / "web/static/web/app.js").read_text()
    assert "data-survey-click" not in script, "no script answers by itself as the page loads"
    survey.refresh_from_db()
    assert survey.nps is None
    page = client.post(reverse("survey_answer", args=[link]), {"step": "click"}).content.decode()
    survey.refresh_from_db()
    assert survey.nps == 9
    assert "Your answer is saved." in page
