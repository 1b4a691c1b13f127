from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from wowdesk.tickets.shortcuts import visible_ticket_or_404

from . import services
from .models import Survey


def answer(request, signed: str):
    """The link from the e-mail.

    Opening the link stores nothing: mail security scanners open every link in a mail, some of them running
    the page's JavaScript too, and would answer "1" for the customer. The page shows the clicked score with
    a "Save my answer" button, focused, so one more click (or Enter) stores it. Then it offers the other
    questions and a comment."""
    try:
        survey, question, value = services.read_link(signed)
    except services.SurveyLinkError:
        return render(request, "surveys/invalid.html", status=404)
    stored = False
    if request.method == "POST" and request.POST.get("step") == "click":
        # The score is the one in the signed link, whatever the form says.
        stored = services.record(survey, question, value)
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
