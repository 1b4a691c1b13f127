from django.urls import path

from . import views

urlpatterns = [
    path("messages/<num:message_pk>/raw/", views.raw_mail, name="raw_mail"),
    path("outbox/", views.outbox, name="outbox"),
]
