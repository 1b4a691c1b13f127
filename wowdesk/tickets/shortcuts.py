"""What every view of a ticket (in any app) starts with."""

from django.http import Http404

from . import services
from .models import Ticket


def visible_ticket_or_404(request, number: int) -> Ticket:
    """The ticket with this number if the signed-in user may see it; a 404 otherwise (never a 403)."""
    try:
        return services.get_visible_ticket(request.user, number)
    except Ticket.DoesNotExist as exc:
        raise Http404 from exc
