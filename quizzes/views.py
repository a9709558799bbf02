"""Serving quizzes: the article quiz, the practice quiz and the course revision quiz, as plain
HTML forms that a small script can check in place (the server grades in both cases)."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from core.csrf import SAME_SITE

from . import progress
from .kinds import grade
from .quiz import responses_from


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def check(request, questions):
    """Grade a submitted quiz; the result a template or the script shows."""
    responses = responses_from(request.POST, questions)
    results, score, out_of = grade(questions, responses)
    return {
        "score": score,
        "out_of": out_of,
        "by_key": {r.question.key: r for r in results},
        "results": results,
    }


def json_result(result):
    return JsonResponse(
        {
            "score": result["score"],
            "out_of": result["out_of"],
            "questions": [
                {
                    "key": r.question.key,
                    "correct": r.correct,
                    "points": r.points,
                    "max": r.question.max_score,
                    "repeated": list(r.repeated),
                    "solution": r.question.solution(),
                    "explanation": r.question.explanation,
                    "link": r.question.link,
                }
                for r in result["results"]
            ],
        }
    )


def seed_from(request):
    try:
        return int(request.POST.get("seed", request.GET.get("seed", 0)))
    except ValueError:
        return 0


# A transparent 1x1 GIF: what the reading mark on an article loads.
PIXEL = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


@require_GET
def read_mark(request, slug):
    """Mark a topic read: a tiny image every article loads, so that the article itself is the
    same cached page for every reader and carries no cookie (works with JavaScript off)."""
    from courses.menu import cached_content
    from courses.models import ArticlePage

    live = cached_content(
        "article-slugs", lambda: set(ArticlePage.objects.live().values_list("slug", flat=True))
    )
    if slug in live and request.headers.get("Sec-Fetch-Site", "same-origin") in SAME_SITE:
        progress.mark_read(request, slug)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def clear_progress(request):
    progress.clear(request)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"  # only back to a page of this site, never elsewhere
    return redirect(target)
