"""The agent's chat pane on the ticket page (loaded by htmx, like the coaching card)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import get_visible_ticket

from .models import Chat


@login_required
def pane(request, number: int):
    try:
        ticket = get_visible_ticket(request.user, number)
    except Ticket.DoesNotExist as exc:
        raise Http404 from exc
    chat = Chat.objects.filter(ticket=ticket).first()
    if chat is None:
        raise Http404
    context = {"ticket": ticket, "chat": chat, "can_work": request.user.can_work_tickets}
    return render(request, "chat/_pane.html", context)
