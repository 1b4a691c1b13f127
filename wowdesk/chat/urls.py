from django.urls import path

from . import views

urlpatterns = [
    path("tickets/<num:number>/chat/", views.pane, name="chat_pane"),
]
