from django.urls import path

from . import views

urlpatterns = [
    path("presence/", views.presence, name="presence"),
    path("overview/", views.overview, name="overview"),
    path("tickets/<num:number>/live/assigned/", views.assigned_notice, name="assigned_notice"),
]
