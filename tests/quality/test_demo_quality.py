"""The demo data makes the quality pages look real: a scorecard, reviews over 90 days, a calibration round."""

import pytest
from django.core.management import call_command
from django.test import Client

from wowdesk.accounts.models import User
from wowdesk.quality import calibration
from wowdesk.quality.models import Answer, CalibrationRound, Review, Scorecard, WowMoment

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_scorecard_reviews_over_90_days_and_a_calibration_round():
    call_command("demo", tickets=700, verbosity=0)  # a smaller load than the default 2,000: quicker, same shape
    assert Scorecard.objects.filter(is_current=True).count() == 3
    reviews = Review.objects.exclude(source=Review.Source.CALIBRATION)
    assert reviews.count() >= 150
    first, last = reviews.order_by("created_at").first(), reviews.order_by("-created_at").first()
    assert (last.created_at - first.created_at).days >= 75
    assert reviews.filter(source=Review.Source.MYSTERY, ticket=None).exists()
    assert reviews.filter(answers__suggested_by_coach=True).exists()
    overridden = [a for a in Answer.objects.filter(suggested_by_coach=True).exclude(comment="") if a.overridden]
    assert overridden, "some coach answers were overridden, with a why"
    round_ = CalibrationRound.objects.get()
    lead = User.objects.get(email="lead@example.com")
    result = calibration.result(user=lead, round_=round_)
    assert result.complete and result.overall_alpha is not None
    assert WowMoment.objects.exclude(award_month=None).count() == 1
    client = Client()
    client.force_login(lead)
    for path in ("/quality/variation/", f"/quality/calibration/{round_.pk}/", "/quality/reviews/", "/quality/wow/"):
        page = client.get(path)
        assert page.status_code == 200, path
    assert "α" in client.get(f"/quality/calibration/{round_.pk}/").content.decode()
    agent = User.objects.get(email="agent1@example.com")
    client.force_login(agent)
    assert client.get(f"/quality/agents/{agent.pk}/").status_code == 200
