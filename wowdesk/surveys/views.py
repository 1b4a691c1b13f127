from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from wowdesk.tickets.views import visible_ticket_or_404

from . import services
from .models import Survey


def answer(request, signed: str):
    """The one-click link from the e-mail: records the answer, then offers the other questions and a comment."""
    try:
        survey, question, value = services.read_link(signed)
    except services.SurveyLinkError:
        return render(request, "surveys/invalid.html", status=404)
    if request.method == "POST":
        for name in ("csat", "nps", "fcr"):
            if (raw := request.POST.get(name, "")).isdigit():
                services.record(survey, name, int(raw))
        services.add_comment(survey, request.POST.get("comment", ""))
        return render(request, "surveys/thanks.html", {"survey": survey, "done": True})
    stored = services.record(survey, question, value)
    survey.refresh_from_db()
    return render(
        request,
        "surveys/thanks.html",
        {"survey": survey, "stored": stored, "signed": signed, "nps_values": range(0, 11), "csat_values": range(1, 6)},
    )


@login_required
def ticket_panel(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    survey = Survey.objects.filter(ticket=ticket).first()
    return render(request, "surveys/_panel.html", {"survey": survey})
