from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category, Ticket
from .services import assignable_agents, validate_attachments


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked against the attachment size limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [super(MultipleFileField, self).clean(f, initial) for f in files]
        validate_attachments(files)
        return files


class ComposerForm(forms.Form):
    KIND_CHOICES = [("reply", _("Reply to customer")), ("note", _("Internal note"))]
    STATUS_CHOICES = [
        (Ticket.Status.PENDING, _("pending (waiting on the customer)")),
        (Ticket.Status.OPEN, _("open")),
        (Ticket.Status.SOLVED, _("solved")),
    ]
    kind = forms.ChoiceField(choices=KIND_CHOICES, initial="reply", widget=forms.RadioSelect)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 7}), strip=False)

    def __init__(self, *args, hints_url: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if hints_url:
            # Live coaching while typing: debounced, only the text is sent, and it never blocks sending.
            self.fields["body"].widget.attrs.update(
                {
                    "hx-post": hints_url,
                    "hx-trigger": "input changed delay:600ms",
                    "hx-target": "#coach-hints",
                    "hx-params": "body",
                    "hx-sync": "this:replace",
                }
            )

    status = forms.ChoiceField(label=_("Then set the ticket to"), choices=STATUS_CHOICES, initial="pending")
    # Seconds the ticket page was in view before sending (app.js fills it): handling time, for planning.
    handling_s = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    attachments = MultipleFileField(label=_("Attachments"))

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(_("Write a message first."))
        return body


class PropertiesForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Ticket.Status.choices)
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("– unassigned –")
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), required=False, empty_label=_("– none –")
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Ticket.Priority.choices)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separate tags with commas"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_agents()


def properties_form(ticket: Ticket) -> PropertiesForm:
    """The properties form filled in with the ticket's current values."""
    return PropertiesForm(
        initial={
            "status": ticket.status,
            "assignee": ticket.assignee_id,
            "category": ticket.category_id,
            "priority": ticket.priority,
            "tags": ", ".join(t.name for t in ticket.tags.all()),
        }
    )
