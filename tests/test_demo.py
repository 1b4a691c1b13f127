import subprocess
import sys
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from wowdesk.accounts.models import Team, User
from wowdesk.customers.models import Contact, Organization
from wowdesk.demo.followups import CALLERS
from wowdesk.demo.services import load_demo
from wowdesk.followups.models import FollowUp
from wowdesk.sms.models import OutboundSMS
from wowdesk.tickets import search
from wowdesk.tickets.models import Category, Message, Ticket
from wowdesk.tickets.services import visible_tickets


def test_demo_data_gives_every_screen_something_real(db):
    call_command("demo")
    assert Team.objects.count() == 3
    assert User.objects.filter(role=User.Role.AGENT).count() == 8
    # Besides the 200 customers and 2,000 tickets, the callers who asked to be called back, with their tickets.
    assert Contact.objects.count() == 200 + len(CALLERS) and Organization.objects.count() == 40
    assert Ticket.objects.count() == 2000 + len(CALLERS)
    languages = dict(Ticket.objects.values_list("language").annotate(n=Count("pk")))
    assert set(languages) == {"da", "nb", "en"}
    statuses = set(Ticket.objects.values_list("status", flat=True))
    assert statuses == {"new", "open", "pending", "solved", "closed"}
    assert Ticket.objects.filter(status="new", assignee=None).exists(), "Unassigned has something to show"
    oldest = Ticket.objects.order_by("created_at").first().created_at
    newest = Ticket.objects.order_by("-created_at").first().created_at
    assert (newest - oldest).days >= 80
    # Conversations vary in quality: some confirm the solution worked, some use weak words.
    assert Message.objects.filter(kind="outbound", body_text__contains="Virker kvitteringsfanen nu?").exists()
    assert Message.objects.filter(kind="outbound", body_text__contains="måske").exists()
    assert Message.objects.filter(kind="note").exists()
    assert not Ticket.objects.filter(number=None).exists()
    admin = User.objects.get(email="admin@example.com")
    assert admin.check_password("demo") and admin.is_superuser
    agent = User.objects.get(email="agent1@example.com")
    assert agent.check_password("demo") and agent.teams.count() == 1
    assert search.filter_matching(visible_tickets(admin), "kvitteringsfanen").exists()
    # Follow-ups: a promise-keeping rate with agents that differ, something due now, snoozes and callbacks.
    settled = FollowUp.objects.filter(state__in=["done", "broken"])
    assert settled.filter(kept=True).count() > settled.filter(kept=False).count() > 10
    assert FollowUp.objects.filter(state="open", owner=agent).count() >= 3
    assert FollowUp.objects.filter(state="open", source="snooze").exists()
    assert Ticket.objects.filter(snoozed_until__isnull=False).exists()
    assert FollowUp.objects.filter(state="open", source="callback", window_end__isnull=False).count() >= 4
    assert OutboundSMS.objects.filter(body__startswith="Vi har forsøgt at ringe dig").exists()


def test_demo_is_not_loaded_twice(db):
    call_command("demo", tickets=20)
    call_command("demo", if_empty=True)
    assert Ticket.objects.count() == 20 + len(CALLERS)
    billing = Category.objects.get(name="Billing")
    assert (billing.label("da"), billing.label("nb"), billing.label("en")) == ("Fakturering", "Fakturering", "Billing")


def test_python_m_wowdesk_runs_management_commands():
    result = subprocess.run([sys.executable, "-m", "wowdesk", "help"], capture_output=True, text=True, check=True)
    for command in ("demo", "serve", "migrate", "db_worker"):
        assert command in result.stdout


def test_demo_has_survey_answers_over_the_period(db):
    from wowdesk.reports.services import summary
    from wowdesk.surveys.models import Survey

    call_command("demo", tickets=600)
    assert Survey.objects.filter(answered_at__isnull=False).count() > 50
    now = timezone.now()
    figures = summary(now - timedelta(days=91), now + timedelta(days=1))
    assert figures["nps"] is not None
    assert 0 < figures["csat"] < 1
    assert figures["fcr_observed"] is not None


@pytest.mark.parametrize(
    "when",
    [datetime(2026, 11, 23, 23, 50, tzinfo=UTC), datetime(2026, 11, 28, 22, 0, tzinfo=UTC)],
    ids=["monday-night", "saturday-night"],
)
def test_demo_loaded_at_night_still_has_tickets_in_every_status(db, when):
    # The conversations are played up to the moment of loading; at night the agents' next answers all lie
    # after the next opening, which once left the demo without a single pending ticket.
    with mock.patch.object(timezone, "now", return_value=when):
        load_demo(tickets=300)
    assert set(Ticket.objects.values_list("status", flat=True)) == {"new", "open", "pending", "solved", "closed"}
