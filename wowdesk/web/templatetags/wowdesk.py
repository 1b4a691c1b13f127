from django import template
from django.utils.html import format_html

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


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def prefixed(value, prefix: str) -> str:
    return f"{prefix}{value}"
