from django.contrib import admin

from .models import OpeningException, OpeningHours


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["team", "holidays", "first_response_minutes", "next_response_minutes"]


@admin.register(OpeningException)
class OpeningExceptionAdmin(admin.ModelAdmin):
    list_display = ["team", "date", "closed", "opens", "closes", "note"]
    list_filter = ["team"]
