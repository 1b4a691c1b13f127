from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import include, path, register_converter

from wowdesk.accounts import views as accounts_views
from wowdesk.portal import views as portal_views
from wowdesk.tickets import views as ticket_views
from wowdesk.web.converters import NumberConverter

register_converter(NumberConverter, "num")

urlpatterns = [
    path("", lambda request: redirect("inbox"), name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/language/", accounts_views.set_language, name="set_language"),
    path("teams/<num:pk>/logo/", accounts_views.team_logo, name="team_logo"),
    path("inbox/", ticket_views.inbox, name="inbox"),
    path("inbox/status/<str:status>/", ticket_views.inbox, {"view": "status"}, name="inbox_status"),
    path("inbox/category/<num:category_id>/", ticket_views.inbox, {"view": "category"}, name="inbox_category"),
    path("inbox/<str:view>/", ticket_views.inbox, name="inbox_view"),
    path("search/", ticket_views.search_view, name="search"),
    path("tickets/<num:number>/", ticket_views.ticket_detail, name="ticket"),
    path("tickets/<num:number>/messages/", ticket_views.post_message, name="ticket_message"),
    path("tickets/<num:number>/undo-reply/", ticket_views.undo_reply, name="ticket_undo_reply"),
    path("tickets/<num:number>/draft/", ticket_views.save_draft, name="ticket_draft"),
    path("tickets/<num:number>/properties/", ticket_views.update_properties, name="ticket_properties"),
    path("tickets/<num:number>/live/properties/", ticket_views.properties_fragment, name="ticket_properties_fragment"),
    path("tickets/<num:number>/live/messages/<num:pk>/", ticket_views.message_fragment, name="ticket_message_fragment"),
    path("tickets/<num:number>/assign-to-me/", ticket_views.assign_to_me, name="ticket_assign_to_me"),
    path("tickets/<num:number>/solve/", ticket_views.solve, name="ticket_solve"),
    path("attachments/<num:pk>/", ticket_views.download_attachment, name="attachment"),
    path("support/", portal_views.contact, name="portal_contact"),
    path("support/thanks/<str:token>/", portal_views.thanks, name="portal_thanks"),
    path("chat/widget.js", portal_views.chat_widget, name="chat_widget"),
    path("chat/files/<str:signed>/", portal_views.chat_file, name="chat_file"),
    path("support/callback/", portal_views.callback, name="portal_callback"),
    path("", include("wowdesk.coaching.django.urls")),
    path("", include("wowdesk.api.urls")),
    path("", include("wowdesk.mail.urls")),
    path("", include("wowdesk.routing.urls")),
    path("", include("wowdesk.chat.urls")),
    path("", include("wowdesk.replies.urls")),
    path("", include("wowdesk.surveys.urls")),
    path("", include("wowdesk.sms.urls")),
    path("", include("wowdesk.followups.urls")),
    path("", include("wowdesk.reports.urls")),
    path("", include("wowdesk.quality.urls")),
    path("admin/", admin.site.urls),
]
