"""'Cite this page': a page's reference in APA, MLA and Chicago style, as BibTeX and CSL-JSON.

Clio is the author (an organisation) and the date is the page's last revision, since a web page
that changes must be cited at the version the reader saw.
"""

import json
from dataclasses import dataclass
from datetime import date

from django.utils.html import format_html

from .licence import LICENCE

PUBLISHER = "Clio"


@dataclass(frozen=True)
class CitedPage:
    """What a reference needs: the page's title, where it sits (its course, or 'People'), its
    address and the day it was last revised."""

    slug: str
    title: str
    container: str
    url: str
    revised: date | None

    @classmethod
    def of(cls, page, request=None):
        from courses.models import ArticlePage

        container = page.course.title if isinstance(page, ArticlePage) else "People"
        revised = page.last_published_at.date() if page.last_published_at else None
        return cls(page.slug, page.title, container, page.get_full_url(request), revised)

    @property
    def site(self):
        return f"{PUBLISHER}: {self.container}"


MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
MLA_MONTHS = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()


def apa(page):
    when = (
        f"{page.revised.year}, {MONTH_NAMES[page.revised.month - 1]} {page.revised.day}"
        if page.revised
        else "n.d."
    )
    return format_html(
        "{}. ({}). <i>{}</i>. {}. {}", PUBLISHER, when, page.title, page.site, page.url
    )


def mla(page):
    when = (
        f"{page.revised.day} {MLA_MONTHS[page.revised.month - 1]} {page.revised.year}, "
        if page.revised
        else ""
    )
    return format_html("“{}.” <i>{}</i>, {}{}.", page.title, page.site, when, page.url)


def chicago(page):
    when = (
        f" Last modified {MONTH_NAMES[page.revised.month - 1]} {page.revised.day}, {page.revised.year}."
        if page.revised
        else ""
    )
    return format_html("{}. “{}.” {}.{} {}.", PUBLISHER, page.title, page.site, when, page.url)


def bibtex(page):
    """A BibTeX @misc entry (read by BibTeX and biblatex alike)."""
    fields = {
        "author": f"{{{PUBLISHER}}}",
        "title": f"{{{page.title}}}",
        "howpublished": f"{{\\url{{{page.url}}}}}",
        "url": f"{{{page.url}}}",
        "organization": f"{{{page.site}}}",
        "note": f"{{Licensed under {LICENCE}"
        + (f"; last modified {page.revised.isoformat()}" if page.revised else "")
        + "}",
    }
    if page.revised:
        fields["year"] = f"{{{page.revised.year}}}"
        fields["month"] = MONTH_NAMES[page.revised.month - 1][:3].lower()
        fields["date"] = f"{{{page.revised.isoformat()}}}"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items())
    return f"@misc{{clio-{page.slug},\n{body}\n}}\n"


def csl_json(page):
    """The reference as CSL-JSON (a list of one item), as Zotero and citeproc read it."""
    item = {
        "id": f"clio-{page.slug}",
        "type": "webpage",
        "title": page.title,
        "author": [{"literal": PUBLISHER}],
        "container-title": page.site,
        "publisher": PUBLISHER,
        "URL": page.url,
        "license": LICENCE,
    }
    if page.revised:
        item["issued"] = {"date-parts": [[page.revised.year, page.revised.month, page.revised.day]]}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
