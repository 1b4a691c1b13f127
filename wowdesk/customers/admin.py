from django.contrib import admin

from .models import Contact, ContactEmail, Organization


class ContactEmailInline(admin.TabularInline):
    model = ContactEmail
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "created_at"]
    search_fields = ["name", "domain"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organization", "language"]
    list_filter = ["language"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organization"]
    inlines = [ContactEmailInline]
