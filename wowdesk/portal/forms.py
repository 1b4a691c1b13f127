from django import forms
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


class CallbackForm(forms.Form):
    """Ask to be called back: a phone number (Danish or Norwegian ways of writing it) and, if the customer
    likes, when. The window is in the team's opening hours; empty means as soon as we are open."""

    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Your phone number"), max_length=40)
    email = forms.EmailField(label=_("Your e-mail (optional)"), required=False)
    window_start = forms.DateTimeField(
        label=_("Call me from"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    window_end = forms.DateTimeField(
        label=_("until"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
