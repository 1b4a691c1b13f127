"""Telling an available agent which tickets routing gave them: at once when they become available, and on
their next page after a later round (the rounds run in the background, a few tickets at a time)."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _

from wowdesk.accounts.models import User
from wowdesk.tickets.models import Ticket, TicketEvent

SESSION_KEY = "routing_told_until"
# Pages are not asked more often than this whether routing gave the agent something (one query when asked).
LOOK_EVERY = timedelta(seconds=20)


def assigned_text(tickets) -> str:
    listed = "; ".join(f"#{t.number} {t.subject}" for t in tickets)
    return _("Assigned to you: %(tickets)s. Waiting tickets come a few at a time while you are available.") % {
        "tickets": listed
    }


def given_text(ticket: Ticket) -> str:
    return _("Assigned to you: #%(number)s %(subject)s") % {"number": ticket.number, "subject": ticket.subject}


def told_until_now(request) -> None:
    request.session[SESSION_KEY] = timezone.now().isoformat()


def routed_since(user: User, since: datetime) -> list[Ticket]:
    """Tickets routing (no person) assigned to the user after `since`, still theirs."""
    numbers = (
        TicketEvent.objects.filter(
            kind=TicketEvent.Kind.ASSIGNEE, actor__isnull=True, created_at__gt=since, ticket__assignee=user
        )
        .order_by("created_at")
        .values_list("ticket_id", flat=True)
    )
    return list(Ticket.objects.filter(pk__in=list(numbers)).order_by("created_at"))


class RoutedTicketsNoticeMiddleware:
    """On an available agent's next full page, a notice of the tickets routing gave them since the last one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.method == "GET"
            and user is not None
            and user.is_authenticated
            and user.presence == User.Presence.AVAILABLE
            and not request.headers.get("HX-Request")
            and SESSION_KEY in request.session
        ):
            self.tell(request, user)
        return self.get_response(request)

    @staticmethod
    def tell(request, user) -> None:
        try:
            since = datetime.fromisoformat(request.session[SESSION_KEY])
        except (TypeError, ValueError):
            since = timezone.now()
        now = timezone.now()
        if now - since < LOOK_EVERY:
            return
        request.session[SESSION_KEY] = now.isoformat()
        tickets = routed_since(user, since)
        if tickets:
            messages.info(request, assigned_text(tickets))
