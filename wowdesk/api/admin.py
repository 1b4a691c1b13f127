from django.contrib import admin
from django.db import models
from django.utils import timezone

from .models import ApiToken, WebhookDelivery, WebhookSubscription


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "scope", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope"]
    search_fields = ["user__email", "name", "prefix"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # tokens are created where the raw value can be shown once: the CLI or /account/tokens/

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        queryset.filter(revoked_at=None).update(revoked_at=timezone.now())


class DeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    extra = 0
    fields = ["created_at", "event", "attempts", "status_code", "error", "delivered_at"]
    readonly_fields = fields
    can_delete = False
    ordering = ["-created_at"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["url", "active", "consecutive_failures", "disabled_reason", "created_at"]
    readonly_fields = ["secret", "consecutive_failures", "disabled_reason"]
    inlines = [DeliveryInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
