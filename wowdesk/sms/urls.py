from django.urls import path

from . import views

urlpatterns = [
    path("sms/inbound/", views.inbound, name="sms_inbound"),
    path("outbox/sms/", views.outbox, name="sms_outbox"),
]
