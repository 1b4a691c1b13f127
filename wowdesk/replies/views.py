from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from wowdesk.tickets.forms import properties_form
from wowdesk.tickets.services import ensure_can_work
from wowdesk.tickets.shortcuts import visible_ticket_or_404

from . import services
from .models import ReplyTemplate


@login_required
def template_search(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    templates = services.find_templates(ticket, request.GET.get("q", "")[:100])
    for template in templates:
        template.preview = services.render_template(template, ticket, request.user)
    return render(request, "replies/_template_list.html", {"templates": templates, "ticket": ticket})


@login_required
@require_POST
def template_apply(request, number: int, pk: int):
    ticket = visible_ticket_or_404(request, number)
    ensure_can_work(request.user, ticket)
    template = get_object_or_404(ReplyTemplate, pk=pk)
    text = services.apply_template(template, ticket, request.user)
    ticket = visible_ticket_or_404(request, number)  # again: the template may have changed it
    context = {
        "text": text,
        "template": template,
        "ticket": ticket,
        "properties": properties_form(ticket),
        "can_work": True,
        "oob": True,
    }
    return render(request, "replies/_applied.html", context)
