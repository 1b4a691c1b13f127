from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "time_zone", "colour"]
    search_fields = ["name"]
    fields = ["name", "language", "time_zone", "logo", "colour"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["name"]
    list_display = ["email", "name", "role", "language", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    search_fields = ["email", "name"]
    filter_horizontal = ["teams", "groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["name", "role", "language", "teams", "spoken_languages"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "role", "password1", "password2"]})]
