from django.urls import path

from . import views

urlpatterns = [
    path("s/<str:signed>/", views.answer, name="survey_answer"),
    path("tickets/<num:number>/survey/", views.ticket_panel, name="survey_panel"),
]
