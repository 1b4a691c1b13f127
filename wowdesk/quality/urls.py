from django.urls import path

from . import views

urlpatterns = [
    path("quality/", views.home, name="quality"),
    path("quality/queues/", views.queues, name="quality_queues"),
    path("quality/queues/<str:rule>/", views.queues, name="quality_queue"),
    path("quality/scorecards/", views.scorecards, name="quality_scorecards"),
    path("quality/scorecards/new/", views.scorecard_edit, name="quality_scorecard_new"),
    path("quality/scorecards/<num:pk>/edit/", views.scorecard_edit, name="quality_scorecard_edit"),
    path("quality/tickets/<num:number>/panel/", views.ticket_panel, name="quality_panel"),
    path("quality/tickets/<num:number>/review/", views.review_ticket, name="quality_review_ticket"),
    path("quality/reviews/", views.reviews, name="quality_reviews"),
    path("quality/reviews/<num:pk>/", views.review_detail, name="quality_review"),
    path("quality/reviews/<num:pk>/react/", views.review_react, name="quality_review_react"),
    path("quality/calibration/", views.calibrations, name="quality_calibrations"),
    path("quality/calibration/<num:pk>/", views.calibration, name="quality_calibration"),
    path("quality/import/", views.mystery_import, name="quality_import"),
    path("quality/variation/", views.variation_page, name="quality_variation"),
    path("quality/wow/", views.wow, name="quality_wow"),
    path("quality/wow/nominate/<num:number>/", views.wow_nominate, name="quality_wow_nominate"),
    path("quality/agents/<num:pk>/", views.agent_page, name="quality_agent"),
]
