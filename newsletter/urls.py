from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("archive/<str:token>/", views.archive, name="archive"),
    path("archive/<str:token>/<int:issue_id>/", views.archive_issue, name="archive-issue"),
]
