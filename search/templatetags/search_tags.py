"""Template tags of the search page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def search_query(context, **changes):
    """The current search's query string with `changes` applied (an empty value drops the
    parameter; changing anything but the page goes back to the first page)."""
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for name, value in changes.items():
        if value in ("", None):
            params.pop(name, None)
        else:
            params[name] = value
    return params.urlencode()
