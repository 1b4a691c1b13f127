from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
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
    the view, bench/inbox.py), most of it resolving variables and filters one by one."""
    now = timezone.now()
    rows = []
    for ticket in tickets:
        link = reverse("ticket", args=[ticket.number])
        priority = (
            format_html('<span class="priority-{}">{}</span>', ticket.priority, ticket.get_priority_display())
            if ticket.priority in ("high", "urgent")
            else ""
        )
        tags = format_html_join("", '<span class="tag">#{}</span>', ((tag.name,) for tag in ticket.tags.all()))
        due = ticket.response_due_at
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
                status_label=ticket.get_status_display(),
                category=ticket.category or "–",
                assignee=(ticket.assignee and ticket.assignee.name) or "–",
                overdue=" overdue" if due and due < now else "",
                due=formats.date_format(timezone.localtime(due), "SHORT_DATETIME_FORMAT") if due else "–",
                updated_long=formats.localize(timezone.localtime(ticket.updated_at)),
                updated=formats.date_format(timezone.localtime(ticket.updated_at), "SHORT_DATETIME_FORMAT"),
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
