from django.contrib import admin

from .models import AutoReplyTemplate, ReplyTemplate


@admin.register(AutoReplyTemplate)
class AutoReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["language", "subject"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "set_status", "set_category", "add_tags"]
    list_filter = ["language"]
    search_fields = ["name", "body"]
