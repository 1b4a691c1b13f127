from django.conf import settings
from django.contrib import admin

from .models import AgentChatLimit, Chat, Widget


@admin.register(Widget)
class WidgetAdmin(admin.ModelAdmin):
    list_display = ["name", "team", "public_key", "is_active"]
    readonly_fields = ["public_key", "embed"]

    @admin.display(description="<script>")
    def embed(self, widget):
        return f'<script src="{settings.BASE_URL}/chat/widget.js" data-key="{widget.public_key}" async></script>'


@admin.register(AgentChatLimit)
class AgentChatLimitAdmin(admin.ModelAdmin):
    list_display = ["agent", "max_chats"]


@admin.register(Chat)
class ChatAdmin(admin.ModelAdmin):
    list_display = ["ticket", "widget", "status", "started_at", "answered_at", "ended_at", "ended_by"]
    list_filter = ["status", "widget"]
    readonly_fields = [f.name for f in Chat._meta.fields]

    def has_add_permission(self, request):
        return False
