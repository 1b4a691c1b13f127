from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.views.decorators.http import require_POST

from . import services


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
