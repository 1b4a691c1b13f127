from django.contrib import admin

from .models import Attachment, Category, Message, Tag, Ticket, TicketEvent


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_da", "name_nb", "name_en", "team"]
    search_fields = ["name", "name_da", "name_nb", "name_en"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class MessageInline(admin.StackedInline):
    model = Message
    extra = 0
    fields = ["kind", "author", "contact", "body_text", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ["number", "subject", "status", "priority", "channel", "team", "assignee", "updated_at"]
    list_filter = ["status", "priority", "channel", "team", "language"]
    search_fields = ["number", "subject", "contact__email"]
    raw_id_fields = ["contact", "assignee", "follow_up_of"]
    list_select_related = ["team", "assignee"]
    inlines = [MessageInline]


@admin.register(TicketEvent)
class TicketEventAdmin(admin.ModelAdmin):
    list_display = ["ticket", "kind", "actor", "old_value", "new_value", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["ticket", "actor"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["filename", "content_type", "size", "message"]
    raw_id_fields = ["message"]
