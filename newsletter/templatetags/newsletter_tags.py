from django import template

register = template.Library()


@register.filter
def timeline_events(value):
    """The events a timeline excerpt block names, from the course chronology."""
    from chronology.timeline import TimelineFilters
    from chronology.timeline import timeline_events as events

    filters = TimelineFilters(period=value.get("period", ""), person=value.get("person") or "")
    return list(events(filters)[: value.get("limit") or 8])
