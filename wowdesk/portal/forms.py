from datetime import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wowdesk.tickets.forms import MultipleFileField


class InquiryForm(forms.Form):
    """The public web form. `website` is a honeypot: hidden from people, filled in by bots."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail"),
        error_messages={
            "invalid": _("Enter an e-mail address like name@example.com, so we can answer you."),
        },
    )
    subject = forms.CharField(label=_("Subject"), max_length=250)
    message = forms.CharField(label=_("How can we help?"), widget=forms.Textarea(attrs={"rows": 8}), strip=False)
    attachments = MultipleFileField(label=_("Attachments (optional)"))
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_message(self):
        message = self.cleaned_data["message"]
        if not message.strip():
            raise forms.ValidationError(_("Tell us what it is about."))
        return message

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class WindowField(forms.ChoiceField):
    """A select of callback windows that also takes a window no longer on the list (see clean_window)."""

    def valid_value(self, value) -> bool:
        return True


def window_choice(start: datetime, end: datetime) -> tuple[str, str]:
    """A callback window as an option: its value (start/end in ISO 8601 with the zone) and, in the page's
    language, the day and the hours ("tirsdag 1. december 10:00–12:00")."""
    day = date_format(start, "l j F" if get_language() == "en" else "l j. F")
    return f"{start.isoformat()}/{end.isoformat()}", f"{day} {start:%H:%M}–{end:%H:%M}"


class CallbackForm(forms.Form):
    """Ask to be called back: a phone number (Danish or Norwegian ways of writing it) and, if the customer
    likes, a window from the team's opening hours (followups.services.callback_windows); none means as soon
    as we are open."""

    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Your phone number"), max_length=40)
    email = forms.EmailField(label=_("Your e-mail (optional)"), required=False)
    window = WindowField(label=_("When may we call?"), required=False)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, windows: list[tuple[datetime, datetime]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["window"].choices = [("", _("As soon as you can")), *(window_choice(*w) for w in windows)]

    def clean_window(self) -> tuple[datetime, datetime] | None:
        # A window offered a moment ago may have dropped off the list by the time the form is sent, so any
        # well-formed window is taken; followups.services.request_callback checks it against the hours.
        value = self.cleaned_data.get("window") or ""
        if not value:
            return None
        try:
            start, end = (datetime.fromisoformat(part) for part in value.split("/", 1))
        except ValueError:
            raise forms.ValidationError(_("Choose a time from the list.")) from None
        if start.tzinfo is None or end.tzinfo is None:
            raise forms.ValidationError(_("Choose a time from the list."))
        return start, end

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
