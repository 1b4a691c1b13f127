"""The quality pages under /quality/: scorecards, the review page beside the conversation, reviews (the agent's
view strengths first), queues, calibration, mystery-shopping import, variation and WOW. Thin: the rules live in
services, queues, calibration, mystery and variation."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wowdesk.hours import periods
from wowdesk.spreadsheets import csv_response
from wowdesk.tickets.models import Message, Ticket
from wowdesk.tickets.services import visible_tickets

from . import calibration as calibration_rounds
from . import export, mystery, services, variation
from . import queues as review_queues
from .models import Question, Review, Scorecard

EDITOR_SPARE_AREAS = 2
EDITOR_SPARE_QUESTIONS = 2


def _render(request, template: str, context: dict):
    return render(request, template, {"can_review": services.can_review(request.user), **context})


def _reviewers_only(request) -> None:
    if not services.can_review(request.user):
        raise PermissionDenied


def _ticket_or_404(request, number: int) -> Ticket:
    ticket = visible_tickets(request.user).select_related("team", "assignee", "contact").filter(number=number).first()
    if ticket is None:
        raise Http404
    return ticket


@login_required
def home(request):
    """Reviewers and leads start at the queues; an agent at their own page (WOW moments first)."""
    if services.can_review(request.user):
        return redirect("quality_queues")
    return redirect("quality_agent", pk=request.user.pk)


# --- scorecards -----------------------------------------------------------------------------------------


@login_required
def scorecards(request):
    _reviewers_only(request)
    services.ensure_default_scorecards()
    return _render(
        request,
        "quality/scorecards.html",
        {"cards": services.current_scorecards(), "can_edit": services.can_edit_scorecards(request.user)},
    )


def _spec_from_post(post) -> dict:
    areas = []
    for i in range(services.MAX_AREAS + EDITOR_SPARE_AREAS):
        if f"area-{i}-name" not in post:
            continue
        questions = []
        for j in range(services.MAX_QUESTIONS + EDITOR_SPARE_QUESTIONS):
            prefix = f"area-{i}-q-{j}-"
            if prefix + "text" not in post:
                continue
            questions.append(
                {
                    "text": post.get(prefix + "text", ""),
                    "kind": post.get(prefix + "kind", ""),
                    "weight": post.get(prefix + "weight", ""),
                    "autoqa": post.get(prefix + "autoqa", ""),
                }
            )
        areas.append(
            {"name": post.get(f"area-{i}-name", ""), "weight": post.get(f"area-{i}-weight", ""), "questions": questions}
        )
    team = post.get("team", "")
    return {
        "name": post.get("name", ""),
        "language": post.get("language", "da"),
        "channel": post.get("channel", ""),
        "team": services.team_choices().filter(pk=int(team)).first() if team.isdigit() and len(team) < 12 else None,
        "areas": areas,
    }


def _editor_rows(spec: dict) -> list[dict]:
    """The editor's areas and questions, with spare blank rows to add more (no script needed)."""
    rows = []
    for area in [*spec["areas"], *({"name": "", "weight": 1, "questions": []} for _n in range(EDITOR_SPARE_AREAS))]:
        questions = [*area["questions"]]
        questions += [{"text": "", "kind": "yes_no", "weight": 1, "autoqa": ""} for _n in range(EDITOR_SPARE_QUESTIONS)]
        rows.append({**area, "questions": questions})
    return rows


@login_required
def scorecard_edit(request, pk: int | None = None):
    if not services.can_edit_scorecards(request.user):
        raise PermissionDenied
    card = get_object_or_404(Scorecard, pk=pk, is_current=True) if pk else None
    error = None
    if request.method == "POST":
        spec = _spec_from_post(request.POST)
        try:
            if card:
                card = services.update_scorecard(actor=request.user, scorecard=card, spec=spec)
            else:
                card = services.create_scorecard(actor=request.user, spec=spec)
        except services.QualityInputError as exc:
            error = exc
        else:
            messages.success(request, _("Scorecard saved (version %(version)s).") % {"version": card.version})
            return redirect("quality_scorecards")
        shown = {**spec, "team": spec["team"].pk if spec["team"] else None}
    else:
        shown = (
            services.scorecard_spec(card)
            if card
            else {"name": "", "language": "da", "channel": "", "team": None, "areas": []}
        )
    return _render(
        request,
        "quality/scorecard_edit.html",
        {
            "card": card,
            "spec": shown,
            "rows": _editor_rows(shown),
            "error": error,
            "teams": services.team_choices(),
            "channels": Ticket.Channel.choices,
            "kinds": Question.Kind.choices,
            "measures": Question.AutoQA.choices,
        },
    )


# --- reviewing ------------------------------------------------------------------------------------------


def _answers_from_post(post, areas) -> tuple[list[dict], dict]:
    answers = []
    for area in areas:
        for q in area.question_list:
            answers.append(
                {"question": q.pk, "value": post.get(f"q-{q.pk}", ""), "comment": post.get(f"q-{q.pk}-comment", "")}
            )
    comments = {str(a.pk): post.get(f"area-{a.pk}-comment", "") for a in areas}
    return answers, comments


@login_required
def review_ticket(request, number: int):
    """The review page: the conversation on the left, the scorecard on the right with the coach's answers
    filled in and its evidence quoted; the reviewer confirms or overrides each (an override needs a why)."""
    _reviewers_only(request)
    ticket = _ticket_or_404(request, number)
    calibration = None
    if request.GET.get("calibration", "").isdigit() and len(request.GET["calibration"]) < 12:
        calibration = calibration_rounds.round_for_reviewer(
            user=request.user, pk=int(request.GET["calibration"]), ticket=ticket
        )
    card = calibration.scorecard if calibration else None
    services.ensure_default_scorecards()
    if card is None:
        chosen = request.GET.get("scorecard", "")
        card = (
            services.current_scorecards().filter(pk=int(chosen)).first()
            if chosen.isdigit() and len(chosen) < 12
            else None
        ) or services.scorecard_for(ticket)
    if card is None:
        messages.error(request, _("There is no scorecard yet: a lead makes one first."))
        return redirect("quality_scorecards")
    areas = services.card_structure(card)
    suggested = services.prefill(scorecard=card, ticket=ticket)
    error, posted = None, {}
    if request.method == "POST":
        answers, comments = _answers_from_post(request.POST, areas)
        posted = (
            {f"q-{a['question']}": str(a["value"]) for a in answers}
            | {f"q-{a['question']}-comment": a["comment"] for a in answers}
            | {f"area-{k}-comment": v for k, v in comments.items()}
        )
        try:
            review = services.save_review(
                actor=request.user,
                ticket=ticket,
                scorecard=card,
                answers=answers,
                comments=comments,
                calibration=calibration,
            )
        except services.QualityInputError as exc:
            error = exc
        else:
            messages.success(request, _("Review saved."))
            if calibration:
                return redirect("quality_calibration", pk=calibration.pk)
            return redirect("quality_review", pk=review.pk)
    for area in areas:
        for q in area.question_list:
            p = suggested.get(q.pk)
            q.prefill = p
            default = "" if p is None or p.value is None else str(p.value)
            if p is not None and p.value is None:
                default = "na"
            q.current = posted.get(f"q-{q.pk}", default)
            q.comment = posted.get(f"q-{q.pk}-comment", "")
        area.comment = posted.get(f"area-{area.pk}-comment", "")
    error_question = None
    if error is not None and error.field.startswith("answers."):
        index = int(error.field.split(".")[1])
        flat = [q for a in areas for q in a.question_list]
        error_question = flat[index].pk if index < len(flat) else None
    conversation = (
        ticket.messages.exclude(kind=Message.Kind.NOTE).select_related("author", "contact").order_by("created_at", "pk")
    )
    return _render(
        request,
        "quality/review_form.html",
        {
            "ticket": ticket,
            "card": card,
            "areas": areas,
            "conversation": conversation,
            "error": error,
            "error_question": error_question,
            "calibration": calibration,
            "agent": services.agent_of(ticket),
            "cards": services.current_scorecards(),
            "yes_no": Question.Kind.YES_NO,
        },
    )


@login_required
def review_detail(request, pk: int):
    review = get_object_or_404(
        services.visible_reviews(request.user).select_related("scorecard", "ticket", "agent", "reviewer"), pk=pk
    )
    return _render(
        request,
        "quality/review_detail.html",
        {"view": services.review_view(review), "review": review, "is_agent": review.agent_id == request.user.pk},
    )


@login_required
@require_POST
def review_react(request, pk: int):
    review = get_object_or_404(services.visible_reviews(request.user), pk=pk)
    try:
        services.react(
            actor=request.user,
            review=review,
            reaction=request.POST.get("reaction", ""),
            comment=request.POST.get("comment", ""),
        )
    except services.QualityInputError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Thank you: your reviewer sees your reaction."))
    return redirect("quality_review", pk=review.pk)


@login_required
def agent_page(request, pk: int):
    """An agent's quality page, appreciative first: WOW moments, then the best reviewed conversations, then
    every review."""
    agent = get_object_or_404(services.visible_agents(request.user), pk=pk)
    reviews = (
        services.visible_reviews(request.user)
        .filter(agent=agent)
        .exclude(source=Review.Source.CALIBRATION)
        .select_related("ticket", "scorecard", "reviewer")
    )
    best = reviews.filter(score__isnull=False).order_by("-score", "-created_at")[:3]
    wow = services.visible_wow(request.user).filter(agent=agent).order_by("-award_month", "-created_at")[:10]
    return _render(
        request,
        "quality/agent.html",
        {"agent": agent, "wow": wow, "best": best, "reviews": reviews.order_by("-created_at")[:50]},
    )


# --- queues ---------------------------------------------------------------------------------------------


@login_required
def queues(request, rule: str | None = None):
    _reviewers_only(request)
    if rule is not None and rule not in review_queues.RULES:
        raise Http404
    rule = rule or "random"
    items = review_queues.queue(user=request.user, rule=rule)
    return _render(
        request,
        "quality/queues.html",
        {"rules": review_queues.RULES, "rule": rule, "label": review_queues.RULES[rule], "items": items},
    )


# --- reviews list and CSV -------------------------------------------------------------------------------

CSV_MAX_ROWS = 50_000


def _reviews_in_scope(request):
    reviews = services.visible_reviews(request.user).select_related("ticket", "agent", "reviewer", "scorecard", "team")
    agent = request.GET.get("agent", "")
    if agent.isdigit() and len(agent) < 12:
        reviews = reviews.filter(agent_id=int(agent))
    source = request.GET.get("source", "")
    if source in Review.Source.values:
        reviews = reviews.filter(source=source)
    return reviews.order_by("-created_at", "-pk")


@login_required
def reviews(request):
    _reviewers_only(request)
    rows = _reviews_in_scope(request)
    if request.GET.get("format") == "csv":
        return export.reviews_csv(rows[:CSV_MAX_ROWS])
    return _render(request, "quality/reviews.html", {"reviews": rows[:200], "sources": Review.Source.choices})


# --- calibration ----------------------------------------------------------------------------------------


@login_required
def calibrations(request):
    _reviewers_only(request)
    services.ensure_default_scorecards()
    error = None
    if request.method == "POST":
        numbers = [n.strip().lstrip("#") for n in request.POST.get("tickets", "").replace(",", " ").split()]
        found = list(
            visible_tickets(request.user).filter(number__in=[int(n) for n in numbers if n.isdigit() and len(n) < 12])
        )
        reviewers = list(
            services.reviewer_choices().filter(pk__in=[p for p in request.POST.getlist("reviewers") if p.isdigit()])
        )
        card = (
            services.current_scorecards()
            .filter(pk=request.POST.get("scorecard", "0") if request.POST.get("scorecard", "").isdigit() else 0)
            .first()
        )
        try:
            if card is None:
                raise services.QualityInputError("scorecard", _("Choose a scorecard."))
            if len(found) != len(set(numbers)):
                raise services.QualityInputError("tickets", _("Some ticket numbers were not found."))
            round_ = calibration_rounds.create_round(
                actor=request.user,
                name=request.POST.get("name", ""),
                scorecard=card,
                tickets=found,
                reviewers=reviewers,
            )
        except services.QualityInputError as exc:
            error = exc
        else:
            return redirect("quality_calibration", pk=round_.pk)
    return _render(
        request,
        "quality/calibrations.html",
        {
            "rounds": calibration_rounds.rounds_for(request.user),
            "cards": services.current_scorecards(),
            "people": services.reviewer_choices(),
            "error": error,
        },
    )


@login_required
def calibration(request, pk: int):
    _reviewers_only(request)
    round_ = calibration_rounds.round_for_reviewer(user=request.user, pk=pk)
    if not (request.user.is_lead or round_.reviewers.filter(pk=request.user.pk).exists()):
        raise Http404
    mine = set(Review.objects.filter(calibration=round_, reviewer=request.user).values_list("ticket_id", flat=True))
    return _render(
        request,
        "quality/calibration.html",
        {
            "round": round_,
            "result": calibration_rounds.result(user=request.user, round_=round_),
            "tickets": round_.tickets.order_by("pk"),
            "mine": mine,
            "reviewers": round_.reviewers.order_by("name"),
            "is_reviewer": round_.reviewers.filter(pk=request.user.pk).exists(),
        },
    )


# --- mystery shopping -----------------------------------------------------------------------------------


@login_required
def mystery_import(request):
    _reviewers_only(request)
    services.ensure_default_scorecards()
    result, card = None, None
    cards = services.current_scorecards()
    chosen = request.POST.get("scorecard") or request.GET.get("scorecard") or ""
    if chosen.isdigit() and len(chosen) < 12:
        card = cards.filter(pk=int(chosen)).first()
    if request.method == "GET" and request.GET.get("format") == "template" and card:
        return csv_response("mystery-shopping-template.csv", mystery.template_header(card), [])
    if request.method == "POST":
        upload = request.FILES.get("file")
        if card is None:
            result = mystery.ImportResult(
                errors=[{"line": 0, "column": "scorecard", "message": _("Choose a scorecard.")}]
            )
        elif upload is None:
            result = mystery.ImportResult(errors=[{"line": 0, "column": "file", "message": _("Choose a CSV file.")}])
        else:
            result = mystery.import_csv(actor=request.user, data=upload.read(mystery.MAX_BYTES + 1), scorecard=card)
            if result.ok:
                messages.success(request, _("%(n)s evaluations imported.") % {"n": result.imported})
    return _render(request, "quality/import.html", {"cards": cards, "card": card, "result": result})


# --- variation ------------------------------------------------------------------------------------------


def _period(request):
    p = periods.from_query(
        request.GET.get("from"), request.GET.get("to"), zone=timezone.get_current_timezone(), today=timezone.localdate()
    )
    return p


@login_required
def variation_page(request):
    _reviewers_only(request)
    if request.method == "POST":
        if not request.user.is_lead:
            raise PermissionDenied
        agent = get_object_or_404(
            services.visible_agents(request.user),
            pk=request.POST.get("agent", "0") if request.POST.get("agent", "").isdigit() else 0,
        )
        variation.set_emotional_skill(actor=request.user, agent=agent, skilled=request.POST.get("skilled") == "1")
        messages.success(request, _("Saved."))
        return redirect(request.get_full_path())
    default_start = timezone.now() - timedelta(days=90)
    p = _period(request) if request.GET.get("from") else None
    start, end = (p.start, p.end) if p else (default_start, timezone.now())
    return _render(
        request,
        "quality/variation.html",
        {
            "areas": variation.area_scores_by_agent(user=request.user, start=start, end=end),
            "teams": variation.team_spread_by_month(user=request.user, start=start, end=end),
            "emotional": variation.emotional(user=request.user, start=start, end=end),
            "start": start,
            "end": end,
        },
    )


# --- WOW ------------------------------------------------------------------------------------------------


@login_required
def wow(request):
    if request.method == "POST":
        moment = get_object_or_404(
            services.visible_wow(request.user),
            pk=request.POST.get("moment", "0") if request.POST.get("moment", "").isdigit() else 0,
        )
        if not request.user.is_lead:
            raise PermissionDenied
        services.pick_wow_of_month(actor=request.user, moment=moment)
        messages.success(request, _("Picked as this month's WOW."))
        return redirect("quality_wow")
    moments = services.visible_wow(request.user).order_by("-award_month", "-created_at")
    return _render(
        request,
        "quality/wow.html",
        {
            "winners": moments.exclude(award_month=None)[:12],
            "moments": moments.filter(award_month=None)[:100],
            "suggestions": services.praise_suggestions(user=request.user)[:20],
            "month": timezone.localdate().replace(day=1),
        },
    )


@login_required
def wow_nominate(request, number: int):
    ticket = _ticket_or_404(request, number)
    error = None
    if request.method == "POST":
        try:
            services.nominate_wow(actor=request.user, ticket=ticket, reason=request.POST.get("reason", ""))
        except services.QualityInputError as exc:
            error = exc
        else:
            messages.success(request, _("Nominated as a WOW moment."))
            return redirect("quality_wow")
    return _render(
        request,
        "quality/wow_nominate.html",
        {"ticket": ticket, "error": error, "reason": request.POST.get("reason", request.GET.get("reason", ""))},
    )


@login_required
def ticket_panel(request, number: int):
    """The quality panel on the ticket page (loaded with htmx, so tickets does not import quality): this
    conversation's reviews the user may see, a link to review it (reviewers, leads) and to nominate it as WOW."""
    ticket = _ticket_or_404(request, number)
    reviews = (
        services.visible_reviews(request.user)
        .filter(ticket=ticket)
        .exclude(source=Review.Source.CALIBRATION)
        .order_by("-created_at")[:5]
    )
    return _render(request, "quality/_panel.html", {"ticket": ticket, "reviews": reviews})
