"""Quiz exports: each format parses with a real reader and keeps every question and answer."""

import io
import json
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from quizzes.exports import export, gift_escape
from quizzes.kinds import Question

ROOT = Path(__file__).resolve().parents[2]
GIFT_PEGJS = ROOT / "var" / "tools" / "node_modules" / "gift-pegjs"
URL = "https://clio.example/russian-soviet-history/leon-trotsky/"

QUESTIONS = [
    Question(
        key="a1",
        kind="multiple_choice",
        prompt="Which paper did Trotsky edit in Vienna: {Iskra} or = Pravda?",
        choices=("Iskra", "Pravda", "Nashe Slovo"),
        answer=("Pravda",),
        explanation="Vienna Pravda: 1908–1912. Not #1 ~ Lenin's paper.",
    ),
    Question(key="a2", kind="true_false", prompt="Trotsky founded the Cheka.", answer=("false",)),
    Question(
        key="a3",
        kind="order",
        prompt="Put these in order.",
        choices=("1905 Soviet", "Brest-Litovsk", "Exile to Alma-Ata"),
        answer=("1905 Soviet", "Brest-Litovsk", "Exile to Alma-Ata"),
    ),
    Question(
        key="a4",
        kind="match",
        prompt="Match each post to its years.",
        left=("Foreign Affairs", "War"),
        choices=("1917-1918", "1918-1925"),
        answer=("1917-1918", "1918-1925"),
        explanation="He ran the army from March 1918.",
    ),
]


def moodle_questions(body):
    root = ET.fromstring(body)
    return root, [q for q in root.findall("question") if q.get("type") != "category"]


def test_moodle_xml_keeps_every_question_with_its_right_answer():
    root, questions = moodle_questions(export("moodle", "Leon Trotsky", QUESTIONS, URL))
    assert [q.get("type") for q in questions] == [
        "multichoice",
        "truefalse",
        "ordering",
        "matching",
    ]
    choice, true_false, order, match = questions
    right = [a.findtext("text") for a in choice.findall("answer") if a.get("fraction") == "100"]
    assert right == ["Pravda"] and len(choice.findall("answer")) == 3
    assert choice.findtext("generalfeedback/text").startswith("Vienna Pravda")
    assert [
        a.findtext("text") for a in true_false.findall("answer") if a.get("fraction") == "100"
    ] == ["false"]
    ordered = sorted(order.findall("answer"), key=lambda a: int(a.get("fraction")))
    assert [a.findtext("text") for a in ordered] == list(QUESTIONS[2].answer)
    assert [
        (s.findtext("text"), s.findtext("answer/text")) for s in match.findall("subquestion")
    ] == [
        ("Foreign Affairs", "1917-1918"),
        ("War", "1918-1925"),
    ]
    category = root.find("question[@type='category']")
    assert category.findtext("category/text") == "$course$/top/Clio/Leon Trotsky"
    assert "CC BY 4.0" in category.findtext("info/text") and URL in category.findtext("info/text")


def parse_gift(text):
    assert GIFT_PEGJS.exists(), "gift-pegjs is missing: `make test` installs it with npm"
    script = (
        f"const p = require({json.dumps(str(GIFT_PEGJS))});"
        "process.stdout.write(JSON.stringify(p.parse(require('fs').readFileSync(0, 'utf8'))));"
    )
    run = subprocess.run(
        ["node", "-e", script], input=text, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_gift_parses_with_a_gift_parser_and_keeps_questions_answers_and_feedback():
    text = export("gift", "Leon Trotsky", QUESTIONS, URL).decode()
    assert text.startswith("// Questions from Clio") and "CC BY 4.0" in text.splitlines()[0]
    parsed = parse_gift(text)
    assert parsed[0] == {"type": "Category", "title": "$course$/top/Clio/Leon Trotsky"}
    choice, true_false, order, match = parsed[1:]
    assert [q["type"] for q in parsed[1:]] == ["MC", "TF", "Matching", "Matching"]
    assert choice["stem"]["text"] == QUESTIONS[0].prompt  # the braces and '=' survive escaping
    assert [c["text"]["text"] for c in choice["choices"] if c["isCorrect"]] == ["Pravda"]
    assert choice["globalFeedback"]["text"] == QUESTIONS[0].explanation
    assert true_false["isTrue"] is False
    assert [(p["subquestion"]["text"], p["subanswer"]) for p in order["matchPairs"]] == [
        ("1905 Soviet", "1st"),
        ("Brest-Litovsk", "2nd"),
        ("Exile to Alma-Ata", "3rd"),
    ]
    assert [p["subanswer"] for p in match["matchPairs"]] == ["1917-1918", "1918-1925"]


def test_gift_escapes_its_special_characters():
    assert gift_escape("a {b} = c ~ d # e: f\\") == "a \\{b\\} \\= c \\~ d \\# e\\: f\\\\"


def qti_files(body):
    with zipfile.ZipFile(io.BytesIO(body)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_qti_package_lists_every_item_and_converts_with_a_qti_converter():
    from qti_convert import upgrade_package

    body = export("qti", "Leon Trotsky", QUESTIONS, URL, slug="leon-trotsky")
    files = qti_files(body)
    ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "lom": "http://ltsc.ieee.org/xsd/LOM"}
    manifest = ET.fromstring(files["imsmanifest.xml"])
    items = manifest.findall("cp:resources/cp:resource[@type='imsqti_item_xmlv2p1']", ns)
    assert len(items) == len(QUESTIONS)
    assert all(item.get("href") in files for item in items)
    assert "CC BY 4.0" in manifest.find(".//lom:rights/lom:description/lom:string", ns).text
    qti = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    interactions = [
        ET.fromstring(files[item.get("href")]).find("q:itemBody/*", qti).tag.split("}")[1]
        for item in items
    ]
    assert interactions == [
        "choiceInteraction",
        "choiceInteraction",
        "orderInteraction",
        "matchInteraction",
    ]
    order = ET.fromstring(files["items/leon-trotsky-3.xml"])
    choice_text = {c.get("identifier"): c.text for c in order.iter(f"{{{qti['q']}}}simpleChoice")}
    correct = [v.text for v in order.iter(f"{{{qti['q']}}}value")][: len(QUESTIONS[2].answer)]
    assert [choice_text[v] for v in correct] == list(QUESTIONS[2].answer)
    # Cito's QTI converter reads the 2.1 package and writes QTI 3.0, item for item.
    upgraded = upgrade_package(body).files
    roots = [
        ET.fromstring(data).tag for name, data in upgraded.items() if name.startswith("items/")
    ]
    assert roots == ["{http://www.imsglobal.org/xsd/imsqtiasi_v3p0}qti-assessment-item"] * 4


def test_an_unknown_format_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown quiz format 'docx'"):
        export("docx", "T", QUESTIONS, URL)
