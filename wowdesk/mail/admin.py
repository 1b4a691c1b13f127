from django.contrib import admin

from .models import InboundMail, Mailbox, OutboundMail


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin):
    list_display = ["address", "team", "language", "active", "imap_host"]
    list_filter = ["team", "active"]


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin):
    list_display = ["received_at", "from_address", "subject", "ticket", "flags", "auto_reply_note"]
    readonly_fields = [f.name for f in InboundMail._meta.fields if f.name != "raw"]
    exclude = ["raw"]
    search_fields = ["from_address", "subject", "dedupe_key"]


@admin.register(OutboundMail)
class OutboundMailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "to_address", "subject", "status", "attempts", "last_error"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["ticket", "message"]
