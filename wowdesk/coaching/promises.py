"""Promises an agent makes ("we will call you tomorrow") and when they fall due.

A promise needs a commitment by us (lexicon.PROMISE) in a statement. Its due time is resolved against the
time the message was sent: "today" is 17:00 that day, "tomorrow" 17:00 the next day ("tomorrow morning"
12:00), a weekday is 17:00 on its next occurrence, "within 2 hours" is exact, "within 3 days" is 17:00 on
the third day, "next week" is Friday of next week at 17:00, and a clock time ("kl. 14", "by 2 pm") sets
the hour. A promise without a time ("when the supplier answers") has no due time.
"""

import re
from datetime import date, datetime, time, timedelta

from . import lexicon

END_OF_DAY = time(17, 0)
MORNING = time(12, 0)
_FLAGS = re.IGNORECASE | re.UNICODE


def _compile(lang: str) -> dict:
    words = lexicon.TIME_WORDS[lang]
    return {
        "promise": re.compile("|".join(lexicon.PROMISE[lang]), _FLAGS),
        "within": re.compile(r"\b" + words["within"] + r"\b", _FLAGS),
        "next_week": re.compile(r"\b(?:" + words["next_week"] + r")\b", _FLAGS),
        "tomorrow": re.compile(r"\b(?:" + words["tomorrow"] + r")\b", _FLAGS),
        "today": re.compile(r"\b(?:" + words["today"] + r")\b", _FLAGS),
        "morning": re.compile(r"\b(?:" + words["morning"] + r")\b", _FLAGS),
        "clock": re.compile(r"\b" + words["clock"] + r"\b", _FLAGS),
        "weekday": re.compile(r"\b(" + "|".join(lexicon.WEEKDAYS[lang]) + r")\b", _FLAGS),
        "weekdays": lexicon.WEEKDAYS[lang],
    }


PATTERNS = {lang: _compile(lang) for lang in lexicon.LANGUAGES}


def is_promise(sentence: str, lang: str) -> bool:
    return PATTERNS[lang]["promise"].search(sentence) is not None


def _at(day: date, at_time: time, sent: datetime) -> datetime:
    return datetime.combine(day, at_time, tzinfo=sent.tzinfo)


def resolve_due(sentence: str, lang: str, sent: datetime | None) -> datetime | None:
    if sent is None:
        return None
    p = PATTERNS[lang]
    day: date | None = None
    if m := p["within"].search(sentence):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else lexicon.NUMBER_WORDS.get(raw, 1)
        unit = m.group("unit").lower()
        if unit.startswith(("time", "hour")):
            return sent + timedelta(hours=n)
        if unit.startswith("minut"):
            return sent + timedelta(minutes=n)
        weeks = unit.startswith(("uge", "uke", "week"))
        day = sent.date() + timedelta(days=7 * n if weeks else n)
    elif p["next_week"].search(sentence):
        day = sent.date() + timedelta(days=7 - sent.weekday() + 4)
    elif p["tomorrow"].search(sentence):
        day = sent.date() + timedelta(days=1)
    elif m := p["weekday"].search(sentence):
        target = p["weekdays"].index(m.group(1).lower())
        ahead = (target - sent.weekday()) % 7 or 7
        day = sent.date() + timedelta(days=ahead)
    elif p["today"].search(sentence):
        day = sent.date()
    at_time = None
    if m := p["clock"].search(sentence):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            at_time = time(hour, minute)
            if day is None:
                day = sent.date() if _at(sent.date(), at_time, sent) > sent else sent.date() + timedelta(days=1)
    if day is None:
        return None
    if at_time is None:
        at_time = MORNING if p["morning"].search(sentence) else END_OF_DAY
    return _at(day, at_time, sent)
