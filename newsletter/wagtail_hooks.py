"""The newsletter in the admin: subscribers (with CSV export), issues with test-send and send."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Issue, Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    list_display = ["email", "name", "status", "subscribed_at", "confirmed_at"]
    list_filter = ["status"]
    list_export = ["email", "name", "status", "confirmed_at"]
    export_filename = "subscribers"
    search_fields = ["email", "name"]


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    list_display = ["subject", "status", "sent_at", "sent_count", "failed_count"]


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 300
    items = (IssueViewSet, SubscriberViewSet)


register_snippet(NewsletterGroup)


class SendTestMenuItem(ActionMenuItem):
    name = "action-send-test"
    label = "Send a test to me"
    icon_name = "mail"

    def is_shown(self, context):
        return context.get("view") == "edit" and isinstance(context.get("instance"), Issue)


class SendMenuItem(ActionMenuItem):
    name = "action-send-issue"
    label = "Send to all subscribers"
    icon_name = "mail"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and isinstance(instance, Issue)
            and instance.status == Issue.DRAFT
        )


@hooks.register("register_snippet_action_menu_item")
def register_send_test(model):
    return SendTestMenuItem(order=10) if model is Issue else None


@hooks.register("register_snippet_action_menu_item")
def register_send(model):
    return SendMenuItem(order=20) if model is Issue else None


@hooks.register("after_edit_snippet")
def send_after_save(request, instance):
    """The menu items save the issue first, then send a test to the editor or queue the real send."""
    from .tasks import send_issue, send_test

    if not isinstance(instance, Issue):
        return None
    if "action-send-test" in request.POST:
        send_test.enqueue(instance.pk, request.user.email, request.user.get_full_name())
        messages.success(request, f"A test is on its way to {request.user.email}.")
        return redirect("wagtailsnippets_newsletter_issue:edit", instance.pk)
    if "action-send-issue" in request.POST:
        send_issue.enqueue(instance.pk)
        messages.success(request, "Sending has started; the list shows how many have been sent.")
        return redirect("wagtailsnippets_newsletter_issue:list")
    return None


class ForgetSubscribersAction(SnippetBulkAction):
    """Erase personal data on request; delivery statistics stay, without the person."""

    display_name = "Erase personal data"
    aria_label = "Erase the selected subscribers' personal data"
    action_type = "forget"
    template_name = "newsletter/confirm_forget.html"
    models = [Subscriber]

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = len(objects)
        Subscriber.objects.filter(pk__in=[o.pk for o in objects]).delete()
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Erased {num_parent_objects} subscriber(s)."


hooks.register("register_bulk_action", ForgetSubscribersAction)
