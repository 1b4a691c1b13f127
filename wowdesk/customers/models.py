"""Customers: the organisations we serve and the people (contacts) who write to us."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import LANGUAGE_CHOICES


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(_("e-mail domain"), max_length=200, blank=True, db_index=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """A customer. `email` is the primary address; more addresses live in ContactEmail."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), unique=True)
    phones = models.JSONField(_("phone numbers"), default=list, blank=True)
    language = models.CharField(_("preferred language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        related_name="contacts",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email

    @property
    def first_name(self) -> str:
        """What a greeting uses: "Jørgen" for "Jørgen Hansen", and for "Hansen, Jørgen" as address books and
        mail programs write it."""
        name = self.name.strip()
        if "," in name:
            last, _, first = name.partition(",")
            name = first.strip() or last.strip()
        words = (name or self.email).split()
        return words[0] if words else ""


class ContactEmail(models.Model):
    """Further addresses of a contact, so mail from any of them finds the same customer."""

    contact = models.ForeignKey(Contact, related_name="other_emails", on_delete=models.CASCADE)
    address = models.EmailField(_("e-mail"), unique=True)

    class Meta:
        verbose_name = _("other e-mail")
        verbose_name_plural = _("other e-mails")

    def __str__(self) -> str:
        return self.address
