"""Customers' phone numbers: read as written in Denmark and Norway (or in E.164), kept in E.164.

Plain functions over `phonenumbers`, in the foundation beside the contacts that hold the numbers, so the
SMS channel and the follow-ups (callback requests, "can't make it" notices) read numbers the same way.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Numbers without a country code are read as Danish, then Norwegian.
REGIONS = ("DK", "NO")
MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _parse(value: str, regions=REGIONS):
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def normalize_phone(value: str, *, field: str = "phone", region: str | None = None) -> str:
    """A phone number in E.164 (+4520123456). Danish and Norwegian ways of writing one are accepted
    ("20 12 34 56", "+47 412 34 567", "0047 41234567"); anything else is a ValidationError naming `field`."""
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("Enter a phone number.")})
    regions = (region, *REGIONS) if region else REGIONS
    number = _parse(value, regions)
    if number is None:
        raise ValidationError(
            {field: _("%(value)s is not a phone number we can use; write it like +45 20 12 34 56.") % {"value": value}}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mobile_number(contact) -> str | None:
    """The contact's first number that can take an SMS, in E.164, or None."""
    for raw in contact.phones or []:
        number = _parse(str(raw))
        if number is not None and phonenumbers.number_type(number) in MOBILE_TYPES:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None
