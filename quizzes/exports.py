"""Quizzes for the platforms schools use: Moodle XML, GIFT (Moodle's plain-text format) and a
QTI 2.1 content package. Pure functions of a title and a list of `Question`s.

Each kind maps onto its nearest native type: multiple choice and true/false onto single-answer
choice questions, match onto matching, order onto Moodle's ordering type and QTI's
orderInteraction (GIFT has no ordering type, so there an order question becomes a matching of
each item to its place).
"""

import io
import zipfile
from xml.etree import ElementTree as ET

from core.licence import LICENCE_WITH_URL

ORDINALS = ("1st", "2nd", "3rd") + tuple(f"{n}th" for n in range(4, 21))

FORMATS = {
    # name: (file name ending, content type, label for a download link)
    "moodle": ("moodle.xml", "application/xml; charset=utf-8", "Moodle XML"),
    "gift": ("gift.txt", "text/plain; charset=utf-8", "GIFT"),
    "qti": ("qti.zip", "application/zip", "QTI 2.1"),
}


def licence_note(source_url):
    return (
        f"Questions from Clio ({source_url}). Text licensed under {LICENCE_WITH_URL}: "
        "share and adapt them with credit to Clio."
    )


def _text(parent, tag, value, **attrs):
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = value
    return element


# Moodle XML ------------------------------------------------------------------------------------


def moodle_xml(title, questions, source_url):
    """A Moodle XML question file: a category named after the quiz, then one question each."""
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {licence_note(source_url)} "))
    category = ET.SubElement(quiz, "question", type="category")
    _text(category, "category", f"$course$/top/Clio/{title}")
    _text(category, "info", licence_note(source_url), format="moodle_auto_format")
    for number, question in enumerate(questions, start=1):
        quiz.append(_moodle_question(question, number))
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8")


MOODLE_TYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "match": "matching",
    "order": "ordering",
}


def _moodle_question(question, number):
    element = ET.Element("question", type=MOODLE_TYPES[question.kind])
    _text(element, "name", f"{number}. {question.prompt[:80]}")
    _text(element, "questiontext", question.prompt, format="plain_text")
    _text(element, "generalfeedback", question.explanation, format="plain_text")
    ET.SubElement(element, "defaultgrade").text = str(question.max_score)
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    if question.kind == "multiple_choice":
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice in question.choices:
            fraction = "100" if choice == question.answer[0] else "0"
            _text(element, "answer", choice, fraction=fraction, format="plain_text")
    elif question.kind == "true_false":
        for value in ("true", "false"):
            fraction = "100" if question.answer[0] == value else "0"
            _text(element, "answer", value, fraction=fraction, format="moodle_auto_format")
    elif question.kind == "match":
        ET.SubElement(element, "shuffleanswers").text = "true"
        for left, right in zip(question.left, question.answer, strict=True):
            sub = _text(element, "subquestion", left, format="plain_text")
            _text(sub, "answer", right)
    else:  # order: Moodle's ordering type (core since 4.4), answers in the right order
        ET.SubElement(element, "layouttype").text = "VERTICAL"
        ET.SubElement(element, "selecttype").text = "ALL"
        ET.SubElement(element, "selectcount").text = "0"
        ET.SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"
        ET.SubElement(element, "showgrading").text = "SHOW"
        ET.SubElement(element, "numberingstyle").text = "none"
        for position, item in enumerate(question.answer, start=1):
            _text(element, "answer", item, fraction=str(position), format="plain_text")
    return element


# GIFT ------------------------------------------------------------------------------------------


def gift_escape(text):
    """GIFT's special characters, escaped with a backslash; line breaks become spaces."""
    for char in "\\~=#{}:":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def gift(title, questions, source_url):
    """A GIFT file: a comment with the licence, a category, then one question a paragraph."""
    lines = [f"// {licence_note(source_url)}", f"$CATEGORY: $course$/top/Clio/{title}", ""]
    for number, question in enumerate(questions, start=1):
        name = gift_escape(f"{number}. {question.prompt[:80]}")
        feedback = f"####{gift_escape(question.explanation)}" if question.explanation else ""
        if question.kind == "multiple_choice":
            answers = " ".join(
                ("=" if choice == question.answer[0] else "~") + gift_escape(choice)
                for choice in question.choices
            )
        elif question.kind == "true_false":
            answers = "TRUE" if question.answer[0] == "true" else "FALSE"
        else:
            pairs = (
                zip(question.left, question.answer, strict=True)
                if question.kind == "match"
                else zip(question.answer, ORDINALS, strict=False)
            )
            answers = " ".join(f"={gift_escape(a)} -> {gift_escape(b)}" for a, b in pairs)
        prompt = gift_escape(question.prompt)
        if question.kind == "order":
            prompt += " (Match each to its place in the order.)"
        lines += [f"::{name}::{prompt} {{{answers}{feedback}}}", ""]
    return "\n".join(lines).encode("utf-8")


# QTI 2.1 ---------------------------------------------------------------------------------------

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
LOM = "http://ltsc.ieee.org/xsd/LOM"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"


def _qti_root(tag, schema_location, namespace, **attrs):
    root = ET.Element(tag, {"xmlns": namespace, "xmlns:xsi": XSI, **attrs})
    root.set("xsi:schemaLocation", f"{namespace} {schema_location}")
    return root


def qti_item(question, identifier):
    """One QTI 2.1 assessmentItem; order and match questions score a point per right place."""
    item = _qti_root(
        "assessmentItem",
        QTI_XSD,
        QTI,
        identifier=identifier,
        title=question.prompt[:80],
        adaptive="false",
        timeDependent="false",
    )
    choice_ids = {choice: f"C{n}" for n, choice in enumerate(question.options(seed=0), start=1)}
    cardinality, base_type = {
        "order": ("ordered", "identifier"),
        "match": ("multiple", "directedPair"),
    }.get(question.kind, ("single", "identifier"))
    response = ET.SubElement(
        item,
        "responseDeclaration",
        identifier="RESPONSE",
        cardinality=cardinality,
        baseType=base_type,
    )
    correct = ET.SubElement(response, "correctResponse")
    if question.kind == "match":
        left_ids = {left: f"L{n}" for n, left in enumerate(question.left, start=1)}
        right_ids = {right: f"R{n}" for n, right in enumerate(question.options(seed=0), start=1)}
        values = [
            f"{left_ids[left]} {right_ids[right]}"
            for left, right in zip(question.left, question.answer, strict=True)
        ]
    elif question.kind == "true_false":
        choice_ids = {"True": "TRUE", "False": "FALSE"}
        values = [question.answer[0].upper()]
    else:
        values = [choice_ids[answer] for answer in question.answer]
    for value in values:
        ET.SubElement(correct, "value").text = value
    if question.kind == "match":
        mapping = ET.SubElement(response, "mapping", defaultValue="0")
        for value in values:
            ET.SubElement(mapping, "mapEntry", mapKey=value, mappedValue="1")
    outcome = ET.SubElement(
        item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float"
    )
    ET.SubElement(ET.SubElement(outcome, "defaultValue"), "value").text = "0"
    body = ET.SubElement(item, "itemBody")
    if question.kind == "match":
        interaction = ET.SubElement(
            body,
            "matchInteraction",
            responseIdentifier="RESPONSE",
            shuffle="true",
            maxAssociations=str(len(values)),
        )
        ET.SubElement(interaction, "prompt").text = question.prompt
        for ids in (left_ids, right_ids):
            match_set = ET.SubElement(interaction, "simpleMatchSet")
            for text, choice_id in ids.items():
                ET.SubElement(
                    match_set, "simpleAssociableChoice", identifier=choice_id, matchMax="1"
                ).text = text
    else:
        tag = "orderInteraction" if question.kind == "order" else "choiceInteraction"
        attrs = {"responseIdentifier": "RESPONSE", "shuffle": "true"}
        if tag == "choiceInteraction":
            attrs["maxChoices"] = "1"
            attrs["shuffle"] = "false" if question.kind == "true_false" else "true"
        interaction = ET.SubElement(body, tag, attrs)
        ET.SubElement(interaction, "prompt").text = question.prompt
        for text, choice_id in choice_ids.items():
            ET.SubElement(interaction, "simpleChoice", identifier=choice_id).text = text
    template = MAP_RESPONSE if question.kind == "match" else MATCH_CORRECT
    ET.SubElement(item, "responseProcessing", template=template)
    ET.indent(item)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(item, encoding="utf-8")


def qti_test(title, item_ids, identifier):
    """An assessmentTest holding every item in one section, in order."""
    test = _qti_root("assessmentTest", QTI_XSD, QTI, identifier=identifier, title=title)
    part = ET.SubElement(
        test,
        "testPart",
        identifier="part",
        navigationMode="nonlinear",
        submissionMode="simultaneous",
    )
    section = ET.SubElement(
        part, "assessmentSection", identifier="section", title=title, visible="true"
    )
    for item_id in item_ids:
        ET.SubElement(section, "assessmentItemRef", identifier=item_id, href=f"items/{item_id}.xml")
    ET.indent(test)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(test, encoding="utf-8")


def qti_manifest(title, item_ids, source_url):
    """The IMS content package manifest: the test and each item as resources, the licence as
    LOM rights metadata."""
    manifest = _qti_root("manifest", CP_XSD, CP, identifier="clio-quiz")
    manifest.set("xmlns:imsmd", LOM)
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    lom = ET.SubElement(metadata, "imsmd:lom")
    general = ET.SubElement(lom, "imsmd:general")
    ET.SubElement(ET.SubElement(general, "imsmd:title"), "imsmd:string", language="en").text = title
    rights = ET.SubElement(lom, "imsmd:rights")
    restrictions = ET.SubElement(rights, "imsmd:copyrightAndOtherRestrictions")
    ET.SubElement(restrictions, "imsmd:source").text = "LOMv1.0"
    ET.SubElement(restrictions, "imsmd:value").text = "yes"
    description = ET.SubElement(rights, "imsmd:description")
    ET.SubElement(description, "imsmd:string", language="en").text = licence_note(source_url)
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    test = ET.SubElement(
        resources, "resource", identifier="test", type="imsqti_test_xmlv2p1", href="test.xml"
    )
    ET.SubElement(test, "file", href="test.xml")
    for item_id in item_ids:
        ET.SubElement(test, "dependency", identifierref=item_id)
    for item_id in item_ids:
        resource = ET.SubElement(
            resources,
            "resource",
            identifier=item_id,
            type="imsqti_item_xmlv2p1",
            href=f"items/{item_id}.xml",
        )
        ET.SubElement(resource, "file", href=f"items/{item_id}.xml")
    ET.indent(manifest)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(manifest, encoding="utf-8")


def qti_package(title, questions, source_url, slug="quiz"):
    """A QTI 2.1 content package (zip): imsmanifest.xml, test.xml, items/<id>.xml, LICENCE.txt."""
    item_ids = [f"{slug}-{number}" for number in range(1, len(questions) + 1)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", qti_manifest(title, item_ids, source_url))
        package.writestr("test.xml", qti_test(title, item_ids, f"{slug}-test"))
        for item_id, question in zip(item_ids, questions, strict=True):
            package.writestr(f"items/{item_id}.xml", qti_item(question, item_id))
        package.writestr("LICENCE.txt", licence_note(source_url) + "\n")
    return out.getvalue()


def export(fmt, title, questions, source_url, slug="quiz"):
    """The quiz in one of FORMATS, as bytes."""
    if fmt == "moodle":
        return moodle_xml(title, questions, source_url)
    if fmt == "gift":
        return gift(title, questions, source_url)
    if fmt == "qti":
        return qti_package(title, questions, source_url, slug)
    raise ValueError(f"unknown quiz format '{fmt}': choose one of {', '.join(FORMATS)}")
