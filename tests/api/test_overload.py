"""While the follow-up work (routing, auto-replies) is too far behind, new tickets through the API are refused
with a clear 503 and Retry-After, at once and without storing anything, instead of growing the queue without
bound (issue 20); a request already answered is answered again from its Idempotency-Key."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wowdesk.process_cache import clear_all
from wowdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db


def body(n: int, team) -> dict:
    return {
        "subject": f"Ordre {n}",
        "message": "Hvor er min ordre?",
        "contact": {"email": f"k{n}@kunde.dk"},
        "team": team.pk,
    }


def follow_up_work_behind(seconds: float) -> None:
    DBTaskResult.objects.filter(status="READY").update(enqueued_at=timezone.now() - timedelta(seconds=seconds))
    clear_all()  # the process's reading of the backlog is kept a quarter of a second


def test_new_tickets_are_refused_with_503_and_retry_after_while_the_follow_ups_are_behind(
    token_for, agent, team_dk, settings
):
    settings.INTAKE_SHED_AFTER_S = 2
    api = token_for(agent)
    first = api.post("/api/v1/tickets", body(1, team_dk), **{"Idempotency-Key": "k1"})
    assert first.status_code == 201
    follow_up_work_behind(5.5)

    refused = api.post("/api/v1/tickets", body(2, team_dk))
    assert refused.status_code == 503
    assert refused["Retry-After"] == "4"
    assert "behind" in refused.json()["detail"]
    assert Ticket.objects.count() == 1, "nothing of the refused ticket was stored"
    # A retry of a request that was answered gets its answer, backlog or not.
    again = api.post("/api/v1/tickets", body(1, team_dk), **{"Idempotency-Key": "k1"})
    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])

    DBTaskResult.objects.update(status="SUCCESSFUL")  # the workers caught up
    clear_all()
    assert api.post("/api/v1/tickets", body(2, team_dk)).status_code == 201
    assert Ticket.objects.count() == 2


def test_nothing_is_refused_when_shedding_is_off_or_the_wait_is_under_the_limit(token_for, agent, team_dk, settings):
    api = token_for(agent)
    settings.INTAKE_SHED_AFTER_S = 10
    api.post("/api/v1/tickets", body(1, team_dk))
    follow_up_work_behind(5)
    assert api.post("/api/v1/tickets", body(2, team_dk)).status_code == 201
    settings.INTAKE_SHED_AFTER_S = 0
    follow_up_work_behind(3600)
    assert api.post("/api/v1/tickets", body(3, team_dk)).status_code == 201
