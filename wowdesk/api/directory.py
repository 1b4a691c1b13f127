"""/api/v1/contacts, /organizations, /teams, /categories."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from wowdesk.accounts.models import Team
from wowdesk.customers.services import get_or_create_contact
from wowdesk.tickets.models import Category
from wowdesk.tickets.services import visible_contacts, visible_organizations

from .auth import API_AUTH, require_scope
from .common import ERRORS, IdempotencyKey, PageQuery, contact_out, idempotent, page
from .schemas import (
    CategoryOut,
    ContactIn,
    ContactOut,
    ContactPage,
    ErrorOut,
    Id,
    OrganizationOut,
    OrganizationPage,
    PathId,
    TeamOut,
    Text,
)

router = Router(tags=["customers and configuration"], auth=API_AUTH)


class ContactQuery(Schema):
    email: Text | None = Field(None, max_length=254)
    organization: Id | None = None
    cursor: Text | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=100)


@router.get("/contacts", response={200: ContactPage, **ERRORS}, summary="List contacts")
def list_contacts(request, query: Query[ContactQuery]):
    require_scope(request, "read")
    contacts = visible_contacts(request.user)
    if query.email:
        contacts = contacts.filter(email=query.email.strip().lower())
    if query.organization is not None:
        contacts = contacts.filter(organization_id=query.organization)
    return page(contacts, query.cursor, query.limit, contact_out)


@router.post(
    "/contacts", response={201: ContactOut, 200: ContactOut, 409: ErrorOut, **ERRORS}, summary="Create a contact"
)
def create_contact(request, payload: ContactIn, idempotency_key: str | None = IdempotencyKey):
    """Returns the existing contact (200) when the address is known already, or 409 without it when that
    contact is another team's customer (see GET /contacts/{id})."""
    require_scope(request, "write")

    def compute():
        contact, created = get_or_create_contact(payload.email, name=payload.name, language=payload.language or "")
        if created and payload.phones:
            contact.phones = payload.phones
            contact.save(update_fields=["phones"])
        if not created and not visible_contacts(request.user).filter(pk=contact.pk).exists():
            # Another team's customer: the address is taken, but their record is not shown.
            return 409, {"detail": "a contact with this e-mail address exists outside the teams you work in"}
        return (201 if created else 200), contact_out(contact)

    return Status(*idempotent(request, compute))


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS}, summary="Read a contact")
def read_contact(request, contact_id: PathId):
    require_scope(request, "read")
    return contact_out(get_object_or_404(visible_contacts(request.user), pk=contact_id))


@router.get("/organizations", response={200: OrganizationPage, **ERRORS}, summary="List organisations")
def list_organizations(request, query: Query[PageQuery]):
    require_scope(request, "read")
    return page(
        visible_organizations(request.user),
        query.cursor,
        query.limit,
        lambda o: {"id": o.pk, "name": o.name, "domain": o.domain},
    )


@router.get(
    "/organizations/{organization_id}", response={200: OrganizationOut, **ERRORS}, summary="Read an organisation"
)
def read_organization(request, organization_id: PathId):
    require_scope(request, "read")
    o = get_object_or_404(visible_organizations(request.user), pk=organization_id)
    return {"id": o.pk, "name": o.name, "domain": o.domain}


@router.get("/teams", response={200: list[TeamOut], **ERRORS}, summary="List teams")
def list_teams(request):
    require_scope(request, "read")
    return list(Team.objects.order_by("name"))


@router.get("/categories", response={200: list[CategoryOut], **ERRORS}, summary="List categories")
def list_categories(request):
    require_scope(request, "read")
    return list(Category.objects.order_by("name"))
