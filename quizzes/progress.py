"""A reader's progress without an account: topics read and best quiz scores, kept in the session
(a signed cookie), never in the database."""

SESSION_KEY = "progress"


def progress_of(request):
    return request.session.get(SESSION_KEY, {"read": [], "best": {}})


def mark_read(request, slug):
    progress = progress_of(request)
    if slug not in progress["read"]:
        progress["read"].append(slug)
        request.session[SESSION_KEY] = progress


def record_score(request, slug, score, out_of):
    progress = progress_of(request)
    best = progress["best"].get(slug)
    if best is None or score / out_of > best[0] / best[1]:
        progress["best"][slug] = [score, out_of]
        request.session[SESSION_KEY] = progress
    mark_read(request, slug)


def clear(request):
    request.session.pop(SESSION_KEY, None)
