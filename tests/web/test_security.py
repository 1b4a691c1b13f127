from django.urls import reverse

from wowdesk.accounts.models import User


def test_strict_content_security_policy_and_no_framing(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"


def test_pages_carry_no_inline_script(client, agent, ticket):
    client.force_login(agent)
    for url in (reverse("inbox"), reverse("ticket", args=[ticket.number]), reverse("portal_contact")):
        page = client.get(url).content.decode()
        assert "<script>" not in page and " onclick=" not in page and " onchange=" not in page


def test_login_with_email_and_password(client, agent):
    response = client.post(reverse("login"), {"username": "agent@example.com", "password": "pw-for-tests-1"})
    assert response.status_code == 302 and response["Location"] == reverse("inbox")


def test_login_is_throttled_after_repeated_failures(client, agent, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "agent@example.com", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "agent@example.com", "password": "pw-for-tests-1"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


def test_csrf_is_enforced(agent):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(agent)
    assert strict.post(reverse("set_language"), {"language": "da"}).status_code == 403


def test_language_choice_is_saved_and_the_ui_speaks_it(client, agent):
    client.force_login(agent)
    client.post(reverse("set_language"), {"language": "da", "next": reverse("inbox")})
    agent.refresh_from_db()
    assert agent.language == "da"
    assert "Indbakke" in client.get(reverse("inbox")).content.decode()
    client.post(reverse("set_language"), {"language": "nb"})
    assert "Innboks" in client.get(reverse("inbox")).content.decode()
    response = client.post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/", "no open redirect"
    assert User.objects.get(pk=agent.pk).language == "en"


def test_times_are_shown_in_the_team_time_zone(client, agent, ticket):
    from datetime import UTC, datetime

    from wowdesk.tickets.models import Ticket

    Ticket.objects.filter(pk=ticket.pk).update(created_at=datetime(2026, 1, 15, 12, 0, tzinfo=UTC))
    client.post(reverse("login"), {"username": agent.email, "password": "pw-for-tests-1"})
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "13:00" in page, "12:00 UTC is 13:00 in Copenhagen in January"
