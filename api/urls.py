"""/api/…: the read-only JSON API and its OpenAPI document (Wagtail's own API is at /api/v2/)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("articles", views.ArticleViewSet, basename="api-article")
router.register("people", views.PersonViewSet, basename="api-person")
router.register("organisations", views.OrganisationViewSet, basename="api-organisation")
router.register("events", views.EventViewSet, basename="api-event")
router.register("places", views.PlaceViewSet, basename="api-place")
router.register("sources", views.SourceViewSet, basename="api-source")
router.register("glossary", views.GlossaryViewSet, basename="api-glossary")
router.register("quizzes", views.QuizViewSet, basename="api-quiz")

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(urlconf="api.urls"), name="api-schema"),
    path("api/", include(router.urls)),
]
