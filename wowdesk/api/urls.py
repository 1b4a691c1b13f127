"""The REST API under /api/v1/ (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/docs."""

import logging
import uuid

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import redirect
from django.urls import path
from ninja import NinjaAPI

from wowdesk.workers.services import Overloaded

from . import coach, directory, followups, hooks_api, quality, reports, tickets, views
from .auth import RateLimited
from .common import BadRequestField

api = NinjaAPI(
    title="wowdesk API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    description="Tickets, messages, customers and webhooks. Authenticate with `Authorization: Bearer <token>` "
    "(python -m wowdesk token create --user EMAIL --scope read|write|admin).",
)
api.add_router("", tickets.router)
api.add_router("", directory.router)
api.add_router("", hooks_api.router)
api.add_router("", reports.router)
api.add_router("", quality.router)
api.add_router("", followups.router)
api.add_router("/coach", coach.router)


@api.exception_handler(RateLimited)
def rate_limited(request, exc: RateLimited):
    response = api.create_response(request, {"detail": "too many requests for this token"}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(Overloaded)
def overloaded(request, exc: Overloaded):
    # 503, not 429: it is the service that is behind, not this client asking too often.
    response = api.create_response(request, {"detail": str(exc)}, status=503)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(BadRequestField)
def bad_field(request, exc: BadRequestField):
    return api.create_response(
        request, {"detail": [{"loc": [exc.where, exc.field], "msg": str(exc), "type": "value_error"}]}, status=422
    )


@api.exception_handler(DjangoValidationError)
def rule_broken(request, exc: DjangoValidationError):
    # A ticket rule (e.g. "a closed ticket is final") rather than a malformed field.
    return api.create_response(
        request, {"detail": [{"loc": ["body"], "msg": " ".join(exc.messages), "type": "rule"}]}, status=422
    )


@api.exception_handler(PermissionDenied)
def forbidden(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or "permission denied"}, status=403)


@api.exception_handler(ObjectDoesNotExist)
def not_found(request, exc):
    return api.create_response(request, {"detail": "not found"}, status=404)


logger = logging.getLogger("wowdesk.api")


@api.exception_handler(Exception)
def unexpected(request, exc: Exception):
    """Anything not answered above is a bug: logged with its traceback under an id the client is given, and
    answered as JSON like every other API error (not Django's HTML error page)."""
    error_id = uuid.uuid4().hex[:12]
    logger.exception("API error %s on %s %s", error_id, request.method, request.path, exc_info=exc)
    return api.create_response(
        request, {"detail": f"internal error; quote this id when reporting it: {error_id}", "id": error_id}, status=500
    )


urlpatterns = [
    path("api/v1/", api.urls),
    path("account/tokens/", views.tokens, name="api_tokens"),
    path("account/tokens/<num:pk>/revoke/", views.revoke_token, name="api_token_revoke"),
    path("webhooks/", views.webhook_log, name="webhook_log"),
    path("api/docs", lambda request: redirect("/api/v1/docs"), name="api_docs"),
]
