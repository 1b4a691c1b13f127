"""Pages for people: your API tokens, and the webhook delivery log for leads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ApiToken, WebhookSubscription, scope_covers


@login_required
def tokens(request):
    new_token = None
    if request.method == "POST":
        scope = request.POST.get("scope", "read")
        if scope not in ApiToken.Scope.values:
            raise PermissionDenied
        _token, new_token = ApiToken.issue(request.user, scope, request.POST.get("name", "")[:100])
    # Only the scopes the user's role allows are offered (issue() refuses the others).
    highest = ApiToken.highest_scope(request.user)
    scopes = [(value, label) for value, label in ApiToken.Scope.choices if scope_covers(highest, value)]
    context = {"tokens": request.user.api_tokens.all(), "new_token": new_token, "scopes": scopes}
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def revoke_token(request, pk: int):
    get_object_or_404(ApiToken, pk=pk, user=request.user)  # only your own: no IDOR
    ApiToken.revoke(pk, user=request.user)  # revoking twice keeps the first time
    messages.success(request, _("Token revoked."))
    return redirect("api_tokens")


@login_required
def webhook_log(request):
    if not request.user.is_lead:
        raise PermissionDenied
    subscriptions = WebhookSubscription.objects.prefetch_related("deliveries")
    rows = [(s, list(s.deliveries.all()[:20])) for s in subscriptions]
    return render(request, "api/webhooks.html", {"rows": rows})
