from django.urls import path

from . import views

urlpatterns = [
    path("tickets/<num:number>/templates/", views.template_search, name="template_search"),
    path("tickets/<num:number>/templates/<num:pk>/apply/", views.template_apply, name="template_apply"),
]
