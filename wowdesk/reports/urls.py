from django.urls import path

from . import views

urlpatterns = [
    path("reports/", views.dashboard, name="reports"),
    path("reports/tickets/", views.drilldown, name="report_tickets"),
    path("reports/planning/", views.planning, name="report_planning"),
]
