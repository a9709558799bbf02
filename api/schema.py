"""Additions to the generated OpenAPI document: the error answers every operation may give."""


def error(description):
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"type": "object", "additionalProperties": True}}
        },
    }


NOT_FOUND = error("No such object, or a page number past the last page.")
BAD_FILTER = error("A filter value that is not a slug; the body names the parameter.")
PAGING = ("page", "page_size")


def document_errors(result, generator, request, public):
    """Every operation may answer 404 (an unknown slug, a page past the last one); one with
    filters may answer 400 (a filter value of the wrong form)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            responses["404"] = NOT_FOUND
            parameters = operation.get("parameters", [])
            if any(p["in"] == "query" and p["name"] not in PAGING for p in parameters):
                responses["400"] = BAD_FILTER
    return result
