from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wowdesk.accounts.models import User

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
