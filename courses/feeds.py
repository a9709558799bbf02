"""An Atom feed of the course's articles, newest first; the sitemap and robots.txt beside it."""

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from .models import ArticlePage


class ArticleFeed(Feed):
    """New and revised articles: each entry's `updated` is its last revision."""

    feed_type = Atom1Feed
    title = "Clio: new and updated articles"
    link = "/"
    subtitle = "Articles from Clio's history courses."
    author_name = "Clio"
    feed_copyright = "Text and figures © Clio, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."

    def items(self):
        return ArticlePage.objects.live().public().order_by("-last_published_at")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.url

    def item_updateddate(self, item):
        return item.last_published_at

    def item_pubdate(self, item):
        return item.first_published_at


class DataPagesSitemap(Sitemap):
    """The pages made from the history data rather than from Wagtail pages."""

    def items(self):
        return ["timeline", "glossary"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        newest = ArticlePage.objects.live().order_by("-last_published_at").first()
        return newest.last_published_at if newest else None


@require_GET
def robots_txt(request):
    """Crawlers may read everything but the admin, and find the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
