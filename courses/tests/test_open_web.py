"""What crawlers and feed readers read: the sitemap, the Atom feed and robots.txt."""

import datetime
from xml.etree import ElementTree as ET

import feedparser
import pytest

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.django_db
def test_the_sitemap_lists_every_page_with_its_last_change(client, loaded_mini):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{SITEMAP}urlset"
    entries = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    for path in ("/mini-course/first-topic/", "/people/leon-trotsky/", "/timeline/", "/glossary/"):
        assert any(url.endswith(path) for url in entries), path
    assert all(datetime.date.fromisoformat(lastmod) for lastmod in entries.values())


@pytest.mark.django_db
def test_the_atom_feed_lists_new_and_revised_articles_with_the_licence(client, loaded_mini):
    from courses.models import ArticlePage

    page = ArticlePage.objects.get(slug="second-topic")
    page.title = "The Second Topic, revised"
    page.save_revision().publish()
    feed = feedparser.parse(client.get("/feed/").content)
    assert not feed.bozo and feed.version == "atom10"
    assert "CC BY 4.0" in feed.feed.rights and feed.feed.author == "Clio"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "The Second Topic, revised"  # the latest revision first
    assert set(titles) == {"The Second Topic, revised", "The First Topic"}
    assert all(entry.published and entry.updated and entry.summary for entry in feed.entries)
    assert feed.entries[0].updated_parsed >= feed.entries[0].published_parsed


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
