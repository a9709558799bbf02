"""An Atom feed of the course's articles, newest first."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import ArticlePage


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    title = "Clio: new and updated articles"
    link = "/"
    subtitle = "Articles from Clio's history courses."

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
