"""Follow-up surveys: scheduled when a ticket is solved, one-click answers from signed links that expire and
count once, a comment page, and the answers on the ticket."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from wowdesk.tickets import outbox
from wowdesk.tickets.models import Message, Ticket

from .models import Survey, SurveySettings
from .signals import survey_answered

SALT = "wowdesk.surveys.answer"
VALID_FOR = timedelta(days=14)
QUESTIONS = {"csat": range(1, 6), "nps": range(0, 11), "fcr": (0, 1)}


class SurveyLinkError(Exception):
    """The link was changed, belongs to no survey, or has expired."""


def settings_for(team) -> SurveySettings:
    return SurveySettings.objects.filter(team=team).first() or SurveySettings(team=team)


def _replied(ticket: Ticket) -> bool:
    """Did the customer get an answer from us? A ticket solved without one (spam, a duplicate) is not asked
    how we did."""
    return Message.objects.filter(ticket=ticket, kind=Message.Kind.OUTBOUND).exists()


def schedule(ticket: Ticket, now=None) -> Survey | None:
    """When a ticket is solved: a survey for its customer, sent after the team's delay (once per ticket).

    Only if we replied to the customer. A ticket solved again after a reopen whose survey never went out
    gets a new send time; one whose survey was sent is not asked twice."""
    now = now or timezone.now()
    if not ticket.contact.email or ticket.contact.email.endswith("@invalid") or ticket.team_id is None:
        return None
    config = settings_for(ticket.team)
    if not config.enabled or not _replied(ticket):
        return None
    survey = Survey.objects.filter(ticket=ticket).first()
    if survey is not None and (survey.sent_at or survey.answered_at):
        return None
    if survey is None:
        survey = Survey.objects.create(
            ticket=ticket,
            contact=ticket.contact,
            agent=ticket.assignee,
            language=ticket.contact.language or ticket.language,
            expires_at=now + VALID_FOR,
            ask_csat=config.ask_csat,
            ask_nps=config.ask_nps,
            ask_fcr=config.ask_fcr,
        )
    else:
        survey.agent, survey.expires_at = ticket.assignee, now + VALID_FOR
        survey.save(update_fields=["agent", "expires_at"])
    send_survey.using(run_after=now + timedelta(minutes=config.delay_minutes)).enqueue(survey.pk)
    return survey


def send_time(survey: Survey) -> datetime | None:
    """When the survey may go: the team's delay after the ticket was solved, if it is still solved and the
    customer got a reply from us; None if it must not go now (a reopen, or solved without a reply)."""
    ticket = survey.ticket
    if ticket.status != Ticket.Status.SOLVED or ticket.solved_at is None or not _replied(ticket):
        return None
    return ticket.solved_at + timedelta(minutes=settings_for(ticket.team).delay_minutes)


def answer_url(survey: Survey, question: str, value: int) -> str:
    signed = signing.dumps({"t": survey.token, "q": question, "v": value}, salt=SALT, compress=True)
    return f"{settings.BASE_URL}/s/{signed}/"


def read_link(signed: str, now=None) -> tuple[Survey, str, int]:
    try:
        data = signing.loads(signed, salt=SALT, max_age=VALID_FOR)
        survey = Survey.objects.select_related("ticket", "contact").get(token=data["t"])
        question, value = data["q"], int(data["v"])
    except (signing.BadSignature, Survey.DoesNotExist, KeyError, TypeError, ValueError) as exc:
        raise SurveyLinkError from exc
    if question not in QUESTIONS or value not in QUESTIONS[question] or (now or timezone.now()) > survey.expires_at:
        raise SurveyLinkError
    return survey, question, value


def record(survey: Survey, question: str, value: int, now=None) -> bool:
    """Store one answer. Each question counts once: a second click changes nothing. Returns if stored.

    One conditional UPDATE ("set it where it is still empty"), so of ten clicks at the same moment exactly one
    stores its answer (a read, then a write, let two of them store on PostgreSQL)."""
    if question not in QUESTIONS or value not in QUESTIONS[question]:
        return False
    answer = bool(value) if question == "fcr" else value
    stored = Survey.objects.filter(pk=survey.pk, **{f"{question}__isnull": True}).update(
        **{question: answer, "answered_at": Coalesce("answered_at", Value(now or timezone.now()))}
    )
    survey.refresh_from_db(fields=[question, "answered_at"])
    if not stored:
        return False
    survey_answered.send(sender=Survey, survey=survey)
    return True


def add_comment(survey: Survey, comment: str) -> None:
    """The first comment counts (one conditional update, like record)."""
    if comment.strip():
        Survey.objects.filter(pk=survey.pk, comment="").update(
            comment=comment.strip()[:5000], answered_at=Coalesce("answered_at", Value(timezone.now()))
        )
        survey.refresh_from_db(fields=["comment", "answered_at"])


def compose(survey: Survey) -> tuple[str, str]:
    with translation.override(survey.language):
        lines = [
            _("Hi %(name)s") % {"name": survey.contact.first_name},
            "",
            _("Your case #%(number)s is solved. Two clicks help us get better:") % {"number": survey.ticket.number},
            "",
        ]
        if survey.ask_csat:
            lines.append(_("Are you satisfied? (1 = not at all, 5 = very)"))
            lines += [f"  {v}: {answer_url(survey, 'csat', v)}" for v in range(1, 6)]
            lines.append("")
        if survey.ask_nps:
            lines.append(_("How likely are you to recommend us to others? (0-10)"))
            lines += [f"  {v}: {answer_url(survey, 'nps', v)}" for v in range(0, 11)]
            lines.append("")
        if survey.ask_fcr:
            lines.append(_("Was your matter resolved the first time you contacted us?"))
            lines.append(f"  {_('Yes')}: {answer_url(survey, 'fcr', 1)}")
            lines.append(f"  {_('No')}: {answer_url(survey, 'fcr', 0)}")
            lines.append("")
        lines.append(_("Thank you!"))
        subject = _("How did we do? [#%(number)s]") % {"number": survey.ticket.number}
        return subject, "\n".join(lines)


@task(queue_name="mail", priority=10)
def send_survey(survey_id: int) -> None:
    """The survey's mail, when its time has come (queued by schedule; beside the services, see tickets)."""
    send(survey_id)


def send(survey_id: int) -> None:
    survey = Survey.objects.select_related("ticket__contact", "ticket__team", "contact").filter(pk=survey_id).first()
    if survey is None or survey.sent_at or survey.answered_at:
        return
    when = send_time(survey)
    if when is None:  # reopened, or no reply: a new solve schedules it again
        return
    if when > timezone.now() + timedelta(seconds=1):
        # Solved again after a reopen (or the delay grew): the solve's own task comes later; this one waits.
        send_survey.using(run_after=when).enqueue(survey.pk)
        return
    # A ticket solved twice has two send tasks, and a task whose worker died runs again: the ticket gets one
    # survey mail however often this runs (outbox.send), and it is marked sent once that mail exists, so a
    # worker that dies in between leaves a survey the next run still sends.
    subject, body = compose(survey)
    outbox.send(survey.ticket, kind=outbox.SURVEY, subject=subject, body=body)
    Survey.objects.filter(pk=survey.pk, sent_at__isnull=True).update(sent_at=timezone.now())
