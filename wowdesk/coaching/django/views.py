from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from wowdesk.accounts.models import Team
from wowdesk.hours import periods
from wowdesk.tickets.shortcuts import visible_ticket_or_404

from . import services

MAX_DRAFT = 20_000  # live hints look at the first 20,000 characters of a draft


@login_required
def card(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    card = services.coaching_card(ticket, advice_language=get_language())
    return render(request, "coaching/_card.html", {"card": card, "ticket": ticket})


@login_required
@require_POST
def hints(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    draft = request.POST.get("body", "")[:MAX_DRAFT]
    context = {"hints": services.draft_hints(ticket, draft, advice_language=get_language()) if draft.strip() else None}
    return render(request, "coaching/_hints.html", context)


@login_required
def summary(request):
    if not request.user.reads_reports:
        raise PermissionDenied
    # The current time zone is the user's team's (accounts.middleware).
    period = periods.from_query(
        request.GET.get("from"), request.GET.get("to"), zone=timezone.get_current_timezone(), today=timezone.localdate()
    )
    teams = Team.objects.all()
    team = None
    agents = None
    if (team_id := request.GET.get("team", "")).isdigit() and len(team_id) < 19:
        team = teams.filter(pk=int(team_id)).first()
        agents = team.members.all() if team else None
    summaries = services.agent_summaries(period.start, period.end, agents=agents)
    context = {
        "summaries": summaries,
        "start": period.first,
        "end": period.last,
        "teams": teams,
        "team": team,
        "steps": services.BALA_STEPS,
    }
    return render(request, "coaching/summary.html", context)
