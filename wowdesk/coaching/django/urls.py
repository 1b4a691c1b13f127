from django.urls import path

from . import views

urlpatterns = [
    path("tickets/<num:number>/coaching/", views.card, name="coaching_card"),
    path("tickets/<num:number>/coaching/hints/", views.hints, name="coaching_hints"),
    path("coaching/", views.summary, name="coaching_summary"),
]
