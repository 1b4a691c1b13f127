from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from wowdesk.replies.services import opening_status
from wowdesk.tickets.services import default_team_for

from . import services
from .forms import InquiryForm

# The confirmation URL a bot gets: a page that thanks it and names no ticket.
NO_TICKET = "-"


def contact(request):
    form = InquiryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            # Tell the bot it worked; make nothing.
            return redirect("portal_thanks", token=NO_TICKET)
        data = form.cleaned_data
        try:
            ticket = services.submit_inquiry(
                name=data["name"],
                email=data["email"],
                subject=data["subject"],
                message=data["message"],
                attachments=data["attachments"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("portal_thanks", token=services.thanks_token(ticket))
    status = 400 if request.method == "POST" else 200
    language = (get_language() or "da").split("-")[0]
    hours = opening_status(default_team_for(language if language in ("da", "nb", "en") else "da"), language)
    return render(request, "portal/contact.html", {"form": form, "hours": hours}, status=status)


def thanks(request, token: str):
    number = None if token == NO_TICKET else services.number_from_thanks_token(token)
    if token != NO_TICKET and number is None:
        raise Http404
    return render(request, "portal/thanks.html", {"number": number})
