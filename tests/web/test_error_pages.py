"""403, 404 and 500 are pages of the product: its header, the user's language and a way back."""

import logging

import pytest
from django.urls import reverse

from tests.conftest import make_user


def test_a_refused_page_is_a_page_of_the_product_in_the_users_language_and_logs_one_line(client, team_dk, caplog):
    agent = make_user("mette@example.com", teams=[team_dk], language="da")
    client.force_login(agent)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("reports"))
    assert response.status_code == 403
    page = response.content.decode()
    assert '<header class="topbar">' in page, "the product's header, with its navigation"
    assert "Du har ikke adgang til denne side" in page
    assert "Din rolle (Medarbejder)" in page
    assert f'href="{reverse("inbox")}"' in page and "Gå til indbakken" in page
    [record] = [r for r in caplog.records if r.name == "django.request"]
    line = logging.Formatter().format(record)
    assert line == "Forbidden (Permission denied): /reports/", "one line, no traceback"


def test_a_missing_ticket_is_a_page_of_the_product_with_a_way_back(client, team_no):
    agent = make_user("ola@example.com", teams=[team_no], language="nb")
    client.force_login(agent)
    response = client.get(reverse("ticket", args=[999_999]))
    assert response.status_code == 404
    page = response.content.decode()
    assert '<header class="topbar">' in page
    assert "Siden finnes ikke" in page and "Gå til innboksen" in page


def test_a_stranger_on_a_missing_page_is_offered_the_log_in_and_the_support_form(client):
    response = client.get("/no-such-page/", headers={"accept-language": "da"})
    assert response.status_code == 404
    page = response.content.decode()
    assert "Siden findes ikke" in page
    assert f'href="{reverse("login")}"' in page and f'href="{reverse("portal_contact")}"' in page


@pytest.mark.urls("tests.web.error_urls")
def test_a_server_error_is_a_page_of_the_product_in_the_users_language(client, team_dk):
    client.raise_request_exception = False
    client.force_login(make_user("mette@example.com", teams=[team_dk], language="da"))
    response = client.get("/fail/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<header class="topbar">' in page
    assert "Noget gik galt hos os" in page and "Gå til indbakken" in page
