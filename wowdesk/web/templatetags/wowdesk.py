from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext

from wowdesk.mail.quoting import split_quoted
from wowdesk.tickets import services as tickets

register = template.Library()


@register.simple_tag(takes_context=True)
def view_link(context, url: str, label: str, count, kind: str, key=""):
    """A sidebar link with its count, marked when it is the view on screen (context `current`)."""
    active = context.get("current") == f"{kind}:{key}"
    return format_html(
        '<a href="{}" class="view-link{}"{}><span>{}</span><span class="count">{}</span></a>',
        url,
        " active" if active else "",
        ' aria-current="page"' if active else "",
        label,
        "" if count is None else count,
    )


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    """The interface languages, each in its own name ("English", "Dansk", "Norsk bokmål"), as language menus
    show them: Django's own tag translates them ("engelsk" next to "Dansk" in a Danish interface)."""
    return settings.LANGUAGES


@register.filter
def up_to(count):
    """An inbox count as the sidebar shows it: past services.COUNT_UP_TO, where counting stops, "1000+"."""
    return f"{tickets.COUNT_UP_TO}+" if isinstance(count, int) and count > tickets.COUNT_UP_TO else count


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def prefixed(value, prefix: str) -> str:
    return f"{prefix}{value}"


@register.filter
def quoted_split(text: str) -> tuple[str, str]:
    """(new text, quoted history) of a message, so the history can be folded away."""
    return split_quoted(text or "")


@register.filter
def overdue(moment) -> bool:
    return bool(moment) and moment < timezone.now()


@register.filter
def duration(seconds) -> str:
    """Seconds as people read a response time: "45 min", "3.5 h", "2.1 d"; "–" when there is none."""
    if seconds is None or seconds == "":
        return "–"
    seconds = float(seconds)
    if seconds < 3600:
        return gettext("%(n)s min") % {"n": round(seconds / 60)}
    if seconds < 48 * 3600:
        return gettext("%(n)s h") % {"n": number_format(round(seconds / 3600, 1), 1)}
    return gettext("%(n)s d") % {"n": number_format(round(seconds / 86400, 1), 1)}


@register.filter
def percent(share) -> str:
    """A 0..1 share as a whole percentage; "–" when there is none."""
    return "–" if share is None or share == "" else f"{round(100 * float(share))} %"
