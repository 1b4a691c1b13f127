from django import template

from wowdesk.followups import services

register = template.Library()


@register.simple_tag(takes_context=True)
def followup_counts(context):
    """Follow-up counts for the sidebar: open ones the user sees (all teams' for leads)."""
    return services.request_counts(context["request"])


@register.inclusion_tag("followups/_badge.html", takes_context=True)
def followup_badge(context):
    """The header's badge: the agent's own overdue follow-ups (the teams' for leads) and unread reminders."""
    request = context["request"]
    found = services.request_counts(request)
    lead = request.user.is_lead
    return {"overdue": found.overdue if lead else found.own_overdue, "unread": found.unread, "lead": lead}
