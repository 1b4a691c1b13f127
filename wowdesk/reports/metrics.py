"""The measures, as plain functions over numbers (no database): easy to check by hand.

NPS: % promoters (9-10) minus % detractors (0-6), -100..100. CSAT: share of 4-5 answers on the 1-5 scale.
"""

import statistics


def nps(scores) -> float | None:
    scores = list(scores)
    if not scores:
        return None
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    return round(100 * (promoters - detractors) / len(scores), 1)


def csat(scores) -> float | None:
    scores = list(scores)
    return round(sum(1 for s in scores if s >= 4) / len(scores), 3) if scores else None


def share(flags) -> float | None:
    flags = list(flags)
    return round(sum(1 for f in flags if f) / len(flags), 3) if flags else None


def median(values) -> float | None:
    values = list(values)
    return round(statistics.median(values), 1) if values else None


def p90(values) -> float | None:
    values = sorted(values)
    if not values:
        return None
    return round(statistics.quantiles(values, n=10, method="inclusive")[8], 1) if len(values) > 1 else values[0]
