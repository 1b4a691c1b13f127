from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
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


@register.simple_tag
def ticket_rows(tickets) -> str:
    """The rows of the inbox's list (tickets/_inbox_list.html), built here rather than in the template: 50
    rows through the template language took 15-17 ms of CPU per inbox view (loaded machine; a quarter of
    the view, bench/inbox.py), most of it resolving variables and filters one by one. What is the same for
    every row is looked up once per list (the link's pattern, the time zone, the two date formats, the
    status and priority labels, each a translation lookup): 4.5 -> 2.9 ms of CPU for 50 rows (median of
    100, bench/inbox.py's data)."""
    now = timezone.now()
    zone = timezone.get_current_timezone()
    short_format = formats.get_format("SHORT_DATETIME_FORMAT")
    long_format = formats.get_format("DATETIME_FORMAT")
    # The ticket link of every row from one reverse(): the number is the only part that differs.
    sample = 987654321
    link_before, link_after = reverse("ticket", args=[sample]).split(str(sample))
    labels: dict = {}

    def label(field: str, value: str, ticket) -> str:
        key = (field, value)
        if key not in labels:
            labels[key] = str(getattr(ticket, f"get_{field}_display")())
        return labels[key]

    rows = []
    for ticket in tickets:
        link = f"{link_before}{ticket.number}{link_after}"
        priority = (
            format_html(
                '<span class="priority-{}">{}</span>', ticket.priority, label("priority", ticket.priority, ticket)
            )
            if ticket.priority in ("high", "urgent")
            else ""
        )
        tags = format_html_join("", '<span class="tag">#{}</span>', ((tag.name,) for tag in ticket.tags.all()))
        due = ticket.response_due_at
        updated = ticket.updated_at.astimezone(zone)
        rows.append(
            format_html(
                '\n    <tr id="t{number}">\n      <td><a href="{link}">{number}</a></td>\n      <td>\n'
                '        <a class="subject" href="{link}">{subject}</a>\n        {priority}\n'
                "        <div>{tags}</div>\n      </td>\n      <td>{contact}</td>\n"
                '      <td><span class="badge status-{status}">{status_label}</span></td>\n'
                "      <td>{category}</td>\n      <td>{assignee}</td>\n"
                '      <td class="small{overdue}">{due}</td>\n'
                '      <td class="small muted" title="{updated_long}">{updated}</td>\n    </tr>\n  ',
                number=ticket.number,
                link=link,
                subject=ticket.subject,
                priority=priority,
                tags=tags,
                contact=ticket.contact.name or ticket.contact.email,
                status=ticket.status,
                status_label=label("status", ticket.status, ticket),
                category=ticket.category or "–",
                assignee=(ticket.assignee and ticket.assignee.name) or "–",
                overdue=" overdue" if due and due < now else "",
                due=dateformat.format(due.astimezone(zone), short_format) if due else "–",
                updated_long=dateformat.format(updated, long_format),
                updated=dateformat.format(updated, short_format),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value went through format_html


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
