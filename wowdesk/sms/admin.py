from django.contrib import admin

from .models import InboundSMS, OutboundSMS


@admin.register(OutboundSMS)
class OutboundSMSAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to_number", "status", "attempts", "ticket"]
    list_filter = ["status"]
    raw_id_fields = ["ticket", "message"]


@admin.register(InboundSMS)
class InboundSMSAdmin(admin.ModelAdmin):
    list_display = ["received_at", "from_number", "ticket"]
    raw_id_fields = ["ticket", "message"]
