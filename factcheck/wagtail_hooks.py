"""Admin hooks: before an article is published, warn (never block) when the checker flags dates."""

import logging

from django.contrib import messages
from wagtail import hooks

from .articles import check_article

logger = logging.getLogger(__name__)

#: How many flagged dates the warning names before "and N more".
WARNING_SHOWS = 3


def publish_warning(findings) -> str:
    """The warning shown on publishing an article with findings."""
    shown = [f"“{f.claim}” (the chronology says {f.expected})" for f in findings[:WARNING_SHOWS]]
    more = len(findings) - len(shown)
    listed = "; ".join(shown) + (f"; and {more} more" if more else "")
    noun = "date" if len(findings) == 1 else "dates"
    return (
        f"The fact checker flagged {len(findings)} {noun}: {listed}. "
        "The page was published anyway; the Fact check panel of the editor lists them."
    )


@hooks.register("before_publish_page")
def warn_about_flagged_dates(request, page):
    """Check the revision being published; add a warning message and let publishing go on."""
    from courses.models import ArticlePage

    if not isinstance(page, ArticlePage):
        return None
    try:
        findings = check_article(page)
    except Exception:  # the checker must never stand in the way of publishing
        logger.exception("The fact checker failed on page %s", page.pk)
        return None
    if findings:
        messages.warning(request, publish_warning(findings))
    return None
