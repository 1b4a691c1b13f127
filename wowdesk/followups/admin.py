from django.contrib import admin

from .models import FollowUp


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["ticket", "due", "state", "source", "owner", "text"]
    list_filter = ["state", "source"]
    raw_id_fields = ["ticket", "owner", "created_by"]
