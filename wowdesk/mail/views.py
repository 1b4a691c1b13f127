from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from wowdesk.tickets.services import visible_tickets

from .models import InboundMail, OutboundMail


@login_required
def raw_mail(request, message_pk: int):
    """The original .eml of an inbound message, as a download, for anyone who may see its ticket."""
    inbound = get_object_or_404(InboundMail, message_id=message_pk)
    if inbound.ticket_id is None or not visible_tickets(request.user).filter(pk=inbound.ticket_id).exists():
        raise Http404
    response = HttpResponse(bytes(inbound.raw), content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="mail-{inbound.pk}.eml"'
    return response


@login_required
def outbox(request):
    """Every mail we sent or tried to send, newest first: with no SMTP server set, this is where they wait."""
    if not request.user.is_lead:
        raise PermissionDenied
    mails = OutboundMail.objects.select_related("ticket").order_by("-created_at")[:200]
    return render(request, "mail/outbox.html", {"mails": mails})
