"""/api/v1/webhooks: subscriptions (admin scope)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from .addresses import refused_address
from .auth import API_AUTH, require_scope
from .common import ERRORS, BadRequestField, IdempotencyKey, idempotent
from .models import WebhookSubscription
from .schemas import PathId, WebhookIn, WebhookOut

router = Router(tags=["webhooks"], auth=API_AUTH)


def _admin(request):
    require_scope(request, "admin")
    if not request.user.is_lead:
        raise PermissionDenied("webhooks are for admins and leads")


@router.get("/webhooks", response={200: list[WebhookOut], **ERRORS}, summary="List webhooks")
def list_webhooks(request):
    _admin(request)
    return list(WebhookSubscription.objects.all())


@router.post("/webhooks", response={201: WebhookOut, **ERRORS}, summary="Subscribe to events")
def create_webhook(request, payload: WebhookIn, idempotency_key: str | None = IdempotencyKey):
    """Deliveries are signed with the returned `secret` (see docs/api.md)."""
    _admin(request)
    if refused := refused_address(payload.url):
        raise BadRequestField("url", refused, where="body")

    def compute():
        subscription = WebhookSubscription.objects.create(
            url=payload.url, events=sorted(set(payload.events)), created_by=request.user
        )
        return 201, WebhookOut.from_orm(subscription).model_dump()

    return Status(*idempotent(request, compute))


@router.delete("/webhooks/{webhook_id}", response={204: None, **ERRORS}, summary="Delete a webhook")
def delete_webhook(request, webhook_id: PathId):
    _admin(request)
    get_object_or_404(WebhookSubscription, pk=webhook_id).delete()
    return Status(204, None)
