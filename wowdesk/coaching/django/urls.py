from django.urls import path

from . import views

urlpatterns = [
    path("tickets/<int:number>/coaching/", views.card, name="coaching_card"),
    path("tickets/<int:number>/coaching/hints/", views.hints, name="coaching_hints"),
    path("coaching/", views.summary, name="coaching_summary"),
]
