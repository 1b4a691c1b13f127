from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from wowdesk.tickets.shortcuts import visible_ticket_or_404

from . import services
from .models import Survey


def answer(request, signed: str):
    """The one-click link from the e-mail.

    Opening the link (GET) stores nothing: mail security scanners open every link in a mail, and would
    otherwise answer "1" for the customer. The page records the clicked score itself as it loads (app.js
    posts it back), so a person's click is still the only click; without JavaScript a button confirms it.
    The page then offers the other questions and a comment."""
    try:
        survey, question, value = services.read_link(signed)
    except services.SurveyLinkError:
        return render(request, "surveys/invalid.html", status=404)
    stored = False
    if request.method == "POST" and request.POST.get("step") == "click":
        # The score is the one in the signed link, whatever the form says.
        stored = services.record(survey, question, value)
        if request.headers.get("X-Survey-Click"):  # recorded by the page as it loaded
            return HttpResponse(status=204 if stored else 208)
    elif request.method == "POST":
        for name in ("csat", "nps", "fcr"):
            if (raw := request.POST.get(name, "")).isdigit():
                services.record(survey, name, int(raw))
        services.add_comment(survey, request.POST.get("comment", ""))
        return render(request, "surveys/thanks.html", {"survey": survey, "done": True})
    survey.refresh_from_db()
    context = {
        "survey": survey,
        "signed": signed,
        "question": question,
        "value": value,
        "already": getattr(survey, question) is not None and not stored,
        "recorded": stored,
        "nps_values": range(0, 11),
        "csat_values": range(1, 6),
    }
    return render(request, "surveys/thanks.html", context)


@login_required
def ticket_panel(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    survey = Survey.objects.filter(ticket=ticket).first()
    return render(request, "surveys/_panel.html", {"survey": survey, "ticket": ticket})
