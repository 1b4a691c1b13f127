"""Finding and creating customers."""

from django.db import IntegrityError, transaction

from wowdesk.db import CompiledLookup, insert

from .models import Contact, Organization


def normalize_email(address: str) -> str:
    return address.strip().lower()


def find_contact(email: str) -> Contact | None:
    """The contact with this primary or additional address.

    Two indexed lookups rather than one OR across a join: the OR cannot use either unique index, so on a
    large contact table it would scan every contact, and the primary address (the usual case) answers alone."""
    address = normalize_email(email)
    return _BY_EMAIL.first(address) or _BY_OTHER_EMAIL.first(address)


# Every inbound mail and API ticket looks up its sender: compiled once (wowdesk/db.py).
_BY_EMAIL = CompiledLookup(lambda address: Contact.objects.filter(email=address).order_by()[:1])
_BY_OTHER_EMAIL = CompiledLookup(lambda address: Contact.objects.filter(other_emails__address=address).order_by()[:1])
_ORGANIZATION_BY_DOMAIN = CompiledLookup(
    lambda domain: Organization.objects.filter(domain=domain).order_by("name", "pk")[:1]
)


def get_or_create_contact(email: str, name: str = "", language: str = "") -> tuple[Contact, bool]:
    """The contact behind an address, created on first contact; an organisation is matched by domain."""
    address = normalize_email(email)
    if contact := find_contact(address):
        changed = []
        if name and not contact.name:
            contact.name = name
            changed.append("name")
        if language and not contact.language:
            contact.language = language
            changed.append("language")
        if changed:
            contact.save(update_fields=changed)
        return contact, False
    domain = address.rsplit("@", 1)[-1]
    organization = _ORGANIZATION_BY_DOMAIN.first(domain) if domain else None
    try:
        with transaction.atomic():
            contact = insert(Contact(email=address, name=name.strip(), language=language, organization=organization))
    except IntegrityError:
        # Another request created the same contact a moment ago: use theirs.
        return Contact.objects.get(email=address), False
    return contact, True


def phone_placeholder_email(number: str) -> str:
    """The address of a customer known only by phone: `.invalid` (RFC 2606), so no mail is ever sent to it."""
    return f"phone-{number.lstrip('+')}@invalid"


def add_phone(contact: Contact, number: str) -> None:
    if number not in contact.phones:
        contact.phones = [*contact.phones, number]
        contact.save(update_fields=["phones"])


def contact_for_phone(number: str, *, email: str = "", name: str = "", language: str = "") -> Contact:
    """The customer with this (E.164) phone number: by e-mail when given, else the one known only by this
    number (created on first contact). The number is added to the contact's phones."""
    contact, _created = get_or_create_contact(email or phone_placeholder_email(number), name=name, language=language)
    add_phone(contact, number)
    return contact
