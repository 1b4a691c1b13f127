from django.contrib import admin

from .models import Survey, SurveySettings


@admin.register(SurveySettings)
class SurveySettingsAdmin(admin.ModelAdmin):
    list_display = ["team", "enabled", "delay_minutes", "ask_csat", "ask_nps", "ask_fcr"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["ticket", "contact", "agent", "csat", "nps", "fcr", "sent_at", "answered_at"]
    raw_id_fields = ["ticket", "contact", "agent"]
    readonly_fields = ["token"]
