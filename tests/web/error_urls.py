"""The product's URLs plus one that fails, to see the 500 page."""

from django.urls import path

from wowdesk.urls import urlpatterns as product


def fail(request):
    raise RuntimeError("a bug")


urlpatterns = [*product, path("fail/", fail)]
