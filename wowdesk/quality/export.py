"""CSV export of reviews: one row per review with its score, each area's score and comment, and the answers."""

from django.http import HttpResponse

from wowdesk.spreadsheets import csv_response

from . import services


def review_rows(reviews):
    """(header, rows): fixed columns, then per area of each review's card `area:NAME` (score) and
    `comment:NAME`; areas are matched by name across cards."""
    reviews = list(reviews.prefetch_related("answers"))
    cards, area_names = {}, []
    for r in reviews:
        if r.scorecard_id not in cards:
            cards[r.scorecard_id] = services.card_structure(r.scorecard)
            for a in cards[r.scorecard_id]:
                if a.name not in area_names:
                    area_names.append(a.name)
    header = [
        "review",
        "created_at",
        "source",
        "ticket",
        "reference",
        "agent",
        "team",
        "reviewer",
        "evaluator",
        "channel",
        "scorecard",
        "version",
        "score",
        "reaction",
        *(f"area:{n}" for n in area_names),
        *(f"comment:{n}" for n in area_names),
    ]
    rows = []
    for r in reviews:
        areas = cards[r.scorecard_id]
        values = {a.question_id: a.value for a in r.answers.all()}
        scores = {a.name: services.weighted_score([a], values) for a in areas}
        comments = {a.name: r.comments.get(str(a.pk), "") for a in areas}
        rows.append(
            [
                r.pk,
                r.created_at.isoformat(),
                r.source,
                r.ticket.number if r.ticket else "",
                r.reference,
                r.agent.email if r.agent else "",
                r.team.name if r.team else "",
                r.reviewer.email if r.reviewer else "",
                r.evaluator,
                r.channel,
                r.scorecard.name,
                r.scorecard.version,
                r.score,
                r.reaction,
                *(scores.get(n) for n in area_names),
                *(comments.get(n, "") for n in area_names),
            ]
        )
    return header, rows


def reviews_csv(reviews) -> HttpResponse:
    header, rows = review_rows(reviews)
    return csv_response("reviews.csv", header, rows)
