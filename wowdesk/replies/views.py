from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import ensure_can_work, get_visible_ticket

from . import services
from .models import ReplyTemplate


def _ticket(request, number: int) -> Ticket:
    try:
        return get_visible_ticket(request.user, number)
    except Ticket.DoesNotExist as exc:
        raise Http404 from exc


@login_required
def template_search(request, number: int):
    ticket = _ticket(request, number)
    templates = services.find_templates(ticket, request.GET.get("q", "")[:100])
    return render(request, "replies/_template_list.html", {"templates": templates, "ticket": ticket})


@login_required
@require_POST
def template_apply(request, number: int, pk: int):
    ticket = _ticket(request, number)
    ensure_can_work(request.user, ticket)
    template = get_object_or_404(ReplyTemplate, pk=pk)
    text = services.apply_template(template, ticket, request.user)
    ticket = get_visible_ticket(request.user, number)
    from wowdesk.tickets.views import _properties_form

    context = {
        "text": text,
        "template": template,
        "ticket": ticket,
        "properties": _properties_form(ticket),
        "can_work": True,
        "oob": True,
    }
    return render(request, "replies/_applied.html", context)
