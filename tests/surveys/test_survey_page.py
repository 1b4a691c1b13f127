"""The survey page a customer opens: the team's name, logo and colour, and 0-10 as one row of buttons."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.accounts.models import Team
from wowdesk.surveys import services
from wowdesk.surveys.models import Survey
from wowdesk.tickets import services as tickets

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def survey_link(team, agent, question="csat", value=5) -> str:
    ticket = make_ticket(team=team)
    tickets.reply(ticket, author=agent, body="Hej Kunde. Det er ordnet nu.", status="solved")
    signed = services.answer_url(Survey.objects.get(), question, value).split("/s/")[1].rstrip("/")
    return reverse("survey_answer", args=[signed])


def test_the_survey_page_carries_the_teams_name_logo_and_colour(client, team_dk, agent):
    team_dk.colour = "#aa3300"
    team_dk.logo.save("logo.png", ContentFile(PNG))
    page = client.get(survey_link(team_dk, agent)).content.decode()
    assert 'style="--accent: #aa3300"' in page
    assert f'<img class="team-logo" src="{reverse("team_logo", args=[team_dk.pk])}"' in page
    assert '<span class="team-name">Support Danmark</span>' in page
    logo = client.get(reverse("team_logo", args=[team_dk.pk]))
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png", "public: the customer is not logged in"
    assert b"".join(logo.streaming_content) == PNG


def test_nps_is_one_row_of_eleven_buttons_from_0_to_10(client, team_dk, agent):
    page = client.get(survey_link(team_dk, agent)).content.decode()
    row = page.split('id="nps-scale"', 1)[1].split("</span>\n", 1)[0]
    assert re.findall(r'name="nps" value="(\d+)"', row) == [str(n) for n in range(11)]


def test_a_team_without_a_look_gets_the_default_and_a_bad_colour_never_reaches_the_page(client, team_dk, agent):
    Team.objects.filter(pk=team_dk.pk).update(colour='x" on=1')
    page = client.get(survey_link(team_dk, agent)).content.decode()
    assert "--accent" not in page and "team-logo" not in page
    assert client.get(reverse("team_logo", args=[team_dk.pk])).status_code == 404


@pytest.mark.parametrize(("field", "value"), [("colour", "blue"), ("colour", "#12345")])
def test_settings_refuse_a_colour_that_is_not_rrggbb(team_dk, field, value):
    setattr(team_dk, field, value)
    with pytest.raises(ValidationError) as error:
        team_dk.full_clean()
    assert "colour" in error.value.message_dict


def test_settings_refuse_a_logo_that_is_not_an_image_or_too_big(team_dk):
    team_dk.logo.save("logo.svg", ContentFile(b"<svg/>"), save=False)
    with pytest.raises(ValidationError) as error:
        team_dk.full_clean()
    assert "logo" in error.value.message_dict
    team_dk.logo.save("big.png", ContentFile(PNG + b"\0" * 600_000), save=False)
    with pytest.raises(ValidationError) as error:
        team_dk.full_clean()
    assert "logo" in error.value.message_dict
