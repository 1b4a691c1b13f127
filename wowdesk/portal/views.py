import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy

from wowdesk import languages
from wowdesk.chat.services import file_for_link
from wowdesk.followups.services import callback_windows, request_callback
from wowdesk.replies.services import opening_status
from wowdesk.tickets.services import default_team_for

from . import services
from .forms import CallbackForm, InquiryForm

# The confirmation URL a bot gets: a page that thanks it and names no ticket.
NO_TICKET = "-"


def _language() -> str:
    return languages.supported(get_language())


def _page(request, form, callback, status: int):
    hours = opening_status(default_team_for(_language()), _language())
    return render(request, "portal/contact.html", {"form": form, "callback": callback, "hours": hours}, status=status)


def _callback_form(data=None) -> CallbackForm:
    """The callback form with the windows of the team that answers this page's language."""
    return CallbackForm(data, windows=callback_windows(default_team_for(_language())))


def callback(request):
    """The callback request on the support page: a ticket in the Callbacks view with its own follow-up."""
    form = _callback_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            return render(request, "portal/callback_thanks.html", {"window": None})
        data = form.cleaned_data
        start, end = data["window"] or (None, None)
        try:
            ticket = request_callback(
                phone=data["phone"],
                name=data["name"],
                email=data["email"],
                language=_language(),
                window_start=start,
                window_end=end,
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                field = "window" if field.startswith("window") else field
                form.add_error(field if field in form.fields else None, messages)
        else:
            window = ticket.followups.first()
            return render(request, "portal/callback_thanks.html", {"window": window})
    if request.method != "POST":
        return redirect("portal_contact")
    return _page(request, InquiryForm(), form, 400)


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
    return _page(request, form, _callback_form(), 400 if request.method == "POST" else 200)


def thanks(request, token: str):
    number = None if token == NO_TICKET else services.number_from_thanks_token(token)
    if token != NO_TICKET and number is None:
        raise Http404
    return render(request, "portal/thanks.html", {"number": number})


# What the chat widget says, in each language it speaks (it picks one by the page's <html lang>).
WIDGET_STRINGS = {
    "title": gettext_lazy("Chat with us"),
    "open": gettext_lazy("Chat with us"),
    "close": gettext_lazy("Close"),
    "connecting": gettext_lazy("Connecting…"),
    "reconnecting": gettext_lazy("Connection lost. Reconnecting…"),
    "name": gettext_lazy("Your name"),
    "email": gettext_lazy("Your e-mail"),
    "email_optional": gettext_lazy("Your e-mail (optional)"),
    "message": gettext_lazy("Your message"),
    "start": gettext_lazy("Start chat"),
    "send": gettext_lazy("Send"),
    "end": gettext_lazy("End chat"),
    "leave_send": gettext_lazy("Send message"),
    "left": gettext_lazy("Thank you. We have your message (#%(number)s) and will answer you by e-mail."),
    "agent_here": gettext_lazy("%(name)s is here"),
    "typing": gettext_lazy("%(name)s is typing…"),
    "agent_typing": gettext_lazy("The agent is typing…"),
    "agent": gettext_lazy("Agent"),
    "you": gettext_lazy("You"),
    "ended": gettext_lazy("The chat has ended."),
    "transcript": gettext_lazy("E-mail me the chat"),
    "transcript_sent": gettext_lazy("The chat is on its way to %(email)s."),
    "again": gettext_lazy("Start a new chat"),
    "attach": gettext_lazy("Attach a file"),
    "file_too_large": gettext_lazy("The file is too large (at most %(mb)s MB)."),
    "read": gettext_lazy("Read"),
    "callback_instead": gettext_lazy("Call me back instead"),
    "message_instead": gettext_lazy("Write a message instead"),
    "phone": gettext_lazy("Your phone number"),
    "callback_send": gettext_lazy("Call me back"),
}


def chat_widget(request):
    """/chat/widget.js: the script customers' sites embed. The same for every widget (the key is read from
    the script tag), so browsers and proxies may cache it for a while."""
    strings = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            strings[code] = {name: str(text) for name, text in WIDGET_STRINGS.items()}
    response = render(
        request,
        "portal/widget.js",
        {"strings": json.dumps(strings, ensure_ascii=False), "base_url": settings.BASE_URL},
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=300"
    # Any site may load the script; what it may do is decided per widget on the WebSocket.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def chat_file(request, signed: str):
    """A file in a chat, from the customer's widget: the signed link is the permission (it names one file of
    one chat). Always a download, never shown inline in our origin."""
    attachment = file_for_link(signed)
    if attachment is None:
        raise Http404
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename)
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
