"""Quiz files of a content pack (quizzes/<topic>.yaml): checking them and turning them into rows."""

from .kinds import KINDS, Question, validate

FIELDS = {"kind", "prompt", "choices", "answer", "explanation", "link", "items", "pairs"}


def question_rows(record, error):
    """The ArticleQuestion field values of every question in a quiz file; problems go to `error(line, field, message)`."""
    questions = record.fields.get("questions") if isinstance(record.fields, dict) else None
    if not isinstance(questions, list):
        error(record.line, "questions", "a quiz file holds a list under 'questions'")
        return []
    rows = []
    for number, entry in enumerate(questions, start=1):
        line = getattr(entry, "line", record.line)
        if not isinstance(entry, dict):
            error(line, "questions", f"question {number} must be a mapping")
            continue
        for key in sorted(set(entry) - FIELDS):
            error(
                entry.key_lines.get(key, line), key, f"unknown field '{key}' in question {number}"
            )
        kind = entry.get("kind")
        if kind not in KINDS:
            error(line, "kind", f"question {number}: kind must be one of {', '.join(KINDS)}")
            continue
        row = {
            "kind": kind,
            "prompt": str(entry.get("prompt") or "").strip(),
            "explanation": str(entry.get("explanation") or "").strip(),
            "link": str(entry.get("link") or ""),
            "choices": "",
            "answer": "",
        }
        if kind == "multiple_choice":
            row["choices"] = "\n".join(str(c) for c in entry.get("choices") or [])
            row["answer"] = str(entry.get("answer") or "")
        elif kind == "true_false":
            answer = entry.get("answer")
            row["answer"] = (
                "true" if answer is True else "false" if answer is False else str(answer)
            )
        elif kind == "order":
            row["choices"] = "\n".join(str(item) for item in entry.get("items") or [])
        else:
            pairs = entry.get("pairs") or []
            if not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
                error(
                    line, "pairs", f"question {number}: each pair is a list of two: [left, right]"
                )
                continue
            row["choices"] = "\n".join(f"{left} = {right}" for left, right in pairs)
        for problem in validate(to_question(row, f"q{number}")):
            error(line, kind, f"question {number} {problem}")
        rows.append(row)
    return rows


def to_question(row, key):
    from .models import ArticleQuestion

    return ArticleQuestion(**row).to_question(key)


def question_entry(question):
    """An ArticleQuestion as a quiz file writes it (the inverse of question_rows)."""
    entry = {"kind": question.kind, "prompt": question.prompt}
    lines = [line for line in question.choices.splitlines() if line.strip()]
    if question.kind == "multiple_choice":
        entry.update(choices=lines, answer=question.answer)
    elif question.kind == "true_false":
        entry["answer"] = question.answer == "true"
    elif question.kind == "order":
        entry["items"] = lines
    else:
        entry["pairs"] = [[part.strip() for part in line.split("=", 1)] for line in lines]
    if question.explanation:
        entry["explanation"] = question.explanation
    if question.link:
        entry["link"] = question.link
    return entry


__all__ = ["Question", "question_rows", "question_entry"]
