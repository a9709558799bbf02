"""Reading a search page as a reader sees it: the result links in the order shown."""

from html.parser import HTMLParser


class ResultLinks(HTMLParser):
    """The href of every result title, top to bottom."""

    def __init__(self):
        super().__init__()
        self.links, self._in_title = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "search-result" in (attrs.get("class") or ""):
            self._in_title = True
        elif tag == "a" and self._in_title:
            self.links.append(attrs.get("href"))
            self._in_title = False

    def handle_endtag(self, tag):
        if tag == "h3":
            self._in_title = False


def result_links(response):
    parser = ResultLinks()
    parser.feed(response.content.decode())
    return parser.links
