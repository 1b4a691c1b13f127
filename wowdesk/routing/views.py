from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wowdesk.accounts.models import User
from wowdesk.tickets.views import visible_ticket_or_404

from . import notices, services


@login_required
@require_POST
def presence(request):
    value = request.POST.get("presence", "")
    if value not in User.Presence.values:
        return HttpResponseBadRequest("unknown presence")
    given = services.set_presence(request.user, value)
    if value == User.Presence.AVAILABLE:
        notices.told_until_now(request)
        if given:
            messages.info(request, notices.assigned_text(given))
    nxt = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = "/"
    if request.htmx:
        return render(request, "routing/_presence.html", {"user": request.user})
    return redirect(nxt)


@login_required
def overview(request):
    if not request.user.is_lead:
        raise PermissionDenied
    template = "routing/_overview.html" if request.htmx else "routing/overview.html"
    return render(request, template, services.overview(request.user))


@login_required
def assigned_notice(request, number: int):
    """The live notice of a ticket just given to the signed-in agent (tickets/inbox.js asks for it when its
    socket says so): a line for the page's notices, or 404 when the ticket is not, or no longer, theirs."""
    ticket = visible_ticket_or_404(request, number)
    if ticket.assignee_id != request.user.pk:
        raise Http404
    if notices.SESSION_KEY in request.session:
        # Told now: the next page does not tell it again (a later routing round has its own live notice).
        notices.told_until_now(request)
    return render(request, "routing/_assigned_notice.html", {"ticket": ticket, "text": notices.given_text(ticket)})
