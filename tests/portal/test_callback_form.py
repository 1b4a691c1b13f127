"""The callback request on the public support page."""

from django.urls import reverse

from wowdesk.followups.models import FollowUp
from wowdesk.tickets.models import Ticket


def test_callback_form_makes_a_ticket_with_its_follow_up(client, team_dk):
    page = client.get(reverse("portal_contact")).content.decode()
    assert 'id="callback"' in page
    response = client.post(reverse("portal_callback"), {"name": "Jens", "phone": "20 12 34 56"})
    assert response.status_code == 200 and 'id="callback-thanks"' in response.content.decode()
    followup = FollowUp.objects.get()
    assert followup.source == "callback" and followup.ticket.contact.phones == ["+4520123456"]


def test_a_bad_phone_number_is_named_and_the_answers_are_kept(client, team_dk):
    response = client.post(reverse("portal_callback"), {"name": "Jens Hansen", "phone": "ring mig"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "ring mig is not a phone number" in page and 'value="Jens Hansen"' in page
    assert not Ticket.objects.exists()
