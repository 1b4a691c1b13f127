from django.urls import path

from . import views

urlpatterns = [
    path("followups/", views.due_list, name="followups"),
    path("followups/callbacks/", views.callback_list, name="callbacks"),
    path("followups/<num:pk>/done/", views.followup_done, name="followup_done"),
    path("followups/<num:pk>/cancel/", views.followup_cancel, name="followup_cancel"),
    path("followups/<num:pk>/cant-make-it/", views.followup_cant, name="followup_cant"),
    path("followups/<num:pk>/move/", views.followup_move, name="followup_move"),
    path("tickets/<num:number>/followups/", views.panel, name="followup_panel"),
    path("tickets/<num:number>/followups/new/", views.create, name="followup_create"),
    path("tickets/<num:number>/promises/", views.proposals, name="promise_proposals"),
    path("tickets/<num:number>/snooze/", views.snooze, name="ticket_snooze"),
    path("tickets/<num:number>/calls/", views.log_call, name="ticket_call"),
]
