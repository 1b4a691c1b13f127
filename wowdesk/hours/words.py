"""Business time and deadlines in the words a customer reads: "3 hours", "tomorrow morning, by 10:00".

In the active language (the caller chooses it with translation.override) and the team's time zone. Used by
the auto-reply (replies) and the chat's expected wait (portal).
"""

import math
from datetime import datetime, timedelta

from django.utils import formats
from django.utils.dates import WEEKDAYS  # Django's own translated weekday names
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def duration(seconds: float) -> str:
    """Business time in words people use: 15-minute steps under an hour, hours under a day, then days."""
    minutes = max(15, math.ceil(seconds / 60 / 15) * 15)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = math.ceil(minutes / 60)
    if hours < 8:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = math.ceil(hours / 8)
    return ngettext("%(n)d working day", "%(n)d working days", days) % {"n": days}


def moment(when: datetime, zone) -> str:
    """A moment as a weekday, date and time in the team's zone ("Monday 23. November 08:00")."""
    return formats.date_format(when.astimezone(zone), "l j. F H:i")


def deadline(due: datetime, now: datetime, zone) -> str:
    """A moment in words a customer reads as a deadline, rounded up to the whole hour: "by 10:00 tomorrow",
    "by 15:00 today", "by 12:00 on Thursday" (in the active language)."""
    local = due.astimezone(zone)
    hour = local.replace(minute=0, second=0, microsecond=0)
    if hour < local:
        hour += timedelta(hours=1)
    days = (hour.date() - now.astimezone(zone).date()).days
    values = {"hour": hour.hour}
    if days <= 0:
        return _("by %(hour)s:00 today") % values
    if days == 1:
        if hour.hour <= 12:
            return _("tomorrow morning, by %(hour)s:00") % values
        return _("by %(hour)s:00 tomorrow") % values
    if days < 7:
        return _("by %(hour)s:00 on %(weekday)s") % {**values, "weekday": WEEKDAYS[hour.weekday()]}
    return _("by %(hour)s:00 on %(date)s") % {**values, "date": formats.date_format(hour, "j. F")}
