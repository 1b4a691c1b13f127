from django.contrib import admin

from .models import AutoReplyTemplate, OpeningException, OpeningHours, ReplyTemplate


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["team", "holidays", "first_response_minutes", "next_response_minutes"]


@admin.register(OpeningException)
class OpeningExceptionAdmin(admin.ModelAdmin):
    list_display = ["team", "date", "closed", "opens", "closes", "note"]
    list_filter = ["team"]


@admin.register(AutoReplyTemplate)
class AutoReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["language", "subject"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "set_status", "set_category", "add_tags"]
    list_filter = ["language"]
    search_fields = ["name", "body"]
