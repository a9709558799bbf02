"""The 'Cite this page' box on article and person pages, made from the page itself (no query)."""

from django import template

from core.citation import CitedPage, apa, chicago, mla

register = template.Library()


@register.inclusion_tag("core/includes/cite.html", takes_context=True)
def cite_this_page(context, page):
    cited = CitedPage.of(page, context.get("request"))
    return {
        "styles": [("APA", apa(cited)), ("MLA", mla(cited)), ("Chicago", chicago(cited))],
        "url": page.url,
    }
