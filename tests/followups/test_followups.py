"""Follow-ups: promises found in replies, by hand, kept, broken, reminded, told, snoozed, called back."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from tests.sms.conftest import run_sms_tasks, sms_server  # noqa: F401 (fixture)
from wowdesk.accounts.models import User
from wowdesk.followups import services
from wowdesk.followups.models import FollowUp, Notification
from wowdesk.followups.signals import followup_broken, followup_due
from wowdesk.mail.models import OutboundMail
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Message, Ticket, TicketEvent

CPH = ZoneInfo("Europe/Copenhagen")
# A Wednesday afternoon in Copenhagen.
NOW = datetime(2026, 12, 2, 14, 0, tzinfo=CPH)


@pytest.fixture
def ticket(team_dk):
    return make_ticket(team=team_dk, now=NOW - timedelta(hours=1))


def test_a_promise_in_a_reply_becomes_a_follow_up_owned_by_the_agent(ticket, agent):
    tickets.reply(ticket, author=agent, body="Hej. Jeg ringer dig i morgen kl. 10.", now=NOW)
    followup = FollowUp.objects.get(ticket=ticket)
    assert followup.due == datetime(2026, 12, 3, 10, 0, tzinfo=CPH)
    assert (followup.state, followup.source, followup.owner) == ("open", "promise", agent)
    assert "ringer dig i morgen kl. 10" in followup.text
    assert ticket.events.filter(kind=TicketEvent.Kind.FOLLOWUP).exists()


def test_an_unticked_promise_is_not_created_and_a_ticked_one_is(ticket, agent):
    text = "Jeg ringer dig i morgen kl. 10."
    [promise] = services.promises_in(ticket, text, NOW)
    context = {"proposed_promises": [promise["text"]], "kept_promises": []}
    tickets.reply(ticket, author=agent, body=text, context=context, now=NOW)
    assert not FollowUp.objects.exists()
    context["kept_promises"] = [promise["text"]]
    tickets.reply(ticket, author=agent, body=text, context=context, now=NOW + timedelta(minutes=1))
    assert FollowUp.objects.count() == 1


def test_the_composer_proposes_promises_as_the_agent_types(client, ticket, agent):
    client.force_login(agent)
    url = reverse("promise_proposals", args=[ticket.number])
    page = client.get(url, {"body": "Jeg ringer dig i morgen kl. 10."}).content.decode()
    assert 'name="keep_promise"' in page and "checked" in page and "ringer dig i morgen kl. 10" in page
    assert client.get(url, {"body": "Tak for din mail."}).content.decode().strip() == ""


def test_a_reply_or_a_logged_call_after_the_follow_up_keeps_it(ticket, agent):
    first = services.create(ticket=ticket, due=NOW + timedelta(hours=2), text="Ring kunden op", actor=agent, now=NOW)
    tickets.reply(ticket, author=agent, body="Her er svaret.", now=NOW + timedelta(hours=1))
    first.refresh_from_db()
    assert (first.state, first.kept) == ("done", True)
    second = services.create(ticket=ticket, due=NOW + timedelta(hours=3), text="Ring igen", actor=agent, now=NOW)
    services.log_call(ticket, outcome="reached", actor=agent, now=NOW + timedelta(hours=4))
    second.refresh_from_db()
    assert (second.state, second.kept) == ("done", False)  # done, but after its due time
    assert ticket.messages.filter(kind=Message.Kind.NOTE, body_text__contains="reached").exists()


def test_a_follow_up_in_the_past_is_refused_naming_due(ticket, agent):
    with pytest.raises(ValidationError) as exc:
        services.create(ticket=ticket, due=NOW - timedelta(minutes=1), text="x", actor=agent, now=NOW)
    assert "due" in exc.value.message_dict


def test_quick_picks_fall_in_the_teams_business_hours(team_dk):
    friday_evening = datetime(2026, 12, 4, 18, 0, tzinfo=CPH)
    picks = {code: when for code, _label, when in services.quick_picks(team_dk, friday_evening)}
    monday = datetime(2026, 12, 7, tzinfo=CPH).date()
    # After hours on a Friday: "in 2 hours" is two open hours on Monday, "tomorrow morning" is Monday too.
    assert picks["2h"].astimezone(CPH).date() == monday
    assert picks["tomorrow"].astimezone(CPH).date() == monday
    assert picks["week"].astimezone(CPH).date() == monday
    assert all(8 <= when.astimezone(CPH).hour < 17 for when in picks.values())


def test_the_panel_adds_a_follow_up_with_a_quick_pick(client, ticket, agent):
    client.force_login(agent)
    response = client.post(
        reverse("followup_create", args=[ticket.number]), {"text": "Tjek om pakken er kommet", "pick": "3d"}
    )
    assert response.status_code == 302
    followup = FollowUp.objects.get(ticket=ticket)
    assert (followup.source, followup.owner) == ("manual", agent)
    panel = client.get(reverse("followup_panel", args=[ticket.number])).content.decode()
    assert "Tjek om pakken er kommet" in panel and "Can't make it" in panel
    # A time in the past is refused with the reason, nothing is created.
    client.post(reverse("followup_create", args=[ticket.number]), {"text": "x", "due": "2001-01-01T10:00"})
    assert FollowUp.objects.count() == 1


def test_reminder_before_due_goes_to_the_owner_in_the_app_and_by_mail(ticket, agent, settings):
    settings.SMTP_URL = ""
    User.objects.filter(pk=agent.pk).update(presence=User.Presence.AVAILABLE)
    followup = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="Ring kunden", actor=agent, now=NOW)
    due_events = []
    followup_due.connect(lambda **kw: due_events.append(kw["followup"].pk), weak=False, dispatch_uid="t-due")
    try:
        assert services.tick(now=NOW)["reminded"] == 0  # more than 30 minutes ahead
        assert services.tick(now=NOW + timedelta(minutes=35))["reminded"] == 1
        assert services.tick(now=NOW + timedelta(minutes=36))["reminded"] == 0  # once
    finally:
        followup_due.disconnect(dispatch_uid="t-due")
    assert due_events == [followup.pk]
    assert Notification.objects.filter(user=agent, followup=followup, kind="due_soon").count() == 1
    mail = OutboundMail.objects.get(kind=OutboundMail.Kind.NOTIFICATION)
    assert mail.to_address == agent.email and "Ring kunden" in mail.body_text


def test_owner_away_the_team_lead_and_the_team_are_reminded(ticket, agent, team_dk):
    lead = make_user("lead.dk@example.com", role=User.Role.LEAD, teams=[team_dk])
    colleague = make_user("kollega@example.com", teams=[team_dk])
    User.objects.filter(pk=colleague.pk).update(presence=User.Presence.AVAILABLE)
    User.objects.filter(pk=agent.pk).update(presence=User.Presence.AWAY)
    followup = services.create(ticket=ticket, due=NOW + timedelta(minutes=20), text="Ring", actor=agent, now=NOW)
    services.tick(now=NOW)
    notified = set(Notification.objects.filter(followup=followup).values_list("user__email", flat=True))
    assert notified == {lead.email, colleague.email}


def test_due_without_action_is_broken_shown_and_counted(ticket, agent):
    followup = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="Ring kunden", actor=agent, now=NOW)
    broken = []
    followup_broken.connect(lambda **kw: broken.append(kw["followup"].pk), weak=False, dispatch_uid="t-broken")
    try:
        assert services.tick(now=NOW + timedelta(hours=1, minutes=1))["broken"] == 1
    finally:
        followup_broken.disconnect(dispatch_uid="t-broken")
    followup.refresh_from_db()
    assert (followup.state, followup.kept, broken) == ("broken", False, [followup.pk])
    rate = services.keeping(NOW, NOW + timedelta(days=1))
    assert (rate["promises_due"], rate["promises_kept"]) == (1, 0)


def test_cant_make_it_texts_the_customer_in_their_language_and_moves_the_due_time(
    ticket,
    agent,
    sms_server,  # noqa: F811
):
    ticket.contact.phones = ["20 12 34 56"]
    ticket.contact.save()
    followup = services.create(
        ticket=ticket, due=NOW + timedelta(hours=2), text="Jeg ringer dig i dag kl. 16", actor=agent, now=NOW
    )
    notice = services.cant_make_it(followup, actor=agent, now=NOW + timedelta(hours=1))
    followup.refresh_from_db()
    assert followup.state == "open" and followup.notices == 1
    assert followup.due == datetime(2026, 12, 3, 11, 0, tzinfo=CPH)  # the end of the window offered
    assert notice.body_text == "Vi når desværre ikke at ringe dig i dag som lovet. Vi ringer i morgen mellem 9 og 11."
    assert notice.ticket == ticket and notice.kind == Message.Kind.OUTBOUND
    assert not OutboundMail.objects.filter(message=notice).exists()  # by SMS, not e-mail
    run_sms_tasks()
    [posted] = sms_server.delivered
    assert posted["body"]["to"] == "+4520123456" and posted["body"]["text"] == notice.body_text
    notice.refresh_from_db()
    assert notice.delivery == "sent"


def test_cant_make_it_without_a_mobile_number_goes_by_e_mail_in_norwegian(team_no, agent_no):
    ticket = make_ticket(team=team_no, language="nb", email="kunde@example.no", now=NOW - timedelta(hours=1))
    followup = services.create(
        ticket=ticket, due=NOW + timedelta(hours=2), text="Vi sender pakken", actor=agent_no, now=NOW
    )
    notice = services.cant_make_it(followup, actor=agent_no, now=NOW + timedelta(hours=1))
    assert notice.body_text.startswith("Vi rekker dessverre ikke å komme tilbake til deg i dag som lovet.")
    assert OutboundMail.objects.get(message=notice).to_address == "kunde@example.no"


def test_snoozed_ticket_leaves_the_inbox_and_comes_back_on_time(ticket, agent):
    tickets.update_ticket(ticket, agent, assignee=agent, now=NOW)
    until = NOW + timedelta(days=1)
    services.snooze(ticket, until=until, actor=agent, now=NOW)
    ticket.refresh_from_db()
    assert ticket.status == "pending" and ticket.snoozed_until == until
    assert not tickets.inbox_queryset(agent, "mine").filter(pk=ticket.pk).exists()
    assert tickets.inbox_queryset(agent, "snoozed").filter(pk=ticket.pk).exists()
    assert services.tick(now=until - timedelta(minutes=1))["woken"] == 0
    assert services.tick(now=until)["woken"] == 1
    ticket.refresh_from_db()
    assert ticket.status == "open" and ticket.snoozed_until is None
    assert tickets.inbox_queryset(agent, "mine").filter(pk=ticket.pk).exists()
    assert ticket.events.filter(kind=TicketEvent.Kind.WOKE).exists()
    assert FollowUp.objects.get(ticket=ticket).state == "done"


def test_snoozed_ticket_comes_back_when_the_customer_writes(ticket, agent):
    services.snooze(ticket, until=NOW + timedelta(days=3), actor=agent, now=NOW)
    tickets.add_inbound_message(ticket, body="Hej igen, noget nyt?", now=NOW + timedelta(hours=2))
    ticket.refresh_from_db()
    assert ticket.status == "open" and ticket.snoozed_until is None
    assert tickets.inbox_queryset(agent, "open").filter(pk=ticket.pk).exists()
    assert FollowUp.objects.get(ticket=ticket).state == "done"
    assert services.tick(now=NOW + timedelta(days=4))["woken"] == 0


def test_callback_request_gets_a_ticket_and_its_own_follow_up_in_the_callbacks_view(team_dk, agent, client):
    start = NOW + timedelta(hours=20)
    ticket = services.request_callback(
        phone="+45 20 12 34 56", name="Jens", window_start=start, window_end=start + timedelta(hours=1), now=NOW
    )
    assert ticket.contact.phones == ["+4520123456"]
    followup = FollowUp.objects.get(ticket=ticket)
    assert (followup.source, followup.due, followup.window_end) == ("callback", start, start + timedelta(hours=1))
    client.force_login(agent)
    page = client.get(reverse("callbacks")).content.decode()
    assert f">{ticket.number}<" in page and "+4520123456" in page


def test_callback_with_a_bad_phone_number_names_the_field(team_dk):
    with pytest.raises(ValidationError) as exc:
        services.request_callback(phone="ring mig", now=NOW)
    assert list(exc.value.message_dict) == ["phone"]


def test_no_answer_tells_the_customer_we_tried_and_offers_a_retry(ticket, agent, client, settings):
    settings.SMS_URL = ""
    ticket.contact.phones = ["+47 412 34 567"]
    ticket.contact.save()
    followup = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="Ring kunden", actor=agent, now=NOW)
    services.log_call(ticket, outcome="no_answer", actor=agent, now=NOW + timedelta(minutes=30))
    followup.refresh_from_db()
    assert followup.state == "done"
    tried = ticket.messages.filter(kind=Message.Kind.OUTBOUND).last()
    assert tried.body_text.startswith("Vi har forsøgt at ringe dig")
    run_sms_tasks()
    assert tried.outbound_sms.status == "outbox"
    client.force_login(agent)
    panel = client.get(reverse("followup_panel", args=[ticket.number])).content.decode()
    assert "Follow up on" in panel  # a retry is a quick pick away


def test_due_list_shows_what_was_promised_and_the_header_the_overdue_count(client, ticket, agent, lead):
    an_hour_ago = timezone.now() - timedelta(hours=1)
    overdue = FollowUp.objects.create(
        ticket=ticket, due=an_hour_ago, text="Send tilbuddet", owner=agent, team=ticket.team, created_at=an_hour_ago
    )
    client.force_login(agent)
    page = client.get(reverse("followups")).content.decode()
    assert "Send tilbuddet" in page and 'id="followup-badge"' in page and "1 overdue" in page
    client.force_login(lead)
    assert "1 overdue" in client.get(reverse("inbox")).content.decode()  # the lead sees the team's
    other = make_user("other@example.com", teams=[ticket.team])
    client.force_login(other)
    assert 'id="followup-badge"' not in client.get(reverse("inbox")).content.decode()  # not theirs
    assert overdue.pk


def test_promise_keeping_rate_per_agent(ticket, agent, team_dk):
    kept = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="a", actor=agent, now=NOW)
    services.done(kept, actor=agent, now=NOW + timedelta(minutes=10))
    late = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="b", actor=agent, now=NOW)
    services.mark_broken(late, now=NOW + timedelta(hours=1))
    cancelled = services.create(ticket=ticket, due=NOW + timedelta(hours=1), text="c", actor=agent, now=NOW)
    services.cancel(cancelled, actor=agent, now=NOW)
    rate = services.keeping(NOW, NOW + timedelta(days=1), team=team_dk.pk)
    assert (rate["promises_due"], rate["promises_kept"], rate["promise_rate"]) == (2, 1, 0.5)
    assert rate["by_agent"][0]["owner_id"] == agent.pk and rate["by_agent"][0]["rate"] == 0.5


def test_another_teams_agent_cannot_touch_a_follow_up(ticket, agent, agent_no, client):
    followup = services.create(ticket=ticket, due=NOW + timedelta(days=1), text="x", actor=agent, now=NOW)
    client.force_login(agent_no)
    assert client.post(reverse("followup_done", args=[followup.pk])).status_code == 404
    assert client.get(reverse("followup_panel", args=[ticket.number])).status_code == 404
    followup.refresh_from_db()
    assert followup.state == "open"
    assert Ticket.objects.count() == 1


def test_a_callback_is_broken_only_when_its_window_has_passed(team_dk, agent):
    start = NOW + timedelta(hours=20)
    ticket = services.request_callback(
        phone="20 12 34 56", window_start=start, window_end=start + timedelta(hours=2), now=NOW
    )
    followup = FollowUp.objects.get(ticket=ticket)
    assert services.tick(now=start - timedelta(minutes=20))["reminded"] == 1
    assert services.tick(now=start + timedelta(hours=1))["broken"] == 0  # still in the window
    services.log_call(ticket, outcome="reached", actor=agent, now=start + timedelta(hours=1, minutes=30))
    followup.refresh_from_db()
    assert (followup.state, followup.kept) == ("done", True)
    late = services.request_callback(
        phone="20 12 34 57", window_start=start, window_end=start + timedelta(hours=2), now=NOW
    )
    assert services.tick(now=start + timedelta(hours=2, minutes=1))["broken"] == 1
    assert FollowUp.objects.get(ticket=late).state == "broken"


def test_a_broken_promise_stays_overdue_until_the_agent_replies(client, ticket, agent):
    """At due time the promise is broken (and counted), but the customer still waits: it stays in the header's
    overdue count and on top of the due list until the agent acts on the ticket."""
    now = timezone.now()
    followup = services.create(
        ticket=ticket,
        due=now - timedelta(minutes=5),
        text="Ring kunden om fakturaen",
        actor=agent,
        now=now - timedelta(hours=1),
    )
    assert services.tick(now=now)["broken"] == 1
    client.force_login(agent)
    page = client.get(reverse("followups")).content.decode()
    assert "1 overdue" in page and "Ring kunden om fakturaen" in page and "broken: still owed" in page
    tickets.reply(ticket, author=agent, body="Hej. Undskyld ventetiden, her er svaret.", now=now + timedelta(minutes=1))
    page = client.get(reverse("followups")).content.decode()
    assert 'id="followup-badge"' not in page and "followup-row" not in page  # only the reminder's history
    followup.refresh_from_db()
    assert (followup.state, followup.kept) == ("broken", False)  # still counted as broken


def test_the_dashboard_shows_promise_keeping_per_team_and_period(client, ticket, agent, agent_no, team_no, lead):
    """Per agent in the table, per team with the team filter, per period with the dates."""
    now = timezone.now()
    before = now - timedelta(minutes=30)  # settled before now, so today's period holds them
    kept = services.create(ticket=ticket, due=now - timedelta(minutes=10), text="a", actor=agent, now=before)
    services.done(kept, actor=agent, now=now - timedelta(minutes=20))
    norwegian = make_ticket(team=team_no, language="nb", email="kunde@example.no", now=before)
    missed = services.create(ticket=norwegian, due=now - timedelta(minutes=10), text="b", actor=agent_no, now=before)
    services.mark_broken(missed, now=now - timedelta(minutes=10))
    client.force_login(lead)

    def kpi(**params) -> str:
        page = client.get(reverse("reports"), params).content.decode()
        return page.split('id="kpi-promises"', 1)[1].split("</a>", 1)[0]

    assert "50 %" in kpi() and "1 of 2" in kpi()
    assert "100 %" in kpi(team=ticket.team_id) and "1 of 1" in kpi(team=ticket.team_id)
    assert "0 %" in kpi(team=team_no.pk) and "0 of 1" in kpi(team=team_no.pk)
    last_month = (now - timedelta(days=40)).date()
    assert "0 of 0" in kpi(**{"from": last_month.isoformat(), "to": (last_month + timedelta(days=7)).isoformat()})


def test_snooze_from_the_ticket_page(client, agent, team_dk):
    """The panel's snooze: a quick pick or a time; the ticket leaves Mine and shows under Snoozed; a time in the
    past, or a solved ticket, is refused with a message, nothing changed."""
    ticket = make_ticket(team=team_dk)
    tickets.update_ticket(ticket, agent, assignee=agent)
    client.force_login(agent)
    response = client.post(reverse("ticket_snooze", args=[ticket.number]), {"until": "2001-01-01T10:00"}, follow=True)
    assert "Snooze until a time in the future." in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.snoozed_until is None
    client.post(reverse("ticket_snooze", args=[ticket.number]), {"pick": "tomorrow"})
    ticket.refresh_from_db()
    assert ticket.snoozed_until is not None and ticket.status == "pending"
    assert f">{ticket.subject}<" not in client.get(reverse("inbox_view", args=["mine"])).content.decode()
    assert ticket.subject in client.get(reverse("inbox_view", args=["snoozed"])).content.decode()
    solved = make_ticket(team=team_dk, email="b@example.dk")
    tickets.update_ticket(solved, agent, assignee=agent, status="solved")
    response = client.post(reverse("ticket_snooze", args=[solved.number]), {"pick": "tomorrow"}, follow=True)
    assert (
        response.status_code == 200 and "Only a ticket still in progress can be snoozed." in response.content.decode()
    )
