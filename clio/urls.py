from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PagesSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from chronology import views as chronology_views
from courses.downloads import page_file
from courses.feeds import ArticleFeed, DataPagesSitemap, robots_txt
from quizzes.views import clear_progress, read_mark
from search import views as search_views

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search-suggest"),
    path("timeline/", chronology_views.timeline, name="timeline"),
    path("timeline.json", chronology_views.timeline_data, name="timeline-json"),
    path("timeline.ics", chronology_views.timeline_calendar, name="timeline-ics"),
    path("glossary/", chronology_views.glossary, name="glossary"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesSitemap, "data": DataPagesSitemap}}),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("feed/", ArticleFeed(), name="feed"),
    path("progress/clear/", clear_progress, name="clear-progress"),
    path("progress/read/<slug:slug>/", read_mark, name="read-mark"),
    path("newsletter/", include("newsletter.urls")),
    path("api/v2/", api_router.urls),
    path("", include("api.urls")),  # /api/schema/ and the read-only JSON API
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Media from local storage; in production an S3-compatible store or the CDN serves it instead.
    from django.views.static import serve

    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # A page's files: worksheet.pdf, quiz.moodle.xml, cite.bib… (see courses/downloads.py)
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)(?P<filename>[\w\-]+\.[\w.]+)$", page_file),
    path("", include(wagtail_urls)),
]
