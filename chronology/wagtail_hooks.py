"""The history data in the Wagtail admin: sources, places, events and glossary terms as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Event, GlossaryTerm, Place, Source


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    list_display = ["title", "when", "kind", "earliest"]
    list_filter = ["kind", "when_old_style"]
    search_fields = ["title", "summary"]
    ordering = ["earliest"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "doc-full"
    list_display = ["author", "title", "year", "kind"]
    list_filter = ["kind"]
    search_fields = ["author", "title"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "aliases", "kind"]
    search_fields = ["name", "aliases"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    list_display = ["term", "definition"]
    search_fields = ["term", "definition"]


class HistoryGroup(SnippetViewSetGroup):
    menu_label = "History data"
    menu_icon = "history"
    menu_order = 200
    items = (EventViewSet, SourceViewSet, PlaceViewSet, GlossaryTermViewSet)


register_snippet(HistoryGroup)
