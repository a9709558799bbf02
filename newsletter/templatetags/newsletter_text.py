"""The plain-text part of an issue, written from the same blocks as the HTML part."""

from django import template
from django.utils.html import strip_tags

register = template.Library()


@register.filter
def make_rule(length):
    return "=" * length


@register.filter
def block_text(block):
    from .newsletter_tags import timeline_events

    value = block.value
    if block.block_type == "text":
        return strip_tags(str(value)).strip()
    if block.block_type == "article":
        page = value["article"].specific
        note = f"\n{value['note']}" if value.get("note") else ""
        return f"{page.title}\n{page.standfirst}{note}\n{page.full_url}"
    if block.block_type == "timeline":
        lines = [
            f"- {event.when_date.display()}: {event.title}" for event in timeline_events(value)
        ]
        return value["title"] + "\n" + "\n".join(lines)
    if block.block_type == "exclusive":
        return f"{value['title']} (for subscribers)\n{strip_tags(str(value['text'])).strip()}"
    return strip_tags(str(block.render())).strip()
