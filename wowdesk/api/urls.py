"""The REST API under /api/v1/ (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/docs."""

from django.shortcuts import redirect
from django.urls import path
from ninja import NinjaAPI

from . import coach

api = NinjaAPI(title="wowdesk API", version="1", urls_namespace="api", docs_url="/docs")
api.add_router("/coach", coach.router)

urlpatterns = [
    path("api/v1/", api.urls),
    path("api/docs", lambda request: redirect("/api/v1/docs"), name="api_docs"),
]
