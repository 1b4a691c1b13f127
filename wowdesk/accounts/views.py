from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.views.decorators.http import require_POST

from . import services
from .models import Team

LOGO_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}


@require_POST
def set_language(request):
    """Switch the interface language: saved on the user, and in a cookie for the public pages."""
    language = request.POST.get("language", "")
    nxt = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        nxt = "/"
    response = HttpResponseRedirect(nxt)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            services.set_language(request.user, language)
        activate(language)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", max_age=365 * 24 * 3600)
    return response


def team_logo(request, pk: int):
    """A team's logo. Public: customers see it on the survey page, without logging in."""
    team = get_object_or_404(Team.objects.exclude(logo=""), pk=pk)
    content_type = LOGO_TYPES.get(team.logo.name.rsplit(".", 1)[-1].lower())
    if content_type is None:
        raise Http404
    try:
        logo = team.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(logo, content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response
