"""Wagtail's read-only API for pages and images, for apps and teachers' tools."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

MAX_OFFSET = (
    1_000_000  # past the end of any course; larger numbers overflow the database's integers
)


class WordSearchFilter(SearchFilter):
    """`?search=` takes words only (as the search page does): quotes, operators and NUL bytes are
    syntax errors to the full-text engine; a wrong `search_operator` is the client's error."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        request.GET = request.GET.copy()
        request.GET["search"] = " ".join(re.findall(r"\w+", request.GET["search"]))[:200]
        return super().filter_queryset(request, queryset, view)


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # not a number: Wagtail's own check answers that
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def guarded(viewset):
    """The viewset with the word search and the bounded offset in place of Wagtail's own."""
    filters = [WordSearchFilter if f is SearchFilter else f for f in viewset.filter_backends]
    return type(
        viewset.__name__,
        (viewset,),
        {"filter_backends": filters, "pagination_class": BoundedPagination},
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", guarded(PagesAPIViewSet))
api_router.register_endpoint("images", guarded(ImagesAPIViewSet))
