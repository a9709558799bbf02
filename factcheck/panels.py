"""The fact checker's panel in the Wagtail page editor: what it flags in the current draft."""

from __future__ import annotations

import logging

from wagtail.admin.panels import Panel

from .articles import article_text, section_at
from .chronology_db import course_checker

logger = logging.getLogger(__name__)

#: How each kind of finding is named to an editor.
KIND_LABELS = {
    "contradiction": "Contradicts the chronology",
    "calendar": "Old Style / New Style slip",
    "duration": "Interval does not match",
    "anachronism": "Outside the person's lifetime",
}


def findings_context(page) -> dict:
    """What the panel shows for an article: its findings, each with its section and event."""
    text = article_text(page)
    if not text.strip():
        return {"findings": [], "checked": False}
    try:
        checker = course_checker()
        findings = checker.check(text)
    except Exception:  # a checker bug must not stop anyone editing the page
        logger.exception("The fact checker failed on page %s", getattr(page, "pk", None))
        return {"findings": [], "checked": False, "failed": True}
    titles = {event.slug: event.title for event in checker.chronology.events}
    rows = [
        {
            "finding": finding,
            "section": section_at(text, finding.line),
            "event_title": titles.get(finding.event, finding.event.replace("-", " ").capitalize()),
            "kind_label": KIND_LABELS.get(finding.kind, finding.kind.capitalize()),
            "percent": round(finding.confidence * 100),
        }
        for finding in findings
    ]
    return {"findings": rows, "checked": True}


class FactCheckPanel(Panel):
    """Lists the dates the fact checker flags in the page's latest draft (read-only)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Fact check")
        kwargs.setdefault("icon", "calendar")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        """The panel bound to the page being edited (in the editor, its latest revision)."""

        template_name = "factcheck/panels/findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(findings_context(self.instance))
            return context


def add_findings_panel():
    """Append the panel to `ArticlePage.content_panels` and rebuild its cached edit handler.

    Called from `FactcheckConfig.ready()`, so the panel is there before any editor opens; a
    page type that sets its own `edit_handler` would ignore it.
    """
    from courses.models import ArticlePage

    if any(isinstance(panel, FactCheckPanel) for panel in ArticlePage.content_panels):
        return
    ArticlePage.content_panels = [*ArticlePage.content_panels, FactCheckPanel()]
    # wagtail.admin attaches the cached get_edit_handler in its own ready(), which may come later
    edit_handler = getattr(ArticlePage, "get_edit_handler", None)
    if edit_handler is not None:
        edit_handler.cache_clear()
