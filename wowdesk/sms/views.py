"""The inbound SMS endpoint (signed JSON from the provider) and the SMS part of the outbox page."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services


@csrf_exempt
@require_POST
def inbound(request):
    """POST /sms/inbound/ with {"from", "text", "to"?, "id"?}, headers X-Wowdesk-Timestamp and
    X-Wowdesk-Signature (sha256=HMAC of "<timestamp>.<body>" with WOWDESK_SMS_SECRET)."""
    body = request.body
    if not services.verify(
        request.headers.get("X-Wowdesk-Timestamp", ""), request.headers.get("X-Wowdesk-Signature", ""), body
    ):
        return JsonResponse({"detail": "missing or wrong signature"}, status=401)
    try:
        data = json.loads(body)
    except ValueError:
        return JsonResponse({"detail": "the body must be JSON"}, status=400)
    if not isinstance(data, dict) or not isinstance(data.get("from"), str) or not isinstance(data.get("text"), str):
        return JsonResponse(
            {"detail": [{"loc": ["body", "from"], "msg": "'from' and 'text' are required strings"}]}, status=422
        )
    try:
        ticket = services.receive(
            from_number=data["from"],
            text=data["text"],
            to_number=str(data.get("to") or ""),
            provider_id=str(data["id"])[:200] if data.get("id") else None,
        )
    except ValidationError as exc:
        errors = [{"loc": ["body", field], "msg": " ".join(msgs)} for field, msgs in exc.message_dict.items()]
        return JsonResponse({"detail": errors}, status=422)
    return JsonResponse({"ticket": ticket.number})


@login_required
def outbox(request):
    """The SMS we sent or tried to send (loaded into the /outbox/ page)."""
    if not request.user.is_lead:
        raise PermissionDenied
    return render(request, "sms/_outbox.html", {"messages_out": services.outbox()})
